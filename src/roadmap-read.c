#include "config.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cell.h"
#include "common.h"
#include "csvin.h"
#include "doctable.h"
#include "roadmap-preamble.h"
#include "roadmap-read.h"
#include "roadmap-table.h"

const char *roadmap_col_title(int col)
{
	switch (col) {
	case RM_NUMBER: return _("the number");
	case RM_TITLE: return _("the activity");
	case RM_DEADLINE: return _("the deadline");
	case RM_RESP: return _("the responsible");
	case RM_EXPECTED: return _("the expected result");
	case RM_SECTION: return _("the section");
	}
	return "?";
}

int roadmap_read_years(const char *text, int *first_year, int *last_year)
{
	char *end;
	long a = strtol(text, &end, 10), b = a;
	if (end == text)
		return -1;
	if (*end == '-') {
		const char *s = end + 1;
		b = strtol(s, &end, 10);
		if (end == s)
			return -1;
	}
	if (*end || a < 2000 || b > 2100 || a > b)
		return -1;
	*first_year = (int)a;
	*last_year = (int)b;
	return 0;
}

/* The row orientir writes first: 1 when r is one (its years and title then
 * go into t), 0 when not. */
static int marker_row(const csvin_row *r, rm_table *t)
{
	char *c = r->ncells ? cell_trim(r->cells[0]) : xstrdup("");
	int yes = strcmp(c, ROADMAP_FORMAT) == 0;
	free(c);
	if (!yes)
		return 0;
	if (r->ncells > 1) {
		char *years = cell_trim(r->cells[1]);
		if (roadmap_read_years(years, &t->first_year, &t->last_year) == 0)
			t->years_from = RM_FROM_MARKER;
		else
			t->first_year = t->last_year = 0;
		free(years);
	}
	free(t->title);
	t->title = cell_trim(r->ncells > 2 && r->cells[2] ? r->cells[2] : "");
	t->title_from = *t->title ? RM_FROM_MARKER : RM_FROM_NONE;
	return 1;
}

/* --- rows from a CSV file or from a document --- */

struct rows {
	rm_row *v;
	size_t n;
};

/* A new row of ncells empty cells at the end of rs. */
static rm_row *add_row(struct rows *rs, rm_where where, size_t ncells)
{
	rs->v = xrealloc(rs->v, (rs->n + 1) * sizeof *rs->v);
	rm_row *r = &rs->v[rs->n++];
	*r = (rm_row){ where, xcalloc(ncells + 1, sizeof *r->cells), ncells, 0, 0 };
	return r;
}

static void rows_free(struct rows *rs)
{
	for (size_t i = 0; i < rs->n; i++) {
		for (size_t c = 0; c < rs->v[i].ncells; c++)
			free(rs->v[i].cells[c].text);
		free(rs->v[i].cells);
	}
	free(rs->v);
}

/* The CSV file's rows (its first, when it is orientir's row of years and
 * title, into t): 0, or -1 told to d. */
static int csv_rows(const char *path, rm_table *t, struct rows *rs, diag *d)
{
	char *err = NULL;
	csvin *in = csvin_open(path, &err);
	if (!in) {
		diag_report(d, DIAG_ERROR, NULL, 0, "%s", err);
		free(err);
		return -1;
	}
	csvin_row *r;
	int got, first = 1;
	while ((got = csvin_next(in, &r, &err)) == 1) {
		if (first && marker_row(r, t)) {
			first = 0;
			continue;
		}
		first = 0;
		rm_row *row = add_row(rs, (rm_where){ 0, r->line }, r->ncells);
		for (size_t i = 0; i < r->ncells; i++)
			row->cells[i].text = xstrdup(r->cells[i] ? r->cells[i] : "");
	}
	csvin_close(in);
	if (got < 0) {
		diag_report(d, DIAG_ERROR, NULL, 0, "%s", err);
		free(err);
		return -1;
	}
	return 0;
}

/* The cell's lines joined by line ends (fresh). */
static char *joined(const dt_cell *c)
{
	size_t len = 1;
	for (size_t i = 0; i < c->nlines; i++)
		len += strlen(c->lines[i]) + 1;
	char *s = xmalloc(len);
	*s = '\0';
	for (size_t i = 0; i < c->nlines; i++) {
		if (i)
			strcat(s, "\n");
		strcat(s, c->lines[i]);
	}
	return s;
}

/* Table k (from 1) of the document as rows of its grid: a cell merged
 * down gives each of its rows its text, marked so; a cell merged across
 * is in its first column. */
static void table_rows(const dt_table *tb, int k, struct rows *rs)
{
	dt_slot *g = doctable_grid(tb);
	size_t w = (size_t)tb->ncols;
	for (size_t r = 0; r < tb->nrows; r++) {
		rm_row *row = add_row(rs, (rm_where){ k, (long)r + 1 }, w);
		row->nested = tb->nested;
		for (size_t c = 0; c < w; c++) {
			const dt_slot *s = &g[r * w + c];
			rm_cell *cell = &row->cells[c];
			if (!s->cell || s->cell->col != (int)c) {
				cell->text = xstrdup("");
				continue;
			}
			cell->text = joined(s->cell);
			cell->from_above = s->row != r;
			cell->merge = s->cell->rowspan > 1 ? (long)(intptr_t)s->cell : 0;
		}
	}
	free(g);
}

/* A paragraph outside the tables as a one-cell row. */
static void para_row(struct rows *rs, const dt_para *p, int after_table)
{
	rm_row *row = add_row(rs, (rm_where){ after_table, 0 }, 1);
	row->cells[0].text = xstrdup(p->text);
	row->para = 1;
}

/* The document's tables and the paragraphs around them, in order. */
static void doc_rows(const doctable *doc, struct rows *rs)
{
	size_t outer = 0, p = 0;
	int last = 0;
	for (size_t k = 0; k < doc->ntables; k++) {
		if (!doc->tables[k].nested) {
			for (; p < doc->nparas && doc->paras[p].tables_before <= outer; p++)
				para_row(rs, &doc->paras[p], last);
			outer++;
		}
		table_rows(&doc->tables[k], (int)k + 1, rs);
		last = (int)k + 1;
	}
	for (; p < doc->nparas; p++)
		para_row(rs, &doc->paras[p], last);
}

/* What the file's first bytes say it is. */
enum kind { K_TEXT, K_ZIP, K_OLE, K_PDF, K_RTF, K_UNREADABLE };

static enum kind sniff(const char *path)
{
	unsigned char b[8] = { 0 };
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return K_UNREADABLE;
	ssize_t n = read(fd, b, sizeof b);
	close(fd);
	if (n >= 4 && b[0] == 'P' && b[1] == 'K' && (b[2] == 3 || b[2] == 5 || b[2] == 7) && b[3] == b[2] + 1)
		return K_ZIP;
	if (n == 8 && memcmp(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
		return K_OLE;
	if (n >= 4 && memcmp(b, "%PDF", 4) == 0)
		return K_PDF;
	if (n >= 5 && memcmp(b, "{\\rtf", 5) == 0)
		return K_RTF;
	return K_TEXT;
}

static int ends_with(const char *s, const char *tail)
{
	size_t a = strlen(s), b = strlen(tail);
	if (a < b)
		return 0;
	for (size_t i = 0; i < b; i++)
		if ((s[a - b + i] | 0x20) != tail[i])
			return 0;
	return 1;
}

int roadmap_read(const char *path, rm_table *t, diag *d)
{
	*t = (rm_table){ .preamble = xstrdup("") };
	struct rows rs = { 0 };
	enum kind k = sniff(path);
	int rc = -1;
	if (k == K_OLE) {
		diag_report(d, DIAG_ERROR, path, 0,
			    _("this is an old Word or Excel file (.doc, .xls), which orientir cannot read: open it in Word "
			      "or LibreOffice and save it as .docx or .odt, or copy the plan's table into a spreadsheet "
			      "and save it as CSV"));
	} else if (k == K_PDF) {
		diag_report(d, DIAG_ERROR, path, 0,
			    _("this is a PDF, from which orientir cannot take a table: ask the district for the order as "
			      ".docx or .odt, or copy the plan's table into a spreadsheet and save it as CSV"));
	} else if (k == K_RTF) {
		diag_report(d, DIAG_ERROR, path, 0,
			    _("this is an RTF document, which orientir cannot read: open it in Word or LibreOffice and "
			      "save it as .docx or .odt, or copy the plan's table into a spreadsheet and save it as CSV"));
	} else if (k != K_ZIP && (ends_with(path, ".docx") || ends_with(path, ".odt"))) {
		diag_report(d, DIAG_ERROR, path, 0,
			    _("this is not a .docx or .odt document inside, whatever its name: it is damaged, or another "
			      "kind of file renamed; open it in Word or LibreOffice and save it again"));
	} else if (k == K_ZIP) {
		doctable doc;
		enum doctable_format f;
		char *err = NULL;
		if (doctable_read(path, &zipxml_default_limits, &doc, &f, &err) != 0) {
			diag_report(d, DIAG_ERROR, NULL, 0, "%s", err);
			free(err);
		} else {
			t->format = f == DOCTABLE_ODT ? RM_ODT : RM_DOCX;
			doc_rows(&doc, &rs);
			doctable_free(&doc);
			rc = 0;
		}
	} else {
		rc = csv_rows(path, t, &rs, d);
	}
	if (rc == 0)
		rc = rm_recognise(rs.v, rs.n, path, t, d);
	rows_free(&rs);
	if (rc == 0)
		rm_preamble_read(t);
	return rc;
}

void rm_table_free(rm_table *t)
{
	for (size_t i = 0; i < t->nsections; i++) {
		free(t->sections[i].number);
		free(t->sections[i].title);
		free(t->sections[i].notes);
	}
	for (size_t i = 0; i < t->nacts; i++) {
		rm_activity *a = &t->acts[i];
		free(a->number), free(a->title), free(a->deadline), free(a->responsible), free(a->expected);
	}
	for (int c = 0; c < RM_NCOLS; c++)
		free(t->col_header[c]);
	for (size_t i = 0; i < t->nunused; i++)
		free(t->unused[i].header), free(t->unused[i].taken);
	for (size_t i = 0; i < t->nskipped; i++)
		free(t->skipped[i].lacks);
	for (size_t i = 0; i < t->nsplits; i++) {
		for (size_t j = 0; j < t->splits[i].n; j++)
			free(t->splits[i].numbers[j]);
		free(t->splits[i].numbers);
		free(t->splits[i].number);
	}
	free(t->sections), free(t->acts), free(t->unused), free(t->skipped), free(t->splits), free(t->plan_tables);
	free(t->preamble), free(t->title), free(t->order_number), free(t->order_date);
	*t = (rm_table){ 0 };
}
