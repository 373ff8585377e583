/* The region's report of a half-year: the district's report
 * (district-report.h) over every school of the region, each school's
 * district named, a summary by district at the top, and a filter keeping
 * one district. Domain layer; region-report-html.c writes its summary. */
#ifndef ORIENTIR_REGION_REPORT_H
#define ORIENTIR_REGION_REPORT_H

#include <stdio.h>

#include "district-report.h"

/* One district's line of the summary ("" name: schools no package has
 * named a district of yet). */
typedef struct region_district {
	char *name;
	long expected, received, on_time, flagged;
} region_district;

/* What a region's report has beyond a district's. */
typedef struct region_part {
	char *district;		/* the filter, or NULL: every district */
	region_district *v;	/* by name in Russian order, "" last */
	size_t n;
	region_district total;	/* name NULL */
} region_part;

/* The region's report of period, of district alone unless it is NULL
 * (one without a school is refused, naming the districts there are).
 * 0, or -1 with *err. Freed with region_report_free. */
int region_report_build(sdb *db, const char *period, const char *district, district_report *out, char **err);
void region_report_free(district_report *r);

/* "All schools of the district" in a district's report, the region's or
 * one district's in the region's (for the lines of totals). */
const char *region_report_all(const district_report *r);

/* The report folder orientir-region-<code>-<period> (with a district
 * filter, -<district>) in memory: the district's files and districts.csv,
 * the summary by district. Signed with the region's key. */
int region_report_package(const district_report *r, const csv_style *st, package *out, char **err);

/* The summary by district as an HTML section (region-report-html.c). */
void region_report_html_summary(FILE *fp, const district_report *r);

#endif
