/* Taking in a district's consolidated export (the region's way, harmless
 * on a district): the district's package checked whole — its checksums,
 * its signature against the key pinned for that district on its first
 * export, every school package it carries against schools.txt — before
 * any school's package is taken, each then as if it came on a stick of
 * its own (district-import.c), its district the export's when it names
 * none. Domain layer. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "db.h"
#include "district-tables.h"
#include "district.h"
#include "keyval.h"
#include "package-read.h"
#include "package-write.h"
#include "stick.h"
#include "store.h"

int district_export_is(const char *dir)
{
	char *manifest = package_read_file(dir, "manifest.txt", NULL), *format = NULL;
	int yes = manifest && (format = keyval_get(manifest, "format")) && strcmp(format, DISTRICT_EXPORT_FORMAT) == 0;
	free(manifest), free(format);
	return yes;
}

/* One package schools.txt lists: the SHA-256 of its SHA256SUMS and of its
 * SIGNATURE ("-": none), its folder in schools/. */
struct carried {
	char sums[65], sig[65];
	char *dir;
};

/* The lines of schools.txt: 0, or -1 with *err naming the line. */
static int read_list(const pkg_in *p, struct carried **out, size_t *n, char **err)
{
	const pkg_file *f = pkg_in_file(p, "schools.txt");
	*out = NULL;
	*n = 0;
	if (!f) {
		*err = xasprintf(_("%s: schools.txt is missing from the district's package"), p->dir);
		return -1;
	}
	long line = 0;
	for (const char *s = f->data; s < f->data + f->len;) {
		const char *nl = memchr(s, '\n', (size_t)(f->data + f->len - s));
		size_t k = nl ? (size_t)(nl - s) : (size_t)(f->data + f->len - s);
		char *text = xstrndup(s, k), sums[65], sig[65], dir[256];
		int used = 0;
		s += k + 1;
		line++;
		int ok = sscanf(text, "%64[0-9a-f] %64[0-9a-f-] %255s%n", sums, sig, dir, &used) == 3 &&
			 (size_t)used == k && strlen(sums) == 64 && (strlen(sig) == 64 || !strcmp(sig, "-")) &&
			 *dir != '.' && !strchr(dir, '/');
		free(text);
		if (!ok || *n == PKG_MAX_CARRIED) {
			*err = !ok ? xasprintf(_("%s/schools.txt:%ld: not a line of the list of packages carried"), p->dir,
					       line)
				   : xasprintf(_("%s/schools.txt:%ld: more than %d packages: a district has fewer"),
					       p->dir, line, PKG_MAX_CARRIED);
			return -1;
		}
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		struct carried *c = &(*out)[(*n)++];
		memcpy(c->sums, sums, 65);
		memcpy(c->sig, sig, 65);
		c->dir = xstrdup(dir);
	}
	return 0;
}

static void list_free(struct carried *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].dir);
	free(v);
}

/* Reads the carried package c of the export at dir into *p: 0 when it is
 * the one the district signed for, else -1 with *err. */
static int load_carried(const char *dir, const struct carried *c, pkg_in *p, char **err)
{
	char *top = stick_path(dir, DISTRICT_EXPORT_SCHOOLS), *path = stick_path(top, c->dir), sig[65] = "-";
	free(top);
	int rc = package_load(path, p, err);
	if (rc == 0 && p->signature)
		package_sha256_hex(p->signature, strlen(p->signature), sig);
	if (rc == 0 && (strcmp(p->digest, c->sums) != 0 || strcmp(sig, c->sig) != 0)) {
		*err = xasprintf(_("%s: not the package the district signed for (changed or swapped after the export"
				   " was written)"), path);
		rc = -1;
	}
	free(path);
	return rc;
}

/* Holds the export's signer against the key pinned for its district,
 * pinning it on the district's first export (*pinned then 1), or in place
 * of another with new_key (*pinned 2). */
static int district_key(sdb *db, const pkg_in *p, const char *code, const char *name, int new_key, int *pinned,
			char **err)
{
	enum sign_state state;
	uint8_t pub[SIGN_KEY_SIZE];
	*pinned = 0;
	if (package_signature(p, &state, pub, err) != 0)
		return -1;
	if (state != SIGN_GOOD) {
		*err = xasprintf(_("%s: the district's package is not signed (SIGNATURE is missing): a district's"
				   " export always is; ask the district for its export again"), p->dir);
		return -1;
	}
	char *setting = xasprintf("district-key.%s", code), *hex = sign_hex(pub, SIGN_KEY_SIZE);
	char *have = db_setting_get(db, setting, err);
	int rc = have || !*err ? 0 : -1;
	if (rc == 0 && have && strcmp(have, hex) != 0 && !new_key) {
		uint8_t old[SIGN_KEY_SIZE];
		sign_unhex(have, old, SIGN_KEY_SIZE);
		char *a = sign_fingerprint(pub), *b = sign_fingerprint(old);
		*err = xasprintf(_("%s: signed by the key %s, but the exports of district %s «%s» come signed by %s:"
				   " nothing was taken in; if the district confirms the new key ('orientir key' shows it"
				   " there), import again with --new-district-key"), p->dir, a, code, name, b);
		free(a), free(b);
		rc = -1;
	} else if (rc == 0 && (!have || strcmp(have, hex) != 0)) {
		rc = sdb_begin(db, err) == 0 && db_setting_set(db, setting, hex, err) == 0 && sdb_commit(db, err) == 0
			     ? 0 : -1;
		if (rc != 0)
			sdb_rollback(db);
		else
			*pinned = have ? 2 : 1;
	}
	free(setting), free(hex), free(have);
	return rc;
}

/* What the export p says of itself (its manifest) and the packages its
 * schools.txt lists: 0, or -1 with *err. */
static int read_head(const pkg_in *p, district_export_info *info, struct carried **v, size_t *n, char **err)
{
	const pkg_file *mf = pkg_in_file(p, "manifest.txt");
	*v = NULL;
	*n = 0;
	if (!mf) {
		*err = xasprintf(_("%s: manifest.txt is missing from the package"), p->dir);
		return -1;
	}
	char **f[] = { &info->code, &info->name, &info->district, &info->period };
	const char *keys[] = { "district_code", "district_name", "district", "period" };
	for (int i = 0; i < 4; i++)
		if (!(*f[i] = keyval_get(mf->data, keys[i])))
			*f[i] = xstrdup("");
	if (!*info->code || !*info->district) {
		*err = xasprintf(_("%s/manifest.txt: the district's code or name is missing"), p->dir);
		return -1;
	}
	return read_list(p, v, n, err);
}

int district_export_about(const char *dir, district_export_info *info, char ***folders, size_t *n, char **err)
{
	pkg_in p;
	struct carried *v = NULL;
	*info = (district_export_info){ 0 };
	*folders = NULL;
	*n = 0;
	int rc = package_load(dir, &p, err);
	if (rc == 0)
		rc = read_head(&p, info, &v, n, err);
	if (rc == 0) {
		*folders = xcalloc(*n + 1, sizeof **folders);
		for (size_t i = 0; i < *n; i++)
			(*folders)[i] = xstrdup(v[i].dir);
	}
	pkg_in_free(&p);
	list_free(v, *n);
	if (rc != 0)
		*n = 0;
	return rc;
}

int district_import_export(sdb *db, const char *dir, const char *received_at, int new_key, district_export_info *info,
			   void (*each)(void *ctx, pkg_import *r), void *ctx, char **err)
{
	pkg_in p;
	struct carried *v = NULL;
	size_t n = 0;
	*info = (district_export_info){ 0 };
	int rc = package_load(dir, &p, err);
	if (rc == 0)
		rc = read_head(&p, info, &v, &n, err);
	/* Every package checked before any is taken: a broken export brings nothing. */
	for (size_t i = 0; rc == 0 && i < n; i++) {
		pkg_in c;
		rc = load_carried(dir, &v[i], &c, err);
		pkg_in_free(&c);
	}
	if (rc == 0)
		rc = district_key(db, &p, info->code, info->name, new_key, &info->pinned, err);
	pkg_in_free(&p);
	info->carried = rc == 0 ? n : 0;
	for (size_t i = 0; rc == 0 && i < n; i++) {
		char *top = stick_path(dir, DISTRICT_EXPORT_SCHOOLS);
		pkg_import r = { .dir = stick_path(top, v[i].dir), .outcome = PKG_REFUSED, .via = xstrdup(info->district) };
		free(top);
		pkg_in c;
		char *why = NULL;
		/* read again: what is taken is what was checked, or it is refused */
		int loaded = load_carried(dir, &v[i], &c, &why) == 0;
		if (district_take_loaded(db, &c, loaded ? NULL : why, received_at, &r) != 0) {
			*err = xstrdup(r.reason ? r.reason : "?");
			rc = -1;
		}
		each(ctx, &r);
		pkg_import_clear(&r);
	}
	list_free(v, n);
	return rc;
}

void district_export_info_clear(district_export_info *info)
{
	free(info->code), free(info->name), free(info->district), free(info->period);
	*info = (district_export_info){ 0 };
}
