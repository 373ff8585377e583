/* init: a new database for a school or a district office. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "cli.h"
#include "common.h"
#include "db.h"
#include "identity.h"
#include "paths.h"
#include "refdata.h"
#include "region.h"
#include "school-setup.h"

static int run(int argc, char **argv, cli_env *env)
{
	static const struct option opts[] = {
		{ "code", required_argument, NULL, 'c' },
		{ "name", required_argument, NULL, 'n' },
		{ "district", required_argument, NULL, 'd' },
		{ "role", required_argument, NULL, 'r' },
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	school s = { .role = "school", .district = "" };
	int c, exit_now;
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		switch (c) {
		case 'c': s.code = optarg; break;
		case 'n': s.name = optarg; break;
		case 'd': s.district = optarg; break;
		case 'r': s.role = optarg; break;
		default:
			if (cli_common_option(c, &cli_init, env, &exit_now) != 0)
				return exit_now;
		}
	}
	if (optind < argc)
		return cli_usage(&cli_init, _("unexpected argument '%s'"), argv[optind]);
	if (!s.code || cell_empty(s.code))
		return cli_usage(&cli_init, _("the school's code is missing (--code)"));
	if (!s.name || cell_empty(s.name))
		return cli_usage(&cli_init, _("the school's name is missing (--name)"));
	if (strcmp(s.role, "school") != 0 && strcmp(s.role, "district") != 0 && strcmp(s.role, "region") != 0)
		return cli_usage(&cli_init, _("the role must be 'school', 'district' or 'region', not '%s'"), s.role);
	enum identity_field bad;
	char *why = NULL;
	if (identity_check(s.code, s.name, s.district, &bad, &why) != 0) {
		static const char *const opt[] = { "--code", "--name", "--district" };
		int rc = cli_usage(&cli_init, "%s: %s", opt[bad], why);
		free(why);
		return rc;
	}

	char *path = cli_db_path(env);
	int region = strcmp(s.role, "region") == 0;
	if (region != sdb_is_server(path)) {
		free(path);
		return cli_usage(&cli_init, region ? _("a region's database lives on a PostgreSQL server: say where with"
						       " --db postgresql://…")
					    : _("a school's or a district's database is a file, not a server"));
	}
	diag d = cli_diag();
	int rc;
	if (region) {
		char *err = NULL;
		if ((rc = region_setup(path, &s, &err)) != 0) {
			cli_error("%s", err);
			free(err);
		}
	} else {
		rc = school_setup(path, &s, paths_datadir(), &d);
	}
	if (rc == 0) {
		if (region)
			printf(_("Created the region's database «%s» (code %s) on the server.\n"), s.name, s.code);
		else if (strcmp(s.role, "district") == 0)
			printf(_("Created %s for the district office «%s» (code %s).\n"), path, s.name, s.code);
		else
			printf(_("Created %s for the school «%s» (code %s).\n"), path, s.name, s.code);
	}
	free(path);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

const cli_command cli_init = {
	"init",
	/* TRANSLATORS: a synopsis: translate only the placeholders in capitals. */
	N_("--code CODE --name NAME [--district NAME] [--role school|district|region]"),
	N_("create a database for a school, a district office or the region"),
	N_("Creates the database (with its folder) and fills in the lists of assessment\n"
	   "procedures and subjects. A database that already belongs to a school is\n"
	   "left alone.\n\n"
	   "  --code CODE      the school's code (as the district knows it)\n"
	   "  --name NAME      the school's name\n"
	   "  --district NAME  the district (муниципальный район)\n"
	   "  --role ROLE      'school' (default), 'district' for the education office,\n"
	   "                   'region' for the region's database on a PostgreSQL server\n"
	   "                   (--db postgresql://…; safe when two operators start at once)\n"),
	run,
};
