/* Reading the district's roadmap from what it was sent in: a Word (.docx)
 * or LibreOffice (.odt) document read directly, or a table pasted out of
 * one and saved as CSV. Both come to one recogniser of the plan
 * (roadmap-table.c): columns found by what their headers mean, the plan's
 * table among the document's, sections, notes, rows broken across a page,
 * repeated headers and rows of column numbers, several activities side by
 * side in one row; and the text above the plan read for the order, the
 * title and the years (roadmap-preamble.c). Never prints: problems go to
 * the diag sink, and what was found is kept in the table for the check to
 * tell. */
#ifndef ORIENTIR_ROADMAP_READ_H
#define ORIENTIR_ROADMAP_READ_H

#include <stddef.h>

#include "diag.h"

/* What a column of the plan means. */
enum rm_col { RM_NUMBER, RM_TITLE, RM_DEADLINE, RM_RESP, RM_EXPECTED, RM_SECTION, RM_NCOLS };

/* Where a row is: a line of a CSV file (table 0), or row `row` of the
 * document's table `table` (from 1), or, with row 0, a paragraph outside
 * the tables after table `table`. */
typedef struct rm_where {
	int table;
	long row;
} rm_where;

typedef struct rm_section {
	char *number, *title, *notes;
	rm_where where;
} rm_section;

typedef struct rm_activity {
	char *number, *title, *deadline, *responsible, *expected;
	int section;		/* index into sections, -1 before any */
	rm_where where;		/* where it starts */
} rm_activity;

/* The first cell of the row orientir writes above a roadmap it exports,
 * followed by the years («2020-2022») and the title: what the table itself
 * does not say, so that the file is the whole roadmap. */
#define ROADMAP_FORMAT "orientir-roadmap-1"

enum rm_format { RM_CSV, RM_DOCX, RM_ODT };
/* Where the years (and the title) offered for the roadmap come from. */
enum rm_from { RM_FROM_NONE, RM_FROM_MARKER, RM_FROM_TITLE, RM_FROM_PREAMBLE, RM_FROM_DEADLINES };

/* A header cell that no column was taken from. */
typedef struct rm_unused {
	char *header;
	int could_be;		/* the meaning it also reads as (another cell fits better), or -1 */
	char *taken;		/* that better cell's header, or NULL */
} rm_unused;

/* A document table that is not the plan, and why. */
typedef struct rm_skipped {
	int table;		/* from 1 */
	long rows;
	char *lacks;		/* what its closest row lacks, translated */
} rm_skipped;

/* A row holding several activities side by side, or rows sharing a
 * number through a merged cell: the numbers they were given. */
typedef struct rm_split {
	rm_where where;
	int merged;		/* numbered through a merged number cell, else side by side */
	char *number;		/* the number the row or cell had, maybe "" */
	char **numbers;
	size_t n;
} rm_split;

typedef struct rm_table {
	enum rm_format format;
	int first_year, last_year;	/* offered: 0 when nothing said */
	enum rm_from years_from;
	char *title;		/* offered: NULL when none found */
	enum rm_from title_from;
	char *order_number;	/* of the order approving it («17», «49-ра»), NULL when none */
	char *order_date;	/* its date, YYYY-MM-DD, NULL when none */
	char *preamble;		/* text above the table */
	rm_section *sections;
	size_t nsections;
	rm_activity *acts;
	size_t nacts;
	/* what the check tells */
	rm_where header;	/* where the header is */
	char *col_header[RM_NCOLS];	/* the header cell each column was taken from, NULL for none */
	rm_unused *unused;
	size_t nunused;
	int *plan_tables;	/* the document's tables the plan is in (from 1), in order */
	size_t nplan_tables;
	rm_skipped *skipped;
	size_t nskipped;
	rm_split *splits;
	size_t nsplits;
	long repeated_headers, joined_rows, number_rows;
	int numbered_in_order;	/* there is no number column: activities numbered 1, 2, … */
} rm_table;

/* 0, or -1 with the reasons sent to d (the file cannot be read, is a
 * document of a kind orientir cannot read, or holds no table of
 * activities). */
int roadmap_read(const char *path, rm_table *t, diag *d);
void rm_table_free(rm_table *t);

/* «2023» or «2023-2024» into the years: 0, or -1 when it is not that. */
int roadmap_read_years(const char *text, int *first_year, int *last_year);
/* A cell alone on its row, as the reader takes it: 1 a section heading,
 * with its number (maybe "") and title (fresh), 0 not a heading. */
int roadmap_read_heading(const char *text, char **number, char **title);
/* The number and title (fresh) a section column's text gives a section. */
void roadmap_read_section(const char *text, char **number, char **title);
/* What a meaning is called in the check («the activity»), translated. */
const char *roadmap_col_title(int col);
/* «line 12» or «table 2, row 5» (fresh, translated). */
char *roadmap_where_text(rm_where w);

#endif
