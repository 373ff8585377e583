/* The shared pieces of the printable reports (see html.h). */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "day.h"
#include "html.h"
#include "indicators.h"
#include "num.h"
#include "utf8.h"

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
void html_esc_text(FILE *fp, const char *s, int br)
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

void html_esc(FILE *fp, const char *s)
{
	html_esc_text(fp, s, 0);
}

/* printf, then the whole result escaped. */
void html_escf(FILE *fp, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	html_esc(fp, s);
	free(s);
}

/* An element holding escaped text: <tag attrs>text</tag>. */
void html_elem(FILE *fp, const char *open, const char *text, const char *close)
{
	fputs(open, fp);
	html_esc(fp, text);
	fputs(close, fp);
}

/* Opens a plain table whose header row holds the titles; the last one
 * spans last_span columns. */
void html_table_open(FILE *fp, const char *const *titles, size_t n, int last_span)
{
	fputs("<table>\n<thead><tr>", fp);
	for (size_t i = 0; i < n; i++) {
		if (i + 1 == n && last_span > 1)
			fprintf(fp, "<th colspan=\"%d\">", last_span);
		else
			fputs("<th>", fp);
		html_esc(fp, titles[i]);
		fputs("</th>", fp);
	}
	fputs("</tr></thead>\n<tbody>\n", fp);
}

/* A length for SVG, one decimal with a point whatever the locale: "12.5".
 * Returns buf (at least 24 bytes). */
char *html_svg_num(char *buf, double v)
{
	long t = (long)(v * 10 + (v < 0 ? -0.5 : 0.5));
	snprintf(buf, 24, "%s%ld.%ld", t < 0 ? "-" : "", labs(t) / 10, labs(t) % 10);
	return buf;
}

/* "YYYY-MM-DD…" as YYYYMMDD, or 0 when it is not a date. */
long html_iso_ymd(const char *s)
{
	char day[11];
	long ymd;
	if (!s || strlen(s) < 10)
		return 0;
	snprintf(day, sizeof day, "%.10s", s);
	return day[4] == '-' && day_parse(day, &ymd) == 0 ? ymd : 0;
}

/* An ISO date as DD.MM.YYYY; text that is no date is written as it is. */
void html_put_iso_date(FILE *fp, const char *s)
{
	long ymd = html_iso_ymd(s);
	if (!ymd) {
		html_esc(fp, s);
		return;
	}
	char *t = day_text(ymd);
	fputs(t, fp);
	free(t);
}

char *html_period_words(int year, int half)
{
	/* TRANSLATORS: the first half-year of a year, «I полугодие 2026 года». */
	return half == 1 ? xasprintf(_("1st half of %d"), year)
			 /* TRANSLATORS: «II полугодие 2026 года». */
			 : xasprintf(_("2nd half of %d"), year);
}

void html_page_open(FILE *fp, const char *title, const char *extra_style)
{
	fputs("<!DOCTYPE html>\n", fp);
	fputs("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"", fp);
	/* TRANSLATORS: the language code of the report page: "ru". */
	html_esc(fp, _("en"));
	fputs("\">\n<head>\n<meta charset=\"utf-8\"/>\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>", fp);
	html_esc(fp, title);
	fprintf(fp, "</title>\n<meta name=\"generator\" content=\"orientir %s\"/>\n<style>\n%s%s</style>\n</head>\n<body>\n",
		PACKAGE_VERSION, style, extra_style ? extra_style : "");
}

void html_page_close(FILE *fp)
{
	fputs("</body>\n</html>\n", fp);
}

void html_header(FILE *fp, const char *h1, int year, int half, long from, long to, const char *const *labels,
		 const char *const *values, size_t n)
{
	char *words = html_period_words(year, half), *a = day_text(from), *b = day_text(to);
	html_elem(fp, "<header>\n<h1>", h1, "</h1>\n");
	fputs("<p class=\"period\">", fp);
	/* TRANSLATORS: the period in words and its first and last day. */
	html_escf(fp, _("%s (%s–%s)"), words, a, b);
	fputs("</p>\n<table class=\"facts\">\n", fp);
	for (size_t i = 0; i < n; i++) {
		if (!values[i])
			continue;
		html_elem(fp, "<tr><th>", labels[i], "</th>");
		html_elem(fp, "<td>", values[i], "</td></tr>\n");
	}
	fputs("</table>\n</header>\n", fp);
	free(words), free(a), free(b);
}

void html_generated(FILE *fp, const char *created_at, long today)
{
	long created = html_iso_ymd(created_at);
	int hh, mm;
	char *day = day_text(created ? created : today), *made;
	if (created && strlen(created_at) >= 16 && sscanf(created_at + 11, "%2d:%2d", &hh, &mm) == 2)
		made = xasprintf("%s %02d:%02d", day, hh, mm);
	else
		made = xstrdup(day);
	fputs("<p class=\"generated\">", fp);
	/* TRANSLATORS: the program's version and the date and time the report was made. */
	html_escf(fp, _("Generated by orientir %s, %s"), PACKAGE_VERSION, made);
	fputs("</p>\n", fp);
	free(day), free(made);
}

/* --- charts --- */

/* A row label cut to fit, with the full text as a tooltip when cut. */
void html_svg_label(FILE *fp, int x, int y, const char *anchor, const char *weight, const char *text)
{
	size_t fit = utf8_fit(text, SVG_LABEL_CELLS);
	fprintf(fp, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-weight=\"%s\">", x, y, anchor, weight);
	if (text[fit]) {
		char *cut = xstrndup(text, utf8_fit(text, SVG_LABEL_CELLS - 1));
		html_elem(fp, "<title>", text, "</title>");
		html_esc(fp, cut);
		fputs("\xE2\x80\xA6", fp);
		free(cut);
	} else {
		html_esc(fp, text);
	}
	fputs("</text>\n", fp);
}

void html_svg_open(FILE *fp, int height, const char *caption)
{
	fputs("<figure>\n", fp);
	html_elem(fp, "<figcaption>", caption, "</figcaption>\n");
	fprintf(fp, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
		" width=\"100%%\" role=\"img\" font-family=\"Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif\""
		" font-size=\"11\">\n", HTML_SVG_W, height);
	html_elem(fp, "<title>", caption, "</title>\n");
}

void html_svg_close(FILE *fp)
{
	fputs("</svg>\n</figure>\n", fp);
}

void html_svg_swatch(FILE *fp, int x, int y, const char *fill, const char *text)
{
	fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\" stroke=\"#000\""
		" stroke-width=\"0.6\"/>\n<text x=\"%d\" y=\"%d\">", x, y, fill, x + 17, y + 10);
	html_esc(fp, text);
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
	for (int t = 0; t <= 4; t++) {
		int x = HTML_SVG_X0 + HTML_SVG_BAR * t / 4;
		char *pct = num_doc_tenths(axis * t / 4, 0);
		size_t len = strlen(pct);
		if (len > 2 && strcmp(pct + len - 2, ",0") == 0)
			pct[len - 2] = '\0';
		fprintf(fp, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"0.8\"/>\n"
			"<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#333\">%s&#160;%%</text>\n",
			x, top - 4, x, bottom, HTML_C_GRID, x, top - 8, pct);
		free(pct);
	}
}

/* A bar of tenths (or "no data") from the axis at y, and its value after it. */
static void svg_bar(FILE *fp, int has, int tenths, int few, int axis, int y, int h, const char *fill, int *small)
{
	char bw[24], tx[24];
	if (!has) {
		fprintf(fp, "<text x=\"%d\" y=\"%d\" font-size=\"9\" fill=\"#555\">", HTML_SVG_X0 + 4, y + h - 2);
		html_esc(fp, _("no data"));
		fputs("</text>\n", fp);
		return;
	}
	int t = tenths > axis ? axis : tenths;
	double w = (double)HTML_SVG_BAR * t / axis;
	char *pct = num_doc_tenths(tenths, 0);
	*small |= few;
	fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"%s\" height=\"%d\" fill=\"%s\" stroke=\"#000\""
		" stroke-width=\"0.6\"/>\n<text x=\"%s\" y=\"%d\" font-size=\"10\">%s&#160;%%%s</text>\n",
		HTML_SVG_X0, y, html_svg_num(bw, w), h, fill, html_svg_num(tx, HTML_SVG_X0 + w + 4), y + h - 2, pct,
		few ? "*" : "");
	free(pct);
}

void html_svg_footnote(FILE *fp, int y)
{
	fprintf(fp, "<text x=\"0\" y=\"%d\" font-size=\"9\" fill=\"#333\">", y);
	html_escf(fp, _("* too few data: fewer than %d participants"), IND_SMALL_GROUP);
	fputs("</text>\n", fp);
}

void html_no_chart(FILE *fp, const char *caption)
{
	fputs("<figure>\n", fp);
	html_elem(fp, "<figcaption>", caption, "</figcaption>\n");
	html_elem(fp, "<p class=\"empty\">", _("No data for this chart."), "</p>\n</figure>\n");
}

void html_chart_pairs(FILE *fp, const char *caption, int year, const html_bar_pair *rows, size_t n, int line_tenths)
{
	enum { TOP = 44, HEAD = 22, ROW = 34, BAR = 12 };
	size_t heads = 0;
	int maxv = line_tenths;
	for (size_t i = 0; i < n; i++) {
		if (rows[i].group && (i == 0 || !rows[i - 1].group || strcmp(rows[i].group, rows[i - 1].group) != 0))
			heads++;
		for (int k = 0; k < 2; k++)
			if (rows[i].has[k] && rows[i].tenths[k] > maxv)
				maxv = rows[i].tenths[k];
	}
	if (!n) {
		html_no_chart(fp, caption);
		return;
	}
	int axis = axis_max(maxv);
	int bottom = TOP + (int)(heads * HEAD + n * ROW);
	int height = bottom + 22 + (line_tenths >= 0 ? 14 : 0);
	char label[32];
	html_svg_open(fp, height, caption);
	snprintf(label, sizeof label, "%d", year);
	html_svg_swatch(fp, HTML_SVG_X0, 2, HTML_C_NOW, label);
	snprintf(label, sizeof label, "%d", year - 1);
	html_svg_swatch(fp, HTML_SVG_X0 + 90, 2, HTML_C_WAS, label);
	svg_grid(fp, axis, TOP, bottom);
	/* Under the bars, so that they stay whole. */
	if (line_tenths >= 0) {
		char x[24], *pct = num_doc_tenths(line_tenths, 0);
		html_svg_num(x, HTML_SVG_X0 + (double)HTML_SVG_BAR * line_tenths / axis);
		fprintf(fp, "<line x1=\"%s\" y1=\"%d\" x2=\"%s\" y2=\"%d\" stroke=\"%s\" stroke-width=\"1.6\""
			" stroke-dasharray=\"5 3\"/>\n<text x=\"%s\" y=\"%d\" text-anchor=\"middle\" font-size=\"10\">",
			x, TOP - 4, x, bottom + 2, HTML_C_MID, x, bottom + 14);
		/* TRANSLATORS: the reference line on a chart: «порог 30,0 %». */
		html_escf(fp, _("the line, %s %%"), pct);
		fputs("</text>\n", fp);
		free(pct);
	}
	int y = TOP, small = 0;
	for (size_t i = 0; i < n; i++) {
		const html_bar_pair *r = &rows[i];
		if (r->group && (i == 0 || !rows[i - 1].group || strcmp(r->group, rows[i - 1].group) != 0)) {
			html_svg_label(fp, 0, y + 15, "start", "bold", r->group);
			y += HEAD;
		}
		html_svg_label(fp, HTML_SVG_LABEL, y + ROW / 2 + 2, "end", r->bold ? "bold" : "normal", r->label);
		svg_bar(fp, r->has[0], r->tenths[0], r->few[0], axis, y + 4, BAR, HTML_C_NOW, &small);
		svg_bar(fp, r->has[1], r->tenths[1], r->few[1], axis, y + 5 + BAR, BAR, HTML_C_WAS, &small);
		y += ROW;
	}
	fprintf(fp, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\" stroke-width=\"1\"/>\n",
		HTML_SVG_X0, TOP - 4, HTML_SVG_X0, bottom);
	if (small)
		html_svg_footnote(fp, height - 6);
	html_svg_close(fp);
}

void html_progress_bar(FILE *fp, long done, long total)
{
	double w = total ? 100.0 * (double)done / (double)total : 0;
	char bw[24];
	fprintf(fp, "<svg class=\"bar\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 102 12\""
		" width=\"102\" height=\"12\" preserveAspectRatio=\"none\">"
		"<rect x=\"1\" y=\"1\" width=\"%s\" height=\"10\" fill=\"%s\"/>"
		"<rect x=\"1\" y=\"1\" width=\"100\" height=\"10\" fill=\"none\" stroke=\"#000\" stroke-width=\"1\"/>"
		"</svg>", html_svg_num(bw, w), HTML_C_NOW);
}
