/* The terminal UI's frame: curses set-up, colours, title line, status line,
 * the Midnight Commander-like key bar, a stack of screens, F1 help and
 * dialogs. Screens (scr-*.c) draw into the body window and handle keys. */
#ifndef ORIENTIR_UI_H
#define ORIENTIR_UI_H

#include <curses.h>
#include <sqlite3.h>

#include "store.h"

/* What a screen's key handler did (htop's convention). */
typedef enum { UI_HANDLED, UI_REDRAW, UI_POP, UI_QUIT, UI_UNHANDLED } ui_result;

enum ui_attr { UA_NORMAL, UA_TITLE, UA_KEYNUM, UA_KEYLABEL, UA_SELECT, UA_FIELD, UA_ERROR,
	       UA_NOTE, UA_HEAD, UA_BAR_BAD, UA_BAR_GOOD, UA_BAR_MID, UA_COUNT };

typedef struct ui_screen ui_screen;
struct ui_screen {
	const char *title;		/* N_() */
	const char *help;		/* N_(): what F1 shows */
	const char *keys[10];		/* NC_("key", ...) labels of F1..F10; NULL: unused */
	void (*draw)(ui_screen *s, WINDOW *body);
	/* ch is a character or, with fkey set, a KEY_ code. */
	ui_result (*key)(ui_screen *s, int ch, int fkey);
	/* Asked before the screen goes (Esc, F10): 0 may go, -1 stay. */
	int (*leave)(ui_screen *s);
	void (*destroy)(ui_screen *s);
	void *data;
	WINDOW *overlay;	/* a window of the screen's shown over the body (a form) */
};

typedef struct ui_app {
	sqlite3 *db;
	char *db_path;
	school sc;
} ui_app;

extern ui_app ui;

/* Runs the UI on the database at path until the user leaves. Exit status. */
int ui_main(const char *path);

void ui_push(ui_screen *s);
/* Puts s in place of the top screen (which is destroyed). */
void ui_replace(ui_screen *s);
/* A message on the status line until the next key; error ones stand out. */
void ui_message(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void ui_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
attr_t ui_attr(enum ui_attr a);

/* Reads a key: 1 and *fkey set for a function/cursor key, 0 for a
 * character; handles a resize by redrawing everything first. */
int ui_getkey(int *ch);
/* Redraws the whole frame and the top screen (after a dialog). */
void ui_redraw(void);

/* Dialogs. Yes/no: 1 yes, 0 no or Esc. */
int ui_confirm(const char *question);
/* Save / don't save / cancel: 0, 1, 2. */
int ui_ask_save(const char *question);
/* A list to choose from: the index, or -1 for Esc. */
int ui_pick(const char *title, char *const *labels, int n, int current);
/* Shows long text in a box (help, details) until a key. */
void ui_show_text(const char *title, const char *text);

/* Enter from the main keyboard (a character) or the keypad (a key code). */
int ui_is_enter(int ch, int fk);
/* Moves a list's cursor row for Up, Down, PgUp, PgDn, Home, End among n
 * lines: 1 when ch was one of them. */
int ui_list_key(size_t *row, size_t n, int ch);
/* Keeps row visible in a window of rows lines starting at *top. */
void ui_list_scroll(size_t row, size_t *top, int rows);

/* Typing into a search line of size bytes: a character adds to it,
 * Backspace takes the last one off, Esc empties a non-empty one. 1 when
 * the search changed, 0 when it did not but the key was the search's,
 * -1 when the key is not for the search. */
int ui_search_key(char *search, size_t size, int ch, int fk);

/* Splits text into lines of at most width cells, at spaces and at its
 * own line breaks: *n fresh strings in a fresh array. */
char **ui_wrap(const char *text, int width, int *n);
/* Writes text at y, x within at most width cells (cut with "…"). */
void ui_put(WINDOW *w, int y, int x, int width, const char *text);
/* A box with a title in w's middle: the window to draw inside, fresh. */
WINDOW *ui_dialog(int height, int width, const char *title);

#endif
