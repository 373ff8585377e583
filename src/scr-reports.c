/* Reports: the half-year package to the district on a stick — choose the
 * half-year, see what will be sent and what is missing, choose the stick,
 * write; the packages already there; a backup of the database on the stick
 * and restoring one. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cell.h"
#include "common.h"
#include "db.h"
#include "dbcheck.h"
#include "district.h"
#include "indicators.h"
#include "keyval.h"
#include "package-write.h"
#include "package.h"
#include "receipt.h"
#include "roadmap.h"
#include "scr.h"
#include "ui-folder.h"

/* A line of the screen: the preview, then the packages already there. */
struct line {
	char *text;
	int indent;
	enum ui_attr attr;
	int wrap;		/* long: take as many rows as it needs */
};

struct state {
	char *period;
	char *dest;		/* the chosen stick or folder, or NULL */
	struct line *lines;	/* built when the period, the data or dest change */
	size_t n, top;
};

static void add_at(struct state *s, enum ui_attr attr, int indent, char *text)
{
	s->lines = xrealloc(s->lines, (s->n + 1) * sizeof *s->lines);
	s->lines[s->n++] = (struct line){ text, indent, attr, indent >= 4 };
}

/* A line of the preview: the first is its heading, a missing thing stands out. */
static void add(struct state *s, char *text)
{
	add_at(s, s->n == 0 ? UA_HEAD : !strncmp(text, _("Missing:"), strlen(_("Missing:"))) ? UA_ERROR : UA_NORMAL,
	       0, text);
}

static void clear_lines(struct state *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->lines[i].text);
	free(s->lines);
	s->lines = NULL;
	s->n = s->top = 0;
}

/* What the district's receipt beside a package says, when it is about this
 * very version of it (the digest of its SHA256SUMS is the same). */
static void receipt_lines(struct state *s, const char *dir)
{
	receipt r;
	if (!receipt_read(dir, &r)) {
		add_at(s, UA_NORMAL, 4, xstrdup(_("Not received by the district yet: there is no receipt.")));
		return;
	}
	char digest[65] = "", *when = district_time_text(r.received_at);
	if (strlen(when) > 16)
		when[16] = '\0';	/* the minute is enough here */
	package_digest(dir, digest);
	if (strcmp(r.digest, digest) != 0) {
		add_at(s, UA_NORMAL, 4, xasprintf(_("The receipt of %s is for an earlier version: the district has not "
						    "received this one yet."), when));
	} else {
		int refused = strcmp(r.outcome, "refused") == 0, k = 0;
		if (refused && r.nremarks)
			add_at(s, UA_ERROR, 4, xasprintf(_("Received by the district %s: refused: %s"), when, r.remarks[k++]));
		else
			add_at(s, refused ? UA_ERROR : UA_NORMAL, 4,
			       xasprintf(_("Received by the district %s: %s"), when, receipt_outcome_title(r.outcome)));
		for (; k < r.nremarks; k++)
			add_at(s, UA_NORMAL, 6, xasprintf("· %s", r.remarks[k]));
	}
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
		add_at(s, UA_NORMAL, 0, xstrdup(""));
		add_at(s, UA_HEAD, 0, xstrdup(_("Packages already there:")));
	}
	for (size_t i = 0; i < n; i++) {
		char *dir = xasprintf("%s/%s", s->dest, names[i]), *err = NULL;
		char *man = package_read_file(dir, "manifest.txt", NULL);
		char *created = man ? keyval_get(man, "created_at") : NULL;
		char *when = created ? district_time_text(created) : xstrdup("?");
		int good = package_verify(dir, &err) == 0;
		free(err);
		add_at(s, good ? UA_NORMAL : UA_ERROR, 2, xasprintf(_("%s — written %s — %s"), names[i], when,
								     good ? _("verifies") : _("DAMAGED")));
		receipt_lines(s, dir);
		free(dir), free(man), free(created), free(when);
	}
	package_folders_free(names, n);
}

static void preview(struct state *s)
{
	clear_lines(s);
	int year, half;
	long from, to, deadline, today = today_ymd();
	period_parse(s->period, &year, &half);
	period_days(year, half, &from, &to, &deadline);
	char *f = cell_day_text(from), *t = cell_day_text(to), *dl = cell_day_text(deadline);
	add(s, xasprintf(_("Half-year %s: %s to %s. The district expects the report by %s%s."), s->period, f, t, dl,
			 today > deadline ? _(" (the date has passed)") : ""));
	free(f), free(t), free(dl);
	add(s, xstrdup(""));
	char *err = NULL;
	ind_set ind;
	if (indicators_compute(ui.db, year, &ind, &err) == 0) {
		long shown = 0;
		for (size_t i = 0; i < ind.n; i++) {
			const indicator *v = &ind.v[i];
			if (v->code != IND_BELOW_MIN || v->grade || !v->subject_id)
				continue;
			add(s, xasprintf(_("%s · %s: below the minimum %d,%d %% (%ld of %ld)"), refmap_name(ind.proc, v->procedure_id),
					 refmap_name(ind.subj, v->subject_id), v->tenths / 10, v->tenths % 10, v->num, v->den));
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
	activity *v;
	roadmap_info *rms;
	size_t n, nrms;
	if (roadmap_meeting(ui.db, from, to, &rms, &nrms, &v, &n, &err) == 0) {
		roadmap_list_free(rms, nrms);
		int done = 0, total = 0, overdue = 0;
		for (size_t i = 0; i < n; i++) {
			if (strcmp(v[i].status, "cancelled") != 0)
				total++;
			done += !strcmp(v[i].status, "done");
			if (activity_overdue(&v[i], today)) {
				overdue++;
				if (!*v[i].evidence)
					add(s, xasprintf(_("Missing: activity %s is overdue and says nothing about why."), v[i].number));
			}
		}
		if (n)
			add(s, xasprintf(_("Roadmap: %d of %d activities done, %d overdue."), done, total, overdue));
		else
			add(s, xstrdup(_("No roadmap has been imported: the package will have no roadmap.")));
		activity_list_free(v, n);
	} else {
		free(err);
	}
	add(s, xstrdup(""));
	add(s, s->dest ? xasprintf(_("Destination: %s"), s->dest)
		       : xstrdup(_("No USB stick found: insert one and press F5, or F5 to type a folder.")));
	scan_packages(s);
}

/* The rows a line takes at width. */
static int rows_of(const struct line *l, int width)
{
	if (!l->wrap)
		return 1;
	int k;
	char **v = ui_wrap(l->text, width - 4 - l->indent, &k);
	for (int j = 0; j < k; j++)
		free(v[j]);
	free(v);
	return k ? k : 1;
}

static void draw(ui_screen *scr, WINDOW *w)
{
	struct state *s = scr->data;
	int width = getmaxx(w), height = getmaxy(w), y = 0, below = 0;
	/* Scrolled past the end: the last screenful, not a lone last line. */
	size_t last = s->n;
	while (last > 0 && below + rows_of(&s->lines[last - 1], width) <= height)
		below += rows_of(&s->lines[--last], width);
	if (s->top > last)
		s->top = last;
	for (size_t i = s->top; i < s->n && y < height; i++, y++) {
		const struct line *l = &s->lines[i];
		wattrset(w, ui_attr(l->attr));
		if (!l->wrap) {
			ui_put(w, y, 1 + l->indent, width - 2 - l->indent, l->text);
			continue;
		}
		/* A receipt's words and remarks: rows after the first indented more. */
		int k;
		char **v = ui_wrap(l->text, width - 4 - l->indent, &k);
		for (int j = 0; j < k; j++) {
			if (y < height)
				ui_put(w, y, 1 + l->indent + (j ? 2 : 0), width - 2 - l->indent - (j ? 2 : 0), v[j]);
			y += j + 1 < k;
			free(v[j]);
		}
		free(v);
	}
	wattrset(w, A_NORMAL);
}

static void choose_dest(struct state *s)
{
	char *dest = ui_folder_pick(_("Where to write"), s->dest);
	if (dest) {
		free(s->dest);
		s->dest = dest;
	}
	preview(s);
}

static void pick_period(struct state *s)
{
	char *now = period_current();
	int year, half;
	period_parse(now, &year, &half);
	free(now);
	char *labels[4];
	for (int i = 0; i < 4; i++) {
		labels[i] = xasprintf("%d-H%d", year, half);
		if (--half == 0)
			half = 2, year--;
	}
	int current = 0;
	for (int i = 0; i < 4; i++)
		if (!strcmp(labels[i], s->period))
			current = i;
	int k = ui_pick(_("Half-year"), labels, 4, current);
	if (k >= 0) {
		free(s->period);
		s->period = xstrdup(labels[k]);
		preview(s);
	}
	for (int i = 0; i < 4; i++)
		free(labels[i]);
}

static void write_package(struct state *s)
{
	if (!s->dest) {
		choose_dest(s);
		if (!s->dest)
			return;
	}
	WINDOW *d = ui_dialog(5, 60, _("Writing"));
	ui_put(d, 2, 3, 54, _("Writing the package and checking it…"));
	wrefresh(d);
	package p;
	char *err = NULL;
	if (package_build(ui.db, s->period, &csv_excel_ru, 0, NULL, &p, &err) != 0) {
		ui_error("%s", err);
	} else {
		if (package_write(&p, s->dest, &err) != 0)
			ui_error(_("Not written: %s. A package written before is still there whole."), err);
		else
			ui_message(_("The stick can be removed: the package is written and checked (%s/%s)."), s->dest, p.dirname);
		package_free(&p);
	}
	free(err);
	delwin(d);
	preview(s);
}

static void backup_here(struct state *s)
{
	if (!s->dest) {
		choose_dest(s);
		if (!s->dest)
			return;
	}
	char *err = NULL;
	/* The same naming and keeping as the backup command. */
	char *dest = dbcheck_backup_name(s->dest, ui.sc.code);
	if (dbcheck_backup(ui.db, dest, &err) != 0) {
		ui_error("%s", err);
		free(err);
	} else {
		dbcheck_prune(s->dest, ui.sc.code, 5);
		ui_message(_("Backup written and checked: %s"), dest);
	}
	free(dest);
}

static void restore_from(struct state *s)
{
	DIR *d = s->dest ? opendir(s->dest) : NULL;
	if (!d) {
		ui_error(_("Choose the stick first (F5)."));
		return;
	}
	char **names = NULL;
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (!strncmp(e->d_name, "orientir-", 9) && len > 3 && !strcmp(e->d_name + len - 3, ".db")) {
			names = xrealloc(names, (size_t)(n + 1) * sizeof *names);
			names[n++] = xstrdup(e->d_name);
		}
	}
	closedir(d);
	if (!n) {
		ui_error(_("There is no backup on %s."), s->dest);
		free(names);
		return;
	}
	int k = ui_pick(_("Restore which backup?"), names, n, n - 1);
	if (k >= 0) {
		char *q = xasprintf(_("Put %s in place of the current database? The current one is kept aside, not deleted."), names[k]);
		if (ui_confirm(q)) {
			char *from = xasprintf("%s/%s", s->dest, names[k]), *aside = NULL, *err = NULL;
			/* The open connection goes first: the file is about to change under it. */
			db_close(ui.db);
			int rc = dbcheck_restore(from, ui.db_path, &aside, &err);
			ui.db = db_open(ui.db_path, &err);
			if (rc != 0)
				ui_error("%s", err);
			else
				ui_message(_("Restored. The previous database is kept as %s."), aside ? aside : "—");
			school_clear(&ui.sc);
			if (ui.db && db_school_get(ui.db, &ui.sc, &err) != 1)
				free(err);
			free(from), free(aside);
		}
		free(q);
	}
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
	preview(s);
}

static ui_result key(ui_screen *scr, int ch, int fk)
{
	struct state *s = scr->data;
	if (!fk)
		return UI_UNHANDLED;
	if (ui_list_key(&s->top, s->n, ch))
		return UI_HANDLED;
	if (ch == KEY_F(2))
		write_package(s);
	else if (ch == KEY_F(3))
		pick_period(s);
	else if (ch == KEY_F(5))
		choose_dest(s);
	else if (ch == KEY_F(6))
		backup_here(s);
	else if (ch == KEY_F(7))
		restore_from(s);
	else
		return UI_UNHANDLED;
	return UI_REDRAW;
}

static void destroy(ui_screen *scr)
{
	struct state *s = scr->data;
	clear_lines(s);
	free(s->period);
	free(s->dest);
	free(s);
	free(scr);
}

ui_screen *scr_reports_new(void)
{
	struct state *s = xcalloc(1, sizeof *s);
	s->period = period_current();
	s->dest = ui_folder_only_stick(NULL);
	preview(s);
	ui_screen *scr = xcalloc(1, sizeof *scr);
	scr->title = N_("Reports");
	scr->help = N_("The half-year report to the district, on a USB stick.\n\n"
		       "The current half-year is chosen; F3 chooses another. The screen shows the\n"
		       "key numbers that will be sent and what is missing: assessments without\n"
		       "results, overdue activities without a word on what was done.\n\n"
		       "F5 chooses where to write: a stick found, or another folder. F2 writes the\n"
		       "package (report.html, the tables, checksums) and checks it; when it says\n"
		       "so, the stick can be removed. A package written before for the same\n"
		       "half-year is replaced only once the new one is whole.\n\n"
		       "Under each package already there: whether the district has received it,\n"
		       "and what it said, from the receipt the district's orientir leaves in the\n"
		       "package's folder when it reads the stick.\n\n"
		       "F6 puts a checked backup of the database on the stick (the last five are\n"
		       "kept); F7 restores one, keeping the current database aside.");
	scr->keys[1] = NC_("key", "Write");
	scr->keys[2] = NC_("key", "Period");
	scr->keys[4] = NC_("key", "Where");
	scr->keys[5] = NC_("key", "Backup");
	scr->keys[6] = NC_("key", "Restore");
	scr->draw = draw;
	scr->key = key;
	scr->destroy = destroy;
	scr->data = s;
	return scr;
}
