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
#include "scr.h"
#include "tasks.h"
#include "ui-list.h"
#include "ui-widgets.h"
#include "utf8.h"

struct state {
	risk_pupil *v;
	size_t n;
	ui_list *list;
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

/* The rows: the pupils the class and subject filters let through. */
static void build(struct state *s)
{
	ui_list_begin(s->list);
	for (size_t i = 0; i < s->n; i++) {
		const risk_pupil *p = &s->v[i];
		if (s->class_filter && strcmp(p->class_label, s->class_filter) != 0)
			continue;
		if (s->subject_filter && !has(p->reason, s->subject_filter) && !has(p->extra_subject, s->subject_filter) &&
		    !has(p->latest, s->subject_filter))
			continue;
		ui_list_add(s->list, i);
	}
	ui_list_end(s->list);
	char *f = xasprintf(_("class: %s · subject: %s"), s->class_filter ? s->class_filter : _("all"),
			    s->subject_filter ? s->subject_filter : _("all"));
	ui_list_set_filter(s->list, f);
	free(f);
	ui_list_set_empty(s->list, s->n ? _("Nobody matches the filter: F3 and F5 choose «all».")
				     : _("The risk group is empty. F7 shows the pupils the results propose."));
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
	build(s);
}

/* Why a pupil is in the group: the reason kept, or the school's decision
 * (worded for any pupil, boy or girl). */
static const char *reason(const risk_pupil *p)
{
	return *p->reason ? p->reason : _("in the group by the school's decision");
}

static void header(void *ctx, WINDOW *w, int y, int x, int width)
{
	(void)ctx;
	int xr = x + width / 2 + 1;
	ui_put(w, y, x, 5, _("Class"));
	ui_put(w, y, x + 6, xr - x - 7, _("Pupil"));
	ui_put(w, y, xr, x + width - xr, _("Latest result · route · lessons"));
}

static void row(void *ctx, WINDOW *w, int y, int x, int width, size_t item, int cur, attr_t base)
{
	const struct state *s = ctx;
	const risk_pupil *p = &s->v[item];
	int xr = x + width / 2 + 1;
	ui_put(w, y, x, 5, p->class_label);
	ui_put(w, y, x + 6, xr - x - 7, p->name);
	ui_put(w, y, xr, x + width - xr, *p->latest ? p->latest : _("no results"));
	ui_put(w, y + 1, x + 6, xr - x - 7, reason(p));
	char *support = xasprintf("%s · %s", p->route ? _("route") : _("NO ROUTE"),
				  p->extra ? (*p->extra_subject ? p->extra_subject : _("lessons")) : _("no lessons"));
	if (!p->route && !cur)
		wattrset(w, ui_attr(UA_ERROR));
	ui_put(w, y + 1, xr, x + width - xr, support);
	wattrset(w, base);
	free(support);
}

/* Under the list: the whole reason, the latest result and the last note. */
static char *detail(void *ctx, size_t item)
{
	const struct state *s = ctx;
	const risk_pupil *p = &s->v[item];
	char *text = xasprintf(_("%s, %s: %s · latest result: %s"), p->name, p->class_label, reason(p),
			       *p->latest ? p->latest : _("none"));
	if (*p->last_note) {
		char *day = day_text_of(p->last_note_on);
		char *t = xasprintf(_("%s · note of %s: %s"), text, day, p->last_note);
		free(text), free(day);
		text = t;
	}
	return text;
}

static void draw(ui_screen *scr, WINDOW *w)
{
	struct state *s = scr->data;
	int width = getmaxx(w);
	long n = (long)s->n;
	curs_set(0);
	long change = s->have_change ? s->size_change : 0;
	char *since = change > 0 ? xasprintf(_(" (%ld more than at the end of the last half-year)"), change)
		    : change < 0 ? xasprintf(_(" (%ld fewer than at the end of the last half-year)"), -change)
		    : xstrdup(_(" (as many as at the end of the last half-year)"));
	char *top = xasprintf(ngettext("Risk group: %ld pupil%s", "Risk group: %ld pupils%s", (unsigned long)n), n, since);
	wattrset(w, ui_attr(UA_HEAD));
	ui_put(w, 0, 1, width - 2, top);
	free(top), free(since);
	char *f = xasprintf(_("With a route: %ld of %ld · below the minimum in %d: %ld, in extra lessons: %ld"),
			    s->with_route, n, s->year, s->failing, s->failing_extra);
	wattrset(w, ui_attr(UA_NOTE));
	ui_put(w, 1, 1, width - 2, f);
	wattrset(w, A_NORMAL);
	free(f);
	ui_list_draw(s->list, w, 2, getmaxy(w) - 2);
}

static risk_pupil *current(const struct state *s)
{
	size_t i;
	return ui_list_current(s->list, &i) ? &s->v[i] : NULL;
}

enum { R_ROUTE, R_ROUTE_ON, R_TEACHER, R_TEXT, R_EXTRA, R_SUBJECT, R_LESSON_TEACHER, R_NOTE, NCARD };

static int check_card(void *ctx, char *const *v, int *field, char **msg)
{
	(void)ctx;
	long day;
	if (*v[R_ROUTE_ON] && day_parse(v[R_ROUTE_ON], &day) != 0) {
		*field = R_ROUTE_ON;
		*msg = xstrdup(_("The date is written like 15.04.2026."));
		return -1;
	}
	return 0;
}

/* The school's teachers by name, for the card's teacher fields to offer
 * (F4): fresh, NULL-terminated. */
static char **teacher_names(void)
{
	teacher *t = NULL;
	size_t n = 0;
	char *err = NULL;
	if (db_teacher_list(ui.db, &t, &n, &err) != 0)
		free(err);
	char **v = xcalloc(n + 1, sizeof *v);
	for (size_t i = 0; i < n; i++) {
		char *full = xasprintf("%s %s %s", t[i].last_name, t[i].first_name, t[i].middle_name);
		v[i] = cell_trim(full);
		free(full);
	}
	teacher_list_free(t, n);
	return v;
}

/* The pupil's own deficits by the year's ВПР tasks, and what to work on
 * (fresh; "" when the forms give none). */
static char *deficit_text(const struct state *s, const risk_pupil *p, char **route)
{
	pupil_deficit *v;
	size_t n;
	char *err = NULL;
	*route = xstrdup("");
	if (tasks_pupil_deficits(ui.db, p->id, s->year, &v, &n, &err) != 0)
		return err;
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

static ui_result card(ui_screen *scr)
{
	struct state *s = scr->data;
	risk_pupil *p = current(s);
	if (!p)
		return UI_HANDLED;
	char *err = NULL;
	char **teachers = teacher_names();
	refmap *subj = db_ref_load(ui.db, REF_SUBJECT, &err);
	const char **subjects = subj ? refmap_names(subj) : NULL;
	free(err);
	err = NULL;
	const ui_field fields[NCARD] = {
		{ _("Individual route"), 0, UI_FIELD_YESNO, NULL },
		{ _("Route since"), 10, UI_FIELD_DATE, NULL },
		{ _("Responsible teacher"), 30, UI_FIELD_SUGGEST, (const char *const *)teachers },
		{ _("Route"), 0, UI_FIELD_TEXT, NULL },
		{ _("Extra lessons"), 0, UI_FIELD_YESNO, NULL },
		{ _("Lessons in"), 24, UI_FIELD_SUGGEST, subjects },
		{ _("Lessons teacher"), 30, UI_FIELD_SUGGEST, (const char *const *)teachers },
		{ _("Progress note"), 0, UI_FIELD_TEXT, NULL },
	};
	char *v[NCARD] = {
		xstrdup(ui_yesno_text(p->route)), day_text_of(p->route_on), xstrdup(p->route_teacher),
		NULL, xstrdup(ui_yesno_text(p->extra)), xstrdup(p->extra_subject),
		xstrdup(p->extra_teacher), xstrdup(""),
	};
	/* An empty route starts from what the pupil's ВПР tasks say to work on. */
	char *route;
	free(deficit_text(s, p, &route));
	v[R_TEXT] = *p->route_text ? xstrdup(p->route_text) : route;
	if (*p->route_text)
		free(route);
	char *title = xasprintf("%s, %s", p->name, p->class_label);
	if (ui_form_run(title, fields, v, NCARD, check_card, NULL) == 1) {
		risk_pupil q = *p;
		long day = 0;
		cell_yesno(v[R_ROUTE], &q.route);
		cell_yesno(v[R_EXTRA], &q.extra);
		/* A route with no day given starts today. */
		if (day_parse(v[R_ROUTE_ON], &day) != 0 && q.route)
			day = day_today();
		q.route_on = day_iso(day);
		q.route_teacher = v[R_TEACHER], q.route_text = v[R_TEXT];
		q.extra_subject = v[R_SUBJECT], q.extra_teacher = v[R_LESSON_TEACHER];
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
	for (size_t i = 0; teachers[i]; i++)
		free(teachers[i]);
	free(teachers);
	free(subjects);
	refmap_free(subj);
	return UI_REDRAW;
}

/* Adds the pupil proposed to the group, or dismisses the proposal for the
 * year with the reason asked for. */
static void decide(struct state *s, const risk_proposal *v)
{
	char *err = NULL;
	char *choices[] = { _("Add to the risk group"), _("Dismiss the proposal") };
	int c = ui_pick(v->name, choices, 2, 0);
	if (c == 0) {
		if (db_risk_set(ui.db, v->student_id, 1, v->reason, &err) != 0)
			ui_error("%s", err);
		else
			ui_message(_("%s is in the risk group."), v->name);
	} else if (c == 1) {
		const ui_field why_field[] = { { _("Why not"), 0, UI_FIELD_TEXT, NULL } };
		char *why[] = { xstrdup("") };
		if (ui_form_run(v->name, why_field, why, 1, NULL, NULL) == 1) {
			if (db_risk_dismiss(ui.db, v->student_id, s->year, why[0], &err) != 0)
				ui_error("%s", err);
			else
				ui_message(_("Dismissed: %s will not be proposed again for %d."), v->name, s->year);
		}
		free(why[0]);
	}
	free(err);
}

static ui_result proposals(ui_screen *scr)
{
	struct state *s = scr->data;
	risk_proposal *v;
	size_t n;
	char *err = NULL;
	if (risk_proposals(ui.db, s->year, &v, &n, &err) != 0) {
		ui_error("%s", err);
		free(err);
		return UI_REDRAW;
	}
	if (!n) {
		ui_message(_("The results of %d propose nobody new."), s->year);
		free(v);
		return UI_REDRAW;
	}
	char **labels = xcalloc(n, sizeof *labels);
	for (size_t i = 0; i < n; i++)
		labels[i] = xasprintf("%s %s — %s", v[i].class_label, v[i].name, v[i].reason);
	char *title = xasprintf(_("Proposed by the results of %d"), s->year);
	int k = ui_pick(title, labels, (int)n, 0);
	free(title);
	if (k >= 0) {
		decide(s, &v[k]);
		reload(s);
	}
	for (size_t i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	risk_proposals_free(v, n);
	return UI_REDRAW;
}

/* Adds label to labels (*k of them) unless it is there already. */
static void add_label(char ***labels, int *k, const char *label)
{
	for (int j = 1; j < *k; j++)
		if (strcmp((*labels)[j], label) == 0)
			return;
	*labels = xrealloc(*labels, (size_t)(*k + 1) * sizeof **labels);
	(*labels)[(*k)++] = xstrdup(label);
}

/* Picks a value for a filter among the values the group has; «all» first. */
static void pick_filter(struct state *s, int subject)
{
	char **labels = NULL;
	int k = 0, current = 0;
	char **target = subject ? &s->subject_filter : &s->class_filter;
	add_label(&labels, &k, _("all"));
	for (size_t i = 0; i < s->n; i++) {
		const char *val = subject ? s->v[i].extra_subject : s->v[i].class_label;
		if (*val)
			add_label(&labels, &k, val);
	}
	/* Mass subjects, whether or not anybody has lessons in them yet. */
	if (subject) {
		add_label(&labels, &k, "Русский язык");
		add_label(&labels, &k, "Математика");
	}
	for (int j = 1; j < k; j++)
		if (*target && strcmp(labels[j], *target) == 0)
			current = j;
	int c = ui_pick(subject ? _("Subject") : _("Class"), labels, k, current);
	if (c >= 0) {
		free(*target);
		*target = c == 0 ? NULL : xstrdup(labels[c]);
		build(s);
		ui_list_home(s->list);
	}
	for (int i = 0; i < k; i++)
		free(labels[i]);
	free(labels);
}

static ui_result class_key(ui_screen *scr)
{
	pick_filter(scr->data, 0);
	return UI_REDRAW;
}

static ui_result subject_key(ui_screen *scr)
{
	pick_filter(scr->data, 1);
	return UI_REDRAW;
}

static ui_result deficits_key(ui_screen *scr)
{
	struct state *s = scr->data;
	risk_pupil *p = current(s);
	if (!p)
		return UI_HANDLED;
	char *route, *text = deficit_text(s, p, &route);
	char *title = xasprintf(_("Deficits of %s by the ВПР of %d"), p->name, s->year);
	ui_show_text(title, *text ? text : _("The ВПР forms of the year give this pupil no deficit (or none was "
					       "imported task by task)."));
	free(title), free(text), free(route);
	return UI_REDRAW;
}

static ui_result remove_key(ui_screen *scr)
{
	struct state *s = scr->data;
	risk_pupil *p = current(s);
	if (!p)
		return UI_HANDLED;
	char *q = xasprintf(_("Take %s out of the risk group?"), p->name);
	char *err = NULL;
	if (ui_confirm(q)) {
		if (db_risk_set(ui.db, p->id, 0, NULL, &err) != 0)
			ui_error("%s", err);
		free(err);
		reload(s);
	}
	free(q);
	return UI_REDRAW;
}

static void destroy(ui_screen *scr)
{
	struct state *s = scr->data;
	risk_list_free(s->v, s->n);
	free(s->class_filter);
	free(s->subject_filter);
	free(s);
}

static const ui_key keys[] = {
	{ UI_KEY_ENTER, NULL, card, NULL },
	{ KEY_F(3), NC_("key", "Class"), class_key, NULL },
	{ KEY_F(4), NC_("key", "Card"), card, NULL },
	{ KEY_F(5), NC_("key", "Subject"), subject_key, NULL },
	{ KEY_F(6), NC_("key", "Deficits"), deficits_key, NULL },
	{ KEY_F(7), NC_("key", "Proposed"), proposals, NULL },
	{ KEY_F(8), NC_("key", "Remove"), remove_key, NULL },
	{ 0 },
};

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
	s->list = ui_list_new(row, s);
	ui_list_set_item_rows(s->list, 2);
	ui_list_set_header(s->list, header);
	ui_list_set_detail(s->list, detail, 3);
	reload(s);
	ui_screen *scr = ui_screen_new(N_("Risk group"),
				       N_("The pupils of the learning risk group, two lines each: the class, the name "
					  "and the latest result; then why the pupil is in the group, the individual route "
					  "(ИОМ) and the extra lessons. A pupil without a route stands out. Under the list, "
					  "the chosen pupil's whole reason, latest result and last note of progress.\n\n"
					  "At the top: the group's size and how it changed since the end of the last "
					  "half-year; how many have a route; how many pupils below the minimum attend "
					  "extra lessons.\n\n"
					  "F7 lists the pupils the results propose (below the minimum, or a «2» in the "
					  "journal); a long reason is shortened in the list and shown whole under it. Add "
					  "each to the group, or dismiss the proposal with a reason: a dismissed pupil is "
					  "not proposed again for that year.\n\n"
					  "Enter or F4 opens a pupil's card: the route (since when, the responsible "
					  "teacher, what it is), the extra lessons (subject, teacher) and a note of "
					  "progress; F4 in a teacher's or subject's field offers the school's. An empty "
					  "route starts from what the pupil's ВПР tasks say to work on. F6 shows the "
					  "pupil's own deficits: the tasks of the year's ВПР forms done below half their "
					  "maximum, with what each checks. F8 takes a pupil out of the group.\n\n"
					  "F3 filters by class, F5 by subject; the line above the list says which class "
					  "and subject are shown, and where you are in the list."),
				       keys, s);
	scr->draw = draw;
	scr->destroy = destroy;
	scr->list = s->list;
	return scr;
}
