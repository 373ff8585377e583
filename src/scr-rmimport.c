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
#include "ui-text.h"
#include "ui-widgets.h"

struct rmimport {
	char *path, *title;
	int first, last;
	int *imported;
	char **lines;		/* what the check found, or every problem */
	size_t n;
	ui_text *text;		/* what the screen shows */
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

static void free_lines(struct rmimport *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->lines[i]);
	free(r->lines);
	r->lines = NULL;
	r->n = 0;
}

/* The file, its years and title, how the check went, then what it found:
 * each line wrapped under itself, its own indent kept. */
static void fill(struct rmimport *r)
{
	ui_text *t = r->text;
	ui_text_clear(t);
	ui_text_add(t, UA_HEAD, 0, 2, r->path);
	char *years = roadmap_years_text(r->first, r->last);
	ui_text_take(t, UA_NORMAL, 0, 2, *r->title ? xasprintf(_("Years: %s. Title: %s"), years, r->title)
						  : xasprintf(_("Years: %s. No title."), years));
	free(years);
	if (r->result == 0)
		ui_text_add(t, UA_HEAD, 0, 2, _("F2 imports the roadmap as checked below; Esc leaves everything as it was."));
	else if (r->result > 0)
		ui_text_take(t, UA_ERROR, 0, 2,
			     xasprintf(ngettext("%ld error: the file cannot be imported until it is corrected. Nothing was "
						"changed.",
						"%ld errors: the file cannot be imported until they are corrected. Nothing "
						"was changed.", (unsigned long)r->errors), r->errors));
	else
		ui_text_add(t, UA_ERROR, 0, 2, _("The roadmap could not be imported; nothing was changed."));
	ui_text_add(t, UA_NORMAL, 0, 0, "");
	for (size_t i = 0; i < r->n; i++) {
		int indent = (int)strspn(r->lines[i], " ");
		ui_text_add(t, UA_NORMAL, indent, 4, r->lines[i] + indent);
	}
}

/* The check (dry_run) or the import itself; its lines replace the last. */
static void run(struct rmimport *r, int dry_run)
{
	free_lines(r);
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
	fill(r);
}

static void draw(ui_screen *scr, WINDOW *w)
{
	struct rmimport *r = scr->data;
	curs_set(0);
	ui_text_draw(r->text, w, 0, 1, getmaxy(w));
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

static ui_result import(ui_screen *scr)
{
	struct rmimport *r = scr->data;
	run(r, 0);
	if (r->result != 0)
		return UI_REDRAW;
	if (r->imported)
		*r->imported = 1;
	tell_imported(r);
	return UI_POP;
}

static int can_import(const ui_screen *scr)
{
	const struct rmimport *r = scr->data;
	return r->result == 0;
}

static ui_result key(ui_screen *scr, int ch, int fk)
{
	struct rmimport *r = scr->data;
	if (ui_text_key(r->text, ch, fk))
		return UI_REDRAW;
	if (fk && ch == KEY_F(2)) {
		ui_error(_("The file has errors: correct it and choose it again."));
		return UI_REDRAW;
	}
	return UI_UNHANDLED;
}

static void destroy(ui_screen *scr)
{
	struct rmimport *r = scr->data;
	free_lines(r);
	ui_text_free(r->text);
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

static const ui_key keys[] = {
	{ KEY_F(2), NC_("key", "Import"), import, can_import },
	{ 0 },
};

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
	r->text = ui_text_new();
	run(r, 1);
	ui_screen *scr = ui_screen_new(N_("Roadmap: check"),
				       N_("The roadmap's table as it would be imported, checked without changing "
					  "anything: the file, the years and title given, then the sections found with "
					  "the numbers of their activities, then what would be added, changed and dropped "
					  "against the roadmap there is now. Activities still there keep the progress "
					  "recorded on them; the dropped ones go with theirs.\n\n"
					  "If the table is refused, every problem is listed with its line: correct the "
					  "file, save it again and choose it again.\n\n"
					  "F2 imports; Esc goes back without importing. Up, Down, PgUp, PgDn, Home and End "
					  "scroll the text."),
				       keys, r);
	scr->draw = draw;
	scr->key = key;
	scr->destroy = destroy;
	return scr;
}
