/* Indicators by school: for one procedure and subject, the district as a
 * whole and then every school, each with its share below the minimum, at
 * the high level and the objectivity of its marks as bars, this year
 * beside last year; in the order of the user's choosing. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "db-district.h"
#include "district.h"
#include "indicators.h"
#include "num.h"
#include "scr.h"
#include "strmap.h"
#include "ui-chart.h"
#include "ui-list.h"
#include "ui-years.h"
#include "utf8.h"

enum sort { SORT_NAME, SORT_BELOW, SORT_CHANGE, SORT_COUNT };

static const char *const sort_names[SORT_COUNT] = {
	N_("by name"), N_("by share below the minimum"), N_("by change from last year"),
};

/* The district or one school with its counts (NULL: no results). */
struct entry {
	const char *name;
	const char *district;	/* the region's, when every district is shown: "" none */
	const dist_ind *v;
};

enum kind { L_HEAD, L_BELOW, L_HIGH, L_MARKS, L_NONE, L_BLANK };

struct line {
	enum kind kind;
	const struct entry *e;
	char *name;		/* L_HEAD: the part of the entry's name on this row */
	int tail;		/* L_HEAD: the row ends with the count */
};

struct state {
	int *years;		/* with results, newest first */
	size_t nyears;
	int year;		/* 0: no results at all */
	dist_ind_set set;
	d_school *schools;
	size_t nschools;
	char *proc, *subj;	/* the procedure and subject shown */
	enum sort sort;
	struct entry *e;	/* [0] the district */
	size_t ne;
	struct line *lines;
	size_t n;
	ui_list *list;		/* browses the lines */
	char *district;		/* the region's filter: NULL for every district */
	char *whole;		/* the name of the line of all the schools shown */
};

/* The share below the minimum this year, in tenths, or -1. */
static int below_now(const struct entry *e)
{
	return e->v && e->v->participants[1] ? indicator_tenths(e->v->below[1], e->v->participants[1]) : -1;
}

/* Its change from last year, in tenths of a point; 0 and no *has when
 * either year is missing. */
static int below_change(const struct entry *e, int *has)
{
	*has = e->v && e->v->participants[0] && e->v->participants[1];
	return *has ? indicator_tenths(e->v->below[1], e->v->participants[1]) -
			      indicator_tenths(e->v->below[0], e->v->participants[0])
		    : 0;
}

/* The order by_sort() sorts in: qsort has no room for it. */
static enum sort sort_by;

/* The chosen order; schools without the number sort last, ties by name. */
static int by_sort(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int d = 0;
	if (sort_by == SORT_BELOW) {
		int p = below_now(x), q = below_now(y);
		d = (p < 0) != (q < 0) ? (p < 0) - (q < 0) : q - p;
	} else if (sort_by == SORT_CHANGE) {
		int hp, hq, p = below_change(x, &hp), q = below_change(y, &hq);
		d = hp != hq ? hq - hp : q - p;
	}
	return d ? d : utf8_collate(x->name, strlen(x->name), y->name, strlen(y->name));
}

static void add(struct state *s, enum kind k, const struct entry *e)
{
	s->lines = xrealloc(s->lines, (s->n + 1) * sizeof *s->lines);
	s->lines[s->n++] = (struct line){ k, e, NULL, 0 };
}

static void forget_lines(struct state *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->lines[i].name);
	free(s->lines);
	s->lines = NULL;
	s->n = 0;
}

/* What follows an entry's name on its head: the count, and «too few» (fresh). */
static void head_tail(const struct entry *e, char **count, char **few)
{
	const dist_ind *v = e->v;
	long n = v ? v->participants[1] : 0;
	*count = n ? xasprintf(ngettext(" · %ld participant", " · %ld participants", (unsigned long)n), n) : xstrdup("");
	*few = n && n < IND_SMALL_GROUP ? xasprintf(" · %s", _("too few")) : xstrdup("");
}

/* An entry's head: its name, then the count; a name too long for the
 * terminal's width goes on over the rows after, whole. */
static void add_head(struct state *s, const struct entry *e)
{
	char *count, *few;
	head_tail(e, &count, &few);
	int room = COLS - 4, tw = utf8_width(count) + utf8_width(few), k;
	/* schools of one name in several districts: the district tells them apart */
	char *name = e->district && *e->district ? xasprintf("%s · %s", e->name, e->district) : xstrdup(e->name);
	char **part = ui_wrap(name, room, &k);
	free(name);
	for (int i = 0; i < k; i++) {
		add(s, L_HEAD, e);
		s->lines[s->n - 1].name = part[i];
	}
	free(part);
	if (!k || utf8_width(s->lines[s->n - 1].name) + tw > room) {
		add(s, L_HEAD, e);
		s->lines[s->n - 1].name = xstrdup("");
	}
	s->lines[s->n - 1].tail = 1;
	free(count), free(few);
}

/* The entries for the chosen procedure and subject, sorted, and the lines
 * they show as. */
static void build(struct state *s)
{
	free(s->e);
	forget_lines(s);
	s->e = xcalloc(s->nschools + 1, sizeof *s->e);
	s->ne = s->nschools + 1;
	strmap *at = strmap_new();
	for (size_t i = 0; i < s->nschools; i++) {
		s->e[i + 1].name = s->schools[i].name;
		s->e[i + 1].district = ui_region() && !s->district ? s->schools[i].district : "";
		strmap_put(at, s->schools[i].code, (long long)i + 1);
	}
	s->e[0].name = s->whole;
	for (size_t i = 0; s->proc && i < s->set.n; i++) {
		const dist_ind *v = &s->set.v[i];
		long long k;
		if (strcmp(v->procedure, s->proc) != 0 || strcmp(v->subject, s->subj) != 0)
			continue;
		if (!*v->school_code)
			s->e[0].v = v;
		else if (strmap_get(at, v->school_code, &k))
			s->e[k].v = v;
	}
	strmap_free(at);
	sort_by = s->sort;
	if (s->ne > 2)
		qsort(s->e + 1, s->ne - 1, sizeof *s->e, by_sort);
	for (size_t i = 0; i < s->ne; i++) {
		const struct entry *e = &s->e[i];
		if (i)
			add(s, L_BLANK, e);
		add_head(s, e);
		if (!e->v || !e->v->participants[1]) {
			add(s, L_NONE, e);
			continue;
		}
		add(s, L_BELOW, e);
		if (e->v->high_known[1])
			add(s, L_HIGH, e);
		if (e->v->compared[1])
			add(s, L_MARKS, e);
	}
	ui_list_begin(s->list);
	for (size_t i = 0; i < s->n; i++)
		ui_list_add(s->list, i);
	ui_list_end(s->list);
	ui_list_home(s->list);
}

/* Keeps the procedure and subject shown when the year has them, else
 * takes ВПР Математика, else the first there is. */
static void choose_default(struct state *s)
{
	const dist_ind *keep = NULL, *vpr = NULL, *first = NULL;
	for (size_t i = 0; i < s->set.n && !*s->set.v[i].school_code; i++) {
		const dist_ind *v = &s->set.v[i];
		if (!first)
			first = v;
		if (s->proc && strcmp(v->procedure, s->proc) == 0 && strcmp(v->subject, s->subj) == 0)
			keep = v;
		if (strcmp(v->procedure, "ВПР") == 0 && strcmp(v->subject, "Математика") == 0)
			vpr = v;
	}
	const dist_ind *pick = keep ? keep : vpr ? vpr : first;
	if (pick && pick != keep) {
		free(s->proc), free(s->subj);
		s->proc = xstrdup(pick->procedure);
		s->subj = xstrdup(pick->subject);
	}
}

/* The year's indicators and the schools, kept to the district chosen on
 * the region; then its entries and lines. */
static void compute(struct state *s)
{
	char *err = NULL;
	strmap *kept = NULL;
	dist_ind_set_free(&s->set);
	d_school_list_free(s->schools, s->nschools);
	s->schools = NULL;
	s->nschools = 0;
	if (db_d_school_list(ui.office, &s->schools, &s->nschools, &err) != 0 ||
	    (s->year && district_indicators(ui.office, s->year, &s->set, &err) != 0) ||
	    (s->district && !(kept = district_codes(ui.office, s->district, &err)))) {
		ui_error("%s", err);
		free(err);
	}
	if (kept) {
		district_indicators_keep(&s->set, kept);
		district_schools_keep(s->schools, &s->nschools, kept);
		strmap_free(kept);
	}
	free(s->whole);
	s->whole = s->district ? xasprintf(_("%s as a whole"), s->district)
		   : xstrdup(ui_region() ? _("The region as a whole") : _("The district as a whole"));
	choose_default(s);
	build(s);
}

/* A share of den as a bar line: label, bar, percent, count, last year's
 * percent, and (for below the minimum) the change, which stands out when
 * the share grew. */
static void draw_share(WINDOW *w, int y, int x, int width, int barw, const char *label, const long *num,
		       const long *den, attr_t fill, int change, attr_t base)
{
	int t = indicator_tenths(num[1], den[1]);
	ui_put(w, y, x + 2, 18, label);
	ui_chart_bar(w, y, x + 21, barw, t, fill);
	wattrset(w, base);
	char *p = num_percent(t), *c = xasprintf(_("%ld of %ld"), num[1], den[1]);
	mvwaddstr(w, y, x + 22 + barw, p);
	ui_put(w, y, x + 31 + barw, 11, c);
	free(p), free(c);
	int at = x + 43 + barw, end = x + width;
	if (den[0] && at + 12 < end) {
		int was = indicator_tenths(num[0], den[0]);
		char *q = num_percent(was), *text = xasprintf(_("was %s"), q);
		ui_put(w, y, at, 12, text);
		free(q), free(text);
		if (change && at + 19 < end) {
			char *d = num_change(t - was);
			if (t > was)
				wattrset(w, ui_attr(UA_ERROR));
			ui_put(w, y, at + 13, end - at - 13, d);
			wattrset(w, base);
			free(d);
		}
	}
}

/* Lowered, confirmed and raised of compared as «20,7/72,4/6,9 %». */
static char *marks_text(const dist_ind *v, int k)
{
	char *lo = num_tenths(indicator_tenths(v->lowered[k], v->compared[k]));
	char *co = num_tenths(indicator_tenths(v->confirmed[k], v->compared[k]));
	char *ra = num_tenths(indicator_tenths(v->raised[k], v->compared[k]));
	char *t = xasprintf("%s/%s/%s %%", lo, co, ra);
	free(lo), free(co), free(ra);
	return t;
}

/* One line of a block: a school's head, a bar, or its lack of results. */
static void row(void *ctx, WINDOW *w, int y, int x, int width, size_t item, int cur, attr_t base)
{
	const struct state *s = ctx;
	const struct line *l = &s->lines[item];
	const dist_ind *v = l->e->v;
	int barw = width >= 97 ? 30 : 14;
	(void)cur;
	if (l->kind == L_HEAD) {
		wattrset(w, ui_attr(UA_HEAD));
		ui_put(w, y, x, width, l->name);
		wattrset(w, base);
		if (l->tail) {
			char *count, *few;
			head_tail(l->e, &count, &few);
			int at = x + utf8_width(l->name);
			ui_put(w, y, at, x + width - at, count);
			at += utf8_width(count);
			wattrset(w, ui_attr(UA_NOTE));
			ui_put(w, y, at, x + width - at, few);
			wattrset(w, base);
			free(count), free(few);
		}
	} else if (l->kind == L_BELOW) {
		draw_share(w, y, x, width, barw, _("below the minimum"), v->below, v->participants, ui_attr(UA_BAR_BAD),
			   1, base);
	} else if (l->kind == L_HIGH) {
		draw_share(w, y, x, width, barw, _("high level"), v->high, v->high_known, ui_attr(UA_BAR_GOOD), 0, base);
	} else if (l->kind == L_MARKS) {
		ui_put(w, y, x + 2, 18, _("marks vs journal"));
		ui_chart_marks(w, y, x + 21, barw, indicator_tenths(v->lowered[1], v->compared[1]),
			       indicator_tenths(v->confirmed[1], v->compared[1]));
		wattrset(w, base);
		char *now = marks_text(v, 1);
		ui_put(w, y, x + 22 + barw, 20, now);
		int at = x + 43 + barw, nw = utf8_width(now);
		free(now);
		if (v->compared[0]) {
			char *was = marks_text(v, 0), *text = xasprintf(_("was %s"), was);
			/* under the other lines' «was» when it fits there, else
			 * closer, so as to be read whole */
			if (at + utf8_width(text) > x + width)
				at = x + 22 + barw + nw + 2;
			ui_put(w, y, at, x + width - at, text);
			free(was), free(text);
		}
	} else if (l->kind == L_NONE) {
		char *text;
		if (v && v->participants[0]) {
			char *p = num_percent(indicator_tenths(v->below[0], v->participants[0]));
			text = xasprintf(_("no results for %d (in %d: %s below the minimum)"), s->year, s->year - 1, p);
			free(p);
		} else {
			text = xasprintf(_("no results for %d"), s->year);
		}
		wattrset(w, ui_attr(UA_NOTE));
		ui_put(w, y, x + 2, width - 2, text);
		wattrset(w, base);
		free(text);
	}
}

static void draw(ui_screen *scr, WINDOW *w)
{
	struct state *s = scr->data;
	int width = getmaxx(w);
	curs_set(0);
	if (!s->year || !s->proc) {
		ui_put(w, 1, 2, width - 4,
		       _("No results yet: import the schools' packages (Import from a stick in the main menu)."));
		return;
	}
	char *head = xasprintf(_("Indicators by school: %s · %s, %d (last year: %d)"), s->proc, s->subj, s->year,
			       s->year - 1);
	wattrset(w, ui_attr(UA_HEAD));
	ui_put(w, 0, 1, width - 2, head);
	free(head);
	char *note = xasprintf(_("Order: %s · marks vs journal: lowered/confirmed/raised"), _(sort_names[s->sort]));
	wattrset(w, ui_attr(UA_NOTE));
	ui_put(w, 1, 1, width - 2, note);
	wattrset(w, A_NORMAL);
	free(note);
	if (ui_region())
		ui_district_show(w, 2, s->district);
	ui_list_draw(s->list, w, 3, getmaxy(w) - 3);
}

/* Lets the user choose the procedure and subject among those of the year. */
static ui_result pick_subject(ui_screen *scr)
{
	struct state *s = scr->data;
	size_t n = 0;
	while (n < s->set.n && !*s->set.v[n].school_code)
		n++;
	if (!n)
		return UI_REDRAW;
	char **labels = xcalloc(n, sizeof *labels);
	int current = 0;
	for (size_t i = 0; i < n; i++) {
		const dist_ind *v = &s->set.v[i];
		labels[i] = xasprintf("%s · %s", v->procedure, v->subject);
		if (strcmp(v->procedure, s->proc) == 0 && strcmp(v->subject, s->subj) == 0)
			current = (int)i;
	}
	int p = ui_pick(_("Procedure and subject"), labels, (int)n, current);
	if (p >= 0) {
		free(s->proc), free(s->subj);
		s->proc = xstrdup(s->set.v[p].procedure);
		s->subj = xstrdup(s->set.v[p].subject);
		build(s);
	}
	for (size_t i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	return UI_REDRAW;
}

static void new_year(struct state *s, int year)
{
	if (year) {
		s->year = year;
		compute(s);
	}
}

static ui_result older(ui_screen *scr)
{
	struct state *s = scr->data;
	new_year(s, ui_years_step(s->years, s->nyears, s->year, -1));
	return UI_REDRAW;
}

static ui_result newer(ui_screen *scr)
{
	struct state *s = scr->data;
	new_year(s, ui_years_step(s->years, s->nyears, s->year, 1));
	return UI_REDRAW;
}

static ui_result year_key(ui_screen *scr)
{
	struct state *s = scr->data;
	new_year(s, ui_years_pick(s->years, s->nyears, s->year));
	return UI_REDRAW;
}

static ui_result order_key(ui_screen *scr)
{
	struct state *s = scr->data;
	s->sort = (s->sort + 1) % SORT_COUNT;
	build(s);
	return UI_REDRAW;
}

static int have_results(const ui_screen *scr)
{
	const struct state *s = scr->data;
	return s->year && s->proc;
}

static ui_result pick_district(ui_screen *scr)
{
	struct state *s = scr->data;
	if (ui_district_pick(&s->district))
		compute(s);
	return UI_REDRAW;
}

static int on_region(const ui_screen *scr)
{
	return have_results(scr) && ui_region();
}

static void destroy(ui_screen *scr)
{
	struct state *s = scr->data;
	dist_ind_set_free(&s->set);
	d_school_list_free(s->schools, s->nschools);
	forget_lines(s);
	free(s->years), free(s->proc), free(s->subj), free(s->e), free(s->district), free(s->whole);
	free(s);
}

static const ui_key keys[] = {
	{ KEY_F(3), NC_("key", "Year"), year_key, have_results },
	{ KEY_F(4), NC_("key", "Order"), order_key, have_results },
	{ KEY_F(5), NC_("key", "Subject"), pick_subject, have_results },
	{ KEY_F(9), NC_("key", "District"), pick_district, on_region },
	{ KEY_LEFT, NULL, older, have_results },
	{ KEY_RIGHT, NULL, newer, have_results },
	{ 0 },
};

ui_screen *scr_dindicators_new(void)
{
	struct state *s = xcalloc(1, sizeof *s);
	char *err = NULL;
	if (db_d_result_years(ui.office, &s->years, &s->nyears, &err) != 0) {
		ui_error("%s", err);
		free(err);
	}
	s->year = s->nyears ? s->years[0] : 0;
	s->sort = SORT_NAME;
	s->list = ui_list_new(row, s);
	ui_list_set_browse(s->list, 1);
	compute(s);
	ui_screen *scr = ui_screen_new(N_("Indicators by school"),
				       N_("The indicators of every school and of the district as a whole, worked out from "
					  "the results the schools' packages brought, for one procedure and subject, all "
					  "grades pooled. The district's shares are over all its pupils, not an average of "
					  "the schools'.\n\n"
					  "For each: the share of participants below the minimum (red bar) with its change "
					  "from last year in percentage points, the share at the high level (green bar), "
					  "and how the marks compare with the journal: lowered (red), confirmed (green), "
					  "raised (yellow). Last year's figures stand beside. \"too few\" marks groups of "
					  "under 5 participants.\n\n"
					  "F5 chooses the procedure and subject, F4 changes the order (by name, by the share "
					  "below the minimum, by its change from last year; the district stays first; the "
					  "line under the heading says which), F3 chooses the year, Left and Right step "
					  "through the years, Up, Down, PgUp, PgDn, Home and End scroll."),
				       keys, s);
	if (ui_region())
		ui_screen_help_add(scr, N_("On the region's server the first line is the region's (or, with one "
					   "district chosen, that district's): F9 chooses one district (or all of "
					   "them), and the line above the list says which is shown."));
	scr->draw = draw;
	scr->destroy = destroy;
	scr->list = s->list;
	return scr;
}
