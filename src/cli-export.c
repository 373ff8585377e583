/* export --period YYYY-H1|YYYY-H2 [--to DIR] [--dialect excel-ru|rfc4180] [--with-names] */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "common.h"
#include "day.h"
#include "db.h"
#include "district.h"
#include "package-write.h"
#include "package.h"
#include "receipt.h"

/* What the district said of the package about to be replaced, if it has
 * read it: fresh text, or NULL when there is no receipt for that version. */
static char *old_receipt(const char *dest, const char *dirname)
{
	char *dir = xasprintf("%s/%s", dest, dirname), digest[65] = "", *text = NULL;
	receipt r;
	if (receipt_read(dir, &r)) {
		if (package_digest(dir, digest) == 0 && strcmp(digest, r.digest) == 0) {
			char *when = district_time_text(r.received_at);
			if (strlen(when) > 16)
				when[16] = '\0';	/* the minute is enough here */
			text = xasprintf(_("The district had read the package this one replaces, %s: %s.\n"), when,
					 receipt_outcome_title(r.outcome));
			free(when);
		}
		receipt_clear(&r);
	}
	free(dir);
	return text;
}

static int run(int argc, char **argv, cli_env *env)
{
	static const struct option opts[] = {
		{ "period", required_argument, NULL, 'p' },
		{ "to", required_argument, NULL, 't' },
		{ "dialect", required_argument, NULL, 'd' },
		{ "with-names", no_argument, NULL, 'n' },
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int c, exit_now, with_names = 0, year, half;
	const char *period = NULL, *to = NULL, *dialect = "excel-ru";
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		switch (c) {
		case 'p': period = optarg; break;
		case 't': to = optarg; break;
		case 'd': dialect = optarg; break;
		case 'n': with_names = 1; break;
		default:
			if (cli_common_option(c, &cli_export, env, &exit_now) != 0)
				return exit_now;
		}
	}
	if (optind < argc)
		return cli_usage(&cli_export, _("unexpected argument '%s'"), argv[optind]);
	/* Without --period, the half-year today is in, as the Reports screen opens. */
	half_of(day_today(), &year, &half);
	char *current = half_code(year, half);
	if (!period)
		period = current;
	if (half_parse(period, &year, &half) != 0) {
		free(current);
		return cli_usage(&cli_export, _("'%s' is not a half-year (write 2026-H1 or 2026-H2)"), period);
	}
	const csv_style *st = csv_style_find(dialect);
	char *dest = NULL;
	if (!st) {
		free(current);
		return cli_usage(&cli_export, _("the dialect must be 'excel-ru' or 'rfc4180', not '%s'"), dialect);
	}
	if (!(dest = to ? xstrdup(to) : cli_only_stick())) {
		free(current);
		return EXIT_FAIL;
	}
	school sc = { 0 };
	sqlite3 *db = cli_open_role(env, "school", &sc);
	if (!db) {
		free(dest), free(current);
		return EXIT_FAIL;
	}
	package p;
	char *err = NULL;
	int rc = EXIT_FAIL;
	if (package_build(db, period, st, with_names, NULL, &p, &err) != 0) {
		cli_error("%s", err);
	} else {
		char *replaced = old_receipt(dest, p.dirname);
		if (package_write(&p, dest, &err) != 0) {
			cli_error("%s", err);
			cli_error(_("the package was not written; a package written before for this half-year is still there whole"));
		} else {
			printf(ngettext("Written: %s/%s (%zu file, %lld KiB), checked. The stick can be removed.\n",
					"Written: %s/%s (%zu files, %lld KiB), checked. The stick can be removed.\n",
					(unsigned long)(p.n + 1)),
			       dest, p.dirname, p.n + 1, (p.bytes + 1023) / 1024);
			if (replaced)
				fputs(replaced, stdout);
			rc = EXIT_OK;
		}
		free(replaced);
		package_free(&p);
	}
	free(err);
	free(dest), free(current);
	school_clear(&sc);
	db_close(db);
	return rc;
}

const cli_command cli_export = {
	"export",
	/* TRANSLATORS: a synopsis: translate only the placeholders in capitals. */
	N_("[--period YYYY-H1|YYYY-H2] [--to FOLDER] [--dialect excel-ru|rfc4180] [--with-names]"),
	N_("write the half-year report package for the district"),
	N_("Writes the folder orientir-CODE-PERIOD with manifest.txt, SHA256SUMS (check\n"
	   "it with 'sha256sum -c'), report.html (printable, opens offline) and the\n"
	   "tables indicators.csv, roadmap.csv, results.csv (this year and the last,\n"
	   "pupils by code), staff.csv and events.csv.\n\n"
	   "The files go into a hidden folder first, each written and synced, the\n"
	   "checksums last; only then does the folder take the package's name, replacing\n"
	   "an earlier package of the same half-year. A removed stick or a power cut\n"
	   "leaves the earlier package or the new one whole.\n\n"
	   "  --period P        2026-H1 (January to June) or 2026-H2 (July to December);\n"
	   "                    without it, the half-year today is in\n"
	   "  --to FOLDER       where to write (default: the USB stick, if exactly one)\n"
	   "  --dialect D       excel-ru (default: UTF-8 with BOM, ';', decimal comma,\n"
	   "                    DD.MM.YYYY: opens in Russian Excel) or rfc4180\n"
	   "  --with-names      put pupils' names into results.csv (personal data!)\n"),
	run,
};
