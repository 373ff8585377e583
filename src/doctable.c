#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "doctable.h"
#include "opc.h"

/* A table being read, innermost last. */
struct open_table {
	size_t index;		/* into doc->tables */
	int in_row, in_cell, merge_up;
	int col;		/* the next grid column of the open row */
	dt_cell cur;		/* the cell being read */
};

struct dt_build {
	doctable *doc;
	struct open_table *open;
	size_t depth, cap;
	size_t outermost;	/* outermost tables begun */
	char *para;		/* the paragraph being read */
	size_t plen, pcap;
	long cells;
};

dt_build *dt_build_new(doctable *out)
{
	*out = (doctable){ 0 };
	dt_build *b = xcalloc(1, sizeof *b);
	b->doc = out;
	return b;
}

static void free_lines(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void dt_build_free(dt_build *b)
{
	for (size_t i = 0; i < b->depth; i++)
		free_lines(b->open[i].cur.lines, b->open[i].cur.nlines);
	free(b->open);
	free(b->para);
	free(b);
}

void dt_text(dt_build *b, const char *s, size_t len)
{
	if (b->plen + len + 1 > b->pcap) {
		b->pcap = (b->plen + len + 1) * 2;
		b->para = xrealloc(b->para, b->pcap);
	}
	memcpy(b->para + b->plen, s, len);
	b->plen += len;
	b->para[b->plen] = '\0';
}

/* The length of the space (ASCII or no-break) at p, before end; 0 for none. */
static int space_at(const unsigned char *p, const unsigned char *end)
{
	if (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		return 1;
	return end - p >= 2 && p[0] == 0xC2 && p[1] == 0xA0 ? 2 : 0;
}

/* s without the spaces around it, tabs and line ends inside it made spaces
 * (fresh). */
static char *tidy(const char *s, size_t len)
{
	const unsigned char *a = (const unsigned char *)s, *e = a + len;
	int k;
	while ((k = space_at(a, e)) > 0)
		a += k;
	while (e > a && (space_at(e - 1, e) == 1 || (e - a >= 2 && space_at(e - 2, e) == 2)))
		e -= space_at(e - 1, e) == 1 ? 1 : 2;
	char *t = xstrndup((const char *)a, (size_t)(e - a));
	for (char *c = t; *c; c++)
		if (*c == '\t' || *c == '\r' || *c == '\n')
			*c = ' ';
	return t;
}

static void push_line(char ***v, size_t *n, const char *line)
{
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = xstrdup(line);
}

void dt_line_end(dt_build *b, const char *prefix)
{
	char *text = tidy(b->para ? b->para : "", b->plen), *line = text;
	b->plen = 0;
	if (prefix && *prefix)
		line = *text ? xasprintf("%s %s", prefix, text) : xstrdup(prefix);
	if (*line) {
		struct open_table *o = b->depth ? &b->open[b->depth - 1] : NULL;
		if (o && o->in_cell) {
			push_line(&o->cur.lines, &o->cur.nlines, line);
		} else if (!o) {
			doctable *d = b->doc;
			d->paras = xrealloc(d->paras, (d->nparas + 1) * sizeof *d->paras);
			d->paras[d->nparas++] = (dt_para){ xstrdup(line), b->outermost };
		}
		/* Text in a table but outside its cells is not shown by Word
		 * either. */
	}
	if (line != text)
		free(line);
	free(text);
}

void dt_table_begin(dt_build *b)
{
	if (b->plen)
		dt_line_end(b, NULL);
	doctable *d = b->doc;
	d->tables = xrealloc(d->tables, (d->ntables + 1) * sizeof *d->tables);
	d->tables[d->ntables] = (dt_table){ .nested = b->depth > 0 };
	if (b->depth == b->cap)
		b->open = xrealloc(b->open, (b->cap = b->cap * 2 + 4) * sizeof *b->open);
	b->open[b->depth++] = (struct open_table){ .index = d->ntables++ };
	if (b->depth == 1)
		b->outermost++;
}

void dt_table_end(dt_build *b)
{
	if (!b->depth)
		return;
	if (b->open[b->depth - 1].in_cell)
		dt_cell_end(b);
	b->depth--;
}

void dt_row_begin(dt_build *b, int header, int skip)
{
	if (!b->depth)
		return;
	struct open_table *o = &b->open[b->depth - 1];
	if (o->in_cell)
		dt_cell_end(b);
	dt_table *t = &b->doc->tables[o->index];
	t->rows = xrealloc(t->rows, (t->nrows + 1) * sizeof *t->rows);
	t->rows[t->nrows++] = (dt_row){ .header = header };
	o->in_row = 1;
	o->col = skip > 0 ? skip : 0;
}

void dt_row_end(dt_build *b)
{
	if (!b->depth)
		return;
	struct open_table *o = &b->open[b->depth - 1];
	if (o->in_cell)
		dt_cell_end(b);
	o->in_row = 0;
}

char *dt_cell_begin(dt_build *b, int colspan, int rowspan, int merge_up)
{
	if (!b->depth)
		return NULL;
	struct open_table *o = &b->open[b->depth - 1];
	if (!o->in_row)
		dt_row_begin(b, 0, 0);
	if (o->in_cell)
		dt_cell_end(b);
	if (++b->cells > DOCTABLE_MAX_CELLS)
		return xasprintf(_("the document has more than %ld table cells: not a document orientir can read"),
				 DOCTABLE_MAX_CELLS);
	o->cur = (dt_cell){ .col = o->col, .colspan = colspan > 0 ? colspan : 1, .rowspan = rowspan > 0 ? rowspan : 1 };
	o->in_cell = 1;
	o->merge_up = merge_up;
	return NULL;
}

/* The cell of t starting above row r that reaches down to it at col, or NULL. */
static dt_cell *cell_above(dt_table *t, size_t r, int col)
{
	for (size_t up = r; up-- > 0;) {
		dt_row *row = &t->rows[up];
		for (size_t i = 0; i < row->ncells; i++) {
			dt_cell *c = &row->cells[i];
			if (c->col <= col && col < c->col + c->colspan)
				return up + (size_t)c->rowspan == r ? c : NULL;
		}
	}
	return NULL;
}

void dt_cell_end(dt_build *b)
{
	if (!b->depth || !b->open[b->depth - 1].in_cell)
		return;
	struct open_table *o = &b->open[b->depth - 1];
	if (b->plen)
		dt_line_end(b, NULL);
	o->in_cell = 0;
	dt_table *t = &b->doc->tables[o->index];
	dt_row *row = &t->rows[t->nrows - 1];
	dt_cell *above = o->merge_up ? cell_above(t, t->nrows - 1, o->col) : NULL;
	o->col += o->cur.colspan;
	if (above) {
		/* Word keeps nothing in the cells a merge continues into. */
		above->rowspan++;
		free_lines(o->cur.lines, o->cur.nlines);
	} else {
		/* A nested table's text belongs to the cell it sits in, too. */
		if (b->depth > 1 && b->open[b->depth - 2].in_cell)
			for (size_t i = 0; i < o->cur.nlines; i++)
				push_line(&b->open[b->depth - 2].cur.lines, &b->open[b->depth - 2].cur.nlines, o->cur.lines[i]);
		row->cells = xrealloc(row->cells, (row->ncells + 1) * sizeof *row->cells);
		row->cells[row->ncells++] = o->cur;
		if (o->col > t->ncols)
			t->ncols = o->col;
	}
	o->cur = (dt_cell){ 0 };
}

void dt_cell_skip(dt_build *b, int n)
{
	if (b->depth && n > 0)
		b->open[b->depth - 1].col += n;
}

dt_slot *doctable_grid(const dt_table *t)
{
	size_t w = (size_t)t->ncols;
	dt_slot *g = xcalloc(t->nrows * w + 1, sizeof *g);
	for (size_t r = 0; r < t->nrows; r++) {
		const dt_row *row = &t->rows[r];
		for (size_t i = 0; i < row->ncells; i++) {
			const dt_cell *c = &row->cells[i];
			for (size_t rr = r; rr < r + (size_t)c->rowspan && rr < t->nrows; rr++)
				for (int cc = c->col; cc < c->col + c->colspan && cc < t->ncols; cc++)
					if (!g[rr * w + (size_t)cc].cell)
						g[rr * w + (size_t)cc] = (dt_slot){ c, r };
		}
	}
	return g;
}

char *dt_number_text(const char *format, long n)
{
	static const char *const ru[] = { "а", "б", "в", "г", "д", "е", "ж", "з", "и", "к", "л", "м", "н", "о",
					  "п", "р", "с", "т", "у", "ф", "х", "ц", "ч", "ш", "щ", "э", "ю", "я" };
	static const char *const ru_up[] = { "А", "Б", "В", "Г", "Д", "Е", "Ж", "З", "И", "К", "Л", "М", "Н", "О",
					     "П", "Р", "С", "Т", "У", "Ф", "Х", "Ц", "Ч", "Ш", "Щ", "Э", "Ю", "Я" };
	if (!format || n < 1 || n > 100000)
		return xasprintf("%ld", n);
	int lower = strcmp(format, "lowerLetter") == 0 || strcmp(format, "a") == 0;
	int upper = strcmp(format, "upperLetter") == 0 || strcmp(format, "A") == 0;
	int rl = strcmp(format, "russianLower") == 0 || strcmp(format, "а") == 0;
	int ru_u = strcmp(format, "russianUpper") == 0 || strcmp(format, "А") == 0;
	if (lower || upper || rl || ru_u) {
		/* a … z, then aa, bb …, as Word counts on. */
		long base = rl || ru_u ? 28 : 26;
		long k = (n - 1) / base + 1, i = (n - 1) % base;
		char one[8];
		if (rl || ru_u)
			snprintf(one, sizeof one, "%s", (rl ? ru : ru_up)[i]);
		else
			snprintf(one, sizeof one, "%c", (char)((lower ? 'a' : 'A') + i));
		char *s = xmalloc(k * strlen(one) + 1);
		*s = '\0';
		for (long j = 0; j < k && j < 20; j++)
			strcat(s, one);
		return s;
	}
	int rlow = strcmp(format, "lowerRoman") == 0 || strcmp(format, "i") == 0;
	if (rlow || strcmp(format, "upperRoman") == 0 || strcmp(format, "I") == 0) {
		static const struct { int v; const char *up, *low; } r[] = {
			{ 1000, "M", "m" }, { 900, "CM", "cm" }, { 500, "D", "d" }, { 400, "CD", "cd" }, { 100, "C", "c" },
			{ 90, "XC", "xc" }, { 50, "L", "l" }, { 40, "XL", "xl" }, { 10, "X", "x" }, { 9, "IX", "ix" },
			{ 5, "V", "v" }, { 4, "IV", "iv" }, { 1, "I", "i" },
		};
		char buf[64] = "";
		long v = n > 3999 ? 3999 : n;
		for (size_t i = 0; i < sizeof r / sizeof *r; i++)
			while (v >= r[i].v) {
				strcat(buf, rlow ? r[i].low : r[i].up);
				v -= r[i].v;
			}
		return xstrdup(buf);
	}
	return xasprintf("%ld", n);
}

/* What kind of OpenDocument or OOXML package z is. */
static enum doctable_format package_kind(zipxml *z, char **what, char **err)
{
	char *mime = NULL;
	size_t len;
	*what = NULL;
	int rc = zipxml_read(z, "mimetype", 256, &mime, &len, err);
	if (rc < 0)
		return DOCTABLE_OTHER_ZIP;
	if (rc == 0) {
		static const char odf[] = "application/vnd.oasis.opendocument.";
		enum doctable_format f = DOCTABLE_OTHER_ZIP;
		if (strncmp(mime, odf, strlen(odf)) == 0 && strncmp(mime + strlen(odf), "text", 4) == 0)
			f = DOCTABLE_ODT;
		else if (strncmp(mime, odf, strlen(odf)) == 0 && strncmp(mime + strlen(odf), "spreadsheet", 11) == 0)
			*what = xstrdup(_("an OpenDocument spreadsheet (.ods)"));
		free(mime);
		return f;
	}
	opc_rel *rels;
	size_t n;
	if (!zipxml_has(z, "[Content_Types].xml") || opc_rels(z, "", &rels, &n, err) != 0)
		return DOCTABLE_OTHER_ZIP;
	const char *main = opc_target(rels, n, "/officeDocument");
	enum doctable_format f = DOCTABLE_OTHER_ZIP;
	if (main && strncmp(main, "word/", 5) == 0)
		f = DOCTABLE_DOCX;
	else if (main && strncmp(main, "xl/", 3) == 0)
		*what = xstrdup(_("an Excel workbook (.xlsx)"));
	else if (main && strncmp(main, "ppt/", 4) == 0)
		*what = xstrdup(_("a PowerPoint presentation (.pptx)"));
	opc_rels_free(rels, n);
	return f;
}

int doctable_read(const char *path, const zipxml_limits *lim, doctable *out, enum doctable_format *format,
		  char **err)
{
	*out = (doctable){ 0 };
	*err = NULL;
	zipxml *z = zipxml_open(path, lim, err);
	if (!z) {
		*format = DOCTABLE_NOT_ZIP;
		return -1;
	}
	char *what = NULL;
	*format = package_kind(z, &what, err);
	int rc = -1;
	if (*err) {
		/* told already */
	} else if (*format == DOCTABLE_OTHER_ZIP) {
		*err = what ? xasprintf(_("%s is %s, not a text document (.docx or .odt)"), path, what)
			    : xasprintf(_("%s is a zip archive, but not a .docx or .odt document"), path);
	} else {
		dt_build *b = dt_build_new(out);
		rc = *format == DOCTABLE_DOCX ? doctable_read_docx(z, b, err) : doctable_read_odt(z, b, err);
		dt_build_free(b);
	}
	free(what);
	zipxml_close(z);
	if (rc != 0)
		doctable_free(out);
	return rc;
}

void doctable_free(doctable *d)
{
	for (size_t i = 0; i < d->ntables; i++) {
		dt_table *t = &d->tables[i];
		for (size_t r = 0; r < t->nrows; r++) {
			for (size_t c = 0; c < t->rows[r].ncells; c++)
				free_lines(t->rows[r].cells[c].lines, t->rows[r].cells[c].nlines);
			free(t->rows[r].cells);
		}
		free(t->rows);
	}
	free(d->tables);
	for (size_t i = 0; i < d->nparas; i++)
		free(d->paras[i].text);
	free(d->paras);
	*d = (doctable){ 0 };
}
