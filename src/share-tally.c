#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "share-tally.h"
#include "strmap.h"

struct share_tally {
	char *school_code;
	d_share *v;		/* its procedure and subject owned */
	size_t n, cap;
	strmap *at;		/* "year|procedure|subject" -> index in v */
	size_t last;		/* the slot of the row before (v[last] when n) */
};

share_tally *share_tally_new(const char *school_code)
{
	share_tally *t = xcalloc(1, sizeof *t);
	t->school_code = xstrdup(school_code);
	t->at = strmap_new();
	return t;
}

void share_tally_free(share_tally *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++)
		free((char *)t->v[i].procedure), free((char *)t->v[i].subject);
	free(t->v);
	free(t->school_code);
	strmap_free(t->at);
	free(t);
}

/* The counts of r's year, procedure and subject, new at zero the first time. */
static d_share *slot(share_tally *t, const d_result *r)
{
	/* a package's rows come an assessment at a time: the slot before,
	 * mostly, without a key made and looked up for every row */
	d_share *prev = t->n ? &t->v[t->last] : NULL;
	if (prev && prev->year == r->year && !strcmp(prev->procedure, r->procedure) &&
	    !strcmp(prev->subject, r->subject))
		return prev;
	char *key = xasprintf("%d|%s|%s", r->year, r->procedure, r->subject);
	long long i;
	if (!strmap_get(t->at, key, &i)) {
		if (t->n == t->cap) {
			t->cap = t->cap ? 2 * t->cap : 16;
			t->v = xrealloc(t->v, t->cap * sizeof *t->v);
		}
		t->v[t->n] = (d_share){ .school_code = t->school_code, .procedure = xstrdup(r->procedure),
					.subject = xstrdup(r->subject), .year = r->year };
		i = (long long)t->n++;
		strmap_put(t->at, key, i);
	}
	free(key);
	t->last = (size_t)i;
	return &t->v[i];
}

void share_tally_add(share_tally *t, const d_result *r)
{
	if (r->absent)
		return;
	d_share *s = slot(t, r);
	/* as SQL compares: a missing value makes no comparison true */
	s->participants++;
	s->below += r->has_score && r->has_min && r->score < r->min_score;
	s->high_known += r->has_high;
	s->high += r->has_score && r->has_high && r->score >= r->high_score;
	if (r->has_mark && r->has_journal) {
		s->compared++;
		s->lowered += r->mark < r->journal_mark;
		s->confirmed += r->mark == r->journal_mark;
		s->raised += r->mark > r->journal_mark;
	}
}

size_t share_tally_count(const share_tally *t)
{
	return t->n;
}

const d_share *share_tally_get(const share_tally *t, size_t i)
{
	return &t->v[i];
}
