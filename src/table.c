#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "common.h"
#include "table.h"
#include "utf8.h"

struct table {
	int ncols;
	char *align, *shrink;
	char ***rows;
	size_t nrows;
	unsigned char *heading;	/* per row: a heading line, its text in cell 0 */
};

table *table_new(int ncols, const char *align, const char *shrink)
{
	table *t = xcalloc(1, sizeof *t);
	t->ncols = ncols;
	t->align = xstrdup(align);
	t->shrink = xstrdup(shrink);
	return t;
}

void table_add(table *t, const char *const *cells)
{
	t->rows = xrealloc(t->rows, (t->nrows + 1) * sizeof *t->rows);
	t->heading = xrealloc(t->heading, t->nrows + 1);
	char **r = xmalloc((size_t)t->ncols * sizeof *r);
	for (int i = 0; i < t->ncols; i++)
		r[i] = xstrdup(cells[i] ? cells[i] : "");
	t->heading[t->nrows] = 0;
	t->rows[t->nrows++] = r;
}

void table_add_heading(table *t, const char *text)
{
	const char **cells = xcalloc((size_t)t->ncols, sizeof *cells);
	cells[0] = text;
	table_add(t, cells);
	t->heading[t->nrows - 1] = 1;
	free(cells);
}

static void put(FILE *fp, const char *s, int w, char align, int last)
{
	int sw = utf8_width(s);
	if (sw > w) {
		/* Cut to w-1 cells and mark the cut. */
		size_t n = utf8_fit(s, w - 1);
		fwrite(s, 1, n, fp);
		fputs("…", fp);
		return;
	}
	if (align == 'r')
		fprintf(fp, "%*s%s", w - sw, "", s);
	else if (last)
		fputs(s, fp);
	else
		fprintf(fp, "%s%*s", s, w - sw, "");
}

void table_print(table *t, FILE *fp, int width)
{
	int *w = xcalloc((size_t)t->ncols, sizeof *w);
	for (size_t r = 0; r < t->nrows; r++)
		for (int i = 0; i < t->ncols && !t->heading[r]; i++) {
			int cw = utf8_width(t->rows[r][i]);
			if (cw > w[i])
				w[i] = cw;
		}
	int total = 2 * (t->ncols - 1);
	for (int i = 0; i < t->ncols; i++)
		total += w[i];
	while (total > width) {
		int widest = -1;
		for (int i = 0; i < t->ncols; i++)
			if (t->shrink[i] == '+' && w[i] > 6 && (widest < 0 || w[i] > w[widest]))
				widest = i;
		if (widest < 0)
			break;
		w[widest]--;
		total--;
	}
	for (size_t r = 0; r < t->nrows; r++) {
		if (t->heading[r]) {
			put(fp, t->rows[r][0], width, 'l', 1);
			fputc('\n', fp);
			continue;
		}
		/* Trailing empty cells print nothing, so lines carry no trailing spaces. */
		int last = t->ncols - 1;
		while (last > 0 && !*t->rows[r][last])
			last--;
		for (int i = 0; i <= last; i++) {
			if (i)
				fputs("  ", fp);
			put(fp, t->rows[r][i], w[i], t->align[i], i == last);
		}
		fputc('\n', fp);
		if (r == 0) {
			for (int i = 0; i < total && i < width; i++)
				fputs("─", fp);
			fputc('\n', fp);
		}
	}
	free(w);
}

void table_free(table *t)
{
	if (!t)
		return;
	for (size_t r = 0; r < t->nrows; r++) {
		for (int i = 0; i < t->ncols; i++)
			free(t->rows[r][i]);
		free(t->rows[r]);
	}
	free(t->rows);
	free(t->heading);
	free(t->align);
	free(t->shrink);
	free(t);
}

int table_width(FILE *fp)
{
	const char *c = getenv("COLUMNS");
	int n = c ? atoi(c) : 0;
	if (n > 0)
		return n < 40 ? 40 : n;
	struct winsize ws;
	if (isatty(fileno(fp)))
		return ioctl(fileno(fp), TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40 ? ws.ws_col : 80;
	/* A file or a pipe: whoever reads it gets every name whole. */
	return INT_MAX;
}
