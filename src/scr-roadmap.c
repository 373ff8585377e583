/* The roadmap: activities by section with a status mark and the deadline
 * as written, filters and search, each section's share done; an activity's
 * card; a timeline of the year; the roadmap's details; in the district's
 * orientir, the roadmap written onto a stick for the schools. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cell.h"
#include "common.h"
#include "roadmap-write.h"
#include "roadmap.h"
#include "scr.h"
#include "ui-folder.h"
#include "ui-widgets.h"
#include "utf8.h"

enum filter { F_ALL, F_OVERDUE, F_SOON, F_OPEN, NFILTERS };

struct line {
	int section;		/* a heading line: the activities' section_id */
	size_t act;		/* else the activity's index */
};

struct state {
	activity *v;
	size_t n;
	roadmap_info info;
	int have_info;
	enum filter filter;
	char search[128];
	struct line *lines;
	size_t nlines, row, top;
	long today;
	int stale;
	int district;		/* the district office's orientir */
	char *dest;		/* where the roadmap was last written */
};

static int matches(const struct state *s, const activity *a)
{
	switch (s->filter) {
	case F_OVERDUE: if (!activity_overdue(a, s->today)) return 0; break;
	case F_SOON: if (!activity_due_soon(a, s->today, 30)) return 0; break;
	case F_OPEN: if (!strcmp(a->status, "done") || !strcmp(a->status, "cancelled")) return 0; break;
	default: break;
	}
	if (!*s->search)
		return 1;
	char *hay = xasprintf("%s %s %s", a->number, a->title, a->responsible);
	char *fh = utf8_fold(hay, strlen(hay)), *fn = utf8_fold(s->search, strlen(s->search));
	int hit = strstr(fh, fn) != NULL;
	free(hay), free(fh), free(fn);
	return hit;
}

static void build(struct state *s)
{
	free(s->lines);
	s->lines = NULL;
	s->nlines = 0;
	long section = -1;
	for (size_t i = 0; i < s->n; i++) {
		if (!matches(s, &s->v[i]))
			continue;
		s->lines = xrealloc(s->lines, (s->nlines + 2) * sizeof *s->lines);
		if (s->v[i].section_id != section) {
			section = s->v[i].section_id;
			s->lines[s->nlines++] = (struct line){ .section = 1, .act = i };
		}
		s->lines[s->nlines++] = (struct line){ .section = 0, .act = i };
	}
	if (s->row >= s->nlines)
		s->row = s->nlines ? s->nlines - 1 : 0;
}

static void reload(struct state *s)
{
	char *err = NULL;
	activity_list_free(s->v, s->n);
	s->v = NULL;
	s->n = 0;
	if (s->have_info)
		roadmap_info_clear(&s->info);
	s->today = today_ymd();
	s->have_info = roadmap_covering(ui.db, s->today, &s->info, &err) == 1;
	if (s->have_info && db_activity_list(ui.db, s->info.id, &s->v, &s->n, &err) != 0) {
		ui_error("%s", err);
		free(err);
	}
	build(s);
}

/* The share done of a section, cancelled activities left out. */
static int section_done(const struct state *s, long section_id, int *done, int *total)
{
	*done = *total = 0;
	for (size_t i = 0; i < s->n; i++) {
		if (s->v[i].section_id != section_id || !strcmp(s->v[i].status, "cancelled"))
			continue;
		(*total)++;
		*done += !strcmp(s->v[i].status, "done");
	}
	return *total ? *done * 100 / *total : 0;
}

static const char *mark(const activity *a)
{
	if (!strcmp(a->status, "done")) return "[x]";
	if (!strcmp(a->status, "in_progress")) return "[~]";
	if (!strcmp(a->status, "not_done")) return "[-]";
	if (!strcmp(a->status, "cancelled")) return "[/]";
	return "[ ]";
}

static void draw(ui_screen *scr, WINDOW *w)
{
	struct state *s = scr->data;
	if (s->stale) {
		s->stale = 0;
		reload(s);
	}
	int width = getmaxx(w), height = getmaxy(w);
	static const char *const names[] = { N_("all activities"), N_("overdue"), N_("due within 30 days"),
					     N_("not done yet") };
	if (!s->have_info) {
		ui_put(w, 1, 2, width - 4, _("No roadmap yet: F7 imports the district's table from a file."));
		return;
	}
	char *years = roadmap_years_text(s->info.first_year, s->info.last_year);
	char *head = xasprintf(_("%s (%s) · %s · search: %s_"), *s->info.title ? s->info.title : s->info.source, years,
			       _(names[s->filter]), s->search);
	free(years);
	wattrset(w, ui_attr(UA_HEAD));
	ui_put(w, 0, 1, width - 2, head);
	wattrset(w, A_NORMAL);
	free(head);
	int rows = height - 2, dw = width >= 100 ? 30 : 20;
	ui_list_scroll(s->row, &s->top, rows);
	for (int i = 0; i < rows && s->top + (size_t)i < s->nlines; i++) {
		const struct line *l = &s->lines[s->top + (size_t)i];
		const activity *a = &s->v[l->act];
		int y = 2 + i, cur = s->top + (size_t)i == s->row;
		if (l->section) {
			int done, total, pct = section_done(s, a->section_id, &done, &total);
			char *t = a->section_id ? xasprintf(_("%s %s — done %d%% (%d of %d)"), a->section_number,
							    a->section_title, pct, done, total)
						: xasprintf(_("Without a section — done %d%% (%d of %d)"), pct, done, total);
			wattrset(w, cur ? ui_attr(UA_SELECT) | A_BOLD : ui_attr(UA_HEAD));
			if (cur)
				mvwhline(w, y, 0, ' ', width);
			ui_put(w, y, 1, width - 2, t);
			free(t);
			continue;
		}
		int over = activity_overdue(a, s->today);
		wattrset(w, cur ? ui_attr(UA_SELECT) : over ? ui_attr(UA_ERROR) : A_NORMAL);
		if (cur)
			mvwhline(w, y, 0, ' ', width);
		mvwaddstr(w, y, 2, mark(a));
		ui_put(w, y, 6, 6, a->number);
		ui_put(w, y, 13, width - 15 - dw, a->title);
		ui_put(w, y, width - dw - 1, dw, over ? _("overdue!") : a->deadline_text);
	}
	wattrset(w, A_NORMAL);
	if (s->nlines == 0)
		ui_put(w, 3, 2, width - 4, _("No activity matches the filter or the search."));
}

/* --- an activity's card --- */

struct card {
	struct state *list;
	size_t act;
	event_item *events;
	size_t nevents;
};

static char *day_text(long ymd)
{
	return ymd ? xasprintf("%02ld.%02ld.%04ld", ymd % 100, ymd / 100 % 100, ymd / 10000) : xstrdup("—");
}

static void card_events(struct card *c)
{
	char *err = NULL;
	event_list_free(c->events, c->nevents);
	c->events = NULL;
	c->nevents = 0;
	if (db_event_list(ui.db, c->list->v[c->act].id, &c->events, &c->nevents, &err) != 0) {
		ui_error("%s", err);
		free(err);
	}
}

static void card_draw(ui_screen *scr, WINDOW *w)
{
	struct card *c = scr->data;
	const activity *a = &c->list->v[c->act];
	int width = getmaxx(w), y = 0;
	char *from = day_text(a->start), *to = day_text(a->end);
	char *window = a->start ? xasprintf(_("%s (from %s to %s%s%s)"), a->deadline_text, from, to,
					    *a->recurrence ? ", " : "", *a->recurrence ? a->recurrence : "")
				: xasprintf(_("%s (no date: never overdue)"), a->deadline_text);
	char *people = a->participants >= 0 ? xasprintf("%ld", a->participants) : xstrdup("—");
	const char *labels[] = { _("Section"), _("Activity"), _("Deadline"), _("Responsible"), _("Expected result"),
				 _("Status"), _("Done on"), _("What was done"), _("Participants") };
	char *section = xasprintf("%s %s", a->section_number, a->section_title);
	char *num = xasprintf("%s %s", a->number, a->title);
	const char *values[] = { section, num, window, a->responsible, a->expected_result,
				 activity_status_title(a->status), *a->done_on ? a->done_on : "—",
				 *a->evidence ? a->evidence : "—", people };
	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
		wattrset(w, ui_attr(UA_HEAD));
		ui_put(w, y, 1, 18, labels[i]);
		wattrset(w, i == 5 && activity_overdue(a, c->list->today) ? ui_attr(UA_ERROR) : A_NORMAL);
		/* Long texts take up to three lines. */
		const char *p = values[i];
		for (int k = 0; k < 3 && *p; k++) {
			size_t fit = utf8_fit(p, width - 22);
			char *part = xstrndup(p, fit);
			ui_put(w, y++, 20, width - 21, part);
			free(part);
			p += fit;
		}
		if (!*values[i])
			y++;
	}
	wattrset(w, ui_attr(UA_HEAD));
	char *ev = xasprintf(ngettext("%zu methodical event linked:", "%zu methodical events linked:",
				      (unsigned long)c->nevents), c->nevents);
	ui_put(w, ++y, 1, width - 2, ev);
	free(ev);
	wattrset(w, A_NORMAL);
	for (size_t i = 0; i < c->nevents && y + 2 < getmaxy(w); i++) {
		char *e = c->events[i].participants >= 0
			? xasprintf(_("%s  %s: %s (%ld participants)"), c->events[i].held_on, c->events[i].kind,
				    c->events[i].topic, c->events[i].participants)
			: xasprintf("%s  %s: %s", c->events[i].held_on, c->events[i].kind, c->events[i].topic);
		ui_put(w, ++y, 3, width - 4, e);
		free(e);
	}
	free(from), free(to), free(window), free(people), free(section), free(num);
}

static int check_progress(void *ctx, char *const *v, int *field, char **msg)
{
	(void)ctx;
	int y, m, d;
	long n;
	if (*v[0] && cell_date(v[0], &y, &m, &d) != 0) {
		*field = 0;
		*msg = xstrdup(_("The date is written like 15.04.2026."));
		return -1;
	}
	if (*v[2] && (cell_int(v[2], &n) != 0 || n < 0)) {
		*field = 2;
		*msg = xstrdup(_("The number of participants is a whole number."));
		return -1;
	}
	return 0;
}

static void edit_progress(struct card *c)
{
	activity *a = &c->list->v[c->act];
	static const char *const codes[] = { "planned", "in_progress", "done", "not_done", "cancelled" };
	char *titles[5];
	int current = 0;
	for (int i = 0; i < 5; i++) {
		titles[i] = xstrdup(activity_status_title(codes[i]));
		if (!strcmp(a->status, codes[i]))
			current = i;
	}
	int st = ui_pick(_("Status"), titles, 5, current);
	for (int i = 0; i < 5; i++)
		free(titles[i]);
	if (st < 0)
		return;
	const char *labels[] = { _("Done on"), _("What was done"), _("Participants") };
	const int widths[] = { 10, 60, 5 };
	int y, m, d;
	char *values[3] = { NULL, xstrdup(a->evidence), a->participants >= 0 ? xasprintf("%ld", a->participants) : xstrdup("") };
	if (*a->done_on && cell_date(a->done_on, &y, &m, &d) == 0)
		values[0] = xasprintf("%02d.%02d.%04d", d, m, y);
	else if (!strcmp(codes[st], "done"))
		values[0] = day_text(today_ymd());
	else
		values[0] = xstrdup("");
	if (ui_form_run(_("Progress"), labels, widths, values, 3, check_progress, NULL) == 1) {
		free(a->status);
		a->status = xstrdup(codes[st]);
		free(a->done_on);
		a->done_on = cell_date(values[0], &y, &m, &d) == 0 ? xasprintf("%04d-%02d-%02d", y, m, d) : xstrdup("");
		free(a->evidence);
		a->evidence = xstrdup(values[1]);
		long n = -1;
		if (*values[2])
			cell_int(values[2], &n);
		a->participants = n;
		char *err = NULL;
		if (db_activity_save_progress(ui.db, a, &err) != 0) {
			ui_error("%s", err);
			free(err);
		} else {
			ui_message(_("Saved."));
		}
		c->list->stale = 1;
	}
	for (int i = 0; i < 3; i++)
		free(values[i]);
}

static int check_event(void *ctx, char *const *v, int *field, char **msg)
{
	(void)ctx;
	int y, m, d;
	long n;
	if (cell_date(v[0], &y, &m, &d) != 0) {
		*field = 0;
		*msg = xstrdup(_("The date is written like 15.04.2026."));
		return -1;
	}
	if (!*v[1]) {
		*field = 1;
		*msg = xstrdup(_("Say what kind of event it was (seminar, consultation…)."));
		return -1;
	}
	if (*v[3] && (cell_int(v[3], &n) != 0 || n < 0)) {
		*field = 3;
		*msg = xstrdup(_("The number of participants is a whole number."));
		return -1;
	}
	return 0;
}

static void add_event(struct card *c)
{
	const char *labels[] = { _("Date"), _("Kind"), _("Topic"), _("Participants") };
	const int widths[] = { 10, 24, 50, 5 };
	char *values[4] = { day_text(today_ymd()), xstrdup(_("seminar")), xstrdup(""), xstrdup("") };
	if (ui_form_run(_("Methodical event"), labels, widths, values, 4, check_event, NULL) == 1) {
		int y, m, d;
		long n = -1;
		cell_date(values[0], &y, &m, &d);
		if (*values[3])
			cell_int(values[3], &n);
		event_item e = { .held_on = xasprintf("%04d-%02d-%02d", y, m, d), .kind = values[1], .topic = values[2],
				 .participants = n, .activity_id = c->list->v[c->act].id };
		char *err = NULL;
		if (db_event_save(ui.db, &e, &err) != 0) {
			ui_error("%s", err);
			free(err);
		} else {
			ui_message(_("The event is recorded."));
		}
		free(e.held_on);
		card_events(c);
		c->list->stale = 1;
	}
	for (int i = 0; i < 4; i++)
		free(values[i]);
}

static ui_result card_key(ui_screen *scr, int ch, int fk)
{
	struct card *c = scr->data;
	if (ui_is_enter(ch, fk) || (fk && (ch == KEY_F(2) || ch == KEY_F(4)))) {
		edit_progress(c);
		return UI_REDRAW;
	}
	if (fk && ch == KEY_F(7)) {
		add_event(c);
		return UI_REDRAW;
	}
	return UI_UNHANDLED;
}

static void card_destroy(ui_screen *scr)
{
	struct card *c = scr->data;
	event_list_free(c->events, c->nevents);
	free(c);
	free(scr);
}

static ui_screen *card_new(struct state *list, size_t act)
{
	struct card *c = xcalloc(1, sizeof *c);
	c->list = list;
	c->act = act;
	card_events(c);
	ui_screen *scr = xcalloc(1, sizeof *scr);
	scr->title = N_("Activity");
	scr->help = N_("An activity of the roadmap: what it asks, by when, who answers for it,\n"
		       "and what the school has done.\n\n"
		       "Enter or F4 records progress: the status (planned, in progress, done,\n"
		       "not done, cancelled), the date it was done, what was done (the evidence\n"
		       "for the report) and how many took part. F7 records a methodical event\n"
		       "(a seminar, a consultation…) held for this activity.");
	scr->keys[3] = NC_("key", "Progress");
	scr->keys[6] = NC_("key", "Event");
	scr->draw = card_draw;
	scr->key = card_key;
	scr->destroy = card_destroy;
	scr->data = c;
	return scr;
}

/* --- the timeline --- */

struct timeline {
	struct state *list;
	int year;
	size_t top;
};

static void timeline_draw(ui_screen *scr, WINDOW *w)
{
	struct timeline *t = scr->data;
	const struct state *s = t->list;
	int width = getmaxx(w), height = getmaxy(w);
	int label = width - 12 * 4 - 2 > 40 ? 40 : width - 12 * 4 - 2, x0 = label + 1;
	int mw = (width - x0 - 1) / 12;
	if (mw < 2)
		mw = 2;
	static const char *const months[] = { N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
					      N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec") };
	char *head = xasprintf(_("Timeline of %d (Left, Right: another year)"), t->year);
	wattrset(w, ui_attr(UA_HEAD));
	ui_put(w, 0, 1, width - 2, head);
	free(head);
	int this_month = s->today / 10000 == t->year ? (int)(s->today / 100 % 100) : 0;
	for (int m = 0; m < 12; m++) {
		wattrset(w, m + 1 == this_month ? ui_attr(UA_SELECT) : ui_attr(UA_HEAD));
		ui_put(w, 1, x0 + m * mw, mw, _(months[m]));
	}
	wattrset(w, A_NORMAL);
	int rows = height - 3, y = 2;
	size_t shown = 0;
	for (size_t i = 0; i < s->n && y < 2 + rows; i++) {
		const activity *a = &s->v[i];
		long from = a->start, to = a->end;
		if (!from || from / 10000 > t->year || to / 10000 < t->year)
			continue;
		if (shown++ < t->top)
			continue;
		char *l = xasprintf("%s %s", a->number, a->title);
		ui_put(w, y, 1, label - 1, l);
		free(l);
		int m1 = from / 10000 < t->year ? 1 : (int)(from / 100 % 100);
		int m2 = to / 10000 > t->year ? 12 : (int)(to / 100 % 100);
		attr_t at = activity_overdue(a, s->today) ? ui_attr(UA_BAR_BAD)
			  : !strcmp(a->status, "done") ? ui_attr(UA_BAR_GOOD) : ui_attr(UA_BAR_MID);
		for (int m = 1; m <= 12; m++) {
			int on = m >= m1 && m <= m2;
			wattrset(w, on ? at : (m == this_month ? ui_attr(UA_SELECT) : A_NORMAL));
			for (int k = 0; k < mw; k++)
				mvwaddch(w, y, x0 + (m - 1) * mw + k, on ? (has_colors() ? ' ' : '#') : (k == 0 ? ACS_VLINE : ' '));
		}
		wattrset(w, A_NORMAL);
		y++;
	}
	if (shown == 0)
		ui_put(w, 3, 2, width - 4, _("No activity with a date falls in this year."));
}

static ui_result timeline_key(ui_screen *scr, int ch, int fk)
{
	struct timeline *t = scr->data;
	if (!fk)
		return UI_UNHANDLED;
	switch (ch) {
	case KEY_LEFT: t->year--; t->top = 0; return UI_REDRAW;
	case KEY_RIGHT: t->year++; t->top = 0; return UI_REDRAW;
	case KEY_DOWN: t->top++; return UI_REDRAW;
	case KEY_UP: if (t->top) t->top--; return UI_REDRAW;
	}
	return UI_UNHANDLED;
}

static void timeline_destroy(ui_screen *scr)
{
	free(scr->data);
	free(scr);
}

static ui_screen *timeline_new(struct state *list)
{
	struct timeline *t = xcalloc(1, sizeof *t);
	t->list = list;
	t->year = (int)(list->today / 10000);
	if (list->have_info && (t->year < list->info.first_year || t->year > list->info.last_year))
		t->year = list->info.first_year;
	ui_screen *scr = xcalloc(1, sizeof *scr);
	scr->title = N_("Timeline");
	scr->help = N_("The year at a glance: a bar for each activity over the months of its\n"
		       "deadline; this month is marked. Red bars are overdue, green ones done.\n"
		       "Activities whose deadline names no date are not shown.\n\n"
		       "Left and Right show another year; Up and Down scroll.");
	scr->draw = timeline_draw;
	scr->key = timeline_key;
	scr->destroy = timeline_destroy;
	scr->data = t;
	return scr;
}

static void show_details(struct state *s)
{
	if (!s->have_info)
		return;
	char *years = roadmap_years_text(s->info.first_year, s->info.last_year);
	char *text = xasprintf(_("Title: %s\nYears: %s\nImported from %s on %s.\n\n%s"),
			       *s->info.title ? s->info.title : "—", years, s->info.source, s->info.imported_at,
			       s->info.preamble);
	free(years);
	ui_show_text(_("The roadmap"), text);
	free(text);
}

/* The district's roadmap onto a stick or into a folder, as the table the
 * schools import (roadmap-YEARS.csv, for Russian Excel). */
static void write_file(struct state *s)
{
	rm_table t;
	char *err = NULL, *where = NULL;
	int have = s->have_info ? roadmap_write_load(ui.db, &s->info, &t, &err) : 0;
	if (have <= 0) {
		ui_error("%s", have < 0 ? err : _("There is no roadmap to write yet: import the district's table first."));
		free(err);
		return;
	}
	char *name = roadmap_write_name(&t);
	rm_table_free(&t);
	char *dir = ui_folder_pick(_("Where to write the roadmap"), s->dest);
	if (dir) {
		free(s->dest);
		s->dest = dir;
		char *path = xasprintf("%s/%s", dir, name);
		char *q = xasprintf(_("%s is already there. Write the roadmap in its place?"), name);
		if (access(path, F_OK) != 0 || ui_confirm(q)) {
			roadmap_written w;
			if (roadmap_write(ui.db, &s->info, dir, &csv_excel_ru, &where, &w, &err) != 0)
				ui_error("%s", err);
			else if (w.nlost)
				ui_error(_("Written to %s, but a school importing it would not get exactly this: %s"), where,
					 w.lost[0]);
			else
				ui_message(_("Written and checked: %s"), where);
			roadmap_written_clear(&w);
		}
		free(path), free(q);
	}
	free(name), free(err), free(where);
}

/* The file the picker chose, to the roadmap's check and import; the list
 * is read again once it is imported. */
static ui_screen *import_chosen(const char *path, void *ctx)
{
	struct state *s = ctx;
	return scr_rmimport_new(path, &s->stale);
}

static void import_file(struct state *s)
{
	ui_screen *scr = scr_import_pick_new(import_chosen, s);
	scr->title = N_("Import the roadmap");
	scr->help = N_("Choose the roadmap's table: a CSV file saved from the district's order\n"
		       "(№, Мероприятие, Сроки, Ответственные, Ожидаемый результат), or one\n"
		       "orientir wrote. USB sticks are listed first; F5 looks for them again.\n"
		       "Enter opens a folder or chooses a file; Backspace goes up a folder.\n\n"
		       "Next come the roadmap's years and title (a file orientir wrote states\n"
		       "them), then the check: nothing changes until you press F2 there.");
	ui_push(scr);
}

static ui_result key(ui_screen *scr, int ch, int fk)
{
	struct state *s = scr->data;
	if (ui_is_enter(ch, fk) || (fk && ch == KEY_F(4))) {
		if (s->nlines && !s->lines[s->row].section)
			ui_push(card_new(s, s->lines[s->row].act));
		return UI_REDRAW;
	}
	int typed = ui_search_key(s->search, sizeof s->search, ch, fk);
	if (typed >= 0) {
		if (typed) {
			s->row = 0;
			build(s);
		}
		return UI_HANDLED;
	}
	if (!fk)
		return UI_UNHANDLED;
	if (ui_list_key(&s->row, s->nlines, ch))
		return UI_HANDLED;
	if (ch == KEY_F(3)) {
		s->filter = (s->filter + 1) % NFILTERS;
		s->row = 0;
		build(s);
	} else if (ch == KEY_F(5)) {
		ui_push(timeline_new(s));
	} else if (ch == KEY_F(6)) {
		show_details(s);
	} else if (ch == KEY_F(2) && s->district) {
		write_file(s);
	} else if (ch == KEY_F(7)) {
		import_file(s);
	} else {
		return UI_UNHANDLED;
	}
	return UI_REDRAW;
}

static void destroy(ui_screen *scr)
{
	struct state *s = scr->data;
	activity_list_free(s->v, s->n);
	if (s->have_info)
		roadmap_info_clear(&s->info);
	free(s->lines);
	free(s->dest);
	free(s);
	free(scr);
}

ui_screen *scr_roadmap_new(void)
{
	struct state *s = xcalloc(1, sizeof *s);
	s->district = ui.sc.role && strcmp(ui.sc.role, "district") == 0;
	reload(s);
	ui_screen *scr = xcalloc(1, sizeof *scr);
	scr->title = N_("Roadmap");
	scr->help = N_("The district's roadmap: its activities by section, each with a mark\n"
		       "([ ] planned, [~] in progress, [x] done, [-] not done, [/] cancelled) and\n"
		       "its deadline as written; overdue ones stand out. Each section's heading\n"
		       "says how much of it is done.\n\n"
		       "F3 shows all activities, the overdue ones, those due within 30 days, or\n"
		       "those not done yet. Type to search by number, title or who answers for\n"
		       "it. Enter or F4 opens an activity's card to record what was done. F5\n"
		       "shows the timeline of the year, F6 the roadmap's title, order and tasks.\n\n"
		       "F7 imports the roadmap from a file (on a stick or in a folder): the\n"
		       "district's table, or one orientir wrote. Its years and title are asked,\n"
		       "then a check shows what would be added, changed and dropped; F2 there\n"
		       "imports it. Activities still there keep the progress recorded on them.\n\n"
		       "In the district office's orientir, F2 writes the roadmap onto a stick or\n"
		       "into a folder as the table the schools import (roadmap-YEARS.csv): they\n"
		       "get exactly this roadmap, its years and title with it.");
	if (s->district)
		scr->keys[1] = NC_("key", "Write");
	scr->keys[2] = NC_("key", "Filter");
	scr->keys[3] = NC_("key", "Open");
	scr->keys[4] = NC_("key", "Timeline");
	scr->keys[5] = NC_("key", "About");
	scr->keys[6] = NC_("key", "Import");
	scr->draw = draw;
	scr->key = key;
	scr->destroy = destroy;
	scr->data = s;
	return scr;
}
