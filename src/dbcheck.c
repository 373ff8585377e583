#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"
#include "day.h"
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

/* Backups are orientir-CODE-YYYY-MM-DD.db, then -2.db, -3.db… the same
 * day: older means an earlier date, then a smaller number (none is 1).
 * Names, not times: a FAT stick keeps times to two seconds only. */
static size_t prefix_len;

static int backup_age(const void *pa, const void *pb)
{
	const char *a = *(char *const *)pa + prefix_len, *b = *(char *const *)pb + prefix_len;
	int r = strncmp(a, b, 10);
	if (r)
		return r;
	long na = a[10] == '-' ? atol(a + 11) : 1, nb = b[10] == '-' ? atol(b + 11) : 1;
	return (na > nb) - (na < nb);
}

char *dbcheck_backup_name(const char *dir, const char *code)
{
	char *day = day_iso(day_today()), *stem = xasprintf("orientir-%s-%s", code, day);
	free(day);
	size_t sl = strlen(stem);
	long last = 0;
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		if (strncmp(e->d_name, stem, sl) != 0)
			continue;
		long k = !strcmp(e->d_name + sl, ".db") ? 1 : e->d_name[sl] == '-' ? atol(e->d_name + sl + 1) : 0;
		if (k > last)
			last = k;
	}
	if (d)
		closedir(d);
	char *name = last ? xasprintf("%s/%s-%ld.db", dir, stem, last + 1) : xasprintf("%s/%s.db", dir, stem);
	free(stem);
	return name;
}

int dbcheck_prune(const char *dir, const char *code, int keep)
{
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	char *prefix = xasprintf("orientir-%s-", code);
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (strncmp(e->d_name, prefix, strlen(prefix)) == 0 && len > 3 && strcmp(e->d_name + len - 3, ".db") == 0) {
			names = xrealloc(names, (n + 1) * sizeof *names);
			names[n++] = xstrdup(e->d_name);
		}
	}
	closedir(d);
	prefix_len = strlen(prefix);
	if (n)
		qsort(names, n, sizeof *names, backup_age);
	int removed = 0;
	for (size_t i = 0; i < n; i++) {
		if (n - i > (size_t)keep) {
			char *p = xasprintf("%s/%s", dir, names[i]);
			removed += unlink(p) == 0;
			free(p);
		}
		free(names[i]);
	}
	free(names);
	free(prefix);
	return removed;
}

int dbcheck_restore(const char *from, const char *path, char **aside, char **err)
{
	char *report = NULL;
	*aside = NULL;
	int bad = dbcheck_file(from, &report);
	if (bad != 0) {
		*err = xasprintf(_("%s cannot be restored: %s"), from, report ? report : "?");
		free(report);
		return -1;
	}
	sqlite3 *src = db_open_readonly(from, err);
	if (!src)
		return -1;
	/* A copy beside the database first, so the swap is two renames. */
	char *tmp = xasprintf("%s.restore-tmp", path);
	unlink(tmp);
	int rc = dbcheck_backup(src, tmp, err);
	db_close(src);
	if (rc != 0) {
		free(tmp);
		return -1;
	}
	/* 2026-06-20T14:05:09 → 2026-06-20-140509, a name any file system takes. */
	char *now = day_now_iso();
	*aside = xasprintf("%s.before-restore-%.10s-%.2s%.2s%.2s", path, now, now + 11, now + 14, now + 17);
	free(now);
	struct stat st;
	int had = stat(path, &st) == 0;
	if (had && rename(path, *aside) != 0) {
		*err = xasprintf(_("cannot put the current database aside: %s"), strerror(errno));
		unlink(tmp);
		free(tmp);
		free(*aside);
		*aside = NULL;
		return -1;
	}
	if (rename(tmp, path) != 0) {
		*err = xasprintf(_("cannot put the backup in place: %s"), strerror(errno));
		if (had)
			rename(*aside, path);
		unlink(tmp);
		free(tmp);
		return -1;
	}
	/* The old database's journal files belong to it, not to the backup. */
	static const char *const ext[] = { "-wal", "-shm" };
	for (size_t i = 0; i < 2; i++) {
		char *j = xasprintf("%s%s", path, ext[i]), *k = xasprintf("%s%s", *aside, ext[i]);
		if (had)
			rename(j, k);
		else
			unlink(j);
		free(j);
		free(k);
	}
	free(tmp);
	if (!had) {
		free(*aside);
		*aside = NULL;
	}
	return 0;
}
