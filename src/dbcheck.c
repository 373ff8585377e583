#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"
#include "db.h"
#include "dbcheck.h"

static void add(char **report, const char *line)
{
	char *s = xasprintf("%s%s\n", *report ? *report : "", line);
	free(*report);
	*report = s;
}

int dbcheck_file(const char *path, char **report)
{
	*report = NULL;
	char *err = NULL;
	sqlite3 *db = db_open_readonly(path, &err);
	if (!db) {
		*report = err;
		return -1;
	}
	sqlite3_stmt *st;
	int damaged = 0;
	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK) {
		*report = db_error(db);
		db_close(db);
		return 1;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(st, 0);
		if (line && strcmp(line, "ok") != 0) {
			add(report, line);
			damaged = 1;
		}
	}
	if (sqlite3_finalize(st) != SQLITE_OK) {
		char *e = db_error(db);
		add(report, e);
		free(e);
		damaged = 1;
	}
	if (!damaged && sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW) {
			char *line = xasprintf(_("table %s refers to a missing row of %s"),
					       (const char *)sqlite3_column_text(st, 0),
					       (const char *)sqlite3_column_text(st, 2));
			add(report, line);
			free(line);
			damaged = 1;
		}
		sqlite3_finalize(st);
	}
	if (!damaged && sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
		int v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
		sqlite3_finalize(st);
		char *line = NULL;
		if (v == 0)
			line = xasprintf(_("%s is not an orientir database (no schema version)"), path);
		else if (v > db_schema_version())
			line = xasprintf(_("%s was written by a newer version of orientir (database version %d)"), path, v);
		if (line) {
			add(report, line);
			free(line);
			damaged = 1;
		}
	}
	db_close(db);
	return damaged;
}

int dbcheck_backup(sqlite3 *db, const char *dest, char **err)
{
	char *tmp = xasprintf("%s.tmp", dest);
	int rc = -1;
	/* Private from the first byte, like the database itself. */
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		*err = xasprintf(_("cannot write %s: %s"), tmp, strerror(errno));
		free(tmp);
		return -1;
	}
	close(fd);
	sqlite3 *out = NULL;
	if (sqlite3_open_v2(tmp, &out, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		*err = xasprintf(_("cannot write %s: %s"), tmp, sqlite3_errmsg(out));
		goto out;
	}
	sqlite3_backup *b = sqlite3_backup_init(out, "main", db, "main");
	if (!b) {
		*err = xasprintf(_("cannot copy the database: %s"), sqlite3_errmsg(out));
		goto out;
	}
	int step;
	while ((step = sqlite3_backup_step(b, 256)) == SQLITE_OK || step == SQLITE_BUSY || step == SQLITE_LOCKED)
		sqlite3_sleep(20);
	sqlite3_backup_finish(b);
	if (step != SQLITE_DONE) {
		*err = xasprintf(_("cannot copy the database: %s"), sqlite3_errstr(step));
		goto out;
	}
	/* One file, nothing beside it: a copy that travels on a stick. */
	if (sqlite3_exec(out, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK) {
		*err = xasprintf(_("cannot copy the database: %s"), sqlite3_errmsg(out));
		goto out;
	}
	sqlite3_close(out);
	out = NULL;
	char *report = NULL;
	int bad = dbcheck_file(tmp, &report);
	if (bad != 0) {
		*err = xasprintf(_("the copy %s failed its check: %s"), tmp, report ? report : "?");
		free(report);
		goto out;
	}
	fd = open(tmp, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fsync(fd) != 0 || rename(tmp, dest) != 0) {
		*err = xasprintf(_("cannot write %s: %s"), dest, strerror(errno));
		if (fd >= 0)
			close(fd);
		goto out;
	}
	close(fd);
	rc = 0;
out:
	if (out)
		sqlite3_close(out);
	if (rc != 0)
		unlink(tmp);
	free(tmp);
	return rc;
}
