/* objectivity --year Y [--format table|csv] | set [NAME VALUE] */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "common.h"
#include "csvout.h"
#include "db.h"
#include "num.h"
#include "objectivity.h"
#include "table.h"

static char *share(long count, long compared, const csv_style *st)
{
	int t = objectivity_tenths(count, compared);
	return t < 0 ? xstrdup("") : st ? csvout_tenths(st, t) : num_tenths(t);
}

static void print_csv(const obj_report *r)
{
	static const char *const head[] = { "procedure", "subject", "grade", "year", "participants", "peak_at",
					    "lowered", "confirmed", "raised", "flag" };
	csvout_line(stdout, head, 10);
	for (size_t i = 0; i < r->n; i++) {
		const obj_row *o = &r->v[i];
		char *grade = xasprintf("%d", o->grade), *year = xasprintf("%d", o->year);
		char *n = xasprintf("%ld", o->participants);
		char *peak = o->has_peak ? csvout_number(&csv_rfc4180, o->peak_at) : xstrdup("");
		char *lo = share(o->lowered, o->compared, &csv_rfc4180), *co = share(o->confirmed, o->compared, &csv_rfc4180);
		char *ra = share(o->raised, o->compared, &csv_rfc4180);
		const char *cells[] = { o->procedure, o->subject, grade, year, n, peak, lo, co, ra, o->flag ? "1" : "0" };
		csvout_line(stdout, cells, 10);
		free(grade), free(year), free(n), free(peak), free(lo), free(co), free(ra);
	}
}

/* The scores of an assessment with a sign as rows of '#', its boundaries marked. */
static void print_histogram(const obj_row *o)
{
	int n;
	char **lines = objectivity_histogram(o, 40, "#", &n);
	for (int i = 0; i < n; i++) {
		printf("  %s\n", lines[i]);
		free(lines[i]);
	}
	free(lines);
}

static void print_table(const obj_report *r, const school *sc)
{
	printf(_("Signs of biased results, %d: %s (code %s)\n\n"), r->year, sc->name, sc->code);
	if (!r->n) {
		printf(_("No results for %d.\n"), r->year);
		return;
	}
	table *t = table_new(9, "llrrrrrrl", "++-------");
	const char *head[] = { _("Procedure"), _("Subject"), _("Grade"), _("Pupils"), _("Peak at"), _("Lowered"),
			       _("Confirmed"), _("Raised"), _("Sign") };
	table_add(t, head);
	long flagged = 0;
	for (size_t i = 0; i < r->n; i++) {
		const obj_row *o = &r->v[i];
		char *grade = xasprintf("%d", o->grade), *n = xasprintf("%ld", o->participants);
		char *peak = o->has_peak ? xasprintf("%g", o->peak_at) : xstrdup("");
		char *lo = share(o->lowered, o->compared, NULL), *co = share(o->confirmed, o->compared, NULL);
		char *ra = share(o->raised, o->compared, NULL);
		const char *cells[] = { o->procedure, o->subject, grade, n, peak, lo, co, ra,
					o->flag ? (o->has_peak ? _("peak") : _("marks over the journal's")) : "" };
		table_add(t, cells);
		free(grade), free(n), free(peak), free(lo), free(co), free(ra);
		flagged += o->flag;
	}
	table_print(t, stdout, table_width(stdout));
	table_free(t);
	printf(_("\nLowered, confirmed, raised: the assessment's mark against the journal's, %% of the pupils with"
		 " both.\n"));
	for (size_t i = 0; i < r->n; i++) {
		const obj_row *o = &r->v[i];
		if (!o->flag)
			continue;
		printf("\n%s · %s · %s\n", o->procedure, o->subject, _("the primary scores"));
		if (o->has_peak) {
			char *p = num_tenths((int)(o->p * 1000 + 0.5));
			printf(_("%ld pupils scored %g and %ld one point below it: a fair coin would put as many at it only"
				 " %s times in a hundred.\n"), o->at, o->peak_at, o->below, p);
			free(p);
		}
		if (o->raised_sign)
			printf(_("The mark was higher than the journal's for %ld of %ld pupils.\n"), o->raised, o->compared);
		print_histogram(o);
	}
	if (flagged)
		printf(_("\nA sign is a reason to look at how the work was written and marked, never a verdict.\n"));
}

static int run(int argc, char **argv, cli_env *env)
{
	if (argc >= 2 && strcmp(argv[1], "set") == 0) {
		optind = 0;
		return cli_rules_set(&cli_objectivity, RULES_OBJECTIVITY,
				     _("say a setting and its value: peak-p 0.01, peak-boundary 5, peak-participants 20,"
				       " raised 25"),
				     argc - 1, argv + 1, env);
	}
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
			if (!(year = cli_year(&cli_objectivity, optarg)))
				return EXIT_USAGE;
		} else if (c == 'f') {
			format = optarg;
		} else if (cli_common_option(c, &cli_objectivity, env, &exit_now) != 0) {
			return exit_now;
		}
	}
	if (optind < argc)
		return cli_usage(&cli_objectivity, _("unexpected argument '%s'"), argv[optind]);
	if (cli_csv(&cli_objectivity, format) < 0)
		return EXIT_USAGE;
	school sc = { 0 };
	sqlite3 *db = cli_open_role(env, "school", &sc);
	if (!db)
		return EXIT_FAIL;
	char *err = NULL;
	int rc = EXIT_FAIL;
	if (!year && (year = db_result_latest_year(db, &err)) <= 0) {
		if (year < 0)
			cli_error("%s", err);
		else
			cli_error(_("there are no results yet; import scales and results first"));
		free(err);
		goto out;
	}
	obj_report r;
	if (objectivity_compute(db, year, &r, &err) != 0) {
		cli_error("%s", err);
		free(err);
		obj_report_free(&r);
		goto out;
	}
	if (strcmp(format, "csv") == 0)
		print_csv(&r);
	else
		print_table(&r, &sc);
	obj_report_free(&r);
	rc = EXIT_OK;
out:
	school_clear(&sc);
	db_close(db);
	return rc;
}

const cli_command cli_objectivity = {
	"objectivity",
	/* TRANSLATORS: a synopsis: translate only the placeholders in capitals. */
	N_("[--year YEAR] [--format table|csv] | set [NAME VALUE]"),
	N_("signs of biased results per assessment, as ФИС ОКО checks them"),
	/* xgettext:no-c-format */
	N_("For every assessment of the year (default: the latest with results), two\n"
	   "signs ФИС ОКО looks for, checked here offline:\n\n"
	   "  a peak at a mark's lower boundary (the minimum for «3», the boundaries\n"
	   "  of «4» and «5»): of the pupils at the boundary or one point below it,\n"
	   "  so many are at it that a fair coin gives as many less than once in a\n"
	   "  hundred times (one-sided binomial test), with at least 5 pupils at it\n"
	   "  and 20 participants — pupils pulled over the line;\n"
	   "  the mark higher than the journal's for 25 % of the pupils or more.\n\n"
	   "--format csv: procedure,subject,grade,year,participants,peak_at,lowered,\n"
	   "confirmed,raised,flag (lowered, confirmed, raised: % of the pupils with both\n"
	   "marks; peak_at: the boundary's score, empty when none). The table shows\n"
	   "the scores of each assessment with a sign, its boundaries marked. A sign\n"
	   "is a reason to look, never a verdict.\n\n"
	   "objectivity set NAME VALUE sets a rule: peak-p (0.01), peak-boundary (5),\n"
	   "peak-participants (20), raised (25); objectivity set alone shows them.\n"),
	run,
};
