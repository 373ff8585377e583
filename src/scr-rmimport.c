/* The roadmap from a file, in either role: its years, title and order
 * asked (as the file or the document's text names them, else the school
 * year), then the dry run as the command line's --dry-run tells it,
 * scrollable; F2 imports (asking first when the table has no deadlines)
 * and then says what the import did; Esc leaves everything as it was. */
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
	char *order_number, *order_date;	/* NULL: the file's (or what the roadmap had) */
	int first, last;
	int *imported;
	char **lines;		/* what the check found, or every problem */
	enum roadmap_line *kinds;
	size_t n;
	ui_text *text;		/* what the screen shows */
	int result;		/* roadmap_import's */
	long errors;
	int no_deadlines;	/* the table has no deadline column */
	char *done;		/* what the import did, once done */
	size_t nacts, nsections;
	long kept;		/* activities still there, keeping their progress */
};

static void add_line(void *ctx, enum roadmap_line kind, const char *text)
{
	struct rmimport *r = ctx;
	r->lines = xrealloc(r->lines, (r->n + 1) * sizeof *r->lines);
	r->kinds = xrealloc(r->kinds, (r->n + 1) * sizeof *r->kinds);
	r->kinds[r->n] = kind;
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
	free(r->kinds);
	r->lines = NULL;
	r->kinds = NULL;
	r->n = 0;
}

/* The file, its years, title and order, how the check (or the import)
 * went, then what it found: each line wrapped under itself, its own
 * indent kept, warnings standing out. */
static void fill(struct rmimport *r)
{
	ui_text *t = r->text;
	ui_text_clear(t);
	ui_text_add(t, UA_HEAD, 0, 2, r->path);
	char *years = roadmap_years_text(r->first, r->last);
	ui_text_take(t, UA_NORMAL, 0, 2, *r->title ? xasprintf(_("Years: %s. Title: %s"), years, r->title)
						  : xasprintf(_("Years: %s. No title."), years));
	free(years);
	char *order = roadmap_order_text(r->order_number, r->order_date);
	if (*order)
		ui_text_take(t, UA_NORMAL, 0, 2, xasprintf(_("Approved by %s."), order));
	free(order);
	if (r->done)
		ui_text_add(t, UA_HEAD, 0, 2, r->done);
	else if (r->result == 0)
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
		ui_text_add(t, r->kinds[i] == RM_LINE_WARNING ? UA_WARN : UA_NORMAL, indent, 4, r->lines[i] + indent);
	}
}

/* «6 activities in 2 sections» (fresh). */
static char *activities_text(size_t nacts, size_t nsections)
{
	char *acts = xasprintf(ngettext("%zu activity", "%zu activities", (unsigned long)nacts), nacts);
	char *secs = xasprintf(ngettext("in %zu section", "in %zu sections", (unsigned long)nsections), nsections);
	char *what = nsections ? xasprintf("%s %s", acts, secs) : xstrdup(acts);
	free(acts), free(secs);
	return what;
}

/* What the import did, in a sentence or two: a corrected version's
 * activities new, corrected, unchanged and dropped, and the progress kept;
 * a new roadmap's activities and sections (fresh). */
static char *done_text(const roadmap_summary *sum, size_t nacts, size_t nsections)
{
	char *what = roadmap_summary_what(sum), *counts;
	if (sum->corrected) {
		char *added = xasprintf(ngettext("%ld new", "%ld new", (unsigned long)sum->added), sum->added);
		char *changed = xasprintf(ngettext("%ld corrected", "%ld corrected", (unsigned long)sum->changed),
					  sum->changed);
		char *same = xasprintf(ngettext("%ld unchanged", "%ld unchanged", (unsigned long)sum->unchanged),
				       sum->unchanged);
		char *dropped = xasprintf(ngettext("%ld dropped", "%ld dropped", (unsigned long)sum->dropped), sum->dropped);
		long kept = sum->changed + sum->unchanged;
		char *progress = kept ? xasprintf(ngettext(" The progress recorded on %ld activity is kept.",
							   " The progress recorded on %ld activities is kept.",
							   (unsigned long)kept), kept)
				      : xstrdup("");
		counts = xasprintf(_("Activities: %s, %s, %s, %s.%s"), added, changed, same, dropped, progress);
		free(added), free(changed), free(same), free(dropped), free(progress);
	} else {
		char *acts = activities_text(nacts, nsections);
		counts = xasprintf("%s.", acts);
		free(acts);
	}
	char *text = xasprintf(_("Imported: %s. %s"), what, counts);
	free(what), free(counts);
	return text;
}

/* The check (dry_run) or the import itself; its lines replace the last. */
static void run(struct rmimport *r, int dry_run)
{
	free_lines(r);
	diag d = { .emit = collect, .ctx = r };
	rm_table t;
	roadmap_summary sum;
	/* Without a deadline column the import goes on only once the user
	 * said so (import() asked). */
	roadmap_import_opts o = { r->first, r->last, r->title, r->order_number, r->order_date, dry_run, !dry_run };
	r->result = roadmap_import(ui.db, r->path, &o, &d, &t, &sum);
	r->errors = d.errors;
	if (r->result == 0) {
		roadmap_found(&t, add_line, r);
		add_line(r, RM_LINE_INFO, "");
		roadmap_summary_say(&sum, dry_run, add_line, r);
		r->nacts = t.nacts;
		r->nsections = t.nsections;
		r->kept = sum.changed + sum.unchanged;
		r->no_deadlines = !t.col_header[RM_DEADLINE];
		if (!dry_run)
			r->done = done_text(&sum, t.nacts, t.nsections);
	}
	roadmap_summary_free(&sum);
	rm_table_free(&t);
	fill(r);
}

/* After the import: how much came in, and that progress stayed. */
static void tell_imported(const struct rmimport *r)
{
	char *what = activities_text(r->nacts, r->nsections);
	if (r->kept)
		ui_message(ngettext("Imported: %s; progress kept on %ld activity still there.",
				    "Imported: %s; progress kept on %ld activities still there.", (unsigned long)r->kept),
			   what, r->kept);
	else
		ui_message(_("Imported: %s."), what);
	free(what);
}

/* F2: a table without deadlines only once the user says so (from «Нет»);
 * then the import, and the screen says what it did. */
static ui_result import(ui_screen *scr)
{
	struct rmimport *r = scr->data;
	if (r->no_deadlines && !ui_confirm(_("The table has no deadlines: no activity will have one, and none will "
					     "ever be overdue. Import it all the same?")))
		return UI_REDRAW;
	run(r, 0);
	if (r->result != 0)
		return UI_REDRAW;
	if (r->imported)
		*r->imported = 1;
	tell_imported(r);
	return UI_REDRAW;
}

static int can_import(const ui_screen *scr)
{
	const struct rmimport *r = scr->data;
	return r->result == 0 && !r->done;
}

static ui_result key(ui_screen *scr, int ch, int fk)
{
	struct rmimport *r = scr->data;
	if (fk && ch == KEY_F(2)) {
		if (r->done)
			ui_message(_("The roadmap is imported: Esc goes back."));
		else
			ui_error(_("The file has errors: correct it and choose it again."));
		return UI_REDRAW;
	}
	return UI_UNHANDLED;
}

static void destroy(ui_screen *scr)
{
	struct rmimport *r = scr->data;
	free_lines(r);
	free(r->path);
	free(r->title);
	free(r->order_number);
	free(r->order_date);
	free(r->done);
	free(r);
}

static int check_form(void *ctx, char *const *v, int *field, char **msg)
{
	(void)ctx;
	int first, last;
	long day;
	if (roadmap_read_years(v[0], &first, &last) != 0) {
		*field = 0;
		*msg = xstrdup(_("The years are like 2026 or 2025-2026, the first not after the last."));
		return -1;
	}
	if (*v[3] && day_parse(v[3], &day) != 0) {
		*field = 3;
		*msg = xstrdup(_("The date is written like 15.04.2026."));
		return -1;
	}
	return 0;
}

/* What the form gives for what the file offered: NULL (the file's, or
 * what the roadmap had) when both are empty, else what is there now. */
static char *given(const char *offered, char *now)
{
	if (!*offered && !*now) {
		free(now);
		return NULL;
	}
	return now;
}

/* The years, title and order, offered as the file or the school year has
 * them, the years' label saying where they came from: 1 given, 0 the user
 * gave up. */
static int ask(struct rmimport *r)
{
	char *err = NULL;
	roadmap_offer offer;
	if (roadmap_import_defaults(ui.db, r->path, day_today(), &offer, &err) < 0) {
		ui_error("%s", err);
		free(err);
		return 0;
	}
	/* Where the years came from, short enough for the form's labels; years
	 * the file does not name are the school year's, and the label then
	 * says how to write them. */
	const char *years_label = offer.years_from == RM_FROM_MARKER	  ? _("Years (from the file)")
				  : offer.years_from == RM_FROM_TITLE	  ? _("Years (from the title)")
				  : offer.years_from == RM_FROM_PREAMBLE  ? _("Years (from the order)")
				  : offer.years_from == RM_FROM_DEADLINES ? _("Years (from deadlines)")
									  : _("Years (2026 or 2025-2026)");
	const ui_field fields[] = { { years_label, 11, UI_FIELD_TEXT, NULL }, { _("Title"), 0, UI_FIELD_TEXT, NULL },
				    { _("Order №"), 12, UI_FIELD_TEXT, NULL }, { _("Order of"), 10, UI_FIELD_DATE, NULL } };
	char *values[4] = { roadmap_years_text(offer.first_year, offer.last_year), xstrdup(offer.title),
			    xstrdup(offer.order_number), day_text_of(offer.order_date) };
	const char *slash = strrchr(r->path, '/');
	char *head = xasprintf(_("Roadmap from %s"), slash ? slash + 1 : r->path);
	int ok = ui_form_run(head, fields, values, 4, check_form, NULL) == 1;
	free(head);
	if (ok) {
		long day = 0;
		roadmap_read_years(values[0], &r->first, &r->last);
		r->title = values[1];
		r->order_number = given(offer.order_number, values[2]);
		r->order_date = *values[3] && day_parse(values[3], &day) == 0 ? day_iso(day)
			      : *offer.order_date ? xstrdup("") : NULL;
		values[1] = values[2] = NULL;
	}
	roadmap_offer_clear(&offer);
	for (int i = 0; i < 4; i++)
		free(values[i]);
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
					  "anything: the file, the years, title and order given, then which table of a "
					  "document is the plan, which column was taken for what, the sections found with "
					  "the numbers of their activities, and what would be added, changed and dropped "
					  "against the roadmap of those years there is now (a roadmap for other years is "
					  "a new one: the others are kept). Activities still there keep the progress "
					  "recorded on them; the dropped ones go with theirs. A warning stands out: a table "
					  "with no deadline column gives activities without deadlines, none ever "
					  "overdue.\n\n"
					  "If the table is refused, every problem is listed with its line: correct the "
					  "file, save it again and choose it again.\n\n"
					  "F2 imports (a table without deadlines only once you say so: the question starts "
					  "on «Нет»); the top of the screen then says what the import did: how many "
					  "activities are new, corrected, unchanged and dropped. Esc goes back, without "
					  "importing if F2 was not pressed. Up, Down, PgUp, PgDn, Home and End scroll the "
					  "text."),
				       keys, r);
	scr->text = r->text;
	scr->key = key;
	scr->destroy = destroy;
	return scr;
}
