#include "config.h"

#include <errno.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "common.h"
#include "db.h"
#include "scr.h"
#include "ui-text.h"
#include "ui.h"
#include "utf8.h"

ui_app ui;

static ui_screen *stack[16];
static int depth;
static WINDOW *body;
static char status[512];
static int status_error;
static attr_t attrs[UA_COUNT];

attr_t ui_attr(enum ui_attr a)
{
	return attrs[a];
}

/* Colours where the terminal has them; otherwise (vt100) reverse and bold
 * carry the same meaning. On the Linux console underline vanishes once
 * colours start, so fields are shown by background, never by underline. */
static void set_attrs(void)
{
	attrs[UA_NORMAL] = A_NORMAL;
	if (has_colors() && start_color() == OK) {
		use_default_colors();
		init_pair(1, COLOR_BLACK, COLOR_CYAN);
		init_pair(2, COLOR_WHITE, COLOR_BLUE);
		init_pair(3, COLOR_RED, -1);
		init_pair(4, COLOR_GREEN, -1);
		init_pair(5, COLOR_YELLOW, -1);
		init_pair(6, COLOR_WHITE, COLOR_RED);
		init_pair(7, COLOR_WHITE, COLOR_GREEN);
		init_pair(8, COLOR_BLACK, COLOR_YELLOW);
		init_pair(9, COLOR_YELLOW, COLOR_BLUE);
		attrs[UA_TITLE] = COLOR_PAIR(1);
		attrs[UA_KEYNUM] = A_BOLD;
		attrs[UA_KEYLABEL] = COLOR_PAIR(1);
		attrs[UA_SELECT] = COLOR_PAIR(1);
		attrs[UA_FIELD] = COLOR_PAIR(2);
		attrs[UA_ERROR] = COLOR_PAIR(3) | A_BOLD;
		attrs[UA_NOTE] = COLOR_PAIR(5);
		attrs[UA_HEAD] = A_BOLD;
		attrs[UA_BAR_BAD] = COLOR_PAIR(6);
		attrs[UA_BAR_GOOD] = COLOR_PAIR(7);
		attrs[UA_BAR_MID] = COLOR_PAIR(8);
		attrs[UA_GOOD] = COLOR_PAIR(4);
		attrs[UA_WAIT] = COLOR_PAIR(5);
		/* The choice in a dialog is white on blue, not the box's cyan in
		 * bold: the console shows bold black as grey, like a disabled item. */
		attrs[UA_DIALOG] = COLOR_PAIR(1);
		attrs[UA_DIALOG_SELECT] = COLOR_PAIR(2) | A_BOLD;
		attrs[UA_QUERY] = COLOR_PAIR(9) | A_BOLD;
		attrs[UA_FIELD_SELECTED] = COLOR_PAIR(8);
		attrs[UA_WARN] = COLOR_PAIR(5) | A_BOLD;
	} else {
		attrs[UA_TITLE] = A_REVERSE;
		attrs[UA_KEYNUM] = A_BOLD;
		attrs[UA_KEYLABEL] = A_REVERSE;
		attrs[UA_SELECT] = A_REVERSE;
		attrs[UA_FIELD] = A_REVERSE;
		attrs[UA_ERROR] = A_BOLD;
		attrs[UA_NOTE] = A_NORMAL;
		attrs[UA_HEAD] = A_BOLD;
		attrs[UA_BAR_BAD] = A_REVERSE;
		attrs[UA_BAR_GOOD] = A_REVERSE;
		attrs[UA_BAR_MID] = A_REVERSE;
		attrs[UA_GOOD] = A_NORMAL;
		attrs[UA_WAIT] = A_UNDERLINE;
		/* Dialogs are plain so that their choice can be reverse video. */
		attrs[UA_DIALOG] = A_NORMAL;
		attrs[UA_DIALOG_SELECT] = A_REVERSE;
		attrs[UA_QUERY] = A_BOLD;
		attrs[UA_FIELD_SELECTED] = A_BOLD | A_UNDERLINE;
		/* (the field's look, but a field is never in running text) */
		attrs[UA_WARN] = A_BOLD | A_UNDERLINE;
	}
}

void ui_put(WINDOW *w, int y, int x, int width, const char *text)
{
	if (width <= 0)
		return;
	if (utf8_width(text) <= width) {
		mvwaddstr(w, y, x, text);
		return;
	}
	/* At a word when that keeps most of the room, else where it must. */
	size_t n = utf8_fit_words(text, width - 1), chars = utf8_fit(text, width - 1);
	if (n < chars / 2)
		n = chars;
	mvwaddnstr(w, y, x, text, (int)n);
	waddstr(w, "…");
}

int ui_is_enter(int ch, int fk)
{
	return fk ? ch == KEY_ENTER : ch == '\n' || ch == '\r';
}

static void vstatus(int error, const char *fmt, va_list ap)
{
	vsnprintf(status, sizeof status, fmt, ap);
	status_error = error;
}

void ui_message(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vstatus(0, fmt, ap);
	va_end(ap);
}

void ui_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vstatus(1, fmt, ap);
	va_end(ap);
	beep();
}

static void draw_title(const ui_screen *s)
{
	attrset(ui_attr(UA_TITLE));
	mvhline(0, 0, ' ', COLS);
	char *t = xasprintf(" %s │ %s (%s) │ ", _(s->title), ui.sc.name ? ui.sc.name : "",
			    ui_region() ? _("region") : ui_district() ? _("district") : _("school"));
	ui_put(stdscr, 0, 0, COLS, t);
	/* The database's path in what is left, its end (the file's name) kept. */
	int room = COLS - utf8_width(t) - 1, pw = utf8_width(ui.db_path);
	if (room > 8) {
		const char *p = ui.db_path;
		while (pw > room && *p) {
			p += utf8_fit(p, 1) ? utf8_fit(p, 1) : 1;
			pw = utf8_width(p) + 1;
		}
		if (p != ui.db_path)
			addstr("…");
		addstr(p);
	}
	free(t);
	attrset(A_NORMAL);
}

/* The screen's key for ch, if it has one and it is on now. */
static const ui_key *find_key(const ui_screen *s, int ch, int fk)
{
	for (const ui_key *k = s->keys; k && k->key; k++) {
		if (k->enabled && !k->enabled(s))
			continue;
		if (k->key == UI_KEY_ENTER ? ui_is_enter(ch, fk) : fk && ch == k->key)
			return k;
	}
	return NULL;
}

/* F1..F10 across the bottom line, Midnight Commander style, from the
 * screen's key table; F1 and F10 are the frame's. */
static void draw_keybar(const ui_screen *s)
{
	move(LINES - 1, 0);
	clrtoeol();
	int slot = COLS / 10;
	for (int i = 0; i < 10; i++) {
		const char *label = i == 0 ? NC_("key", "Help") : i == 9 ? NC_("key", "Exit") : NULL;
		const ui_key *k = i > 0 && i < 9 ? find_key(s, KEY_F(i + 1), 1) : NULL;
		if (k)
			label = k->label;
		int x = i * slot;
		attrset(ui_attr(UA_KEYNUM));
		mvprintw(LINES - 1, x, "%d", i + 1);
		int nw = i + 1 >= 10 ? 2 : 1;
		attrset(ui_attr(UA_KEYLABEL));
		int w = (i == 9 ? COLS - x : slot) - nw;
		mvhline(LINES - 1, x + nw, ' ', w);
		if (label)
			ui_put(stdscr, LINES - 1, x + nw, w, pgettext_deferred(label));
	}
	attrset(A_NORMAL);
}

static void draw_status(void)
{
	move(LINES - 2, 0);
	clrtoeol();
	if (*status) {
		attrset(status_error ? ui_attr(UA_ERROR) : A_NORMAL);
		ui_put(stdscr, LINES - 2, 1, COLS - 2, status);
		attrset(A_NORMAL);
	}
}

static int too_small(void)
{
	return COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;
}

/* In place of the screens while they cannot be laid out. */
static void draw_too_small(void)
{
	erase();
	char *t = xasprintf(_("The window is too small: it needs at least %d×%d (it is %d×%d). Make it larger."),
			    UI_MIN_COLS, UI_MIN_LINES, COLS, LINES);
	int n;
	char **v = ui_wrap(t, COLS > 4 ? COLS - 2 : 2, &n);
	attrset(ui_attr(UA_ERROR));
	for (int i = 0; i < n; i++) {
		if (i < LINES)
			mvaddstr((LINES - n) / 2 + i > 0 ? (LINES - n) / 2 + i : i, 1, v[i]);
		free(v[i]);
	}
	attrset(A_NORMAL);
	free(v);
	free(t);
	refresh();
}

void ui_redraw(void)
{
	if (depth == 0)
		return;
	if (too_small()) {
		draw_too_small();
		return;
	}
	ui_screen *s = stack[depth - 1];
	if (s->stale) {
		s->stale = 0;
		if (s->reload)
			s->reload(s->data);
	}
	if (!body) {
		body = newwin(LINES - 3, COLS, 1, 0);
		keypad(body, TRUE);
	}
	draw_title(s);
	draw_status();
	werase(body);
	s->overlay = NULL;
	if (s->draw) {
		s->draw(s, body);
	} else {
		curs_set(0);
		if (s->text)
			ui_text_draw(s->text, body, 0, 1, getmaxy(body));
		else if (s->list)
			ui_list_draw(s->list, body, 0, getmaxy(body));
	}
	/* The keys after the screen: it may have read its data again (back
	 * from an import), which its keys' enabled functions look at. */
	draw_keybar(s);
	wnoutrefresh(stdscr);
	wnoutrefresh(body);
	if (s->overlay) {
		touchwin(s->overlay);
		wnoutrefresh(s->overlay);
	}
	doupdate();
}

static void resized(void)
{
	if (body)
		delwin(body);
	body = NULL;
	erase();
	ui_redraw();
}

static volatile sig_atomic_t hung_up;

static void on_hangup(int sig)
{
	(void)sig;
	hung_up = 1;
}

/* Closes the database: the file (the office's store with it), or the
 * region's connection. */
static void close_store(void)
{
	if (ui.db)
		db_close(ui.db);
	else
		sdb_close(ui.office);
	ui.db = NULL;
	ui.office = NULL;
}

/* The terminal is gone: nobody can answer a question any more. What the
 * screens hold is in the database already (the grid keeps each line as a
 * draft when it is left); close it and end. */
static void gone(void)
{
	close_store();
	endwin();
	exit(1);
}

/* The terminal's size when it is not the one curses lays out for: 1 and
 * rows, cols. */
static int size_changed(int *rows, int *cols)
{
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || !ws.ws_row || !ws.ws_col)
		return 0;
	*rows = ws.ws_row;
	*cols = ws.ws_col;
	return *rows != LINES || *cols != COLS;
}

/* Whether the terminal is gone: its input hung up or failed. */
static int input_gone(int err)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	return hung_up || (err && err != EINTR) ||
	       (poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)));
}

int ui_getkey(int *ch)
{
	for (;;) {
		wint_t c;
		/* Woken twice a second: curses notices a resize only in a read
		 * that the signal interrupts, and one that came while the screen
		 * was being drawn would wait for the next key. */
		timeout(500);
		errno = 0;
		int r = get_wch(&c), rows, cols;
		if (r == ERR) {
			/* The end of input returns ERR at once, again and again. */
			if (input_gone(errno))
				gone();
			if (size_changed(&rows, &cols)) {
				resize_term(rows, cols);
				resized();
			}
			continue;
		}
		if (r == KEY_CODE_YES && c == KEY_RESIZE) {
			resized();
			continue;
		}
		if (too_small())
			continue;
		*ch = (int)c;
		return r == KEY_CODE_YES;
	}
}

ui_screen *ui_screen_new(const char *title, const char *help, const ui_key *keys, void *data)
{
	ui_screen *s = xcalloc(1, sizeof *s);
	s->title = title;
	s->help = help;
	s->keys = keys;
	s->data = data;
	return s;
}

void ui_screen_help_add(ui_screen *s, const char *more)
{
	/* F1's gettext finds no entry for the whole and shows it as it is */
	char *h = xasprintf("%s\n\n%s", _(s->help), _(more));
	free(s->help_more);
	s->help = s->help_more = h;
}

int ui_district(void)
{
	return ui.sc.role && strcmp(ui.sc.role, "district") == 0;
}

int ui_region(void)
{
	return ui.sc.role && strcmp(ui.sc.role, "region") == 0;
}

/* A key for the screen's list: a changed search fills it again from the
 * top. */
static ui_result list_key(ui_screen *s, int ch, int fk)
{
	switch (ui_list_key(s->list, ch, fk)) {
	case UI_LIST_SEARCH:
		if (s->rebuild)
			s->rebuild(s->data);
		ui_list_home(s->list);
		return UI_REDRAW;
	case UI_LIST_MOVED:
		return UI_REDRAW;
	default:
		return UI_UNHANDLED;
	}
}

void ui_push(ui_screen *s)
{
	if (depth < (int)(sizeof stack / sizeof *stack))
		stack[depth++] = s;
}

ui_result ui_push_changing(ui_screen *s)
{
	if (depth > 0)
		stack[depth - 1]->stale = 1;
	ui_push(s);
	return UI_REDRAW;
}

static void pop(void)
{
	ui_screen *s = stack[--depth];
	ui_list_free(s->list);
	ui_text_free(s->text);
	if (s->destroy)
		s->destroy(s);
	free(s->help_more);
	free(s);
}

void ui_replace(ui_screen *s)
{
	if (depth > 0)
		pop();
	ui_push(s);
}

WINDOW *ui_dialog(int height, int width, const char *title)
{
	if (width > COLS - 2)
		width = COLS - 2;
	if (height > LINES - 2)
		height = LINES - 2;
	WINDOW *frame = newwin(height, width, (LINES - height) / 2, (COLS - width) / 2);
	keypad(frame, TRUE);
	wattrset(frame, ui_attr(UA_DIALOG));
	for (int y = 0; y < height; y++)
		mvwhline(frame, y, 0, ' ', width);
	box(frame, 0, 0);
	if (title) {
		char *t = xasprintf(" %s ", title);
		ui_put(frame, 0, 2, width - 4, t);
		free(t);
	}
	return frame;
}

WINDOW *ui_busy(const char *title, const char *text)
{
	WINDOW *d = ui_dialog(5, 60, title);
	ui_put(d, 2, 3, 54, text);
	wrefresh(d);
	return d;
}

char **ui_wrap(const char *text, int width, int *n)
{
	char **lines = NULL;
	*n = 0;
	const char *p = text;
	if (width < 1)
		width = 1;
	while (*p) {
		size_t len = strcspn(p, "\n");
		char *para = xstrndup(p, len);
		const char *q = para;
		do {
			size_t fit = utf8_fit_words(q, width);
			lines = xrealloc(lines, (size_t)(*n + 1) * sizeof *lines);
			lines[(*n)++] = xstrndup(q, fit);
			q += fit;
			while (*q == ' ')
				q++;
		} while (*q);
		free(para);
		p += len + (p[len] == '\n');
	}
	return lines;
}

void ui_show_text(const char *title, const char *text)
{
	ui_text *t = ui_text_new();
	ui_text_add(t, UA_DIALOG, 0, 0, text);
	for (;;) {
		int width = COLS - 2 < 78 ? COLS - 2 : 78;
		int rows = ui_text_layout(t, width - 4);
		int h = rows + 4 < LINES - 2 ? rows + 4 : LINES - 2;
		WINDOW *d = ui_dialog(h, width, title);
		WINDOW *in = derwin(d, h - 4, width - 4, 2, 2);
		wbkgdset(in, ui_attr(UA_DIALOG));
		ui_text_draw(t, in, 0, 0, h - 4);
		/* Where we are and how to go on, in the bottom border. */
		char *foot;
		if (rows > h - 4) {
			int top = ui_text_top(t), last = top + h - 4 < rows ? top + h - 4 : rows;
			foot = xasprintf(_(" lines %d–%d of %d · PgDn, PgUp, arrows · Esc closes "), top + 1, last, rows);
		} else {
			foot = xstrdup(_(" Esc or Enter closes "));
		}
		wattrset(d, ui_attr(UA_DIALOG));
		ui_put(d, h - 1, 2, width - 4, foot);
		free(foot);
		wnoutrefresh(d);
		wnoutrefresh(in);
		doupdate();
		int ch, fk = ui_getkey(&ch);
		delwin(in);
		delwin(d);
		if (ui_text_key(t, ch, fk)) {
			ui_redraw();
			continue;
		}
		if ((!fk && ch == 27) || ui_is_enter(ch, fk) || (fk && ch == KEY_F(10)))
			break;
	}
	ui_text_free(t);
	ui_redraw();
}

/* A row of buttons under a question, starting on first; returns the
 * chosen index or -1 (Esc). Hotkeys are both layouts' letters, and digits. */
static int buttons(const char *question, const char *const *labels, const char *keys, int n, int first)
{
	int sel = first, qn, width = COLS - 4 < 66 ? COLS - 4 : 66;
	char **q = ui_wrap(question, width - 6, &qn);
	int chosen = -2;
	while (chosen == -2) {
		WINDOW *d = ui_dialog(qn + 5, width, NULL);
		wattrset(d, ui_attr(UA_DIALOG));
		for (int i = 0; i < qn; i++)
			mvwaddstr(d, 1 + i, 3, q[i]);
		int x = 3;
		for (int i = 0; i < n; i++) {
			char *b = xasprintf("[ %s ]", _(labels[i]));
			wattrset(d, i == sel ? ui_attr(UA_DIALOG_SELECT) : ui_attr(UA_DIALOG));
			mvwaddstr(d, qn + 2, x, b);
			x += utf8_width(b) + 2;
			free(b);
		}
		wrefresh(d);
		int ch, fk = ui_getkey(&ch);
		delwin(d);
		if (fk && (ch == KEY_LEFT || ch == KEY_BTAB)) {
			sel = (sel + n - 1) % n;
		} else if ((fk && ch == KEY_RIGHT) || (!fk && ch == '\t')) {
			sel = (sel + 1) % n;
		} else if (ui_is_enter(ch, fk)) {
			chosen = sel;
		} else if (!fk && ch == 27) {
			chosen = -1;
		} else if (!fk) {
			/* keys: each button's letters in both layouts, '|' between buttons */
			char buf[8];
			buf[utf8_encode((uint32_t)ch, buf)] = '\0';
			const char *hit = strstr(keys, buf);
			if (hit && *buf != '|') {
				int i = 0;
				for (const char *k = keys; k < hit; k++)
					i += *k == '|';
				chosen = i;
			} else if (ch >= '1' && ch < '1' + n) {
				chosen = ch - '1';
			}
		}
		ui_redraw();
	}
	for (int i = 0; i < qn; i++)
		free(q[i]);
	free(q);
	return chosen;
}

static const char *const yes_no[] = { N_("Yes"), N_("No") };
static const char yes_no_keys[] = "yYдД|nNнН";

int ui_confirm(const char *question)
{
	return buttons(question, yes_no, yes_no_keys, 2, 1) == 0;
}

int ui_ask(const char *question)
{
	return buttons(question, yes_no, yes_no_keys, 2, 0) == 0;
}

int ui_ask_save(const char *question)
{
	static const char *const labels[] = { N_("Save"), N_("Don't save"), N_("Cancel") };
	int r = buttons(question, labels, "sSсС|dDнН|cCоО", 3, 0);
	return r < 0 ? 2 : r;
}

void ui_show_notice(void)
{
	char *notice = db_take_notice();
	if (notice) {
		ui_redraw();
		ui_show_text(_("Notice"), notice);
		free(notice);
	}
}

/* The screens until the user leaves, from the main menu, or from the
 * first-run form when the database has no owner yet (have 0). */
static int run(int have)
{
	initscr();
	set_escdelay(25);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_attrs();
	/* No SA_RESTART: a hangup must interrupt the wait for a key. */
	struct sigaction sa = { .sa_handler = on_hangup };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);

	ui_push(have ? scr_menu_new() : scr_setup_new());
	ui_show_notice();
	while (depth > 0) {
		ui_redraw();
		int ch, fk = ui_getkey(&ch);
		*status = '\0';
		ui_screen *s = stack[depth - 1];
		const ui_key *k = find_key(s, ch, fk);
		ui_result r = k ? k->run(s) : s->key ? s->key(s, ch, fk) : UI_UNHANDLED;
		if (r == UI_UNHANDLED && s->list)
			r = list_key(s, ch, fk);
		if (r == UI_UNHANDLED && s->text && ui_text_key(s->text, ch, fk))
			r = UI_REDRAW;
		if (r == UI_UNHANDLED) {
			if (fk && ch == KEY_F(1))
				ui_show_text(_(s->title), _(s->help));
			else if (fk && ch == KEY_F(10))
				r = UI_QUIT;
			else if (!fk && ch == 27 && depth > 1)
				r = UI_POP;
			else if (!fk && ch == 27)
				/* Esc at the first screen does not leave by surprise: it
				 * asks (starting on «No»), for a terminal without F10. */
				r = s->leave || ui_confirm(_("Leave orientir?")) ? UI_QUIT : UI_HANDLED;
		}
		if (r == UI_POP && (!s->leave || s->leave(s) == 0)) {
			pop();
		} else if (r == UI_QUIT) {
			while (depth > 0 && (!stack[depth - 1]->leave || stack[depth - 1]->leave(stack[depth - 1]) == 0))
				pop();
		}
	}
	if (body)
		delwin(body);
	/* The console has no alternate screen: leave it clean for the shell. */
	erase();
	refresh();
	endwin();
	school_clear(&ui.sc);
	close_store();
	free(ui.db_path);
	return 0;
}

int ui_main(const char *path)
{
	char *err = NULL;
	ui.db = db_open(path, &err);
	if (!ui.db) {
		fprintf(stderr, "orientir: %s\n", err);
		free(err);
		return 1;
	}
	ui.office = db_sdb(ui.db);
	ui.db_path = xstrdup(path);
	int have = db_school_get(ui.office, &ui.sc, &err);
	if (have < 0) {
		fprintf(stderr, "orientir: %s\n", err);
		free(err);
		close_store();
		free(ui.db_path);
		return 1;
	}
	return run(have);
}

int ui_main_region(sdb *db, school *sc)
{
	ui.office = db;
	ui.sc = *sc;
	ui.db_path = sdb_pg_name(db);
	return run(1);
}
