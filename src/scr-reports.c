/* Reports: the half-year package to the district on a stick — choose the
 * half-year, see what will be sent and what is missing, choose the stick,
 * write; the packages already there; a backup of the database on the stick
 * and restoring one. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cell.h"
#include "common.h"
#include "day.h"
#include "db.h"
#include "dbcheck.h"
#include "district.h"
#include "indicators.h"
#include "keys.h"
#include "keyval.h"
#include "num.h"
#include "package-write.h"
#include "package.h"
#include "receipt.h"
#include "roadmap.h"
#include "scr.h"
#include "ui-folder.h"
#include "ui-text.h"
#include "ui-years.h"

struct state {
	char *period;
	char *dest;		/* the chosen stick or folder, or NULL */
	ui_text *text;		/* the preview, then the packages already there */
};

/* A line of the preview: a missing thing stands out. */
static void add(struct state *s, char *text)
{
	ui_text_take(s->text, !strncmp(text, _("Missing:"), strlen(_("Missing:"))) ? UA_ERROR : UA_NORMAL, 0, 2, text);
}

/* What the district's receipt beside a package says, when it is about this
 * very version of it (the digest of its SHA256SUMS is the same). */
static void receipt_lines(struct state *s, const char *dir)
{
	receipt r;
	if (!receipt_read(dir, &r)) {
		ui_text_add(s->text, UA_NORMAL, 4, 2, _("Not received by the district yet: there is no receipt."));
		return;
	}
	char digest[65] = "", *when = district_time_text(r.received_at);
	if (strlen(when) > 16)
		when[16] = '\0';	/* the minute is enough here */
	ui_text *t = s->text;
	package_digest(dir, digest);
	if (strcmp(r.digest, digest) != 0) {
		ui_text_take(t, UA_NORMAL, 4, 2, xasprintf(_("The receipt of %s is for an earlier version: the district "
							     "has not received this one yet."), when));
	} else {
		int refused = strcmp(r.outcome, "refused") == 0, k = 0;
		if (refused && r.nremarks)
			ui_text_take(t, UA_ERROR, 4, 2, xasprintf(_("Received by the district %s: refused: %s"), when,
								  r.remarks[k++]));
		else
			ui_text_take(t, refused ? UA_ERROR : UA_NORMAL, 4, 2,
				     xasprintf(_("Received by the district %s: %s"), when, receipt_outcome_title(r.outcome)));
		for (; k < r.nremarks; k++) {
			/* (an earlier orientir wrote some remarks for the methodist) */
			char *said = receipt_remark_for_school(r.remarks[k]);
			ui_text_take(t, UA_NORMAL, 6, 2, xasprintf("· %s", said));
			free(said);
		}
	}
	/* Whether the district wrote it: anyone can put a receipt on a stick. */
	enum receipt_trust trust = keys_receipt_trust(ui.db, &r);
	ui_text_take(t, trust == RECEIPT_GENUINE ? UA_GOOD : trust == RECEIPT_UNSIGNED ? UA_NORMAL : UA_ERROR, 4, 2,
		     xasprintf(_("Receipt: %s."), keys_receipt_trust_title(trust)));
	free(when);
	receipt_clear(&r);
}

/* The packages at dest: folder, when made, whether they verify, and what
 * the district's receipt says of them. */
static void scan_packages(struct state *s)
{
	char **names;
	size_t n;
	/* (the backups beside them are files named orientir-… too: folders only) */
	if (!s->dest || package_folders(s->dest, "orientir-", &names, &n) != 0)
		return;
	if (n) {
		ui_text_add(s->text, UA_NORMAL, 0, 0, "");
		ui_text_add(s->text, UA_HEAD, 0, 0, _("Packages already there:"));
	}
	for (size_t i = 0; i < n; i++) {
		char *dir = xasprintf("%s/%s", s->dest, names[i]), *err = NULL;
		char *man = package_read_file(dir, "manifest.txt", NULL);
		char *created = man ? keyval_get(man, "created_at") : NULL;
		char *when = created ? district_time_text(created) : xstrdup("?");
		int good = package_verify(dir, &err) == 0;
		free(err);
		ui_text_take(s->text, good ? UA_NORMAL : UA_ERROR, 2, 2,
			     xasprintf(_("%s — written %s — %s"), names[i], when, good ? _("verifies") : _("DAMAGED")));
		receipt_lines(s, dir);
		free(dir), free(man), free(created), free(when);
	}
	package_folders_free(names, n);
}

/* Each roadmap meeting the half-year (the package carries them all) under
 * its own title: its progress, then its overdue activities that say
 * nothing about why. */
static void roadmap_lines(struct state *s, long from, long to, long today)
{
	activity *v;
	roadmap_info *rms;
	size_t n, nrms;
	char *err = NULL;
	if (roadmap_meeting(ui.db, from, to, &rms, &nrms, &v, &n, &err) != 0) {
		add(s, err);
		return;
	}
	if (!nrms)
		add(s, xstrdup(_("No roadmap has been imported: the package will have no roadmap.")));
	/* (the activities come roadmap by roadmap, in the order of rms) */
	size_t at = 0;
	for (size_t k = 0; k < nrms; k++) {
		size_t end = at;
		while (end < n && v[end].roadmap_id == rms[k].id)
			end++;
		roadmap_progress p = roadmap_progress_of(v + at, end - at, -1, today);
		char *label = roadmap_label(&rms[k]), *title = xquote(*rms[k].title ? rms[k].title : rms[k].source);
		ui_text_take(s->text, UA_HEAD, 0, 2, xasprintf(_("Roadmap %s (%s): %d of %d activities done, %d overdue."),
							       title, label, p.done, p.total, p.overdue));
		free(label), free(title);
		for (; at < end; at++)
			if (activity_overdue(&v[at], today) && !*v[at].evidence)
				ui_text_take(s->text, UA_ERROR, 2, 2,
					     xasprintf(_("Missing: activity %s is overdue and says nothing about why."),
						       v[at].number));
	}
	roadmap_list_free(rms, nrms);
	activity_list_free(v, n);
}

static void preview(struct state *s)
{
	ui_text_clear(s->text);
	int year, half;
	long from, to, deadline, today = day_today();
	half_parse(s->period, &year, &half);
	period_days(year, half, &from, &to, &deadline);
	char *f = day_text(from), *t = day_text(to), *dl = day_text(deadline), *words = half_text(year, half);
	ui_text_take(s->text, UA_HEAD, 0, 2, xasprintf(_("%s: %s to %s. The district expects the report by %s%s."), words,
						       f, t, dl, today > deadline ? _(" (the date has passed)") : ""));
	free(f), free(t), free(dl), free(words);
	add(s, xstrdup(""));
	char *err = NULL;
	ind_set ind;
	if (indicators_compute(ui.db, year, &ind, &err) == 0) {
		long shown = 0;
		for (size_t i = 0; i < ind.n; i++) {
			const indicator *v = &ind.v[i];
			if (v->code != IND_BELOW_MIN || v->grade || !v->subject_id)
				continue;
			char *pct = num_percent(v->tenths);
			add(s, xasprintf(_("%s · %s: below the minimum %s (%ld of %ld)"), refmap_name(ind.proc, v->procedure_id),
					 refmap_name(ind.subj, v->subject_id), pct, v->num, v->den));
			free(pct);
			shown++;
		}
		if (!shown)
			add(s, xasprintf(_("No results for %d: the package will have no indicators."), year));
		ind_set_free(&ind);
	} else {
		free(err);
		err = NULL;
	}
	/* What is missing: assessments without results, overdue activities
	 * without a word on what was done. */
	scale_item *sc;
	size_t nsc;
	if (db_scale_list(ui.db, year, &sc, &nsc, &err) == 0) {
		for (size_t i = 0; i < nsc; i++)
			if (sc[i].results == 0)
				add(s, xasprintf(_("Missing: no results entered for %s, %s, grade %d."), sc[i].procedure,
						 sc[i].subject, sc[i].a.grade));
		scale_list_free(sc, nsc);
	} else {
		free(err);
		err = NULL;
	}
	roadmap_lines(s, from, to, today);
	add(s, xstrdup(""));
	err = NULL;
	char *news = NULL, *fp = keys_own_fingerprint(ui.db, &news, &err);
	if (fp)
		add(s, xasprintf(_("The school's signing key: %s (read it out to the methodist if asked)."), fp));
	free(fp), free(err);
	ui_text_take(s->text, s->dest ? UA_NORMAL : UA_ERROR, 0, 2, ui_folder_line(s->dest));
	scan_packages(s);
	scr_key_news(news);
	free(news);
}

/* Where to write, asked (the preview shows it): 1 when there is a place. */
static int choose_dest(struct state *s)
{
	ui_folder_choose(FOLDER_WRITE, _("Where to write"), &s->dest);
	preview(s);
	return s->dest != NULL;
}

static ui_result dest_key(ui_screen *scr)
{
	choose_dest(scr->data);
	return UI_REDRAW;
}

static ui_result pick_period(ui_screen *scr)
{
	struct state *s = scr->data;
	char *code = ui_half_pick(s->period);
	if (code) {
		free(s->period);
		s->period = code;
		preview(s);
	}
	return UI_REDRAW;
}

static ui_result write_package(ui_screen *scr)
{
	struct state *s = scr->data;
	if (!s->dest && !choose_dest(s))
		return UI_REDRAW;
	WINDOW *d = ui_busy(_("Writing"), _("Writing the package and checking it…"));
	package p;
	char *err = NULL;
	if (package_build(ui.db, s->period, &csv_excel_ru, 0, NULL, &p, &err) != 0) {
		ui_error("%s", err);
	} else {
		if (package_write(&p, s->dest, &err) != 0)
			ui_error(_("Not written: %s. A package written before is still there whole."), err);
		else
			ui_message(_("The stick can be removed: the package is written and checked (%s/%s)."), s->dest, p.dirname);
		scr_key_news(p.key_news);
		package_free(&p);
	}
	free(err);
	delwin(d);
	preview(s);
	return UI_REDRAW;
}

static ui_result backup_here(ui_screen *scr)
{
	struct state *s = scr->data;
	if (!s->dest && !choose_dest(s))
		return UI_REDRAW;
	char *err = NULL;
	/* The same naming and keeping as the backup command. */
	char *dest = dbcheck_backup_name(s->dest, ui.sc.code, &err), *news = NULL;
	sign_key key;
	if (!dest || keys_own(db_sdb(ui.db), &key, &news, &err) < 0 || dbcheck_backup(ui.db, dest, &key, &err) != 0) {
		ui_error("%s", err);
		free(err);
	} else {
		dbcheck_prune(s->dest, ui.sc.code, 5);
		ui_message(_("Backup written and checked: %s"), dest);
	}
	scr_key_news(news);
	free(news);
	free(dest);
	return UI_REDRAW;
}

/* Puts the backup name (in dest) in place of the database, once the user
 * has read whose it is and said yes. */
static void restore_one(struct state *s, const char *name)
{
	char *from = xasprintf("%s/%s", s->dest, name);
	enum backup_trust trust = keys_backup_trust(ui.db, from);
	if (trust == BACKUP_DAMAGED) {
		ui_error(_("Not restored: %s was changed after it was written."), name);
		free(from);
		return;
	}
	char *q = trust == BACKUP_OURS
		? xasprintf(_("%s is %s. Put it in place of the current database? The current one is kept aside, "
			      "not deleted."), name, keys_backup_trust_title(trust))
		: xasprintf(_("%s is %s: nothing shows this school made it. Restore it only if you know where it "
			      "came from. Put it in place of the current database? The current one is kept aside, "
			      "not deleted."), name, keys_backup_trust_title(trust));
	if (ui_confirm(q)) {
		char *aside = NULL, *err = NULL;
		/* The open connection goes first: the file is about to change under it. */
		db_close(ui.db);
		int rc = dbcheck_restore(from, ui.db_path, &aside, &err);
		ui.db = db_open(ui.db_path, &err);
		if (rc != 0)
			ui_error("%s", err);
		else
			ui_message(_("Restored. The previous database is kept as %s."), aside ? aside : "—");
		school_clear(&ui.sc);
		if (ui.db && db_school_get(db_sdb(ui.db), &ui.sc, &err) != 1)
			free(err);
		ui_show_notice();
		free(aside);
	}
	free(q), free(from);
}

static ui_result restore_from(ui_screen *scr)
{
	struct state *s = scr->data;
	char **names;
	size_t n;
	if (!s->dest || dbcheck_backups(s->dest, NULL, &names, &n) != 0) {
		ui_error(_("Choose the stick first (F5)."));
		return UI_REDRAW;
	}
	if (!n) {
		ui_error(_("There is no backup on %s."), s->dest);
		dbcheck_backups_free(names, n);
		return UI_REDRAW;
	}
	/* Each with whose it is: the list shows the chosen one's whole line. */
	char **labels = xcalloc(n, sizeof *labels);
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", s->dest, names[i]);
		labels[i] = xasprintf("%s — %s", names[i], keys_backup_trust_title(keys_backup_trust(ui.db, path)));
		free(path);
	}
	int k = ui_pick(_("Restore which backup?"), labels, (int)n, (int)n - 1);
	if (k >= 0)
		restore_one(s, names[k]);
	dbcheck_backups_free(labels, n);
	dbcheck_backups_free(names, n);
	preview(s);
	return UI_REDRAW;
}

static void destroy(ui_screen *scr)
{
	struct state *s = scr->data;
	free(s->period);
	free(s->dest);
	free(s);
}

static const ui_key keys[] = {
	{ KEY_F(2), NC_("key", "Write"), write_package, NULL },
	{ KEY_F(3), NC_("key", "Period"), pick_period, NULL },
	{ KEY_F(5), NC_("key", "Where"), dest_key, NULL },
	{ KEY_F(6), NC_("key", "Backup"), backup_here, NULL },
	{ KEY_F(7), NC_("key", "Restore"), restore_from, NULL },
	{ 0 },
};

ui_screen *scr_reports_new(void)
{
	struct state *s = xcalloc(1, sizeof *s);
	int year, half;
	half_of(day_today(), &year, &half);
	s->period = half_code(year, half);
	s->dest = ui_folder_start(FOLDER_WRITE, NULL);
	s->text = ui_text_new();
	preview(s);
	ui_screen *scr = ui_screen_new(N_("Reports"),
				       N_("The half-year report to the district, on a USB stick.\n\n"
					  "The current half-year is chosen; F3 chooses another. The screen shows the key "
					  "numbers that will be sent and what is missing: assessments without results, "
					  "overdue activities without a word on what was done. Up, Down, PgUp, PgDn "
					  "scroll it.\n\n"
					  "F5 chooses where to write: a stick found, or another folder. F2 writes the "
					  "package (report.html, the tables, checksums) and checks it; when it says so, "
					  "the stick can be removed. A package written before for the same half-year is "
					  "replaced only once the new one is whole.\n\n"
					  "Under each package already there: whether the district has received it, and "
					  "what it said, from the receipt the district's orientir leaves in the package's "
					  "folder when it reads the stick.\n\n"
					  "Under each receipt: whether the district wrote it. The first signed receipt "
					  "teaches this program the district's key; a receipt signed by another key, or "
					  "changed after it was signed, is said in red: ask the district.\n\n"
					  "The school's signing key is shown above the packages: every package and backup "
					  "is signed with it, and the district takes a package only when it is signed with "
					  "the key it knows for the school. If the methodist asks (the school has a new "
					  "computer, say), read out its fingerprint, five groups of four digits.\n\n"
					  "F6 puts a checked and signed backup of the database on the stick (the last five "
					  "are kept); F7 restores one, keeping the current database aside. The list says "
					  "of each backup whether it is signed with this school's key, with another key or "
					  "not at all (an earlier orientir's); restoring one not signed with this school's "
					  "key asks first, and one changed after it was written is not restored."),
				       keys, s);
	scr->text = s->text;
	scr->destroy = destroy;
	return scr;
}
