/* Shared by district-import.c and district-tables.c: reading a package's
 * tables into the district's store. Private to the district import. */
#ifndef ORIENTIR_DISTRICT_TABLES_H
#define ORIENTIR_DISTRICT_TABLES_H

#include "sdb.h"
#include "share-tally.h"

#include "district.h"
#include "package-read.h"
#include "strmap.h"

typedef struct pkg_reader {
	sdb *db;		/* NULL when only checking */
	pkg_import *r;
	const pkg_in *pkg;
	const char *file;
	int store;		/* write what is read (a new or newer package) */
	long package_id;
	const char *created_at;
	int first_year, last_year;	/* the years its results may be of: the period's and the one before */
	/* results: the years met so far and whether this package's rows of each are taken */
	int years[2], take[2], nyears;
	long rows;
	share_tally *shares;	/* the results taken, counted as the rule reads them */
	/* the file being read: its rows' bulk load while one is open, and the
	 * keys of the rows it has taken (a key given twice is the file's fault,
	 * said with its line) */
	sdb_copy *load;
	strmap *keys;
	long lines;		/* the file's lines: room for as many keys */
} pkg_reader;

/* Reads indicators.csv, roadmap.csv, results.csv, staff.csv and events.csv
 * of the package, each row checked (results of the period's years only,
 * no more rows than a school has). 0, or -1 with the package refused (the
 * file and line named in r). */
int pkg_read_tables(pkg_reader *rd);

/* Checks what a package read into memory says of itself, without a
 * database: its manifest (format, identity, period, created_at no later
 * than a day after received_at) and its signature; the tables are read
 * by pkg_read_tables. The manifest's values go into r, the signer into
 * key when *sig is SIGN_GOOD. 0, or -1 with r refused. */
int pkg_check(const pkg_in *p, const char *received_at, pkg_import *r, enum sign_state *sig,
	      uint8_t key[SIGN_KEY_SIZE]);

/* Decides on a package read into memory and stores what it brings, as
 * received at received_at: accepting (a held package the methodist takes)
 * lets an unknown school in and pins the package's key; region: the office
 * is the region's (it takes every school in, and keeps no package's
 * files). 0, or -1 when the database itself failed (r->reason). */
int pkg_take(sdb *db, int region, const pkg_in *p, const char *received_at, int accepting, pkg_import *r);
/* district_import_package for a package read already (*loaded, taken
 * over and emptied; failed: why reading it failed, taken, or NULL), into
 * *r as the caller set it up (dir, via). */
int district_take_loaded(sdb *db, pkg_in *loaded, char *failed, const char *received_at, pkg_import *r);

/* Adds a note (what changed, a remark) to what became of the package. */
void pkg_note(pkg_import *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Refuses the package for reason (taken; the first reason found wins): -1. */
int pkg_refuse(pkg_import *r, char *reason);

#endif
