/* The indicators' bar charts, shared by the school's and the district's
 * screens so that a share looks the same on both. */
#ifndef ORIENTIR_UI_CHART_H
#define ORIENTIR_UI_CHART_H

#include <curses.h>

/* A share as a bar of width cells at y, x, filled in proportion to
 * tenths of a percent (0..1000) with fill; '#' on '.' without colours. */
void ui_chart_bar(WINDOW *w, int y, int x, int width, int tenths, attr_t fill);
/* The objectivity of marks as one bar in three parts: lowered (red),
 * confirmed (green), the rest raised (yellow); '-', '=', '+' without
 * colours. lowered and confirmed in tenths of a percent. */
void ui_chart_marks(WINDOW *w, int y, int x, int width, int lowered, int confirmed);

#endif
