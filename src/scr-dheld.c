/* Held packages: the schools' packages the district's import kept apart
 * for the methodist (a school not on the list, a key other than the one
 * pinned for the school, no signature where one is pinned), each with its
 * reason and keys; taking one in (which pins its key) or rejecting it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "day.h"
#include "db-district.h"
#include "district.h"
#include "scr.h"
#include "sign.h"
#include "ui-list.h"

struct state {
	d_held *v;
	size_t n;
	ui_list *list;		/* items: indices into v */
};

static void reload(struct state *s)
{
	char *err = NULL;
	d_held_list_free(s->v, s->n);
	s->v = NULL;
	s->n = 0;
	if (db_d_held_list(ui.office, 0, &s->v, &s->n, &err) != 0) {
		ui_error("%s", err);
		free(err);
	}
	ui_list_begin(s->list);
	for (size_t i = 0; i < s->n; i++)
		ui_list_add(s->list, i);
	ui_list_end(s->list);
}

static const d_held *current(const struct state *s)
{
	size_t i;
	return ui_list_current(s->list, &i) ? &s->v[i] : NULL;
}

/* the school, the half-year, why it is held */
static void columns(int x, int width, int *xhalf, int *xwhy)
{
	*xhalf = x + width / 2 - 6;
	*xwhy = *xhalf + 18;
}

static void header(void *ctx, WINDOW *w, int y, int x, int width)
{
	(void)ctx;
	int xhalf, xwhy;
	columns(x, width, &xhalf, &xwhy);
	ui_put(w, y, x, xhalf - x - 1, pgettext_deferred(NC_("column", "School")));
	ui_put(w, y, xhalf, xwhy - xhalf - 1, _("Half-year"));
	ui_put(w, y, xwhy, x + width - xwhy, _("Why held"));
}

static void row(void *ctx, WINDOW *w, int y, int x, int width, size_t item, int cur, attr_t base)
{
	(void)cur, (void)base;
	const d_held *h = &((const struct state *)ctx)->v[item];
	int xhalf, xwhy;
	columns(x, width, &xhalf, &xwhy);
	char *who = xasprintf("%s %s", h->school_code, h->school_name), *half = half_text_of(h->period);
	ui_put(w, y, x, xhalf - x - 1, who);
	ui_put(w, y, xhalf, xwhy - xhalf - 1, half);
	ui_put(w, y, xwhy, x + width - xwhy, district_held_reason(h->reason));
	free(who), free(half);
}

/* Everything known of a held package, for the lines under the list and
 * for Enter (fresh). */
static char *about(const d_held *h)
{
	char *half = half_text_of(h->period), *came = district_time_text(h->received_at);
	char *made = district_time_text(h->created_at), *theirs = sign_fingerprint_hex(h->key);
	char *keys = !*h->key ? xstrdup(_("The package is not signed."))
		     : xasprintf(_("The package's key: %s."), theirs);
	char *pinned = district_school_key_text(ui.office, h->school_code);
	/* (a key on a line of its own: the fingerprint is read out whole) */
	char *text = xasprintf(_("%s %s · %s\nWhy held: %s.\n%s\n%s\nMade %s, received %s from %s."), h->school_code,
			       h->school_name, half, district_held_reason(h->reason), keys, pinned, made, came, h->source);
	free(half), free(came), free(made), free(theirs), free(keys), free(pinned);
	return text;
}

static char *detail(void *ctx, size_t item)
{
	return about(&((const struct state *)ctx)->v[item]);
}

static void draw(ui_screen *scr, WINDOW *w)
{
	struct state *s = scr->data;
	curs_set(0);
	wattrset(w, ui_attr(UA_HEAD));
	ui_put(w, 0, 1, getmaxx(w) - 2, _("Held apart, not counted until you decide:"));
	wattrset(w, A_NORMAL);
	ui_list_draw(s->list, w, 1, getmaxy(w) - 1);
}

static ui_result show_key(ui_screen *scr)
{
	const d_held *h = current(scr->data);
	if (h) {
		char *text = about(h);
		ui_show_text(_("A held package"), text);
		free(text);
	}
	return UI_REDRAW;
}

/* What taking h in does, as the question before it says it (fresh). */
static char *accept_question(const d_held *h)
{
	char *half = half_text_of(h->period), *who = xasprintf("%s %s", h->school_code, h->school_name);
	char *fp = sign_fingerprint_hex(h->key), *what;
	if (strcmp(h->reason, "unknown_school") == 0)
		what = *h->key ? xasprintf(_("The school is put on the district's list and its key %s is pinned: its later "
					     "packages must be signed with it."), fp)
			       : xstrdup(_("The school is put on the district's list; the package is not signed."));
	else if (strcmp(h->reason, "other_key") == 0)
		what = xasprintf(_("Its key %s is pinned as the school's in place of the one known: the school's later "
				   "packages must be signed with it, and packages signed with the old key are held. Do it "
				   "only when the school has told you of its new key and read out this fingerprint."), fp);
	else
		what = xstrdup(_("It is not signed: nothing shows the school made it. The school's key stays as it is."));
	char *q = xasprintf(_("Take in the package of %s for %s, and count it? %s"), who, half, what);
	free(half), free(who), free(fp), free(what);
	return q;
}

static ui_result accept_key(ui_screen *scr)
{
	struct state *s = scr->data;
	const d_held *h = current(s);
	if (!h)
		return UI_HANDLED;
	char *q = accept_question(h);
	if (ui_confirm(q)) {
		pkg_import r;
		char *err = NULL;
		long id = h->id;
		if (district_accept(ui.office, id, &r, &err) != 0) {
			ui_error("%s", err);
			free(err);
		} else {
			char *half = half_text_of(r.period);
			char *text = xasprintf("%s %s · %s: %s.", r.school_code, r.school_name, half,
					       pkg_outcome_title(r.outcome));
			free(half);
			for (size_t i = 0; i < r.nnotes; i++) {
				char *t = xasprintf("%s\n\n%s", text, r.notes[i]);
				free(text);
				text = t;
			}
			ui_show_text(_("Taken in"), text);
			free(text);
		}
		pkg_import_clear(&r);
		reload(s);
	}
	free(q);
	return UI_REDRAW;
}

static ui_result reject_key(ui_screen *scr)
{
	struct state *s = scr->data;
	const d_held *h = current(s);
	if (!h)
		return UI_HANDLED;
	char *half = half_text_of(h->period);
	char *q = xasprintf(_("Reject the package of %s %s for %s? It is not taken in, and this very package brought "
			      "again is refused; a new package of the school is judged afresh."), h->school_code,
			    h->school_name, half);
	if (ui_confirm(q)) {
		char *err = NULL;
		if (district_reject(ui.office, h->id, &err) != 0) {
			ui_error("%s", err);
			free(err);
		} else {
			ui_message(_("Rejected: the package of %s for %s."), h->school_code, half);
		}
		reload(s);
	}
	free(q), free(half);
	return UI_REDRAW;
}

static void destroy(ui_screen *scr)
{
	struct state *s = scr->data;
	d_held_list_free(s->v, s->n);
	free(s);
}

/* Accept and Reject only while something waits. */
static int waiting(const ui_screen *scr)
{
	const struct state *s = scr->data;
	return s->n > 0;
}

static const ui_key keys[] = {
	{ UI_KEY_ENTER, NULL, show_key, waiting },
	{ KEY_F(2), NC_("key", "Accept"), accept_key, waiting },
	{ KEY_F(8), NC_("key", "Reject"), reject_key, waiting },
	{ 0 },
};

ui_screen *scr_dheld_new(void)
{
	struct state *s = xcalloc(1, sizeof *s);
	s->list = ui_list_new(row, s);
	ui_list_set_header(s->list, header);
	ui_list_set_detail(s->list, detail, 6);
	ui_list_set_empty(s->list, _("No package is waiting for a decision."));
	reload(s);
	ui_screen *scr = ui_screen_new(N_("Held packages"),
				       N_("The packages the import held apart instead of taking them in: they are not "
					  "counted anywhere until you decide. A package is held when its school is not on "
					  "the district's list, when it is signed by another key than the one the district "
					  "pinned for the school (from its first signed package, or from the list of "
					  "schools), or when it is not signed though the school's key is known.\n\n"
					  "Each row gives the school, the half-year and why it is held; the lines under "
					  "the list give the whole of the chosen one: the package's key and the school's, "
					  "when it was made and received, the folder it came from. Enter shows the same in "
					  "a box.\n\n"
					  "A new computer at the school, or its database made anew, gives it a new key: "
					  "ask the school to read out its key's fingerprint on the phone (orientir shows it "
					  "on its Reports and Settings screens) and compare it with the package's.\n\n"
					  "F2 takes the chosen package in as if it had come now, and pins its key as the "
					  "school's (a school not on the list is put on it). F8 rejects it: it is not taken "
					  "in, and the same package brought again is refused. Both ask first, starting on "
					  "«No»."),
				       keys, s);
	scr->draw = draw;
	scr->destroy = destroy;
	scr->list = s->list;
	return scr;
}
