#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "indicators.h"
#include "objectivity.h"

double objectivity_binomial(long k, long n)
{
	if (k <= 0)
		return 1;
	if (k > n)
		return 0;
	/* Σ C(n, i) / 2^n for i ≥ k, each term from logarithms so that a
	 * large class does not overflow; the terms shrink, summed smallest first. */
	double sum = 0;
	for (long i = n; i >= k; i--)
		sum += exp(lgamma((double)n + 1) - lgamma((double)i + 1) - lgamma((double)(n - i) + 1) - (double)n * M_LN2);
	return sum > 1 ? 1 : sum;
}

int objectivity_tenths(long count, long compared)
{
	return compared > 0 ? indicator_tenths(count, compared) : -1;
}

struct walk {
	obj_row *row;
	const scale *sc;
};

static int visit(void *ctx, const result *r)
{
	struct walk *w = ctx;
	obj_row *o = w->row;
	if (r->absent || !r->has_score)
		return 0;
	o->participants++;
	/* a score of 12,5 is counted with 12 */
	long s = (long)r->score;
	if (s >= 0 && s < o->nhist)
		o->hist[s]++;
	int mark = indicator_mark(w->sc, r);
	if (mark && r->has_journal) {
		o->compared++;
		o->lowered += mark < r->journal_mark;
		o->confirmed += mark == r->journal_mark;
		o->raised += mark > r->journal_mark;
	}
	return 0;
}

/* The peak test at each boundary, the strongest kept when it is a sign. */
static void judge(obj_row *o, const analysis_rules *rules)
{
	o->has_peak = 0;
	o->p = 1;
	for (int b = 0; b < o->nbounds; b++) {
		double at = o->bounds[b];
		long k = (long)at;
		if (at != (double)k || k < 1 || k >= o->nhist)
			continue;
		long n_at = o->hist[k], n_below = o->hist[k - 1];
		double p = objectivity_binomial(n_at, n_at + n_below);
		int sign = o->participants >= rules->peak_participants && n_at >= rules->peak_at_boundary && p < rules->peak_p;
		if (sign && (!o->has_peak || p < o->p)) {
			o->has_peak = 1;
			o->peak_at = at;
			o->p = p;
			o->at = n_at;
			o->below = n_below;
		}
	}
	o->raised_sign = o->compared >= rules->peak_participants &&
			 o->raised * 100.0 >= rules->raised * (double)o->compared;
	o->flag = o->has_peak || o->raised_sign;
}

int objectivity_compute(sqlite3 *db, int year, obj_report *out, char **err)
{
	*out = (obj_report){ .year = year };
	analysis_rules_get(db_sdb(db), &out->rules);
	if (!(out->proc = db_ref_load(db, REF_PROCEDURE, err)) || !(out->subj = db_ref_load(db, REF_SUBJECT, err)))
		return -1;
	assessment *as;
	size_t na;
	if (db_assessment_list_year(db, year, &as, &na, err) != 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < na && rc == 0; i++) {
		const assessment *a = &as[i];
		obj_row o = { .assessment_id = a->id, .procedure = refmap_name(out->proc, a->procedure_id),
			      .subject = refmap_name(out->subj, a->subject_id), .grade = a->grade, .year = a->year,
			      .max_score = a->sc.max_score };
		o.bounds[o.nbounds++] = a->sc.min_score;
		if (a->sc.has_score4)
			o.bounds[o.nbounds++] = a->sc.score4;
		if (a->sc.has_score5)
			o.bounds[o.nbounds++] = a->sc.score5;
		o.nhist = (int)a->sc.max_score + 1;
		o.hist = xcalloc((size_t)o.nhist, sizeof *o.hist);
		struct walk w = { &o, &a->sc };
		rc = db_result_each(db, a->id, visit, &w, err);
		if (rc != 0 || !o.participants) {
			free(o.hist);
			continue;
		}
		judge(&o, &out->rules);
		out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
		out->v[out->n++] = o;
	}
	free(as);
	return rc;
}

void obj_report_free(obj_report *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i].hist);
	free(r->v);
	refmap_free(r->proc);
	refmap_free(r->subj);
	*r = (obj_report){ 0 };
}

char **objectivity_histogram(const obj_row *o, int width, const char *block, int *n)
{
	long most = 1;
	for (int s = 0; s < o->nhist; s++)
		if (o->hist[s] > most)
			most = o->hist[s];
	static const char *const marks[] = { "«3»", "«4»", "«5»" };
	char **lines = xcalloc((size_t)o->nhist + 1, sizeof *lines);
	size_t blen = strlen(block);
	for (int s = 0; s < o->nhist; s++) {
		int bar = (int)((o->hist[s] * width + most - 1) / most);
		char *bars = xmalloc((size_t)bar * blen + 1);
		for (int k = 0; k < bar; k++)
			memcpy(bars + (size_t)k * blen, block, blen);
		bars[(size_t)bar * blen] = '\0';
		char *line = xasprintf("%3d |%s %ld", s, bars, o->hist[s]);
		free(bars);
		for (int b = 0; b < o->nbounds; b++)
			if (o->bounds[b] == s) {
				char *t = xasprintf(_("%s  <- %s from here"), line, o->nbounds == 1 ? _("the minimum") : marks[b]);
				free(line);
				line = t;
			}
		lines[s] = line;
	}
	*n = o->nhist;
	return lines;
}
