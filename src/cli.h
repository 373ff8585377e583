/* The command line: one file per command (cli-*.c), each giving one entry
 * of the table in cli.c. Commands print; the layers below them do not. */
#ifndef ORIENTIR_CLI_H
#define ORIENTIR_CLI_H

#include <getopt.h>
#include <sqlite3.h>

#include "diag.h"
#include "store.h"

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

typedef struct cli_env {
	char *db_path;		/* from --db, else NULL: the default */
} cli_env;

typedef struct cli_command {
	const char *name;
	const char *synopsis;	/* N_() arguments after the name: only the placeholders
				 * in capitals are translated (FILE → ФАЙЛ) */
	const char *summary;	/* N_() one line */
	const char *help;	/* N_() what it does, its options */
	int (*run)(int argc, char **argv, cli_env *env);
} cli_command;

extern const cli_command cli_init, cli_import, cli_indicators, cli_roadmap, cli_export, cli_check, cli_backup,
	cli_restore, cli_demo, cli_district, cli_key, cli_tasks, cli_objectivity;

/* The command called name, or NULL. */
const cli_command *cli_find(const char *name);
/* Prints the list of commands (for --help). */
void cli_print_commands(void);
/* Prints a command's full help. */
void cli_print_help(const cli_command *cmd);

/* "orientir: message" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* text as a year 2000–2100: the year, or 0 after a usage error. */
int cli_year(const cli_command *cmd, const char *text);
/* A --format: 1 for csv, 0 for table, -1 after a usage error. */
int cli_csv(const cli_command *cmd, const char *format);
/* A usage error: the message, a pointer to help, and EXIT_USAGE. */
int cli_usage(const cli_command *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A diag sink that prints "orientir: FILE:LINE: message" on stderr. */
diag cli_diag(void);

/* getopt_long over a command's arguments, getopt's own messages off: a
 * wrong option is told here, "orientir: unknown option '--x'", and comes
 * back as '?' for cli_common_option to point to help. */
int cli_getopt(int argc, char **argv, const struct option *opts);
/* What is wrong with the option getopt_long has just refused with opterr
 * at 0 (fresh). */
char *cli_bad_option(char **argv);

/* Options every command takes (--db, --help) handled for getopt_long's c:
 * 0 to go on, else *exit_now is the status to return now (1: done, -1: an
 * option this command does not know). */
#define CLI_COMMON_OPTIONS { "db", required_argument, NULL, 'D' }, { "help", no_argument, NULL, 'h' }
int cli_common_option(int c, const cli_command *cmd, cli_env *env, int *exit_now);

/* The database path in force (--db, $ORIENTIR_DB, the default). Fresh string. */
char *cli_db_path(const cli_env *env);
/* Opens the database; with need_school, refuses one not yet initialised and
 * fills *sc. Prints the reason and returns NULL on failure. */
sqlite3 *cli_open(const cli_env *env, int need_school, school *sc);
/* As cli_open for a command of one role, "school" (its pupils, results
 * and report package) or "district" (the office's work): a database of the
 * other role is refused, told why. */
sqlite3 *cli_open_role(const cli_env *env, const char *role, school *sc);
/* As cli_open_role for "district", or, when the database is on a
 * PostgreSQL server, the region's: what the district's commands that
 * also serve the region open. */
sdb *cli_open_office(const cli_env *env, school *sc);

/* Where --to goes when not given: the only USB stick mounted (fresh), or
 * NULL with the reason (none, or which ones) told. */
char *cli_only_stick(void);

/* `tasks set` and `objectivity set`: the rules of the group (enum
 * rules_group) listed, or one set; hint is the usage error's. */
int cli_rules_set(const cli_command *cmd, int group, const char *hint, int argc, char **argv, cli_env *env);

/* Imports a CSV of kind (enum import_kind) into db, printing the summary
 * or every bad line: the exit status. */
int cli_import_file(sqlite3 *db, int kind, const char *path, int dry_run);
/* The same for the district's list of schools into an office's database
 * (a district's file or the region's server). */
int cli_import_office_file(sdb *db, const char *path, int dry_run);

#endif
