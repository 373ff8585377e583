/* A document's tables as their author laid them out, read from Word's
 * .docx (Office Open XML, doctable-docx.c) or LibreOffice's .odt
 * (OpenDocument text, doctable-odt.c): tables of rows of cells, each cell
 * at its place in the table's grid with the columns and rows it spans and
 * its text as lines (paragraphs, list items with their numbers, line
 * breaks); and the paragraphs outside the tables, each knowing how many
 * tables came before it. Whatever the format, the same model: the reader
 * of a roadmap (and of any other table) works on it alone. io layer:
 * never prints. */
#ifndef ORIENTIR_DOCTABLE_H
#define ORIENTIR_DOCTABLE_H

#include <stddef.h>

#include "zipxml.h"

typedef struct dt_cell {
	int col;		/* its first grid column, from 0 */
	int colspan, rowspan;	/* at least 1 */
	char **lines;		/* its paragraphs and broken lines, trimmed; empty ones left out */
	size_t nlines;
} dt_cell;

typedef struct dt_row {
	dt_cell *cells;		/* left to right; a place merged into a cell of another row or column has none */
	size_t ncells;
	int header;		/* marked as the header repeated on every page */
} dt_row;

typedef struct dt_table {
	dt_row *rows;
	size_t nrows;
	int ncols;		/* grid columns of its widest row */
	int nested;		/* inside a cell of another table (whose lines hold its text too) */
} dt_table;

typedef struct dt_para {
	char *text;		/* a paragraph outside every table, trimmed, never empty */
	size_t tables_before;	/* how many outermost tables began before it */
} dt_para;

typedef struct doctable {
	dt_table *tables;	/* in the order they begin */
	size_t ntables;
	dt_para *paras;
	size_t nparas;
} doctable;

enum doctable_format { DOCTABLE_NOT_ZIP, DOCTABLE_DOCX, DOCTABLE_ODT, DOCTABLE_OTHER_ZIP };

/* Reads the document at path (told apart by its content, not its name):
 * 0, or -1 with *err (translated, naming path) — not a zip archive, a zip
 * that is not a text document (*format says which), damaged, or beyond the
 * limits (lim's, and at most DOCTABLE_MAX_CELLS cells). */
#define DOCTABLE_MAX_CELLS 200000L
int doctable_read(const char *path, const zipxml_limits *lim, doctable *out, enum doctable_format *format,
		  char **err);
void doctable_free(doctable *d);

/* A place of a table's grid: the cell covering it and the row that cell
 * starts on, or cell NULL where no cell reaches. */
typedef struct dt_slot {
	const dt_cell *cell;
	size_t row;
} dt_slot;
/* The table as a grid of t->nrows × t->ncols places (fresh, row by row);
 * cells overlapping one placed before them are left out. */
dt_slot *doctable_grid(const dt_table *t);

/* --- for the readers (doctable-docx.c, doctable-odt.c) --- */

/* How the readers build the model: paragraphs go into the innermost open
 * cell, or outside the tables when none is open. */
typedef struct dt_build dt_build;
dt_build *dt_build_new(doctable *out);
/* Frees the builder; the model stays in out. */
void dt_build_free(dt_build *b);
/* Text of the paragraph being read. */
void dt_text(dt_build *b, const char *s, size_t len);
/* The paragraph (or line) ends: it becomes a line of its cell, or a
 * paragraph outside the tables. prefix (a list item's number, or NULL)
 * goes in front of it. */
void dt_line_end(dt_build *b, const char *prefix);
void dt_table_begin(dt_build *b);
void dt_table_end(dt_build *b);
void dt_row_begin(dt_build *b, int header, int skip);
void dt_row_end(dt_build *b);
/* A cell spanning colspan columns and rowspan rows; merge_up: it only
 * continues the cell above it (Word's vertical merge), which grows. NULL,
 * or the message of too many cells. */
char *dt_cell_begin(dt_build *b, int colspan, int rowspan, int merge_up);
void dt_cell_end(dt_build *b);
/* Places of the row taken by cells merged into others (OpenDocument's
 * covered cells). */
void dt_cell_skip(dt_build *b, int n);

/* A list item's number as the format draws it: "decimal", "lowerLetter",
 * "upperLetter", "lowerRoman", "upperRoman", "russianLower", "russianUpper"
 * (Word's names; OpenDocument's "1", "a", "A", "i", "I", "а", "А" too);
 * anything else as decimal. Fresh. */
char *dt_number_text(const char *format, long n);

int doctable_read_docx(zipxml *z, dt_build *b, char **err);
int doctable_read_odt(zipxml *z, dt_build *b, char **err);

#endif
