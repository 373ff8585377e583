/* One thin statement and row interface over the two engines the store
 * talks to: SQLite (schools and districts, a file) and PostgreSQL (the
 * region, a server). The district's store (db-district.c) is written on
 * it, so that the same domain code serves a district's file and the
 * region's server. SQL is written once with ? or ?N parameters; where the
 * engines' SQL differs the store gives one string per engine
 * (sdb_prepare2). Store layer: never prints; every failure comes back as
 * a translated message in *err. */
#ifndef ORIENTIR_SDB_H
#define ORIENTIR_SDB_H

#include <sqlite3.h>
#include <stddef.h>

typedef struct sdb sdb;
typedef struct sdb_stmt sdb_stmt;
typedef struct sdb_copy sdb_copy;

enum sdb_kind { SDB_SQLITE, SDB_PG };

/* Whether where names a PostgreSQL database (a postgresql:// or
 * postgres:// URI, or a libpq connection string such as "host=… dbname=…")
 * rather than a file. */
int sdb_is_server(const char *where);

/* The server's database as people may see it, «region@HOST», without
 * the password its address may hold (fresh). */
char *sdb_pg_name(sdb *db);
/* Connects to the PostgreSQL database where names. NULL with *err (the
 * server unreachable, the password wrong: said in the user's language). */
sdb *sdb_pg_open(const char *where, char **err);
/* A second connection to the server's database db: for work done
 * beside db's, in another process after fork (a connection is never
 * shared between processes). NULL with *err. */
sdb *sdb_pg_again(sdb *db, char **err);
/* The SQLite connection db as an sdb: made on first use, kept as long as
 * the connection (db_close lets it go). */
sdb *db_sdb(sqlite3 *db);
/* Closes a server's connection, or the SQLite connection with db_close. */
void sdb_close(sdb *db);
enum sdb_kind sdb_kind(const sdb *db);

/* Runs one or several statements with no parameters and no rows. */
int sdb_exec(sdb *db, const char *sql, char **err);
/* A transaction in which the whole write sees one state of the database. */
int sdb_begin(sdb *db, char **err);
/* Commits, or rolls back and says why. */
int sdb_commit(sdb *db, char **err);
void sdb_rollback(sdb *db);
/* Whether a transaction is open. */
int sdb_in_transaction(sdb *db);
/* A reading that sees one state of the database however many statements
 * it takes, while imports commit beside it (on the server a read-only
 * repeatable-read transaction, on SQLite a deferred one). Inside an open
 * transaction it joins that one. 1 begun, 0 joined, -1 with *err. */
int sdb_read_begin(sdb *db, char **err);
/* Ends the reading sdb_read_begin gave began (1) for; nothing for 0. */
void sdb_read_end(sdb *db, int began);

/* The prepared statement of sql, kept for the connection's life, reset
 * and its parameters cleared: sql must be a string literal. NULL *err. */
sdb_stmt *sdb_prepare(sdb *db, const char *sql, char **err);
/* The same with the statement each engine needs. */
#define sdb_prepare2(db, lite, pg, err) sdb_prepare((db), sdb_kind(db) == SDB_PG ? (pg) : (lite), (err))

/* Parameters from 1. Text is copied or used before the statement steps
 * again; NULL text binds "". */
void sdb_bind_text(sdb_stmt *st, int i, const char *s);
void sdb_bind_int(sdb_stmt *st, int i, long long v);
void sdb_bind_double(sdb_stmt *st, int i, double v);
void sdb_bind_blob(sdb_stmt *st, int i, const void *p, size_t n);
void sdb_bind_null(sdb_stmt *st, int i);

/* The next row: 1 (read it with sdb_col_*), 0 no more (the statement is
 * reset), -1 with *err. */
int sdb_step(sdb_stmt *st, char **err);
/* Runs a statement that gives no row: 0, or -1 with *err. */
int sdb_done(sdb_stmt *st, char **err);
/* Runs an INSERT and gives the new row's id: on the server the statement
 * must end "RETURNING id". 0, or -1 with *err. */
int sdb_insert(sdb_stmt *st, long *id, char **err);
/* Lets go of the rows of a statement not read to the end. */
void sdb_reset(sdb_stmt *st);
/* Whether the last failure was a second row where a key allows one. */
int sdb_duplicate(sdb *db);

/* Column i of the row: text (NULL for NULL), a fresh copy ("" for NULL),
 * numbers (0 for NULL), whether it is NULL, bytes (*n their count). */
const char *sdb_col_text(sdb_stmt *st, int i);
char *sdb_col_dup(sdb_stmt *st, int i);
long long sdb_col_int(sdb_stmt *st, int i);
double sdb_col_double(sdb_stmt *st, int i);
int sdb_col_null(sdb_stmt *st, int i);
const void *sdb_col_blob(sdb_stmt *st, int i, size_t *n);

/* Many rows into one table, the bulk of a package: on the server through
 * COPY, on SQLite through one prepared INSERT. columns is the table's
 * columns written as in SQL ("a, b, c"); table and columns are the
 * store's own words, never a user's. Inside a transaction only: while a
 * load is open the connection runs nothing else. NULL with *err. */
sdb_copy *sdb_copy_begin(sdb *db, const char *table, const char *columns, char **err);
/* The next value of the row being made, in the columns' order; NULL text
 * is NULL. */
void sdb_copy_text(sdb_copy *c, const char *s);
void sdb_copy_int(sdb_copy *c, long long v);
void sdb_copy_double(sdb_copy *c, double v);
void sdb_copy_null(sdb_copy *c);
void sdb_copy_opt_int(sdb_copy *c, int has, long long v);
void sdb_copy_opt_double(sdb_copy *c, int has, double v);
/* Ends the row made since the last: 0, or -1 with *err (SQLite says a
 * bad row here, the server only at the end). */
int sdb_copy_row(sdb_copy *c, char **err);
/* Every row in, c let go of: 0, or -1 with *err (sdb_duplicate says
 * whether a key was given twice); either way the transaction must be
 * rolled back on a failure. */
int sdb_copy_end(sdb_copy *c, char **err);
/* Gives up a load (NULL: none), c let go of; the transaction must be
 * rolled back. */
void sdb_copy_abort(sdb_copy *c);

/* Rows into items: fill makes one item from the row st is on; clear frees
 * what one item holds (NULL: nothing). */
typedef void (*sdb_fill_fn)(sdb_stmt *st, void *item);
/* At most one row: 1 with *out made by fill, 0 none, -1 *err. */
int sdb_row(sdb_stmt *st, sdb_fill_fn fill, void *out, char **err);
/* Every row into a fresh array of items of size bytes, each zeroed, then
 * made by fill: 0 with *out and *n, or -1 with *err and nothing kept
 * (freed with db_rows_free, which clear is for). */
int sdb_rows(sdb_stmt *st, size_t size, sdb_fill_fn fill, void (*clear)(void *item), void **out, size_t *n,
	     char **err);

#endif
