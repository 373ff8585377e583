/* district export --period P [--to DIR] [--dialect excel-ru|rfc4180] [--district NAME] */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-district.h"
#include "common.h"
#include "day.h"
#include "db.h"
#include "district-report.h"
#include "package-write.h"
#include "region-report.h"

/* What the export carries for the region, and which schools' packages it
 * cannot carry. */
static void tell_carried(const district_report *r)
{
	printf(ngettext("%zu school package is carried for the region in %s/.\n",
			"%zu school packages are carried for the region in %s/.\n", (unsigned long)r->ncarried),
	       r->ncarried, DISTRICT_EXPORT_SCHOOLS);
	for (size_t i = 0; i < r->nuncarried; i++) {
		const d_package *p = &r->uncarried[i];
		char *half = half_text_of(p->period), *when = district_time_text(p->received_at);
		printf(_("Not carried: %s «%s», %s, received %s: its files are not kept (it came before orientir kept"
			 " the packages it takes in, or with pupils' names), so its tables are not in the export; ask"
			 " the school to send it again, without names.\n"),
		       p->school_code, district_report_name(r, p->school_code), half, when);
		free(half), free(when);
	}
}

int cli_district_export(int argc, char **argv, cli_env *env, const cli_command *cmd)
{
	static const struct option opts[] = {
		{ "period", required_argument, NULL, 'p' },
		{ "to", required_argument, NULL, 't' },
		{ "dialect", required_argument, NULL, 'd' },
		{ "district", required_argument, NULL, 'r' },
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int c, exit_now, year, half;
	const char *period = NULL, *to = NULL, *dialect = "excel-ru", *district = NULL;
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		switch (c) {
		case 'p': period = optarg; break;
		case 't': to = optarg; break;
		case 'd': dialect = optarg; break;
		case 'r': district = optarg; break;
		default:
			if (cli_common_option(c, cmd, env, &exit_now) != 0)
				return exit_now;
		}
	}
	if (optind < argc)
		return cli_usage(cmd, _("unexpected argument '%s'"), argv[optind]);
	if (!period)
		return cli_usage(cmd, _("say which half-year with --period (like 2026-H1)"));
	if (half_parse(period, &year, &half) != 0)
		return cli_usage(cmd, _("'%s' is not a half-year (write 2026-H1 or 2026-H2)"), period);
	const csv_style *st = csv_style_find(dialect);
	if (!st)
		return cli_usage(cmd, _("the dialect must be 'excel-ru' or 'rfc4180', not '%s'"), dialect);
	school sc = { 0 };
	sdb *db = cli_open_office(env, &sc);
	if (!db)
		return EXIT_FAIL;
	if (strcmp(sc.role, "region") == 0) {
		int rc = cli_region_export(db, period, district, to, st, cmd);
		school_clear(&sc);
		sdb_close(db);
		return rc;
	}
	if (district) {
		school_clear(&sc);
		sdb_close(db);
		return cli_usage(cmd, _("--district goes with the region's database: a district's report is its own"));
	}
	char *dest = to ? xstrdup(to) : cli_only_stick();
	district_report r;
	package p;
	char *err = NULL;
	int rc = EXIT_FAIL;
	if (!dest) {
		/* told already */
	} else if (district_report_build(db, period, &r, &err) != 0) {
		cli_error("%s", err);
	} else {
		if (r.key_news)
			printf("%s\n", r.key_news);
		if (district_report_package(&r, st, &p, &err) != 0) {
			cli_error("%s", err);
		} else if (package_write(&p, dest, &err) != 0) {
			cli_error("%s", err);
			cli_error(_("the report was not written; one written before for this half-year is still there whole"));
			package_free(&p);
		} else {
			printf(ngettext("Written: %s/%s (%zu file, %lld KiB), checked. The stick can be removed.\n",
					"Written: %s/%s (%zu files, %lld KiB), checked. The stick can be removed.\n",
					(unsigned long)(p.n + 1 + p.has_key)),
			       dest, p.dirname, p.n + 1 + p.has_key, (p.bytes + 1023) / 1024);
			if (!r.status.n)
				printf(_("No schools are known yet, and the report says so: import their packages first.\n"));
			else
				printf(ngettext("%ld of %zu school reported for %s; %ld flagged for %d.\n",
						"%ld of %zu schools reported for %s; %ld flagged for %d.\n",
						(unsigned long)r.status.n),
				       r.status.received, r.status.n, period, r.risk.flagged, year);
			tell_carried(&r);
			package_free(&p);
			rc = EXIT_OK;
		}
		district_report_free(&r);
	}
	free(err);
	free(dest);
	school_clear(&sc);
	sdb_close(db);
	return rc;
}
