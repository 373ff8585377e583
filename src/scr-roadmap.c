/* The roadmap: activities by section with a status mark and the deadline
 * as written, filters and search, each section's share done; an activity's
 * card; a timeline of the year; the roadmap's details; in the district's
 * orientir, the roadmap written onto a stick for the schools. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "day.h"
#include "roadmap.h"
#include "scr.h"
#include "ui-folder.h"
#include "ui-list.h"
#include "ui-text.h"
#include "ui-widgets.h"
#include "utf8.h"

enum filter { F_ALL, F_OVERDUE, F_SOON, F_OPEN, NFILTERS };

static const char *const filter_names[NFILTERS] = { N_("all activities"), N_("overdue"), N_("due within 30 days"),
						     N_("not done yet") };

/* A row of the list: an activity, or (HEADING + i) the heading of the
 * section of activity i. */
#define HEADING ((size_t)1 << 30)

struct state {
	activity *v;
	size_t n;
	roadmap_info info;	/* the roadmap shown */
	int have_info;
	long chosen_id;		/* the roadmap chosen with F8, 0: the one covering today */
	size_t nroadmaps;
	enum filter filter;
	ui_list *list;
	long today;
	int stale;
	char *dest;		/* where the roadmap was last written */
};

static int matches(const struct state *s, const activity *a, const char *folded)
{
	switch (s->filter) {
	case F_OVERDUE: if (!activity_overdue(a, s->today)) return 0; break;
	case F_SOON: if (!activity_due_soon(a, s->today, 30)) return 0; break;
	case F_OPEN: if (!strcmp(a->status, "done") || !strcmp(a->status, "cancelled")) return 0; break;
	default: break;
	}
	if (!*folded)
		return 1;
	char *hay = xasprintf("%s %s %s", a->number, a->title, a->responsible);
	char *fh = utf8_fold(hay, strlen(hay));
	int hit = strstr(fh, folded) != NULL;
	free(hay), free(fh);
	return hit;
}

/* The list's rows: each section's heading before its activities that pass
 * the filter and the search. */
static void build(void *data)
{
	struct state *s = data;
	const char *search = ui_list_search(s->list);
	char *folded = utf8_fold(search, strlen(search));
	long section = -1;
	ui_list_begin(s->list);
	for (size_t i = 0; i < s->n; i++) {
		if (!matches(s, &s->v[i], folded))
			continue;
		if (s->v[i].section_id != section) {
			section = s->v[i].section_id;
			ui_list_add_heading(s->list, HEADING + i);
		}
		ui_list_add(s->list, i);
	}
	ui_list_end(s->list);
	free(folded);
	ui_list_set_filter(s->list, _(filter_names[s->filter]));
	ui_list_set_empty(s->list, s->n ? _("No activity matches the filter or the search: F3 shows others, Esc "
					    "clears the search.")
				     : NULL);
}

/* The roadmap to show: the one chosen, while it is there, else the one
 * covering today; and its activities. */
static void reload(struct state *s)
{
	char *err = NULL;
	roadmap_item *all = NULL;
	activity_list_free(s->v, s->n);
	s->v = NULL;
	s->n = 0;
	if (s->have_info)
		roadmap_info_clear(&s->info);
	s->have_info = 0;
	s->today = day_today();
	s->nroadmaps = 0;
	roadmap_info covering;
	int have = roadmap_covering(ui.db, s->today, &covering, &err);
	if (have < 0 || roadmap_list(ui.db, s->today, &all, &s->nroadmaps, &err) != 0) {
		ui_error("%s", err);
		free(err);
		err = NULL;
	}
	long want = s->chosen_id ? s->chosen_id : have == 1 ? covering.id : 0;
	for (size_t i = 0; i < s->nroadmaps && !s->have_info; i++)
		if (all[i].info.id == want) {
			s->info = all[i].info;
			all[i].info = (roadmap_info){ 0 };
			s->have_info = 1;
		}
	if (!s->have_info && have == 1) {	/* the one chosen is gone */
		s->info = covering;
		s->have_info = 1;
		have = 0;
	}
	if (have == 1)
		roadmap_info_clear(&covering);
	roadmap_items_free(all, s->nroadmaps);
	if (s->have_info && db_activity_list(ui.db, s->info.id, &s->v, &s->n, &err) != 0) {
		ui_error("%s", err);
		free(err);
	}
	build(s);
}

static const char *mark(const activity *a)
{
	if (!strcmp(a->status, "done")) return "[x]";
	if (!strcmp(a->status, "in_progress")) return "[~]";
	if (!strcmp(a->status, "not_done")) return "[-]";
	if (!strcmp(a->status, "cancelled")) return "[/]";
	return "[ ]";
}

static void row(void *ctx, WINDOW *w, int y, int x, int width, size_t item, int cur, attr_t base)
{
	const struct state *s = ctx;
	if (item >= HEADING) {
		const activity *a = &s->v[item - HEADING];
		roadmap_progress p = roadmap_progress_of(s->v, s->n, a->section_id, s->today);
		char *t = a->section_id ? xasprintf(_("%s %s — done %d%% (%d of %d)"), a->section_number,
						    a->section_title, p.percent, p.done, p.total)
					: xasprintf(_("Without a section — done %d%% (%d of %d)"), p.percent, p.done, p.total);
		ui_put(w, y, x, width, t);
		free(t);
		return;
	}
	const activity *a = &s->v[item];
	int over = activity_overdue(a, s->today), dw = width >= 100 ? 30 : 20;
	if (over && !cur)
		wattrset(w, ui_attr(UA_ERROR));
	mvwaddstr(w, y, x + 1, mark(a));
	ui_put(w, y, x + 5, 6, a->number);
	ui_put(w, y, x + 12, width - 13 - dw, a->title);
	ui_put(w, y, x + width - dw, dw, over ? _("overdue!") : a->deadline_text);
	wattrset(w, base);
}

/* The whole title, deadline and who answers, under the list. */
static char *detail(void *ctx, size_t item)
{
	const struct state *s = ctx;
	if (item >= HEADING)
		return NULL;
	const activity *a = &s->v[item];
	return xasprintf(_("%s %s · %s · %s"), a->number, a->title, a->deadline_text,
			 *a->responsible ? a->responsible : "—");
}

static void draw(ui_screen *scr, WINDOW *w)
{
	struct state *s = scr->data;
	if (s->stale) {
		s->stale = 0;
		reload(s);
	}
	curs_set(0);
	int width = getmaxx(w);
	if (!s->have_info) {
		ui_put(w, 1, 2, width - 4, _("No roadmap yet: F7 imports the district's table from a file."));
		return;
	}
	/* Which roadmap it is: its title, and at the right its years and
	 * order, never cut (the title gives way). */
	char *label = roadmap_label(&s->info);
	int rw = utf8_width(label);
	if (rw > width - 28)
		rw = width - 28;
	wattrset(w, ui_attr(UA_HEAD));
	ui_put(w, 0, 1, width - rw - 5, *s->info.title ? s->info.title : s->info.source);
	ui_put(w, 0, width - rw - 3, 1, "│");
	ui_put(w, 0, width - rw - 1, rw, label);
	wattrset(w, A_NORMAL);
	free(label);
	ui_list_draw(s->list, w, 1, getmaxy(w) - 1);
}

/* --- an activity's card --- */

struct card {
	struct state *list;
	size_t act;
	event_item *events;
	size_t nevents;
	ui_text *text;
};

static void card_fill(struct card *c)
{
	char *err = NULL;
	event_list_free(c->events, c->nevents);
	c->events = NULL;
	c->nevents = 0;
	if (db_event_list(ui.db, c->list->v[c->act].id, &c->events, &c->nevents, &err) != 0) {
		ui_error("%s", err);
		free(err);
	}
	const activity *a = &c->list->v[c->act];
	ui_text *t = c->text;
	ui_text_clear(t);
	char *from = day_text(a->start), *to = day_text(a->end);
	char *window = a->start ? xasprintf(_("%s (from %s to %s%s%s)"), a->deadline_text, from, to,
					    *a->recurrence ? ", " : "", *a->recurrence ? a->recurrence : "")
				: xasprintf(_("%s (no date: never overdue)"), a->deadline_text);
	char *people = a->participants >= 0 ? xasprintf("%ld", a->participants) : xstrdup("—");
	char *done = *a->done_on ? day_text_of(a->done_on) : xstrdup("—");
	char *section = xasprintf("%s %s", a->section_number, a->section_title);
	char *num = xasprintf("%s %s", a->number, a->title);
	const char *labels[] = { _("Section"), _("Activity"), _("Deadline"), _("Responsible"), _("Expected result"),
				 _("Status"), _("Done on"), _("What was done"), _("Participants") };
	const char *values[] = { section, num, window, a->responsible, a->expected_result,
				 activity_status_title(a->status), done, *a->evidence ? a->evidence : "—", people };
	int over = activity_overdue(a, c->list->today);
	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
		ui_text_field(t, labels[i], 21, i == 5 && over ? UA_ERROR : UA_NORMAL, values[i]);
	ui_text_add(t, UA_NORMAL, 0, 0, "");
	if (!c->nevents)
		ui_text_add(t, UA_NOTE, 0, 0, _("No methodical event is linked to this activity yet: F7 records one."));
	else
		ui_text_take(t, UA_HEAD, 0, 0, xasprintf(ngettext("%zu methodical event linked:",
								  "%zu methodical events linked:", (unsigned long)c->nevents),
							 c->nevents));
	for (size_t i = 0; i < c->nevents; i++) {
		const event_item *e = &c->events[i];
		char *day = day_text_of(e->held_on);
		ui_text_take(t, UA_NORMAL, 2, 4, e->participants >= 0
			     ? xasprintf(_("%s  %s: %s (%ld participants)"), day, e->kind, e->topic, e->participants)
			     : xasprintf("%s  %s: %s", day, e->kind, e->topic));
		free(day);
	}
	free(from), free(to), free(window), free(people), free(done), free(section), free(num);
}

static int check_progress(void *ctx, char *const *v, int *field, char **msg)
{
	(void)ctx;
	long day, n;
	if (*v[1] && day_parse(v[1], &day) != 0) {
		*field = 1;
		*msg = xstrdup(_("The date is written like 15.04.2026."));
		return -1;
	}
	if (*v[3] && (cell_int(v[3], &n) != 0 || n < 0)) {
		*field = 3;
		*msg = xstrdup(_("The number of participants is a whole number."));
		return -1;
	}
	return 0;
}

/* The status's code for its title as the form shows it. */
static const char *status_of(const char *title)
{
	for (int i = 0; i < ACTIVITY_NSTATUSES; i++)
		if (!strcmp(activity_status_title(activity_statuses[i]), title))
			return activity_statuses[i];
	return "planned";
}

static void edit_progress(struct card *c)
{
	activity *a = &c->list->v[c->act];
	const char *titles[ACTIVITY_NSTATUSES + 1];
	for (int i = 0; i < ACTIVITY_NSTATUSES; i++)
		titles[i] = activity_status_title(activity_statuses[i]);
	titles[ACTIVITY_NSTATUSES] = NULL;
	const ui_field fields[] = { { _("Status"), 16, UI_FIELD_CHOICE, titles }, { _("Done on"), 10, UI_FIELD_DATE, NULL },
				    { _("What was done"), 0, UI_FIELD_TEXT, NULL },
				    { _("Participants"), 5, UI_FIELD_TEXT, NULL } };
	char *values[4] = { xstrdup(activity_status_title(a->status)), *a->done_on ? day_text_of(a->done_on) : xstrdup(""),
			    xstrdup(a->evidence), a->participants >= 0 ? xasprintf("%ld", a->participants) : xstrdup("") };
	if (ui_form_run(_("Progress"), fields, values, 4, check_progress, NULL) == 1) {
		long day = 0, n = -1;
		free(a->status);
		a->status = xstrdup(status_of(values[0]));
		/* Done with no day given: done today, as the card will say. */
		if (day_parse(values[1], &day) != 0 && !strcmp(a->status, "done"))
			day = c->list->today;
		free(a->done_on);
		a->done_on = day_iso(day);
		free(a->evidence);
		a->evidence = xstrdup(values[2]);
		if (*values[3])
			cell_int(values[3], &n);
		a->participants = n;
		char *err = NULL;
		if (db_activity_save_progress(ui.db, a, &err) != 0) {
			ui_error("%s", err);
			free(err);
		} else {
			ui_message(_("Saved."));
		}
		c->list->stale = 1;
		card_fill(c);
	}
	for (int i = 0; i < 4; i++)
		free(values[i]);
}

static int check_event(void *ctx, char *const *v, int *field, char **msg)
{
	(void)ctx;
	long day, n;
	if (day_parse(v[0], &day) != 0) {
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
	const char *kinds[] = { _("seminar"), _("consultation"), _("master class"), _("meeting"), _("round table"),
				_("open lesson"), _("webinar"), NULL };
	const ui_field fields[] = { { _("Date"), 10, UI_FIELD_DATE, NULL }, { _("Kind"), 24, UI_FIELD_SUGGEST, kinds },
				    { _("Topic"), 0, UI_FIELD_TEXT, NULL }, { _("Participants"), 5, UI_FIELD_TEXT, NULL } };
	char *values[4] = { day_text(c->list->today), xstrdup(kinds[0]), xstrdup(""), xstrdup("") };
	if (ui_form_run(_("Methodical event"), fields, values, 4, check_event, NULL) == 1) {
		long day = 0, n = -1;
		day_parse(values[0], &day);
		if (*values[3])
			cell_int(values[3], &n);
		event_item e = { .held_on = day_iso(day), .kind = values[1], .topic = values[2], .participants = n,
				 .activity_id = c->list->v[c->act].id };
		char *err = NULL;
		if (db_event_save(ui.db, &e, &err) != 0) {
			ui_error("%s", err);
			free(err);
		} else {
			ui_message(_("The event is recorded."));
		}
		free(e.held_on);
		card_fill(c);
		c->list->stale = 1;
	}
	for (int i = 0; i < 4; i++)
		free(values[i]);
}

static ui_result card_progress(ui_screen *scr)
{
	edit_progress(scr->data);
	return UI_REDRAW;
}

static ui_result card_event(ui_screen *scr)
{
	add_event(scr->data);
	return UI_REDRAW;
}

static void card_destroy(ui_screen *scr)
{
	struct card *c = scr->data;
	event_list_free(c->events, c->nevents);
	free(c);
}

static const ui_key card_keys[] = {
	{ UI_KEY_ENTER, NULL, card_progress, NULL },
	{ KEY_F(4), NC_("key", "Progress"), card_progress, NULL },
	{ KEY_F(7), NC_("key", "Event"), card_event, NULL },
	{ 0 },
};

static ui_screen *card_new(struct state *list, size_t act)
{
	struct card *c = xcalloc(1, sizeof *c);
	c->list = list;
	c->act = act;
	c->text = ui_text_new();
	card_fill(c);
	ui_screen *scr = ui_screen_new(N_("Activity"),
				       N_("An activity of the roadmap: what it asks, by when, who answers for it, and "
					  "what the school has done. Up, Down, PgUp, PgDn scroll a long card.\n\n"
					  "Enter or F4 records progress: the status (planned, in progress, done, not "
					  "done, cancelled: Space steps through them, F4 lists them), the date it was "
					  "done, what was done (the evidence for the report) and how many took part. F7 "
					  "records a methodical event (a seminar, a consultation…) held for this "
					  "activity."),
				       card_keys, c);
	scr->text = c->text;
	scr->destroy = card_destroy;
	return scr;
}

/* --- the timeline --- */

struct timeline {
	struct state *list;
	int year;
	ui_list *rows;		/* the activities with a date in the year */
};

static const char *const months[] = { N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
				      N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec") };

/* Where the months start, and how wide each is. */
static void timeline_columns(int x, int width, int *x0, int *mw)
{
	int label = width - 12 * 4 - 1 > 40 ? 40 : width - 12 * 4 - 1;
	*x0 = x + label + 1;
	*mw = (x + width - *x0) / 12;
	if (*mw < 2)
		*mw = 2;
}

static int this_month(const struct timeline *t)
{
	long today = t->list->today;
	return today / 10000 == t->year ? (int)(today / 100 % 100) : 0;
}

static void timeline_header(void *ctx, WINDOW *w, int y, int x, int width)
{
	const struct timeline *t = ctx;
	int x0, mw, now = this_month(t);
	timeline_columns(x, width, &x0, &mw);
	for (int m = 0; m < 12; m++) {
		wattrset(w, m + 1 == now ? ui_attr(UA_SELECT) : ui_attr(UA_HEAD));
		ui_put(w, y, x0 + m * mw, mw, _(months[m]));
	}
}

static void timeline_row(void *ctx, WINDOW *w, int y, int x, int width, size_t item, int cur, attr_t base)
{
	const struct timeline *t = ctx;
	const activity *a = &t->list->v[item];
	int x0, mw, now = this_month(t);
	(void)cur;
	timeline_columns(x, width, &x0, &mw);
	char *l = xasprintf("%s %s", a->number, a->title);
	ui_put(w, y, x, x0 - x - 1, l);
	free(l);
	int m1 = a->start / 10000 < t->year ? 1 : (int)(a->start / 100 % 100);
	int m2 = a->end / 10000 > t->year ? 12 : (int)(a->end / 100 % 100);
	attr_t at = activity_overdue(a, t->list->today) ? ui_attr(UA_BAR_BAD)
		  : !strcmp(a->status, "done") ? ui_attr(UA_BAR_GOOD) : ui_attr(UA_BAR_MID);
	for (int m = 1; m <= 12; m++) {
		int on = m >= m1 && m <= m2;
		wattrset(w, on ? at : m == now ? ui_attr(UA_SELECT) : base);
		for (int k = 0; k < mw; k++)
			mvwaddch(w, y, x0 + (m - 1) * mw + k, on ? (has_colors() ? ' ' : '#') : k == 0 ? ACS_VLINE : ' ');
	}
	wattrset(w, base);
}

static void timeline_fill(struct timeline *t)
{
	const struct state *s = t->list;
	ui_list_begin(t->rows);
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].start && s->v[i].start / 10000 <= t->year && s->v[i].end / 10000 >= t->year)
			ui_list_add(t->rows, i);
	ui_list_end(t->rows);
	ui_list_home(t->rows);
}

static void timeline_draw(ui_screen *scr, WINDOW *w)
{
	struct timeline *t = scr->data;
	char *head = xasprintf(_("Timeline of %d (Left, Right: another year)"), t->year);
	wattrset(w, ui_attr(UA_HEAD));
	ui_put(w, 0, 1, getmaxx(w) - 2, head);
	wattrset(w, A_NORMAL);
	free(head);
	ui_list_draw(t->rows, w, 1, getmaxy(w) - 1);
}

static ui_result timeline_year(struct timeline *t, int by)
{
	t->year += by;
	timeline_fill(t);
	return UI_REDRAW;
}

static ui_result timeline_key(ui_screen *scr, int ch, int fk)
{
	struct timeline *t = scr->data;
	if (fk && (ch == KEY_LEFT || ch == KEY_RIGHT))
		return timeline_year(t, ch == KEY_LEFT ? -1 : 1);
	return UI_UNHANDLED;
}

static void timeline_destroy(ui_screen *scr)
{
	free(scr->data);
}

static const ui_key timeline_keys[] = { { 0 } };

static ui_screen *timeline_new(struct state *list)
{
	struct timeline *t = xcalloc(1, sizeof *t);
	t->list = list;
	t->year = (int)(list->today / 10000);
	if (list->have_info && (t->year < list->info.first_year || t->year > list->info.last_year))
		t->year = list->info.first_year;
	t->rows = ui_list_new(timeline_row, t);
	ui_list_set_browse(t->rows, 1);
	ui_list_set_header(t->rows, timeline_header);
	ui_list_set_empty(t->rows, _("No activity with a date falls in this year."));
	timeline_fill(t);
	ui_screen *scr = ui_screen_new(N_("Timeline"),
				       N_("The year at a glance: a bar for each activity over the months of its "
					  "deadline; this month is marked. Red bars are overdue, green ones done. "
					  "Activities whose deadline names no date are not shown.\n\n"
					  "Left and Right show another year; Up, Down, PgUp, PgDn scroll."),
				       timeline_keys, t);
	scr->draw = timeline_draw;
	scr->key = timeline_key;
	scr->destroy = timeline_destroy;
	scr->list = t->rows;
	return scr;
}

static ui_result show_details(ui_screen *scr)
{
	struct state *s = scr->data;
	if (!s->have_info)
		return UI_HANDLED;
	char *years = roadmap_years_text(s->info.first_year, s->info.last_year);
	char *when = day_text_of(s->info.imported_at);
	char *order = roadmap_order_text(s->info.order_number, s->info.order_date);
	char *text = xasprintf(_("Title: %s\nYears: %s\nOrder: %s\nImported from %s on %s.\n\n%s"),
			       *s->info.title ? s->info.title : "—", years, *order ? order : "—", s->info.source, when,
			       s->info.preamble);
	free(years), free(when), free(order);
	ui_show_text(_("The roadmap"), text);
	free(text);
	return UI_REDRAW;
}

/* The district's roadmap onto a stick or into a folder, as the table the
 * schools import (roadmap-YEARS.csv, for Russian Excel): with several
 * roadmaps kept, which one is asked first, starting on the one shown. */
static void write_file(struct state *s)
{
	roadmap_info r;
	if (!scr_roadmap_pick(_("Which roadmap to write"), s->have_info ? s->info.id : 0, &r)) {
		if (!s->nroadmaps)
			ui_error("%s", _("There is no roadmap to write yet: import the district's table first."));
		return;
	}
	if (ui_folder_choose(FOLDER_WRITE, _("Where to write the roadmap"), &s->dest))
		scr_roadmap_write(&r, s->dest);
	roadmap_info_clear(&r);
}

/* The file the picker chose, to the roadmap's check and import; the list
 * is read again once it is imported. */
static ui_screen *import_chosen(const char *path, void *ctx)
{
	struct state *s = ctx;
	return scr_rmimport_new(path, &s->stale);
}

static ui_result import_file(ui_screen *parent)
{
	ui_screen *scr = scr_import_pick_new(import_chosen, parent->data);
	scr->title = N_("Import the roadmap");
	scr->help = N_("Choose the roadmap: the district's order as a Word (.docx) or LibreOffice (.odt) "
		       "document, its table saved as CSV (№, Мероприятие, Сроки, Ответственные, Ожидаемый "
		       "результат), or one orientir wrote. USB sticks are listed first; F5 looks for them again. "
		       "Enter opens a folder or chooses a file; Backspace goes up a folder.\n\n"
		       "Next come the roadmap's years, title and order, as the file names them (the years' label "
		       "says where they were found), then the check: nothing changes until you press F2 there.");
	ui_push(scr);
	return UI_REDRAW;
}

static ui_result open_card(ui_screen *scr)
{
	struct state *s = scr->data;
	size_t i;
	if (ui_list_current(s->list, &i))
		ui_push(card_new(s, i));
	return UI_REDRAW;
}

static ui_result next_filter(ui_screen *scr)
{
	struct state *s = scr->data;
	s->filter = (s->filter + 1) % NFILTERS;
	build(s);
	ui_list_home(s->list);
	return UI_REDRAW;
}

static ui_result timeline(ui_screen *scr)
{
	ui_push(timeline_new(scr->data));
	return UI_REDRAW;
}

static ui_result write_key(ui_screen *scr)
{
	write_file(scr->data);
	return UI_REDRAW;
}

/* Another of the roadmaps kept, from a list. */
static ui_result other_key(ui_screen *scr)
{
	struct state *s = scr->data;
	roadmap_info r;
	if (scr_roadmap_pick(_("Which roadmap"), s->have_info ? s->info.id : 0, &r)) {
		s->chosen_id = r.id;
		roadmap_info_clear(&r);
		reload(s);
		ui_list_home(s->list);
	}
	return UI_REDRAW;
}

static int several(const ui_screen *scr)
{
	const struct state *s = scr->data;
	return s->nroadmaps > 1;
}

static int in_district(const ui_screen *scr)
{
	(void)scr;
	return ui_district();
}

static int have_roadmap(const ui_screen *scr)
{
	const struct state *s = scr->data;
	return s->have_info;
}

static void destroy(ui_screen *scr)
{
	struct state *s = scr->data;
	activity_list_free(s->v, s->n);
	if (s->have_info)
		roadmap_info_clear(&s->info);
	free(s->dest);
	free(s);
}

static const ui_key keys[] = {
	{ UI_KEY_ENTER, NULL, open_card, have_roadmap },
	{ KEY_F(2), NC_("key", "Write"), write_key, in_district },
	{ KEY_F(3), NC_("key", "Filter"), next_filter, have_roadmap },
	{ KEY_F(4), NC_("key", "Open"), open_card, have_roadmap },
	{ KEY_F(5), NC_("key", "Timeline"), timeline, have_roadmap },
	{ KEY_F(6), NC_("key", "About"), show_details, have_roadmap },
	{ KEY_F(7), NC_("key", "Import"), import_file, NULL },
	{ KEY_F(8), NC_("key", "Other"), other_key, several },
	{ 0 },
};

ui_screen *scr_roadmap_new(void)
{
	struct state *s = xcalloc(1, sizeof *s);
	s->list = ui_list_new(row, s);
	ui_list_enable_search(s->list);
	ui_list_set_detail(s->list, detail, 2);
	reload(s);
	ui_screen *scr = ui_screen_new(N_("Roadmap"),
				       N_("The district's roadmap: the line at the top names it (its title, then its "
					  "years and the order that approved it), and under it are its activities by "
					  "section, each with a mark ([ ] "
					  "planned, [~] in progress, [x] done, [-] not done, [/] cancelled) and its "
					  "deadline as written; overdue ones stand out. Each section's heading says how "
					  "much of it is done. Under the list: the chosen activity's whole title, "
					  "deadline and who answers for it.\n\n"
					  "F3 shows all activities, the overdue ones, those due within 30 days, or those "
					  "not done yet; type to search by number, title or who answers for it. The line "
					  "above the list says what is shown and searched for. Enter or F4 opens an "
					  "activity's card to record what was done. F5 shows the timeline of the year, "
					  "F6 the roadmap's title, order and tasks.\n\n"
					  "Every roadmap imported is kept with its own progress, and the screen opens on "
					  "the one covering today. When there are several, F8 shows another: choose it "
					  "from the list, where the one for today is marked.\n\n"
					  "F7 imports the roadmap from a file (on a stick or in a folder): the district's "
					  "table or the order itself (.docx, .odt), or one orientir wrote. Its years, "
					  "title and order are asked, as the file names them, then a check shows what "
					  "would be added, changed and dropped; F2 there imports it. A roadmap for other "
					  "years is kept beside this one; a corrected version of the same years keeps "
					  "the progress recorded on the activities still there.\n\n"
					  "In the district office's orientir, F2 writes the roadmap onto a stick or into "
					  "a folder as the table the schools import (roadmap-YEARS.csv): they get exactly "
					  "this roadmap, its years and title with it. With several roadmaps kept, it asks "
					  "which one first."),
				       keys, s);
	scr->draw = draw;
	scr->destroy = destroy;
	scr->list = s->list;
	scr->rebuild = build;
	return scr;
}
