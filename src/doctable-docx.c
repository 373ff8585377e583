/* Word's .docx (Office Open XML, transitional or strict) into the table
 * model: w:tbl, w:tr, w:tc with w:gridSpan, w:vMerge and w:gridBefore,
 * rows marked w:tblHeader, nested tables; w:p paragraphs with their list
 * numbers (numbering.xml, directly or through the paragraph's style),
 * w:br and w:cr as line breaks, w:tab as a space; insertions kept and
 * deletions dropped (w:ins, w:del, w:moveTo, w:moveFrom); content controls,
 * smart tags, hyperlinks and fields read through; the old formatting of
 * tracked changes and the fallback copies of drawings left out. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "doctable.h"
#include "opc.h"

enum { NS_W, NS_MC };
static const zipxml_ns ns_list[] = {
	{ "http://schemas.openxmlformats.org/wordprocessingml/2006/main", NS_W },
	{ "http://purl.oclc.org/ooxml/wordprocessingml/main", NS_W },
	{ "http://schemas.openxmlformats.org/markup-compatibility/2006", NS_MC },
	{ NULL, 0 },
};

/* A w: attribute, in either form of the namespace. */
static const char *wattr(const char **attrs, const char *local)
{
	const char *v = zipxml_attr(attrs, ns_list[0].uri, local);
	return v ? v : zipxml_attr(attrs, ns_list[1].uri, local);
}

/* On unless val says off (an absent w:val is on). */
static int on(const char *val)
{
	return !val || !(strcmp(val, "0") == 0 || strcmp(val, "false") == 0 || strcmp(val, "off") == 0);
}

static int number(const char *val, int dflt)
{
	if (!val)
		return dflt;
	char *end;
	long v = strtol(val, &end, 10);
	return end == val || v < -100000 || v > 100000 ? dflt : (int)v;
}

/* --- numbering.xml: list levels and the numbers they have reached --- */

#define LEVELS 9

struct level {
	char *format, *text;	/* w:numFmt, w:lvlText */
	int start;
};

struct abstract {
	char *id;
	struct level lvl[LEVELS];
	long count[LEVELS];
	int started[LEVELS];
};

struct num {
	char *id;
	long abstract;		/* index, -1 when unknown */
	char *abstract_id;
	int override[LEVELS];	/* w:startOverride, -1 for none */
	int used[LEVELS];
};

struct style {
	char *id, *based_on, *num_id;
	int ilvl;		/* -1: not set */
};

struct docx {
	dt_build *b;
	struct abstract *abs;
	size_t nabs;
	struct num *nums;
	size_t nnums;
	struct style *styles;
	size_t nstyles;
	/* while reading numbering.xml or styles.xml */
	int cur_level;
	/* while reading document.xml */
	int depth;		/* elements open */
	int skip;		/* the depth of an element whose content is left out, or 0 */
	int run;		/* the depth of the open w:r, or 0 */
	struct tc {
		int depth;	/* of its w:tc */
		int pending;	/* not begun: its properties are still being read */
		int span, merge;	/* w:gridSpan; 1 vertical merge goes on, 2 a legacy horizontal one */
	} tcs[128];		/* the open cells, innermost last (the depth limit bounds them) */
	int ntc;
	int tc_props;		/* inside w:tcPr */
	int row_pending, before, header;
	int paras;		/* paragraphs open (a text box's inside another's) */
	char *p_style, *p_num;	/* the open paragraph's style and list */
	int p_level;
};

/* numbering.xml: each abstract list's levels (start, format, text),
 * each list instance's abstract list and restarts. */
static char *on_num_start(void *ctx, int ns, const char *name, const char **attrs)
{
	struct docx *x = ctx;
	if (ns != NS_W)
		return NULL;
	const char *val = wattr(attrs, "val");
	if (strcmp(name, "abstractNum") == 0) {
		x->abs = xrealloc(x->abs, (x->nabs + 1) * sizeof *x->abs);
		x->abs[x->nabs++] = (struct abstract){ .id = xstrdup(wattr(attrs, "abstractNumId") ? wattr(attrs, "abstractNumId") : "") };
		x->cur_level = -1;
	} else if (strcmp(name, "num") == 0) {
		x->nums = xrealloc(x->nums, (x->nnums + 1) * sizeof *x->nums);
		struct num *n = &x->nums[x->nnums++];
		*n = (struct num){ .id = xstrdup(wattr(attrs, "numId") ? wattr(attrs, "numId") : ""), .abstract = -1 };
		for (int i = 0; i < LEVELS; i++)
			n->override[i] = -1;
		x->cur_level = -1;
	} else if (strcmp(name, "lvl") == 0 || strcmp(name, "lvlOverride") == 0) {
		int l = number(wattr(attrs, "ilvl"), -1);
		x->cur_level = l >= 0 && l < LEVELS ? l : -1;
	} else if (x->cur_level >= 0 && x->nums && strcmp(name, "startOverride") == 0) {
		x->nums[x->nnums - 1].override[x->cur_level] = number(val, 0);
	} else if (x->cur_level >= 0 && x->nabs) {
		struct level *lv = &x->abs[x->nabs - 1].lvl[x->cur_level];
		if (strcmp(name, "start") == 0)
			lv->start = number(val, 0);
		else if (strcmp(name, "numFmt") == 0 && val && !lv->format)
			lv->format = xstrdup(val);
		else if (strcmp(name, "lvlText") == 0 && val && !lv->text)
			lv->text = xstrdup(val);
	}
	if (strcmp(name, "abstractNumId") == 0 && x->nnums && !x->nums[x->nnums - 1].abstract_id && val)
		x->nums[x->nnums - 1].abstract_id = xstrdup(val);
	return NULL;
}

static char *on_num_end(void *ctx, int ns, const char *name)
{
	struct docx *x = ctx;
	if (ns == NS_W && (strcmp(name, "lvl") == 0 || strcmp(name, "lvlOverride") == 0 ||
			   strcmp(name, "abstractNum") == 0 || strcmp(name, "num") == 0))
		x->cur_level = -1;
	return NULL;
}

/* styles.xml: each paragraph style's list and the style it is based on. */
static char *on_style_start(void *ctx, int ns, const char *name, const char **attrs)
{
	struct docx *x = ctx;
	if (ns != NS_W)
		return NULL;
	const char *val = wattr(attrs, "val");
	if (strcmp(name, "style") == 0) {
		const char *type = wattr(attrs, "type"), *id = wattr(attrs, "styleId");
		x->cur_level = type && id && strcmp(type, "paragraph") == 0;
		if (x->cur_level) {
			x->styles = xrealloc(x->styles, (x->nstyles + 1) * sizeof *x->styles);
			x->styles[x->nstyles++] = (struct style){ .id = xstrdup(id), .ilvl = -1 };
		}
	} else if (x->cur_level == 1 && val) {
		struct style *s = &x->styles[x->nstyles - 1];
		if (strcmp(name, "basedOn") == 0 && !s->based_on)
			s->based_on = xstrdup(val);
		else if (strcmp(name, "numId") == 0 && !s->num_id)
			s->num_id = xstrdup(val);
		else if (strcmp(name, "ilvl") == 0 && s->ilvl < 0)
			s->ilvl = number(val, 0);
	}
	return NULL;
}

static char *on_style_end(void *ctx, int ns, const char *name)
{
	struct docx *x = ctx;
	if (ns == NS_W && strcmp(name, "style") == 0)
		x->cur_level = 0;
	return NULL;
}

static struct style *find_style(struct docx *x, const char *id)
{
	for (size_t i = 0; id && i < x->nstyles; i++)
		if (strcmp(x->styles[i].id, id) == 0)
			return &x->styles[i];
	return NULL;
}

static struct num *find_num(struct docx *x, const char *id)
{
	for (size_t i = 0; id && i < x->nnums; i++)
		if (strcmp(x->nums[i].id, id) == 0)
			return &x->nums[i];
	return NULL;
}

/* Bullets drawn from a symbol font come as private-use characters. */
static char *bullet(const char *text)
{
	for (const unsigned char *p = (const unsigned char *)text; p && *p; p++)
		if (*p == 0xEF && (p[1] == 0x80 || p[1] == 0x81 || p[1] == 0x82 || p[1] == 0x83))
			return xstrdup("•");
	return xstrdup(text && *text ? text : "•");
}

/* The number of the open paragraph as Word would draw it, advancing its
 * list (fresh; NULL when it is not a list item). */
static char *list_label(struct docx *x)
{
	const char *num_id = x->p_num;
	int level = x->p_level;
	/* The style's list, up the chain of styles it is based on. */
	const struct style *s = find_style(x, x->p_style);
	for (int hops = 0; s && hops < 10 && (!num_id || level < 0); hops++) {
		if (!num_id)
			num_id = s->num_id;
		if (level < 0)
			level = s->ilvl;
		s = find_style(x, s->based_on);
	}
	struct num *n = find_num(x, num_id);
	if (!n || strcmp(num_id, "0") == 0)
		return NULL;
	if (n->abstract < 0)
		for (size_t i = 0; n->abstract_id && i < x->nabs && n->abstract < 0; i++)
			if (strcmp(x->abs[i].id, n->abstract_id) == 0)
				n->abstract = (long)i;
	if (n->abstract < 0)
		return NULL;
	if (level < 0 || level >= LEVELS)
		level = 0;
	struct abstract *a = &x->abs[n->abstract];
	if (n->override[level] >= 0 && !n->used[level]) {
		a->count[level] = n->override[level] - 1;
		a->started[level] = 1;
	}
	n->used[level] = 1;
	if (!a->started[level])
		a->count[level] = a->lvl[level].start - 1;
	a->started[level] = 1;
	a->count[level]++;
	for (int deeper = level + 1; deeper < LEVELS; deeper++)
		a->started[deeper] = 0;
	const struct level *lv = &a->lvl[level];
	if (lv->format && strcmp(lv->format, "bullet") == 0)
		return bullet(lv->text);
	if (lv->format && strcmp(lv->format, "none") == 0 && !lv->text)
		return NULL;
	/* "%1.%2." with each %k the number of level k. */
	const char *t = lv->text ? lv->text : "%1.";
	size_t cap = strlen(t) + 1, len = 0;
	char *out = xmalloc(cap);
	for (; *t; t++) {
		char *piece = NULL;
		if (t[0] == '%' && t[1] >= '1' && t[1] <= '9') {
			int k = t[1] - '1';
			long v = a->started[k] ? a->count[k] : a->lvl[k].start;
			const char *f = k == level ? lv->format : a->lvl[k].format;
			piece = f && strcmp(f, "none") == 0 ? xstrdup("") : dt_number_text(f, v);
			t++;
		} else {
			piece = xstrndup(t, 1);
		}
		size_t pl = strlen(piece);
		if (len + pl + 1 > cap)
			out = xrealloc(out, cap = (len + pl + 1) * 2);
		memcpy(out + len, piece, pl);
		len += pl;
		free(piece);
	}
	out[len] = '\0';
	return out;
}

/* --- document.xml --- */

static int is(const char *name, const char *w)
{
	return strcmp(name, w) == 0;
}

/* Elements whose whole content is left out: deleted text, the old
 * properties kept by tracked changes, the fallback copy of a drawing. */
static int left_out(int ns, const char *name)
{
	if (ns == NS_MC)
		return is(name, "Fallback");
	static const char *const w[] = { "del", "moveFrom", "pPrChange", "rPrChange", "tblPrChange", "tcPrChange",
					 "trPrChange", "sectPrChange", "tblGridChange", "numberingChange", NULL };
	for (const char *const *p = w; *p; p++)
		if (is(name, *p))
			return 1;
	return 0;
}

/* The row, once its properties (w:gridBefore, w:tblHeader) are read. */
static void begin_row(struct docx *x)
{
	if (!x->row_pending)
		return;
	x->row_pending = 0;
	dt_row_begin(x->b, x->header, x->before);
}

static struct tc *open_tc(struct docx *x)
{
	return x->ntc ? &x->tcs[x->ntc - 1] : NULL;
}

/* The cell, once its properties (w:gridSpan, w:vMerge, w:hMerge) are read. */
static char *begin_cell(struct docx *x)
{
	struct tc *c = open_tc(x);
	if (!c || !c->pending)
		return NULL;
	c->pending = 0;
	begin_row(x);
	if (c->merge == 2) {
		/* The legacy horizontal merge: the place belongs to the cell
		 * on its left. */
		dt_cell_skip(x->b, c->span);
		x->skip = c->depth;
		return NULL;
	}
	return dt_cell_begin(x->b, c->span, 1, c->merge == 1);
}

/* The paragraph ends: a line, with its list number in front. */
static void end_para(struct docx *x)
{
	char *label = list_label(x);
	dt_line_end(x->b, label);
	free(label);
	free(x->p_style), free(x->p_num);
	x->p_style = x->p_num = NULL;
	x->p_level = -1;
}

/* document.xml's start tags: tables, rows, cells, paragraphs and runs. */
static char *on_doc_start(void *ctx, int ns, const char *name, const char **attrs)
{
	struct docx *x = ctx;
	x->depth++;
	if (x->skip)
		return NULL;
	if (left_out(ns, name)) {
		x->skip = x->depth;
		return NULL;
	}
	if (ns != NS_W)
		return NULL;
	if (open_tc(x) && open_tc(x)->pending && !x->tc_props && !is(name, "tcPr")) {
		char *why = begin_cell(x);
		if (why || x->skip)
			return why;
	}
	const char *val = wattr(attrs, "val");
	if (is(name, "tbl")) {
		if (x->paras)
			end_para(x);
		dt_table_begin(x->b);
	} else if (is(name, "tr")) {
		x->row_pending = 1;
		x->before = x->header = 0;
	} else if (is(name, "gridBefore")) {
		x->before = number(val, 0);
	} else if (is(name, "tblHeader")) {
		x->header = on(val);
	} else if (is(name, "tc") && x->ntc < (int)(sizeof x->tcs / sizeof *x->tcs)) {
		begin_row(x);
		x->tcs[x->ntc++] = (struct tc){ x->depth, 1, 1, 0 };
	} else if (is(name, "tcPr")) {
		x->tc_props = open_tc(x) != NULL;	/* a w:tcPr outside any cell is not one */
	} else if (x->tc_props && is(name, "gridSpan")) {
		open_tc(x)->span = number(val, 1);
	} else if (x->tc_props && is(name, "vMerge")) {
		open_tc(x)->merge = !val || strcmp(val, "continue") == 0;
	} else if (x->tc_props && is(name, "hMerge")) {
		open_tc(x)->merge = !val || strcmp(val, "continue") == 0 ? 2 : 0;
	} else if (is(name, "p")) {
		if (x->paras)
			dt_line_end(x->b, NULL);	/* a text box's paragraph inside another */
		x->paras++;
		x->p_level = -1;
	} else if (is(name, "pStyle") && x->paras && !x->run) {
		free(x->p_style);
		x->p_style = val ? xstrdup(val) : NULL;
	} else if (is(name, "numId") && x->paras && !x->run) {
		free(x->p_num);
		x->p_num = val ? xstrdup(val) : NULL;
	} else if (is(name, "ilvl") && x->paras && !x->run) {
		x->p_level = number(val, 0);
	} else if (is(name, "r")) {
		x->run = x->depth;
	} else if (x->run && (is(name, "tab") || is(name, "ptab"))) {
		dt_text(x->b, " ", 1);
	} else if (x->run && (is(name, "br") || is(name, "cr"))) {
		dt_line_end(x->b, NULL);
	} else if (x->run && is(name, "noBreakHyphen")) {
		dt_text(x->b, "-", 1);
	}
	return NULL;
}

/* document.xml's end tags: what they close. */
static char *on_doc_end(void *ctx, int ns, const char *name)
{
	struct docx *x = ctx;
	int depth = x->depth--;
	if (x->skip) {
		if (depth == x->skip)
			x->skip = 0;
		/* a cell left out (merged into its left) ends here too */
		if (!open_tc(x) || open_tc(x)->depth != depth)
			return NULL;
	}
	if (ns != NS_W)
		return NULL;
	char *why = NULL;
	if (is(name, "tcPr")) {
		x->tc_props = 0;
		why = begin_cell(x);
	} else if (is(name, "tc") && open_tc(x) && depth == open_tc(x)->depth) {
		why = begin_cell(x);
		if (open_tc(x)->merge != 2)
			dt_cell_end(x->b);
		x->ntc--;
	} else if (is(name, "tr")) {
		begin_row(x);
		dt_row_end(x->b);
	} else if (is(name, "tbl")) {
		dt_table_end(x->b);
	} else if (is(name, "p") && x->paras) {
		x->paras--;
		end_para(x);
	} else if (is(name, "r") && depth == x->run) {
		x->run = 0;
	}
	return why;
}

/* Text of a run, unless it is left out. */
static char *on_doc_text(void *ctx, const char *s, int len)
{
	struct docx *x = ctx;
	if (!x->skip && x->run && x->paras)
		dt_text(x->b, s, (size_t)len);
	return NULL;
}

/* Character data counts only inside w:t: these wrap the handlers so. */
struct in_t {
	struct docx *x;
	int t;			/* inside w:t */
};

static char *on_t_start(void *ctx, int ns, const char *name, const char **attrs)
{
	struct in_t *c = ctx;
	if (ns == NS_W && is(name, "t"))
		c->t++;
	return on_doc_start(c->x, ns, name, attrs);
}

static char *on_t_end(void *ctx, int ns, const char *name)
{
	struct in_t *c = ctx;
	if (ns == NS_W && is(name, "t") && c->t)
		c->t--;
	return on_doc_end(c->x, ns, name);
}

static char *on_t_text(void *ctx, const char *s, int len)
{
	struct in_t *c = ctx;
	return c->t ? on_doc_text(c->x, s, len) : NULL;
}

static void docx_free(struct docx *x)
{
	for (size_t i = 0; i < x->nabs; i++) {
		for (int l = 0; l < LEVELS; l++)
			free(x->abs[i].lvl[l].format), free(x->abs[i].lvl[l].text);
		free(x->abs[i].id);
	}
	for (size_t i = 0; i < x->nnums; i++)
		free(x->nums[i].id), free(x->nums[i].abstract_id);
	for (size_t i = 0; i < x->nstyles; i++)
		free(x->styles[i].id), free(x->styles[i].based_on), free(x->styles[i].num_id);
	free(x->abs), free(x->nums), free(x->styles);
	free(x->p_style), free(x->p_num);
}

int doctable_read_docx(zipxml *z, dt_build *b, char **err)
{
	opc_rel *pkg = NULL, *rels = NULL;
	size_t npkg = 0, nrels = 0;
	struct docx x = { .b = b, .p_level = -1 };
	int rc = -1;
	if (opc_rels(z, "", &pkg, &npkg, err) != 0)
		goto out;
	const char *main = opc_target(pkg, npkg, "/officeDocument");
	if (!main) {
		*err = xasprintf(_("%s: the document's text is missing (no main part): it is damaged"), zipxml_path(z));
		goto out;
	}
	if (opc_rels(z, main, &rels, &nrels, err) != 0)
		goto out;
	const char *numbering = opc_target(rels, nrels, "/numbering"), *styles = opc_target(rels, nrels, "/styles");
	zipxml_handler hn = { ns_list, on_num_start, on_num_end, NULL, &x };
	zipxml_handler hs = { ns_list, on_style_start, on_style_end, NULL, &x };
	if ((numbering && zipxml_parse(z, numbering, &hn, err) < 0) || (styles && zipxml_parse(z, styles, &hs, err) < 0))
		goto out;
	struct in_t c = { &x, 0 };
	zipxml_handler hd = { ns_list, on_t_start, on_t_end, on_t_text, &c };
	rc = zipxml_parse(z, main, &hd, err);
	if (rc == 1) {
		*err = xasprintf(_("%s: the document's text is missing (no %s): it is damaged"), zipxml_path(z), main);
		rc = -1;
	}
out:
	docx_free(&x);
	opc_rels_free(pkg, npkg);
	opc_rels_free(rels, nrels);
	return rc;
}
