/* backup [--to FILE|DIR] */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"
#include "common.h"
#include "db.h"
#include "dbcheck.h"
#include "keys.h"

/* How many backups a folder keeps. */
#define BACKUPS_KEPT 5

static int run(int argc, char **argv, cli_env *env)
{
	static const struct option opts[] = {
		{ "to", required_argument, NULL, 't' },
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int c, exit_now;
	const char *to = NULL;
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		if (c == 't')
			to = optarg;
		else if (cli_common_option(c, &cli_backup, env, &exit_now) != 0)
			return exit_now;
	}
	if (optind < argc)
		return cli_usage(&cli_backup, _("unexpected argument '%s'"), argv[optind]);
	school sc = { 0 };
	sqlite3 *db = cli_open(env, 1, &sc);
	if (!db)
		return EXIT_FAIL;
	char *dest = NULL, *err = NULL;
	struct stat st;
	if (!to) {
		char *path = cli_db_path(env);
		char *slash = strrchr(path, '/');
		char *dir = slash ? xasprintf("%.*s/backups", (int)(slash - path), path) : xstrdup("backups");
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			err = xasprintf(_("cannot create folder %s: %s"), dir, strerror(errno));
		else
			dest = dbcheck_backup_name(dir, sc.code, &err);
		free(dir);
		free(path);
	} else if (stat(to, &st) == 0 && S_ISDIR(st.st_mode)) {
		dest = dbcheck_backup_name(to, sc.code, &err);
	} else {
		dest = xstrdup(to);
	}
	/* Signed, so that a restore can tell a copy changed since. */
	sign_key key;
	char *news = NULL;
	int rc = err || keys_own(db_sdb(db), &key, &news, &err) < 0 ? -1 : dbcheck_backup(db, dest, &key, &err);
	if (news)
		printf("%s\n", news);
	free(news);
	if (rc == 0) {
		printf(_("Backup written and checked: %s (signed: %s.sig)\n"), dest, dest);
		/* Into a folder (a stick): the last few stay, the rest go. */
		if (!to || (stat(to, &st) == 0 && S_ISDIR(st.st_mode))) {
			char *dir = xstrndup(dest, (size_t)(strrchr(dest, '/') - dest));
			int gone = dbcheck_prune(dir, sc.code, BACKUPS_KEPT);
			if (gone)
				printf(ngettext("%d older backup removed; the last %d are kept.\n",
						"%d older backups removed; the last %d are kept.\n", (unsigned long)gone),
				       gone, BACKUPS_KEPT);
			free(dir);
		}
	} else {
		cli_error("%s", err);
	}
	free(err);
	free(dest);
	school_clear(&sc);
	db_close(db);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

const cli_command cli_backup = {
	"backup",
	/* TRANSLATORS: a synopsis: translate only the placeholders in capitals. */
	N_("[--to FILE|DIR]"),
	N_("a consistent, checked copy of the database"),
	N_("Copies the database while it may be in use (SQLite's backup API), checks\n"
	   "the copy's integrity, and only then gives it its name.\n\n"
	   "  --to FILE  write the copy there\n"
	   "  --to DIR   write orientir-CODE-DATE.db into that folder, keeping the\n"
	   "             last 5 there (default: the folder 'backups' beside the\n"
	   "             database)\n\n"
	   "Beside the copy, FILE.sig holds the database's signature of it: restore\n"
	   "refuses a copy changed since. The copy holds the signing key too: keep\n"
	   "it as safe as the database.\n"),
	run,
};
