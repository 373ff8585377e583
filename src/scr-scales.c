/* Assessments and their scales: the list by year and procedure, and a
 * form to add or edit a scale, checked by the same rules as the import. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "db.h"
#include "scale.h"
#include "scr.h"
#include "ui-widgets.h"

struct state {
	int year;		/* 0: every year */
	scale_item *v;
	size_t n, row, top;
	int stale;	/* reload before drawing: another screen may have changed the list */
};

static void reload(struct state *s)
{
	char *err = NULL;
	scale_list_free(s->v, s->n);
	s->v = NULL;
	s->n = 0;
	if (db_scale_list(ui.db, s->year, &s->v, &s->n, &err) != 0) {
		ui_error("%s", err);
		free(err);
	}
	if (s->row >= s->n)
		s->row = s->n ? s->n - 1 : 0;
}

/* A score for people: decimal comma, "" when not set. */
static char *num(int has, double v)
{
	return has ? cell_number_text(v) : xstrdup("");
}

static void draw(ui_screen *scr, WINDOW *w)
{
	struct state *s = scr->data;
	if (s->stale) {
		s->stale = 0;
		reload(s);
	}
	int width = getmaxx(w), height = getmaxy(w);
	char *head = s->year ? xasprintf(_("Assessments of %d"), s->year) : xstrdup(_("Assessments of every year"));
	wattrset(w, ui_attr(UA_HEAD));
	ui_put(w, 0, 1, width - 2, head);
	free(head);
	/* year, procedure, subject (the rest), grade, max, min, 4, 5, high, avg, results */
	int xs[] = { 1, 6, 17, width - 43, width - 39, width - 34, width - 29, width - 24, width - 19, width - 13,
		     width - 7 };
	const char *heads[] = { _("Year"), _("Procedure"), _("Subject"), _("Gr."), _("Max"), _("Min"), "«4»", "«5»",
				_("High"), _("Avg"), _("Res.") };
	for (int i = 0; i < 11; i++)
		ui_put(w, 2, xs[i], (i < 10 ? xs[i + 1] : width) - xs[i] - 1, heads[i]);
	wattrset(w, A_NORMAL);
	int rows = height - 4;
	ui_legacy_list_scroll(s->row, &s->top, rows);
	for (int i = 0; i < rows && s->top + (size_t)i < s->n; i++) {
		const scale_item *it = &s->v[s->top + (size_t)i];
		const scale *sc = &it->a.sc;
		int y = 3 + i, cur = s->top + (size_t)i == s->row;
		wattrset(w, cur ? ui_attr(UA_SELECT) : A_NORMAL);
		if (cur)
			mvwhline(w, y, 0, ' ', width);
		char *cells[11] = { xasprintf("%d", it->a.year), xstrdup(it->procedure), xstrdup(it->subject),
				    xasprintf("%d", it->a.grade), num(1, sc->max_score), num(1, sc->min_score),
				    num(sc->has_score4, sc->score4), num(sc->has_score5, sc->score5),
				    num(sc->has_high, sc->high_score), num(sc->has_avg, sc->avg_score),
				    xasprintf("%ld", it->results) };
		for (int k = 0; k < 11; k++) {
			ui_put(w, y, xs[k], (k < 10 ? xs[k + 1] : width) - xs[k] - 1, cells[k]);
			free(cells[k]);
		}
	}
	wattrset(w, A_NORMAL);
	if (s->n == 0)
		ui_put(w, 4, 2, width - 4, _("No assessments: F7 adds one, or import a file of scales."));
}

enum { S_PROC, S_SUBJ, S_GRADE, S_YEAR, S_MAX, S_MIN, S_S4, S_S5, S_HIGH, S_AVG, NFORM };

struct form_ctx {
	long id;
	assessment a;
	long proc, subj;
};

static int opt_number(const char *text, int *has, double *v)
{
	*has = !cell_empty(text);
	return *has ? cell_number(text, v) : 0;
}

static int check_form(void *vctx, char *const *v, int *field, char **msg)
{
	struct form_ctx *c = vctx;
	refmap *pm = NULL, *sm = NULL;
	char *err = NULL;
	long g, y;
	int rc = -1;
	assessment *a = &c->a;
	*a = (assessment){ .id = c->id };
	if (!(pm = db_ref_load(ui.db, REF_PROCEDURE, &err)) || !(sm = db_ref_load(ui.db, REF_SUBJECT, &err))) {
		*field = S_PROC;
		*msg = err;
		err = NULL;
	} else if (!(c->proc = refmap_find(pm, v[S_PROC]))) {
		*field = S_PROC;
		*msg = xasprintf(_("Unknown procedure: write ВПР, ОГЭ, ЕГЭ, НИКО, КДР…"));
	} else if (!(c->subj = refmap_find(sm, v[S_SUBJ]))) {
		*field = S_SUBJ;
		*msg = xasprintf(_("Unknown subject «%s»."), v[S_SUBJ]);
	} else if (cell_int(v[S_GRADE], &g) != 0 || g < 1 || g > 11) {
		*field = S_GRADE;
		*msg = xasprintf(_("The grade is a number from 1 to 11."));
	} else if (cell_int(v[S_YEAR], &y) != 0 || y < 2000 || y > 2100) {
		*field = S_YEAR;
		*msg = xasprintf(_("The year is like 2025."));
	} else if (cell_number(v[S_MAX], &a->sc.max_score) != 0) {
		*field = S_MAX;
		*msg = xasprintf(_("The maximum score is a number."));
	} else if (cell_number(v[S_MIN], &a->sc.min_score) != 0) {
		*field = S_MIN;
		*msg = xasprintf(_("The minimum score is a number."));
	} else if (opt_number(v[S_S4], &a->sc.has_score4, &a->sc.score4) || opt_number(v[S_S5], &a->sc.has_score5, &a->sc.score5) ||
		   opt_number(v[S_HIGH], &a->sc.has_high, &a->sc.high_score) || opt_number(v[S_AVG], &a->sc.has_avg, &a->sc.avg_score)) {
		*field = S_S4;
		*msg = xasprintf(_("Scores are numbers like 12 or 12,5, or empty."));
	} else {
		a->procedure_id = c->proc;
		a->subject_id = c->subj;
		a->grade = (int)g;
		a->year = (int)y;
		enum scale_field bad;
		static const int to_field[] = { [SF_MAX] = S_MAX, [SF_MIN] = S_MIN, [SF_SCORE4] = S_S4,
						[SF_SCORE5] = S_S5, [SF_HIGH] = S_HIGH, [SF_AVG] = S_AVG, [SF_ROW] = S_S4 };
		assessment other;
		int found = db_assessment_find(ui.db, c->proc, c->subj, a->grade, a->year, &other, &err);
		if (scale_check(&a->sc, &bad, msg) != 0) {
			*field = to_field[bad];
		} else if (found == 1 && other.id != c->id) {
			*field = S_PROC;
			*msg = xasprintf(_("This assessment is in the list already: edit that one."));
		} else {
			rc = 0;
		}
	}
	free(err);
	refmap_free(pm);
	refmap_free(sm);
	return rc;
}

static void edit(struct state *s, const scale_item *it)
{
	const ui_field fields[NFORM] = {
		{ _("Procedure"), 16, UI_FIELD_TEXT, NULL }, { _("Subject"), 34, UI_FIELD_TEXT, NULL },
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
		v[S_PROC] = xstrdup("ВПР");
		if (s->year) {
			free(v[S_YEAR]);
			v[S_YEAR] = xasprintf("%d", s->year);
		}
	}
	struct form_ctx ctx = { .id = it ? it->a.id : 0 };
	if (ui_form_run(it ? _("Scale") : _("New assessment"), fields, v, NFORM, check_form, &ctx) == 1) {
		char *err = NULL;
		if (db_assessment_save(ui.db, &ctx.a, &err) == 0) {
			ui_message(_("Saved."));
		} else {
			ui_error("%s", err);
			free(err);
		}
		reload(s);
	}
	for (int i = 0; i < NFORM; i++)
		free(v[i]);
}

static void pick_year(struct state *s)
{
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
		return;
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
		s->row = 0;
		reload(s);
	}
	for (int i = 0; i < k; i++)
		free(labels[i]);
}

static ui_result key(ui_screen *scr, int ch, int fk)
{
	struct state *s = scr->data;
	const scale_item *it = s->n ? &s->v[s->row] : NULL;
	if (!fk && (ch == '\n' || ch == '\r')) {
		if (it)
			edit(s, it);
		return UI_REDRAW;
	}
	if (!fk)
		return UI_UNHANDLED;
	if (ui_legacy_list_key(&s->row, s->n, ch))
		return UI_HANDLED;
	if (ch == KEY_F(3)) {
		pick_year(s);
	} else if ((ch == KEY_F(4) || ch == KEY_ENTER) && it) {
		edit(s, it);
	} else if (ch == KEY_F(7)) {
		edit(s, NULL);
	} else if (ch == KEY_F(5)) {
		ui_push(scr_import_new());
		s->stale = 1;
	} else if (ch == KEY_F(8) && it) {
		char *err = NULL;
		if (it->results > 0) {
			ui_error(ngettext("This assessment has %ld result; it cannot be deleted.",
					  "This assessment has %ld results; it cannot be deleted.",
					  (unsigned long)it->results), it->results);
		} else {
			char *q = xasprintf(_("Delete %s, %s, grade %d, %d?"), it->procedure, it->subject, it->a.grade,
					    it->a.year);
			if (ui_confirm(q)) {
				if (db_assessment_delete(ui.db, it->a.id, &err) < 0)
					ui_error("%s", err);
				else
					ui_message(_("Deleted."));
				reload(s);
			}
			free(q);
			free(err);
		}
	} else {
		return UI_UNHANDLED;
	}
	return UI_REDRAW;
}

static void destroy(ui_screen *scr)
{
	struct state *s = scr->data;
	scale_list_free(s->v, s->n);
	free(s);
	free(scr);
}

ui_screen *scr_scales_new(void)
{
	struct state *s = xcalloc(1, sizeof *s);
	reload(s);
	if (s->n) {
		s->year = s->v[0].a.year;	/* the newest year first */
		reload(s);
	}
	ui_screen *scr = xcalloc(1, sizeof *scr);
	scr->title = N_("Assessments and scales");
	scr->help = N_("Every assessment (procedure, subject, grade, year) with its scale: the\n"
		       "maximum score, the minimum (the lowest score for «3»), the lowest scores\n"
		       "for «4» and «5», the high level (if empty, the score for «5») and the\n"
		       "region's average, if known.\n\n"
		       "F3 chooses the year. Enter or F4 edits a scale, F7 adds an assessment,\n"
		       "F8 deletes one that has no results. The thresholds must climb and stay\n"
		       "within the maximum; the form says what is wrong. F5 imports scales\n"
		       "from a CSV file.");
	scr->bar[2] = NC_("key", "Year");
	scr->bar[3] = NC_("key", "Edit");
	scr->bar[4] = NC_("key", "Import");
	scr->bar[6] = NC_("key", "Add");
	scr->bar[7] = NC_("key", "Delete");
	scr->draw = draw;
	scr->key = key;
	scr->destroy = destroy;
	scr->data = s;
	return scr;
}
