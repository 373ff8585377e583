/* Pupils and classes: the list with a search as you type, and add, edit,
 * move to another class, delete, and the new school year. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "day.h"
#include "db.h"
#include "pupil.h"
#include "schoolyear.h"
#include "scr.h"
#include "ui-list.h"
#include "ui-widgets.h"

struct state {
	enum pupil_filter which;
	pupil_item *v;
	size_t n;
	ui_list *list;
};

static const char *const views[] = { N_("pupils now at school"), N_("pupils who have left"), N_("all pupils") };

static void reload(void *data)
{
	struct state *s = data;
	char *err = NULL;
	pupil_list_free(s->v, s->n);
	s->v = NULL;
	s->n = 0;
	if (db_pupil_list(ui.db, ui_list_search(s->list), s->which, &s->v, &s->n, &err) != 0) {
		ui_error("%s", err);
		free(err);
	}
	ui_list_begin(s->list);
	for (size_t i = 0; i < s->n; i++)
		ui_list_add(s->list, i);
	ui_list_end(s->list);
	ui_list_set_filter(s->list, _(views[s->which]));
	ui_list_set_empty(s->list, *ui_list_search(s->list) ? _("Nobody matches the search.")
			  : s->which == PUPILS_LEFT ? _("No pupil has left the school.")
			  : _("No pupils yet: F7 adds one, F5 imports a roster."));
}

/* The columns: class, code, name (what is left), the three marks, results. */
static void columns(int x, int width, int *xcode, int *xname, int *xflags, int *xres)
{
	*xcode = x + 6;
	*xname = x + 15;
	*xres = x + width - 5;
	*xflags = *xres - 7;
}

static void header(void *ctx, WINDOW *w, int y, int x, int width)
{
	(void)ctx;
	int xcode, xname, xflags, xres;
	columns(x, width, &xcode, &xname, &xflags, &xres);
	ui_put(w, y, x, 5, _("Class"));
	ui_put(w, y, xcode, 8, _("Code"));
	ui_put(w, y, xname, xflags - xname - 1, _("Pupil"));
	/* TRANSLATORS: column of three one-letter marks: risk group, individual route, extra lessons. */
	ui_put(w, y, xflags, 6, _("R I E"));
	ui_put(w, y, xres, 5, _("Res."));
}

static void row(void *ctx, WINDOW *w, int y, int x, int width, size_t item, int cur, attr_t base)
{
	const struct state *s = ctx;
	const pupil_item *p = &s->v[item];
	int xcode, xname, xflags, xres;
	(void)cur, (void)base;
	columns(x, width, &xcode, &xname, &xflags, &xres);
	ui_put(w, y, x, 5, *p->class_label ? p->class_label : "—");
	ui_put(w, y, xcode, 8, p->code);
	char *name = xasprintf("%s %s %s", p->last_name, p->first_name, p->middle_name);
	ui_put(w, y, xname, xflags - xname - 1, name);
	free(name);
	mvwaddstr(w, y, xflags, p->risk_group ? "+" : "·");
	mvwaddstr(w, y, xflags + 2, p->individual_route ? "+" : "·");
	mvwaddstr(w, y, xflags + 4, p->extra_lessons ? "+" : "·");
	mvwprintw(w, y, xres, "%5ld", p->results);
}

static const pupil_item *current(const struct state *s)
{
	size_t i;
	return ui_list_current(s->list, &i) ? &s->v[i] : NULL;
}

enum { E_LAST, E_FIRST, E_MIDDLE, E_CODE, E_CLASS, E_RISK, E_ROUTE, E_EXTRA, NEDIT };

static int check_pupil(void *ctx, char *const *v, int *field, char **msg)
{
	static const int at[] = { [PUPIL_LAST] = E_LAST, [PUPIL_FIRST] = E_FIRST, [PUPIL_CODE] = E_CODE,
				  [PUPIL_CLASS] = E_CLASS };
	enum pupil_field f;
	if (pupil_check(ui.db, *(const long *)ctx, v[E_LAST], v[E_FIRST], v[E_CODE], v[E_CLASS], &f, msg) != 0) {
		*field = at[f];
		return -1;
	}
	return 0;
}

/* The add and edit form; p is NULL to add. */
static void edit(struct state *s, const pupil_item *p)
{
	const ui_field fields[NEDIT] = {
		{ _("Last name"), 30, UI_FIELD_TEXT, NULL }, { _("First name"), 30, UI_FIELD_TEXT, NULL },
		{ _("Middle name"), 30, UI_FIELD_TEXT, NULL }, { _("Code"), 12, UI_FIELD_TEXT, NULL },
		{ _("Class"), 6, UI_FIELD_TEXT, NULL }, { _("Risk group"), 0, UI_FIELD_YESNO, NULL },
		{ _("Individual route"), 0, UI_FIELD_YESNO, NULL }, { _("Extra lessons"), 0, UI_FIELD_YESNO, NULL },
	};
	char *values[NEDIT] = {
		xstrdup(p ? p->last_name : ""), xstrdup(p ? p->first_name : ""), xstrdup(p ? p->middle_name : ""),
		xstrdup(p ? p->code : ""), xstrdup(p ? p->class_label : ""),
		xstrdup(ui_yesno_text(p && p->risk_group)), xstrdup(ui_yesno_text(p && p->individual_route)),
		xstrdup(ui_yesno_text(p && p->extra_lessons)),
	};
	long id = p ? p->id : 0;
	if (ui_form_run(p ? _("Pupil") : _("New pupil"), fields, values, NEDIT, check_pupil, &id) == 1) {
		student st = { .id = id, .last_name = values[E_LAST], .first_name = values[E_FIRST],
			       .middle_name = values[E_MIDDLE], .code = values[E_CODE] };
		char *err = NULL;
		cell_yesno(values[E_RISK], &st.risk_group);
		cell_yesno(values[E_ROUTE], &st.individual_route);
		cell_yesno(values[E_EXTRA], &st.extra_lessons);
		if (pupil_save(ui.db, &st, values[E_CLASS], &err) == 0) {
			ui_message(p ? _("Saved.") : _("Added."));
			reload(s);
			ui_list_select(s->list, 0);
			for (size_t i = 0; i < s->n; i++)
				if (s->v[i].id == st.id)
					ui_list_select(s->list, i);
		} else {
			ui_error("%s", err);
			free(err);
			reload(s);
		}
	}
	for (int i = 0; i < NEDIT; i++)
		free(values[i]);
}

static ui_result move_class(ui_screen *scr)
{
	struct state *s = scr->data;
	const pupil_item *p = current(s);
	if (!p)
		return UI_HANDLED;
	class_item *c;
	size_t n;
	char *err = NULL;
	if (db_class_list(ui.db, &c, &n, &err) != 0) {
		ui_error("%s", err);
		free(err);
		return UI_REDRAW;
	}
	char **labels = xcalloc(n + 1, sizeof *labels);
	int current = 0;
	for (size_t i = 0; i < n; i++) {
		labels[i] = xasprintf(ngettext("%s (%ld pupil)", "%s (%ld pupils)", (unsigned long)c[i].pupils),
				      c[i].label, c[i].pupils);
		if (c[i].id == p->class_id)
			current = (int)i;
	}
	labels[n] = xstrdup(_("Has left the school"));
	char *title = xasprintf(_("Move %s %s to"), p->last_name, p->first_name);
	int k = ui_pick(title, labels, (int)n + 1, current);
	free(title);
	if (k >= 0) {
		student st = { 0 };
		int rc;
		if (k == (int)n) {
			rc = db_student_leave(ui.db, p->id, &err);
		} else if ((rc = db_student_by_code(ui.db, p->code, &st, &err)) == 1) {
			st.class_id = c[k].id;
			rc = db_student_save(ui.db, &st, &err);
		}
		student_clear(&st);
		if (rc < 0) {
			ui_error("%s", err);
			free(err);
		} else {
			ui_message(_("Moved."));
		}
		reload(s);
	}
	for (size_t i = 0; i <= n; i++)
		free(labels[i]);
	free(labels);
	class_list_free(c, n);
	return UI_REDRAW;
}

static ui_result delete(ui_screen *scr)
{
	struct state *s = scr->data;
	const pupil_item *p = current(s);
	if (!p)
		return UI_HANDLED;
	char *err = NULL;
	char *q;
	if (p->results > 0) {
		q = xasprintf(ngettext("%s %s has %ld result, which must stay. Mark the pupil as having left instead?",
				       "%s %s has %ld results, which must stay. Mark the pupil as having left instead?",
				       (unsigned long)p->results), p->last_name, p->first_name, p->results);
		if (ui_confirm(q) && db_student_leave(ui.db, p->id, &err) != 0)
			ui_error("%s", err);
	} else {
		q = xasprintf(_("Delete %s %s (code %s)?"), p->last_name, p->first_name, p->code);
		if (ui_confirm(q)) {
			if (db_student_delete(ui.db, p->id, &err) < 0)
				ui_error("%s", err);
			else
				ui_message(_("Deleted."));
		}
	}
	free(q);
	free(err);
	reload(s);
	return UI_REDRAW;
}

static ui_result new_year(ui_screen *scr)
{
	struct state *s = scr->data;
	year_move *v;
	size_t n;
	char *last = NULL, *err = NULL;
	if (schoolyear_preview(ui.db, &v, &n, &last, &err) != 0) {
		ui_error("%s", err);
		free(err);
		return UI_REDRAW;
	}
	if (!n) {
		ui_message(_("There are no classes to move up."));
		schoolyear_free(v, n);
		free(last);
		return UI_REDRAW;
	}
	char *text = xstrdup(_("Every class moves up a grade. Pupils of grades 9 and 11 are marked as having left; "
			       "their results stay. Pupils of grade 9 who stay for grade 10 can then be moved back "
			       "with F6.\n"));
	for (size_t i = 0; i < n; i++) {
		char *line = v[i].to
			? xasprintf(ngettext("%s → %s: %ld pupil", "%s → %s: %ld pupils", (unsigned long)v[i].pupils),
				    v[i].from, v[i].to, v[i].pupils)
			: xasprintf(ngettext("%s: %ld pupil leaves", "%s: %ld pupils leave", (unsigned long)v[i].pupils),
				    v[i].from, v[i].pupils);
		char *t = xasprintf("%s\n%s", text, line);
		free(text), free(line);
		text = t;
	}
	if (last) {
		char *d = day_text_of(last);
		char *t = xasprintf(_("%s\n\nThe last move was made on %s."), text, d);
		free(text), free(d);
		text = t;
	}
	char *t = xasprintf("%s\n\n%s", text, _("Nothing has changed yet. When you close this (Esc or Enter), you "
					       "are asked whether to move the classes now; the answer starts on "
					       "«No»."));
	free(text);
	text = t;
	ui_show_text(_("New school year: what will change"), text);
	if (ui_confirm(_("Move every class up a grade now? This is done once a year, in the summer."))) {
		if (schoolyear_apply(ui.db, &err) != 0) {
			ui_error("%s", err);
			free(err);
		} else {
			ui_message(_("Done: the classes have moved up a grade."));
		}
		reload(s);
	}
	free(text);
	free(last);
	schoolyear_free(v, n);
	return UI_REDRAW;
}

static ui_result open_current(ui_screen *scr)
{
	struct state *s = scr->data;
	const pupil_item *p = current(s);
	if (p)
		edit(s, p);
	return UI_REDRAW;
}

static ui_result next_view(ui_screen *scr)
{
	struct state *s = scr->data;
	s->which = (s->which + 1) % 3;
	ui_list_home(s->list);
	reload(s);
	return UI_REDRAW;
}

static ui_result add(ui_screen *scr)
{
	edit(scr->data, NULL);
	return UI_REDRAW;
}

static void destroy(ui_screen *scr)
{
	struct state *s = scr->data;
	pupil_list_free(s->v, s->n);
	free(s);
}

static const ui_key keys[] = {
	{ UI_KEY_ENTER, NULL, open_current, NULL },
	{ KEY_F(3), NC_("key", "View"), next_view, NULL },
	{ KEY_F(4), NC_("key", "Edit"), open_current, NULL },
	{ KEY_F(5), NC_("key", "Import"), scr_import_open, NULL },
	{ KEY_F(6), NC_("key", "Move"), move_class, NULL },
	{ KEY_F(7), NC_("key", "Add"), add, NULL },
	{ KEY_F(8), NC_("key", "Delete"), delete, NULL },
	{ KEY_F(9), NC_("key", "New year"), new_year, NULL },
	{ 0 },
};

ui_screen *scr_pupils_new(void)
{
	struct state *s = xcalloc(1, sizeof *s);
	s->list = ui_list_new(row, s);
	ui_list_enable_search(s->list);
	ui_list_set_header(s->list, header);
	reload(s);
	ui_screen *scr = ui_screen_new(N_("Pupils and classes"),
				       N_("The pupils of the school, by class.\n\n"
					  "Type to search by name or code: letters of any case, ё as е. Backspace "
					  "removes a letter, Esc clears the search.\n\n"
					  "F3 shows the pupils now at school, those who have left, or all; the line "
					  "above the list says which, and what is searched for.\n\n"
					  "Enter or F4 edits a pupil, F7 adds one, F6 moves one to another class (or "
					  "marks them as having left), F8 deletes one: a pupil with results is never "
					  "deleted, only marked as having left, so the results stay.\n\n"
					  "F9, the new school year: every class moves up a grade, and grades 9 and 11 "
					  "leave. You see what will change first; then the question starts on «No».\n\n"
					  "F5 imports a roster from a CSV file.\n\n"
					  "The marks R I E: risk group, individual route, extra lessons."),
				       keys, s);
	scr->destroy = destroy;
	scr->list = s->list;
	scr->rebuild = reload;
	scr->reload = reload;
	return scr;
}
