/* Taking in a school's report package: checked whole before anything is
 * kept, the newest version per school and half-year winning, results kept
 * per school and year from the newest package carrying that year, and a
 * receipt left beside the package for the school to see. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cell.h"
#include "common.h"
#include "day.h"
#include "db-district.h"
#include "db.h"
#include "district-tables.h"
#include "district.h"
#include "keyval.h"
#include "package-write.h"
#include "num.h"
#include "package.h"
#include "receipt.h"
#include "store.h"
#include "strmap.h"

static const char *const required_files[] = { "manifest.txt", "indicators.csv", "roadmap.csv", "results.csv",
					      "staff.csv", "events.csv" };

static int is_package(const char *dir)
{
	char *m = xasprintf("%s/manifest.txt", dir);
	struct stat st;
	int yes = stat(m, &st) == 0 && S_ISREG(st.st_mode);
	free(m);
	return yes;
}

int district_find_packages(const char *path, char ***dirs, size_t *n, char **err)
{
	*dirs = NULL;
	*n = 0;
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
		*err = xasprintf(_("%s: not a folder"), path);
		return -1;
	}
	if (is_package(path)) {
		*dirs = xmalloc(sizeof **dirs);
		(*dirs)[(*n)++] = xstrdup(path);
		return 0;
	}
	char **names;
	size_t k;
	if (package_folders(path, "", &names, &k) != 0) {
		*err = xasprintf(_("%s: cannot read the folder"), path);
		return -1;
	}
	for (size_t i = 0; i < k; i++) {
		char *sub = xasprintf("%s/%s", path, names[i]);
		if (is_package(sub)) {
			*dirs = xrealloc(*dirs, (*n + 1) * sizeof **dirs);
			(*dirs)[(*n)++] = sub;
		} else {
			free(sub);
		}
	}
	package_folders_free(names, k);
	return 0;
}

void district_dirs_free(char **dirs, size_t n)
{
	package_folders_free(dirs, n);
}

const char *pkg_outcome_title(enum pkg_outcome o)
{
	switch (o) {
	case PKG_NEW: return _("accepted");
	case PKG_REPLACED: return _("accepted, replaces the earlier version");
	case PKG_UNCHANGED: return _("unchanged: this very package was received before");
	case PKG_OLDER: return _("older than the one we have, ignored");
	default: return _("refused");
	}
}

const char *pkg_outcome_code(enum pkg_outcome o)
{
	static const char *const codes[] = { "accepted", "replaced", "unchanged", "older", "refused" };
	return codes[o];
}

static void add_text(char ***v, size_t *n, char *text)
{
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = text;
}

void pkg_note(pkg_import *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	add_text(&r->notes, &r->nnotes, s);
	add_text(&r->remarks, &r->nremarks, xstrdup(s));
}

/* A note for the methodist, and in its place on the receipt what the school
 * can do about it (both fresh, taken). */
static void pkg_note_apart(pkg_import *r, char *for_district, char *for_school)
{
	add_text(&r->notes, &r->nnotes, for_district);
	add_text(&r->remarks, &r->nremarks, for_school);
}

int pkg_refuse(pkg_import *r, char *reason)
{
	if (!r->reason)
		r->reason = reason;
	else
		free(reason);
	r->outcome = PKG_REFUSED;
	return -1;
}

/* --- the manifest --- */

/* "2026-06-18T10:22:03": the form created_at and received_at take. */
static int is_timestamp(const char *s)
{
	int y, mo, d, h, mi, se, n = 0;
	return s && sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &se, &n) == 6 && n == 19 &&
	       s[19] == '\0' && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h < 24 && mi < 60 && se < 61;
}

/* Reads the package's manifest into p and r (as much as there is, so that
 * even a refused package's receipt names it), then checks its checksums
 * and that every file is there and the manifest is one we read. */
static int read_manifest(const char *dir, pkg_import *r, d_package *p, char *digest)
{
	char *err = NULL, *m = package_read_file(dir, "manifest.txt", NULL);
	char *format = m ? keyval_get(m, "format") : NULL;
	char **f[] = { &p->school_code, &p->school_name, &p->district, &p->period, &p->created_at, &p->app_version };
	const char *keys[] = { "school_code", "school_name", "district", "period", "created_at", "app_version" };
	for (int i = 0; i < 6; i++)
		if (!m || !(*f[i] = keyval_get(m, keys[i])))
			*f[i] = xstrdup("");
	free(m);
	r->school_code = xstrdup(p->school_code);
	r->school_name = xstrdup(p->school_name);
	r->period = xstrdup(p->period);
	r->created_at = xstrdup(p->created_at);
	int rc = 0, year, half;
	/* Taken before the check, so that even a refusal's receipt names the
	 * version it is about, and the school can tell it from a later one. */
	int have_sums = package_digest(dir, digest) == 0;
	if (package_verify(dir, &err) != 0 || !have_sums) {
		rc = pkg_refuse(r, err ? err : xasprintf(_("%s: no SHA256SUMS: the package is incomplete"), dir));
		goto out;
	}
	char *sums = package_read_file(dir, "SHA256SUMS", NULL);
	for (size_t i = 0; i < sizeof required_files / sizeof *required_files && rc == 0; i++) {
		char *listed = xasprintf("  %s\n", required_files[i]);
		if (!sums || !strstr(sums, listed))
			rc = pkg_refuse(r, xasprintf(_("%s: %s is missing from the package"), dir, required_files[i]));
		free(listed);
	}
	free(sums);
	if (rc != 0)
		goto out;
	if (!format || strcmp(format, PACKAGE_FORMAT) != 0)
		rc = pkg_refuse(r, xasprintf(_("%s/manifest.txt: the format «%s» is not one this orientir reads (%s);"
					   " a newer orientir may read it"), dir, format ? format : "", PACKAGE_FORMAT));
	else if (!*p->school_code || !*p->school_name)
		rc = pkg_refuse(r, xasprintf(_("%s/manifest.txt: no school code or name"), dir));
	else if (half_parse(p->period, &year, &half) != 0)
		rc = pkg_refuse(r, xasprintf(_("%s/manifest.txt: «%s» is not a half-year"), dir, p->period));
	else if (!is_timestamp(p->created_at))
		rc = pkg_refuse(r, xasprintf(_("%s/manifest.txt: «%s» is not the time the package was made"), dir,
					 p->created_at));
out:
	free(format);
	return rc;
}

/* --- what changed --- */

static void keep_old(void *ctx, const char *key, double percent)
{
	strmap_put(ctx, key, (long long)(percent * 10 + (percent < 0 ? -0.5 : 0.5)));
}

struct moved {
	pkg_import *r;
	strmap *old;
	int shown, more;
};

static void compare_new(void *ctx, const char *key, double percent)
{
	struct moved *m = ctx;
	long long was, now = (long long)(percent * 10 + (percent < 0 ? -0.5 : 0.5));
	if (!strmap_get(m->old, key, &was) || was == now)
		return;
	if (m->shown++ >= 8) {
		m->more++;
		return;
	}
	/* key: code|procedure|subject|year */
	char *k = xstrdup(key), *proc = strchr(k, '|'), *subj = proc ? strchr(proc + 1, '|') : NULL;
	char *year = subj ? strchr(subj + 1, '|') : NULL;
	if (year) {
		*proc++ = *subj++ = *year++ = '\0';
		char *a = num_tenths(was), *b = num_tenths(now);
		pkg_note(m->r, _("%s %s %s %s: %s %% → %s %%"), k, proc, subj, year, a, b);
		free(a), free(b);
	}
	free(k);
}

/* --- one package --- */

static void write_receipt(sqlite3 *db, const char *digest, const char *received_at, pkg_import *r)
{
	school office = { 0 };
	char *err = NULL;
	if (db_school_get(db, &office, &err) != 1)
		office.name = xstrdup("");
	free(err);
	err = NULL;
	/* A refused package's receipt gives the reason alone: notes made before
	 * the refusal describe a change that did not happen. */
	int n = r->reason ? 1 : (int)r->nremarks;
	char **remarks = r->reason ? &r->reason : r->remarks;
	receipt rc = { r->school_code ? r->school_code : "", r->period ? r->period : "",
		       r->created_at ? r->created_at : "", (char *)digest, (char *)received_at,
		       office.name, (char *)pkg_outcome_code(r->outcome), remarks, n };
	if (receipt_write(r->dir, &rc, &err) != 0)
		r->receipt_error = err;
	school_clear(&office);
}

/* Stores a new or newer package: the school, the package, its tables. */
static int store_package(sqlite3 *db, const char *dir, d_package *p, const d_package *held, pkg_import *r)
{
	char *err = NULL;
	d_school s = { 0 };
	int known = db_d_school_get(db, p->school_code, &s, &err);
	if (known < 0)
		return pkg_refuse(r, err);
	if (!known && db_d_school_put(db, p->school_code, p->school_name, 0, &err) != 0)
		return pkg_refuse(r, err);
	if (known && strcmp(s.name, p->school_name) != 0) {
		if (db_d_school_set_other_name(db, p->school_code, p->school_name, &err) != 0) {
			d_school_clear(&s);
			return pkg_refuse(r, err);
		}
		char *ours = xquote(s.name), *theirs = xquote(p->school_name);
		pkg_note_apart(r, xasprintf(_("the package names the school %s, the district knows code %s as %s: confirm"
					      " which is right"), theirs, p->school_code, ours),
			       xasprintf(_("the district knows code %s as %s, the package says %s: if the school's own"
					   " name is wrong, correct it in Settings and write the package again; if the"
					   " district's is out of date, tell the methodist"), p->school_code, ours, theirs));
		free(ours), free(theirs);
	} else if (known && *s.other_name && db_d_school_set_other_name(db, p->school_code, NULL, &err) != 0) {
		d_school_clear(&s);
		return pkg_refuse(r, err);
	}
	d_school_clear(&s);
	long old_id = held ? held->id : 0;
	/* The old version's indicators are read before it goes. */
	strmap *old = strmap_new();
	if (old_id && db_d_indicator_each(db, old_id, keep_old, old, &err) != 0) {
		strmap_free(old);
		return pkg_refuse(r, err);
	}
	if (db_d_package_put(db, p, &err) != 0) {
		strmap_free(old);
		return pkg_refuse(r, err);
	}
	pkg_reader rd = { db, r, dir, NULL, 1, p->id, p->created_at, { 0 }, { 0 }, 0, 0 };
	int rc = pkg_read_tables(&rd);
	if (rc == 0 && old_id) {
		struct moved m = { r, old, 0, 0 };
		if (db_d_indicator_each(db, p->id, compare_new, &m, &err) != 0)
			rc = pkg_refuse(r, err);
		else if (m.shown == 0)
			pkg_note(r, _("no indicator moved"));
		else if (m.more)
			pkg_note(r, ngettext("and %d more indicator moved", "and %d more indicators moved",
					 (unsigned long)m.more), m.more);
	}
	strmap_free(old);
	r->results = rd.rows;
	return rc;
}

int district_import_package(sqlite3 *db, const char *dir, const char *received_at, pkg_import *r)
{
	*r = (pkg_import){ .dir = xstrdup(dir), .outcome = PKG_REFUSED };
	d_package p = { 0 }, held = { 0 };
	char digest[65] = "", *err = NULL;
	int rc = 0, have = 0;
	if (read_manifest(dir, r, &p, digest) != 0)
		goto receipt;
	if (db_begin(db, &err) != 0) {
		rc = -1;
		pkg_refuse(r, err);
		goto out;
	}
	have = db_d_package_get(db, p.school_code, p.period, &held, &err);
	if (have < 0) {
		rc = -1;
		pkg_refuse(r, err);
		db_rollback(db);
		goto out;
	}
	p.digest = xstrdup(digest);
	p.received_at = xstrdup(received_at);
	p.first_received_at = xstrdup(have ? held.first_received_at : received_at);
	p.source = xstrdup(dir);
	if (have && strcmp(held.digest, digest) == 0) {
		r->outcome = PKG_UNCHANGED;
		char *when = district_time_text(held.received_at);
		pkg_note(r, _("first received %s"), when);
		free(when);
	} else if (have && strcmp(p.created_at, held.created_at) <= 0) {
		r->outcome = PKG_OLDER;
		char *when = district_time_text(held.created_at);
		/* Times have whole seconds: two different versions made in the
		 * same one cannot be ordered, and the one held stays. */
		if (strcmp(p.created_at, held.created_at) == 0)
			pkg_note(r, _("another version was made in the same second (%s); the district keeps the one it"
				      " has: write the package again and bring the new one"), when);
		else
			pkg_note(r, _("the district has the version made %s"), when);
		free(when);
	} else {
		r->outcome = have ? PKG_REPLACED : PKG_NEW;
		if (store_package(db, dir, &p, have ? &held : NULL, r) != 0) {
			db_rollback(db);
			goto receipt;
		}
	}
	if (r->outcome == PKG_UNCHANGED || r->outcome == PKG_OLDER) {
		/* Not kept, but still read through: a damaged copy is told. */
		pkg_reader rd = { db, r, dir, NULL, 0, 0, p.created_at, { 0 }, { 0 }, 0, 0 };
		if (pkg_read_tables(&rd) != 0) {
			db_rollback(db);
			goto receipt;
		}
	}
	if (db_commit(db, &err) != 0) {
		rc = -1;
		pkg_refuse(r, err);
		goto out;
	}
receipt:
	write_receipt(db, digest, received_at, r);
out:
	d_package_clear(&p);
	if (have > 0)
		d_package_clear(&held);
	return rc;
}

void pkg_import_clear(pkg_import *r)
{
	free(r->dir), free(r->school_code), free(r->school_name), free(r->period), free(r->created_at);
	free(r->reason), free(r->receipt_error);
	for (size_t i = 0; i < r->nnotes; i++)
		free(r->notes[i]);
	free(r->notes);
	for (size_t i = 0; i < r->nremarks; i++)
		free(r->remarks[i]);
	free(r->remarks);
	*r = (pkg_import){ 0 };
}
