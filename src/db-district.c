#include "config.h"

#include <stdlib.h>

#include "common.h"
#include "day.h"
#include "db-district.h"
#include "db.h"

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	sqlite3_bind_text(st, i, s ? s : "", -1, SQLITE_STATIC);
}

static void fill_school(sqlite3_stmt *st, void *item)
{
	d_school *s = item;
	*s = (d_school){ db_col_dup(st, 0), db_col_dup(st, 1), sqlite3_column_int(st, 2), db_col_dup(st, 3),
			 db_col_dup(st, 4), db_col_dup(st, 5) };
}

#define SCHOOL_COLS "code, name, listed, coalesce(other_name, ''), coalesce(key, ''), coalesce(key_since, '')"

int db_d_school_get(sqlite3 *db, const char *code, d_school *out, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " SCHOOL_COLS " FROM d_school WHERE code = ?", err);
	if (!st)
		return -1;
	bind_text(st, 1, code);
	return db_row(db, st, fill_school, out, err);
}

int db_d_school_put(sqlite3 *db, const char *code, const char *name, int listed, char **err)
{
	sqlite3_stmt *st = db_stmt(db, listed
		? "INSERT INTO d_school (code, name, listed, added_on) VALUES (?1, ?2, 1, ?3)"
		  " ON CONFLICT (code) DO UPDATE SET name = ?2, listed = 1,"
		  "  other_name = CASE WHEN other_name = ?2 THEN NULL ELSE other_name END"
		: "INSERT INTO d_school (code, name, listed, added_on) VALUES (?1, ?2, 0, ?3)"
		  " ON CONFLICT (code) DO NOTHING", err);
	if (!st)
		return -1;
	bind_text(st, 1, code);
	bind_text(st, 2, name);
	sqlite3_bind_text(st, 3, day_iso(day_today()), -1, free);
	return db_step_done(db, st, err);
}

int db_d_school_set_other_name(sqlite3 *db, const char *code, const char *other, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE d_school SET other_name = nullif(?2, '') WHERE code = ?1", err);
	if (!st)
		return -1;
	bind_text(st, 1, code);
	bind_text(st, 2, other);
	return db_step_done(db, st, err);
}

int db_d_school_set_key(sqlite3 *db, const char *code, const char *key, const char *since, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE d_school SET key = nullif(?2, ''),"
				   " key_since = CASE WHEN ?2 = '' THEN NULL ELSE ?3 END WHERE code = ?1", err);
	if (!st)
		return -1;
	bind_text(st, 1, code);
	bind_text(st, 2, key);
	bind_text(st, 3, since);
	return db_step_done(db, st, err);
}

void d_school_clear(d_school *s)
{
	free(s->code), free(s->name), free(s->other_name), free(s->key), free(s->key_since);
	*s = (d_school){ 0 };
}

static void clear_school(void *item)
{
	d_school_clear(item);
}

void d_school_list_free(d_school *v, size_t n)
{
	db_rows_free(v, n, sizeof *v, clear_school);
}

int db_d_school_list(sqlite3 *db, d_school **out, size_t *n, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " SCHOOL_COLS " FROM d_school ORDER BY name COLLATE RU, code", err);
	if (!st)
		return -1;
	return db_rows(db, st, sizeof **out, fill_school, clear_school, (void **)out, n, err);
}

int db_d_package_get(sqlite3 *db, const char *code, const char *period, d_package *out, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id, school_code, period, school_name, district, created_at, app_version,"
				   " digest, received_at, first_received_at, source FROM d_package"
				   " WHERE school_code = ? AND period = ?", err);
	if (!st)
		return -1;
	bind_text(st, 1, code);
	bind_text(st, 2, period);
	int rc = db_step_row(db, st, err);
	if (rc == 1) {
		*out = (d_package){ (long)sqlite3_column_int64(st, 0), db_col_dup(st, 1), db_col_dup(st, 2),
				    db_col_dup(st, 3), db_col_dup(st, 4), db_col_dup(st, 5), db_col_dup(st, 6),
				    db_col_dup(st, 7), db_col_dup(st, 8), db_col_dup(st, 9), db_col_dup(st, 10) };
		sqlite3_reset(st);
	}
	return rc;
}

int db_d_package_put(sqlite3 *db, d_package *p, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "DELETE FROM d_package WHERE school_code = ? AND period = ?", err);
	if (!st)
		return -1;
	bind_text(st, 1, p->school_code);
	bind_text(st, 2, p->period);
	if (db_step_done(db, st, err) != 0)
		return -1;
	st = db_stmt(db, "INSERT INTO d_package (school_code, period, school_name, district, created_at, app_version,"
		     " digest, received_at, first_received_at, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", err);
	if (!st)
		return -1;
	const char *v[] = { p->school_code, p->period, p->school_name, p->district, p->created_at, p->app_version,
			    p->digest, p->received_at, p->first_received_at, p->source };
	for (int i = 0; i < 10; i++)
		bind_text(st, i + 1, v[i]);
	if (db_step_done(db, st, err) != 0)
		return -1;
	p->id = (long)sqlite3_last_insert_rowid(db);
	return 0;
}

void d_package_clear(d_package *p)
{
	free(p->school_code), free(p->period), free(p->school_name), free(p->district), free(p->created_at);
	free(p->app_version), free(p->digest), free(p->received_at), free(p->first_received_at), free(p->source);
	*p = (d_package){ 0 };
}

int db_d_indicator_add(sqlite3 *db, long package_id, const d_indicator *v, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO d_indicator (package_id, code, procedure, subject, grade, year,"
				   " num, den, percent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, package_id);
	bind_text(st, 2, v->code);
	bind_text(st, 3, v->procedure);
	bind_text(st, 4, v->subject);
	db_bind_opt_int(st, 5, v->grade != 0, v->grade);
	sqlite3_bind_int(st, 6, v->year);
	db_bind_opt_int(st, 7, v->has_num, v->num);
	db_bind_opt_int(st, 8, v->has_den, v->den);
	db_bind_opt_double(st, 9, v->has_percent, v->percent);
	return db_step_done(db, st, err);
}

int db_d_indicator_each(sqlite3 *db, long package_id, d_indicator_visit visit, void *ctx, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT code || '|' || procedure || '|' || subject || '|' || year, percent"
				   " FROM d_indicator WHERE package_id = ? AND grade IS NULL AND percent IS NOT NULL", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, package_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		visit(ctx, (const char *)sqlite3_column_text(st, 0), sqlite3_column_double(st, 1));
	return db_step_end(db, st, rc, err);
}

int db_d_activity_add(sqlite3 *db, long package_id, int sort, const d_activity *a, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO d_activity (package_id, sort, section, number, title,"
				   " deadline_text, status, done_on, overdue, roadmap_years)"
				   " VALUES (?, ?, ?, ?, ?, ?, ?, nullif(?, ''), ?, ?)", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, package_id);
	sqlite3_bind_int(st, 2, sort);
	const char *v[] = { a->section, a->number, a->title, a->deadline_text, a->status, a->done_on };
	for (int i = 0; i < 6; i++)
		bind_text(st, i + 3, v[i]);
	sqlite3_bind_int(st, 9, a->overdue);
	bind_text(st, 10, a->roadmap_years);
	return db_step_done(db, st, err);
}

int db_d_result_source_get(sqlite3 *db, const char *code, int year, char **created_at, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT created_at FROM d_result_source WHERE school_code = ? AND year = ?", err);
	if (!st)
		return -1;
	bind_text(st, 1, code);
	sqlite3_bind_int(st, 2, year);
	int rc = db_step_row(db, st, err);
	if (rc == 1) {
		*created_at = db_col_dup(st, 0);
		sqlite3_reset(st);
	}
	return rc;
}

int db_d_result_source_put(sqlite3 *db, const char *code, int year, const char *period, const char *created_at,
			   char **err)
{
	sqlite3_stmt *st = db_stmt(db, "DELETE FROM d_result WHERE school_code = ? AND year = ?", err);
	if (!st)
		return -1;
	bind_text(st, 1, code);
	sqlite3_bind_int(st, 2, year);
	if (db_step_done(db, st, err) != 0)
		return -1;
	/* the year's task scores, tasks and signs go with its results */
	static const char *const with[] = { "DELETE FROM d_task_score WHERE school_code = ? AND year = ?",
					    "DELETE FROM d_task WHERE school_code = ? AND year = ?",
					    "DELETE FROM d_objectivity WHERE school_code = ? AND year = ?" };
	for (int i = 0; i < 3; i++) {
		if (!(st = db_stmt(db, with[i], err)))
			return -1;
		bind_text(st, 1, code);
		sqlite3_bind_int(st, 2, year);
		if (db_step_done(db, st, err) != 0)
			return -1;
	}
	st = db_stmt(db, "INSERT INTO d_result_source (school_code, year, period, created_at) VALUES (?1, ?2, ?3, ?4)"
		     " ON CONFLICT (school_code, year) DO UPDATE SET period = ?3, created_at = ?4", err);
	if (!st)
		return -1;
	bind_text(st, 1, code);
	sqlite3_bind_int(st, 2, year);
	bind_text(st, 3, period);
	bind_text(st, 4, created_at);
	return db_step_done(db, st, err);
}

int db_d_result_add(sqlite3 *db, const d_result *r, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO d_result (school_code, year, procedure, subject, grade, student,"
				   " class, absent, score, mark, journal_mark, max_score, min_score, high_score)"
				   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", err);
	if (!st)
		return -1;
	bind_text(st, 1, r->school_code);
	sqlite3_bind_int(st, 2, r->year);
	bind_text(st, 3, r->procedure);
	bind_text(st, 4, r->subject);
	sqlite3_bind_int(st, 5, r->grade);
	bind_text(st, 6, r->student);
	bind_text(st, 7, r->class_label);
	sqlite3_bind_int(st, 8, r->absent);
	db_bind_opt_double(st, 9, r->has_score, r->score);
	db_bind_opt_int(st, 10, r->has_mark, r->mark);
	db_bind_opt_int(st, 11, r->has_journal, r->journal_mark);
	db_bind_opt_double(st, 12, r->has_max, r->max_score);
	db_bind_opt_double(st, 13, r->has_min, r->min_score);
	db_bind_opt_double(st, 14, r->has_high, r->high_score);
	return db_step_done(db, st, err);
}

int db_d_shares(sqlite3 *db, int first, int last, d_share_visit visit, void *ctx, char **err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT school_code, year, procedure, subject, count(*), total(score < min_score),"
		" total(high_score IS NOT NULL), total(score >= high_score),"
		" total(mark IS NOT NULL AND journal_mark IS NOT NULL),"
		" total(mark < journal_mark), total(mark = journal_mark), total(mark > journal_mark)"
		" FROM d_result WHERE absent = 0 AND year BETWEEN ? AND ?"
		" GROUP BY school_code, year, procedure, subject", err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, first);
	sqlite3_bind_int(st, 2, last);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		d_share s = { .school_code = (const char *)sqlite3_column_text(st, 0),
			      .procedure = (const char *)sqlite3_column_text(st, 2),
			      .subject = (const char *)sqlite3_column_text(st, 3), .year = sqlite3_column_int(st, 1) };
		long *counts[] = { &s.participants, &s.below, &s.high_known, &s.high, &s.compared, &s.lowered,
				   &s.confirmed, &s.raised };
		for (int i = 0; i < 8; i++)
			*counts[i] = (long)sqlite3_column_double(st, 4 + i);
		if (visit(ctx, &s) != 0)
			break;
	}
	return db_step_end(db, st, rc, err);
}

static void fill_progress(sqlite3_stmt *st, void *item)
{
	d_progress *p = item;
	*p = (d_progress){ db_col_dup(st, 0), sqlite3_column_int64(st, 1), (long)sqlite3_column_double(st, 2),
			   (long)sqlite3_column_double(st, 3), (long)sqlite3_column_double(st, 4) };
}

static void clear_progress(void *item)
{
	d_progress *p = item;
	free(p->school_code);
}

int db_d_progress(sqlite3 *db, const char *period, d_progress **out, size_t *n, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT p.school_code, count(a.sort), total(a.status = 'done'), total(a.overdue),"
				   " total(a.status = 'cancelled')"
				   " FROM d_package p JOIN d_activity a ON a.package_id = p.id"
				   " WHERE p.period = ? GROUP BY p.school_code ORDER BY p.school_code", err);
	if (!st)
		return -1;
	bind_text(st, 1, period);
	return db_rows(db, st, sizeof **out, fill_progress, clear_progress, (void **)out, n, err);
}

void d_progress_free(d_progress *v, size_t n)
{
	db_rows_free(v, n, sizeof *v, clear_progress);
}

static void fill_year(sqlite3_stmt *st, void *item)
{
	*(int *)item = sqlite3_column_int(st, 0);
}

long db_d_package_count(sqlite3 *db, const char *period, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM d_package WHERE period = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, period, -1, SQLITE_STATIC);
	if (db_step_row(db, st, err) != 1)
		return -1;
	long n = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}

int db_d_result_years(sqlite3 *db, int **out, size_t *n, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT DISTINCT year FROM d_result_source ORDER BY year DESC", err);
	if (!st)
		return -1;
	return db_rows(db, st, sizeof **out, fill_year, NULL, (void **)out, n, err);
}

#define HELD_COLS "id, school_code, school_name, period, created_at, digest, key, reason, received_at, source," \
		  " decision, coalesce(decided_at, '')"

static void fill_held(sqlite3_stmt *st, void *item)
{
	d_held *h = item;
	*h = (d_held){ (long)sqlite3_column_int64(st, 0), db_col_dup(st, 1), db_col_dup(st, 2), db_col_dup(st, 3),
		       db_col_dup(st, 4), db_col_dup(st, 5), db_col_dup(st, 6), db_col_dup(st, 7), db_col_dup(st, 8),
		       db_col_dup(st, 9), db_col_dup(st, 10), db_col_dup(st, 11) };
}

int db_d_held_by_digest(sqlite3 *db, const char *digest, d_held *out, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " HELD_COLS " FROM d_held WHERE digest = ?", err);
	if (!st)
		return -1;
	bind_text(st, 1, digest);
	return db_row(db, st, fill_held, out, err);
}

int db_d_held_get(sqlite3 *db, long id, d_held *out, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " HELD_COLS " FROM d_held WHERE id = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return db_row(db, st, fill_held, out, err);
}

int db_d_held_put(sqlite3 *db, d_held *h, const char *const *names, const char *const *data, const size_t *lens,
		  size_t n, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO d_held (school_code, school_name, period, created_at, digest, key,"
				   " reason, received_at, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", err);
	if (!st)
		return -1;
	const char *v[] = { h->school_code, h->school_name, h->period, h->created_at, h->digest, h->key, h->reason,
			    h->received_at, h->source };
	for (int i = 0; i < 9; i++)
		bind_text(st, i + 1, v[i]);
	if (db_step_done(db, st, err) != 0)
		return -1;
	h->id = (long)sqlite3_last_insert_rowid(db);
	st = db_stmt(db, "INSERT INTO d_held_file (held_id, sort, name, data) VALUES (?, ?, ?, ?)", err);
	for (size_t i = 0; st && i < n; i++) {
		sqlite3_bind_int64(st, 1, h->id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		bind_text(st, 3, names[i]);
		sqlite3_bind_blob64(st, 4, lens[i] ? data[i] : "", lens[i], SQLITE_STATIC);
		if (db_step_done(db, st, err) != 0)
			return -1;
		sqlite3_reset(st);
	}
	return st ? 0 : -1;
}

int db_d_held_files(sqlite3 *db, long id, d_held_file_visit visit, void *ctx, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT name, data FROM d_held_file WHERE held_id = ? ORDER BY sort", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		visit(ctx, (const char *)sqlite3_column_text(st, 0), sqlite3_column_blob(st, 1),
		      (size_t)sqlite3_column_bytes(st, 1));
	return db_step_end(db, st, rc, err);
}

static void clear_held(void *item)
{
	d_held_clear(item);
}

int db_d_held_list(sqlite3 *db, int all, d_held **out, size_t *n, char **err)
{
	sqlite3_stmt *st = db_stmt(db, all ? "SELECT " HELD_COLS " FROM d_held ORDER BY school_code, id"
				   : "SELECT " HELD_COLS " FROM d_held WHERE decision = '' ORDER BY school_code, id", err);
	if (!st)
		return -1;
	return db_rows(db, st, sizeof **out, fill_held, clear_held, (void **)out, n, err);
}

int db_d_held_decide(sqlite3 *db, long id, const char *decision, const char *decided_at, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE d_held SET decision = ?2, decided_at = ?3 WHERE id = ?1", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, decision);
	bind_text(st, 3, decided_at);
	if (db_step_done(db, st, err) != 0)
		return -1;
	st = db_stmt(db, "DELETE FROM d_held_file WHERE held_id = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return db_step_done(db, st, err);
}

void d_held_clear(d_held *h)
{
	free(h->school_code), free(h->school_name), free(h->period), free(h->created_at), free(h->digest);
	free(h->key), free(h->reason), free(h->received_at), free(h->source), free(h->decision), free(h->decided_at);
	*h = (d_held){ 0 };
}

void d_held_list_free(d_held *v, size_t n)
{
	db_rows_free(v, n, sizeof *v, clear_held);
}

int db_d_task_add(sqlite3 *db, const d_task *t, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO d_task (school_code, year, procedure, subject, grade, number, sort,"
				   " max_score, skill, block, level, reference_percent)"
				   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", err);
	if (!st)
		return -1;
	bind_text(st, 1, t->school_code);
	sqlite3_bind_int(st, 2, t->year);
	bind_text(st, 3, t->procedure);
	bind_text(st, 4, t->subject);
	sqlite3_bind_int(st, 5, t->grade);
	bind_text(st, 6, t->number);
	sqlite3_bind_int(st, 7, t->sort);
	sqlite3_bind_double(st, 8, t->max_score);
	bind_text(st, 9, t->skill);
	bind_text(st, 10, t->block);
	bind_text(st, 11, t->level);
	db_bind_opt_double(st, 12, t->has_reference, t->reference_percent);
	return db_step_done(db, st, err);
}

int db_d_task_score_add(sqlite3 *db, const d_task_score *s, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO d_task_score (school_code, year, procedure, subject, grade, student,"
				   " number, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", err);
	if (!st)
		return -1;
	bind_text(st, 1, s->school_code);
	sqlite3_bind_int(st, 2, s->year);
	bind_text(st, 3, s->procedure);
	bind_text(st, 4, s->subject);
	sqlite3_bind_int(st, 5, s->grade);
	bind_text(st, 6, s->student);
	bind_text(st, 7, s->number);
	sqlite3_bind_double(st, 8, s->score);
	return db_step_done(db, st, err);
}

int db_d_objectivity_add(sqlite3 *db, const d_objectivity *o, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO d_objectivity (school_code, year, procedure, subject, grade,"
				   " participants, peak_at, lowered, confirmed, raised, flag)"
				   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", err);
	if (!st)
		return -1;
	bind_text(st, 1, o->school_code);
	sqlite3_bind_int(st, 2, o->year);
	bind_text(st, 3, o->procedure);
	bind_text(st, 4, o->subject);
	sqlite3_bind_int(st, 5, o->grade);
	sqlite3_bind_int64(st, 6, o->participants);
	db_bind_opt_double(st, 7, o->has_peak, o->peak_at);
	db_bind_opt_double(st, 8, o->has_shares, o->lowered);
	db_bind_opt_double(st, 9, o->has_shares, o->confirmed);
	db_bind_opt_double(st, 10, o->has_shares, o->raised);
	sqlite3_bind_int(st, 11, o->flag);
	return db_step_done(db, st, err);
}

static void fill_objectivity(sqlite3_stmt *st, void *item)
{
	d_objectivity *o = item;
	*o = (d_objectivity){ db_col_dup(st, 0), db_col_dup(st, 1), db_col_dup(st, 2), sqlite3_column_int(st, 3),
			      sqlite3_column_int(st, 4), (long)sqlite3_column_int64(st, 5),
			      sqlite3_column_type(st, 6) != SQLITE_NULL, sqlite3_column_type(st, 7) != SQLITE_NULL,
			      sqlite3_column_int(st, 10), sqlite3_column_double(st, 6), sqlite3_column_double(st, 7),
			      sqlite3_column_double(st, 8), sqlite3_column_double(st, 9) };
}

static void clear_objectivity(void *item)
{
	d_objectivity *o = item;
	free(o->school_code), free(o->procedure), free(o->subject);
}

int db_d_objectivity_list(sqlite3 *db, int year, d_objectivity **out, size_t *n, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT school_code, procedure, subject, year, grade, participants, peak_at,"
				   " lowered, confirmed, raised, flag FROM d_objectivity WHERE year = ?"
				   " ORDER BY school_code, procedure COLLATE RU, subject COLLATE RU, grade", err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, year);
	return db_rows(db, st, sizeof **out, fill_objectivity, clear_objectivity, (void **)out, n, err);
}

void d_objectivity_free(d_objectivity *v, size_t n)
{
	db_rows_free(v, n, sizeof *v, clear_objectivity);
}

int db_d_task_sums(sqlite3 *db, int year, d_task_sum_visit visit, void *ctx, char **err)
{
	/* One row per school and task, and one per task for the whole district
	 * (school ''), the district's first; a task's maximum, place and skill
	 * as the schools' maps give them. */
	sqlite3_stmt *st = db_stmt(db,
		"WITH s AS (SELECT school_code, procedure, subject, grade, number, count(*) AS n, total(score) AS sum"
		"  FROM d_task_score WHERE year = ?1 GROUP BY school_code, procedure, subject, grade, number),"
		" m AS (SELECT procedure, subject, grade, number, max(max_score) AS max_score, min(sort) AS sort,"
		"  max(skill) AS skill, avg(reference_percent) AS ref FROM d_task WHERE year = ?1"
		"  GROUP BY procedure, subject, grade, number),"
		" all_rows AS (SELECT school_code, procedure, subject, grade, number, n, sum FROM s"
		"  UNION ALL SELECT '', procedure, subject, grade, number, sum(n), sum(sum) FROM s"
		"  GROUP BY procedure, subject, grade, number)"
		" SELECT a.school_code, a.procedure, a.subject, a.number, coalesce(m.skill, ''), a.grade,"
		"  coalesce(m.sort, 0), coalesce(m.max_score, 0), a.sum, a.n, m.ref"
		" FROM all_rows a LEFT JOIN m ON m.procedure = a.procedure AND m.subject = a.subject"
		"  AND m.grade = a.grade AND m.number = a.number"
		" ORDER BY a.procedure COLLATE RU, a.subject COLLATE RU, a.grade, coalesce(m.sort, 0), a.number,"
		"  a.school_code", err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, year);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		d_task_sum s = { (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
				 (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3),
				 (const char *)sqlite3_column_text(st, 4), sqlite3_column_int(st, 5),
				 sqlite3_column_int(st, 6), sqlite3_column_double(st, 7), sqlite3_column_double(st, 8),
				 (long)sqlite3_column_int64(st, 9), sqlite3_column_type(st, 10) != SQLITE_NULL,
				 sqlite3_column_double(st, 10) };
		if (visit(ctx, &s) != 0)
			break;
	}
	return db_step_end(db, st, rc, err);
}

int db_d_task_years(sqlite3 *db, int **out, size_t *n, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT DISTINCT year FROM d_task_score ORDER BY year DESC", err);
	if (!st)
		return -1;
	return db_rows(db, st, sizeof **out, fill_year, NULL, (void **)out, n, err);
}
