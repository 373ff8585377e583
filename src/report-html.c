/* The half-year report as one self-contained HTML page (see report-html.h):
 * header, indicators beside last year's, inline SVG charts, the roadmap's
 * progress, methodical events and a place for the head's signature. */
#include "config.h"

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "report-html.h"
#include "roadmap.h"
#include "utf8.h"

/* Colours that stay apart when printed in greyscale: dark, light, middle. */
#define C_NOW "#1f3f66"
#define C_WAS "#a9bed3"
#define C_LOWERED "#1f3f66"
#define C_CONFIRMED "#dfe8f1"
#define C_RAISED "#e39140"
#define C_GRID "#c8c8c8"

/* SVG geometry, in viewBox units (about CSS pixels on an A4 page). */
#define SVG_W 680
#define SVG_LABEL 192		/* right edge of the row labels */
#define SVG_X0 200		/* where bars start */
#define SVG_BAR 400		/* bar length of the axis maximum */
#define SVG_LABEL_CELLS 30	/* longer labels are cut, the full name kept as a tooltip */

static const char *const style =
	"@page { size: A4; margin: 15mm; }\n"
	"html { background: #f2f2f2; }\n"
	"body { font-family: \"Times New Roman\", \"Liberation Serif\", \"PT Serif\", \"DejaVu Serif\", serif;"
	" font-size: 12pt; line-height: 1.35; color: #000; background: #fff;"
	" max-width: 180mm; margin: 8mm auto; padding: 12mm 15mm; box-shadow: 0 0 4px #999; }\n"
	"h1 { font-size: 17pt; text-align: center; margin: 0 0 2mm; }\n"
	"h2 { font-size: 14pt; margin: 7mm 0 2mm; border-bottom: 1px solid #000; padding-bottom: 1mm; }\n"
	"h3 { font-size: 12pt; margin: 5mm 0 2mm; }\n"
	"h2, h3, figcaption { page-break-after: avoid; break-after: avoid; }\n"
	"p { margin: 1mm 0 2mm; }\n"
	"p.period { text-align: center; font-size: 13pt; margin-bottom: 5mm; }\n"
	"p.note, p.empty { font-size: 10pt; color: #333; }\n"
	"p.empty { font-style: italic; }\n"
	"p.rm-title { font-weight: bold; }\n"
	"table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; font-size: 10pt; }\n"
	"table.ind { font-size: 9.5pt; }\n"
	"table.ind th, table.ind td { padding: 1mm 1mm; }\n"
	"th, td { border: 1px solid #000; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }\n"
	"th { background: #e6e6e6; font-weight: bold; font-size: 9pt; text-align: center; vertical-align: middle;"
	" -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
	"thead { display: table-header-group; }\n"
	"tr { page-break-inside: avoid; break-inside: avoid; }\n"
	"td.num { text-align: right; white-space: nowrap; }\n"
	"td.none { text-align: center; color: #555; }\n"
	"td.date { white-space: nowrap; }\n"
	"tr.total td { font-weight: bold; }\n"
	"tr.sec td { font-weight: bold; background: #f2f2f2; -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
	"span.n { font-size: 8.5pt; color: #333; }\n"
	"span.few { font-size: 8.5pt; font-style: italic; }\n"
	"table.facts { width: auto; font-size: 12pt; margin: 0 auto 4mm; }\n"
	"table.facts th, table.facts td { border: none; background: none; text-align: left; font-size: 12pt;"
	" padding: 0.5mm 3mm 0.5mm 0; }\n"
	"table.facts th { font-weight: normal; color: #333; }\n"
	"table.ind td:first-child { white-space: normal; }\n"
	"svg.chart { display: block; width: 100%; height: auto; }\n"
	"svg.bar { display: block; width: 30mm; height: 3mm; }\n"
	"figure { margin: 3mm 0 5mm; }\n"
	"figcaption { font-weight: bold; font-size: 11pt; margin-bottom: 1mm; }\n"
	"section.keep, figure, div.sign { page-break-inside: avoid; break-inside: avoid; }\n"
	"div.sign { margin-top: 12mm; font-size: 12pt; }\n"
	"div.sign p { margin: 0 0 6mm; }\n"
	"p.generated { margin-top: 10mm; font-size: 8.5pt; color: #555; }\n"
	"@media print {\n"
	"  html { background: none; }\n"
	"  body { max-width: none; margin: 0; padding: 0; box-shadow: none; font-size: 11pt; }\n"
	"}\n";

/* Writes s as text of an HTML (and XML) document: the five markup
 * characters as entities, control characters dropped, bytes that are not
 * UTF-8 as U+FFFD; line breaks as <br/> when br, else as spaces. */
static void esc_text(FILE *fp, const char *s, int br)
{
	if (!s)
		return;
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			i++;
			switch (c) {
			case '&': fputs("&amp;", fp); break;
			case '<': fputs("&lt;", fp); break;
			case '>': fputs("&gt;", fp); break;
			case '"': fputs("&quot;", fp); break;
			case '\'': fputs("&#39;", fp); break;
			case '\t': fputc(' ', fp); break;
			case '\r':	/* CR LF is one line break, a lone CR one too */
				if (i == len || s[i] != '\n')
					fputs(br ? "<br/>" : " ", fp);
				break;
			case '\n': fputs(br ? "<br/>" : " ", fp); break;
			default:
				if (c >= 0x20 && c != 0x7f)
					fputc(c, fp);
				break;
			}
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			fputs("\xEF\xBF\xBD", fp);
			i++;
			continue;
		}
		if (cp >= 0xA0 && cp != 0xFFFE && cp != 0xFFFF)
			fwrite(s + i, 1, n, fp);
		i += n;
	}
}

static void esc(FILE *fp, const char *s)
{
	esc_text(fp, s, 0);
}

/* printf, then the whole result escaped: translations are text too. */
__attribute__((format(printf, 2, 3)))
static void escf(FILE *fp, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	char *s = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	esc(fp, s);
	free(s);
}

/* An element holding escaped text: <tag attrs>text</tag>. */
static void elem(FILE *fp, const char *open, const char *text, const char *close)
{
	fputs(open, fp);
	esc(fp, text);
	fputs(close, fp);
}

/* Opens a plain table whose header row holds the titles; the last one
 * spans last_span columns. */
static void table_open(FILE *fp, const char *const *titles, size_t n, int last_span)
{
	fputs("<table>\n<thead><tr>", fp);
	for (size_t i = 0; i < n; i++) {
		if (i + 1 == n && last_span > 1)
			fprintf(fp, "<th colspan=\"%d\">", last_span);
		else
			fputs("<th>", fp);
		esc(fp, titles[i]);
		fputs("</th>", fp);
	}
	fputs("</tr></thead>\n<tbody>\n", fp);
}

/* Percent × 10 as "20,0"; with sign, "+5,0" or "−5,0". */
static void fmt_tenths(char *buf, size_t size, int tenths, int sign)
{
	int a = tenths < 0 ? -tenths : tenths;
	const char *s = tenths < 0 ? (sign ? "\xE2\x88\x92" : "-") : sign && tenths > 0 ? "+" : "";
	snprintf(buf, size, "%s%d,%d", s, a / 10, a % 10);
}

/* A length for SVG, one decimal with a point whatever the locale: "12.5".
 * Returns buf (at least 24 bytes). */
static char *svg_num(char *buf, double v)
{
	long t = (long)(v * 10 + (v < 0 ? -0.5 : 0.5));
	snprintf(buf, 24, "%s%ld.%ld", t < 0 ? "-" : "", labs(t) / 10, labs(t) % 10);
	return buf;
}

/* YYYYMMDD as DD.MM.YYYY. */
static void fmt_ymd(char *buf, size_t size, long ymd)
{
	snprintf(buf, size, "%02ld.%02ld.%04ld", ymd % 100, ymd / 100 % 100, ymd / 10000);
}

/* "YYYY-MM-DD…" as YYYYMMDD, or 0 when it is not a date. */
static long iso_ymd(const char *s)
{
	int y, m, d;
	if (!s || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	return y * 10000L + m * 100L + d;
}

/* An ISO date as DD.MM.YYYY; text that is no date is written as it is. */
static void put_iso_date(FILE *fp, const char *s)
{
	long ymd = iso_ymd(s);
	char buf[32];
	if (!ymd) {
		esc(fp, s);
		return;
	}
	fmt_ymd(buf, sizeof buf, ymd);
	fputs(buf, fp);
}

static char *period_words(const report_data *r)
{
	/* TRANSLATORS: the first half-year of a year, «I полугодие 2026 года». */
	return r->half == 1 ? xasprintf(_("1st half of %d"), r->year)
			    /* TRANSLATORS: «II полугодие 2026 года». */
			    : xasprintf(_("2nd half of %d"), r->year);
}

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
	char pct[32];
	if (!v) {
		fputs("<td class=\"num none\">\xE2\x80\x94</td>", fp);
		return;
	}
	fmt_tenths(pct, sizeof pct, v->tenths, 0);
	fprintf(fp, "<td class=\"num\">%s&#160;%%<br/><span class=\"n\">", pct);
	escf(fp, _("%ld of %ld"), v->num, v->den);
	fputs("</span>", fp);
	if (v->den < IND_SMALL_GROUP) {
		fputs("<br/><span class=\"few\">", fp);
		esc(fp, _("too few data"));
		fputs("</span>", fp);
	}
	fputs("</td>", fp);
}

static void change_cell(FILE *fp, const report_data *r, const row_key *k)
{
	const indicator *v = find_ind(r->now, IND_BELOW_MIN_CHANGE, k->proc, k->subj);
	char pct[32];
	if (!v) {
		fputs("<td class=\"num none\">\xE2\x80\x94</td>", fp);
		return;
	}
	fmt_tenths(pct, sizeof pct, v->tenths, 1);
	fprintf(fp, "<td class=\"num\">%s</td>", pct);
}

static void indicator_table(FILE *fp, const report_data *r, const row_key *k, size_t nk)
{
	int y = r->year, py = r->year - 1;
	fputs("<section class=\"keep\">\n", fp);
	elem(fp, "<h3>", refmap_name(k->names->proc, k->proc), "</h3>\n");
	fputs("<table class=\"ind\">\n<thead>\n<tr><th rowspan=\"2\">", fp);
	esc(fp, _("Subject"));
	fputs("</th><th colspan=\"3\">", fp);
	esc(fp, _("Below the minimum"));
	fputs("</th><th colspan=\"2\">", fp);
	esc(fp, _("High level"));
	fputs("</th><th colspan=\"2\">", fp);
	esc(fp, _("Not below the region's average"));
	fputs("</th><th colspan=\"3\">", fp);
	/* TRANSLATORS: objectivity: the mark for the work against the journal mark, in a year. */
	escf(fp, _("Marks against the journal, %d"), y);
	fprintf(fp, "</th></tr>\n<tr><th>%d</th><th>%d</th><th>", y, py);
	/* TRANSLATORS: the change in percentage points; keep it short. */
	esc(fp, _("change, pp"));
	fprintf(fp, "</th><th>%d</th><th>%d</th><th>%d</th><th>%d</th><th>", y, py, y, py);
	esc(fp, _("lowered"));
	fputs("</th><th>", fp);
	esc(fp, _("confirmed"));
	fputs("</th><th>", fp);
	esc(fp, _("raised"));
	fputs("</th></tr>\n</thead>\n<tbody>\n", fp);
	for (size_t i = 0; i < nk; i++) {
		const row_key *x = &k[i];
		if (x->subj) {
			elem(fp, "<tr><td>", subject_name(x), "</td>");
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
			elem(fp, "<tr class=\"total\"><td>", _("At least one subject"), "</td>");
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

/* A row label cut to fit, with the full text as a tooltip when cut. */
static void svg_label(FILE *fp, int x, int y, const char *anchor, const char *weight, const char *text)
{
	size_t fit = utf8_fit(text, SVG_LABEL_CELLS);
	fprintf(fp, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-weight=\"%s\">", x, y, anchor, weight);
	if (text[fit]) {
		char *cut = xstrndup(text, utf8_fit(text, SVG_LABEL_CELLS - 1));
		elem(fp, "<title>", text, "</title>");
		esc(fp, cut);
		fputs("\xE2\x80\xA6", fp);
		free(cut);
	} else {
		esc(fp, text);
	}
	fputs("</text>\n", fp);
}

static void svg_open(FILE *fp, int height, const char *caption)
{
	fputs("<figure>\n", fp);
	elem(fp, "<figcaption>", caption, "</figcaption>\n");
	fprintf(fp, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
		" width=\"100%%\" role=\"img\" font-family=\"Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif\""
		" font-size=\"11\">\n", SVG_W, height);
	elem(fp, "<title>", caption, "</title>\n");
}

static void svg_close(FILE *fp)
{
	fputs("</svg>\n</figure>\n", fp);
}

static void svg_swatch(FILE *fp, int x, int y, const char *fill, const char *text)
{
	fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\" stroke=\"#000\""
		" stroke-width=\"0.6\"/>\n<text x=\"%d\" y=\"%d\">", x, y, fill, x + 17, y + 10);
	esc(fp, text);
	fputs("</text>\n", fp);
}

/* The axis maximum in tenths of a percent: 20, 40, 60, 80 or 100 %. */
static int axis_max(int maxv)
{
	int m = (maxv + 199) / 200 * 200;
	return m < 200 ? 200 : m > 1000 ? 1000 : m;
}

static void svg_grid(FILE *fp, int axis, int top, int bottom)
{
	char pct[32];
	for (int t = 0; t <= 4; t++) {
		int x = SVG_X0 + SVG_BAR * t / 4;
		fmt_tenths(pct, sizeof pct, axis * t / 4, 0);
		size_t len = strlen(pct);
		if (len > 2 && strcmp(pct + len - 2, ",0") == 0)
			pct[len - 2] = '\0';
		fprintf(fp, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"0.8\"/>\n"
			"<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#333\">%s&#160;%%</text>\n",
			x, top - 4, x, bottom, C_GRID, x, top - 8, pct);
	}
}

/* A bar of v (or "no data") from the axis at y, and its value after it. */
static void svg_bar(FILE *fp, const indicator *v, int axis, int y, int h, const char *fill, int *small)
{
	char pct[32], bw[24], tx[24];
	if (!v) {
		fprintf(fp, "<text x=\"%d\" y=\"%d\" font-size=\"9\" fill=\"#555\">", SVG_X0 + 4, y + h - 2);
		esc(fp, _("no data"));
		fputs("</text>\n", fp);
		return;
	}
	int t = v->tenths > axis ? axis : v->tenths;
	double w = (double)SVG_BAR * t / axis;
	fmt_tenths(pct, sizeof pct, v->tenths, 0);
	int few = v->den < IND_SMALL_GROUP;
	*small |= few;
	fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"%s\" height=\"%d\" fill=\"%s\" stroke=\"#000\""
		" stroke-width=\"0.6\"/>\n<text x=\"%s\" y=\"%d\" font-size=\"10\">%s&#160;%%%s</text>\n",
		SVG_X0, y, svg_num(bw, w), h, fill, svg_num(tx, SVG_X0 + w + 4), y + h - 2, pct, few ? "*" : "");
}

static void svg_footnote(FILE *fp, int y)
{
	fprintf(fp, "<text x=\"0\" y=\"%d\" font-size=\"9\" fill=\"#333\">", y);
	escf(fp, _("* too few data: fewer than %d participants"), IND_SMALL_GROUP);
	fputs("</text>\n", fp);
}

static void no_chart(FILE *fp, const char *caption)
{
	fputs("<figure>\n", fp);
	elem(fp, "<figcaption>", caption, "</figcaption>\n");
	elem(fp, "<p class=\"empty\">", _("No data for this chart."), "</p>\n</figure>\n");
}

/* Paired horizontal bars per subject, grouped by procedure: this year's
 * indicator code above last year's. */
static void chart_pairs(FILE *fp, const report_data *r, const row_key *k, size_t nk, enum ind_code code,
			const char *caption)
{
	enum { TOP = 44, HEAD = 22, ROW = 34, BAR = 12 };
	size_t rows = 0, heads = 0;
	long proc = -1;
	int maxv = 0;
	for (size_t i = 0; i < nk; i++) {
		const indicator *a = find_ind(r->now, code, k[i].proc, k[i].subj);
		const indicator *b = find_ind(r->was, code, k[i].proc, k[i].subj);
		if (!k[i].subj || (!a && !b))
			continue;
		rows++;
		if (k[i].proc != proc)
			heads++, proc = k[i].proc;
		if (a && a->tenths > maxv)
			maxv = a->tenths;
		if (b && b->tenths > maxv)
			maxv = b->tenths;
	}
	if (!rows) {
		no_chart(fp, caption);
		return;
	}
	int axis = axis_max(maxv);
	int bottom = TOP + (int)(heads * HEAD + rows * ROW);
	int height = bottom + 22;
	char year[16];
	svg_open(fp, height, caption);
	snprintf(year, sizeof year, "%d", r->year);
	svg_swatch(fp, SVG_X0, 2, C_NOW, year);
	snprintf(year, sizeof year, "%d", r->year - 1);
	svg_swatch(fp, SVG_X0 + 90, 2, C_WAS, year);
	svg_grid(fp, axis, TOP, bottom);
	int y = TOP, small = 0;
	proc = -1;
	for (size_t i = 0; i < nk; i++) {
		const indicator *a = find_ind(r->now, code, k[i].proc, k[i].subj);
		const indicator *b = find_ind(r->was, code, k[i].proc, k[i].subj);
		if (!k[i].subj || (!a && !b))
			continue;
		if (k[i].proc != proc) {
			proc = k[i].proc;
			svg_label(fp, 0, y + 15, "start", "bold", refmap_name(k[i].names->proc, proc));
			y += HEAD;
		}
		svg_label(fp, SVG_LABEL, y + ROW / 2 + 2, "end", "normal", subject_name(&k[i]));
		svg_bar(fp, a, axis, y + 4, BAR, C_NOW, &small);
		svg_bar(fp, b, axis, y + 5 + BAR, BAR, C_WAS, &small);
		y += ROW;
	}
	fprintf(fp, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\" stroke-width=\"1\"/>\n",
		SVG_X0, TOP - 4, SVG_X0, bottom);
	if (small)
		svg_footnote(fp, height - 6);
	svg_close(fp);
}

/* One segment of a stacked bar, with its percent inside when it fits. */
static void svg_segment(FILE *fp, double x, double w, int y, int h, const char *fill, const char *ink,
			const indicator *v)
{
	char pct[32], bx[24], bw[24];
	if (w <= 0)
		return;
	fprintf(fp, "<rect x=\"%s\" y=\"%d\" width=\"%s\" height=\"%d\" fill=\"%s\" stroke=\"#000\""
		" stroke-width=\"0.6\"/>\n", svg_num(bx, x), y, svg_num(bw, w), h, fill);
	if (w >= 34) {
		fmt_tenths(pct, sizeof pct, v->tenths, 0);
		fprintf(fp, "<text x=\"%s\" y=\"%d\" text-anchor=\"middle\" font-size=\"10\" fill=\"%s\">%s</text>\n",
			svg_num(bx, x + w / 2), y + h - 5, ink, pct);
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
		no_chart(fp, caption);
		return;
	}
	int bottom = TOP + (int)(heads * HEAD + rows * ROW);
	int height = bottom + 22;
	svg_open(fp, height, caption);
	svg_swatch(fp, SVG_X0, 2, C_LOWERED, _("lowered"));
	svg_swatch(fp, SVG_X0 + 130, 2, C_CONFIRMED, _("confirmed"));
	svg_swatch(fp, SVG_X0 + 260, 2, C_RAISED, _("raised"));
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
			svg_label(fp, 0, y + 15, "start", "bold", refmap_name(k[i].names->proc, proc));
			y += HEAD;
		}
		svg_label(fp, SVG_LABEL, y + ROW / 2 + 3, "end", "normal", subject_name(&k[i]));
		double den = (double)lo->den, x = SVG_X0;
		double wl = SVG_BAR * lo->num / den, wc = co ? SVG_BAR * co->num / den : 0;
		double wr = ra ? SVG_BAR * ra->num / den : 0;
		int by = y + (ROW - BAR) / 2;
		svg_segment(fp, x, wl, by, BAR, C_LOWERED, "#fff", lo);
		svg_segment(fp, x += wl, wc, by, BAR, C_CONFIRMED, "#000", co);
		svg_segment(fp, x + wc, wr, by, BAR, C_RAISED, "#000", ra);
		int few = lo->den < IND_SMALL_GROUP;
		small |= few;
		fprintf(fp, "<text x=\"%d\" y=\"%d\" font-size=\"10\">", SVG_X0 + SVG_BAR + 6, by + BAR - 5);
		/* TRANSLATORS: how many pupils had both marks to compare. */
		escf(fp, _("compared: %ld"), lo->den);
		fprintf(fp, "%s</text>\n", few ? "*" : "");
		y += ROW;
	}
	if (small)
		svg_footnote(fp, height - 6);
	svg_close(fp);
}

static void indicators_part(FILE *fp, const report_data *r)
{
	size_t nk;
	row_key *k = collect_keys(r, &nk);
	fputs("<section>\n", fp);
	elem(fp, "<h2>", _("Assessment results"), "</h2>\n");
	if (!nk) {
		fputs("<p class=\"empty\">", fp);
		escf(fp, _("No assessment results for %d or %d."), r->year, r->year - 1);
		fputs("</p>\n</section>\n", fp);
		free(k);
		return;
	}
	fputs("<p class=\"note\">", fp);
	escf(fp, _("Percent of participants, all grades of a procedure taken together; under each figure, "
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
	elem(fp, "<h2>", _("Charts"), "</h2>\n");
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
			elem(fp, "<h2>", _("Teachers and pupils at risk"), "</h2>\n<table>\n<tbody>\n");
		}
		fputs("<tr><th>", fp);
		esc(fp, indicator_title(v->code));
		fputs("</th><td>", fp);
		if (indicator_is_count(v->code))
			escf(fp, v->code == IND_RISK_GROUP_CHANGE && v->num > 0 ? "+%ld" : "%ld", v->num);
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
	return strcmp(a->status, "done") == 0 && in_period(r, iso_ymd(a->done_on));
}

static void section_name(FILE *fp, const activity *a)
{
	if (!a->section_id) {
		esc(fp, _("No section"));
		return;
	}
	if (*a->section_number) {
		esc(fp, a->section_number);
		fputc(' ', fp);
	}
	esc(fp, a->section_title);
}

static void progress_bar(FILE *fp, long done, long total)
{
	double w = total ? 100.0 * (double)done / (double)total : 0;
	char bw[24];
	fprintf(fp, "<svg class=\"bar\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 102 12\""
		" width=\"102\" height=\"12\" preserveAspectRatio=\"none\">"
		"<rect x=\"1\" y=\"1\" width=\"%s\" height=\"10\" fill=\"%s\"/>"
		"<rect x=\"1\" y=\"1\" width=\"100\" height=\"10\" fill=\"none\" stroke=\"#000\" stroke-width=\"1\"/>"
		"</svg>", svg_num(bw, w), C_NOW);
}

static void progress_row(FILE *fp, const activity *a, long done, long total)
{
	fputs(a ? "<tr><td>" : "<tr class=\"total\"><td>", fp);
	if (a)
		section_name(fp, a);
	else
		esc(fp, _("All sections"));
	fprintf(fp, "</td><td class=\"num\">%ld</td><td class=\"num\">%ld</td><td>", done, total);
	progress_bar(fp, done, total);
	fprintf(fp, "</td><td class=\"num\">%ld&#160;%%</td></tr>\n",
		total ? (done * 100 + total / 2) / total : 0);
}

/* Done / total per section (cancelled left out), in the roadmap's order. */
static void roadmap_progress(FILE *fp, const report_data *r)
{
	elem(fp, "<h3>", _("Progress by section"), "</h3>\n");
	if (!r->nacts) {
		elem(fp, "<p class=\"empty\">", _("The roadmap has no activities."), "</p>\n");
		return;
	}
	const char *const head[] = { _("Section"), _("Done"), _("Total"), _("Share done") };
	table_open(fp, head, sizeof head / sizeof *head, 2);
	long all_done = 0, all = 0;
	unsigned char *seen = xcalloc(r->nacts, 1);
	for (size_t i = 0; i < r->nacts; i++) {
		if (seen[i])
			continue;
		long done = 0, total = 0;
		for (size_t j = i; j < r->nacts; j++) {
			const activity *a = &r->acts[j];
			if (a->section_id != r->acts[i].section_id)
				continue;
			seen[j] = 1;
			if (strcmp(a->status, "cancelled") == 0)
				continue;
			total++;
			done += strcmp(a->status, "done") == 0;
		}
		progress_row(fp, &r->acts[i], done, total);
		all_done += done, all += total;
	}
	free(seen);
	progress_row(fp, NULL, all_done, all);
	fputs("</tbody>\n</table>\n", fp);
	elem(fp, "<p class=\"note\">", _("Cancelled activities are not counted."), "</p>\n");
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
	elem(fp, "<h3>", _("Activities done in the period"), "</h3>\n");
	size_t n = 0;
	for (size_t i = 0; i < r->nacts; i++)
		n += done_in_period(r, &r->acts[i]);
	if (!n) {
		elem(fp, "<p class=\"empty\">", _("No activity was marked done in the period."), "</p>\n");
		return;
	}
	const char *const head[] = { _("No."), _("Activity"), _("Date"), _("What was done"), _("Participants") };
	table_open(fp, head, sizeof head / sizeof *head, 1);
	long section = -1;
	for (size_t i = 0; i < r->nacts; i++) {
		const activity *a = &r->acts[i];
		if (!done_in_period(r, a))
			continue;
		section_row(fp, a, &section, 5);
		elem(fp, "<tr><td>", a->number, "</td><td>");
		esc_text(fp, a->title, 1);
		fputs("</td><td class=\"date\">", fp);
		put_iso_date(fp, a->done_on);
		fputs("</td><td>", fp);
		esc_text(fp, a->evidence, 1);
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
	char day[32];
	fmt_ymd(day, sizeof day, r->today);
	fputs("<h3>", fp);
	escf(fp, _("Overdue on %s"), day);
	fputs("</h3>\n", fp);
	size_t n = 0;
	for (size_t i = 0; i < r->nacts; i++)
		n += activity_overdue(&r->acts[i], r->today) != 0;
	if (!n) {
		elem(fp, "<p class=\"empty\">", _("No overdue activities."), "</p>\n");
		return;
	}
	const char *const head[] = { _("No."), _("Activity"), _("Deadline"), _("Responsible"), _("Status") };
	table_open(fp, head, sizeof head / sizeof *head, 1);
	long section = -1;
	for (size_t i = 0; i < r->nacts; i++) {
		const activity *a = &r->acts[i];
		if (!activity_overdue(a, r->today))
			continue;
		section_row(fp, a, &section, 5);
		elem(fp, "<tr><td>", a->number, "</td><td>");
		esc_text(fp, a->title, 1);
		fputs("</td><td>", fp);
		esc_text(fp, a->deadline_text, 1);
		fputs("</td><td>", fp);
		esc_text(fp, a->responsible, 1);
		elem(fp, "</td><td>", activity_status_title(a->status), "</td></tr>\n");
	}
	fputs("</tbody>\n</table>\n", fp);
}

static void roadmap_part(FILE *fp, const report_data *r)
{
	fputs("<section>\n", fp);
	elem(fp, "<h2>", _("Roadmap"), "</h2>\n");
	if (!r->roadmap) {
		elem(fp, "<p class=\"empty\">", _("No roadmap has been imported."), "</p>\n</section>\n");
		return;
	}
	const roadmap_info *rm = r->roadmap;
	fputs("<p class=\"rm-title\">", fp);
	esc_text(fp, rm->title, 1);
	fputs("</p>\n<p>", fp);
	if (rm->first_year == rm->last_year)
		escf(fp, _("Years: %d"), rm->first_year);
	else
		escf(fp, _("Years: %d–%d"), rm->first_year, rm->last_year);
	fputs("</p>\n", fp);
	roadmap_progress(fp, r);
	roadmap_done(fp, r);
	roadmap_overdue(fp, r);
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
	elem(fp, "<h2>", _("Methodical events"), "</h2>\n");
	size_t n = 0;
	for (size_t i = 0; i < r->nevents; i++)
		n += in_period(r, iso_ymd(r->events[i].held_on));
	if (!n) {
		elem(fp, "<p class=\"empty\">", _("No methodical events were held in the period."), "</p>\n</section>\n");
		return;
	}
	const char *const head[] = { _("Date"), _("Kind"), _("Topic"), _("Participants"), _("Roadmap activity") };
	table_open(fp, head, sizeof head / sizeof *head, 1);
	long people = 0;
	for (size_t i = 0; i < r->nevents; i++) {
		const event_item *e = &r->events[i];
		if (!in_period(r, iso_ymd(e->held_on)))
			continue;
		fputs("<tr><td class=\"date\">", fp);
		put_iso_date(fp, e->held_on);
		fputs("</td><td>", fp);
		esc_text(fp, e->kind, 1);
		fputs("</td><td>", fp);
		esc_text(fp, e->topic, 1);
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
			esc(fp, a->number);
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
	escf(fp, _("Events held in the period: %ld; participants in all: %ld."), (long)n, people);
	fputs("</p>\n</section>\n", fp);
}

/* --- the page --- */

static void header_part(FILE *fp, const report_data *r, const char *words)
{
	char from[32], to[32], made[32];
	fmt_ymd(from, sizeof from, r->from);
	fmt_ymd(to, sizeof to, r->to);
	long created = iso_ymd(r->created_at);
	fmt_ymd(made, sizeof made, created ? created : r->today);
	const school *sc = r->sc;
	elem(fp, "<header>\n<h1>", _("Half-year report"), "</h1>\n");
	fputs("<p class=\"period\">", fp);
	/* TRANSLATORS: the period in words and its first and last day. */
	escf(fp, _("%s (%s–%s)"), words, from, to);
	fputs("</p>\n<table class=\"facts\">\n", fp);
	const char *label[] = { _("School"), _("School code"), _("District"), _("Report date") };
	const char *value[] = { sc ? sc->name : "", sc ? sc->code : "", sc ? sc->district : "", made };
	for (int i = 0; i < 4; i++) {
		if (i == 2 && (!value[i] || !*value[i]))
			continue;
		elem(fp, "<tr><th>", label[i], "</th>");
		elem(fp, "<td>", value[i], "</td></tr>\n");
	}
	fputs("</table>\n</header>\n", fp);
}

static void footer_part(FILE *fp, const report_data *r)
{
	char made[64];
	long created = iso_ymd(r->created_at);
	int hh, mm;
	fmt_ymd(made, sizeof made, created ? created : r->today);
	if (created && strlen(r->created_at) >= 16 && sscanf(r->created_at + 11, "%2d:%2d", &hh, &mm) == 2)
		snprintf(made + strlen(made), sizeof made - strlen(made), " %02d:%02d", hh, mm);
	fputs("<div class=\"sign\">\n<p>", fp);
	/* TRANSLATORS: who signs the report: «Директор». */
	esc(fp, _("Head of school"));
	fputs(" ____________ / ____________ /</p>\n<p>", fp);
	/* TRANSLATORS: the place of the seal: «М.П.». */
	esc(fp, _("Seal"));
	fputs("</p>\n</div>\n<p class=\"generated\">", fp);
	/* TRANSLATORS: the program's version and the date and time the report was made. */
	escf(fp, _("Generated by orientir %s, %s"), PACKAGE_VERSION, made);
	fputs("</p>\n", fp);
}

void report_html_write(FILE *fp, const report_data *r)
{
	char *words = period_words(r);
	fputs("<!DOCTYPE html>\n", fp);
	fputs("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"", fp);
	/* TRANSLATORS: the language code of the report page: "ru". */
	esc(fp, _("en"));
	fputs("\">\n<head>\n<meta charset=\"utf-8\"/>\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>", fp);
	escf(fp, "%s \xE2\x80\x94 %s \xE2\x80\x94 %s", _("Half-year report"), r->sc ? r->sc->name : "", words);
	fprintf(fp, "</title>\n<meta name=\"generator\" content=\"orientir %s\"/>\n<style>\n%s</style>\n</head>\n<body>\n",
		PACKAGE_VERSION, style);
	header_part(fp, r, words);
	indicators_part(fp, r);
	people_part(fp, r);
	roadmap_part(fp, r);
	events_part(fp, r);
	footer_part(fp, r);
	fputs("</body>\n</html>\n", fp);
	free(words);
}
