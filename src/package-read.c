#include "config.h"

#include <errno.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cell.h"
#include "common.h"
#include "package-read.h"
#include "receipt.h"
#include "stick.h"
#include "utf8.h"

void package_sha256_hex(const void *data, size_t len, char out[65])
{
	struct sha256_ctx ctx;
	uint8_t d[SHA256_DIGEST_SIZE];
	sha256_init(&ctx);
	sha256_update(&ctx, len, data);
	sha256_digest(&ctx, sizeof d, d);
	for (size_t i = 0; i < sizeof d; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

/* Files of a package folder that are not its contents: the checksums, the
 * signature, the district's receipt and one being written. */
static int ours(const char *name)
{
	return !strcmp(name, "SHA256SUMS") || !strcmp(name, "SIGNATURE") || !strcmp(name, RECEIPT_FILE) ||
	       !strcmp(name, "." RECEIPT_FILE ".tmp");
}

/* A name SHA256SUMS may list: a plain, visible file of the folder. */
static int plain_name(const char *s)
{
	return *s && *s != '.' && !strchr(s, '/') && strlen(s) <= 255 && utf8_find_control(s) < 0 && !ours(s);
}

static int is_hex64(const char *s, size_t n)
{
	if (n != 64)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!strchr("0123456789abcdefABCDEF", s[i]))
			return 0;
	return 1;
}

/* One line of SHA256SUMS (without its line end) into its hash and name:
 * 0, or -1 when it is not one of sha256sum's forms. */
static int sums_line(const char *s, size_t n, char **hash, char **name)
{
	const char *h, *nm;
	size_t hl, nl;
	if (n > 10 && !strncmp(s, "SHA256 (", 8)) {
		/* The BSD form: SHA256 (NAME) = HASH */
		const char *eq = NULL;
		for (size_t i = n; i-- > 8;)
			if (i + 4 <= n && !strncmp(s + i, ") = ", 4)) {
				eq = s + i;
				break;
			}
		if (!eq)
			return -1;
		nm = s + 8, nl = (size_t)(eq - nm), h = eq + 4, hl = n - (size_t)(h - s);
	} else {
		/* HASH, a space, then a space (text) or '*' (binary), then NAME. */
		if (n < 67 || s[64] != ' ' || (s[65] != ' ' && s[65] != '*'))
			return -1;
		h = s, hl = 64, nm = s + 66, nl = n - 66;
	}
	if (!is_hex64(h, hl))
		return -1;
	*hash = xstrndup(h, hl);
	for (char *c = *hash; *c; c++)
		if (*c >= 'A' && *c <= 'F')
			*c = (char)(*c - 'A' + 'a');
	*name = xstrndup(nm, nl);
	return 0;
}

int package_sums_parse(const char *text, size_t len, const char *shown, char ***names, char ***hashes, size_t *n,
		       char **err)
{
	*names = *hashes = NULL;
	*n = 0;
	long line = 0;
	for (size_t i = 0; i < len;) {
		const char *s = text + i, *nl = memchr(s, '\n', len - i);
		size_t k = nl ? (size_t)(nl - s) : len - i;
		i += k + (nl != NULL);
		line++;
		if (k && s[k - 1] == '\r')
			k--;
		int blank = 1;
		for (size_t j = 0; j < k && blank; j++)
			blank = s[j] == ' ' || s[j] == '\t';
		if (blank)
			continue;
		char *hash = NULL, *name = NULL, *why = NULL;
		if (memchr(s, '\0', k) || sums_line(s, k, &hash, &name) != 0)
			why = xstrdup(_("not a line sha256sum writes"));
		else if (!plain_name(name))
			why = xasprintf(_("«%s» is not a file of the package folder"), cell_shown(name));
		for (size_t j = 0; !why && j < *n; j++)
			if (!strcmp((*names)[j], name))
				why = xasprintf(_("%s is listed twice"), cell_shown(name));
		if (!why && *n == PKG_MAX_LISTED)
			why = xasprintf(_("more than %d files are listed; a package has fewer"), PKG_MAX_LISTED);
		if (why) {
			*err = xasprintf(_("%s:%ld: %s"), shown, line, why);
			free(why), free(hash), free(name);
			for (size_t j = 0; j < *n; j++)
				free((*names)[j]), free((*hashes)[j]);
			free(*names), free(*hashes);
			*names = *hashes = NULL;
			*n = 0;
			return -1;
		}
		*names = xrealloc(*names, (*n + 1) * sizeof **names);
		*hashes = xrealloc(*hashes, (*n + 1) * sizeof **hashes);
		(*names)[*n] = name;
		(*hashes)[(*n)++] = hash;
	}
	return 0;
}

const pkg_file *pkg_in_file(const pkg_in *p, const char *name)
{
	for (size_t i = 0; i < p->n; i++)
		if (!strcmp(p->files[i].name, name))
			return &p->files[i];
	return NULL;
}

/* Checks each of p's files against the hash SHA256SUMS gives it. */
static int check_files(const pkg_in *p, char **const hashes, char **err)
{
	for (size_t i = 0; i < p->n; i++) {
		char got[65];
		package_sha256_hex(p->files[i].data, p->files[i].len, got);
		if (strcmp(got, hashes[i]) != 0) {
			*err = xasprintf(_("%s: %s does not match its checksum (damaged or changed)"), p->dir,
					 p->files[i].name);
			return -1;
		}
	}
	return 0;
}

static void free_strings(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int package_check_sums(const pkg_in *p, char **err)
{
	char **names, **hashes, *shown = stick_path(p->dir, "SHA256SUMS");
	size_t n;
	int rc = -1;
	if (!p->sums)
		*err = xasprintf(_("%s: no SHA256SUMS: the package is incomplete"), p->dir);
	else if (package_sums_parse(p->sums, p->sums_len, shown, &names, &hashes, &n, err) == 0) {
		rc = n != p->n ? -1 : 0;
		for (size_t i = 0; rc == 0 && i < n; i++)
			if (strcmp(names[i], p->files[i].name) != 0)
				rc = -1;
		if (rc != 0)
			*err = xasprintf(_("%s: the files kept are not the ones SHA256SUMS lists"), p->dir);
		else
			rc = check_files(p, hashes, err);
		free_strings(names, n);
		free_strings(hashes, n);
	}
	free(shown);
	return rc;
}

/* Reads what SHA256SUMS lists, within the limits, checking each file. */
static int read_listed(int dfd, pkg_in *p, char **err)
{
	char **names, **hashes, *shown = stick_path(p->dir, "SHA256SUMS");
	size_t n;
	int rc = package_sums_parse(p->sums, p->sums_len, shown, &names, &hashes, &n, err);
	free(shown);
	if (rc != 0)
		return -1;
	if (n == 0) {
		*err = xasprintf(_("%s: SHA256SUMS is empty"), p->dir);
		rc = -1;
	}
	long long total = 0;
	p->files = xcalloc(n, sizeof *p->files);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		size_t len;
		char *data = stick_read(dfd, p->dir, names[i], PKG_MAX_FILE, &len, err);
		if (!data) {
			rc = -1;
			break;
		}
		p->files[p->n++] = (pkg_file){ xstrdup(names[i]), data, len };
		if ((total += (long long)len) > PKG_MAX_TOTAL) {
			*err = xasprintf(_("%s: the files together are larger than %ld MiB, more than a school's package"
					   " can be: it was not read"), p->dir, PKG_MAX_TOTAL >> 20);
			rc = -1;
		}
	}
	if (rc == 0)
		rc = check_files(p, hashes, err);
	free_strings(names, n);
	free_strings(hashes, n);
	return rc;
}

/* The folder's other entries, named for the summary and the receipt. */
static void find_unlisted(int dfd, pkg_in *p)
{
	char **names;
	size_t n;
	if (stick_list(dfd, PKG_MAX_ENTRIES, &names, &n) != 0)
		return;
	for (size_t i = 0; i < n; i++)
		if (!ours(names[i]) && !pkg_in_file(p, names[i])) {
			p->unlisted = xrealloc(p->unlisted, (p->nunlisted + 1) * sizeof *p->unlisted);
			p->unlisted[p->nunlisted++] = xstrdup(names[i]);
		}
	stick_list_free(names, n);
}

int package_load_at(int dfd, const char *dir, pkg_in *out, char **err)
{
	*out = (pkg_in){ .dir = xstrdup(dir) };
	char *ignored = NULL;
	out->manifest = stick_read(dfd, dir, "manifest.txt", PKG_MAX_SMALL, NULL, &ignored);
	free(ignored);
	out->sums = stick_read(dfd, dir, "SHA256SUMS", PKG_MAX_SMALL, &out->sums_len, err);
	if (!out->sums) {
		if (errno == ENOENT) {
			free(*err);
			*err = xasprintf(_("%s: no SHA256SUMS: the package is incomplete"), dir);
		}
		return -1;
	}
	package_sha256_hex(out->sums, out->sums_len, out->digest);
	out->signature = stick_read(dfd, dir, "SIGNATURE", PKG_MAX_SMALL, NULL, err);
	if (!out->signature) {
		if (errno != ENOENT)
			return -1;
		free(*err);
		*err = NULL;
	}
	if (read_listed(dfd, out, err) != 0)
		return -1;
	find_unlisted(dfd, out);
	return 0;
}

int package_load(const char *dir, pkg_in *out, char **err)
{
	int dfd = stick_dir_open(dir, err);
	if (dfd < 0) {
		*out = (pkg_in){ .dir = xstrdup(dir) };
		return -1;
	}
	int rc = package_load_at(dfd, dir, out, err);
	close(dfd);
	return rc;
}

int package_signature(const pkg_in *p, enum sign_state *state, uint8_t pub[SIGN_KEY_SIZE], char **err)
{
	*state = p->sums ? sign_file_check(p->signature, SIGN_PACKAGE, p->sums, p->sums_len, pub) : SIGN_NONE;
	if (*state != SIGN_BAD)
		return 0;
	*err = xasprintf(_("%s: SIGNATURE does not match SHA256SUMS: the package was changed after it was signed"),
			 p->dir);
	return -1;
}

void pkg_files_add(pkg_file **files, size_t *n, const char *name, const void *data, size_t len)
{
	*files = xrealloc(*files, (*n + 1) * sizeof **files);
	(*files)[(*n)++] = (pkg_file){ xstrdup(name), len ? xstrndup(data, len) : xstrdup(""), len };
}

void pkg_in_free(pkg_in *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->files[i].name);
		free(p->files[i].data);
	}
	free(p->files);
	free(p->dir), free(p->sums), free(p->signature), free(p->manifest);
	free_strings(p->unlisted, p->nunlisted);
	*p = (pkg_in){ 0 };
}
