/* Import from a file: pick the file (sticks at the top, in the folder
 * chosen last time), say what it holds, see a dry run with every problem,
 * then import or cancel. A progress bar shows on anything that takes a
 * moment; Esc stops it and the database stays as it was. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cell.h"
#include "common.h"
#include "folder.h"
#include "import.h"
#include "num.h"
#include "scr.h"
#include "ui-list.h"
#include "ui-text.h"
#include "usb.h"
#include "ui-widgets.h"
#include "utf8.h"

/* What a file holds beyond the import kinds: a ВПР form, task by task
 * (import_tasks), and the roadmap (it asks its years and title before its
 * own check). */
enum { KIND_FORM = 100, KIND_ROADMAP };

/* The «What does the file hold?» list. */
static const struct choice {
	const char *title;
	int kind;
} choices[] = {
	{ N_("Pupils (roster)"), IMPORT_ROSTER }, { N_("Assessment scales"), IMPORT_SCALES },
	{ N_("Results"), IMPORT_RESULTS }, { N_("Methodical events"), IMPORT_EVENTS },
	{ N_("Teachers (staff)"), IMPORT_STAFF }, { N_("The district's roadmap"), KIND_ROADMAP },
	{ N_("ВПР form, task by task (.xlsx or CSV)"), KIND_FORM }, { N_("Task map: what each task checks"), IMPORT_TASKMAP },
};
#define NCHOICES (sizeof choices / sizeof *choices)

/* What a kind is called, for people. */
static const char *kind_title(int kind)
{
	if (kind == IMPORT_SCHOOLS)
		return _("The district's list of schools");
	for (size_t i = 0; i < NCHOICES; i++)
		if (choices[i].kind == kind)
			return _(choices[i].title);
	return "?";
}

struct entry {
	char *label;		/* as the row shows it */
	char *path;
	int dir, stick;		/* a folder, a USB stick */
	long long size;
};

struct state {
	char *dir;
	struct entry *v;
	size_t n;
	ui_list *list;
	int kind;		/* what every file holds (an import_kind), or -1: ask */
	scr_import_then then;	/* else who takes the file chosen */
	void *then_ctx;
};

static void clear_entries(struct state *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i].label), free(s->v[i].path);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

static void add(struct state *s, struct entry e)
{
	s->v = xrealloc(s->v, (s->n + 1) * sizeof *s->v);
	s->v[s->n++] = e;
}

/* The rows the search lets through. */
static void build(void *data)
{
	struct state *s = data;
	const char *search = ui_list_search(s->list);
	char *folded = utf8_fold(search, strlen(search));
	ui_list_begin(s->list);
	for (size_t i = 0; i < s->n; i++) {
		char *f = utf8_fold(s->v[i].label, strlen(s->v[i].label));
		if (!*folded || strstr(f, folded))
			ui_list_add(s->list, i);
		free(f);
	}
	ui_list_end(s->list);
	ui_list_set_empty(s->list, *folded ? _("Nothing here matches the search: Esc clears it.")
				   : _("This folder holds no files: Backspace goes up a folder."));
	free(folded);
}

/* The sticks, the folder above, then what the folder holds. */
static void list(struct state *s)
{
	clear_entries(s);
	usb_stick *st;
	size_t ns;
	if (usb_find("/proc/self/mounts", &st, &ns) == 0) {
		for (size_t i = 0; i < ns; i++)
			add(s, (struct entry){ xasprintf(_("[USB stick] %s  (%s)"), st[i].label, st[i].mount),
					       xstrdup(st[i].mount), 1, 1, 0 });
		usb_free(st, ns);
	}
	if (strcmp(s->dir, "/") != 0)
		add(s, (struct entry){ xstrdup("../"), folder_parent(s->dir), 1, 0, 0 });
	folder_entry *v;
	size_t n;
	char *err = NULL;
	if (folder_list(s->dir, &v, &n, &err) != 0) {
		ui_error("%s", err);
		free(err);
	} else {
		for (size_t i = 0; i < n; i++) {
			add(s, (struct entry){ v[i].dir ? xasprintf("%s/", v[i].name) : xstrdup(v[i].name), v[i].path,
					       v[i].dir, 0, v[i].size });
			v[i].path = NULL;
		}
		folder_list_free(v, n);
	}
	ui_list_clear_search(s->list);
	build(s);
	ui_list_home(s->list);
}

static char *human_size(long long b)
{
	if (b < 1024)
		return xasprintf(_("%lld B"), b);
	if (b < 1024 * 1024)
		return xasprintf(_("%lld KiB"), (b + 1023) / 1024);
	char *n = num_tenths((int)(b * 10 / (1024 * 1024))), *t = xasprintf(_("%s MiB"), n);
	free(n);
	return t;
}

static void row(void *ctx, WINDOW *w, int y, int x, int width, size_t item, int cur, attr_t base)
{
	const struct state *s = ctx;
	const struct entry *e = &s->v[item];
	if (e->stick && !cur)
		wattrset(w, ui_attr(UA_HEAD));
	ui_put(w, y, x + 1, width - 13, e->label);
	wattrset(w, base);
	if (!e->dir) {
		char *sz = human_size(e->size);
		ui_put(w, y, x + width - 11, 11, sz);
		free(sz);
	}
}

/* A name too long for its row, whole under the list. */
static char *detail(void *ctx, size_t item)
{
	const struct state *s = ctx;
	const struct entry *e = &s->v[item];
	return utf8_width(e->label) > COLS - 17 ? xstrdup(e->stick ? e->label : e->path) : NULL;
}

static void draw(ui_screen *scr, WINDOW *w)
{
	struct state *s = scr->data;
	int width = getmaxx(w), k;
	curs_set(0);
	/* The folder's path whole, however long. */
	char *head = xasprintf(_("Folder: %s"), s->dir);
	char **lines = ui_wrap(head, width - 2, &k);
	wattrset(w, ui_attr(UA_HEAD));
	for (int i = 0; i < k; i++) {
		ui_put(w, i, 1, width - 2, lines[i]);
		free(lines[i]);
	}
	wattrset(w, A_NORMAL);
	free(lines), free(head);
	ui_put(w, k, 1, width - 2, _("Enter opens a folder or chooses a file; Backspace goes up a folder."));
	ui_list_draw(s->list, w, k + 1, getmaxy(w) - k - 1);
}

/* --- the check and the import --- */

struct problem {
	char *text;
	enum diag_level level;
};

struct check {
	char *path;
	int kind;		/* an import_kind, or KIND_FORM */
	char *opt[4];		/* a form's procedure, subject, grade, year where the file does not say */
	char **held;		/* what a form held, a line per assessment */
	size_t nheld;
	int asked;		/* the user said what the file holds: F3 may say again */
	struct problem *v;	/* what the last run found */
	size_t n;
	ui_text *text;
	import_counts counts;
	long errors;
	int result;		/* import_file's */
};

char *scr_import_problem(enum diag_level level, const char *file, long line, const char *msg)
{
	const char *base = file ? strrchr(file, '/') : NULL;
	base = base ? base + 1 : file;
	return line > 0 ? xasprintf("%s%s:%ld: %s", level == DIAG_WARNING ? _("warning: ") : "", base, line, msg)
			: xasprintf("%s%s", level == DIAG_WARNING ? _("warning: ") : "", msg);
}

static void forget_problems(struct check *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->v[i].text);
	free(c->v);
	c->v = NULL;
	c->n = 0;
}

/* Keeps the first 2000 problems. */
static void collect(void *ctx, enum diag_level level, const char *file, long line, const char *msg)
{
	struct check *c = ctx;
	if (c->n >= 2000)
		return;
	c->v = xrealloc(c->v, (c->n + 1) * sizeof *c->v);
	c->v[c->n++] = (struct problem){ scr_import_problem(level, file, line, msg), level };
}

struct progress {
	struct timespec start;
	WINDOW *win;
};

/* A bar once the import has taken a moment; Esc asks it to stop. */
static int show_progress(void *ctx, long long done, long long total, long rows)
{
	struct progress *p = ctx;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	double secs = (double)(now.tv_sec - p->start.tv_sec) + (double)(now.tv_nsec - p->start.tv_nsec) / 1e9;
	if (secs < 0.3)
		return 0;
	int pct = total > 0 ? (int)(done * 100 / total) : 0;
	if (!p->win)
		p->win = ui_dialog(6, 60, _("Importing"));
	WINDOW *w = p->win;
	char *t = xasprintf(ngettext("%ld row, %d %%", "%ld rows, %d %%", (unsigned long)rows), rows, pct);
	wattrset(w, ui_attr(UA_TITLE));
	mvwhline(w, 2, 2, ' ', 56);
	ui_put(w, 2, 3, 54, t);
	free(t);
	int full = pct * 54 / 100;
	for (int i = 0; i < 54; i++) {
		wattrset(w, i < full ? ui_attr(UA_FIELD) : ui_attr(UA_TITLE));
		mvwaddch(w, 3, 3 + i, i < full ? ' ' : ACS_BULLET);
	}
	wattrset(w, ui_attr(UA_TITLE));
	ui_put(w, 4, 3, 54, _("Esc stops: nothing will be changed."));
	wrefresh(w);
	nodelay(stdscr, TRUE);
	wint_t ch;
	int stop = 0, r;
	while ((r = get_wch(&ch)) != ERR)
		if (r == OK && ch == 27)
			stop = 1;
	nodelay(stdscr, FALSE);
	return stop;
}

/* What the screen shows: the file and what it holds, how the check went,
 * then every problem, each wrapped under itself. */
static void fill(struct check *c)
{
	ui_text *t = c->text;
	ui_text_clear(t);
	ui_text_field(t, _("File"), 15, UA_NORMAL, c->path);
	ui_text_field(t, _("It holds"), 15, UA_NORMAL, kind_title(c->kind));
	for (size_t i = 0; i < c->nheld; i++)
		ui_text_add(t, UA_NORMAL, 2, 2, c->held[i]);
	ui_text_add(t, UA_NORMAL, 0, 0, "");
	if (c->result == 0)
		ui_text_take(t, UA_HEAD, 0, 2, xasprintf(_("Checked, no errors: %ld to add, %ld to update, %ld unchanged. "
							    "F2 imports it."), c->counts.added, c->counts.updated,
							  c->counts.unchanged));
	else if (c->result == 2)
		ui_text_add(t, UA_ERROR, 0, 2, _("Stopped: nothing was changed."));
	else
		ui_text_take(t, UA_ERROR, 0, 2,
			     xasprintf(ngettext("%ld error: the file cannot be imported until it is corrected. Nothing was "
						"changed.",
						"%ld errors: the file cannot be imported until they are corrected. Nothing "
						"was changed.", (unsigned long)c->errors), c->errors));
	if (c->n)
		ui_text_add(t, UA_NORMAL, 0, 0, "");
	for (size_t i = 0; i < c->n; i++)
		ui_text_add(t, c->v[i].level == DIAG_WARNING ? UA_NOTE : UA_NORMAL, 0, 4, c->v[i].text);
}

/* A form's check or import, what it held kept for the screen. */
static int run_form(struct check *c, int dry_run, diag *d)
{
	long grade = 0, year = 0;
	cell_int(c->opt[2], &grade);
	cell_int(c->opt[3], &year);
	tasks_opts o = { *c->opt[0] ? c->opt[0] : NULL, *c->opt[1] ? c->opt[1] : NULL, (int)grade, (int)year };
	tasks_summary sum;
	int rc = import_tasks(ui.db, c->path, &o, dry_run, d, &c->counts, &sum);
	for (size_t i = 0; i < c->nheld; i++)
		free(c->held[i]);
	free(c->held);
	c->held = xcalloc(sum.n ? sum.n : 1, sizeof *c->held);
	c->nheld = sum.n;
	for (size_t i = 0; i < sum.n; i++) {
		const tasks_form *f = &sum.v[i];
		c->held[i] = xasprintf(ngettext("%s, %s, grade %d, %d: %d task; classes %s: %ld pupils, %ld absent",
						"%s, %s, grade %d, %d: %d tasks; classes %s: %ld pupils, %ld absent",
						(unsigned long)f->ntasks),
				       f->procedure, f->subject, f->grade, f->year, f->ntasks, f->classes, f->pupils,
				       f->absent);
	}
	tasks_summary_free(&sum);
	return rc;
}

/* The check (dry_run) or the import itself. */
static void run(struct check *c, int dry_run)
{
	forget_problems(c);
	diag d = { .emit = collect, .ctx = c };
	struct progress p = { .win = NULL };
	clock_gettime(CLOCK_MONOTONIC, &p.start);
	c->result = c->kind == KIND_FORM ? run_form(c, dry_run, &d)
		  : import_file_progress(ui.db, (enum import_kind)c->kind, c->path, dry_run, &d, &c->counts,
					 show_progress, &p);
	c->errors = d.errors;
	if (p.win)
		delwin(p.win);
	fill(c);
}

static ui_result check_import(ui_screen *scr)
{
	struct check *c = scr->data;
	run(c, 0);
	if (c->result != 0)
		return UI_REDRAW;
	ui_message(_("Imported: %ld added, %ld updated, %ld unchanged."), c->counts.added, c->counts.updated,
		   c->counts.unchanged);
	return UI_POP;
}

static int can_import(const ui_screen *scr)
{
	const struct check *c = scr->data;
	return c->result == 0;
}

/* What the user says the file holds (-1: gave up). */
static int ask_kind(int current)
{
	char *labels[NCHOICES];
	int at = 0;
	for (size_t i = 0; i < NCHOICES; i++) {
		labels[i] = (char *)_(choices[i].title);
		if (choices[i].kind == current)
			at = (int)i;
	}
	int k = ui_pick(_("What does the file hold?"), labels, (int)NCHOICES, at);
	return k < 0 ? -1 : choices[k].kind;
}

/* What the file holds, said again: the check runs again, or the roadmap's
 * takes its place. */
static ui_result check_kind(ui_screen *scr)
{
	struct check *c = scr->data;
	int k = ask_kind((int)c->kind);
	if (k == KIND_ROADMAP) {
		ui_screen *next = scr_rmimport_new(c->path, NULL);
		if (next)
			ui_replace(next);
	} else if (k >= 0 && k != c->kind) {
		c->kind = k;
		c->nheld = 0;
		run(c, 1);
	}
	return UI_REDRAW;
}

/* What a form does not say of itself, asked; then checked again. */
static ui_result check_specify(ui_screen *scr)
{
	struct check *c = scr->data;
	const ui_field fields[] = { { _("Procedure"), 12, UI_FIELD_TEXT, NULL }, { _("Subject"), 30, UI_FIELD_TEXT, NULL },
				    { _("Grade"), 2, UI_FIELD_TEXT, NULL }, { _("Year"), 4, UI_FIELD_TEXT, NULL } };
	if (ui_form_run(_("What the form does not say"), fields, c->opt, 4, NULL, NULL) == 1)
		run(c, 1);
	return UI_REDRAW;
}

static int is_form(const ui_screen *scr)
{
	const struct check *c = scr->data;
	return c->kind == KIND_FORM;
}

static int was_asked(const ui_screen *scr)
{
	const struct check *c = scr->data;
	return c->asked;
}

static ui_result check_key(ui_screen *scr, int ch, int fk)
{
	(void)scr;
	if (fk && ch == KEY_F(2)) {
		ui_error(_("The file has errors: correct it and choose it again."));
		return UI_REDRAW;
	}
	return UI_UNHANDLED;
}

static void check_destroy(ui_screen *scr)
{
	struct check *c = scr->data;
	forget_problems(c);
	free(c->path);
	for (int i = 0; i < 4; i++)
		free(c->opt[i]);
	for (size_t i = 0; i < c->nheld; i++)
		free(c->held[i]);
	free(c->held);
	free(c);
}

static const ui_key check_keys[] = {
	{ KEY_F(2), NC_("key", "Import"), check_import, can_import },
	{ KEY_F(3), NC_("key", "Kind"), check_kind, was_asked },
	{ KEY_F(4), NC_("key", "Specify"), check_specify, is_form },
	{ 0 },
};

static ui_screen *check_new(const char *path, int kind, int asked)
{
	struct check *c = xcalloc(1, sizeof *c);
	c->path = xstrdup(path);
	c->kind = kind;
	for (int i = 0; i < 4; i++)
		c->opt[i] = xstrdup("");
	c->asked = asked;
	c->text = ui_text_new();
	run(c, 1);
	ui_screen *scr = ui_screen_new(N_("Import: check"),
				       N_("What the file would change, checked without changing anything. The top lines "
					  "name the file and what it holds, as chosen.\n\n"
					  "If there are errors, each is listed with the file's line number and the column: "
					  "correct the file in the spreadsheet, save it again and choose it again. Nothing "
					  "is imported while any line is wrong. Up, Down, PgUp, PgDn, Home and End scroll "
					  "the list.\n\n"
					  "F2 imports a file without errors; Esc goes back without importing. F3 says again "
					  "what the file holds, when that was asked: a file checked as the wrong kind "
					  "reports the columns it lacks.\n\n"
					  "A ВПР form: the lines under its name say what it held. When the form does not say "
					  "its procedure, subject, grade or year, F4 asks for them."),
				       check_keys, c);
	scr->text = c->text;
	scr->key = check_key;
	scr->destroy = check_destroy;
	return scr;
}

ui_result scr_import_open(ui_screen *scr)
{
	(void)scr;
	return ui_push_changing(scr_import_new());
}

/* --- the picker's keys --- */

static void go(struct state *s, const char *dir)
{
	free(s->dir);
	s->dir = xstrdup(dir);
	char *err = NULL;
	if (folder_remember(ui.db, FOLDER_FILES, s->dir, &err) != 0)
		free(err);
	list(s);
}

static ui_result choose(ui_screen *scr)
{
	struct state *s = scr->data;
	size_t i;
	if (!ui_list_current(s->list, &i))
		return UI_HANDLED;
	const struct entry *e = &s->v[i];
	if (e->dir) {
		char *to = xstrdup(e->path);
		go(s, to);
		free(to);
		return UI_REDRAW;
	}
	if (s->then) {
		ui_screen *next = s->then(e->path, s->then_ctx);
		if (next)
			ui_replace(next);
		return UI_REDRAW;
	}
	if (s->kind >= 0) {
		/* The check takes the picker's place: Esc or the import leads
		 * back to the screen that asked for this file. */
		ui_replace(check_new(e->path, s->kind, 0));
		return UI_REDRAW;
	}
	int k = ask_kind(IMPORT_RESULTS);
	/* The roadmap asks its years and title first (NULL: given up there). */
	ui_screen *next = k == KIND_ROADMAP ? scr_rmimport_new(e->path, NULL)
			: k >= 0 ? check_new(e->path, k, 1) : NULL;
	if (next)
		ui_push(next);
	return UI_REDRAW;
}

static ui_result look_again(ui_screen *scr)
{
	list(scr->data);	/* a stick inserted meanwhile */
	return UI_REDRAW;
}

static ui_result key(ui_screen *scr, int ch, int fk)
{
	struct state *s = scr->data;
	/* Backspace with no search left: up a folder. */
	if (!*ui_list_search(s->list) && ((!fk && (ch == 127 || ch == 8)) || (fk && ch == KEY_BACKSPACE))) {
		char *up = folder_parent(s->dir);
		go(s, up);
		free(up);
		return UI_REDRAW;
	}
	return UI_UNHANDLED;
}

static void destroy(ui_screen *scr)
{
	struct state *s = scr->data;
	clear_entries(s);
	free(s->dir);
	free(s);
}

static const ui_key keys[] = {
	{ UI_KEY_ENTER, NULL, choose, NULL },
	{ KEY_F(5), NC_("key", "Refresh"), look_again, NULL },
	{ 0 },
};

/* The picker; kind -1 asks what a chosen file holds. */
static ui_screen *picker_new(int kind, const char *title, const char *help)
{
	struct state *s = xcalloc(1, sizeof *s);
	s->kind = kind;
	s->dir = folder_remembered(ui.db, FOLDER_FILES);
	if (!s->dir) {
		const char *home = getenv("HOME");
		s->dir = xstrdup(folder_is_dir(home) ? home : "/");
	}
	s->list = ui_list_new(row, s);
	ui_list_enable_search(s->list);
	ui_list_set_detail(s->list, detail, 2);
	list(s);
	ui_screen *scr = ui_screen_new(title, help, keys, s);
	scr->draw = draw;
	scr->key = key;
	scr->destroy = destroy;
	scr->list = s->list;
	scr->rebuild = build;
	return scr;
}

ui_screen *scr_import_new(void)
{
	return picker_new(-1, N_("Import from a file"),
			  N_("Choose a CSV file saved from a spreadsheet: pupils, assessment scales, results, "
			     "methodical events, teachers, or the district's roadmap (its years and title are asked "
			     "next); a ВПР results collection form as the Excel workbook itself (.xlsx) or as CSV, "
			     "and the task map of what each task checks. Then say what the file holds; the check screen says it again, and F3 there "
			     "changes it.\n\n"
			     "USB sticks are listed first; F5 looks for them again after you insert one. Enter opens "
			     "a folder or chooses a file; Backspace goes up a folder. Letters typed search the folder: "
			     "the line above the list shows the search and where you are in the list. The folder is "
			     "remembered for next time.\n\n"
			     "The file is checked first and nothing changes until you press F2 on the check screen. "
			     "Files may be \"CSV\" (Windows-1251) or \"CSV UTF-8\", with ';' or ',' between cells; "
			     "columns are found by their names."));
}

ui_screen *scr_import_pick_new(scr_import_then then, void *ctx)
{
	ui_screen *scr = picker_new(-1, N_("Import from a file"), NULL);
	struct state *s = scr->data;
	s->then = then;
	s->then_ctx = ctx;
	return scr;
}

ui_screen *scr_import_schools_new(void)
{
	return picker_new(IMPORT_SCHOOLS, N_("Import the list of schools"),
			  N_("Choose a CSV file with the schools the district expects reports from: a column with "
			     "each school's code (Код, Код ОО) and one with its name (Наименование, Школа).\n\n"
			     "USB sticks are listed first; F5 looks for them again. Enter opens a folder or chooses a "
			     "file; Backspace goes up a folder; letters typed search the folder. The folder is "
			     "remembered for next time.\n\n"
			     "The file is checked first and nothing changes until you press F2 on the check screen. A "
			     "school already known takes the name the file gives."));
}
