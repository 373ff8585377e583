/* LibreOffice's .odt (OpenDocument text) into the table model:
 * table:table, table:table-row (those in table:table-header-rows marked as
 * the header), table:table-cell with its columns and rows spanned,
 * table:covered-table-cell as a place merged into another cell, nested
 * tables; text:p and text:h paragraphs, text:list items with their
 * numbers (from the list styles, or the number written with the item),
 * text:span and links read through, text:s as spaces, text:tab as a space,
 * text:line-break as a line break, text:soft-page-break ignored; the
 * deletions kept by tracked changes, comments and footnotes left out. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "doctable.h"

#define URN "urn:oasis:names:tc:opendocument:xmlns:"
enum { NS_OFFICE, NS_TEXT, NS_TABLE, NS_STYLE };
static const zipxml_ns ns_list[] = {
	{ URN "office:1.0", NS_OFFICE },
	{ URN "text:1.0", NS_TEXT },
	{ URN "table:1.0", NS_TABLE },
	{ URN "style:1.0", NS_STYLE },
	{ NULL, 0 },
};

#define LEVELS 10

struct list_level {
	char *format, *prefix, *suffix, *bullet;	/* bullet: a bullet level's character */
	int start, display;
};

struct list_style {
	char *name;
	struct list_level lvl[LEVELS];
	long count[LEVELS];
	int started[LEVELS];
};

struct odt {
	dt_build *b;
	struct list_style *styles;
	size_t nstyles;
	long cur_style;		/* the list style being read, -1 */
	int depth;
	int skip;		/* the depth of an element left out, or 0 */
	int body;		/* inside office:body */
	int paras;		/* paragraphs open */
	int space;		/* the text ends in a space (OpenDocument collapses runs of them) */
	/* lists open: the style of each, the outermost first */
	long list_style[LEVELS + 1];
	int nlists;
	char *label;		/* the number of the next paragraph */
	int number;		/* inside text:number: its text is the label */
	char *number_text;
	int header_rows;	/* inside table:table-header-rows */
};

static const char *attr(const char **attrs, int ns, const char *local)
{
	return zipxml_attr(attrs, ns_list[ns].uri, local);
}

static int count(const char *val, int dflt)
{
	long v = val ? strtol(val, NULL, 10) : dflt;
	return v < 1 ? 1 : v > 1000 ? 1000 : (int)v;
}

static int is(const char *name, const char *local)
{
	return strcmp(name, local) == 0;
}

static long find_style(const struct odt *o, const char *name)
{
	for (size_t i = 0; name && i < o->nstyles; i++)
		if (strcmp(o->styles[i].name, name) == 0)
			return (long)i;
	return -1;
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/* A list style's level, while styles.xml or the automatic styles are read. */
static void style_level(struct odt *o, const char *name, const char **attrs)
{
	int bullet = is(name, "list-level-style-bullet");
	if (o->cur_style < 0 || !(bullet || is(name, "list-level-style-number")))
		return;
	int l = count(attr(attrs, NS_TEXT, "level"), 1) - 1;
	if (l >= LEVELS)
		return;
	struct list_level *lv = &o->styles[o->cur_style].lvl[l];
	free(lv->format), free(lv->prefix), free(lv->suffix), free(lv->bullet);
	*lv = (struct list_level){ .start = 1, .display = 1 };
	if (bullet) {
		const char *c = attr(attrs, NS_TEXT, "bullet-char");
		lv->bullet = xstrdup(c && *c ? c : "•");
		return;
	}
	lv->format = dup_or_null(attr(attrs, NS_STYLE, "num-format"));
	lv->prefix = dup_or_null(attr(attrs, NS_STYLE, "num-prefix"));
	lv->suffix = dup_or_null(attr(attrs, NS_STYLE, "num-suffix"));
	const char *start = attr(attrs, NS_TEXT, "start-value"), *display = attr(attrs, NS_TEXT, "display-levels");
	lv->start = start ? (int)strtol(start, NULL, 10) : 1;
	lv->display = count(display, 1);
}

/* The label of an item at level (1-based) of the list style s, advancing
 * its count (fresh; NULL for none). */
static char *item_label(struct list_style *s, int level, const char *start_value)
{
	int l = level - 1;
	if (l < 0 || l >= LEVELS)
		return NULL;
	if (!s->started[l] || start_value) {
		s->count[l] = (start_value ? strtol(start_value, NULL, 10) : s->lvl[l].start) - 1;
		s->started[l] = 1;
	}
	s->count[l]++;
	for (int d = l + 1; d < LEVELS; d++)
		s->started[d] = 0;
	const struct list_level *lv = &s->lvl[l];
	if (lv->bullet)
		return xstrdup(lv->bullet);
	if (!lv->format || !*lv->format)
		return NULL;
	char *num = xstrdup("");
	for (int k = l - lv->display + 1; k <= l; k++) {
		if (k < 0)
			continue;
		long v = s->started[k] ? s->count[k] : s->lvl[k].start;
		char *part = dt_number_text(s->lvl[k].format ? s->lvl[k].format : "1", v);
		char *joined = *num ? xasprintf("%s.%s", num, part) : xstrdup(part);
		free(num), free(part);
		num = joined;
	}
	char *label = xasprintf("%s%s%s", lv->prefix ? lv->prefix : "", num, lv->suffix ? lv->suffix : "");
	free(num);
	return label;
}

/* Elements whose content is not the document's text as shown. */
static int left_out(int ns, const char *name)
{
	return (ns == NS_TEXT && (is(name, "tracked-changes") || is(name, "note") || is(name, "note-body"))) ||
	       (ns == NS_OFFICE && (is(name, "annotation") || is(name, "annotation-end"))) ||
	       (ns == NS_TABLE && is(name, "covered-table-cell"));
}

/* The paragraph or line ends, with the list item's number in front. */
static void end_line(struct odt *o)
{
	dt_line_end(o->b, o->label);
	free(o->label);
	o->label = NULL;
	o->space = 0;
}

/* Start tags of styles.xml (list styles) and content.xml (those and the
 * body: tables, rows, cells, paragraphs, lists, spaces). */
static char *on_start(void *ctx, int ns, const char *name, const char **attrs)
{
	struct odt *o = ctx;
	o->depth++;
	if (o->skip)
		return NULL;
	if (ns == NS_TABLE && is(name, "covered-table-cell"))
		dt_cell_skip(o->b, count(attr(attrs, NS_TABLE, "number-columns-repeated"), 1));
	if (left_out(ns, name)) {
		o->skip = o->depth;
		return NULL;
	}
	if (ns == NS_OFFICE && is(name, "body")) {
		o->body = 1;
	} else if (ns == NS_TEXT && is(name, "list-style")) {
		const char *n = attr(attrs, NS_STYLE, "name");
		if (n && find_style(o, n) < 0) {
			o->styles = xrealloc(o->styles, (o->nstyles + 1) * sizeof *o->styles);
			o->styles[o->nstyles] = (struct list_style){ .name = xstrdup(n) };
			o->cur_style = (long)o->nstyles++;
		}
	} else if (ns == NS_TEXT && o->cur_style >= 0) {
		style_level(o, name, attrs);
	}
	if (!o->body)
		return NULL;
	if (ns == NS_TABLE) {
		if (is(name, "table")) {
			if (o->paras)
				end_line(o);
			dt_table_begin(o->b);
		} else if (is(name, "table-header-rows")) {
			o->header_rows = 1;
		} else if (is(name, "table-row")) {
			dt_row_begin(o->b, o->header_rows, 0);
		} else if (is(name, "table-cell")) {
			char *why = dt_cell_begin(o->b, count(attr(attrs, NS_TABLE, "number-columns-spanned"), 1),
						  count(attr(attrs, NS_TABLE, "number-rows-spanned"), 1), 0);
			if (why)
				return why;
		}
		return NULL;
	}
	if (ns != NS_TEXT)
		return NULL;
	if (is(name, "p") || is(name, "h")) {
		if (o->paras)
			end_line(o);	/* a frame's paragraph inside another */
		o->paras++;
		o->space = 1;		/* leading spaces go */
	} else if (is(name, "list")) {
		if (o->nlists < LEVELS) {
			long s = find_style(o, attr(attrs, NS_TEXT, "style-name"));
			if (s < 0 && o->nlists)
				s = o->list_style[o->nlists - 1];
			const char *cont = attr(attrs, NS_TEXT, "continue-numbering");
			if (s >= 0 && !o->nlists && !(cont && strcmp(cont, "true") == 0) &&
			    !attr(attrs, NS_TEXT, "continue-list"))
				memset(o->styles[s].started, 0, sizeof o->styles[s].started);
			o->list_style[o->nlists] = s;
		}
		o->nlists++;
	} else if (is(name, "list-item") || is(name, "list-header")) {
		free(o->label);
		o->label = NULL;
		long s = o->nlists && o->nlists <= LEVELS ? o->list_style[o->nlists - 1] : -1;
		if (is(name, "list-item") && s >= 0)
			o->label = item_label(&o->styles[s], o->nlists, attr(attrs, NS_TEXT, "start-value"));
	} else if (is(name, "number")) {
		o->number = 1;
		free(o->number_text);
		o->number_text = xstrdup("");
	} else if (is(name, "s")) {
		int n = count(attr(attrs, NS_TEXT, "c"), 1);
		for (int i = 0; i < n; i++)
			dt_text(o->b, " ", 1);
		o->space = 0;
	} else if (is(name, "tab")) {
		dt_text(o->b, " ", 1);
		o->space = 0;
	} else if (is(name, "line-break")) {
		end_line(o);
	}
	return NULL;
}

/* End tags: what they close. */
static char *on_end(void *ctx, int ns, const char *name)
{
	struct odt *o = ctx;
	int depth = o->depth--;
	if (o->skip) {
		if (depth == o->skip)
			o->skip = 0;
		return NULL;
	}
	if (ns == NS_TEXT && is(name, "list-style"))
		o->cur_style = -1;
	if (!o->body)
		return NULL;
	if (ns == NS_TABLE) {
		if (is(name, "table"))
			dt_table_end(o->b);
		else if (is(name, "table-header-rows"))
			o->header_rows = 0;
		else if (is(name, "table-row"))
			dt_row_end(o->b);
		else if (is(name, "table-cell"))
			dt_cell_end(o->b);
		return NULL;
	}
	if (ns != NS_TEXT)
		return NULL;
	if ((is(name, "p") || is(name, "h")) && o->paras) {
		o->paras--;
		end_line(o);
	} else if (is(name, "list")) {
		o->nlists--;
	} else if (is(name, "number") && o->number) {
		o->number = 0;
		free(o->label);
		o->label = o->number_text;
		o->number_text = NULL;
	}
	return NULL;
}

/* Text as OpenDocument means it: any run of spaces, tabs and line ends is
 * one space. */
static char *on_text(void *ctx, const char *s, int len)
{
	struct odt *o = ctx;
	if (o->skip || !o->body || !o->paras)
		return NULL;
	if (o->number) {
		char *t = xasprintf("%s%.*s", o->number_text, len, s);
		free(o->number_text);
		o->number_text = t;
		return NULL;
	}
	for (int i = 0; i < len;) {
		int j = i;
		while (j < len && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' && s[j] != '\r')
			j++;
		if (j > i) {
			dt_text(o->b, s + i, (size_t)(j - i));
			o->space = 0;
		}
		if (j < len && !o->space) {
			dt_text(o->b, " ", 1);
			o->space = 1;
		}
		i = j + 1;
	}
	return NULL;
}

int doctable_read_odt(zipxml *z, dt_build *b, char **err)
{
	struct odt o = { .b = b, .cur_style = -1 };
	zipxml_handler h = { ns_list, on_start, on_end, on_text, &o };
	int rc = zipxml_parse(z, "styles.xml", &h, err);
	if (rc >= 0) {
		o.body = 0;
		o.depth = o.skip = 0;
		rc = zipxml_parse(z, "content.xml", &h, err);
		if (rc == 1) {
			*err = xasprintf(_("%s: the document's text is missing (no %s): it is damaged"), zipxml_path(z),
					 "content.xml");
			rc = -1;
		}
	}
	for (size_t i = 0; i < o.nstyles; i++) {
		for (int l = 0; l < LEVELS; l++) {
			struct list_level *lv = &o.styles[i].lvl[l];
			free(lv->format), free(lv->prefix), free(lv->suffix), free(lv->bullet);
		}
		free(o.styles[i].name);
	}
	free(o.styles);
	free(o.label);
	free(o.number_text);
	return rc < 0 ? -1 : 0;
}
