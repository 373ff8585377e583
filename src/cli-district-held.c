/* district held [--all] [--format table|csv] | district accept|reject N... | --school CODE */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-district.h"
#include "common.h"
#include "csvout.h"
#include "db-district.h"
#include "db.h"
#include "district.h"
#include "sign.h"
#include "table.h"

static void held_csv(sdb *db, const d_held *v, size_t n)
{
	static const char *const head[] = { "id", "school_code", "school_name", "period", "created_at", "received_at",
					    "reason", "key_fingerprint", "school_key_fingerprint", "decision",
					    "decided_at" };
	csvout_line(stdout, head, 11);
	for (size_t i = 0; i < n; i++) {
		char *id = xasprintf("%ld", v[i].id), *fp = sign_fingerprint_hex(v[i].key),
		     *known = district_school_fingerprint(db, v[i].school_code, NULL);
		const char *cells[] = { id, v[i].school_code, v[i].school_name, v[i].period, v[i].created_at,
					v[i].received_at, v[i].reason, fp, known, v[i].decision, v[i].decided_at };
		csvout_line(stdout, cells, 11);
		free(id), free(fp), free(known);
	}
}

/* For people: the package's key, the one the school reads out on the phone. */
static void held_table(const d_held *v, size_t n)
{
	table *t = table_new(5, "rllll", "-+-+-");
	const char *head[] = { _("No."), pgettext_deferred(NC_("column", "School")), _("Half-year"), _("Why held"),
			       _("Its key") };
	table_add(t, head);
	for (size_t i = 0; i < n; i++) {
		char *id = xasprintf("%ld", v[i].id), *who = xasprintf("%s %s", v[i].school_code, v[i].school_name);
		char *fp = *v[i].key ? sign_fingerprint_hex(v[i].key) : xstrdup(_("not signed"));
		const char *why = *v[i].decision ? (!strcmp(v[i].decision, "accepted") ? _("accepted") : _("rejected"))
			: district_held_reason(v[i].reason);
		const char *row[] = { id, who, v[i].period, why, fp };
		table_add(t, row);
		free(id), free(who), free(fp);
	}
	table_print(t, stdout, table_width(stdout));
	table_free(t);
	printf(ngettext("%zu package held.\n", "%zu packages held.\n", (unsigned long)n), n);
}

int cli_district_held(int argc, char **argv, cli_env *env, const cli_command *cmd)
{
	static const struct option opts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int c, exit_now, all = 0, csv = 0;
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		if (c == 'a')
			all = 1;
		else if (c == 'f' && (csv = cli_csv(cmd, optarg)) < 0)
			return EXIT_USAGE;
		else if (c != 'f' && cli_common_option(c, cmd, env, &exit_now) != 0)
			return exit_now;
	}
	if (optind < argc)
		return cli_usage(cmd, _("unexpected argument '%s'"), argv[optind]);
	school sc = { 0 };
	sdb *db = cli_open_office(env, &sc);
	if (!db)
		return EXIT_FAIL;
	d_held *v;
	size_t n;
	char *err = NULL;
	int rc = db_d_held_list(db, all, &v, &n, &err);
	if (rc != 0) {
		cli_error("%s", err);
		free(err);
	} else {
		if (csv)
			held_csv(db, v, n);
		else if (n || all)
			held_table(v, n);
		else
			printf(_("No package is waiting for a decision.\n"));
		d_held_list_free(v, n);
	}
	school_clear(&sc);
	sdb_close(db);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

/* The numbers of the packages to decide on: the arguments, or with
 * --school every package of that school waiting. -1 told. */
static int which(sdb *db, char **args, int nargs, const char *code, long **ids, size_t *n)
{
	*ids = NULL;
	*n = 0;
	if (code) {
		d_held *v;
		size_t k;
		char *err = NULL;
		if (db_d_held_list(db, 0, &v, &k, &err) != 0) {
			cli_error("%s", err);
			free(err);
			return -1;
		}
		for (size_t i = 0; i < k; i++)
			if (strcmp(v[i].school_code, code) == 0) {
				*ids = xrealloc(*ids, (*n + 1) * sizeof **ids);
				(*ids)[(*n)++] = v[i].id;
			}
		d_held_list_free(v, k);
		if (*n == 0)
			cli_error(_("no package of school %s is waiting for a decision"), code);
		return *n ? 0 : -1;
	}
	for (int i = 0; i < nargs; i++) {
		char *end;
		long id = strtol(args[i], &end, 10);
		if (*end || id <= 0) {
			cli_error(_("'%s' is not the number of a held package ('orientir district held' shows them)"),
				  args[i]);
			free(*ids);
			return -1;
		}
		*ids = xrealloc(*ids, (*n + 1) * sizeof **ids);
		(*ids)[(*n)++] = id;
	}
	return 0;
}

/* accept or reject: the same options, each package in turn. */
static int decide(int argc, char **argv, cli_env *env, const cli_command *cmd, int accept)
{
	static const struct option opts[] = {
		{ "school", required_argument, NULL, 's' },
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int c, exit_now;
	const char *code = NULL;
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		if (c == 's')
			code = optarg;
		else if (cli_common_option(c, cmd, env, &exit_now) != 0)
			return exit_now;
	}
	if ((optind < argc) == (code != NULL))
		return cli_usage(cmd, _("name the held packages by their numbers, or a school with --school CODE"));
	school sc = { 0 };
	sdb *db = cli_open_office(env, &sc);
	if (!db)
		return EXIT_FAIL;
	long *ids;
	size_t n;
	int failed = which(db, argv + optind, argc - optind, code, &ids, &n) != 0;
	for (size_t i = 0; i < n; i++) {
		char *err = NULL;
		pkg_import r = { 0 };
		if (accept ? district_accept(db, ids[i], &r, &err) != 0 : district_reject(db, ids[i], &err) != 0) {
			cli_error(_("package number %ld: %s"), ids[i], err);
			failed = 1;
		} else if (accept) {
			cli_district_report(&r);
		} else {
			printf(_("Package number %ld rejected: it is not taken, and the same package brought again is"
				 " refused.\n"), ids[i]);
		}
		free(err);
		pkg_import_clear(&r);
	}
	free(ids);
	school_clear(&sc);
	sdb_close(db);
	return failed ? EXIT_FAIL : EXIT_OK;
}

int cli_district_accept(int argc, char **argv, cli_env *env, const cli_command *cmd)
{
	return decide(argc, argv, env, cmd, 1);
}

int cli_district_reject(int argc, char **argv, cli_env *env, const cli_command *cmd)
{
	return decide(argc, argv, env, cmd, 0);
}
