/* Export, in the district role: the district's report of a half-year for
 * the region — choose the half-year, see what the report will hold (who
 * reported, who is missing, who is flagged), choose the stick or a folder,
 * write it and be told when the stick can be removed; and the district's
 * roadmap written there for the schools. On the region's server: the
 * region's report, of every district or of one (F9), into a folder. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "day.h"
#include "district-report.h"
#include "package-write.h"
#include "package.h"
#include "region-report.h"
#include "scr.h"
#include "ui-folder.h"
#include "ui-text.h"
#include "ui-years.h"

struct state {
	char *period;
	char *dest;		/* the chosen stick or folder, or NULL */
	char *written;		/* where the last report went, or NULL */
	ui_text *text;		/* the preview, made again when the period or the place change */
	int roadmaps;		/* how many roadmaps the district keeps */
	char *district;		/* the region's filter: NULL for every district */
};

/* The report of the period: the district's, or on the region the region's
 * of the district chosen (or all). 0, or -1 with *err. */
static int build(const struct state *s, district_report *r, char **err)
{
	return ui_region() ? region_report_build(ui.office, s->period, s->district, r, err)
			   : district_report_build(ui.office, s->period, r, err);
}

static void report_free(district_report *r)
{
	if (ui_region())
		region_report_free(r);
	else
		district_report_free(r);
}

/* The district's (the region's) reports already at dest, each saying
 * whether it verifies. */
static void scan_reports(struct state *s)
{
	char **names;
	size_t n;
	const char *prefix = ui_region() ? "orientir-region-" : "orientir-district-";
	if (!s->dest || package_folders(s->dest, prefix, &names, &n) != 0)
		return;
	for (size_t i = 0; i < n; i++) {
		char *dir = xasprintf("%s/%s", s->dest, names[i]), *err = NULL;
		int good = package_verify(dir, &err) == 0;
		free(err);
		free(dir);
		if (i == 0) {
			ui_text_add(s->text, UA_NORMAL, 0, 0, "");
			ui_text_add(s->text, UA_HEAD, 0, 0, _("Reports already there:"));
		}
		ui_text_take(s->text, good ? UA_NORMAL : UA_ERROR, 2, 4,
			     xasprintf("%s — %s", names[i], good ? _("verifies") : _("DAMAGED")));
	}
	package_folders_free(names, n);
}

/* A line of the preview, its wrapped rows standing in a little. */
static void add(struct state *s, enum ui_attr attr, int indent, char *text)
{
	ui_text_take(s->text, attr, indent, 2, text);
}

/* What the report of the period will hold, from the same build as the write. */
static void preview(struct state *s)
{
	ui_text_clear(s->text);
	/* (the roadmaps are a district's file's) */
	s->roadmaps = ui_region() ? 0 : scr_roadmap_count();
	if (ui_region())
		add(s, UA_QUERY, 0, ui_district_line(s->district));
	district_report r;
	char *err = NULL;
	if (build(s, &r, &err) != 0) {
		add(s, UA_ERROR, 0, err);
		return;
	}
	char *f = day_text(r.from), *t = day_text(r.to), *dl = day_text(r.status.deadline);
	char *half = half_text(r.year, r.half);
	add(s, UA_HEAD, 0, xasprintf(_("%s: %s to %s; the schools' reports were due by %s."), half, f, t, dl));
	free(f), free(t), free(dl), free(half);
	add(s, UA_NOTE, 0, xstrdup(ui_region() ? _("← → or F3: another half-year; F9: a district; F5: where to write; F2: "
						   "write the report.")
				       : _("← → or F3: another half-year; F5: where to write; F2: write the report.")));
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
	if (r.region && !r.region->district && r.region->n) {
		add(s, UA_NORMAL, 0, xstrdup(""));
		add(s, UA_HEAD, 0, xstrdup(_("By district (reported of the schools, flagged):")));
		for (size_t i = 0; i < r.region->n; i++) {
			const region_district *d = &r.region->v[i];
			add(s, UA_NORMAL, 2, xasprintf(_("%s: %ld of %ld, flagged %ld"),
						       *d->name ? d->name : _("(no district named)"), d->received,
						       d->expected, d->flagged));
		}
	}
	report_free(&r);
	add(s, UA_NORMAL, 0, xstrdup(""));
	add(s, UA_NORMAL, 0, xstrdup(ui_region() ? _("The report: report.html to print and five tables in CSV.")
				     : _("The report: report.html to print and four tables in CSV.")));
	/* (the region's operator writes into a folder: no stick is looked for) */
	add(s, s->dest ? UA_NORMAL : UA_ERROR, 0, ui_region() && !s->dest
	    ? xstrdup(_("No folder chosen yet: F5 chooses where to write.")) : ui_folder_line(s->dest));
	if (s->written) {
		add(s, UA_HEAD, 0, xstrdup(ui_region() ? _("Written and checked:")
					   : _("Written and checked; the stick can be removed:")));
		add(s, UA_HEAD, 2, xstrdup(s->written));
	}
	scan_reports(s);
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

/* The half-year shown from now on. */
static void show_period(struct state *s, char *period)
{
	free(s->period);
	s->period = period;
	free(s->written);
	s->written = NULL;
	preview(s);
}

/* The half-year before (step -1) or after (+1) the one shown; none after
 * the current one. */
static void step_period(struct state *s, int step)
{
	char *p = half_step(s->period, step), *now = half_today();
	/* (codes of the same form sort as their half-years do) */
	if (p && strcmp(p, now) > 0) {
		ui_message(_("The report can be written for a half-year that has begun, not a later one."));
		free(p);
	} else if (p) {
		show_period(s, p);
	}
	free(now);
}

static ui_result pick_period(ui_screen *scr)
{
	struct state *s = scr->data;
	char *p = ui_half_pick(s->period);
	if (p)
		show_period(s, p);
	return UI_REDRAW;
}

static ui_result write_report(ui_screen *scr)
{
	struct state *s = scr->data;
	if (!s->dest && !choose_dest(s))
		return UI_REDRAW;
	WINDOW *d = ui_busy(_("Writing"), _("Writing the report and checking it…"));
	district_report r;
	package p;
	char *err = NULL;
	if (build(s, &r, &err) != 0) {
		ui_error("%s", err);
	} else {
		if ((ui_region() ? region_report_package(&r, &csv_excel_ru, &p, &err)
				 : district_report_package(&r, &csv_excel_ru, &p, &err)) != 0) {
			ui_error("%s", err);
		} else {
			if (package_write(&p, s->dest, &err) != 0) {
				ui_error(_("Not written: %s. A report written before is still there whole."), err);
			} else {
				free(s->written);
				s->written = xasprintf("%s/%s", s->dest, p.dirname);
				ui_message("%s", ui_region() ? _("The report is written and checked.")
						 : _("The stick can be removed: the report is written and checked."));
			}
			package_free(&p);
		}
		report_free(&r);
	}
	free(err);
	delwin(d);
	preview(s);
	return UI_REDRAW;
}

/* The district's roadmap, for the schools to import, where the report
 * goes: which one is asked when there are several. */
static ui_result write_roadmap(ui_screen *scr)
{
	struct state *s = scr->data;
	roadmap_info r;
	if (!scr_roadmap_pick(_("Which roadmap to write"), 0, &r))
		return UI_REDRAW;
	if (s->dest || choose_dest(s))
		scr_roadmap_write(&r, s->dest);
	roadmap_info_clear(&r);
	preview(s);
	return UI_REDRAW;
}

static ui_result pick_district(ui_screen *scr)
{
	struct state *s = scr->data;
	if (ui_district_pick(&s->district)) {
		free(s->written);
		s->written = NULL;
		preview(s);
	}
	return UI_REDRAW;
}

static int on_region(const ui_screen *scr)
{
	(void)scr;
	return ui_region();
}

static int have_roadmap(const ui_screen *scr)
{
	const struct state *s = scr->data;
	return s->roadmaps > 0;
}

static ui_result before_key(ui_screen *scr)
{
	step_period(scr->data, -1);
	return UI_REDRAW;
}

static ui_result after_key(ui_screen *scr)
{
	step_period(scr->data, 1);
	return UI_REDRAW;
}

static void destroy(ui_screen *scr)
{
	struct state *s = scr->data;
	free(s->period);
	free(s->dest);
	free(s->written);
	free(s->district);
	free(s);
}

static const ui_key keys[] = {
	{ KEY_F(2), NC_("key", "Write"), write_report, NULL },
	{ KEY_F(3), NC_("key", "Period"), pick_period, NULL },
	{ KEY_F(5), NC_("key", "Where"), dest_key, NULL },
	{ KEY_F(6), NC_("key", "Roadmap"), write_roadmap, have_roadmap },
	{ KEY_F(9), NC_("key", "District"), pick_district, on_region },
	{ KEY_LEFT, NULL, before_key, NULL },
	{ KEY_RIGHT, NULL, after_key, NULL },
	{ 0 },
};

ui_screen *scr_dexport_new(void)
{
	struct state *s = xcalloc(1, sizeof *s);
	s->period = district_period_to_show(ui.office);
	s->dest = ui_folder_start(FOLDER_WRITE, NULL);
	s->text = ui_text_new();
	preview(s);
	ui_screen *scr = ui_screen_new(ui_region() ? N_("Export: the region's report") : N_("Export: the district's report"),
				       N_("The district's report of a half-year, for the region, on a USB stick.\n\n"
					  "← and → step to the half-year before or after; F3 chooses one. The screen shows "
					  "what the report will hold: how many schools reported and which have not, the "
					  "schools flagged by the low-results rule for the half-year's year, and the "
					  "roadmap progress the packages brought. Up, Down, PgUp, PgDn, Home and End "
					  "scroll it.\n\n"
					  "F5 chooses where to write: a stick found, the folder chosen last time, or "
					  "another folder. F2 writes the folder orientir-district-CODE-PERIOD: report.html "
					  "to print, and status.csv, indicators.csv, risk.csv and roadmap.csv for "
					  "spreadsheets, with checksums; then reads it back. When it says so, the stick "
					  "can be removed. A report written before for the same half-year is replaced only "
					  "once the new one is whole.\n\n"
					  "F6 writes the district's roadmap there too, as the table the schools import "
					  "(roadmap-YEARS.csv), and reads it back; when the district keeps several "
					  "roadmaps, it asks which (the one for today is marked). Before writing over a "
					  "file of that name it asks, starting on «Нет»."),
				       keys, s);
	if (ui_region())
		scr->help = N_("The region's report of a half-year, of every district or of one, into a folder.\n\n"
			       "← and → step to the half-year before or after; F3 chooses one. F9 chooses one "
			       "district (or all of them): the line at the top says which. The screen shows what "
			       "the report will hold: how many schools reported and which have not, the schools "
			       "flagged by the low-results rule, and (for all the districts) each district's "
			       "line. Up, Down, PgUp, PgDn, Home and End scroll it.\n\n"
			       "F5 chooses the folder on this computer (the region's server keeps no folder of "
			       "it). F2 writes the folder orientir-region-CODE-PERIOD (with one district, its "
			       "name after): report.html to print, and status.csv, indicators.csv, risk.csv, "
			       "roadmap.csv and districts.csv for spreadsheets, with checksums; then reads it "
			       "back. A report written before for the same half-year is replaced only once the "
			       "new one is whole.");
	scr->text = s->text;
	scr->destroy = destroy;
	return scr;
}
