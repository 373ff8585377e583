/* The results grid: one assessment, the pupils of its grade, their results
 * being typed. Domain layer: reads and writes through the store, never
 * prints, never touches curses. */
#ifndef ORIENTIR_GRID_H
#define ORIENTIR_GRID_H

#include <sqlite3.h>
#include <stddef.h>

#include "store.h"

typedef struct grid_val {
	int absent, has_score, has_journal, has_mark;
	double score;
	int journal_mark, mark;
} grid_val;

typedef struct grid_row {
	long student_id;
	char *code, *name, *class_label;
	grid_val now;		/* as shown and typed */
	grid_val stored;	/* as in the results table */
	int had_result;		/* stored holds a result */
} grid_row;

typedef struct grid {
	assessment a;
	char *procedure, *subject;
	grid_row *rows;
	size_t n;
} grid;

/* Loads the assessment and its grid: the pupils now in its grade, and any
 * other pupil who already has a result in it. 0, or -1 with *err. */
int grid_load(sqlite3 *db, long assessment_id, grid *g, char **err);
void grid_free(grid *g);

/* Whether a row differs from what is stored; how many rows do; how many
 * rows have a score or are marked absent. */
int grid_row_dirty(const grid_row *r);
size_t grid_dirty_count(const grid *g);
size_t grid_entered_count(const grid *g);

/* Writes one row as a draft (its own small transaction), so that a crash
 * loses at most the row being typed. 0, or -1 with *err. */
int grid_draft_put(sqlite3 *db, const grid *g, size_t i, char **err);
/* Drafts left for this assessment by an earlier session: their count. */
long grid_draft_count(sqlite3 *db, long assessment_id, char **err);
/* Puts the drafts into the grid's rows (not yet saved). 0, or -1. */
int grid_draft_restore(sqlite3 *db, grid *g, char **err);
int grid_draft_discard(sqlite3 *db, long assessment_id, char **err);

/* Saves every changed row into the results in one transaction and drops
 * the drafts; afterwards nothing is dirty. The number saved, or -1. */
long grid_save(sqlite3 *db, grid *g, char **err);

/* The mark the row stands for: its own, else the scale's for its score. */
int grid_mark(const grid *g, const grid_row *r);

#endif
