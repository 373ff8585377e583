/* Moving among the years that have results, for the screens that show
 * one year at a time (years are newest first, as the store gives them),
 * and choosing a half-year or (on the region) a district. */
#ifndef ORIENTIR_UI_YEARS_H
#define ORIENTIR_UI_YEARS_H

#include <curses.h>
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
/* On the region: lets the user choose one of its districts, «All
 * districts» first. 1 when the choice changed *district (fresh, NULL for
 * all), 0 for Esc or the same one; a failure to read them is told. */
int ui_district_pick(char **district);
/* The region's filter line, in words (fresh). */
char *ui_district_line(const char *district);
/* The region's filter line at row y of w: the district shown, or all. */
void ui_district_show(WINDOW *w, int y, const char *district);

#endif
