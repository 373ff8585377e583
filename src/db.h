/* The SQLite store: opening (folder and file created private, pragmas,
 * Russian collation, migrations), transactions, and stepping statements and
 * reading their rows. Never prints: every failure comes back as a
 * translated message in *err. */
#ifndef ORIENTIR_DB_H
#define ORIENTIR_DB_H

#include <sqlite3.h>
#include <stddef.h>

/* The schema version this program writes. */
int db_schema_version(void);

/* $ORIENTIR_DB, else $XDG_DATA_HOME/orientir/orientir.db, else
 * ~/.local/share/orientir/orientir.db. Fresh string. */
char *db_default_path(void);

/* Opens or creates the database, bringing its schema up to date. A database
 * from a newer orientir is refused. NULL with *err on failure. */
sqlite3 *db_open(const char *path, char **err);
/* Opens an existing file read-only, without migrating it (for checks). */
sqlite3 *db_open_readonly(const char *path, char **err);
void db_close(sqlite3 *db);

/* Registers the Russian collation RU and the function ru_fold(). */
void db_register_functions(sqlite3 *db);

int db_exec(sqlite3 *db, const char *sql, char **err);
/* BEGIN IMMEDIATE: the whole write sees one state of the database. */
int db_begin(sqlite3 *db, char **err);
int db_commit(sqlite3 *db, char **err);
void db_rollback(sqlite3 *db);
/* A write of several statements kept whole inside a caller's transaction
 * or alone: db_savepoint, the statements, then db_savepoint_end with their
 * outcome rc (0 keeps them, -1 undoes them all): 0, or -1 (with *err when
 * the release itself failed). */
int db_savepoint(sqlite3 *db, char **err);
int db_savepoint_end(sqlite3 *db, int rc, char **err);

/* A prepared statement for sql, kept for the connection's life and reset
 * with its bindings cleared; sql must be a string literal. NULL with *err. */
sqlite3_stmt *db_stmt(sqlite3 *db, const char *sql, char **err);
/* Steps a statement expected to give at most one row: 1 a row (read it,
 * then the caller resets), 0 none, -1 with *err. */
int db_step_row(sqlite3 *db, sqlite3_stmt *st, char **err);
/* Steps a statement that gives no row (a write): 0, or -1 with *err. */
int db_step_done(sqlite3 *db, sqlite3_stmt *st, char **err);
/* The end of a walk through st's rows, rc the last sqlite3_step's: 0 when
 * all were read or the walk stopped on a row (st is then reset), else -1
 * with *err. */
int db_step_end(sqlite3 *db, sqlite3_stmt *st, int rc, char **err);
/* Binds v to parameter i, or NULL when the value is missing (!has). */
static inline void db_bind_opt_int(sqlite3_stmt *st, int i, int has, sqlite3_int64 v)
{
	if (has)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

static inline void db_bind_opt_double(sqlite3_stmt *st, int i, int has, double v)
{
	if (has)
		sqlite3_bind_double(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

/* Reading rows into items: fill makes one item from the row st is on;
 * clear frees what one item holds (NULL: nothing). */
typedef void (*db_fill_fn)(sqlite3_stmt *st, void *item);
typedef void (*db_clear_fn)(void *item);
/* Steps st for at most one row: 1 with *out made by fill, 0 none, -1 *err. */
int db_row(sqlite3 *db, sqlite3_stmt *st, db_fill_fn fill, void *out, char **err);
/* Steps st through all its rows into a fresh array of items of size bytes,
 * each zeroed, then made by fill: 0 with *out and *n (NULL and 0 for no
 * rows), or -1 with *err and nothing kept. For a list of T in T **out:
 * db_rows(db, st, sizeof **out, fill, clear, (void **)out, n, err). */
int db_rows(sqlite3 *db, sqlite3_stmt *st, size_t size, db_fill_fn fill, db_clear_fn clear, void **out, size_t *n,
	    char **err);
/* Frees an array of n items of size bytes: clear on each, then the array. */
void db_rows_free(void *v, size_t n, size_t size, db_clear_fn clear);

/* Column i as a fresh string ("" for NULL). */
char *db_col_dup(sqlite3_stmt *st, int i);
/* The translated form of the connection's last error. */
char *db_error(sqlite3 *db);

#endif
