/* The roadmap from a file, in either role: its years and title asked
 * (what a file orientir wrote states, else the school year), then the dry
 * run as the command line's --dry-run tells it, scrollable; F2 imports,
 * Esc leaves everything as it was. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "day.h"
#include "roadmap.h"
#include "scr.h"
#include "ui-widgets.h"

struct rmimport {
	char *path, *title;
	int first, last;
	int *imported;
	char **lines;		/* what the check found, or every problem */
	size_t n;
	char **shown;		/* lines wrapped to the width of the last draw */
	size_t nshown, top;
	int width, rows;
	int result;		/* roadmap_import's */
	long errors;
	size_t nacts, nsections;
	long kept;		/* activities still there, keeping their progress */
};

static void add_line(void *ctx, enum roadmap_line kind, const char *text)
{
	(void)kind;
	struct rmimport *r = ctx;
	r->lines = xrealloc(r->lines, (r->n + 1) * sizeof *r->lines);
	r->lines[r->n++] = xstrdup(text);
}

static void collect(void *ctx, enum diag_level level, const char *file, long line, const char *msg)
{
	struct rmimport *r = ctx;
	char *l = scr_import_problem(level, file, line, msg);
	add_line(r, RM_LINE_INFO, l);
	free(l);
}

static void free_lines(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void forget_shown(struct rmimport *r)
{
	free_lines(r->shown, r->nshown);
	r->shown = NULL;
	r->nshown = 0;
	r->width = 0;
}

/* The check (dry_run) or the import itself; its lines replace the last. */
static void run(struct rmimport *r, int dry_run)
{
	free_lines(r->lines, r->n);
	r->lines = NULL;
	r->n = r->top = 0;
	forget_shown(r);
	diag d = { .emit = collect, .ctx = r };
	rm_table t;
	roadmap_summary sum;
	/* F2 after the check, which shows a missing deadline column as a
	 * warning, is the go-ahead. */
	roadmap_import_opts o = { r->first, r->last, r->title, NULL, NULL, dry_run, 1 };
	r->result = roadmap_import(ui.db, r->path, &o, &d, &t, &sum);
	r->errors = d.errors;
	if (r->result == 0) {
		roadmap_found(&t, add_line, r);
		add_line(r, RM_LINE_INFO, "");
		roadmap_summary_say(&sum, dry_run, add_line, r);
		r->nacts = t.nacts;
		r->nsections = t.nsections;
		r->kept = sum.changed + sum.unchanged;
	}
	roadmap_summary_free(&sum);
	rm_table_free(&t);
}

/* The lines wrapped to width, a line's further rows indented under it. */
static void wrap(struct rmimport *r, int width)
{
	if (r->width == width)
		return;
	forget_shown(r);
	r->width = width;
	for (size_t i = 0; i < r->n; i++) {
		int indent = (int)strspn(r->lines[i], " ") + 4, k;
		char **part = ui_wrap(r->lines[i], width - 2 - indent, &k);
		r->shown = xrealloc(r->shown, (r->nshown + (size_t)k + 1) * sizeof *r->shown);
		if (k == 0)
			r->shown[r->nshown++] = xstrdup("");
		for (int j = 0; j < k; j++) {
			r->shown[r->nshown++] = j ? xasprintf("%*s%s", indent, "", part[j]) : xstrdup(part[j]);
			free(part[j]);
		}
		free(part);
	}
}

static void draw(ui_screen *scr, WINDOW *w)
{
	struct rmimport *r = scr->data;
	int width = getmaxx(w), height = getmaxy(w);
	wattrset(w, ui_attr(UA_HEAD));
	ui_put(w, 0, 1, width - 2, r->path);
	wattrset(w, A_NORMAL);
	char *years = roadmap_years_text(r->first, r->last);
	char *what = *r->title ? xasprintf(_("Years: %s. Title: %s"), years, r->title)
			       : xasprintf(_("Years: %s. No title."), years);
	ui_put(w, 1, 1, width - 2, what);
	free(years), free(what);
	char *sum;
	if (r->result == 0)
		sum = xstrdup(_("F2 imports the roadmap as checked below; Esc leaves everything as it was."));
	else if (r->result > 0)
		sum = xasprintf(ngettext("%ld error: the file cannot be imported until it is corrected. Nothing was changed.",
					 "%ld errors: the file cannot be imported until they are corrected. Nothing was changed.",
					 (unsigned long)r->errors), r->errors);
	else
		sum = xstrdup(_("The roadmap could not be imported; nothing was changed."));
	wattrset(w, r->result == 0 ? ui_attr(UA_HEAD) : ui_attr(UA_ERROR));
	ui_put(w, 2, 1, width - 2, sum);
	free(sum);
	wattrset(w, A_NORMAL);
	wrap(r, width);
	r->rows = height - 4 > 1 ? height - 4 : 1;
	/* Scrolled to the end, the last page stays full. */
	if (r->top + (size_t)r->rows > r->nshown)
		r->top = r->nshown > (size_t)r->rows ? r->nshown - (size_t)r->rows : 0;
	for (int i = 0; i < r->rows && r->top + (size_t)i < r->nshown; i++)
		ui_put(w, 4 + i, 1, width - 2, r->shown[r->top + (size_t)i]);
}

/* After the import: how much came in, and that progress stayed. */
static void tell_imported(const struct rmimport *r)
{
	char *acts = xasprintf(ngettext("%zu activity", "%zu activities", (unsigned long)r->nacts), r->nacts);
	char *secs = xasprintf(ngettext("in %zu section", "in %zu sections", (unsigned long)r->nsections), r->nsections);
	char *what = r->nsections ? xasprintf("%s %s", acts, secs) : xstrdup(acts);
	if (r->kept)
		ui_message(ngettext("Imported: %s; progress kept on %ld activity still there.",
				    "Imported: %s; progress kept on %ld activities still there.", (unsigned long)r->kept),
			   what, r->kept);
	else
		ui_message(_("Imported: %s."), what);
	free(acts), free(secs), free(what);
}

static ui_result key(ui_screen *scr, int ch, int fk)
{
	struct rmimport *r = scr->data;
	if (!fk)
		return UI_UNHANDLED;
	size_t page = r->rows > 1 ? (size_t)r->rows - 1 : 1;
	switch (ch) {
	case KEY_DOWN: if (r->top + (size_t)r->rows < r->nshown) r->top++; return UI_REDRAW;
	case KEY_UP: if (r->top > 0) r->top--; return UI_REDRAW;
	case KEY_NPAGE: r->top += page; return UI_REDRAW;
	case KEY_PPAGE: r->top = r->top > page ? r->top - page : 0; return UI_REDRAW;
	case KEY_HOME: r->top = 0; return UI_REDRAW;
	case KEY_END: r->top = r->nshown; return UI_REDRAW;
	}
	if (ch != KEY_F(2))
		return UI_UNHANDLED;
	if (r->result != 0) {
		ui_error(_("The file has errors: correct it and choose it again."));
		return UI_REDRAW;
	}
	run(r, 0);
	if (r->result != 0) {
		scr->bar[1] = NULL;
		return UI_REDRAW;
	}
	if (r->imported)
		*r->imported = 1;
	tell_imported(r);
	return UI_POP;
}

static void destroy(ui_screen *scr)
{
	struct rmimport *r = scr->data;
	free_lines(r->lines, r->n);
	forget_shown(r);
	free(r->path);
	free(r->title);
	free(r);
	free(scr);
}

static int check_form(void *ctx, char *const *v, int *field, char **msg)
{
	(void)ctx;
	int first, last;
	if (roadmap_read_years(v[0], &first, &last) != 0) {
		*field = 0;
		*msg = xstrdup(_("The years are like 2026 or 2025-2026, the first not after the last."));
		return -1;
	}
	return 0;
}

/* The years and title, offered as the file or the school year has them:
 * 1 given, 0 the user gave up. */
static int ask(struct rmimport *r)
{
	char *err = NULL;
	roadmap_offer offer;
	if (roadmap_import_defaults(ui.db, r->path, day_today(), &offer, &err) < 0) {
		ui_error("%s", err);
		free(err);
		return 0;
	}
	r->first = offer.first_year;
	r->last = offer.last_year;
	char *title = xstrdup(offer.title);
	roadmap_offer_clear(&offer);
	const ui_field fields[] = { { _("Years (2026 or 2025-2026)"), 11, UI_FIELD_TEXT, NULL },
				    { _("Title"), 0, UI_FIELD_TEXT, NULL } };
	char *values[2] = { roadmap_years_text(r->first, r->last), title };
	const char *slash = strrchr(r->path, '/');
	char *head = xasprintf(_("Roadmap from %s"), slash ? slash + 1 : r->path);
	int ok = ui_form_run(head, fields, values, 2, check_form, NULL) == 1;
	free(head);
	if (ok) {
		roadmap_read_years(values[0], &r->first, &r->last);
		r->title = xstrdup(values[1]);
	}
	free(values[0]), free(values[1]);
	return ok;
}

ui_screen *scr_rmimport_new(const char *path, int *imported)
{
	struct rmimport *r = xcalloc(1, sizeof *r);
	r->path = xstrdup(path);
	r->imported = imported;
	if (!ask(r)) {
		free(r->path);
		free(r);
		return NULL;
	}
	run(r, 1);
	ui_screen *scr = xcalloc(1, sizeof *scr);
	scr->title = N_("Roadmap: check");
	scr->help = N_("The roadmap's table as it would be imported, checked without changing\n"
		       "anything: the sections found with the numbers of their activities, then\n"
		       "what would be added, changed and dropped against the roadmap there is\n"
		       "now. Activities still there keep the progress recorded on them; the\n"
		       "dropped ones go with theirs.\n\n"
		       "If the table is refused, every problem is listed with its line: correct\n"
		       "the file, save it again and choose it again.\n\n"
		       "F2 imports; Esc goes back without importing. Up, Down, PgUp, PgDn\n"
		       "scroll the list.");
	if (r->result == 0)
		scr->bar[1] = NC_("key", "Import");
	scr->draw = draw;
	scr->key = key;
	scr->destroy = destroy;
	scr->data = r;
	return scr;
}
