/* district import|status|risk|indicators|export|schools|set: the district
 * office's work. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-district.h"
#include "common.h"
#include "db.h"
#include "district.h"

static const struct {
	const char *name;
	district_run run;
} subs[] = {
	{ "import", cli_district_import }, { "status", cli_district_status }, { "risk", cli_district_risk },
	{ "schools", cli_district_schools }, { "set", cli_district_set },
	{ "indicators", cli_district_indicators }, { "export", cli_district_export }, { "tasks", cli_district_tasks },
	{ "held", cli_district_held }, { "accept", cli_district_accept }, { "reject", cli_district_reject },
};

/* --ARG, --format and the common options of a subcommand. */
int cli_district_options(int argc, char **argv, cli_env *env, const cli_command *cmd, const char *arg_name,
			 const char **arg, const char **district, int *csv, int *exit_now)
{
	const struct option opts[] = {
		{ arg_name, required_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		CLI_COMMON_OPTIONS,
		{ district ? "district" : NULL, required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	const char *format = "table";
	if (district)
		*district = NULL;
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		if (c == 'a')
			*arg = optarg;
		else if (c == 'd')
			*district = optarg;
		else if (c == 'f')
			format = optarg;
		else if (cli_common_option(c, cmd, env, exit_now) != 0)
			return 1;
	}
	if (optind < argc) {
		*exit_now = cli_usage(cmd, _("unexpected argument '%s'"), argv[optind]);
		return 1;
	}
	if ((*csv = cli_csv(cmd, format)) < 0) {
		*exit_now = EXIT_USAGE;
		return 1;
	}
	return 0;
}

sdb *cli_district_year(int argc, char **argv, cli_env *env, const cli_command *cmd, school *sc, int *year,
		       const char **district, int *csv, int *exit_now)
{
	const char *year_text = NULL;
	if (cli_district_options(argc, argv, env, cmd, "year", &year_text, district, csv, exit_now))
		return NULL;
	int y = year_text ? cli_year(cmd, year_text) : 0;
	if (year_text && !y) {
		*exit_now = EXIT_USAGE;
		return NULL;
	}
	*exit_now = EXIT_FAIL;
	sdb *db = cli_open_office(env, sc);
	if (!db)
		return NULL;
	*year = (int)y;
	char *err = NULL;
	int got = y ? 1 : district_latest_year(db, year, &err);
	if (got > 0)
		return db;
	if (got == 0) {
		printf(_("No results yet: import the schools' packages with 'orientir district import'.\n"));
		*exit_now = EXIT_OK;
	} else {
		cli_error("%s", err);
		free(err);
	}
	school_clear(sc);
	sdb_close(db);
	return NULL;
}

static int run(int argc, char **argv, cli_env *env)
{
	if (argc >= 2 && strcmp(argv[1], "--help") == 0) {
		cli_print_help(&cli_district);
		return EXIT_OK;
	}
	if (argc < 2)
		return cli_usage(&cli_district, _("say import, held, accept, reject, status, risk, indicators, tasks,"
						  " export, schools or set"));
	for (size_t i = 0; i < sizeof subs / sizeof *subs; i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return subs[i].run(argc - 1, argv + 1, env, &cli_district);
	return cli_usage(&cli_district, _("say import, held, accept, reject, status, risk, indicators, tasks,"
					  " export, schools or set, not '%s'"), argv[1]);
}

const cli_command cli_district = {
	"district",
	/* One subcommand a line: the whole would not fit one. */
	/* TRANSLATORS: a synopsis: translate only the placeholders in capitals. */
	N_("import PATH... [--received DATE] [--new-district-key] [--jobs N]\n"
	   "   | held [--all] [--format table|csv]\n"
	   "   | accept|reject N... | --school CODE\n"
	   "   | status [--period P] [--district D] [--format table|csv]\n"
	   "   | risk [--year Y] [--district D] [--format table|csv]\n"
	   "   | indicators [--year Y] [--district D] [--format table|csv]\n"
	   "   | tasks [--year Y] [--district D] [--format table|csv]\n"
	   "   | export --period P [--to FOLDER] [--dialect excel-ru|rfc4180] [--district D]\n"
	   "   | schools [list | import FILE [--dry-run] | add CODE NAME | confirm CODE [--keep]]\n"
	   "   | set deadline-h1|deadline-h2|threshold|deficit-below|deficit-gap VALUE"),
	N_("the district office: take in the schools' packages, see who reported, find low results, report"),
	/* xgettext:no-c-format */
	N_("With --db postgresql://... (or ORIENTIR_DB) every subcommand works on the\n"
	   "region's database on a server, over every district's schools: status and\n"
	   "risk add a last column, district (as each school's newest package names\n"
	   "it); status, risk, indicators, tasks and export take --district D to keep\n"
	   "one district's schools.\n\n"
	   "district import PATH...: takes in report packages: a package folder, or a\n"
	   "folder (a stick) holding several. Each is read once, regular files only,\n"
	   "within limits, and checked first (SHA256SUMS, the school's signature, its\n"
	   "format, its dates, every table); one that fails is refused whole. Per\n"
	   "school and half-year the newest package wins; the same package again\n"
	   "changes nothing; an older one is ignored. The first signed package of a\n"
	   "school pins its key; an unknown school's package, or one signed otherwise\n"
	   "than its school's pinned key, is held for the methodist. A signed\n"
	   "receipt.txt is left in each package folder, for the school to see that\n"
	   "its report arrived. A district's export is checked whole (its checksums,\n"
	   "its signature against the key pinned on its district's first export,\n"
	   "every package it carries), then each school's package taken as above.\n"
	   "  --received DATE   the day the stick came (default: now)\n"
	   "  --new-district-key  a district's export signed by another key than\n"
	   "                    its district's is taken, and its key pinned (confirm\n"
	   "                    the fingerprint with the district first)\n"
	   "  --jobs N          on the region's server, up to N packages at once,\n"
	   "                    each on a connection of its own (default 4; 1: one\n"
	   "                    after another); on a district's file always one\n\n"
	   "district held: the packages held for a decision, with why, and the\n"
	   "fingerprint of the key that signed each (compare it on the phone).\n"
	   "  --all             the decided ones too\n"
	   "  --format csv      id,school_code,school_name,period,created_at,\n"
	   "                    received_at,reason,key_fingerprint,\n"
	   "                    school_key_fingerprint,decision,decided_at\n\n"
	   "district accept N... | --school CODE: takes held packages in (an unknown\n"
	   "school joins the list) and pins their keys as their schools'.\n"
	   "district reject N... | --school CODE: refuses them; the same package\n"
	   "brought again is refused.\n\n"
	   "district status: every school known, whether its package for the\n"
	   "half-year came, when, and whether on time (by the first version's day).\n"
	   "  --period P        2026-H1 or 2026-H2 (default: the current half-year)\n"
	   "  --format csv      school_code,school_name,period,received,received_at,\n"
	   "                    created_at,on_time\n\n"
	   "district risk: the low-results rule for every school. A school is low in\n"
	   "ВПР, ОГЭ or ЕГЭ when, in Russian or mathematics, at least 30 % of its\n"
	   "participants (all grades pooled) scored below the minimum; it is flagged\n"
	   "when low in two procedures in the year, or in the same one two years running.\n"
	   "  --year Y          the year (default: the latest with results)\n"
	   "  --format csv      school_code,school_name,year,flagged,reason,\n"
	   "                    low_procedures,worst_percent,worst_procedure,\n"
	   "                    worst_subject,distance\n\n"
	   "district indicators: each school's shares and the whole district's (pooled\n"
	   "over pupils), per procedure and subject, all grades pooled, beside the\n"
	   "year before. Participants are the results not absent.\n"
	   "  --year Y          the year (default: the latest with results)\n"
	   "  --format csv      school_code (empty: the district), school_name,\n"
	   "                    procedure, subject, year, participants, below_min,\n"
	   "                    below_min_percent, high, high_percent (of those whose\n"
	   "                    scale sets a high level), compared (pupils with a\n"
	   "                    journal mark to compare), lowered, confirmed, raised,\n"
	   "                    prev_participants, prev_below_min,\n"
	   "                    prev_below_min_percent, prev_high, prev_high_percent\n"
	   "                    (the year before), below_min_change (points; empty\n"
	   "                    unless both years have participants)\n\n"
	   "district tasks: the ВПР task by task from the task scores the schools'\n"
	   "packages carry: each school's share of each task and the district's\n"
	   "(pooled over pupils), against the region's; a task done below 50 % or 15\n"
	   "points or more below the region is a deficit (deficit-below, deficit-gap).\n"
	   "  --year Y          the year (default: the latest with results)\n"
	   "  --format csv      school_code (empty: the district), procedure, subject,\n"
	   "                    grade, year, task, max_score, participants, score_sum,\n"
	   "                    percent, deficit\n\n"
	   "district export: the district's report for the region: the folder\n"
	   "orientir-district-CODE-PERIOD with report.html (printable, opens offline:\n"
	   "who reported and when, the schools' shares below the minimum in Russian\n"
	   "and mathematics on ВПР, ОГЭ and ЕГЭ beside last year's with charts, the\n"
	   "low-results list, each school's roadmap completion), status.csv,\n"
	   "indicators.csv, risk.csv, roadmap.csv, SHA256SUMS and SIGNATURE. Written\n"
	   "like a school's package: whole or not at all. Indicators and the rule are\n"
	   "of the half-year's year.\n"
	   "  --period P        2026-H1 or 2026-H2 (required)\n"
	   "  --to FOLDER       where to write (default: the USB stick, if exactly one)\n"
	   "  --dialect D       excel-ru (default) or rfc4180, as for 'export'\n"
	   "On the region: orientir-region-CODE-PERIOD, the same files over every\n"
	   "school with its district, and districts.csv, the summary by district that\n"
	   "also opens report.html; --to is required.\n"
	   "  --district D      one district's schools alone, named in the title\n\n"
	   "district schools: the schools the district expects reports from.\n"
	   "  list              (the default) each with its code and name\n"
	   "  import FILE       a CSV with columns code (Код) and name (Наименование),\n"
	   "                    and optionally public_key (Ключ: as 'orientir key'\n"
	   "                    prints it at the school), which pins the school's key\n"
	   "  add CODE NAME     one school\n"
	   "  confirm CODE      take the name the school's package gave; with --keep,\n"
	   "                    keep the district's name\n\n"
	   "district set NAME VALUE: deadline-h1 and deadline-h2 (DD.MM, default 20.06\n"
	   "and 10.12); threshold (the percent of the rule, default 30); deficit-below\n"
	   "(50) and deficit-gap (15), the deficits of district tasks.\n"),
	run,
};
