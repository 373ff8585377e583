/* The half-year report package: every file of it built in memory from the
 * database, ready to be written (package-write.c). Domain layer. */
#ifndef ORIENTIR_PACKAGE_H
#define ORIENTIR_PACKAGE_H

#include <sqlite3.h>
#include <stddef.h>

#include "csvout.h"
#include "sign.h"

#define PACKAGE_FORMAT "orientir-report-1"

/* What reading a package off a stick takes at most (the man page's
 * LIMITS says them): a school's package is a few hundred KiB, a large
 * school's results a few MiB; anything far beyond is not a school's. */
#define PKG_MAX_LISTED 32		/* files SHA256SUMS may list */
#define PKG_MAX_SMALL (64L << 10)	/* manifest.txt, SHA256SUMS, SIGNATURE, receipt.txt */
#define PKG_MAX_FILE (32L << 20)	/* any other file */
#define PKG_MAX_TOTAL (64L << 20)	/* all its files together */
#define PKG_MAX_ENTRIES 1000		/* entries of its folder looked at */
#define PKG_MAX_FOLDER 100000		/* entries of a folder of packages: a region's half-years */
#define PKG_MAX_RESULTS 200000L		/* rows of results.csv */
#define PKG_MAX_ROWS 20000L		/* rows of each other table */
#define PKG_MAX_TASK_SCORES 1000000L	/* rows of tasks.csv: a task score a row (the file size bounds it too) */
/* A district's export carries its schools' packages in schools/, each
 * read on its own within the limits above (never all at once), and the
 * district's own files within them too: only their number is bounded
 * besides, by the lines of schools.txt (a district has tens of schools,
 * a large one a few hundred). */
#define PKG_MAX_CARRIED 2000

#define DISTRICT_EXPORT_FORMAT "orientir-district-report-1"
#define DISTRICT_EXPORT_SCHOOLS "schools"	/* the folder of the packages it carries */

typedef struct pkg_file {
	char *name;
	char *data;
	size_t len;
} pkg_file;

/* A package carried whole inside another (a district's export carries
 * its schools'): its folder's name and its files as they came, its
 * SHA256SUMS and SIGNATURE among them. */
typedef struct pkg_embed {
	char *dirname;
	pkg_file *files;
	size_t n;
} pkg_embed;

typedef struct package {
	char *dirname;		/* orientir-<school>-<period> */
	pkg_file *files;
	size_t n;
	long long bytes;
	int has_key;		/* key signs SHA256SUMS into SIGNATURE */
	sign_key key;
	char *key_news;		/* the key was made for this package: what to tell the user, or NULL */
	int private_files;	/* pupils' names inside: files 0600, the folder 0700 */
	const pkg_embed *embeds;	/* written into schools/ as they are (borrowed: the report owns them) */
	size_t nembeds;
} package;

/* The period's first and last day (YYYYMMDD) and its report deadline
 * (20 June, 10 December). */
void period_days(int year, int half, long *from, long *to, long *deadline);
/* The code s fit for a folder's name on a FAT stick: no characters FAT
 * refuses (fresh); NULL with *err for a code identity_check_field refuses
 * (empty, "..", starting with a dot, holding a slash). */
char *package_safe_name(const char *s, char **err);

/* Builds the package of period, made at made_at (YYYY-MM-DDTHH:MM:SS;
 * NULL: now), signed with the database's key (made now if it has none:
 * out->key_news says so). with_names adds pupils' names to results.csv
 * and staff.csv, and makes the files private. 0, or -1 with *err. */
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
