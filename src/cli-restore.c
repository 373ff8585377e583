/* restore FILE: a backup back in place of the database. */
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
		if (cli_common_option(c, &cli_restore, env, &exit_now) != 0)
			return exit_now;
	if (argc - optind != 1)
		return cli_usage(&cli_restore, _("name the backup file to restore"));
	char *path = cli_db_path(env), *aside = NULL, *err = NULL;
	int rc = dbcheck_restore(argv[optind], path, &aside, &err);
	if (rc == 0) {
		printf(_("Restored %s from %s.\n"), path, argv[optind]);
		if (aside)
			printf(_("The database it replaced is kept as %s.\n"), aside);
	} else {
		cli_error("%s", err);
		cli_error(_("nothing was changed"));
	}
	free(aside);
	free(err);
	free(path);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

const cli_command cli_restore = {
	"restore",
	/* TRANSLATORS: a synopsis: translate only the placeholders in capitals. */
	N_("FILE"),
	N_("put a backup back in place of the database"),
	N_("Checks that FILE is a sound orientir database of a version this program\n"
	   "knows, copies it beside the database, and only then swaps it in. The\n"
	   "database it replaces is not deleted: it is kept as\n"
	   "DATABASE.before-restore-DATE.\n"),
	run,
};
