/* The low-results rule applied to the results the packages brought: which
 * schools are low in which procedures, which are flagged, why, and how
 * far each is from the line. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "db-district.h"
#include "district.h"
#include "strmap.h"

/* The procedures the rule looks at: the federal ones the roadmaps name
 * («ВПР/ОГЭ/ЕГЭ»). A school's own tests and diagnostics are its business. */
static const char *const rule_procedures[] = { "ВПР", "ОГЭ", "ЕГЭ" };
/* The subjects: any whose name begins so («Математика (базовая)» too). */
static const char *const rule_subjects[] = { "Русский язык", "Математика" };

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

static int risk_read(sdb *db, int year, risk_report *out, char **err)
{
	*out = (risk_report){ .year = year, .threshold = district_threshold(db) };
	d_school *s;
	size_t n;
	if (db_d_school_list(db, &s, &n, err) != 0)
		return -1;
	out->v = xcalloc(n ? n : 1, sizeof *out->v);
	struct rule_ctx c = { out, strmap_new(), xcalloc(n ? n : 1, sizeof *c.low) };
	for (size_t i = 0; i < n; i++) {
		out->v[i] = (risk_row){ .code = s[i].code, .name = s[i].name, .worst = -1, .district = s[i].district };
		s[i].code = s[i].name = s[i].district = NULL;
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

/* The threshold, the schools and their shares from one state of the
 * database, whatever imports commit meanwhile. */
int district_risk(sdb *db, int year, risk_report *out, char **err)
{
	int began = sdb_read_begin(db, err);
	if (began < 0)
		return -1;
	int rc = risk_read(db, year, out, err);
	sdb_read_end(db, began);
	return rc;
}

int district_rule_counts(const char *procedure, const char *subject)
{
	int p = counted_procedure(procedure);
	return p >= 0 && counted_subject(subject) ? p + 1 : 0;
}

static void risk_row_clear(risk_row *s)
{
	free(s->code), free(s->name), free(s->low_procedures), free(s->low_last_year);
	free(s->worst_procedure), free(s->worst_subject), free(s->district);
}

void risk_report_free(risk_report *r)
{
	for (size_t i = 0; i < r->n; i++)
		risk_row_clear(&r->v[i]);
	free(r->v);
	*r = (risk_report){ 0 };
}

void district_risk_keep(risk_report *r, const char *district)
{
	size_t k = 0;
	r->flagged = 0;
	for (size_t i = 0; i < r->n; i++) {
		if (strcmp(r->v[i].district, district) != 0) {
			risk_row_clear(&r->v[i]);
			continue;
		}
		r->flagged += r->v[i].flagged;
		r->v[k++] = r->v[i];
	}
	r->n = k;
}

const char *district_rule_procedure(size_t i)
{
	return i < sizeof rule_procedures / sizeof *rule_procedures ? rule_procedures[i] : NULL;
}

/* Whether the ";"-joined list holds the procedure p (of length n). */
static int list_has(const char *list, const char *p, size_t n)
{
	for (const char *q = list; *q;) {
		size_t len = strcspn(q, ";");
		if (len == n && strncmp(q, p, n) == 0)
			return 1;
		q += len + (q[len] == ';');
	}
	return 0;
}

/* "ВПР;ОГЭ" for people: "ВПР, ОГЭ"; with also, only those in it as well. */
static char *procedures_text(const char *list, const char *also)
{
	char *s = xstrdup("");
	for (const char *q = list; *q;) {
		size_t len = strcspn(q, ";");
		if (len && (!also || list_has(also, q, len))) {
			char *t = xasprintf("%s%s%.*s", s, *s ? ", " : "", (int)len, q);
			free(s);
			s = t;
		}
		q += len + (q[len] == ';');
	}
	return s;
}

char *district_risk_reason(const risk_row *r, int year, int brief)
{
	if (!r->has_data)
		return brief ? xstrdup(_("no results")) : xasprintf(_("no results for %d"), year);
	char *now = procedures_text(r->low_procedures, NULL);
	char *running = procedures_text(r->low_procedures, r->low_last_year);
	char *a = NULL, *b = NULL, *text;
	if (r->two_procedures)
		a = brief ? xasprintf(_("%s in %d"), now, year)
			  : xasprintf(_("low in two procedures in %d: %s"), year, now);
	if (r->two_years)
		b = brief ? xasprintf(_("%s in %d and %d"), running, year - 1, year)
			  : xasprintf(_("low in %s two years running (%d and %d)"), running, year - 1, year);
	if (a && b)
		text = xasprintf("%s; %s", a, b);
	else if (a || b)
		text = xstrdup(a ? a : b);
	else if (*now)
		text = brief ? xasprintf(_("only %s in %d"), now, year) : xasprintf(_("low only in %s in %d"), now, year);
	else
		text = xstrdup("");
	free(a), free(b), free(now), free(running);
	return text;
}

/* The rule's order: procedure as the rule lists them, then subject
 * (Russian before mathematics of every kind). */
static int by_rule(const void *a, const void *b)
{
	const dist_ind *x = a, *y = b;
	const char *ru = rule_subjects[0];
	int d = counted_procedure(x->procedure) - counted_procedure(y->procedure);
	if (!d)
		d = (strncmp(x->subject, ru, strlen(ru)) != 0) - (strncmp(y->subject, ru, strlen(ru)) != 0);
	return d ? d : strcmp(x->subject, y->subject);
}

int district_risk_detail(sdb *db, int year, const char *code, dist_ind_set *out, char **err)
{
	dist_ind_set all;
	if (district_indicators(db, year, &all, err) != 0)
		return -1;
	*out = (dist_ind_set){ .v = xcalloc(all.n ? all.n : 1, sizeof *out->v), .year = year };
	for (size_t i = 0; i < all.n; i++) {
		dist_ind *v = &all.v[i];
		if (strcmp(v->school_code, code) == 0 && counted_procedure(v->procedure) >= 0 &&
		    counted_subject(v->subject)) {
			out->v[out->n++] = *v;
			*v = (dist_ind){ 0 };
		}
	}
	dist_ind_set_free(&all);
	if (out->n)
		qsort(out->v, out->n, sizeof *out->v, by_rule);
	return 0;
}
