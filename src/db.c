#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"
#include "db-schema.h"
#include "db.h"
#include "sdb-engine.h"
#include "utf8.h"

int db_schema_version(void)
{
	return db_schema_count();
}

char *db_default_path(void)
{
	const char *env = getenv("ORIENTIR_DB");
	if (env && *env)
		return xstrdup(env);
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && *xdg == '/')
		return xasprintf("%s/orientir/orientir.db", xdg);
	const char *home = getenv("HOME");
	return xasprintf("%s/.local/share/orientir/orientir.db", home && *home ? home : ".");
}

/* mkdir -p for the folder holding path, private to the user. */
static int make_parent(const char *path, char **err)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir) {
		free(dir);
		return 0;
	}
	*slash = '\0';
	for (char *p = dir + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;
			*p = '\0';
			if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
				*err = xasprintf(_("cannot create folder %s: %s"), dir, strerror(errno));
				free(dir);
				return -1;
			}
			*p = c;
			if (c == '\0')
				break;
		}
	}
	free(dir);
	return 0;
}

static void fold_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	char *f = utf8_fold(s, (size_t)sqlite3_value_bytes(argv[0]));
	sqlite3_result_text(ctx, f, -1, free);
}

static int collate_ru(void *arg, int alen, const void *a, int blen, const void *b)
{
	(void)arg;
	return utf8_collate(a, (size_t)alen, b, (size_t)blen);
}

void db_register_functions(sqlite3 *db)
{
	sqlite3_create_collation(db, "RU", SQLITE_UTF8, NULL, collate_ru);
	sqlite3_create_function(db, "ru_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, fold_fn, NULL, NULL);
}

char *db_error(sqlite3 *db)
{
	int code = sqlite3_errcode(db);
	if (code == SQLITE_NOTADB)
		return xasprintf(_("%s is not an orientir database"), sqlite3_db_filename(db, "main"));
	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		return xasprintf(_("the database is in use by another program; try again when it has finished"));
	if (code == SQLITE_FULL)
		return xasprintf(_("the disk is full"));
	if (code == SQLITE_READONLY)
		return xasprintf(_("the database cannot be written (read-only file or folder)"));
	if (code == SQLITE_CORRUPT)
		return xasprintf(_("the database is damaged: %s"), sqlite3_errmsg(db));
	return xasprintf(_("database error: %s"), sqlite3_errmsg(db));
}

int db_step_row(sqlite3 *db, sqlite3_stmt *st, char **err)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	*err = db_error(db);
	return -1;
}

int db_step_done(sqlite3 *db, sqlite3_stmt *st, char **err)
{
	if (sqlite3_step(st) != SQLITE_DONE) {
		*err = db_error(db);
		return -1;
	}
	return 0;
}

int db_step_end(sqlite3 *db, sqlite3_stmt *st, int rc, char **err)
{
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*err = db_error(db);
		return -1;
	}
	/* Stopped on a row: the statement lets go of what it reads. */
	if (rc == SQLITE_ROW)
		sqlite3_reset(st);
	return 0;
}

int db_row(sqlite3 *db, sqlite3_stmt *st, db_fill_fn fill, void *out, char **err)
{
	int rc = db_step_row(db, st, err);
	if (rc == 1) {
		fill(st, out);
		sqlite3_reset(st);
	}
	return rc;
}

int db_rows(sqlite3 *db, sqlite3_stmt *st, size_t size, db_fill_fn fill, db_clear_fn clear, void **out, size_t *n,
	    char **err)
{
	char *v = NULL;
	size_t k = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (k == cap)
			v = xrealloc(v, (cap = cap ? cap * 2 : 16) * size);
		char *item = v + k++ * size;
		memset(item, 0, size);
		fill(st, item);
	}
	if (rc != SQLITE_DONE) {
		*err = db_error(db);
		db_rows_free(v, k, size, clear);
		v = NULL;
		k = 0;
	}
	*out = v;
	*n = k;
	return rc == SQLITE_DONE ? 0 : -1;
}

void db_rows_free(void *v, size_t n, size_t size, db_clear_fn clear)
{
	for (size_t i = 0; clear && i < n; i++)
		clear((char *)v + i * size);
	free(v);
}

char *db_col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return xstrdup(t ? (const char *)t : "");
}

int db_exec(sqlite3 *db, const char *sql, char **err)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		*err = db_error(db);
		return -1;
	}
	return 0;
}

int db_begin(sqlite3 *db, char **err)
{
	return db_exec(db, "BEGIN IMMEDIATE", err);
}

int db_commit(sqlite3 *db, char **err)
{
	if (db_exec(db, "COMMIT", err) != 0) {
		db_rollback(db);
		return -1;
	}
	return 0;
}

void db_rollback(sqlite3 *db)
{
	if (!sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

int db_savepoint(sqlite3 *db, char **err)
{
	return db_exec(db, "SAVEPOINT part", err);
}

int db_savepoint_end(sqlite3 *db, int rc, char **err)
{
	if (rc == 0)
		return db_exec(db, "RELEASE part", err);
	sqlite3_exec(db, "ROLLBACK TO part; RELEASE part", NULL, NULL, NULL);
	return -1;
}

/* Prepared statements live as long as the connection; a handful of
 * connections and a few dozen statements are all a run ever has. */
struct cached {
	sqlite3 *db;
	const char *sql;
	sqlite3_stmt *st;
};
static struct cached *cache;
static size_t ncache, capcache;

sqlite3_stmt *db_stmt(sqlite3 *db, const char *sql, char **err)
{
	for (size_t i = 0; i < ncache; i++) {
		if (cache[i].db == db && cache[i].sql == sql) {
			/* one place nearer the front: an import's few statements of
			 * every row are soon found first among dozens */
			if (i > 0) {
				struct cached t = cache[i - 1];
				cache[i - 1] = cache[i];
				cache[i] = t;
				i--;
			}
			sqlite3_reset(cache[i].st);
			sqlite3_clear_bindings(cache[i].st);
			return cache[i].st;
		}
	}
	sqlite3_stmt *st;
	if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		*err = db_error(db);
		return NULL;
	}
	if (ncache == capcache) {
		capcache = capcache ? capcache * 2 : 32;
		cache = xrealloc(cache, capcache * sizeof *cache);
	}
	cache[ncache++] = (struct cached){ db, sql, st };
	return st;
}

static int user_version(sqlite3 *db, int *v, char **err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK) {
		*err = db_error(db);
		return -1;
	}
	int rc = sqlite3_step(st);
	*v = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW) {
		*err = db_error(db);
		return -1;
	}
	return 0;
}

/* Refuses a database from a newer orientir before anything writes to it. */
static int known_version(sqlite3 *db, const char *path, int *v, char **err)
{
	if (user_version(db, v, err) != 0)
		return -1;
	if (*v > db_schema_count()) {
		*err = xasprintf(_("%s was written by a newer version of orientir (database version %d, this program knows up to %d); update orientir"),
				 path, *v, db_schema_count());
		return -1;
	}
	return 0;
}

static int migrate(sqlite3 *db, const char *path, int v, char **err)
{
	for (int next = v + 1; next <= db_schema_count(); next++) {
		char *sql = xasprintf("%s;PRAGMA user_version = %d;", db_schema_migration(next), next);
		int rc = db_begin(db, err);
		if (rc == 0 && sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
			char *e = db_error(db);
			*err = xasprintf(_("%s: cannot bring the database to version %d: %s"), path, next, e);
			free(e);
			db_rollback(db);
			rc = -1;
		}
		free(sql);
		if (rc != 0 || db_commit(db, err) != 0)
			return -1;
	}
	return 0;
}

static sqlite3 *open_conn(const char *path, int flags, char **err)
{
	/* orientir has one thread: SQLite need not take its mutexes (a few
	 * per cent of a large import) nor count its memory for anybody. Set
	 * before the library starts, at the first connection. */
	static int configured;
	if (!configured) {
		configured = 1;
		sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	}
	sqlite3 *db;
	if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
		*err = xasprintf(_("cannot open database %s: %s"), path, db ? sqlite3_errmsg(db) : strerror(ENOMEM));
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_extended_result_codes(db, 0);
	sqlite3_busy_timeout(db, 5000);
	db_register_functions(db);
	return db;
}

static char *notice;

char *db_take_notice(void)
{
	char *n = notice;
	notice = NULL;
	return n;
}

/* Makes the database and its journal files readable by their owner only,
 * noting it when they were not. */
static void tighten(const char *path, int fd)
{
	struct stat st;
	if (fstat(fd, &st) != 0 || !(st.st_mode & 077) || fchmod(fd, st.st_mode & 0700) != 0)
		return;
	static const char *const ext[] = { "-wal", "-shm", "-journal" };
	for (size_t i = 0; i < sizeof ext / sizeof *ext; i++) {
		char *j = xasprintf("%s%s", path, ext[i]);
		chmod(j, 0600);
		free(j);
	}
	free(notice);
	notice = xasprintf(_("%s was readable by other users of this computer (mode %04o); it holds pupils' personal"
			     " data and its signing key, and is now readable by you alone"), path,
			   (unsigned)(st.st_mode & 07777));
}

sqlite3 *db_open(const char *path, char **err)
{
	if (make_parent(path, err) != 0)
		return NULL;
	/* Create the file ourselves so that it is private from its first byte:
	 * it holds minors' personal data and the signing key. */
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		*err = xasprintf(_("cannot open database %s: %s"), path, strerror(errno));
		return NULL;
	}
	tighten(path, fd);
	close(fd);
	sqlite3 *db = open_conn(path, SQLITE_OPEN_READWRITE, err);
	if (!db)
		return NULL;
	/* WAL keeps readers and the writer apart; FULL sync because old school
	 * PCs lose power, and a committed result must survive it. */
	int v;
	if (known_version(db, path, &v, err) != 0 ||
	    db_exec(db, "PRAGMA journal_mode = WAL", err) != 0 ||
	    db_exec(db, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON", err) != 0 ||
	    migrate(db, path, v, err) != 0) {
		db_close(db);
		return NULL;
	}
	return db;
}

sqlite3 *db_open_readonly(const char *path, char **err)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		*err = xasprintf(_("cannot open database %s: %s"), path, strerror(errno));
		return NULL;
	}
	return open_conn(path, SQLITE_OPEN_READONLY, err);
}

void db_close(sqlite3 *db)
{
	if (!db)
		return;
	sdb_sqlite_forget(db);
	size_t k = 0;
	for (size_t i = 0; i < ncache; i++) {
		if (cache[i].db == db)
			sqlite3_finalize(cache[i].st);
		else
			cache[k++] = cache[i];
	}
	ncache = k;
	if (ncache == 0) {
		free(cache);
		cache = NULL;
		capcache = 0;
	}
	sqlite3_close(db);
}
