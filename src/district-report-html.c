/* The district's report page (see district-report-html.h): the office and
 * the half-year, who reported, the schools' results in Russian and
 * mathematics beside last year's with charts, the low-results list, and
 * the roadmap completion of each school. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "day.h"
#include "district-report-html.h"
#include "district-report.h"
#include "html.h"
#include "indicators.h"
#include "num.h"
#include "region-report.h"

/* What this page adds to the shared styles: shares at or above the line,
 * flagged schools, schools that have not reported. */
static const char *const extra_style =
	"td.low { font-weight: bold; background: #f6dcc5; -webkit-print-color-adjust: exact;"
	" print-color-adjust: exact; }\n"
	"tr.flag td { font-weight: bold; }\n"
	"tr.missing td { font-style: italic; }\n"
	"p.missing { font-weight: bold; }\n";


/* --- who reported --- */

/* The packages the export should carry for the region and cannot: taken
 * in before the district kept the files it takes in. */
static void uncarried_part(FILE *fp, const district_report *r)
{
	char *list = NULL;
	for (size_t i = 0; i < r->nuncarried; i++) {
		const d_package *p = &r->uncarried[i];
		char *half = half_text_of(p->period);
		char *t = xasprintf("%s%s%s (%s)", list ? list : "", list ? ", " : "",
				    district_report_name(r, p->school_code), half);
		free(list), free(half);
		list = t;
	}
	if (!list)
		return;
	fputs("<p class=\"missing\">", fp);
	html_escf(fp, ngettext("Not carried for the region: the package of %s, whose files are not kept (it came"
			       " before orientir kept the packages it takes in, or with pupils' names), so its tables"
			       " are not in this export; ask the school to send it again, without names.",
			       "Not carried for the region: the packages of %s, whose files are not kept (they came"
			       " before orientir kept the packages it takes in, or with pupils' names), so their"
			       " tables are not in this export; ask the schools to send them again, without names.",
			       (unsigned long)r->nuncarried), list);
	fputs("</p>\n", fp);
	free(list);
}

static void status_part(FILE *fp, const district_report *r)
{
	const status_report *s = &r->status;
	html_elem(fp, "<section>\n<h2>", _("Reports of the schools"), "</h2>\n");
	if (!s->n) {
		html_elem(fp, "<p class=\"empty\">",
			  _("No schools are known yet: no package has been imported and no list of schools entered."),
			  "</p>\n</section>\n");
		return;
	}
	long n = (long)s->n;
	char *a = num_doc_tenths(indicator_tenths(s->received, n), 0);
	char *b = num_doc_tenths(indicator_tenths(s->on_time, n), 0);
	fputs("<p>", fp);
	char *deadline = day_text(s->deadline);
	html_escf(fp, ngettext("Reported: %ld of %ld school (%s %%), on time: %ld (%s %%). Deadline %s.\n",
			       "Reported: %ld of %ld schools (%s %%), on time: %ld (%s %%). Deadline %s.\n",
			       (unsigned long)n),
		  s->received, n, a, s->on_time, b, deadline);
	fputs("</p>\n", fp);
	free(a), free(b), free(deadline);
	char *missing = NULL;
	for (size_t i = 0; i < s->n; i++) {
		if (s->v[i].received)
			continue;
		char *t = missing ? xasprintf("%s, %s", missing, s->v[i].name) : xstrdup(s->v[i].name);
		free(missing);
		missing = t;
	}
	if (missing) {
		fputs("<p class=\"missing\">", fp);
		html_escf(fp, _("Not reported: %s."), missing);
		fputs("</p>\n", fp);
		free(missing);
	} else {
		html_elem(fp, "<p>", _("Every school has reported."), "</p>\n");
	}
	uncarried_part(fp, r);
	/* the region's: each school's district after its code */
	const char *const head[] = { _("No."), _("School"), _("Code"), _("District"), _("Received"), _("Report made"),
				     _("On time") };
	const char *const *h = r->region ? head : (const char *const[]){ head[0], head[1], head[2], head[4], head[5],
									 head[6] };
	html_table_open(fp, h, r->region ? 7 : 6, 1);
	for (size_t i = 0; i < s->n; i++) {
		const status_row *v = &s->v[i];
		fprintf(fp, "<tr%s><td class=\"num\">%zu</td>", v->received ? "" : " class=\"missing\"", i + 1);
		html_elem(fp, "<td>", v->name, "</td>");
		html_elem(fp, "<td>", v->code, "</td>");
		if (r->region)
			html_elem(fp, "<td>", v->district, "</td>");
		if (v->received) {
			fputs("<td class=\"date\">", fp);
			html_put_iso_date(fp, v->first_received_at);
			fputs("</td><td class=\"date\">", fp);
			html_put_iso_date(fp, v->created_at);
			html_elem(fp, "</td><td>", v->on_time ? _("yes") : _("late"), "</td></tr>\n");
		} else {
			html_elem(fp, "<td colspan=\"2\">", _("not received"), "</td>");
			html_elem(fp, "<td>", r->today > s->deadline ? _("late") : _("awaited"), "</td></tr>\n");
		}
	}
	fputs("</tbody>\n</table>\n", fp);
	char *day = day_text(s->deadline);
	fputs("<p class=\"note\">", fp);
	html_escf(fp, _("On time: the first version of the package came by %s; a corrected one sent later does not "
			"make a school late."), day);
	fputs("</p>\n</section>\n", fp);
	free(day);
}

/* --- results in Russian and mathematics --- */

/* The rule's procedures that have results, in the rule's order, and each
 * one's subjects the rule looks at. */
typedef struct rule_proc {
	const char *name;
	const char **subj;
	size_t nsubj;
} rule_proc;

static size_t rule_procs(const district_report *r, rule_proc out[3])
{
	size_t n = 0;
	for (int rank = 1; rank <= 3; rank++) {
		rule_proc *p = &out[n];
		*p = (rule_proc){ 0 };
		for (size_t i = 0; i < r->ind.n; i++) {
			const dist_ind *v = &r->ind.v[i];
			if (*v->school_code || district_rule_counts(v->procedure, v->subject) != rank)
				continue;
			p->name = v->procedure;
			p->subj = xrealloc(p->subj, (p->nsubj + 1) * sizeof *p->subj);
			p->subj[p->nsubj++] = v->subject;
		}
		if (p->nsubj)
			n++;
	}
	return n;
}

static void share_cell(FILE *fp, long num, long den, double line)
{
	if (den <= 0) {
		fputs("<td class=\"num none\">\xE2\x80\x94</td>", fp);
		return;
	}
	int t = indicator_tenths(num, den);
	char *pct = num_doc_tenths(t, 0);
	fprintf(fp, "<td class=\"num%s\">%s&#160;%%<br/><span class=\"n\">", t >= line * 10 - 1e-9 ? " low" : "", pct);
	free(pct);
	html_escf(fp, _("%ld of %ld"), num, den);
	fputs("</span>", fp);
	if (den < IND_SMALL_GROUP) {
		fputs("<br/><span class=\"few\">", fp);
		html_esc(fp, _("too few data"));
		fputs("</span>", fp);
	}
	fputs("</td>", fp);
}

static void change_cell(FILE *fp, const dist_ind *v)
{
	int d;
	if (!v || !district_report_change(v, &d)) {
		fputs("<td class=\"num none\">\xE2\x80\x94</td>", fp);
		return;
	}
	char *pct = num_doc_tenths(d, 1);
	fprintf(fp, "<td class=\"num\">%s</td>", pct);
	free(pct);
}

/* Whether a school has any result of the procedure in the rule's subjects. */
static int has_any(const district_report *r, const char *code, const rule_proc *p)
{
	for (size_t k = 0; k < p->nsubj; k++)
		if (dist_ind_find(&r->ind, code, p->name, p->subj[k]))
			return 1;
	return 0;
}

static void result_row(FILE *fp, const district_report *r, const char *code, const char *name, const rule_proc *p)
{
	html_elem(fp, *code ? "<tr><td>" : "<tr class=\"total\"><td>", name, "</td>");
	for (size_t k = 0; k < p->nsubj; k++) {
		const dist_ind *v = dist_ind_find(&r->ind, code, p->name, p->subj[k]);
		share_cell(fp, v ? v->below[1] : 0, v ? v->participants[1] : 0, r->risk.threshold);
		share_cell(fp, v ? v->below[0] : 0, v ? v->participants[0] : 0, r->risk.threshold);
		change_cell(fp, v);
	}
	fputs("</tr>\n", fp);
}

static void results_table(FILE *fp, const district_report *r, const rule_proc *p)
{
	fputs("<section class=\"keep\">\n", fp);
	html_elem(fp, "<h3>", p->name, "</h3>\n");
	fputs("<table class=\"ind\">\n<thead>\n<tr><th rowspan=\"2\">", fp);
	html_esc(fp, _("School"));
	fputs("</th>", fp);
	for (size_t k = 0; k < p->nsubj; k++)
		html_elem(fp, "<th colspan=\"3\">", p->subj[k], "</th>");
	fputs("</tr>\n<tr>", fp);
	for (size_t k = 0; k < p->nsubj; k++) {
		fprintf(fp, "<th>%d</th><th>%d</th><th>", r->year, r->year - 1);
		html_esc(fp, _("change, pp"));
		fputs("</th>", fp);
	}
	fputs("</tr>\n</thead>\n<tbody>\n", fp);
	for (size_t i = 0; i < r->status.n; i++)
		if (has_any(r, r->status.v[i].code, p))
			result_row(fp, r, r->status.v[i].code, r->status.v[i].name, p);
	result_row(fp, r, "", region_report_all(r), p);
	fputs("</tbody>\n</table>\n</section>\n", fp);
}

/* Worst first: the schools this year's share puts furthest above the line. */
static int by_share(const void *a, const void *b)
{
	const html_bar_pair *x = a, *y = b;
	if (x->has[0] != y->has[0])
		return y->has[0] - x->has[0];
	if (x->tenths[0] != y->tenths[0])
		return y->tenths[0] - x->tenths[0];
	return strcmp(x->label, y->label);
}

/* Below the minimum by school in one procedure and subject, with the line:
 * the district first, then the schools, worst first. */
static void results_chart(FILE *fp, const district_report *r, const char *proc, const char *subj)
{
	html_bar_pair *rows = xcalloc(r->status.n + 1, sizeof *rows);
	size_t n = 0;
	for (size_t i = 0; i <= r->status.n; i++) {
		const char *code = i ? r->status.v[i - 1].code : "";
		const dist_ind *v = dist_ind_find(&r->ind, code, proc, subj);
		if (!v)
			continue;
		html_bar_pair *b = &rows[n++];
		*b = (html_bar_pair){ .label = i ? r->status.v[i - 1].name : region_report_all(r), .bold = !i };
		for (int k = 0; k < 2; k++) {
			long den = v->participants[1 - k];
			if (den <= 0)
				continue;
			b->has[k] = 1;
			b->tenths[k] = indicator_tenths(v->below[1 - k], den);
			b->few[k] = den < IND_SMALL_GROUP;
		}
	}
	size_t first = n && rows[0].bold;
	if (n > first)
		qsort(rows + first, n - first, sizeof *rows, by_share);
	char *cap = xasprintf(_("%s, %s: below the minimum by school, %d against %d, %% of participants"), proc, subj,
			      r->year, r->year - 1);
	html_chart_pairs(fp, cap, r->year, rows, n, (int)(r->risk.threshold * 10 + 0.5));
	free(cap);
	free(rows);
}

static void results_part(FILE *fp, const district_report *r)
{
	rule_proc p[3];
	size_t np = rule_procs(r, p);
	html_elem(fp, "<section>\n<h2>", _("Results of the schools"), "</h2>\n");
	if (!np) {
		fputs("<p class=\"empty\">", fp);
		html_escf(fp, _("No results in Russian or mathematics on ВПР, ОГЭ or ЕГЭ for %d or %d."), r->year,
			  r->year - 1);
		fputs("</p>\n</section>\n", fp);
		return;
	}
	char *line = num_doc_tenths((int)(r->risk.threshold * 10 + 0.5), 0);
	fputs("<p class=\"note\">", fp);
	/* (the region's charts open on its schools together, not a district) */
	if (r->region)
		html_escf(fp, _("Share of participants below the minimum in Russian and mathematics, all grades pooled; "
				"under each figure, how many pupils of how many. Shares at or above the line of the "
				"low-results rule (%s %%) stand out. Fewer than %d participants are too few data to "
				"judge. The charts give all the schools of the report together first, then each school, "
				"the highest share first. Every procedure and subject is in indicators.csv."), line,
			  IND_SMALL_GROUP);
	else
		html_escf(fp, _("Share of participants below the minimum in Russian and mathematics, all grades pooled; "
				"under each figure, how many pupils of how many. Shares at or above the line of the "
				"low-results rule (%s %%) stand out. Fewer than %d participants are too few data to "
				"judge. The charts give the district first, then the schools, the highest share first. "
				"Every procedure and subject is in indicators.csv."), line, IND_SMALL_GROUP);
	fputs("</p>\n", fp);
	free(line);
	for (size_t i = 0; i < np; i++)
		results_table(fp, r, &p[i]);
	fputs("</section>\n<section class=\"charts\">\n", fp);
	html_elem(fp, "<h2>", _("Charts"), "</h2>\n");
	for (size_t i = 0; i < np; i++)
		for (size_t k = 0; k < p[i].nsubj; k++)
			results_chart(fp, r, p[i].name, p[i].subj[k]);
	fputs("</section>\n", fp);
	for (size_t i = 0; i < np; i++)
		free(p[i].subj);
}

/* --- the low-results rule --- */

static void risk_part(FILE *fp, const district_report *r)
{
	const risk_report *k = &r->risk;
	char *line = num_doc_tenths((int)(k->threshold * 10 + 0.5), 0);
	html_elem(fp, "<section>\n<h2>", _("Schools with low results"), "</h2>\n");
	fputs("<p class=\"note\">", fp);
	html_escf(fp, _("A school is low in ВПР, ОГЭ or ЕГЭ when at least %s %% of its participants scored below the "
			"minimum in Russian or in mathematics (all grades pooled); it is flagged when low in two "
			"procedures in %d, or in the same procedure in %d and %d."), line, k->year, k->year - 1,
		  k->year);
	fputs("</p>\n", fp);
	free(line);
	if (!k->n) {
		html_elem(fp, "<p class=\"empty\">", _("No schools are known yet."), "</p>\n</section>\n");
		return;
	}
	char *flagged = NULL;
	for (size_t i = 0; i < k->n; i++) {
		if (!k->v[i].flagged)
			continue;
		char *t = flagged ? xasprintf("%s, %s", flagged, k->v[i].name) : xstrdup(k->v[i].name);
		free(flagged);
		flagged = t;
	}
	fputs("<p class=\"missing\">", fp);
	if (flagged)
		html_escf(fp, ngettext("Flagged for %d: %ld school of %zu: %s.", "Flagged for %d: %ld schools of %zu: %s.",
				       (unsigned long)k->flagged),
			  k->year, k->flagged, k->n, flagged);
	else
		html_escf(fp, _("No school is flagged for %d."), k->year);
	fputs("</p>\n", fp);
	free(flagged);
	const char *const head[] = { _("School"), _("Code"), _("District"), _("Flagged"), _("Reason"),
				     _("Highest share below the minimum"), _("To the line, pp") };
	const char *const *h = r->region ? head : (const char *const[]){ head[0], head[1], head[3], head[4], head[5],
									 head[6] };
	html_table_open(fp, h, r->region ? 7 : 6, 1);
	for (size_t i = 0; i < k->n; i++) {
		const risk_row *s = &k->v[i];
		html_elem(fp, s->flagged ? "<tr class=\"flag\"><td>" : "<tr><td>", s->name, "</td>");
		html_elem(fp, "<td>", s->code, "</td>");
		if (r->region)
			html_elem(fp, "<td>", s->district, "</td>");
		html_elem(fp, "<td>", s->flagged ? _("yes") : _("no"), "</td>");
		char *why = district_risk_reason(s, k->year, 0);
		html_elem(fp, "<td>", why, "</td>");
		free(why);
		if (s->worst >= 0) {
			char *pct = num_doc_tenths((int)(s->worst * 10 + 0.5), 0);
			fprintf(fp, "<td class=\"num\">%s&#160;%%<br/><span class=\"n\">", pct);
			free(pct);
			html_escf(fp, "%s, %s", s->worst_procedure, s->worst_subject);
			double d = s->worst - k->threshold;
			pct = num_doc_tenths((int)(d * 10 + (d < 0 ? -0.5 : 0.5)), 1);
			fprintf(fp, "</span></td><td class=\"num\">%s</td></tr>\n", pct);
			free(pct);
		} else {
			fputs("<td class=\"num none\">\xE2\x80\x94</td><td class=\"num none\">\xE2\x80\x94</td></tr>\n", fp);
		}
	}
	fputs("</tbody>\n</table>\n", fp);
	html_elem(fp, "<p class=\"note\">",
		  _("To the line: the highest share below the minimum in Russian or mathematics minus the line, in "
		    "percentage points; above zero the school is low in that procedure."), "</p>\n</section>\n");
}

/* --- the ВПР task by task, and the signs of biased results --- */

/* Every assessment's heat map of tasks × schools, then the district's
 * deficits by subject (the region's schools together, on its report):
 * what the methodical recommendations are written from. */
static void tasks_part(FILE *fp, const district_report *r)
{
	const dtask_report *t = &r->tasks;
	html_elem(fp, "<section>\n<h2>", _("The ВПР task by task"), "</h2>\n");
	if (!t->n) {
		fputs("<p class=\"empty\">", fp);
		html_escf(fp, _("No task scores for %d: the schools' packages hold none."), r->year);
		fputs("</p>\n</section>\n", fp);
		return;
	}
	for (size_t i = 0; i < t->n;) {
		dtask_grid g;
		i = district_tasks_grid(t, i, &g);
		const dtask_row *a = &t->v[g.first];
		const char **cols = xcalloc(g.ntasks + 1, sizeof *cols), **rows = xcalloc(g.nschools + 1, sizeof *rows);
		for (size_t k = 0; k < g.ntasks; k++)
			cols[k] = g.tasks[k]->number;
		rows[0] = r->region ? region_report_all(r) : _("District");
		for (size_t k = 0; k < g.nschools; k++)
			rows[k + 1] = district_report_name(r, g.schools[k]);
		char *cap = xasprintf(_("%s, %s, grade %d, %d: how much of each task was done by school, %%"), a->procedure,
				      a->subject, a->grade, r->year);
		html_heat h = { cap, cols, g.ntasks, rows, g.nschools + 1, 1, g.tenths, g.deficit };
		html_heatmap(fp, &h);
		free(cap), free(cols), free(rows);
		dtask_grid_free(&g);
	}
	html_elem(fp, "<h3>", r->region ? _("The learning deficits of the schools together, by subject")
					: _("The district's learning deficits by subject"), "</h3>\n");
	long any = 0;
	for (size_t i = 0; i < t->n; i++) {
		const dtask_row *v = &t->v[i];
		if (*v->school_code || !v->deficit)
			continue;
		char *pct = num_doc_tenths(v->tenths, 0);
		long behind = 0, schools = 0;
		for (size_t k = i + 1; k < t->n && *t->v[k].school_code; k++)
			behind += t->v[k].deficit, schools++;
		fputs("<p>", fp);
		html_escf(fp, ngettext("%s, %s, grade %d, task %s: %s %%; a deficit in %ld of %ld school",
				       "%s, %s, grade %d, task %s: %s %%; a deficit in %ld of %ld schools", (unsigned long)schools),
			  v->subject, v->procedure, v->grade, v->number, pct, behind, schools);
		if (*v->skill) {
			fputs(" — ", fp);
			html_esc(fp, v->skill);
		}
		fputs("</p>\n", fp);
		free(pct);
		any++;
	}
	if (!any)
		html_elem(fp, "<p class=\"empty\">", r->region ? _("No task is a deficit of the schools together.")
							: _("No task is a deficit of the district."), "</p>\n");
	fputs("</section>\n", fp);
}

/* The schools whose packages report signs of biased results. */
static void signs_part(FILE *fp, const district_report *r)
{
	html_elem(fp, "<section>\n<h2>", _("Signs of biased results"), "</h2>\n");
	html_elem(fp, "<p class=\"note\">",
		  _("As each school's package reports them: a peak of primary scores at a mark's boundary, or marks "
		    "above the journal's for many pupils. A sign is a reason to look, never a verdict."), "</p>\n");
	if (!r->nsigns)
		html_elem(fp, "<p class=\"empty\">", _("No school's package reports a sign."), "</p>\n");
	for (size_t i = 0; i < r->nsigns; i++) {
		fputs("<p><b>", fp);
		html_esc(fp, district_report_name(r, r->signs[i].school_code));
		fputs("</b>: ", fp);
		html_esc(fp, r->signs[i].text);
		fputs("</p>\n", fp);
	}
	fputs("</section>\n", fp);
}

/* --- roadmap completion --- */

static void roadmap_part(FILE *fp, const district_report *r)
{
	html_elem(fp, "<section>\n<h2>", _("Roadmap completion"), "</h2>\n");
	if (!r->status.n) {
		html_elem(fp, "<p class=\"empty\">", _("No schools are known yet."), "</p>\n</section>\n");
		return;
	}
	const char *const head[] = { _("School"), _("Activities"), _("Done"), _("Overdue"), _("Share done") };
	html_table_open(fp, head, sizeof head / sizeof *head, 2);
	long all = 0, all_done = 0, all_over = 0;
	for (size_t i = 0; i < r->status.n; i++) {
		const status_row *s = &r->status.v[i];
		const d_progress *p = district_report_progress(r, s->code);
		html_elem(fp, s->received ? "<tr><td>" : "<tr class=\"missing\"><td>", s->name, "</td>");
		if (!p) {
			html_elem(fp, "<td class=\"none\" colspan=\"5\">",
				  s->received ? _("the package has no roadmap") : _("not received"), "</td></tr>\n");
			continue;
		}
		long total = p->activities - p->cancelled;
		all += total, all_done += p->done, all_over += p->overdue;
		fprintf(fp, "<td class=\"num\">%ld</td><td class=\"num\">%ld</td><td class=\"num\">%ld</td><td>", total,
			p->done, p->overdue);
		html_progress_bar(fp, p->done, total);
		fprintf(fp, "</td><td class=\"num\">%ld&#160;%%</td></tr>\n", total ? (p->done * 100 + total / 2) / total : 0);
	}
	html_elem(fp, "<tr class=\"total\"><td>", region_report_all(r), "</td>");
	fprintf(fp, "<td class=\"num\">%ld</td><td class=\"num\">%ld</td><td class=\"num\">%ld</td><td>", all, all_done,
		all_over);
	html_progress_bar(fp, all_done, all);
	fprintf(fp, "</td><td class=\"num\">%ld&#160;%%</td></tr>\n</tbody>\n</table>\n",
		all ? (all_done * 100 + all / 2) / all : 0);
	html_elem(fp, "<p class=\"note\">",
		  _("From the packages of the half-year: the activities of each school's roadmap, those marked done, "
		    "and those overdue on the day the school wrote its package. Cancelled activities are not counted."),
		  "</p>\n</section>\n");
}

/* --- the page --- */

void district_report_html_write(FILE *fp, const district_report *r)
{
	long created = html_iso_ymd(r->created_at);
	char *made = day_text(created ? created : r->today);
	char *words = html_period_words(r->year, r->half);
	/* the region's names itself, and the one district it is kept to */
	const char *h1 = !r->region ? _("District report") : _("Region report");
	const char *district = r->region ? r->region->district : r->office.district;
	char *title = r->region && district
		? xasprintf("%s \xE2\x80\x94 %s \xE2\x80\x94 %s \xE2\x80\x94 %s", h1, r->office.name, district, words)
		: xasprintf("%s \xE2\x80\x94 %s \xE2\x80\x94 %s", h1, r->office.name, words);
	html_page_open(fp, title, extra_style);
	const char *label[] = { r->region ? _("Region") : _("Education office"), _("Office code"), _("District"),
				_("Report date") };
	const char *value[] = { r->office.name, r->office.code, district && *district ? district : NULL, made };
	html_header(fp, h1, r->year, r->half, r->from, r->to, label, value, 4);
	if (r->region)
		region_report_html_summary(fp, r);
	status_part(fp, r);
	results_part(fp, r);
	risk_part(fp, r);
	signs_part(fp, r);
	tasks_part(fp, r);
	roadmap_part(fp, r);
	fputs("<div class=\"sign\">\n<p>", fp);
	/* TRANSLATORS: who signs the district's report: «Руководитель». */
	html_esc(fp, r->region ? _("Head of the region's education authority") : _("Head of the education office"));
	fputs(" ____________ / ____________ /</p>\n</div>\n", fp);
	html_generated(fp, r->created_at, r->today);
	html_page_close(fp);
	free(title);
	free(words);
	free(made);
}
