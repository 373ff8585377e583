/* The charts of the ВПР task by task, shared by the school's report and
 * the district's: the heat map of tasks and the histogram of scores. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "html.h"
#include "num.h"

const char *html_heat_fill(int tenths)
{
	/* light enough for black figures, apart in greyscale: the percent is
	 * written in every cell anyway */
	return tenths < 0 ? "#ffffff" : tenths < 300 ? "#f4a582" : tenths < 500 ? "#fddbc7" : tenths < 700 ? "#ffffbf"
	       : tenths < 850 ? "#d9ef8b" : "#a6d96a";
}

void html_heatmap(FILE *fp, const html_heat *h)
{
	enum { TOP = 34, HEAD = 22, ROW = 22, LABEL = 96 };
	if (!h->nrows || !h->ncols) {
		html_no_chart(fp, h->caption);
		return;
	}
	double cw = (double)(HTML_SVG_W - LABEL - 4) / (double)h->ncols;
	if (cw > 60)
		cw = 60;
	int height = TOP + HEAD + (int)h->nrows * ROW + 24;
	char bx[24], bw[24], tx[24];
	html_svg_open(fp, height, h->caption);
	static const int edges[] = { 0, 300, 500, 700, 850 };
	static const char *const names[] = { "< 30 %", "30–50 %", "50–70 %", "70–85 %", "≥ 85 %" };
	for (int i = 0; i < 5; i++)
		html_svg_swatch(fp, LABEL + i * 100, 4, html_heat_fill(edges[i]), names[i]);
	for (size_t c = 0; c < h->ncols; c++) {
		fprintf(fp, "<text x=\"%s\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">",
			html_svg_num(tx, LABEL + cw * ((double)c + 0.5)), TOP + 14);
		html_esc(fp, h->cols[c]);
		fputs("</text>\n", fp);
	}
	for (size_t r = 0; r < h->nrows; r++) {
		int y = TOP + HEAD + (int)r * ROW;
		html_svg_label(fp, LABEL - 6, y + 15, "end", r == 0 && h->first_bold ? "bold" : "normal", h->rows[r]);
		for (size_t c = 0; c < h->ncols; c++) {
			int t = h->tenths[r * h->ncols + c], def = h->deficit && h->deficit[r * h->ncols + c];
			double x = LABEL + cw * (double)c;
			fprintf(fp, "<rect x=\"%s\" y=\"%d\" width=\"%s\" height=\"%d\" fill=\"%s\" stroke=\"#000\""
				" stroke-width=\"%s\"/>\n", html_svg_num(bx, x + 1), y + 1, html_svg_num(bw, cw - 2), ROW - 2,
				html_heat_fill(t), def ? "2" : "0.4");
			char *pct = t < 0 ? xstrdup("—") : num_doc_tenths(t, 0);
			fprintf(fp, "<text x=\"%s\" y=\"%d\" text-anchor=\"middle\" font-size=\"%d\"%s>%s</text>\n",
				html_svg_num(tx, x + cw / 2), y + 15, cw < 34 ? 8 : 10, def ? " font-weight=\"bold\"" : "",
				pct);
			free(pct);
		}
	}
	fprintf(fp, "<text x=\"%d\" y=\"%d\" font-size=\"10\">", LABEL, height - 6);
	html_esc(fp, _("A bold frame and figure: a learning deficit."));
	fputs("</text>\n", fp);
	html_svg_close(fp);
}

void html_histogram(FILE *fp, const char *caption, const long *counts, int n, const double *bounds,
		    const char *const *bound_names, int nbounds, double peak)
{
	enum { TOP = 24, H = 110, LEFT = 40, BOTTOM = 30 };
	long most = 1;
	for (int s = 0; s < n; s++)
		if (counts[s] > most)
			most = counts[s];
	int height = TOP + H + BOTTOM;
	double bw = (double)(HTML_SVG_W - LEFT - 10) / (n ? n : 1);
	char bx[24], bwid[24], by[24], bh[24], tx[24], ty[24];
	html_svg_open(fp, height, caption);
	fprintf(fp, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\" stroke-width=\"0.6\"/>\n", LEFT,
		TOP + H, HTML_SVG_W - 10, TOP + H);
	for (int s = 0; s < n; s++) {
		double h = (double)H * (double)counts[s] / (double)most, x = LEFT + bw * s;
		int at_peak = peak >= 0 && (double)s == peak;
		if (counts[s])
			fprintf(fp, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\" stroke=\"#000\""
				" stroke-width=\"0.5\"/>\n<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" font-size=\"9\">%ld"
				"</text>\n", html_svg_num(bx, x + 1), html_svg_num(by, TOP + H - h), html_svg_num(bwid, bw - 2),
				html_svg_num(bh, h), at_peak ? HTML_C_MID : HTML_C_NOW, html_svg_num(tx, x + bw / 2),
				html_svg_num(ty, TOP + H - h - 2), counts[s]);
		if (n <= 40 || s % 5 == 0)
			fprintf(fp, "<text x=\"%s\" y=\"%d\" text-anchor=\"middle\" font-size=\"9\">%d</text>\n",
				html_svg_num(bx, x + bw / 2), TOP + H + 11, s);
	}
	for (int b = 0; b < nbounds; b++) {
		double x = LEFT + bw * bounds[b];
		fprintf(fp, "<line x1=\"%s\" y1=\"%d\" x2=\"%s\" y2=\"%d\" stroke=\"#000\" stroke-dasharray=\"4 3\"/>\n"
			"<text x=\"%s\" y=\"%d\" font-size=\"10\">", html_svg_num(bx, x), TOP - 14, html_svg_num(by, x),
			TOP + H + 14, html_svg_num(bh, x + 2), TOP + H + 26);
		html_esc(fp, bound_names[b]);
		fputs("</text>\n", fp);
	}
	html_svg_close(fp);
}
