/* district import|status|risk|schools|set: the district office's work. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli-district.h"
#include "common.h"
#include "db.h"

static const struct {
	const char *name;
	district_run run;
} subs[] = {
	{ "import", cli_district_import }, { "status", cli_district_status }, { "risk", cli_district_risk },
	{ "schools", cli_district_schools }, { "set", cli_district_set },
};

sqlite3 *cli_district_open(const cli_env *env, school *sc)
{
	sqlite3 *db = cli_open(env, 1, sc);
	if (db && strcmp(sc->role, "district") != 0) {
		cli_error(_("this is a school's database; the district commands need one made with"
			    " 'orientir init --role district'"));
		school_clear(sc);
		db_close(db);
		return NULL;
	}
	return db;
}

int cli_format(const char *s)
{
	return strcmp(s, "table") == 0 ? 0 : strcmp(s, "csv") == 0 ? 1 : -1;
}

static int run(int argc, char **argv, cli_env *env)
{
	if (argc >= 2 && strcmp(argv[1], "--help") == 0) {
		cli_print_help(&cli_district);
		return EXIT_OK;
	}
	if (argc < 2)
		return cli_usage(&cli_district, _("say import, status, risk, schools or set"));
	for (size_t i = 0; i < sizeof subs / sizeof *subs; i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return subs[i].run(argc - 1, argv + 1, env, &cli_district);
	return cli_usage(&cli_district, _("say import, status, risk, schools or set, not '%s'"), argv[1]);
}

const cli_command cli_district = {
	"district",
	"import PATH... [--received DATE] | status [--period P] [--format table|csv] | risk [--year Y] [--format table|csv]"
	" | schools [list | import FILE [--dry-run] | add CODE NAME | confirm CODE [--keep]]"
	" | set deadline-h1|deadline-h2|threshold VALUE",
	N_("the district office: take in the schools' packages, see who reported, find low results"),
	/* xgettext:no-c-format */
	N_("district import PATH...: takes in report packages: a package folder, or a\n"
	   "folder (a stick) holding several. Each is checked first (SHA256SUMS, its\n"
	   "format, every table); one that fails is refused whole. Per school and\n"
	   "half-year the newest package wins; the same package again changes nothing;\n"
	   "an older one is ignored. A receipt.txt is left in each package folder, for\n"
	   "the school to see that its report arrived.\n"
	   "  --received DATE   the day the stick came (default: now)\n\n"
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
	   "district schools: the schools the district expects reports from.\n"
	   "  list              (the default) each with its code and name\n"
	   "  import FILE       a CSV with columns code (Код) and name (Наименование)\n"
	   "  add CODE NAME     one school\n"
	   "  confirm CODE      take the name the school's package gave; with --keep,\n"
	   "                    keep the district's name\n\n"
	   "district set NAME VALUE: deadline-h1 and deadline-h2 (DD.MM, default 20.06\n"
	   "and 10.12); threshold (the percent of the rule, default 30).\n"),
	run,
};
