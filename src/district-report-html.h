/* The district's consolidated report as one self-contained HTML page,
 * printable on A4, styled like the schools' report.html (html.h). io
 * layer: writes what it is given. */
#ifndef ORIENTIR_DISTRICT_REPORT_HTML_H
#define ORIENTIR_DISTRICT_REPORT_HTML_H

#include <stdio.h>

struct district_report;

/* Writes the report as well-formed HTML5 (also valid XML). */
void district_report_html_write(FILE *fp, const struct district_report *r);

#endif
