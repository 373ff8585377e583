/* orientir: options, then the terminal UI or one command. */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "common.h"
#include "day.h"
#include "paths.h"
#include "sdb.h"
#include "ui.h"

static void usage(void)
{
	printf(_("Usage: orientir [--db FILE] [COMMAND [ARGS]]\n"
		 "School assessment results, the district's roadmap and half-year reports.\n"
		 "Without a command: the full-screen interface.\n\n"
		 "Commands:\n"));
	cli_print_commands();
	printf(_("\nOptions:\n"
		 "  --db FILE    the database (default $ORIENTIR_DB, else\n"
		 "               $XDG_DATA_HOME/orientir/orientir.db, else\n"
		 "               ~/.local/share/orientir/orientir.db)\n"
		 "  --help       show this help\n"
		 "  --version    show the version\n\n"
		 "'orientir help COMMAND' explains a command.\n"));
}

static int help_command(int argc, char **argv)
{
	if (argc < 2) {
		usage();
		return EXIT_OK;
	}
	const cli_command *cmd = cli_find(argv[1]);
	if (!cmd) {
		cli_error(_("no command '%s'; 'orientir --help' lists them"), argv[1]);
		return EXIT_USAGE;
	}
	cli_print_help(cmd);
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	cli_env env = { 0 };
	/* Numbers in files and in parsing are always written with a point; only
	 * what people read uses their own decimal separator (num.c). */
	setlocale(LC_NUMERIC, "C");
	bindtextdomain(PACKAGE, paths_localedir());
	textdomain(PACKAGE);

	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'D' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c, rc = EXIT_OK;
	opterr = 0;	/* a wrong option is told as every message is, "orientir: …" */
	/* '+': stop at the command; its own options are its business. */
	while ((c = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		switch (c) {
		case 'D':
			free(env.db_path);
			env.db_path = xstrdup(optarg);
			break;
		case 'h':
			usage();
			goto out;
		case 'V':
			printf("orientir %s\n", PACKAGE_VERSION);
			goto out;
		default: {
			char *why = cli_bad_option(argv);
			cli_error("%s", why);
			free(why);
			fprintf(stderr, _("Try 'orientir --help' for more information.\n"));
			rc = EXIT_USAGE;
			goto out;
		}
		}
	}
	if (day_check_env() != 0) {
		cli_error(_("ORIENTIR_TODAY is %s: it must be a day written as YYYY-MM-DD, or unset"), getenv("ORIENTIR_TODAY"));
		rc = EXIT_USAGE;
		goto out;
	}
	if (optind >= argc) {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			cli_error(_("the full-screen interface needs a terminal; 'orientir --help' lists the commands"));
			rc = EXIT_USAGE;
		} else {
			char *path = cli_db_path(&env);
			if (sdb_is_server(path)) {
				/* the region's office, on its server: opened and
				 * checked as its commands do */
				school sc = { 0 };
				sdb *db = cli_open_office(&env, &sc);
				rc = db ? ui_main_region(db, &sc) : EXIT_FAIL;
			} else {
				rc = ui_main(path);
			}
			free(path);
		}
		goto out;
	}
	char **args = argv + optind;
	int nargs = argc - optind;
	if (strcmp(args[0], "help") == 0) {
		rc = help_command(nargs, args);
		goto out;
	}
	const cli_command *cmd = cli_find(args[0]);
	if (!cmd) {
		cli_error(_("no command '%s'; 'orientir --help' lists them"), args[0]);
		rc = EXIT_USAGE;
		goto out;
	}
	optind = 0;	/* glibc: start getopt afresh for the command's arguments */
	rc = cmd->run(nargs, args, &env);
out:
	free(env.db_path);
	return rc;
}
