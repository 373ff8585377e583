#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "day.h"
#include "indicators.h"
#include "roadmap.h"

static const char *const codes[IND_COUNT] = {
	[IND_BELOW_MIN_ANY] = "below_min_any", [IND_HIGH_ANY] = "high_any",
	[IND_BELOW_MIN] = "below_min", [IND_BELOW_MIN_CHANGE] = "below_min_change",
	[IND_HIGH] = "high", [IND_NOT_BELOW_AVG] = "not_below_avg",
	[IND_MARKS_LOWERED] = "marks_lowered", [IND_MARKS_CONFIRMED] = "marks_confirmed",
	[IND_MARKS_RAISED] = "marks_raised",
	[IND_TEACHERS_DIAGNOSED] = "teachers_diagnosed", [IND_TEACHERS_TRAINED] = "teachers_trained",
	[IND_WEAK_WITH_ROUTE] = "weak_with_route", [IND_FAILING_IN_EXTRA] = "failing_in_extra_lessons",
	[IND_METHODICAL_EVENTS] = "methodical_events",
	[IND_RISK_GROUP] = "risk_group", [IND_RISK_GROUP_CHANGE] = "risk_group_change",
};

static const char *const titles[IND_COUNT] = {
	[IND_BELOW_MIN_ANY] = N_("below minimum in a subject"),
	[IND_HIGH_ANY] = N_("high level in a subject"),
	[IND_BELOW_MIN] = N_("below the minimum"),
	[IND_BELOW_MIN_CHANGE] = N_("below minimum: change"),
	[IND_HIGH] = N_("high level"),
	[IND_NOT_BELOW_AVG] = N_("not below region's average"),
	[IND_MARKS_LOWERED] = N_("marks lowered"),
	[IND_MARKS_CONFIRMED] = N_("marks confirmed"),
	[IND_MARKS_RAISED] = N_("marks raised"),
	[IND_TEACHERS_DIAGNOSED] = N_("teachers diagnosed"),
	[IND_TEACHERS_TRAINED] = N_("teachers trained in 3 years"),
	[IND_WEAK_WITH_ROUTE] = N_("risk group with a route"),
	[IND_FAILING_IN_EXTRA] = N_("failing in extra lessons"),
	[IND_METHODICAL_EVENTS] = N_("methodical events"),
	[IND_RISK_GROUP] = N_("pupils in the risk group"),
	[IND_RISK_GROUP_CHANGE] = N_("risk group: change"),
};

const char *indicator_code(enum ind_code c)
{
	return codes[c];
}

const char *indicator_title(enum ind_code c)
{
	return _(titles[c]);
}

int indicator_is_count(enum ind_code c)
{
	return c >= IND_METHODICAL_EVENTS;
}

int indicator_tenths(long num, long den)
{
	return (int)((num * 2000 + den) / (2 * den));
}

int indicator_mark(const scale *sc, const result *r)
{
	if (r->has_mark)
		return r->mark;
	if (!r->has_score || !sc->has_score4 || !sc->has_score5)
		return 0;
	if (r->score < sc->min_score)
		return 2;
	if (r->score < sc->score4)
		return 3;
	if (r->score < sc->score5)
		return 4;
	return 5;
}

/* Counters of one assessment (one grade) or of a subject's grades pooled. */
struct tally {
	long part, below, high, high_den, avg, avg_den, cmp, lowered, confirmed, raised;
};

static void tally_add(struct tally *t, const struct tally *u)
{
	t->part += u->part, t->below += u->below, t->high += u->high, t->high_den += u->high_den;
	t->avg += u->avg, t->avg_den += u->avg_den, t->cmp += u->cmp;
	t->lowered += u->lowered, t->confirmed += u->confirmed, t->raised += u->raised;
}

/* "At least one subject" needs each pupil once per group: a stamp per pupil
 * says which group it was last counted in. */
struct anygroup {
	int *stamp;
	unsigned char *below, *high;
	int id;
	long part, nbelow, nhigh;
	int has_high;
};

struct walk {
	const assessment *a;
	struct tally t;
	struct anygroup *grade, *proc;
	size_t nstudents;
};

static void any_count(struct anygroup *g, long sid, int below, int high)
{
	if (g->stamp[sid] != g->id) {
		g->stamp[sid] = g->id;
		g->below[sid] = g->high[sid] = 0;
		g->part++;
	}
	if (below && !g->below[sid])
		g->below[sid] = 1, g->nbelow++;
	if (high && !g->high[sid])
		g->high[sid] = 1, g->nhigh++;
}

static int visit(void *ctx, const result *r)
{
	struct walk *w = ctx;
	const scale *sc = &w->a->sc;
	if (r->absent || !r->has_score)
		return 0;
	struct tally *t = &w->t;
	int below = r->score < sc->min_score;
	int has_h = sc->has_high || sc->has_score5;
	double h = sc->has_high ? sc->high_score : sc->score5;
	int high = has_h && r->score >= h;
	t->part++;
	t->below += below;
	if (has_h)
		t->high_den++, t->high += high;
	if (sc->has_avg)
		t->avg_den++, t->avg += r->score >= sc->avg_score;
	int mark = indicator_mark(sc, r);
	if (mark && r->has_journal) {
		t->cmp++;
		t->lowered += mark < r->journal_mark;
		t->confirmed += mark == r->journal_mark;
		t->raised += mark > r->journal_mark;
	}
	if (w->grade && (size_t)r->student_id < w->nstudents) {
		any_count(w->grade, r->student_id, below, high);
		any_count(w->proc, r->student_id, below, high);
	}
	return 0;
}

static void push(ind_set *s, size_t *cap, enum ind_code code, long proc, long subj, int grade,
		 long num, long den)
{
	if (den <= 0)
		return;
	if (s->n == *cap)
		s->v = xrealloc(s->v, (*cap = *cap ? *cap * 2 : 64) * sizeof *s->v);
	s->v[s->n++] = (indicator){ code, proc, subj, grade, s->year, num, den, indicator_tenths(num, den) };
}

static void push_tally(ind_set *s, size_t *cap, long proc, long subj, int grade, const struct tally *t)
{
	push(s, cap, IND_BELOW_MIN, proc, subj, grade, t->below, t->part);
	push(s, cap, IND_HIGH, proc, subj, grade, t->high, t->high_den);
	push(s, cap, IND_NOT_BELOW_AVG, proc, subj, grade, t->avg, t->avg_den);
	push(s, cap, IND_MARKS_LOWERED, proc, subj, grade, t->lowered, t->cmp);
	push(s, cap, IND_MARKS_CONFIRMED, proc, subj, grade, t->confirmed, t->cmp);
	push(s, cap, IND_MARKS_RAISED, proc, subj, grade, t->raised, t->cmp);
}

static void push_any(ind_set *s, size_t *cap, long proc, int grade, const struct anygroup *g)
{
	push(s, cap, IND_BELOW_MIN_ANY, proc, 0, grade, g->nbelow, g->part);
	if (g->has_high)
		push(s, cap, IND_HIGH_ANY, proc, 0, grade, g->nhigh, g->part);
}

static void group_reset(struct anygroup *g)
{
	g->id++;
	g->part = g->nbelow = g->nhigh = 0;
	g->has_high = 0;
}

/* Tallies every assessment of a year: per grade into s, and, when any is
 * set, the "at least one subject" groups too. Assessments come ordered by
 * procedure, grade, subject. */
static int tally_year(sqlite3 *db, int year, size_t nstudents, int with_any, ind_set *s, char **err)
{
	assessment *as;
	size_t na, cap = s->n;
	if (db_assessment_list_year(db, year, &as, &na, err) != 0)
		return -1;
	struct anygroup grade = { 0 }, proc = { 0 };
	if (with_any) {
		grade.stamp = xcalloc(nstudents, sizeof(int));
		proc.stamp = xcalloc(nstudents, sizeof(int));
		grade.below = xcalloc(nstudents, 1), grade.high = xcalloc(nstudents, 1);
		proc.below = xcalloc(nstudents, 1), proc.high = xcalloc(nstudents, 1);
	}
	/* Pooled tallies per subject of the current procedure, by subject id. */
	struct { long subj; struct tally t; } *pool = NULL;
	size_t npool = 0;
	int rc = 0;
	for (size_t i = 0; i < na && rc == 0; i++) {
		const assessment *a = &as[i];
		int new_proc = i == 0 || a->procedure_id != as[i - 1].procedure_id;
		if (with_any && new_proc)
			group_reset(&proc);
		if (with_any && (new_proc || a->grade != as[i - 1].grade))
			group_reset(&grade);
		struct walk w = { .a = a, .grade = with_any ? &grade : NULL, .proc = &proc, .nstudents = nstudents };
		rc = db_result_each(db, a->id, visit, &w, err);
		push_tally(s, &cap, a->procedure_id, a->subject_id, a->grade, &w.t);
		int has_h = a->sc.has_high || a->sc.has_score5;
		grade.has_high |= has_h;
		proc.has_high |= has_h;
		size_t k;
		for (k = 0; k < npool && pool[k].subj != a->subject_id; k++)
			;
		if (k == npool) {
			pool = xrealloc(pool, ++npool * sizeof *pool);
			pool[k].subj = a->subject_id;
			memset(&pool[k].t, 0, sizeof pool[k].t);
		}
		tally_add(&pool[k].t, &w.t);
		int end_grade = i + 1 == na || as[i + 1].procedure_id != a->procedure_id || as[i + 1].grade != a->grade;
		int end_proc = i + 1 == na || as[i + 1].procedure_id != a->procedure_id;
		if (with_any && end_grade)
			push_any(s, &cap, a->procedure_id, a->grade, &grade);
		if (end_proc) {
			if (with_any)
				push_any(s, &cap, a->procedure_id, 0, &proc);
			for (k = 0; k < npool; k++)
				push_tally(s, &cap, a->procedure_id, pool[k].subj, 0, &pool[k].t);
			npool = 0;
		}
	}
	free(pool);
	free(as);
	free(grade.stamp), free(grade.below), free(grade.high);
	free(proc.stamp), free(proc.below), free(proc.high);
	return rc;
}

/* Procedures and subjects in the reference data's order, then grade, then code. */
static int cmp_ind(const void *pa, const void *pb, void *arg)
{
	const indicator *a = pa, *b = pb;
	const ind_set *sorting = arg;
	int r;
	/* The school's own indicators (procedure 0) after every procedure's. */
	int ra = a->procedure_id ? refmap_rank(sorting->proc, a->procedure_id) : 1 << 20;
	int rb = b->procedure_id ? refmap_rank(sorting->proc, b->procedure_id) : 1 << 20;
	if ((r = ra - rb))
		return r;
	long sa = a->subject_id ? refmap_rank(sorting->subj, a->subject_id) : -1;
	long sb = b->subject_id ? refmap_rank(sorting->subj, b->subject_id) : -1;
	if (sa != sb)
		return sa < sb ? -1 : 1;
	if (a->grade != b->grade)
		return a->grade - b->grade;
	return (int)a->code - (int)b->code;
}

/* The school's people in year: teachers diagnosed and trained within three
 * years of the year's end (or of today, in the current year: a course taken
 * exactly three years before still counts), the risk group with individual
 * routes, pupils below the minimum that year in extra lessons, and the
 * methodical events held. */
static int people(sqlite3 *db, int year, ind_set *s, size_t *cap, char **err)
{
	long v[8];
	if (db_people_counts(db, year, v, err) != 0)
		return -1;
	push(s, cap, IND_TEACHERS_DIAGNOSED, 0, 0, 0, v[1], v[0]);
	push(s, cap, IND_TEACHERS_TRAINED, 0, 0, 0, v[2], v[0]);
	push(s, cap, IND_WEAK_WITH_ROUTE, 0, 0, 0, v[4], v[3]);
	push(s, cap, IND_FAILING_IN_EXTRA, 0, 0, 0, v[6], v[5]);
	/* The group's size on the year's last day (or today, if sooner), and
	 * its change since the end of the half-year before. */
	long today = day_today();
	long ref = today < year * 10000L + 1231 ? today : year * 10000L + 1231;
	long prev = ref / 100 % 100 <= 6 ? (ref / 10000 - 1) * 10000 + 1231 : ref / 10000 * 10000 + 630;
	char *day = day_iso(ref), *before = day_iso(prev);
	long now_size = db_risk_size_on(db, day, err), was_size = now_size < 0 ? -1 : db_risk_size_on(db, before, err);
	free(day), free(before);
	if (was_size < 0)
		return -1;
	const struct { enum ind_code code; long value; int show; } counts[] = {
		{ IND_METHODICAL_EVENTS, v[7], v[7] != 0 },
		{ IND_RISK_GROUP, now_size, now_size || was_size },
		{ IND_RISK_GROUP_CHANGE, now_size - was_size, now_size || was_size },
	};
	for (size_t i = 0; i < sizeof counts / sizeof *counts; i++) {
		if (!counts[i].show)
			continue;
		if (s->n == *cap)
			s->v = xrealloc(s->v, (*cap = *cap ? *cap * 2 : 64) * sizeof *s->v);
		s->v[s->n++] = (indicator){ counts[i].code, 0, 0, 0, s->year, counts[i].value, 0, 0 };
	}
	return 0;
}

int indicators_compute(sqlite3 *db, int year, ind_set *out, char **err)
{
	*out = (ind_set){ .year = year };
	if (!(out->proc = db_ref_load(db, REF_PROCEDURE, err)) || !(out->subj = db_ref_load(db, REF_SUBJECT, err)))
		return -1;
	long maxid = db_student_max_id(db, err);
	if (maxid < 0)
		return -1;
	if (tally_year(db, year, (size_t)maxid + 1, 1, out, err) != 0)
		return -1;
	ind_set last = { .year = year - 1 };
	if (tally_year(db, year - 1, 0, 0, &last, err) != 0) {
		free(last.v);
		return -1;
	}
	size_t n = out->n, cap = out->n;
	for (size_t i = 0; i < n; i++) {
		const indicator *now = &out->v[i];
		if (now->code != IND_BELOW_MIN)
			continue;
		for (size_t k = 0; k < last.n; k++) {
			const indicator *was = &last.v[k];
			if (was->code == IND_BELOW_MIN && was->procedure_id == now->procedure_id &&
			    was->subject_id == now->subject_id && was->grade == now->grade) {
				/* The difference of the two shares as printed, so that a
				 * reader can check it against them. */
				int diff = now->tenths - was->tenths;
				push(out, &cap, IND_BELOW_MIN_CHANGE, now->procedure_id, now->subject_id,
				     now->grade, now->num, now->den);
				out->v[out->n - 1].tenths = diff;
				now = &out->v[i];
				break;
			}
		}
	}
	free(last.v);
	if (people(db, year, out, &cap, err) != 0)
		return -1;
	if (out->n)
		qsort_r(out->v, out->n, sizeof *out->v, cmp_ind, out);
	return 0;
}

void ind_set_free(ind_set *s)
{
	free(s->v);
	refmap_free(s->proc);
	refmap_free(s->subj);
	*s = (ind_set){ 0 };
}
