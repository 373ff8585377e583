/* The half-year report as one self-contained HTML page (see report-html.h):
 * header, indicators beside last year's, inline SVG charts, the roadmap's
 * progress, methodical events and a place for the head's signature. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "day.h"
#include "html.h"
#include "num.h"
#include "report-html.h"
#include "roadmap.h"

#define C_LOWERED HTML_C_NOW
#define C_CONFIRMED HTML_C_PALE
#define C_RAISED HTML_C_MID

/* --- indicators --- */

/* One line of the indicator tables: a procedure and a subject (0: at least
 * one subject), named by the set it was found in. */
typedef struct row_key {
	long proc, subj;
	const ind_set *names;
} row_key;

/* The pooled (all grades) indicator, or NULL. */
static const indicator *find_ind(const ind_set *s, enum ind_code code, long proc, long subj)
{
	if (!s)
		return NULL;
	for (size_t i = 0; i < s->n; i++) {
		const indicator *v = &s->v[i];
		if (v->grade == 0 && v->code == code && v->procedure_id == proc && v->subject_id == subj)
			return v;
	}
	return NULL;
}

static int cmp_key(const void *pa, const void *pb)
{
	const row_key *a = pa, *b = pb;
	int ra = refmap_rank(a->names->proc, a->proc), rb = refmap_rank(b->names->proc, b->proc);
	if (ra != rb)
		return ra < rb ? -1 : 1;
	ra = a->subj ? refmap_rank(a->names->subj, a->subj) : INT_MAX;
	rb = b->subj ? refmap_rank(b->names->subj, b->subj) : INT_MAX;
	return ra < rb ? -1 : ra > rb;
}

/* Every procedure × subject of this year or last, in the reference order,
 * "at least one subject" last in its procedure. */
static row_key *collect_keys(const report_data *r, size_t *n)
{
	row_key *k = NULL;
	size_t cap = 0;
	*n = 0;
	const ind_set *sets[2] = { r->now, r->was };
	for (int s = 0; s < 2; s++) {
		if (!sets[s])
			continue;
		for (size_t i = 0; i < sets[s]->n; i++) {
			const indicator *v = &sets[s]->v[i];
			if (v->grade != 0 || v->code == IND_BELOW_MIN_CHANGE || !v->procedure_id)
				continue;
			size_t j = 0;
			while (j < *n && !(k[j].proc == v->procedure_id && k[j].subj == v->subject_id))
				j++;
			if (j < *n)
				continue;
			if (*n == cap)
				k = xrealloc(k, (cap = cap ? cap * 2 : 16) * sizeof *k);
			k[(*n)++] = (row_key){ v->procedure_id, v->subject_id, sets[s] };
		}
	}
	if (*n)
		qsort(k, *n, sizeof *k, cmp_key);
	return k;
}

static const char *subject_name(const row_key *k)
{
	return refmap_name(k->names->subj, k->subj);
}

/* A table cell: the percent, how many of how many, and a note for a small group. */
static void ind_cell(FILE *fp, const indicator *v)
{
	if (!v) {
		fputs("<td class=\"num none\">\xE2\x80\x94</td>", fp);
		return;
	}
	char *pct = num_doc_tenths(v->tenths, 0);
	fprintf(fp, "<td class=\"num\">%s&#160;%%<br/><span class=\"n\">", pct);
	free(pct);
	html_escf(fp, _("%ld of %ld"), v->num, v->den);
	fputs("</span>", fp);
	if (v->den < IND_SMALL_GROUP) {
		fputs("<br/><span class=\"few\">", fp);
		html_esc(fp, _("too few data"));
		fputs("</span>", fp);
	}
	fputs("</td>", fp);
}

static void change_cell(FILE *fp, const report_data *r, const row_key *k)
{
	const indicator *v = find_ind(r->now, IND_BELOW_MIN_CHANGE, k->proc, k->subj);
	if (!v) {
		fputs("<td class=\"num none\">\xE2\x80\x94</td>", fp);
		return;
	}
	char *pct = num_doc_tenths(v->tenths, 1);
	fprintf(fp, "<td class=\"num\">%s</td>", pct);
	free(pct);
}

static void indicator_table(FILE *fp, const report_data *r, const row_key *k, size_t nk)
{
	int y = r->year, py = r->year - 1;
	fputs("<section class=\"keep\">\n", fp);
	html_elem(fp, "<h3>", refmap_name(k->names->proc, k->proc), "</h3>\n");
	fputs("<table class=\"ind\">\n<thead>\n<tr><th rowspan=\"2\">", fp);
	html_esc(fp, _("Subject"));
	fputs("</th><th colspan=\"3\">", fp);
	html_esc(fp, _("Below the minimum"));
	fputs("</th><th colspan=\"2\">", fp);
	html_esc(fp, _("High level"));
	fputs("</th><th colspan=\"2\">", fp);
	html_esc(fp, _("Not below the region's average"));
	fputs("</th><th colspan=\"3\">", fp);
	/* TRANSLATORS: objectivity: the mark for the work against the journal mark, in a year. */
	html_escf(fp, _("Marks against the journal, %d"), y);
	fprintf(fp, "</th></tr>\n<tr><th>%d</th><th>%d</th><th>", y, py);
	/* TRANSLATORS: the change in percentage points; keep it short. */
	html_esc(fp, _("change, pp"));
	fprintf(fp, "</th><th>%d</th><th>%d</th><th>%d</th><th>%d</th><th>", y, py, y, py);
	html_esc(fp, _("lowered"));
	fputs("</th><th>", fp);
	html_esc(fp, _("confirmed"));
	fputs("</th><th>", fp);
	html_esc(fp, _("raised"));
	fputs("</th></tr>\n</thead>\n<tbody>\n", fp);
	for (size_t i = 0; i < nk; i++) {
		const row_key *x = &k[i];
		if (x->subj) {
			html_elem(fp, "<tr><td>", subject_name(x), "</td>");
			ind_cell(fp, find_ind(r->now, IND_BELOW_MIN, x->proc, x->subj));
			ind_cell(fp, find_ind(r->was, IND_BELOW_MIN, x->proc, x->subj));
			change_cell(fp, r, x);
			ind_cell(fp, find_ind(r->now, IND_HIGH, x->proc, x->subj));
			ind_cell(fp, find_ind(r->was, IND_HIGH, x->proc, x->subj));
			ind_cell(fp, find_ind(r->now, IND_NOT_BELOW_AVG, x->proc, x->subj));
			ind_cell(fp, find_ind(r->was, IND_NOT_BELOW_AVG, x->proc, x->subj));
			ind_cell(fp, find_ind(r->now, IND_MARKS_LOWERED, x->proc, x->subj));
			ind_cell(fp, find_ind(r->now, IND_MARKS_CONFIRMED, x->proc, x->subj));
			ind_cell(fp, find_ind(r->now, IND_MARKS_RAISED, x->proc, x->subj));
		} else {
			/* TRANSLATORS: the row of pupils below the minimum (or high) in at least one subject. */
			html_elem(fp, "<tr class=\"total\"><td>", _("At least one subject"), "</td>");
			ind_cell(fp, find_ind(r->now, IND_BELOW_MIN_ANY, x->proc, 0));
			ind_cell(fp, find_ind(r->was, IND_BELOW_MIN_ANY, x->proc, 0));
			fputs("<td class=\"num none\">\xE2\x80\x94</td>", fp);
			ind_cell(fp, find_ind(r->now, IND_HIGH_ANY, x->proc, 0));
			ind_cell(fp, find_ind(r->was, IND_HIGH_ANY, x->proc, 0));
			fputs("<td class=\"num none\" colspan=\"5\"></td>", fp);
		}
		fputs("</tr>\n", fp);
	}
	fputs("</tbody>\n</table>\n</section>\n", fp);
}

/* --- charts --- */


/* Paired horizontal bars per subject, grouped by procedure: this year's
 * indicator code above last year's. */
static void chart_pairs(FILE *fp, const report_data *r, const row_key *k, size_t nk, enum ind_code code,
			const char *caption)
{
	html_bar_pair *rows = xcalloc(nk ? nk : 1, sizeof *rows);
	size_t n = 0;
	for (size_t i = 0; i < nk; i++) {
		const indicator *v[2] = { find_ind(r->now, code, k[i].proc, k[i].subj),
					  find_ind(r->was, code, k[i].proc, k[i].subj) };
		if (!k[i].subj || (!v[0] && !v[1]))
			continue;
		html_bar_pair *p = &rows[n++];
		*p = (html_bar_pair){ .group = refmap_name(k[i].names->proc, k[i].proc), .label = subject_name(&k[i]) };
		for (int j = 0; j < 2; j++)
			if (v[j]) {
				p->has[j] = 1;
				p->tenths[j] = v[j]->tenths;
				p->few[j] = v[j]->den < IND_SMALL_GROUP;
			}
	}
	html_chart_pairs(fp, caption, r->year, rows, n, -1);
	free(rows);
}

/* One segment of a stacked bar, with its percent inside when it fits. */
static void svg_segment(FILE *fp, double x, double w, int y, int h, const char *fill, const char *ink,
			const indicator *v)
{
	char bx[24], bw[24];
	if (w <= 0)
		return;
	fprintf(fp, "<rect x=\"%s\" y=\"%d\" width=\"%s\" height=\"%d\" fill=\"%s\" stroke=\"#000\""
		" stroke-width=\"0.6\"/>\n", html_svg_num(bx, x), y, html_svg_num(bw, w), h, fill);
	if (w >= 34) {
		char *pct = num_doc_tenths(v->tenths, 0);
		fprintf(fp, "<text x=\"%s\" y=\"%d\" text-anchor=\"middle\" font-size=\"10\" fill=\"%s\">%s</text>\n",
			html_svg_num(bx, x + w / 2), y + h - 5, ink, pct);
		free(pct);
	}
}

/* Objectivity: one bar per subject split into lowered, confirmed, raised. */
static void chart_objectivity(FILE *fp, const report_data *r, const row_key *k, size_t nk, const char *caption)
{
	enum { TOP = 30, HEAD = 22, ROW = 28, BAR = 18 };
	size_t rows = 0, heads = 0;
	long proc = -1;
	for (size_t i = 0; i < nk; i++) {
		if (!k[i].subj || !find_ind(r->now, IND_MARKS_LOWERED, k[i].proc, k[i].subj))
			continue;
		rows++;
		if (k[i].proc != proc)
			heads++, proc = k[i].proc;
	}
	if (!rows) {
		html_no_chart(fp, caption);
		return;
	}
	int bottom = TOP + (int)(heads * HEAD + rows * ROW);
	int height = bottom + 22;
	html_svg_open(fp, height, caption);
	html_svg_swatch(fp, HTML_SVG_X0, 2, C_LOWERED, _("lowered"));
	html_svg_swatch(fp, HTML_SVG_X0 + 130, 2, C_CONFIRMED, _("confirmed"));
	html_svg_swatch(fp, HTML_SVG_X0 + 260, 2, C_RAISED, _("raised"));
	int y = TOP, small = 0;
	proc = -1;
	for (size_t i = 0; i < nk; i++) {
		const indicator *lo = find_ind(r->now, IND_MARKS_LOWERED, k[i].proc, k[i].subj);
		if (!k[i].subj || !lo)
			continue;
		const indicator *co = find_ind(r->now, IND_MARKS_CONFIRMED, k[i].proc, k[i].subj);
		const indicator *ra = find_ind(r->now, IND_MARKS_RAISED, k[i].proc, k[i].subj);
		if (k[i].proc != proc) {
			proc = k[i].proc;
			html_svg_label(fp, 0, y + 15, "start", "bold", refmap_name(k[i].names->proc, proc));
			y += HEAD;
		}
		html_svg_label(fp, HTML_SVG_LABEL, y + ROW / 2 + 3, "end", "normal", subject_name(&k[i]));
		double den = (double)lo->den, x = HTML_SVG_X0;
		double wl = HTML_SVG_BAR * lo->num / den, wc = co ? HTML_SVG_BAR * co->num / den : 0;
		double wr = ra ? HTML_SVG_BAR * ra->num / den : 0;
		int by = y + (ROW - BAR) / 2;
		svg_segment(fp, x, wl, by, BAR, C_LOWERED, "#fff", lo);
		svg_segment(fp, x += wl, wc, by, BAR, C_CONFIRMED, "#000", co);
		svg_segment(fp, x + wc, wr, by, BAR, C_RAISED, "#000", ra);
		int few = lo->den < IND_SMALL_GROUP;
		small |= few;
		fprintf(fp, "<text x=\"%d\" y=\"%d\" font-size=\"10\">", HTML_SVG_X0 + HTML_SVG_BAR + 6, by + BAR - 5);
		/* TRANSLATORS: how many pupils had both marks to compare. */
		html_escf(fp, _("compared: %ld"), lo->den);
		fprintf(fp, "%s</text>\n", few ? "*" : "");
		y += ROW;
	}
	if (small)
		html_svg_footnote(fp, height - 6);
	html_svg_close(fp);
}

static void indicators_part(FILE *fp, const report_data *r)
{
	size_t nk;
	row_key *k = collect_keys(r, &nk);
	fputs("<section>\n", fp);
	html_elem(fp, "<h2>", _("Assessment results"), "</h2>\n");
	if (!nk) {
		fputs("<p class=\"empty\">", fp);
		html_escf(fp, _("No assessment results for %d or %d."), r->year, r->year - 1);
		fputs("</p>\n</section>\n", fp);
		free(k);
		return;
	}
	fputs("<p class=\"note\">", fp);
	html_escf(fp, _("Percent of participants, all grades of a procedure taken together; under each figure, "
		   "how many pupils of how many. Fewer than %d participants are too few data to judge."),
	     IND_SMALL_GROUP);
	fputs("</p>\n", fp);
	for (size_t i = 0; i < nk;) {
		size_t j = i;
		while (j < nk && k[j].proc == k[i].proc)
			j++;
		indicator_table(fp, r, k + i, j - i);
		i = j;
	}
	fputs("</section>\n<section class=\"charts\">\n", fp);
	html_elem(fp, "<h2>", _("Charts"), "</h2>\n");
	char *cap = xasprintf(_("Below the minimum by subject: %d against %d, %% of participants"), r->year,
			      r->year - 1);
	chart_pairs(fp, r, k, nk, IND_BELOW_MIN, cap);
	free(cap);
	cap = xasprintf(_("High level by subject: %d against %d, %% of participants"), r->year, r->year - 1);
	chart_pairs(fp, r, k, nk, IND_HIGH, cap);
	free(cap);
	cap = xasprintf(_("Objectivity by subject, %d: the mark for the work against the journal mark, "
			  "%% of pupils compared"), r->year);
	chart_objectivity(fp, r, k, nk, cap);
	free(cap);
	fputs("</section>\n", fp);
	free(k);
}

/* The school's own indicators: teachers, the risk group, events. */
static void people_part(FILE *fp, const report_data *r)
{
	if (!r->now)
		return;
	int any = 0;
	for (size_t i = 0; i < r->now->n; i++) {
		const indicator *v = &r->now->v[i];
		if (v->procedure_id)
			continue;
		if (!any++) {
			fputs("<section>\n", fp);
			html_elem(fp, "<h2>", _("Teachers and pupils at risk"), "</h2>\n<table>\n<tbody>\n");
		}
		fputs("<tr><th>", fp);
		html_esc(fp, indicator_title(v->code));
		fputs("</th><td>", fp);
		if (indicator_is_count(v->code))
			html_escf(fp, v->code == IND_RISK_GROUP_CHANGE && v->num > 0 ? "+%ld" : "%ld", v->num);
		else
			ind_cell(fp, v);
		fputs("</td></tr>\n", fp);
	}
	if (any)
		fputs("</tbody>\n</table>\n</section>\n", fp);
}

/* --- roadmap --- */

static int in_period(const report_data *r, long ymd)
{
	return ymd && ymd >= r->from && ymd <= r->to;
}

static int done_in_period(const report_data *r, const activity *a)
{
	return strcmp(a->status, "done") == 0 && in_period(r, html_iso_ymd(a->done_on));
}

static void section_name(FILE *fp, const activity *a)
{
	if (!a->section_id) {
		html_esc(fp, _("No section"));
		return;
	}
	if (*a->section_number) {
		html_esc(fp, a->section_number);
		fputc(' ', fp);
	}
	html_esc(fp, a->section_title);
}

static void progress_row(FILE *fp, const activity *a, long done, long total)
{
	fputs(a ? "<tr><td>" : "<tr class=\"total\"><td>", fp);
	if (a)
		section_name(fp, a);
	else
		html_esc(fp, _("All sections"));
	fprintf(fp, "</td><td class=\"num\">%ld</td><td class=\"num\">%ld</td><td>", done, total);
	html_progress_bar(fp, done, total);
	fprintf(fp, "</td><td class=\"num\">%ld&#160;%%</td></tr>\n",
		total ? (done * 100 + total / 2) / total : 0);
}

/* Done / total per section (cancelled left out), in the roadmap's order. */
static void progress_table(FILE *fp, const report_data *r)
{
	html_elem(fp, "<h3>", _("Progress by section"), "</h3>\n");
	if (!r->nacts) {
		html_elem(fp, "<p class=\"empty\">", _("The roadmap has no activities."), "</p>\n");
		return;
	}
	const char *const head[] = { _("Section"), _("Done"), _("Total"), _("Share done") };
	html_table_open(fp, head, sizeof head / sizeof *head, 2);
	long all_done = 0, all = 0;
	unsigned char *seen = xcalloc(r->nacts, 1);
	for (size_t i = 0; i < r->nacts; i++) {
		if (seen[i])
			continue;
		for (size_t j = i; j < r->nacts; j++)
			seen[j] |= r->acts[j].section_id == r->acts[i].section_id;
		roadmap_progress p = roadmap_progress_of(r->acts, r->nacts, r->acts[i].section_id, 0);
		progress_row(fp, &r->acts[i], p.done, p.total);
		all_done += p.done, all += p.total;
	}
	free(seen);
	progress_row(fp, NULL, all_done, all);
	fputs("</tbody>\n</table>\n", fp);
	html_elem(fp, "<p class=\"note\">", _("Cancelled activities are not counted."), "</p>\n");
}

/* A row naming the section when the list moves into another one. */
static void section_row(FILE *fp, const activity *a, long *section, int cols)
{
	if (a->section_id == *section)
		return;
	*section = a->section_id;
	fprintf(fp, "<tr class=\"sec\"><td colspan=\"%d\">", cols);
	section_name(fp, a);
	fputs("</td></tr>\n", fp);
}

static void roadmap_done(FILE *fp, const report_data *r)
{
	html_elem(fp, "<h3>", _("Activities done in the period"), "</h3>\n");
	size_t n = 0;
	for (size_t i = 0; i < r->nacts; i++)
		n += done_in_period(r, &r->acts[i]);
	if (!n) {
		html_elem(fp, "<p class=\"empty\">", _("No activity was marked done in the period."), "</p>\n");
		return;
	}
	const char *const head[] = { _("No."), _("Activity"), _("Date"), _("What was done"), _("Participants") };
	html_table_open(fp, head, sizeof head / sizeof *head, 1);
	long section = -1;
	for (size_t i = 0; i < r->nacts; i++) {
		const activity *a = &r->acts[i];
		if (!done_in_period(r, a))
			continue;
		section_row(fp, a, &section, 5);
		html_elem(fp, "<tr><td>", a->number, "</td><td>");
		html_esc_text(fp, a->title, 1);
		fputs("</td><td class=\"date\">", fp);
		html_put_iso_date(fp, a->done_on);
		fputs("</td><td>", fp);
		html_esc_text(fp, a->evidence, 1);
		fputs("</td>", fp);
		if (a->participants >= 0)
			fprintf(fp, "<td class=\"num\">%ld</td></tr>\n", a->participants);
		else
			fputs("<td></td></tr>\n", fp);
	}
	fputs("</tbody>\n</table>\n", fp);
}

static void roadmap_overdue(FILE *fp, const report_data *r)
{
	char *day = day_text(r->today);
	fputs("<h3>", fp);
	html_escf(fp, _("Overdue on %s"), day);
	fputs("</h3>\n", fp);
	free(day);
	size_t n = 0;
	for (size_t i = 0; i < r->nacts; i++)
		n += activity_overdue(&r->acts[i], r->today) != 0;
	if (!n) {
		html_elem(fp, "<p class=\"empty\">", _("No overdue activities."), "</p>\n");
		return;
	}
	const char *const head[] = { _("No."), _("Activity"), _("Deadline"), _("Responsible"), _("Status") };
	html_table_open(fp, head, sizeof head / sizeof *head, 1);
	long section = -1;
	for (size_t i = 0; i < r->nacts; i++) {
		const activity *a = &r->acts[i];
		if (!activity_overdue(a, r->today))
			continue;
		section_row(fp, a, &section, 5);
		html_elem(fp, "<tr><td>", a->number, "</td><td>");
		html_esc_text(fp, a->title, 1);
		fputs("</td><td>", fp);
		html_esc_text(fp, a->deadline_text, 1);
		fputs("</td><td>", fp);
		html_esc_text(fp, a->responsible, 1);
		html_elem(fp, "</td><td>", activity_status_title(a->status), "</td></tr>\n");
	}
	fputs("</tbody>\n</table>\n", fp);
}

static void roadmap_part(FILE *fp, const report_data *r)
{
	fputs("<section>\n", fp);
	html_elem(fp, "<h2>", _("Roadmap"), "</h2>\n");
	if (!r->nroadmaps) {
		html_elem(fp, "<p class=\"empty\">", _("No roadmap covers the half-year."), "</p>\n</section>\n");
		return;
	}
	/* Each roadmap of the period with its own activities. */
	for (size_t k = 0; k < r->nroadmaps; k++) {
		const roadmap_info *rm = &r->roadmaps[k];
		report_data one = *r;
		one.acts = NULL;
		one.nacts = 0;
		for (size_t i = 0; i < r->nacts; i++) {
			if (r->acts[i].roadmap_id != rm->id)
				continue;
			if (!one.acts)
				one.acts = &r->acts[i];
			one.nacts++;
		}
		fputs("<p class=\"rm-title\">", fp);
		html_esc_text(fp, rm->title, 1);
		fputs("</p>\n<p>", fp);
		if (rm->first_year == rm->last_year)
			html_escf(fp, _("Years: %d"), rm->first_year);
		else
			html_escf(fp, _("Years: %d–%d"), rm->first_year, rm->last_year);
		fputs("</p>\n", fp);
		progress_table(fp, &one);
		roadmap_done(fp, &one);
		roadmap_overdue(fp, &one);
	}
	fputs("</section>\n", fp);
}

/* --- events --- */

/* Whether another activity has the same number (numbering restarts in
 * each section), so that the number alone does not say which. */
static int number_repeats(const report_data *r, const activity *a)
{
	for (size_t i = 0; i < r->nacts; i++)
		if (&r->acts[i] != a && strcmp(r->acts[i].number, a->number) == 0)
			return 1;
	return 0;
}

static void events_part(FILE *fp, const report_data *r)
{
	fputs("<section>\n", fp);
	html_elem(fp, "<h2>", _("Methodical events"), "</h2>\n");
	size_t n = 0;
	for (size_t i = 0; i < r->nevents; i++)
		n += in_period(r, html_iso_ymd(r->events[i].held_on));
	if (!n) {
		html_elem(fp, "<p class=\"empty\">", _("No methodical events were held in the period."), "</p>\n</section>\n");
		return;
	}
	const char *const head[] = { _("Date"), _("Kind"), _("Topic"), _("Participants"), _("Roadmap activity") };
	html_table_open(fp, head, sizeof head / sizeof *head, 1);
	long people = 0;
	for (size_t i = 0; i < r->nevents; i++) {
		const event_item *e = &r->events[i];
		if (!in_period(r, html_iso_ymd(e->held_on)))
			continue;
		fputs("<tr><td class=\"date\">", fp);
		html_put_iso_date(fp, e->held_on);
		fputs("</td><td>", fp);
		html_esc_text(fp, e->kind, 1);
		fputs("</td><td>", fp);
		html_esc_text(fp, e->topic, 1);
		fputs("</td>", fp);
		if (e->participants >= 0) {
			fprintf(fp, "<td class=\"num\">%ld</td>", e->participants);
			people += e->participants;
		} else {
			fputs("<td></td>", fp);
		}
		fputs("<td>", fp);
		for (size_t k = 0; e->activity_id && k < r->nacts; k++) {
			const activity *a = &r->acts[k];
			if (a->id != e->activity_id)
				continue;
			html_esc(fp, a->number);
			if (a->section_id && number_repeats(r, a)) {
				fputs(" (", fp);
				section_name(fp, a);
				fputc(')', fp);
			}
			break;
		}
		fputs("</td></tr>\n", fp);
	}
	fputs("</tbody>\n</table>\n<p>", fp);
	html_escf(fp, _("Events held in the period: %ld; participants in all: %ld."), (long)n, people);
	fputs("</p>\n</section>\n", fp);
}

/* --- the page --- */

static void header_part(FILE *fp, const report_data *r)
{
	long created = html_iso_ymd(r->created_at);
	char *made = day_text(created ? created : r->today);
	const school *sc = r->sc;
	const char *label[] = { _("School"), _("School code"), _("District"), _("Report date") };
	const char *value[] = { sc ? sc->name : "", sc ? sc->code : "", sc && sc->district && *sc->district ? sc->district : NULL,
				made };
	html_header(fp, _("Half-year report"), r->year, r->half, r->from, r->to, label, value, 4);
	free(made);
}

static void footer_part(FILE *fp, const report_data *r)
{
	fputs("<div class=\"sign\">\n<p>", fp);
	/* TRANSLATORS: who signs the report: «Директор». */
	html_esc(fp, _("Head of school"));
	fputs(" ____________ / ____________ /</p>\n<p>", fp);
	/* TRANSLATORS: the place of the seal: «М.П.». */
	html_esc(fp, _("Seal"));
	fputs("</p>\n</div>\n", fp);
	html_generated(fp, r->created_at, r->today);
}

void report_html_write(FILE *fp, const report_data *r)
{
	char *words = html_period_words(r->year, r->half);
	char *title = xasprintf("%s \xE2\x80\x94 %s \xE2\x80\x94 %s", _("Half-year report"), r->sc ? r->sc->name : "", words);
	html_page_open(fp, title, NULL);
	header_part(fp, r);
	indicators_part(fp, r);
	if (r->tasks)
		report_tasks_part(fp, r->tasks);
	if (r->objectivity)
		report_objectivity_part(fp, r->objectivity);
	people_part(fp, r);
	roadmap_part(fp, r);
	events_part(fp, r);
	footer_part(fp, r);
	html_page_close(fp);
	free(title);
	free(words);
}
