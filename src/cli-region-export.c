/* district export on the region's database: the region's report, all its
 * districts or one, into a folder on the operator's machine. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli-district.h"
#include "common.h"
#include "package-write.h"
#include "region-report.h"

int cli_region_export(sdb *db, const char *period, const char *district, const char *to, const csv_style *st,
		      const cli_command *cmd)
{
	if (!to)
		return cli_usage(cmd, _("say with --to which folder the region's report goes to"));
	district_report r;
	package p;
	char *err = NULL;
	int rc = EXIT_FAIL;
	if (region_report_build(db, period, district, &r, &err) != 0) {
		cli_error("%s", err);
		free(err);
		return EXIT_FAIL;
	}
	if (r.key_news)
		printf("%s\n", r.key_news);
	if (region_report_package(&r, st, &p, &err) != 0) {
		cli_error("%s", err);
	} else if (package_write(&p, to, &err) != 0) {
		cli_error("%s", err);
		cli_error(_("the report was not written; one written before for this half-year is still there whole"));
		package_free(&p);
	} else {
		printf(ngettext("Written: %s/%s (%zu file, %lld KiB), checked.\n",
				"Written: %s/%s (%zu files, %lld KiB), checked.\n", (unsigned long)(p.n + 1 + p.has_key)),
		       to, p.dirname, p.n + 1 + p.has_key, (p.bytes + 1023) / 1024);
		const region_part *g = r.region;
		if (!r.status.n)
			printf(_("No schools are known yet, and the report says so: import their packages first.\n"));
		else
			printf(ngettext("%ld of %ld school reported for %s; %ld flagged for %d.\n",
					"%ld of %ld schools reported for %s; %ld flagged for %d.\n",
					(unsigned long)g->total.expected),
			       g->total.received, g->total.expected, period, g->total.flagged, r.year);
		package_free(&p);
		rc = EXIT_OK;
	}
	free(err);
	region_report_free(&r);
	return rc;
}
