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

typedef struct rm_table {
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

#endif
