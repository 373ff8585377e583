/* Taking in a school's report package: read once into memory and checked
 * whole before anything is kept, its signature held against the key
 * pinned for its school, the newest version per school and half-year
 * winning, results kept per school and year from the newest package
 * carrying that year, a receipt left beside the package for the school to
 * see; and the packages held apart for the methodist to decide on. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cell.h"
#include "common.h"
#include "day.h"
#include "db-district.h"
#include "db.h"
#include "district-tables.h"
#include "district.h"
#include "identity.h"
#include "keys.h"
#include "keyval.h"
#include "package-read.h"
#include "package-write.h"
#include "num.h"
#include "package.h"
#include "receipt.h"
#include "stick.h"
#include "store.h"
#include "strmap.h"

/* Whether dir is a package: it has something called manifest.txt (what
 * that is, is for the import to judge and tell). */
static int is_package(const char *dir)
{
	char *err = NULL;
	int dfd = stick_dir_open(dir, &err);
	free(err);
	if (dfd < 0)
		return 0;
	int yes = stick_kind(dfd, "manifest.txt") != STICK_NONE;
	close(dfd);
	return yes;
}

int district_find_packages(const char *path, char ***dirs, size_t *n, char **err)
{
	*dirs = NULL;
	*n = 0;
	int dfd = stick_dir_open(path, err);
	if (dfd < 0) {
		free(*err);
		*err = xasprintf(_("%s: not a folder"), path);
		return -1;
	}
	close(dfd);
	if (is_package(path)) {
		*dirs = xmalloc(sizeof **dirs);
		(*dirs)[(*n)++] = xstrdup(path);
		return 0;
	}
	char **names;
	size_t k;
	if (package_folders(path, "", &names, &k) != 0) {
		*err = errno == E2BIG ? xasprintf(_("%s: more than %d entries in the folder: put the packages into"
						    " several folders and import each"), path, PKG_MAX_FOLDER)
				      : xasprintf(_("%s: cannot read the folder"), path);
		return -1;
	}
	for (size_t i = 0; i < k; i++) {
		char *sub = stick_path(path, names[i]);
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
	case PKG_HELD: return _("held for a decision");
	default: return _("refused");
	}
}

const char *pkg_outcome_code(enum pkg_outcome o)
{
	static const char *const codes[] = { "accepted", "replaced", "unchanged", "older", "held", "refused" };
	return codes[o];
}

const char *district_held_reason(const char *reason)
{
	if (strcmp(reason, "unknown_school") == 0)
		return _("the school is not on the district's list");
	if (strcmp(reason, "other_key") == 0)
		return _("signed by another key than the school's");
	return _("not signed, though the school's key is known");
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

/* --- what a package says of itself --- */

/* "2026-06-18T10:22:03" as seconds since 1970 (local time, no zones: both
 * sides of a comparison are the same clock's), or -1 when it is not one. */
static long long timestamp_seconds(const char *s)
{
	int y, mo, d, h, mi, se, n = 0;
	long day;
	if (!s || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &se, &n) != 6 || n != 19 ||
	    s[19] != '\0' || !(day = day_make(y, mo, d)) || h > 23 || mi > 59 || se > 60)
		return -1;
	return (long long)day_diff(19700101, day) * 86400 + h * 3600 + mi * 60 + se;
}

/* The manifest's values into r (as much as there is: even a refused
 * package's receipt names it), the whole into m. */
static void manifest_values(const char *text, pkg_import *r, d_package *m)
{
	char **f[] = { &m->school_code, &m->school_name, &m->district, &m->period, &m->created_at, &m->app_version };
	const char *keys[] = { "school_code", "school_name", "district", "period", "created_at", "app_version" };
	for (int i = 0; i < 6; i++)
		if (!text || !(*f[i] = keyval_get(text, keys[i])))
			*f[i] = xstrdup("");
	char **g[] = { &r->school_code, &r->school_name, &r->period, &r->created_at };
	const char *v[] = { m->school_code, m->school_name, m->period, m->created_at };
	for (int i = 0; i < 4; i++) {
		free(*g[i]);
		*g[i] = xstrdup(v[i]);
	}
}

static const char *const required_files[] = { "manifest.txt", "indicators.csv", "roadmap.csv", "results.csv",
					      "staff.csv", "events.csv" };

/* pkg_check with the manifest's values kept in m. */
static int check(const pkg_in *p, const char *received_at, pkg_import *r, d_package *m, enum sign_state *sig,
		 uint8_t key[SIGN_KEY_SIZE])
{
	const pkg_file *mf = pkg_in_file(p, "manifest.txt");
	manifest_values(mf ? mf->data : p->manifest, r, m);
	if (!*m->district && r->via) {
		free(m->district);
		m->district = xstrdup(r->via);
	}
	for (size_t i = 0; i < sizeof required_files / sizeof *required_files; i++)
		if (!pkg_in_file(p, required_files[i]))
			return pkg_refuse(r, xasprintf(_("%s: %s is missing from the package"), p->dir,
						       required_files[i]));
	char *format = keyval_get(mf->data, "format"), *why = NULL;
	int year, half, rc = -1;
	enum identity_field bad;
	long long made = timestamp_seconds(m->created_at), came = timestamp_seconds(received_at);
	if (!format || strcmp(format, PACKAGE_FORMAT) != 0) {
		pkg_refuse(r, xasprintf(_("%s/manifest.txt: the format «%s» is not one this orientir reads (%s);"
					  " a newer orientir may read it"), p->dir, cell_shown(format), PACKAGE_FORMAT));
	} else if (identity_check(m->school_code, m->school_name, m->district, &bad, &why) != 0) {
		pkg_refuse(r, xasprintf(_("%s/manifest.txt: %s"), p->dir, why));
	} else if (half_parse(m->period, &year, &half) != 0) {
		pkg_refuse(r, xasprintf(_("%s/manifest.txt: «%s» is not a half-year"), p->dir, cell_shown(m->period)));
	} else if (made < 0) {
		pkg_refuse(r, xasprintf(_("%s/manifest.txt: «%s» is not the time the package was made"), p->dir,
					cell_shown(m->created_at)));
	} else if (came >= 0 && made > came + 86400) {
		char *a = district_time_text(m->created_at), *b = district_time_text(received_at);
		pkg_refuse(r, xasprintf(_("%s/manifest.txt: the package says it was made %s, more than a day after it"
					  " came (%s): a package cannot come from the future; check the date on the"
					  " school's computer and write it again"), p->dir, a, b));
		free(a), free(b);
	} else if (package_signature(p, sig, key, &why) != 0) {
		pkg_refuse(r, why);
		why = NULL;
	} else {
		rc = 0;
	}
	free(format);
	free(why);
	return rc;
}

int pkg_check(const pkg_in *p, const char *received_at, pkg_import *r, enum sign_state *sig,
	      uint8_t key[SIGN_KEY_SIZE])
{
	d_package m = { 0 };
	int rc = check(p, received_at, r, &m, sig, key);
	d_package_clear(&m);
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
		pkg_note(m->r, _("%s %s %s %s: %s %% → %s %%"), k, cell_shown(proc), cell_shown(subj), year, a, b);
		free(a), free(b);
	}
	free(k);
}

/* --- one package --- */

static void write_receipt(const char *office, const char *digest, const char *received_at, const sign_key *key,
			  pkg_import *r)
{
	char *err = NULL;
	/* A refused package's receipt gives the reason alone: notes made before
	 * the refusal describe a change that did not happen. */
	int n = r->reason ? 1 : (int)r->nremarks;
	char **remarks = r->reason ? &r->reason : r->remarks;
	receipt rc = { r->school_code ? r->school_code : "", r->period ? r->period : "",
		       r->created_at ? r->created_at : "", (char *)digest, (char *)received_at,
		       (char *)office, (char *)pkg_outcome_code(r->outcome), remarks, n, SIGN_NONE, { 0 } };
	if (receipt_write(r->dir, &rc, key, &err) != 0)
		r->receipt_error = err;
}

/* Reads the tables through without keeping them: a damaged copy is told. */
static int read_through(const pkg_in *p, const d_package *m, pkg_import *r)
{
	pkg_reader rd = { .r = r, .pkg = p, .created_at = m->created_at };
	return pkg_read_tables(&rd);
}

/* p whole, as it came: its checksums, its signature, its files, as n
 * names, bytes and lengths (fresh arrays of borrowed pointers). */
static size_t package_parts(const pkg_in *p, const char ***names, const char ***data, size_t **lens)
{
	size_t n = 0;
	*names = xcalloc(p->n + 2, sizeof **names), *data = xcalloc(p->n + 2, sizeof **data);
	*lens = xcalloc(p->n + 2, sizeof **lens);
	(*names)[n] = "SHA256SUMS", (*data)[n] = p->sums, (*lens)[n++] = p->sums_len;
	if (p->signature)
		(*names)[n] = "SIGNATURE", (*data)[n] = p->signature, (*lens)[n++] = strlen(p->signature);
	for (size_t i = 0; i < p->n; i++)
		(*names)[n] = p->files[i].name, (*data)[n] = p->files[i].data, (*lens)[n++] = p->files[i].len;
	return n;
}

/* Holds p apart for reason, its tables read through first: only a sound
 * package waits for a decision. */
static int hold(sdb *db, const pkg_in *p, const d_package *m, const char *reason, const char *signer,
		const char *received_at, pkg_import *r)
{
	if (read_through(p, m, r) != 0)
		return 0;
	d_held h = { 0, m->school_code, m->school_name, m->period, m->created_at, (char *)p->digest, (char *)signer,
		     (char *)reason, (char *)received_at, p->dir, NULL, NULL };
	const char **names, **data;
	size_t *lens, n = package_parts(p, &names, &data, &lens);
	char *err = NULL;
	int rc = db_d_held_put(db, &h, names, data, lens, n, &err);
	free(names), free(data), free(lens);
	if (rc != 0) {
		pkg_refuse(r, err);
		return -1;
	}
	r->outcome = PKG_HELD;
	r->held_id = h.id;
	pkg_note(r, _("held for the methodist: %s"), district_held_reason(reason));
	return 0;
}

/* The office the database belongs to, its fields "" where it has none
 * yet: read once a package, as the role and the name serve all of it. */
static void office_of(sdb *db, school *out)
{
	char *err = NULL;
	if (db_school_get(db, out, &err) != 1)
		*out = (school){ xstrdup(""), xstrdup(""), xstrdup(""), xstrdup(""), xstrdup("") };
	free(err);
}

/* Keeps p's files with its package id, on a district: its export carries
 * them to the region (the region exports nothing further). Not a package
 * with pupils' names: the district keeps none, and sends none on. */
static int keep_files(sdb *db, int region, const pkg_in *p, long id, char **err)
{
	char *named = keyval_get(pkg_in_file(p, "manifest.txt")->data, "with_names");
	int skip = (named && strcmp(named, "yes") == 0) || region;
	free(named);
	if (skip)
		return 0;
	const char **names, **data;
	size_t *lens, n = package_parts(p, &names, &data, &lens);
	int rc = db_d_package_files_put(db, id, names, data, lens, n, err);
	free(names), free(data), free(lens);
	return rc;
}

/* Stores a new or newer package: the school (a new one when accepting),
 * its key, the package, its tables; region: the office is the region's. */
static int store_package(sdb *db, int region, const pkg_in *p, d_package *m, const d_package *held, const char *signer,
			 int accepting, pkg_import *r)
{
	char *err = NULL;
	d_school s = { 0 };
	int known = db_d_school_get(db, m->school_code, &s, &err);
	if (known < 0)
		return pkg_refuse(r, err);
	if (!known && db_d_school_put(db, m->school_code, m->school_name, 1, &err) != 0)
		return pkg_refuse(r, err);
	if (!known && region)
		pkg_note(r, _("school %s «%s» of %s is now on the region's list"), m->school_code, m->school_name,
			 m->district);
	else if (!known)
		pkg_note(r, _("school %s «%s» is now on the district's list"), m->school_code, m->school_name);
	int rc = 0;
	if (known && strcmp(s.name, m->school_name) != 0) {
		if (db_d_school_set_other_name(db, m->school_code, m->school_name, &err) != 0) {
			rc = pkg_refuse(r, err);
		} else {
			char *ours = xquote(s.name), *theirs = xquote(m->school_name);
			pkg_note_apart(r, xasprintf(_("the package names the school %s, the district knows code %s as %s:"
						      " confirm which is right"), theirs, m->school_code, ours),
				       receipt_name_remark(m->school_code, ours, theirs));
			free(ours), free(theirs);
		}
	} else if (known && *s.other_name && db_d_school_set_other_name(db, m->school_code, NULL, &err) != 0) {
		rc = pkg_refuse(r, err);
	}
	/* The first signed package pins its school's key, as a matter of
	 * course; a package the methodist accepts pins its own, and says so. */
	int replace = known && *s.key && strcmp(s.key, signer) != 0;
	if (rc == 0 && *signer && (!known || !*s.key || (accepting && replace))) {
		rc = db_d_school_set_key(db, m->school_code, signer, &err);
		if (rc != 0) {
			rc = pkg_refuse(r, err);
		} else if (replace) {
			uint8_t pub[SIGN_KEY_SIZE];
			sign_unhex(signer, pub, SIGN_KEY_SIZE);
			char *fp = sign_fingerprint(pub);
			pkg_note(r, _("the school's key is now %s: its later packages must be signed with it"), fp);
			free(fp);
		}
	} else if (rc == 0 && !*signer) {
		pkg_note(r, _("the package is not signed (an earlier orientir made it): nothing shows who made it"));
	}
	d_school_clear(&s);
	if (rc != 0)
		return rc;
	long old_id = held ? held->id : 0;
	/* The old version's indicators are read before it goes. */
	strmap *old = strmap_new();
	if (old_id && db_d_indicator_each(db, old_id, keep_old, old, &err) != 0) {
		strmap_free(old);
		return pkg_refuse(r, err);
	}
	if (db_d_package_put(db, m, &err) != 0 || keep_files(db, region, p, m->id, &err) != 0) {
		strmap_free(old);
		return pkg_refuse(r, err);
	}
	pkg_reader rd = { .db = db, .r = r, .pkg = p, .store = 1, .package_id = m->id, .created_at = m->created_at };
	rc = pkg_read_tables(&rd);
	if (rc == 0 && old_id) {
		struct moved mv = { r, old, 0, 0 };
		if (db_d_indicator_each(db, m->id, compare_new, &mv, &err) != 0)
			rc = pkg_refuse(r, err);
		else if (mv.shown == 0)
			pkg_note(r, _("no indicator moved"));
		else if (mv.more)
			pkg_note(r, ngettext("and %d more indicator moved", "and %d more indicators moved",
					 (unsigned long)mv.more), mv.more);
	}
	strmap_free(old);
	r->results = rd.rows;
	return rc;
}

/* Why a package of a school cannot be taken without the methodist, or
 * NULL: the school unknown to a district, or its pinned key not the
 * package's. */
static const char *hold_reason(sdb *db, int region, const d_package *m, const char *signer, pkg_import *r)
{
	d_school s = { 0 };
	char *err = NULL;
	const char *why = NULL;
	int known = db_d_school_get(db, m->school_code, &s, &err);
	if (known < 0)
		pkg_refuse(r, err);
	else if (!known)
		why = region ? NULL : "unknown_school";
	else if (*s.key && strcmp(s.key, signer) != 0)
		why = *signer ? "other_key" : "unsigned";
	d_school_clear(&s);
	return why;
}

int pkg_take(sdb *db, int region, const pkg_in *p, const char *received_at, int accepting, pkg_import *r)
{
	d_package m = { 0 }, held = { 0 };
	d_held before = { 0 };
	enum sign_state sig = SIGN_NONE;
	uint8_t key[SIGN_KEY_SIZE];
	char *err = NULL, *signer = NULL;
	int rc = 0, have = 0, seen = 0;
	if (check(p, received_at, r, &m, &sig, key) != 0)
		goto out;
	signer = sig == SIGN_GOOD ? sign_hex(key, SIGN_KEY_SIZE) : xstrdup("");
	for (size_t i = 0; i < p->nunlisted && i < 10; i++)
		pkg_note(r, _("%s is in the folder but not in SHA256SUMS: it was not read, and nothing vouches for it"),
			 cell_shown(p->unlisted[i]));
	if (p->nunlisted > 10)
		pkg_note(r, ngettext("and %zu more file not in SHA256SUMS", "and %zu more files not in SHA256SUMS",
				 (unsigned long)(p->nunlisted - 10)), p->nunlisted - 10);
	if (db_d_school_lock(db, m.school_code, &err) != 0 ||
	    (!accepting && (seen = db_d_held_by_digest(db, p->digest, &before, &err)) < 0))
		goto failed;
	if (seen && !*before.decision) {
		r->outcome = PKG_HELD;
		r->held_id = before.id;
		char *when = district_time_text(before.received_at);
		pkg_note(r, _("held since %s for the methodist: %s"), when, district_held_reason(before.reason));
		free(when);
		goto out;
	}
	if (seen && strcmp(before.decision, "rejected") == 0) {
		char *when = district_time_text(before.decided_at);
		pkg_refuse(r, xasprintf(_("%s: the district rejected this very package on %s"), p->dir, when));
		free(when);
		goto out;
	}
	m.digest = xstrdup(p->digest);
	m.received_at = xstrdup(received_at);
	m.source = xstrdup(p->dir);
	if ((have = db_d_package_get(db, m.school_code, m.period, &held, &err)) < 0)
		goto failed;
	m.first_received_at = xstrdup(have ? held.first_received_at : received_at);
	if (have && strcmp(held.digest, p->digest) == 0) {
		r->outcome = PKG_UNCHANGED;
		char *when = district_time_text(held.received_at);
		pkg_note(r, _("first received %s"), when);
		free(when);
		read_through(p, &m, r);
		goto out;
	}
	const char *why = accepting ? NULL : hold_reason(db, region, &m, signer, r);
	if (r->reason)
		goto failed_reason;
	if (why) {
		rc = hold(db, p, &m, why, signer, received_at, r);
	} else if (have && strcmp(m.created_at, held.created_at) <= 0) {
		r->outcome = PKG_OLDER;
		char *when = district_time_text(held.created_at);
		/* Times have whole seconds: two different versions made in the
		 * same one cannot be ordered, and the one held stays. */
		if (strcmp(m.created_at, held.created_at) == 0)
			pkg_note(r, _("another version was made in the same second (%s); the district keeps the one it"
				      " has: write the package again and bring the new one"), when);
		else
			pkg_note(r, _("the district has the version made %s"), when);
		free(when);
		read_through(p, &m, r);
	} else {
		r->outcome = have ? PKG_REPLACED : PKG_NEW;
		store_package(db, region, p, &m, have ? &held : NULL, signer, accepting, r);
	}
	goto out;
failed:
	pkg_refuse(r, err);
failed_reason:
	rc = -1;
out:
	free(signer);
	d_package_clear(&m);
	if (have > 0)
		d_package_clear(&held);
	if (seen > 0)
		d_held_clear(&before);
	return rc;
}

int district_import_package(sdb *db, const char *dir, const char *received_at, pkg_import *r)
{
	*r = (pkg_import){ .dir = xstrdup(dir), .outcome = PKG_REFUSED };
	pkg_in p;
	char *err = NULL;
	int loaded = package_load(dir, &p, &err) == 0;
	return district_take_loaded(db, &p, loaded ? NULL : err, received_at, r);
}

int district_take_loaded(sdb *db, pkg_in *loaded, char *failed, const char *received_at, pkg_import *r)
{
	pkg_in p = *loaded;
	*loaded = (pkg_in){ 0 };
	sign_key key;
	char *err = NULL;
	int rc = 0;
	if (keys_own(db, &key, NULL, &err) < 0) {
		free(failed);
		pkg_in_free(&p);
		pkg_refuse(r, err);
		return -1;
	}
	school office;
	office_of(db, &office);
	if (failed) {
		d_package m = { 0 };
		manifest_values(p.manifest, r, &m);
		d_package_clear(&m);
		pkg_refuse(r, failed);
	} else if (sdb_begin(db, &err) != 0) {
		pkg_refuse(r, err);
		rc = -1;
	} else if ((rc = pkg_take(db, !strcmp(office.role, "region"), &p, received_at, 0, r)) != 0 ||
		   r->outcome == PKG_REFUSED) {
		sdb_rollback(db);
	} else if (sdb_commit(db, &err) != 0) {
		pkg_refuse(r, err);
		rc = -1;
	}
	/* A receipt even for a refusal: the school sees why. Not when our own
	 * database failed: that is nothing the school did. */
	if (rc == 0)
		write_receipt(office.name, p.digest, received_at, &key, r);
	school_clear(&office);
	pkg_in_free(&p);
	return rc;
}

int district_sync_stick(const char *path, char **err)
{
	if (stick_sync_path(path) == 0)
		return 0;
	*err = xasprintf(_("%s: the stick could not be synced (%s): the receipts may not be on it yet; do not pull it"
			   " out before the system has written them"), path, strerror(errno));
	return -1;
}

/* Adds a file kept with a held package to the package being rebuilt. */
static void add_held_file(void *ctx, const char *name, const void *data, size_t len)
{
	pkg_in *p = ctx;
	if (strcmp(name, "SHA256SUMS") == 0) {
		p->sums = len ? xstrndup(data, len) : xstrdup("");
		p->sums_len = len;
	} else if (strcmp(name, "SIGNATURE") == 0) {
		p->signature = len ? xstrndup(data, len) : xstrdup("");
	} else {
		pkg_files_add(&p->files, &p->n, name, data, len);
	}
}

/* The held package id, waiting for a decision and locked until the
 * transaction ends: 0, or -1 with *err. Two operators deciding on it at
 * once: the second waits here, then is told the first one's decision. */
static int waiting(sdb *db, long id, d_held *h, char **err)
{
	int got = db_d_held_lock(db, id, err) == 0 ? db_d_held_get(db, id, h, err) : -1;
	if (got < 0)
		return -1;
	if (got && !*h->decision)
		return 0;
	if (got) {
		char *when = district_time_text(h->decided_at);
		*err = xasprintf(strcmp(h->decision, "accepted") == 0
				 ? _("package number %ld was accepted already, %s; nothing was changed")
				 : _("package number %ld was rejected already, %s; nothing was changed"), id, when);
		free(when);
		d_held_clear(h);
		return -1;
	}
	*err = xasprintf(_("no package number %ld is waiting for a decision ('orientir district held' lists them)"), id);
	return -1;
}

/* Takes the held package h in from the files kept with it. */
static int take_held(sdb *db, const d_held *h, pkg_import *r, char **err)
{
	r->dir = xstrdup(h->source);
	pkg_in p = { .dir = xstrdup(h->source) };
	int rc = db_d_held_files(db, h->id, add_held_file, &p, err) == 0 && package_check_sums(&p, err) == 0 ? 0 : -1;
	if (rc == 0) {
		package_sha256_hex(p.sums, p.sums_len, p.digest);
		school office;
		office_of(db, &office);
		int region = !strcmp(office.role, "region");
		school_clear(&office);
		if (pkg_take(db, region, &p, h->received_at, 1, r) != 0 || r->outcome == PKG_REFUSED) {
			*err = xstrdup(r->reason ? r->reason : "?");
			rc = -1;
		}
	}
	pkg_in_free(&p);
	return rc;
}

/* Accepts (taking it in) or rejects the held package id, the decision
 * kept with it, in one transaction. */
static int decide(sdb *db, long id, int accept, pkg_import *r, char **err)
{
	d_held h;
	if (sdb_begin(db, err) != 0)
		return -1;
	if (waiting(db, id, &h, err) != 0) {
		sdb_rollback(db);
		return -1;
	}
	int rc = accept ? take_held(db, &h, r, err) : 0;
	if (rc == 0 && (db_d_held_decide(db, id, accept ? "accepted" : "rejected", err) != 0 || sdb_commit(db, err) != 0))
		rc = -1;
	if (rc != 0)
		sdb_rollback(db);
	d_held_clear(&h);
	return rc;
}

int district_accept(sdb *db, long id, pkg_import *r, char **err)
{
	*r = (pkg_import){ .outcome = PKG_REFUSED };
	return decide(db, id, 1, r, err);
}

int district_reject(sdb *db, long id, char **err)
{
	return decide(db, id, 0, NULL, err);
}

void pkg_import_clear(pkg_import *r)
{
	free(r->dir), free(r->school_code), free(r->school_name), free(r->period), free(r->created_at);
	free(r->reason), free(r->receipt_error), free(r->via);
	for (size_t i = 0; i < r->nnotes; i++)
		free(r->notes[i]);
	free(r->notes);
	for (size_t i = 0; i < r->nremarks; i++)
		free(r->remarks[i]);
	free(r->remarks);
	*r = (pkg_import){ 0 };
}
