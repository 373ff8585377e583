/* Reading the district's roadmap from a table pasted out of a Word or PDF
 * order: the header found wherever it is, heading rows opening sections,
 * one-cell notes, repeated headers skipped, rows broken across a page
 * joined back. Never prints: problems go to the diag sink. */
#ifndef ORIENTIR_ROADMAP_READ_H
#define ORIENTIR_ROADMAP_READ_H

#include <stddef.h>

#include "diag.h"

typedef struct rm_section {
	char *number, *title, *notes;
	long line;
} rm_section;

typedef struct rm_activity {
	char *number, *title, *deadline, *responsible, *expected;
	int section;		/* index into sections, -1 before any */
	long line;		/* where it starts in the file */
} rm_activity;

/* The first cell of the row orientir writes above a roadmap it exports,
 * followed by the years («2020-2022») and the title: what the table itself
 * does not say, so that the file is the whole roadmap. */
#define ROADMAP_FORMAT "orientir-roadmap-1"

typedef struct rm_table {
	int first_year, last_year;	/* from that row: 0 when the file has none */
	char *title;		/* from that row: NULL when none */
	char *preamble;		/* text above the table */
	rm_section *sections;
	size_t nsections;
	rm_activity *acts;
	size_t nacts;
	long repeated_headers, joined_rows;
} rm_table;

/* 0, or -1 with the reasons sent to d (the file cannot be read, or has no
 * recognisable title or number column). */
int roadmap_read(const char *path, rm_table *t, diag *d);
void rm_table_free(rm_table *t);

/* The years and title a file written by orientir states in its first row:
 * 1 (*title fresh, maybe ""), 0 when it has no such row or cannot be read. */
int roadmap_read_marker(const char *path, int *first_year, int *last_year, char **title);
/* «2023» or «2023-2024» into the years: 0, or -1 when it is not that. */
int roadmap_read_years(const char *text, int *first_year, int *last_year);
/* A cell alone on its row, as the reader takes it: 1 a section heading,
 * with its number (maybe "") and title (fresh), 0 not a heading. */
int roadmap_read_heading(const char *text, char **number, char **title);
/* The number and title (fresh) a section column's text gives a section. */
void roadmap_read_section(const char *text, char **number, char **title);

#endif
