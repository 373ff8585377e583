/* An Excel workbook (.xlsx, Office Open XML) read as sheets of rows of
 * cells, on zipxml and opc: shared and inline strings, numbers, booleans,
 * errors, a number shown as a date told apart, a formula told apart (with
 * the value Excel kept for it), merged ranges, every sheet in the
 * workbook's order. Bounded: the archive as zipxml bounds it, and rows and
 * cells per sheet. Any reader of spreadsheets (the ВПР forms, a roadmap)
 * works on this model. io layer: never prints. */
#ifndef ORIENTIR_XLSX_H
#define ORIENTIR_XLSX_H

#include <stddef.h>

/* The most rows holding a value, and cells, a sheet may have: a school's
 * table is far smaller; a sheet filled down to Excel's last row is not one. */
#define XLSX_MAX_ROWS 65536L
#define XLSX_MAX_CELLS 500000L
/* The most strings a workbook's shared table may hold. */
#define XLSX_MAX_STRINGS 1000000L

enum xlsx_kind {
	XLSX_TEXT,		/* a string, shared or inline */
	XLSX_NUMBER,		/* text: the number as Excel wrote it, "12", "0.5" */
	XLSX_DATE,		/* a number in a date or time format; text: YYYY-MM-DD */
	XLSX_BOOL,		/* text: "1" or "0" */
	XLSX_ERROR,		/* text: "#DIV/0!", … */
};

typedef struct xlsx_cell {
	int col;		/* from 0 (A) */
	enum xlsx_kind kind;
	char *text;		/* never NULL; "" for a cell with no value */
	char *formula;		/* the formula it is written as (without "="), or NULL */
} xlsx_cell;

typedef struct xlsx_row {
	long r;			/* the row's number, from 1 */
	xlsx_cell *cells;	/* left to right, only those with a value or a formula */
	size_t ncells;
} xlsx_row;

/* A merged range, from its top left cell (rows from 1, columns from 0). */
typedef struct xlsx_merge {
	long r1, r2;
	int c1, c2;
} xlsx_merge;

typedef struct xlsx_sheet {
	char *name;
	int hidden;
	xlsx_row *rows;		/* top to bottom, rows with no cell left out */
	size_t nrows;
	xlsx_merge *merges;
	size_t nmerges;
} xlsx_sheet;

typedef struct xlsx xlsx;

/* Opens the workbook at path (told by its content, not its name): its
 * sheets' names, shared strings and number formats are read. NULL with
 * *err (translated, naming path): not a zip archive, a zip that is not a
 * workbook, damaged, beyond the bounds. */
xlsx *xlsx_open(const char *path, char **err);
void xlsx_close(xlsx *x);
size_t xlsx_sheet_count(const xlsx *x);
const char *xlsx_sheet_name(const xlsx *x, size_t i);
/* Reads sheet i whole: 0, or -1 with *err (naming the file and sheet). */
int xlsx_sheet_read(xlsx *x, size_t i, xlsx_sheet *out, char **err);
void xlsx_sheet_free(xlsx_sheet *s);

/* Whether the file at path begins as a zip archive does (an .xlsx, .docx
 * or .odt), whatever its name. */
int xlsx_is_zip(const char *path);
/* A column's letters as Excel heads it: 0 "A", 27 "AB" (fresh). */
char *xlsx_col_name(int col);

#endif
