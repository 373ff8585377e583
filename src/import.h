/* Imports of the contract's CSV files into the store. All or nothing: one
 * bad row rejects the file, every bad row is reported through the diag sink
 * with its line, and nothing is written. The same file twice changes nothing. */
#ifndef ORIENTIR_IMPORT_H
#define ORIENTIR_IMPORT_H

#include <sqlite3.h>

#include "diag.h"
#include "sdb.h"

enum import_kind { IMPORT_ROSTER, IMPORT_SCALES, IMPORT_RESULTS, IMPORT_EVENTS, IMPORT_STAFF, IMPORT_SCHOOLS,
		   IMPORT_TASKMAP };

typedef struct import_counts {
	long rows, added, updated, unchanged;
} import_counts;

/* The kind named on the command line ("roster", …), or -1. */
int import_kind_parse(const char *name);

/* 0 imported (with dry_run: would import), 1 refused with the reasons sent
 * to d, -1 the database failed (also sent to d). */
int import_file(sqlite3 *db, enum import_kind kind, const char *path, int dry_run,
		diag *d, import_counts *counts);

/* Told now and then how far the import is (bytes of the file read, of
 * total, rows so far); returning non-zero cancels it. */
typedef int (*import_progress)(void *ctx, long long done, long long total, long rows);
/* As import_file, with progress; 2 when cancelled (nothing changed). */
int import_file_progress(sqlite3 *db, enum import_kind kind, const char *path, int dry_run,
			 diag *d, import_counts *counts, import_progress progress, void *ctx);

/* As import_file for the district's list of schools (IMPORT_SCHOOLS) into
 * the office's database db: a district's file or the region's server. */
int import_office_file(sdb *db, const char *path, int dry_run, diag *d, import_counts *counts);

/* --- the ВПР results collection form, task by task (import-tasks.c) --- */

/* What the command line says of the form where the file does not. */
typedef struct tasks_opts {
	const char *procedure, *subject;	/* NULL: not given */
	int grade, year;			/* 0: not given */
} tasks_opts;

/* One assessment the file held. */
typedef struct tasks_form {
	char *procedure, *subject;
	int grade, year;
	char *classes;		/* «5А, 5Б» */
	long pupils, absent;	/* rows of pupils; of them absent */
	int ntasks;
} tasks_form;

typedef struct tasks_summary {
	tasks_form *v;
	size_t n;
	long removed;		/* pupils an earlier form of the same class gave, not in this one */
} tasks_summary;

/* Imports the form at path (an .xlsx workbook, every sheet, or a CSV file
 * saved from it): the pupils' task scores, and their results (the total,
 * the journal mark). 0 imported (with dry_run: would be), 1 refused with
 * the reasons sent to d, -1 the database failed. *sum says what it held. */
int import_tasks(sqlite3 *db, const char *path, const tasks_opts *opts, int dry_run, diag *d, import_counts *counts,
		 tasks_summary *sum);
void tasks_summary_free(tasks_summary *s);

#endif
