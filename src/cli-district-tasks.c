/* district tasks [--year Y] [--district D] [--format table|csv]: the ВПР task by task per
 * school and for the district. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-district.h"
#include "common.h"
#include "csvout.h"
#include "db.h"
#include "district.h"
#include "num.h"
#include "table.h"

static void print_csv(const dtask_report *r)
{
	static const char *const head[] = { "school_code", "procedure", "subject", "grade", "year", "task", "max_score",
					    "participants", "score_sum", "percent", "deficit" };
	csvout_line(stdout, head, 11);
	for (size_t i = 0; i < r->n; i++) {
		const dtask_row *v = &r->v[i];
		char *grade = xasprintf("%d", v->grade), *year = xasprintf("%d", r->year);
		char *max = csvout_number(&csv_rfc4180, v->max_score), *n = xasprintf("%ld", v->participants);
		char *sum = xasprintf("%.10g", v->sum);	/* whole, never 1e+06 */
		char *pct = v->tenths < 0 ? xstrdup("") : csvout_tenths(&csv_rfc4180, v->tenths);
		const char *cells[] = { v->school_code, v->procedure, v->subject, grade, year, v->number, max, n, sum, pct,
					v->deficit ? "1" : "0" };
		csvout_line(stdout, cells, 11);
		free(grade), free(year), free(max), free(n), free(sum), free(pct);
	}
}

/* region: the office is the region's (its pooled line is all the schools
 * shown, not a district's); district: the one --district kept, or NULL. */
static void print_table(const dtask_report *r, int region, const char *district)
{
	if (!region)
		printf(_("Tasks of %d across the district\n"), r->year);
	else if (district)
		printf(_("Tasks of %d across the schools of %s\n"), r->year, district);
	else
		printf(_("Tasks of %d across the region's schools\n"), r->year);
	if (!r->n) {
		printf(_("\nNo task scores for %d: the schools' packages hold none yet.\n"), r->year);
		return;
	}
	table *t = NULL;
	long deficits = 0;
	for (size_t i = 0; i < r->n; i++) {
		const dtask_row *v = &r->v[i];
		if (*v->school_code)
			continue;
		int first = 1;
		for (size_t k = 0; k < i && first; k++)
			first = !(district_tasks_same(&r->v[k], v));
		if (first) {
			if (t) {
				table_print(t, stdout, table_width(stdout));
				table_free(t);
			}
			long schools = 0;
			for (size_t k = i + 1; k < r->n && district_tasks_same(&r->v[k], v) && *r->v[k].school_code; k++)
				schools++;
			printf("\n");
			printf(ngettext("%s · %s · grade %d · %ld school\n", "%s · %s · grade %d · %ld schools\n",
					(unsigned long)schools), v->procedure, v->subject, v->grade, schools);
			t = table_new(6, "lrrrrl", "-----+");
			const char *head[] = { _("Task"), _("Max"),
					       region ? pgettext_deferred(NC_("tasks column", "All schools")) : _("District"),
					       _("Region"), _("Schools with a deficit"), _("What it checks") };
			table_add(t, head);
		}
		long behind = 0, schools = 0;
		for (size_t k = i + 1; k < r->n && *r->v[k].school_code && !strcmp(r->v[k].number, v->number) &&
				       district_tasks_same(&r->v[k], v); k++)
			behind += r->v[k].deficit, schools++;
		char *task = xasprintf("%s%s", v->number, v->deficit ? " !" : "");
		char *max = csvout_number(&csv_rfc4180, v->max_score);
		char *pct = v->tenths < 0 ? xstrdup("—") : num_tenths(v->tenths);
		char *ref = v->has_reference ? num_tenths((int)(v->reference * 10 + 0.5)) : xstrdup("");
		char *count = xasprintf(_("%ld of %ld"), behind, schools);
		const char *cells[] = { task, max, pct, ref, count, v->skill };
		table_add(t, cells);
		free(task), free(max), free(pct), free(ref), free(count);
		deficits += v->deficit;
	}
	if (t) {
		table_print(t, stdout, table_width(stdout));
		table_free(t);
	}
	if (deficits) {
		char *rule = rules_deficit_text(&r->rules, region ? 2 : 1, 0);
		printf(region ? _("\n\"!\": a deficit of the schools together. %s\n")
			      : _("\n\"!\": a deficit of the district. %s\n"), rule);
		free(rule);
	}
}

int cli_district_tasks(int argc, char **argv, cli_env *env, const cli_command *cmd)
{
	school sc = { 0 };
	int year, csv, exit_now;
	const char *district;
	sdb *db = cli_district_year(argc, argv, env, cmd, &sc, &year, &district, &csv, &exit_now);
	if (!db)
		return exit_now;
	char *err = NULL;
	dtask_report r;
	strmap *kept = NULL;
	int rc = district_tasks(db, year, &r, &err);
	if (rc == 0 && district && !(kept = district_codes(db, district, &err)))
		rc = -1;
	if (kept) {
		district_tasks_keep(&r, kept);
		strmap_free(kept);
	}
	if (rc == 0) {
		if (csv)
			print_csv(&r);
		else
			print_table(&r, strcmp(sc.role, "region") == 0, district);
	} else {
		cli_error("%s", err);
		free(err);
	}
	dtask_report_free(&r);
	school_clear(&sc);
	sdb_close(db);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}
