/* restore FILE: a backup back in place of the database. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "common.h"
#include "db.h"
#include "dbcheck.h"
#include "store.h"

/* The key of the database at path, if it opens and has one: 1 and *k. */
static int current_key(const char *path, sign_key *k)
{
	char *err = NULL;
	sqlite3 *db = access(path, F_OK) == 0 ? db_open_readonly(path, &err) : NULL;
	int have = db && db_own_key_get(db_sdb(db), k, &err) == 1;
	db_close(db);
	free(err);
	return have;
}

/* Says who signed the backup just restored: the database it replaced
 * (known), another key, or none. */
static void tell_signature(enum sign_state sig, const uint8_t pub[SIGN_KEY_SIZE], int had, const sign_key *before)
{
	if (sig == SIGN_NONE) {
		printf(_("The backup is not signed (an earlier orientir made it, or its .sig is not beside it).\n"));
		return;
	}
	char *fp = sign_fingerprint(pub);
	if (had && memcmp(before->pub, pub, SIGN_KEY_SIZE) == 0)
		printf(_("The backup is signed with this database's key (%s) and unchanged since.\n"), fp);
	else
		printf(_("The backup is signed with key %s, not the key of the database it replaced.\n"), fp);
	free(fp);
}

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
	uint8_t pub[SIGN_KEY_SIZE];
	enum sign_state sig = dbcheck_signature(argv[optind], pub);
	sign_key before;
	int had = current_key(path, &before);
	int rc = -1;
	if (sig == SIGN_BAD)
		err = xasprintf(_("%s.sig does not match %s: the copy was changed after it was written"), argv[optind],
				argv[optind]);
	else
		rc = dbcheck_restore(argv[optind], path, &aside, &err);
	if (rc == 0) {
		printf(_("Restored %s from %s.\n"), path, argv[optind]);
		if (aside)
			printf(_("The database it replaced is kept as %s.\n"), aside);
		tell_signature(sig, pub, had, &before);
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
	   "DATABASE.before-restore-DATE.\n\n"
	   "A backup with FILE.sig beside it is checked against it first: one changed\n"
	   "since it was written is refused.\n"),
	run,
};
