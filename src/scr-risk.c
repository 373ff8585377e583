/* The risk group bank: its pupils with their latest results, routes and
 * lessons, the share figures at the top; proposals from the results to
 * confirm or dismiss; each pupil's card. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "day.h"
#include "indicators.h"
#include "riskgroup.h"
#include "roadmap.h"
#include "scr.h"
#include "tasks.h"
#include "ui-widgets.h"
#include "utf8.h"

struct state {
	risk_pupil *v;
	size_t n, row, top;
	size_t *shown;		/* indices of v that pass the filters */
	size_t nshown;
	char *class_filter, *subject_filter;	/* NULL: all */
	int year;
	long with_route, failing, failing_extra, size_change;
	int have_change;
};

static int has(const char *hay, const char *needle)
{
	char *h = utf8_fold(hay, strlen(hay)), *n = utf8_fold(needle, strlen(needle));
	int hit = strstr(h, n) != NULL;
	free(h), free(n);
	return hit;
}

static void apply_filter(struct state *s)
{
	free(s->shown);
	s->shown = xcalloc(s->n + 1, sizeof *s->shown);
	s->nshown = 0;
	for (size_t i = 0; i < s->n; i++) {
		const risk_pupil *p = &s->v[i];
		if (s->class_filter && strcmp(p->class_label, s->class_filter) != 0)
			continue;
		if (s->subject_filter && !has(p->reason, s->subject_filter) && !has(p->extra_subject, s->subject_filter) &&
		    !has(p->latest, s->subject_filter))
			continue;
		s->shown[s->nshown++] = i;
	}
	if (s->row >= s->nshown)
		s->row = s->nshown ? s->nshown - 1 : 0;
}

static void reload(struct state *s)
{
	char *err = NULL;
	risk_list_free(s->v, s->n);
	s->v = NULL;
	s->n = 0;
	if (db_risk_list(ui.db, &s->v, &s->n, &err) != 0) {
		ui_error("%s", err);
		free(err);
		err = NULL;
	}
	ind_set set;
	s->with_route = s->failing = s->failing_extra = 0;
	s->have_change = 0;
	if (indicators_compute(ui.db, s->year, &set, &err) == 0) {
		for (size_t i = 0; i < set.n; i++) {
			const indicator *v = &set.v[i];
			if (v->code == IND_WEAK_WITH_ROUTE)
				s->with_route = v->num;
			if (v->code == IND_FAILING_IN_EXTRA)
				s->failing = v->den, s->failing_extra = v->num;
			if (v->code == IND_RISK_GROUP_CHANGE)
				s->size_change = v->num, s->have_change = 1;
		}
		ind_set_free(&set);
	} else {
		free(err);
	}
	apply_filter(s);
}

static void draw(ui_screen *scr, WINDOW *w)
{
	struct state *s = scr->data;
	int width = getmaxx(w), height = getmaxy(w);
	long n = (long)s->n;
	char *top = xasprintf(_("Risk group: %ld pupils (%+ld since the last half-year) · with a route: %ld of %ld"),
			      n, s->have_change ? s->size_change : 0L, s->with_route, n);
	wattrset(w, ui_attr(UA_HEAD));
	ui_put(w, 0, 1, width - 2, top);
	free(top);
	char *f = xasprintf(_("Below the minimum in %d: %ld, in extra lessons: %ld · class: %s · subject: %s"), s->year,
			    s->failing, s->failing_extra, s->class_filter ? s->class_filter : _("all"),
			    s->subject_filter ? s->subject_filter : _("all"));
	wattrset(w, ui_attr(UA_NOTE));
	ui_put(w, 1, 1, width - 2, f);
	free(f);
	wattrset(w, ui_attr(UA_HEAD));
	int xr = width / 2 + 2;
	ui_put(w, 3, 1, 5, _("Class"));
	ui_put(w, 3, 7, xr - 8, _("Pupil"));
	ui_put(w, 3, xr, width - xr - 1, _("Latest result · route · lessons"));
	wattrset(w, A_NORMAL);
	int rows = (height - 5) / 2;
	ui_legacy_list_scroll(s->row, &s->top, rows);
	for (int i = 0; i < rows && s->top + (size_t)i < s->nshown; i++) {
		const risk_pupil *p = &s->v[s->shown[s->top + (size_t)i]];
		int y = 4 + 2 * i, cur = s->top + (size_t)i == s->row;
		wattrset(w, cur ? ui_attr(UA_SELECT) : A_NORMAL);
		if (cur) {
			mvwhline(w, y, 0, ' ', width);
			mvwhline(w, y + 1, 0, ' ', width);
		}
		ui_put(w, y, 1, 5, p->class_label);
		ui_put(w, y, 7, xr - 8, p->name);
		ui_put(w, y, xr, width - xr - 1, *p->latest ? p->latest : _("no results"));
		char *why = xasprintf("%s", *p->reason ? p->reason : _("added by hand"));
		ui_put(w, y + 1, 7, xr - 8, why);
		free(why);
		char *support = xasprintf("%s · %s", p->route ? _("route") : _("NO ROUTE"),
					  p->extra ? (*p->extra_subject ? p->extra_subject : _("lessons")) : _("no lessons"));
		if (!p->route && !cur)
			wattrset(w, ui_attr(UA_ERROR));
		ui_put(w, y + 1, xr, width - xr - 1, support);
		free(support);
	}
	wattrset(w, A_NORMAL);
	if (!s->nshown)
		ui_put(w, 5, 2, width - 4, s->n ? _("Nobody matches the filter.")
						: _("The risk group is empty. F7 shows the pupils the results propose."));
}

enum { R_ROUTE, R_ROUTE_ON, R_TEACHER, R_TEXT, R_EXTRA, R_SUBJECT, R_LESSON_TEACHER, R_NOTE, NCARD };

static int check_card(void *ctx, char *const *v, int *field, char **msg)
{
	(void)ctx;
	int yn, y, m, d;
	if (cell_yesno(v[R_ROUTE], &yn) != 0 || cell_yesno(v[R_EXTRA], &yn) != 0) {
		*field = cell_yesno(v[R_ROUTE], &yn) != 0 ? R_ROUTE : R_EXTRA;
		*msg = xstrdup(_("Write да or нет."));
		return -1;
	}
	if (*v[R_ROUTE_ON] && cell_date(v[R_ROUTE_ON], &y, &m, &d) != 0) {
		*field = R_ROUTE_ON;
		*msg = xstrdup(_("The date is written like 15.04.2026."));
		return -1;
	}
	return 0;
}

/* The pupil's own deficits by the year's ВПР tasks, and what to work on
 * (fresh; "" when the forms give none). */
static char *deficit_text(const struct state *s, const risk_pupil *p, char **route)
{
	pupil_deficit *v;
	size_t n;
	char *err = NULL;
	*route = xstrdup("");
	if (tasks_pupil_deficits(ui.db, p->id, s->year, &v, &n, &err) != 0) {
		char *msg = err;
		return msg;
	}
	char *text = xstrdup("");
	for (size_t i = 0; i < n; i++) {
		char *score = cell_number_text(v[i].score), *max = cell_number_text(v[i].max);
		char *line = xasprintf(_("%s, %s, task %s: %s of %s%s%s"), v[i].procedure, v[i].subject, v[i].number, score,
				       max, *v[i].skill ? " — " : "", v[i].skill);
		char *t = xasprintf("%s%s\n", text, line);
		free(text), free(line), free(score), free(max);
		text = t;
	}
	if (n) {
		free(*route);
		*route = tasks_route_text(v, n);
		char *t = xasprintf(_("%s\nTo work on: %s"), text, *route);
		free(text);
		text = t;
	}
	pupil_deficits_free(v, n);
	return text;
}

static void card(struct state *s, risk_pupil *p)
{
	const ui_field fields[NCARD] = {
		{ _("Individual route"), 0, UI_FIELD_YESNO, NULL }, { _("Route since"), 10, UI_FIELD_DATE, NULL },
		{ _("Responsible teacher"), 30, UI_FIELD_TEXT, NULL }, { _("Route"), 0, UI_FIELD_TEXT, NULL },
		{ _("Extra lessons"), 0, UI_FIELD_YESNO, NULL }, { _("Lessons in"), 24, UI_FIELD_TEXT, NULL },
		{ _("Lessons teacher"), 30, UI_FIELD_TEXT, NULL }, { _("Progress note"), 0, UI_FIELD_TEXT, NULL },
	};
	int y, m, d;
	char *v[NCARD] = {
		xstrdup(p->route ? _("yes") : _("no")),
		cell_date(p->route_on, &y, &m, &d) == 0 ? xasprintf("%02d.%02d.%04d", d, m, y) : xstrdup(""),
		xstrdup(p->route_teacher), NULL, xstrdup(p->extra ? _("yes") : _("no")),
		xstrdup(p->extra_subject), xstrdup(p->extra_teacher), xstrdup(""),
	};
	/* An empty route starts from what the pupil's ВПР tasks say to work on. */
	char *route, *deficits = deficit_text(s, p, &route);
	free(deficits);
	v[R_TEXT] = *p->route_text ? xstrdup(p->route_text) : route;
	if (*p->route_text)
		free(route);
	char *title = xasprintf("%s, %s", p->name, p->class_label);
	if (ui_form_run(title, fields, v, NCARD, check_card, NULL) == 1) {
		risk_pupil q = *p;
		cell_yesno(v[R_ROUTE], &q.route);
		cell_yesno(v[R_EXTRA], &q.extra);
		q.route_on = cell_date(v[R_ROUTE_ON], &y, &m, &d) == 0 ? xasprintf("%04d-%02d-%02d", y, m, d) : xstrdup("");
		if (q.route && !*q.route_on) {
			long t = day_today();
			free(q.route_on);
			q.route_on = cell_iso_day(t);
		}
		q.route_teacher = v[R_TEACHER], q.route_text = v[R_TEXT];
		q.extra_subject = v[R_SUBJECT], q.extra_teacher = v[R_LESSON_TEACHER];
		char *err = NULL;
		if (db_risk_save(ui.db, &q, &err) != 0 || (*v[R_NOTE] && db_risk_note(ui.db, p->id, v[R_NOTE], &err) != 0)) {
			ui_error("%s", err);
			free(err);
		} else {
			ui_message(_("Saved."));
		}
		free(q.route_on);
		reload(s);
	}
	free(title);
	for (int i = 0; i < NCARD; i++)
		free(v[i]);
}

static void proposals(struct state *s)
{
	risk_proposal *v;
	size_t n;
	char *err = NULL;
	if (risk_proposals(ui.db, s->year, &v, &n, &err) != 0) {
		ui_error("%s", err);
		free(err);
		return;
	}
	if (!n) {
		ui_message(_("The results of %d propose nobody new."), s->year);
		free(v);
		return;
	}
	char **labels = xcalloc(n, sizeof *labels);
	for (size_t i = 0; i < n; i++)
		labels[i] = xasprintf("%s %s — %s", v[i].class_label, v[i].name, v[i].reason);
	char *title = xasprintf(_("Proposed by the results of %d"), s->year);
	int k = ui_pick(title, labels, (int)n, 0);
	free(title);
	if (k >= 0) {
		char *choices[] = { _("Add to the risk group"), _("Dismiss the proposal") };
		int c = ui_pick(v[k].name, choices, 2, 0);
		if (c == 0) {
			if (db_risk_set(ui.db, v[k].student_id, 1, v[k].reason, &err) != 0)
				ui_error("%s", err);
			else
				ui_message(_("%s is in the risk group."), v[k].name);
		} else if (c == 1) {
			const ui_field why_field[] = { { _("Why not"), 0, UI_FIELD_TEXT, NULL } };
			char *why[] = { xstrdup("") };
			if (ui_form_run(v[k].name, why_field, why, 1, NULL, NULL) == 1) {
				if (db_risk_dismiss(ui.db, v[k].student_id, s->year, why[0], &err) != 0)
					ui_error("%s", err);
				else
					ui_message(_("Dismissed: %s will not be proposed again for %d."), v[k].name, s->year);
			}
			free(why[0]);
		}
		free(err);
		reload(s);
	}
	for (size_t i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	risk_proposals_free(v, n);
}

/* Picks a value for a filter among the values the group has; NULL: all. */
static void pick_filter(struct state *s, int subject)
{
	char **labels = xcalloc(s->n + 2, sizeof *labels);
	int k = 0;
	labels[k++] = xstrdup(_("all"));
	for (size_t i = 0; i < s->n; i++) {
		const char *val = subject ? s->v[i].extra_subject : s->v[i].class_label;
		if (!*val)
			continue;
		int dup = 0;
		for (int j = 1; j < k && !dup; j++)
			dup = strcmp(labels[j], val) == 0;
		if (!dup)
			labels[k++] = xstrdup(val);
	}
	if (subject) {
		/* Mass subjects, whether or not anybody has lessons in them yet. */
		static const char *const mass[] = { "Русский язык", "Математика" };
		for (size_t m = 0; m < 2; m++) {
			int dup = 0;
			for (int j = 1; j < k && !dup; j++)
				dup = strcmp(labels[j], mass[m]) == 0;
			if (!dup) {
				labels = xrealloc(labels, (size_t)(k + 1) * sizeof *labels);
				labels[k++] = xstrdup(mass[m]);
			}
		}
	}
	int c = ui_pick(subject ? _("Subject") : _("Class"), labels, k, 0);
	if (c >= 0) {
		char **target = subject ? &s->subject_filter : &s->class_filter;
		free(*target);
		*target = c == 0 ? NULL : xstrdup(labels[c]);
		s->row = 0;
		apply_filter(s);
	}
	for (int i = 0; i < k; i++)
		free(labels[i]);
	free(labels);
}

static ui_result key(ui_screen *scr, int ch, int fk)
{
	struct state *s = scr->data;
	risk_pupil *p = s->nshown ? &s->v[s->shown[s->row]] : NULL;
	if (ui_is_enter(ch, fk) || (fk && ch == KEY_F(4))) {
		if (p)
			card(s, p);
		return UI_REDRAW;
	}
	if (!fk)
		return UI_UNHANDLED;
	if (ui_legacy_list_key(&s->row, s->nshown, ch))
		return UI_HANDLED;
	if (ch == KEY_F(3)) {
		pick_filter(s, 0);
	} else if (ch == KEY_F(5)) {
		pick_filter(s, 1);
	} else if (ch == KEY_F(6) && p) {
		char *route, *text = deficit_text(s, p, &route);
		char *title = xasprintf(_("Deficits of %s by the ВПР of %d"), p->name, s->year);
		ui_show_text(title, *text ? text : _("The ВПР forms of the year give this pupil no deficit (or none was "
						       "imported task by task)."));
		free(title), free(text), free(route);
	} else if (ch == KEY_F(7)) {
		proposals(s);
	} else if (ch == KEY_F(8) && p) {
		char *q = xasprintf(_("Take %s out of the risk group?"), p->name);
		char *err = NULL;
		if (ui_confirm(q)) {
			if (db_risk_set(ui.db, p->id, 0, NULL, &err) != 0)
				ui_error("%s", err);
			free(err);
			reload(s);
		}
		free(q);
	} else {
		return UI_UNHANDLED;
	}
	return UI_REDRAW;
}

static void destroy(ui_screen *scr)
{
	struct state *s = scr->data;
	risk_list_free(s->v, s->n);
	free(s->shown);
	free(s->class_filter);
	free(s->subject_filter);
	free(s);
	free(scr);
}

ui_screen *scr_risk_new(void)
{
	struct state *s = xcalloc(1, sizeof *s);
	/* The results that matter are this school year's: spring's are last
	 * calendar year's until the new year's come in. */
	s->year = (int)(day_today() / 10000);
	risk_proposal *v;
	size_t n;
	char *err = NULL;
	if (risk_proposals(ui.db, s->year, &v, &n, &err) == 0 && n == 0) {
		risk_proposals_free(v, n);
		if (risk_proposals(ui.db, s->year - 1, &v, &n, &err) == 0 && n > 0)
			s->year--;
	}
	if (!err)
		risk_proposals_free(v, n);
	free(err);
	reload(s);
	ui_screen *scr = xcalloc(1, sizeof *scr);
	scr->title = N_("Risk group");
	scr->help = N_("The pupils of the learning risk group: why each is in it, their latest\n"
		       "result, their individual route (ИОМ) and extra lessons. At the top: how\n"
		       "many have a route, and how many pupils below the minimum attend extra\n"
		       "lessons; the group's change since the last half-year.\n\n"
		       "F7 lists the pupils the results propose (below the minimum, or a «2» in\n"
		       "the journal): add each to the group, or dismiss the proposal with a\n"
		       "reason; a dismissed pupil is not proposed again for that year.\n"
		       "Enter or F4 opens a pupil's card: route, responsible teacher, lessons,\n"
		       "and a note of progress; an empty route starts from what the pupil's\n"
		       "ВПР tasks say to work on. F6 shows the pupil's own deficits: the\n"
		       "tasks of the year's ВПР forms done below half their maximum, with what\n"
		       "each checks. F8 takes a pupil out of the group.\n"
		       "F3 filters by class, F5 by subject.");
	scr->bar[2] = NC_("key", "Class");
	scr->bar[3] = NC_("key", "Card");
	scr->bar[4] = NC_("key", "Subject");
	scr->bar[5] = NC_("key", "Deficits");
	scr->bar[6] = NC_("key", "Proposed");
	scr->bar[7] = NC_("key", "Remove");
	scr->draw = draw;
	scr->key = key;
	scr->destroy = destroy;
	scr->data = s;
	return scr;
}
