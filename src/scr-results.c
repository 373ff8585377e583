/* Choosing what to enter: year, procedure, subject, grade, one list after
 * another, starting from the last choice. Opens the grid. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "scr.h"
#include "store.h"

#define LAST_KEY "ui.results.assessment"

/* Distinct labels of the entries that pass keep, in order; which one the
 * remembered entry has. */
typedef int (*keep_fn)(const assessment_entry *e, const assessment_entry *chosen);
typedef char *(*label_fn)(const assessment_entry *e);

static int same_year(const assessment_entry *e, const assessment_entry *c) { return e->year == c->year; }
static int same_proc(const assessment_entry *e, const assessment_entry *c)
{
	return same_year(e, c) && strcmp(e->procedure, c->procedure) == 0;
}
static int same_subj(const assessment_entry *e, const assessment_entry *c)
{
	return same_proc(e, c) && strcmp(e->subject, c->subject) == 0;
}
static int any(const assessment_entry *e, const assessment_entry *c) { (void)e, (void)c; return 1; }
static char *year_label(const assessment_entry *e) { return xasprintf("%d", e->year); }
static char *proc_label(const assessment_entry *e) { return xstrdup(e->procedure); }
static char *subj_label(const assessment_entry *e) { return xstrdup(e->subject); }
static char *grade_label(const assessment_entry *e) { return xasprintf(_("grade %d"), e->grade); }

/* One step: the choices that keep allows, picked from a list titled with
 * what is chosen so far (title is taken). The chosen entry (the first with
 * that label) goes to *chosen. 0, or -1 for Esc. */
static int step(char *title, const assessment_entry *v, size_t n, keep_fn keep, label_fn label,
		const assessment_entry **chosen, const assessment_entry *remembered)
{
	char **labels = xcalloc(n, sizeof *labels);
	const assessment_entry **first = xcalloc(n, sizeof *first);
	int k = 0, current = 0;
	const assessment_entry *scope = *chosen;
	for (size_t i = 0; i < n; i++) {
		if (scope && !keep(&v[i], scope))
			continue;
		char *l = label(&v[i]);
		int dup = 0;
		for (int j = 0; j < k && !dup; j++)
			dup = strcmp(labels[j], l) == 0;
		if (dup) {
			free(l);
			continue;
		}
		if (remembered) {
			char *r = label(remembered);
			if (strcmp(r, l) == 0)
				current = k;
			free(r);
		}
		labels[k] = l;
		first[k++] = &v[i];
	}
	int pick = k == 1 ? 0 : ui_pick(title, labels, k, current);
	if (pick >= 0)
		*chosen = first[pick];
	for (int j = 0; j < k; j++)
		free(labels[j]);
	free(labels);
	free(first);
	free(title);
	return pick >= 0 ? 0 : -1;
}

ui_screen *scr_results_new(void)
{
	assessment_entry *v;
	size_t n;
	char *err = NULL;
	if (db_assessment_catalog(ui.db, &v, &n, &err) != 0) {
		ui_error("%s", err);
		free(err);
		return NULL;
	}
	if (n == 0) {
		ui_error(_("There are no assessments yet: import their scales first (Import from a file)."));
		free(v);
		return NULL;
	}
	char *last = db_setting_get(db_sdb(ui.db), LAST_KEY, &err);
	free(err);
	const assessment_entry *remembered = NULL;
	for (size_t i = 0; last && i < n; i++)
		if (v[i].id == atol(last))
			remembered = &v[i];
	free(last);
	const assessment_entry *c = NULL;
	ui_screen *grid = NULL;
	/* (each title is made once the step before has chosen) */
	if (step(xstrdup(_("Year")), v, n, any, year_label, &c, remembered) == 0 &&
	    step(xasprintf(_("Procedure · %d"), c->year), v, n, same_year, proc_label, &c, remembered) == 0 &&
	    step(xasprintf(_("Subject · %s · %d"), c->procedure, c->year), v, n, same_proc, subj_label, &c,
		 remembered) == 0 &&
	    step(xasprintf(_("Grade · %s · %s · %d"), c->procedure, c->subject, c->year), v, n, same_subj,
		 grade_label, &c, remembered) == 0) {
		char *id = xasprintf("%ld", c->id);
		if (db_setting_set(db_sdb(ui.db), LAST_KEY, id, &err) != 0)
			free(err);
		free(id);
		grid = scr_grid_new(c->id);
	}
	assessment_catalog_free(v, n);
	return grid;
}
