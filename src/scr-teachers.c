/* Teachers: the list with a search as you type, the shares diagnosed and
 * trained within three years (the roadmaps expect in-service training once
 * in three years), and forms to edit or add a teacher and add a course. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "day.h"
#include "scr.h"
#include "teacher.h"
#include "ui-list.h"
#include "ui-widgets.h"
#include "utf8.h"

struct state {
	teacher *v;		/* every teacher, by name */
	char **keys;		/* v's folded names, subjects and codes, for the search */
	size_t n;
	ui_list *list;
	long today;
};

/* Last, first and middle name without gaps for the missing ones (fresh). */
static char *full_name(const teacher *t)
{
	char *name = xasprintf("%s%s%s%s%s", t->last_name, *t->first_name ? " " : "", t->first_name,
			       *t->middle_name ? " " : "", t->middle_name);
	char *trimmed = cell_trim(name);
	free(name);
	if (!*trimmed) {
		free(trimmed);
		trimmed = xstrdup(t->code);
	}
	return trimmed;
}

static int diagnosed(const teacher *t)
{
	/* As the school's indicators count: a date, or a result without one. */
	return *t->diagnostics_date || *t->diagnostics_result;
}

/* A course within three years before today; exactly three years counts. */
static int trained(const teacher *t, long today)
{
	long last;
	return *t->last_course_on && day_parse(t->last_course_on, &last) == 0 && last >= today - 30000;
}

/* The rows: the teachers the search lets through. */
static void build(void *data)
{
	struct state *s = data;
	const char *search = ui_list_search(s->list);
	char *want = utf8_fold(search, strlen(search));
	ui_list_begin(s->list);
	for (size_t i = 0; i < s->n; i++)
		if (!*want || strstr(s->keys[i], want))
			ui_list_add(s->list, i);
	ui_list_end(s->list);
	free(want);
	ui_list_set_empty(s->list, *search ? _("Nobody matches the search.")
					   : _("No teachers yet: F7 adds one, F5 imports the staff list."));
}

static void free_list(struct state *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->keys[i]);
	free(s->keys);
	teacher_list_free(s->v, s->n);
	s->keys = NULL;
	s->v = NULL;
	s->n = 0;
}

static void reload(void *data)
{
	struct state *s = data;
	char *err = NULL;
	free_list(s);
	if (db_teacher_list(ui.db, &s->v, &s->n, &err) != 0) {
		ui_error("%s", err);
		free(err);
	}
	s->keys = xcalloc(s->n + 1, sizeof *s->keys);
	for (size_t i = 0; i < s->n; i++) {
		const teacher *t = &s->v[i];
		char *text = xasprintf("%s %s %s %s %s", t->last_name, t->first_name, t->middle_name, t->subjects,
				       t->code);
		s->keys[i] = utf8_fold(text, strlen(text));
		free(text);
	}
	s->today = day_today();
	build(s);
}

/* Puts the selection on the teacher id, if the search shows them. */
static void select_id(struct state *s, long id)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].id == id)
			ui_list_select(s->list, i);
}

/* The columns: name and subjects share what the dates and the mark leave. */
static void columns(int x, int width, int *xsubj, int *xdiag, int *xcourse, int *xmark)
{
	*xmark = x + width - 12;
	*xcourse = *xmark - 11;
	*xdiag = *xcourse - 12;
	int flex = *xdiag - x;
	*xsubj = x + flex - flex * 2 / 5;
}

static void header(void *ctx, WINDOW *w, int y, int x, int width)
{
	(void)ctx;
	int xsubj, xdiag, xcourse, xmark;
	columns(x, width, &xsubj, &xdiag, &xcourse, &xmark);
	ui_put(w, y, x, xsubj - x - 1, _("Teacher"));
	ui_put(w, y, xsubj, xdiag - xsubj - 1, _("Subjects"));
	ui_put(w, y, xdiag, xcourse - xdiag - 1, _("Diagnostics"));
	ui_put(w, y, xcourse, xmark - xcourse - 1, _("Course"));
}

static void row(void *ctx, WINDOW *w, int y, int x, int width, size_t item, int cur, attr_t base)
{
	const struct state *s = ctx;
	const teacher *t = &s->v[item];
	int xsubj, xdiag, xcourse, xmark;
	columns(x, width, &xsubj, &xdiag, &xcourse, &xmark);
	char *name = full_name(t);
	ui_put(w, y, x, xsubj - x - 1, name);
	free(name);
	ui_put(w, y, xsubj, xdiag - xsubj - 1, t->subjects);
	char *d = *t->diagnostics_date ? day_text_of(t->diagnostics_date)
		: xstrdup(*t->diagnostics_result ? _("no date") : "—");
	ui_put(w, y, xdiag, xcourse - xdiag - 1, d);
	free(d);
	char *c = *t->last_course_on ? day_text_of(t->last_course_on) : xstrdup("—");
	ui_put(w, y, xcourse, xmark - xcourse - 1, c);
	free(c);
	if (!trained(t, s->today)) {
		if (!cur)
			wattrset(w, ui_attr(UA_ERROR));
		ui_put(w, y, xmark, x + width - xmark, _("training due"));
		wattrset(w, base);
	}
}

/* Everything the row shortens or leaves out, under the list. */
static char *detail(void *ctx, size_t item)
{
	const struct state *s = ctx;
	const teacher *t = &s->v[item];
	char *name = full_name(t), *said;
	if (diagnosed(t)) {
		char *day = *t->diagnostics_date ? day_text_of(t->diagnostics_date) : xstrdup(_("no date"));
		said = *t->diagnostics_result ? xasprintf(_("diagnostics %s: %s"), day, t->diagnostics_result)
					      : xasprintf(_("diagnostics %s"), day);
		free(day);
	} else {
		said = xstrdup(_("no diagnostics"));
	}
	char *text = xasprintf(_("%s, code %s · %s · %s%s"), name, t->code, *t->subjects ? t->subjects : "—", said,
			       t->young_specialist ? _(" · young specialist") : "");
	free(name), free(said);
	return text;
}

static void draw(ui_screen *scr, WINDOW *w)
{
	struct state *s = scr->data;
	curs_set(0);
	size_t ndiag = 0, ntrain = 0;
	for (size_t i = 0; i < s->n; i++) {
		ndiag += diagnosed(&s->v[i]);
		ntrain += trained(&s->v[i], s->today);
	}
	char *head = xasprintf(_("Diagnosed: %zu of %zu; trained within 3 years: %zu of %zu"), ndiag, s->n, ntrain,
			       s->n);
	wattrset(w, ui_attr(UA_HEAD));
	ui_put(w, 0, 1, getmaxx(w) - 2, head);
	wattrset(w, A_NORMAL);
	free(head);
	ui_list_draw(s->list, w, 1, getmaxy(w) - 1);
}

static const teacher *current(const struct state *s)
{
	size_t i;
	return ui_list_current(s->list, &i) ? &s->v[i] : NULL;
}

enum { E_LAST, E_FIRST, E_MIDDLE, E_CODE, E_SUBJ, E_DDATE, E_DRESULT, E_YOUNG, NEDIT };

static int check_teacher(void *ctx, char *const *v, int *field, char **msg)
{
	enum teacher_field f;
	long day;
	if (teacher_check(ui.db, *(const long *)ctx, v[E_LAST], v[E_CODE], &f, msg) != 0) {
		*field = f == TEACHER_CODE ? E_CODE : E_LAST;
		return -1;
	}
	if (teacher_day(v[E_DDATE], &day, msg) != 0) {
		*field = E_DDATE;
		return -1;
	}
	return 0;
}

/* The add and edit form; t is NULL to add. */
static void edit(struct state *s, const teacher *t)
{
	const ui_field fields[NEDIT] = {
		{ _("Last name"), 30, UI_FIELD_TEXT, NULL }, { _("First name"), 30, UI_FIELD_TEXT, NULL },
		{ _("Middle name"), 30, UI_FIELD_TEXT, NULL }, { _("Code"), 12, UI_FIELD_TEXT, NULL },
		{ _("Subjects"), 0, UI_FIELD_TEXT, NULL }, { _("Diagnostics date"), 10, UI_FIELD_DATE, NULL },
		{ _("Diagnostics result"), 0, UI_FIELD_TEXT, NULL }, { _("Young specialist"), 0, UI_FIELD_YESNO, NULL },
	};
	char *values[NEDIT] = {
		xstrdup(t ? t->last_name : ""), xstrdup(t ? t->first_name : ""), xstrdup(t ? t->middle_name : ""),
		xstrdup(t ? t->code : ""), xstrdup(t ? t->subjects : ""),
		t && *t->diagnostics_date ? day_text_of(t->diagnostics_date) : xstrdup(""),
		xstrdup(t ? t->diagnostics_result : ""), xstrdup(ui_yesno_text(t && t->young_specialist)),
	};
	long id = t ? t->id : 0;
	if (ui_form_run(t ? _("Teacher") : _("New teacher"), fields, values, NEDIT, check_teacher, &id) == 1) {
		long day = 0, last = -1;
		char *err = NULL, *msg = NULL;
		teacher_day(values[E_DDATE], &day, &msg);
		char *iso = day_iso(day);
		teacher nt = { .id = id, .code = values[E_CODE], .last_name = values[E_LAST],
			       .first_name = values[E_FIRST], .middle_name = values[E_MIDDLE], .subjects = values[E_SUBJ],
			       .diagnostics_date = iso, .diagnostics_result = values[E_DRESULT] };
		cell_yesno(values[E_YOUNG], &nt.young_specialist);
		if (teacher_save(ui.db, &nt, &last, &err) == 0) {
			ui_message(t ? _("Saved.") : _("Added."));
			reload(s);
			select_id(s, nt.id);
		} else {
			ui_error("%s", err);
			reload(s);
		}
		free(err), free(msg), free(iso);
	}
	for (int i = 0; i < NEDIT; i++)
		free(values[i]);
}

enum { C_TOPIC, C_HOURS, C_DATE, C_ORG, NCOURSE };

struct course_ctx {
	long hours;		/* -1: not given */
	long day;
};

static int check_course(void *vctx, char *const *v, int *field, char **msg)
{
	struct course_ctx *c = vctx;
	static const int at[] = { [COURSE_TOPIC] = C_TOPIC, [COURSE_HOURS] = C_HOURS, [COURSE_DATE] = C_DATE };
	enum course_field f;
	if (!*v[C_TOPIC]) {
		*field = C_TOPIC;
		*msg = xstrdup(_("Write the course's topic."));
		return -1;
	}
	if (!*v[C_DATE]) {
		*field = C_DATE;
		*msg = xstrdup(_("Write the day the course ended, like 15.04.2026."));
		return -1;
	}
	if (teacher_course_check(v[C_TOPIC], v[C_HOURS], v[C_DATE], &c->hours, &c->day, &f, msg) != 0) {
		*field = at[f];
		return -1;
	}
	return 0;
}

static ui_result add_course(ui_screen *scr)
{
	struct state *s = scr->data;
	const teacher *t = current(s);
	if (!t)
		return UI_HANDLED;
	const ui_field fields[NCOURSE] = { { _("Topic"), 0, UI_FIELD_TEXT, NULL }, { _("Hours"), 5, UI_FIELD_TEXT, NULL },
					   { _("Ended on"), 10, UI_FIELD_DATE, NULL },
					   { _("Organization"), 0, UI_FIELD_TEXT, NULL } };
	char *values[NCOURSE] = { xstrdup(""), xstrdup(""), xstrdup(""), xstrdup("") };
	char *name = full_name(t);
	char *title = xasprintf(_("New course: %s"), name);
	free(name);
	struct course_ctx ctx = { -1, 0 };
	if (ui_form_run(title, fields, values, NCOURSE, check_course, &ctx) == 1) {
		char *topic = *values[C_ORG] ? xasprintf("%s (%s)", values[C_TOPIC], values[C_ORG])
					     : xstrdup(values[C_TOPIC]);
		char *err = NULL, *on = day_iso(ctx.day);
		long id = t->id;
		int rc = db_course_add(ui.db, id, topic, ctx.hours, on, &err);
		if (rc < 0)
			ui_error("%s", err);
		else if (rc == 0)
			ui_message(_("The teacher has this course already."));
		else
			ui_message(_("Saved."));
		free(err), free(topic), free(on);
		reload(s);
		select_id(s, id);
	}
	free(title);
	for (int i = 0; i < NCOURSE; i++)
		free(values[i]);
	return UI_REDRAW;
}

static ui_result edit_key(ui_screen *scr)
{
	struct state *s = scr->data;
	const teacher *t = current(s);
	if (t)
		edit(s, t);
	return UI_REDRAW;
}

static ui_result add_key(ui_screen *scr)
{
	edit(scr->data, NULL);
	return UI_REDRAW;
}

static void destroy(ui_screen *scr)
{
	struct state *s = scr->data;
	free_list(s);
	free(s);
}

static const ui_key keys[] = {
	{ UI_KEY_ENTER, NULL, edit_key, NULL },
	{ KEY_F(4), NC_("key", "Edit"), edit_key, NULL },
	{ KEY_F(5), NC_("key", "Import"), scr_import_open, NULL },
	{ KEY_F(6), NC_("key", "Course"), add_course, NULL },
	{ KEY_F(7), NC_("key", "Add"), add_key, NULL },
	{ 0 },
};

ui_screen *scr_teachers_new(void)
{
	struct state *s = xcalloc(1, sizeof *s);
	s->list = ui_list_new(row, s);
	ui_list_enable_search(s->list);
	ui_list_set_header(s->list, header);
	ui_list_set_detail(s->list, detail, 3);
	reload(s);
	ui_screen *scr = ui_screen_new(N_("Teachers"),
				       N_("Teachers: subjects, the diagnostics of professional competence and the latest "
					  "in-service training course. The roadmaps expect a course once in three years: "
					  "with none, or an older one, a teacher is marked «training due». The top line "
					  "gives the shares diagnosed and trained within three years.\n\n"
					  "Type to search by name, subject or code: letters of any case, ё as е. Backspace "
					  "removes a letter, Esc clears the search. The line above the list shows what is "
					  "searched for and where you are in the list; under the list, the chosen "
					  "teacher's whole name, code, subjects and diagnostics.\n\n"
					  "Enter or F4 edits a teacher: name, code, subjects, the date and the result of "
					  "the diagnostics (the deficits found), young specialist (Space switches да and "
					  "нет). F7 adds a teacher; a code left empty is made up: Т001, Т002 and on, never "
					  "from the name, for the codes go to the district in the report package. F6 adds "
					  "a course: the topic, the hours, the day it ended and the organization that gave "
					  "it. Dates are written like 15.04.2026 and cannot be later than today.\n\n"
					  "F5 imports a staff list from a CSV file; it is checked by the same rules."),
				       keys, s);
	scr->draw = draw;
	scr->destroy = destroy;
	scr->list = s->list;
	scr->rebuild = build;
	scr->reload = reload;
	return scr;
}
