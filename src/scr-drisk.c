/* Low results: the district's low-results rule for a year, one line per
 * school, flagged ones first, with the worst share, the distance to the
 * line and the reason; Enter shows what the rule saw in the school. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "db-district.h"
#include "district.h"
#include "indicators.h"
#include "num.h"
#include "scr.h"
#include "ui-list.h"
#include "ui-text.h"
#include "ui-years.h"
#include "utf8.h"

struct state {
	int *years;		/* with results, newest first */
	size_t nyears;
	int year;		/* 0: no results at all */
	risk_report r;
	ui_list *list;		/* items: indices into r.v */
	dist_sign *signs;	/* the schools' signs of biased results in the year */
	size_t nsigns;
	char *district;		/* the region's filter: NULL for every district */
	char *failure;		/* why the last reading failed (the server gone), or NULL */
};

/* The threshold as people write it: «30 %», «27,5 %». */
static char *threshold_text(double t)
{
	int tenths = (int)(t * 10 + 0.5);
	return tenths % 10 ? num_percent(tenths) : xasprintf("%d %%", tenths / 10);
}

/* The rule for s->year; the selection stays on the school it was on. */
static void compute(struct state *s)
{
	char *err = NULL, *code = NULL;
	size_t i;
	if (ui_list_current(s->list, &i))
		code = xstrdup(s->r.v[i].code);
	risk_report_free(&s->r);
	/* the rule and the signs from one state of the database (a failure
	 * to begin is told by the reading that follows) */
	int began = district_read_begin(ui.office, &err);
	free(err);
	err = NULL;
	if (s->year && district_risk(ui.office, s->year, &s->r, &err) != 0) {
		ui_error("%s", err);
		free(s->failure);
		s->failure = err;
		err = NULL;
	} else if (s->year) {
		free(s->failure);
		s->failure = NULL;
		if (s->district)
			district_risk_keep(&s->r, s->district);
	}
	district_signs_free(s->signs, s->nsigns);
	s->signs = NULL;
	s->nsigns = 0;
	if (s->year && district_signs(ui.office, s->year, &s->signs, &s->nsigns, &err) != 0) {
		ui_error("%s", err);
		free(err);
	}
	district_read_end(ui.office, began);
	ui_list_begin(s->list);
	for (i = 0; i < s->r.n; i++)
		ui_list_add(s->list, i);
	ui_list_end(s->list);
	for (i = 0; code && i < s->r.n; i++)
		if (strcmp(s->r.v[i].code, code) == 0)
			ui_list_select(s->list, i);
	free(code);
}

/* Where a line's columns begin, and the name's and reason's widths. */
struct cols {
	int name, namew, pct, what, dist, why, whyw;
};

/* The columns at the window's width: the name and the reason share what
 * the fixed ones leave. */
static struct cols layout(int width)
{
	struct cols c = { .name = 3 };
	int spare = width - 1 - 3 - 1 - 7 - 1 - 16 - 1 - 6 - 2;
	/* The reason keeps 18 cells; past 30 the name and it share. */
	c.namew = spare - 18 < 16 ? 16 : spare - 18;
	if (c.namew > 30)
		c.namew = 30 + (c.namew - 30) / 2 < 48 ? 30 + (c.namew - 30) / 2 : 48;
	c.pct = c.name + c.namew + 1;
	c.what = c.pct + 8;
	c.dist = c.what + 17;
	c.why = c.dist + 8;
	c.whyw = width - 1 - c.why;
	return c;
}

/* Text right-aligned to end before column end. */
static void put_right(WINDOW *w, int y, int end, const char *text)
{
	int n = utf8_width(text);
	mvwaddstr(w, y, end - n, text);
}

static void header(void *ctx, WINDOW *w, int y, int x, int width)
{
	(void)ctx, (void)x, (void)width;
	struct cols c = layout(getmaxx(w));
	ui_put(w, y, c.name, c.namew, _("School name"));
	ui_put(w, y, c.pct, c.dist - c.pct - 1, _("Worst"));
	ui_put(w, y, c.dist - 2, 10, _("To line"));
	ui_put(w, y, c.why, c.whyw, _("Reason"));
}

/* One school's line: flagged ones stand out, the distance of a share at
 * the line or over it too. */
static void row(void *ctx, WINDOW *w, int y, int x, int width, size_t item, int cur, attr_t base)
{
	const struct state *s = ctx;
	const risk_row *r = &s->r.v[item];
	struct cols c = layout(getmaxx(w));
	attr_t strong = cur ? base | A_BOLD : ui_attr(UA_ERROR);
	(void)x, (void)width;
	if (r->flagged) {
		wattrset(w, strong);
		mvwaddch(w, y, 1, '!');
	}
	if (district_sign_of(s->signs, s->nsigns, r->code)) {
		/* a sign of biased results: a reason to look (the detail says which) */
		wattrset(w, cur ? base | A_BOLD : ui_attr(UA_NOTE) | A_BOLD);
		mvwaddch(w, y, 2, '?');
	}
	wattrset(w, base);
	if (ui_region() && !s->district && *r->district) {
		/* every district shown: schools of one name in several told
		 * apart, the district given up to two fifths of the room */
		int dw = utf8_width(r->district), most = c.namew * 2 / 5;
		ui_put(w, y, c.name, c.namew - (dw < most ? dw : most) - 3, r->name);
		waddstr(w, " · ");
		int x0 = getcurx(w);
		ui_put(w, y, x0, c.name + c.namew - x0, r->district);
	} else {
		ui_put(w, y, c.name, c.namew, r->name);
	}
	wattrset(w, base);
	if (r->worst >= 0) {
		/* The distance from the numbers shown, so that they add up. */
		int worst = (int)(r->worst * 10 + 0.5), line = (int)(s->r.threshold * 10 + 0.5);
		char *p = num_percent(worst);
		char *what = xasprintf("%s %s", r->worst_procedure, r->worst_subject);
		char *d = num_change(worst - line);
		put_right(w, y, c.pct + 7, p);
		ui_put(w, y, c.what, 16, what);
		if (!cur && r->worst >= s->r.threshold - 1e-9)
			wattrset(w, r->flagged ? ui_attr(UA_ERROR) : ui_attr(UA_NOTE));
		put_right(w, y, c.dist + 6, d);
		free(p), free(what), free(d);
	} else {
		put_right(w, y, c.pct + 7, "—");
	}
	char *why = district_risk_reason(r, s->r.year, 1);
	wattrset(w, r->flagged ? strong : !r->has_data && !cur ? ui_attr(UA_NOTE) : base);
	ui_put(w, y, c.why, c.whyw, why);
	free(why);
	wattrset(w, base);
}

/* The school's whole name and reason, and where its details are. */
static char *detail(void *ctx, size_t item)
{
	const struct state *s = ctx;
	const risk_row *r = &s->r.v[item];
	char *why = district_risk_reason(r, s->r.year, 0);
	char *text;
	if (r->flagged)
		text = xasprintf("%s: %s.", r->name, why);
	else if (*why)
		text = xasprintf(_("%s: not flagged, %s."), r->name, why);
	else
		text = xasprintf(_("%s: not flagged, no procedure reaches the line."), r->name);
	const char *sign = district_sign_of(s->signs, s->nsigns, r->code);
	char *signs = sign ? xasprintf(_("? Signs of biased results (a reason to look): %s"), sign) : NULL;
	/* On the region the district has no column: it leads the detail. */
	if (ui_region() && *r->district) {
		char *t = xasprintf("%s · %s", r->district, text);
		free(text);
		text = t;
	}
	char *all = xasprintf("%s\n%s", text, signs ? signs
			      : _("Enter: the school's Russian and mathematics, this year and last."));
	free(why), free(text), free(signs);
	return all;
}

static void draw(ui_screen *scr, WINDOW *w)
{
	struct state *s = scr->data;
	int width = getmaxx(w);
	curs_set(0);
	if (s->failure) {
		char *t = xasprintf(_("Nothing could be read: %s"), s->failure);
		wattrset(w, ui_attr(UA_ERROR));
		ui_put(w, 1, 2, width - 4, t);
		wattrset(w, A_NORMAL);
		free(t);
		return;
	}
	if (!s->year) {
		ui_put(w, 1, 2, width - 4,
		       _("No results yet: import the schools' packages (Import from a stick in the main menu)."));
		return;
	}
	char *head = xasprintf(ngettext("Low results for %d: %ld school of %zu flagged",
					"Low results for %d: %ld schools of %zu flagged", (unsigned long)s->r.flagged),
			       s->r.year, s->r.flagged, s->r.n);
	wattrset(w, ui_attr(UA_HEAD));
	ui_put(w, 0, 1, width - 2, head);
	free(head);
	char *t = threshold_text(s->r.threshold);
	char *rule = xasprintf(_("The line: %s of the participants below the minimum in Russian or mathematics"), t);
	wattrset(w, ui_attr(UA_NOTE));
	ui_put(w, 1, 1, width - 2, rule);
	wattrset(w, A_NORMAL);
	free(t), free(rule);
	if (ui_region())
		ui_district_show(w, 2, s->district);
	ui_list_draw(s->list, w, 3, getmaxy(w) - 3);
}

/* --- what the rule saw in one school --- */

/* A row of the table: a procedure and subject (an index into d.v), or
 * (NONE + p) a procedure of the rule without any, or (LABEL + i) the
 * procedure and subject of d.v[i] alone, when they are too long to stand
 * beside the figures (then its figures' row has none). */
#define NONE ((size_t)1 << 30)
#define LABEL ((size_t)1 << 29)

struct seen {
	char *name, *code;
	int year;
	double threshold;
	dist_ind_set d;
	ui_text *top;		/* the verdict and how to read the table */
	ui_list *table;
};

/* Where each year's block of three columns begins. */
static void school_columns(int x, int width, int *label, int *x1, int *x2)
{
	*x2 = x + width - 23;
	*x1 = *x2 - 25;
	*label = *x1 - x - 1;
}

/* Whether a row's procedure and subject are too wide to stand beside its
 * figures at the terminal's width. */
static int too_long(const dist_ind *v)
{
	int label, x1, x2;
	school_columns(1, COLS - 3, &label, &x1, &x2);
	char *l = xasprintf("%s · %s", v->procedure, v->subject);
	int wide = utf8_width(l) > label;
	free(l);
	return wide;
}

static void school_header(void *ctx, WINDOW *w, int y, int x, int width)
{
	const struct seen *c = ctx;
	int label, x1, x2;
	school_columns(x, width, &label, &x1, &x2);
	ui_put(w, y, x, label, _("Procedure · subject"));
	for (int k = 0; k < 2; k++) {
		char *yr = xasprintf("%d", c->year - 1 + k);
		put_right(w, y, (k ? x2 : x1) + 23, yr);
		free(yr);
	}
}

/* A count as people read it in a column: «—» for none. */
static char *count_text(long n, long participants)
{
	return participants ? xasprintf("%ld", n) : xstrdup("—");
}

static void school_row(void *ctx, WINDOW *w, int y, int x, int width, size_t item, int cur, attr_t base)
{
	const struct seen *c = ctx;
	int label, x1, x2;
	(void)cur;
	school_columns(x, width, &label, &x1, &x2);
	if (item >= NONE) {
		char *none = xasprintf(_("%s: no results in Russian or mathematics"), district_rule_procedure(item - NONE));
		wattrset(w, ui_attr(UA_NOTE));
		ui_put(w, y, x, width, none);
		wattrset(w, base);
		free(none);
		return;
	}
	const dist_ind *v = &c->d.v[item >= LABEL ? item - LABEL : item];
	char *l = xasprintf("%s · %s", v->procedure, v->subject);
	if (item >= LABEL)
		ui_put(w, y, x, width, l);
	else if (utf8_width(l) <= label)
		ui_put(w, y, x, label, l);
	free(l);
	if (item >= LABEL)
		return;
	for (int k = 0; k < 2; k++) {
		int at = k ? x2 : x1;
		char *a = count_text(v->participants[k], v->participants[k]);
		char *b = count_text(v->below[k], v->participants[k]);
		double sh = district_share(v->below[k], v->participants[k]);
		char *p = sh >= 0 ? num_percent(indicator_tenths(v->below[k], v->participants[k])) : xstrdup("");
		put_right(w, y, at + 7, a);
		put_right(w, y, at + 14, b);
		if (sh >= c->threshold - 1e-9)
			wattrset(w, ui_attr(UA_ERROR));
		put_right(w, y, at + 23, p);
		wattrset(w, base);
		free(a), free(b), free(p);
	}
}

static void school_draw(ui_screen *scr, WINDOW *w)
{
	struct seen *c = scr->data;
	int height = getmaxy(w);
	curs_set(0);
	/* The verdict whole above the table. */
	int rows = ui_text_layout(c->top, getmaxx(w) - 1);
	if (rows > height / 2)
		rows = height / 2;
	ui_text_draw(c->top, w, 0, 1, rows);
	ui_list_draw(c->table, w, rows + 1, height - rows - 1);
}

static void school_destroy(ui_screen *scr)
{
	struct seen *c = scr->data;
	dist_ind_set_free(&c->d);
	ui_text_free(c->top);
	free(c->name), free(c->code);
	free(c);
}

static const ui_key school_keys[] = { { 0 } };

/* What the rule saw in the current school. */
static ui_result open_school(ui_screen *scr)
{
	struct state *s = scr->data;
	size_t i;
	if (!ui_list_current(s->list, &i))
		return UI_HANDLED;
	const risk_row *r = &s->r.v[i];
	struct seen *c = xcalloc(1, sizeof *c);
	char *err = NULL;
	if (district_risk_detail(ui.office, s->r.year, r->code, &c->d, &err) != 0) {
		ui_error("%s", err);
		free(err);
		free(c);
		return UI_REDRAW;
	}
	c->name = xstrdup(r->name);
	c->code = xstrdup(r->code);
	c->year = s->r.year;
	c->threshold = s->r.threshold;
	c->top = ui_text_new();
	char *why = district_risk_reason(r, s->r.year, 0), *th = threshold_text(s->r.threshold);
	ui_text_take(c->top, UA_HEAD, 0, 2, xasprintf("%s (%s)", r->name, r->code));
	ui_text_take(c->top, r->flagged ? UA_ERROR : UA_NORMAL, 0, 2,
		     *why ? xasprintf(r->flagged ? _("Flagged: %s.") : _("Not flagged: %s."), why)
			  : xstrdup(_("Not flagged: no procedure reaches the line.")));
	ui_text_take(c->top, UA_NOTE, 0, 2, xasprintf(_("Each year: the participants, those below the minimum and "
							"their share; shares at the line (%s) or above stand out; "
							"grades are pooled."), th));
	free(why), free(th);
	c->table = ui_list_new(school_row, c);
	ui_list_set_browse(c->table, 1);
	ui_list_set_header(c->table, school_header);
	ui_list_begin(c->table);
	const char *proc;
	for (size_t p = 0; (proc = district_rule_procedure(p)); p++) {
		int any = 0;
		for (size_t k = 0; k < c->d.n; k++)
			if (strcmp(c->d.v[k].procedure, proc) == 0) {
				if (too_long(&c->d.v[k]))
					ui_list_add(c->table, LABEL + k);
				ui_list_add(c->table, k);
				any = 1;
			}
		if (!any)
			ui_list_add(c->table, NONE + p);
	}
	ui_list_end(c->table);
	ui_screen *next = ui_screen_new(N_("Low results: one school"),
					N_("What the low-results rule saw in one school: its Russian and mathematics in "
					   "each procedure the rule counts (ВПР, ОГЭ, ЕГЭ), the year before and the "
					   "year, all grades pooled. For each year: the participants, those below the "
					   "minimum and their share; a share at the line or above stands out. The "
					   "verdict is above the table.\n\n"
					   "Up, Down, PgUp and PgDn scroll a long table; Esc goes back to the list."),
					school_keys, c);
	next->draw = school_draw;
	next->list = c->table;
	next->destroy = school_destroy;
	ui_push(next);
	return UI_REDRAW;
}

static ui_result step_year(struct state *s, int step)
{
	int year = ui_years_step(s->years, s->nyears, s->year, step);
	if (year) {
		s->year = year;
		compute(s);
	}
	return UI_REDRAW;
}

static ui_result older(ui_screen *scr)
{
	return step_year(scr->data, -1);
}

static ui_result newer(ui_screen *scr)
{
	return step_year(scr->data, 1);
}

static ui_result pick_year(ui_screen *scr)
{
	struct state *s = scr->data;
	int year = ui_years_pick(s->years, s->nyears, s->year);
	if (year) {
		s->year = year;
		compute(s);
	}
	return UI_REDRAW;
}

static void destroy(ui_screen *scr)
{
	struct state *s = scr->data;
	free(s->district);
	free(s->failure);
	risk_report_free(&s->r);
	district_signs_free(s->signs, s->nsigns);
	free(s->years);
	free(s);
}

static int have_year(const ui_screen *scr)
{
	const struct state *s = scr->data;
	return s->year != 0;
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
	return have_year(scr) && ui_region();
}

static const ui_key keys[] = {
	{ UI_KEY_ENTER, NULL, open_school, have_year },
	{ KEY_F(3), NC_("key", "Year"), pick_year, have_year },
	{ KEY_F(4), NC_("key", "Details"), open_school, have_year },
	{ KEY_F(9), NC_("key", "District"), pick_district, on_region },
	{ KEY_LEFT, NULL, older, have_year },
	{ KEY_RIGHT, NULL, newer, have_year },
	{ 0 },
};

ui_screen *scr_drisk_new(void)
{
	struct state *s = xcalloc(1, sizeof *s);
	char *err = NULL;
	if (db_d_result_years(ui.office, &s->years, &s->nyears, &err) != 0) {
		ui_error("%s", err);
		s->failure = err;
		s->years = NULL;
		s->nyears = 0;
	}
	s->year = s->nyears ? s->years[0] : 0;
	s->list = ui_list_new(row, s);
	ui_list_set_header(s->list, header);
	ui_list_set_detail(s->list, detail, 3);
	ui_list_set_empty(s->list, _("No schools yet: import their packages, or their list on the Schools screen."));
	compute(s);
	ui_screen *scr = ui_screen_new(N_("Low results"),
				       N_("The low-results rule applied to the results the schools' packages brought.\n\n"
					  "A school is low in a procedure (ВПР, ОГЭ, ЕГЭ) when at least the threshold share "
					  "of its participants (30 per cent unless set otherwise; grades pooled) scored "
					  "below the minimum in Russian or in mathematics. It is flagged when it is low in "
					  "two procedures in the year, or in the same procedure two years running.\n\n"
					  "Flagged schools come first, marked «!». Each line shows the school's worst share "
					  "below the minimum, its procedure and subject, how far that share is from the "
					  "line in percentage points (+ above it, − below), and the reason. The lines under "
					  "the list give the chosen school's name and reason in full.\n\n"
					  "A «?» marks a school whose package reports signs of biased results in the year (a "
					  "peak of scores at a mark's boundary, marks above the journal's); the lines under "
					  "the list name them. A sign is a reason to look, never a verdict.\n\n"
					  "Enter or F4 shows the school's Russian and mathematics in each procedure, this "
					  "year and last. Left and Right step through the years with results, F3 chooses "
					  "one."),
				       keys, s);
	if (ui_region())
		ui_screen_help_add(scr, N_("On the region's server the lines under the list name the school's "
					   "district; F9 chooses one district (or all of them), and the line above the "
					   "list says which is shown, the counts at the top being that district's."));
	scr->draw = draw;
	scr->destroy = destroy;
	scr->list = s->list;
	return scr;
}
