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
#include "scr.h"
#include "ui-chart.h"
#include "ui-years.h"
#include "utf8.h"

struct state {
	int *years;		/* with results, newest first */
	size_t nyears;
	int year;		/* 0: no results at all */
	risk_report r;
	size_t row, top;
	dist_sign *signs;	/* the schools' signs of biased results in the year */
	size_t nsigns;
};

/* The threshold as people write it: «30 %», «27,5 %». */
static char *threshold_text(double t)
{
	int tenths = (int)(t * 10 + 0.5);
	return tenths % 10 ? ui_chart_percent(tenths) : xasprintf("%d %%", tenths / 10);
}

/* The rule for s->year, the cursor staying on the school it was on. */
static void compute(struct state *s)
{
	char *err = NULL, *code = s->row < s->r.n ? xstrdup(s->r.v[s->row].code) : NULL;
	risk_report_free(&s->r);
	if (s->year && district_risk(ui.db, s->year, &s->r, &err) != 0) {
		ui_error("%s", err);
		free(err);
		err = NULL;
	}
	district_signs_free(s->signs, s->nsigns);
	s->signs = NULL;
	s->nsigns = 0;
	if (s->year && district_signs(ui.db, s->year, &s->signs, &s->nsigns, &err) != 0) {
		ui_error("%s", err);
		free(err);
	}
	for (size_t i = 0; code && i < s->r.n; i++)
		if (strcmp(s->r.v[i].code, code) == 0)
			s->row = i;
	if (s->row >= s->r.n)
		s->row = s->r.n ? s->r.n - 1 : 0;
	free(code);
}

/* Where a line's columns begin, and the name's and reason's widths. */
struct cols {
	int name, namew, pct, what, dist, why, whyw;
};

/* The columns at width: the name and the reason share what the fixed ones
 * leave. */
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

/* One school's line at y; cur: the cursor is on it. */
static void draw_row(WINDOW *w, int y, int width, const struct cols *c, const struct state *s, const risk_row *r,
		     int cur)
{
	attr_t base = cur ? ui_attr(UA_SELECT) : A_NORMAL;
	attr_t strong = cur ? ui_attr(UA_SELECT) | A_BOLD : ui_attr(UA_ERROR);
	wattrset(w, base);
	if (cur)
		mvwhline(w, y, 0, ' ', width);
	if (r->flagged) {
		wattrset(w, strong);
		mvwaddch(w, y, 1, '!');
	}
	if (district_sign_of(s->signs, s->nsigns, r->code)) {
		/* a sign of biased results: a reason to look (the footer says which) */
		wattrset(w, cur ? base | A_BOLD : ui_attr(UA_NOTE) | A_BOLD);
		mvwaddch(w, y, 2, '?');
	}
	wattrset(w, base);
	ui_put(w, y, c->name, c->namew, r->name);
	wattrset(w, base);
	if (r->worst >= 0) {
		/* The distance from the numbers shown, so that they add up. */
		int worst = (int)(r->worst * 10 + 0.5), line = (int)(s->r.threshold * 10 + 0.5);
		char *p = ui_chart_percent(worst);
		char *what = xasprintf("%s %s", r->worst_procedure, r->worst_subject);
		char *d = ui_chart_points(worst - line);
		put_right(w, y, c->pct + 7, p);
		ui_put(w, y, c->what, 16, what);
		if (!cur && r->worst >= s->r.threshold - 1e-9)
			wattrset(w, r->flagged ? ui_attr(UA_ERROR) : ui_attr(UA_NOTE));
		put_right(w, y, c->dist + 6, d);
		free(p), free(what), free(d);
	} else {
		put_right(w, y, c->pct + 7, "—");
	}
	char *why = district_risk_reason(r, s->r.year, 1);
	wattrset(w, r->flagged ? strong : !r->has_data && !cur ? ui_attr(UA_NOTE) : base);
	ui_put(w, y, c->why, c->whyw, why);
	free(why);
	wattrset(w, A_NORMAL);
}

/* The current school's reason in full, over at most two lines. */
static void draw_footer(WINDOW *w, int y, int width, const struct state *s, const risk_row *r)
{
	char *why = district_risk_reason(r, s->r.year, 0);
	char *text;
	if (r->flagged)
		text = xasprintf("%s: %s.", r->name, why);
	else if (*why)
		text = xasprintf(_("%s: not flagged, %s."), r->name, why);
	else
		text = xasprintf(_("%s: not flagged, no procedure reaches the line."), r->name);
	int n;
	char **lines = ui_wrap(text, width - 2, &n);
	wattrset(w, r->flagged ? ui_attr(UA_ERROR) : A_NORMAL);
	for (int i = 0; i < n; i++) {
		if (i < 2)
			ui_put(w, y + i, 1, width - 2, lines[i]);
		free(lines[i]);
	}
	free(lines);
	const char *sign = district_sign_of(s->signs, s->nsigns, r->code);
	if (sign) {
		char *t = xasprintf(_("? Signs of biased results (a reason to look): %s"), sign);
		wattrset(w, ui_attr(UA_NOTE));
		ui_put(w, y + 2, 1, width - 2, t);
		free(t);
	} else if (n < 2) {
		wattrset(w, ui_attr(UA_NOTE));
		ui_put(w, y + 1, 1, width - 2, _("Enter: the school's Russian and mathematics, this year and last."));
	}
	wattrset(w, A_NORMAL);
	free(why), free(text);
}

static void draw(ui_screen *scr, WINDOW *w)
{
	struct state *s = scr->data;
	int width = getmaxx(w), height = getmaxy(w);
	curs_set(0);
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
	free(t), free(rule);
	if (!s->r.n) {
		wattrset(w, A_NORMAL);
		ui_put(w, 3, 2, width - 4, _("No schools yet: import their packages, or their list on the Schools screen."));
		return;
	}
	struct cols c = layout(width);
	wattrset(w, ui_attr(UA_HEAD));
	ui_put(w, 3, c.name, c.namew, _("School name"));
	ui_put(w, 3, c.pct, c.dist - c.pct - 1, _("Worst"));
	ui_put(w, 3, c.dist - 2, 10, _("To line"));
	ui_put(w, 3, c.why, c.whyw, _("Reason"));
	wattrset(w, A_NORMAL);
	/* a line more under the list for a school's signs, when any has one */
	int signs = s->nsigns ? 1 : 0, rows = height - 7 - signs;
	ui_legacy_list_scroll(s->row, &s->top, rows);
	for (int i = 0; i < rows && s->top + (size_t)i < s->r.n; i++)
		draw_row(w, 4 + i, width, &c, s, &s->r.v[s->top + (size_t)i], s->top + (size_t)i == s->row);
	draw_footer(w, height - 2 - signs, width, s, &s->r.v[s->row]);
}

/* A count as people read it in a column: «—» for none. */
static char *count_text(long n, long participants)
{
	return participants ? xasprintf("%ld", n) : xstrdup("—");
}

/* What the rule saw in the current school, until a key. */
static void detail(struct state *s)
{
	const risk_row *r = &s->r.v[s->row];
	dist_ind_set d;
	char *err = NULL;
	if (district_risk_detail(ui.db, s->r.year, r->code, &d, &err) != 0) {
		ui_error("%s", err);
		free(err);
		return;
	}
	const char *proc;
	int lines = 0;
	for (size_t p = 0; (proc = district_rule_procedure(p)); p++) {
		int any = 0;
		for (size_t i = 0; i < d.n; i++)
			any += strcmp(d.v[i].procedure, proc) == 0;
		lines += any ? any : 1;
	}
	char *why = district_risk_reason(r, s->r.year, 0);
	char *th = threshold_text(s->r.threshold);
	char *verdict = *why ? xasprintf(r->flagged ? _("Flagged: %s.") : _("Not flagged: %s."), why)
			     : xstrdup(_("Not flagged: no procedure reaches the line."));
	int width = 76, nv;
	char **vlines = ui_wrap(verdict, width - 4, &nv);
	char *title = xasprintf("%s (%s)", r->name, r->code);
	WINDOW *dw = ui_dialog(lines + nv + 10, width, title);
	int x1 = 22, x2 = 47;	/* where each year's block begins */
	wattrset(dw, ui_attr(UA_TITLE) | A_BOLD);
	for (int k = 0; k < 2; k++) {
		char *y = xasprintf("%d", s->r.year - 1 + k);
		mvwaddstr(dw, 2, (k ? x2 : x1) + (23 - utf8_width(y)) / 2 + 1, y);
		free(y);
	}
	wattrset(dw, ui_attr(UA_TITLE));
	for (int k = 0; k < 2; k++) {
		int x = k ? x2 : x1;
		put_right(dw, 3, x + 9, _("took part"));
		put_right(dw, 3, x + 15, _("below"));
		put_right(dw, 3, x + 23, _("share"));
	}
	int y = 4;
	for (size_t p = 0; (proc = district_rule_procedure(p)); p++) {
		int any = 0;
		for (size_t i = 0; i < d.n; i++) {
			const dist_ind *v = &d.v[i];
			if (strcmp(v->procedure, proc) != 0)
				continue;
			any = 1;
			char *label = xasprintf("%s · %s", v->procedure, v->subject);
			wattrset(dw, ui_attr(UA_TITLE));
			ui_put(dw, y, 2, x1 - 3, label);
			free(label);
			for (int k = 0; k < 2; k++) {
				int x = k ? x2 : x1;
				char *a = count_text(v->participants[k], v->participants[k]);
				char *b = count_text(v->below[k], v->participants[k]);
				double sh = district_share(v->below[k], v->participants[k]);
				char *c = sh >= 0 ? ui_chart_percent(indicator_tenths(v->below[k], v->participants[k]))
						  : xstrdup("");
				put_right(dw, y, x + 9, a);
				put_right(dw, y, x + 15, b);
				if (sh >= s->r.threshold - 1e-9)
					wattrset(dw, ui_attr(UA_BAR_BAD) | A_BOLD);
				put_right(dw, y, x + 23, c);
				wattrset(dw, ui_attr(UA_TITLE));
				free(a), free(b), free(c);
			}
			y++;
		}
		if (!any) {
			char *none = xasprintf(_("%s: no results in Russian or mathematics"), proc);
			wattrset(dw, ui_attr(UA_TITLE));
			ui_put(dw, y++, 2, width - 4, none);
			free(none);
		}
	}
	wattrset(dw, ui_attr(UA_TITLE));
	char *legend = xasprintf(_("Shares at the line (%s) or above stand out; grades are pooled."), th);
	ui_put(dw, y + 1, 2, width - 4, legend);
	free(legend);
	wattrset(dw, ui_attr(UA_TITLE) | A_BOLD);
	for (int i = 0; i < nv; i++)
		ui_put(dw, y + 3 + i, 2, width - 4, vlines[i]);
	wattrset(dw, ui_attr(UA_TITLE));
	ui_put(dw, y + 4 + nv, 2, width - 4, _("Any key closes."));
	wrefresh(dw);
	int ch;
	ui_getkey(&ch);
	delwin(dw);
	for (int i = 0; i < nv; i++)
		free(vlines[i]);
	free(vlines), free(verdict), free(why), free(th), free(title);
	dist_ind_set_free(&d);
}

static ui_result key(ui_screen *scr, int ch, int fk)
{
	struct state *s = scr->data;
	if (ui_is_enter(ch, fk) || (fk && ch == KEY_F(4))) {
		if (s->r.n)
			detail(s);
		return UI_REDRAW;
	}
	if (!fk)
		return UI_UNHANDLED;
	if (ui_legacy_list_key(&s->row, s->r.n, ch))
		return UI_HANDLED;
	int year;
	if (ch == KEY_LEFT || ch == KEY_RIGHT)
		year = ui_years_step(s->years, s->nyears, s->year, ch == KEY_RIGHT ? 1 : -1);
	else if (ch == KEY_F(3))
		year = ui_years_pick(s->years, s->nyears, s->year);
	else
		return UI_UNHANDLED;
	if (year) {
		s->year = year;
		compute(s);
	}
	return UI_REDRAW;
}

static void destroy(ui_screen *scr)
{
	struct state *s = scr->data;
	risk_report_free(&s->r);
	district_signs_free(s->signs, s->nsigns);
	free(s->years);
	free(s);
	free(scr);
}

ui_screen *scr_drisk_new(void)
{
	struct state *s = xcalloc(1, sizeof *s);
	char *err = NULL;
	if (db_d_result_years(ui.db, &s->years, &s->nyears, &err) != 0) {
		ui_error("%s", err);
		free(err);
		s->years = NULL;
		s->nyears = 0;
	}
	s->year = s->nyears ? s->years[0] : 0;
	compute(s);
	ui_screen *scr = xcalloc(1, sizeof *scr);
	scr->title = N_("Low results");
	scr->help = N_("The low-results rule applied to the results the schools' packages brought.\n\n"
		       "A school is low in a procedure (ВПР, ОГЭ, ЕГЭ) when at least the threshold\n"
		       "share of its participants (30 per cent unless set otherwise; grades pooled)\n"
		       "scored below the minimum in Russian or in mathematics. It is flagged when it\n"
		       "is low in two procedures in the year, or in the same procedure two years\n"
		       "running.\n\n"
		       "Flagged schools come first, marked «!». Each line shows the school's worst\n"
		       "share below the minimum, its procedure and subject, how far that share is\n"
		       "from the line in percentage points (+ above it, - below), and the reason.\n"
		       "The line under the list gives the current school's reason in full.\n\n"
		       "A «?» marks a school whose package reports signs of biased results in the\n"
		       "year (a peak of scores at a mark's boundary, marks above the journal's);\n"
		       "the lines under the list name them. A sign is a reason to look, never a\n"
		       "verdict.\n\n"
		       "Enter or F4 shows the school's Russian and mathematics in each procedure,\n"
		       "this year and last. Left and Right step through the years with results,\n"
		       "F3 chooses one.");
	scr->bar[2] = NC_("key", "Year");
	scr->bar[3] = NC_("key", "Details");
	scr->draw = draw;
	scr->key = key;
	scr->destroy = destroy;
	scr->data = s;
	return scr;
}
