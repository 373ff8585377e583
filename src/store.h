/* Queries per entity over an open database (see db.h). Each returns 0 on
 * success (or 1 / 0 for found / not found where it says so) and -1 with a
 * translated *err. Never prints. */
#ifndef ORIENTIR_STORE_H
#define ORIENTIR_STORE_H

#include <sqlite3.h>

#include "sdb.h"
#include "sign.h"

/* --- the school or district this database belongs to (db-school.c) --- */
typedef struct school {
	char *code, *name, *district, *role, *created_at;
} school;

/* 1 and *out filled when initialised, 0 when not. */
int db_school_get(sdb *db, school *out, char **err);
/* Only the code (fresh), from a database of any version: 1, or 0 when it
 * has no school yet. */
int db_school_code(sqlite3 *db, char **code, char **err);
int db_school_create(sdb *db, const school *s, char **err);
/* Changes the code, name and district (the role stays). */
int db_school_update(sqlite3 *db, const school *s, char **err);
void school_clear(school *s);

/* --- procedures and subjects, matched by name or alias (db-ref.c) --- */
enum ref_kind { REF_PROCEDURE, REF_SUBJECT };
typedef struct refmap refmap;

refmap *db_ref_load(sqlite3 *db, enum ref_kind kind, char **err);
void refmap_free(refmap *m);
/* The id whose name or alias matches text (case, ё and spaces ignored), or 0. */
long refmap_find(const refmap *m, const char *text);
/* The id whose name or alias stands in running text, its words declined
 * («по математике», «русскому языку»): the one matching the most of it, or 0. */
long refmap_find_words(const refmap *m, const char *text);
const char *refmap_name(const refmap *m, long id);
/* Every name in the reference order, NULL-terminated: a fresh array of
 * the map's own strings (for a form's choices). */
const char **refmap_names(const refmap *m);
/* Position of id in the reference order (sort column), for sorting lists. */
int refmap_rank(const refmap *m, long id);
/* Adds a new entry; its id, or -1. */
long db_ref_add(sqlite3 *db, refmap *m, const char *name, const char *title,
		const char *aliases, int sort, char **err);

/* --- classes and pupils (db-student.c) --- */
typedef struct student {
	long id;
	char *code, *last_name, *first_name, *middle_name;
	long class_id;		/* 0: has left */
	int risk_group, individual_route, extra_lessons;
} student;

/* Id of class grade+letter, created when missing. */
long db_class_ensure(sqlite3 *db, int grade, const char *letter, char **err);
/* Grade and label («5А») of class id: 1 found, 0 not. */
int db_class_get(sqlite3 *db, long id, int *grade, char **label, char **err);
/* 1 and *out filled, 0 none. */
int db_student_by_code(sqlite3 *db, const char *code, student *out, char **err);
/* By folded full name within a class: 1 one found, 0 none, 2 several. */
int db_student_by_name(sqlite3 *db, const char *name_key, long class_id, student *out, char **err);
/* Inserts (s->id == 0, id set) or updates every field of s. */
int db_student_save(sqlite3 *db, student *s, char **err);
/* Every pupil's code, id and current class (0 once left), through visit. */
typedef int (*student_code_visit)(void *ctx, const char *code, long id, long class_id);
int db_student_codes(sqlite3 *db, student_code_visit visit, void *ctx, char **err);
/* The largest number among generated pupil codes ("У" and digits), 0 for
 * none, so that an import can hand out the next ones; -1 with *err. */
long db_student_last_generated(sqlite3 *db, char **err);
long db_student_max_id(sqlite3 *db, char **err);
void student_clear(student *s);
/* The matching key of a full name: folded, single-spaced. Fresh string. */
char *student_name_key(const char *last, const char *first, const char *middle);

/* A line of the pupils list. */
typedef struct pupil_item {
	long id;
	char *code, *last_name, *first_name, *middle_name, *class_label;	/* class "" once left */
	long class_id;
	int risk_group, individual_route, extra_lessons;
	long results;
} pupil_item;
enum pupil_filter { PUPILS_CURRENT, PUPILS_LEFT, PUPILS_ALL };
/* Pupils whose name or code contains search (any case, ё as е; NULL or ""
 * for all), by class then name in Russian order. */
int db_pupil_list(sqlite3 *db, const char *search, enum pupil_filter which, pupil_item **out, size_t *n,
		  char **err);
void pupil_list_free(pupil_item *v, size_t n);
/* Deletes a pupil with no results (1), or does nothing when there are
 * some (0: mark them as left instead). */
int db_student_delete(sqlite3 *db, long id, char **err);
/* The pupil has left: no class, the day noted; results stay. */
int db_student_leave(sqlite3 *db, long id, char **err);

typedef struct class_item {
	long id;
	int grade;
	char *label;
	long pupils;
} class_item;
/* Every class in grade order, with how many pupils it has now. */
int db_class_list(sqlite3 *db, class_item **out, size_t *n, char **err);
void class_list_free(class_item *v, size_t n);

/* --- assessments and their scales (db-assessment.c) --- */
typedef struct scale {
	double max_score, min_score;
	int has_score4, has_score5, has_high, has_avg;
	double score4, score5, high_score, avg_score;
} scale;

typedef struct assessment {
	long id, procedure_id, subject_id;
	int grade, year;
	scale sc;
} assessment;

/* 1 and *out filled, 0 none. */
int db_assessment_find(sqlite3 *db, long procedure_id, long subject_id, int grade, int year,
		       assessment *out, char **err);
int db_assessment_save(sqlite3 *db, assessment *a, char **err);
/* Every assessment of a year, ordered by procedure, then grade, then subject.
 * *out is a fresh array. */
int db_assessment_list_year(sqlite3 *db, int year, assessment **out, size_t *n, char **err);

/* One line of the list of every assessment, for pickers. */
typedef struct assessment_entry {
	long id;
	int year, grade;
	char *procedure, *subject;
} assessment_entry;
/* Every assessment: newest year first, then procedure, subject, grade. */
int db_assessment_catalog(sqlite3 *db, assessment_entry **out, size_t *n, char **err);
void assessment_catalog_free(assessment_entry *v, size_t n);

/* An assessment with its scale and how many results it has, for the list. */
typedef struct scale_item {
	assessment a;
	char *procedure, *subject;
	long results;
} scale_item;
/* Every assessment of year (0: all years), newest first, then procedure,
 * subject, grade. */
int db_scale_list(sqlite3 *db, int year, scale_item **out, size_t *n, char **err);
void scale_list_free(scale_item *v, size_t n);
/* Deletes an assessment without results (1); with some, nothing (0). */
int db_assessment_delete(sqlite3 *db, long id, char **err);

/* --- the database's own signing key (db-key.c) --- */
/* 1 and *k when the database has its key, 0 when it has none yet. */
int db_own_key_get(sdb *db, sign_key *k, char **err);
/* Keeps k as the database's key (there must be none yet). */
int db_own_key_put(sdb *db, const sign_key *k, char **err);

/* --- settings (db-school.c): small remembered values --- */
/* The value, fresh, or NULL when unset (or on error, with *err). */
char *db_setting_get(sdb *db, const char *key, char **err);
int db_setting_set(sdb *db, const char *key, const char *value, char **err);

/* --- the roadmaps, their activities and events (db-roadmap.c) --- */
/* One roadmap per period: the same years again are a corrected version. */
typedef struct roadmap_info {
	long id;
	char *title, *source, *preamble, *imported_at;
	int first_year, last_year;
	char *order_number, *order_date;	/* "" when not known; the date YYYY-MM-DD */
	long activities, done, cancelled;	/* its activities, those done, those cancelled */
} roadmap_info;
/* Every roadmap, the earliest years first, with its counts. */
int db_roadmap_list(sqlite3 *db, roadmap_info **out, size_t *n, char **err);
void roadmap_list_free(roadmap_info *v, size_t n);
/* 1 and *out filled for the roadmap of exactly these years, 0 when none. */
int db_roadmap_get(sqlite3 *db, int first_year, int last_year, roadmap_info *out, char **err);
/* Stores r as the roadmap of its years (inserted, or the one there
 * updated), its id set. */
int db_roadmap_put(sqlite3 *db, roadmap_info *r, char **err);
void roadmap_info_clear(roadmap_info *r);

typedef struct activity {
	long id, roadmap_id, section_id;
	int first_year, last_year;	/* its roadmap's */
	char *section_number, *section_title;
	char *number, *title, *deadline_text, *responsible, *expected_result, *recurrence;
	long start, end;	/* YYYYMMDD, 0 for none */
	int sort;
	char *status;		/* planned, in_progress, done, not_done, cancelled */
	char *done_on;		/* YYYY-MM-DD, or "" */
	char *evidence;
	long participants;	/* -1 for none */
	long events;		/* methodical events linked to it */
} activity;
/* The activities of a roadmap in its order; roadmap_id 0: of every
 * roadmap, the earliest years first. */
int db_activity_list(sqlite3 *db, long roadmap_id, activity **out, size_t *n, char **err);
void activity_list_free(activity *v, size_t n);
/* Inserts (a->id == 0, id set) or updates what the roadmap says of the
 * activity: its roadmap, section, number, title, deadline, responsible,
 * result, order. */
int db_activity_save_plan(sqlite3 *db, activity *a, char **err);
/* Records the school's progress: status, date done, evidence, participants. */
int db_activity_save_progress(sqlite3 *db, const activity *a, char **err);
int db_activity_delete(sqlite3 *db, long id, char **err);
/* A roadmap's sections are rebuilt on every import of it. */
int db_sections_clear(sqlite3 *db, long roadmap_id, char **err);
long db_section_add(sqlite3 *db, long roadmap_id, const char *number, const char *title, const char *notes, int sort,
		    char **err);
typedef struct section_item {
	long id;
	char *number, *title, *notes;
} section_item;
/* Every section of a roadmap in its order, those without activities too. */
int db_section_list(sqlite3 *db, long roadmap_id, section_item **out, size_t *n, char **err);
void section_list_free(section_item *v, size_t n);

typedef struct event_item {
	long id, activity_id;
	char *held_on, *kind, *topic;
	long participants;	/* -1 for none */
} event_item;
/* The events linked to an activity (activity_id 0: every event), by date. */
int db_event_list(sqlite3 *db, long activity_id, event_item **out, size_t *n, char **err);
void event_list_free(event_item *v, size_t n);
/* 1 and *out when an event of that date, kind and topic exists, 0 when not. */
int db_event_find(sqlite3 *db, const char *held_on, const char *kind, const char *topic, event_item *out, char **err);
int db_event_save(sqlite3 *db, event_item *e, char **err);

/* --- teachers and their courses (db-staff.c) --- */
typedef struct teacher {
	long id;
	char *code, *last_name, *first_name, *middle_name, *subjects;
	int young_specialist;
	char *diagnostics_date;		/* YYYY-MM-DD or "" */
	char *diagnostics_result;
	char *last_course_on;		/* the latest course's date, or "" */
} teacher;
/* 1 and *out by code (or, with code "", by full name in any case), 0 none. */
int db_teacher_find(sqlite3 *db, const char *code, const char *full_name, teacher *out, char **err);
int db_teacher_save(sqlite3 *db, teacher *t, char **err);
/* The largest number among generated teacher codes ("Т" and digits), 0 for
 * none; -1 with *err. */
long db_teacher_last_generated(sqlite3 *db, char **err);
/* Adds a course unless the teacher has it already: 1 added, 0 had it. */
int db_course_add(sqlite3 *db, long teacher_id, const char *topic, long hours, const char *taken_on, char **err);
/* Every teacher, by name. */
int db_teacher_list(sqlite3 *db, teacher **out, size_t *n, char **err);
void teacher_clear(teacher *t);
/* For the year's school indicators: teachers; those diagnosed; those with a
 * course within three years of the year's end or today, whichever is
 * earlier; the risk group; those of it with a route; pupils below the
 * minimum that year; those of them in extra lessons; methodical events. */
int db_people_counts(sqlite3 *db, int year, long v[8], char **err);
/* How many pupils were in the risk group on day (YYYY-MM-DD). */
long db_risk_size_on(sqlite3 *db, const char *day, char **err);
void teacher_list_free(teacher *v, size_t n);

/* --- the learning risk group (db-risk.c) --- */
typedef struct risk_pupil {
	long id;
	char *code, *name, *class_label, *reason;
	int route, extra;
	char *route_on, *route_teacher, *route_text;	/* route_on YYYY-MM-DD or "" */
	char *extra_subject, *extra_teacher;
	char *latest;	/* the latest result: procedure, subject, year, score of max */
	char *last_note_on, *last_note;	/* the latest note of progress: its day (YYYY-MM-DD) and text, or "" */
} risk_pupil;
/* The group's pupils now at school, by class and name. */
int db_risk_list(sqlite3 *db, risk_pupil **out, size_t *n, char **err);
void risk_list_free(risk_pupil *v, size_t n);
/* Saves the route and extra lessons of p (its flags and details). */
int db_risk_save(sqlite3 *db, const risk_pupil *p, char **err);
/* Puts a pupil into the group with a reason, or takes them out. */
int db_risk_set(sqlite3 *db, long student_id, int in, const char *reason, char **err);
/* The pupil's spells in the group made to agree with its flag, on
 * day_today(): one opened when it is in the group without an open one, the
 * open one closed when it is out. Every write of the flag calls it. */
int db_risk_spell_sync(sqlite3 *db, long student_id, char **err);
int db_risk_note(sqlite3 *db, long student_id, const char *text, char **err);
int db_risk_dismiss(sqlite3 *db, long student_id, int year, const char *reason, char **err);

/* A cause to propose a pupil not in the group: a result below the minimum,
 * or a «2» in the journal, in year; pupils whose proposal was dismissed for
 * that year are left out. */
typedef struct risk_cause {
	long student_id;
	const char *name, *class_label, *procedure, *subject;
	int below;		/* else a journal «2» */
	double score, min_score;
} risk_cause;
typedef int (*risk_cause_visit)(void *ctx, const risk_cause *c);
int db_risk_causes(sqlite3 *db, int year, risk_cause_visit visit, void *ctx, char **err);

/* --- results (db-result.c) --- */
typedef struct result {
	long assessment_id, student_id;
	char *class_label;
	int absent;
	int has_score, has_mark, has_journal;
	double score;
	int mark, journal_mark;
	char *taken_on;		/* YYYY-MM-DD or NULL */
} result;

/* Inserts r when missing: 1 inserted, 0 a result for that pupil and
 * assessment exists already (left as it is), -1 error. */
int db_result_insert(sqlite3 *db, const result *r, char **err);
/* 1 and *out filled, 0 none. */
int db_result_get(sqlite3 *db, long assessment_id, long student_id, result *out, char **err);
int db_result_update(sqlite3 *db, const result *r, char **err);
/* Inserts r, or updates the result held for that pupil and assessment,
 * keeping what keep names (RESULT_KEEP_…: a file without that column says
 * nothing of it): 1 added, 2 updated, 0 it was so already, -1 error. */
enum { RESULT_KEEP_JOURNAL = 1, RESULT_KEEP_MARK = 2, RESULT_KEEP_DATE = 4 };
int db_result_put(sqlite3 *db, const result *r, unsigned keep, char **err);
/* Moves every score by shift points, kept within 0 and its scale's
 * maximum: the demo district's schools differ from the demo school so. */
int db_result_shift(sqlite3 *db, double shift, char **err);
/* The latest year that has a result, 0 when none has. */
int db_result_latest_year(sqlite3 *db, char **err);
/* The years that have results, newest first (fresh). */
int db_result_years(sqlite3 *db, int **out, size_t *n, char **err);
void result_clear(result *r);

/* A result with everything a report file needs to stand on its own. */
typedef struct result_line {
	const char *procedure, *subject, *taken_on, *class_label, *code, *name;
	int grade, year;
	result r;
	scale sc;
} result_line;
typedef int (*result_line_visit)(void *ctx, const result_line *l);
/* Every result of the years first..last, by year, procedure, subject,
 * grade, class and name. */
int db_result_lines(sqlite3 *db, int first, int last, result_line_visit visit, void *ctx, char **err);

/* Walks the results of one assessment, present and absent alike. */
typedef int (*result_visit)(void *ctx, const result *r);
int db_result_each(sqlite3 *db, long assessment_id, result_visit visit, void *ctx, char **err);

/* --- the tasks of an assessment and pupils' scores in them (db-task.c) --- */
typedef struct task_def {
	char *number;		/* as the form heads it: 1, 3.1, 4(1), К1 */
	double max_score;
	char *skill, *block, *level;	/* what it checks, from the task map; "" when unknown */
	int has_reference, has_district;
	double reference_percent, district_percent;	/* the region's (or country's), the district's */
} task_def;
void task_def_clear(task_def *t);
/* The assessment's tasks in the form's order. */
int db_task_list(sqlite3 *db, long assessment_id, task_def **out, size_t *n, char **err);
void task_list_free(task_def *v, size_t n);
/* Makes v (n of them, in order) the assessment's tasks. */
int db_task_set(sqlite3 *db, long assessment_id, const task_def *v, size_t n, char **err);
/* Adds task t at place sort (from 1), or with sort 0 updates the task of
 * its number, its place kept. */
int db_task_save(sqlite3 *db, long assessment_id, int sort, const task_def *t, char **err);
/* A pupil's scores, "2 0 1" in the tasks' order: 1 and *scores (fresh), 0 none. */
int db_task_score_get(sqlite3 *db, long assessment_id, long student_id, char **scores, char **err);
/* Stores a pupil's scores ("" absent) from the form of class_label (its
 * result must be there). */
int db_task_score_put(sqlite3 *db, long assessment_id, long student_id, const char *class_label, const char *scores,
		      char **err);
/* Takes a pupil out of a form: its task scores and its result go. */
int db_task_score_drop(sqlite3 *db, long assessment_id, long student_id, char **err);
/* The pupils a form of class_label gave results to, present or absent
 * (fresh array of ids). */
int db_task_form_pupils(sqlite3 *db, long assessment_id, const char *class_label, long **ids, size_t *n, char **err);
/* How many pupils have task scores in the assessment, or -1. */
long db_task_score_count(sqlite3 *db, long assessment_id, char **err);
/* Walks the task scores of an assessment with the class each pupil wrote
 * it in; the strings live until visit returns. */
typedef int (*task_score_visit)(void *ctx, long student_id, const char *class_label, const char *scores);
int db_task_score_each(sqlite3 *db, long assessment_id, task_score_visit visit, void *ctx, char **err);
/* The pupils with task scores in an assessment, by class and name. */
typedef struct task_pupil {
	long id;
	char *code, *name, *class_label, *scores;
} task_pupil;
int db_task_pupils(sqlite3 *db, long assessment_id, task_pupil **out, size_t *n, char **err);
void task_pupils_free(task_pupil *v, size_t n);
/* A pupil's task scores in the assessments of a year. */
typedef struct task_own {
	long assessment_id;
	int grade;
	char *procedure, *subject, *scores;
} task_own;
int db_task_of_pupil(sqlite3 *db, long student_id, int year, task_own **out, size_t *n, char **err);
void task_own_free(task_own *v, size_t n);
/* Every pupil present with task scores in the years first..last, codes
 * only, by year, procedure, subject, grade, class and code. */
typedef struct task_line {
	long assessment_id;
	const char *procedure, *subject;
	int grade, year;
	const char *class_label, *code, *scores;
} task_line;
typedef int (*task_line_visit)(void *ctx, const task_line *l);
int db_task_lines(sqlite3 *db, int first, int last, task_line_visit visit, void *ctx, char **err);
/* Scores as task_score keeps them, "2 0 1.5", whatever the locale (fresh). */
char *task_scores_text(const double *v, size_t n);
/* Reads up to n of them into v: how many were there, or -1 when the text
 * is not such a list. */
int task_scores_read(const char *s, double *v, size_t n);
/* The years with tasks, newest first. */
int db_task_years(sqlite3 *db, int **out, size_t *n, char **err);

#endif
