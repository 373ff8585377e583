/* The district's view: its settings, its list of schools, and who has
 * reported for a half-year. The low-results rule is district-risk.c's. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "day.h"
#include "db-district.h"
#include "db.h"
#include "identity.h"
#include "district.h"
#include "package.h"
#include "sign.h"
#include "store.h"

char *district_time_text(const char *ts)
{
	if (strlen(ts) < 19)
		return xstrdup(ts);
	return xasprintf("%.2s.%.2s.%.4s %.8s", ts + 8, ts + 5, ts, ts + 11);
}

/* "20.06" into month*100+day; 0 when not a day of the year. */
static int parse_day_month(const char *s)
{
	int d, m, n = 0;
	if (!s || sscanf(s, "%2d.%2d%n", &d, &m, &n) != 2 || s[n] != '\0' || m < 1 || m > 12 || d < 1 ||
	    d > (m == 2 ? 29 : m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31))
		return 0;
	return m * 100 + d;
}

long district_deadline(sdb *db, int year, int half)
{
	char *err = NULL, *v = db_setting_get(db, half == 1 ? "district.deadline_h1" : "district.deadline_h2", &err);
	free(err);
	int md = parse_day_month(v);
	free(v);
	if (!md)
		md = half == 1 ? 620 : 1210;
	return year * 10000L + md;
}

double district_threshold(sdb *db)
{
	char *err = NULL, *v = db_setting_get(db, "district.threshold", &err);
	free(err);
	double t;
	int ok = v && cell_number(v, &t) == 0 && t > 0 && t <= 100;
	free(v);
	return ok ? t : 30.0;
}

/* The store's key for a setting's name, the value checked: NULL with
 * *err when either is wrong. */
static const char *setting_key(const char *name, const char *value, char **err)
{
	double t;
	if (strcmp(name, "deadline-h1") == 0 || strcmp(name, "deadline-h2") == 0) {
		if (!parse_day_month(value)) {
			*err = xasprintf(_("«%s» is not a day of the year (write 20.06)"), value);
			return NULL;
		}
		return name[10] == '1' ? "district.deadline_h1" : "district.deadline_h2";
	}
	if (strcmp(name, "threshold") == 0) {
		if (cell_number(value, &t) != 0 || t <= 0 || t > 100) {
			*err = xasprintf(_("«%s» is not a percentage above 0 and up to 100"), value);
			return NULL;
		}
		return "district.threshold";
	}
	*err = xasprintf(_("there is no setting «%s»"), name);
	return NULL;
}

int district_settings_set(sdb *db, const char *const *names, const char *const *values, size_t n, size_t *bad,
			  char **err)
{
	for (size_t i = 0; i < n; i++)
		if (!setting_key(names[i], values[i], err)) {
			if (bad)
				*bad = i;
			return -1;
		}
	if (sdb_begin(db, err) != 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (db_setting_set(db, setting_key(names[i], values[i], err), values[i], err) != 0) {
			sdb_rollback(db);
			return -1;
		}
	return sdb_commit(db, err);
}

int district_setting_set(sdb *db, const char *name, const char *value, char **err)
{
	return district_settings_set(db, &name, &value, 1, NULL, err);
}

char *district_day_month(long ymd)
{
	return xasprintf("%02ld.%02ld", ymd % 100, ymd / 100 % 100);
}

/* --- the list of schools --- */

int district_school_add(sdb *db, const char *code, const char *name, char **err)
{
	if (identity_check_field(ID_CODE, code, err) != 0 || identity_check_field(ID_NAME, name, err) != 0)
		return -1;
	/* the school's lock: an import of its package at the same moment
	 * sees the school before or after, never half */
	if (sdb_begin(db, err) != 0)
		return -1;
	if (db_d_school_lock(db, code, err) != 0 || db_d_school_put(db, code, name, 1, err) != 0) {
		sdb_rollback(db);
		return -1;
	}
	return sdb_commit(db, err);
}

char *district_school_fingerprint(sdb *db, const char *code, char **since)
{
	d_school s = { 0 };
	char *err = NULL;
	int known = db_d_school_get(db, code, &s, &err) == 1;
	char *fp = known ? sign_fingerprint_hex(s.key) : xstrdup("");
	if (since)
		*since = xstrdup(known ? s.key_since : "");
	d_school_clear(&s);
	free(err);
	return fp;
}

char *district_school_key_text(sdb *db, const char *code)
{
	char *since, *fp = district_school_fingerprint(db, code, &since), *text;
	if (*fp) {
		char *day = day_text_of(since);
		text = xasprintf(_("The school's key: %s, pinned %s."), fp, day);
		free(day);
	} else {
		text = xstrdup(_("No key is pinned for the school yet: its first signed package pins it."));
	}
	free(fp), free(since);
	return text;
}

int district_school_confirm(sdb *db, const char *code, int keep, char **name, char **err)
{
	d_school s = { 0 };
	int found;
	if (sdb_begin(db, err) != 0)
		return -1;
	if (db_d_school_lock(db, code, err) != 0 || (found = db_d_school_get(db, code, &s, err)) < 0)
		goto fail;
	if (!found || !*s.other_name) {
		*err = xasprintf(found ? _("school %s has no other name to confirm") : _("no school with code %s"), code);
		goto fail;
	}
	/* Taking the package's name puts the school on the list under it;
	 * keeping the district's only drops the note. */
	if ((!keep && db_d_school_put(db, code, s.other_name, 1, err) != 0) ||
	    db_d_school_set_other_name(db, code, NULL, err) != 0 || sdb_commit(db, err) != 0)
		goto fail;
	*name = xstrdup(keep ? s.name : s.other_name);
	d_school_clear(&s);
	return 0;
fail:
	sdb_rollback(db);
	d_school_clear(&s);
	return -1;
}

/* --- who has reported --- */

static int status_read(sdb *db, const char *period, status_report *out, char **err)
{
	*out = (status_report){ 0 };
	int year, half;
	if (half_parse(period, &year, &half) != 0) {
		*err = xasprintf(_("'%s' is not a half-year (write 2026-H1 or 2026-H2)"), period);
		return -1;
	}
	out->deadline = district_deadline(db, year, half);
	d_school *s;
	size_t n;
	if (db_d_school_list(db, &s, &n, err) != 0)
		return -1;
	out->v = xcalloc(n ? n : 1, sizeof *out->v);
	for (size_t i = 0; i < n; i++) {
		status_row *r = &out->v[out->n++];
		*r = (status_row){ .code = s[i].code, .name = s[i].name, .other_name = s[i].other_name,
				   .listed = s[i].listed, .district = s[i].district };
		s[i].code = s[i].name = s[i].other_name = s[i].district = NULL;
		d_package p;
		int got = db_d_package_get(db, r->code, period, &p, err);
		if (got < 0) {
			d_school_list_free(s, n);
			status_report_free(out);
			return -1;
		}
		if (got) {
			r->received = 1;
			r->received_at = p.received_at;
			r->first_received_at = p.first_received_at;
			r->created_at = p.created_at;
			p.received_at = p.first_received_at = p.created_at = NULL;
			d_package_clear(&p);
			/* On time by the first version's day: a corrected copy
			 * sent after the deadline does not make a school late. */
			long day = atol(r->first_received_at) * 10000 + atol(r->first_received_at + 5) * 100 +
				   atol(r->first_received_at + 8);
			r->on_time = day <= out->deadline;
			out->received++;
			out->on_time += r->on_time;
		} else {
			r->received_at = xstrdup("");
			r->first_received_at = xstrdup("");
			r->created_at = xstrdup("");
		}
	}
	d_school_list_free(s, n);
	return 0;
}

/* The list, the deadline and each school's package from one state of the
 * database: an import committing meanwhile is wholly in it or not at all. */
int district_status(sdb *db, const char *period, status_report *out, char **err)
{
	int began = sdb_read_begin(db, err);
	if (began < 0)
		return -1;
	int rc = status_read(db, period, out, err);
	sdb_read_end(db, began);
	return rc;
}

char *district_period_to_show(sdb *db)
{
	int year, half;
	half_of(day_today(), &year, &half);
	char *now = half_code(year, half), *err = NULL;
	char *before = half == 1 ? half_code(year - 1, 2) : half_code(year, 1);
	int use_before = db_d_package_count(db, now, &err) == 0 && db_d_package_count(db, before, &err) > 0;
	free(err);
	if (use_before) {
		free(now);
		return before;
	}
	free(before);
	return now;
}

static void status_row_clear(status_row *s)
{
	free(s->code), free(s->name), free(s->other_name), free(s->received_at), free(s->first_received_at);
	free(s->created_at), free(s->district);
}

void status_report_free(status_report *r)
{
	for (size_t i = 0; i < r->n; i++)
		status_row_clear(&r->v[i]);
	free(r->v);
	*r = (status_report){ 0 };
}

void district_status_keep(status_report *r, const char *district)
{
	size_t k = 0;
	r->received = r->on_time = 0;
	for (size_t i = 0; i < r->n; i++) {
		status_row *s = &r->v[i];
		if (strcmp(s->district, district) != 0) {
			status_row_clear(s);
			continue;
		}
		r->received += s->received;
		r->on_time += s->received && s->on_time;
		r->v[k++] = *s;
	}
	r->n = k;
}

strmap *district_codes(sdb *db, const char *district, char **err)
{
	d_school *v;
	size_t n;
	if (db_d_school_list(db, &v, &n, err) != 0)
		return NULL;
	strmap *codes = strmap_new();
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].district, district) == 0)
			strmap_put(codes, v[i].code, 1);
	d_school_list_free(v, n);
	return codes;
}

void district_schools_keep(d_school *v, size_t *n, const strmap *codes)
{
	size_t k = 0;
	long long at;
	for (size_t i = 0; i < *n; i++)
		if (strmap_get(codes, v[i].code, &at))
			v[k++] = v[i];
		else
			d_school_clear(&v[i]);
	*n = k;
}

static int by_name(const void *a, const void *b)
{
	return strcoll(*(char *const *)a, *(char *const *)b);
}

int district_names(sdb *db, char ***out, size_t *n, char **err)
{
	d_school *s;
	size_t ns;
	*out = NULL;
	*n = 0;
	if (db_d_school_list(db, &s, &ns, err) != 0)
		return -1;
	char **v = xcalloc(ns ? ns : 1, sizeof *v);
	size_t k = 0;
	for (size_t i = 0; i < ns; i++)
		if (*s[i].district) {
			v[k++] = s[i].district;
			s[i].district = NULL;
		}
	d_school_list_free(s, ns);
	if (k)
		qsort(v, k, sizeof *v, by_name);
	/* one of each */
	size_t m = 0;
	for (size_t i = 0; i < k; i++) {
		if (m && strcmp(v[m - 1], v[i]) == 0)
			free(v[i]);
		else
			v[m++] = v[i];
	}
	*out = v;
	*n = m;
	return 0;
}

int district_read_begin(sdb *db, char **err)
{
	return sdb_read_begin(db, err);
}

void district_read_end(sdb *db, int began)
{
	sdb_read_end(db, began);
}

int district_latest_year(sdb *db, int *year, char **err)
{
	int *years;
	size_t n;
	if (db_d_result_years(db, &years, &n, err) != 0)
		return -1;
	*year = n ? years[0] : 0;
	free(years);
	return n > 0;
}
