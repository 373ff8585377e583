/* Pupils and classes: the list with a search as you type, and add, edit,
 * move to another class, delete, and the new school year. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "db.h"
#include "schoolyear.h"
#include "scr.h"
#include "ui-widgets.h"
#include "utf8.h"

struct state {
	char search[128];
	enum pupil_filter which;
	pupil_item *v;
	size_t n, row, top;
	int stale;	/* reload before drawing: another screen may have changed the list */
};

static void reload(struct state *s)
{
	char *err = NULL;
	pupil_list_free(s->v, s->n);
	s->v = NULL;
	s->n = 0;
	if (db_pupil_list(ui.db, s->search, s->which, &s->v, &s->n, &err) != 0) {
		ui_error("%s", err);
		free(err);
	}
	if (s->row >= s->n)
		s->row = s->n ? s->n - 1 : 0;
}

static void draw(ui_screen *scr, WINDOW *w)
{
	struct state *s = scr->data;
	if (s->stale) {
		s->stale = 0;
		reload(s);
	}
	int width = getmaxx(w), height = getmaxy(w);
	static const char *const views[] = { N_("pupils now at school"), N_("pupils who have left"),
					     N_("all pupils") };
	char *head = xasprintf(_("Search: %s_    (%s: %zu)"), s->search, _(views[s->which]), s->n);
	wattrset(w, ui_attr(UA_HEAD));
	ui_put(w, 0, 1, width - 2, head);
	free(head);
	int xname = 16, xflags = width - 16, xres = width - 7;
	ui_put(w, 2, 1, 5, _("Class"));
	ui_put(w, 2, 7, 8, _("Code"));
	ui_put(w, 2, xname, xflags - xname - 1, _("Pupil"));
	/* TRANSLATORS: column of three one-letter marks: risk group, individual route, extra lessons. */
	ui_put(w, 2, xflags, 8, _("R I E"));
	ui_put(w, 2, xres, 6, _("Res."));
	wattrset(w, A_NORMAL);
	int rows = height - 4;
	ui_list_scroll(s->row, &s->top, rows);
	for (int i = 0; i < rows && s->top + (size_t)i < s->n; i++) {
		const pupil_item *p = &s->v[s->top + (size_t)i];
		int y = 3 + i, cur = s->top + (size_t)i == s->row;
		wattrset(w, cur ? ui_attr(UA_SELECT) : A_NORMAL);
		if (cur)
			mvwhline(w, y, 0, ' ', width);
		ui_put(w, y, 1, 5, *p->class_label ? p->class_label : "—");
		ui_put(w, y, 7, 8, p->code);
		char *name = xasprintf("%s %s %s", p->last_name, p->first_name, p->middle_name);
		ui_put(w, y, xname, xflags - xname - 1, name);
		free(name);
		mvwaddstr(w, y, xflags, p->risk_group ? "+" : "·");
		mvwaddstr(w, y, xflags + 2, p->individual_route ? "+" : "·");
		mvwaddstr(w, y, xflags + 4, p->extra_lessons ? "+" : "·");
		mvwprintw(w, y, xres, "%5ld", p->results);
	}
	wattrset(w, A_NORMAL);
	if (s->n == 0)
		ui_put(w, 4, 2, width - 4, *s->search ? _("Nobody matches the search.")
						      : _("No pupils yet: F7 adds one, or import a roster."));
}

struct edit_ctx {
	long id;
};

enum { E_LAST, E_FIRST, E_MIDDLE, E_CODE, E_CLASS, E_RISK, E_ROUTE, E_EXTRA, NEDIT };

static int check_pupil(void *vctx, char *const *v, int *field, char **msg)
{
	struct edit_ctx *ctx = vctx;
	int grade, yn;
	char *letter;
	if (!*v[E_LAST] && !*v[E_FIRST] && !*v[E_CODE]) {
		*field = E_LAST;
		*msg = xstrdup(_("Give at least a name or a code."));
		return -1;
	}
	if (cell_class(v[E_CLASS], &grade, &letter) != 0) {
		*field = E_CLASS;
		*msg = xstrdup(_("The class is written like 5А or 11Б."));
		return -1;
	}
	free(letter);
	for (int i = E_RISK; i <= E_EXTRA; i++) {
		if (cell_yesno(v[i], &yn) != 0) {
			*field = i;
			*msg = xstrdup(_("Write да or нет."));
			return -1;
		}
	}
	if (*v[E_CODE]) {
		student other = { 0 };
		char *err = NULL;
		int found = db_student_by_code(ui.db, v[E_CODE], &other, &err);
		free(err);
		int taken = found == 1 && other.id != ctx->id;
		student_clear(&other);
		if (taken) {
			*field = E_CODE;
			*msg = xstrdup(_("Another pupil has this code."));
			return -1;
		}
	}
	return 0;
}

/* The add and edit form; p is NULL to add. */
static void edit(struct state *s, const pupil_item *p)
{
	const char *labels[NEDIT] = { _("Last name"), _("First name"), _("Middle name"), _("Code"), _("Class"),
				      _("Risk group"), _("Individual route"), _("Extra lessons") };
	const int widths[NEDIT] = { 30, 30, 30, 12, 6, 4, 4, 4 };
	char *values[NEDIT] = { 0 };
	const char *yes = _("yes"), *no = _("no");
	if (p) {
		values[E_LAST] = xstrdup(p->last_name);
		values[E_FIRST] = xstrdup(p->first_name);
		values[E_MIDDLE] = xstrdup(p->middle_name);
		values[E_CODE] = xstrdup(p->code);
		values[E_CLASS] = xstrdup(p->class_label);
		values[E_RISK] = xstrdup(p->risk_group ? yes : no);
		values[E_ROUTE] = xstrdup(p->individual_route ? yes : no);
		values[E_EXTRA] = xstrdup(p->extra_lessons ? yes : no);
	} else {
		for (int i = 0; i < NEDIT; i++)
			values[i] = xstrdup(i >= E_RISK ? no : "");
	}
	struct edit_ctx ctx = { p ? p->id : 0 };
	if (ui_form_run(p ? _("Pupil") : _("New pupil"), labels, widths, values, NEDIT, check_pupil, &ctx) == 1) {
		student st = { .id = ctx.id, .last_name = values[E_LAST], .first_name = values[E_FIRST],
			       .middle_name = values[E_MIDDLE], .code = values[E_CODE] };
		int grade;
		char *letter = NULL, *err = NULL, *code = NULL;
		cell_class(values[E_CLASS], &grade, &letter);
		cell_yesno(values[E_RISK], &st.risk_group);
		cell_yesno(values[E_ROUTE], &st.individual_route);
		cell_yesno(values[E_EXTRA], &st.extra_lessons);
		int ok = (st.class_id = db_class_ensure(ui.db, grade, letter, &err)) > 0;
		if (ok && !*st.code) {
			long last = db_student_last_generated(ui.db, &err);
			ok = last >= 0;
			st.code = code = xasprintf("У%05ld", last + 1);
		}
		if (ok && db_student_save(ui.db, &st, &err) == 0)
			ui_message(p ? _("Saved.") : _("Added."));
		else
			ui_error("%s", err ? err : "?");
		free(err);
		free(letter);
		free(code);
		reload(s);
	}
	for (int i = 0; i < NEDIT; i++)
		free(values[i]);
}

static void move_class(struct state *s, const pupil_item *p)
{
	class_item *c;
	size_t n;
	char *err = NULL;
	if (db_class_list(ui.db, &c, &n, &err) != 0) {
		ui_error("%s", err);
		free(err);
		return;
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
}

static void delete(struct state *s, const pupil_item *p)
{
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
}

static void new_year(struct state *s)
{
	year_move *v;
	size_t n;
	char *last = NULL, *err = NULL;
	if (schoolyear_preview(ui.db, &v, &n, &last, &err) != 0) {
		ui_error("%s", err);
		free(err);
		return;
	}
	char *text = xstrdup(_("Every class moves up a grade. Pupils of grades 9 and 11 are marked as having "
			       "left; their results stay. Pupils of grade 9 who stay for grade 10 can then be "
			       "moved back with F6.\n"));
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
		char *t = xasprintf(_("%s\n\nThe last move was made on %s."), text, last);
		free(text);
		text = t;
	}
	ui_show_text(_("New school year: what will change"), text);
	if (n && ui_confirm(_("Move every class up a grade now?"))) {
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
}

static ui_result key(ui_screen *scr, int ch, int fk)
{
	struct state *s = scr->data;
	const pupil_item *p = s->n ? &s->v[s->row] : NULL;
	if (ui_is_enter(ch, fk)) {
		if (p)
			edit(s, p);
		return UI_REDRAW;
	}
	int typed = ui_search_key(s->search, sizeof s->search, ch, fk);
	if (typed >= 0) {
		if (typed) {
			s->row = 0;
			reload(s);
		}
		return UI_HANDLED;
	}
	if (!fk)
		return UI_UNHANDLED;
	if (ui_list_key(&s->row, s->n, ch))
		return UI_HANDLED;
	if (ch == KEY_F(3)) {
		s->which = (s->which + 1) % 3;
		s->row = 0;
		reload(s);
	} else if (ch == KEY_F(4) && p) {
		edit(s, p);
	} else if (ch == KEY_F(5)) {
		ui_push(scr_import_new());
		s->stale = 1;
	} else if (ch == KEY_F(6) && p) {
		move_class(s, p);
	} else if (ch == KEY_F(7)) {
		edit(s, NULL);
	} else if (ch == KEY_F(8) && p) {
		delete(s, p);
	} else if (ch == KEY_F(9)) {
		new_year(s);
	} else {
		return UI_UNHANDLED;
	}
	return UI_REDRAW;
}

static void destroy(ui_screen *scr)
{
	struct state *s = scr->data;
	pupil_list_free(s->v, s->n);
	free(s);
	free(scr);
}

ui_screen *scr_pupils_new(void)
{
	struct state *s = xcalloc(1, sizeof *s);
	reload(s);
	ui_screen *scr = xcalloc(1, sizeof *scr);
	scr->title = N_("Pupils and classes");
	scr->help = N_("The pupils of the school, by class.\n\n"
		       "Type to search by name or code: letters of any case, ё as е. Backspace\n"
		       "removes a letter, Esc clears the search.\n\n"
		       "F3 shows the pupils now at school, those who have left, or all.\n"
		       "Enter or F4 edits a pupil, F7 adds one, F6 moves one to another class\n"
		       "(or marks them as having left), F8 deletes one: a pupil with results is\n"
		       "never deleted, only marked as having left, so the results stay.\n\n"
		       "F9, the new school year: every class moves up a grade, and grades 9 and 11\n"
		       "leave. You see what will change before you confirm.\n\n"
		       "F5 imports a roster from a CSV file.\n\n"
		       "The marks R I E: risk group, individual route, extra lessons.");
	scr->keys[2] = NC_("key", "View");
	scr->keys[3] = NC_("key", "Edit");
	scr->keys[4] = NC_("key", "Import");
	scr->keys[5] = NC_("key", "Move");
	scr->keys[6] = NC_("key", "Add");
	scr->keys[7] = NC_("key", "Delete");
	scr->keys[8] = NC_("key", "New year");
	scr->draw = draw;
	scr->key = key;
	scr->destroy = destroy;
	scr->data = s;
	return scr;
}
