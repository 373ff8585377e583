/* Import from a file: pick the file (starting at home, sticks at the top),
 * say what it holds, see a dry run with every problem, then import or
 * cancel. A progress bar shows on anything that takes a moment; Esc stops
 * it and the database stays as it was. */
#include "config.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cell.h"
#include "common.h"
#include "db.h"
#include "import.h"
#include "scr.h"
#include "usb.h"
#include "ui-widgets.h"
#include "utf8.h"

#define DIR_KEY "ui.import.dir"

struct entry {
	char *name, *path;
	int dir, stick;
	long long size;
};

struct state {
	char *dir;
	struct entry *v;
	size_t n, row, top;
	int kind;	/* what every file holds (an import_kind), or -1: ask */
	scr_import_then then;	/* else who takes the file chosen */
	void *then_ctx;
};

static int cmp_entry(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;
	if (a->stick != b->stick)
		return b->stick - a->stick;
	if (a->dir != b->dir)
		return b->dir - a->dir;
	return utf8_collate(a->name, strlen(a->name), b->name, strlen(b->name));
}

static void clear_entries(struct state *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].name);
		free(s->v[i].path);
	}
	free(s->v);
	s->v = NULL;
	s->n = s->row = s->top = 0;
}

static void add(struct state *s, struct entry e)
{
	s->v = xrealloc(s->v, (s->n + 1) * sizeof *s->v);
	s->v[s->n++] = e;
}

static void list(struct state *s)
{
	clear_entries(s);
	usb_stick *st;
	size_t ns;
	if (usb_find("/proc/self/mounts", &st, &ns) == 0) {
		for (size_t i = 0; i < ns; i++)
			add(s, (struct entry){ xstrdup(st[i].label), xstrdup(st[i].mount), 1, 1, 0 });
		usb_free(st, ns);
	}
	if (strcmp(s->dir, "/") != 0)
		add(s, (struct entry){ xstrdup(".."), NULL, 1, 0, 0 });
	DIR *d = opendir(s->dir);
	if (!d) {
		ui_error(_("Cannot open the folder %s."), s->dir);
		return;
	}
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char *path = xasprintf("%s%s%s", s->dir, strcmp(s->dir, "/") ? "/" : "", e->d_name);
		struct stat sb;
		if (stat(path, &sb) != 0 || !(S_ISDIR(sb.st_mode) || S_ISREG(sb.st_mode))) {
			free(path);
			continue;
		}
		add(s, (struct entry){ xstrdup(e->d_name), path, S_ISDIR(sb.st_mode), 0, (long long)sb.st_size });
	}
	closedir(d);
	qsort(s->v, s->n, sizeof *s->v, cmp_entry);
}

static char *human_size(long long b)
{
	if (b < 1024)
		return xasprintf(_("%lld B"), b);
	if (b < 1024 * 1024)
		return xasprintf(_("%lld KiB"), (b + 1023) / 1024);
	return xasprintf(_("%.1f MiB"), (double)b / (1024 * 1024));
}

static void draw(ui_screen *scr, WINDOW *w)
{
	struct state *s = scr->data;
	int width = getmaxx(w), height = getmaxy(w);
	char *head = xasprintf(_("Folder: %s"), s->dir);
	wattrset(w, ui_attr(UA_HEAD));
	ui_put(w, 0, 1, width - 2, head);
	wattrset(w, A_NORMAL);
	free(head);
	ui_put(w, 1, 1, width - 2, _("Choose the file (Enter). Backspace goes up a folder."));
	int rows = height - 3;
	ui_legacy_list_scroll(s->row, &s->top, rows);
	for (int i = 0; i < rows && s->top + (size_t)i < s->n; i++) {
		const struct entry *e = &s->v[s->top + (size_t)i];
		int y = 3 + i, cur = s->top + (size_t)i == s->row;
		wattrset(w, cur ? ui_attr(UA_SELECT) : e->stick ? ui_attr(UA_HEAD) : A_NORMAL);
		if (cur)
			mvwhline(w, y, 0, ' ', width);
		char *label = e->stick ? xasprintf(_("[USB stick] %s  (%s)"), e->name, e->path)
			    : e->dir ? xasprintf("%s/", e->name) : xstrdup(e->name);
		ui_put(w, y, 2, width - 16, label);
		free(label);
		if (!e->dir) {
			char *sz = human_size(e->size);
			ui_put(w, y, width - 12, 11, sz);
			free(sz);
		}
	}
	wattrset(w, A_NORMAL);
}

/* --- the check and the import --- */

struct check {
	char *path;
	enum import_kind kind;
	int form;	/* a ВПР form, task by task (import_tasks), not a table of kind */
	char *opt[4];	/* the form's procedure, subject, grade, year where the file does not say */
	char **lines;
	size_t n, top;
	import_counts counts;
	long errors;
	int result;	/* import_file's */
};

char *scr_import_problem(enum diag_level level, const char *file, long line, const char *msg)
{
	const char *base = file ? strrchr(file, '/') : NULL;
	base = base ? base + 1 : file;
	return line > 0 ? xasprintf("%s%s:%ld: %s", level == DIAG_WARNING ? _("warning: ") : "", base, line, msg)
			: xasprintf("%s%s", level == DIAG_WARNING ? _("warning: ") : "", msg);
}

static void collect(void *ctx, enum diag_level level, const char *file, long line, const char *msg)
{
	struct check *c = ctx;
	if (c->n >= 2000)
		return;
	c->lines = xrealloc(c->lines, (c->n + 1) * sizeof *c->lines);
	c->lines[c->n++] = scr_import_problem(level, file, line, msg);
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

static void run(struct check *c, int dry_run)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->lines[i]);
	free(c->lines);
	c->lines = NULL;
	c->n = c->top = 0;
	diag d = { .emit = collect, .ctx = c };
	struct progress p = { .win = NULL };
	clock_gettime(CLOCK_MONOTONIC, &p.start);
	if (c->form) {
		long grade = 0, year = 0;
		cell_int(c->opt[2], &grade);
		cell_int(c->opt[3], &year);
		tasks_opts o = { *c->opt[0] ? c->opt[0] : NULL, *c->opt[1] ? c->opt[1] : NULL, (int)grade, (int)year };
		tasks_summary sum;
		c->result = import_tasks(ui.db, c->path, &o, dry_run, &d, &c->counts, &sum);
		/* what the form held, above its problems */
		for (size_t i = 0; i < sum.n; i++) {
			const tasks_form *f = &sum.v[i];
			char *line = xasprintf(ngettext("%s, %s, grade %d, %d: %d task; classes %s: %ld pupils, %ld absent",
							"%s, %s, grade %d, %d: %d tasks; classes %s: %ld pupils, %ld absent",
							(unsigned long)f->ntasks),
					       f->procedure, f->subject, f->grade, f->year, f->ntasks, f->classes, f->pupils,
					       f->absent);
			c->lines = xrealloc(c->lines, (c->n + 1) * sizeof *c->lines);
			memmove(c->lines + i + 1, c->lines + i, (c->n - i) * sizeof *c->lines);
			c->lines[i] = line;
			c->n++;
		}
		tasks_summary_free(&sum);
	} else {
		c->result = import_file_progress(ui.db, c->kind, c->path, dry_run, &d, &c->counts, show_progress, &p);
	}
	c->errors = d.errors;
	if (p.win)
		delwin(p.win);
}

static void check_draw(ui_screen *scr, WINDOW *w)
{
	struct check *c = scr->data;
	int width = getmaxx(w), height = getmaxy(w);
	wattrset(w, ui_attr(UA_HEAD));
	ui_put(w, 0, 1, width - 2, c->path);
	char *sum;
	if (c->result == 0)
		sum = xasprintf(_("Checked, no errors: %ld to add, %ld to update, %ld unchanged. F2 imports it."),
				c->counts.added, c->counts.updated, c->counts.unchanged);
	else if (c->result == 2)
		sum = xstrdup(_("Stopped: nothing was changed."));
	else
		sum = xasprintf(ngettext("%ld error: the file cannot be imported until it is corrected. Nothing was changed.",
					 "%ld errors: the file cannot be imported until they are corrected. Nothing was changed.",
					 (unsigned long)c->errors), c->errors);
	wattrset(w, c->result == 0 ? ui_attr(UA_HEAD) : ui_attr(UA_ERROR));
	ui_put(w, 1, 1, width - 2, sum);
	free(sum);
	wattrset(w, A_NORMAL);
	int rows = height - 3;
	for (int i = 0; i < rows && c->top + (size_t)i < c->n; i++)
		ui_put(w, 3 + i, 1, width - 2, c->lines[c->top + (size_t)i]);
}

static ui_result check_key(ui_screen *scr, int ch, int fk)
{
	struct check *c = scr->data;
	if (!fk)
		return UI_UNHANDLED;
	size_t page = LINES > 8 ? (size_t)LINES - 8 : 1;
	switch (ch) {
	case KEY_DOWN: if (c->top + 1 < c->n) c->top++; return UI_HANDLED;
	case KEY_UP: if (c->top > 0) c->top--; return UI_HANDLED;
	case KEY_NPAGE: if (c->top + page < c->n) c->top += page; return UI_HANDLED;
	case KEY_PPAGE: c->top = c->top > page ? c->top - page : 0; return UI_HANDLED;
	}
	if (ch == KEY_F(3) && c->form) {
		/* what the file does not say of itself */
		const ui_field fields[] = { { _("Procedure"), 12, UI_FIELD_TEXT, NULL },
					    { _("Subject"), 30, UI_FIELD_TEXT, NULL }, { _("Grade"), 2, UI_FIELD_TEXT, NULL },
					    { _("Year"), 4, UI_FIELD_TEXT, NULL } };
		if (ui_form_run(_("What the form does not say"), fields, c->opt, 4, NULL, NULL) == 1)
			run(c, 1);
		return UI_REDRAW;
	}
	if (ch == KEY_F(2)) {
		if (c->result != 0) {
			ui_error(_("The file has errors: correct it and choose it again."));
			return UI_REDRAW;
		}
		run(c, 0);
		if (c->result == 0) {
			ui_message(_("Imported: %ld added, %ld updated, %ld unchanged."), c->counts.added, c->counts.updated,
				   c->counts.unchanged);
			return UI_POP;
		}
		return UI_REDRAW;
	}
	return UI_UNHANDLED;
}

static void check_destroy(ui_screen *scr)
{
	struct check *c = scr->data;
	for (size_t i = 0; i < c->n; i++)
		free(c->lines[i]);
	free(c->lines);
	free(c->path);
	for (int i = 0; i < 4; i++)
		free(c->opt[i]);
	free(c);
	free(scr);
}

static ui_screen *check_new(const char *path, enum import_kind kind, int form)
{
	struct check *c = xcalloc(1, sizeof *c);
	c->path = xstrdup(path);
	c->kind = kind;
	c->form = form;
	for (int i = 0; i < 4; i++)
		c->opt[i] = xstrdup("");
	run(c, 1);
	ui_screen *scr = xcalloc(1, sizeof *scr);
	scr->title = N_("Import: check");
	scr->help = N_("What the file would change, checked without changing anything.\n\n"
		       "If there are errors, each is listed with the file's line number and the\n"
		       "column: correct the file in the spreadsheet, save it again and choose it\n"
		       "again. Nothing is imported while any line is wrong.\n\n"
		       "F2 imports a file without errors; Esc goes back without importing.\n"
		       "Up, Down, PgUp, PgDn scroll the list.\n\n"
		       "A ВПР form: its first lines say what it held. When the form does not\n"
		       "say its procedure, subject, grade or year, F3 asks for them.");
	scr->bar[1] = NC_("key", "Import");
	if (form)
		scr->bar[2] = NC_("key", "Specify");
	scr->draw = check_draw;
	scr->key = check_key;
	scr->destroy = check_destroy;
	scr->data = c;
	return scr;
}

/* --- the picker's keys --- */

static void go(struct state *s, const char *dir)
{
	char *real = realpath(dir, NULL);
	if (!real)
		return;
	free(s->dir);
	s->dir = real;
	char *err = NULL;
	if (db_setting_set(ui.db, DIR_KEY, s->dir, &err) != 0)
		free(err);
	list(s);
}

static ui_result key(ui_screen *scr, int ch, int fk)
{
	struct state *s = scr->data;
	const struct entry *e = s->n ? &s->v[s->row] : NULL;
	if (ui_is_enter(ch, fk) && e) {
		if (e->dir) {
			char *to = e->path ? xstrdup(e->path) : xasprintf("%s/..", s->dir);
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
			/* The check takes the picker's place: Esc or the import
			 * leads back to the screen that asked for this file. */
			ui_replace(check_new(e->path, (enum import_kind)s->kind, 0));
			return UI_REDRAW;
		}
		char *kinds[] = { _("Pupils (roster)"), _("Assessment scales"), _("Results"), _("Methodical events"),
				  _("Teachers (staff)"), _("The district's roadmap"), _("ВПР form, task by task (.xlsx or CSV)"),
				  _("Task map: what each task checks") };
		int k = ui_pick(_("What does the file hold?"), kinds, 8, 2);
		/* The first five in their import_kind's order; the roadmap
		 * asks its years and title before its own check. */
		ui_screen *next = k == 5 ? scr_rmimport_new(e->path, NULL)
			: k == 6 ? check_new(e->path, IMPORT_RESULTS, 1)
			: k == 7 ? check_new(e->path, IMPORT_TASKMAP, 0)
			: k >= 0 ? check_new(e->path, (enum import_kind)k, 0) : NULL;
		if (next)
			ui_push(next);
		return UI_REDRAW;
	}
	if ((!fk && (ch == 127 || ch == 8)) || (fk && ch == KEY_BACKSPACE)) {
		char *up = xasprintf("%s/..", s->dir);
		go(s, up);
		free(up);
		return UI_REDRAW;
	}
	if (!fk)
		return UI_UNHANDLED;
	if (ui_legacy_list_key(&s->row, s->n, ch))
		return UI_HANDLED;
	if (ch == KEY_F(5)) {
		list(s);	/* a stick inserted meanwhile */
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
	free(scr);
}

/* The picker; kind -1 asks what a chosen file holds. */
static ui_screen *picker_new(int kind)
{
	struct state *s = xcalloc(1, sizeof *s);
	s->kind = kind;
	char *err = NULL;
	s->dir = db_setting_get(ui.db, DIR_KEY, &err);
	free(err);
	struct stat sb;
	if (!s->dir || stat(s->dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		free(s->dir);
		const char *home = getenv("HOME");
		s->dir = xstrdup(home && *home ? home : "/");
	}
	list(s);
	ui_screen *scr = xcalloc(1, sizeof *scr);
	scr->title = N_("Import from a file");
	scr->help = N_("Choose a CSV file saved from a spreadsheet: pupils, assessment scales,\n"
		       "results, methodical events, teachers, or the district's roadmap (its\n"
		       "years and title are asked next); a ВПР results collection form as the\n"
		       "Excel workbook itself (.xlsx) or as CSV, and the task map of what each\n"
		       "task checks. USB sticks are listed first; F5\n"
		       "looks for them again after you insert one. Enter opens a folder or\n"
		       "chooses a file; Backspace goes up a folder.\n\n"
		       "The file is checked first and nothing changes until you press F2 on the\n"
		       "check screen. Files may be \"CSV\" (Windows-1251) or \"CSV UTF-8\", with\n"
		       "';' or ',' between cells; columns are found by their names.");
	scr->bar[4] = NC_("key", "Refresh");
	scr->draw = draw;
	scr->key = key;
	scr->destroy = destroy;
	scr->data = s;
	return scr;
}

ui_screen *scr_import_new(void)
{
	return picker_new(-1);
}

ui_screen *scr_import_pick_new(scr_import_then then, void *ctx)
{
	ui_screen *scr = picker_new(-1);
	struct state *s = scr->data;
	s->then = then;
	s->then_ctx = ctx;
	return scr;
}

ui_screen *scr_import_schools_new(void)
{
	ui_screen *scr = picker_new(IMPORT_SCHOOLS);
	scr->title = N_("Import the list of schools");
	scr->help = N_("Choose a CSV file with the schools the district expects reports\n"
		       "from: a column with each school's code (Код, Код ОО) and one with its\n"
		       "name (Наименование, Школа). USB sticks are listed first; F5 looks for\n"
		       "them again. Enter opens a folder or chooses a file; Backspace goes\n"
		       "up a folder.\n\n"
		       "The file is checked first and nothing changes until you press F2 on\n"
		       "the check screen. A school already known takes the name the file\n"
		       "gives.");
	return scr;
}
