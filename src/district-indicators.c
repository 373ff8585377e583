/* The district's indicators from the results the packages brought: each
 * school's and the district's, shares pooled over pupils (not averaged
 * over schools), this year beside the last. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "db-district.h"
#include "district.h"
#include "strmap.h"

struct ctx {
	dist_ind_set *s;
	strmap *index;		/* "school|procedure|subject" → position + 1 */
	size_t cap;
};

static dist_ind *row_of(struct ctx *c, const char *school, const char *proc, const char *subj)
{
	char *key = xasprintf("%s|%s|%s", school, proc, subj);
	long long at;
	if (!strmap_get(c->index, key, &at)) {
		if (c->s->n == c->cap)
			c->s->v = xrealloc(c->s->v, (c->cap = c->cap ? 2 * c->cap : 64) * sizeof *c->s->v);
		c->s->v[c->s->n] = (dist_ind){ .school_code = xstrdup(school), .procedure = xstrdup(proc),
					       .subject = xstrdup(subj) };
		at = (long long)++c->s->n;
		strmap_put(c->index, key, at);
	}
	free(key);
	return &c->s->v[at - 1];
}

static void add(dist_ind *r, int k, const d_share *s)
{
	r->participants[k] += s->participants;
	r->below[k] += s->below;
	r->high_known[k] += s->high_known;
	r->high[k] += s->high;
	r->compared[k] += s->compared;
	r->lowered[k] += s->lowered;
	r->confirmed[k] += s->confirmed;
	r->raised[k] += s->raised;
}

static int visit(void *vctx, const d_share *s)
{
	struct ctx *c = vctx;
	int k = s->year == c->s->year;
	add(row_of(c, s->school_code, s->procedure, s->subject), k, s);
	add(row_of(c, "", s->procedure, s->subject), k, s);
	return 0;
}

static int by_key(const void *a, const void *b)
{
	const dist_ind *x = a, *y = b;
	int d = strcmp(x->school_code, y->school_code);
	if (!d)
		d = strcmp(x->procedure, y->procedure);
	return d ? d : strcmp(x->subject, y->subject);
}

const dist_ind *dist_ind_find(const dist_ind_set *s, const char *code, const char *proc, const char *subj)
{
	if (!s->n)
		return NULL;
	dist_ind key = { .school_code = (char *)code, .procedure = (char *)proc, .subject = (char *)subj };
	return bsearch(&key, s->v, s->n, sizeof *s->v, by_key);
}

int district_indicators(sdb *db, int year, dist_ind_set *out, char **err)
{
	*out = (dist_ind_set){ .year = year };
	struct ctx c = { out, strmap_new(), 0 };
	int rc = db_d_shares(db, year - 1, year, visit, &c, err);
	strmap_free(c.index);
	if (rc != 0) {
		dist_ind_set_free(out);
		return -1;
	}
	if (out->n)
		qsort(out->v, out->n, sizeof *out->v, by_key);
	return 0;
}

static void dist_ind_clear(dist_ind *v)
{
	free(v->school_code), free(v->procedure), free(v->subject);
}

void dist_ind_set_free(dist_ind_set *s)
{
	for (size_t i = 0; i < s->n; i++)
		dist_ind_clear(&s->v[i]);
	free(s->v);
	*s = (dist_ind_set){ 0 };
}

double district_share(long num, long den)
{
	return den > 0 ? 100.0 * (double)num / (double)den : -1;
}

/* Every count adds up over schools: the lines of all are summed again
 * from the kept schools' lines. */
void district_indicators_keep(dist_ind_set *s, const strmap *codes)
{
	strmap *total = strmap_new();
	char *used = xcalloc(s->n + 1, 1);	/* a total's line with a kept school's */
	size_t k = 0;
	for (size_t i = 0; i < s->n; i++) {
		dist_ind *v = &s->v[i];
		char *key = xasprintf("%s\x1f%s", v->procedure, v->subject);
		long long at, x;
		if (!*v->school_code) {
			/* "" first: each total zeroed, then summed below */
			dist_ind z = { .school_code = v->school_code, .procedure = v->procedure, .subject = v->subject };
			*v = z;
			strmap_put(total, key, (long long)k);
			s->v[k++] = *v;
		} else if (strmap_get(codes, v->school_code, &x) && strmap_get(total, key, &at)) {
			dist_ind *t = &s->v[at];
			used[at] = 1;
			for (int y = 0; y < 2; y++) {
				t->participants[y] += v->participants[y], t->below[y] += v->below[y];
				t->high_known[y] += v->high_known[y], t->high[y] += v->high[y];
				t->compared[y] += v->compared[y], t->lowered[y] += v->lowered[y];
				t->confirmed[y] += v->confirmed[y], t->raised[y] += v->raised[y];
			}
			s->v[k++] = *v;
		} else {
			dist_ind_clear(v);
		}
		free(key);
	}
	s->n = k;
	/* totals no kept school has a line of go */
	k = 0;
	for (size_t i = 0; i < s->n; i++) {
		dist_ind *v = &s->v[i];
		if (!*v->school_code && !used[i])
			dist_ind_clear(v);
		else
			s->v[k++] = *v;
	}
	s->n = k;
	free(used);
	strmap_free(total);
}
