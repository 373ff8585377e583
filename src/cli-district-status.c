/* district status [--period P] | district risk [--year Y] | district set NAME VALUE */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-district.h"
#include "common.h"
#include "day.h"
#include "csvout.h"
#include "db-district.h"
#include "db.h"
#include "district.h"
#include "indicators.h"
#include "num.h"
#include "package.h"
#include "roadmap.h"
#include "table.h"

/* A percentage as tenths, for num.h. */
static int tenths(double v)
{
	return (int)(v * 10 + (v < 0 ? -0.5 : 0.5));
}

/* In a region the schools are by district: a district column last. */
static void status_csv(const status_report *r, const char *period, int region)
{
	static const char *const head[] = { "school_code", "school_name", "period", "received", "received_at",
					    "created_at", "on_time", "district" };
	csvout_line(stdout, head, 7 + region);
	for (size_t i = 0; i < r->n; i++) {
		const status_row *s = &r->v[i];
		const char *cells[] = { s->code, s->name, period, s->received ? "1" : "0", s->first_received_at,
					s->created_at, s->received && s->on_time ? "1" : "0", s->district };
		csvout_line(stdout, cells, 7 + region);
	}
}

static void status_table(const status_report *r, int region)
{
	long today = day_today();
	table *t = table_new(4 + region, "lllll", "-+---");
	const char *head[] = { _("Code"), pgettext_deferred(NC_("column", "School")), _("Received"), _("On time"),
			       pgettext_deferred(NC_("column", "District")) };
	table_add(t, head);
	for (size_t i = 0; i < r->n; i++) {
		const status_row *s = &r->v[i];
		char *name = *s->other_name ? xasprintf(_("%s (the package says «%s»: confirm)"), s->name, s->other_name)
					    : xstrdup(s->name);
		char *when = s->received ? district_time_text(s->first_received_at) : xstrdup(_("not received"));
		if (s->received && strlen(when) > 16)
			when[16] = '\0';	/* the minute is enough here */
		const char *late = s->received ? (s->on_time ? _("yes") : _("late"))
					       : today > r->deadline ? _("late") : _("awaited");
		const char *row[] = { s->code, name, when, late, s->district };
		table_add(t, row);
		free(name), free(when);
	}
	table_print(t, stdout, table_width(stdout));
	table_free(t);
	long n = (long)r->n;
	char *got = num_tenths(n ? indicator_tenths(r->received, n) : 0);
	char *in_time = num_tenths(n ? indicator_tenths(r->on_time, n) : 0), *deadline = day_text(r->deadline);
	printf(ngettext("Reported: %ld of %ld school (%s %%), on time: %ld (%s %%). Deadline %s.\n",
			"Reported: %ld of %ld schools (%s %%), on time: %ld (%s %%). Deadline %s.\n", (unsigned long)n),
	       r->received, n, got, r->on_time, in_time, deadline);
	free(got), free(in_time), free(deadline);
}

int cli_district_status(int argc, char **argv, cli_env *env, const cli_command *cmd)
{
	const char *period = NULL;
	int csv, exit_now, year, half;
	const char *district;
	if (cli_district_options(argc, argv, env, cmd, "period", &period, &district, &csv, &exit_now))
		return exit_now;
	half_of(day_today(), &year, &half);
	char *current = period ? xstrdup(period) : half_code(year, half);
	if (half_parse(current, &year, &half) != 0) {
		free(current);
		return cli_usage(cmd, _("'%s' is not a half-year (write 2026-H1 or 2026-H2)"), period);
	}
	school sc = { 0 };
	sdb *db = cli_open_office(env, &sc);
	if (!db) {
		free(current);
		return EXIT_FAIL;
	}
	status_report r;
	char *err = NULL;
	int region = strcmp(sc.role, "region") == 0;
	int rc = district_status(db, current, &r, &err);
	if (rc != 0) {
		cli_error("%s", err);
		free(err);
	} else {
		if (district)
			district_status_keep(&r, district);
		if (csv)
			status_csv(&r, current, region);
		else if (r.n == 0)
			printf(_("No schools yet: import their packages, or their list with 'orientir district schools import FILE'.\n"));
		else
			status_table(&r, region);
		status_report_free(&r);
	}
	free(current);
	school_clear(&sc);
	sdb_close(db);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

static const char *reason_code(const risk_row *r)
{
	return r->two_procedures && r->two_years ? "two_procedures;two_years"
	       : r->two_procedures ? "two_procedures" : r->two_years ? "two_years" : "";
}

/* In a region, as in status, a district column last. */
static void risk_csv(const risk_report *r, int region)
{
	static const char *const head[] = { "school_code", "school_name", "year", "flagged", "reason", "low_procedures",
					    "worst_percent", "worst_procedure", "worst_subject", "distance", "district" };
	csvout_line(stdout, head, 10 + region);
	char *year = xasprintf("%d", r->year);
	for (size_t i = 0; i < r->n; i++) {
		const risk_row *s = &r->v[i];
		char *worst = s->worst >= 0 ? xasprintf("%.1f", s->worst) : xstrdup("");
		char *dist = s->worst >= 0 ? xasprintf("%.1f", s->worst - r->threshold) : xstrdup("");
		const char *cells[] = { s->code, s->name, year, s->flagged ? "1" : "0", reason_code(s),
					s->low_procedures, worst, s->worst_procedure, s->worst_subject, dist, s->district };
		csvout_line(stdout, cells, 10 + region);
		free(worst), free(dist);
	}
	free(year);
}

/* The schools whose packages report signs of biased results in the year. */
static void signs_lines(sdb *db, const risk_report *r)
{
	dist_sign *v;
	size_t n;
	char *err = NULL;
	if (district_signs(db, r->year, &v, &n, &err) != 0) {
		cli_error("%s", err);
		free(err);
		return;
	}
	if (n)
		printf(_("\nSigns of biased results the schools' packages report (a reason to look, never a verdict):\n"));
	for (size_t i = 0; i < r->n; i++) {
		const char *text = district_sign_of(v, n, r->v[i].code);
		if (text)
			printf("  %s %s: %s\n", r->v[i].code, r->v[i].name, text);
	}
	district_signs_free(v, n);
}

static void risk_table(const risk_report *r, int region)
{
	table *t = table_new(6 + region, "llrrlll", "-+--++-");
	const char *head[] = { _("Code"), pgettext_deferred(NC_("column", "School")), _("Below min"), _("To line"), _("In"),
			       _("Reason"), pgettext_deferred(NC_("column", "District")) };
	table_add(t, head);
	for (size_t i = 0; i < r->n; i++) {
		const risk_row *s = &r->v[i];
		int known = s->worst >= 0;
		char *w = known ? num_percent(tenths(s->worst)) : xstrdup("—");
		char *dist = known ? num_change(tenths(s->worst - r->threshold)) : xstrdup("");
		char *where = known ? xasprintf("%s %s", s->worst_procedure, s->worst_subject) : xstrdup("");
		char *why = district_risk_reason(s, r->year, 1);
		char *name = s->flagged ? xasprintf("* %s", s->name) : xstrdup(s->name);
		const char *row[] = { s->code, name, w, dist, where, why, s->district };
		table_add(t, row);
		free(w), free(dist), free(where), free(why), free(name);
	}
	table_print(t, stdout, table_width(stdout));
	table_free(t);
	char *th = num_tenths(tenths(r->threshold));
	printf(ngettext("%ld school of %zu flagged for %d (* above; the line is %s %% below the minimum).\n",
			"%ld schools of %zu flagged for %d (* above; the line is %s %% below the minimum).\n",
			(unsigned long)r->flagged),
	       r->flagged, r->n, r->year, th);
	free(th);
}

int cli_district_risk(int argc, char **argv, cli_env *env, const cli_command *cmd)
{
	school sc = { 0 };
	int year, csv, exit_now;
	const char *district;
	sdb *db = cli_district_year(argc, argv, env, cmd, &sc, &year, &district, &csv, &exit_now);
	if (!db)
		return exit_now;
	char *err = NULL;
	risk_report r;
	int rc = district_risk(db, year, &r, &err);
	if (rc == 0 && district)
		district_risk_keep(&r, district);
	int region = strcmp(sc.role, "region") == 0;
	if (rc == 0) {
		if (csv) {
			risk_csv(&r, region);
		} else {
			risk_table(&r, region);
			signs_lines(db, &r);
		}
		risk_report_free(&r);
	} else {
		cli_error("%s", err);
		free(err);
	}
	school_clear(&sc);
	sdb_close(db);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

int cli_district_set(int argc, char **argv, cli_env *env, const cli_command *cmd)
{
	static const struct option opts[] = { CLI_COMMON_OPTIONS, { NULL, 0, NULL, 0 } };
	int c, exit_now;
	while ((c = cli_getopt(argc, argv, opts)) != -1)
		if (cli_common_option(c, cmd, env, &exit_now) != 0)
			return exit_now;
	if (argc - optind != 2)
		return cli_usage(cmd, _("say a setting and its value: deadline-h1 20.06, deadline-h2 10.12, threshold 30,"
					" deficit-below 50, deficit-gap 15"));
	school sc = { 0 };
	sdb *db = cli_open_office(env, &sc);
	if (!db)
		return EXIT_FAIL;
	char *err = NULL;
	/* the deficits' rules are the analysis's own, as a school sets them */
	int rc = !strncmp(argv[optind], "deficit-", strlen("deficit-"))
		 ? analysis_rule_set(db, RULES_TASKS, argv[optind], argv[optind + 1], &err)
		 : district_setting_set(db, argv[optind], argv[optind + 1], &err);
	if (rc != 0) {
		cli_error("%s", err);
		free(err);
	} else {
		printf(_("%s: %s.\n"), argv[optind], argv[optind + 1]);
	}
	school_clear(&sc);
	sdb_close(db);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}
