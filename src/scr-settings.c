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
#include "keys.h"
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
	char *own_key;		/* the fingerprint of the database's key, NULL when it cannot be had */
	char *district_key;	/* a school's: the district's key's, "" not known yet */
};

void scr_key_news(const char *news)
{
	if (!news)
		return;
	char *text = xasprintf("%s\n\n%s", news,
			       _("The district pins this key when it takes in the first package signed with it, and "
				 "from then on holds apart any package of this school signed otherwise. If the "
				 "methodist asks, read out the fingerprint: the Reports and Settings screens show "
				 "it."));
	ui_show_text(_("The school's signing key"), text);
	free(text);
}

/* The keys' fingerprints as they are now. */
static void read_keys(struct settings *st)
{
	char *err = NULL, *news = NULL;
	uint8_t pub[SIGN_KEY_SIZE];
	free(st->own_key), free(st->district_key);
	st->own_key = keys_own_fingerprint(ui.db, &news, &err);
	free(err);
	err = NULL;
	st->district_key = !st->district && keys_district(ui.db, pub, &err) > 0 ? sign_fingerprint(pub) : xstrdup("");
	free(err);
	scr_key_news(news);
	free(news);
}

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
	ui_put(w, y++, 4, width - 8, role);
	free(role);
	y++;
	if (st->own_key) {
		char *t = xasprintf(_("Signing key: %s (to compare on the phone)"), st->own_key);
		ui_put(w, y++, 4, width - 8, t);
		free(t);
	}
	if (!st->district) {
		char *t = *st->district_key
			? xasprintf(_("The district's key: %s (from its receipt; F6 forgets it)"),
				    st->district_key)
			: xstrdup(_("The district's key is not known yet: the first signed receipt teaches it."));
		ui_put(w, y, 4, width - 8, t);
		free(t);
	}
	curs_set(1);
}

/* Writes the code, name and district, and takes them in again: 0, or -1
 * told. */
static int save_details(const school *sc)
{
	char *err = NULL;
	if (db_school_update(ui.db, sc, &err) != 0) {
		ui_error("%s", err);
		free(err);
		return -1;
	}
	school_clear(&ui.sc);
	if (db_school_get(db_sdb(ui.db), &ui.sc, &err) != 1)
		free(err);
	ui_message(_("Saved."));
	return 0;
}

/* Writes the district's settings that were changed, all or none; then
 * the office's code and name. */
static int save_district(struct settings *st, char **v)
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
	if (district_settings_set(db_sdb(ui.db), names, values, n, &bad, &err) != 0) {
		ui_error(_("Nothing saved: %s."), err);
		free(err);
		ui_form_set_current(st->f, field[bad]);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		free(st->shown[field[i]]);
		st->shown[field[i]] = xstrdup(v[field[i]]);
	}
	return save_details(&(school){ .code = v[D_CODE], .name = v[D_NAME], .district = ui.sc.district });
}

/* Saves what the form holds: 0, or -1 when something was refused (told). */
static int save(struct settings *st)
{
	ui_form *f = st->f;
	int rc = -1;
	{
		char *v[DFIELDS] = { 0 };
		for (int i = 0; i < st->n; i++)
			v[i] = ui_form_get(f, i);
		/* The code and the name come first in both forms. */
		if (!*v[F_CODE] || !*v[F_NAME]) {
			ui_error(_("The code and the name cannot be empty."));
			ui_form_set_current(f, *v[F_CODE] ? F_NAME : F_CODE);
		} else if (st->district) {
			rc = save_district(st, v);
		} else {
			rc = save_details(&(school){ .code = v[F_CODE], .name = v[F_NAME], .district = v[F_DISTRICT] });
		}
		for (int i = 0; i < st->n; i++)
			free(v[i]);
	}
	if (rc == 0)
		ui_form_saved(f);
	return rc;
}

static ui_result save_key(ui_screen *s)
{
	save(s->data);
	return UI_REDRAW;
}

static int knows_district_key(const ui_screen *s)
{
	const struct settings *st = s->data;
	return !st->district && *st->district_key;
}

/* Forgets the district's key, once the user has read when that is right. */
static ui_result forget_key(ui_screen *s)
{
	struct settings *st = s->data;
	char *q = xasprintf(_("Forget the district's key %s? Only when the district really has a new key: its "
			      "orientir moved to another computer or its database was made anew, and the methodist "
			      "has said so (then its receipts read «signed by a key that is not the district's»). The "
			      "next signed receipt seen on a stick is taken as the district's."), st->district_key);
	if (ui_confirm(q)) {
		char *err = NULL;
		if (keys_district_forget(ui.db, &err) != 0) {
			ui_error("%s", err);
			free(err);
		} else {
			ui_message(_("The district's key is forgotten: the next signed receipt teaches it again."));
		}
		read_keys(st);
	}
	free(q);
	return UI_REDRAW;
}

static ui_result key(ui_screen *s, int ch, int fk)
{
	struct settings *st = s->data;
	if (ui_is_enter(ch, fk) && ui_form_current(st->f) == st->n - 1)
		return save_key(s);
	if (ui_is_enter(ch, fk))
		return ui_form_key(st->f, '\t', 0) ? UI_HANDLED : UI_UNHANDLED;
	return ui_form_key(st->f, ch, fk) ? UI_HANDLED : UI_UNHANDLED;
}

/* Leaving with changes not saved asks, as the results grid does. */
static int leave(ui_screen *s)
{
	struct settings *st = s->data;
	if (!ui_form_changed(st->f))
		return 0;
	switch (ui_ask_save(_("The changes are not saved. Save them?"))) {
	case 0: return save(st);
	case 1: return 0;
	default: return -1;
	}
}

static void destroy(ui_screen *s)
{
	struct settings *st = s->data;
	ui_form_free(st->f);
	for (int i = 0; i < DFIELDS; i++)
		free(st->shown[i]);
	free(st->own_key), free(st->district_key);
	free(st);
}

/* The district's form, filled with the settings in force (defaults too). */
static ui_form *district_form(struct settings *st)
{
	int year = (int)(day_today() / 10000);
	double t = district_threshold(db_sdb(ui.db));
	st->shown[D_H1] = district_day_month(district_deadline(db_sdb(ui.db), year, 1));
	st->shown[D_H2] = district_day_month(district_deadline(db_sdb(ui.db), year, 2));
	/* People here write a decimal comma; the setting takes either. */
	st->shown[D_THRESHOLD] = t == (long)t ? xasprintf("%ld", (long)t) : xasprintf("%.1f", t);
	char *dot = strchr(st->shown[D_THRESHOLD], '.');
	if (dot)
		*dot = ',';
	const ui_field fields[DFIELDS] = { { _("Office code"), 12, UI_FIELD_TEXT, NULL },
					   { _("Name"), 0, UI_FIELD_TEXT, NULL },
					   { _("Deadline, 1st half-year"), 6, UI_FIELD_TEXT, NULL },
					   { _("Deadline, 2nd half-year"), 6, UI_FIELD_TEXT, NULL },
					   { _("Low results line, percent"), 6, UI_FIELD_TEXT, NULL } };
	const char *values[DFIELDS] = { ui.sc.code, ui.sc.name, st->shown[D_H1], st->shown[D_H2],
					st->shown[D_THRESHOLD] };
	st->n = DFIELDS;
	return ui_form_new(fields, values, DFIELDS);
}

static const ui_key keys[] = {
	{ KEY_F(2), NC_("key", "Save"), save_key, NULL },
	{ KEY_F(6), NC_("key", "Forget"), forget_key, knows_district_key },
	{ 0 },
};

ui_screen *scr_settings_new(void)
{
	struct settings *st = xcalloc(1, sizeof *st);
	st->district = ui_district();
	const char *help;
	if (st->district) {
		st->f = district_form(st);
		help = N_("The district office's code and name, as its receipts give them, and the district's "
			  "rules:\n\n"
			  "the report deadlines of the two half-years, as a day and a month (20.06, 10.12): a "
			  "school whose report's first version came by then reported on time;\n\n"
			  "the low-results line: the share (percent) of a school's participants below the minimum "
			  "in Russian or mathematics that makes the school low in a procedure (30 unless "
			  "changed).\n\n"
			  "F2 saves; a value that is not one saves nothing and says why. Leaving with changes not "
			  "saved asks first. Below: the database file this program works in, its role, and the "
			  "fingerprint of the key the office signs its receipts and reports with: schools learn "
			  "it from the first signed receipt, and may ask to hear it on the phone.");
	} else {
		const ui_field fields[NFIELDS] = { { _("School code"), 12, UI_FIELD_TEXT, NULL },
						   { _("Name"), 0, UI_FIELD_TEXT, NULL },
						   { _("District"), 0, UI_FIELD_TEXT, NULL } };
		const char *values[NFIELDS] = { ui.sc.code, ui.sc.name, ui.sc.district };
		st->f = ui_form_new(fields, values, NFIELDS);
		st->n = NFIELDS;
		help = N_("The school's code, name and district, as they appear in reports and in the packages "
			  "sent to the district. F2 saves them; leaving with changes not saved asks first.\n\n"
			  "Below: the database file this program works in, whether it belongs to a school or a "
			  "district office, and the keys. The school's signing key signs its packages and "
			  "backups; the district pins it on the first package, so read out its fingerprint (five "
			  "groups of four digits) if the methodist asks. The district's key is learnt from its "
			  "first signed receipt and tells its genuine receipts from others.\n\n"
			  "F6 forgets the district's key. It is needed only when the district has a new key "
			  "(its orientir moved to another computer, or its database was made anew) and the "
			  "methodist has said so: its receipts then read «signed by a key that is not the "
			  "district's». The next signed receipt teaches the key again. The question starts on "
			  "«No».");
	}
	read_keys(st);
	ui_screen *s = ui_screen_new(N_("Settings"), help, keys, st);
	s->draw = draw;
	s->key = key;
	s->leave = leave;
	s->destroy = destroy;
	return s;
}
