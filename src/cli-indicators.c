/* indicators --year Y [--format table|csv] */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "common.h"
#include "csvout.h"
#include "db.h"
#include "indicators.h"
#include "num.h"
#include "table.h"

static void print_csv(const ind_set *s)
{
	static const char *const head[] = { "indicator", "procedure", "subject", "grade", "year",
					    "numerator", "denominator", "percent" };
	csvout_line(stdout, head, 8);
	for (size_t i = 0; i < s->n; i++) {
		const indicator *v = &s->v[i];
		int change = v->code == IND_BELOW_MIN_CHANGE;
		char *grade = v->grade ? xasprintf("%d", v->grade) : xstrdup("");
		char *year = xasprintf("%d", v->year);
		int count = indicator_is_count(v->code);
		char *num = change ? xstrdup("") : xasprintf("%ld", v->num);
		char *den = change || count ? xstrdup("") : xasprintf("%ld", v->den);
		char *pct = count ? xstrdup("") : csvout_tenths(&csv_rfc4180, v->tenths);
		const char *cells[] = { indicator_code(v->code), v->procedure_id ? refmap_name(s->proc, v->procedure_id) : "",
					v->subject_id ? refmap_name(s->subj, v->subject_id) : "",
					grade, year, num, den, pct };
		csvout_line(stdout, cells, 8);
		free(grade), free(year), free(num), free(den), free(pct);
	}
}

static void print_table(const ind_set *s, const school *sc)
{
	printf(_("Indicators for %d: %s (code %s)\n\n"), s->year, sc->name, sc->code);
	if (s->n == 0) {
		printf(_("No results for %d. Import scales and results first (orientir help import).\n"), s->year);
		return;
	}
	table *t = table_new(7, "llrlrrl", "-+-+---");
	const char *head[] = { _("Procedure"), _("Subject"), _("Grade"), _("Indicator"), "%",
			       _("Pupils"), "" };
	table_add(t, head);
	long small = 0;
	for (size_t i = 0; i < s->n; i++) {
		const indicator *v = &s->v[i];
		const indicator *prev = i ? &s->v[i - 1] : NULL;
		int same_proc = prev && prev->procedure_id == v->procedure_id;
		int same_subj = same_proc && prev->subject_id == v->subject_id && prev->grade == v->grade;
		int change = v->code == IND_BELOW_MIN_CHANGE, whole = !v->procedure_id;
		int events = indicator_is_count(v->code);
		char *grade = whole ? xstrdup("") : v->grade ? xasprintf("%d", v->grade) : xstrdup(_("all"));
		char *pct = events ? xstrdup("") : change ? num_change(v->tenths) : num_tenths(v->tenths);
		/* TRANSLATORS: "3 of 24" pupils; for a change, the unit: percentage points. */
		char *count = change ? xstrdup(_("pp")) : events ? xasprintf("%ld", v->num)
			    : xasprintf(_("%ld of %ld"), v->num, v->den);
		int too_small = !change && !events && v->den < IND_SMALL_GROUP;
		small += too_small;
		const char *cells[] = {
			same_proc ? "" : whole ? _("school") : refmap_name(s->proc, v->procedure_id),
			same_subj || whole ? "" : v->subject_id ? refmap_name(s->subj, v->subject_id) : _("any subject"),
			same_subj ? "" : grade,
			indicator_title(v->code), pct, count, too_small ? _("too few") : "",
		};
		table_add(t, cells);
		free(grade), free(pct), free(count);
	}
	table_print(t, stdout, table_width(stdout));
	table_free(t);
	if (small)
		printf(_("\n\"too few\": under %d participants, too few to judge.\n"), IND_SMALL_GROUP);
}

static int run(int argc, char **argv, cli_env *env)
{
	static const struct option opts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "format", required_argument, NULL, 'f' },
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int c, exit_now, year = 0;
	const char *format = "table";
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		if (c == 'y') {
			if (!(year = cli_year(&cli_indicators, optarg)))
				return EXIT_USAGE;
		} else if (c == 'f') {
			format = optarg;
		} else if (cli_common_option(c, &cli_indicators, env, &exit_now) != 0) {
			return exit_now;
		}
	}
	if (optind < argc)
		return cli_usage(&cli_indicators, _("unexpected argument '%s'"), argv[optind]);
	if (cli_csv(&cli_indicators, format) < 0)
		return EXIT_USAGE;

	school sc = { 0 };
	sqlite3 *db = cli_open_role(env, "school", &sc);
	if (!db)
		return EXIT_FAIL;
	char *err = NULL;
	if (!year && (year = db_result_latest_year(db, &err)) <= 0) {
		if (year < 0)
			cli_error("%s", err);
		else
			cli_error(_("there are no results yet; import scales and results first"));
		free(err);
		school_clear(&sc);
		db_close(db);
		return EXIT_FAIL;
	}
	ind_set s;
	int rc = indicators_compute(db, year, &s, &err);
	if (rc != 0) {
		cli_error("%s", err);
		free(err);
	} else if (strcmp(format, "csv") == 0) {
		print_csv(&s);
	} else {
		print_table(&s, &sc);
	}
	ind_set_free(&s);
	school_clear(&sc);
	db_close(db);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

const cli_command cli_indicators = {
	"indicators",
	/* TRANSLATORS: a synopsis: translate only the placeholders in capitals. */
	N_("[--year YEAR] [--format table|csv]"),
	N_("the roadmap's indicators computed from the results"),
	N_("Computes, for each procedure, subject and grade (and all grades pooled):\n"
	   "the share of participants below the minimum, at the high level, not below\n"
	   "the regional average, marks lowered / confirmed / raised against the\n"
	   "journal, the share below the minimum in any subject, and the change of the\n"
	   "share below the minimum since last year. Absent pupils count nowhere.\n\n"
	   "  --year YEAR     the year (default: the latest year with results)\n"
	   "  --format table  for people (default): aligned, counts beside shares,\n"
	   "                  groups under 5 participants marked\n"
	   "  --format csv    for programs: indicator,procedure,subject,grade,year,\n"
	   "                  numerator,denominator,percent\n"),
	run,
};
