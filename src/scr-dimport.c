/* Import from a stick: choose where the packages come from (a stick, or
 * the folder chosen last time), see the report packages there, take them
 * all in, and read what became of each: the outcome, what changed, what
 * was refused and why, whether the school's receipt was written; then the
 * stick can go back. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "day.h"
#include "db-district.h"
#include "district.h"
#include "receipt.h"
#include "scr.h"
#include "ui-folder.h"
#include "ui-text.h"

struct state {
	char *source;		/* the stick or folder chosen, or NULL */
	char **dirs;		/* the packages found there */
	size_t ndirs;
	ui_text *text;		/* what is there, then what became of it */
};

/* A path inside the source without the source's own part. */
static const char *inside(const struct state *s, const char *path)
{
	size_t k = strlen(s->source);
	return strncmp(path, s->source, k) == 0 && path[k] == '/' ? path + k + 1 : path;
}

/* The translated word for an outcome a receipt names in English. */
static const char *outcome_title(const char *code)
{
	for (int o = PKG_NEW; o <= PKG_REFUSED; o++)
		if (strcmp(code, pkg_outcome_code((enum pkg_outcome)o)) == 0)
			return pkg_outcome_title((enum pkg_outcome)o);
	return code;
}

/* The packages at the source, each with the receipt left by an earlier
 * import, if any. */
static void scan(struct state *s)
{
	ui_text *t = s->text;
	ui_text_clear(t);
	district_dirs_free(s->dirs, s->ndirs);
	s->dirs = NULL;
	s->ndirs = 0;
	if (!s->source) {
		ui_text_take(t, UA_ERROR, 0, 2, ui_folder_line(NULL));
		return;
	}
	char *err = NULL;
	if (district_find_packages(s->source, &s->dirs, &s->ndirs, &err) != 0) {
		ui_text_take(t, UA_ERROR, 0, 2, err);
		return;
	}
	if (s->ndirs == 0) {
		ui_text_take(t, UA_ERROR, 0, 2, xasprintf(_("%s: no report package here (a package is a folder with "
							    "manifest.txt). F5 chooses where to take them from."),
							  s->source));
		return;
	}
	ui_text_take(t, UA_HEAD, 0, 2, xasprintf(_("From %s:"), s->source));
	ui_text_take(t, UA_HEAD, 0, 2, xasprintf(ngettext("%zu report package. F2 takes it in.",
							  "%zu report packages. F2 takes them in.", (unsigned long)s->ndirs),
						 s->ndirs));
	ui_text_add(t, UA_NORMAL, 0, 0, "");
	for (size_t i = 0; i < s->ndirs; i++) {
		receipt r;
		char *was = NULL;
		if (receipt_read(s->dirs[i], &r)) {
			char *when = district_time_text(r.received_at);
			was = xasprintf(_("taken in before, %s: %s"), when, outcome_title(r.outcome));
			free(when);
			receipt_clear(&r);
		}
		ui_text_take(t, was ? UA_NORMAL : UA_HEAD, 2, 4, was ? xasprintf("%s — %s", inside(s, s->dirs[i]), was)
								 : xstrdup(inside(s, s->dirs[i])));
		free(was);
	}
}

static enum ui_attr outcome_attr(enum pkg_outcome o)
{
	return o == PKG_NEW || o == PKG_REPLACED ? UA_GOOD : o == PKG_OLDER || o == PKG_HELD ? UA_WAIT
	       : o == PKG_REFUSED ? UA_ERROR : UA_NORMAL;
}

/* One package's part of the summary. */
static void summarize(struct state *s, const pkg_import *r)
{
	ui_text *t = s->text;
	const char *folder = inside(s, r->dir);
	char *half = half_text_of(r->period);
	char *who = r->school_code && *r->school_code
		? xasprintf("%s %s · %s", r->school_code, r->school_name, half) : xstrdup(folder);
	ui_text_take(t, outcome_attr(r->outcome), 0, 2, xasprintf("%s — %s", who, pkg_outcome_title(r->outcome)));
	free(who), free(half);
	if (r->created_at && *r->created_at) {
		char *made = district_time_text(r->created_at);
		ui_text_take(t, UA_NORMAL, 4, 2, r->results
			     ? xasprintf(ngettext("%s, made %s; %ld result taken in", "%s, made %s; %ld results taken in",
						  (unsigned long)r->results), folder, made, r->results)
			     : xasprintf(_("%s, made %s"), folder, made));
		free(made);
	}
	for (size_t i = 0; i < r->nnotes; i++)
		ui_text_add(t, UA_NORMAL, 4, 2, r->notes[i]);
	if (r->outcome == PKG_REFUSED)
		ui_text_take(t, UA_ERROR, 4, 2, xasprintf(_("Refused, nothing of it kept: %s"),
							  r->reason ? inside(s, r->reason) : "?"));
	if (r->receipt_error)
		ui_text_take(t, UA_ERROR, 4, 2, xasprintf(_("No receipt left for the school: %s"), r->receipt_error));
	else
		ui_text_add(t, UA_NORMAL, 4, 2, _("Receipt left for the school."));
}

/* Takes in every package found, showing how far it has gone. */
static void import_all(struct state *s)
{
	char *when = day_now_iso();
	pkg_import *r = xcalloc(s->ndirs, sizeof *r);
	long counts[PKG_REFUSED + 1] = { 0 }, no_receipt = 0;
	int failed = 0;
	WINDOW *d = ui_dialog(6, 64, _("Taking in the packages"));
	size_t done = 0;
	for (; done < s->ndirs && !failed; done++) {
		char *what = xasprintf(_("%zu of %zu: %s"), done + 1, s->ndirs, inside(s, s->dirs[done]));
		wattrset(d, ui_attr(UA_DIALOG));
		mvwhline(d, 2, 2, ' ', 60);
		ui_put(d, 2, 3, 58, what);
		free(what);
		wrefresh(d);
		failed = district_import_package(ui.office, s->dirs[done], when, &r[done]) != 0;
		counts[r[done].outcome]++;
		no_receipt += r[done].receipt_error != NULL;
	}
	delwin(d);
	free(when);
	ui_text *t = s->text;
	ui_text_clear(t);
	ui_text_take(t, UA_HEAD, 0, 2,
		     xasprintf(ngettext("%zu package: %ld new, %ld replaced, %ld unchanged, %ld older, %ld refused.",
					"%zu packages: %ld new, %ld replaced, %ld unchanged, %ld older, %ld refused.",
					(unsigned long)done),
			       done, counts[PKG_NEW], counts[PKG_REPLACED], counts[PKG_UNCHANGED], counts[PKG_OLDER],
			       counts[PKG_REFUSED]));
	/* Held ones are not counted anywhere until the methodist decides. */
	if (counts[PKG_HELD])
		ui_text_take(t, UA_WAIT, 0, 2,
			     xasprintf(_("Held for a decision: %ld. Decide on the Schools screen (item 1 of the main menu),"
					 " F6 Held: each with its reason, to take in or reject."), counts[PKG_HELD]));
	if (failed)
		ui_text_add(t, UA_ERROR, 0, 2, _("The database failed: the packages after this one were not taken in."));
	/* Every receipt is synced to the stick as it is written. */
	if (no_receipt)
		ui_text_take(t, UA_ERROR, 0, 2,
			     xasprintf(ngettext("The stick can be removed, but %ld receipt could not be written (see below).",
						"The stick can be removed, but %ld receipts could not be written (see below).",
						(unsigned long)no_receipt), no_receipt));
	else
		ui_text_add(t, UA_GOOD, 0, 2, _("The stick can be removed: the receipts are written on it."));
	for (size_t i = 0; i < done; i++) {
		ui_text_add(t, UA_NORMAL, 0, 0, "");
		summarize(s, &r[i]);
		pkg_import_clear(&r[i]);
	}
	free(r);
	if (no_receipt || failed || counts[PKG_REFUSED])
		ui_error(_("Taken in, with problems: see the summary."));
	else
		ui_message(_("Taken in. The stick can be removed."));
}

static void choose_source(struct state *s)
{
	ui_folder_choose(FOLDER_PACKAGES, _("Where to take the packages from"), &s->source);
	scan(s);
}

static ui_result import_key(ui_screen *scr)
{
	struct state *s = scr->data;
	char *err = NULL;
	int may = db_d_may_import(ui.office, &err);
	if (may <= 0) {
		/* refused before a stick is even asked for */
		if (may < 0)
			ui_error("%s", err);
		else
			ui_error(_("This user may only read: packages are taken in by a user who may write."));
		free(err);
		return UI_REDRAW;
	}
	if (!s->source)
		choose_source(s);
	if (s->ndirs)
		import_all(s);
	else if (s->source)
		ui_error(_("There is no report package there to take in."));
	return UI_REDRAW;
}

static ui_result source_key(ui_screen *scr)
{
	choose_source(scr->data);
	return UI_REDRAW;
}

static void destroy(ui_screen *scr)
{
	struct state *s = scr->data;
	district_dirs_free(s->dirs, s->ndirs);
	free(s->source);
	free(s);
}

static const ui_key keys[] = {
	{ KEY_F(2), NC_("key", "Import"), import_key, NULL },
	{ KEY_F(5), NC_("key", "From"), source_key, NULL },
	{ 0 },
};

ui_screen *scr_dimport_new(void)
{
	struct state *s = xcalloc(1, sizeof *s);
	size_t n;
	s->source = ui_folder_start(FOLDER_PACKAGES, &n);
	s->text = ui_text_new();
	scan(s);
	if (!s->source && n > 1)
		ui_message(_("Several sticks are in: F5 chooses one."));
	ui_screen *scr = ui_screen_new(N_("Import from a stick"),
				       N_("Takes in the report packages the schools brought on a stick.\n\n"
					  "The stick found is chosen; with none, the folder the packages were taken from "
					  "last time (the demo district's: the folder beside its database). F5 chooses "
					  "where to take them from: a stick, or a folder holding packages (or one "
					  "package's folder). The screen lists the packages there and says which were "
					  "taken in before. F2 takes them all in.\n\n"
					  "Each package is checked whole first: one that fails is refused with the "
					  "reason, and nothing of it is kept. For each school and half-year the newest "
					  "package wins; the same package again changes nothing. The summary says what "
					  "became of each: what changed, a school name that differs from the district's "
					  "(settle it on the Schools screen), the results taken in.\n\n"
					  "A package of a school not on the district's list, or signed by another key than "
					  "the one the district knows for its school (or not signed where a key is known), "
					  "is held apart: not counted, nothing of it in the district's figures. The summary "
					  "says how many are held; the Schools screen's F6 lists them with the reason, to "
					  "take each in or reject it.\n\n"
					  "A receipt is left beside each package, so that the school sees on its own "
					  "screen that the report arrived. Each is written through to the stick at once: "
					  "when the summary shows, the stick can be removed.\n\n"
					  "Up, Down, PgUp, PgDn, Home and End scroll the summary."),
				       keys, s);
	scr->text = s->text;
	scr->destroy = destroy;
	return scr;
}
