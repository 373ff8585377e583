/* The main menu: what the school (or the district office) can do, each
 * behind its number as well. */
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
	{ N_("ВПР task by task: deficits, objectivity"), scr_tasks_new },
};

static const menu_item district_items[] = {
	{ N_("Schools: who has reported"), scr_dschools_new },
	{ N_("Import from a stick"), scr_dimport_new },
	{ N_("Low results"), scr_drisk_new },
	{ N_("Indicators by school"), scr_dindicators_new },
	{ N_("Roadmap"), scr_roadmap_new },
	{ N_("Export: the district's report"), scr_dexport_new },
	{ N_("Settings"), scr_settings_new },
	{ N_("ВПР task by task across the district"), scr_dtasks_new },
};

/* The district office's items that work on the region's server: the
 * roadmap, the settings and the list-of-schools import are its file's.
 * Export writes the region's report (last: the items before keep their
 * numbers). */
static const menu_item region_items[] = {
	{ N_("Schools: who has reported"), scr_dschools_new },
	{ N_("Import from a stick"), scr_dimport_new },
	{ N_("Low results"), scr_drisk_new },
	{ N_("Indicators by school"), scr_dindicators_new },
	{ N_("ВПР task by task across the region"), scr_dtasks_new },
	{ N_("Packages held for a decision"), scr_dheld_new },
	{ N_("Export: the region's report"), scr_dexport_new },
};

struct menu {
	ui_menu *m;
	const menu_item *items;
	int n;
	int typed;		/* a number's first digit, waiting for a second: 10, 11… */
};

static void draw(ui_screen *s, WINDOW *w)
{
	struct menu *mm = s->data;
	int width = getmaxx(w);
	curs_set(0);
	wattrset(w, ui_attr(UA_HEAD));
	mvwaddstr(w, 1, 4, _("What would you like to do?"));
	wattrset(w, A_NORMAL);
	ui_menu_show(mm->m, w, 3, 4, mm->n, width - 8, ui_attr(UA_SELECT), A_NORMAL);
	wattrset(w, ui_attr(UA_NOTE));
	char *hint = mm->typed
		? xasprintf(_("Item %d… — Enter opens it, or type the second digit (%d0 for item %d0)."), mm->typed,
			    mm->typed, mm->typed)
		: xstrdup(_("Arrows and Enter, or the item's number. F1 help, F10 exit."));
	ui_put(w, mm->n + 4, 4, width - 8, hint);
	free(hint);
	wattrset(w, A_NORMAL);
}

static ui_result open_item(struct menu *mm, int i)
{
	mm->typed = 0;
	ui_menu_set(mm->m, i);
	ui_screen *next = mm->items[i].open();
	if (next)
		ui_push(next);
	return UI_REDRAW;
}

/* A digit: the item of that number, at once when no longer number begins
 * with it; else it waits for the next digit, the item already chosen. */
static ui_result digit(struct menu *mm, int d)
{
	if (mm->typed) {
		int k = mm->typed * 10 + d;
		mm->typed = 0;
		return k <= mm->n ? open_item(mm, k - 1) : UI_REDRAW;
	}
	if (d < 1 || d > mm->n)
		return UI_HANDLED;
	if (d * 10 > mm->n)
		return open_item(mm, d - 1);
	mm->typed = d;
	ui_menu_set(mm->m, d - 1);
	return UI_REDRAW;
}

static ui_result key(ui_screen *s, int ch, int fk)
{
	struct menu *mm = s->data;
	if (!fk && ch >= '0' && ch <= '9')
		return digit(mm, ch - '0');
	if (mm->typed && !fk && ch == 27) {	/* Esc takes back the digit, it does not leave */
		mm->typed = 0;
		return UI_REDRAW;
	}
	mm->typed = 0;
	int i = ui_menu_key(mm->m, ch, fk);
	if (i >= 0)
		return open_item(mm, i);
	return i == -1 ? UI_REDRAW : UI_UNHANDLED;
}

static void destroy(ui_screen *s)
{
	struct menu *mm = s->data;
	ui_menu_free(mm->m);
	free(mm);
}

static const ui_key keys[] = { { 0 } };

ui_screen *scr_menu_new(void)
{
	struct menu *mm = xcalloc(1, sizeof *mm);
	if (ui_region()) {
		mm->items = region_items;
		mm->n = (int)(sizeof region_items / sizeof *region_items);
	} else if (ui_district()) {
		mm->items = district_items;
		mm->n = (int)(sizeof district_items / sizeof *district_items);
	} else {
		mm->items = school_items;
		mm->n = (int)(sizeof school_items / sizeof *school_items);
	}
	char *labels[sizeof school_items / sizeof *school_items];
	for (int i = 0; i < mm->n; i++)
		labels[i] = xasprintf("%2d  %s", i + 1, _(mm->items[i].label));
	mm->m = ui_menu_new(labels, mm->n);
	for (int i = 0; i < mm->n; i++)
		free(labels[i]);
	ui_screen *s = ui_screen_new(N_("Main menu"),
				     N_("The main menu.\n\n"
					"Choose with the arrows and Enter, or type the item's number: numbers work "
					"whichever keyboard layout is on. For item 10, type 1 and then 0.\n\n"
					"Everywhere: F1 shows help for the screen, Esc goes back one step, F10 leaves "
					"the program (asking first if anything is unsaved)."),
				     keys, mm);
	s->draw = draw;
	s->key = key;
	s->destroy = destroy;
	return s;
}
