/* The main menu: what the school can do, each behind a digit as well. */
#include "config.h"

#include <stdlib.h>

#include "common.h"
#include "scr.h"
#include "ui-widgets.h"

static const struct {
	const char *label;
	ui_screen *(*open)(void);
} items[] = {
	{ N_("Results: enter a class's scores"), scr_results_new },
	{ N_("Roadmap"), scr_roadmap_new },
	{ N_("Indicators"), scr_indicators_new },
	{ N_("Reports: the half-year package"), scr_reports_new },
	{ N_("Pupils and classes"), scr_pupils_new },
	{ N_("Risk group"), scr_risk_new },
	{ N_("Teachers"), scr_teachers_new },
	{ N_("Assessments and scales"), scr_scales_new },
	{ N_("Import from a file"), scr_import_new },
	{ N_("Settings"), scr_settings_new },
};
#define NITEMS (int)(sizeof items / sizeof *items)

static void draw(ui_screen *s, WINDOW *w)
{
	ui_menu *m = s->data;
	curs_set(0);
	wattrset(w, ui_attr(UA_HEAD));
	mvwaddstr(w, 1, 4, _("What would you like to do?"));
	wattrset(w, A_NORMAL);
	ui_menu_show(m, w, 3, 4, NITEMS, getmaxx(w) - 8 > 20 ? getmaxx(w) - 8 : 20, A_NORMAL);
	wattrset(w, ui_attr(UA_NOTE));
	ui_put(w, NITEMS + 5, 4, getmaxx(w) - 8, _("Arrows and Enter, or the item's digit. F1 help, F10 exit."));
	wattrset(w, A_NORMAL);
}

static ui_result key(ui_screen *s, int ch, int fk)
{
	ui_menu *m = s->data;
	int i = ui_menu_key(m, ch, fk);
	if (i == -2 && !fk && ch >= '1' && ch < '1' + NITEMS)
		i = ch - '1';
	if (i >= 0) {
		ui_menu_set(m, i);
		ui_screen *next = items[i].open();
		if (next)
			ui_push(next);
		return UI_REDRAW;
	}
	if (i == -1)
		return UI_HANDLED;
	/* Esc on the main menu leaves the program, as F10 does. */
	if (!fk && ch == 27)
		return UI_QUIT;
	return UI_UNHANDLED;
}

static void destroy(ui_screen *s)
{
	ui_menu_free(s->data);
	free(s);
}

ui_screen *scr_menu_new(void)
{
	char *labels[NITEMS];
	for (int i = 0; i < NITEMS; i++)
		labels[i] = xasprintf("%2d  %s", i + 1, _(items[i].label));
	ui_screen *s = xcalloc(1, sizeof *s);
	s->title = N_("Main menu");
	s->help = N_("The main menu.\n\n"
		     "Choose with the arrows and Enter, or press the item's digit: digits work\n"
		     "whichever keyboard layout is on.\n\n"
		     "Everywhere: F1 shows help for the screen, Esc goes back one step, F10\n"
		     "leaves the program (asking first if anything is unsaved).");
	s->draw = draw;
	s->key = key;
	s->destroy = destroy;
	s->data = ui_menu_new(labels, NITEMS);
	for (int i = 0; i < NITEMS; i++)
		free(labels[i]);
	return s;
}
