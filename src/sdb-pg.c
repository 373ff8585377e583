/* The PostgreSQL engine of sdb.h (libpq): statements prepared on the
 * server once per connection, their ? parameters written $N; values and
 * rows travel as text, bytes as binary; bulk loads through COPY in its
 * binary format. */
#include "config.h"

#include <arpa/inet.h>
#include <endian.h>
#include <libpq-fe.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "sdb-engine.h"

typedef struct pg_stmt {
	sdb_stmt base;
	const char *sql;
	char name[24];
	int nparams;
	char **vals;
	int *lens, *fmts;
	PGresult *res;
	int row;
	unsigned char *bytes;	/* the last bytea read */
} pg_stmt;

/* The columns' types of a table loaded (pg_copy_begin). */
typedef struct copy_types {
	char *table, *columns;
	int n;
	unsigned *oid;
} copy_types;

typedef struct pg {
	sdb base;
	PGconn *c;
	char *where;		/* the address it was opened with, for sdb_pg_again */
	copy_types **types;	/* of the tables loaded so far */
	size_t ntypes;
	pg_stmt **v;
	size_t n;
	char state[6];		/* the SQLSTATE of the last failure */
} pg;

static pg *of(sdb *db)
{
	return (pg *)db;
}

static pg_stmt *st_of(sdb_stmt *st)
{
	return (pg_stmt *)st;
}

/* The server's message without its trailing line break (fresh). */
static char *message(const char *m)
{
	char *s = xstrdup(m && *m ? m : "?"), *o = s;
	/* one line: libpq's second lines are indented continuations */
	for (const char *p = s; *p; p++) {
		if (*p != '\n')
			*o++ = *p;
		else if (p[1] && o > s && o[-1] != ' ')
			*o++ = ' ';
		while (*p == '\n' && (p[1] == '\t' || p[1] == ' '))
			p++;
	}
	while (o > s && o[-1] == ' ')
		o--;
	*o = '\0';
	return s;
}

/* A failure of the connection c or the result r said for people, the
 * state kept for sdb_duplicate. */
static char *failure(pg *p, const PGresult *r)
{
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	snprintf(p->state, sizeof p->state, "%s", state ? state : "");
	char *m = message(r && PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY)
			  ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : PQerrorMessage(p->c)), *s;
	if (PQstatus(p->c) != CONNECTION_OK) {
		/* libpq explains a lost connection at length, and repeats
		 * itself: its first line is the news */
		const char *raw = PQerrorMessage(p->c);
		free(m);
		m = xstrndup(raw, strcspn(raw, "\n"));
		s = xasprintf(_("the connection to the database server was lost: %s"), *m ? m : "?");
	} else if (!strcmp(p->state, "42501") || !strcmp(p->state, "25006"))
		s = xasprintf(_("the database server does not let this user write here: %s"), m);
	else
		s = xasprintf(_("database error: %s"), m);
	free(m);
	return s;
}

/* Whether r is a success. */
static int ok(const PGresult *r)
{
	ExecStatusType t = PQresultStatus(r);
	return t == PGRES_COMMAND_OK || t == PGRES_TUPLES_OK;
}

static void forget_rows(pg_stmt *s)
{
	PQclear(s->res);
	s->res = NULL;
	PQfreemem(s->bytes);
	s->bytes = NULL;
}

static void clear_params(pg_stmt *s)
{
	for (int i = 0; i < s->nparams; i++) {
		free(s->vals[i]);
		s->vals[i] = NULL;
		s->lens[i] = s->fmts[i] = 0;
	}
}

static void pg_close(sdb *db)
{
	pg *p = of(db);
	for (size_t i = 0; i < p->n; i++) {
		pg_stmt *s = p->v[i];
		forget_rows(s);
		clear_params(s);
		free(s->vals), free(s->lens), free(s->fmts), free(s);
	}
	free(p->v);
	for (size_t i = 0; i < p->ntypes; i++)
		free(p->types[i]->table), free(p->types[i]->columns), free(p->types[i]->oid), free(p->types[i]);
	free(p->types);
	PQfinish(p->c);
	free(p->where);
	free(p);
}

static int pg_exec(sdb *db, const char *sql, char **err)
{
	pg *p = of(db);
	PGresult *r = PQexec(p->c, sql);
	int rc = ok(r) ? 0 : -1;
	if (rc)
		*err = failure(p, r);
	PQclear(r);
	return rc;
}

static int pg_in_transaction(sdb *db)
{
	PGTransactionStatusType t = PQtransactionStatus(of(db)->c);
	return t == PQTRANS_INTRANS || t == PQTRANS_INERROR || t == PQTRANS_ACTIVE;
}

static int pg_duplicate(sdb *db)
{
	return strcmp(of(db)->state, "23505") == 0;
}

/* sql with ? and ?N written $N, outside quotes (fresh); *n the most
 * parameters it takes. */
static char *dollars(const char *sql, int *n)
{
	size_t len = strlen(sql);
	char *out = xmalloc(len * 4 + 1), *o = out;
	int next = 0, quoted = 0;
	*n = 0;
	for (const char *s = sql; *s; s++) {
		if (*s == '\'')
			quoted = !quoted;
		if (quoted || *s != '?') {
			*o++ = *s;
			continue;
		}
		int k;
		if (s[1] >= '0' && s[1] <= '9') {
			char *end;
			k = (int)strtol(s + 1, &end, 10);
			s = end - 1;
		} else {
			k = next + 1;
		}
		next = k > next ? k : next;
		o += sprintf(o, "$%d", k);
	}
	*o = '\0';
	*n = next;
	return out;
}

static sdb_stmt *pg_prepare(sdb *db, const char *sql, char **err)
{
	pg *p = of(db);
	for (size_t i = 0; i < p->n; i++) {
		pg_stmt *s = p->v[i];
		if (s->sql == sql) {
			forget_rows(s);
			clear_params(s);
			return &s->base;
		}
	}
	int n;
	char *text = dollars(sql, &n);
	pg_stmt *s = xcalloc(1, sizeof *s);
	*s = (pg_stmt){ .base = { db }, .sql = sql, .nparams = n };
	snprintf(s->name, sizeof s->name, "s%zu", p->n);
	PGresult *r = PQprepare(p->c, s->name, text, 0, NULL);
	free(text);
	if (!ok(r)) {
		*err = failure(p, r);
		PQclear(r);
		free(s);
		return NULL;
	}
	PQclear(r);
	s->vals = xcalloc((size_t)n + 1, sizeof *s->vals);
	s->lens = xcalloc((size_t)n + 1, sizeof *s->lens);
	s->fmts = xcalloc((size_t)n + 1, sizeof *s->fmts);
	p->v = xrealloc(p->v, (p->n + 1) * sizeof *p->v);
	p->v[p->n++] = s;
	return &s->base;
}

/* Parameter i (from 1) set to v (taken). */
static void put(sdb_stmt *st, int i, char *v, int len, int binary)
{
	pg_stmt *s = st_of(st);
	if (i < 1 || i > s->nparams) {
		free(v);
		return;
	}
	free(s->vals[i - 1]);
	s->vals[i - 1] = v;
	s->lens[i - 1] = len;
	s->fmts[i - 1] = binary;
}

static void pg_bind_text(sdb_stmt *st, int i, const char *v)
{
	put(st, i, xstrdup(v), 0, 0);
}

static void pg_bind_int(sdb_stmt *st, int i, long long v)
{
	put(st, i, xasprintf("%lld", v), 0, 0);
}

static void pg_bind_double(sdb_stmt *st, int i, double v)
{
	put(st, i, xasprintf("%.17g", v), 0, 0);
}

static void pg_bind_blob(sdb_stmt *st, int i, const void *v, size_t n)
{
	char *copy = xmalloc(n + 1);
	memcpy(copy, v, n);
	put(st, i, copy, (int)n, 1);
}

static void pg_bind_null(sdb_stmt *st, int i)
{
	put(st, i, NULL, 0, 0);
}

/* Runs the statement when it has not run since it was reset. */
static int run(pg_stmt *s, char **err)
{
	if (s->res)
		return 0;
	pg *p = of(s->base.db);
	s->res = PQexecPrepared(p->c, s->name, s->nparams, (const char *const *)s->vals, s->lens, s->fmts, 0);
	if (!ok(s->res)) {
		*err = failure(p, s->res);
		forget_rows(s);
		return -1;
	}
	s->row = -1;
	return 0;
}

static int pg_step(sdb_stmt *st, char **err)
{
	pg_stmt *s = st_of(st);
	if (run(s, err) != 0)
		return -1;
	if (++s->row < PQntuples(s->res))
		return 1;
	forget_rows(s);
	return 0;
}

static int pg_insert(sdb_stmt *st, long *id, char **err)
{
	pg_stmt *s = st_of(st);
	if (run(s, err) != 0)
		return -1;
	*id = PQntuples(s->res) ? atol(PQgetvalue(s->res, 0, 0)) : 0;
	forget_rows(s);
	return 0;
}

static void pg_reset(sdb_stmt *st)
{
	forget_rows(st_of(st));
}

static const char *pg_text(sdb_stmt *st, int i)
{
	pg_stmt *s = st_of(st);
	if (!s->res || PQgetisnull(s->res, s->row, i))
		return NULL;
	return PQgetvalue(s->res, s->row, i);
}

static long long pg_integer(sdb_stmt *st, int i)
{
	const char *t = pg_text(st, i);
	/* counts come as numeric from sum(): "12" or "12.0" */
	return t ? (long long)strtod(t, NULL) : 0;
}

static double pg_real(sdb_stmt *st, int i)
{
	const char *t = pg_text(st, i);
	return t ? strtod(t, NULL) : 0;
}

static const void *pg_blob(sdb_stmt *st, int i, size_t *n)
{
	pg_stmt *s = st_of(st);
	const char *t = pg_text(st, i);
	PQfreemem(s->bytes);
	s->bytes = t ? PQunescapeBytea((const unsigned char *)t, n) : NULL;
	if (!s->bytes)
		*n = 0;
	return s->bytes;
}

/* A load through COPY … FROM STDIN in its binary format: each value as
 * the server keeps it, so that neither side writes or reads numbers as
 * text (reading them was a quarter of the server's work on a package,
 * bench/region.sh).
 * The format needs each column's type: read from the catalogue once a
 * connection for each table and columns loaded. Rows are gathered in buf
 * and handed to libpq a block at a time. */
typedef struct pg_copy {
	sdb_copy base;
	const copy_types *types;
	char *sql;		/* the COPY statement, begun again after each chunk */
	long rows;		/* the rows of this chunk so far */
	char *buf;
	size_t len, cap;
	char *failed;		/* why a block could not be sent, or a value not taken, for the end */
} pg_copy;

enum { COPY_BLOCK = 1 << 16 };
/* Rows a COPY takes before it is ended and begun again (pg_copy_row). */
enum { COPY_CHUNK = 128 };
/* The types a load writes (pg_type's oids). */
enum { T_INT8 = 20, T_INT4 = 23, T_TEXT = 25, T_FLOAT8 = 701 };

static pg_copy *copy_of(sdb_copy *c)
{
	return (pg_copy *)c;
}

/* The types of columns of table, as the catalogue says: NULL with *err
 * when one is missing or of a type a load does not write. */
static const copy_types *types_of(pg *p, const char *table, const char *columns, char **err)
{
	for (size_t i = 0; i < p->ntypes; i++)
		if (!strcmp(p->types[i]->table, table) && !strcmp(p->types[i]->columns, columns))
			return p->types[i];
	const char *vals[] = { table, columns };
	PGresult *r = PQexecParams(p->c,
				   "SELECT a.atttypid FROM unnest(string_to_array($2, ',')) WITH ORDINALITY AS c(name, i)"
				   " LEFT JOIN pg_attribute a ON a.attrelid = $1::regclass AND a.attname = trim(c.name)"
				   "  AND NOT a.attisdropped ORDER BY c.i", 2, NULL, vals, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		*err = failure(p, r);
		PQclear(r);
		return NULL;
	}
	copy_types t = { xstrdup(table), xstrdup(columns), PQntuples(r), NULL };
	t.oid = xcalloc((size_t)t.n + 1, sizeof *t.oid);
	for (int i = 0; i < t.n; i++) {
		unsigned o = (unsigned)strtoul(PQgetvalue(r, i, 0), NULL, 10);
		if (o != T_INT8 && o != T_INT4 && o != T_TEXT && o != T_FLOAT8) {
			/* the store's own tables and words: a mistake of ours */
			*err = xasprintf(_("database error: column %d of %s (%s) cannot be loaded"), i + 1, table, columns);
			free(t.table), free(t.columns), free(t.oid);
			PQclear(r);
			return NULL;
		}
		t.oid[i] = o;
	}
	PQclear(r);
	p->types = xrealloc(p->types, (p->ntypes + 1) * sizeof *p->types);
	p->types[p->ntypes] = xmalloc(sizeof t);
	*p->types[p->ntypes] = t;
	return p->types[p->ntypes++];
}

static void copy_put(pg_copy *c, const void *s, size_t n)
{
	if (c->len + n > c->cap) {
		c->cap = (c->len + n) * 2;
		c->buf = xrealloc(c->buf, c->cap);
	}
	memcpy(c->buf + c->len, s, n);
	c->len += n;
}

static void put16(pg_copy *c, int v)
{
	uint16_t x = htons((uint16_t)v);
	copy_put(c, &x, sizeof x);
}

static void put32(pg_copy *c, int32_t v)
{
	uint32_t x = htonl((uint32_t)v);
	copy_put(c, &x, sizeof x);
}

static void put64(pg_copy *c, uint64_t v)
{
	uint64_t x = htobe64(v);
	copy_put(c, &x, sizeof x);
}

/* A double precision value, its length first. */
static void put_float8(pg_copy *c, double v)
{
	uint64_t bits;
	memcpy(&bits, &v, sizeof bits);
	put32(c, 8);
	put64(c, bits);
}

/* The type of the value now given, the row's count of values before its
 * first. */
static unsigned field(pg_copy *c)
{
	if (c->base.col == 0)
		put16(c, c->types->n);
	return c->base.col < c->types->n ? c->types->oid[c->base.col] : 0;
}

/* A value the column cannot take: the load fails at its end. */
static void mistyped(pg_copy *c)
{
	if (!c->failed)
		c->failed = xasprintf(_("database error: value %d of a row of %s does not fit its column"),
				      c->base.col + 1, c->sql);
	put32(c, -1);
}

/* Starts the COPY of c: 0, or -1 with *err. */
static int copy_start(pg_copy *c, char **err)
{
	pg *p = of(c->base.db);
	PGresult *r = PQexec(p->c, c->sql);
	int rc = PQresultStatus(r) == PGRES_COPY_IN ? 0 : -1;
	if (rc)
		*err = failure(p, r);
	PQclear(r);
	/* the binary format's signature, its flags and its header's length */
	copy_put(c, "PGCOPY\n\377\r\n", 11);
	put32(c, 0);
	put32(c, 0);
	return rc;
}

static sdb_copy *pg_copy_begin(sdb *db, const char *table, const char *columns, char **err)
{
	pg *p = of(db);
	const copy_types *t = types_of(p, table, columns, err);
	if (!t)
		return NULL;
	pg_copy *c = xcalloc(1, sizeof *c);
	c->base.db = db;
	c->types = t;
	c->sql = xasprintf("COPY %s (%s) FROM STDIN (FORMAT binary)", table, columns);
	if (copy_start(c, err) != 0) {
		free(c->sql), free(c->buf), free(c);
		return NULL;
	}
	return &c->base;
}

static void pg_copy_text(sdb_copy *cp, const char *s)
{
	pg_copy *c = copy_of(cp);
	unsigned t = field(c);
	if (!s) {
		put32(c, -1);
	} else if (t == T_TEXT) {
		size_t n = strlen(s);
		put32(c, (int32_t)n);
		copy_put(c, s, n);
	} else {
		mistyped(c);
	}
}

static void pg_copy_int(sdb_copy *cp, long long v)
{
	pg_copy *c = copy_of(cp);
	unsigned t = field(c);
	if (t == T_INT8) {
		put32(c, 8);
		put64(c, (uint64_t)v);
	} else if (t == T_INT4 && v >= INT32_MIN && v <= INT32_MAX) {
		put32(c, 4);
		put32(c, (int32_t)v);
	} else if (t == T_FLOAT8) {
		put_float8(c, (double)v);
	} else {
		mistyped(c);
	}
}

static void pg_copy_double(sdb_copy *cp, double v)
{
	pg_copy *c = copy_of(cp);
	if (field(c) == T_FLOAT8)
		put_float8(c, v);
	else
		mistyped(c);
}

/* Hands what is gathered to libpq. */
static int copy_flush(pg_copy *c, char **err)
{
	pg *p = of(c->base.db);
	if (!c->failed && c->len && PQputCopyData(p->c, c->buf, (int)c->len) != 1)
		c->failed = failure(p, NULL);
	c->len = 0;
	if (c->failed) {
		*err = xstrdup(c->failed);
		return -1;
	}
	return 0;
}

/* Ends the COPY under way: 0, or -1 with *err (NULL: none wanted); abort
 * the reason to give it up, or NULL. */
static int copy_stop(pg_copy *c, const char *abort, char **err)
{
	pg *p = of(c->base.db);
	char *e = NULL;
	if (!abort)
		put16(c, -1);
	int rc = abort ? -1 : copy_flush(c, &e);
	if (PQputCopyEnd(p->c, abort || rc ? "orientir gave the load up" : NULL) != 1 && !e)
		e = failure(p, NULL);
	PGresult *r;
	while ((r = PQgetResult(p->c))) {
		if (!ok(r) && !e)
			e = failure(p, r);
		PQclear(r);
	}
	if (e && !abort && err)
		*err = e, e = NULL, rc = -1;
	free(e);
	c->len = 0;
	return rc;
}

static int pg_copy_row(sdb_copy *cp, char **err)
{
	pg_copy *c = copy_of(cp);
	/* PostgreSQL 15 keeps a slot for each of up to 1 000 rows of a COPY
	 * and its bookkeeping of them grows as their square: a COPY of a
	 * hundred rows or so at a time costs the server less in all */
	if (++c->rows >= COPY_CHUNK) {
		c->rows = 0;
		if (copy_stop(c, NULL, err) != 0 || copy_start(c, err) != 0) {
			if (!c->failed)
				c->failed = xstrdup(*err);
			return -1;
		}
		return 0;
	}
	return c->len >= COPY_BLOCK ? copy_flush(c, err) : 0;
}

/* Ends the COPY, with the reason to give it up or NULL: 0, or -1 with
 * *err (NULL err: none wanted). c let go of. */
static int copy_finish(pg_copy *c, const char *abort, char **err)
{
	int rc = copy_stop(c, abort, err);
	free(c->sql);
	free(c->failed);
	free(c->buf);
	free(c);
	return rc;
}

static int pg_copy_end(sdb_copy *c, char **err)
{
	return copy_finish(copy_of(c), NULL, err);
}

static void pg_copy_abort(sdb_copy *c)
{
	copy_finish(copy_of(c), "orientir gave the load up", NULL);
}

static const struct sdb_engine engine = {
	SDB_PG, "BEGIN", pg_close, pg_exec, pg_in_transaction, pg_duplicate, pg_prepare, pg_bind_text, pg_bind_int,
	pg_bind_double, pg_bind_blob, pg_bind_null, pg_step, pg_insert, pg_reset, pg_text, pg_integer, pg_real,
	pg_blob, pg_copy_begin, pg_copy_text, pg_copy_int, pg_copy_double, pg_copy_row, pg_copy_end, pg_copy_abort,
};

/* Why the connection c failed, for people (fresh). */
static char *connect_failure(PGconn *c)
{
	char *m = message(PQerrorMessage(c)), *s;
	const char *db = PQdb(c) ? PQdb(c) : "", *host = PQhost(c) ? PQhost(c) : "";
	if (PQconnectionNeedsPassword(c))
		s = xasprintf(_("database %s on %s: the server asks for a password (put it in the address, or in"
				" ~/.pgpass)"), db, host);
	else if (PQconnectionUsedPassword(c))
		s = xasprintf(_("database %s on %s: the server refused the user name or password: %s"), db, host, m);
	else
		s = xasprintf(_("cannot connect to the database server (database %s on %s): %s"), db, host, m);
	free(m);
	return s;
}

char *sdb_pg_name(sdb *db)
{
	PGconn *c = of(db)->c;
	return xasprintf("%s@%s", PQdb(c) ? PQdb(c) : "", PQhost(c) ? PQhost(c) : "");
}

static void quiet(void *arg, const char *message)
{
	(void)arg, (void)message;
}

sdb *sdb_pg_open(const char *where, char **err)
{
	PGconn *c = PQconnectdb(where);
	if (!c) {
		*err = xasprintf(_("cannot connect to the database server: out of memory"));
		return NULL;
	}
	if (PQstatus(c) != CONNECTION_OK) {
		*err = connect_failure(c);
		PQfinish(c);
		return NULL;
	}
	pg *p = xcalloc(1, sizeof *p);
	p->base.e = &engine;
	p->c = c;
	p->where = xstrdup(where);
	/* text travels as UTF-8 whatever the server's own encoding; the
	 * server's notices (CREATE … IF NOT EXISTS) are not for people */
	PQsetClientEncoding(c, "UTF8");
	PQsetNoticeProcessor(c, quiet, NULL);
	return &p->base;
}

sdb *sdb_pg_again(sdb *db, char **err)
{
	return sdb_pg_open(of(db)->where, err);
}
