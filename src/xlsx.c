#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common.h"
#include "day.h"
#include "opc.h"
#include "xlsx.h"
#include "zipxml.h"

/* SpreadsheetML in its transitional and strict forms, and the
 * relationships namespace of r:id. */
enum { NS_MAIN, NS_REL };
static const zipxml_ns ns_list[] = {
	{ "http://schemas.openxmlformats.org/spreadsheetml/2006/main", NS_MAIN },
	{ "http://purl.oclc.org/ooxml/spreadsheetml/main", NS_MAIN },
	{ NULL, 0 },
};
static const char *const rel_uris[] = {
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
	"http://purl.oclc.org/ooxml/officeDocument/relationships",
};

struct sheet_ref {
	char *name, *member;
	int hidden;
};

struct xlsx {
	zipxml *z;
	struct sheet_ref *sheets;
	size_t nsheets;
	/* shared strings: one buffer, each string at its offset */
	char *strings;
	size_t *offsets, nstrings, cap_offsets, len, cap;
	unsigned char *date_style;	/* by cell format index: 1 a date or time */
	size_t nstyles;
	int date1904;
};

/* Text gathered from character data, growing as it comes. */
struct buf {
	char *s;
	size_t len, cap;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		while (b->len + n + 1 > b->cap)
			b->cap = b->cap ? b->cap * 2 : 64;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static const char *buf_text(struct buf *b)
{
	if (!b->s)
		buf_add(b, "", 0);
	return b->s;
}

int xlsx_is_zip(const char *path)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return 0;
	unsigned char magic[4] = { 0 };
	int yes = read(fd, magic, 4) == 4 && memcmp(magic, "PK\3\4", 4) == 0;
	close(fd);
	return yes;
}

char *xlsx_col_name(int col)
{
	char tmp[8];
	int n = 0;
	for (col++; col > 0 && n < 7; col = (col - 1) / 26)
		tmp[n++] = (char)('A' + (col - 1) % 26);
	char *s = xmalloc((size_t)n + 1);
	for (int i = 0; i < n; i++)
		s[i] = tmp[n - 1 - i];
	s[n] = '\0';
	return s;
}

/* "AB12" into its column (from 0) and row (from 1): 0, or -1 when it is
 * not a cell reference within Excel's grid. */
static int cell_ref(const char *ref, int *col, long *row)
{
	long c = 0, r = 0;
	const char *p = ref;
	for (; *p >= 'A' && *p <= 'Z'; p++)
		if ((c = c * 26 + (*p - 'A' + 1)) > 16384)
			return -1;
	if (p == ref || *p < '1' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++)
		if ((r = r * 10 + (*p - '0')) > 1048576)
			return -1;
	if (*p)
		return -1;
	*col = (int)c - 1;
	*row = r;
	return 0;
}

/* --- the workbook: its sheets --- */

struct book {
	xlsx *x;
	const opc_rel *rels;
	size_t nrels;
	char *why;
};

static const char *rel_id(const char **attrs)
{
	for (size_t i = 0; i < sizeof rel_uris / sizeof *rel_uris; i++) {
		const char *v = zipxml_attr(attrs, rel_uris[i], "id");
		if (v)
			return v;
	}
	return NULL;
}

static char *on_book_start(void *ctx, int ns, const char *name, const char **attrs)
{
	struct book *b = ctx;
	if (ns != NS_MAIN)
		return NULL;
	if (strcmp(name, "workbookPr") == 0) {
		const char *d = zipxml_attr(attrs, NULL, "date1904");
		b->x->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
		return NULL;
	}
	if (strcmp(name, "sheet") != 0)
		return NULL;
	const char *sheet_name = zipxml_attr(attrs, NULL, "name"), *id = rel_id(attrs);
	const char *state = zipxml_attr(attrs, NULL, "state");
	const char *member = NULL;
	for (size_t i = 0; id && i < b->nrels; i++)
		if (strcmp(b->rels[i].id, id) == 0)
			member = b->rels[i].target;
	/* A chart sheet or a dialog sheet has no cells: only worksheets count. */
	for (size_t i = 0; member && i < b->nrels; i++)
		if (strcmp(b->rels[i].id, id) == 0 && !strstr(b->rels[i].type, "/worksheet"))
			member = NULL;
	if (!member)
		return NULL;
	if (b->x->nsheets >= 1000)
		return xasprintf(_("%s has more than 1000 sheets: not a table orientir can read"), zipxml_path(b->x->z));
	b->x->sheets = xrealloc(b->x->sheets, (b->x->nsheets + 1) * sizeof *b->x->sheets);
	b->x->sheets[b->x->nsheets++] = (struct sheet_ref){ xstrdup(sheet_name ? sheet_name : "?"), xstrdup(member),
							    state && strcmp(state, "visible") != 0 };
	return NULL;
}

/* --- shared strings --- */

struct sst {
	xlsx *x;
	struct buf cur;
	int in_si, in_t, in_ph;
};

static char *on_sst_start(void *ctx, int ns, const char *name, const char **attrs)
{
	struct sst *s = ctx;
	(void)attrs;
	if (ns != NS_MAIN)
		return NULL;
	if (strcmp(name, "si") == 0) {
		s->in_si = 1;
		s->cur.len = 0;
		if (s->cur.s)
			s->cur.s[0] = '\0';
	} else if (strcmp(name, "rPh") == 0) {
		s->in_ph = 1;	/* a phonetic reading, not the text */
	} else if (strcmp(name, "t") == 0 && s->in_si && !s->in_ph) {
		s->in_t = 1;
	}
	return NULL;
}

static char *on_sst_end(void *ctx, int ns, const char *name)
{
	struct sst *s = ctx;
	xlsx *x = s->x;
	if (ns != NS_MAIN)
		return NULL;
	if (strcmp(name, "t") == 0) {
		s->in_t = 0;
	} else if (strcmp(name, "rPh") == 0) {
		s->in_ph = 0;
	} else if (strcmp(name, "si") == 0) {
		s->in_si = 0;
		if (x->nstrings >= XLSX_MAX_STRINGS)
			return xasprintf(_("%s holds more than %ld different texts: not a table orientir can read"),
					 zipxml_path(x->z), XLSX_MAX_STRINGS);
		if (x->nstrings == x->cap_offsets)
			x->offsets = xrealloc(x->offsets, (x->cap_offsets = x->cap_offsets ? x->cap_offsets * 2 : 256) *
							  sizeof *x->offsets);
		x->offsets[x->nstrings++] = x->len;
		const char *t = buf_text(&s->cur);
		size_t n = strlen(t) + 1;
		if (x->len + n > x->cap) {
			while (x->len + n > x->cap)
				x->cap = x->cap ? x->cap * 2 : 4096;
			x->strings = xrealloc(x->strings, x->cap);
		}
		memcpy(x->strings + x->len, t, n);
		x->len += n;
	}
	return NULL;
}

static char *on_sst_text(void *ctx, const char *text, int len)
{
	struct sst *s = ctx;
	if (s->in_t)
		buf_add(&s->cur, text, (size_t)len);
	return NULL;
}

/* --- styles: which cell formats show a date --- */

struct styles {
	xlsx *x;
	int *custom_ids;	/* custom number formats that are dates */
	size_t ncustom;
	int in_xfs;
};

/* Whether a number format's code shows a date or a time: d, m, y, h or s
 * outside quotes, brackets ([Red], [$-419]) and escaped characters. */
static int date_code(const char *code)
{
	for (const char *p = code; *p; p++) {
		if (*p == '"') {
			while (p[1] && p[1] != '"')
				p++;
			if (p[1])
				p++;
		} else if (*p == '[') {
			while (p[1] && p[1] != ']')
				p++;
			if (p[1])
				p++;
		} else if (*p == '\\' && p[1]) {
			p++;
		} else if (strchr("dmyhsDMYHS", *p)) {
			return 1;
		}
	}
	return 0;
}

/* Excel's own number formats that are dates and times. */
static int date_builtin(long id)
{
	return (id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

static char *on_style_start(void *ctx, int ns, const char *name, const char **attrs)
{
	struct styles *s = ctx;
	xlsx *x = s->x;
	if (ns != NS_MAIN)
		return NULL;
	if (strcmp(name, "numFmt") == 0) {
		const char *id = zipxml_attr(attrs, NULL, "numFmtId"), *code = zipxml_attr(attrs, NULL, "formatCode");
		if (id && code && date_code(code)) {
			s->custom_ids = xrealloc(s->custom_ids, (s->ncustom + 1) * sizeof *s->custom_ids);
			s->custom_ids[s->ncustom++] = atoi(id);
		}
	} else if (strcmp(name, "cellXfs") == 0) {
		s->in_xfs = 1;
	} else if (strcmp(name, "xf") == 0 && s->in_xfs) {
		if (x->nstyles >= 65536)
			return xasprintf(_("%s has more than 65536 cell formats: not a table orientir can read"),
					 zipxml_path(x->z));
		const char *v = zipxml_attr(attrs, NULL, "numFmtId");
		long id = v ? atol(v) : 0;
		int date = date_builtin(id);
		for (size_t i = 0; i < s->ncustom && !date; i++)
			date = s->custom_ids[i] == id;
		x->date_style = xrealloc(x->date_style, x->nstyles + 1);
		x->date_style[x->nstyles++] = (unsigned char)date;
	}
	return NULL;
}

static char *on_style_end(void *ctx, int ns, const char *name)
{
	struct styles *s = ctx;
	if (ns == NS_MAIN && strcmp(name, "cellXfs") == 0)
		s->in_xfs = 0;
	return NULL;
}

xlsx *xlsx_open(const char *path, char **err)
{
	*err = NULL;
	if (!xlsx_is_zip(path)) {
		zipxml *probe = zipxml_open(path, &zipxml_default_limits, err);
		if (probe) {
			zipxml_close(probe);
			*err = xasprintf(_("%s is not an Excel workbook (.xlsx)"), path);
		} else {
			free(*err);
			*err = access(path, R_OK) == 0 ? xasprintf(_("%s is not an Excel workbook (.xlsx)"), path)
						       : xasprintf(_("cannot read %s"), path);
		}
		return NULL;
	}
	zipxml *z = zipxml_open(path, &zipxml_default_limits, err);
	if (!z)
		return NULL;
	xlsx *x = xcalloc(1, sizeof *x);
	x->z = z;
	opc_rel *pkg = NULL, *rels = NULL;
	size_t npkg = 0, nrels = 0;
	const char *book = NULL;
	if (opc_rels(z, "", &pkg, &npkg, err) != 0)
		goto fail;
	book = opc_target(pkg, npkg, "/officeDocument");
	if (!book || strncmp(book, "xl/", 3) != 0) {
		*err = book && strncmp(book, "word/", 5) == 0
			? xasprintf(_("%s is a Word document, not an Excel workbook (.xlsx)"), path)
			: zipxml_has(z, "mimetype") ? xasprintf(_("%s is an OpenDocument file; save it from LibreOffice as"
								  " an Excel workbook (.xlsx) or as CSV"), path)
			: xasprintf(_("%s is a zip archive, but not an Excel workbook (.xlsx)"), path);
		goto fail;
	}
	if (opc_rels(z, book, &rels, &nrels, err) != 0)
		goto fail;
	struct book b = { x, rels, nrels, NULL };
	zipxml_handler hb = { ns_list, on_book_start, NULL, NULL, &b };
	int rc = zipxml_parse(z, book, &hb, err);
	if (rc == 1)
		*err = xasprintf(_("%s is damaged: its workbook part is missing"), path);
	if (rc != 0)
		goto fail;
	if (!x->nsheets) {
		*err = xasprintf(_("%s has no sheet of cells"), path);
		goto fail;
	}
	const char *strings = opc_target(rels, nrels, "/sharedStrings");
	if (strings) {
		struct sst s = { x, { 0 }, 0, 0, 0 };
		zipxml_handler hs = { ns_list, on_sst_start, on_sst_end, on_sst_text, &s };
		rc = zipxml_parse(z, strings, &hs, err);
		free(s.cur.s);
		if (rc < 0)
			goto fail;
	}
	const char *styles = opc_target(rels, nrels, "/styles");
	if (styles) {
		struct styles s = { x, NULL, 0, 0 };
		zipxml_handler hs = { ns_list, on_style_start, on_style_end, NULL, &s };
		rc = zipxml_parse(z, styles, &hs, err);
		free(s.custom_ids);
		if (rc < 0)
			goto fail;
	}
	opc_rels_free(pkg, npkg);
	opc_rels_free(rels, nrels);
	return x;
fail:
	opc_rels_free(pkg, npkg);
	opc_rels_free(rels, nrels);
	xlsx_close(x);
	return NULL;
}

void xlsx_close(xlsx *x)
{
	if (!x)
		return;
	for (size_t i = 0; i < x->nsheets; i++)
		free(x->sheets[i].name), free(x->sheets[i].member);
	free(x->sheets);
	free(x->strings);
	free(x->offsets);
	free(x->date_style);
	zipxml_close(x->z);
	free(x);
}

size_t xlsx_sheet_count(const xlsx *x)
{
	return x->nsheets;
}

const char *xlsx_sheet_name(const xlsx *x, size_t i)
{
	return x->sheets[i].name;
}

/* --- a sheet --- */

struct reading {
	xlsx *x;
	xlsx_sheet *out;
	const char *sheet;
	size_t cap_rows, cap_cells, cells;
	long row;		/* the row being read */
	int col;		/* the next cell's column, when it does not say */
	/* the cell being read */
	int in_c, in_v, in_f, in_is_t, in_rph, style, have_cell, has_f;
	char type[12];
	struct buf v, f;
	xlsx_cell cur;
	xlsx_row *open;		/* the row the cells go into, made at its first cell */
};

/* A serial day number of the workbook's calendar as a day. */
static char *serial_day(const xlsx *x, double serial)
{
	long n = (long)serial;
	long ymd;
	if (x->date1904)
		ymd = day_add(19040101, n);
	else if (n >= 61)
		ymd = day_add(18991230, n);
	else if (n >= 1)
		ymd = day_add(18991231, n);	/* Excel's 29.02.1900, which never was, lies between */
	else
		ymd = 18991231;
	return day_iso(ymd);
}

static char *where(const struct reading *r)
{
	return xasprintf(_("%s, sheet «%s»"), zipxml_path(r->x->z), r->sheet);
}

static char *damaged(const struct reading *r, const char *what)
{
	char *w = where(r), *s = xasprintf(_("%s is damaged: %s"), w, what);
	free(w);
	return s;
}

static char *on_sheet_start(void *ctx, int ns, const char *name, const char **attrs)
{
	struct reading *r = ctx;
	if (ns != NS_MAIN)
		return NULL;
	if (strcmp(name, "row") == 0) {
		const char *n = zipxml_attr(attrs, NULL, "r");
		long want = n ? atol(n) : r->row + 1;
		if (want <= r->row || want > 1048576)
			return damaged(r, _("its rows are out of order"));
		r->row = want;
		r->col = 0;
		r->open = NULL;
	} else if (strcmp(name, "c") == 0) {
		const char *ref = zipxml_attr(attrs, NULL, "r"), *t = zipxml_attr(attrs, NULL, "t");
		const char *s = zipxml_attr(attrs, NULL, "s");
		int col = r->col;
		long row = r->row;
		if (ref && cell_ref(ref, &col, &row) != 0)
			return damaged(r, _("a cell has no place on the sheet"));
		if (row != r->row || (r->open && r->open->ncells && col <= r->open->cells[r->open->ncells - 1].col))
			return damaged(r, _("its cells are out of order"));
		r->col = col + 1;
		r->in_c = 1;
		r->have_cell = r->has_f = 0;
		r->style = s ? atoi(s) : 0;
		snprintf(r->type, sizeof r->type, "%s", t ? t : "n");
		r->v.len = r->f.len = 0;
		if (r->v.s)
			r->v.s[0] = '\0';
		if (r->f.s)
			r->f.s[0] = '\0';
		r->cur = (xlsx_cell){ .col = col };
	} else if (r->in_c && strcmp(name, "v") == 0) {
		r->in_v = 1;
		r->have_cell = 1;
	} else if (r->in_c && strcmp(name, "f") == 0) {
		r->in_f = 1;
		r->have_cell = 1;
		r->has_f = 1;	/* a shared formula's follower has no text, but is one */
	} else if (r->in_c && strcmp(name, "rPh") == 0) {
		r->in_rph = 1;
	} else if (r->in_c && strcmp(name, "t") == 0 && !r->in_rph) {
		r->in_is_t = 1;
		r->have_cell = 1;
	} else if (strcmp(name, "mergeCell") == 0) {
		const char *ref = zipxml_attr(attrs, NULL, "ref");
		const char *colon = ref ? strchr(ref, ':') : NULL;
		xlsx_merge m;
		if (!colon)
			return NULL;
		char *a = xstrndup(ref, (size_t)(colon - ref));
		int ok = cell_ref(a, &m.c1, &m.r1) == 0 && cell_ref(colon + 1, &m.c2, &m.r2) == 0 && m.r1 <= m.r2 &&
			 m.c1 <= m.c2;
		free(a);
		if (!ok)
			return NULL;
		if (r->out->nmerges >= 100000)
			return damaged(r, _("it has more than 100000 merged ranges"));
		r->out->merges = xrealloc(r->out->merges, (r->out->nmerges + 1) * sizeof *r->out->merges);
		r->out->merges[r->out->nmerges++] = m;
	}
	return NULL;
}

/* The cell just read, as its type says. */
static char *finish_cell(struct reading *r)
{
	xlsx *x = r->x;
	xlsx_cell c = r->cur;
	const char *v = buf_text(&r->v);
	const char *t = r->type;
	if (strcmp(t, "s") == 0) {
		char *end;
		long i = strtol(v, &end, 10);
		if (end == v || *end || i < 0 || (size_t)i >= x->nstrings)
			return damaged(r, _("a cell names a text that is not there"));
		c.kind = XLSX_TEXT;
		c.text = xstrdup(x->strings + x->offsets[i]);
	} else if (strcmp(t, "inlineStr") == 0 || strcmp(t, "str") == 0) {
		c.kind = XLSX_TEXT;
		c.text = xstrdup(v);
	} else if (strcmp(t, "b") == 0) {
		c.kind = XLSX_BOOL;
		c.text = xstrdup(v);
	} else if (strcmp(t, "e") == 0) {
		c.kind = XLSX_ERROR;
		c.text = xstrdup(v);
	} else if (strcmp(t, "d") == 0) {
		c.kind = XLSX_DATE;	/* ISO 8601 written out: keep its day */
		c.text = xstrndup(v, strcspn(v, "T"));
	} else {
		char *end;
		double d = strtod(v, &end);
		int number = *v && !*end;
		if (*v && !number)
			return damaged(r, _("a number cell holds no number"));
		if (number && r->style >= 0 && (size_t)r->style < x->nstyles && x->date_style[r->style] && d >= 0 &&
		    d < 2958466) {
			c.kind = XLSX_DATE;
			c.text = serial_day(x, d);
		} else {
			c.kind = XLSX_NUMBER;
			c.text = xstrdup(v);
		}
	}
	if (r->has_f)
		c.formula = xstrdup(buf_text(&r->f));
	if (!*c.text && !c.formula) {
		free(c.text);
		return NULL;
	}
	xlsx_sheet *out = r->out;
	if (!r->open) {
		if ((long)out->nrows >= XLSX_MAX_ROWS) {
			free(c.text), free(c.formula);
			char *w = where(r), *s = xasprintf(_("%s has more than %ld filled rows; a table of a school is far"
							     " smaller (a sheet filled down to its end?)"), w, XLSX_MAX_ROWS);
			free(w);
			return s;
		}
		if (out->nrows == r->cap_rows)
			out->rows = xrealloc(out->rows, (r->cap_rows = r->cap_rows ? r->cap_rows * 2 : 64) * sizeof *out->rows);
		r->open = &out->rows[out->nrows++];
		*r->open = (xlsx_row){ .r = r->row };
		r->cap_cells = 0;
	}
	if (++r->cells > XLSX_MAX_CELLS) {
		free(c.text), free(c.formula);
		char *w = where(r), *s = xasprintf(_("%s has more than %ld filled cells: not a table orientir can read"),
						   w, XLSX_MAX_CELLS);
		free(w);
		return s;
	}
	xlsx_row *row = r->open;
	if (row->ncells == r->cap_cells)
		row->cells = xrealloc(row->cells, (r->cap_cells = r->cap_cells ? r->cap_cells * 2 : 4) * sizeof *row->cells);
	row->cells[row->ncells++] = c;
	return NULL;
}

static char *on_sheet_end(void *ctx, int ns, const char *name)
{
	struct reading *r = ctx;
	if (ns != NS_MAIN)
		return NULL;
	if (strcmp(name, "c") == 0) {
		r->in_c = 0;
		if (r->have_cell)
			return finish_cell(r);
	} else if (strcmp(name, "v") == 0) {
		r->in_v = 0;
	} else if (strcmp(name, "f") == 0) {
		r->in_f = 0;
	} else if (strcmp(name, "t") == 0) {
		r->in_is_t = 0;
	} else if (strcmp(name, "rPh") == 0) {
		r->in_rph = 0;
	} else if (strcmp(name, "row") == 0) {
		r->open = NULL;
	}
	return NULL;
}

static char *on_sheet_text(void *ctx, const char *text, int len)
{
	struct reading *r = ctx;
	if (r->in_v || r->in_is_t)
		buf_add(&r->v, text, (size_t)len);
	else if (r->in_f)
		buf_add(&r->f, text, (size_t)len);
	return NULL;
}

int xlsx_sheet_read(xlsx *x, size_t i, xlsx_sheet *out, char **err)
{
	*out = (xlsx_sheet){ .name = xstrdup(x->sheets[i].name), .hidden = x->sheets[i].hidden };
	struct reading r = { .x = x, .out = out, .sheet = x->sheets[i].name };
	zipxml_handler h = { ns_list, on_sheet_start, on_sheet_end, on_sheet_text, &r };
	int rc = zipxml_parse(x->z, x->sheets[i].member, &h, err);
	free(r.v.s);
	free(r.f.s);
	if (rc == 1) {
		*err = damaged(&r, _("the sheet's part is missing"));
		rc = -1;
	}
	if (rc != 0) {
		xlsx_sheet_free(out);
		return -1;
	}
	return 0;
}

void xlsx_sheet_free(xlsx_sheet *s)
{
	for (size_t i = 0; i < s->nrows; i++) {
		for (size_t k = 0; k < s->rows[i].ncells; k++)
			free(s->rows[i].cells[k].text), free(s->rows[i].cells[k].formula);
		free(s->rows[i].cells);
	}
	free(s->rows);
	free(s->merges);
	free(s->name);
	*s = (xlsx_sheet){ 0 };
}
