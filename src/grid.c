#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "db.h"
#include "grid.h"
#include "indicators.h"

static int same_val(const grid_val *a, const grid_val *b)
{
	return a->absent == b->absent && a->has_score == b->has_score &&
	       (!a->has_score || a->score == b->score) && a->has_journal == b->has_journal &&
	       (!a->has_journal || a->journal_mark == b->journal_mark) && a->has_mark == b->has_mark &&
	       (!a->has_mark || a->mark == b->mark);
}

static int empty_val(const grid_val *v)
{
	return !v->absent && !v->has_score && !v->has_journal && !v->has_mark;
}

int grid_row_dirty(const grid_row *r)
{
	if (!r->had_result)
		return !empty_val(&r->now);
	return !same_val(&r->now, &r->stored);
}

size_t grid_dirty_count(const grid *g)
{
	size_t n = 0;
	for (size_t i = 0; i < g->n; i++)
		n += grid_row_dirty(&g->rows[i]);
	return n;
}

size_t grid_entered_count(const grid *g)
{
	size_t n = 0;
	for (size_t i = 0; i < g->n; i++)
		n += g->rows[i].now.absent || g->rows[i].now.has_score;
	return n;
}

int grid_mark(const grid *g, const grid_row *r)
{
	result res = { .has_score = r->now.has_score, .score = r->now.score,
		       .has_mark = r->now.has_mark, .mark = r->now.mark };
	return r->now.absent ? 0 : indicator_mark(&g->a.sc, &res);
}

static void read_val(sqlite3_stmt *st, int col, grid_val *v)
{
	v->absent = sqlite3_column_int(st, col);
	v->has_score = sqlite3_column_type(st, col + 1) != SQLITE_NULL;
	v->score = sqlite3_column_double(st, col + 1);
	v->has_mark = sqlite3_column_type(st, col + 2) != SQLITE_NULL;
	v->mark = sqlite3_column_int(st, col + 2);
	v->has_journal = sqlite3_column_type(st, col + 3) != SQLITE_NULL;
	v->journal_mark = sqlite3_column_int(st, col + 3);
}

static void fill_row(sqlite3_stmt *st, void *item)
{
	grid_row *r = item;
	*r = (grid_row){ .student_id = (long)sqlite3_column_int64(st, 0), .code = db_col_dup(st, 1),
			 .name = db_col_dup(st, 2), .class_label = db_col_dup(st, 3),
			 .had_result = sqlite3_column_int(st, 8) };
	if (r->had_result)
		read_val(st, 4, &r->stored);
	r->now = r->stored;
}

static void clear_row(void *item)
{
	grid_row *r = item;
	free(r->code), free(r->name), free(r->class_label);
}

int grid_load(sqlite3 *db, long assessment_id, grid *g, char **err)
{
	*g = (grid){ 0 };
	sqlite3_stmt *st = db_stmt(db,
		"SELECT a.procedure_id, a.subject_id, a.grade, a.year, p.name, s.name FROM assessment a"
		" JOIN procedure p ON p.id = a.procedure_id JOIN subject s ON s.id = a.subject_id WHERE a.id = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, assessment_id);
	int rc = db_step_row(db, st, err);
	if (rc != 1) {
		if (rc == 0)
			*err = xasprintf(_("the assessment is no longer there"));
		return -1;
	}
	long proc = (long)sqlite3_column_int64(st, 0), subj = (long)sqlite3_column_int64(st, 1);
	int grade = sqlite3_column_int(st, 2), year = sqlite3_column_int(st, 3);
	g->procedure = db_col_dup(st, 4);
	g->subject = db_col_dup(st, 5);
	sqlite3_reset(st);
	if (db_assessment_find(db, proc, subj, grade, year, &g->a, err) != 1) {
		grid_free(g);
		return -1;
	}
	/* The grade's pupils today, and whoever already has a result here
	 * (moved on or left since): a result is never hidden. */
	st = db_stmt(db,
		"SELECT s.id, s.code, trim(s.last_name || ' ' || s.first_name || ' ' || s.middle_name),"
		" coalesce(r.class, c.grade || c.letter, ''), r.absent, r.score, r.mark, r.journal_mark,"
		" r.student_id IS NOT NULL"
		" FROM student s LEFT JOIN class c ON c.id = s.class_id"
		" LEFT JOIN result r ON r.assessment_id = ?1 AND r.student_id = s.id"
		" WHERE s.id IN (SELECT p.id FROM student p JOIN class k ON k.id = p.class_id WHERE k.grade = ?2"
		"                UNION SELECT student_id FROM result WHERE assessment_id = ?1)"
		" ORDER BY coalesce(r.class, c.grade || c.letter) COLLATE RU, s.last_name COLLATE RU,"
		" s.first_name COLLATE RU, s.code", err);
	if (!st) {
		grid_free(g);
		return -1;
	}
	sqlite3_bind_int64(st, 1, assessment_id);
	sqlite3_bind_int(st, 2, g->a.grade);
	if (db_rows(db, st, sizeof *g->rows, fill_row, clear_row, (void **)&g->rows, &g->n, err) != 0) {
		grid_free(g);
		return -1;
	}
	return 0;
}

void grid_free(grid *g)
{
	db_rows_free(g->rows, g->n, sizeof *g->rows, clear_row);
	free(g->procedure);
	free(g->subject);
	*g = (grid){ 0 };
}

static void bind_val(sqlite3_stmt *st, int col, const grid_val *v)
{
	sqlite3_bind_int(st, col, v->absent);
	db_bind_opt_double(st, col + 1, v->has_score, v->score);
	db_bind_opt_int(st, col + 2, v->has_mark, v->mark);
	db_bind_opt_int(st, col + 3, v->has_journal, v->journal_mark);
}

int grid_draft_put(sqlite3 *db, const grid *g, size_t i, char **err)
{
	const grid_row *r = &g->rows[i];
	sqlite3_stmt *st;
	if (!grid_row_dirty(r)) {
		st = db_stmt(db, "DELETE FROM draft WHERE assessment_id = ? AND student_id = ?", err);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, g->a.id);
		sqlite3_bind_int64(st, 2, r->student_id);
	} else {
		st = db_stmt(db, "INSERT OR REPLACE INTO draft (assessment_id, student_id, absent, score, mark,"
			     " journal_mark, cleared) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", err);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, g->a.id);
		sqlite3_bind_int64(st, 2, r->student_id);
		bind_val(st, 3, &r->now);
		sqlite3_bind_int(st, 7, empty_val(&r->now));
	}
	return db_step_done(db, st, err);
}

long grid_draft_count(sqlite3 *db, long assessment_id, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM draft WHERE assessment_id = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, assessment_id);
	if (db_step_row(db, st, err) != 1)
		return -1;
	long n = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}

int grid_draft_restore(sqlite3 *db, grid *g, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT student_id, absent, score, mark, journal_mark FROM draft"
				   " WHERE assessment_id = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, g->a.id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long sid = (long)sqlite3_column_int64(st, 0);
		for (size_t i = 0; i < g->n; i++)
			if (g->rows[i].student_id == sid)
				read_val(st, 1, &g->rows[i].now);
	}
	return db_step_end(db, st, rc, err);
}

int grid_draft_discard(sqlite3 *db, long assessment_id, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "DELETE FROM draft WHERE assessment_id = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, assessment_id);
	return db_step_done(db, st, err);
}

long grid_save(sqlite3 *db, grid *g, char **err)
{
	if (db_begin(db, err) != 0)
		return -1;
	long saved = 0;
	for (size_t i = 0; i < g->n; i++) {
		grid_row *r = &g->rows[i];
		if (!grid_row_dirty(r))
			continue;
		sqlite3_stmt *st;
		if (empty_val(&r->now)) {
			st = db_stmt(db, "DELETE FROM result WHERE assessment_id = ? AND student_id = ?", err);
			if (!st)
				goto fail;
			sqlite3_bind_int64(st, 1, g->a.id);
			sqlite3_bind_int64(st, 2, r->student_id);
		} else {
			st = db_stmt(db, "INSERT INTO result (assessment_id, student_id, class, absent, score, mark,"
				     " journal_mark) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
				     " ON CONFLICT DO UPDATE SET absent = ?4, score = ?5, mark = ?6, journal_mark = ?7", err);
			if (!st)
				goto fail;
			sqlite3_bind_int64(st, 1, g->a.id);
			sqlite3_bind_int64(st, 2, r->student_id);
			sqlite3_bind_text(st, 3, r->class_label, -1, SQLITE_STATIC);
			bind_val(st, 4, &r->now);
		}
		if (sqlite3_step(st) != SQLITE_DONE) {
			*err = db_error(db);
			goto fail;
		}
		saved++;
	}
	if (grid_draft_discard(db, g->a.id, err) != 0 || db_commit(db, err) != 0)
		goto fail;
	for (size_t i = 0; i < g->n; i++) {
		g->rows[i].stored = g->rows[i].now;
		g->rows[i].had_result = !empty_val(&g->rows[i].now);
	}
	return saved;
fail:
	db_rollback(db);
	return -1;
}
