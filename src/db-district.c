#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "day.h"
#include "db-district.h"
#include "db.h"
#include "sdb.h"
#include "utf8.h"

static void fill_school(sdb_stmt *st, void *item)
{
	d_school *s = item;
	*s = (d_school){ sdb_col_dup(st, 0), sdb_col_dup(st, 1), (int)sdb_col_int(st, 2), sdb_col_dup(st, 3),
			 sdb_col_dup(st, 4), sdb_col_dup(st, 5), sdb_col_dup(st, 6) };
}

/* The end of a walk through st's rows, rc the last sdb_step's: the
 * statement let go of when the walk stopped on a row. */
static int walked(sdb_stmt *st, int rc)
{
	if (rc == 1)
		sdb_reset(st);
	return rc < 0 ? -1 : 0;
}

#define SCHOOL_COLS "code, name, listed, coalesce(other_name, ''), coalesce(key, ''), coalesce(key_since, '')," \
	" coalesce((SELECT p.district FROM d_package p WHERE p.school_code = d_school.code" \
	"  ORDER BY p.created_at DESC LIMIT 1), '')"

int db_d_school_get(sdb *db, const char *code, d_school *out, char **err)
{
	sdb_stmt *st = sdb_prepare(db, "SELECT " SCHOOL_COLS " FROM d_school WHERE code = ?", err);
	if (!st)
		return -1;
	sdb_bind_text(st, 1, code);
	return sdb_row(st, fill_school, out, err);
}

int db_d_school_put(sdb *db, const char *code, const char *name, int listed, char **err)
{
	sdb_stmt *st = sdb_prepare(db, listed
		? "INSERT INTO d_school (code, name, listed, added_on) VALUES (?1, ?2, 1, ?3)"
		  " ON CONFLICT (code) DO UPDATE SET name = ?2, listed = 1,"
		  "  other_name = CASE WHEN d_school.other_name = ?2 THEN NULL ELSE d_school.other_name END"
		: "INSERT INTO d_school (code, name, listed, added_on) VALUES (?1, ?2, 0, ?3)"
		  " ON CONFLICT (code) DO NOTHING", err);
	if (!st)
		return -1;
	sdb_bind_text(st, 1, code);
	sdb_bind_text(st, 2, name);
	char *today = day_iso(day_today());
	sdb_bind_text(st, 3, today);
	free(today);
	return sdb_done(st, err);
}

int db_d_school_lock(sdb *db, const char *code, char **err)
{
	/* SQLite's write transaction is the whole file's already */
	sdb_stmt *st = sdb_prepare2(db, "SELECT ?", "SELECT pg_advisory_xact_lock(4715, hashtext(?))", err);
	if (!st)
		return -1;
	sdb_bind_text(st, 1, code);
	return sdb_done(st, err);
}

int db_d_school_set_other_name(sdb *db, const char *code, const char *other, char **err)
{
	sdb_stmt *st = sdb_prepare(db, "UPDATE d_school SET other_name = nullif(?2, '') WHERE code = ?1", err);
	if (!st)
		return -1;
	sdb_bind_text(st, 1, code);
	sdb_bind_text(st, 2, other);
	return sdb_done(st, err);
}

int db_d_school_set_key(sdb *db, const char *code, const char *key, char **err)
{
	sdb_stmt *st = sdb_prepare(db, "UPDATE d_school SET key = nullif(?2, ''),"
				   " key_since = CASE WHEN ?2 = '' THEN NULL ELSE ?3 END WHERE code = ?1", err);
	if (!st)
		return -1;
	char *now = day_now_iso();
	sdb_bind_text(st, 1, code);
	sdb_bind_text(st, 2, key);
	sdb_bind_text(st, 3, now);
	free(now);
	return sdb_done(st, err);
}

void d_school_clear(d_school *s)
{
	free(s->code), free(s->name), free(s->other_name), free(s->key), free(s->key_since), free(s->district);
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

/* Two texts in Russian order. */
static int ru_cmp(const char *a, const char *b)
{
	return utf8_collate(a, strlen(a), b, strlen(b));
}

/* By name in Russian order, then code: sorted here, the same on either
 * engine. */
static int by_name(const void *a, const void *b)
{
	const d_school *x = a, *y = b;
	int c = ru_cmp(x->name, y->name);
	return c ? c : strcmp(x->code, y->code);
}

int db_d_school_list(sdb *db, d_school **out, size_t *n, char **err)
{
	sdb_stmt *st = sdb_prepare(db, "SELECT " SCHOOL_COLS " FROM d_school", err);
	if (!st || sdb_rows(st, sizeof **out, fill_school, clear_school, (void **)out, n, err) != 0)
		return -1;
	if (*n)
		qsort(*out, *n, sizeof **out, by_name);
	return 0;
}

#define PACKAGE_COLS "id, school_code, period, school_name, district, created_at, app_version, digest," \
	" received_at, first_received_at, source"

static void fill_package(sdb_stmt *st, void *item)
{
	*(d_package *)item = (d_package){ (long)sdb_col_int(st, 0), sdb_col_dup(st, 1), sdb_col_dup(st, 2),
					  sdb_col_dup(st, 3), sdb_col_dup(st, 4), sdb_col_dup(st, 5),
					  sdb_col_dup(st, 6), sdb_col_dup(st, 7), sdb_col_dup(st, 8),
					  sdb_col_dup(st, 9), sdb_col_dup(st, 10) };
}

int db_d_package_get(sdb *db, const char *code, const char *period, d_package *out, char **err)
{
	sdb_stmt *st = sdb_prepare(db, "SELECT " PACKAGE_COLS " FROM d_package WHERE school_code = ? AND period = ?",
				   err);
	if (!st)
		return -1;
	sdb_bind_text(st, 1, code);
	sdb_bind_text(st, 2, period);
	return sdb_row(st, fill_package, out, err);
}

static void clear_package(void *item)
{
	d_package_clear(item);
}

int db_d_package_carried(sdb *db, const char *period, int year, d_package **out, size_t *n, char **err)
{
	sdb_stmt *st = sdb_prepare(db, "SELECT " PACKAGE_COLS " FROM d_package p WHERE period = ?"
				   " OR EXISTS (SELECT 1 FROM d_result_source s WHERE s.school_code = p.school_code"
				   "  AND s.period = p.period AND s.year IN (?, ?))"
				   " ORDER BY school_code, period", err);
	if (!st)
		return -1;
	sdb_bind_text(st, 1, period);
	sdb_bind_int(st, 2, year - 1);
	sdb_bind_int(st, 3, year);
	return sdb_rows(st, sizeof **out, fill_package, clear_package, (void **)out, n, err);
}

int db_d_package_put(sdb *db, d_package *p, char **err)
{
	/* The older version's indicators and activities go with it: by the
	 * foreign key's cascade on SQLite, said on the server (where the key
	 * would cost a look-up for every row loaded; region migration 3). */
#define PACKAGE_GONE "DELETE FROM d_package WHERE school_code = ?1 AND period = ?2"
	sdb_stmt *st = sdb_prepare2(db, PACKAGE_GONE,
				    "WITH p AS (" PACKAGE_GONE " RETURNING id),"
				    " i AS (DELETE FROM d_indicator WHERE package_id IN (SELECT id FROM p))"
				    " DELETE FROM d_activity WHERE package_id IN (SELECT id FROM p)", err);
	if (!st)
		return -1;
	sdb_bind_text(st, 1, p->school_code);
	sdb_bind_text(st, 2, p->period);
	if (sdb_done(st, err) != 0)
		return -1;
#define PACKAGE_INSERT "INSERT INTO d_package (school_code, period, school_name, district, created_at, app_version," \
	" digest, received_at, first_received_at, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
	st = sdb_prepare2(db, PACKAGE_INSERT, PACKAGE_INSERT " RETURNING id", err);
	if (!st)
		return -1;
	const char *v[] = { p->school_code, p->period, p->school_name, p->district, p->created_at, p->app_version,
			    p->digest, p->received_at, p->first_received_at, p->source };
	for (int i = 0; i < 10; i++)
		sdb_bind_text(st, i + 1, v[i]);
	return sdb_insert(st, &p->id, err);
}

void d_package_clear(d_package *p)
{
	free(p->school_code), free(p->period), free(p->school_name), free(p->district), free(p->created_at);
	free(p->app_version), free(p->digest), free(p->received_at), free(p->first_received_at), free(p->source);
	*p = (d_package){ 0 };
}

sdb_copy *db_d_indicator_load(sdb *db, char **err)
{
	return sdb_copy_begin(db, "d_indicator", "package_id, code, procedure, subject, grade, year, num, den, percent",
			      err);
}

int db_d_indicator_add(sdb_copy *c, long package_id, const d_indicator *v, char **err)
{
	sdb_copy_int(c, package_id);
	sdb_copy_text(c, v->code);
	sdb_copy_text(c, v->procedure);
	sdb_copy_text(c, v->subject);
	sdb_copy_opt_int(c, v->grade != 0, v->grade);
	sdb_copy_int(c, v->year);
	sdb_copy_opt_int(c, v->has_num, v->num);
	sdb_copy_opt_int(c, v->has_den, v->den);
	sdb_copy_opt_double(c, v->has_percent, v->percent);
	return sdb_copy_row(c, err);
}

int db_d_indicator_each(sdb *db, long package_id, d_indicator_visit visit, void *ctx, char **err)
{
	sdb_stmt *st = sdb_prepare(db, "SELECT code || '|' || procedure || '|' || subject || '|' || year, percent"
				   " FROM d_indicator WHERE package_id = ? AND grade IS NULL AND percent IS NOT NULL", err);
	if (!st)
		return -1;
	sdb_bind_int(st, 1, package_id);
	int rc;
	while ((rc = sdb_step(st, err)) == 1)
		visit(ctx, sdb_col_text(st, 0), sdb_col_double(st, 1));
	return walked(st, rc);
}

sdb_copy *db_d_activity_load(sdb *db, char **err)
{
	return sdb_copy_begin(db, "d_activity", "package_id, sort, section, number, title, deadline_text, status, done_on,"
			      " overdue, roadmap_years", err);
}

int db_d_activity_add(sdb_copy *c, long package_id, int sort, const d_activity *a, char **err)
{
	sdb_copy_int(c, package_id);
	sdb_copy_int(c, sort);
	const char *v[] = { a->section, a->number, a->title, a->deadline_text, a->status };
	for (int i = 0; i < 5; i++)
		sdb_copy_text(c, v[i] ? v[i] : "");
	sdb_copy_text(c, a->done_on && *a->done_on ? a->done_on : NULL);
	sdb_copy_int(c, a->overdue);
	sdb_copy_text(c, a->roadmap_years ? a->roadmap_years : "");
	return sdb_copy_row(c, err);
}

int db_d_result_source_get(sdb *db, const char *code, int year, char **created_at, char **err)
{
	sdb_stmt *st = sdb_prepare(db, "SELECT created_at FROM d_result_source WHERE school_code = ? AND year = ?", err);
	if (!st)
		return -1;
	sdb_bind_text(st, 1, code);
	sdb_bind_int(st, 2, year);
	int rc = sdb_step(st, err);
	if (rc == 1) {
		*created_at = sdb_col_dup(st, 0);
		sdb_reset(st);
	}
	return rc;
}

int db_d_result_source_put(sdb *db, const char *code, int year, const char *period, const char *created_at,
			   int replacing, char **err)
{
	/* A year held before goes with its results, task scores, tasks, signs
	 * and shares: one statement each on SQLite, on the server all in the
	 * one that puts the source (one round trip instead of six). A year
	 * new to the office has none to look for. */
#define SOURCE_GONE(table) "DELETE FROM " table " WHERE school_code = ?1 AND year = ?2"
	static const char *const with[] = { SOURCE_GONE("d_result"), SOURCE_GONE("d_task_score"),
					    SOURCE_GONE("d_task"), SOURCE_GONE("d_objectivity"), SOURCE_GONE("d_share") };
	sdb_stmt *st;
	for (int i = 0; replacing && sdb_kind(db) == SDB_SQLITE && i < 5; i++) {
		if (!(st = sdb_prepare(db, with[i], err)))
			return -1;
		sdb_bind_text(st, 1, code);
		sdb_bind_int(st, 2, year);
		if (sdb_done(st, err) != 0)
			return -1;
	}
#define SOURCE_PUT "INSERT INTO d_result_source (school_code, year, period, created_at) VALUES (?1, ?2, ?3, ?4)" \
	" ON CONFLICT (school_code, year) DO UPDATE SET period = ?3, created_at = ?4"
	st = replacing ? sdb_prepare2(db, SOURCE_PUT,
				      "WITH r AS (" SOURCE_GONE("d_result") "), s AS (" SOURCE_GONE("d_task_score") "),"
				      " t AS (" SOURCE_GONE("d_task") "), o AS (" SOURCE_GONE("d_objectivity") "),"
				      " h AS (" SOURCE_GONE("d_share") ") " SOURCE_PUT, err)
		       : sdb_prepare(db, SOURCE_PUT, err);
	if (!st)
		return -1;
	sdb_bind_text(st, 1, code);
	sdb_bind_int(st, 2, year);
	sdb_bind_text(st, 3, period);
	sdb_bind_text(st, 4, created_at);
	return sdb_done(st, err);
}

sdb_copy *db_d_result_load(sdb *db, char **err)
{
	return sdb_copy_begin(db, "d_result", "school_code, year, procedure, subject, grade, student, class, absent,"
			      " score, mark, journal_mark, max_score, min_score, high_score", err);
}

int db_d_result_add(sdb_copy *c, const d_result *r, char **err)
{
	sdb_copy_text(c, r->school_code);
	sdb_copy_int(c, r->year);
	sdb_copy_text(c, r->procedure);
	sdb_copy_text(c, r->subject);
	sdb_copy_int(c, r->grade);
	sdb_copy_text(c, r->student);
	sdb_copy_text(c, r->class_label);
	sdb_copy_int(c, r->absent);
	sdb_copy_opt_double(c, r->has_score, r->score);
	sdb_copy_opt_int(c, r->has_mark, r->mark);
	sdb_copy_opt_int(c, r->has_journal, r->journal_mark);
	sdb_copy_opt_double(c, r->has_max, r->max_score);
	sdb_copy_opt_double(c, r->has_min, r->min_score);
	sdb_copy_opt_double(c, r->has_high, r->high_score);
	return sdb_copy_row(c, err);
}

sdb_copy *db_d_share_load(sdb *db, char **err)
{
	return sdb_copy_begin(db, "d_share", "school_code, year, procedure, subject, participants, below, high_known,"
			      " high, compared, lowered, confirmed, raised", err);
}

int db_d_share_add(sdb_copy *c, const d_share *s, char **err)
{
	sdb_copy_text(c, s->school_code);
	sdb_copy_int(c, s->year);
	sdb_copy_text(c, s->procedure);
	sdb_copy_text(c, s->subject);
	const long counts[] = { s->participants, s->below, s->high_known, s->high, s->compared, s->lowered,
				s->confirmed, s->raised };
	for (int i = 0; i < 8; i++)
		sdb_copy_int(c, counts[i]);
	return sdb_copy_row(c, err);
}

int db_d_shares(sdb *db, int first, int last, d_share_visit visit, void *ctx, char **err)
{
	sdb_stmt *st = sdb_prepare(db,
		"SELECT school_code, year, procedure, subject, participants, below, high_known, high, compared,"
		" lowered, confirmed, raised FROM d_share WHERE year BETWEEN ? AND ?", err);
	if (!st)
		return -1;
	sdb_bind_int(st, 1, first);
	sdb_bind_int(st, 2, last);
	int rc;
	while ((rc = sdb_step(st, err)) == 1) {
		d_share s = { .school_code = sdb_col_text(st, 0),
			      .procedure = sdb_col_text(st, 2),
			      .subject = sdb_col_text(st, 3), .year = (int)sdb_col_int(st, 1) };
		long *counts[] = { &s.participants, &s.below, &s.high_known, &s.high, &s.compared, &s.lowered,
				   &s.confirmed, &s.raised };
		for (int i = 0; i < 8; i++)
			*counts[i] = (long)sdb_col_int(st, 4 + i);
		if (visit(ctx, &s) != 0)
			break;
	}
	return walked(st, rc);
}

static void fill_progress(sdb_stmt *st, void *item)
{
	d_progress *p = item;
	*p = (d_progress){ sdb_col_dup(st, 0), sdb_col_int(st, 1), (long)sdb_col_int(st, 2),
			   (long)sdb_col_int(st, 3), (long)sdb_col_int(st, 4) };
}

static void clear_progress(void *item)
{
	d_progress *p = item;
	free(p->school_code);
}

int db_d_progress(sdb *db, const char *period, d_progress **out, size_t *n, char **err)
{
	/* counts of rows where a condition holds, as both engines write them */
#define COUNT(cond) "sum(CASE WHEN " cond " THEN 1 ELSE 0 END)"
	sdb_stmt *st = sdb_prepare(db, "SELECT p.school_code, count(a.sort), " COUNT("a.status = 'done'") ", sum(a.overdue),"
				   " " COUNT("a.status = 'cancelled'")
				   " FROM d_package p JOIN d_activity a ON a.package_id = p.id"
				   " WHERE p.period = ? GROUP BY p.school_code ORDER BY p.school_code", err);
	if (!st)
		return -1;
	sdb_bind_text(st, 1, period);
	return sdb_rows(st, sizeof **out, fill_progress, clear_progress, (void **)out, n, err);
}

void d_progress_free(d_progress *v, size_t n)
{
	db_rows_free(v, n, sizeof *v, clear_progress);
}

static void fill_year(sdb_stmt *st, void *item)
{
	*(int *)item = (int)sdb_col_int(st, 0);
}

long db_d_package_count(sdb *db, const char *period, char **err)
{
	sdb_stmt *st = sdb_prepare(db, "SELECT count(*) FROM d_package WHERE period = ?", err);
	if (!st)
		return -1;
	sdb_bind_text(st, 1, period);
	if (sdb_step(st, err) != 1)
		return -1;
	long n = (long)sdb_col_int(st, 0);
	sdb_reset(st);
	return n;
}

int db_d_may_import(sdb *db, char **err)
{
	/* (a district's file that cannot be written says so at the write) */
	/* (as an integer: a boolean column reads as 't' or 'f', both 0) */
	sdb_stmt *st = sdb_prepare2(db, "SELECT 1",
				    "SELECT (has_table_privilege('d_package', 'INSERT')"
				    " AND has_table_privilege('d_result', 'INSERT')"
				    " AND current_setting('transaction_read_only') = 'off')::int", err);
	if (!st || sdb_step(st, err) != 1)
		return -1;
	int may = sdb_col_int(st, 0) != 0;
	sdb_reset(st);
	return may;
}

int db_d_result_years(sdb *db, int **out, size_t *n, char **err)
{
	sdb_stmt *st = sdb_prepare(db, "SELECT DISTINCT year FROM d_result_source ORDER BY year DESC", err);
	if (!st)
		return -1;
	return sdb_rows(st, sizeof **out, fill_year, NULL, (void **)out, n, err);
}

#define HELD_INSERT "INSERT INTO d_held (school_code, school_name, period, created_at, digest, key, reason," \
	" received_at, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define HELD_COLS "id, school_code, school_name, period, created_at, digest, key, reason, received_at, source," \
		  " decision, coalesce(decided_at, '')"

static void fill_held(sdb_stmt *st, void *item)
{
	d_held *h = item;
	*h = (d_held){ (long)sdb_col_int(st, 0), sdb_col_dup(st, 1), sdb_col_dup(st, 2), sdb_col_dup(st, 3),
		       sdb_col_dup(st, 4), sdb_col_dup(st, 5), sdb_col_dup(st, 6), sdb_col_dup(st, 7), sdb_col_dup(st, 8),
		       sdb_col_dup(st, 9), sdb_col_dup(st, 10), sdb_col_dup(st, 11) };
}

int db_d_held_by_digest(sdb *db, const char *digest, d_held *out, char **err)
{
	sdb_stmt *st = sdb_prepare(db, "SELECT " HELD_COLS " FROM d_held WHERE digest = ?", err);
	if (!st)
		return -1;
	sdb_bind_text(st, 1, digest);
	return sdb_row(st, fill_held, out, err);
}

int db_d_held_get(sdb *db, long id, d_held *out, char **err)
{
	sdb_stmt *st = sdb_prepare(db, "SELECT " HELD_COLS " FROM d_held WHERE id = ?", err);
	if (!st)
		return -1;
	sdb_bind_int(st, 1, id);
	return sdb_row(st, fill_held, out, err);
}

static int put_files(sdb *db, const char *sql, long id, const char *const *names, const char *const *data,
		     const size_t *lens, size_t n, char **err);

int db_d_held_put(sdb *db, d_held *h, const char *const *names, const char *const *data, const size_t *lens,
		  size_t n, char **err)
{
	sdb_stmt *st = sdb_prepare2(db, HELD_INSERT, HELD_INSERT " RETURNING id", err);
	if (!st)
		return -1;
	const char *v[] = { h->school_code, h->school_name, h->period, h->created_at, h->digest, h->key, h->reason,
			    h->received_at, h->source };
	for (int i = 0; i < 9; i++)
		sdb_bind_text(st, i + 1, v[i]);
	if (sdb_insert(st, &h->id, err) != 0)
		return -1;
	return put_files(db, "INSERT INTO d_held_file (held_id, sort, name, data) VALUES (?, ?, ?, ?)", h->id, names,
			 data, lens, n, err);
}

/* Inserts n files (a name and its bytes each) of owner id with sql, in order. */
static int put_files(sdb *db, const char *sql, long id, const char *const *names, const char *const *data,
		     const size_t *lens, size_t n, char **err)
{
	sdb_stmt *st = sdb_prepare(db, sql, err);
	for (size_t i = 0; st && i < n; i++) {
		sdb_bind_int(st, 1, id);
		sdb_bind_int(st, 2, (long long)i);
		sdb_bind_text(st, 3, names[i]);
		sdb_bind_blob(st, 4, data[i], lens[i]);
		if (sdb_done(st, err) != 0)
			return -1;
		sdb_reset(st);
	}
	return st ? 0 : -1;
}

/* Visits the files sql selects for owner id: how many there were, or -1. */
static long visit_files(sdb *db, const char *sql, long id, d_held_file_visit visit, void *ctx, char **err)
{
	sdb_stmt *st = sdb_prepare(db, sql, err);
	if (!st)
		return -1;
	sdb_bind_int(st, 1, id);
	int rc;
	long n = 0;
	while ((rc = sdb_step(st, err)) == 1) {
		size_t len;
		const void *data = sdb_col_blob(st, 1, &len);
		visit(ctx, sdb_col_text(st, 0), data, len);
		n++;
	}
	return walked(st, rc) == 0 ? n : -1;
}

int db_d_held_files(sdb *db, long id, d_held_file_visit visit, void *ctx, char **err)
{
	return visit_files(db, "SELECT name, data FROM d_held_file WHERE held_id = ? ORDER BY sort", id, visit, ctx,
			   err) < 0 ? -1 : 0;
}

int db_d_package_files_put(sdb *db, long id, const char *const *names, const char *const *data, const size_t *lens,
			   size_t n, char **err)
{
	return put_files(db, "INSERT INTO d_package_file (package_id, sort, name, data) VALUES (?, ?, ?, ?)", id,
			 names, data, lens, n, err);
}

long db_d_package_files(sdb *db, long id, d_held_file_visit visit, void *ctx, char **err)
{
	return visit_files(db, "SELECT name, data FROM d_package_file WHERE package_id = ? ORDER BY sort", id, visit,
			   ctx, err);
}

static void clear_held(void *item)
{
	d_held_clear(item);
}

int db_d_held_list(sdb *db, int all, d_held **out, size_t *n, char **err)
{
	sdb_stmt *st = sdb_prepare(db, all ? "SELECT " HELD_COLS " FROM d_held ORDER BY school_code, id"
				   : "SELECT " HELD_COLS " FROM d_held WHERE decision = '' ORDER BY school_code, id", err);
	if (!st)
		return -1;
	return sdb_rows(st, sizeof **out, fill_held, clear_held, (void **)out, n, err);
}

int db_d_held_lock(sdb *db, long id, char **err)
{
	/* SQLite's write transaction is the whole file's already */
	sdb_stmt *st = sdb_prepare2(db, "SELECT ?", "SELECT id FROM d_held WHERE id = ? FOR UPDATE", err);
	if (!st)
		return -1;
	sdb_bind_int(st, 1, id);
	int rc = sdb_step(st, err);
	if (rc == 1)
		sdb_reset(st);
	return rc < 0 ? -1 : 0;
}

int db_d_held_decide(sdb *db, long id, const char *decision, char **err)
{
	sdb_stmt *st = sdb_prepare(db, "UPDATE d_held SET decision = ?2, decided_at = ?3 WHERE id = ?1", err);
	if (!st)
		return -1;
	char *now = day_now_iso();
	sdb_bind_int(st, 1, id);
	sdb_bind_text(st, 2, decision);
	sdb_bind_text(st, 3, now);
	free(now);
	if (sdb_done(st, err) != 0)
		return -1;
	st = sdb_prepare(db, "DELETE FROM d_held_file WHERE held_id = ?", err);
	if (!st)
		return -1;
	sdb_bind_int(st, 1, id);
	return sdb_done(st, err);
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

sdb_copy *db_d_task_load(sdb *db, char **err)
{
	return sdb_copy_begin(db, "d_task", "school_code, year, procedure, subject, grade, number, sort, max_score, skill,"
			      " block, level, reference_percent", err);
}

int db_d_task_add(sdb_copy *c, const d_task *t, char **err)
{
	sdb_copy_text(c, t->school_code);
	sdb_copy_int(c, t->year);
	sdb_copy_text(c, t->procedure);
	sdb_copy_text(c, t->subject);
	sdb_copy_int(c, t->grade);
	sdb_copy_text(c, t->number);
	sdb_copy_int(c, t->sort);
	sdb_copy_double(c, t->max_score);
	sdb_copy_text(c, t->skill);
	sdb_copy_text(c, t->block);
	sdb_copy_text(c, t->level);
	sdb_copy_opt_double(c, t->has_reference, t->reference_percent);
	return sdb_copy_row(c, err);
}

sdb_copy *db_d_task_score_load(sdb *db, char **err)
{
	return sdb_copy_begin(db, "d_task_score", "school_code, year, procedure, subject, grade, student, number, score",
			      err);
}

int db_d_task_score_add(sdb_copy *c, const d_task_score *s, char **err)
{
	sdb_copy_text(c, s->school_code);
	sdb_copy_int(c, s->year);
	sdb_copy_text(c, s->procedure);
	sdb_copy_text(c, s->subject);
	sdb_copy_int(c, s->grade);
	sdb_copy_text(c, s->student);
	sdb_copy_text(c, s->number);
	sdb_copy_double(c, s->score);
	return sdb_copy_row(c, err);
}

sdb_copy *db_d_objectivity_load(sdb *db, char **err)
{
	return sdb_copy_begin(db, "d_objectivity", "school_code, year, procedure, subject, grade, participants, peak_at,"
			      " lowered, confirmed, raised, flag", err);
}

int db_d_objectivity_add(sdb_copy *c, const d_objectivity *o, char **err)
{
	sdb_copy_text(c, o->school_code);
	sdb_copy_int(c, o->year);
	sdb_copy_text(c, o->procedure);
	sdb_copy_text(c, o->subject);
	sdb_copy_int(c, o->grade);
	sdb_copy_int(c, o->participants);
	sdb_copy_opt_double(c, o->has_peak, o->peak_at);
	sdb_copy_opt_double(c, o->has_shares, o->lowered);
	sdb_copy_opt_double(c, o->has_shares, o->confirmed);
	sdb_copy_opt_double(c, o->has_shares, o->raised);
	sdb_copy_int(c, o->flag);
	return sdb_copy_row(c, err);
}

static void fill_objectivity(sdb_stmt *st, void *item)
{
	d_objectivity *o = item;
	*o = (d_objectivity){ sdb_col_dup(st, 0), sdb_col_dup(st, 1), sdb_col_dup(st, 2), (int)sdb_col_int(st, 3),
			      (int)sdb_col_int(st, 4), (long)sdb_col_int(st, 5),
			      !sdb_col_null(st, 6), !sdb_col_null(st, 7),
			      (int)sdb_col_int(st, 10), sdb_col_double(st, 6), sdb_col_double(st, 7),
			      sdb_col_double(st, 8), sdb_col_double(st, 9) };
}

static void clear_objectivity(void *item)
{
	d_objectivity *o = item;
	free(o->school_code), free(o->procedure), free(o->subject);
}

/* By school, procedure and subject in Russian order, grade: sorted here,
 * the same on either engine (the server has no Russian collation of
 * ours). */
static int by_assessment(const void *a, const void *b)
{
	const d_objectivity *x = a, *y = b;
	int c = strcmp(x->school_code, y->school_code);
	if (!c)
		c = ru_cmp(x->procedure, y->procedure);
	if (!c)
		c = ru_cmp(x->subject, y->subject);
	return c ? c : (x->grade > y->grade) - (x->grade < y->grade);
}

int db_d_objectivity_list(sdb *db, int year, d_objectivity **out, size_t *n, char **err)
{
	sdb_stmt *st = sdb_prepare(db, "SELECT school_code, procedure, subject, year, grade, participants, peak_at,"
				   " lowered, confirmed, raised, flag FROM d_objectivity WHERE year = ?", err);
	if (!st)
		return -1;
	sdb_bind_int(st, 1, year);
	if (sdb_rows(st, sizeof **out, fill_objectivity, clear_objectivity, (void **)out, n, err) != 0)
		return -1;
	if (*n)
		qsort(*out, *n, sizeof **out, by_assessment);
	return 0;
}

void d_objectivity_free(d_objectivity *v, size_t n)
{
	db_rows_free(v, n, sizeof *v, clear_objectivity);
}

static void fill_task_sum(sdb_stmt *st, void *item)
{
	d_task_sum *s = item;
	*s = (d_task_sum){ sdb_col_dup(st, 0), sdb_col_dup(st, 1), sdb_col_dup(st, 2), sdb_col_dup(st, 3),
			   sdb_col_dup(st, 4), (int)sdb_col_int(st, 5), (int)sdb_col_int(st, 6), sdb_col_double(st, 7),
			   sdb_col_double(st, 8), (long)sdb_col_int(st, 9), !sdb_col_null(st, 10),
			   sdb_col_double(st, 10) };
}

static void clear_task_sum(void *item)
{
	d_task_sum *s = item;
	free((char *)s->school_code), free((char *)s->procedure), free((char *)s->subject);
	free((char *)s->number), free((char *)s->skill);
}

/* By procedure and subject in Russian order, grade, the task's place and
 * number, school (the district's "" first): sorted here, the same on
 * either engine. */
static int by_task(const void *a, const void *b)
{
	const d_task_sum *x = a, *y = b;
	int c = ru_cmp(x->procedure, y->procedure);
	if (!c)
		c = ru_cmp(x->subject, y->subject);
	if (!c)
		c = (x->grade > y->grade) - (x->grade < y->grade);
	if (!c)
		c = (x->sort > y->sort) - (x->sort < y->sort);
	if (!c)
		c = strcmp(x->number, y->number);
	return c ? c : strcmp(x->school_code, y->school_code);
}

int db_d_task_sums(sdb *db, int year, d_task_sum_visit visit, void *ctx, char **err)
{
	/* One row per school and task, and one per task for the whole district
	 * (school ''); a task's maximum, place and skill as the schools' maps
	 * give them. */
	sdb_stmt *st = sdb_prepare(db,
		"WITH s AS (SELECT school_code, procedure, subject, grade, number, count(*) AS n, sum(score) AS sum"
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
		"  AND m.grade = a.grade AND m.number = a.number", err);
	if (!st)
		return -1;
	sdb_bind_int(st, 1, year);
	d_task_sum *v;
	size_t n;
	if (sdb_rows(st, sizeof *v, fill_task_sum, clear_task_sum, (void **)&v, &n, err) != 0)
		return -1;
	if (n)
		qsort(v, n, sizeof *v, by_task);
	for (size_t i = 0; i < n && visit(ctx, &v[i]) == 0; i++)
		;
	db_rows_free(v, n, sizeof *v, clear_task_sum);
	return 0;
}

int db_d_task_years(sdb *db, int **out, size_t *n, char **err)
{
	sdb_stmt *st = sdb_prepare(db, "SELECT DISTINCT year FROM d_task_score ORDER BY year DESC", err);
	if (!st)
		return -1;
	return sdb_rows(st, sizeof **out, fill_year, NULL, (void **)out, n, err);
}
