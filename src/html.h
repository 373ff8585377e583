/* What orientir's printable reports share (the school's half-year report,
 * the district's consolidated one): the page with its A4 styles, escaping,
 * numbers and dates as the pages write them, the header and the footer,
 * and the inline SVG charts. io layer: writes what it is given. */
#ifndef ORIENTIR_HTML_H
#define ORIENTIR_HTML_H

#include <stddef.h>
#include <stdio.h>

/* Colours that stay apart when printed in greyscale: dark, light, middle. */
#define HTML_C_NOW "#1f3f66"
#define HTML_C_WAS "#a9bed3"
#define HTML_C_MID "#e39140"
#define HTML_C_PALE "#dfe8f1"
#define HTML_C_GRID "#c8c8c8"

/* SVG geometry, in viewBox units (about CSS pixels on an A4 page). */
#define HTML_SVG_W 680
#define HTML_SVG_LABEL 192	/* right edge of the row labels */
#define HTML_SVG_X0 200		/* where bars start */
#define HTML_SVG_BAR 400	/* bar length of the axis maximum */

/* The doctype, the head with title (escaped here) and the shared styles
 * plus extra_style (or NULL), and the opening body tag. */
void html_page_open(FILE *fp, const char *title, const char *extra_style);
/* Closes the body and the page. */
void html_page_close(FILE *fp);

/* The header: h1, the period in words with its first and last day
 * (YYYYMMDD), and a table of facts; a NULL value leaves its row out. */
void html_header(FILE *fp, const char *h1, int year, int half, long from, long to, const char *const *labels,
		 const char *const *values, size_t n);
/* The line saying which version made the page and when (created_at
 * "2026-11-22T17:50:03", else the day today, YYYYMMDD). */
void html_generated(FILE *fp, const char *created_at, long today);
/* «1st half of 2026» (fresh). */
char *html_period_words(int year, int half);

/* s as text of an HTML (and XML) document: the five markup characters as
 * entities, control characters dropped, bytes that are not UTF-8 as
 * U+FFFD; line breaks as <br/> when br, else as spaces. */
void html_esc_text(FILE *fp, const char *s, int br);
void html_esc(FILE *fp, const char *s);
/* printf, then the whole result escaped: translations are text too. */
void html_escf(FILE *fp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* An element holding escaped text: open, text, close. */
void html_elem(FILE *fp, const char *open, const char *text, const char *close);
/* Opens a plain table whose header row holds the titles; the last one
 * spans last_span columns. */
void html_table_open(FILE *fp, const char *const *titles, size_t n, int last_span);

/* A length for SVG, one decimal with a point whatever the locale: "12.5".
 * Returns buf (at least 24 bytes). */
char *html_svg_num(char *buf, double v);
/* "YYYY-MM-DD…" as YYYYMMDD, or 0 when it is not a date. */
long html_iso_ymd(const char *s);
/* An ISO date as DD.MM.YYYY; text that is no date is written as it is. */
void html_put_iso_date(FILE *fp, const char *s);

/* --- charts --- */
/* A figure with its caption and an SVG of the given height. */
void html_svg_open(FILE *fp, int height, const char *caption);
void html_svg_close(FILE *fp);
/* A legend entry: a square of fill and its text. */
void html_svg_swatch(FILE *fp, int x, int y, const char *fill, const char *text);
/* A row label cut to fit, with the full text as a tooltip when cut. */
void html_svg_label(FILE *fp, int x, int y, const char *anchor, const char *weight, const char *text);
/* The note under a chart that a * marks groups too small to judge. */
void html_svg_footnote(FILE *fp, int y);
/* The caption and a line saying there is nothing to draw. */
void html_no_chart(FILE *fp, const char *caption);

/* One row of a paired-bar chart: a share this year ([0]) and the year
 * before ([1]), in tenths of a percent. */
typedef struct html_bar_pair {
	const char *group;	/* a heading above the row when it differs from the last one's */
	const char *label;
	int bold;		/* the label in bold (a total) */
	int has[2], tenths[2], few[2];	/* few: too few participants to judge */
} html_bar_pair;
/* Horizontal bars, this year's above last year's, on an axis of 20 to
 * 100 %; line_tenths >= 0 draws a dashed reference line there. */
void html_chart_pairs(FILE *fp, const char *caption, int year, const html_bar_pair *rows, size_t n, int line_tenths);
/* A small bar of done out of total. */
void html_progress_bar(FILE *fp, long done, long total);

/* --- the ВПР task by task (html-tasks.c) --- */
/* A heat map: rows (classes, schools) × columns (tasks), each cell shaded
 * by its share with the share written in it, a deficit framed in bold. */
typedef struct html_heat {
	const char *caption;
	const char *const *cols;	/* the tasks' numbers */
	size_t ncols;
	const char *const *rows;
	size_t nrows;
	int first_bold;			/* the first row is the total (the school, the district) */
	const int *tenths;		/* nrows × ncols, -1 for none */
	const int *deficit;		/* nrows × ncols, or NULL */
} html_heat;
void html_heatmap(FILE *fp, const html_heat *h);
/* The fill of a share in tenths (white for none). */
const char *html_heat_fill(int tenths);
/* Pupils per primary score 0..n-1 as bars, the marks' boundaries dashed
 * and named, the bar at peak (or -1) standing out. */
void html_histogram(FILE *fp, const char *caption, const long *counts, int n, const double *bounds,
		    const char *const *bound_names, int nbounds, double peak);

#endif
