/* The ВПР analysis task by task: for every assessment of a year with task
 * scores, how much of each task the pupils did, by class and for the
 * school, against the region's (and the district's) share; the learning
 * deficits among them; each pupil's own; and the rules these use (settings
 * with defaults). Domain layer: reads through the store, never prints. */
#ifndef ORIENTIR_TASKS_H
#define ORIENTIR_TASKS_H

#include <sqlite3.h>
#include <stddef.h>

#include "rules.h"
#include "store.h"

/* A task's figures in a class (or the school). */
typedef struct task_cell {
	long participants;
	double sum;
	int tenths;		/* percent × 10; -1 when no participant */
	int deficit;
} task_cell;

/* One assessment: its tasks, its classes, and their figures. */
typedef struct task_assess {
	assessment a;
	const char *procedure, *subject;	/* the report's refmaps' */
	task_def *tasks;
	size_t ntasks;
	char **classes;		/* in Russian order */
	size_t nclasses;
	task_cell *cells;	/* (nclasses + 1) rows of ntasks: row 0 the school */
	long *participants;	/* per row, as cells */
} task_assess;

typedef struct task_report {
	int year;
	task_assess *v;
	size_t n;
	analysis_rules rules;
	refmap *proc, *subj;
} task_report;

/* Which assessments of the year (NULL or 0: all). */
typedef struct task_filter {
	const char *procedure, *subject;
	int grade;
} task_filter;

/* The year's assessments with task scores, by procedure, grade and
 * subject. 0, or -1 with *err (a procedure or subject named that is not
 * known among them too). */
int tasks_compute(sqlite3 *db, int year, const task_filter *f, task_report *out, char **err);
void task_report_free(task_report *r);
/* A class's row of an assessment (0 the school, i + 1 class i). */
static inline const task_cell *task_at(const task_assess *t, size_t row, size_t task)
{
	return &t->cells[row * t->ntasks + task];
}

/* The school's deficits as lines for people: a subject's line, then its
 * tasks' lines indented with «  • » (fresh lines, *n of them). */
char **tasks_deficit_lines(const task_report *r, size_t *n);

/* The pupils of an assessment who scored 0 on task (index), «Фамилия Имя
 * (5А)», fresh strings. */
int tasks_zero_pupils(sqlite3 *db, const task_assess *t, size_t task, char ***out, size_t *n, char **err);
void tasks_names_free(char **v, size_t n);

/* A pupil's own deficits in a year: the tasks done below the rules' share
 * of their maximum. */
typedef struct pupil_deficit {
	char *procedure, *subject, *number, *skill, *block;
	double score, max;
} pupil_deficit;
int tasks_pupil_deficits(sqlite3 *db, long student_id, int year, pupil_deficit **out, size_t *n, char **err);
void pupil_deficits_free(pupil_deficit *v, size_t n);
/* What to work on, in a few words per subject, from a pupil's deficits:
 * «Математика: текстовые задачи (з. 3); геометрия (з. 4)» (fresh; "" for none). */
char *tasks_route_text(const pupil_deficit *v, size_t n);

#endif
