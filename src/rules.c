/* The rules of the analysis: each a setting of the database, with its
 * default, its bounds and what it means. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "num.h"
#include "rules.h"
#include "store.h"

static const struct rule {
	enum rules_group group;
	const char *name, *key;
	double def, min, max;
	int whole;
	const char *meaning;	/* N_() */
} rules[] = {
	{ RULES_TASKS, "deficit-below", "tasks.deficit_below", 50, 1, 100, 0,
	  N_("a task done below this percent is a deficit") },
	{ RULES_TASKS, "deficit-gap", "tasks.deficit_gap", 15, 1, 100, 0,
	  N_("…or this many points below the region's share") },
	{ RULES_OBJECTIVITY, "peak-p", "objectivity.peak_p", 0.01, 0.0001, 0.5, 0,
	  N_("a peak at a mark's boundary: a fair coin gives as many at it less often than this") },
	{ RULES_OBJECTIVITY, "peak-boundary", "objectivity.peak_boundary", 5, 1, 1000, 1,
	  N_("…with at least this many pupils at the boundary") },
	{ RULES_OBJECTIVITY, "peak-participants", "objectivity.peak_participants", 20, 1, 100000, 1,
	  N_("…and at least this many participants") },
	{ RULES_OBJECTIVITY, "raised", "objectivity.raised", 25, 1, 100, 0,
	  N_("marks raised over the journal's for this percent of the pupils or more is a sign too") },
};
#define NRULES (sizeof rules / sizeof *rules)

static double rule_value(sdb *db, const struct rule *r)
{
	char *err = NULL, *v = db_setting_get(db, r->key, &err);
	double x;
	int ok = v && cell_number(v, &x) == 0 && x >= r->min && x <= r->max;
	free(v), free(err);
	return ok ? x : r->def;
}

void analysis_rules_get(sdb *db, analysis_rules *r)
{
	double v[NRULES];
	for (size_t i = 0; i < NRULES; i++)
		v[i] = rule_value(db, &rules[i]);
	*r = (analysis_rules){ v[0], v[1], v[2], (long)v[3], (long)v[4], v[5] };
}

int analysis_rule_set(sdb *db, enum rules_group g, const char *name, const char *value, char **err)
{
	for (size_t i = 0; i < NRULES; i++) {
		const struct rule *r = &rules[i];
		if (r->group != g || strcmp(r->name, name) != 0)
			continue;
		double x;
		if (cell_number(value, &x) != 0 || x < r->min || x > r->max || (r->whole && x != (long)x)) {
			char *lo = cell_number_text(r->min), *hi = cell_number_text(r->max);
			*err = xasprintf(r->whole ? _("«%s» is not a whole number from %s to %s")
						  : _("«%s» is not a number from %s to %s"), value, lo, hi);
			free(lo), free(hi);
			return -1;
		}
		char *text = cell_number_text(x);
		/* kept with a point, read back whatever the locale */
		for (char *p = text; *p; p++)
			if (*p == ',')
				*p = '.';
		int rc = db_setting_set(db, r->key, text, err);
		free(text);
		return rc;
	}
	*err = xasprintf(_("there is no setting «%s»"), name);
	return -1;
}

char *analysis_rules_text(sqlite3 *db, enum rules_group g)
{
	char *s = xstrdup("");
	for (size_t i = 0; i < NRULES; i++) {
		if (rules[i].group != g)
			continue;
		char *v = cell_number_text(rule_value(db_sdb(db), &rules[i]));
		char *t = xasprintf("%s  %-18s %-7s %s\n", s, rules[i].name, v, _(rules[i].meaning));
		free(s), free(v);
		s = t;
	}
	return s;
}


int tasks_tenths(double sum, long participants, double max)
{
	if (participants <= 0 || max <= 0)
		return -1;
	return (int)(1000.0 * sum / ((double)participants * max) + 0.5 + 1e-9);
}

int tasks_is_deficit(const analysis_rules *r, int tenths, int has_reference, double reference)
{
	if (tenths < 0)
		return 0;
	/* judged on the share as printed, one decimal, so a reader can check it */
	if (tenths < (int)(r->deficit_below * 10 + 0.5))
		return 1;
	return has_reference && (int)(reference * 10 + 0.5) - tenths >= (int)(r->deficit_gap * 10 + 0.5);
}

char *rules_deficit_text(const analysis_rules *r, int district, int doc)
{
	int below = (int)(r->deficit_below * 10 + 0.5), gap = (int)(r->deficit_gap * 10 + 0.5);
	char *b = doc ? num_doc_tenths(below, 0) : num_tenths(below), *g = doc ? num_doc_tenths(gap, 0) : num_tenths(gap);
	char *text = district == 2
		? xasprintf(_("A task is a deficit when the schools together did it below %s %% of its maximum, or %s"
			      " points or more below the region's share in the task maps."), b, g)
		: district ? xasprintf(_("A task is a deficit when the district did it below %s %% of its maximum, or %s"
					 " points or more below the region."), b, g)
			   : xasprintf(_("A task is a deficit when the school did it below %s %% of its maximum, or %s"
					 " points or more below the region."), b, g);
	free(b), free(g);
	return text;
}
