/* Indicators for a year as bar charts: below the minimum and the high
 * level per procedure and subject, the objectivity of marks, with last
 * year beside this one and small groups marked. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "day.h"
#include "indicators.h"
#include "num.h"
#include "scr.h"
#include "ui-chart.h"
#include "ui-list.h"
#include "ui-years.h"

/* A row of the list: what it shows of indicator i of this year's set. */
enum { R_BAR, R_HEAD, R_BLANK, R_MARKS, R_MARKS_TEXT };
#define ROW(kind, i) ((size_t)(kind) << 28 | (i))
#define ROW_KIND(item) ((int)((item) >> 28))
#define ROW_INDEX(item) ((item) & (((size_t)1 << 28) - 1))

struct state {
	int year, by_grade;
	int *years;		/* the years with results, newest first */
	size_t nyears;
	ind_set now, was;
	ui_list *list;
};

/* The indicator code of the same procedure, subject and grade as like, in
 * set (both sets come from one database, so ids match). */
static const indicator *find(const ind_set *set, const indicator *like, enum ind_code code)
{
	for (size_t i = 0; i < set->n; i++) {
		const indicator *v = &set->v[i];
		if (v->code == code && v->grade == like->grade && v->procedure_id == like->procedure_id &&
		    v->subject_id == like->subject_id)
			return v;
	}
	return NULL;
}

/* The rows: for each procedure and subject (and grade, with F4), its
 * heading, the share below the minimum, the share at the high level, and
 * the marks against the journal. */
static void build(struct state *s)
{
	const ind_set *set = &s->now;
	int first = 1;
	ui_list_begin(s->list);
	for (size_t i = 0; i < set->n; i++) {
		const indicator *v = &set->v[i];
		if (v->code != IND_BELOW_MIN || !v->subject_id || (v->grade != 0) != s->by_grade)
			continue;
		if (!first)
			ui_list_add(s->list, ROW(R_BLANK, i));
		first = 0;
		ui_list_add_heading(s->list, ROW(R_HEAD, i));
		ui_list_add(s->list, ROW(R_BAR, i));
		const indicator *h = find(set, v, IND_HIGH);
		if (h)
			ui_list_add(s->list, ROW(R_BAR, (size_t)(h - set->v)));
		const indicator *lo = find(set, v, IND_MARKS_LOWERED);
		if (lo) {
			ui_list_add(s->list, ROW(R_MARKS, (size_t)(lo - set->v)));
			ui_list_add(s->list, ROW(R_MARKS_TEXT, (size_t)(lo - set->v)));
		}
	}
	ui_list_end(s->list);
	ui_list_set_filter(s->list, s->by_grade ? _("each grade apart") : _("all grades together"));
}

static int compute(struct state *s)
{
	char *err = NULL;
	ind_set_free(&s->now);
	ind_set_free(&s->was);
	if (indicators_compute(ui.db, s->year, &s->now, &err) != 0 ||
	    indicators_compute(ui.db, s->year - 1, &s->was, &err) != 0) {
		ui_error("%s", err);
		free(err);
		return -1;
	}
	build(s);
	ui_list_home(s->list);
	return 0;
}

/* A share's bar, its percent and count, last year's share, and a mark on
 * a group too small to count. */
static void bar_row(const struct state *s, WINDOW *w, int y, int x, int width, const indicator *v, attr_t base)
{
	int barw = width >= 100 ? 30 : 14;
	ui_put(w, y, x + 2, 18, indicator_title(v->code));
	ui_chart_bar(w, y, x + 21, barw, v->tenths, v->code == IND_BELOW_MIN ? ui_attr(UA_BAR_BAD) : ui_attr(UA_BAR_GOOD));
	wattrset(w, base);
	char *p = num_percent(v->tenths), *c = xasprintf(_("%ld of %ld"), v->num, v->den);
	ui_put(w, y, x + 22 + barw, 8, p);
	ui_put(w, y, x + 31 + barw, 11, c);
	free(p), free(c);
	int at = x + 43 + barw, end = x + width;
	const indicator *was = find(&s->was, v, v->code);
	if (was) {
		char *q = num_percent(was->tenths), *t = xasprintf(_("was %s"), q);
		ui_put(w, y, at, end - at, t);
		free(q), free(t);
		at += 14;
	}
	if (v->den < IND_SMALL_GROUP && at < end) {
		wattrset(w, ui_attr(UA_NOTE));
		ui_put(w, y, at, end - at, _("too few"));
		wattrset(w, base);
	}
}

static void row(void *ctx, WINDOW *w, int y, int x, int width, size_t item, int cur, attr_t base)
{
	const struct state *s = ctx;
	const ind_set *set = &s->now;
	const indicator *v = &set->v[ROW_INDEX(item)];
	(void)cur;
	switch (ROW_KIND(item)) {
	case R_HEAD: {
		char *head = v->grade ? xasprintf(_("%s · %s · grade %d"), refmap_name(set->proc, v->procedure_id),
						  refmap_name(set->subj, v->subject_id), v->grade)
				      : xasprintf(_("%s · %s · all grades"), refmap_name(set->proc, v->procedure_id),
						  refmap_name(set->subj, v->subject_id));
		ui_put(w, y, x, width, head);
		free(head);
		break;
	}
	case R_BAR:
		bar_row(s, w, y, x, width, v, base);
		break;
	case R_MARKS: {
		const indicator *co = find(set, v, IND_MARKS_CONFIRMED);
		ui_put(w, y, x + 2, 18, _("marks vs journal"));
		ui_chart_marks(w, y, x + 21, width >= 100 ? 30 : 14, v->tenths, co ? co->tenths : 0);
		wattrset(w, base);
		break;
	}
	case R_MARKS_TEXT: {
		const indicator *co = find(set, v, IND_MARKS_CONFIRMED), *ra = find(set, v, IND_MARKS_RAISED);
		char *p1 = num_percent(v->tenths), *p2 = num_percent(co ? co->tenths : 0);
		char *p3 = num_percent(ra ? ra->tenths : 0);
		char *t = xasprintf(_("lowered %s, confirmed %s, raised %s"), p1, p2, p3);
		ui_put(w, y, x + 4, width - 4, t);
		free(p1), free(p2), free(p3), free(t);
		break;
	}
	default:
		break;
	}
}

static void draw(ui_screen *scr, WINDOW *w)
{
	struct state *s = scr->data;
	curs_set(0);
	char *title = xasprintf(_("Indicators for %d (last year: %d)"), s->year, s->year - 1);
	wattrset(w, ui_attr(UA_HEAD));
	ui_put(w, 0, 1, getmaxx(w) - 2, title);
	wattrset(w, A_NORMAL);
	free(title);
	ui_list_draw(s->list, w, 1, getmaxy(w) - 1);
}

/* Shows year, when it is one (not 0). */
static ui_result show_year(struct state *s, int year)
{
	if (year && year != s->year) {
		s->year = year;
		compute(s);
	}
	return UI_REDRAW;
}

static ui_result year_key(ui_screen *scr)
{
	struct state *s = scr->data;
	if (!s->nyears) {
		ui_message(_("No results have been entered yet."));
		return UI_REDRAW;
	}
	return show_year(s, ui_years_pick(s->years, s->nyears, s->year));
}

static ui_result grades_key(ui_screen *scr)
{
	struct state *s = scr->data;
	s->by_grade = !s->by_grade;
	build(s);
	ui_list_home(s->list);
	return UI_REDRAW;
}

static ui_result key(ui_screen *scr, int ch, int fk)
{
	struct state *s = scr->data;
	if (fk && (ch == KEY_LEFT || ch == KEY_RIGHT))
		return show_year(s, ui_years_step(s->years, s->nyears, s->year, ch == KEY_RIGHT ? 1 : -1));
	return UI_UNHANDLED;
}

static void destroy(ui_screen *scr)
{
	struct state *s = scr->data;
	ind_set_free(&s->now);
	ind_set_free(&s->was);
	free(s->years);
	free(s);
}

static const ui_key keys[] = {
	{ KEY_F(3), NC_("key", "Year"), year_key, NULL },
	{ KEY_F(4), NC_("key", "Grades"), grades_key, NULL },
	{ 0 },
};

ui_screen *scr_indicators_new(void)
{
	struct state *s = xcalloc(1, sizeof *s);
	char *err = NULL;
	if ((s->year = db_result_latest_year(ui.db, &err)) <= 0)
		s->year = (int)(day_today() / 10000);
	free(err);
	err = NULL;
	if (db_result_years(ui.db, &s->years, &s->nyears, &err) != 0) {
		ui_error("%s", err);
		free(err);
	}
	s->list = ui_list_new(row, s);
	ui_list_set_browse(s->list, 1);
	ui_list_set_empty(s->list, _("No results for this year. F3 chooses another year."));
	compute(s);
	ui_screen *scr = ui_screen_new(N_("Indicators"),
				       N_("The roadmap's indicators for a year, worked out from the results.\n\n"
					  "For each procedure and subject: the share of participants below the minimum "
					  "(red bar), the share at the high level (green bar), and how the marks compare "
					  "with the journal: lowered (red), confirmed (green), raised (yellow), in figures "
					  "on the line under the bar. Last year's share stands beside this year's. «too "
					  "few» marks groups of under 5 participants.\n\n"
					  "F3 chooses the year, Left and Right step through the years that have results. "
					  "F4 switches between all grades together and each grade apart; the line above "
					  "the bars says which, and how far down you are. Up, Down, PgUp, PgDn, Home and "
					  "End scroll."),
				       keys, s);
	scr->draw = draw;
	scr->key = key;
	scr->destroy = destroy;
	scr->list = s->list;
	return scr;
}
