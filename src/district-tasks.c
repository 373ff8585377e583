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

int district_tasks(sqlite3 *db, int year, dtask_report *out, char **err)
{
	*out = (dtask_report){ .year = year };
	analysis_rules_get(db, &out->rules);
	return db_d_task_sums(db, year, add_row, out, err);
}

void dtask_report_free(dtask_report *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i].school_code), free(r->v[i].procedure), free(r->v[i].subject), free(r->v[i].number),
			free(r->v[i].skill);
	free(r->v);
	*r = (dtask_report){ 0 };
}

int district_tasks_same(const dtask_row *a, const dtask_row *b)
{
	return a->grade == b->grade && !strcmp(a->procedure, b->procedure) && !strcmp(a->subject, b->subject);
}
