/* Indicators for a year as bar charts: below the minimum and the high
 * level per procedure and subject, the objectivity of marks, with last
 * year beside this one and small groups marked. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "day.h"
#include "db.h"
#include "indicators.h"
#include "scr.h"
#include "ui-chart.h"

enum kind { L_HEAD, L_BAR, L_MARKS, L_BLANK };

struct line {
	enum kind kind;
	char *text;			/* L_HEAD */
	const indicator *now, *was;	/* L_BAR; L_MARKS: now = lowered */
	const indicator *confirmed, *raised;
};

struct state {
	int year, by_grade;
	ind_set now, was;
	struct line *lines;
	size_t n, top;
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

static void add(struct state *s, struct line l)
{
	s->lines = xrealloc(s->lines, (s->n + 1) * sizeof *s->lines);
	s->lines[s->n++] = l;
}

static void clear_lines(struct state *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->lines[i].text);
	free(s->lines);
	s->lines = NULL;
	s->n = s->top = 0;
}

static void build(struct state *s)
{
	clear_lines(s);
	const ind_set *set = &s->now;
	for (size_t i = 0; i < set->n; i++) {
		const indicator *v = &set->v[i];
		if (v->code != IND_BELOW_MIN || !v->subject_id || (v->grade != 0) != s->by_grade)
			continue;
		char *head = v->grade ? xasprintf(_("%s · %s · grade %d"), refmap_name(set->proc, v->procedure_id),
						  refmap_name(set->subj, v->subject_id), v->grade)
				      : xasprintf(_("%s · %s · all grades"), refmap_name(set->proc, v->procedure_id),
						  refmap_name(set->subj, v->subject_id));
		if (s->n)
			add(s, (struct line){ .kind = L_BLANK });
		add(s, (struct line){ .kind = L_HEAD, .text = head });
		add(s, (struct line){ .kind = L_BAR, .now = v, .was = find(&s->was, v, IND_BELOW_MIN) });
		const indicator *h = find(set, v, IND_HIGH);
		if (h)
			add(s, (struct line){ .kind = L_BAR, .now = h, .was = find(&s->was, h, IND_HIGH) });
		const indicator *lo = find(set, v, IND_MARKS_LOWERED);
		if (lo)
			add(s, (struct line){ .kind = L_MARKS, .now = lo, .confirmed = find(set, v, IND_MARKS_CONFIRMED),
					      .raised = find(set, v, IND_MARKS_RAISED) });
	}
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
	return 0;
}

static void draw(ui_screen *scr, WINDOW *w)
{
	struct state *s = scr->data;
	int width = getmaxx(w), height = getmaxy(w);
	curs_set(0);
	char *title = xasprintf(_("Indicators for %d (last year: %d)"), s->year, s->year - 1);
	wattrset(w, ui_attr(UA_HEAD));
	ui_put(w, 0, 1, width - 2, title);
	wattrset(w, A_NORMAL);
	free(title);
	if (s->n == 0) {
		ui_put(w, 2, 2, width - 4, _("No results for this year. F3 chooses another year."));
		return;
	}
	int rows = height - 2, barw = width >= 100 ? 30 : 14;
	if (s->top + (size_t)rows > s->n)
		s->top = s->n > (size_t)rows ? s->n - (size_t)rows : 0;
	for (int i = 0; i < rows && s->top + (size_t)i < s->n; i++) {
		const struct line *l = &s->lines[s->top + (size_t)i];
		int y = 2 + i;
		if (l->kind == L_HEAD) {
			wattrset(w, ui_attr(UA_HEAD));
			ui_put(w, y, 1, width - 2, l->text);
			wattrset(w, A_NORMAL);
		} else if (l->kind == L_BAR) {
			const indicator *v = l->now;
			ui_put(w, y, 3, 18, indicator_title(v->code));
			ui_chart_bar(w, y, 22, barw, v->tenths, v->code == IND_BELOW_MIN ? ui_attr(UA_BAR_BAD) : ui_attr(UA_BAR_GOOD));
			char *p = ui_chart_percent(v->tenths);
			char *c = xasprintf(_("%ld of %ld"), v->num, v->den);
			mvwaddstr(w, y, 23 + barw, p);
			ui_put(w, y, 32 + barw, 11, c);
			int x = 44 + barw;
			if (l->was && x + 12 < width) {
				char *q = ui_chart_percent(l->was->tenths);
				char *t = xasprintf(_("was %s"), q);
				ui_put(w, y, x, width - x - 1, t);
				free(q), free(t);
				x += 14;
			}
			if (v->den < IND_SMALL_GROUP && x + 6 < width) {
				wattrset(w, ui_attr(UA_NOTE));
				ui_put(w, y, x, width - x - 1, _("too few"));
				wattrset(w, A_NORMAL);
			}
			free(p), free(c);
		} else if (l->kind == L_MARKS) {
			ui_put(w, y, 3, 18, _("marks vs journal"));
			int lo = l->now->tenths, co = l->confirmed ? l->confirmed->tenths : 0;
			ui_chart_marks(w, y, 22, barw, lo, co);
			char *p1 = ui_chart_percent(lo), *p2 = ui_chart_percent(co);
			char *p3 = ui_chart_percent(l->raised ? l->raised->tenths : 0);
			char *t = xasprintf(_("lowered %s, confirmed %s, raised %s"), p1, p2, p3);
			ui_put(w, y, 23 + barw, width - 24 - barw, t);
			free(p1), free(p2), free(p3), free(t);
		}
	}
}

/* The years that have assessments, newest first. */
static int pick_year(struct state *s)
{
	char *err = NULL;
	assessment_entry *v;
	size_t n;
	if (db_assessment_catalog(ui.db, &v, &n, &err) != 0) {
		ui_error("%s", err);
		free(err);
		return -1;
	}
	char **labels = xcalloc(n ? n : 1, sizeof *labels);
	int k = 0, current = 0, years[64];
	for (size_t i = 0; i < n && k < 64; i++) {
		if (k && years[k - 1] == v[i].year)
			continue;
		if (v[i].year == s->year)
			current = k;
		years[k] = v[i].year;
		labels[k++] = xasprintf("%d", v[i].year);
	}
	int p = ui_pick(_("Year"), labels, k, current);
	for (int i = 0; i < k; i++)
		free(labels[i]);
	free(labels);
	assessment_catalog_free(v, n);
	if (p < 0)
		return -1;
	s->year = years[p];
	return compute(s);
}

static ui_result key(ui_screen *scr, int ch, int fk)
{
	struct state *s = scr->data;
	if (!fk)
		return UI_UNHANDLED;
	int page = LINES - 6 > 1 ? LINES - 6 : 1;
	switch (ch) {
	case KEY_DOWN: if (s->top + 1 < s->n) s->top++; return UI_HANDLED;
	case KEY_UP: if (s->top > 0) s->top--; return UI_HANDLED;
	case KEY_NPAGE: s->top += (size_t)page; return UI_HANDLED;
	case KEY_PPAGE: s->top = s->top > (size_t)page ? s->top - (size_t)page : 0; return UI_HANDLED;
	case KEY_HOME: s->top = 0; return UI_HANDLED;
	case KEY_LEFT: s->year--; compute(s); return UI_REDRAW;
	case KEY_RIGHT: s->year++; compute(s); return UI_REDRAW;
	}
	if (ch == KEY_F(3)) {
		pick_year(s);
		return UI_REDRAW;
	}
	if (ch == KEY_F(4)) {
		s->by_grade = !s->by_grade;
		build(s);
		return UI_REDRAW;
	}
	return UI_UNHANDLED;
}

static void destroy(ui_screen *scr)
{
	struct state *s = scr->data;
	clear_lines(s);
	ind_set_free(&s->now);
	ind_set_free(&s->was);
	free(s);
	free(scr);
}

ui_screen *scr_indicators_new(void)
{
	struct state *s = xcalloc(1, sizeof *s);
	char *err = NULL;
	if ((s->year = db_result_latest_year(ui.db, &err)) <= 0)
		s->year = (int)(day_today() / 10000);
	free(err);
	compute(s);
	ui_screen *scr = xcalloc(1, sizeof *scr);
	scr->title = N_("Indicators");
	scr->help = N_("The roadmap's indicators for a year, worked out from the results.\n\n"
		       "For each procedure and subject: the share of participants below the\n"
		       "minimum (red bar), the share at the high level (green bar), and how the\n"
		       "marks compare with the journal: lowered (red), confirmed (green), raised\n"
		       "(yellow). Last year's share stands beside this year's. \"too few\" marks\n"
		       "groups of under 5 participants.\n\n"
		       "F3 chooses the year, Left and Right step through the years, F4 switches\n"
		       "between all grades together and each grade, Up/Down/PgUp/PgDn scroll.");
	scr->bar[2] = NC_("key", "Year");
	scr->bar[3] = NC_("key", "Grades");
	scr->draw = draw;
	scr->key = key;
	scr->destroy = destroy;
	scr->data = s;
	return scr;
}
