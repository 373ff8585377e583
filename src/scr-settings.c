/* Settings: the school's details, and where its database is. */
#include "config.h"

#include <stdlib.h>
#include <sys/stat.h>

#include "common.h"
#include "db.h"
#include "scr.h"
#include "ui-widgets.h"

enum { F_CODE, F_NAME, F_DISTRICT, NFIELDS };

static void draw(ui_screen *s, WINDOW *w)
{
	int width = getmaxx(w);
	wattrset(w, ui_attr(UA_HEAD));
	mvwaddstr(w, 1, 4, _("The school's details (F2 saves):"));
	wattrset(w, A_NORMAL);
	s->overlay = ui_form_show(s->data, w, 3, 4);
	struct stat st;
	char *size = stat(ui.db_path, &st) == 0 ? xasprintf(_("%lld KiB"), (long long)(st.st_size + 1023) / 1024)
						  : xstrdup("?");
	char *info = xasprintf(_("Database: %s (%s, version %d)"), ui.db_path, size, db_schema_version());
	ui_put(w, 8, 4, width - 8, info);
	free(info);
	free(size);
	char *role = xasprintf(_("Role: %s (chosen when the database was created)"),
			       ui.sc.role && ui.sc.role[0] == 'd' ? _("district education office") : _("school"));
	ui_put(w, 9, 4, width - 8, role);
	free(role);
	curs_set(1);
}

static ui_result key(ui_screen *s, int ch, int fk)
{
	ui_form *f = s->data;
	if ((fk && ch == KEY_F(2)) || (!fk && (ch == '\n' || ch == '\r') && ui_form_current(f) == NFIELDS - 1)) {
		school sc = { .code = ui_form_get(f, F_CODE), .name = ui_form_get(f, F_NAME),
			      .district = ui_form_get(f, F_DISTRICT) };
		char *err = NULL;
		if (!*sc.code || !*sc.name) {
			ui_error(_("The code and the name cannot be empty."));
			ui_form_set_current(f, *sc.code ? F_NAME : F_CODE);
		} else if (db_school_update(ui.db, &sc, &err) != 0) {
			ui_error("%s", err);
			free(err);
		} else {
			school_clear(&ui.sc);
			if (db_school_get(ui.db, &ui.sc, &err) != 1)
				free(err);
			ui_message(_("Saved."));
		}
		free(sc.code), free(sc.name), free(sc.district);
		return UI_REDRAW;
	}
	if (!fk && (ch == '\n' || ch == '\r'))
		return ui_form_key(f, '\t', 0) ? UI_HANDLED : UI_UNHANDLED;
	return ui_form_key(f, ch, fk) ? UI_HANDLED : UI_UNHANDLED;
}

static void destroy(ui_screen *s)
{
	ui_form_free(s->data);
	free(s);
}

ui_screen *scr_settings_new(void)
{
	const char *labels[NFIELDS] = { _("School code"), _("Name"), _("District") };
	const int widths[NFIELDS] = { 12, 46, 46 };
	const char *values[NFIELDS] = { ui.sc.code, ui.sc.name, ui.sc.district };
	ui_screen *s = xcalloc(1, sizeof *s);
	s->title = N_("Settings");
	s->help = N_("The school's code, name and district, as they appear in reports and in\n"
		     "the packages sent to the district. F2 saves them.\n\n"
		     "Below: the database file this program works in, and whether it belongs\n"
		     "to a school or a district office.");
	s->keys[1] = NC_("key", "Save");
	s->draw = draw;
	s->key = key;
	s->destroy = destroy;
	s->data = ui_form_new(labels, widths, values, NFIELDS);
	return s;
}
