/* Imports of the contract's CSV files into the store. All or nothing: one
 * bad row rejects the file, every bad row is reported through the diag sink
 * with its line, and nothing is written. The same file twice changes nothing. */
#ifndef ORIENTIR_IMPORT_H
#define ORIENTIR_IMPORT_H

#include <sqlite3.h>

#include "diag.h"

enum import_kind { IMPORT_ROSTER, IMPORT_SCALES, IMPORT_RESULTS, IMPORT_EVENTS, IMPORT_STAFF, IMPORT_SCHOOLS };

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

#endif
