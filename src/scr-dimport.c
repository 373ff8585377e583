/* Import from a stick: choose the stick (or a folder), see the report
 * packages on it, take them all in, and read what became of each: the
 * outcome, what changed, what was refused and why, whether the school's
 * receipt was written; then the stick can go back. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common.h"
#include "district.h"
#include "receipt.h"
#include "scr.h"
#include "ui-folder.h"
#include "ui-widgets.h"

struct line {
	char *text;
	enum ui_attr attr;
	int indent;
};

struct state {
	char *source;		/* the stick or folder chosen, or NULL */
	char **dirs;		/* the packages found there */
	size_t ndirs;
	struct line *v;		/* what the screen shows, before wrapping */
	size_t n, top;		/* top: the first screen row shown */
	int imported;		/* v is the summary of an import */
};

static void add(struct state *s, enum ui_attr attr, int indent, char *text)
{
	s->v = xrealloc(s->v, (s->n + 1) * sizeof *s->v);
	s->v[s->n++] = (struct line){ text, attr, indent };
}

static void clear_lines(struct state *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i].text);
	free(s->v);
	s->v = NULL;
	s->n = s->top = 0;
}

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
	clear_lines(s);
	district_dirs_free(s->dirs, s->ndirs);
	s->dirs = NULL;
	s->ndirs = 0;
	s->imported = 0;
	if (!s->source) {
		add(s, UA_NORMAL, 0, xstrdup(_("No USB stick found: insert one and press F5, or F5 to type a folder.")));
		return;
	}
	char *err = NULL;
	if (district_find_packages(s->source, &s->dirs, &s->ndirs, &err) != 0) {
		add(s, UA_ERROR, 0, err);
		return;
	}
	if (s->ndirs == 0) {
		add(s, UA_ERROR, 0, xasprintf(_("%s: no report package here (a package is a folder with manifest.txt)"),
					      s->source));
		return;
	}
	add(s, UA_HEAD, 0, xasprintf(_("From %s:"), s->source));
	add(s, UA_HEAD, 0, xasprintf(ngettext("%zu report package. F2 takes it in.",
					      "%zu report packages. F2 takes them in.", (unsigned long)s->ndirs),
				     s->ndirs));
	add(s, UA_NORMAL, 0, xstrdup(""));
	for (size_t i = 0; i < s->ndirs; i++) {
		receipt r;
		char *was = NULL;
		if (receipt_read(s->dirs[i], &r)) {
			char *when = district_time_text(r.received_at);
			was = xasprintf(_("taken in before, %s: %s"), when, outcome_title(r.outcome));
			free(when);
			receipt_clear(&r);
		}
		add(s, was ? UA_NORMAL : UA_HEAD, 2, was ? xasprintf("%s — %s", inside(s, s->dirs[i]), was)
						       : xstrdup(inside(s, s->dirs[i])));
		free(was);
	}
}

static enum ui_attr outcome_attr(enum pkg_outcome o)
{
	return o == PKG_NEW || o == PKG_REPLACED ? UA_GOOD : o == PKG_OLDER ? UA_WAIT
	       : o == PKG_REFUSED ? UA_ERROR : UA_NORMAL;
}

/* One package's part of the summary. */
static void summarize(struct state *s, const pkg_import *r)
{
	const char *folder = inside(s, r->dir);
	char *who = r->school_code && *r->school_code
		? xasprintf("%s %s · %s", r->school_code, r->school_name, r->period) : xstrdup(folder);
	add(s, outcome_attr(r->outcome), 0, xasprintf("%s — %s", who, pkg_outcome_title(r->outcome)));
	free(who);
	if (r->created_at && *r->created_at) {
		char *made = district_time_text(r->created_at);
		add(s, UA_NORMAL, 3, r->results
		    ? xasprintf(ngettext("%s, made %s; %ld result taken in", "%s, made %s; %ld results taken in",
					 (unsigned long)r->results), folder, made, r->results)
		    : xasprintf(_("%s, made %s"), folder, made));
		free(made);
	}
	for (size_t i = 0; i < r->nnotes; i++)
		add(s, UA_NORMAL, 3, xstrdup(r->notes[i]));
	if (r->outcome == PKG_REFUSED)
		add(s, UA_ERROR, 3, xasprintf(_("Refused, nothing of it kept: %s"), r->reason ? inside(s, r->reason) : "?"));
	add(s, r->receipt_error ? UA_ERROR : UA_NORMAL, 3,
	    r->receipt_error ? xasprintf(_("No receipt left for the school: %s"), r->receipt_error)
			     : xstrdup(_("Receipt left for the school.")));
}

/* Takes in every package found, showing how far it has gone. */
static void import_all(struct state *s)
{
	char when[20];
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S", &tm);
	pkg_import *r = xcalloc(s->ndirs, sizeof *r);
	long counts[PKG_REFUSED + 1] = { 0 }, no_receipt = 0;
	int failed = 0;
	WINDOW *d = ui_dialog(6, 64, _("Taking in the packages"));
	size_t done = 0;
	for (; done < s->ndirs && !failed; done++) {
		char *what = xasprintf(_("%zu of %zu: %s"), done + 1, s->ndirs, inside(s, s->dirs[done]));
		wattrset(d, ui_attr(UA_TITLE));
		mvwhline(d, 2, 2, ' ', 60);
		ui_put(d, 2, 3, 58, what);
		free(what);
		wrefresh(d);
		failed = district_import_package(ui.db, s->dirs[done], when, &r[done]) != 0;
		counts[r[done].outcome]++;
		no_receipt += r[done].receipt_error != NULL;
	}
	delwin(d);
	clear_lines(s);
	s->imported = 1;
	add(s, UA_HEAD, 0, xasprintf(ngettext("%zu package: %ld new, %ld replaced, %ld unchanged, %ld older, %ld refused.",
					      "%zu packages: %ld new, %ld replaced, %ld unchanged, %ld older, %ld refused.",
					      (unsigned long)done),
				     done, counts[PKG_NEW], counts[PKG_REPLACED], counts[PKG_UNCHANGED], counts[PKG_OLDER],
				     counts[PKG_REFUSED]));
	if (failed)
		add(s, UA_ERROR, 0, xstrdup(_("The database failed: the packages after this one were not taken in.")));
	/* Every receipt is synced to the stick as it is written. */
	add(s, no_receipt ? UA_ERROR : UA_GOOD, 0, no_receipt
	    ? xasprintf(ngettext("The stick can be removed, but %ld receipt could not be written (see below).",
				 "The stick can be removed, but %ld receipts could not be written (see below).",
				 (unsigned long)no_receipt), no_receipt)
	    : xstrdup(_("The stick can be removed: the receipts are written on it.")));
	for (size_t i = 0; i < done; i++) {
		add(s, UA_NORMAL, 0, xstrdup(""));
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
	char *source = ui_folder_pick(_("Where are the packages?"), s->source);
	if (source) {
		free(s->source);
		s->source = source;
	}
	scan(s);
}

/* The lines as the window's width wraps them: *n of them, fresh. */
static char **screen_lines(const struct state *s, int width, enum ui_attr **attrs, int **indents, size_t *n)
{
	char **out = NULL;
	*attrs = NULL;
	*indents = NULL;
	*n = 0;
	for (size_t i = 0; i < s->n; i++) {
		int k = 0, wide = width - s->v[i].indent;
		char **part = *s->v[i].text ? ui_wrap(s->v[i].text, wide > 10 ? wide : 10, &k) : NULL;
		if (!part) {
			part = xmalloc(sizeof *part);
			part[k++] = xstrdup("");
		}
		out = xrealloc(out, (*n + (size_t)k) * sizeof *out);
		*attrs = xrealloc(*attrs, (*n + (size_t)k) * sizeof **attrs);
		*indents = xrealloc(*indents, (*n + (size_t)k) * sizeof **indents);
		for (int j = 0; j < k; j++, (*n)++) {
			out[*n] = part[j];
			(*attrs)[*n] = s->v[i].attr;
			/* a wrapped line's continuation stands in a little */
			(*indents)[*n] = s->v[i].indent + (j > 0 ? 2 : 0);
		}
		free(part);
	}
	return out;
}

static void draw(ui_screen *scr, WINDOW *w)
{
	struct state *s = scr->data;
	int width = getmaxx(w) - 2, height = getmaxy(w);
	enum ui_attr *attrs;
	int *indents;
	size_t n;
	char **lines = screen_lines(s, width - 2, &attrs, &indents, &n);
	if (n > (size_t)height && s->top > n - (size_t)height)
		s->top = n - (size_t)height;
	if (n <= (size_t)height)
		s->top = 0;
	for (int y = 0; y < height && s->top + (size_t)y < n; y++) {
		size_t i = s->top + (size_t)y;
		wattrset(w, ui_attr(attrs[i]));
		ui_put(w, y, 1 + indents[i], width - indents[i], lines[i]);
	}
	wattrset(w, A_NORMAL);
	if (s->top + (size_t)height < n)
		mvwaddstr(w, height - 1, width, "↓");
	if (s->top > 0)
		mvwaddstr(w, 0, width, "↑");
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines), free(attrs), free(indents);
}

static ui_result key(ui_screen *scr, int ch, int fk)
{
	struct state *s = scr->data;
	if (!fk)
		return UI_UNHANDLED;
	if (ui_legacy_list_key(&s->top, (size_t)-1, ch))
		return UI_REDRAW;	/* draw keeps the last page in view */
	if (ch == KEY_F(2)) {
		if (!s->source)
			choose_source(s);
		if (s->ndirs)
			import_all(s);
		else if (s->source)
			ui_error(_("There is no report package there to take in."));
	} else if (ch == KEY_F(5)) {
		choose_source(s);
	} else {
		return UI_UNHANDLED;
	}
	return UI_REDRAW;
}

static void destroy(ui_screen *scr)
{
	struct state *s = scr->data;
	clear_lines(s);
	district_dirs_free(s->dirs, s->ndirs);
	free(s->source);
	free(s);
	free(scr);
}

ui_screen *scr_dimport_new(void)
{
	struct state *s = xcalloc(1, sizeof *s);
	size_t n;
	s->source = ui_folder_only_stick(&n);
	scan(s);
	if (!s->source && n > 1)
		ui_message(_("Several sticks are in: F5 chooses one."));
	ui_screen *scr = xcalloc(1, sizeof *scr);
	scr->title = N_("Import from a stick");
	scr->help = N_("Takes in the report packages the schools brought on a stick.\n\n"
		       "The stick found is chosen; F5 chooses another, or a folder holding\n"
		       "packages (or one package's folder). The screen lists the packages\n"
		       "there and says which were taken in before. F2 takes them all in.\n\n"
		       "Each package is checked whole first: one that fails is refused with\n"
		       "the reason, and nothing of it is kept. For each school and half-year\n"
		       "the newest package wins; the same package again changes nothing. The\n"
		       "summary says what became of each: what changed, a school name that\n"
		       "differs from the district's (settle it on the Schools screen), the\n"
		       "results taken in.\n\n"
		       "A receipt is left beside each package, so that the school sees on its\n"
		       "own screen that the report arrived. Each is written through to the\n"
		       "stick at once: when the summary shows, the stick can be removed.\n\n"
		       "Up, Down, PgUp, PgDn scroll the summary.");
	scr->bar[1] = NC_("key", "Import");
	scr->bar[4] = NC_("key", "Where");
	scr->draw = draw;
	scr->key = key;
	scr->destroy = destroy;
	scr->data = s;
	return scr;
}
