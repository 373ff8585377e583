/* Bars and percents for the indicators screens. */
#include "config.h"

#include <stdlib.h>

#include "common.h"
#include "ui-chart.h"
#include "ui.h"

void ui_chart_bar(WINDOW *w, int y, int x, int width, int tenths, attr_t fill)
{
	int full = (tenths * width + 500) / 1000;
	int mono = !has_colors();
	for (int i = 0; i < width; i++) {
		wattrset(w, i < full ? fill : ui_attr(UA_NOTE));
		mvwaddch(w, y, x + i, i < full ? (mono ? '#' : ' ') : (mono ? '.' : ACS_BULLET));
	}
	wattrset(w, A_NORMAL);
}

void ui_chart_marks(WINDOW *w, int y, int x, int width, int lowered, int confirmed)
{
	int a = (lowered * width + 500) / 1000, b = ((lowered + confirmed) * width + 500) / 1000;
	for (int k = 0; k < width; k++) {
		wattrset(w, k < a ? ui_attr(UA_BAR_BAD) : k < b ? ui_attr(UA_BAR_GOOD) : ui_attr(UA_BAR_MID));
		mvwaddch(w, y, x + k, has_colors() ? ' ' : (k < a ? '-' : k < b ? '=' : '+'));
	}
	wattrset(w, A_NORMAL);
}
