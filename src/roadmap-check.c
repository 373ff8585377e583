/* The check of a roadmap's import, a line at a time, the same on the
 * command line (--dry-run) and on the screen: what the file was read as,
 * then what the import does or would do. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "day.h"
#include "roadmap.h"

/* Hands the line to line and frees it. */
static void say(roadmap_line_fn line, void *ctx, char *text)
{
	line(ctx, RM_LINE_INFO, text);
	free(text);
}

char *roadmap_years_text(int first_year, int last_year)
{
	return first_year == last_year ? xasprintf("%d", first_year) : xasprintf("%d-%d", first_year, last_year);
}

char *roadmap_order_text(const char *number, const char *date)
{
	long ymd;
	char *day = date && day_parse(date, &ymd) == 0 ? day_text(ymd) : NULL, *text;
	if (number && *number)
		text = day ? xasprintf(_("the order № %s of %s"), number, day) : xasprintf(_("the order № %s"), number);
	else
		text = day ? xasprintf(_("the order of %s"), day) : xstrdup("");
	free(day);
	return text;
}

char *roadmap_label(const roadmap_info *r)
{
	char *years = roadmap_years_text(r->first_year, r->last_year);
	char *order = roadmap_order_text(r->order_number, r->order_date);
	char *label = *order ? xasprintf("%s, %s", years, order) : xstrdup(years);
	free(years), free(order);
	return label;
}

const char *roadmap_from_text(enum rm_from from)
{
	switch (from) {
	case RM_FROM_MARKER: return _("as the file states them");
	case RM_FROM_TITLE: return _("from the plan's title");
	case RM_FROM_PREAMBLE: return _("from the order's text");
	case RM_FROM_DEADLINES: return _("from the years the deadlines name");
	case RM_FROM_NONE: break;
	}
	return "";
}

/* a, then ", b" or sep and b (fresh; a freed). */
static char *join(char *a, const char *sep, const char *b)
{
	char *s = *a ? xasprintf("%s%s%s", a, sep, b) : xstrdup(b);
	free(a);
	return s;
}

/* Which of a document's tables the plan is in, and why the others are not. */
static void tables_found(const rm_table *t, roadmap_line_fn line, void *ctx)
{
	if (t->format == RM_CSV)
		return;
	size_t all = t->nplan_tables + t->nskipped;
	char *which = xstrdup("");
	for (size_t i = 0; i < t->nplan_tables; i++) {
		char *n = xasprintf("%d", t->plan_tables[i]);
		which = join(which, ", ", n);
		free(n);
	}
	say(line, ctx, t->nplan_tables == 1 ? xasprintf(_("The plan is table %s of %zu in the document."), which, all)
					    : xasprintf(_("The plan is in tables %s of %zu in the document, each with the same "
							  "header."), which, all));
	free(which);
	for (size_t i = 0; i < t->nskipped; i++) {
		const rm_skipped *s = &t->skipped[i];
		char *rows = xasprintf(ngettext("%ld row", "%ld rows", (unsigned long)s->rows), s->rows);
		say(line, ctx, xasprintf(_("  Table %d (%s) is not the plan: %s."), s->table, rows, s->lacks));
		free(rows);
	}
}

/* Which header cell each column was taken from, and those not used. */
static void columns_found(const rm_table *t, roadmap_line_fn line, void *ctx)
{
	char *cols = xstrdup("");
	for (int c = 0; c < RM_NCOLS; c++) {
		if (!t->col_header[c])
			continue;
		char *one = xasprintf(_("«%s» is %s"), t->col_header[c], roadmap_col_title(c));
		cols = join(cols, "; ", one);
		free(one);
	}
	char *where = roadmap_where_text(t->header);
	say(line, ctx, xasprintf(_("Columns (the header is %s): %s."), where, cols));
	free(where), free(cols);
	if (t->nunused) {
		char *list = xstrdup("");
		for (size_t i = 0; i < t->nunused; i++) {
			const rm_unused *u = &t->unused[i];
			char *one = u->could_be >= 0 && u->taken
				? xasprintf(_("«%s» (it could be %s, but «%s» fits better)"), u->header,
					    roadmap_col_title(u->could_be), u->taken)
				: xasprintf("«%s»", u->header);
			list = join(list, "; ", one);
			free(one);
		}
		say(line, ctx, xasprintf(_("Columns not used: %s."), list));
		free(list);
	}
	if (t->numbered_in_order)
		say(line, ctx, xstrdup(_("There is no number column: the activities are numbered 1, 2, … in their order.")));
}

/* Each row read as several activities, with the numbers they got. */
static void splits_found(const rm_table *t, roadmap_line_fn line, void *ctx)
{
	for (size_t i = 0; i < t->nsplits; i++) {
		const rm_split *s = &t->splits[i];
		char *numbers = xstrdup(""), *where = roadmap_where_text(s->where);
		for (size_t k = 0; k < s->n; k++)
			numbers = join(numbers, ", ", s->numbers[k]);
		if (s->merged)
			say(line, ctx, xasprintf(ngettext("%zu activity under one merged number %s (%s), numbered %s.",
							  "%zu activities under one merged number %s (%s), numbered %s.",
							  (unsigned long)s->n), s->n, s->number, where, numbers));
		else
			say(line, ctx, xasprintf(ngettext("%zu activity side by side in one row (%s), numbered %s.",
							  "%zu activities side by side in one row (%s), numbered %s.",
							  (unsigned long)s->n), s->n, where, numbers));
		free(numbers), free(where);
	}
}

/* Each section with the numbers of its activities and their count. */
static void sections_found(const rm_table *t, roadmap_line_fn line, void *ctx)
{
	say(line, ctx, xstrdup(_("Sections and activities found:")));
	for (int sec = -1; sec < (int)t->nsections; sec++) {
		char *numbers = NULL;
		int count = 0;
		for (size_t i = 0; i < t->nacts; i++) {
			if (t->acts[i].section != sec)
				continue;
			const char *n = *t->acts[i].number ? t->acts[i].number : "—";
			char *l = numbers ? xasprintf("%s, %s", numbers, n) : xstrdup(n);
			free(numbers);
			numbers = l;
			count++;
		}
		if (sec < 0 && count)
			say(line, ctx, t->nsections ? xasprintf(_("  (before any section): %s (%d)"), numbers, count)
						    : xasprintf("  %s (%d)", numbers, count));
		else if (sec >= 0)
			say(line, ctx, xasprintf("  %s%s%s: %s (%d)", t->sections[sec].number,
						 *t->sections[sec].number ? " " : "", t->sections[sec].title,
						 numbers ? numbers : "—", count));
		free(numbers);
	}
}

/* The activities, and the rows skipped or joined. */
static void counts_found(const rm_table *t, roadmap_line_fn line, void *ctx)
{
	char *total = xasprintf(ngettext("%zu activity", "%zu activities", (unsigned long)t->nacts), t->nacts);
	char *more[3] = { NULL, NULL, NULL };
	if (t->repeated_headers)
		more[0] = xasprintf(ngettext("; %ld repeated header row skipped", "; %ld repeated header rows skipped",
					     (unsigned long)t->repeated_headers), t->repeated_headers);
	if (t->number_rows)
		more[1] = xasprintf(ngettext("; %ld row of column numbers skipped", "; %ld rows of column numbers skipped",
					     (unsigned long)t->number_rows), t->number_rows);
	if (t->joined_rows)
		more[2] = xasprintf(ngettext("; %ld row broken across a page joined to its activity",
					     "; %ld rows broken across a page joined to their activities",
					     (unsigned long)t->joined_rows), t->joined_rows);
	for (int i = 0; i < 3; i++) {
		if (!more[i])
			continue;
		total = join(total, "", more[i]);
		free(more[i]);
	}
	say(line, ctx, xasprintf("%s.", total));
	free(total);
}

/* What the text above the plan names: the order, the title, the years. */
static void preamble_found(const rm_table *t, roadmap_line_fn line, void *ctx)
{
	char *what = xstrdup("");
	if (t->order_number) {
		char *one = roadmap_order_text(t->order_number, t->order_date);
		what = join(what, "; ", one);
		free(one);
	}
	if (t->title && t->title_from == RM_FROM_TITLE) {
		char *q = xquote(t->title), *one = xasprintf(_("the title %s"), q);
		what = join(what, "; ", one);
		free(one), free(q);
	}
	if (t->years_from != RM_FROM_NONE && t->years_from != RM_FROM_MARKER) {
		char *years = roadmap_years_text(t->first_year, t->last_year);
		char *one = xasprintf(_("the years %s (%s)"), years, roadmap_from_text(t->years_from));
		what = join(what, "; ", one);
		free(one), free(years);
	}
	if (*what)
		say(line, ctx, xasprintf(_("The text above the plan names %s."), what));
	free(what);
}

void roadmap_found(const rm_table *t, roadmap_line_fn line, void *ctx)
{
	tables_found(t, line, ctx);
	columns_found(t, line, ctx);
	splits_found(t, line, ctx);
	sections_found(t, line, ctx);
	counts_found(t, line, ctx);
	preamble_found(t, line, ctx);
	if (!t->col_header[RM_DEADLINE])
		line(ctx, RM_LINE_WARNING,
		     _("Warning: the table has no deadline column: every activity would come without a deadline, and "
		       "none would ever be overdue."));
}

char *roadmap_summary_what(const roadmap_summary *s)
{
	int one = s->first_year == s->last_year;
	char *it = s->corrected
		? (one ? xasprintf(_("a corrected version of the roadmap for %d"), s->first_year)
		       : xasprintf(_("a corrected version of the roadmap for %d-%d"), s->first_year, s->last_year))
		: !s->nkept ? (one ? xasprintf(_("the roadmap for %d"), s->first_year)
				   : xasprintf(_("the roadmap for %d-%d"), s->first_year, s->last_year))
			    : (one ? xasprintf(_("a new roadmap for %d"), s->first_year)
				   : xasprintf(_("a new roadmap for %d-%d"), s->first_year, s->last_year));
	if (!s->nkept)
		return it;
	char *list = xstrdup("");
	for (size_t i = 0; i < s->nkept; i++)
		list = join(list, ", ", s->kept[i]);
	char *kept;
	if (s->nkept > 1) {
		kept = xasprintf(_("the roadmaps for %s are kept"), list);
	} else {
		int f, l;
		roadmap_read_years(s->kept[0], &f, &l);
		kept = f == l ? xasprintf(_("the roadmap for %d is kept"), f)
			      : xasprintf(_("the roadmap for %d-%d is kept"), f, l);
	}
	char *all = xasprintf("%s; %s", it, kept);
	free(it), free(list), free(kept);
	return all;
}

void roadmap_summary_say(const roadmap_summary *s, int dry_run, roadmap_line_fn line, void *ctx)
{
	char *what = roadmap_summary_what(s);
	say(line, ctx, xasprintf(dry_run ? _("Checked, no errors (%s). Importing it would add %ld, change %ld, leave %ld "
					     "unchanged, drop %ld.")
					 : _("Imported %s. Added %ld, changed %ld, unchanged %ld, dropped %ld."),
				 what, s->added, s->changed, s->unchanged, s->dropped));
	free(what);
	for (size_t i = 0; i < s->nchanged_list; i++)
		say(line, ctx, xasprintf(_("  changed: %s"), s->changed_list[i]));
	for (size_t i = 0; i < s->ndropped_list; i++)
		say(line, ctx, xasprintf(_("  dropped: %s"), s->dropped_list[i]));
}
