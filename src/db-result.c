#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "db.h"
#include "store.h"

static void bind_result(sqlite3_stmt *st, const result *r)
{
	sqlite3_bind_int64(st, 1, r->assessment_id);
	sqlite3_bind_int64(st, 2, r->student_id);
	sqlite3_bind_text(st, 3, r->class_label, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, r->absent);
	db_bind_opt_double(st, 5, r->has_score, r->score);
	db_bind_opt_int(st, 6, r->has_mark, r->mark);
	db_bind_opt_int(st, 7, r->has_journal, r->journal_mark);
	if (r->taken_on)
		sqlite3_bind_text(st, 8, r->taken_on, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 8);
}

int db_result_insert(sqlite3 *db, const result *r, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO result (assessment_id, student_id, class, absent, score, mark,"
				   " journal_mark, taken_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
				   " ON CONFLICT DO NOTHING", err);
	if (!st)
		return -1;
	bind_result(st, r);
	if (db_step_done(db, st, err) != 0)
		return -1;
	return sqlite3_changes(db) > 0;
}

int db_result_update(sqlite3 *db, const result *r, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE result SET class = ?3, absent = ?4, score = ?5, mark = ?6,"
				   " journal_mark = ?7, taken_on = ?8 WHERE assessment_id = ?1 AND student_id = ?2", err);
	if (!st)
		return -1;
	bind_result(st, r);
	return db_step_done(db, st, err);
}

static void fill(sqlite3_stmt *st, void *item)
{
	result *r = item;
	r->assessment_id = (long)sqlite3_column_int64(st, 0);
	r->student_id = (long)sqlite3_column_int64(st, 1);
	r->class_label = xstrdup((const char *)sqlite3_column_text(st, 2));
	r->absent = sqlite3_column_int(st, 3);
	r->has_score = sqlite3_column_type(st, 4) != SQLITE_NULL;
	r->score = sqlite3_column_double(st, 4);
	r->has_mark = sqlite3_column_type(st, 5) != SQLITE_NULL;
	r->mark = sqlite3_column_int(st, 5);
	r->has_journal = sqlite3_column_type(st, 6) != SQLITE_NULL;
	r->journal_mark = sqlite3_column_int(st, 6);
	r->taken_on = sqlite3_column_type(st, 7) == SQLITE_NULL ? NULL
		: xstrdup((const char *)sqlite3_column_text(st, 7));
}

int db_result_get(sqlite3 *db, long assessment_id, long student_id, result *out, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT assessment_id, student_id, class, absent, score, mark, journal_mark,"
				   " taken_on FROM result WHERE assessment_id = ? AND student_id = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, assessment_id);
	sqlite3_bind_int64(st, 2, student_id);
	return db_row(db, st, fill, out, err);
}

int db_result_each(sqlite3 *db, long assessment_id, result_visit visit, void *ctx, char **err)
{
	/* Read straight from the clustered table without copying strings:
	 * this is the hot loop of the indicators. */
	sqlite3_stmt *st = db_stmt(db, "SELECT student_id, absent, score, mark, journal_mark FROM result"
				   " WHERE assessment_id = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, assessment_id);
	int rc;
	result r = { .assessment_id = assessment_id };
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.student_id = (long)sqlite3_column_int64(st, 0);
		r.absent = sqlite3_column_int(st, 1);
		r.has_score = sqlite3_column_type(st, 2) != SQLITE_NULL;
		r.score = sqlite3_column_double(st, 2);
		r.has_mark = sqlite3_column_type(st, 3) != SQLITE_NULL;
		r.mark = sqlite3_column_int(st, 3);
		r.has_journal = sqlite3_column_type(st, 4) != SQLITE_NULL;
		r.journal_mark = sqlite3_column_int(st, 4);
		if (visit(ctx, &r) != 0)
			break;
	}
	return db_step_end(db, st, rc, err);
}

static int same_result(const result *a, const result *b)
{
	return strcmp(a->class_label, b->class_label) == 0 && a->absent == b->absent &&
	       a->has_score == b->has_score && (!a->has_score || a->score == b->score) &&
	       a->has_mark == b->has_mark && (!a->has_mark || a->mark == b->mark) &&
	       a->has_journal == b->has_journal && (!a->has_journal || a->journal_mark == b->journal_mark) &&
	       strcmp(a->taken_on ? a->taken_on : "", b->taken_on ? b->taken_on : "") == 0;
}

int db_result_put(sqlite3 *db, const result *r, unsigned keep, char **err)
{
	int added = db_result_insert(db, r, err);
	if (added != 0)
		return added;
	result old = { 0 };
	if (db_result_get(db, r->assessment_id, r->student_id, &old, err) != 1) {
		if (!*err)
			*err = db_error(db);
		return -1;
	}
	result now = *r;
	if (keep & RESULT_KEEP_JOURNAL)
		now.has_journal = old.has_journal, now.journal_mark = old.journal_mark;
	if (keep & RESULT_KEEP_MARK)
		now.has_mark = old.has_mark, now.mark = old.mark;
	if (keep & RESULT_KEEP_DATE)
		now.taken_on = old.taken_on;
	int rc = same_result(&old, &now) ? 0 : db_result_update(db, &now, err) == 0 ? 2 : -1;
	result_clear(&old);
	return rc;
}

void result_clear(result *r)
{
	free(r->class_label);
	free(r->taken_on);
	*r = (result){ 0 };
}

static double opt_double(sqlite3_stmt *st, int i, int *has)
{
	*has = sqlite3_column_type(st, i) != SQLITE_NULL;
	return sqlite3_column_double(st, i);
}

int db_result_lines(sqlite3 *db, int first, int last, result_line_visit visit, void *ctx, char **err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT p.name, s.name, a.grade, a.year, coalesce(r.taken_on, ''), r.class, t.code,"
		" trim(t.last_name || ' ' || t.first_name || ' ' || t.middle_name), r.absent, r.score, r.mark,"
		" r.journal_mark, a.max_score, a.min_score, a.score4, a.score5, a.high_score, a.avg_score"
		" FROM result r JOIN assessment a ON a.id = r.assessment_id JOIN procedure p ON p.id = a.procedure_id"
		" JOIN subject s ON s.id = a.subject_id JOIN student t ON t.id = r.student_id"
		" WHERE a.year BETWEEN ? AND ?"
		" ORDER BY a.year, p.sort, p.id, s.sort, s.name COLLATE RU, a.grade, r.class COLLATE RU,"
		" t.last_name COLLATE RU, t.first_name COLLATE RU, t.code", err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, first);
	sqlite3_bind_int(st, 2, last);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		result_line l = { 0 };
		l.procedure = (const char *)sqlite3_column_text(st, 0);
		l.subject = (const char *)sqlite3_column_text(st, 1);
		l.taken_on = (const char *)sqlite3_column_text(st, 4);
		l.class_label = (const char *)sqlite3_column_text(st, 5);
		l.code = (const char *)sqlite3_column_text(st, 6);
		l.name = (const char *)sqlite3_column_text(st, 7);
		l.grade = sqlite3_column_int(st, 2);
		l.year = sqlite3_column_int(st, 3);
		l.r.absent = sqlite3_column_int(st, 8);
		l.r.score = opt_double(st, 9, &l.r.has_score);
		l.r.mark = (int)opt_double(st, 10, &l.r.has_mark);
		l.r.journal_mark = (int)opt_double(st, 11, &l.r.has_journal);
		l.sc.max_score = sqlite3_column_double(st, 12);
		l.sc.min_score = sqlite3_column_double(st, 13);
		l.sc.score4 = opt_double(st, 14, &l.sc.has_score4);
		l.sc.score5 = opt_double(st, 15, &l.sc.has_score5);
		l.sc.high_score = opt_double(st, 16, &l.sc.has_high);
		l.sc.avg_score = opt_double(st, 17, &l.sc.has_avg);
		if (visit(ctx, &l) != 0)
			break;
	}
	return db_step_end(db, st, rc, err);
}

int db_result_shift(sqlite3 *db, double shift, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE result SET score = max(0, min(score + ?,"
				   " (SELECT a.max_score FROM assessment a WHERE a.id = result.assessment_id)))"
				   " WHERE score IS NOT NULL", err);
	if (!st)
		return -1;
	sqlite3_bind_double(st, 1, shift);
	return db_step_done(db, st, err);
}

int db_result_latest_year(sqlite3 *db, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT coalesce(max(a.year), 0) FROM assessment a"
				   " WHERE EXISTS (SELECT 1 FROM result r WHERE r.assessment_id = a.id)", err);
	if (!st || db_step_row(db, st, err) != 1)
		return -1;
	int year = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return year;
}

static void fill_year(sqlite3_stmt *st, void *item)
{
	*(int *)item = sqlite3_column_int(st, 0);
}

int db_result_years(sqlite3 *db, int **out, size_t *n, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT DISTINCT a.year FROM assessment a"
				   " WHERE EXISTS (SELECT 1 FROM result r WHERE r.assessment_id = a.id) ORDER BY a.year DESC", err);
	if (!st)
		return -1;
	return db_rows(db, st, sizeof **out, fill_year, NULL, (void **)out, n, err);
}
