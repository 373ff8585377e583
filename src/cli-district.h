/* The district office's subcommands of 'orientir district': one file each
 * (cli-district-*.c), dispatched by cli-district.c. */
#ifndef ORIENTIR_CLI_DISTRICT_H
#define ORIENTIR_CLI_DISTRICT_H

#include "cli.h"
#include "csvout.h"
#include "district.h"

typedef int (*district_run)(int argc, char **argv, cli_env *env, const cli_command *cmd);

int cli_district_import(int argc, char **argv, cli_env *env, const cli_command *cmd);
int cli_district_status(int argc, char **argv, cli_env *env, const cli_command *cmd);
int cli_district_risk(int argc, char **argv, cli_env *env, const cli_command *cmd);
int cli_district_schools(int argc, char **argv, cli_env *env, const cli_command *cmd);
int cli_district_set(int argc, char **argv, cli_env *env, const cli_command *cmd);
int cli_district_indicators(int argc, char **argv, cli_env *env, const cli_command *cmd);
int cli_district_export(int argc, char **argv, cli_env *env, const cli_command *cmd);
int cli_district_held(int argc, char **argv, cli_env *env, const cli_command *cmd);
int cli_district_accept(int argc, char **argv, cli_env *env, const cli_command *cmd);
int cli_district_reject(int argc, char **argv, cli_env *env, const cli_command *cmd);

/* Prints what became of one package: its line and notes on stdout, a
 * refusal on stderr. What came from the stick (its folder's name) is
 * shown escaped. */
void cli_district_report(const pkg_import *r);
int cli_district_tasks(int argc, char **argv, cli_env *env, const cli_command *cmd);

/* `district export` on the region's database (cli-region-export.c): the
 * region's report of period, of district alone unless NULL, into the
 * folder to (required: the region works on a server, not from a stick);
 * the exit status. */
int cli_region_export(sdb *db, const char *period, const char *district, const char *to, const csv_style *st,
		      const cli_command *cmd);

/* A subcommand's options: --ARG_NAME VALUE into *arg, --format into *csv,
 * the common ones, and with district --district D (a region's database:
 * its schools alone; NULL when not given); 0 to go on, else 1 with
 * *exit_now the status. */
int cli_district_options(int argc, char **argv, cli_env *env, const cli_command *cmd, const char *arg_name,
			 const char **arg, const char **district, int *csv, int *exit_now);
/* The options of a subcommand about one year (--year Y, --format, and
 * --district D when district is not NULL), the district's or the region's
 * database opened and the year: --year's, else the latest with results.
 * NULL when the command ends here, with *exit_now its status (there being
 * no results yet is told, and is no failure). */
sdb *cli_district_year(int argc, char **argv, cli_env *env, const cli_command *cmd, school *sc, int *year,
		       const char **district, int *csv, int *exit_now);

#endif
