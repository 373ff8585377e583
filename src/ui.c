#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "db.h"
#include "scr.h"
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
	size_t n = utf8_fit(text, width - 1);
	mvwaddnstr(w, y, x, text, (int)n);
	waddstr(w, "…");
}

int ui_list_key(size_t *row, size_t n, int ch)
{
	size_t page = LINES > 8 ? (size_t)LINES - 8 : 1, last = n ? n - 1 : 0;
	switch (ch) {
	case KEY_DOWN: *row = *row < last ? *row + 1 : last; return 1;
	case KEY_UP: *row = *row > 0 ? *row - 1 : 0; return 1;
	case KEY_NPAGE: *row = *row + page < last ? *row + page : last; return 1;
	case KEY_PPAGE: *row = *row > page ? *row - page : 0; return 1;
	case KEY_HOME: *row = 0; return 1;
	case KEY_END: *row = last; return 1;
	}
	return 0;
}

void ui_list_scroll(size_t row, size_t *top, int rows)
{
	if (row < *top)
		*top = row;
	if (rows > 0 && row >= *top + (size_t)rows)
		*top = row - (size_t)rows + 1;
}

int ui_is_enter(int ch, int fk)
{
	return fk ? ch == KEY_ENTER : ch == '\n' || ch == '\r';
}

int ui_search_key(char *search, size_t size, int ch, int fk)
{
	size_t n = strlen(search);
	if ((!fk && (ch == 127 || ch == 8)) || (fk && ch == KEY_BACKSPACE)) {
		if (!n)
			return 0;
		/* The last character, however many bytes it has. */
		while (n > 0 && ((unsigned char)search[--n] & 0xC0) == 0x80)
			;
		search[n] = '\0';
		return 1;
	}
	if (fk)
		return -1;
	if (ch == 27) {
		if (!n)
			return -1;	/* Esc on an empty search goes back */
		*search = '\0';
		return 1;
	}
	if (ch < ' ' || ch == 127)
		return -1;
	char buf[8];
	size_t k = utf8_encode((uint32_t)ch, buf);
	if (n + k + 1 > size)
		return 0;
	memcpy(search + n, buf, k);
	search[n + k] = '\0';
	return 1;
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
	char *t = xasprintf(" %s │ %s (%s) │ %s", _(s->title), ui.sc.name ? ui.sc.name : "",
			    ui.sc.role && strcmp(ui.sc.role, "district") == 0 ? _("district") : _("school"),
			    ui.db_path);
	ui_put(stdscr, 0, 0, COLS, t);
	free(t);
	attrset(A_NORMAL);
}

/* F1..F10 across the bottom line, Midnight Commander style. */
static void draw_keybar(const ui_screen *s)
{
	move(LINES - 1, 0);
	clrtoeol();
	int slot = COLS / 10;
	for (int i = 0; i < 10; i++) {
		const char *label = i == 0 ? NC_("key", "Help") : i == 9 ? NC_("key", "Exit") : s->keys[i];
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

void ui_redraw(void)
{
	if (depth == 0)
		return;
	ui_screen *s = stack[depth - 1];
	if (!body) {
		body = newwin(LINES - 3, COLS, 1, 0);
		keypad(body, TRUE);
	}
	draw_title(s);
	draw_status();
	draw_keybar(s);
	wnoutrefresh(stdscr);
	werase(body);
	s->overlay = NULL;
	s->draw(s, body);
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

int ui_getkey(int *ch)
{
	for (;;) {
		wint_t c;
		int r = get_wch(&c);
		if (r == ERR)
			continue;
		if (r == KEY_CODE_YES && c == KEY_RESIZE) {
			resized();
			continue;
		}
		*ch = (int)c;
		return r == KEY_CODE_YES;
	}
}

void ui_push(ui_screen *s)
{
	if (depth < (int)(sizeof stack / sizeof *stack))
		stack[depth++] = s;
}

static void pop(void)
{
	ui_screen *s = stack[--depth];
	if (s->destroy)
		s->destroy(s);
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
	wattrset(frame, ui_attr(UA_TITLE));
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

char **ui_wrap(const char *text, int width, int *n)
{
	char **lines = NULL;
	*n = 0;
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *para = xstrndup(p, len);
		const char *q = para;
		do {
			size_t fit = utf8_fit(q, width);
			if (fit < strlen(q)) {
				size_t cut = fit;
				while (cut > 0 && q[cut] != ' ')
					cut--;
				if (cut > 0)
					fit = cut;
			}
			lines = xrealloc(lines, (size_t)(*n + 1) * sizeof *lines);
			lines[(*n)++] = xstrndup(q, fit);
			q += fit;
			while (*q == ' ')
				q++;
		} while (*q);
		free(para);
		p += len + (nl != NULL);
	}
	return lines;
}

void ui_show_text(const char *title, const char *text)
{
	int width = COLS - 2 < 78 ? COLS - 2 : 78, n, top = 0;
	char **lines = ui_wrap(text, width - 4, &n);
	for (;;) {
		int h = n + 4 < LINES - 2 ? n + 4 : LINES - 2;
		WINDOW *d = ui_dialog(h, width, title);
		for (int i = 0; i < h - 4 && top + i < n; i++)
			mvwaddstr(d, 2 + i, 2, lines[top + i]);
		wrefresh(d);
		int ch, fk = ui_getkey(&ch);
		delwin(d);
		if (fk && (ch == KEY_DOWN || ch == KEY_NPAGE) && top + h - 4 < n) {
			top += ch == KEY_DOWN ? 1 : h - 4;
			if (top > n - (h - 4))
				top = n - (h - 4);
		} else if (fk && (ch == KEY_UP || ch == KEY_PPAGE) && top > 0) {
			top -= ch == KEY_UP ? 1 : h - 4;
			if (top < 0)
				top = 0;
		} else {
			break;
		}
		ui_redraw();
	}
	for (int i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	ui_redraw();
}

/* A row of buttons under a question; returns the chosen index or -1 (Esc).
 * Hotkeys are both layouts' letters, and digits. */
static int buttons(const char *question, const char *const *labels, const char *keys, int n)
{
	int sel = 0, qn;
	char **q = ui_wrap(question, 56, &qn);
	int chosen = -2;
	while (chosen == -2) {
		WINDOW *d = ui_dialog(qn + 5, 62, NULL);
		for (int i = 0; i < qn; i++)
			mvwaddstr(d, 1 + i, 3, q[i]);
		int x = 3;
		for (int i = 0; i < n; i++) {
			char *b = xasprintf("[ %s ]", _(labels[i]));
			wattrset(d, i == sel ? ui_attr(UA_FIELD) | A_BOLD : ui_attr(UA_TITLE));
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

int ui_confirm(const char *question)
{
	static const char *const labels[] = { N_("Yes"), N_("No") };
	return buttons(question, labels, "yYдД|nNнН", 2) == 0;
}

int ui_ask_save(const char *question)
{
	static const char *const labels[] = { N_("Save"), N_("Don't save"), N_("Cancel") };
	int r = buttons(question, labels, "sSсС|dDнН|cCоО", 3);
	return r < 0 ? 2 : r;
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
	ui.db_path = xstrdup(path);
	int have = db_school_get(ui.db, &ui.sc, &err);
	if (have < 0) {
		fprintf(stderr, "orientir: %s\n", err);
		free(err);
		db_close(ui.db);
		free(ui.db_path);
		return 1;
	}
	initscr();
	set_escdelay(25);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_attrs();
	ui_push(have ? scr_menu_new() : scr_setup_new());
	while (depth > 0) {
		ui_redraw();
		int ch, fk = ui_getkey(&ch);
		*status = '\0';
		ui_screen *s = stack[depth - 1];
		ui_result r = s->key(s, ch, fk);
		if (r == UI_UNHANDLED) {
			if (fk && ch == KEY_F(1))
				ui_show_text(_(s->title), _(s->help));
			else if (fk && ch == KEY_F(10))
				r = UI_QUIT;
			else if (!fk && ch == 27)
				r = UI_POP;
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
	db_close(ui.db);
	free(ui.db_path);
	return 0;
}
