/* district schools [list | import FILE [--dry-run] | add CODE NAME | confirm CODE [--keep]] */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-district.h"
#include "common.h"
#include "db-district.h"
#include "db.h"
#include "district.h"
#include "import.h"
#include "sign.h"
#include "table.h"

static int list(sdb *db)
{
	d_school *v;
	size_t n;
	char *err = NULL;
	if (db_d_school_list(db, &v, &n, &err) != 0) {
		cli_error("%s", err);
		free(err);
		return EXIT_FAIL;
	}
	table *t = table_new(4, "llll", "-++-");
	const char *head[] = { _("Code"), pgettext_deferred(NC_("column", "School")), _("Note"), _("Key") };
	table_add(t, head);
	for (size_t i = 0; i < n; i++) {
		char *note = *v[i].other_name ? xasprintf(_("its package says «%s»: confirm"), v[i].other_name)
			   : xstrdup(v[i].listed ? "" : _("known only from a package"));
		uint8_t pub[SIGN_KEY_SIZE];
		char *key = sign_unhex(v[i].key, pub, SIGN_KEY_SIZE) == 0 ? sign_fingerprint(pub) : xstrdup(_("none yet"));
		const char *row[] = { v[i].code, v[i].name, note, key };
		table_add(t, row);
		free(note);
		free(key);
	}
	table_print(t, stdout, table_width(stdout));
	table_free(t);
	printf(ngettext("%zu school.\n", "%zu schools.\n", (unsigned long)n), n);
	d_school_list_free(v, n);
	return EXIT_OK;
}

/* Adds one school, or confirms the name of one. */
static int change(sdb *db, const char *what, const char *code, const char *name, int keep)
{
	char *err = NULL, *now = NULL;
	int rc = strcmp(what, "confirm") == 0 ? district_school_confirm(db, code, keep, &now, &err)
		 : district_school_add(db, code, name, &err);
	if (rc != 0) {
		cli_error("%s", err);
		free(err);
		return EXIT_FAIL;
	}
	printf(_("%s %s: on the district's list.\n"), code, now ? now : name);
	free(now);
	return EXIT_OK;
}

int cli_district_schools(int argc, char **argv, cli_env *env, const cli_command *cmd)
{
	static const struct option opts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "keep", no_argument, NULL, 'k' },
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int c, exit_now, dry_run = 0, keep = 0;
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		if (c == 'n')
			dry_run = 1;
		else if (c == 'k')
			keep = 1;
		else if (cli_common_option(c, cmd, env, &exit_now) != 0)
			return exit_now;
	}
	const char *what = optind < argc ? argv[optind] : "list";
	int nargs = argc - optind - (optind < argc);
	int want = !strcmp(what, "list") ? 0 : !strcmp(what, "import") || !strcmp(what, "confirm") ? 1
		 : !strcmp(what, "add") ? 2 : -1;
	if (want < 0)
		return cli_usage(cmd, _("say schools list, import, add or confirm, not '%s'"), what);
	if (nargs != want)
		return cli_usage(cmd, ngettext("'district schools %s' takes %d argument",
					       "'district schools %s' takes %d arguments", (unsigned long)want), what, want);
	if (dry_run && strcmp(what, "import") != 0)
		return cli_usage(cmd, _("--dry-run goes with 'schools import'"));
	if (keep && strcmp(what, "confirm") != 0)
		return cli_usage(cmd, _("--keep goes with 'schools confirm'"));
	school sc = { 0 };
	sdb *db = cli_open_office(env, &sc);
	if (!db)
		return EXIT_FAIL;
	char **args = argv + optind + 1;
	int rc = !strcmp(what, "list") ? list(db)
	       : !strcmp(what, "import") ? cli_import_office_file(db, args[0], dry_run)
	       : change(db, what, args[0], want == 2 ? args[1] : NULL, keep);
	school_clear(&sc);
	sdb_close(db);
	return rc;
}
