/* What the text above a roadmap's plan says of it, for the import to
 * offer: the order approving it (its number and date: «приказ № 274/1 от
 * 10 августа 2021 г.», «от 24.05.2023 № 177»), the plan's title, and its
 * years («на 2022 год», «2023/2024 учебный год»); failing those, the
 * years its deadlines keep naming. Domain layer, pure text. */
#ifndef ORIENTIR_ROADMAP_PREAMBLE_H
#define ORIENTIR_ROADMAP_PREAMBLE_H

#include "roadmap-read.h"

/* Fills t's order, and its title and years where the file did not state
 * them (t->title_from, t->years_from say where they came from). */
void rm_preamble_read(rm_table *t);

/* The years a text names: «2022», «2020-2022 годы», «2023/2024»: 1 and
 * *first, *last set, or 0. */
int rm_years_in(const char *text, int *first, int *last);

#endif
