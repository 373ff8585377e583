/* Schools: every school the district knows and whether its package for a
 * half-year has come, on time or late, with the reporting rate; adding a
 * school, importing the list, and settling a name a package gave. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "day.h"
#include "district.h"
#include "package.h"
#include "roadmap.h"
#include "scr.h"
#include "ui-widgets.h"
#include "utf8.h"

enum state_of { ON_TIME, LATE, AWAITED, MISSING };

struct state {
	char *period;
	status_report rep;
	size_t *shown;		/* the rows matching the search, indices into rep.v */
	size_t nshown, row, top;
	char search[128];
	long today;
	int stale;		/* reload before drawing: the list was imported meanwhile */
};

static enum state_of state_of(const struct state *s, const status_row *r)
{
	if (r->received)
		return r->on_time ? ON_TIME : LATE;
	return s->today > s->rep.deadline ? MISSING : AWAITED;
}

static attr_t state_attr(enum state_of st)
{
	return st == ON_TIME ? ui_attr(UA_GOOD) : st == AWAITED ? ui_attr(UA_WAIT) : ui_attr(UA_ERROR);
}

static const char *state_text(enum state_of st)
{
	static const char *const text[] = { N_("on time"), N_("received late"), N_("awaited"),
					    N_("not received, overdue") };
	return _(text[st]);
}

static int matches(const char *folded, const status_row *r)
{
	if (!*folded)
		return 1;
	char *hay = xasprintf("%s\t%s\t%s", r->code, r->name, r->other_name);
	char *f = utf8_fold(hay, strlen(hay));
	int yes = strstr(f, folded) != NULL;
	free(hay), free(f);
	return yes;
}

/* The rows the search lets through, the cursor kept in range. */
static void refilter(struct state *s)
{
	char *folded = utf8_fold(s->search, strlen(s->search));
	free(s->shown);
	s->shown = xcalloc(s->rep.n ? s->rep.n : 1, sizeof *s->shown);
	s->nshown = 0;
	for (size_t i = 0; i < s->rep.n; i++)
		if (matches(folded, &s->rep.v[i]))
			s->shown[s->nshown++] = i;
	free(folded);
	if (s->row >= s->nshown)
		s->row = s->nshown ? s->nshown - 1 : 0;
}

static void reload(struct state *s)
{
	char *err = NULL;
	status_report_free(&s->rep);
	if (district_status(ui.db, s->period, &s->rep, &err) != 0) {
		ui_error("%s", err);
		free(err);
	}
	s->today = day_today();
	refilter(s);
}

static const status_row *current(const struct state *s)
{
	return s->nshown ? &s->rep.v[s->shown[s->row]] : NULL;
}

/* num of den as «50,0», the way the other screens write shares. */
static char *share_text(long num, long den)
{
	long tenths = den ? (num * 1000 + den / 2) / den : 0;
	return xasprintf("%ld,%ld", tenths / 10, tenths % 10);
}

/* What more there is to know of the school, most pressing first: up to
 * three facts (fresh) into out, and how many. */
static int facts(const status_row *r, char *out[3])
{
	int n = 0;
	if (*r->other_name)
		out[n++] = xasprintf(_("Its package calls it «%s»: Enter to settle which name is right."), r->other_name);
	if (!r->listed)
		out[n++] = xstrdup(_("Known only from its package: F4 puts it on the district's list."));
	if (!r->received) {
		out[n++] = xstrdup(_("No package for this half-year yet."));
		return n;
	}
	char *first = district_time_text(r->first_received_at), *made = district_time_text(r->created_at);
	if (strcmp(r->received_at, r->first_received_at) != 0) {
		char *last = district_time_text(r->received_at);
		out[n++] = xasprintf(_("First received %s; the version held, made %s, came %s."), first, made, last);
		free(last);
	} else {
		out[n++] = xasprintf(_("Received %s; the package was made %s."), first, made);
	}
	free(first), free(made);
	return n;
}

static void draw(ui_screen *scr, WINDOW *w)
{
	struct state *s = scr->data;
	if (s->stale) {
		s->stale = 0;
		reload(s);
	}
	int width = getmaxx(w), height = getmaxy(w);
	curs_set(0);
	long dl = s->rep.deadline, n = (long)s->rep.n;
	char *head = xasprintf(_("Half-year %s, reports due by %02ld.%02ld.%04ld (Left, Right: another half-year)"),
			       s->period, dl % 100, dl / 100 % 100, dl / 10000);
	wattrset(w, ui_attr(UA_HEAD));
	ui_put(w, 0, 1, width - 2, head);
	free(head);
	wattrset(w, A_NORMAL);
	char *got = share_text(s->rep.received, n), *in_time = share_text(s->rep.on_time, n);
	char *rate = xasprintf(ngettext("Received %ld of %ld school (%s %%), on time %ld (%s %%).",
					"Received %ld of %ld schools (%s %%), on time %ld (%s %%).", (unsigned long)n),
			       s->rep.received, n, got, s->rep.on_time, in_time);
	if (n)
		ui_put(w, 1, 1, width - 2, rate);
	free(got), free(in_time), free(rate);
	if (*s->search) {
		char *q = xasprintf(_("Search: %s_"), s->search);
		ui_put(w, 2, 1, width - 2, q);
		free(q);
	}
	/* code, name, the day received, the state */
	int xname = 10, xstate = width - 25, xday = xstate - 11, wname = xday - xname - 1;
	wattrset(w, ui_attr(UA_HEAD));
	ui_put(w, 3, 1, 8, _("Code"));
	ui_put(w, 3, xname, wname, pgettext_deferred(NC_("column", "School")));
	ui_put(w, 3, xday, 10, _("Received"));
	ui_put(w, 3, xstate, width - xstate - 1, _("State"));
	wattrset(w, A_NORMAL);
	int rows = height - 6;
	ui_legacy_list_scroll(s->row, &s->top, rows);
	for (int i = 0; i < rows && s->top + (size_t)i < s->nshown; i++) {
		const status_row *r = &s->rep.v[s->shown[s->top + (size_t)i]];
		int y = 4 + i, cur = s->top + (size_t)i == s->row;
		enum state_of st = state_of(s, r);
		wattrset(w, cur ? ui_attr(UA_SELECT) : state_attr(st));
		if (cur)
			mvwhline(w, y, 0, ' ', width);
		if (*r->other_name)
			mvwaddstr(w, y, 0, "!");
		ui_put(w, y, 1, 8, r->code);
		ui_put(w, y, xname, wname, r->name);
		if (r->received) {
			char *day = xasprintf("%.2s.%.2s.%.4s", r->first_received_at + 8, r->first_received_at + 5,
					      r->first_received_at);
			ui_put(w, y, xday, 10, day);
			free(day);
		}
		ui_put(w, y, xstate, width - xstate - 1, state_text(st));
	}
	wattrset(w, A_NORMAL);
	const status_row *r = current(s);
	if (s->rep.n == 0) {
		int k;
		char **l = ui_wrap(_("No schools yet. Take in the schools' packages from a stick (item 2 of the main "
				     "menu), or import the list of schools from a CSV file here with F5; F4 adds one "
				     "school by hand."), width - 4, &k);
		for (int i = 0; i < k; i++) {
			ui_put(w, 5 + i, 2, width - 4, l[i]);
			free(l[i]);
		}
		free(l);
	} else if (!r) {
		ui_put(w, 5, 2, width - 4, _("No school matches the search."));
	} else {
		/* The most pressing fact, in the two lines under the list. */
		char *f[3];
		int nf = facts(r, f), nl;
		char **l = ui_wrap(f[0], width - 2, &nl);
		wattrset(w, ui_attr(UA_NOTE));
		for (int i = 0; i < nl; i++) {
			if (i < 2)
				ui_put(w, height - (nl < 2 ? nl : 2) + i, 1, width - 2, l[i]);
			free(l[i]);
		}
		free(l);
		wattrset(w, A_NORMAL);
		for (int i = 0; i < nf; i++)
			free(f[i]);
	}
}

/* Moves to the half-year before (-1) or after (+1). */
static void step_period(struct state *s, int by)
{
	int year, half;
	if (period_parse(s->period, &year, &half) != 0)
		return;
	half += by;
	if (half < 1)
		half = 2, year--;
	else if (half > 2)
		half = 1, year++;
	free(s->period);
	s->period = xasprintf("%d-H%d", year, half);
	reload(s);
}

static void pick_period(struct state *s)
{
	char *now = period_current(), *labels[8];
	int year, half, current = 0;
	period_parse(now, &year, &half);
	free(now);
	for (int i = 0; i < 8; i++) {
		labels[i] = xasprintf("%d-H%d", year, half);
		if (strcmp(labels[i], s->period) == 0)
			current = i;
		if (--half == 0)
			half = 2, year--;
	}
	int k = ui_pick(_("Half-year"), labels, 8, current);
	if (k >= 0) {
		free(s->period);
		s->period = xstrdup(labels[k]);
		reload(s);
	}
	for (int i = 0; i < 8; i++)
		free(labels[i]);
}

enum { A_CODE, A_NAME, NADD };

static int check_school(void *ctx, char *const *v, int *field, char **msg)
{
	const struct state *s = ctx;
	if (!*v[A_CODE] || !*v[A_NAME]) {
		*field = *v[A_CODE] ? A_NAME : A_CODE;
		*msg = xstrdup(_("Give the school's code and its name."));
		return -1;
	}
	for (size_t i = 0; i < s->rep.n; i++)
		if (strcmp(s->rep.v[i].code, v[A_CODE]) == 0 && s->rep.v[i].listed) {
			*field = A_CODE;
			*msg = xasprintf(_("Code %s is on the list already: «%s»."), v[A_CODE], s->rep.v[i].name);
			return -1;
		}
	return 0;
}

/* The form for one school; a school known only from its package comes
 * filled in, to be put on the list. */
static void add_school(struct state *s)
{
	const status_row *r = current(s);
	int from_package = r && !r->listed;
	const ui_field fields[NADD] = { { _("Code"), 12, UI_FIELD_TEXT, NULL }, { _("Name"), 0, UI_FIELD_TEXT, NULL } };
	char *values[NADD] = { xstrdup(from_package ? r->code : ""), xstrdup(from_package ? r->name : "") };
	if (ui_form_run(_("A school on the district's list"), fields, values, NADD, check_school, s) == 1) {
		char *err = NULL;
		if (district_school_add(ui.db, values[A_CODE], values[A_NAME], &err) != 0) {
			ui_error("%s", err);
			free(err);
		} else {
			ui_message(_("%s %s: on the district's list."), values[A_CODE], values[A_NAME]);
			/* The cursor follows the school, wherever its name sorts it. */
			*s->search = '\0';
			reload(s);
			for (size_t i = 0; i < s->nshown; i++)
				if (strcmp(s->rep.v[s->shown[i]].code, values[A_CODE]) == 0)
					s->row = i;
		}
	}
	free(values[A_CODE]), free(values[A_NAME]);
}

/* Which name is right, the package's or the district's. */
static void settle_name(struct state *s, const status_row *r)
{
	char *labels[2] = { xasprintf(_("«%s», as its package says"), r->other_name),
			    xasprintf(_("«%s», as the district has it"), r->name) };
	char *title = xasprintf(_("The right name of school %s"), r->code);
	int k = ui_pick(title, labels, 2, 0);
	if (k >= 0) {
		char *err = NULL, *name = NULL, *code = xstrdup(r->code);
		if (district_school_confirm(ui.db, code, k == 1, &name, &err) != 0) {
			ui_error("%s", err);
			free(err);
		} else {
			ui_message(_("School %s is «%s» now."), code, name);
		}
		free(name), free(code);
		reload(s);
	}
	free(labels[0]), free(labels[1]), free(title);
}

static void show_school(const struct state *s, const status_row *r)
{
	char *f[3];
	int n = facts(r, f);
	char *text = xasprintf(_("Half-year %s: %s."), s->period, state_text(state_of(s, r)));
	for (int i = 0; i < n; i++) {
		char *t = xasprintf("%s\n\n%s", text, f[i]);
		free(text), free(f[i]);
		text = t;
	}
	char *title = xasprintf("%s %s", r->code, r->name);
	ui_show_text(title, text);
	free(title), free(text);
}

static ui_result key(ui_screen *scr, int ch, int fk)
{
	struct state *s = scr->data;
	const status_row *r = current(s);
	if (ui_is_enter(ch, fk)) {
		if (r && *r->other_name)
			settle_name(s, r);
		else if (r)
			show_school(s, r);
		return UI_REDRAW;
	}
	int typed = ui_legacy_search_key(s->search, sizeof s->search, ch, fk);
	if (typed >= 0) {
		if (typed) {
			s->row = s->top = 0;
			refilter(s);
		}
		return UI_REDRAW;
	}
	if (!fk)
		return UI_UNHANDLED;
	if (ui_legacy_list_key(&s->row, s->nshown, ch))
		return UI_HANDLED;
	if (ch == KEY_LEFT || ch == KEY_RIGHT)
		step_period(s, ch == KEY_LEFT ? -1 : 1);
	else if (ch == KEY_F(3))
		pick_period(s);
	else if (ch == KEY_F(4))
		add_school(s);
	else if (ch == KEY_F(5)) {
		ui_push(scr_import_schools_new());
		s->stale = 1;
	} else
		return UI_UNHANDLED;
	return UI_REDRAW;
}

static void destroy(ui_screen *scr)
{
	struct state *s = scr->data;
	status_report_free(&s->rep);
	free(s->shown);
	free(s->period);
	free(s);
	free(scr);
}

ui_screen *scr_dschools_new(void)
{
	struct state *s = xcalloc(1, sizeof *s);
	s->period = district_period_to_show(ui.db);
	reload(s);
	ui_screen *scr = xcalloc(1, sizeof *scr);
	scr->title = N_("Schools");
	scr->help = N_("Every school the district knows, from its list and from the packages\n"
		       "received, and whether its report for the half-year has come: on\n"
		       "time (green), late or not received after the deadline (red), still\n"
		       "awaited (yellow). A report is on time when its first version came by\n"
		       "the deadline. The top lines give the deadline and the reporting rate.\n\n"
		       "Left and Right step to the half-year before or after; F3 chooses one.\n"
		       "Type to search by code or name; Backspace removes a letter, Esc\n"
		       "clears the search.\n\n"
		       "A school marked ! sent a package under another name than the\n"
		       "district's: Enter asks which name is right. Enter on another school\n"
		       "shows its details.\n\n"
		       "F4 adds a school to the district's list (on a school known only from\n"
		       "its package, puts that one on the list). F5 imports the list of\n"
		       "schools from a CSV file with the code and the name of each. The\n"
		       "deadlines are in Settings.");
	scr->bar[2] = NC_("key", "Period");
	scr->bar[3] = NC_("key", "Add");
	scr->bar[4] = NC_("key", "Import");
	scr->draw = draw;
	scr->key = key;
	scr->destroy = destroy;
	scr->data = s;
	return scr;
}
