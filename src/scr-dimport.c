/* Import from a stick: choose where the packages come from (a stick, or
 * the folder chosen last time), see the report packages there, take them
 * all in, and read what became of each: the outcome, what changed, what
 * was refused and why, whether the school's receipt was written; then the
 * stick can go back. A district's export there is taken as the command
 * takes it: its schools' packages, each named. */
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

/* «District export of CODE «NAME», half-year: N school packages» (fresh). */
static char *export_title(const district_export_info *info, size_t n)
{
	char *half = half_text_of(info->period);
	char *t = xasprintf(ngettext("District export of %s «%s», %s: %zu school package",
				     "District export of %s «%s», %s: %zu school packages", (unsigned long)n),
			    info->code, info->name, half ? half : info->period, n);
	free(half);
	return t;
}

/* A district's export at the source: what it says it is and the school
 * packages it lists, or why it cannot be read. */
static void scan_export(struct state *s, const char *dir)
{
	district_export_info info;
	char **folders, *err = NULL;
	size_t n;
	if (district_export_about(dir, &info, &folders, &n, &err) != 0) {
		ui_text_take(s->text, UA_ERROR, 2, 4, xasprintf("%s — %s", inside(s, dir), err));
		free(err);
	} else {
		char *title = export_title(&info, n);
		ui_text_take(s->text, UA_HEAD, 2, 4, xasprintf("%s — %s", inside(s, dir), title));
		free(title);
		for (size_t i = 0; i < n; i++)
			ui_text_add(s->text, UA_NORMAL, 4, 6, folders[i]);
		district_dirs_free(folders, n);
	}
	district_export_info_clear(&info);
}

/* The packages at the source, each with the receipt left by an earlier
 * import, if any; a district's export with the packages it carries. */
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
		if (district_export_is(s->dirs[i]))
			scan_export(s, s->dirs[i]);
		else
			ui_text_take(t, was ? UA_NORMAL : UA_HEAD, 2, 4,
				     was ? xasprintf("%s — %s", inside(s, s->dirs[i]), was) : xstrdup(inside(s, s->dirs[i])));
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

/* What became of one package, or (export set) the head of a district's
 * export whose packages follow. */
struct item {
	pkg_import r;
	char *export;		/* the export's title, or why it was refused whole */
	int refused;		/* the export was refused whole */
	int pinned;		/* its key was pinned now (district_export_info's) */
};

/* What the import gathers, for the summary. */
struct taken {
	struct item *v;
	size_t n;
	long counts[PKG_REFUSED + 1], no_receipt, receipts;
};

static struct item *item_new(struct taken *k)
{
	k->v = xrealloc(k->v, (k->n + 1) * sizeof *k->v);
	struct item *it = &k->v[k->n++];
	*it = (struct item){ .r = { .outcome = PKG_REFUSED } };
	return it;
}

/* One package of a district's export, taken (district_import_export's each). */
static void each_carried(void *ctx, pkg_import *r)
{
	struct taken *k = ctx;
	struct item *it = item_new(k);
	it->r = *r;
	*r = (pkg_import){ 0 };
	k->counts[it->r.outcome]++;
	k->no_receipt += it->r.receipt_error != NULL;
	k->receipts += it->r.receipt_error == NULL;
}

/* Takes in the district's export at dir as the command does: its head,
 * then its packages. 0, or -1 when the database failed. */
static int take_export(struct taken *k, const char *dir, const char *when)
{
	district_export_info info;
	char *err = NULL;
	size_t head = k->n;
	item_new(k);
	int rc = district_import_export(ui.office, dir, when, 0, &info, each_carried, k, &err);
	struct item *it = &k->v[head];
	it->r.dir = xstrdup(dir);
	if (rc != 0 && !info.carried) {
		/* refused whole: nothing of it was taken */
		it->export = err;
		it->refused = 1;
		k->counts[PKG_REFUSED]++;
		rc = 0;
	} else {
		it->export = export_title(&info, info.carried);
		it->pinned = info.pinned;
		free(err);
	}
	district_export_info_clear(&info);
	return rc;
}

/* How far the import has gone, in its dialog. */
struct progress {
	struct state *s;
	struct taken *k;
	WINDOW *d;
	size_t done;
};

static void show_progress(struct progress *p, const char *dir)
{
	char *what = xasprintf(_("%zu of %zu: %s"), p->done + 1, p->s->ndirs, inside(p->s, dir));
	wattrset(p->d, ui_attr(UA_DIALOG));
	mvwhline(p->d, 2, 2, ' ', 60);
	ui_put(p->d, 2, 3, 58, what);
	free(what);
	wrefresh(p->d);
}

/* One school package taken (district_import_packages' each). */
static void each_taken(void *ctx, pkg_import *r)
{
	struct progress *p = ctx;
	show_progress(p, r->dir);
	p->done++;
	each_carried(p->k, r);
}

/* Takes in every package found, showing how far it has gone. */
static void import_all(struct state *s)
{
	char *when = day_now_iso();
	struct taken k = { 0 };
	int failed = 0;
	struct progress p = { s, &k, ui_dialog(6, 64, _("Taking in the packages")), 0 };
	while (p.done < s->ndirs && !failed) {
		char **dirs = s->dirs + p.done;
		if (district_export_is(dirs[0])) {
			show_progress(&p, dirs[0]);
			failed = take_export(&k, dirs[0], when) != 0;
			p.done++;
			continue;
		}
		/* the school packages up to the next export, together */
		size_t run = 1;
		while (p.done + run < s->ndirs && !district_export_is(dirs[run]))
			run++;
		show_progress(&p, dirs[0]);
		failed = district_import_packages(ui.office, dirs, run, when, DISTRICT_IMPORT_JOBS, each_taken, &p) != 0;
	}
	delwin(p.d);
	free(when);
	char *unsynced = NULL;
	district_sync_stick(s->source, &unsynced);
	long *counts = k.counts;
	size_t total = 0;
	for (int i = 0; i <= PKG_REFUSED; i++)
		total += (size_t)counts[i];
	ui_text *t = s->text;
	ui_text_clear(t);
	ui_text_take(t, UA_HEAD, 0, 2,
		     xasprintf(ngettext("%zu package: %ld new, %ld replaced, %ld unchanged, %ld older, %ld refused.",
					"%zu packages: %ld new, %ld replaced, %ld unchanged, %ld older, %ld refused.",
					(unsigned long)total),
			       total, counts[PKG_NEW], counts[PKG_REPLACED], counts[PKG_UNCHANGED], counts[PKG_OLDER],
			       counts[PKG_REFUSED]));
	/* Held ones are not counted anywhere until the methodist decides. */
	if (counts[PKG_HELD])
		ui_text_take(t, UA_WAIT, 0, 2,
			     xasprintf(_("Held for a decision: %ld. Decide on the Schools screen (item 1 of the main menu),"
					 " F6 Held: each with its reason, to take in or reject."), counts[PKG_HELD]));
	if (failed)
		ui_text_add(t, UA_ERROR, 0, 2, _("The database failed: the packages after this one were not taken in."));
	if (unsynced)
		ui_text_take(t, UA_ERROR, 0, 2, unsynced);
	else if (k.no_receipt)
		ui_text_take(t, UA_ERROR, 0, 2,
			     xasprintf(ngettext("The stick can be removed, but %ld receipt could not be written (see below).",
						"The stick can be removed, but %ld receipts could not be written (see below).",
						(unsigned long)k.no_receipt), k.no_receipt));
	else if (k.receipts)
		ui_text_add(t, UA_GOOD, 0, 2, _("The stick can be removed: the receipts are written on it."));
	else
		ui_text_add(t, UA_GOOD, 0, 2, _("The stick can be removed: nothing was written on it."));
	for (size_t i = 0; i < k.n; i++) {
		struct item *it = &k.v[i];
		ui_text_add(t, UA_NORMAL, 0, 0, "");
		if (it->refused)
			ui_text_take(t, UA_ERROR, 0, 2, xasprintf(_("%s — the district's export is refused, nothing of it "
								    "taken in: %s"), inside(s, it->r.dir),
								  inside(s, it->export)));
		else if (it->export)
			ui_text_take(t, UA_HEAD, 0, 2, xasprintf("%s — %s", inside(s, it->r.dir), it->export));
		if (it->pinned)
			ui_text_add(t, UA_NORMAL, 4, 2, it->pinned == 1
				    ? _("The district's key is now pinned: its later exports must be signed with it.")
				    : _("The district's new key is now pinned: its later exports must be signed with it."));
		if (!it->export)
			summarize(s, &it->r);
		free(it->export);
		pkg_import_clear(&it->r);
	}
	free(k.v);
	if (k.no_receipt || failed || counts[PKG_REFUSED] || unsynced)
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
					  "screen that the report arrived. Each is synced as it is written, and the whole "
					  "stick once the last package is in: when the summary shows, the stick can be "
					  "removed.\n\n"
					  "Up, Down, PgUp, PgDn, Home and End scroll the summary."),
				       keys, s);
	ui_screen_help_add(scr, N_("A district's export (its report with its schools' packages) is taken in as "
				   "'orientir district import' takes it: checked whole first — its checksums, its "
				   "signature against the key pinned for that district on its first export, every "
				   "package it carries — and refused whole when anything fails; then each school's "
				   "package as if it came on a stick of its own. The screen names the export and lists "
				   "the packages it carries; the summary names each school."));
	scr->text = s->text;
	scr->destroy = destroy;
	return scr;
}
