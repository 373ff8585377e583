/* The district's view: its settings, who has reported, and the
 * low-results rule applied to the results the packages brought. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "db-district.h"
#include "db.h"
#include "district.h"
#include "package.h"
#include "roadmap.h"
#include "store.h"
#include "strmap.h"

/* The procedures the rule looks at: the federal ones the roadmaps name
 * («ВПР/ОГЭ/ЕГЭ»). A school's own tests and diagnostics are its business. */
static const char *const rule_procedures[] = { "ВПР", "ОГЭ", "ЕГЭ" };
/* The subjects: any whose name begins so («Математика (базовая)» too). */
static const char *const rule_subjects[] = { "Русский язык", "Математика" };

/* "20.06" into month*100+day; 0 when not a day of the year. */
static int parse_day_month(const char *s)
{
	int d, m, n = 0;
	if (!s || sscanf(s, "%2d.%2d%n", &d, &m, &n) != 2 || s[n] != '\0' || m < 1 || m > 12 || d < 1 ||
	    d > (m == 2 ? 29 : m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31))
		return 0;
	return m * 100 + d;
}

long district_deadline(sqlite3 *db, int year, int half)
{
	char *err = NULL, *v = db_setting_get(db, half == 1 ? "district.deadline_h1" : "district.deadline_h2", &err);
	free(err);
	int md = parse_day_month(v);
	free(v);
	if (!md)
		md = half == 1 ? 620 : 1210;
	return year * 10000L + md;
}

double district_threshold(sqlite3 *db)
{
	char *err = NULL, *v = db_setting_get(db, "district.threshold", &err);
	free(err);
	double t;
	int ok = v && cell_number(v, &t) == 0 && t > 0 && t <= 100;
	free(v);
	return ok ? t : 30.0;
}

int district_setting_set(sqlite3 *db, const char *name, const char *value, char **err)
{
	const char *key;
	double t;
	if (strcmp(name, "deadline-h1") == 0 || strcmp(name, "deadline-h2") == 0) {
		if (!parse_day_month(value)) {
			*err = xasprintf(_("«%s» is not a day of the year (write 20.06)"), value);
			return -1;
		}
		key = name[10] == '1' ? "district.deadline_h1" : "district.deadline_h2";
	} else if (strcmp(name, "threshold") == 0) {
		if (cell_number(value, &t) != 0 || t <= 0 || t > 100) {
			*err = xasprintf(_("«%s» is not a percentage above 0 and up to 100"), value);
			return -1;
		}
		key = "district.threshold";
	} else {
		*err = xasprintf(_("there is no setting «%s»"), name);
		return -1;
	}
	if (db_begin(db, err) != 0)
		return -1;
	if (db_setting_set(db, key, value, err) != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db, err);
}

/* --- who has reported --- */

int district_status(sqlite3 *db, const char *period, status_report *out, char **err)
{
	*out = (status_report){ 0 };
	int year, half;
	if (period_parse(period, &year, &half) != 0) {
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
				   .listed = s[i].listed };
		s[i] = (d_school){ 0 };
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

void status_report_free(status_report *r)
{
	for (size_t i = 0; i < r->n; i++) {
		status_row *s = &r->v[i];
		free(s->code), free(s->name), free(s->other_name), free(s->received_at), free(s->first_received_at);
		free(s->created_at);
	}
	free(r->v);
	*r = (status_report){ 0 };
}

/* --- the low-results rule --- */

static int counted_procedure(const char *p)
{
	for (size_t i = 0; i < sizeof rule_procedures / sizeof *rule_procedures; i++)
		if (strcmp(p, rule_procedures[i]) == 0)
			return (int)i;
	return -1;
}

static int counted_subject(const char *s)
{
	for (size_t i = 0; i < sizeof rule_subjects / sizeof *rule_subjects; i++)
		if (strncmp(s, rule_subjects[i], strlen(rule_subjects[i])) == 0)
			return 1;
	return 0;
}

struct rule_ctx {
	risk_report *rep;
	strmap *index;		/* school code → row + 1 */
	/* low[row][year - first][procedure] */
	unsigned char (*low)[2][3];
};

static int rule_visit(void *vctx, const d_share *s)
{
	struct rule_ctx *c = vctx;
	long long at;
	int p = counted_procedure(s->procedure);
	if (!strmap_get(c->index, s->school_code, &at) || s->participants == 0)
		return 0;
	risk_row *r = &c->rep->v[at - 1];
	if (s->year == c->rep->year)
		r->has_data = 1;
	if (p < 0 || !counted_subject(s->subject))
		return 0;
	double share = 100.0 * (double)s->below / (double)s->participants;
	if (share >= c->rep->threshold - 1e-9)
		c->low[at - 1][s->year == c->rep->year][p] = 1;
	if (s->year == c->rep->year && share > r->worst) {
		r->worst = share;
		free(r->worst_procedure), free(r->worst_subject);
		r->worst_procedure = xstrdup(s->procedure);
		r->worst_subject = xstrdup(s->subject);
	}
	return 0;
}

static char *join_low(const unsigned char low[3])
{
	char *s = xstrdup("");
	for (int p = 0; p < 3; p++)
		if (low[p]) {
			char *t = xasprintf("%s%s%s", s, *s ? ";" : "", rule_procedures[p]);
			free(s);
			s = t;
		}
	return s;
}

static int by_distance(const void *a, const void *b)
{
	const risk_row *x = a, *y = b;
	if (x->flagged != y->flagged)
		return y->flagged - x->flagged;
	if (x->worst != y->worst)
		return x->worst < y->worst ? 1 : -1;
	return strcmp(x->code, y->code);
}

int district_risk(sqlite3 *db, int year, risk_report *out, char **err)
{
	*out = (risk_report){ .year = year, .threshold = district_threshold(db) };
	d_school *s;
	size_t n;
	if (db_d_school_list(db, &s, &n, err) != 0)
		return -1;
	out->v = xcalloc(n ? n : 1, sizeof *out->v);
	struct rule_ctx c = { out, strmap_new(), xcalloc(n ? n : 1, sizeof *c.low) };
	for (size_t i = 0; i < n; i++) {
		out->v[i] = (risk_row){ .code = s[i].code, .name = s[i].name, .worst = -1 };
		s[i].code = s[i].name = NULL;
		strmap_put(c.index, out->v[i].code, (long long)i + 1);
	}
	out->n = n;
	d_school_list_free(s, n);
	int rc = db_d_shares(db, year - 1, year, rule_visit, &c, err);
	for (size_t i = 0; i < out->n; i++) {
		risk_row *r = &out->v[i];
		int now = 0, both = 0;
		for (int p = 0; p < 3; p++) {
			now += c.low[i][1][p];
			both |= c.low[i][1][p] && c.low[i][0][p];
		}
		r->two_procedures = now >= 2;
		r->two_years = both;
		r->flagged = r->two_procedures || r->two_years;
		out->flagged += r->flagged;
		r->low_procedures = join_low(c.low[i][1]);
		r->low_last_year = join_low(c.low[i][0]);
		if (!r->worst_procedure) {
			r->worst_procedure = xstrdup("");
			r->worst_subject = xstrdup("");
		}
	}
	qsort(out->v, out->n, sizeof *out->v, by_distance);
	strmap_free(c.index);
	free(c.low);
	if (rc != 0)
		risk_report_free(out);
	return rc;
}

int district_latest_year(sqlite3 *db, int *year, char **err)
{
	int *years;
	size_t n;
	if (db_d_result_years(db, &years, &n, err) != 0)
		return -1;
	*year = n ? years[0] : 0;
	free(years);
	return n > 0;
}

int district_rule_counts(const char *procedure, const char *subject)
{
	int p = counted_procedure(procedure);
	return p >= 0 && counted_subject(subject) ? p + 1 : 0;
}

char *district_risk_reason(const risk_row *s, int year)
{
	if (!s->has_data)
		return xasprintf(_("no results for %d"), year);
	char *both = NULL, *now = NULL;
	if (s->two_procedures)
		now = xasprintf(_("low in %s in %d"), s->low_procedures, year);
	if (s->two_years)
		both = xasprintf(_("low two years running (%d: %s; %d: %s)"), year - 1, s->low_last_year, year,
				 s->low_procedures);
	char *text = now && both ? xasprintf("%s; %s", now, both) : now ? xstrdup(now) : both ? xstrdup(both)
		: *s->low_procedures ? xasprintf(_("low only in %s"), s->low_procedures) : xstrdup("");
	free(now), free(both);
	return text;
}

void risk_report_free(risk_report *r)
{
	for (size_t i = 0; i < r->n; i++) {
		risk_row *s = &r->v[i];
		free(s->code), free(s->name), free(s->low_procedures), free(s->low_last_year);
		free(s->worst_procedure), free(s->worst_subject);
	}
	free(r->v);
	*r = (risk_report){ 0 };
}
