/* What the header cells of a roadmap's table mean, by their wording
 * («№ п/п», «Наименование мероприятия», «Сроки исполнения»,
 * «Ответственный исполнитель», «Ожидаемый результат», «Направление» and
 * the many ways districts write them), each reading scored so that when
 * two cells could be the same column the better one is taken. Domain
 * layer, pure text. */
#ifndef ORIENTIR_ROADMAP_COLUMNS_H
#define ORIENTIR_ROADMAP_COLUMNS_H

#include <stddef.h>

#include "roadmap-read.h"

/* How well header text names column col (enum rm_col): 0 not at all, up
 * to 100 for the contract's own names. */
int rm_col_score(const char *text, int col);

/* A header row read: the cell each column is taken from. */
typedef struct rm_colmap {
	int cell[RM_NCOLS];	/* index of the cell, -1 when none */
} rm_colmap;

/* Reads cells as a header row, the best-scoring readings first, each cell
 * and each column taken once. Returns how many columns were found. */
int rm_colmap_read(const char *const *cells, size_t n, rm_colmap *m);
/* Whether it makes a header: the activity and at least one of the
 * number, the deadline, the responsible and the result. */
int rm_colmap_is_header(const rm_colmap *m);
/* The cells of a header row no column was taken from, each with the
 * column it could also have been (fresh array, *nout long). */
rm_unused *rm_colmap_unused(const char *const *cells, size_t n, const rm_colmap *m, size_t *nout);

/* A header repeated inside the table (a page break, a part of the plan
 * with its own): most of its filled cells read as column names (or are
 * the header's own), at least two, and none is a number. */
int rm_row_repeats_header(const char *const *cells, size_t n, const char *const *header, size_t nheader);
/* The row of column numbers printed under a header: «1 | 2 | 3 | 4 | 5». */
int rm_row_column_numbers(const char *const *cells, size_t n);
/* Text that is an activity's number: «1», «1.2.», «II», «3)». */
int rm_is_number(const char *text);

#endif
