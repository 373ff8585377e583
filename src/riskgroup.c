#include "config.h"

#include <stdlib.h>

#include "cell.h"
#include "common.h"
#include "riskgroup.h"
#include "store.h"

struct collect {
	risk_proposal *v;
	size_t n;
};

static int add_cause(void *ctx, const risk_cause *c)
{
	struct collect *k = ctx;
	char *why;
	if (c->below) {
		char *score = cell_number_text(c->score), *min = cell_number_text(c->min_score);
		why = xasprintf(_("%s %s: %s below the minimum %s"), c->procedure, c->subject, score, min);
		free(score), free(min);
	} else {
		why = xasprintf(_("%s %s: a «2» in the journal"), c->procedure, c->subject);
	}
	/* Causes come grouped by pupil. */
	if (k->n && k->v[k->n - 1].student_id == c->student_id) {
		risk_proposal *p = &k->v[k->n - 1];
		char *r = xasprintf("%s; %s", p->reason, why);
		free(p->reason);
		free(why);
		p->reason = r;
		return 0;
	}
	k->v = xrealloc(k->v, (k->n + 1) * sizeof *k->v);
	k->v[k->n++] = (risk_proposal){ c->student_id, xstrdup(c->name), xstrdup(c->class_label), why };
	return 0;
}

int risk_proposals(sqlite3 *db, int year, risk_proposal **out, size_t *n, char **err)
{
	struct collect k = { 0 };
	int rc = db_risk_causes(db, year, add_cause, &k, err);
	if (rc != 0) {
		risk_proposals_free(k.v, k.n);
		k = (struct collect){ 0 };
	}
	*out = k.v;
	*n = k.n;
	return rc;
}

void risk_proposals_free(risk_proposal *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].name), free(v[i].class_label), free(v[i].reason);
	free(v);
}
