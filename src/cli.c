#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "common.h"
#include "db.h"
#include "region.h"
#include "usb.h"
#include "utf8.h"

static const cli_command *const commands[] = {
	&cli_init, &cli_import, &cli_indicators, &cli_tasks, &cli_objectivity, &cli_roadmap, &cli_export, &cli_check, &cli_backup, &cli_restore, &cli_demo, &cli_district,
	&cli_key,
};

const cli_command *cli_find(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}

void cli_print_commands(void)
{
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		printf("  %-12s %s\n", commands[i]->name, _(commands[i]->summary));
}

/* The command's synopsis in the user's language ("" has none: gettext
 * would give the catalogue's header). */
static const char *synopsis(const cli_command *cmd)
{
	return *cmd->synopsis ? _(cmd->synopsis) : "";
}

void cli_print_help(const cli_command *cmd)
{
	printf(_("Usage: orientir [--db FILE] %s %s\n"), cmd->name, synopsis(cmd));
	printf("%s\n\n%s", _(cmd->summary), _(cmd->help));
}

/* Prints "orientir: " and the message, its control characters escaped:
 * text from a file or a stick never reaches the terminal raw. */
static void verror(const char *fmt, va_list ap)
{
	char *msg = xvasprintf(fmt, ap), *shown = utf8_escape(msg, 0, 1);
	fprintf(stderr, "orientir: %s\n", shown);
	free(shown);
	free(msg);
}

void cli_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	verror(fmt, ap);
	va_end(ap);
}

int cli_usage(const cli_command *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	verror(fmt, ap);
	va_end(ap);
	fprintf(stderr, _("Usage: orientir [--db FILE] %s %s\n"), cmd->name, synopsis(cmd));
	fprintf(stderr, _("Try 'orientir help %s' for more information.\n"), cmd->name);
	return EXIT_USAGE;
}

int cli_year(const cli_command *cmd, const char *text)
{
	char *end;
	long y = strtol(text, &end, 10);
	if (*end || end == text || y < 2000 || y > 2100) {
		cli_usage(cmd, _("'%s' is not a year"), text);
		return 0;
	}
	return (int)y;
}

int cli_csv(const cli_command *cmd, const char *format)
{
	int csv = !strcmp(format, "csv");
	if (!csv && strcmp(format, "table") != 0) {
		cli_usage(cmd, _("the format must be 'table' or 'csv', not '%s'"), format);
		return -1;
	}
	return csv;
}

static void print_diag(void *ctx, enum diag_level level, const char *file, long line, const char *msg)
{
	(void)ctx;
	const char *prefix = level == DIAG_WARNING ? _("warning: ") : "";
	if (file && line > 0)
		cli_error("%s:%ld: %s%s", file, line, prefix, msg);
	else if (file)
		cli_error("%s: %s%s", file, prefix, msg);
	else
		cli_error("%s%s", prefix, msg);
}

diag cli_diag(void)
{
	return (diag){ .emit = print_diag };
}

char *cli_bad_option(char **argv)
{
	const char *arg = argv[optind - 1];
	if (arg[0] != '-' || arg[1] != '-')
		return xasprintf(_("unknown option '-%c'"), optopt ? optopt : arg[1]);
	/* glibc: optopt is 0 for a name it does not know, else the option's. */
	if (!optopt)
		return xasprintf(_("unknown option '%.*s'"), (int)strcspn(arg, "="), arg);
	if (strchr(arg, '='))
		return xasprintf(_("option '%.*s' takes no value"), (int)strcspn(arg, "="), arg);
	return xasprintf(_("option '%s' needs a value"), arg);
}

int cli_getopt(int argc, char **argv, const struct option *opts)
{
	opterr = 0;
	int c = getopt_long(argc, argv, "", opts, NULL);
	if (c == '?') {
		char *why = cli_bad_option(argv);
		cli_error("%s", why);
		free(why);
	}
	return c;
}

int cli_common_option(int c, const cli_command *cmd, cli_env *env, int *exit_now)
{
	switch (c) {
	case 'D':
		free(env->db_path);
		env->db_path = xstrdup(optarg);
		return 0;
	case 'h':
		cli_print_help(cmd);
		*exit_now = EXIT_OK;
		return 1;
	case '?':
		fprintf(stderr, _("Try 'orientir help %s' for more information.\n"), cmd->name);
		*exit_now = EXIT_USAGE;
		return 1;
	default:
		*exit_now = EXIT_USAGE;
		return -1;
	}
}

char *cli_db_path(const cli_env *env)
{
	return env->db_path ? xstrdup(env->db_path) : db_default_path();
}

sqlite3 *cli_open(const cli_env *env, int need_school, school *sc)
{
	char *path = cli_db_path(env), *err = NULL;
	if (sdb_is_server(path)) {
		cli_error(_("a database on a server is the region's: it takes the 'orientir district' commands; this"
			    " command needs a school's or a district's file"));
		free(path);
		return NULL;
	}
	/* Only init creates a database: a typo in --db must not leave an empty
	 * one behind a failed command. */
	if (need_school && access(path, F_OK) != 0) {
		cli_error(_("there is no database %s; create it with: orientir init --code CODE --name NAME"), path);
		free(path);
		return NULL;
	}
	sqlite3 *db = db_open(path, &err);
	char *notice = db_take_notice();
	if (notice)
		cli_error(_("warning: %s"), notice);
	free(notice);
	if (!db) {
		cli_error("%s", err);
		free(err);
		free(path);
		return NULL;
	}
	if (need_school) {
		int rc = db_school_get(db_sdb(db), sc, &err);
		if (rc <= 0) {
			if (rc < 0) {
				cli_error("%s", err);
				free(err);
			} else {
				cli_error(_("%s is a new, empty database; create it first with: orientir init --code CODE --name NAME"), path);
			}
			db_close(db);
			db = NULL;
		}
	}
	free(path);
	return db;
}

/* The only stick present, or NULL with the reason told. */
char *cli_only_stick(void)
{
	usb_stick *v;
	size_t n;
	if (usb_find("/proc/self/mounts", &v, &n) != 0 || n == 0) {
		cli_error(_("no USB stick is mounted; insert one, or say where to write with --to FOLDER"));
		usb_free(v, 0);
		return NULL;
	}
	char *dir = NULL;
	if (n == 1) {
		dir = xstrdup(v[0].mount);
	} else {
		cli_error(_("several USB sticks are mounted; say which with --to:"));
		for (size_t i = 0; i < n; i++)
			fprintf(stderr, "  --to %s\n", v[i].mount);
	}
	usb_free(v, n);
	return dir;
}

sdb *cli_open_office(const cli_env *env, school *sc)
{
	char *path = cli_db_path(env), *err = NULL;
	if (!sdb_is_server(path)) {
		free(path);
		sqlite3 *db = cli_open_role(env, "district", sc);
		return db ? db_sdb(db) : NULL;
	}
	sdb *db = region_open(path, &err);
	free(path);
	int rc = db ? db_school_get(db, sc, &err) : -1;
	if (rc > 0 && strcmp(sc->role, "region") == 0)
		return db;
	if (rc < 0)
		cli_error("%s", err);
	else if (rc == 0)
		cli_error(_("the region's database is new and empty; create it first with: orientir init --role region"
			    " --code CODE --name NAME"));
	else
		cli_error(_("this database on the server is not a region's"));
	free(err);
	if (rc > 0)
		school_clear(sc);
	sdb_close(db);
	return NULL;
}

sqlite3 *cli_open_role(const cli_env *env, const char *role, school *sc)
{
	sqlite3 *db = cli_open(env, 1, sc);
	if (db && strcmp(sc->role, role) != 0) {
		if (strcmp(role, "school") == 0)
			cli_error(_("this is a district office's database; this command is a school's (the district's"
				    " work is under 'orientir district')"));
		else
			cli_error(_("this is a school's database; the district commands need one made with"
				    " 'orientir init --role district'"));
		school_clear(sc);
		db_close(db);
		return NULL;
	}
	return db;
}
