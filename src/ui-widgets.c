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
	char **labels;		/* whole */
	char **shown;		/* as wide as the last show allowed */
	int n, cols;
	WINDOW *sub;
};

ui_menu *ui_menu_new(char *const *labels, int n)
{
	ui_menu *m = xcalloc(1, sizeof *m);
	m->n = n;
	m->labels = xcalloc((size_t)n, sizeof *m->labels);
	m->shown = xcalloc((size_t)n, sizeof *m->shown);
	m->items = xcalloc((size_t)n + 1, sizeof *m->items);
	for (int i = 0; i < n; i++)
		m->labels[i] = xstrdup(labels[i]);
	return m;
}

/* Takes the menu off its windows before they go: libmenu looks at the
 * window it had when given a new one. */
static void unpost_menu_safe(ui_menu *m)
{
	if (!m->menu)
		return;
	unpost_menu(m->menu);
	set_menu_sub(m->menu, NULL);
	set_menu_win(m->menu, NULL);
	if (m->sub)
		delwin(m->sub);
	m->sub = NULL;
}

static void drop_items(ui_menu *m)
{
	unpost_menu_safe(m);
	if (m->menu)
		free_menu(m->menu);
	m->menu = NULL;
	for (int i = 0; i < m->n; i++) {
		if (m->items[i])
			free_item(m->items[i]);
		m->items[i] = NULL;
		free(m->shown[i]);
		m->shown[i] = NULL;
	}
}

void ui_menu_free(ui_menu *m)
{
	if (!m)
		return;
	drop_items(m);
	for (int i = 0; i < m->n; i++)
		free(m->labels[i]);
	free(m->items);
	free(m->labels);
	free(m->shown);
	free(m);
}

/* The items with labels shortened to cols: libmenu draws nothing at all
 * when an item is wider than its window. */
static void make_items(ui_menu *m, int cols)
{
	int cur = m->menu ? ui_menu_index(m) : 0;
	drop_items(m);
	m->cols = cols;
	for (int i = 0; i < m->n; i++) {
		const char *l = *m->labels[i] ? m->labels[i] : " ";	/* libmenu refuses an empty name */
		if (utf8_width(l) > cols) {
			size_t k = utf8_fit_words(l, cols - 1);
			if (k < utf8_fit(l, cols - 1) / 2)
				k = utf8_fit(l, cols - 1);
			char *cut = xstrndup(l, k);
			m->shown[i] = xasprintf("%s…", cut);
			free(cut);
		} else {
			m->shown[i] = xstrdup(l);
		}
		m->items[i] = new_item(m->shown[i], "");
	}
	m->menu = new_menu(m->items);
	/* A multibyte mark misaligns rows: an ASCII one, or none. */
	set_menu_mark(m->menu, " ");
	ui_menu_set(m, cur);
}

void ui_menu_show(ui_menu *m, WINDOW *w, int y, int x, int rows, int cols, attr_t fore, attr_t back)
{
	if (!m->menu || cols - 1 != m->cols)
		make_items(m, cols - 1);	/* a column for the mark */
	int cur = ui_menu_index(m);
	unpost_menu_safe(m);
	m->sub = derwin(w, rows, cols, y, x);
	set_menu_win(m->menu, w);
	set_menu_sub(m->menu, m->sub);
	set_menu_format(m->menu, rows, 1);
	set_menu_fore(m->menu, fore);
	set_menu_back(m->menu, back);
	post_menu(m->menu);
	ui_menu_set(m, cur);
}

int ui_menu_shortened(const ui_menu *m)
{
	int i = ui_menu_index(m);
	return m->shown[i] && strcmp(m->shown[i], m->labels[i]) != 0;
}

/* The next item after the current one whose label begins with the letter
 * ch (any case, ё as е), or -1. */
static int by_letter(const ui_menu *m, int ch)
{
	char buf[8];
	buf[utf8_encode((uint32_t)ch, buf)] = '\0';
	char *want = utf8_fold(buf, strlen(buf));
	int found = -1, from = ui_menu_index(m);
	for (int k = 1; k <= m->n && found < 0; k++) {
		int i = (from + k) % m->n;
		char *f = utf8_fold(m->labels[i], strlen(m->labels[i]));
		if (strncmp(f, want, strlen(want)) == 0)
			found = i;
		free(f);
	}
	free(want);
	return found;
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
	} else if (ch > ' ' && ch != 127 && !(ch >= '0' && ch <= '9')) {
		int i = by_letter(m, ch);
		if (i < 0)
			return -2;
		ui_menu_set(m, i);
		return -1;
	} else {
		return -2;
	}
	menu_driver(m->menu, req);
	return -1;
}

int ui_menu_index(const ui_menu *m)
{
	ITEM *it = m->menu ? current_item(m->menu) : NULL;
	return it ? item_index(it) : 0;
}

void ui_menu_set(ui_menu *m, int i)
{
	if (m->menu && i >= 0 && i < m->n)
		set_current_item(m->menu, m->items[i]);
}

int ui_pick(const char *title, char *const *labels, int n, int current)
{
	if (n == 0)
		return -1;
	int width = utf8_width(title) + 8;
	for (int i = 0; i < n; i++)
		if (utf8_width(labels[i]) + 6 > width)
			width = utf8_width(labels[i]) + 6;
	if (width > COLS - 4)
		width = COLS - 4;
	ui_menu *m = ui_menu_new(labels, n);
	int chosen = -2, first = 1;
	while (chosen == -2) {
		/* Under the list, the whole text of a label shown shortened. */
		int more = 0, k = 0;
		char **whole = NULL;
		if (!first && ui_menu_shortened(m))
			whole = ui_wrap(labels[ui_menu_index(m)], width - 4, &k);
		for (int i = 0; i < n && !more; i++)
			more = utf8_width(labels[i]) + 6 > width;
		int extra = more ? 4 : 0;
		int rows = n < LINES - 6 - extra ? n : LINES - 6 - extra;
		WINDOW *d = ui_dialog(rows + 2 + extra, width, title);
		ui_menu_show(m, d, 1, 2, rows, width - 4, ui_attr(UA_DIALOG_SELECT), ui_attr(UA_DIALOG));
		if (first)
			ui_menu_set(m, current);	/* the menu exists once shown */
		first = 0;
		if (more) {
			if (!whole && ui_menu_shortened(m))
				whole = ui_wrap(labels[ui_menu_index(m)], width - 4, &k);
			wattrset(d, ui_attr(UA_DIALOG));
			mvwhline(d, rows + 1, 1, ACS_HLINE, width - 2);
			for (int i = 0; i < k && i < 3; i++)
				ui_put(d, rows + 2 + i, 2, width - 4, whole[i]);
		}
		for (int i = 0; i < k; i++)
			free(whole[i]);
		free(whole);
		wrefresh(d);
		int ch, fk = ui_getkey(&ch);
		int r = ui_menu_key(m, ch, fk);
		if (r >= 0)
			chosen = r;
		else if (r == -2 && !fk && ch == 27)
			chosen = -1;
		else if (r == -2 && !fk && n <= 9 && ch >= '1' && ch <= '9' && ch - '1' < n)
			chosen = ch - '1';
		unpost_menu_safe(m);
		delwin(d);
		ui_redraw();
	}
	ui_menu_free(m);
	return chosen;
}

/* --- forms --- */

const char *ui_yesno_text(int yes)
{
	return yes ? _("yes") : _("no");
}

/* A form owns its window: libform keeps what is being typed in the window
 * itself until the field is validated, so the window must outlive a
 * redraw. It is rebuilt only when its place changes (a resize). */
struct ui_form {
	FORM *form;
	FIELD **fields;
	ui_field *spec;
	char **labels, **initial;
	int n;
	int selected;		/* the current field's content is selected */
	WINDOW *win, *sub;
	int y, x;
};

static void ui_form_detach(ui_form *f);

/* The field's look: selected content stands out from a field being edited. */
static void mark_current(ui_form *f, int selected)
{
	FIELD *cur = current_field(f->form);
	for (int i = 0; i < f->n; i++)
		set_field_back(f->fields[i], f->fields[i] == cur && selected ? ui_attr(UA_FIELD_SELECTED) : ui_attr(UA_FIELD));
	f->selected = selected;
}

ui_form *ui_form_new(const ui_field *fields, const char *const *values, int n)
{
	ui_form *f = xcalloc(1, sizeof *f);
	f->n = n;
	f->spec = xcalloc((size_t)n, sizeof *f->spec);
	f->labels = xcalloc((size_t)n, sizeof *f->labels);
	f->initial = xcalloc((size_t)n, sizeof *f->initial);
	f->fields = xcalloc((size_t)n + 1, sizeof *f->fields);
	for (int i = 0; i < n; i++) {
		f->spec[i] = fields[i];
		f->labels[i] = xstrdup(fields[i].label);
		int width = fields[i].width;
		if (fields[i].kind == UI_FIELD_YESNO)
			width = 5;
		if (width <= 0)
			width = 200;	/* cut to the room there is when shown */
		f->fields[i] = new_field(1, width, i, 0, 0, 0);
		field_opts_off(f->fields[i], O_AUTOSKIP);
		/* A path or a long name scrolls within the field instead of
		 * being cut at its width; a date is never wider than its field,
		 * which would hide its first digit. */
		if (fields[i].kind != UI_FIELD_DATE && fields[i].kind != UI_FIELD_YESNO) {
			field_opts_off(f->fields[i], O_STATIC);
			set_max_field(f->fields[i], 0);
		}
		if (fields[i].kind == UI_FIELD_YESNO || fields[i].kind == UI_FIELD_CHOICE)
			field_opts_off(f->fields[i], O_EDIT);
		f->initial[i] = xstrdup(values && values[i] ? values[i] : "");
		set_field_buffer(f->fields[i], 0, f->initial[i]);
	}
	f->form = new_form(f->fields);
	/* Backspace at a field's start must not jump to the field before, where
	 * the next keys would overwrite it. */
	form_opts_off(f->form, O_BS_OVERLOAD);
	mark_current(f, 1);
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
		free(f->initial[i]);
	}
	free(f->fields);
	free(f->labels);
	free(f->initial);
	free(f->spec);
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

/* The widest label's cells (at most 28), and the widest field's. */
static void form_widths(const ui_form *f, int *lw, int *fw)
{
	*lw = *fw = 0;
	for (int i = 0; i < f->n; i++) {
		int cw = utf8_width(f->labels[i]) + 2, rows, cols, dummy;
		if (cw > *lw)
			*lw = cw;
		field_info(f->fields[i], &rows, &cols, &dummy, &dummy, &dummy, &dummy);
		if (cols > *fw)
			*fw = cols;
	}
	if (*lw > 28)
		*lw = 28;
}

/* libform needs every field inside its window: the fields wider than fw
 * are made again that wide (their text kept; a field scrolls). The form
 * takes a new array of fields, for it must let go of the old ones. */
static void narrow(ui_form *f, int fw)
{
	FIELD **now = xcalloc((size_t)f->n + 1, sizeof *now);
	int cur = ui_form_current(f), changed = 0;
	for (int i = 0; i < f->n; i++) {
		int rows, cols, dummy;
		field_info(f->fields[i], &rows, &cols, &dummy, &dummy, &dummy, &dummy);
		now[i] = f->fields[i];
		if (cols <= fw)
			continue;
		char *text = ui_form_get(f, i);
		now[i] = new_field(1, fw, i, 0, 0, 0);
		set_field_opts(now[i], field_opts(f->fields[i]));
		set_max_field(now[i], 0);
		set_field_buffer(now[i], 0, text);
		free(text);
		changed = 1;
	}
	if (!changed) {
		free(now);
		return;
	}
	FIELD **old = f->fields;
	set_form_fields(f->form, now);
	for (int i = 0; i < f->n; i++)
		if (old[i] != now[i])
			free_field(old[i]);
	free(old);
	f->fields = now;
	set_current_field(f->form, f->fields[cur]);
	mark_current(f, f->selected);
}

WINDOW *ui_form_show(ui_form *f, WINDOW *w, int y, int x)
{
	int lw, fw;
	form_widths(f, &lw, &fw);
	int ay = getbegy(w) + y, ax = getbegx(w) + x;
	/* within w's box, when w is a dialog */
	int room = getbegx(w) + getmaxx(w) - 2 - ax - lw;
	if (fw > room)
		fw = room;
	if (!f->win || f->y != ay || f->x != ax) {
		ui_form_detach(f);
		narrow(f, fw);
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

static void set_text(ui_form *f, int i, const char *text)
{
	set_field_buffer(f->fields[i], 0, text);
	form_driver_w(f->form, KEY_CODE_YES, REQ_END_LINE);
}

/* The choice after the current one, for Space in a CHOICE field. */
static void step_choice(ui_form *f, int i)
{
	const char *const *c = f->spec[i].choices;
	if (!c || !c[0])
		return;
	char *now = ui_form_get(f, i);
	int k = 0;
	while (c[k] && strcmp(c[k], now) != 0)
		k++;
	set_text(f, i, c[k] && c[k + 1] ? c[k + 1] : c[0]);
	free(now);
}

/* The choices in a list; the one chosen goes into the field. */
static void list_choices(ui_form *f, int i)
{
	const char *const *c = f->spec[i].choices;
	int n = 0, current = 0;
	while (c && c[n])
		n++;
	if (!n)
		return;
	char *now = ui_form_get(f, i);
	for (int k = 0; k < n; k++)
		if (strcmp(c[k], now) == 0)
			current = k;
	free(now);
	int k = ui_pick(f->labels[i], (char *const *)c, n, current);
	if (k >= 0)
		set_text(f, i, c[k]);
}

/* A letter in a yes/no field: 1, 0, or -1 for one that says neither. */
static int yes_letter(int ch)
{
	static const char *const yes = "дДyY", *const no = "нНnN";
	char buf[8];
	buf[utf8_encode((uint32_t)ch, buf)] = '\0';
	return strstr(yes, buf) ? 1 : strstr(no, buf) ? 0 : -1;
}

/* A key for a yes/no or choice field (not edited as text). */
static int choice_key(ui_form *f, int i, int ch, int fk)
{
	if (fk && ch == KEY_F(4) && f->spec[i].kind == UI_FIELD_CHOICE) {
		list_choices(f, i);
		return 1;
	}
	if (fk)
		return 0;
	if (f->spec[i].kind == UI_FIELD_CHOICE) {
		if (ch == ' ')
			step_choice(f, i);
		else
			ui_error(_("Space shows the next value, F4 lists them all."));
		return 1;
	}
	int yes = -1, now;
	char *cur = ui_form_get(f, i);
	if (ch == ' ')
		yes = cell_yesno(cur, &now) == 0 ? !now : 1;
	else
		yes = yes_letter(ch);
	free(cur);
	if (yes < 0)
		ui_error(_("Space switches between да and нет; д or н sets it."));
	else
		set_text(f, i, ui_yesno_text(yes));
	return 1;
}

static void go_field(ui_form *f, int req)
{
	form_driver_w(f->form, KEY_CODE_YES, (wchar_t)req);
	form_driver_w(f->form, KEY_CODE_YES, REQ_END_LINE);
	mark_current(f, 1);
}

int ui_form_key(ui_form *f, int ch, int fk)
{
	int i = ui_form_current(f);
	enum ui_field_kind kind = f->spec[i].kind;
	int req = 0;
	if ((fk && ch == KEY_DOWN) || (!fk && ch == '\t')) {
		go_field(f, REQ_NEXT_FIELD);
		return 1;
	}
	if (fk && (ch == KEY_UP || ch == KEY_BTAB)) {
		go_field(f, REQ_PREV_FIELD);
		return 1;
	}
	if (kind == UI_FIELD_YESNO || kind == UI_FIELD_CHOICE) {
		int r = choice_key(f, i, ch, fk);
		if (r)
			return r;
	}
	if (fk && ch == KEY_F(4) && kind == UI_FIELD_SUGGEST) {
		list_choices(f, i);
		mark_current(f, 0);
		return 1;
	}
	if (fk) {
		switch (ch) {
		case KEY_LEFT: req = REQ_LEFT_CHAR; break;
		case KEY_RIGHT: req = REQ_RIGHT_CHAR; break;
		case KEY_HOME: req = REQ_BEG_LINE; break;
		case KEY_END: req = REQ_END_LINE; break;
		case KEY_BACKSPACE: req = REQ_DEL_PREV; break;
		case KEY_DC: req = REQ_DEL_CHAR; break;
		default: return 0;
		}
	} else if (ch == 127 || ch == 8) {
		req = REQ_DEL_PREV;
	} else if (ch < ' ') {
		return 0;
	} else if (kind == UI_FIELD_DATE && !(ch >= '0' && ch <= '9') && ch != '.' && ch != '-') {
		ui_error(_("A date is written like 28.11.2026."));
		return 1;
	}
	if (kind == UI_FIELD_YESNO || kind == UI_FIELD_CHOICE)
		return 1;
	/* The selected content goes as a whole: the first key typed, Backspace
	 * and Delete replace it; a move only ends the selection. */
	if (f->selected && (!req || req == REQ_DEL_PREV || req == REQ_DEL_CHAR)) {
		form_driver_w(f->form, KEY_CODE_YES, REQ_CLR_FIELD);
		if (req)
			req = -1;
	}
	if (f->selected)
		mark_current(f, 0);
	if (req > 0)
		form_driver_w(f->form, KEY_CODE_YES, (wchar_t)req);
	else if (!req)
		form_driver_w(f->form, OK, (wchar_t)ch);
	return 1;
}

char *ui_form_get(ui_form *f, int i)
{
	form_driver_w(f->form, KEY_CODE_YES, REQ_VALIDATION);
	return cell_trim(field_buffer(f->fields[i], 0));
}

int ui_form_current(const ui_form *f)
{
	/* libform has no current field until the form is first shown */
	int i = field_index(current_field(f->form));
	return i >= 0 ? i : 0;
}

void ui_form_set_current(ui_form *f, int i)
{
	if (i >= 0 && i < f->n) {
		set_current_field(f->form, f->fields[i]);
		form_driver_w(f->form, KEY_CODE_YES, REQ_END_LINE);
		mark_current(f, 1);
	}
}

int ui_form_changed(ui_form *f)
{
	for (int i = 0; i < f->n; i++) {
		char *now = ui_form_get(f, i);
		int same = strcmp(now, f->initial[i]) == 0;
		free(now);
		if (!same)
			return 1;
	}
	return 0;
}

void ui_form_saved(ui_form *f)
{
	for (int i = 0; i < f->n; i++) {
		free(f->initial[i]);
		f->initial[i] = ui_form_get(f, i);
	}
}

const char *ui_form_hint(const ui_form *f)
{
	switch (f->spec[ui_form_current(f)].kind) {
	case UI_FIELD_DATE: return _("Date: 28.11.2026. F2 done, Esc cancel.");
	case UI_FIELD_YESNO: return _("Space: да/нет. F2 done, Esc cancel.");
	case UI_FIELD_CHOICE: return _("Space: next value, F4: list. F2 done, Esc cancel.");
	case UI_FIELD_SUGGEST: return _("F4: choose from a list. F2 done, Esc cancel.");
	default: return _("F2 or Enter on the last field: done. Esc: cancel.");
	}
}

int ui_form_run(const char *title, const ui_field *fields, char **values, int n, ui_form_check check, void *ctx)
{
	ui_form *f = ui_form_new(fields, (const char *const *)values, n);
	int lw, fw;
	form_widths(f, &lw, &fw);
	int width = lw + fw + 6, min = 64;
	if (width < min)
		width = min;
	if (width > COLS - 2)
		width = COLS - 2;
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
		wattrset(d, ui_attr(UA_DIALOG));
		mvwhline(d, n + 3, 1, ' ', width - 2);
		if (msg)
			wattrset(d, ui_attr(UA_DIALOG) | A_BOLD);
		ui_put(d, n + 3, 2, width - 4, msg ? msg : ui_form_hint(f));
		wattrset(d, ui_attr(UA_DIALOG));
		touchwin(d);
		wnoutrefresh(d);
		WINDOW *fwin = ui_form_show(f, d, 2, 2);
		curs_set(1);
		wnoutrefresh(fwin);
		doupdate();
		int ch, fk = ui_getkey(&ch);
		int accept = (fk && ch == KEY_F(2)) || (ui_is_enter(ch, fk) && ui_form_current(f) == n - 1);
		if (!fk && ch == 27 && ui_form_changed(f)) {
			int a = ui_ask_save(_("Keep what was typed here?"));
			if (a == 0)
				accept = 1;
			else if (a == 1)
				done = 0;
		} else if (!fk && ch == 27) {
			done = 0;
		}
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
		} else if (done < 0 && ui_is_enter(ch, fk)) {
			ui_form_key(f, '\t', 0);
		} else if (done < 0 && !(!fk && ch == 27)) {
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
