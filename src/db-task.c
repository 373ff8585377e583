/* The tasks of an assessment and the pupils' scores in them (schema 9). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "common.h"
#include "db.h"
#include "store.h"

static void fill_task(sqlite3_stmt *st, void *item)
{
	task_def *t = item;
	t->number = db_col_dup(st, 0);
	t->max_score = sqlite3_column_double(st, 1);
	t->skill = db_col_dup(st, 2);
	t->block = db_col_dup(st, 3);
	t->level = db_col_dup(st, 4);
	t->has_reference = sqlite3_column_type(st, 5) != SQLITE_NULL;
	t->reference_percent = sqlite3_column_double(st, 5);
	t->has_district = sqlite3_column_type(st, 6) != SQLITE_NULL;
	t->district_percent = sqlite3_column_double(st, 6);
}

void task_def_clear(task_def *t)
{
	free(t->number), free(t->skill), free(t->block), free(t->level);
	*t = (task_def){ 0 };
}

static void clear_task(void *item)
{
	task_def_clear(item);
}

int db_task_list(sqlite3 *db, long assessment_id, task_def **out, size_t *n, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT number, max_score, skill, block, level, reference_percent, district_percent"
				   " FROM task WHERE assessment_id = ? ORDER BY sort", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, assessment_id);
	return db_rows(db, st, sizeof **out, fill_task, clear_task, (void **)out, n, err);
}

void task_list_free(task_def *v, size_t n)
{
	db_rows_free(v, n, sizeof *v, clear_task);
}

int db_task_set(sqlite3 *db, long assessment_id, const task_def *v, size_t n, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "DELETE FROM task WHERE assessment_id = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, assessment_id);
	if (db_step_done(db, st, err) != 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (db_task_save(db, assessment_id, (int)i + 1, &v[i], err) != 0)
			return -1;
	return 0;
}

int db_task_save(sqlite3 *db, long assessment_id, int sort, const task_def *t, char **err)
{
	sqlite3_stmt *st = db_stmt(db, sort
		? "INSERT INTO task (assessment_id, sort, number, max_score, skill, block, level, reference_percent,"
		  " district_percent) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
		: "UPDATE task SET max_score = ?4, skill = ?5, block = ?6, level = ?7, reference_percent = ?8,"
		  " district_percent = ?9 WHERE assessment_id = ?1 AND number = ?3", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, assessment_id);
	sqlite3_bind_int(st, 2, sort);
	sqlite3_bind_text(st, 3, t->number, -1, SQLITE_STATIC);
	sqlite3_bind_double(st, 4, t->max_score);
	sqlite3_bind_text(st, 5, t->skill ? t->skill : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, t->block ? t->block : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, t->level ? t->level : "", -1, SQLITE_STATIC);
	db_bind_opt_double(st, 8, t->has_reference, t->reference_percent);
	db_bind_opt_double(st, 9, t->has_district, t->district_percent);
	return db_step_done(db, st, err);
}

int db_task_score_get(sqlite3 *db, long assessment_id, long student_id, char **scores, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT scores FROM task_score WHERE assessment_id = ? AND student_id = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, assessment_id);
	sqlite3_bind_int64(st, 2, student_id);
	int rc = db_step_row(db, st, err);
	if (rc == 1) {
		*scores = db_col_dup(st, 0);
		sqlite3_reset(st);
	}
	return rc;
}

int db_task_score_put(sqlite3 *db, long assessment_id, long student_id, const char *class_label, const char *scores,
		      char **err)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO task_score (assessment_id, student_id, class, scores)"
				   " VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO UPDATE SET class = ?3, scores = ?4", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, assessment_id);
	sqlite3_bind_int64(st, 2, student_id);
	sqlite3_bind_text(st, 3, class_label, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, scores, -1, SQLITE_STATIC);
	return db_step_done(db, st, err);
}

int db_task_score_drop(sqlite3 *db, long assessment_id, long student_id, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "DELETE FROM task_score WHERE assessment_id = ?1 AND student_id = ?2", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, assessment_id);
	sqlite3_bind_int64(st, 2, student_id);
	if (db_step_done(db, st, err) != 0)
		return -1;
	st = db_stmt(db, "DELETE FROM result WHERE assessment_id = ?1 AND student_id = ?2", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, assessment_id);
	sqlite3_bind_int64(st, 2, student_id);
	return db_step_done(db, st, err);
}

static void fill_id(sqlite3_stmt *st, void *item)
{
	*(long *)item = (long)sqlite3_column_int64(st, 0);
}

int db_task_form_pupils(sqlite3 *db, long assessment_id, const char *class_label, long **ids, size_t *n, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT student_id FROM task_score WHERE assessment_id = ?1 AND class = ?2", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, assessment_id);
	sqlite3_bind_text(st, 2, class_label, -1, SQLITE_STATIC);
	return db_rows(db, st, sizeof **ids, fill_id, NULL, (void **)ids, n, err);
}

long db_task_score_count(sqlite3 *db, long assessment_id, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM task_score WHERE assessment_id = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, assessment_id);
	if (db_step_row(db, st, err) != 1)
		return -1;
	long n = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}

int db_task_score_each(sqlite3 *db, long assessment_id, task_score_visit visit, void *ctx, char **err)
{
	/* The hot loop of the analysis: straight from the two clustered
	 * tables, the strings not copied. */
	sqlite3_stmt *st = db_stmt(db, "SELECT t.student_id, r.class, t.scores FROM task_score t"
				   " JOIN result r ON r.assessment_id = t.assessment_id AND r.student_id = t.student_id"
				   " WHERE t.assessment_id = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, assessment_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (visit(ctx, (long)sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
			  (const char *)sqlite3_column_text(st, 2)) != 0)
			break;
	return db_step_end(db, st, rc, err);
}

static void fill_pupil(sqlite3_stmt *st, void *item)
{
	task_pupil *p = item;
	*p = (task_pupil){ (long)sqlite3_column_int64(st, 0), db_col_dup(st, 1), db_col_dup(st, 2), db_col_dup(st, 3),
			   db_col_dup(st, 4) };
}

static void clear_pupil(void *item)
{
	task_pupil *p = item;
	free(p->code), free(p->name), free(p->class_label), free(p->scores);
}

int db_task_pupils(sqlite3 *db, long assessment_id, task_pupil **out, size_t *n, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT s.id, s.code, trim(s.last_name || ' ' || s.first_name || ' ' || s.middle_name),"
				   " r.class, t.scores FROM task_score t"
				   " JOIN result r ON r.assessment_id = t.assessment_id AND r.student_id = t.student_id"
				   " JOIN student s ON s.id = t.student_id WHERE t.assessment_id = ?"
				   " ORDER BY r.class COLLATE RU, s.last_name COLLATE RU, s.first_name COLLATE RU, s.code", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, assessment_id);
	return db_rows(db, st, sizeof **out, fill_pupil, clear_pupil, (void **)out, n, err);
}

void task_pupils_free(task_pupil *v, size_t n)
{
	db_rows_free(v, n, sizeof *v, clear_pupil);
}

static void fill_own(sqlite3_stmt *st, void *item)
{
	task_own *o = item;
	*o = (task_own){ (long)sqlite3_column_int64(st, 0), sqlite3_column_int(st, 1), db_col_dup(st, 2),
			 db_col_dup(st, 3), db_col_dup(st, 4) };
}

static void clear_own(void *item)
{
	task_own *o = item;
	free(o->procedure), free(o->subject), free(o->scores);
}

int db_task_of_pupil(sqlite3 *db, long student_id, int year, task_own **out, size_t *n, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT a.id, a.grade, p.name, s.name, t.scores FROM task_score t"
				   " JOIN assessment a ON a.id = t.assessment_id JOIN procedure p ON p.id = a.procedure_id"
				   " JOIN subject s ON s.id = a.subject_id WHERE t.student_id = ?1 AND a.year = ?2"
				   " ORDER BY p.sort, p.id, s.sort, s.name COLLATE RU", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, student_id);
	sqlite3_bind_int(st, 2, year);
	return db_rows(db, st, sizeof **out, fill_own, clear_own, (void **)out, n, err);
}

void task_own_free(task_own *v, size_t n)
{
	db_rows_free(v, n, sizeof *v, clear_own);
}

/* A whole number's digits at o, backwards from its end: the count. */
static size_t digits(long long v, char *o)
{
	char tmp[24];
	size_t n = 0;
	do
		tmp[n++] = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	for (size_t i = 0; i < n; i++)
		o[i] = tmp[n - 1 - i];
	return n;
}

char *task_scores_text(const double *v, size_t n)
{
	/* written by hand: a form's import writes one for every pupil */
	char *out = xmalloc(n * 24 + 1), *o = out;
	for (size_t i = 0; i < n; i++) {
		/* hundredths are more than any form gives */
		long long h = (long long)(v[i] * 100 + (v[i] < 0 ? -0.5 : 0.5));
		if (i)
			*o++ = ' ';
		if (h < 0)
			*o++ = '-', h = -h;
		o += digits(h / 100, o);
		if (h % 100) {
			*o++ = '.';
			*o++ = (char)('0' + h % 100 / 10);
			if (h % 10)
				*o++ = (char)('0' + h % 10);
		}
	}
	*o = '\0';
	return out;
}

int task_scores_read(const char *s, double *v, size_t n)
{
	size_t k = 0;
	const char *p = s;
	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		int neg = *p == '-';
		if (neg)
			p++;
		if (*p < '0' || *p > '9')
			return -1;
		/* as cell_number does: the digits whole, one division */
		double x = 0, div = 1;
		int digits = 0;
		while (*p >= '0' && *p <= '9' && ++digits < 16)
			x = x * 10 + (*p++ - '0');
		if (*p == '.')
			for (p++; *p >= '0' && *p <= '9' && ++digits < 16; p++, div *= 10)
				x = x * 10 + (*p - '0');
		x /= div;
		if (*p && *p != ' ')
			return -1;
		if (k < n)
			v[k] = neg ? -x : x;
		k++;
	}
	return (int)k;
}

static void fill_year(sqlite3_stmt *st, void *item)
{
	*(int *)item = sqlite3_column_int(st, 0);
}

int db_task_years(sqlite3 *db, int **out, size_t *n, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT DISTINCT a.year FROM assessment a"
				   " WHERE EXISTS (SELECT 1 FROM task t WHERE t.assessment_id = a.id) ORDER BY a.year DESC", err);
	if (!st)
		return -1;
	return db_rows(db, st, sizeof **out, fill_year, NULL, (void **)out, n, err);
}

int db_task_lines(sqlite3 *db, int first, int last, task_line_visit visit, void *ctx, char **err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT a.id, p.name, s.name, a.grade, a.year, r.class, t.code, ts.scores FROM task_score ts"
		" JOIN result r ON r.assessment_id = ts.assessment_id AND r.student_id = ts.student_id"
		" JOIN assessment a ON a.id = ts.assessment_id JOIN procedure p ON p.id = a.procedure_id"
		" JOIN subject s ON s.id = a.subject_id JOIN student t ON t.id = ts.student_id"
		" WHERE a.year BETWEEN ? AND ? AND r.absent = 0"
		" ORDER BY a.year, p.sort, p.id, s.sort, s.name COLLATE RU, a.grade, r.class COLLATE RU, t.code", err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, first);
	sqlite3_bind_int(st, 2, last);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		task_line l = { (long)sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
				(const char *)sqlite3_column_text(st, 2), sqlite3_column_int(st, 3), sqlite3_column_int(st, 4),
				(const char *)sqlite3_column_text(st, 5), (const char *)sqlite3_column_text(st, 6),
				(const char *)sqlite3_column_text(st, 7) };
		if (visit(ctx, &l) != 0)
			break;
	}
	return db_step_end(db, st, rc, err);
}
