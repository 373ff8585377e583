/* What an engine of sdb.h provides (sdb-sqlite.c, sdb-pg.c). Private to
 * the store. */
#ifndef ORIENTIR_SDB_ENGINE_H
#define ORIENTIR_SDB_ENGINE_H

#include "sdb.h"

struct sdb_engine {
	enum sdb_kind kind;
	const char *begin_sql;
	void (*close)(sdb *db);
	int (*exec)(sdb *db, const char *sql, char **err);
	int (*in_transaction)(sdb *db);
	int (*duplicate)(sdb *db);
	sdb_stmt *(*prepare)(sdb *db, const char *sql, char **err);
	void (*bind_text)(sdb_stmt *st, int i, const char *s);
	void (*bind_int)(sdb_stmt *st, int i, long long v);
	void (*bind_double)(sdb_stmt *st, int i, double v);
	void (*bind_blob)(sdb_stmt *st, int i, const void *p, size_t n);
	void (*bind_null)(sdb_stmt *st, int i);
	int (*step)(sdb_stmt *st, char **err);
	int (*insert)(sdb_stmt *st, long *id, char **err);
	void (*reset)(sdb_stmt *st);
	const char *(*text)(sdb_stmt *st, int i);
	long long (*integer)(sdb_stmt *st, int i);
	double (*real)(sdb_stmt *st, int i);
	const void *(*blob)(sdb_stmt *st, int i, size_t *n);
	sdb_copy *(*copy_begin)(sdb *db, const char *table, const char *columns, char **err);
	void (*copy_text)(sdb_copy *c, const char *s);
	void (*copy_int)(sdb_copy *c, long long v);
	void (*copy_double)(sdb_copy *c, double v);
	int (*copy_row)(sdb_copy *c, char **err);
	int (*copy_end)(sdb_copy *c, char **err);
	void (*copy_abort)(sdb_copy *c);
};

/* Each engine's connection and statement begin with these. */
struct sdb {
	const struct sdb_engine *e;
};
struct sdb_stmt {
	sdb *db;
};
/* A load: col is the values given of the row being made. */
struct sdb_copy {
	sdb *db;
	int col;
};

/* db_close's part: lets go of the sdb of the SQLite connection db. */
void sdb_sqlite_forget(sqlite3 *db);

#endif
