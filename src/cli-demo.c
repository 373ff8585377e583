/* demo [--district]: a living database built from data/demo/ (demo.c),
 * opened in the interface, or its figures printed outside a terminal. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "common.h"
#include "db.h"
#include "paths.h"
#include "demo.h"
#include "ui.h"

/* The file may be replaced only if it is missing or an earlier demo. */
static int may_replace(const char *path, const char *code, char **err)
{
	if (access(path, F_OK) != 0)
		return 1;
	sqlite3 *db = db_open_readonly(path, err);
	if (!db)
		return 0;
	char *had = NULL, *why = NULL;
	int rc = db_school_code(db, &had, &why);
	int ok = rc == 0 || (rc == 1 && strcmp(had, code) == 0);
	free(had), free(why);
	db_close(db);
	if (!ok)
		*err = xasprintf(_("%s is not an earlier demo database; the demo will not overwrite it"), path);
	return ok;
}

/* demo.db (or district-demo.db) beside the real database, never in its
 * place; or --db. */
static char *demo_path(const cli_env *env, const char *name)
{
	if (env->db_path)
		return xstrdup(env->db_path);
	char *real = db_default_path(), *slash = strrchr(real, '/');
	char *path = slash ? xasprintf("%.*s/%s", (int)(slash - real), real, name) : xstrdup(name);
	free(real);
	return path;
}

/* At a terminal the demo opens the interface; in a script or a pipe it
 * shows what the interface would: the indicators, or who reported and the
 * low-results rule. The district's says where its stick is. */
static int show(cli_env *env, const char *path, int district, const char *stick)
{
	if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
		/* on the status line of the first screen, until the first key */
		if (district)
			ui_message(_("The demo district's packages: %s"), stick);
		return ui_main(path);
	}
	free(env->db_path);
	env->db_path = xstrdup(path);
	if (!district) {
		printf(_("Demo database: %s\nA school with its pupils, assessment scales and three years of results.\n"
			 "Try: orientir --db %s indicators --format csv\n\n"), path, path);
		char *args[] = { "indicators", NULL };
		optind = 0;
		return cli_indicators.run(1, args, env);
	}
	printf(_("Demo district database: %s\nFive schools, four of whose half-year packages came (one late).\n"
		 "Their packages are in %s, the folder the district's Import screen opens on.\n"
		 "Try: orientir --db %s district risk\n\n"), path, stick, path);
	char *status[] = { "district", "status", "--period", DEMO_PERIOD, NULL };
	optind = 0;
	int rc = cli_district.run(4, status, env);
	putchar('\n');
	char *risk[] = { "district", "risk", NULL };
	optind = 0;
	return rc != EXIT_OK ? rc : cli_district.run(2, risk, env);
}

static int run(int argc, char **argv, cli_env *env)
{
	static const struct option opts[] = { { "district", no_argument, NULL, 'd' }, CLI_COMMON_OPTIONS,
					      { NULL, 0, NULL, 0 } };
	int c, exit_now, district = 0;
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		if (c == 'd')
			district = 1;
		else if (cli_common_option(c, &cli_demo, env, &exit_now) != 0)
			return exit_now;
	}
	if (optind < argc)
		return cli_usage(&cli_demo, _("unexpected argument '%s'"), argv[optind]);

	char *dir = xasprintf("%s/demo", paths_datadir()), *err = NULL;
	char *path = demo_path(env, district ? "district-demo.db" : "demo.db");
	char *stick = xasprintf("%s-stick", path);
	school s = { 0 };
	diag d = cli_diag();
	int rc = EXIT_FAIL;
	if (demo_school(dir, &s, &err) != 0 || !may_replace(path, district ? DEMO_DISTRICT_CODE : s.code, &err)) {
		cli_error("%s", err);
		goto out;
	}
	if ((district ? demo_district_build(path, dir, stick, &d) : demo_school_build(path, dir, &s, 0, &d)) != 0) {
		cli_error(_("the demo data in %s did not import"), dir);
		goto out;
	}
	/* (the folder is there now: its whole path, to be found from anywhere) */
	char *whole = realpath(stick, NULL);
	rc = show(env, path, district, whole ? whole : stick);
	free(whole);
out:
	school_clear(&s);
	free(err);
	free(path);
	free(stick);
	free(dir);
	return rc;
}

const cli_command cli_demo = {
	"demo",
	/* TRANSLATORS: a synopsis: translate only the placeholders in capitals. */
	N_("[--district]"),
	N_("build a demo school's database and show what orientir makes of it"),
	N_("Builds a database for an invented school from the files in the data/demo\n"
	   "folder (pupils, scales, three years of results, the 2026 ВПР forms task by\n"
	   "task) and opens the full-screen interface on it (outside a terminal it\n"
	   "prints the latest year's indicators).\n"
	   "The demo database lies beside the real one (demo.db) and is rebuilt each\n"
	   "time; --db names another place, but never a real school's file.\n\n"
	   "  --district  a district office instead (district-demo.db): five invented\n"
	   "              schools, four of whose half-year packages (2026-H1) came, one\n"
	   "              of them late; the packages are left in the folder beside it\n"
	   "              (district-demo.db-stick) to look at or take in again: the\n"
	   "              interface says where it is, and its Import screen opens on it\n"),
	run,
};
