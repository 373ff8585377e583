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
#include "stick.h"

/* How deep stick_remove goes: our folders hold files only. */
#define REMOVE_DEPTH 8

char *stick_path(const char *path, const char *name)
{
	size_t n = strlen(path);
	return xasprintf("%s%s%s", path, n && path[n - 1] == '/' ? "" : "/", name);
}

int stick_dir_open(const char *path, char **err)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		*err = errno == ENOENT || errno == ENOTDIR ? xasprintf(_("%s is not a folder"), path)
			: xasprintf(_("%s: cannot open: %s"), path, strerror(errno));
	return fd;
}

int stick_subdir_open(int dirfd, const char *name)
{
	return openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

enum stick_kind stick_kind(int dirfd, const char *name)
{
	struct stat st;
	if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
		return errno == ENOENT ? STICK_NONE : STICK_OTHER;
	return S_ISLNK(st.st_mode) ? STICK_LINK : S_ISDIR(st.st_mode) ? STICK_DIR : S_ISREG(st.st_mode) ? STICK_FILE
		: STICK_OTHER;
}

char *stick_write_error(const char *path, int e)
{
	if (e == ENOSPC)
		return xasprintf(_("%s: the stick is full"), path);
	if (e == EROFS || e == EACCES || e == EPERM)
		return xasprintf(_("%s: the stick cannot be written (read-only or locked)"), path);
	if (e == EIO || e == ENODEV || e == ENOENT || e == ENXIO)
		return xasprintf(_("%s: cannot write: %s (was the stick removed?)"), path, strerror(e));
	if (e == EEXIST || e == ELOOP || e == EISDIR || e == ENOTDIR || e == ENOTEMPTY)
		return xasprintf(_("%s: something else is in the way there (a folder, a link or a file this program"
				   " did not make): move it away and write again"), path);
	return xasprintf(_("%s: cannot write: %s"), path, strerror(e));
}

static int write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, data, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		data += w;
		len -= (size_t)w;
	}
	return 0;
}

static int copy_all(int from, int to)
{
	char buf[65536];
	for (;;) {
		ssize_t r = read(from, buf, sizeof buf);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return (int)r;
		if (write_all(to, buf, (size_t)r) != 0)
			return -1;
	}
}

/* Creates name afresh and fills it from data, or from srcfd when that is
 * not -1, synced. 0, or -1 with errno. */
static int create_file(int dirfd, const char *name, const void *data, size_t len, int srcfd, mode_t mode)
{
	/* O_EXCL: never a file already there, never through a link (open then
	 * fails on the link itself, wherever it points). */
	int fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
	if (fd < 0)
		return -1;
	int rc = srcfd < 0 ? write_all(fd, data, len) : copy_all(srcfd, fd);
	if (rc == 0)
		rc = fsync(fd);
	int e = errno;
	if (close(fd) != 0 && rc == 0) {
		rc = -1;
		e = errno;
	}
	/* Only what was made here is taken away again. */
	if (rc != 0)
		unlinkat(dirfd, name, 0);
	errno = e;
	return rc;
}

int stick_create(int dirfd, const char *path, const char *name, const void *data, size_t len, mode_t mode,
		 char **err)
{
	if (create_file(dirfd, name, data ? data : "", len, -1, mode) == 0)
		return 0;
	int e = errno;
	char *shown = stick_path(path, name);
	*err = stick_write_error(shown, e);
	free(shown);
	return -1;
}

int stick_sync_dir(int dirfd)
{
	/* vfat may refuse to sync a folder; syncing the stick covers it. */
	return fsync(dirfd) != 0 && errno != EINVAL ? -1 : 0;
}

int stick_sync(int dirfd)
{
	return stick_sync_dir(dirfd) != 0 ? -1 : syncfs(dirfd);
}

/* whole: the stick synced after, else only the folder. */
static int put(int dirfd, const char *path, const char *name, const void *data, size_t len, int srcfd, mode_t mode,
	       int whole, char **err)
{
	char *tmp = xasprintf(".%s.tmp", name), *shown = stick_path(path, name);
	int rc = -1, e = 0;
	if (stick_remove(dirfd, tmp) != 0 && errno != ENOENT) {
		e = errno;
	} else if (create_file(dirfd, tmp, data, len, srcfd, mode) != 0) {
		e = errno;
	} else if (renameat(dirfd, tmp, dirfd, name) != 0) {
		e = errno;
		unlinkat(dirfd, tmp, 0);
	} else if ((whole ? stick_sync(dirfd) : stick_sync_dir(dirfd)) != 0) {
		e = errno;
	} else {
		rc = 0;
	}
	/* Name the file the user knows, not our temporary one. */
	if (rc != 0)
		*err = stick_write_error(shown, e);
	free(tmp);
	free(shown);
	return rc;
}

int stick_put(int dirfd, const char *path, const char *name, const void *data, size_t len, mode_t mode, char **err)
{
	return put(dirfd, path, name, data ? data : "", len, -1, mode, 1, err);
}

int stick_put_deferred(int dirfd, const char *path, const char *name, const void *data, size_t len, mode_t mode,
		       char **err)
{
	return put(dirfd, path, name, data ? data : "", len, -1, mode, 0, err);
}

int stick_put_from(int dirfd, const char *path, const char *name, int srcfd, mode_t mode, char **err)
{
	return put(dirfd, path, name, NULL, 0, srcfd, mode, 1, err);
}

int stick_sync_path(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = syncfs(fd), e = errno;
	close(fd);
	errno = e;
	return rc;
}

int stick_list(int dirfd, size_t max, char ***names, size_t *n)
{
	*names = NULL;
	*n = 0;
	/* fdopendir takes the descriptor it is given: give it its own. */
	int fd = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d = fd < 0 ? NULL : fdopendir(fd);
	if (!d) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		errno = e;
		return -1;
	}
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		/* Never a silent part of a folder: readdir's order is no order. */
		if (*n == max) {
			closedir(d);
			stick_list_free(*names, *n);
			*names = NULL;
			*n = 0;
			errno = E2BIG;
			return -1;
		}
		*names = xrealloc(*names, (*n + 1) * sizeof **names);
		(*names)[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	return 0;
}

void stick_list_free(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static int remove_at(int dirfd, const char *name, dev_t dev, int depth)
{
	struct stat st;
	if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
		return -1;
	if (!S_ISDIR(st.st_mode))
		return unlinkat(dirfd, name, 0);
	if (st.st_dev != dev || depth >= REMOVE_DEPTH) {
		errno = st.st_dev != dev ? EXDEV : ELOOP;
		return -1;
	}
	int fd = stick_subdir_open(dirfd, name);
	if (fd < 0)
		return -1;
	/* The folder opened must be the one looked at, not one swapped in. */
	struct stat again;
	char **names = NULL;
	size_t n = 0;
	int rc = fstat(fd, &again) == 0 && again.st_ino == st.st_ino && again.st_dev == st.st_dev ? 0 : -1;
	if (rc != 0)
		errno = ESTALE;
	else
		rc = stick_list(fd, (size_t)-1, &names, &n);
	for (size_t i = 0; rc == 0 && i < n; i++)
		if (remove_at(fd, names[i], dev, depth + 1) != 0 && errno != ENOENT)
			rc = -1;
	int e = errno;
	stick_list_free(names, n);
	close(fd);
	errno = e;
	return rc == 0 ? unlinkat(dirfd, name, AT_REMOVEDIR) : -1;
}

int stick_remove(int dirfd, const char *name)
{
	struct stat st;
	if (fstat(dirfd, &st) != 0)
		return -1;
	return remove_at(dirfd, name, st.st_dev, 0);
}

/* A size for people: "64 KiB", "32 MiB". */
static char *size_text(long long bytes)
{
	return bytes >= 1 << 20 ? xasprintf(_("%lld MiB"), bytes >> 20) : xasprintf(_("%lld KiB"), (bytes + 1023) >> 10);
}

char *stick_read(int dirfd, const char *path, const char *name, size_t limit, size_t *len, char **err)
{
	char *shown = stick_path(path, name), *data = NULL;
	struct stat st, got;
	int fd = -1;
	/* Looked at before it is opened: a device or a pipe is never opened at all. */
	if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
		int e = errno;
		*err = e == ENOENT ? xasprintf(_("%s is missing"), shown) : xasprintf(_("%s: cannot read: %s"), shown,
										   strerror(e));
		errno = e;
		goto out;
	}
	if (S_ISLNK(st.st_mode)) {
		*err = xasprintf(_("%s is a symbolic link, not a file: it was not followed"), shown);
		errno = ELOOP;
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		*err = xasprintf(_("%s is not a regular file (a folder, a pipe or a device): it was not read"), shown);
		errno = EINVAL;
		goto out;
	}
	fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &got) != 0 || !S_ISREG(got.st_mode) || got.st_ino != st.st_ino ||
	    got.st_dev != st.st_dev) {
		int e = fd < 0 ? errno : ESTALE;
		*err = xasprintf(_("%s: cannot read: %s"), shown, strerror(e));
		errno = e;
		goto out;
	}
	/* Read to one byte past the limit: a file that grows is caught too. */
	size_t cap = got.st_size >= 0 && (size_t)got.st_size <= limit ? (size_t)got.st_size + 1 : limit + 1, n = 0;
	data = xmalloc(cap + 1);
	for (;;) {
		ssize_t r = read(fd, data + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;
			*err = xasprintf(_("%s: cannot read: %s"), shown, strerror(e));
			free(data);
			data = NULL;
			errno = e;
			goto out;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n > limit)
			break;
		if (n == cap) {
			cap = cap * 2 > limit + 1 ? limit + 1 : cap * 2;
			data = xrealloc(data, cap + 1);
		}
	}
	if (n > limit) {
		char *lim = size_text((long long)limit);
		*err = xasprintf(_("%s is larger than %s, more than such a file can hold: it was not read"), shown, lim);
		free(lim);
		free(data);
		data = NULL;
		errno = EFBIG;
		goto out;
	}
	data[n] = '\0';
	if (len)
		*len = n;
out:;
	int e = errno;
	if (fd >= 0)
		close(fd);
	free(shown);
	errno = e;
	return data;
}
