#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "ui-list.h"
#include "ui.h"
#include "utf8.h"

struct row {
	size_t item;
	int heading;
};

struct ui_list {
	ui_list_draw_fn draw;
	void *ctx;
	ui_list_detail_fn detail;
	ui_list_header_fn header;
	int detail_rows;
	struct row *v;
	size_t n, cap;
	size_t sel, top;	/* rows: the selection, the first shown */
	int item_rows, browse, searchable;
	char search[128];
	char *filter, *empty;
	int page;		/* items shown by the last draw */
	/* what begin() saw, for end() to keep the selection */
	int had, was_item_valid;
	size_t was_item, was_sel;
};

ui_list *ui_list_new(ui_list_draw_fn draw, void *ctx)
{
	ui_list *l = xcalloc(1, sizeof *l);
	l->draw = draw;
	l->ctx = ctx;
	l->item_rows = 1;
	return l;
}

void ui_list_free(ui_list *l)
{
	if (!l)
		return;
	free(l->v);
	free(l->filter);
	free(l->empty);
	free(l);
}

static int selectable(const ui_list *l, size_t r)
{
	return r < l->n && !l->v[r].heading;
}

void ui_list_begin(ui_list *l)
{
	l->was_item_valid = selectable(l, l->sel);
	l->was_item = l->was_item_valid ? l->v[l->sel].item : 0;
	l->was_sel = l->sel;
	l->n = 0;
}

static void push(ui_list *l, size_t item, int heading)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = (struct row){ item, heading };
}

void ui_list_add(ui_list *l, size_t item)
{
	push(l, item, 0);
}

void ui_list_add_heading(ui_list *l, size_t item)
{
	push(l, item, 1);
}

/* The nearest selectable row from r, looking the way step goes first and
 * then the other way; n when there is none. */
static size_t nearest(const ui_list *l, size_t r, int step)
{
	for (size_t i = r; i < l->n; i += (size_t)step) {
		if (selectable(l, i))
			return i;
		if (step < 0 && i == 0)
			break;
	}
	for (size_t i = r; i < l->n; i -= (size_t)step) {
		if (selectable(l, i))
			return i;
		if (step > 0 && i == 0)
			break;
	}
	return l->n;
}

void ui_list_end(ui_list *l)
{
	size_t at = l->n;
	if (l->was_item_valid)
		for (size_t i = 0; i < l->n && at == l->n; i++)
			if (selectable(l, i) && l->v[i].item == l->was_item)
				at = i;
	if (at == l->n && l->n)
		at = nearest(l, l->was_sel < l->n ? l->was_sel : l->n - 1, 1);
	l->sel = at < l->n ? at : 0;
	if (l->top >= l->n)
		l->top = 0;
}

size_t ui_list_count(const ui_list *l)
{
	size_t k = 0;
	for (size_t i = 0; i < l->n; i++)
		k += !l->v[i].heading;
	return k;
}

int ui_list_current(const ui_list *l, size_t *item)
{
	if (l->browse || !selectable(l, l->sel))
		return 0;
	*item = l->v[l->sel].item;
	return 1;
}

void ui_list_select(ui_list *l, size_t item)
{
	for (size_t i = 0; i < l->n; i++)
		if (selectable(l, i) && l->v[i].item == item)
			l->sel = i;
}

void ui_list_home(ui_list *l)
{
	l->top = 0;
	l->sel = nearest(l, 0, 1);
	if (l->sel >= l->n)
		l->sel = 0;
}

void ui_list_set_item_rows(ui_list *l, int rows)
{
	l->item_rows = rows > 0 ? rows : 1;
}

void ui_list_set_browse(ui_list *l, int browse)
{
	l->browse = browse;
}

void ui_list_enable_search(ui_list *l)
{
	l->searchable = 1;
}

const char *ui_list_search(const ui_list *l)
{
	return l->search;
}

void ui_list_clear_search(ui_list *l)
{
	*l->search = '\0';
}

static void set_text(char **at, const char *text)
{
	free(*at);
	*at = text ? xstrdup(text) : NULL;
}

void ui_list_set_filter(ui_list *l, const char *label)
{
	set_text(&l->filter, label);
}

void ui_list_set_empty(ui_list *l, const char *text)
{
	set_text(&l->empty, text);
}

void ui_list_set_header(ui_list *l, ui_list_header_fn header)
{
	l->header = header;
}

void ui_list_set_detail(ui_list *l, ui_list_detail_fn detail, int rows)
{
	l->detail = detail;
	l->detail_rows = rows;
}

/* The line of the filter and the search, the position at its right. */
static void draw_query(const ui_list *l, WINDOW *w, int y, int width)
{
	char *left = NULL;
	if (l->filter && l->searchable)
		left = xasprintf(_("Shown: %s · search: %s_"), l->filter, l->search);
	else if (l->filter)
		left = xasprintf(_("Shown: %s"), l->filter);
	else
		left = xasprintf(_("Search: %s_"), l->search);
	char *right = NULL;
	size_t count = ui_list_count(l);
	if (!l->browse && count) {
		size_t k = 0;
		for (size_t i = 0; i <= l->sel && i < l->n; i++)
			k += !l->v[i].heading;
		right = xasprintf(_("%zu of %zu"), k, count);
	} else if (!l->browse) {
		right = xstrdup("");
	} else {
		right = xasprintf(_("%zu of %zu"), l->n ? l->top + 1 : 0, l->n);
	}
	int rw = utf8_width(right);
	wattrset(w, ui_attr(UA_QUERY));
	mvwhline(w, y, 0, ' ', width);
	ui_put(w, y, 1, width - rw - 3, left);
	ui_put(w, y, width - rw - 1, rw, right);
	wattrset(w, A_NORMAL);
	free(left);
	free(right);
}

/* Keeps the selection in view, a heading right above it too; a last page
 * is full rather than a few rows. */
static void scroll_to_selection(ui_list *l, size_t visible)
{
	if (!visible)
		return;
	if (!l->browse) {
		size_t want = l->sel > 0 && l->v[l->sel - 1].heading ? l->sel - 1 : l->sel;
		if (want < l->top)
			l->top = want;
		if (l->sel >= l->top + visible)
			l->top = l->sel - visible + 1;
	}
	if (l->top > 0 && l->top + visible > l->n)
		l->top = l->n > visible ? l->n - visible : 0;
}

void ui_list_draw(ui_list *l, WINDOW *w, int y, int height)
{
	int width = getmaxx(w);
	if (l->searchable || l->filter) {
		draw_query(l, w, y, width);
		y++, height--;
	}
	if (l->header) {
		wattrset(w, ui_attr(UA_HEAD));
		l->header(l->ctx, w, y, 1, width - 3);
		wattrset(w, A_NORMAL);
		y++, height--;
	}
	size_t cur_item = 0;
	int have_cur = ui_list_current(l, &cur_item);
	char *detail = have_cur && l->detail ? l->detail(l->ctx, cur_item) : NULL;
	int drows = detail ? l->detail_rows : 0;
	int area = height - (drows ? drows + 1 : 0);
	size_t visible = area > 0 ? (size_t)(area / l->item_rows) : 0;
	l->page = visible > 1 ? (int)visible - 1 : 1;
	scroll_to_selection(l, visible);
	for (size_t k = 0; k < visible && l->top + k < l->n; k++) {
		size_t r = l->top + k;
		int ry = y + (int)k * l->item_rows;
		int state = l->v[r].heading ? 2 : !l->browse && r == l->sel;
		attr_t base = state == 1 ? ui_attr(UA_SELECT) : state == 2 ? ui_attr(UA_HEAD) : A_NORMAL;
		wattrset(w, base);
		for (int i = 0; i < l->item_rows; i++)
			mvwhline(w, ry + i, 0, ' ', width);
		l->draw(l->ctx, w, ry, 1, width - 3, l->v[r].item, state, base);
		wattrset(w, A_NORMAL);
	}
	/* What lies beyond the view, at its right edge. */
	wattrset(w, ui_attr(UA_NOTE));
	if (l->top > 0 && visible)
		mvwaddstr(w, y, width - 1, "↑");
	if (l->top + visible < l->n && visible)
		mvwaddstr(w, y + (int)visible * l->item_rows - 1, width - 1, "↓");
	wattrset(w, A_NORMAL);
	if (!l->n && l->empty) {
		int k;
		char **lines = ui_wrap(l->empty, width - 4, &k);
		for (int i = 0; i < k; i++) {
			if (i + 1 < area)
				ui_put(w, y + 1 + i, 2, width - 4, lines[i]);
			free(lines[i]);
		}
		free(lines);
	}
	if (detail) {
		int k;
		char **lines = ui_wrap(detail, width - 2, &k);
		wattrset(w, ui_attr(UA_NOTE));
		for (int i = 0; i < k; i++) {
			if (i < drows) {
				/* the last row says when there is more than fits */
				if (i == drows - 1 && k > drows) {
					char *more = xasprintf("%s …", lines[i]);
					ui_put(w, y + area + 1 + i, 1, width - 2, more);
					free(more);
				} else {
					ui_put(w, y + area + 1 + i, 1, width - 2, lines[i]);
				}
			}
			free(lines[i]);
		}
		free(lines);
		wattrset(w, A_NORMAL);
	}
	free(detail);
}

/* Moves the selection n selectable rows the way step goes, stopping at the
 * last one there is. */
static void move_by(ui_list *l, int step, size_t n)
{
	size_t at = l->sel;
	for (size_t i = l->sel; n > 0 && i < l->n; i += (size_t)step) {
		if (i != l->sel && selectable(l, i)) {
			at = i;
			n--;
		}
		if (step < 0 && i == 0)
			break;
	}
	l->sel = at;
	/* Up at the first item shows the heading above it. */
	if (step < 0 && at == nearest(l, 0, 1))
		l->top = 0;
}

static enum ui_list_key_result search_key(ui_list *l, int ch, int fk)
{
	size_t n = strlen(l->search);
	if ((!fk && (ch == 127 || ch == 8)) || (fk && ch == KEY_BACKSPACE)) {
		if (!n)
			return UI_LIST_NONE;
		/* the last character, however many bytes it has */
		while (n > 0 && ((unsigned char)l->search[--n] & 0xC0) == 0x80)
			;
		l->search[n] = '\0';
		return UI_LIST_SEARCH;
	}
	if (fk)
		return UI_LIST_NONE;
	if (ch == 27) {
		if (!n)
			return UI_LIST_NONE;
		*l->search = '\0';
		return UI_LIST_SEARCH;
	}
	if (ch < ' ' || ch == 127)
		return UI_LIST_NONE;
	char buf[8];
	size_t k = utf8_encode((uint32_t)ch, buf);
	if (n + k + 1 > sizeof l->search) {
		beep();
		return UI_LIST_MOVED;
	}
	memcpy(l->search + n, buf, k);
	l->search[n + k] = '\0';
	return UI_LIST_SEARCH;
}

enum ui_list_key_result ui_list_key(ui_list *l, int ch, int fk)
{
	if (l->searchable) {
		enum ui_list_key_result r = search_key(l, ch, fk);
		if (r != UI_LIST_NONE) {
			if (r == UI_LIST_SEARCH)
				l->top = 0;
			return r;
		}
	}
	if (!fk)
		return UI_LIST_NONE;
	size_t page = l->page > 0 ? (size_t)l->page : 1;
	if (l->browse) {
		size_t last = l->n ? l->n - 1 : 0;
		switch (ch) {
		case KEY_DOWN: l->top = l->top < last ? l->top + 1 : last; break;
		case KEY_UP: l->top = l->top ? l->top - 1 : 0; break;
		case KEY_NPAGE: l->top = l->top + page < last ? l->top + page : last; break;
		case KEY_PPAGE: l->top = l->top > page ? l->top - page : 0; break;
		case KEY_HOME: l->top = 0; break;
		case KEY_END: l->top = last; break;
		default: return UI_LIST_NONE;
		}
		return UI_LIST_MOVED;
	}
	switch (ch) {
	case KEY_DOWN: move_by(l, 1, 1); break;
	case KEY_UP: move_by(l, -1, 1); break;
	case KEY_NPAGE: move_by(l, 1, page); break;
	case KEY_PPAGE: move_by(l, -1, page); break;
	case KEY_HOME: ui_list_home(l); break;
	case KEY_END: move_by(l, 1, l->n); break;
	default: return UI_LIST_NONE;
	}
	return UI_LIST_MOVED;
}
