/* First run on an empty database: whose database is this? */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "db.h"
#include "identity.h"
#include "paths.h"
#include "school-setup.h"
#include "scr.h"
#include "ui-widgets.h"

enum { F_CODE, F_NAME, F_DISTRICT, NFIELDS };

static void draw(ui_screen *s, WINDOW *w)
{
	ui_form *f = s->data;
	wattrset(w, ui_attr(UA_HEAD));
	mvwaddstr(w, 1, 4, _("Welcome to orientir. This database is new: whose is it?"));
	wattrset(w, A_NORMAL);
	ui_put(w, 2, 4, getmaxx(w) - 8, _("Fill in the fields (Tab or arrows to move), then press F2."));
	s->overlay = ui_form_show(f, w, 4, 4);
	curs_set(1);
}

static void report(void *ctx, enum diag_level level, const char *file, long line, const char *msg)
{
	(void)ctx, (void)level, (void)file, (void)line;
	ui_error("%s", msg);
}

static ui_result save(ui_screen *s)
{
	ui_form *f = s->data;
	char *code = ui_form_get(f, F_CODE), *name = ui_form_get(f, F_NAME);
	char *district = ui_form_get(f, F_DISTRICT);
	ui_result r = UI_REDRAW;
	enum identity_field bad;
	char *why = NULL;
	if (identity_check(code, name, district, &bad, &why) != 0) {
		ui_error("%s", why);
		free(why);
		ui_form_set_current(f, bad == ID_CODE ? F_CODE : bad == ID_NAME ? F_NAME : F_DISTRICT);
	} else {
		char *roles[] = { _("A school"), _("A district education office") };
		int role = ui_pick(_("Who works in this database?"), roles, 2, 0);
		if (role >= 0) {
			school sc = { .code = code, .name = name, .district = district,
				      .role = role ? "district" : "school" };
			diag d = { .emit = report };
			char *err = NULL;
			if (school_setup(ui.db_path, &sc, paths_datadir(), &d) == 0 &&
			    db_school_get(db_sdb(ui.db), &ui.sc, &err) == 1) {
				char *q = xquote(name);
				ui_message(_("The database now belongs to %s."), q);
				free(q);
				ui_replace(scr_menu_new());
			} else if (err) {
				ui_error("%s", err);
				free(err);
			}
		}
	}
	free(code);
	free(name);
	free(district);
	return r;
}

static ui_result key(ui_screen *s, int ch, int fk)
{
	if (ui_is_enter(ch, fk)) {
		ui_form *f = s->data;
		if (ui_form_current(f) == NFIELDS - 1)
			return save(s);
		ui_form_key(f, '\t', 0);
		return UI_HANDLED;
	}
	if (ui_form_key(s->data, ch, fk))
		return UI_HANDLED;
	return UI_UNHANDLED;
}

static int leave(ui_screen *s)
{
	(void)s;
	return ui_confirm(_("Leave without creating the database?")) ? 0 : -1;
}

static void destroy(ui_screen *s)
{
	ui_form_free(s->data);
}

static const ui_key keys[] = {
	{ KEY_F(2), NC_("key", "Create"), save, NULL },
	{ 0 },
};

ui_screen *scr_setup_new(void)
{
	const ui_field fields[NFIELDS] = { { _("School code"), 12, UI_FIELD_TEXT, NULL },
					   { _("Name"), 0, UI_FIELD_TEXT, NULL },
					   { _("District"), 0, UI_FIELD_TEXT, NULL } };
	ui_screen *s = ui_screen_new(N_("New database"),
				     N_("A new database needs to know whose it is.\n\n"
					"School code: the code the district uses for the school.\n"
					"Name: the school's name as it appears in reports.\n"
					"District: the municipal district (may be left empty).\n\n"
					"F2 or Enter on the last field creates the database; you then choose whether a "
					"school or a district office works in it."),
				     keys, ui_form_new(fields, NULL, NFIELDS));
	s->draw = draw;
	s->key = key;
	s->leave = leave;
	s->destroy = destroy;
	return s;
}
