/* The terminal UI's frame: curses set-up, colours, title line, status line,
 * the Midnight Commander-like key bar, a stack of screens, F1 help and
 * dialogs. Screens (scr-*.c) draw into the body window and handle keys. */
#ifndef ORIENTIR_UI_H
#define ORIENTIR_UI_H

#include <curses.h>
#include <sqlite3.h>

#include "sdb.h"
#include "store.h"
#include "ui-list.h"

/* What a screen's key handler did (htop's convention). */
typedef enum { UI_HANDLED, UI_REDRAW, UI_POP, UI_QUIT, UI_UNHANDLED } ui_result;

enum ui_attr { UA_NORMAL, UA_TITLE, UA_KEYNUM, UA_KEYLABEL, UA_SELECT, UA_FIELD, UA_ERROR,
	       UA_NOTE, UA_HEAD, UA_BAR_BAD, UA_BAR_GOOD, UA_BAR_MID,
	       /* text that is in order, and text still waiting (beside UA_ERROR
	        * for what went wrong): three looks apart in monochrome too */
	       UA_GOOD, UA_WAIT,
	       /* a dialog's box, and the choice standing out in it */
	       UA_DIALOG, UA_DIALOG_SELECT,
	       /* a list's line of filter and search */
	       UA_QUERY,
	       /* a field's content while it is selected: the first key replaces it */
	       UA_FIELD_SELECTED,
	       /* a warning: what to check before going on (not an error) */
	       UA_WARN,
	       UA_COUNT };

/* The smallest terminal the screens are laid out for. */
#define UI_MIN_COLS 80
#define UI_MIN_LINES 24

/* Enter from either keyboard, in a key table. */
#define UI_KEY_ENTER (KEY_MAX + 1)

typedef struct ui_screen ui_screen;

/* A screen's key: the key bar shows its label (F-keys) and the frame calls
 * run when it is pressed — one table, so a label never promises a key
 * nobody handles. */
typedef struct ui_key {
	int key;			/* KEY_F(n), another KEY_ code, or UI_KEY_ENTER */
	const char *label;		/* NC_("key", …) for the bar; NULL: not shown */
	ui_result (*run)(ui_screen *s);
	int (*enabled)(const ui_screen *s);	/* NULL: always */
} ui_key;

struct ui_screen {
	const char *title;		/* N_() */
	const char *help;		/* N_(): what F1 shows */
	char *help_more;		/* the frame's: help with ui_screen_help_add's paragraph */
	const ui_key *keys;		/* ends with an entry whose key is 0 */
	/* NULL: the frame draws the screen's text, or else its list, over
	 * the whole body. */
	void (*draw)(ui_screen *s, WINDOW *body);
	/* Keys not in the table (typing, moving in a list): ch is a character
	 * or, with fkey set, a KEY_ code. NULL: none. */
	ui_result (*key)(ui_screen *s, int ch, int fkey);
	/* Asked before the screen goes (Esc, F10): 0 may go, -1 stay. */
	int (*leave)(ui_screen *s);
	/* Frees the screen's data; the frame frees the screen itself after. */
	void (*destroy)(ui_screen *s);
	/* The screen's list, when it has one: the keys the table and key()
	 * leave go to it (moving, typing into its search), rebuild is called
	 * when the search changed, and the frame frees it with the screen. */
	ui_list *list;
	void (*rebuild)(void *data);
	/* The screen's text viewer, when it shows one (a preview, a card):
	 * the keys the table and key() leave scroll it, and the frame frees
	 * it with the screen. */
	struct ui_text *text;
	/* Reads the screen's data again: called before the screen is drawn,
	 * back on top, when a screen opened over it with ui_push_changing
	 * may have changed what it shows (an import). */
	void (*reload)(void *data);
	int stale;		/* the frame's: reload before drawing */
	void *data;
	WINDOW *overlay;	/* a window of the screen's shown over the body (a form) */
};

typedef struct ui_app {
	sqlite3 *db;		/* the school's or the district's file; NULL on the region */
	/* The district office's store, which its screens use: db's on a
	 * district's file, the region's connection on its server. */
	sdb *office;
	char *db_path;		/* the file; on the region, the database and host */
	school sc;
} ui_app;

extern ui_app ui;

/* Runs the UI on the database at path until the user leaves. Exit status. */
int ui_main(const char *path);
/* Runs the UI on the region's database, open as db (taken) and owned by
 * sc (taken). Exit status. */
int ui_main_region(sdb *db, school *sc);

/* A new screen with its title, help and keys; the rest is the caller's. */
ui_screen *ui_screen_new(const char *title, const char *help, const ui_key *keys, void *data);
/* Adds the paragraph more (N_()) after the screen's help, as F1 shows it
 * (both translated; the frame keeps and frees the whole). */
void ui_screen_help_add(ui_screen *s, const char *more);
void ui_push(ui_screen *s);
/* Pushes s over the top screen, which reloads once it is back on top:
 * s may change its data. UI_REDRAW, for a key's handler to return. */
ui_result ui_push_changing(ui_screen *s);
/* Puts s in place of the top screen (which is destroyed). */
void ui_replace(ui_screen *s);
/* Whether the database belongs to the district office. */
int ui_district(void);
/* Whether it is the region's, on a server: the district office's screens
 * over every district. */
int ui_region(void);
/* A message on the status line until the next key; error ones stand out. */
void ui_message(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void ui_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
attr_t ui_attr(enum ui_attr a);

/* Reads a key: 1 and *fkey set for a function/cursor key, 0 for a
 * character. A resize redraws everything first; while the terminal is
 * smaller than UI_MIN_COLS × UI_MIN_LINES it says so and reads on. When
 * the terminal is gone (hangup, end of input) the program ends here, its
 * drafts kept and its database closed. */
int ui_getkey(int *ch);
/* Redraws the whole frame and the top screen (after a dialog). */
void ui_redraw(void);

/* Dialogs. A question with Yes and No: 1 yes, 0 no or Esc. ui_confirm
 * starts on «No» (what cannot be undone); ui_ask on «Yes». */
int ui_confirm(const char *question);
int ui_ask(const char *question);
/* Save / don't save / cancel: 0, 1, 2. */
int ui_ask_save(const char *question);
/* A list to choose from: the index, or -1 for Esc. Labels too wide for
 * the box are shortened at a word, and the chosen one's whole text is
 * shown under the list. */
int ui_pick(const char *title, char *const *labels, int n, int current);
/* Shows long text in a box (help, details), wrapped and scrolled, until
 * Esc or Enter. */
void ui_show_text(const char *title, const char *text);
/* A box saying what is being done (text) while it is: delwin it after. */
WINDOW *ui_busy(const char *title, const char *text);

/* Shows, once, what opening the database had to tell (db_take_notice:
 * it was made private, say), in a box. */
void ui_show_notice(void);

/* Enter from the main keyboard (a character) or the keypad (a key code). */
int ui_is_enter(int ch, int fk);

/* LEGACY, until every screen is on ui_list: */

/* Splits text into lines of at most width cells, at spaces and at its own
 * line breaks: *n fresh lines in a fresh array. */
char **ui_wrap(const char *text, int width, int *n);
/* Writes text at y, x within at most width cells, shortened at a word
 * with «…» when it does not fit. */
void ui_put(WINDOW *w, int y, int x, int width, const char *text);
/* A box with a title in the middle of the terminal: the window to draw
 * inside, fresh. */
WINDOW *ui_dialog(int height, int width, const char *title);

#endif
