/* The one list of the screens (htop's Panel, calcurse's listbox): rows of
 * the caller's items, heading rows the selection skips, the selection and
 * scrolling, a line for the filter and the search, the current item's whole
 * text under the list, and a message when there is nothing to show. The
 * caller keeps its items; the list keeps their indices and draws each row
 * through the caller's function. */
#ifndef ORIENTIR_UI_LIST_H
#define ORIENTIR_UI_LIST_H

#include <curses.h>
#include <stddef.h>

typedef struct ui_list ui_list;

/* Draws item in w at row y, from column x, within width cells. The row is
 * already cleared and its attribute set: base (the selection's look when
 * cur). A function that colours a part of the row returns to base after.
 * A list of taller items (ui_list_set_item_rows) draws rows y.. of it. */
typedef void (*ui_list_draw_fn)(void *ctx, WINDOW *w, int y, int x, int width, size_t item, int cur, attr_t base);
/* The whole text of item, shown under the list while it is the current
 * one (fresh), or NULL when the row says it all. */
typedef char *(*ui_list_detail_fn)(void *ctx, size_t item);

ui_list *ui_list_new(ui_list_draw_fn draw, void *ctx);
void ui_list_free(ui_list *l);

/* Filling: begin, add the rows in order, end. The selection stays on the
 * item it was on when that item is still there, else on the row it was
 * at (within the rows there are). A heading is shown, never selected. */
void ui_list_begin(ui_list *l);
void ui_list_add(ui_list *l, size_t item);
void ui_list_add_heading(ui_list *l, size_t item);
void ui_list_end(ui_list *l);

/* How many rows can be selected (headings left out). */
size_t ui_list_count(const ui_list *l);
/* 1 and *item the selected item, or 0 when nothing can be selected. */
int ui_list_current(const ui_list *l, size_t *item);
/* Puts the selection on item, if it is a selectable row. */
void ui_list_select(ui_list *l, size_t item);
/* Back to the first row, the view at the top. */
void ui_list_home(ui_list *l);

/* Screen rows per item (2 for a pupil's two lines; 1 unless set). */
void ui_list_set_item_rows(ui_list *l, int rows);
/* No selection: the keys scroll the rows (a page of bars, a report). */
void ui_list_set_browse(ui_list *l, int browse);
/* Letters typed go into a search (Backspace takes one off, Esc empties
 * it); the list shows it on its own line. */
void ui_list_enable_search(ui_list *l);
const char *ui_list_search(const ui_list *l);
void ui_list_clear_search(ui_list *l);
/* What the filter lets through, for the same line («просроченные»), or
 * NULL for none (copied). */
void ui_list_set_filter(ui_list *l, const char *label);
/* What to say when no row is there (copied); NULL: nothing. */
void ui_list_set_empty(ui_list *l, const char *text);
/* A row of column headings drawn above the rows (in the heading's look). */
typedef void (*ui_list_header_fn)(void *ctx, WINDOW *w, int y, int x, int width);
void ui_list_set_header(ui_list *l, ui_list_header_fn header);
/* Up to rows screen rows under the list for the current item's whole text. */
void ui_list_set_detail(ui_list *l, ui_list_detail_fn detail, int rows);

/* Draws in w from row y over height rows and the full width: the filter
 * and search line first when the list has one, then the rows, then the
 * detail. */
void ui_list_draw(ui_list *l, WINDOW *w, int y, int height);

enum ui_list_key_result {
	UI_LIST_NONE,		/* not the list's key */
	UI_LIST_MOVED,		/* the selection or the view moved */
	UI_LIST_SEARCH,		/* the search changed: fill the list again */
};
/* Up, Down, PgUp, PgDn, Home, End; with a search, the letters typed,
 * Backspace and Esc on a non-empty search. */
enum ui_list_key_result ui_list_key(ui_list *l, int ch, int fk);

#endif
