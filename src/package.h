/* The half-year report package: every file of it built in memory from the
 * database, ready to be written (package-write.c). Domain layer. */
#ifndef ORIENTIR_PACKAGE_H
#define ORIENTIR_PACKAGE_H

#include <sqlite3.h>
#include <stddef.h>

#include "csvout.h"

#define PACKAGE_FORMAT "orientir-report-1"

typedef struct pkg_file {
	char *name;
	char *data;
	size_t len;
} pkg_file;

typedef struct package {
	char *dirname;		/* orientir-<school>-<period> */
	pkg_file *files;
	size_t n;
	long long bytes;
} package;

/* The period's first and last day (YYYYMMDD) and its report deadline
 * (20 June, 10 December). */
void period_days(int year, int half, long *from, long *to, long *deadline);
/* half_parse, kept for the screens until the UI migration. */
int period_parse(const char *text, int *year, int *half);
/* The current half-year, "2026-H2" (fresh): half_code of half_of
 * day_today(), kept for the screens until the UI migration. */
char *period_current(void);
/* s fit for a folder name on a FAT stick (fresh). */
char *package_safe_name(const char *s);

/* Builds the package of period, made at made_at (YYYY-MM-DDTHH:MM:SS;
 * NULL: now). with_names adds pupils' names to results.csv. 0, or -1
 * with *err. */
int package_build(sqlite3 *db, const char *period, const csv_style *st, int with_names, const char *made_at,
		  package *out, char **err);
void package_free(package *p);

/* The files of the ВПР task by task for the years first..last (package-
 * tasks.c): tasks.csv (each present pupil's score in each task, codes
 * only), taskmap.csv (each task: its maximum and what it checks),
 * objectivity.csv (the signs of biased results per assessment). 0 with
 * out[0..2] (fresh), or -1 with *err. */
int package_tasks_files(sqlite3 *db, int first, int last, const csv_style *st, pkg_file out[3], char **err);

#endif
