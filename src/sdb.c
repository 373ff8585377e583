#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "db.h"
#include "sdb-engine.h"

int sdb_is_server(const char *where)
{
	if (!where)
		return 0;
	if (strncmp(where, "postgresql://", 13) == 0 || strncmp(where, "postgres://", 11) == 0)
		return 1;
	/* a connection string: key=value words, never a path */
	return !strchr(where, '/') && strchr(where, '=') &&
	       (strstr(where, "dbname=") || strstr(where, "host=") || strstr(where, "service="));
}

void sdb_close(sdb *db)
{
	if (db)
		db->e->close(db);
}

enum sdb_kind sdb_kind(const sdb *db)
{
	return db->e->kind;
}

int sdb_exec(sdb *db, const char *sql, char **err)
{
	return db->e->exec(db, sql, err);
}

int sdb_begin(sdb *db, char **err)
{
	return db->e->exec(db, db->e->begin_sql, err);
}

int sdb_commit(sdb *db, char **err)
{
	if (db->e->exec(db, "COMMIT", err) != 0) {
		sdb_rollback(db);
		return -1;
	}
	return 0;
}

void sdb_rollback(sdb *db)
{
	char *err = NULL;
	if (db->e->in_transaction(db))
		db->e->exec(db, "ROLLBACK", &err);
	free(err);
}

int sdb_in_transaction(sdb *db)
{
	return db->e->in_transaction(db);
}

int sdb_read_begin(sdb *db, char **err)
{
	if (sdb_in_transaction(db))
		return 0;
	const char *sql = sdb_kind(db) == SDB_PG ? "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY" : "BEGIN";
	return db->e->exec(db, sql, err) == 0 ? 1 : -1;
}

void sdb_read_end(sdb *db, int began)
{
	/* nothing was written: ending it either way lets the snapshot go */
	if (began == 1)
		sdb_rollback(db);
}

int sdb_duplicate(sdb *db)
{
	return db->e->duplicate(db);
}

sdb_stmt *sdb_prepare(sdb *db, const char *sql, char **err)
{
	return db->e->prepare(db, sql, err);
}

void sdb_bind_text(sdb_stmt *st, int i, const char *s)
{
	st->db->e->bind_text(st, i, s ? s : "");
}

void sdb_bind_int(sdb_stmt *st, int i, long long v)
{
	st->db->e->bind_int(st, i, v);
}

void sdb_bind_double(sdb_stmt *st, int i, double v)
{
	st->db->e->bind_double(st, i, v);
}

void sdb_bind_blob(sdb_stmt *st, int i, const void *p, size_t n)
{
	st->db->e->bind_blob(st, i, n ? p : "", n);
}

void sdb_bind_null(sdb_stmt *st, int i)
{
	st->db->e->bind_null(st, i);
}

int sdb_step(sdb_stmt *st, char **err)
{
	return st->db->e->step(st, err);
}

int sdb_done(sdb_stmt *st, char **err)
{
	int rc = st->db->e->step(st, err);
	if (rc > 0)
		st->db->e->reset(st);
	return rc < 0 ? -1 : 0;
}

int sdb_insert(sdb_stmt *st, long *id, char **err)
{
	return st->db->e->insert(st, id, err);
}

void sdb_reset(sdb_stmt *st)
{
	st->db->e->reset(st);
}

const char *sdb_col_text(sdb_stmt *st, int i)
{
	return st->db->e->text(st, i);
}

char *sdb_col_dup(sdb_stmt *st, int i)
{
	const char *t = st->db->e->text(st, i);
	return xstrdup(t ? t : "");
}

long long sdb_col_int(sdb_stmt *st, int i)
{
	return st->db->e->integer(st, i);
}

double sdb_col_double(sdb_stmt *st, int i)
{
	return st->db->e->real(st, i);
}

int sdb_col_null(sdb_stmt *st, int i)
{
	return st->db->e->text(st, i) == NULL;
}

const void *sdb_col_blob(sdb_stmt *st, int i, size_t *n)
{
	return st->db->e->blob(st, i, n);
}

sdb_copy *sdb_copy_begin(sdb *db, const char *table, const char *columns, char **err)
{
	return db->e->copy_begin(db, table, columns, err);
}

void sdb_copy_text(sdb_copy *c, const char *s)
{
	c->db->e->copy_text(c, s);
	c->col++;
}

void sdb_copy_int(sdb_copy *c, long long v)
{
	c->db->e->copy_int(c, v);
	c->col++;
}

void sdb_copy_double(sdb_copy *c, double v)
{
	c->db->e->copy_double(c, v);
	c->col++;
}

void sdb_copy_null(sdb_copy *c)
{
	sdb_copy_text(c, NULL);
}

void sdb_copy_opt_int(sdb_copy *c, int has, long long v)
{
	if (has)
		sdb_copy_int(c, v);
	else
		sdb_copy_null(c);
}

void sdb_copy_opt_double(sdb_copy *c, int has, double v)
{
	if (has)
		sdb_copy_double(c, v);
	else
		sdb_copy_null(c);
}

int sdb_copy_row(sdb_copy *c, char **err)
{
	int rc = c->db->e->copy_row(c, err);
	c->col = 0;
	return rc;
}

int sdb_copy_end(sdb_copy *c, char **err)
{
	return c->db->e->copy_end(c, err);
}

void sdb_copy_abort(sdb_copy *c)
{
	if (c)
		c->db->e->copy_abort(c);
}

int sdb_row(sdb_stmt *st, sdb_fill_fn fill, void *out, char **err)
{
	int rc = sdb_step(st, err);
	if (rc == 1) {
		fill(st, out);
		sdb_reset(st);
	}
	return rc;
}

int sdb_rows(sdb_stmt *st, size_t size, sdb_fill_fn fill, void (*clear)(void *item), void **out, size_t *n,
	     char **err)
{
	char *v = NULL;
	size_t k = 0, cap = 0;
	int rc;
	while ((rc = sdb_step(st, err)) == 1) {
		if (k == cap)
			v = xrealloc(v, (cap = cap ? cap * 2 : 16) * size);
		char *item = v + k++ * size;
		memset(item, 0, size);
		fill(st, item);
	}
	if (rc < 0) {
		db_rows_free(v, k, size, clear);
		v = NULL;
		k = 0;
	}
	*out = v;
	*n = k;
	return rc < 0 ? -1 : 0;
}
