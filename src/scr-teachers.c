/* Teachers: the list with a search as you type, the shares diagnosed and
 * trained within three years (the roadmaps expect in-service training once
 * in three years), and forms to edit or add a teacher and add a course. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "day.h"
#include "db.h"
#include "roadmap.h"
#include "scr.h"
#include "ui-widgets.h"
#include "utf8.h"

struct state {
	char search[128];
	teacher *v;		/* every teacher, by name */
	char **keys;		/* v's folded names, subjects and codes, for the search */
	size_t n;
	size_t *shown;		/* indices into v of those matching the search */
	size_t m, row, top;	/* row, top: within shown */
};

/* "YYYY-MM-DD" as YYYYMMDD; 0 when empty or not a date. */
static long ymd_of(const char *iso)
{
	int y, mo, d;
	if (!iso || !*iso || cell_date(iso, &y, &mo, &d) != 0)
		return 0;
	return y * 10000L + mo * 100L + d;
}

/* A stored date for people: DD.MM.YYYY, or "" (fresh). */
static char *date_text(const char *iso)
{
	long v = ymd_of(iso);
	if (!v)
		return xstrdup(iso ? iso : "");
	return cell_day_text(v);
}

/* Last, first and middle name without gaps for the missing ones (fresh). */
static char *full_name(const teacher *t)
{
	const char *parts[] = { t->last_name, t->first_name, t->middle_name };
	char *name = xstrdup("");
	for (int i = 0; i < 3; i++) {
		if (!parts[i] || !*parts[i])
			continue;
		char *next = *name ? xasprintf("%s %s", name, parts[i]) : xstrdup(parts[i]);
		free(name);
		name = next;
	}
	if (!*name) {
		free(name);
		name = xstrdup(t->code);
	}
	return name;
}

static int diagnosed(const teacher *t)
{
	/* As the school's indicators count: a date, or a result without one. */
	return *t->diagnostics_date || *t->diagnostics_result;
}

/* A course within three years before today; exactly three years counts. */
static int trained(const teacher *t, long today)
{
	long last = ymd_of(t->last_course_on);
	return last && last >= today - 30000;
}

static void apply_search(struct state *s)
{
	char *want = utf8_fold(s->search, strlen(s->search));
	s->m = 0;
	for (size_t i = 0; i < s->n; i++)
		if (!*want || strstr(s->keys[i], want))
			s->shown[s->m++] = i;
	free(want);
	if (s->row >= s->m)
		s->row = s->m ? s->m - 1 : 0;
}

static void free_list(struct state *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->keys[i]);
	free(s->keys);
	free(s->shown);
	teacher_list_free(s->v, s->n);
	s->keys = NULL;
	s->shown = NULL;
	s->v = NULL;
	s->n = s->m = 0;
}

static void reload(struct state *s)
{
	char *err = NULL;
	free_list(s);
	if (db_teacher_list(ui.db, &s->v, &s->n, &err) != 0) {
		ui_error("%s", err);
		free(err);
	}
	s->keys = xcalloc(s->n + 1, sizeof *s->keys);
	s->shown = xcalloc(s->n + 1, sizeof *s->shown);
	for (size_t i = 0; i < s->n; i++) {
		const teacher *t = &s->v[i];
		char *text = xasprintf("%s %s %s %s %s", t->last_name, t->first_name, t->middle_name, t->subjects,
				       t->code);
		s->keys[i] = utf8_fold(text, strlen(text));
		free(text);
	}
	apply_search(s);
}

/* Puts the cursor on the teacher id, if the search shows them. */
static void select_id(struct state *s, long id)
{
	for (size_t i = 0; i < s->m; i++)
		if (s->v[s->shown[i]].id == id)
			s->row = i;
}

static void draw(ui_screen *scr, WINDOW *w)
{
	struct state *s = scr->data;
	int width = getmaxx(w), height = getmaxy(w);
	long today = day_today();
	size_t ndiag = 0, ntrain = 0;
	for (size_t i = 0; i < s->n; i++) {
		ndiag += diagnosed(&s->v[i]);
		ntrain += trained(&s->v[i], today);
	}
	char *head = xasprintf(_("Diagnosed: %zu of %zu; trained within 3 years: %zu of %zu"), ndiag, s->n, ntrain,
			       s->n);
	wattrset(w, ui_attr(UA_HEAD));
	ui_put(w, 0, 1, width - 2, head);
	free(head);
	wattrset(w, A_NORMAL);
	char *search = xasprintf(_("Search: %s_"), s->search);
	ui_put(w, 1, 1, width - 2, search);
	free(search);
	/* name and subjects share what the dates and the mark leave */
	int xmark = width - 13, xcourse = xmark - 11, xdiag = xcourse - 12;
	int flex = xdiag - 1, xsubj = 1 + flex - flex * 2 / 5;
	wattrset(w, ui_attr(UA_HEAD));
	ui_put(w, 2, 1, xsubj - 2, _("Teacher"));
	ui_put(w, 2, xsubj, xdiag - xsubj - 1, _("Subjects"));
	ui_put(w, 2, xdiag, xcourse - xdiag - 1, _("Diagnostics"));
	ui_put(w, 2, xcourse, xmark - xcourse - 1, _("Course"));
	wattrset(w, A_NORMAL);
	int rows = height - 4;
	ui_legacy_list_scroll(s->row, &s->top, rows);
	for (int i = 0; i < rows && s->top + (size_t)i < s->m; i++) {
		const teacher *t = &s->v[s->shown[s->top + (size_t)i]];
		int y = 3 + i, cur = s->top + (size_t)i == s->row;
		wattrset(w, cur ? ui_attr(UA_SELECT) : A_NORMAL);
		if (cur)
			mvwhline(w, y, 0, ' ', width);
		char *name = full_name(t);
		ui_put(w, y, 1, xsubj - 2, name);
		free(name);
		ui_put(w, y, xsubj, xdiag - xsubj - 1, t->subjects);
		char *d = *t->diagnostics_date ? date_text(t->diagnostics_date)
			: xstrdup(*t->diagnostics_result ? _("no date") : "—");
		ui_put(w, y, xdiag, xcourse - xdiag - 1, d);
		free(d);
		char *c = *t->last_course_on ? date_text(t->last_course_on) : xstrdup("—");
		ui_put(w, y, xcourse, xmark - xcourse - 1, c);
		free(c);
		if (!trained(t, today)) {
			if (!cur)
				wattrset(w, ui_attr(UA_ERROR));
			ui_put(w, y, xmark, width - xmark - 1, _("training due"));
		}
	}
	wattrset(w, A_NORMAL);
	if (s->m == 0)
		ui_put(w, 4, 2, width - 4, *s->search ? _("Nobody matches the search.")
						      : _("No teachers yet: F7 adds one, or import the staff list."));
}

enum { E_LAST, E_FIRST, E_MIDDLE, E_CODE, E_SUBJ, E_DDATE, E_DRESULT, E_YOUNG, NEDIT };

struct edit_ctx {
	long id;
};

static int check_teacher(void *vctx, char *const *v, int *field, char **msg)
{
	struct edit_ctx *ctx = vctx;
	int y, mo, d, yn;
	if (!*v[E_LAST]) {
		*field = E_LAST;
		*msg = xstrdup(_("Give the teacher's last name."));
		return -1;
	}
	if (*v[E_DDATE] && cell_date(v[E_DDATE], &y, &mo, &d) != 0) {
		*field = E_DDATE;
		*msg = xstrdup(_("The date is written like 15.04.2026."));
		return -1;
	}
	if (cell_yesno(v[E_YOUNG], &yn) != 0) {
		*field = E_YOUNG;
		*msg = xstrdup(_("Write да or нет."));
		return -1;
	}
	if (*v[E_CODE]) {
		teacher other = { 0 };
		char *err = NULL;
		int found = db_teacher_find(ui.db, v[E_CODE], "", &other, &err);
		int taken = found == 1 && other.id != ctx->id;
		if (found == 1)
			teacher_clear(&other);
		if (found < 0) {
			*field = E_CODE;
			*msg = err ? err : xstrdup("?");
			return -1;
		}
		if (taken) {
			*field = E_CODE;
			*msg = xstrdup(_("Another teacher has this code."));
			return -1;
		}
	}
	return 0;
}

/* A code not yet taken: Т001, Т002, … from the number of teachers on. */
static char *new_code(size_t n, char **err)
{
	for (size_t k = n + 1;; k++) {
		char *code = xasprintf("Т%03zu", k);
		teacher other = { 0 };
		int found = db_teacher_find(ui.db, code, "", &other, err);
		if (found == 0)
			return code;
		free(code);
		if (found < 0)
			return NULL;
		teacher_clear(&other);
	}
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
	char *values[NEDIT] = { 0 };
	if (t) {
		values[E_LAST] = xstrdup(t->last_name);
		values[E_FIRST] = xstrdup(t->first_name);
		values[E_MIDDLE] = xstrdup(t->middle_name);
		values[E_CODE] = xstrdup(t->code);
		values[E_SUBJ] = xstrdup(t->subjects);
		values[E_DDATE] = date_text(t->diagnostics_date);
		values[E_DRESULT] = xstrdup(t->diagnostics_result);
		values[E_YOUNG] = xstrdup(ui_yesno_text(t->young_specialist));
	} else {
		for (int i = 0; i < NEDIT; i++)
			values[i] = xstrdup(i == E_YOUNG ? ui_yesno_text(0) : "");
	}
	struct edit_ctx ctx = { t ? t->id : 0 };
	if (ui_form_run(t ? _("Teacher") : _("New teacher"), fields, values, NEDIT, check_teacher, &ctx) == 1) {
		char *text[NEDIT] = { 0 };
		for (int i = 0; i < NEDIT; i++)
			text[i] = xstrdup(values[i]);
		int y = 0, mo = 0, d = 0;
		char *iso = *text[E_DDATE] && cell_date(text[E_DDATE], &y, &mo, &d) == 0
			? xasprintf("%04d-%02d-%02d", y, mo, d) : xstrdup("");
		teacher nt = { .id = ctx.id, .code = text[E_CODE], .last_name = text[E_LAST],
			       .first_name = text[E_FIRST], .middle_name = text[E_MIDDLE], .subjects = text[E_SUBJ],
			       .diagnostics_date = iso, .diagnostics_result = text[E_DRESULT] };
		cell_yesno(text[E_YOUNG], &nt.young_specialist);
		char *err = NULL, *code = NULL;
		int ok = 1;
		if (!*nt.code) {
			ok = (code = new_code(s->n, &err)) != NULL;
			nt.code = code;
		}
		if (ok && db_teacher_save(ui.db, &nt, &err) == 0) {
			ui_message(t ? _("Saved.") : _("Added."));
		} else {
			ui_error("%s", err ? err : "?");
			ok = 0;
		}
		free(err);
		free(code);
		free(iso);
		for (int i = 0; i < NEDIT; i++)
			free(text[i]);
		reload(s);
		if (ok)
			select_id(s, nt.id);
	}
	for (int i = 0; i < NEDIT; i++)
		free(values[i]);
}

enum { C_TOPIC, C_HOURS, C_DATE, C_ORG, NCOURSE };

struct course_ctx {
	long hours;		/* -1: not given */
	char *taken_on;		/* YYYY-MM-DD */
};

static int check_course(void *vctx, char *const *v, int *field, char **msg)
{
	struct course_ctx *c = vctx;
	int y, mo, d;
	if (!*v[C_TOPIC]) {
		*field = C_TOPIC;
		*msg = xstrdup(_("Write the course's topic."));
		return -1;
	}
	c->hours = -1;
	if (*v[C_HOURS] && (cell_int(v[C_HOURS], &c->hours) != 0 || c->hours < 1 || c->hours > 9999)) {
		*field = C_HOURS;
		*msg = xstrdup(_("The hours are a whole number, or empty."));
		return -1;
	}
	if (cell_date(v[C_DATE], &y, &mo, &d) != 0) {
		*field = C_DATE;
		*msg = xstrdup(_("The date is written like 15.04.2026."));
		return -1;
	}
	if (y * 10000L + mo * 100L + d > day_today()) {
		*field = C_DATE;
		*msg = xstrdup(_("The course cannot end later than today."));
		return -1;
	}
	free(c->taken_on);
	c->taken_on = xasprintf("%04d-%02d-%02d", y, mo, d);
	return 0;
}

static void add_course(struct state *s, const teacher *t)
{
	const ui_field fields[NCOURSE] = { { _("Topic"), 0, UI_FIELD_TEXT, NULL }, { _("Hours"), 5, UI_FIELD_TEXT, NULL },
					   { _("Date"), 10, UI_FIELD_DATE, NULL },
					   { _("Organization"), 0, UI_FIELD_TEXT, NULL } };
	char *values[NCOURSE];
	for (int i = 0; i < NCOURSE; i++)
		values[i] = xstrdup("");
	char *name = full_name(t);
	char *title = xasprintf(_("New course: %s"), name);
	free(name);
	struct course_ctx ctx = { -1, NULL };
	if (ui_form_run(title, fields, values, NCOURSE, check_course, &ctx) == 1) {
		char *topic = *values[C_ORG] ? xasprintf("%s (%s)", values[C_TOPIC], values[C_ORG])
					     : xstrdup(values[C_TOPIC]);
		char *err = NULL;
		long id = t->id;
		int rc = db_course_add(ui.db, id, topic, ctx.hours, ctx.taken_on, &err);
		if (rc < 0)
			ui_error("%s", err ? err : "?");
		else if (rc == 0)
			ui_message(_("The teacher has this course already."));
		else
			ui_message(_("Saved."));
		free(err);
		free(topic);
		reload(s);
		select_id(s, id);
	}
	free(ctx.taken_on);
	free(title);
	for (int i = 0; i < NCOURSE; i++)
		free(values[i]);
}

static ui_result key(ui_screen *scr, int ch, int fk)
{
	struct state *s = scr->data;
	const teacher *t = s->m ? &s->v[s->shown[s->row]] : NULL;
	if (ui_is_enter(ch, fk)) {
		if (t)
			edit(s, t);
		return UI_REDRAW;
	}
	int typed = ui_legacy_search_key(s->search, sizeof s->search, ch, fk);
	if (typed >= 0) {
		if (typed) {
			s->row = 0;
			apply_search(s);
		}
		return UI_HANDLED;
	}
	if (!fk)
		return UI_UNHANDLED;
	if (ui_legacy_list_key(&s->row, s->m, ch))
		return UI_HANDLED;
	if (ch == KEY_F(4) && t)
		edit(s, t);
	else if (ch == KEY_F(6) && t)
		add_course(s, t);
	else if (ch == KEY_F(7))
		edit(s, NULL);
	else
		return UI_UNHANDLED;
	return UI_REDRAW;
}

static void destroy(ui_screen *scr)
{
	struct state *s = scr->data;
	free_list(s);
	free(s);
	free(scr);
}


ui_screen *scr_teachers_new(void)
{
	struct state *s = xcalloc(1, sizeof *s);
	reload(s);
	ui_screen *scr = xcalloc(1, sizeof *scr);
	scr->title = N_("Teachers");
	scr->help = N_("Teachers: subjects, the diagnostics of professional competence and\n"
		       "the latest in-service training course. The roadmaps expect a course\n"
		       "once in three years: with none, or an older one, a teacher is marked\n"
		       "«training due». The top line gives the shares diagnosed and trained\n"
		       "within three years.\n\n"
		       "Type to search by name or subject: letters of any case, ё as е.\n"
		       "Backspace removes a letter, Esc clears the search.\n\n"
		       "Enter or F4 edits a teacher: name, code, subjects, the date and the\n"
		       "result of the diagnostics (the deficits found), young specialist.\n"
		       "F7 adds a teacher; an empty code is made up (Т001, Т002, …).\n"
		       "F6 adds a course: the topic, the hours, the date it ended and the\n"
		       "organization that gave it.\n\n"
		       "A staff list can also be imported: orientir import staff FILE.");
	scr->bar[3] = NC_("key", "Edit");
	scr->bar[5] = NC_("key", "Course");
	scr->bar[6] = NC_("key", "Add");
	scr->draw = draw;
	scr->key = key;
	scr->destroy = destroy;
	scr->data = s;
	return scr;
}
