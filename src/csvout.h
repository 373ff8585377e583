/* Writing CSV with libcsv doing the quoting: for programs (RFC 4180: comma,
 * quotes only where needed) and for people opening files in Russian Excel. */
#ifndef ORIENTIR_CSVOUT_H
#define ORIENTIR_CSVOUT_H
#include <stddef.h>
#include <stdio.h>

/* Writes one row for programs: comma-separated, each cell quoted by libcsv
 * when it holds a comma, a quote or a line break, ended by "\n". */
void csvout_line(FILE *fp, const char *const *cells, size_t n);

/* How a file for people or for programs is written. */
typedef struct csv_style {
	const char *name;	/* "excel-ru", "rfc4180" */
	char delim;
	int bom, decimal_comma, dmy_dates;	/* BOM, 12,5 and 15.04.2026 */
	int formula_guard;	/* a cell Excel would run as a formula (=, +, -, @ first, not a number),
				 * or beginning with ', gets ' before it */
} csv_style;

extern const csv_style csv_excel_ru, csv_rfc4180;
/* The style called name, or NULL. */
const csv_style *csv_style_find(const char *name);
/* One row (CRLF-terminated, as both styles want); NULL cells are empty. */
void csvout_row(FILE *fp, const csv_style *st, const char *const *cells, size_t n);
/* The same, quoting every cell that holds ';', ',' or a TAB whatever the
 * delimiter: a reader that guesses the delimiter from the first line (ours
 * does) then finds the right one whatever the text. */
void csvout_row_quoted(FILE *fp, const csv_style *st, const char *const *cells, size_t n);
/* A number, or a YYYY-MM-DD date, as the style writes it (fresh). */
char *csvout_number(const csv_style *st, double v);
char *csvout_date(const csv_style *st, const char *ymd);
/* A share in tenths of a percent, always one decimal («20,0», "-5.0"), as
 * the style writes it (fresh). */
char *csvout_tenths(const csv_style *st, int tenths);
#endif
