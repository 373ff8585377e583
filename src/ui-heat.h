/* The heat map of the task screens (school and district): a row of shares
 * in cells five wide, coloured by the share (red below 50 %, yellow below
 * 70 %, green above) with the share always written in the cell and a
 * deficit marked «!», so that it reads in monochrome as well; the current
 * cell in the selection's look. */
#ifndef ORIENTIR_UI_HEAT_H
#define ORIENTIR_UI_HEAT_H

#include <curses.h>

#define UI_HEAT_CELL 5

/* How many cells fit in width after a label label cells wide (at least 1). */
int ui_heat_fit(int width, int label);
/* The first column to show so that col stays in view among count, n at a
 * time; *first is where the view was. */
void ui_heat_scroll(int col, int count, int n, int *first);
/* Left and Right move *col among count columns; 1 when ch was one of
 * them. */
int ui_heat_move(int *col, int count, int ch, int fk);
/* The cells of tenths[first..first+n) (-1: none) at y, x; cur_col, when
 * it is among them, in the selection's look. base is the row's look, set
 * again after. */
void ui_heat_row(WINDOW *w, int y, int x, const int *tenths, const int *deficit, int count, int first, int n,
		 int cur_col, attr_t base);
/* The tasks' numbers above the cells, the current one standing out; ‹ and
 * › at the edges say more columns lie that way. */
void ui_heat_header(WINDOW *w, int y, int x, const char *const *labels, int count, int first, int n, int cur_col);

#endif
