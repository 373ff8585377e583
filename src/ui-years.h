/* Moving among the years that have results, for the screens that show
 * one year at a time (years are newest first, as the store gives them),
 * and choosing a half-year. */
#ifndef ORIENTIR_UI_YEARS_H
#define ORIENTIR_UI_YEARS_H

#include <stddef.h>

/* The year step places from year (+1 newer, -1 older), or 0 with a
 * message on the status line when there is none that way. */
int ui_years_step(const int *years, size_t n, int year, int step);
/* Lets the user choose one: the year, or 0 for Esc. */
int ui_years_pick(const int *years, size_t n, int year);
/* Lets the user choose a half-year, in words: the current one and the
 * seven before it, current (a code, "2026-H1") chosen at first. The code
 * chosen (fresh), or NULL for Esc. */
char *ui_half_pick(const char *current);

#endif
