/* Assessments and their scales: the list by year and procedure, and a
 * form to add or edit a scale, checked by the same rules as the import. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "day.h"
#include "db.h"
#include "scale.h"
#include "scr.h"
#include "ui-list.h"
#include "ui-widgets.h"

struct state {
	int year;		/* 0: every year */
	scale_item *v;
	size_t n;
	ui_list *list;
};

static void reload(void *data)
{
	struct state *s = data;
	char *err = NULL;
	scale_list_free(s->v, s->n);
	s->v = NULL;
	s->n = 0;
	if (db_scale_list(ui.db, s->year, &s->v, &s->n, &err) != 0) {
		ui_error("%s", err);
		free(err);
	}
	ui_list_begin(s->list);
	for (size_t i = 0; i < s->n; i++)
		ui_list_add(s->list, i);
	ui_list_end(s->list);
	char *f = s->year ? xasprintf(_("assessments of %d"), s->year) : xstrdup(_("assessments of every year"));
	ui_list_set_filter(s->list, f);
	free(f);
}

/* A score for people: decimal comma, "" when not set. */
static char *num(int has, double v)
{
	return has ? cell_number_text(v) : xstrdup("");
}

enum { K_YEAR, K_PROC, K_SUBJ, K_GRADE, K_MAX, K_MIN, K_S4, K_S5, K_HIGH, K_AVG, K_RES, NCOLS };

/* Where each column starts, and how wide it is: the subject takes what
 * the numbers, from the right edge, leave. */
static void columns(int x, int width, int xs[NCOLS], int ws[NCOLS])
{
	static const int from_right[NCOLS] = { 0, 0, 0, 41, 37, 32, 27, 22, 17, 11, 5 };
	int e = x + width;
	xs[K_YEAR] = x, xs[K_PROC] = x + 5, xs[K_SUBJ] = x + 16;
	for (int k = K_GRADE; k < NCOLS; k++)
		xs[k] = e - from_right[k];
	for (int k = 0; k < NCOLS; k++)
		ws[k] = (k + 1 < NCOLS ? xs[k + 1] - 1 : e) - xs[k];
}

static void header(void *ctx, WINDOW *w, int y, int x, int width)
{
	(void)ctx;
	int xs[NCOLS], ws[NCOLS];
	const char *heads[NCOLS] = { _("Year"), _("Procedure"), _("Subject"), _("Gr."), _("Max"), _("Min"), "«4»", "«5»",
				     _("High"), _("Avg"), _("Res.") };
	columns(x, width, xs, ws);
	for (int k = 0; k < NCOLS; k++)
		ui_put(w, y, xs[k], ws[k], heads[k]);
}

static void row(void *ctx, WINDOW *w, int y, int x, int width, size_t item, int cur, attr_t base)
{
	const struct state *s = ctx;
	const scale_item *it = &s->v[item];
	const scale *sc = &it->a.sc;
	int xs[NCOLS], ws[NCOLS];
	(void)cur, (void)base;
	columns(x, width, xs, ws);
	char *cells[NCOLS] = { xasprintf("%d", it->a.year), xstrdup(it->procedure), xstrdup(it->subject),
			       xasprintf("%d", it->a.grade), num(1, sc->max_score), num(1, sc->min_score),
			       num(sc->has_score4, sc->score4), num(sc->has_score5, sc->score5),
			       num(sc->has_high, sc->high_score), num(sc->has_avg, sc->avg_score),
			       xasprintf("%ld", it->results) };
	for (int k = 0; k < NCOLS; k++) {
		ui_put(w, y, xs[k], ws[k], cells[k]);
		free(cells[k]);
	}
}

/* The whole assessment and its scale in words, under the list. */
static char *detail(void *ctx, size_t item)
{
	const struct state *s = ctx;
	const scale_item *it = &s->v[item];
	const scale *sc = &it->a.sc;
	char *v[6] = { num(1, sc->max_score), num(1, sc->min_score), num(sc->has_score4, sc->score4),
		       num(sc->has_score5, sc->score5), num(sc->has_high, sc->high_score), num(sc->has_avg, sc->avg_score) };
	for (int i = 2; i < 6; i++)
		if (!*v[i]) {
			free(v[i]);
			v[i] = xstrdup("—");
		}
	char *text = xasprintf(_("%s · %s · grade %d · %d: maximum %s, minimum %s, «4» from %s, «5» from %s, high level "
				 "from %s, region's average %s; results entered: %ld"),
			       it->procedure, it->subject, it->a.grade, it->a.year, v[0], v[1], v[2], v[3], v[4], v[5],
			       it->results);
	for (int i = 0; i < 6; i++)
		free(v[i]);
	return text;
}

enum { S_PROC, S_SUBJ, S_GRADE, S_YEAR, S_MAX, S_MIN, S_S4, S_S5, S_HIGH, S_AVG, NFORM };

struct form_ctx {
	long id;
	assessment a;
	refmap *proc, *subj;
};

static int opt_number(const char *text, int *has, double *v)
{
	*has = !cell_empty(text);
	return *has ? cell_number(text, v) : 0;
}

static int check_form(void *vctx, char *const *v, int *field, char **msg)
{
	struct form_ctx *c = vctx;
	char *err = NULL;
	long g, y, proc, subj;
	int rc = -1;
	assessment *a = &c->a;
	*a = (assessment){ .id = c->id };
	if (!(proc = refmap_find(c->proc, v[S_PROC]))) {
		*field = S_PROC;
		*msg = xstrdup(_("Choose the procedure: Space steps through them, F4 lists them."));
	} else if (!(subj = refmap_find(c->subj, v[S_SUBJ]))) {
		*field = S_SUBJ;
		*msg = xstrdup(_("Choose the subject: Space steps through them, F4 lists them."));
	} else if (cell_int(v[S_GRADE], &g) != 0 || g < 1 || g > 11) {
		*field = S_GRADE;
		*msg = xstrdup(_("The grade is a number from 1 to 11."));
	} else if (cell_int(v[S_YEAR], &y) != 0 || y < 2000 || y > 2100) {
		*field = S_YEAR;
		*msg = xstrdup(_("The year is like 2025."));
	} else if (cell_number(v[S_MAX], &a->sc.max_score) != 0) {
		*field = S_MAX;
		*msg = xstrdup(_("The maximum score is a number."));
	} else if (cell_number(v[S_MIN], &a->sc.min_score) != 0) {
		*field = S_MIN;
		*msg = xstrdup(_("The minimum score is a number."));
	} else if (opt_number(v[S_S4], &a->sc.has_score4, &a->sc.score4) || opt_number(v[S_S5], &a->sc.has_score5, &a->sc.score5) ||
		   opt_number(v[S_HIGH], &a->sc.has_high, &a->sc.high_score) || opt_number(v[S_AVG], &a->sc.has_avg, &a->sc.avg_score)) {
		*field = S_S4;
		*msg = xstrdup(_("Scores are numbers like 12 or 12,5, or empty."));
	} else {
		a->procedure_id = proc;
		a->subject_id = subj;
		a->grade = (int)g;
		a->year = (int)y;
		enum scale_field bad;
		static const int to_field[] = { [SF_MAX] = S_MAX, [SF_MIN] = S_MIN, [SF_SCORE4] = S_S4,
						[SF_SCORE5] = S_S5, [SF_HIGH] = S_HIGH, [SF_AVG] = S_AVG, [SF_ROW] = S_S4 };
		assessment other;
		int found = db_assessment_find(ui.db, proc, subj, a->grade, a->year, &other, &err);
		if (scale_check(&a->sc, &bad, msg) != 0) {
			*field = to_field[bad];
		} else if (found == 1 && other.id != c->id) {
			*field = S_PROC;
			*msg = xstrdup(_("This assessment is in the list already: edit that one."));
		} else {
			rc = 0;
		}
	}
	free(err);
	return rc;
}

static void edit(struct state *s, const scale_item *it)
{
	char *err = NULL;
	struct form_ctx ctx = { .id = it ? it->a.id : 0 };
	if (!(ctx.proc = db_ref_load(ui.db, REF_PROCEDURE, &err)) || !(ctx.subj = db_ref_load(ui.db, REF_SUBJECT, &err))) {
		ui_error("%s", err);
		free(err);
		refmap_free(ctx.proc);
		return;
	}
	const char **procs = refmap_names(ctx.proc), **subjects = refmap_names(ctx.subj);
	const ui_field fields[NFORM] = {
		{ _("Procedure"), 16, UI_FIELD_CHOICE, procs }, { _("Subject"), 34, UI_FIELD_CHOICE, subjects },
		{ _("Grade"), 3, UI_FIELD_TEXT, NULL }, { _("Year"), 5, UI_FIELD_TEXT, NULL },
		{ _("Maximum score"), 6, UI_FIELD_TEXT, NULL }, { _("Minimum (lowest for «3»)"), 6, UI_FIELD_TEXT, NULL },
		{ _("Lowest for «4»"), 6, UI_FIELD_TEXT, NULL }, { _("Lowest for «5»"), 6, UI_FIELD_TEXT, NULL },
		{ _("High level"), 6, UI_FIELD_TEXT, NULL }, { _("Region's average"), 6, UI_FIELD_TEXT, NULL },
	};
	char *v[NFORM];
	if (it) {
		const scale *sc = &it->a.sc;
		v[S_PROC] = xstrdup(it->procedure);
		v[S_SUBJ] = xstrdup(it->subject);
		v[S_GRADE] = xasprintf("%d", it->a.grade);
		v[S_YEAR] = xasprintf("%d", it->a.year);
		v[S_MAX] = num(1, sc->max_score);
		v[S_MIN] = num(1, sc->min_score);
		v[S_S4] = num(sc->has_score4, sc->score4);
		v[S_S5] = num(sc->has_score5, sc->score5);
		v[S_HIGH] = num(sc->has_high, sc->high_score);
		v[S_AVG] = num(sc->has_avg, sc->avg_score);
	} else {
		for (int i = 0; i < NFORM; i++)
			v[i] = xstrdup("");
		free(v[S_PROC]);
		v[S_PROC] = xstrdup(procs[0] ? procs[0] : "");
		free(v[S_YEAR]);
		v[S_YEAR] = xasprintf("%d", s->year ? s->year : (int)(day_today() / 10000));
	}
	if (ui_form_run(it ? _("Scale") : _("New assessment"), fields, v, NFORM, check_form, &ctx) == 1) {
		if (db_assessment_save(ui.db, &ctx.a, &err) == 0) {
			ui_message(_("Saved."));
		} else {
			ui_error("%s", err);
			free(err);
		}
		reload(s);
		for (size_t i = 0; i < s->n; i++)
			if (s->v[i].a.id == ctx.a.id)
				ui_list_select(s->list, i);
	}
	for (int i = 0; i < NFORM; i++)
		free(v[i]);
	free(procs);
	free(subjects);
	refmap_free(ctx.proc);
	refmap_free(ctx.subj);
}

static ui_result pick_year(ui_screen *scr)
{
	struct state *s = scr->data;
	char *labels[65];
	int years[65], k = 1, current = 0;
	labels[0] = xstrdup(_("Every year"));
	years[0] = 0;
	scale_item *all;
	size_t n;
	char *err = NULL;
	if (db_scale_list(ui.db, 0, &all, &n, &err) != 0) {
		ui_error("%s", err);
		free(err);
		free(labels[0]);
		return UI_REDRAW;
	}
	for (size_t i = 0; i < n && k < 65; i++) {
		if (years[k - 1] == all[i].a.year)
			continue;
		if (all[i].a.year == s->year)
			current = k;
		years[k] = all[i].a.year;
		labels[k++] = xasprintf("%d", all[i].a.year);
	}
	scale_list_free(all, n);
	int p = ui_pick(_("Year"), labels, k, current);
	if (p >= 0) {
		s->year = years[p];
		reload(s);
		ui_list_home(s->list);
	}
	for (int i = 0; i < k; i++)
		free(labels[i]);
	return UI_REDRAW;
}

static const scale_item *current(const struct state *s)
{
	size_t i;
	return ui_list_current(s->list, &i) ? &s->v[i] : NULL;
}

static ui_result edit_key(ui_screen *scr)
{
	struct state *s = scr->data;
	const scale_item *it = current(s);
	if (it)
		edit(s, it);
	return UI_REDRAW;
}

static ui_result add_key(ui_screen *scr)
{
	edit(scr->data, NULL);
	return UI_REDRAW;
}

static ui_result delete_key(ui_screen *scr)
{
	struct state *s = scr->data;
	const scale_item *it = current(s);
	char *err = NULL;
	if (!it)
		return UI_HANDLED;
	if (it->results > 0) {
		ui_error(ngettext("This assessment has %ld result; it cannot be deleted.",
				  "This assessment has %ld results; it cannot be deleted.", (unsigned long)it->results),
			 it->results);
		return UI_REDRAW;
	}
	char *q = xasprintf(_("Delete %s, %s, grade %d, %d?"), it->procedure, it->subject, it->a.grade, it->a.year);
	if (ui_confirm(q)) {
		if (db_assessment_delete(ui.db, it->a.id, &err) < 0)
			ui_error("%s", err);
		else
			ui_message(_("Deleted."));
		reload(s);
	}
	free(q);
	free(err);
	return UI_REDRAW;
}

static void destroy(ui_screen *scr)
{
	struct state *s = scr->data;
	scale_list_free(s->v, s->n);
	free(s);
}

static const ui_key keys[] = {
	{ UI_KEY_ENTER, NULL, edit_key, NULL },
	{ KEY_F(3), NC_("key", "Year"), pick_year, NULL },
	{ KEY_F(4), NC_("key", "Edit"), edit_key, NULL },
	{ KEY_F(5), NC_("key", "Import"), scr_import_open, NULL },
	{ KEY_F(7), NC_("key", "Add"), add_key, NULL },
	{ KEY_F(8), NC_("key", "Delete"), delete_key, NULL },
	{ 0 },
};

ui_screen *scr_scales_new(void)
{
	struct state *s = xcalloc(1, sizeof *s);
	s->list = ui_list_new(row, s);
	ui_list_set_header(s->list, header);
	ui_list_set_detail(s->list, detail, 3);
	ui_list_set_empty(s->list, _("No assessments: F7 adds one, F5 imports a file of scales."));
	reload(s);
	if (s->n) {
		s->year = s->v[0].a.year;	/* the newest year first */
		reload(s);
	}
	ui_screen *scr = ui_screen_new(N_("Assessments and scales"),
				       N_("Every assessment (procedure, subject, grade, year) with its scale: the maximum "
					  "score, the minimum (the lowest score for «3»), the lowest scores for «4» and "
					  "«5», the high level (if empty, the score for «5») and the region's average, if "
					  "known; and how many results are entered. Under the list, the chosen assessment "
					  "and its scale in words.\n\n"
					  "F3 chooses the year, or every year; the line above the list says which, and "
					  "where you are in the list. Enter or F4 edits a scale, F7 adds an assessment, F8 "
					  "deletes one that has no results. In the form, the procedure and the subject are "
					  "chosen: Space steps through them, F4 lists them (a letter jumps). The thresholds "
					  "must climb and stay within the maximum; the form says what is wrong.\n\n"
					  "F5 imports scales from a CSV file."),
				       keys, s);
	scr->destroy = destroy;
	scr->reload = reload;
	scr->list = s->list;
	return scr;
}
