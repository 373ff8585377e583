/* The region's report page opens with the summary by district (see
 * region-report.h); the rest is the district's page (district-report-html.c). */
#include "config.h"

#include <stdio.h>

#include "common.h"
#include "html.h"
#include "region-report.h"

/* One line of the summary: the district (or total's label) and its counts. */
static void summary_row(FILE *fp, const char *label, const region_district *d, int total)
{
	html_elem(fp, total ? "<tr class=\"total\"><td>" : "<tr><td>", label, "</td>");
	fprintf(fp, "<td class=\"num\">%ld</td><td class=\"num\">%ld</td><td class=\"num\">%ld</td>"
		"<td class=\"num\">%ld</td></tr>\n", d->expected, d->received, d->on_time, d->flagged);
}

void region_report_html_summary(FILE *fp, const district_report *r)
{
	const region_part *p = r->region;
	html_elem(fp, "<section>\n<h2>", _("Districts"), "</h2>\n");
	if (!p->n) {
		html_elem(fp, "<p class=\"empty\">", _("No schools are known yet."), "</p>\n</section>\n");
		return;
	}
	const char *const head[] = { _("District"), _("Schools"), _("Reported"), _("On time"), _("Flagged") };
	html_table_open(fp, head, sizeof head / sizeof *head, 1);
	for (size_t i = 0; i < p->n; i++)
		summary_row(fp, *p->v[i].name ? p->v[i].name : _("not known yet"), &p->v[i], 0);
	if (!p->district)
		summary_row(fp, _("The region"), &p->total, 1);
	fputs("</tbody>\n</table>\n", fp);
	html_elem(fp, "<p class=\"note\">",
		  _("Schools: those the region knows, from their packages or its list; a school's district is the one "
		    "its newest package names. Flagged: by the low-results rule below."), "</p>\n</section>\n");
}
