/* check: is the database sound? */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "common.h"
#include "dbcheck.h"

static int run(int argc, char **argv, cli_env *env)
{
	static const struct option opts[] = { CLI_COMMON_OPTIONS, { NULL, 0, NULL, 0 } };
	int c, exit_now;
	while ((c = cli_getopt(argc, argv, opts)) != -1)
		if (cli_common_option(c, &cli_check, env, &exit_now) != 0)
			return exit_now;
	if (optind < argc)
		return cli_usage(&cli_check, _("unexpected argument '%s'"), argv[optind]);
	char *path = cli_db_path(env), *report = NULL;
	int rc = dbcheck_file(path, &report);
	if (rc == 0)
		printf(_("%s: the database is sound.\n"), path);
	else if (rc > 0)
		cli_error(_("%s is damaged:\n%s"), path, report ? report : "");
	else
		cli_error("%s", report);
	free(report);
	free(path);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

const cli_command cli_check = {
	"check", "",
	N_("check the database for damage"),
	N_("Runs SQLite's integrity check and the foreign-key check and makes sure\n"
	   "the file is an orientir database this version understands. Exits with 1\n"
	   "when the database is damaged. Changes nothing.\n"),
	run,
};
