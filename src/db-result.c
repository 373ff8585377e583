#include "config.h"

#include <stdlib.h>

#include "common.h"
#include "db.h"
#include "store.h"

static void bind_result(sqlite3_stmt *st, const result *r)
{
	sqlite3_bind_int64(st, 1, r->assessment_id);
	sqlite3_bind_int64(st, 2, r->student_id);
	sqlite3_bind_text(st, 3, r->class_label, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, r->absent);
	if (r->has_score)
		sqlite3_bind_double(st, 5, r->score);
	else
		sqlite3_bind_null(st, 5);
	if (r->has_mark)
		sqlite3_bind_int(st, 6, r->mark);
	else
		sqlite3_bind_null(st, 6);
	if (r->has_journal)
		sqlite3_bind_int(st, 7, r->journal_mark);
	else
		sqlite3_bind_null(st, 7);
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
	if (sqlite3_step(st) != SQLITE_DONE) {
		*err = db_error(db);
		return -1;
	}
	return sqlite3_changes(db) > 0;
}

int db_result_update(sqlite3 *db, const result *r, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE result SET class = ?3, absent = ?4, score = ?5, mark = ?6,"
				   " journal_mark = ?7, taken_on = ?8 WHERE assessment_id = ?1 AND student_id = ?2", err);
	if (!st)
		return -1;
	bind_result(st, r);
	if (sqlite3_step(st) != SQLITE_DONE) {
		*err = db_error(db);
		return -1;
	}
	return 0;
}

static void fill(sqlite3_stmt *st, result *r)
{
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
	int rc = db_step_row(db, st, err);
	if (rc == 1) {
		fill(st, out);
		sqlite3_reset(st);
	}
	return rc;
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
		if (visit(ctx, &r) != 0) {
			sqlite3_reset(st);
			return 0;
		}
	}
	if (rc != SQLITE_DONE) {
		*err = db_error(db);
		return -1;
	}
	return 0;
}

void result_clear(result *r)
{
	free(r->class_label);
	free(r->taken_on);
	*r = (result){ 0 };
}
