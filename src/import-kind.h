/* What each import kind (import-roster.c, …) gives the common driver in
 * import.c. Private to the imports. */
#ifndef ORIENTIR_IMPORT_KIND_H
#define ORIENTIR_IMPORT_KIND_H

#include <sqlite3.h>

#include "csvin.h"
#include "diag.h"
#include "import.h"
#include "store.h"
#include "strmap.h"

/* Columns more than one kind reads, so that their aliases cannot drift apart. */
#define COL_PROCEDURE { "procedure", "процедура|оценочная процедура|вид работы" }
#define COL_SUBJECT { "subject", "предмет|учебный предмет" }
#define COL_YEAR { "year", "год" }
#define COL_CLASS { "class", "класс|класс/группа" }
#define COL_CODE { "student_code", "код|код участника|код ученика|код обучающегося" }
#define COL_LAST { "last_name", "фамилия" }
#define COL_FIRST { "first_name", "имя" }
#define COL_MIDDLE { "middle_name", "отчество" }
#define COL_FULL { "full_name", "фио|ф.и.о.|фамилия имя отчество|ученик|обучающийся" }

typedef struct import_ctx {
	sqlite3 *db;		/* a school's file; NULL for an office's list of schools */
	sdb *office;		/* the same as an sdb, or the region's server */
	csvin *in;
	diag *d;
	import_counts *counts;
	void *state;
} import_ctx;

typedef struct import_ops {
	const csvin_col *cols;
	size_t ncols;
	/* Checks the mapped header: 0 fine, -1 refused (reported). */
	int (*columns)(import_ctx *c);
	/* Sets up c->state: 0, or -1 (reported). */
	int (*begin)(import_ctx *c);
	/* One data row: 0 stored, 1 bad row (reported), -1 database failure (reported). */
	int (*row)(import_ctx *c, const csvin_row *r);
	void (*end)(import_ctx *c);
} import_ops;

extern const import_ops import_roster_ops, import_scales_ops, import_results_ops, import_events_ops,
	import_staff_ops, import_schools_ops, import_taskmap_ops;

/* Reports a bad value in column col of row r; says which header it was. */
void import_bad(import_ctx *c, const csvin_row *r, size_t col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Reports a problem of the whole row r. */
void import_bad_row(import_ctx *c, const csvin_row *r, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Reports a database failure and returns -1. */
int import_db_failed(import_ctx *c, char *err);
/* -1 and a report naming the headers seen, unless every listed column is
 * present; list ends with (size_t)-1. */
int import_require(import_ctx *c, const char *what, ...);
/* A yes/no cell; 0 ok, 1 bad (reported). Unset (NULL) leaves *out as is. */
int import_yesno(import_ctx *c, const csvin_row *r, size_t col, int *out);

/* Procedures and subjects, loaded once per import. */
typedef struct import_refs {
	refmap *proc, *subj;
} import_refs;
/* 0, or -1 (reported). */
int import_refs_load(import_ctx *c, import_refs *r);
void import_refs_free(import_refs *r);

/* Which ids a file has already touched, to refuse the same item twice. */
typedef struct bitset {
	unsigned char *bits;
	size_t nbytes;
} bitset;
/* Marks i; returns whether it was marked before. */
int bitset_mark(bitset *b, size_t i);
void bitset_free(bitset *b);

#endif
