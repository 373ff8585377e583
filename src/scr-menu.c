/* The main menu: what the school (or the district office) can do, each
 * behind a digit as well. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "scr.h"
#include "ui-widgets.h"

typedef struct menu_item {
	const char *label;
	ui_screen *(*open)(void);
} menu_item;

static const menu_item school_items[] = {
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

static const menu_item district_items[] = {
	{ N_("Schools: who has reported"), scr_dschools_new },
	{ N_("Import from a stick"), scr_dimport_new },
	{ N_("Low results"), scr_drisk_new },
	{ N_("Indicators by school"), scr_dindicators_new },
	{ N_("Roadmap"), scr_roadmap_new },
	{ N_("Export: the district's report"), scr_dexport_new },
	{ N_("Settings"), scr_settings_new },
};

struct menu {
	ui_menu *m;
	const menu_item *items;
	int n;
};

static void draw(ui_screen *s, WINDOW *w)
{
	struct menu *mm = s->data;
	ui_menu *m = mm->m;
	int n = mm->n;
	curs_set(0);
	wattrset(w, ui_attr(UA_HEAD));
	mvwaddstr(w, 1, 4, _("What would you like to do?"));
	wattrset(w, A_NORMAL);
	ui_menu_show(m, w, 3, 4, n, getmaxx(w) - 8 > 20 ? getmaxx(w) - 8 : 20, A_NORMAL);
	wattrset(w, ui_attr(UA_NOTE));
	ui_put(w, n + 5, 4, getmaxx(w) - 8, _("Arrows and Enter, or the item's digit. F1 help, F10 exit."));
	wattrset(w, A_NORMAL);
}

static ui_result key(ui_screen *s, int ch, int fk)
{
	struct menu *mm = s->data;
	ui_menu *m = mm->m;
	int n = mm->n;
	const menu_item *items = mm->items;
	int i = ui_menu_key(m, ch, fk);
	if (i == -2 && !fk && ch >= '1' && ch < '1' + n)
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
	struct menu *mm = s->data;
	ui_menu_free(mm->m);
	free(mm);
	free(s);
}

ui_screen *scr_menu_new(void)
{
	struct menu *mm = xcalloc(1, sizeof *mm);
	int district = ui.sc.role && strcmp(ui.sc.role, "district") == 0;
	mm->items = district ? district_items : school_items;
	mm->n = district ? (int)(sizeof district_items / sizeof *district_items)
			 : (int)(sizeof school_items / sizeof *school_items);
	const menu_item *items = mm->items;
	int n = mm->n;
	char *labels[10];
	for (int i = 0; i < n; i++)
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
	mm->m = ui_menu_new(labels, n);
	s->data = mm;
	for (int i = 0; i < n; i++)
		free(labels[i]);
	return s;
}
