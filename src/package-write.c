#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "common.h"
#include "package-write.h"

static void hex_sha256(const void *data, size_t len, char out[SHA256_DIGEST_SIZE * 2 + 1])
{
	struct sha256_ctx ctx;
	uint8_t d[SHA256_DIGEST_SIZE];
	sha256_init(&ctx);
	sha256_update(&ctx, len, data);
	sha256_digest(&ctx, sizeof d, d);
	for (size_t i = 0; i < sizeof d; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

/* What went wrong writing to a stick, in words a person can act on. */
static char *write_error(const char *path, int e)
{
	if (e == ENOSPC)
		return xasprintf(_("%s: the stick is full"), path);
	if (e == EROFS || e == EACCES || e == EPERM)
		return xasprintf(_("%s: the stick cannot be written (read-only or locked)"), path);
	if (e == EIO || e == ENODEV || e == ENOENT || e == ENXIO)
		return xasprintf(_("%s: cannot write: %s (was the stick removed?)"), path, strerror(e));
	return xasprintf(_("%s: cannot write: %s"), path, strerror(e));
}

static int write_all(const char *path, const char *data, size_t len, char **err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0) {
		*err = write_error(path, errno);
		return -1;
	}
	size_t done = 0;
	while (done < len) {
		ssize_t w = write(fd, data + done, len - done);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			*err = write_error(path, errno);
			close(fd);
			return -1;
		}
		done += (size_t)w;
	}
	if (fsync(fd) != 0 || close(fd) != 0) {
		*err = write_error(path, errno);
		return -1;
	}
	return 0;
}

static int sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	/* vfat may refuse to sync a folder; sync_stick covers it. */
	if (rc != 0 && errno == EINVAL)
		rc = 0;
	close(fd);
	return rc;
}

/* Flushes the whole filesystem dir is on: then the stick can be removed. */
static int sync_stick(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = syncfs(fd), e = errno;
	close(fd);
	errno = e;
	return rc;
}

/* Removes a package folder we made: its files, then itself. */
static void remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	if (d) {
		struct dirent *e;
		while ((e = readdir(d))) {
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			char *p = xasprintf("%s/%s", dir, e->d_name);
			unlink(p);
			free(p);
		}
		closedir(d);
	}
	rmdir(dir);
}

static int exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* Reads a whole file (up to a generous limit) into memory. */
static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	size_t cap = 65536, n = 0;
	char *buf = xmalloc(cap);
	size_t r;
	while ((r = fread(buf + n, 1, cap - n, fp)) > 0) {
		n += r;
		if (n == cap)
			buf = xrealloc(buf, cap *= 2);
	}
	int bad = ferror(fp);
	fclose(fp);
	if (bad) {
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

int package_verify(const char *dir, char **err)
{
	char *sums_path = xasprintf("%s/SHA256SUMS", dir);
	size_t len;
	char *sums = slurp(sums_path, &len);
	free(sums_path);
	if (!sums) {
		*err = xasprintf(_("%s: no SHA256SUMS: the package is incomplete"), dir);
		return -1;
	}
	sums = xrealloc(sums, len + 1);
	sums[len] = '\0';
	int rc = 0, files = 0;
	for (char *line = strtok(sums, "\n"); line && rc == 0; line = strtok(NULL, "\n")) {
		char want[65], name[256];
		if (sscanf(line, "%64s  %255[^\n]", want, name) != 2 || strchr(name, '/')) {
			*err = xasprintf(_("%s: SHA256SUMS has a line it should not have"), dir);
			rc = -1;
			break;
		}
		char *path = xasprintf("%s/%s", dir, name), got[SHA256_DIGEST_SIZE * 2 + 1];
		size_t n;
		char *data = slurp(path, &n);
		free(path);
		if (!data) {
			*err = xasprintf(_("%s: %s is missing"), dir, name);
			rc = -1;
		} else {
			hex_sha256(data, n, got);
			free(data);
			if (strcmp(got, want) != 0) {
				*err = xasprintf(_("%s: %s does not match its checksum (damaged or changed)"), dir, name);
				rc = -1;
			}
		}
		files++;
	}
	if (rc == 0 && files == 0) {
		*err = xasprintf(_("%s: SHA256SUMS is empty"), dir);
		rc = -1;
	}
	free(sums);
	return rc;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int package_folders(const char *dir, const char *prefix, char ***names, size_t *n)
{
	*names = NULL;
	*n = 0;
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	size_t k = strlen(prefix);
	struct dirent *e;
	while ((e = readdir(d))) {
		/* Hidden: a package being written, or one moved aside. */
		if (e->d_name[0] == '.' || strncmp(e->d_name, prefix, k) != 0)
			continue;
		struct stat st;
		char *path = xasprintf("%s/%s", dir, e->d_name);
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			*names = xrealloc(*names, (*n + 1) * sizeof **names);
			(*names)[(*n)++] = xstrdup(e->d_name);
		}
		free(path);
	}
	closedir(d);
	if (*n > 1)	/* with none, *names is NULL, which qsort may not be given */
		qsort(*names, *n, sizeof **names, by_name);
	return 0;
}

void package_folders_free(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

char *package_read_file(const char *dir, const char *name, size_t *len)
{
	char *path = xasprintf("%s/%s", dir, name);
	size_t n;
	char *data = slurp(path, &n);
	free(path);
	if (!data)
		return NULL;
	data = xrealloc(data, n + 1);
	data[n] = '\0';
	if (len)
		*len = n;
	return data;
}

int package_digest(const char *dir, char out[65])
{
	size_t n;
	char *sums = package_read_file(dir, "SHA256SUMS", &n);
	if (!sums)
		return -1;
	hex_sha256(sums, n, out);
	free(sums);
	return 0;
}

int package_put_file(const char *dir, const char *name, const char *data, size_t len, char **err)
{
	char *tmp = xasprintf("%s/.%s.tmp", dir, name), *final = xasprintf("%s/%s", dir, name);
	int rc = -1;
	if (write_all(tmp, data, len, err) != 0) {
		/* Name the file the user knows, not our temporary one. */
		int e = errno;
		free(*err);
		*err = write_error(final, e);
		goto out;
	}
	if (rename(tmp, final) != 0 || sync_dir(dir) != 0 || sync_stick(dir) != 0) {
		*err = write_error(final, errno);
		goto out;
	}
	rc = 0;
out:
	if (rc != 0)
		unlink(tmp);
	free(tmp);
	free(final);
	return rc;
}

int package_write(const package *p, const char *dest, char **err)
{
	struct stat st;
	if (stat(dest, &st) != 0 || !S_ISDIR(st.st_mode)) {
		*err = xasprintf(_("%s is not a folder"), dest);
		return -1;
	}
	/* Room for every file and a margin for the filesystem's own blocks. */
	struct statvfs vfs;
	long long need = p->bytes + (long long)(p->n + 2) * 32768;
	if (statvfs(dest, &vfs) == 0 && (long long)vfs.f_bavail * (long long)vfs.f_frsize < need) {
		*err = xasprintf(_("%s: not enough room: the package needs %lld KiB, %lld KiB are free"), dest,
				 need / 1024, (long long)vfs.f_bavail * (long long)vfs.f_frsize / 1024);
		return -1;
	}
	char *final = xasprintf("%s/%s", dest, p->dirname);
	char *tmp = xasprintf("%s/.%s.tmp", dest, p->dirname);
	char *old = xasprintf("%s/.%s.old", dest, p->dirname);
	int rc = -1, moved_old = 0;
	/* An earlier run cut short between its two renames left the old package
	 * aside: put it back before anything else. */
	if (!exists(final) && exists(old))
		rename(old, final);
	remove_tree(tmp);
	if (mkdir(tmp, 0755) != 0) {
		*err = write_error(tmp, errno);
		goto out;
	}
	char *sums = xstrdup("");
	for (size_t i = 0; i < p->n; i++) {
		char *path = xasprintf("%s/%s", tmp, p->files[i].name), hex[SHA256_DIGEST_SIZE * 2 + 1];
		int w = write_all(path, p->files[i].data, p->files[i].len, err);
		free(path);
		if (w != 0) {
			free(sums);
			goto fail;
		}
		hex_sha256(p->files[i].data, p->files[i].len, hex);
		char *s = xasprintf("%s%s  %s\n", sums, hex, p->files[i].name);
		free(sums);
		sums = s;
	}
	/* Last: a folder without it does not verify, so a cut-off write never
	 * looks like a package. */
	char *sums_path = xasprintf("%s/SHA256SUMS", tmp);
	int w = write_all(sums_path, sums, strlen(sums), err);
	free(sums_path);
	free(sums);
	if (w != 0)
		goto fail;
	/* Read back what the stick holds: a bad stick shows here, not at the district. */
	if (sync_dir(tmp) != 0 || package_verify(tmp, err) != 0) {
		if (!*err)
			*err = write_error(tmp, errno);
		goto fail;
	}
	if (exists(final)) {
		if (rename(final, old) != 0) {
			*err = write_error(final, errno);
			goto fail;
		}
		moved_old = 1;
	}
	if (rename(tmp, final) != 0) {
		*err = write_error(final, errno);
		goto fail;
	}
	if (sync_dir(dest) != 0) {
		*err = write_error(dest, errno);
		goto out;
	}
	if (moved_old)
		remove_tree(old);
	if (sync_stick(dest) != 0) {
		*err = write_error(dest, errno);
		goto out;
	}
	rc = 0;
	goto out;
fail:
	remove_tree(tmp);
	if (moved_old && !exists(final))
		rename(old, final);
out:
	free(final);
	free(tmp);
	free(old);
	return rc;
}
