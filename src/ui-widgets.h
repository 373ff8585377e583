/* libmenu and libform, wrapped for the screens: a list to move through and
 * choose from, and a form of labelled fields. */
#ifndef ORIENTIR_UI_WIDGETS_H
#define ORIENTIR_UI_WIDGETS_H

#include <curses.h>

typedef struct ui_menu ui_menu;

/* A list of labels (copied). */
ui_menu *ui_menu_new(char *const *labels, int n);
void ui_menu_free(ui_menu *m);
/* Shows it in w at y, x, rows × cols; back is the attribute of the rest. */
void ui_menu_show(ui_menu *m, WINDOW *w, int y, int x, int rows, int cols, attr_t back);
/* A key: the index chosen with Enter, -1 handled (moved), -2 not a list key. */
int ui_menu_key(ui_menu *m, int ch, int fk);
int ui_menu_index(const ui_menu *m);
void ui_menu_set(ui_menu *m, int i);

typedef struct ui_form ui_form;

/* Fields with labels, widths in cells and initial values (may be NULL). */
ui_form *ui_form_new(const char *const *labels, const int *widths, const char *const *values, int n);
void ui_form_free(ui_form *f);
/* Places the form (labels, then fields after the longest label) at y, x of
 * w and puts the cursor in it. The form keeps its own window, returned:
 * refresh it after w (a screen sets it as its overlay). */
WINDOW *ui_form_show(ui_form *f, WINDOW *w, int y, int x);
/* 1 if the key edited or moved within the form, 0 if it is not a form key. */
int ui_form_key(ui_form *f, int ch, int fk);
/* The field's text without surrounding spaces (fresh). */
char *ui_form_get(ui_form *f, int i);
int ui_form_current(const ui_form *f);
void ui_form_set_current(ui_form *f, int i);

/* Checks a filled form: 0 fine, or -1 with *field the one to fix and *msg
 * (fresh) what is wrong. */
typedef int (*ui_form_check)(void *ctx, char *const *values, int *field, char **msg);
/* A form in a dialog: values in and out (each a fresh string, replaced on
 * success). F2, or Enter on the last field, checks and accepts: 1; Esc: 0. */
int ui_form_run(const char *title, const char *const *labels, const int *widths, char **values, int n,
		ui_form_check check, void *ctx);

#endif
