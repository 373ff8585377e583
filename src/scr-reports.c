/* Reports: the half-year package to the district on a stick — choose the
 * half-year, see what will be sent and what is missing, choose the stick,
 * write; the packages already there; a backup of the database on the stick
 * and restoring one. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"
#include "db.h"
#include "dbcheck.h"
#include "indicators.h"
#include "package-write.h"
#include "package.h"
#include "roadmap.h"
#include "scr.h"
#include "ui-widgets.h"
#include "usb.h"

struct state {
	char *period;
	char *dest;		/* the chosen stick or folder, or NULL */
	char **lines;		/* the preview, built when the period or data change */
	size_t n, top;
	char **packages;	/* packages already at dest */
	size_t npackages;
};

static void add(struct state *s, char *line)
{
	s->lines = xrealloc(s->lines, (s->n + 1) * sizeof *s->lines);
	s->lines[s->n++] = line;
}

static void clear_lines(struct state *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->lines[i]);
	free(s->lines);
	s->lines = NULL;
	s->n = s->top = 0;
	for (size_t i = 0; i < s->npackages; i++)
		free(s->packages[i]);
	free(s->packages);
	s->packages = NULL;
	s->npackages = 0;
}

static char *day_text(long ymd)
{
	return xasprintf("%02ld.%02ld.%04ld", ymd % 100, ymd / 100 % 100, ymd / 10000);
}

/* The packages at dest: folder, period, when made, whether they verify. */
static void scan_packages(struct state *s)
{
	DIR *d = s->dest ? opendir(s->dest) : NULL;
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (strncmp(e->d_name, "orientir-", 9) != 0)
			continue;
		char *dir = xasprintf("%s/%s", s->dest, e->d_name), *err = NULL;
		char *man = xasprintf("%s/manifest.txt", dir);
		char line[256], created[64] = "?";
		FILE *fp = fopen(man, "r");
		while (fp && fgets(line, sizeof line, fp))
			if (sscanf(line, "created_at: %63s", created) == 1)
				break;
		if (fp)
			fclose(fp);
		int good = package_verify(dir, &err) == 0;
		free(err);
		s->packages = xrealloc(s->packages, (s->npackages + 1) * sizeof *s->packages);
		s->packages[s->npackages++] = xasprintf(_("%s — written %s — %s"), e->d_name, created,
						       good ? _("verifies") : _("DAMAGED"));
		free(dir), free(man);
	}
	closedir(d);
}

static void preview(struct state *s)
{
	clear_lines(s);
	int year, half;
	long from, to, deadline, today = today_ymd();
	period_parse(s->period, &year, &half);
	period_days(year, half, &from, &to, &deadline);
	char *f = day_text(from), *t = day_text(to), *dl = day_text(deadline);
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
	size_t n;
	if (db_activity_list(ui.db, &v, &n, &err) == 0) {
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

static void draw(ui_screen *scr, WINDOW *w)
{
	struct state *s = scr->data;
	int width = getmaxx(w), height = getmaxy(w), y = 0;
	for (size_t i = s->top; i < s->n && y < height; i++, y++) {
		wattrset(w, i == 0 ? ui_attr(UA_HEAD) : !strncmp(s->lines[i], _("Missing:"), strlen(_("Missing:")))
			 ? ui_attr(UA_ERROR) : A_NORMAL);
		ui_put(w, y, 1, width - 2, s->lines[i]);
	}
	wattrset(w, ui_attr(UA_HEAD));
	if (s->npackages && y + 2 < height)
		ui_put(w, ++y, 1, width - 2, _("Packages already there:"));
	wattrset(w, A_NORMAL);
	for (size_t i = 0; i < s->npackages && y + 1 < height; i++)
		ui_put(w, ++y, 3, width - 4, s->packages[i]);
}

static void choose_dest(struct state *s)
{
	usb_stick *v;
	size_t n = 0;
	if (usb_find("/proc/self/mounts", &v, &n) != 0)
		n = 0;
	char **labels = xcalloc(n + 1, sizeof *labels);
	for (size_t i = 0; i < n; i++)
		labels[i] = xasprintf(_("USB stick %s (%s)"), v[i].label, v[i].mount);
	labels[n] = xstrdup(_("Another folder…"));
	int k = ui_pick(_("Where to write"), labels, (int)n + 1, 0);
	if (k >= 0 && (size_t)k < n) {
		free(s->dest);
		s->dest = xstrdup(v[k].mount);
	} else if ((size_t)k == n) {
		const char *lab[] = { _("Folder") };
		const int wid[] = { 50 };
		char *val[] = { xstrdup(s->dest ? s->dest : getenv("HOME") ? getenv("HOME") : "/") };
		if (ui_form_run(_("Where to write"), lab, wid, val, 1, NULL, NULL) == 1) {
			struct stat st;
			if (stat(val[0], &st) == 0 && S_ISDIR(st.st_mode)) {
				free(s->dest);
				s->dest = xstrdup(val[0]);
			} else {
				ui_error(_("%s is not a folder."), val[0]);
			}
		}
		free(val[0]);
	}
	for (size_t i = 0; i <= n; i++)
		free(labels[i]);
	free(labels);
	if (n)
		usb_free(v, n);
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
	if (package_build(ui.db, s->period, &csv_excel_ru, 0, &p, &err) != 0) {
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
	usb_stick *v;
	size_t n;
	if (usb_find("/proc/self/mounts", &v, &n) == 0) {
		if (n == 1)
			s->dest = xstrdup(v[0].mount);
		usb_free(v, n);
	}
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
