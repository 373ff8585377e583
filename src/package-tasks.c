/* The package's files of the ВПР task by task: every present pupil's score
 * in every task (codes only, as results.csv), what each task is, and the
 * signs of biased results of each assessment. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "common.h"
#include "db.h"
#include "objectivity.h"
#include "package.h"
#include "store.h"

struct lines {
	FILE *fp;
	const csv_style *st;
	sqlite3 *db;
	long assessment_id;	/* whose tasks are read */
	task_def *tasks;
	size_t ntasks;
	double *v;
	char **err;
	int failed;
};

static int write_line(void *ctx, const task_line *l)
{
	struct lines *c = ctx;
	if (l->assessment_id != c->assessment_id) {
		task_list_free(c->tasks, c->ntasks);
		c->tasks = NULL;
		c->ntasks = 0;
		if (db_task_list(c->db, l->assessment_id, &c->tasks, &c->ntasks, c->err) != 0) {
			c->failed = 1;
			return 1;
		}
		c->assessment_id = l->assessment_id;
		c->v = xrealloc(c->v, (c->ntasks + 1) * sizeof *c->v);
	}
	if (task_scores_read(l->scores, c->v, c->ntasks) != (int)c->ntasks)
		return 0;
	char *grade = xasprintf("%d", l->grade), *year = xasprintf("%d", l->year);
	for (size_t k = 0; k < c->ntasks; k++) {
		char *score = csvout_number(c->st, c->v[k]);
		const char *row[] = { l->procedure, l->subject, grade, year, l->class_label, l->code, c->tasks[k].number,
				      score };
		csvout_row(c->fp, c->st, row, 8);
		free(score);
	}
	free(grade), free(year);
	return 0;
}

/* The tasks of every assessment of the years with task scores, in order. */
static int write_map(sqlite3 *db, FILE *fp, const csv_style *st, int first, int last, char **err)
{
	const char *head[] = { "Процедура", "Предмет", "Параллель", "Год", "Задание", "Макс. балл",
			       "Проверяемые требования (умения)", "Блок", "Уровень", "% выполнения по региону", "Район" };
	csvout_row(fp, st, head, 11);
	refmap *proc = db_ref_load(db, REF_PROCEDURE, err), *subj = proc ? db_ref_load(db, REF_SUBJECT, err) : NULL;
	int rc = subj ? 0 : -1;
	for (int year = first; year <= last && rc == 0; year++) {
		assessment *as;
		size_t na;
		if ((rc = db_assessment_list_year(db, year, &as, &na, err)) != 0)
			break;
		for (size_t i = 0; i < na && rc == 0; i++) {
			task_def *t;
			size_t nt;
			if ((rc = db_task_list(db, as[i].id, &t, &nt, err)) != 0)
				break;
			char *grade = xasprintf("%d", as[i].grade), *y = xasprintf("%d", year);
			for (size_t k = 0; k < nt; k++) {
				char *max = csvout_number(st, t[k].max_score);
				char *ref = t[k].has_reference ? csvout_number(st, t[k].reference_percent) : xstrdup("");
				char *dis = t[k].has_district ? csvout_number(st, t[k].district_percent) : xstrdup("");
				const char *row[] = { refmap_name(proc, as[i].procedure_id), refmap_name(subj, as[i].subject_id),
						      grade, y, t[k].number, max, t[k].skill, t[k].block, t[k].level, ref, dis };
				csvout_row(fp, st, row, 11);
				free(max), free(ref), free(dis);
			}
			free(grade), free(y);
			task_list_free(t, nt);
		}
		free(as);
	}
	refmap_free(proc);
	refmap_free(subj);
	return rc;
}

static int write_objectivity(sqlite3 *db, FILE *fp, const csv_style *st, int first, int last, char **err)
{
	const char *head[] = { "Процедура", "Предмет", "Параллель", "Год", "Участников", "Пик на балле", "Понизили",
			       "Подтвердили", "Повысили", "Признак" };
	csvout_row(fp, st, head, 10);
	for (int year = first; year <= last; year++) {
		obj_report r;
		if (objectivity_compute(db, year, &r, err) != 0) {
			obj_report_free(&r);
			return -1;
		}
		for (size_t i = 0; i < r.n; i++) {
			const obj_row *o = &r.v[i];
			char *grade = xasprintf("%d", o->grade), *y = xasprintf("%d", o->year);
			char *n = xasprintf("%ld", o->participants);
			char *peak = o->has_peak ? csvout_number(st, o->peak_at) : xstrdup("");
			char *share[3];
			long counts[3] = { o->lowered, o->confirmed, o->raised };
			for (int k = 0; k < 3; k++)
				share[k] = o->compared ? csvout_tenths(st, objectivity_tenths(counts[k], o->compared)) : xstrdup("");
			const char *row[] = { o->procedure, o->subject, grade, y, n, peak, share[0], share[1], share[2],
					      o->flag ? "да" : "нет" };
			csvout_row(fp, st, row, 10);
			free(grade), free(y), free(n), free(peak), free(share[0]), free(share[1]), free(share[2]);
		}
		obj_report_free(&r);
	}
	return 0;
}

/* A file made in memory, or -1 with *err (out of memory told). */
static int open_file(pkg_file *f, const char *name, const csv_style *st, FILE **fp, char **err)
{
	*f = (pkg_file){ xstrdup(name), NULL, 0 };
	*fp = open_memstream(&f->data, &f->len);
	if (!*fp) {
		*err = xasprintf(_("out of memory"));
		return -1;
	}
	if (st->bom)
		fputs("\xEF\xBB\xBF", *fp);
	return 0;
}

int package_tasks_files(sqlite3 *db, int first, int last, const csv_style *st, pkg_file out[3], char **err)
{
	FILE *fp;
	int rc = -1;
	for (int i = 0; i < 3; i++)
		out[i] = (pkg_file){ 0 };
	if (open_file(&out[0], "tasks.csv", st, &fp, err) != 0)
		goto out;
	const char *head[] = { "Процедура", "Предмет", "Параллель", "Год", "Класс", "Код", "Задание", "Балл" };
	csvout_row(fp, st, head, 8);
	struct lines c = { fp, st, db, 0, NULL, 0, NULL, err, 0 };
	int got = db_task_lines(db, first, last, write_line, &c, err);
	task_list_free(c.tasks, c.ntasks);
	free(c.v);
	fclose(fp);
	if (got != 0 || c.failed)
		goto out;
	if (open_file(&out[1], "taskmap.csv", st, &fp, err) != 0)
		goto out;
	got = write_map(db, fp, st, first, last, err);
	fclose(fp);
	if (got != 0 || open_file(&out[2], "objectivity.csv", st, &fp, err) != 0)
		goto out;
	got = write_objectivity(db, fp, st, first, last, err);
	fclose(fp);
	rc = got;
out:
	if (rc != 0)
		for (int i = 0; i < 3; i++)
			free(out[i].name), free(out[i].data), out[i] = (pkg_file){ 0 };
	return rc;
}
