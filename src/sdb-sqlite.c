/* The SQLite engine of sdb.h: a thin skin over the connection db.c opened
 * and its cache of prepared statements. */
#include "config.h"

#include <stdlib.h>

#include "common.h"
#include "db.h"
#include "sdb-engine.h"

typedef struct lite_stmt {
	sdb_stmt base;
	const char *sql;
	sqlite3_stmt *st;
} lite_stmt;

typedef struct lite {
	sdb base;
	sqlite3 *h;
	lite_stmt **v;
	size_t n;
} lite;

/* The connections' sdbs: a run has one or two. */
static lite **all;
static size_t nall;

static lite *of(sdb *db)
{
	return (lite *)db;
}

static sqlite3_stmt *st_of(sdb_stmt *st)
{
	return ((lite_stmt *)st)->st;
}

static void lite_close(sdb *db)
{
	db_close(of(db)->h);
}

static int lite_exec(sdb *db, const char *sql, char **err)
{
	return db_exec(of(db)->h, sql, err);
}

static int lite_in_transaction(sdb *db)
{
	return !sqlite3_get_autocommit(of(db)->h);
}

static int lite_duplicate(sdb *db)
{
	int code = sqlite3_extended_errcode(of(db)->h);
	return code == SQLITE_CONSTRAINT_PRIMARYKEY || code == SQLITE_CONSTRAINT_UNIQUE;
}

static sdb_stmt *lite_prepare(sdb *db, const char *sql, char **err)
{
	lite *l = of(db);
	sqlite3_stmt *st = db_stmt(l->h, sql, err);
	if (!st)
		return NULL;
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i]->sql == sql)
			return &l->v[i]->base;
	lite_stmt *s = xmalloc(sizeof *s);
	*s = (lite_stmt){ { db }, sql, st };
	l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	l->v[l->n++] = s;
	return &s->base;
}

static void lite_bind_text(sdb_stmt *st, int i, const char *s)
{
	sqlite3_bind_text(st_of(st), i, s, -1, SQLITE_TRANSIENT);
}

static void lite_bind_int(sdb_stmt *st, int i, long long v)
{
	sqlite3_bind_int64(st_of(st), i, v);
}

static void lite_bind_double(sdb_stmt *st, int i, double v)
{
	sqlite3_bind_double(st_of(st), i, v);
}

static void lite_bind_blob(sdb_stmt *st, int i, const void *p, size_t n)
{
	sqlite3_bind_blob64(st_of(st), i, p, n, SQLITE_TRANSIENT);
}

static void lite_bind_null(sdb_stmt *st, int i)
{
	sqlite3_bind_null(st_of(st), i);
}

static int lite_step(sdb_stmt *st, char **err)
{
	int rc = sqlite3_step(st_of(st));
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	*err = db_error(of(st->db)->h);
	sqlite3_reset(st_of(st));
	return -1;
}

static int lite_insert(sdb_stmt *st, long *id, char **err)
{
	if (sdb_done(st, err) != 0)
		return -1;
	*id = (long)sqlite3_last_insert_rowid(of(st->db)->h);
	return 0;
}

static void lite_reset(sdb_stmt *st)
{
	sqlite3_reset(st_of(st));
}

static const char *lite_text(sdb_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st_of(st), i);
}

static long long lite_integer(sdb_stmt *st, int i)
{
	return sqlite3_column_int64(st_of(st), i);
}

static double lite_real(sdb_stmt *st, int i)
{
	return sqlite3_column_double(st_of(st), i);
}

static const void *lite_blob(sdb_stmt *st, int i, size_t *n)
{
	const void *p = sqlite3_column_blob(st_of(st), i);
	*n = (size_t)sqlite3_column_bytes(st_of(st), i);
	return p;
}

/* A load on SQLite: one INSERT of its own, stepped a row at a time. */
typedef struct lite_copy {
	sdb_copy base;
	sqlite3_stmt *st;
} lite_copy;

static sqlite3_stmt *copy_st(sdb_copy *c)
{
	return ((lite_copy *)c)->st;
}

static sdb_copy *lite_copy_begin(sdb *db, const char *table, const char *columns, char **err)
{
	int n = 1;
	for (const char *p = columns; *p; p++)
		n += *p == ',';
	char *marks = xmalloc(2 * (size_t)n), *sql;
	for (int i = 0; i < n; i++)
		marks[2 * i] = '?', marks[2 * i + 1] = i + 1 < n ? ',' : '\0';
	sql = xasprintf("INSERT INTO %s (%s) VALUES (%s)", table, columns, marks);
	free(marks);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(of(db)->h, sql, -1, &st, NULL);
	free(sql);
	if (rc != SQLITE_OK) {
		*err = db_error(of(db)->h);
		return NULL;
	}
	lite_copy *c = xmalloc(sizeof *c);
	*c = (lite_copy){ { db, 0 }, st };
	return &c->base;
}

static void lite_copy_text(sdb_copy *c, const char *s)
{
	if (s)
		sqlite3_bind_text(copy_st(c), c->col + 1, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(copy_st(c), c->col + 1);
}

static void lite_copy_int(sdb_copy *c, long long v)
{
	sqlite3_bind_int64(copy_st(c), c->col + 1, v);
}

static void lite_copy_double(sdb_copy *c, double v)
{
	sqlite3_bind_double(copy_st(c), c->col + 1, v);
}

static int lite_copy_row(sdb_copy *c, char **err)
{
	sqlite3_stmt *st = copy_st(c);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		*err = db_error(of(c->db)->h);
		return -1;
	}
	return 0;
}

static void lite_copy_abort(sdb_copy *c)
{
	sqlite3_finalize(copy_st(c));
	free(c);
}

static int lite_copy_end(sdb_copy *c, char **err)
{
	(void)err;
	lite_copy_abort(c);
	return 0;
}

static const struct sdb_engine engine = {
	SDB_SQLITE, "BEGIN IMMEDIATE", lite_close, lite_exec, lite_in_transaction, lite_duplicate, lite_prepare,
	lite_bind_text, lite_bind_int, lite_bind_double, lite_bind_blob, lite_bind_null, lite_step, lite_insert,
	lite_reset, lite_text, lite_integer, lite_real, lite_blob, lite_copy_begin, lite_copy_text, lite_copy_int,
	lite_copy_double, lite_copy_row, lite_copy_end, lite_copy_abort,
};

sdb *db_sdb(sqlite3 *db)
{
	for (size_t i = 0; i < nall; i++)
		if (all[i]->h == db)
			return &all[i]->base;
	lite *l = xmalloc(sizeof *l);
	*l = (lite){ { &engine }, db, NULL, 0 };
	all = xrealloc(all, (nall + 1) * sizeof *all);
	all[nall++] = l;
	return &l->base;
}

void sdb_sqlite_forget(sqlite3 *db)
{
	size_t k = 0;
	for (size_t i = 0; i < nall; i++) {
		if (all[i]->h != db) {
			all[k++] = all[i];
			continue;
		}
		for (size_t j = 0; j < all[i]->n; j++)
			free(all[i]->v[j]);
		free(all[i]->v);
		free(all[i]);
	}
	nall = k;
	if (!nall) {
		free(all);
		all = NULL;
	}
}
