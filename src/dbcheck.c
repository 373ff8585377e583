#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"
#include "day.h"
#include "db.h"
#include "dbcheck.h"
#include "identity.h"
#include "stick.h"

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

/* A checked copy of db at tmp, a private empty file mkstemp made: SQLite's
 * online backup, then one file with nothing beside it. */
static int copy_checked(sqlite3 *db, const char *tmp, char **err)
{
	int rc = -1;
	sqlite3 *out = NULL;
	if (sqlite3_open_v2(tmp, &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK) {
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
	if (dbcheck_file(tmp, &report) != 0) {
		*err = xasprintf(_("the copy %s failed its check: %s"), tmp, report ? report : "?");
		free(report);
		goto out;
	}
	rc = 0;
out:
	if (out)
		sqlite3_close(out);
	return rc;
}

/* The SHA-256 of what fd reads, in hex, then "\n": what a backup's
 * signature signs. 0, or -1 with errno. */
static int file_digest(int fd, char out[66])
{
	struct sha256_ctx ctx;
	uint8_t d[SHA256_DIGEST_SIZE], buf[65536];
	ssize_t r;
	sha256_init(&ctx);
	while ((r = read(fd, buf, sizeof buf)) > 0 || (r < 0 && errno == EINTR))
		if (r > 0)
			sha256_update(&ctx, (size_t)r, buf);
	if (r < 0)
		return -1;
	sha256_digest(&ctx, sizeof d, d);
	for (size_t i = 0; i < sizeof d; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
	out[64] = '\n';
	out[65] = '\0';
	return 0;
}

int dbcheck_backup(sqlite3 *db, const char *dest, const sign_key *key, char **err)
{
	/* The copy is made beside the live database (private, and never a
	 * path on the stick SQLite would open by name), then copied over. */
	const char *live = sqlite3_db_filename(db, "main");
	char *tmp = xasprintf("%s.backup-XXXXXX", live && *live ? live : "orientir");
	int fd = mkstemp(tmp);
	if (fd < 0) {
		*err = xasprintf(_("cannot write %s: %s"), tmp, strerror(errno));
		free(tmp);
		return -1;
	}
	close(fd);
	const char *slash = strrchr(dest, '/');
	char *dir = slash ? (slash == dest ? xstrdup("/") : xstrndup(dest, (size_t)(slash - dest))) : xstrdup(".");
	const char *name = slash ? slash + 1 : dest;
	char *sig = xasprintf("%s.sig", name), digest[66];
	int rc = -1, dfd = -1;
	if (!*name) {
		*err = xasprintf(_("%s: name the file to write"), dest);
		goto out;
	}
	if (copy_checked(db, tmp, err) != 0 || (dfd = stick_dir_open(dir, err)) < 0)
		goto out;
	fd = open(tmp, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		*err = xasprintf(_("cannot read %s: %s"), tmp, strerror(errno));
		goto out;
	}
	unlinkat(dfd, sig, 0);
	rc = stick_put_from(dfd, dir, name, fd, 0600, err);
	if (rc == 0 && key) {
		if (lseek(fd, 0, SEEK_SET) != 0 || file_digest(fd, digest) != 0) {
			*err = xasprintf(_("cannot read %s: %s"), tmp, strerror(errno));
			rc = -1;
		} else {
			char *text = sign_file_text(key, SIGN_BACKUP, digest, strlen(digest));
			rc = stick_put(dfd, dir, sig, text, strlen(text), 0644, err);
			free(text);
		}
	}
	close(fd);
out:
	if (dfd >= 0)
		close(dfd);
	unlink(tmp);
	free(tmp);
	free(dir);
	free(sig);
	return rc;
}

enum sign_state dbcheck_signature(const char *path, uint8_t pub[SIGN_KEY_SIZE])
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? (slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path))) : xstrdup(".");
	char *sig = xasprintf("%s.sig", slash ? slash + 1 : path), *err = NULL, *text = NULL, digest[66];
	enum sign_state rc = SIGN_NONE;
	int dfd = stick_dir_open(dir, &err), fd = open(path, O_RDONLY | O_CLOEXEC);
	if (dfd >= 0 && (text = stick_read(dfd, dir, sig, 4096, NULL, &err)))
		rc = fd >= 0 && file_digest(fd, digest) == 0
			? sign_file_check(text, SIGN_BACKUP, digest, strlen(digest), pub) : SIGN_BAD;
	if (fd >= 0)
		close(fd);
	if (dfd >= 0)
		close(dfd);
	free(text), free(err), free(dir), free(sig);
	return rc;
}

/* Backups are orientir-CODE-YYYY-MM-DD.db, then -2.db, -3.db… the same
 * day: where a name's date starts, and its number (none is 1). */
static size_t backup_date_at(const char *name, long *nth)
{
	size_t len = strlen(name) - 3;	/* without .db */
	*nth = 1;
	if (len >= 10 && name[len - 6] == '-' && name[len - 3] == '-')
		return len - 10;
	const char *dash = name + len;
	while (dash > name && dash[-1] != '-')
		dash--;
	if (dash > name) {
		*nth = atol(dash);
		len = (size_t)(dash - 1 - name);
	}
	return len >= 10 ? len - 10 : 0;
}

/* Older means another school's code first, then an earlier date, then a
 * smaller number. Names, not times: a FAT stick keeps times to two
 * seconds only. */
static int backup_age(const void *pa, const void *pb)
{
	const char *a = *(char *const *)pa, *b = *(char *const *)pb;
	long na, nb;
	size_t da = backup_date_at(a, &na), db = backup_date_at(b, &nb);
	int r = strncmp(a, b, da < db ? da : db);
	if (r == 0 && da != db)
		r = da < db ? -1 : 1;
	if (r == 0)
		r = strncmp(a + da, b + db, 10);
	return r ? r : (na > nb) - (na < nb);
}

int dbcheck_backups(const char *dir, const char *code, char ***names, size_t *n)
{
	*names = NULL;
	*n = 0;
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	char *prefix = code ? xasprintf("orientir-%s-", code) : xstrdup("orientir-");
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		struct stat st;
		/* (regular files only: a link on a stick leads anywhere) */
		if (strncmp(e->d_name, prefix, strlen(prefix)) == 0 && len > 3 && strcmp(e->d_name + len - 3, ".db") == 0
		    && fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode)) {
			*names = xrealloc(*names, (*n + 1) * sizeof **names);
			(*names)[(*n)++] = xstrdup(e->d_name);
		}
	}
	closedir(d);
	free(prefix);
	if (*n)
		qsort(*names, *n, sizeof **names, backup_age);
	return 0;
}

void dbcheck_backups_free(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

char *dbcheck_backup_name(const char *dir, const char *code, char **err)
{
	if (identity_check_field(ID_CODE, code, err) != 0)
		return NULL;
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
	char **names;
	size_t n;
	if (dbcheck_backups(dir, code, &names, &n) != 0)
		return 0;
	int removed = 0;
	for (size_t i = 0; i + (size_t)keep < n; i++) {
		char *p = xasprintf("%s/%s", dir, names[i]), *sig = xasprintf("%s.sig", p);
		removed += unlink(p) == 0;
		unlink(sig);
		free(p);
		free(sig);
	}
	dbcheck_backups_free(names, n);
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
	char *tmp = xasprintf("%s.restore-XXXXXX", path);
	int fd = mkstemp(tmp), rc = -1;
	if (fd < 0) {
		*err = xasprintf(_("cannot write %s: %s"), tmp, strerror(errno));
	} else {
		close(fd);
		rc = copy_checked(src, tmp, err);
	}
	db_close(src);
	if (rc != 0) {
		if (fd >= 0)
			unlink(tmp);
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
