/* Settings: the school's (or the district office's) details, the district's
 * report deadlines and low-results line, and where the database is. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common.h"
#include "day.h"
#include "db.h"
#include "district.h"
#include "roadmap.h"
#include "scr.h"
#include "ui-widgets.h"

enum { F_CODE, F_NAME, F_DISTRICT, NFIELDS };
/* The district office's form: its code and name, then its settings. */
enum { D_CODE, D_NAME, D_H1, D_H2, D_THRESHOLD, DFIELDS };
static const char *const setting_names[DFIELDS] = { [D_H1] = "deadline-h1", [D_H2] = "deadline-h2",
						     [D_THRESHOLD] = "threshold" };

struct settings {
	ui_form *f;
	int district, n;
	char *shown[DFIELDS];	/* the settings as the form was filled: only changes are written */
};

static void draw(ui_screen *s, WINDOW *w)
{
	struct settings *st = s->data;
	int width = getmaxx(w), y = 5 + st->n;
	wattrset(w, ui_attr(UA_HEAD));
	mvwaddstr(w, 1, 4, st->district ? _("The office's details and the district's rules (F2 saves):")
				       : _("The school's details (F2 saves):"));
	wattrset(w, A_NORMAL);
	s->overlay = ui_form_show(st->f, w, 3, 4);
	if (st->district) {
		int n;
		char **l = ui_wrap(_("A report whose first version comes by its deadline (DD.MM) is on time. A school "
				     "is low in a procedure when this share of its participants or more scored below "
				     "the minimum in Russian or mathematics."), width - 8, &n);
		wattrset(w, ui_attr(UA_NOTE));
		for (int i = 0; i < n; i++) {
			ui_put(w, y++, 4, width - 8, l[i]);
			free(l[i]);
		}
		free(l);
		wattrset(w, A_NORMAL);
		y++;
	}
	struct stat sb;
	char *size = stat(ui.db_path, &sb) == 0 ? xasprintf(_("%lld KiB"), (long long)(sb.st_size + 1023) / 1024)
						  : xstrdup("?");
	char *info = xasprintf(_("Database: %s (%s, version %d)"), ui.db_path, size, db_schema_version());
	ui_put(w, y++, 4, width - 8, info);
	free(info);
	free(size);
	char *role = xasprintf(_("Role: %s (chosen when the database was created)"),
			       st->district ? _("district education office") : _("school"));
	ui_put(w, y, 4, width - 8, role);
	free(role);
	curs_set(1);
}

/* Writes the code, name and district, and takes them in again. */
static void save_details(const school *sc)
{
	char *err = NULL;
	if (db_school_update(ui.db, sc, &err) != 0) {
		ui_error("%s", err);
		free(err);
		return;
	}
	school_clear(&ui.sc);
	if (db_school_get(ui.db, &ui.sc, &err) != 1)
		free(err);
	ui_message(_("Saved."));
}

/* Writes the district's settings that were changed, all or none; then
 * the office's code and name. */
static void save_district(struct settings *st, char **v)
{
	const char *names[DFIELDS], *values[DFIELDS];
	int field[DFIELDS];
	size_t n = 0, bad = 0;
	for (int i = D_H1; i < DFIELDS; i++)
		if (strcmp(v[i], st->shown[i]) != 0) {
			names[n] = setting_names[i];
			values[n] = v[i];
			field[n++] = i;
		}
	char *err = NULL;
	if (district_settings_set(ui.db, names, values, n, &bad, &err) != 0) {
		ui_error(_("Nothing saved: %s."), err);
		free(err);
		ui_form_set_current(st->f, field[bad]);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		free(st->shown[field[i]]);
		st->shown[field[i]] = xstrdup(v[field[i]]);
	}
	save_details(&(school){ .code = v[D_CODE], .name = v[D_NAME], .district = ui.sc.district });
}

static ui_result key(ui_screen *s, int ch, int fk)
{
	struct settings *st = s->data;
	ui_form *f = st->f;
	if ((fk && ch == KEY_F(2)) || (!fk && (ch == '\n' || ch == '\r') && ui_form_current(f) == st->n - 1)) {
		char *v[DFIELDS] = { 0 };
		for (int i = 0; i < st->n; i++)
			v[i] = ui_form_get(f, i);
		/* The code and the name come first in both forms. */
		if (!*v[F_CODE] || !*v[F_NAME]) {
			ui_error(_("The code and the name cannot be empty."));
			ui_form_set_current(f, *v[F_CODE] ? F_NAME : F_CODE);
		} else if (st->district) {
			save_district(st, v);
		} else {
			save_details(&(school){ .code = v[F_CODE], .name = v[F_NAME], .district = v[F_DISTRICT] });
		}
		for (int i = 0; i < st->n; i++)
			free(v[i]);
		return UI_REDRAW;
	}
	if (!fk && (ch == '\n' || ch == '\r'))
		return ui_form_key(f, '\t', 0) ? UI_HANDLED : UI_UNHANDLED;
	return ui_form_key(f, ch, fk) ? UI_HANDLED : UI_UNHANDLED;
}

static void destroy(ui_screen *s)
{
	struct settings *st = s->data;
	ui_form_free(st->f);
	for (int i = 0; i < DFIELDS; i++)
		free(st->shown[i]);
	free(st);
	free(s);
}

/* The district's form, filled with the settings in force (defaults too). */
static ui_form *district_form(struct settings *st)
{
	int year = (int)(day_today() / 10000);
	double t = district_threshold(ui.db);
	st->shown[D_H1] = district_day_month(district_deadline(ui.db, year, 1));
	st->shown[D_H2] = district_day_month(district_deadline(ui.db, year, 2));
	/* People here write a decimal comma; the setting takes either. */
	st->shown[D_THRESHOLD] = t == (long)t ? xasprintf("%ld", (long)t) : xasprintf("%.1f", t);
	char *dot = strchr(st->shown[D_THRESHOLD], '.');
	if (dot)
		*dot = ',';
	const char *labels[DFIELDS] = { _("Office code"), _("Name"), _("Deadline, 1st half-year"),
					_("Deadline, 2nd half-year"), _("Low results line, percent") };
	const int widths[DFIELDS] = { 12, 46, 6, 6, 6 };
	const char *values[DFIELDS] = { ui.sc.code, ui.sc.name, st->shown[D_H1], st->shown[D_H2],
					st->shown[D_THRESHOLD] };
	st->n = DFIELDS;
	return ui_form_new(labels, widths, values, DFIELDS);
}

ui_screen *scr_settings_new(void)
{
	struct settings *st = xcalloc(1, sizeof *st);
	st->district = ui.sc.role && strcmp(ui.sc.role, "district") == 0;
	ui_screen *s = xcalloc(1, sizeof *s);
	s->title = N_("Settings");
	if (st->district) {
		st->f = district_form(st);
		s->help = N_("The district office's code and name, as its receipts give them,\n"
			     "and the district's rules:\n\n"
			     "the report deadlines of the two half-years, as a day and a month\n"
			     "(20.06, 10.12): a school whose report's first version came by then\n"
			     "reported on time;\n\n"
			     "the low-results line: the share (percent) of a school's participants\n"
			     "below the minimum in Russian or mathematics that makes the school\n"
			     "low in a procedure (30 unless changed).\n\n"
			     "F2 saves; a value that is not one saves nothing and says why.\n"
			     "Below: the database file this program works in, and its role.");
	} else {
		const char *labels[NFIELDS] = { _("School code"), _("Name"), _("District") };
		const int widths[NFIELDS] = { 12, 46, 46 };
		const char *values[NFIELDS] = { ui.sc.code, ui.sc.name, ui.sc.district };
		st->f = ui_form_new(labels, widths, values, NFIELDS);
		st->n = NFIELDS;
		s->help = N_("The school's code, name and district, as they appear in reports and in\n"
			     "the packages sent to the district. F2 saves them.\n\n"
			     "Below: the database file this program works in, and whether it belongs\n"
			     "to a school or a district office.");
	}
	s->keys[1] = NC_("key", "Save");
	s->draw = draw;
	s->key = key;
	s->destroy = destroy;
	s->data = st;
	return s;
}
