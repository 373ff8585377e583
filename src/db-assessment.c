#include "config.h"

#include <stdlib.h>

#include "common.h"
#include "db.h"
#include "store.h"

#define ASSESSMENT_COLS "id, procedure_id, subject_id, grade, year, max_score, min_score, score4, score5, high_score, avg_score"

static double opt(sqlite3_stmt *st, int i, int *has)
{
	*has = sqlite3_column_type(st, i) != SQLITE_NULL;
	return *has ? sqlite3_column_double(st, i) : 0;
}

static void fill(sqlite3_stmt *st, void *item)
{
	assessment *a = item;
	a->id = (long)sqlite3_column_int64(st, 0);
	a->procedure_id = (long)sqlite3_column_int64(st, 1);
	a->subject_id = (long)sqlite3_column_int64(st, 2);
	a->grade = sqlite3_column_int(st, 3);
	a->year = sqlite3_column_int(st, 4);
	a->sc.max_score = sqlite3_column_double(st, 5);
	a->sc.min_score = sqlite3_column_double(st, 6);
	a->sc.score4 = opt(st, 7, &a->sc.has_score4);
	a->sc.score5 = opt(st, 8, &a->sc.has_score5);
	a->sc.high_score = opt(st, 9, &a->sc.has_high);
	a->sc.avg_score = opt(st, 10, &a->sc.has_avg);
}

int db_assessment_find(sqlite3 *db, long procedure_id, long subject_id, int grade, int year,
		       assessment *out, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " ASSESSMENT_COLS " FROM assessment"
				   " WHERE procedure_id = ? AND subject_id = ? AND grade = ? AND year = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, procedure_id);
	sqlite3_bind_int64(st, 2, subject_id);
	sqlite3_bind_int(st, 3, grade);
	sqlite3_bind_int(st, 4, year);
	return db_row(db, st, fill, out, err);
}

int db_assessment_save(sqlite3 *db, assessment *a, char **err)
{
	sqlite3_stmt *st = db_stmt(db, a->id
		? "UPDATE assessment SET procedure_id = ?1, subject_id = ?2, grade = ?3, year = ?4, max_score = ?5,"
		  " min_score = ?6, score4 = ?7, score5 = ?8, high_score = ?9, avg_score = ?10 WHERE id = ?11"
		: "INSERT INTO assessment (procedure_id, subject_id, grade, year, max_score, min_score, score4,"
		  " score5, high_score, avg_score) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, a->procedure_id);
	sqlite3_bind_int64(st, 2, a->subject_id);
	sqlite3_bind_int(st, 3, a->grade);
	sqlite3_bind_int(st, 4, a->year);
	sqlite3_bind_double(st, 5, a->sc.max_score);
	sqlite3_bind_double(st, 6, a->sc.min_score);
	db_bind_opt_double(st, 7, a->sc.has_score4, a->sc.score4);
	db_bind_opt_double(st, 8, a->sc.has_score5, a->sc.score5);
	db_bind_opt_double(st, 9, a->sc.has_high, a->sc.high_score);
	db_bind_opt_double(st, 10, a->sc.has_avg, a->sc.avg_score);
	if (a->id)
		sqlite3_bind_int64(st, 11, a->id);
	if (db_step_done(db, st, err) != 0)
		return -1;
	if (!a->id)
		a->id = (long)sqlite3_last_insert_rowid(db);
	return 0;
}

int db_assessment_list_year(sqlite3 *db, int year, assessment **out, size_t *n, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT a.id, a.procedure_id, a.subject_id, a.grade, a.year, a.max_score,"
				   " a.min_score, a.score4, a.score5, a.high_score, a.avg_score"
				   " FROM assessment a JOIN procedure p ON p.id = a.procedure_id"
				   " JOIN subject s ON s.id = a.subject_id WHERE a.year = ?"
				   " ORDER BY p.sort, p.id, a.grade, s.sort, s.name COLLATE RU", err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, year);
	return db_rows(db, st, sizeof **out, fill, NULL, (void **)out, n, err);
}

static void fill_entry(sqlite3_stmt *st, void *item)
{
	assessment_entry *e = item;
	*e = (assessment_entry){ (long)sqlite3_column_int64(st, 0), sqlite3_column_int(st, 1), sqlite3_column_int(st, 2),
				 db_col_dup(st, 3), db_col_dup(st, 4) };
}

static void clear_entry(void *item)
{
	assessment_entry *e = item;
	free(e->procedure), free(e->subject);
}

int db_assessment_catalog(sqlite3 *db, assessment_entry **out, size_t *n, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT a.id, a.year, a.grade, p.name, s.name FROM assessment a"
				   " JOIN procedure p ON p.id = a.procedure_id JOIN subject s ON s.id = a.subject_id"
				   " ORDER BY a.year DESC, p.sort, p.id, s.sort, s.name COLLATE RU, a.grade", err);
	if (!st)
		return -1;
	return db_rows(db, st, sizeof **out, fill_entry, clear_entry, (void **)out, n, err);
}

void assessment_catalog_free(assessment_entry *v, size_t n)
{
	db_rows_free(v, n, sizeof *v, clear_entry);
}

static void fill_scale(sqlite3_stmt *st, void *item)
{
	scale_item *it = item;
	fill(st, &it->a);
	it->procedure = db_col_dup(st, 11);
	it->subject = db_col_dup(st, 12);
	it->results = (long)sqlite3_column_int64(st, 13);
}

static void clear_scale(void *item)
{
	scale_item *it = item;
	free(it->procedure), free(it->subject);
}

int db_scale_list(sqlite3 *db, int year, scale_item **out, size_t *n, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT a.id, a.procedure_id, a.subject_id, a.grade, a.year, a.max_score,"
				   " a.min_score, a.score4, a.score5, a.high_score, a.avg_score, p.name, s.name,"
				   " (SELECT count(*) FROM result r WHERE r.assessment_id = a.id)"
				   " FROM assessment a JOIN procedure p ON p.id = a.procedure_id"
				   " JOIN subject s ON s.id = a.subject_id WHERE ?1 = 0 OR a.year = ?1"
				   " ORDER BY a.year DESC, p.sort, p.id, s.sort, s.name COLLATE RU, a.grade", err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, year);
	return db_rows(db, st, sizeof **out, fill_scale, clear_scale, (void **)out, n, err);
}

void scale_list_free(scale_item *v, size_t n)
{
	db_rows_free(v, n, sizeof *v, clear_scale);
}

int db_assessment_delete(sqlite3 *db, long id, char **err)
{
	if (db_begin(db, err) != 0)
		return -1;
	sqlite3_stmt *st = db_stmt(db, "DELETE FROM draft WHERE assessment_id = ?1", err);
	if (st) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) != SQLITE_DONE)
			st = NULL;
	}
	if (st && (st = db_stmt(db, "DELETE FROM assessment WHERE id = ?1"
				" AND NOT EXISTS (SELECT 1 FROM result WHERE assessment_id = ?1)", err))) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) != SQLITE_DONE)
			st = NULL;
	}
	if (!st) {
		if (!*err)
			*err = db_error(db);
		db_rollback(db);
		return -1;
	}
	int gone = sqlite3_changes(db) > 0;
	if (db_commit(db, err) != 0)
		return -1;
	return gone;
}
