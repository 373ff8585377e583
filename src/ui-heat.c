#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "common.h"
#include "ui-heat.h"
#include "ui.h"
#include "utf8.h"

int ui_heat_fit(int width, int label)
{
	int n = (width - label - 1) / UI_HEAT_CELL;
	return n < 1 ? 1 : n;
}

void ui_heat_scroll(int col, int count, int n, int *first)
{
	if (col < *first)
		*first = col;
	if (col >= *first + n)
		*first = col - n + 1;
	if (*first + n > count)
		*first = count - n;
	if (*first < 0)
		*first = 0;
}

int ui_heat_move(int *col, int count, int ch, int fk)
{
	if (!fk || (ch != KEY_LEFT && ch != KEY_RIGHT))
		return 0;
	int to = *col + (ch == KEY_RIGHT ? 1 : -1);
	if (to >= 0 && to < count)
		*col = to;
	return 1;
}

/* A share's look: the colour of its band; without colours a deficit is
 * bold and underlined and the rest plain. */
static attr_t look(int tenths, int deficit)
{
	if (!has_colors())
		return deficit ? A_BOLD | A_UNDERLINE : A_NORMAL;
	if (tenths < 0)
		return A_NORMAL;
	return ui_attr(tenths < 500 ? UA_BAR_BAD : tenths < 700 ? UA_BAR_MID : UA_BAR_GOOD);
}

void ui_heat_row(WINDOW *w, int y, int x, const int *tenths, const int *deficit, int count, int first, int n,
		 int cur_col, attr_t base)
{
	for (int k = 0; k < n && first + k < count; k++) {
		int c = first + k, t = tenths[c], d = deficit && deficit[c];
		char cell[16];
		if (t < 0)
			snprintf(cell, sizeof cell, "  — ");
		else
			snprintf(cell, sizeof cell, "%3d%s", (t + 5) / 10, d ? "!" : " ");
		wattrset(w, c == cur_col ? ui_attr(UA_SELECT) | A_BOLD : look(t, d));
		mvwaddstr(w, y, x + k * UI_HEAT_CELL, cell);
	}
	wattrset(w, base);
}

void ui_heat_header(WINDOW *w, int y, int x, const char *const *labels, int count, int first, int n, int cur_col)
{
	attr_t head = ui_attr(UA_HEAD);
	for (int k = 0; k < n && first + k < count; k++) {
		int c = first + k;
		wattrset(w, c == cur_col ? head | A_REVERSE : head);
		ui_put(w, y, x + k * UI_HEAT_CELL, UI_HEAT_CELL - 1, labels[c]);
	}
	wattrset(w, ui_attr(UA_NOTE));
	if (first > 0)
		mvwaddstr(w, y, x - 1, "‹");
	if (first + n < count)
		mvwaddstr(w, y, x + n * UI_HEAT_CELL - 1, "›");
	wattrset(w, head);
}
