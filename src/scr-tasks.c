/* The ВПР task by task: for one assessment of a year, a heat map of its
 * tasks (columns) by class (rows), the region's and the district's shares
 * above; a task's card with what it checks, the classes beside the
 * school, the district and the region, and the pupils who scored 0; the
 * school's deficits as a list to print; the signs of biased results with
 * the scores' histogram. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "num.h"
#include "objectivity.h"
#include "scr.h"
#include "tasks.h"
#include "ui-heat.h"
#include "ui-list.h"
#include "ui-text.h"
#include "ui-years.h"

#define LABEL 8		/* the rows' labels: «Регион», «Школа», «5А» */

enum { ITEM_REGION, ITEM_DISTRICT, ITEM_ROWS };	/* list items; a row of the map is ITEM_ROWS + its index */

struct state {
	int *years;
	size_t nyears;
	int year;
	task_report r;
	size_t cur;		/* the assessment shown */
	int col, first;		/* the current task, the first one shown */
	int *ref, *dist;	/* the region's and the district's shares, by task (-1 none) */
	int has_ref, has_dist;
	ui_list *list;
};

static const task_assess *shown(const struct state *s)
{
	return s->cur < s->r.n ? &s->r.v[s->cur] : NULL;
}

/* The map's rows and the reference rows above them. */
static void rebuild(struct state *s)
{
	const task_assess *t = shown(s);
	free(s->ref), free(s->dist);
	s->ref = s->dist = NULL;
	s->has_ref = s->has_dist = 0;
	ui_list_begin(s->list);
	if (t) {
		s->ref = xcalloc(t->ntasks, sizeof *s->ref);
		s->dist = xcalloc(t->ntasks, sizeof *s->dist);
		for (size_t k = 0; k < t->ntasks; k++) {
			const task_def *d = &t->tasks[k];
			s->ref[k] = d->has_reference ? (int)(d->reference_percent * 10 + 0.5) : -1;
			s->dist[k] = d->has_district ? (int)(d->district_percent * 10 + 0.5) : -1;
			s->has_ref |= d->has_reference;
			s->has_dist |= d->has_district;
		}
		if (s->has_ref)
			ui_list_add_heading(s->list, ITEM_REGION);
		if (s->has_dist)
			ui_list_add_heading(s->list, ITEM_DISTRICT);
		for (size_t row = 0; row <= t->nclasses; row++)
			ui_list_add(s->list, ITEM_ROWS + row);
		if (s->col >= (int)t->ntasks)
			s->col = (int)t->ntasks - 1;
	}
	ui_list_end(s->list);
	char *label = NULL;
	if (t)
		label = xasprintf(_("%s · %s · grade %d · %d (%zu of %zu)"), t->procedure, t->subject, t->a.grade, s->year,
				  s->cur + 1, s->r.n);
	ui_list_set_filter(s->list, label);
	free(label);
}

static void load(struct state *s)
{
	char *err = NULL;
	task_report_free(&s->r);
	if (s->year && tasks_compute(ui.db, s->year, NULL, &s->r, &err) != 0) {
		ui_error("%s", err);
		free(err);
	}
	if (s->cur >= s->r.n)
		s->cur = 0;
	rebuild(s);
}

/* A row's shares and deficits, by task (the caller frees). */
static void row_shares(const struct state *s, size_t item, int **tenths, int **deficit)
{
	const task_assess *t = shown(s);
	*tenths = xcalloc(t->ntasks + 1, sizeof **tenths);
	*deficit = xcalloc(t->ntasks + 1, sizeof **deficit);
	for (size_t k = 0; k < t->ntasks; k++) {
		if (item == ITEM_REGION || item == ITEM_DISTRICT) {
			(*tenths)[k] = (item == ITEM_REGION ? s->ref : s->dist)[k];
		} else {
			const task_cell *c = task_at(t, item - ITEM_ROWS, k);
			(*tenths)[k] = c->tenths;
			(*deficit)[k] = c->deficit;
		}
	}
}

static const char *row_label(const struct state *s, size_t item)
{
	if (item == ITEM_REGION)
		return pgettext_deferred(NC_("heat map row", "Region"));
	if (item == ITEM_DISTRICT)
		return pgettext_deferred(NC_("heat map row", "District"));
	if (item == ITEM_ROWS)
		return pgettext_deferred(NC_("heat map row", "School"));
	return shown(s)->classes[item - ITEM_ROWS - 1];
}

static void draw_row(void *ctx, WINDOW *w, int y, int x, int width, size_t item, int cur, attr_t base)
{
	struct state *s = ctx;
	const task_assess *t = shown(s);
	int n = ui_heat_fit(width, LABEL);
	ui_put(w, y, x, LABEL - 1, row_label(s, item));
	int *tenths, *deficit;
	row_shares(s, item, &tenths, &deficit);
	ui_heat_row(w, y, x + LABEL, tenths, deficit, (int)t->ntasks, s->first, n, cur == 1 ? s->col : -1, base);
	free(tenths), free(deficit);
}

static void draw_header(void *ctx, WINDOW *w, int y, int x, int width)
{
	struct state *s = ctx;
	const task_assess *t = shown(s);
	if (!t)
		return;
	int n = ui_heat_fit(width, LABEL);
	const char **labels = xcalloc(t->ntasks + 1, sizeof *labels);
	for (size_t k = 0; k < t->ntasks; k++)
		labels[k] = t->tasks[k].number;
	ui_put(w, y, x, LABEL - 1, _("Task"));
	ui_heat_header(w, y, x + LABEL, labels, (int)t->ntasks, s->first, n, s->col);
	free(labels);
}

/* A share for people, «44,4 %», or «—». */
static char *pct(int tenths)
{
	return tenths < 0 ? xstrdup("—") : num_percent(tenths);
}

/* The current task in the current row, whole: its figures beside the
 * school's, the district's and the region's, and what it checks. */
static char *detail(void *ctx, size_t item)
{
	struct state *s = ctx;
	const task_assess *t = shown(s);
	if (!t || s->col < 0)
		return NULL;
	const task_def *d = &t->tasks[s->col];
	const task_cell *whole = task_at(t, 0, (size_t)s->col);
	char *here = item > ITEM_ROWS ? pct(task_at(t, item - ITEM_ROWS, (size_t)s->col)->tenths) : NULL;
	char *sc = pct(whole->tenths), *di = pct(s->dist[s->col]), *re = pct(s->ref[s->col]);
	char *max = cell_number_text(d->max_score);
	char *figures = here ? xasprintf(_("%s: %s; school %s; district %s; region %s"), row_label(s, item), here, sc, di, re)
			     : xasprintf(_("school %s; district %s; region %s"), sc, di, re);
	char *text = xasprintf(_("Task %s (maximum %s): %s.%s %s"), d->number, max, figures,
			       whole->deficit ? _(" A deficit of the school.") : "", *d->skill ? d->skill : "");
	free(here), free(sc), free(di), free(re), free(max), free(figures);
	return text;
}

static void draw(ui_screen *scr, WINDOW *w)
{
	struct state *s = scr->data;
	curs_set(0);
	const task_assess *t = shown(s);
	if (t)
		ui_heat_scroll(s->col, (int)t->ntasks, ui_heat_fit(getmaxx(w) - 3, LABEL), &s->first);
	ui_list_draw(s->list, w, 0, getmaxy(w));
}

/* --- a task's card --- */

static ui_text *task_card(struct state *s)
{
	const task_assess *t = shown(s);
	const task_def *d = &t->tasks[s->col];
	ui_text *x = ui_text_new();
	ui_text_take(x, UA_HEAD, 0, 0, xasprintf(_("Task %s · %s · %s · grade %d · %d"), d->number, t->procedure,
						   t->subject, t->a.grade, s->year));
	char *max = cell_number_text(d->max_score);
	ui_text_field(x, _("What it checks"), 22, UA_NORMAL, *d->skill ? d->skill : "—");
	ui_text_field(x, _("Block"), 22, UA_NORMAL, *d->block ? d->block : "—");
	ui_text_field(x, _("Level"), 22, UA_NORMAL, *d->level ? d->level : "—");
	ui_text_field(x, _("Maximum score"), 22, UA_NORMAL, max);
	free(max);
	ui_text_add(x, UA_NORMAL, 0, 0, "");
	ui_text_add(x, UA_HEAD, 0, 0, _("How much of it was done:"));
	for (size_t row = 1; row <= t->nclasses; row++) {
		const task_cell *c = task_at(t, row, (size_t)s->col);
		char *p = pct(c->tenths);
		ui_text_take(x, c->deficit ? UA_ERROR : UA_NORMAL, 2, 4,
			     xasprintf(ngettext("%s: %s (%ld pupil)%s", "%s: %s (%ld pupils)%s", (unsigned long)c->participants),
				       t->classes[row - 1], p, c->participants, c->deficit ? _(" — a deficit") : ""));
		free(p);
	}
	const task_cell *whole = task_at(t, 0, (size_t)s->col);
	char *sc = pct(whole->tenths), *di = pct(s->dist[s->col]), *re = pct(s->ref[s->col]);
	ui_text_take(x, whole->deficit ? UA_ERROR : UA_HEAD, 2, 4, xasprintf(_("School: %s%s"), sc,
									     whole->deficit ? _(" — a deficit") : ""));
	ui_text_take(x, UA_NORMAL, 2, 4, xasprintf(_("District: %s"), di));
	ui_text_take(x, UA_NORMAL, 2, 4, xasprintf(_("Region: %s"), re));
	free(sc), free(di), free(re);
	char **names;
	size_t n;
	char *err = NULL;
	ui_text_add(x, UA_NORMAL, 0, 0, "");
	if (tasks_zero_pupils(ui.db, t, (size_t)s->col, &names, &n, &err) != 0) {
		ui_text_take(x, UA_ERROR, 0, 0, err);
	} else if (!n) {
		ui_text_add(x, UA_NOTE, 0, 0, _("Nobody scored 0 on it."));
	} else {
		ui_text_take(x, UA_HEAD, 0, 0, xasprintf(ngettext("%zu pupil scored 0 on it:", "%zu pupils scored 0 on it:",
								  (unsigned long)n), n));
		for (size_t i = 0; i < n; i++)
			ui_text_add(x, UA_NORMAL, 2, 4, names[i]);
		tasks_names_free(names, n);
	}
	return x;
}

static ui_result open_task(ui_screen *scr)
{
	struct state *s = scr->data;
	size_t item;
	if (!shown(s) || !ui_list_current(s->list, &item))
		return UI_HANDLED;
	ui_push(scr_text_new(N_("Task"),
			    N_("A task of the assessment: what it checks (from the task map), how much of it each class "
			       "did beside the school, the district and the region, and the pupils who scored 0 on it.\n\n"
			       "Up, Down, PgUp, PgDn scroll. A class's figure marked as a deficit is below the school's "
			       "rules (Settings: tasks set)."),
			     task_card(s), NULL, NULL));
	return UI_REDRAW;
}

/* --- the deficits, to print --- */

static ui_result deficits(ui_screen *scr)
{
	struct state *s = scr->data;
	size_t n;
	char **lines = tasks_deficit_lines(&s->r, &n);
	char *head = xasprintf(_("Learning deficits by the ВПР of %d: %s"), s->year, ui.sc.name);
	char *rules = rules_deficit_text(&s->r.rules, 0, 0);
	ui_push(scr_text_list(N_("Deficits"),
			      N_("The school's learning deficits of the year, subject by subject: each task done below the "
				 "rules' share, with what it checks. F2 saves the list as a text file (on a stick, or in a "
				 "folder) to print or to put in the analysis of the ВПР. Up, Down, PgUp, PgDn scroll."),
			      head, rules, (const char *const *)lines, n, _("No task is a deficit of the school this year."),
			      xasprintf("deficits-%d.txt", s->year)));
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines), free(head), free(rules);
	return UI_REDRAW;
}

/* --- the signs of biased results of the assessment --- */

static ui_result objectivity(ui_screen *scr)
{
	struct state *s = scr->data;
	const task_assess *t = shown(s);
	if (!t)
		return UI_HANDLED;
	obj_report o;
	char *err = NULL;
	if (objectivity_compute(ui.db, s->year, &o, &err) != 0) {
		ui_error("%s", err);
		free(err);
		obj_report_free(&o);
		return UI_REDRAW;
	}
	ui_text *x = ui_text_new();
	for (size_t i = 0; i < o.n; i++) {
		const obj_row *v = &o.v[i];
		if (v->assessment_id != t->a.id)
			continue;
		ui_text_take(x, UA_HEAD, 0, 0, xasprintf(_("%s · %s · grade %d · %d: %ld participants"), v->procedure,
							   v->subject, v->grade, s->year, v->participants));
		if (v->has_peak) {
			char *p = num_tenths((int)(v->p * 1000 + 0.5));
			ui_text_take(x, UA_ERROR, 0, 2, xasprintf(_("A sign: %ld pupils scored %g and %ld one point below it; a"
								    " fair coin would put as many at it only %s times in a"
								    " hundred."), v->at, v->peak_at, v->below, p));
			free(p);
		} else {
			ui_text_add(x, UA_NORMAL, 0, 2, _("No peak of scores at a mark's boundary."));
		}
		if (v->compared) {
			char *lo = num_percent(objectivity_tenths(v->lowered, v->compared));
			char *co = num_percent(objectivity_tenths(v->confirmed, v->compared));
			char *ra = num_percent(objectivity_tenths(v->raised, v->compared));
			ui_text_take(x, v->raised_sign ? UA_ERROR : UA_NORMAL, 0, 2,
				     xasprintf(_("The mark against the journal's (%ld pupils): lowered %s, confirmed %s, raised"
						 " %s%s."), v->compared, lo, co, ra, v->raised_sign ? _(" — a sign") : ""));
			free(lo), free(co), free(ra);
		}
		ui_text_add(x, UA_NORMAL, 0, 0, "");
		ui_text_add(x, UA_HEAD, 0, 0, _("Pupils by primary score; the marks' boundaries named:"));
		int n;
		char **lines = objectivity_histogram(v, 40, "█", &n);
		for (int k = 0; k < n; k++) {
			int at_bound = strstr(lines[k], "<-") != NULL;
			ui_text_add(x, v->has_peak && k == (int)v->peak_at ? UA_ERROR : at_bound ? UA_HEAD : UA_NORMAL, 0, 0,
				    lines[k]);
			free(lines[k]);
		}
		free(lines);
		ui_text_add(x, UA_NORMAL, 0, 0, "");
		ui_text_add(x, UA_NOTE, 0, 0, _("A sign is a reason to look at how the work was written and marked, never a"
						" verdict."));
	}
	if (!ui_text_count(x))
		ui_text_add(x, UA_NOTE, 0, 0, _("No results of this assessment."));
	obj_report_free(&o);
	ui_push(scr_text_new(N_("Objectivity"),
			    N_("Signs of biased results in the assessment, as ФИС ОКО checks them: a peak of primary "
			       "scores just at a mark's lower boundary (pupils pulled over the line), judged by a one-sided "
			       "binomial test so that a small class's chance counts are not taken for one; and the "
			       "assessment's marks against the journal's. The histogram shows how many pupils got each "
			       "score; the boundaries of «3», «4» and «5» are named. The rules are settings (objectivity "
			       "set). Up, Down, PgUp, PgDn scroll."),
			     x, NULL, NULL));
	return UI_REDRAW;
}

/* --- choosing --- */

static ui_result pick_assessment(ui_screen *scr)
{
	struct state *s = scr->data;
	if (!s->r.n)
		return UI_HANDLED;
	char **labels = xcalloc(s->r.n, sizeof *labels);
	for (size_t i = 0; i < s->r.n; i++) {
		const task_assess *t = &s->r.v[i];
		long def = 0;
		for (size_t k = 0; k < t->ntasks; k++)
			def += task_at(t, 0, k)->deficit;
		labels[i] = xasprintf(ngettext("%s · %s · grade %d: %ld deficit", "%s · %s · grade %d: %ld deficits",
					       (unsigned long)def), t->procedure, t->subject, t->a.grade, def);
	}
	int k = ui_pick(_("Assessment"), labels, (int)s->r.n, (int)s->cur);
	if (k >= 0 && (size_t)k != s->cur) {
		s->cur = (size_t)k;
		s->col = s->first = 0;
		rebuild(s);
	}
	for (size_t i = 0; i < s->r.n; i++)
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
	return s->r.n > 0;
}

static ui_result key(ui_screen *scr, int ch, int fk)
{
	struct state *s = scr->data;
	const task_assess *t = shown(s);
	if (t && ui_heat_move(&s->col, (int)t->ntasks, ch, fk))
		return UI_REDRAW;
	return UI_UNHANDLED;
}

static void destroy(ui_screen *scr)
{
	struct state *s = scr->data;
	task_report_free(&s->r);
	free(s->years), free(s->ref), free(s->dist);
	free(s);
}

static const ui_key keys[] = {
	{ UI_KEY_ENTER, NULL, open_task, has_tasks },
	{ KEY_F(3), NC_("key", "Work"), pick_assessment, has_tasks },
	{ KEY_F(4), NC_("key", "Task"), open_task, has_tasks },
	{ KEY_F(5), NC_("key", "Year"), pick_year, has_tasks },
	{ KEY_F(6), NC_("key", "Deficits"), deficits, has_tasks },
	{ KEY_F(7), NC_("key", "Objectivity"), objectivity, has_tasks },
	{ 0 },
};

ui_screen *scr_tasks_new(void)
{
	struct state *s = xcalloc(1, sizeof *s);
	char *err = NULL;
	if (db_task_years(ui.db, &s->years, &s->nyears, &err) != 0) {
		ui_error("%s", err);
		free(err);
	}
	s->year = s->nyears ? s->years[0] : 0;
	s->list = ui_list_new(draw_row, s);
	ui_list_set_header(s->list, draw_header);
	ui_list_set_detail(s->list, detail, 3);
	ui_list_set_empty(s->list, _("No task scores yet: import the ВПР forms (Import from a file, «ВПР form by "
				     "task»), then the task map for what each task checks."));
	load(s);
	ui_screen *scr = ui_screen_new(N_("Tasks"),
				       N_("The ВПР task by task, as the analysis of the ВПР needs it: for one assessment, how "
					  "much of each task (the columns) each class did (the rows), with the whole "
					  "school's, and the region's and the district's shares above when the task map gives "
					  "them. Each cell is the percent: 100 × the pupils' scores / (participants × the "
					  "task's maximum). Red is below 50 %, yellow below 70 %, green above; «!» marks a "
					  "deficit (below 50 %, or 15 points or more below the region: the rules, tasks set).\n\n"
					  "The line above the map names the assessment and which of the year's it is. Up and "
					  "Down choose a class, Left and Right a task; under the map, the task's figures and "
					  "what it checks.\n\n"
					  "Enter or F4 opens the task: what it checks, each class beside the school, the "
					  "district and the region, and the pupils who scored 0 on it. F3 chooses another "
					  "assessment, F5 another year. F6 lists the school's deficits by subject, to save and "
					  "print. F7 shows the signs of biased results: the scores' histogram with the marks' "
					  "boundaries, and the marks against the journal's."),
				       keys, s);
	scr->draw = draw;
	scr->key = key;
	scr->destroy = destroy;
	scr->list = s->list;
	return scr;
}
