/* The ВПР task by task across the district: for one assessment of a year,
 * a heat map of its tasks (columns) by school (rows), the district's row
 * first and the region's above; a task's card with every school's share;
 * the district's deficits by subject as a list to print, from which the
 * «адресные методические рекомендации» are written; the schools' signs of
 * biased results. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "db-district.h"
#include "district.h"
#include "num.h"
#include "scr.h"
#include "ui-heat.h"
#include "ui-list.h"
#include "ui-text.h"
#include "ui-years.h"

#define LABEL 16	/* the schools' names, shortened; the detail line names them whole */

enum { ITEM_REGION, ITEM_ROWS };	/* the region's row; a row of the grid is ITEM_ROWS + its index */

struct state {
	int *years;
	size_t nyears;
	int year;
	dtask_report r;
	size_t *starts;		/* where each assessment's rows begin in r */
	size_t nassess, cur;
	dtask_grid g;		/* the assessment shown */
	int *ref;
	int has_ref;
	int col, first;
	d_school *schools;	/* for their names */
	size_t nschools;
	ui_list *list;
	char *district;		/* the region's filter: NULL for every district */
};

/* The codes of the district chosen on the region, or NULL for all (and on
 * a failure, told). */
static strmap *kept_codes(const struct state *s)
{
	char *err = NULL;
	strmap *kept = s->district ? district_codes(ui.office, s->district, &err) : NULL;
	if (err) {
		ui_error("%s", err);
		free(err);
	}
	return kept;
}

static const char *school_name(const struct state *s, const char *code)
{
	for (size_t i = 0; i < s->nschools; i++)
		if (!strcmp(s->schools[i].code, code))
			return s->schools[i].name;
	return code;
}

static void rebuild(struct state *s)
{
	dtask_grid_free(&s->g);
	free(s->ref);
	s->ref = NULL;
	s->has_ref = 0;
	ui_list_begin(s->list);
	char *label = NULL;
	if (s->cur < s->nassess) {
		district_tasks_grid(&s->r, s->starts[s->cur], &s->g);
		s->ref = xcalloc(s->g.ntasks + 1, sizeof *s->ref);
		for (size_t k = 0; k < s->g.ntasks; k++) {
			const dtask_row *t = s->g.tasks[k];
			s->ref[k] = t->has_reference ? (int)(t->reference * 10 + 0.5) : -1;
			s->has_ref |= t->has_reference;
		}
		if (s->has_ref)
			ui_list_add_heading(s->list, ITEM_REGION);
		for (size_t row = 0; row <= s->g.nschools; row++)
			ui_list_add(s->list, ITEM_ROWS + row);
		if (s->col >= (int)s->g.ntasks)
			s->col = s->g.ntasks ? (int)s->g.ntasks - 1 : 0;
		const dtask_row *a = &s->r.v[s->g.first];
		label = xasprintf(_("%s · %s · grade %d · %d (%zu of %zu)"), a->procedure, a->subject, a->grade, s->year,
				  s->cur + 1, s->nassess);
	}
	ui_list_end(s->list);
	ui_list_set_filter(s->list, label);
	free(label);
}

static void load(struct state *s)
{
	char *err = NULL;
	dtask_report_free(&s->r);
	free(s->starts);
	s->starts = NULL;
	s->nassess = 0;
	if (s->year && district_tasks(ui.office, s->year, &s->r, &err) != 0) {
		ui_error("%s", err);
		free(err);
	}
	strmap *kept = kept_codes(s);
	if (kept) {
		district_tasks_keep(&s->r, kept);
		strmap_free(kept);
	}
	char *none = s->district ? xasprintf(_("No task scores of %d from the schools of %s: F9 chooses another district."),
					     s->year, s->district)
				 : xstrdup(_("No task scores yet: the schools' packages bring them once the schools import "
					     "their ВПР forms task by task."));
	ui_list_set_empty(s->list, none);
	free(none);
	for (size_t i = 0; i < s->r.n; i++)
		if (!i || !district_tasks_same(&s->r.v[i], &s->r.v[i - 1])) {
			s->starts = xrealloc(s->starts, (s->nassess + 1) * sizeof *s->starts);
			s->starts[s->nassess++] = i;
		}
	if (s->cur >= s->nassess)
		s->cur = 0;
	rebuild(s);
}

static const char *row_label(const struct state *s, size_t item)
{
	if (item == ITEM_REGION)
		return pgettext_deferred(NC_("heat map row", "Region"));
	/* on the region its own schools pooled, beside the region's share
	 * the schools' task maps give */
	if (item == ITEM_ROWS)
		return ui_region() ? pgettext_deferred(NC_("heat map row", "All schools"))
				   : pgettext_deferred(NC_("heat map row", "District"));
	return school_name(s, s->g.schools[item - ITEM_ROWS - 1]);
}

static void draw_row(void *ctx, WINDOW *w, int y, int x, int width, size_t item, int cur, attr_t base)
{
	struct state *s = ctx;
	int n = ui_heat_fit(width, LABEL);
	ui_put(w, y, x, LABEL - 1, row_label(s, item));
	const int *tenths = item == ITEM_REGION ? s->ref : s->g.tenths + (item - ITEM_ROWS) * s->g.ntasks;
	const int *deficit = item == ITEM_REGION ? NULL : s->g.deficit + (item - ITEM_ROWS) * s->g.ntasks;
	ui_heat_row(w, y, x + LABEL, tenths, deficit, (int)s->g.ntasks, s->first, n, cur == 1 ? s->col : -1, base);
}

static void draw_header(void *ctx, WINDOW *w, int y, int x, int width)
{
	struct state *s = ctx;
	if (!s->g.ntasks)
		return;
	int n = ui_heat_fit(width, LABEL);
	const char **labels = xcalloc(s->g.ntasks + 1, sizeof *labels);
	for (size_t k = 0; k < s->g.ntasks; k++)
		labels[k] = s->g.tasks[k]->number;
	ui_put(w, y, x, LABEL - 1, _("Task"));
	ui_heat_header(w, y, x + LABEL, labels, (int)s->g.ntasks, s->first, n, s->col);
	free(labels);
}

static char *pct(int tenths)
{
	return tenths < 0 ? xstrdup("—") : num_percent(tenths);
}

static char *detail(void *ctx, size_t item)
{
	struct state *s = ctx;
	if (!s->g.ntasks)
		return NULL;
	const dtask_row *t = s->g.tasks[s->col];
	char *here = item > ITEM_ROWS ? pct(s->g.tenths[(item - ITEM_ROWS) * s->g.ntasks + (size_t)s->col]) : NULL;
	char *di = pct(t->tenths), *re = pct(s->ref[s->col]);
	char *figures;
	if (ui_region())
		figures = here ? xasprintf(_("%s: %s; all schools %s; region %s"), row_label(s, item), here, di, re)
			       : xasprintf(_("all schools %s; region %s"), di, re);
	else
		figures = here ? xasprintf(_("%s: %s; district %s; region %s"), row_label(s, item), here, di, re)
			       : xasprintf(_("district %s; region %s"), di, re);
	const char *deficit = !t->deficit ? "" : ui_region() ? _(" A deficit of the schools together.")
					   : _(" A deficit of the district.");
	char *text = xasprintf(_("Task %s: %s.%s %s"), t->number, figures, deficit, t->skill);
	free(here), free(di), free(re), free(figures);
	return text;
}

static void draw(ui_screen *scr, WINDOW *w)
{
	struct state *s = scr->data;
	curs_set(0);
	ui_heat_scroll(s->col, (int)s->g.ntasks, ui_heat_fit(getmaxx(w) - 3, LABEL), &s->first);
	int top = 0;
	if (ui_region())
		ui_district_show(w, top++, s->district);
	ui_list_draw(s->list, w, top, getmaxy(w) - top);
}

/* --- a task across the schools --- */

static ui_result open_task(ui_screen *scr)
{
	struct state *s = scr->data;
	if (!s->g.ntasks)
		return UI_HANDLED;
	const dtask_row *t = s->g.tasks[s->col];
	ui_text *x = ui_text_new();
	ui_text_take(x, UA_HEAD, 0, 0, xasprintf(_("Task %s · %s · %s · grade %d · %d"), t->number, t->procedure,
						   t->subject, t->grade, s->year));
	char *max = cell_number_text(t->max_score);
	ui_text_field(x, _("What it checks"), 22, UA_NORMAL, *t->skill ? t->skill : "—");
	ui_text_field(x, _("Maximum score"), 22, UA_NORMAL, max);
	free(max);
	ui_text_add(x, UA_NORMAL, 0, 0, "");
	char *di = pct(t->tenths), *re = pct(s->ref[s->col]);
	ui_text_take(x, t->deficit ? UA_ERROR : UA_HEAD, 0, 2,
		     ui_region() ? xasprintf(ngettext("All schools: %s (%ld pupil)%s", "All schools: %s (%ld pupils)%s",
						      (unsigned long)t->participants), di, t->participants,
					     t->deficit ? _(" — a deficit") : "")
				 : xasprintf(ngettext("The district: %s (%ld pupil)%s", "The district: %s (%ld pupils)%s",
						      (unsigned long)t->participants), di, t->participants,
					     t->deficit ? _(" — a deficit") : ""));
	ui_text_take(x, UA_NORMAL, 0, 2, xasprintf(_("The region: %s"), re));
	free(di), free(re);
	ui_text_add(x, UA_NORMAL, 0, 0, "");
	ui_text_add(x, UA_HEAD, 0, 0, _("By school:"));
	for (size_t i = s->g.first; i < s->g.end; i++) {
		const dtask_row *v = &s->r.v[i];
		if (!*v->school_code || strcmp(v->number, t->number) != 0)
			continue;
		char *p = pct(v->tenths);
		ui_text_take(x, v->deficit ? UA_ERROR : UA_NORMAL, 2, 4,
			     xasprintf(ngettext("%s: %s (%ld pupil)%s", "%s: %s (%ld pupils)%s", (unsigned long)v->participants),
				       school_name(s, v->school_code), p, v->participants, v->deficit ? _(" — a deficit") : ""));
		free(p);
	}
	ui_push(scr_text_new(N_("Task"),
			     N_("A task of the assessment across the district: what it checks, the district's and the "
				"region's share, and each school's, a deficit marked. Up, Down, PgUp, PgDn scroll."),
			     x, NULL, NULL));
	return UI_REDRAW;
}

/* --- the district's deficits, to print --- */

static ui_result deficits(ui_screen *scr)
{
	struct state *s = scr->data;
	size_t n;
	char **lines = district_tasks_deficit_lines(&s->r, &n);
	/* on the region: its schools together (or one district's), not a district */
	int region = ui_region();
	char *head = !region ? xasprintf(_("The district's learning deficits by the ВПР of %d: %s"), s->year, ui.sc.name)
		     : s->district ? xasprintf(_("Learning deficits of the schools of %s by the ВПР of %d"), s->district,
					       s->year)
		     : xasprintf(_("The region's learning deficits by the ВПР of %d: %s"), s->year, ui.sc.name);
	char *rule = rules_deficit_text(&s->r.rules, region ? 2 : 1, 0);
	char *rules = xasprintf(_("%s Each says in how many schools it is one too."), rule);
	free(rule);
	ui_push(scr_text_list(N_("Deficits"),
			      region ? N_("The learning deficits of the schools shown (the region's, or one district's) "
					  "of the year, subject by subject: each task they did together below the rules' "
					  "share, what it checks, and in how many schools it is a deficit — what the "
					  "methodical recommendations to the schools are written from. F2 saves the list as "
					  "a text file to print. Up, Down, PgUp, PgDn scroll.")
				     : N_("The district's learning deficits of the year, subject by subject: each task the "
					  "district did below the rules' share, what it checks, and in how many schools it is "
					  "a deficit — what the methodical recommendations to the schools are written from. F2 "
					  "saves the list as a text file to print. Up, Down, PgUp, PgDn scroll."),
			      head, rules, (const char *const *)lines, n,
			      region ? _("No task is a deficit of the schools together this year.")
				     : _("No task is a deficit of the district this year."),
			      xasprintf(region ? "region-deficits-%d.txt" : "district-deficits-%d.txt", s->year)));
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines), free(head), free(rules);
	return UI_REDRAW;
}

/* --- the schools' signs of biased results --- */

static ui_result signs(ui_screen *scr)
{
	struct state *s = scr->data;
	dist_sign *v;
	size_t n;
	char *err = NULL;
	if (district_signs(ui.office, s->year, &v, &n, &err) != 0) {
		ui_error("%s", err);
		free(err);
		return UI_REDRAW;
	}
	strmap *kept = kept_codes(s);
	if (kept) {
		district_signs_keep(v, &n, kept);
		strmap_free(kept);
	}
	ui_text *x = ui_text_new();
	ui_text_take(x, UA_HEAD, 0, 0, xasprintf(_("Signs of biased results in %d, as the schools' packages report them"),
						   s->year));
	ui_text_add(x, UA_NOTE, 0, 0, _("A peak of primary scores at a mark's boundary, or marks above the journal's for many "
					"pupils. A sign is a reason to look, never a verdict."));
	ui_text_add(x, UA_NORMAL, 0, 0, "");
	if (!n)
		ui_text_add(x, UA_NOTE, 0, 0, _("No school's package reports a sign."));
	for (size_t i = 0; i < n; i++)
		ui_text_take(x, UA_NORMAL, 0, 2, xasprintf("%s: %s", school_name(s, v[i].school_code), v[i].text));
	district_signs_free(v, n);
	ui_push(scr_text_new(N_("Signs"),
			     N_("The schools whose packages report signs of biased results in the year, assessment by "
				"assessment. Up, Down, PgUp, PgDn scroll."),
			     x, NULL, NULL));
	return UI_REDRAW;
}

/* --- choosing --- */

static ui_result pick_assessment(ui_screen *scr)
{
	struct state *s = scr->data;
	char **labels = xcalloc(s->nassess + 1, sizeof *labels);
	for (size_t i = 0; i < s->nassess; i++) {
		const dtask_row *a = &s->r.v[s->starts[i]];
		labels[i] = xasprintf("%s · %s · %d", a->procedure, a->subject, a->grade);
	}
	int k = ui_pick(_("Assessment"), labels, (int)s->nassess, (int)s->cur);
	if (k >= 0 && (size_t)k != s->cur) {
		s->cur = (size_t)k;
		s->col = s->first = 0;
		rebuild(s);
	}
	for (size_t i = 0; i < s->nassess; i++)
		free(labels[i]);
	free(labels);
	return UI_REDRAW;
}

static ui_result pick_year(ui_screen *scr)
{
	struct state *s = scr->data;
	int y = ui_years_pick(s->years, s->nyears, s->year);
	if (y && y != s->year) {
		s->year = y;
		s->cur = 0;
		s->col = s->first = 0;
		load(s);
	}
	return UI_REDRAW;
}

static int has_tasks(const ui_screen *scr)
{
	const struct state *s = scr->data;
	return s->nassess > 0;
}

static ui_result pick_district(ui_screen *scr)
{
	struct state *s = scr->data;
	if (ui_district_pick(&s->district))
		load(s);
	return UI_REDRAW;
}

/* (with a district chosen and none of its schools' task scores, the
 * filter is still there to go back) */
static int on_region(const ui_screen *scr)
{
	const struct state *s = scr->data;
	return ui_region() && s->year;
}

static ui_result key(ui_screen *scr, int ch, int fk)
{
	struct state *s = scr->data;
	if (s->g.ntasks && ui_heat_move(&s->col, (int)s->g.ntasks, ch, fk))
		return UI_REDRAW;
	return UI_UNHANDLED;
}

static void destroy(ui_screen *scr)
{
	struct state *s = scr->data;
	dtask_grid_free(&s->g);
	dtask_report_free(&s->r);
	d_school_list_free(s->schools, s->nschools);
	free(s->years), free(s->starts), free(s->ref), free(s->district);
	free(s);
}

static const ui_key keys[] = {
	{ UI_KEY_ENTER, NULL, open_task, has_tasks },
	{ KEY_F(3), NC_("key", "Work"), pick_assessment, has_tasks },
	{ KEY_F(4), NC_("key", "Task"), open_task, has_tasks },
	{ KEY_F(5), NC_("key", "Year"), pick_year, has_tasks },
	{ KEY_F(6), NC_("key", "Deficits"), deficits, has_tasks },
	{ KEY_F(7), NC_("key", "Signs"), signs, has_tasks },
	{ KEY_F(9), NC_("key", "District"), pick_district, on_region },
	{ 0 },
};

ui_screen *scr_dtasks_new(void)
{
	struct state *s = xcalloc(1, sizeof *s);
	char *err = NULL;
	if (db_d_task_years(ui.office, &s->years, &s->nyears, &err) != 0 ||
	    db_d_school_list(ui.office, &s->schools, &s->nschools, &err) != 0) {
		ui_error("%s", err);
		free(err);
	}
	s->year = s->nyears ? s->years[0] : 0;
	s->list = ui_list_new(draw_row, s);
	ui_list_set_header(s->list, draw_header);
	ui_list_set_detail(s->list, detail, 3);
	load(s);
	ui_screen *scr = ui_screen_new(ui_region() ? N_("Region tasks") : N_("District tasks"),
				       N_("The ВПР task by task across the district: for one assessment, how much of each "
					  "task (the columns) each school did (the rows), the district's row first (pooled "
					  "over pupils) and the region's above it when the schools' task maps give it. Each "
					  "cell is the percent; red is below 50 %, yellow below 70 %, green above; «!» marks a "
					  "deficit (below 50 %, or 15 points or more below the region: district set "
					  "deficit-below, deficit-gap).\n\n"
					  "The line above the map names the assessment and which of the year's it is. Up and "
					  "Down choose a school, Left and Right a task; under the map, the school's name in "
					  "full, the task's figures and what it checks.\n\n"
					  "Enter or F4 opens the task across the schools. F3 chooses another assessment, F5 "
					  "another year. F6 lists the district's deficits by subject, to save and print — what "
					  "the methodical recommendations are written from. F7 lists the schools whose "
					  "packages report signs of biased results."),
				       keys, s);
	if (ui_region())
		ui_screen_help_add(scr, N_("On the region's server the first row pools the schools shown: F9 chooses "
					   "one district (or all of them), and the line at the top says which is "
					   "shown; the task card, the deficits (F6) and the signs (F7) are of those "
					   "schools."));
	scr->draw = draw;
	scr->key = key;
	scr->destroy = destroy;
	scr->list = s->list;
	return scr;
}
