/* The ВПР task by task across the district: every school's share of each
 * task and the district's, from the task scores the packages brought, and
 * the district's deficits — what the «адресные методические рекомендации»
 * are written from. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "db-district.h"
#include "district.h"
#include "num.h"
#include "strmap.h"

static int add_row(void *ctx, const d_task_sum *s)
{
	dtask_report *r = ctx;
	r->v = xrealloc(r->v, (r->n + 1) * sizeof *r->v);
	int tenths = tasks_tenths(s->sum, s->participants, s->max_score);
	r->v[r->n++] = (dtask_row){ xstrdup(s->school_code), xstrdup(s->procedure), xstrdup(s->subject),
				    xstrdup(s->number), xstrdup(s->skill), s->grade, s->sort, s->max_score, s->sum,
				    s->participants, tenths,
				    tasks_is_deficit(&r->rules, tenths, s->has_reference, s->reference), s->has_reference,
				    s->reference };
	return 0;
}

static int tasks_read(sdb *db, int year, dtask_report *out, char **err)
{
	*out = (dtask_report){ .year = year };
	analysis_rules_get(db, &out->rules);
	return db_d_task_sums(db, year, add_row, out, err);
}

/* The rules and the sums from one state of the database. */
int district_tasks(sdb *db, int year, dtask_report *out, char **err)
{
	int began = sdb_read_begin(db, err);
	if (began < 0)
		return -1;
	int rc = tasks_read(db, year, out, err);
	sdb_read_end(db, began);
	return rc;
}

static void dtask_row_clear(dtask_row *v)
{
	free(v->school_code), free(v->procedure), free(v->subject), free(v->number), free(v->skill);
}

void dtask_report_free(dtask_report *r)
{
	for (size_t i = 0; i < r->n; i++)
		dtask_row_clear(&r->v[i]);
	free(r->v);
	*r = (dtask_report){ 0 };
}

int district_tasks_same(const dtask_row *a, const dtask_row *b)
{
	return a->grade == b->grade && !strcmp(a->procedure, b->procedure) && !strcmp(a->subject, b->subject);
}

static int by_code(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t district_tasks_grid(const dtask_report *r, size_t first, dtask_grid *g)
{
	*g = (dtask_grid){ .first = first };
	size_t end = first;
	while (end < r->n && district_tasks_same(&r->v[end], &r->v[first]))
		end++;
	g->end = end;
	for (size_t i = first; i < end; i++) {
		const dtask_row *v = &r->v[i];
		if (!*v->school_code) {
			g->tasks = xrealloc(g->tasks, (g->ntasks + 1) * sizeof *g->tasks);
			g->tasks[g->ntasks++] = v;
			continue;
		}
		size_t k;
		for (k = 0; k < g->nschools && strcmp(g->schools[k], v->school_code) != 0; k++)
			;
		if (k == g->nschools) {
			g->schools = xrealloc(g->schools, (g->nschools + 1) * sizeof *g->schools);
			g->schools[g->nschools++] = v->school_code;
		}
	}
	if (g->nschools > 1)
		qsort(g->schools, g->nschools, sizeof *g->schools, by_code);
	size_t cells = (g->nschools + 1) * g->ntasks;
	g->tenths = xmalloc((cells + 1) * sizeof *g->tenths);
	g->deficit = xcalloc(cells + 1, sizeof *g->deficit);
	for (size_t c = 0; c < cells; c++)
		g->tenths[c] = -1;
	for (size_t i = first; i < end; i++) {
		const dtask_row *v = &r->v[i];
		size_t t, row = 0;
		for (t = 0; t < g->ntasks && strcmp(g->tasks[t]->number, v->number) != 0; t++)
			;
		if (*v->school_code)
			for (row = 1; row <= g->nschools && strcmp(g->schools[row - 1], v->school_code) != 0; row++)
				;
		if (t < g->ntasks && row <= g->nschools) {
			g->tenths[row * g->ntasks + t] = v->tenths;
			g->deficit[row * g->ntasks + t] = v->deficit;
		}
	}
	return end;
}

void dtask_grid_free(dtask_grid *g)
{
	free(g->tasks), free(g->schools), free(g->tenths), free(g->deficit);
	*g = (dtask_grid){ 0 };
}

/* One assessment's sign in words: «ВПР · Русский язык · 6: a peak at 6». */
static char *sign_text(const d_objectivity *o)
{
	char *peak = o->peak_at == (long)o->peak_at ? xasprintf("%ld", (long)o->peak_at) : xasprintf("%g", o->peak_at);
	char *raised = o->has_shares ? num_tenths((int)(o->raised * 10 + 0.5)) : xstrdup("");
	char *s = o->has_peak ? xasprintf(_("%s · %s · %d: a peak of scores at %s"), o->procedure, o->subject, o->grade,
					  peak)
			      : xasprintf(_("%s · %s · %d: marks above the journal's for %s %%"), o->procedure, o->subject,
					  o->grade, raised);
	free(peak), free(raised);
	return s;
}

int district_signs(sdb *db, int year, dist_sign **out, size_t *n, char **err)
{
	d_objectivity *v;
	size_t nv;
	*out = NULL;
	*n = 0;
	if (db_d_objectivity_list(db, year, &v, &nv, err) != 0)
		return -1;
	for (size_t i = 0; i < nv; i++) {
		if (!v[i].flag)
			continue;
		char *t = sign_text(&v[i]);
		if (*n && !strcmp((*out)[*n - 1].school_code, v[i].school_code)) {
			char *both = xasprintf("%s; %s", (*out)[*n - 1].text, t);
			free((*out)[*n - 1].text), free(t);
			(*out)[*n - 1].text = both;
			continue;
		}
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		(*out)[(*n)++] = (dist_sign){ xstrdup(v[i].school_code), t };
	}
	d_objectivity_free(v, nv);
	return 0;
}

const char *district_sign_of(const dist_sign *v, size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i].school_code, code))
			return v[i].text;
	return NULL;
}

void district_signs_free(dist_sign *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].school_code), free(v[i].text);
	free(v);
}

void district_signs_keep(dist_sign *v, size_t *n, const strmap *codes)
{
	size_t k = 0;
	long long at;
	for (size_t i = 0; i < *n; i++)
		if (strmap_get(codes, v[i].school_code, &at))
			v[k++] = v[i];
		else
			free(v[i].school_code), free(v[i].text);
	*n = k;
}

char **district_tasks_deficit_lines(const dtask_report *r, size_t *n)
{
	char **v = NULL;
	*n = 0;
	const dtask_row *last = NULL;
	for (size_t i = 0; i < r->n; i++) {
		const dtask_row *d = &r->v[i];
		if (*d->school_code || !d->deficit)
			continue;
		long behind = 0, schools = 0;
		for (size_t k = i + 1; k < r->n && *r->v[k].school_code; k++)
			behind += r->v[k].deficit, schools++;
		v = xrealloc(v, (*n + 2) * sizeof *v);
		if (!last || !district_tasks_same(last, d))
			v[(*n)++] = xasprintf(_("%s (%s, grade %d)"), d->subject, d->procedure, d->grade);
		last = d;
		char *pct = num_tenths(d->tenths);
		char *head = xasprintf(ngettext("task %s — %s %%, a deficit in %ld of %ld school",
						"task %s — %s %%, a deficit in %ld of %ld schools", (unsigned long)schools),
				       d->number, pct, behind, schools);
		v[(*n)++] = *d->skill ? xasprintf("  • %s: %s", head, d->skill) : xasprintf("  • %s", head);
		free(pct), free(head);
	}
	return v;
}

/* Each task's line of all (before its schools' lines) is summed again
 * from the kept schools', its share and deficit worked out anew. */
void district_tasks_keep(dtask_report *t, const strmap *codes)
{
	long long x;
	size_t k = 0;
	long total = -1;	/* the index of the current task's line of all */
	for (size_t i = 0; i < t->n; i++) {
		dtask_row *v = &t->v[i];
		if (!*v->school_code) {
			v->sum = 0, v->participants = 0;
			total = (long)k;
			t->v[k++] = *v;
		} else if (strmap_get(codes, v->school_code, &x) && total >= 0) {
			t->v[total].sum += v->sum;
			t->v[total].participants += v->participants;
			t->v[k++] = *v;
		} else {
			dtask_row_clear(v);
		}
	}
	t->n = k;
	k = 0;
	for (size_t i = 0; i < t->n; i++) {
		dtask_row *v = &t->v[i];
		if (!*v->school_code) {
			if (!v->participants) {
				dtask_row_clear(v);
				continue;
			}
			v->tenths = tasks_tenths(v->sum, v->participants, v->max_score);
			v->deficit = tasks_is_deficit(&t->rules, v->tenths, v->has_reference, v->reference);
		}
		t->v[k++] = *v;
	}
	t->n = k;
}
