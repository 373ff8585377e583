/* Schools: every school the district knows and whether its package for a
 * half-year has come, on time or late, with the reporting rate; adding a
 * school, importing the list, and settling a name a package gave. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "day.h"
#include "district.h"
#include "indicators.h"
#include "num.h"
#include "scr.h"
#include "ui-list.h"
#include "ui-widgets.h"
#include "ui-years.h"
#include "utf8.h"

enum state_of { ON_TIME, LATE, AWAITED, MISSING };

struct state {
	char *period;
	char *district;		/* the region's filter: NULL for every district */
	char *failure;		/* why the last reading failed (the server gone), or NULL */
	status_report rep;
	ui_list *list;		/* items: indices into rep.v */
	long today;
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
	char *hay = xasprintf("%s\t%s\t%s\t%s", r->code, r->name, r->other_name, r->district);
	char *f = utf8_fold(hay, strlen(hay));
	int yes = strstr(f, folded) != NULL;
	free(hay), free(f);
	return yes;
}

/* The rows the search lets through. */
static void build(void *data)
{
	struct state *s = data;
	const char *search = ui_list_search(s->list);
	char *folded = utf8_fold(search, strlen(search));
	ui_list_begin(s->list);
	for (size_t i = 0; i < s->rep.n; i++)
		if (matches(folded, &s->rep.v[i]))
			ui_list_add(s->list, i);
	ui_list_end(s->list);
	free(folded);
	if (s->failure) {
		char *t = xasprintf(_("Nothing could be read: %s"), s->failure);
		ui_list_set_empty(s->list, t);
		free(t);
		return;
	}
	ui_list_set_empty(s->list, s->rep.n ? _("No school matches the search: Esc clears it.")
				     : _("No schools yet. Take in the schools' packages from a stick (item 2 of the "
					 "main menu), or import the list of schools from a CSV file here with F5; F4 "
					 "adds one school by hand."));
}

static void reload(void *data)
{
	struct state *s = data;
	char *err = NULL;
	status_report_free(&s->rep);
	free(s->failure);
	s->failure = NULL;
	if (district_status(ui.office, s->period, &s->rep, &err) != 0) {
		ui_error("%s", err);
		s->failure = err;
	} else if (s->district) {
		district_status_keep(&s->rep, s->district);
	}
	s->today = day_today();
	build(s);
}

static const status_row *current(const struct state *s)
{
	size_t i;
	return ui_list_current(s->list, &i) ? &s->rep.v[i] : NULL;
}

/* num of den as a percent, «50,0 %». */
static char *share_text(long num, long den)
{
	return num_percent(den ? indicator_tenths(num, den) : 0);
}

/* What more there is to know of the school, most pressing first: up to
 * three facts (fresh) into out, and how many. */
static int facts(const status_row *r, char *out[3])
{
	int n = 0;
	if (*r->other_name) {
		char *q = xquote(r->other_name);
		out[n++] = xasprintf(_("Its package calls it %s: Enter to settle which name is right."), q);
		free(q);
	}
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

/* code, name, (on the region) the district, the day received, the state */
static void columns(int x, int width, int *xname, int *xdistrict, int *xday, int *xstate)
{
	*xname = x + 9;
	*xstate = x + width - 24;
	*xday = *xstate - 11;
	/* the district keeps its room, the school's name gives way */
	*xdistrict = ui_region() ? *xday - 17 : *xday;
}

static void header(void *ctx, WINDOW *w, int y, int x, int width)
{
	(void)ctx;
	int xname, xdistrict, xday, xstate;
	columns(x, width, &xname, &xdistrict, &xday, &xstate);
	ui_put(w, y, x, 8, _("Code"));
	ui_put(w, y, xname, xdistrict - xname - 1, pgettext_deferred(NC_("column", "School")));
	if (xdistrict < xday)
		ui_put(w, y, xdistrict, xday - xdistrict - 1, pgettext_deferred(NC_("column", "District")));
	ui_put(w, y, xday, 10, _("Received"));
	ui_put(w, y, xstate, x + width - xstate, _("State"));
}

static void row(void *ctx, WINDOW *w, int y, int x, int width, size_t item, int cur, attr_t base)
{
	const struct state *s = ctx;
	const status_row *r = &s->rep.v[item];
	enum state_of st = state_of(s, r);
	int xname, xdistrict, xday, xstate;
	columns(x, width, &xname, &xdistrict, &xday, &xstate);
	if (!cur)
		wattrset(w, state_attr(st));
	/* the mark of a name to settle, in the margin before the code */
	if (*r->other_name)
		mvwaddstr(w, y, x - 1, "!");
	ui_put(w, y, x, 8, r->code);
	ui_put(w, y, xname, xdistrict - xname - 1, r->name);
	if (xdistrict < xday)
		ui_put(w, y, xdistrict, xday - xdistrict - 1, r->district);
	if (r->received) {
		char *day = day_text_of(r->first_received_at);
		ui_put(w, y, xday, 10, day);
		free(day);
	}
	ui_put(w, y, xstate, x + width - xstate, state_text(st));
	wattrset(w, base);
}

/* The school's whole name and its most pressing facts, under the list. */
static char *detail(void *ctx, size_t item)
{
	const status_row *r = &((const struct state *)ctx)->rep.v[item];
	char *f[3];
	int n = facts(r, f);
	char *text = ui_region() && *r->district ? xasprintf("%s %s (%s)\n%s", r->code, r->name, r->district, f[0])
						 : xasprintf("%s %s\n%s", r->code, r->name, f[0]);
	for (int i = 1; i < n; i++) {
		char *t = xasprintf("%s %s", text, f[i]);
		free(text);
		text = t;
	}
	for (int i = 0; i < n; i++)
		free(f[i]);
	char *key = district_school_key_text(ui.office, r->code), *t = xasprintf("%s\n%s", text, key);
	free(text), free(key);
	return t;
}

static void draw(ui_screen *scr, WINDOW *w)
{
	struct state *s = scr->data;
	int width = getmaxx(w);
	curs_set(0);
	char *half = half_text_of(s->period), *dl = day_text(s->rep.deadline);
	char *head = s->failure ? xstrdup(half)
				: xasprintf(_("%s, reports due by %s (Left, Right: another half-year)"), half, dl);
	wattrset(w, ui_attr(UA_HEAD));
	ui_put(w, 0, 1, width - 2, head);
	free(head), free(half), free(dl);
	wattrset(w, A_NORMAL);
	long n = (long)s->rep.n;
	if (n) {
		char *got = share_text(s->rep.received, n), *in_time = share_text(s->rep.on_time, n);
		char *rate = xasprintf(ngettext("Received %ld of %ld school (%s), on time %ld (%s).",
						"Received %ld of %ld schools (%s), on time %ld (%s).", (unsigned long)n),
				       s->rep.received, n, got, s->rep.on_time, in_time);
		ui_put(w, 1, 1, width - 2, rate);
		free(got), free(in_time), free(rate);
	}
	int top = 2;
	if (ui_region())
		ui_district_show(w, top++, s->district);
	ui_list_draw(s->list, w, top, getmaxy(w) - top);
}

/* The half-year before (-1) or after (+1). */
static void step_period(struct state *s, int by)
{
	char *p = half_step(s->period, by);
	if (p) {
		free(s->period);
		s->period = p;
		reload(s);
	}
}

static ui_result pick_district(ui_screen *scr)
{
	struct state *s = scr->data;
	if (ui_district_pick(&s->district)) {
		ui_list_clear_search(s->list);
		reload(s);
	}
	return UI_REDRAW;
}

static ui_result pick_period(ui_screen *scr)
{
	struct state *s = scr->data;
	char *p = ui_half_pick(s->period);
	if (p) {
		free(s->period);
		s->period = p;
		reload(s);
	}
	return UI_REDRAW;
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
			char *q = xquote(s->rep.v[i].name);
			*field = A_CODE;
			*msg = xasprintf(_("Code %s is on the list already: %s."), v[A_CODE], q);
			free(q);
			return -1;
		}
	return 0;
}

/* The form for one school; a school known only from its package comes
 * filled in, to be put on the list. */
static ui_result add_school(ui_screen *scr)
{
	struct state *s = scr->data;
	const status_row *r = current(s);
	int from_package = r && !r->listed;
	const ui_field fields[NADD] = { { _("Code"), 12, UI_FIELD_TEXT, NULL }, { _("Name"), 0, UI_FIELD_TEXT, NULL } };
	char *values[NADD] = { xstrdup(from_package ? r->code : ""), xstrdup(from_package ? r->name : "") };
	if (ui_form_run(_("A school on the district's list"), fields, values, NADD, check_school, s) == 1) {
		char *err = NULL;
		if (district_school_add(ui.office, values[A_CODE], values[A_NAME], &err) != 0) {
			ui_error("%s", err);
			free(err);
		} else {
			ui_message(_("%s %s: on the district's list."), values[A_CODE], values[A_NAME]);
			/* The selection follows the school, wherever its name sorts it. */
			ui_list_clear_search(s->list);
			reload(s);
			for (size_t i = 0; i < s->rep.n; i++)
				if (strcmp(s->rep.v[i].code, values[A_CODE]) == 0)
					ui_list_select(s->list, i);
		}
	}
	free(values[A_CODE]), free(values[A_NAME]);
	return UI_REDRAW;
}

/* Which name is right, the package's or the district's. */
static void settle_name(struct state *s, const status_row *r)
{
	char *theirs = xquote(r->other_name), *ours = xquote(r->name);
	char *labels[2] = { xasprintf(_("%s, as its package says"), theirs), xasprintf(_("%s, as the district has it"), ours) };
	char *title = xasprintf(_("The right name of school %s"), r->code);
	int k = ui_pick(title, labels, 2, 0);
	if (k >= 0) {
		char *err = NULL, *name = NULL, *code = xstrdup(r->code);
		if (district_school_confirm(ui.office, code, k == 1, &name, &err) != 0) {
			ui_error("%s", err);
			free(err);
		} else {
			char *q = xquote(name);
			ui_message(_("School %s is %s now."), code, q);
			free(q);
		}
		free(name), free(code);
		reload(s);
	}
	free(labels[0]), free(labels[1]), free(title), free(theirs), free(ours);
}

static void show_school(const struct state *s, const status_row *r)
{
	char *f[3];
	int n = facts(r, f);
	char *half = half_text_of(s->period);
	char *text = xasprintf(_("%s: %s."), half, state_text(state_of(s, r)));
	free(half);
	for (int i = 0; i < n; i++) {
		char *t = xasprintf("%s\n\n%s", text, f[i]);
		free(text), free(f[i]);
		text = t;
	}
	char *key = district_school_key_text(ui.office, r->code), *t = xasprintf("%s\n\n%s", text, key);
	free(text), free(key);
	text = t;
	char *title = xasprintf("%s %s", r->code, r->name);
	ui_show_text(title, text);
	free(title), free(text);
}

static ui_result open_school(ui_screen *scr)
{
	struct state *s = scr->data;
	const status_row *r = current(s);
	if (r && *r->other_name)
		settle_name(s, r);
	else if (r)
		show_school(s, r);
	return UI_REDRAW;
}

static ui_result before_key(ui_screen *scr)
{
	step_period(scr->data, -1);
	return UI_REDRAW;
}

static ui_result after_key(ui_screen *scr)
{
	step_period(scr->data, 1);
	return UI_REDRAW;
}

static ui_result import_key(ui_screen *scr)
{
	(void)scr;
	return ui_push_changing(scr_import_schools_new());
}

/* (a package taken in there changes who has reported) */
static ui_result held_key(ui_screen *scr)
{
	(void)scr;
	return ui_push_changing(scr_dheld_new());
}

/* The list of schools from a CSV file is a district's: its import writes
 * the district's file. */
static int on_file(const ui_screen *scr)
{
	(void)scr;
	return !ui_region();
}

static int on_region(const ui_screen *scr)
{
	(void)scr;
	return ui_region();
}

static void destroy(ui_screen *scr)
{
	struct state *s = scr->data;
	status_report_free(&s->rep);
	free(s->period);
	free(s->district);
	free(s->failure);
	free(s);
}

static const ui_key keys[] = {
	{ UI_KEY_ENTER, NULL, open_school, NULL },
	{ KEY_F(3), NC_("key", "Period"), pick_period, NULL },
	{ KEY_F(4), NC_("key", "Add"), add_school, NULL },
	{ KEY_F(5), NC_("key", "Import"), import_key, on_file },
	{ KEY_F(6), NC_("key", "Held"), held_key, NULL },
	{ KEY_F(9), NC_("key", "District"), pick_district, on_region },
	{ KEY_LEFT, NULL, before_key, NULL },
	{ KEY_RIGHT, NULL, after_key, NULL },
	{ 0 },
};

ui_screen *scr_dschools_new(void)
{
	struct state *s = xcalloc(1, sizeof *s);
	s->period = district_period_to_show(ui.office);
	s->list = ui_list_new(row, s);
	ui_list_enable_search(s->list);
	ui_list_set_header(s->list, header);
	ui_list_set_detail(s->list, detail, 4);
	reload(s);
	ui_screen *scr = ui_screen_new(N_("Schools"),
				       N_("Every school the district knows, from its list and from the packages received, "
					  "and whether its report for the half-year has come: on time (green), late or not "
					  "received after the deadline (red), still awaited (yellow). A report is on time "
					  "when its first version came by the deadline. The top lines give the deadline and "
					  "the reporting rate; the lines under the list, the chosen school's whole name and "
					  "what more there is to know of it.\n\n"
					  "Left and Right step to the half-year before or after; F3 chooses one. Type to "
					  "search by code or name: the line above the list shows the search and where you "
					  "are in the list; Backspace removes a letter, Esc clears the search.\n\n"
					  "A school marked ! sent a package under another name than the district's: Enter "
					  "asks which name is right. Enter on another school shows its details.\n\n"
					  "F4 adds a school to the district's list (on a school known only from its "
					  "package, puts that one on the list). F5 imports the list of schools from a CSV "
					  "file with the code and the name of each. The deadlines are in Settings.\n\n"
					  "The last line under the list gives the fingerprint of the key pinned for the "
					  "school (from its first signed package, or from the list of schools): the school "
					  "can read its own out on the phone to compare. F6 shows the packages held apart "
					  "for a decision (a school not on the list, another key, no signature), to take "
					  "each in or reject it."),
				       keys, s);
	if (ui_region())
		ui_screen_help_add(scr, N_("On the region's server the District column gives each school's district; "
					   "F9 chooses one district (or all of them), and the line above the list says "
					   "which is shown. The list of schools from a file is a district's: F5 is not "
					   "here."));
	scr->draw = draw;
	scr->destroy = destroy;
	scr->list = s->list;
	scr->rebuild = build;
	scr->reload = reload;
	return scr;
}
