#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "common.h"
#include "package-read.h"
#include "package-write.h"
#include "stick.h"

int package_verify(const char *dir, char **err)
{
	pkg_in p;
	uint8_t pub[SIGN_KEY_SIZE];
	enum sign_state sig;
	int rc = package_load(dir, &p, err);
	if (rc == 0)
		rc = package_signature(&p, &sig, pub, err);
	pkg_in_free(&p);
	return rc;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int package_folders(const char *dir, const char *prefix, char ***names, size_t *n)
{
	char *err = NULL;
	*names = NULL;
	*n = 0;
	int dfd = stick_dir_open(dir, &err);
	free(err);
	if (dfd < 0)
		return -1;
	char **all;
	size_t k, plen = strlen(prefix);
	if (stick_list(dfd, PKG_MAX_FOLDER, &all, &k) != 0) {
		close(dfd);
		return -1;
	}
	for (size_t i = 0; i < k; i++) {
		/* Hidden: a package being written, or one moved aside. A link is
		 * never taken for a package: it may lead anywhere. */
		if (all[i][0] != '.' && strncmp(all[i], prefix, plen) == 0 && stick_kind(dfd, all[i]) == STICK_DIR)
			all[(*n)++] = all[i];
		else
			free(all[i]);
	}
	close(dfd);
	if (*n == 0) {
		free(all);
		return 0;
	}
	qsort(all, *n, sizeof *all, by_name);
	*names = all;
	return 0;
}

void package_folders_free(char **names, size_t n)
{
	stick_list_free(names, n);
}

char *package_read_file(const char *dir, const char *name, size_t *len)
{
	char *err = NULL, *data = NULL;
	int dfd = stick_dir_open(dir, &err);
	if (dfd >= 0) {
		data = stick_read(dfd, dir, name, PKG_MAX_SMALL, len, &err);
		close(dfd);
	}
	free(err);
	return data;
}

int package_digest(const char *dir, char out[65])
{
	size_t n;
	char *sums = package_read_file(dir, "SHA256SUMS", &n);
	if (!sums)
		return -1;
	package_sha256_hex(sums, n, out);
	free(sums);
	return 0;
}

int package_put_file(const char *dir, const char *name, const char *data, size_t len, char **err)
{
	int dfd = stick_dir_open(dir, err);
	if (dfd < 0)
		return -1;
	int rc = stick_put(dfd, dir, name, data, len, 0644, err);
	close(dfd);
	return rc;
}

/* SHA256SUMS of p's files in sha256sum's own form (fresh). */
static char *sums_text(const package *p, size_t *len)
{
	char *text;
	FILE *fp = open_memstream(&text, len);
	for (size_t i = 0; i < p->n; i++) {
		char hex[65];
		package_sha256_hex(p->files[i].data, p->files[i].len, hex);
		fprintf(fp, "%s  %s\n", hex, p->files[i].name);
	}
	fclose(fp);
	return text;
}

/* Clears what an earlier write may have left beside the package: the old
 * package put back when a run was cut between its two renames, else
 * removed with the temporary folder; a link named like our folders is
 * removed as a link. 0, or -1 with *err naming what is in the way. */
static int clear_leftovers(int dfd, const char *dest, const char *final, const char *tmp, const char *old, char **err)
{
	enum stick_kind kf = stick_kind(dfd, final), ko = stick_kind(dfd, old);
	const char *stuck = NULL;
	if (kf == STICK_LINK && unlinkat(dfd, final, 0) == 0)
		kf = STICK_NONE;
	if (kf != STICK_NONE && kf != STICK_DIR)
		stuck = final;
	else if (kf == STICK_NONE && ko == STICK_DIR && renameat(dfd, old, dfd, final) == 0)
		ko = STICK_NONE;
	if (!stuck && ko != STICK_NONE && stick_remove(dfd, old) != 0 && errno != ENOENT)
		stuck = old;
	if (!stuck && stick_remove(dfd, tmp) != 0 && errno != ENOENT)
		stuck = tmp;
	if (!stuck)
		return 0;
	int e = errno;
	char *path = stick_path(dest, stuck);
	if (stuck == final)
		*err = xasprintf(_("%s is in the way: it is not a package folder; move it away and write again"), path);
	else
		*err = xasprintf(_("%s is left from an earlier write and cannot be removed (%s): delete it, then write"
				   " again"), path, strerror(e));
	free(path);
	return -1;
}

/* Writes the packages p carries into tfd's new folder schools/, each in
 * its own folder, byte for byte, and reads each back: the SHA-256 of its
 * SHA256SUMS must be the one of the SHA256SUMS written. */
static int write_embeds(int tfd, const char *shown, const package *p, char **err)
{
	if (!p->nembeds)
		return 0;
	char *top = stick_path(shown, DISTRICT_EXPORT_SCHOOLS);
	int sfd = -1, rc = 0;
	if (mkdirat(tfd, DISTRICT_EXPORT_SCHOOLS, 0755) != 0 ||
	    (sfd = stick_subdir_open(tfd, DISTRICT_EXPORT_SCHOOLS)) < 0) {
		*err = stick_write_error(top, errno);
		free(top);
		return -1;
	}
	for (size_t i = 0; rc == 0 && i < p->nembeds; i++) {
		const pkg_embed *e = &p->embeds[i];
		char *path = stick_path(top, e->dirname), wrote[65] = "";
		int efd = -1;
		if (mkdirat(sfd, e->dirname, 0755) != 0 || (efd = stick_subdir_open(sfd, e->dirname)) < 0) {
			*err = stick_write_error(path, errno);
			rc = -1;
		}
		for (size_t k = 0; rc == 0 && k < e->n; k++) {
			rc = stick_create(efd, path, e->files[k].name, e->files[k].data, e->files[k].len, 0644, err);
			if (!strcmp(e->files[k].name, "SHA256SUMS"))
				package_sha256_hex(e->files[k].data, e->files[k].len, wrote);
		}
		if (rc == 0 && stick_sync_dir(efd) != 0) {
			*err = stick_write_error(path, errno);
			rc = -1;
		}
		pkg_in back = { 0 };
		if (rc == 0 && (rc = package_load_at(efd, path, &back, err)) == 0 && strcmp(back.digest, wrote) != 0) {
			*err = xasprintf(_("%s: the package reads back changed: the stick is faulty"), path);
			rc = -1;
		}
		pkg_in_free(&back);
		if (efd >= 0)
			close(efd);
		free(path);
	}
	if (rc == 0 && stick_sync_dir(sfd) != 0) {
		*err = stick_write_error(top, errno);
		rc = -1;
	}
	close(sfd);
	free(top);
	return rc;
}

/* Writes p's files, SHA256SUMS and SIGNATURE into the fresh folder tfd,
 * then reads them back as the district will. */
static int write_files(int tfd, const char *shown, const package *p, char **err)
{
	mode_t mode = p->private_files ? 0600 : 0644;
	for (size_t i = 0; i < p->n; i++)
		if (stick_create(tfd, shown, p->files[i].name, p->files[i].data, p->files[i].len, mode, err) != 0)
			return -1;
	if (write_embeds(tfd, shown, p, err) != 0)
		return -1;
	size_t len;
	char *sums = sums_text(p, &len);
	int rc = stick_create(tfd, shown, "SHA256SUMS", sums, len, mode, err);
	if (rc == 0 && p->has_key) {
		char *sig = sign_file_text(&p->key, SIGN_PACKAGE, sums, len);
		rc = stick_create(tfd, shown, "SIGNATURE", sig, strlen(sig), mode, err);
		free(sig);
	}
	free(sums);
	if (rc != 0)
		return -1;
	/* Read back what the stick holds: a bad stick shows here, not at the district. */
	pkg_in back = { 0 };
	uint8_t pub[SIGN_KEY_SIZE];
	enum sign_state sig;
	if (stick_sync_dir(tfd) != 0) {
		*err = stick_write_error(shown, errno);
		rc = -1;
	} else if ((rc = package_load_at(tfd, shown, &back, err)) == 0) {
		rc = package_signature(&back, &sig, pub, err);
	}
	pkg_in_free(&back);
	return rc;
}

int package_write(const package *p, const char *dest, char **err)
{
	int dfd = stick_dir_open(dest, err);
	if (dfd < 0)
		return -1;
	/* Room for every file and a margin for the filesystem's own blocks. */
	struct statvfs vfs;
	long long need = p->bytes + (long long)(p->n + 3) * 32768;
	if (fstatvfs(dfd, &vfs) == 0 && (long long)vfs.f_bavail * (long long)vfs.f_frsize < need) {
		*err = xasprintf(_("%s: not enough room: the package needs %lld KiB, %lld KiB are free"), dest,
				 need / 1024, (long long)vfs.f_bavail * (long long)vfs.f_frsize / 1024);
		close(dfd);
		return -1;
	}
	const char *final = p->dirname;
	char *tmp = xasprintf(".%s.tmp", final), *old = xasprintf(".%s.old", final);
	char *tmp_shown = stick_path(dest, tmp);
	int rc = -1, moved_old = 0, tfd = -1;
	if (clear_leftovers(dfd, dest, final, tmp, old, err) != 0)
		goto out;
	if (mkdirat(dfd, tmp, p->private_files ? 0700 : 0755) != 0 || (tfd = stick_subdir_open(dfd, tmp)) < 0) {
		*err = stick_write_error(tmp_shown, errno);
		goto out;
	}
	if (write_files(tfd, tmp_shown, p, err) != 0)
		goto fail;
	if (stick_kind(dfd, final) == STICK_DIR) {
		if (renameat(dfd, final, dfd, old) != 0) {
			char *shown = stick_path(dest, final);
			*err = stick_write_error(shown, errno);
			free(shown);
			goto fail;
		}
		moved_old = 1;
	}
	if (renameat(dfd, tmp, dfd, final) != 0) {
		char *shown = stick_path(dest, final);
		*err = stick_write_error(shown, errno);
		free(shown);
		goto fail;
	}
	if (stick_sync_dir(dfd) != 0) {
		*err = stick_write_error(dest, errno);
		goto out;
	}
	if (moved_old)
		stick_remove(dfd, old);
	if (stick_sync(dfd) != 0) {
		*err = stick_write_error(dest, errno);
		goto out;
	}
	rc = 0;
	goto out;
fail:
	stick_remove(dfd, tmp);
	if (moved_old && stick_kind(dfd, final) == STICK_NONE)
		renameat(dfd, old, dfd, final);
out:
	if (tfd >= 0)
		close(tfd);
	close(dfd);
	free(tmp);
	free(old);
	free(tmp_shown);
	return rc;
}
