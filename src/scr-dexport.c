/* Export, in the district role: the district's report of a half-year for
 * the region — choose the half-year, see what the report will hold (who
 * reported, who is missing, who is flagged), choose the stick or a folder,
 * write it and be told when the stick can be removed. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "district-report.h"
#include "package-write.h"
#include "package.h"
#include "scr.h"
#include "ui-folder.h"
#include "ui-widgets.h"

typedef struct line {
	char *text;
	enum ui_attr attr;
	int indent;
} line;

struct state {
	char *period;
	char *dest;		/* the chosen stick or folder, or NULL */
	char *written;		/* where the last report went, or NULL */
	line *lines;		/* the preview, rebuilt when the period or the place change */
	size_t n, top;
};

static void add(struct state *s, enum ui_attr attr, int indent, char *text)
{
	s->lines = xrealloc(s->lines, (s->n + 1) * sizeof *s->lines);
	s->lines[s->n++] = (line){ text, attr, indent };
}

static void clear_lines(struct state *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->lines[i].text);
	free(s->lines);
	s->lines = NULL;
	s->n = s->top = 0;
}

/* The district's reports already at dest, each saying whether it verifies. */
static void scan_reports(struct state *s)
{
	char **names;
	size_t n;
	if (!s->dest || package_folders(s->dest, "orientir-district-", &names, &n) != 0)
		return;
	for (size_t i = 0; i < n; i++) {
		char *dir = xasprintf("%s/%s", s->dest, names[i]), *err = NULL;
		int good = package_verify(dir, &err) == 0;
		free(err);
		free(dir);
		if (i == 0) {
			add(s, UA_NORMAL, 0, xstrdup(""));
			add(s, UA_HEAD, 0, xstrdup(_("Reports already there:")));
		}
		add(s, good ? UA_NORMAL : UA_ERROR, 2,
		    xasprintf("%s — %s", names[i], good ? _("verifies") : _("DAMAGED")));
	}
	package_folders_free(names, n);
}

/* What the report of the period will hold, from the same build as the write. */
static void preview(struct state *s)
{
	clear_lines(s);
	district_report r;
	char *err = NULL;
	if (district_report_build(ui.db, s->period, &r, &err) != 0) {
		add(s, UA_ERROR, 0, err);
		return;
	}
	char *f = cell_day_text(r.from), *t = cell_day_text(r.to), *dl = cell_day_text(r.status.deadline);
	add(s, UA_HEAD, 0, xasprintf(_("Half-year %s (%s–%s); the schools' reports were due by %s."), s->period, f, t, dl));
	free(f), free(t), free(dl);
	add(s, UA_NOTE, 0, xstrdup(_("← → another half-year; F5 where to write; F2 write the report.")));
	add(s, UA_NORMAL, 0, xstrdup(""));
	const status_report *st = &r.status;
	if (!st->n) {
		add(s, UA_ERROR, 0, xstrdup(_("No schools are known yet: the report will say so. Import their packages first.")));
	} else {
		add(s, UA_NORMAL, 0, xasprintf(ngettext("Reported: %ld of %zu school, on time %ld.",
							 "Reported: %ld of %zu schools, on time %ld.", (unsigned long)st->n),
						st->received, st->n, st->on_time));
		long missing = (long)st->n - st->received;
		if (missing)
			add(s, UA_ERROR, 0, xasprintf(ngettext("Not reported, %ld school:", "Not reported, %ld schools:",
							       (unsigned long)missing), missing));
		for (size_t i = 0; i < st->n; i++)
			if (!st->v[i].received)
				add(s, UA_ERROR, 2, xasprintf("%s  %s", st->v[i].code, st->v[i].name));
		add(s, UA_NORMAL, 0, xstrdup(""));
		if (r.risk.flagged) {
			add(s, UA_ERROR, 0, xasprintf(ngettext("Low results in %d: %ld school flagged:",
							       "Low results in %d: %ld schools flagged:",
							       (unsigned long)r.risk.flagged),
						      r.year, r.risk.flagged));
			for (size_t i = 0; i < r.risk.n; i++) {
				if (!r.risk.v[i].flagged)
					continue;
				char *why = district_risk_reason(&r.risk.v[i], r.year, 0);
				add(s, UA_ERROR, 2, xasprintf("%s  %s: %s", r.risk.v[i].code, r.risk.v[i].name, why));
				free(why);
			}
		} else {
			add(s, UA_NORMAL, 0, xasprintf(_("Low results in %d: no school is flagged."), r.year));
		}
		long with_results = 0;
		for (size_t i = 0; i < r.risk.n; i++)
			with_results += r.risk.v[i].has_data;
		add(s, UA_NORMAL, 0, xasprintf(ngettext("Results for %d held from %ld school.",
							 "Results for %d held from %ld schools.", (unsigned long)with_results),
						r.year, with_results));
		long acts = 0, done = 0, overdue = 0;
		for (size_t i = 0; i < r.nprogress; i++) {
			acts += r.progress[i].activities - r.progress[i].cancelled;
			done += r.progress[i].done;
			overdue += r.progress[i].overdue;
		}
		add(s, UA_NORMAL, 0, r.nprogress
		    ? xasprintf(ngettext("Roadmaps in %zu package: %ld of %ld activities done, %ld overdue.",
					 "Roadmaps in %zu packages: %ld of %ld activities done, %ld overdue.",
					 (unsigned long)r.nprogress), r.nprogress, done, acts, overdue)
		    : xstrdup(_("No package of the half-year carries a roadmap.")));
	}
	district_report_free(&r);
	add(s, UA_NORMAL, 0, xstrdup(""));
	add(s, UA_NORMAL, 0, xstrdup(_("The report: report.html to print and four tables in CSV.")));
	add(s, s->dest ? UA_NORMAL : UA_ERROR, 0,
	    s->dest ? xasprintf(_("Destination: %s"), s->dest)
		    : xstrdup(_("No USB stick found: insert one and press F5, or F5 to type a folder.")));
	if (s->written) {
		add(s, UA_HEAD, 0, xstrdup(_("Written and checked; the stick can be removed:")));
		add(s, UA_HEAD, 2, xstrdup(s->written));
	}
	scan_reports(s);
}

static void draw(ui_screen *scr, WINDOW *w)
{
	struct state *s = scr->data;
	int width = getmaxx(w), height = getmaxy(w);
	curs_set(0);
	/* Scrolled to the end, the last page is full rather than one line. */
	if (height > 0 && s->top + (size_t)height > s->n)
		s->top = s->n > (size_t)height ? s->n - (size_t)height : 0;
	for (size_t i = s->top; i < s->n && (int)(i - s->top) < height; i++) {
		const line *l = &s->lines[i];
		wattrset(w, l->attr == UA_NORMAL ? A_NORMAL : ui_attr(l->attr));
		ui_put(w, (int)(i - s->top), 1 + l->indent, width - 2 - l->indent, l->text);
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

/* The half-year before (step -1) or after (+1) the one shown; none after
 * the current one. */
static void step_period(struct state *s, int step)
{
	int year, half, cy, ch;
	char *now = period_current();
	period_parse(now, &cy, &ch);
	free(now);
	period_parse(s->period, &year, &half);
	half += step;
	if (half == 0)
		half = 2, year--;
	if (half == 3)
		half = 1, year++;
	if (year * 2 + half > cy * 2 + ch || year < 2000)
		return;
	free(s->period);
	s->period = xasprintf("%d-H%d", year, half);
	free(s->written);
	s->written = NULL;
	preview(s);
}

static void write_report(struct state *s)
{
	if (!s->dest) {
		choose_dest(s);
		if (!s->dest)
			return;
	}
	WINDOW *d = ui_dialog(5, 60, _("Writing"));
	ui_put(d, 2, 3, 54, _("Writing the report and checking it…"));
	wrefresh(d);
	district_report r;
	package p;
	char *err = NULL;
	if (district_report_build(ui.db, s->period, &r, &err) != 0) {
		ui_error("%s", err);
	} else {
		if (district_report_package(&r, &csv_excel_ru, &p, &err) != 0) {
			ui_error("%s", err);
		} else {
			if (package_write(&p, s->dest, &err) != 0) {
				ui_error(_("Not written: %s. A report written before is still there whole."), err);
			} else {
				free(s->written);
				s->written = xasprintf("%s/%s", s->dest, p.dirname);
				ui_message("%s", _("The stick can be removed: the report is written and checked."));
			}
			package_free(&p);
		}
		district_report_free(&r);
	}
	free(err);
	delwin(d);
	preview(s);
}

static ui_result key(ui_screen *scr, int ch, int fk)
{
	struct state *s = scr->data;
	if (!fk)
		return UI_UNHANDLED;
	if (ui_legacy_list_key(&s->top, s->n, ch))
		return UI_HANDLED;
	if (ch == KEY_F(2))
		write_report(s);
	else if (ch == KEY_F(5))
		choose_dest(s);
	else if (ch == KEY_LEFT)
		step_period(s, -1);
	else if (ch == KEY_RIGHT)
		step_period(s, 1);
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
	free(s->written);
	free(s);
	free(scr);
}

ui_screen *scr_dexport_new(void)
{
	struct state *s = xcalloc(1, sizeof *s);
	s->period = district_period_to_show(ui.db);
	s->dest = ui_folder_only_stick(NULL);
	preview(s);
	ui_screen *scr = xcalloc(1, sizeof *scr);
	scr->title = N_("Export: the district's report");
	scr->help = N_("The district's report of a half-year, for the region, on a USB stick.\n\n"
		       "← and → choose the half-year. The screen shows what the report will\n"
		       "hold: how many schools reported and which have not, the schools flagged\n"
		       "by the low-results rule for the half-year's year, and the roadmap\n"
		       "progress the packages brought.\n\n"
		       "F5 chooses where to write: a stick found, or another folder. F2 writes\n"
		       "the folder orientir-district-CODE-PERIOD: report.html to print, and\n"
		       "status.csv, indicators.csv, risk.csv and roadmap.csv for spreadsheets,\n"
		       "with checksums; then reads it back. When it says so, the stick can be\n"
		       "removed. A report written before for the same half-year is replaced\n"
		       "only once the new one is whole.");
	scr->bar[1] = NC_("key", "Write");
	scr->bar[4] = NC_("key", "Where");
	scr->draw = draw;
	scr->key = key;
	scr->destroy = destroy;
	scr->data = s;
	return scr;
}
