/* district indicators [--year Y] [--district D] [--format table|csv]: every school's and
 * the district's shares, the year beside the one before. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-district.h"
#include "common.h"
#include "csvout.h"
#include "db-district.h"
#include "db.h"
#include "district-report.h"
#include "district.h"
#include "indicators.h"
#include "num.h"
#include "strmap.h"
#include "table.h"

static void print_csv(const dist_ind_set *s, strmap *names, char *const *name_list)
{
	static const char *const head[] = {
		"school_code", "school_name", "procedure", "subject", "year", "participants", "below_min",
		"below_min_percent", "high", "high_percent", "compared", "lowered", "confirmed", "raised",
		"prev_participants", "prev_below_min", "prev_below_min_percent", "prev_high", "prev_high_percent",
		"below_min_change",
	};
	enum { N = sizeof head / sizeof *head };
	csvout_line(stdout, head, N);
	char *year = xasprintf("%d", s->year);
	for (size_t i = 0; i < s->n; i++) {
		const dist_ind *v = &s->v[i];
		long long at;
		const char *name = *v->school_code && strmap_get(names, v->school_code, &at) ? name_list[at] : "";
		char *num[DISTRICT_REPORT_NUMBERS];
		district_report_numbers(v, &csv_rfc4180, num);
		const char *cells[N] = { v->school_code, name, v->procedure, v->subject, year };
		for (size_t k = 0; k < DISTRICT_REPORT_NUMBERS; k++)
			cells[5 + k] = num[k];
		csvout_line(stdout, cells, N);
		for (size_t k = 0; k < DISTRICT_REPORT_NUMBERS; k++)
			free(num[k]);
	}
	free(year);
}

/* A share for people: "33,3", or "—" when nobody counts. */
static char *shown_share(long num, long den)
{
	return den > 0 ? num_tenths(indicator_tenths(num, den)) : xstrdup("—");
}

static void print_table(const dist_ind_set *s, strmap *names, char *const *name_list, const school *office)
{
	printf(_("Indicators for %d against %d: %s (code %s)\n"), s->year, s->year - 1, office->name, office->code);
	if (s->n == 0) {
		printf(_("No results for %d or %d: import the schools' packages with 'orientir district import'.\n"),
		       s->year, s->year - 1);
		return;
	}
	printf(_("Below the minimum and at the high level: %% of participants, all grades\n"
		 "pooled; ± is the change in points.\n\n"));
	char *prev = xasprintf("%d", s->year - 1);
	table *t = table_new(8, "llrrrrrr", "-+------");
	/* TRANSLATORS: column heads of 'district indicators': keep them short. */
	const char *head[] = { _("Proc."), _("Subject"), _("Pupils"), _("Below min."), prev, "±", _("High"), prev };
	table_add(t, head);
	long small = 0;
	for (size_t i = 0; i < s->n; i++) {
		const dist_ind *v = &s->v[i];
		if (i == 0 || strcmp(v->school_code, s->v[i - 1].school_code) != 0) {
			long long at;
			char *title = !*v->school_code ? xasprintf("%s:", _("All schools of the district"))
				: strmap_get(names, v->school_code, &at) ? xasprintf("%s %s:", v->school_code, name_list[at])
				: xasprintf("%s:", v->school_code);
			table_add_heading(t, title);
			free(title);
		}
		int d, few = v->participants[1] > 0 && v->participants[1] < IND_SMALL_GROUP;
		small += few;
		char *pupils = xasprintf("%ld%s", v->participants[1], few ? "*" : "");
		char *below = shown_share(v->below[1], v->participants[1]);
		char *below_was = shown_share(v->below[0], v->participants[0]);
		char *change = district_report_change(v, &d) ? num_change(d) : xstrdup("");
		char *high = shown_share(v->high[1], v->high_known[1]);
		char *high_was = shown_share(v->high[0], v->high_known[0]);
		const char *row[] = { v->procedure, v->subject, pupils, below, below_was, change, high, high_was };
		table_add(t, row);
		free(pupils), free(below), free(below_was), free(change), free(high), free(high_was);
	}
	table_print(t, stdout, table_width(stdout));
	table_free(t);
	free(prev);
	if (small)
		printf(_("\n* under %d participants: too few to judge.\n"), IND_SMALL_GROUP);
}

int cli_district_indicators(int argc, char **argv, cli_env *env, const cli_command *cmd)
{
	school sc = { 0 };
	int year, csv, exit_now;
	const char *district;
	sdb *db = cli_district_year(argc, argv, env, cmd, &sc, &year, &district, &csv, &exit_now);
	if (!db)
		return exit_now;
	char *err = NULL;
	d_school *schools = NULL;
	size_t ns = 0;
	dist_ind_set s;
	int rc = db_d_school_list(db, &schools, &ns, &err);
	if (rc == 0 && (rc = district_indicators(db, year, &s, &err)) == 0) {
		strmap *names = strmap_new(), *kept = strmap_new();
		char **list = xcalloc(ns ? ns : 1, sizeof *list);
		for (size_t i = 0; i < ns; i++) {
			list[i] = schools[i].name;
			strmap_put(names, schools[i].code, (long long)i);
			if (district && strcmp(schools[i].district, district) == 0)
				strmap_put(kept, schools[i].code, 1);
		}
		if (district)
			district_indicators_keep(&s, kept);
		strmap_free(kept);
		if (csv)
			print_csv(&s, names, list);
		else
			print_table(&s, names, list, &sc);
		free(list);
		strmap_free(names);
		dist_ind_set_free(&s);
	}
	d_school_list_free(schools, ns);
	if (rc != 0) {
		cli_error("%s", err);
		free(err);
	}
	school_clear(&sc);
	sdb_close(db);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}
