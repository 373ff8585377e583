/* Shared by district-import.c and district-tables.c: reading a package's
 * tables into the district's store. Private to the district import. */
#ifndef ORIENTIR_DISTRICT_TABLES_H
#define ORIENTIR_DISTRICT_TABLES_H

#include <sqlite3.h>

#include "district.h"

typedef struct pkg_reader {
	sqlite3 *db;
	pkg_import *r;
	const char *dir, *file;
	int store;		/* write what is read (a new or newer package) */
	long package_id;
	const char *created_at;
	/* results: the years met so far and whether this package's rows of each are taken */
	int years[8], take[8], nyears;
	long rows;
} pkg_reader;

/* Reads indicators.csv, roadmap.csv, results.csv, staff.csv and events.csv.
 * 0, or -1 with the package refused (the file and line named in r). */
int pkg_read_tables(pkg_reader *rd);

/* Adds a note (what changed, a remark) to what became of the package. */
void pkg_note(pkg_import *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Refuses the package for reason (taken; the first reason found wins): -1. */
int pkg_refuse(pkg_import *r, char *reason);

#endif
