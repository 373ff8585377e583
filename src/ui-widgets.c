#include "config.h"

#include <form.h>
#include <menu.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "ui-widgets.h"
#include "ui.h"
#include "utf8.h"

struct ui_menu {
	MENU *menu;
	ITEM **items;
	char **labels;
	int n;
	WINDOW *sub;
};

ui_menu *ui_menu_new(char *const *labels, int n)
{
	ui_menu *m = xcalloc(1, sizeof *m);
	m->n = n;
	m->labels = xcalloc((size_t)n, sizeof *m->labels);
	m->items = xcalloc((size_t)n + 1, sizeof *m->items);
	for (int i = 0; i < n; i++) {
		/* libmenu refuses an empty name. */
		m->labels[i] = xstrdup(*labels[i] ? labels[i] : " ");
		m->items[i] = new_item(m->labels[i], "");
	}
	m->menu = new_menu(m->items);
	/* A multibyte mark misaligns rows: an ASCII one, or none. */
	set_menu_mark(m->menu, " ");
	return m;
}

/* Takes the list off its windows before they go: libmenu looks at the
 * window it had when given a new one. */
static void unpost_menu_safe(ui_menu *m)
{
	unpost_menu(m->menu);
	set_menu_sub(m->menu, NULL);
	set_menu_win(m->menu, NULL);
	if (m->sub)
		delwin(m->sub);
	m->sub = NULL;
}

void ui_menu_free(ui_menu *m)
{
	if (!m)
		return;
	unpost_menu_safe(m);
	free_menu(m->menu);
	for (int i = 0; i < m->n; i++) {
		free_item(m->items[i]);
		free(m->labels[i]);
	}
	free(m->items);
	free(m->labels);
	free(m);
}

void ui_menu_show(ui_menu *m, WINDOW *w, int y, int x, int rows, int cols, attr_t back)
{
	int cur = ui_menu_index(m);
	unpost_menu_safe(m);
	m->sub = derwin(w, rows, cols, y, x);
	set_menu_win(m->menu, w);
	set_menu_sub(m->menu, m->sub);
	set_menu_format(m->menu, rows, 1);
	set_menu_fore(m->menu, ui_attr(UA_SELECT) | A_BOLD);
	set_menu_back(m->menu, back);
	post_menu(m->menu);
	ui_menu_set(m, cur);
}


int ui_menu_key(ui_menu *m, int ch, int fk)
{
	int req = 0;
	if (fk) {
		switch (ch) {
		case KEY_DOWN: req = REQ_DOWN_ITEM; break;
		case KEY_UP: req = REQ_UP_ITEM; break;
		case KEY_NPAGE: req = REQ_SCR_DPAGE; break;
		case KEY_PPAGE: req = REQ_SCR_UPAGE; break;
		case KEY_HOME: req = REQ_FIRST_ITEM; break;
		case KEY_END: req = REQ_LAST_ITEM; break;
		case KEY_ENTER: return ui_menu_index(m);
		default: return -2;
		}
	} else if (ch == '\n' || ch == '\r') {
		return ui_menu_index(m);
	} else {
		return -2;
	}
	menu_driver(m->menu, req);
	return -1;
}

int ui_menu_index(const ui_menu *m)
{
	ITEM *it = current_item(m->menu);
	return it ? item_index(it) : 0;
}

void ui_menu_set(ui_menu *m, int i)
{
	if (i >= 0 && i < m->n)
		set_current_item(m->menu, m->items[i]);
}

/* A form owns its window: libform keeps what is being typed in the window
 * itself until the field is validated, so the window must outlive a
 * redraw. It is rebuilt only when its place changes (a resize). */
struct ui_form {
	FORM *form;
	FIELD **fields;
	char **labels;
	int n;
	WINDOW *win, *sub;
	int y, x;
};

static void ui_form_detach(ui_form *f);

ui_form *ui_form_new(const char *const *labels, const int *widths, const char *const *values, int n)
{
	ui_form *f = xcalloc(1, sizeof *f);
	f->n = n;
	f->labels = xcalloc((size_t)n, sizeof *f->labels);
	f->fields = xcalloc((size_t)n + 1, sizeof *f->fields);
	for (int i = 0; i < n; i++) {
		f->labels[i] = xstrdup(labels[i]);
		f->fields[i] = new_field(1, widths[i], i, 0, 0, 0);
		/* Fields are shown by their background: the console loses
		 * underline once colours are on. */
		set_field_back(f->fields[i], ui_attr(UA_FIELD));
		field_opts_off(f->fields[i], O_AUTOSKIP);
		/* A path or a long name scrolls within the field instead of
		 * being cut at its width. */
		field_opts_off(f->fields[i], O_STATIC);
		set_max_field(f->fields[i], 0);
		if (values && values[i])
			set_field_buffer(f->fields[i], 0, values[i]);
	}
	f->form = new_form(f->fields);
	/* Backspace at a field's start must not jump to the field before, where
	 * the next keys would overwrite it. */
	form_opts_off(f->form, O_BS_OVERLOAD);
	return f;
}

void ui_form_free(ui_form *f)
{
	if (!f)
		return;
	ui_form_detach(f);
	free_form(f->form);
	for (int i = 0; i < f->n; i++) {
		free_field(f->fields[i]);
		free(f->labels[i]);
	}
	free(f->fields);
	free(f->labels);
	free(f);
}

/* Takes the form off its window (keeping what was typed) and drops it. */
static void ui_form_detach(ui_form *f)
{
	if (!f->win)
		return;
	form_driver_w(f->form, KEY_CODE_YES, REQ_VALIDATION);
	unpost_form(f->form);
	set_form_sub(f->form, NULL);
	set_form_win(f->form, NULL);
	delwin(f->sub);
	delwin(f->win);
	f->win = f->sub = NULL;
}

WINDOW *ui_form_show(ui_form *f, WINDOW *w, int y, int x)
{
	int lw = 0, fw = 0;
	for (int i = 0; i < f->n; i++) {
		int cw = utf8_width(f->labels[i]) + 2, rows, cols, dummy;
		if (cw > lw)
			lw = cw;
		field_info(f->fields[i], &rows, &cols, &dummy, &dummy, &dummy, &dummy);
		if (cols > fw)
			fw = cols;
	}
	if (lw > 28)
		lw = 28;
	int ay = getbegy(w) + y, ax = getbegx(w) + x;
	if (fw > COLS - ax - lw)
		fw = COLS - ax - lw;
	if (!f->win || f->y != ay || f->x != ax) {
		ui_form_detach(f);
		f->y = ay;
		f->x = ax;
		f->win = newwin(f->n, lw + fw, ay, ax);
		keypad(f->win, TRUE);
		wbkgdset(f->win, getbkgd(w));
		wattrset(f->win, getattrs(w));
		werase(f->win);
		for (int i = 0; i < f->n; i++)
			ui_put(f->win, i, 0, lw - 1, f->labels[i]);
		f->sub = derwin(f->win, f->n, fw, 0, lw);
		set_form_win(f->form, f->win);
		set_form_sub(f->form, f->sub);
		post_form(f->form);
	}
	pos_form_cursor(f->form);
	touchwin(f->win);
	return f->win;
}

int ui_form_key(ui_form *f, int ch, int fk)
{
	int req = 0;
	if (fk) {
		switch (ch) {
		case KEY_DOWN: req = REQ_NEXT_FIELD; break;
		case KEY_UP:
		case KEY_BTAB: req = REQ_PREV_FIELD; break;
		case KEY_LEFT: req = REQ_LEFT_CHAR; break;
		case KEY_RIGHT: req = REQ_RIGHT_CHAR; break;
		case KEY_HOME: req = REQ_BEG_LINE; break;
		case KEY_END: req = REQ_END_LINE; break;
		case KEY_BACKSPACE: req = REQ_DEL_PREV; break;
		case KEY_DC: req = REQ_DEL_CHAR; break;
		default: return 0;
		}
	} else if (ch == '\t') {
		req = REQ_NEXT_FIELD;
	} else if (ch == 127 || ch == 8) {
		req = REQ_DEL_PREV;
	} else if (ch < ' ') {
		return 0;
	}
	if (req) {
		form_driver_w(f->form, KEY_CODE_YES, (wchar_t)req);
		if (req == REQ_NEXT_FIELD || req == REQ_PREV_FIELD)
			form_driver_w(f->form, KEY_CODE_YES, REQ_END_LINE);
	} else {
		form_driver_w(f->form, OK, (wchar_t)ch);
	}
	return 1;
}

char *ui_form_get(ui_form *f, int i)
{
	form_driver_w(f->form, KEY_CODE_YES, REQ_VALIDATION);
	return cell_trim(field_buffer(f->fields[i], 0));
}

int ui_form_current(const ui_form *f)
{
	return field_index(current_field(f->form));
}

void ui_form_set_current(ui_form *f, int i)
{
	if (i >= 0 && i < f->n) {
		set_current_field(f->form, f->fields[i]);
		form_driver_w(f->form, KEY_CODE_YES, REQ_END_LINE);
	}
}

int ui_pick(const char *title, char *const *labels, int n, int current)
{
	if (n == 0)
		return -1;
	int width = utf8_width(title) + 8;
	for (int i = 0; i < n; i++)
		if (utf8_width(labels[i]) + 6 > width)
			width = utf8_width(labels[i]) + 6;
	int rows = n < LINES - 6 ? n : LINES - 6;
	ui_menu *m = ui_menu_new(labels, n);
	ui_menu_set(m, current);
	int chosen = -2;
	while (chosen == -2) {
		WINDOW *d = ui_dialog(rows + 2, width, title);
		ui_menu_show(m, d, 1, 2, rows, width - 4, ui_attr(UA_TITLE));
		wrefresh(d);
		int ch, fk = ui_getkey(&ch);
		int r = ui_menu_key(m, ch, fk);
		if (r >= 0)
			chosen = r;
		else if (r == -2 && !fk && ch == 27)
			chosen = -1;
		else if (r == -2 && !fk && ch >= '1' && ch <= '9' && ch - '1' < n)
			chosen = ch - '1';
		unpost_menu_safe(m);
		delwin(d);
		ui_redraw();
	}
	ui_menu_free(m);
	return chosen;
}

int ui_form_run(const char *title, const char *const *labels, const int *widths, char **values, int n,
		ui_form_check check, void *ctx)
{
	ui_form *f = ui_form_new(labels, widths, (const char *const *)values, n);
	/* As ui_form_show lays it out: every field after the widest label. */
	int lw = 0, fw = 0;
	for (int i = 0; i < n; i++) {
		int w = utf8_width(labels[i]) + 2;
		lw = w > lw ? w : lw;
		fw = widths[i] > fw ? widths[i] : fw;
	}
	int width = (lw > 28 ? 28 : lw) + fw + 6;
	int done = -1;
	char *msg = NULL;
	WINDOW *d = NULL;
	int lines = 0, cols = 0;
	while (done < 0) {
		if (!d || lines != LINES || cols != COLS) {
			if (d)
				delwin(d);
			d = ui_dialog(n + 5, width, title);
			lines = LINES, cols = COLS;
		}
		wattrset(d, ui_attr(UA_TITLE));
		mvwhline(d, n + 3, 1, ' ', width - 2);
		if (msg)
			wattrset(d, ui_attr(UA_TITLE) | A_BOLD);
		ui_put(d, n + 3, 2, width - 4, msg ? msg : _("F2 or Enter on the last field: done. Esc: cancel."));
		wattrset(d, ui_attr(UA_TITLE));
		touchwin(d);
		wnoutrefresh(d);
		WINDOW *fwin = ui_form_show(f, d, 2, 2);
		curs_set(1);
		wnoutrefresh(fwin);
		doupdate();
		int ch, fk = ui_getkey(&ch);
		int accept = (fk && ch == KEY_F(2)) ||
			     (!fk && (ch == '\n' || ch == '\r') && ui_form_current(f) == n - 1);
		if (accept) {
			char **now = xcalloc((size_t)n, sizeof *now);
			for (int i = 0; i < n; i++)
				now[i] = ui_form_get(f, i);
			int bad = 0;
			free(msg);
			msg = NULL;
			if (check && check(ctx, now, &bad, &msg) != 0) {
				ui_form_set_current(f, bad);
				beep();
				for (int i = 0; i < n; i++)
					free(now[i]);
			} else {
				for (int i = 0; i < n; i++) {
					free(values[i]);
					values[i] = now[i];
				}
				done = 1;
			}
			free(now);
		} else if (!fk && (ch == '\n' || ch == '\r')) {
			ui_form_key(f, '\t', 0);
		} else if (!fk && ch == 27) {
			done = 0;
		} else {
			ui_form_key(f, ch, fk);
		}
		/* The screen behind, then the dialog over it again. */
		ui_redraw();
	}
	ui_form_detach(f);
	delwin(d);
	curs_set(0);
	ui_redraw();
	free(msg);
	ui_form_free(f);
	return done;
}
