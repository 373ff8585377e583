/* The district's consolidated report of a half-year, for the region: who
 * reported and when, the schools' results beside last year's, the
 * low-results list, each school's roadmap completion. Built from the
 * database here (district-report.c), laid out as report.html by
 * district-report-html.c, and put with the same tables as CSV into a
 * folder written like a school's package (package-write.h). Domain layer. */
#ifndef ORIENTIR_DISTRICT_REPORT_H
#define ORIENTIR_DISTRICT_REPORT_H

#include "sdb.h"
#include <stddef.h>

#include "csvout.h"
#include "db-district.h"
#include "district.h"
#include "package.h"
#include "store.h"
#include "strmap.h"

typedef struct district_report {
	school office;			/* the district's own code, name and district */
	char *period;			/* "2026-H1" */
	int year, half;			/* indicators and the rule are of year */
	long from, to, today;		/* YYYYMMDD */
	char created_at[32];		/* "2026-06-22T10:15:00" */
	status_report status;		/* every school known, by name, and its package */
	dist_ind_set ind;		/* the shares of year and year - 1 */
	risk_report risk;		/* the low-results rule for year */
	d_progress *progress;		/* roadmap progress in the period's packages */
	size_t nprogress;
	strmap *index;			/* school code → its row in status + 1 */
	sign_key key;			/* the office's: it signs the folder */
	char *key_news;			/* the key was made for this report: what to tell, or NULL */
	dtask_report tasks;		/* the ВПР task by task of year */
	dist_sign *signs;		/* the schools' signs of biased results in year */
	size_t nsigns;
	struct region_part *region;	/* a region's report: its district filter and summary
					 * (region-report.h); NULL for a district's */
	pkg_embed *carried;		/* the schools' packages the export carries, as they came */
	size_t ncarried;
	d_package *uncarried;		/* packages it should carry, taken in before their files were kept */
	size_t nuncarried;
} district_report;

/* Gathers the report of period (2026-H1), with the office's key (made now
 * if it has none: key_news says so). 0, or -1 with *err. */
int district_report_build(sdb *db, const char *period, district_report *out, char **err);
void district_report_free(district_report *r);

/* The school's name, or its code when it is not known. */
const char *district_report_name(const district_report *r, const char *code);
/* The school's roadmap progress in its package of the period, or NULL
 * (no package, or one without a roadmap). */
const d_progress *district_report_progress(const district_report *r, const char *code);

/* The change of the share below the minimum, in tenths of a point, from
 * the two years' rounded shares (as the school's below_min_change): 1 and
 * *tenths, or 0 unless both years have participants. */
int district_report_change(const dist_ind *v, int *tenths);
/* The numbers of a row of indicators as the style writes them (fresh):
 * participants, below_min, below_min_percent, high, high_percent,
 * compared, lowered, confirmed, raised, the first five again for the year
 * before but compared…raised, and below_min_change. Shares "" when nobody
 * counts. The order of 'district indicators --format csv' and of
 * indicators.csv. */
enum { DISTRICT_REPORT_NUMBERS = 15 };
void district_report_numbers(const dist_ind *v, const csv_style *st, char *out[DISTRICT_REPORT_NUMBERS]);

/* The report folder orientir-district-<office code>-<period> in memory:
 * report.html and status.csv, indicators.csv, risk.csv, roadmap.csv in the
 * style st, signed with the office's key, ready for package_write; and
 * for the region its machine-readable part: manifest.txt (format
 * DISTRICT_EXPORT_FORMAT, the office, its district, the period),
 * schools.txt (a line per package carried: the SHA-256 of its SHA256SUMS,
 * of its SIGNATURE or "-", its folder) and the packages in schools/
 * (borrowed from r: free out first). */
int district_report_package(const district_report *r, const csv_style *st, package *out, char **err);

#endif
