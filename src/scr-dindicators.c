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
#include "scr.h"
#include "strmap.h"
#include "ui-chart.h"
#include "ui-years.h"
#include "utf8.h"

enum sort { SORT_NAME, SORT_BELOW, SORT_CHANGE, SORT_COUNT };

static const char *const sort_names[SORT_COUNT] = {
	N_("by name"), N_("by share below the minimum"), N_("by change from last year"),
};

/* The district or one school with its counts (NULL: no results). */
struct entry {
	const char *name;
	const dist_ind *v;
};

enum kind { L_HEAD, L_BELOW, L_HIGH, L_MARKS, L_NONE, L_BLANK };

struct line {
	enum kind kind;
	const struct entry *e;
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
	size_t n, top;
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
	s->lines[s->n++] = (struct line){ k, e };
}

/* The entries for the chosen procedure and subject, sorted, and the lines
 * they show as. */
static void build(struct state *s)
{
	free(s->e);
	free(s->lines);
	s->lines = NULL;
	s->n = s->top = 0;
	s->e = xcalloc(s->nschools + 1, sizeof *s->e);
	s->ne = s->nschools + 1;
	strmap *at = strmap_new();
	for (size_t i = 0; i < s->nschools; i++) {
		s->e[i + 1].name = s->schools[i].name;
		strmap_put(at, s->schools[i].code, (long long)i + 1);
	}
	s->e[0].name = _("The district as a whole");
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
		add(s, L_HEAD, e);
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

/* The year's indicators, then its entries and lines. */
static void compute(struct state *s)
{
	char *err = NULL;
	dist_ind_set_free(&s->set);
	if (s->year && district_indicators(ui.db, s->year, &s->set, &err) != 0) {
		ui_error("%s", err);
		free(err);
	}
	choose_default(s);
	build(s);
}

/* A share of den as a bar line: label, bar, percent, count, last year's
 * percent, and (for below the minimum) the change. */
static void draw_share(WINDOW *w, int y, int width, int barw, const char *label, const long *num, const long *den,
		       attr_t fill, int change)
{
	int t = indicator_tenths(num[1], den[1]);
	ui_put(w, y, 3, 18, label);
	ui_chart_bar(w, y, 22, barw, t, fill);
	char *p = ui_chart_percent(t), *c = xasprintf(_("%ld of %ld"), num[1], den[1]);
	mvwaddstr(w, y, 23 + barw, p);
	ui_put(w, y, 32 + barw, 11, c);
	free(p), free(c);
	int x = 44 + barw;
	if (den[0] && x + 12 < width) {
		int was = indicator_tenths(num[0], den[0]);
		char *q = ui_chart_percent(was), *text = xasprintf(_("was %s"), q);
		ui_put(w, y, x, 12, text);
		free(q), free(text);
		if (change && x + 19 < width) {
			char *d = ui_chart_points(t - was);
			if (t > was)
				wattrset(w, ui_attr(UA_ERROR));
			ui_put(w, y, x + 13, width - x - 14, d);
			wattrset(w, A_NORMAL);
			free(d);
		}
	}
}

/* Lowered, confirmed and raised of compared as «20,7/72,4/6,9 %». */
static char *marks_text(const dist_ind *v, int k)
{
	int lo = indicator_tenths(v->lowered[k], v->compared[k]), co = indicator_tenths(v->confirmed[k], v->compared[k]);
	int ra = indicator_tenths(v->raised[k], v->compared[k]);
	return xasprintf("%d,%d/%d,%d/%d,%d %%", lo / 10, lo % 10, co / 10, co % 10, ra / 10, ra % 10);
}

/* One line of a block: a school's head, a bar, or its lack of results. */
static void draw_line(WINDOW *w, int y, int width, int barw, const struct state *s, const struct line *l)
{
	const dist_ind *v = l->e->v;
	if (l->kind == L_HEAD) {
		/* The count and «too few» first, so that a long name gives way. */
		char *tail = xstrdup("");
		if (v && v->participants[1]) {
			long n = v->participants[1];
			free(tail);
			tail = xasprintf(ngettext(" · %ld participant", " · %ld participants", (unsigned long)n), n);
		}
		int small = v && v->participants[1] && v->participants[1] < IND_SMALL_GROUP;
		char *few = small ? xasprintf(" · %s", _("too few")) : xstrdup("");
		int room = width - 2 - utf8_width(tail) - utf8_width(few), nw = utf8_width(l->e->name);
		int x = 1 + (nw < room ? nw : room);
		wattrset(w, ui_attr(UA_HEAD));
		ui_put(w, y, 1, x - 1, l->e->name);
		wattrset(w, A_NORMAL);
		ui_put(w, y, x, width - x - 1, tail);
		x += utf8_width(tail);
		wattrset(w, ui_attr(UA_NOTE));
		ui_put(w, y, x, width - x - 1, few);
		wattrset(w, A_NORMAL);
		free(tail), free(few);
	} else if (l->kind == L_BELOW) {
		draw_share(w, y, width, barw, _("below the minimum"), v->below, v->participants, ui_attr(UA_BAR_BAD), 1);
	} else if (l->kind == L_HIGH) {
		draw_share(w, y, width, barw, _("high level"), v->high, v->high_known, ui_attr(UA_BAR_GOOD), 0);
	} else if (l->kind == L_MARKS) {
		ui_put(w, y, 3, 18, _("marks vs journal"));
		ui_chart_marks(w, y, 22, barw, indicator_tenths(v->lowered[1], v->compared[1]),
			       indicator_tenths(v->confirmed[1], v->compared[1]));
		char *now = marks_text(v, 1);
		ui_put(w, y, 23 + barw, 20, now);
		free(now);
		int x = 44 + barw;
		if (v->compared[0] && x + 12 < width) {
			char *was = marks_text(v, 0), *text = xasprintf(_("was %s"), was);
			ui_put(w, y, x, width - x - 1, text);
			free(was), free(text);
		}
	} else if (l->kind == L_NONE) {
		char *text;
		if (v && v->participants[0]) {
			char *p = ui_chart_percent(indicator_tenths(v->below[0], v->participants[0]));
			text = xasprintf(_("no results for %d (in %d: %s below the minimum)"), s->year, s->year - 1, p);
			free(p);
		} else {
			text = xasprintf(_("no results for %d"), s->year);
		}
		wattrset(w, ui_attr(UA_NOTE));
		ui_put(w, y, 3, width - 4, text);
		wattrset(w, A_NORMAL);
		free(text);
	}
}

static void draw(ui_screen *scr, WINDOW *w)
{
	struct state *s = scr->data;
	int width = getmaxx(w), height = getmaxy(w);
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
	int rows = height - 3, barw = width >= 100 ? 30 : 14;
	if (s->top + (size_t)rows > s->n)
		s->top = s->n > (size_t)rows ? s->n - (size_t)rows : 0;
	for (int i = 0; i < rows && s->top + (size_t)i < s->n; i++)
		draw_line(w, 3 + i, width, barw, s, &s->lines[s->top + (size_t)i]);
}

/* Lets the user choose the procedure and subject among those of the year. */
static void pick_subject(struct state *s)
{
	size_t n = 0;
	while (n < s->set.n && !*s->set.v[n].school_code)
		n++;
	if (!n)
		return;
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
}

/* A page's first line: the head of the block at top, so that a page
 * starts with a school's name, unless that would not move at all. */
static size_t page_top(const struct state *s, size_t top)
{
	if (top >= s->n)
		return s->n ? s->n - 1 : 0;
	size_t t = top;
	while (t > 0 && s->lines[t].kind != L_HEAD)
		t--;
	return t == s->top ? top : t;
}

static ui_result key(ui_screen *scr, int ch, int fk)
{
	struct state *s = scr->data;
	if (!fk)
		return UI_UNHANDLED;
	size_t page = LINES > 8 ? (size_t)LINES - 7 : 1;
	int year = 0;
	switch (ch) {
	case KEY_DOWN: if (s->top + 1 < s->n) s->top++; return UI_HANDLED;
	case KEY_UP: if (s->top > 0) s->top--; return UI_HANDLED;
	case KEY_NPAGE: s->top = page_top(s, s->top + page); return UI_HANDLED;
	case KEY_PPAGE: s->top = page_top(s, s->top > page ? s->top - page : 0); return UI_HANDLED;
	case KEY_HOME: s->top = 0; return UI_HANDLED;
	case KEY_END: s->top = s->n; return UI_HANDLED;
	case KEY_LEFT:
	case KEY_RIGHT: year = ui_years_step(s->years, s->nyears, s->year, ch == KEY_RIGHT ? 1 : -1); break;
	default:
		if (ch == KEY_F(3))
			year = ui_years_pick(s->years, s->nyears, s->year);
		else if (ch == KEY_F(4)) {
			s->sort = (s->sort + 1) % SORT_COUNT;
			build(s);
		} else if (ch == KEY_F(5) && s->proc)
			pick_subject(s);
		else
			return UI_UNHANDLED;
	}
	if (year) {
		s->year = year;
		compute(s);
	}
	return UI_REDRAW;
}

static void destroy(ui_screen *scr)
{
	struct state *s = scr->data;
	dist_ind_set_free(&s->set);
	d_school_list_free(s->schools, s->nschools);
	free(s->years), free(s->proc), free(s->subj), free(s->e), free(s->lines);
	free(s);
	free(scr);
}

ui_screen *scr_dindicators_new(void)
{
	struct state *s = xcalloc(1, sizeof *s);
	char *err = NULL;
	if (db_d_result_years(ui.db, &s->years, &s->nyears, &err) != 0 ||
	    db_d_school_list(ui.db, &s->schools, &s->nschools, &err) != 0) {
		ui_error("%s", err);
		free(err);
	}
	s->year = s->nyears ? s->years[0] : 0;
	s->sort = SORT_NAME;
	compute(s);
	ui_screen *scr = xcalloc(1, sizeof *scr);
	scr->title = N_("Indicators by school");
	scr->help = N_("The indicators of every school and of the district as a whole, worked out\n"
		       "from the results the schools' packages brought, for one procedure and\n"
		       "subject, all grades pooled. The district's shares are over all its pupils,\n"
		       "not an average of the schools'.\n\n"
		       "For each: the share of participants below the minimum (red bar) with its\n"
		       "change from last year in percentage points, the share at the high level\n"
		       "(green bar), and how the marks compare with the journal: lowered (red),\n"
		       "confirmed (green), raised (yellow). Last year's figures stand beside.\n"
		       "\"too few\" marks groups of under 5 participants.\n\n"
		       "F5 chooses the procedure and subject, F4 changes the order (by name, by the\n"
		       "share below the minimum, by its change from last year; the district stays\n"
		       "first), F3 chooses the year, Left and Right step through the years,\n"
		       "Up/Down/PgUp/PgDn scroll.");
	scr->bar[2] = NC_("key", "Year");
	scr->bar[3] = NC_("key", "Order");
	scr->bar[4] = NC_("key", "Subject");
	scr->draw = draw;
	scr->key = key;
	scr->destroy = destroy;
	scr->data = s;
	return scr;
}
