/* key [--forget-district]: the database's signing key, and the district's a school knows. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "common.h"
#include "db.h"
#include "keys.h"

static int run(int argc, char **argv, cli_env *env)
{
	static const struct option opts[] = {
		{ "forget-district", no_argument, NULL, 'f' },
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int c, exit_now, forget = 0;
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		if (c == 'f')
			forget = 1;
		else if (cli_common_option(c, &cli_key, env, &exit_now) != 0)
			return exit_now;
	}
	if (optind < argc)
		return cli_usage(&cli_key, _("unexpected argument '%s'"), argv[optind]);
	school sc = { 0 };
	sqlite3 *db = cli_open(env, 1, &sc);
	if (!db)
		return EXIT_FAIL;
	int district = strcmp(sc.role, "district") == 0, rc = EXIT_FAIL;
	sign_key k;
	uint8_t pub[SIGN_KEY_SIZE];
	char *err = NULL, *news = NULL;
	if (forget && district) {
		rc = cli_usage(&cli_key, _("--forget-district is for a school's database"));
	} else if (forget) {
		if (keys_district_forget(db, &err) == 0) {
			printf(_("The district's key is forgotten: the next signed receipt teaches it again.\n"));
			rc = EXIT_OK;
		}
	} else if (keys_own(db_sdb(db), &k, &news, &err) >= 0) {
		char *fp = sign_fingerprint(k.pub), *hex = sign_hex(k.pub, SIGN_KEY_SIZE);
		if (news)
			printf("%s\n", news);
		printf(_("Signing key of %s «%s»: %s\n"), sc.code, sc.name, fp);
		printf(_("Public key (for the district's list of schools): %s\n"), hex);
		free(fp), free(hex);
		int known = district ? 0 : keys_district(db, pub, &err);
		if (known > 0) {
			fp = sign_fingerprint(pub);
			printf(_("The district's key, learnt from its first signed receipt: %s\n"), fp);
			free(fp);
		} else if (known == 0 && !district) {
			printf(_("The district's key is not known yet: the first signed receipt teaches it.\n"));
		}
		rc = known < 0 ? EXIT_FAIL : EXIT_OK;
	}
	if (err)
		cli_error("%s", err);
	free(err);
	free(news);
	school_clear(&sc);
	db_close(db);
	return rc;
}

const cli_command cli_key = {
	"key",
	/* TRANSLATORS: a synopsis: translate only the placeholders in capitals. */
	N_("[--forget-district]"),
	N_("the database's signing key, to read out on the phone"),
	N_("Shows the fingerprint of the key this database signs its packages, backups\n"
	   "and (a district's) receipts with: five groups of four digits to compare on\n"
	   "the phone; and the public key itself, for a district's list of schools.\n"
	   "For a school, also the district's key it learnt from the first signed\n"
	   "receipt it saw.\n\n"
	   "  --forget-district  forget the district's key (the district has a new\n"
	   "                     one): the next signed receipt teaches it again\n"),
	run,
};
