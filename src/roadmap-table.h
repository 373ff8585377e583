/* The one recogniser of a roadmap's plan, whatever it was read from: a
 * CSV file's rows or a document's tables and paragraphs, as rows of cells.
 * It finds the plan's header (by what its cells mean) and the tables the
 * plan is in, then reads the rows: heading rows open sections, «Задачи:»
 * blocks and other one-cell rows are notes, repeated headers and rows of
 * column numbers are skipped, a row with no number continues the activity
 * above, a row listing activities side by side becomes several, rows
 * sharing a merged number cell are numbered under it. Domain layer. */
#ifndef ORIENTIR_ROADMAP_TABLE_H
#define ORIENTIR_ROADMAP_TABLE_H

#include <stddef.h>

#include "diag.h"
#include "roadmap-read.h"

typedef struct rm_cell {
	char *text;		/* its lines joined by '\n', "" for none */
	int from_above;		/* the value of a cell merged down from a row above */
	long merge;		/* the same number for every place of a cell spanning rows, else 0 */
} rm_cell;

typedef struct rm_row {
	rm_where where;
	rm_cell *cells;
	size_t ncells;
	int para;		/* a paragraph outside the tables: one cell, where.row 0 */
	int nested;		/* of a table inside another's cell, whose text that cell holds too */
} rm_row;

/* Reads the plan out of rows (a file's, or a document's tables and the
 * paragraphs between them, in order) into t, whose years and
 * title may already be set. 0, or -1 with the reasons sent to d, path
 * named. */
int rm_recognise(const rm_row *rows, size_t n, const char *path, rm_table *t, diag *d);

#endif
