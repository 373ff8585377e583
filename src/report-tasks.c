/* report.html's parts of the ВПР task by task: the heat map of tasks by
 * class, the school's deficits by subject, and the signs of biased results
 * with each assessment's scores. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "html.h"
#include "num.h"
#include "report-html.h"

/* One assessment's heat map: the school, then its classes. */
static void heatmap(FILE *fp, const task_assess *t, int year)
{
	size_t nr = t->nclasses + 1;
	const char **cols = xcalloc(t->ntasks, sizeof *cols), **rows = xcalloc(nr, sizeof *rows);
	int *tenths = xcalloc(nr * t->ntasks, sizeof *tenths), *def = xcalloc(nr * t->ntasks, sizeof *def);
	for (size_t k = 0; k < t->ntasks; k++)
		cols[k] = t->tasks[k].number;
	rows[0] = _("School");
	for (size_t c = 0; c < t->nclasses; c++)
		rows[c + 1] = t->classes[c];
	for (size_t r = 0; r < nr; r++)
		for (size_t k = 0; k < t->ntasks; k++) {
			tenths[r * t->ntasks + k] = task_at(t, r, k)->tenths;
			def[r * t->ntasks + k] = task_at(t, r, k)->deficit;
		}
	char *cap = xasprintf(ngettext("%s, %s, grade %d, %d: how much of each task was done, %% (%ld participant)",
				       "%s, %s, grade %d, %d: how much of each task was done, %% (%ld participants)",
				       (unsigned long)t->participants[0]),
			      t->procedure, t->subject, t->a.grade, year, t->participants[0]);
	html_heat h = { cap, cols, t->ntasks, rows, nr, 1, tenths, def };
	html_heatmap(fp, &h);
	free(cap), free(cols), free(rows), free(tenths), free(def);
}

/* The school's deficits, subject by subject. */
static void deficits(FILE *fp, const task_report *r)
{
	html_elem(fp, "<h3>", _("Learning deficits by subject"), "</h3>\n");
	char *rule = rules_deficit_text(&r->rules, 0, 1);
	html_elem(fp, "<p class=\"note\">", rule, "</p>\n");
	free(rule);
	long any = 0;
	for (size_t i = 0; i < r->n; i++) {
		const task_assess *t = &r->v[i];
		int first = 1;
		for (size_t k = 0; k < t->ntasks; k++) {
			const task_cell *c = task_at(t, 0, k);
			if (!c->deficit)
				continue;
			if (first) {
				fputs("<p><b>", fp);
				html_escf(fp, _("%s, %s, grade %d"), t->subject, t->procedure, t->a.grade);
				fputs("</b></p>\n<ul>\n", fp);
				first = 0;
			}
			char *pct = num_doc_tenths(c->tenths, 0);
			char *ref = t->tasks[k].has_reference ? num_doc_tenths((int)(t->tasks[k].reference_percent * 10 + 0.5), 0)
							      : NULL;
			fputs("<li>", fp);
			if (ref)
				html_escf(fp, _("task %s: %s %% (region %s %%)"), t->tasks[k].number, pct, ref);
			else
				html_escf(fp, _("task %s: %s %%"), t->tasks[k].number, pct);
			if (*t->tasks[k].skill) {
				fputs(" — ", fp);
				html_esc(fp, t->tasks[k].skill);
			}
			fputs("</li>\n", fp);
			free(pct), free(ref);
			any++;
		}
		if (!first)
			fputs("</ul>\n", fp);
	}
	if (!any)
		html_elem(fp, "<p class=\"empty\">", _("No task is a deficit of the school."), "</p>\n");
}

void report_tasks_part(FILE *fp, const task_report *r)
{
	fputs("<section>\n", fp);
	html_elem(fp, "<h2>", _("The ВПР task by task"), "</h2>\n");
	if (!r->n) {
		fputs("<p class=\"empty\">", fp);
		html_escf(fp, _("No task scores for %d: import the ВПР forms (orientir import tasks)."), r->year);
		fputs("</p>\n</section>\n", fp);
		return;
	}
	fputs("<p class=\"note\">", fp);
	html_esc(fp, _("The share of the tasks' maxima the pupils scored: 100 × the sum of their scores / "
		       "(participants × the task's maximum)."));
	fputs("</p>\n", fp);
	for (size_t i = 0; i < r->n; i++)
		heatmap(fp, &r->v[i], r->year);
	deficits(fp, r);
	fputs("</section>\n", fp);
}

void report_objectivity_part(FILE *fp, const obj_report *o)
{
	fputs("<section>\n", fp);
	html_elem(fp, "<h2>", _("Signs of biased results"), "</h2>\n");
	fputs("<p class=\"note\">", fp);
	html_escf(fp, _("As ФИС ОКО checks them: a peak of primary scores at a mark's lower boundary — of the pupils at "
			"it or one point below, so many at it that a fair coin would give as many less than %g times in "
			"a hundred, with at least %ld pupils at it and %ld participants; and the mark above the "
			"journal's for %g %% of the pupils or more. A sign is a reason to look, never a verdict."),
		  o->rules.peak_p * 100, o->rules.peak_at_boundary, o->rules.peak_participants, o->rules.raised);
	fputs("</p>\n", fp);
	if (!o->n) {
		html_elem(fp, "<p class=\"empty\">", _("No results this year."), "</p>\n</section>\n");
		return;
	}
	const char *const head[] = { _("Procedure"), _("Subject"), _("Grade"), _("Participants"), _("Peak at"),
				     _("Lowered"), _("Confirmed"), _("Raised"), _("Sign") };
	html_table_open(fp, head, 9, 1);
	for (size_t i = 0; i < o->n; i++) {
		const obj_row *v = &o->v[i];
		html_elem(fp, v->flag ? "<tr class=\"flag\"><td>" : "<tr><td>", v->procedure, "</td>");
		html_elem(fp, "<td>", v->subject, "</td>");
		fprintf(fp, "<td class=\"num\">%d</td><td class=\"num\">%ld</td><td class=\"num\">", v->grade,
			v->participants);
		if (v->has_peak)
			fprintf(fp, "%g", v->peak_at);
		fputs("</td>", fp);
		long counts[3] = { v->lowered, v->confirmed, v->raised };
		for (int k = 0; k < 3; k++) {
			int t = objectivity_tenths(counts[k], v->compared);
			char *pct = t < 0 ? xstrdup("") : num_doc_tenths(t, 0);
			fprintf(fp, "<td class=\"num\">%s</td>", pct);
			free(pct);
		}
		html_elem(fp, "<td>", v->flag ? (v->has_peak ? _("a peak") : _("marks over the journal's")) : "", "</td></tr>\n");
	}
	fputs("</tbody>\n</table>\n", fp);
	static const char *const marks[] = { "«3»", "«4»", "«5»" };
	for (size_t i = 0; i < o->n; i++) {
		const obj_row *v = &o->v[i];
		const char *names[3];
		for (int b = 0; b < v->nbounds; b++)
			names[b] = v->nbounds == 1 ? _("minimum") : marks[b];
		char *cap = xasprintf(_("%s, %s, grade %d: pupils by primary score, the marks' boundaries dashed%s"),
				      v->procedure, v->subject, v->grade, v->has_peak ? _("; the peak stands out") : "");
		html_histogram(fp, cap, v->hist, v->nhist, v->bounds, names, v->nbounds, v->has_peak ? v->peak_at : -1);
		free(cap);
	}
	fputs("</section>\n", fp);
}
