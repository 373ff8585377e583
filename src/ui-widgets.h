/* libmenu and libform, wrapped for the screens: a menu of labels to choose
 * from, and a form of labelled fields that all behave alike. */
#ifndef ORIENTIR_UI_WIDGETS_H
#define ORIENTIR_UI_WIDGETS_H

#include <curses.h>

typedef struct ui_menu ui_menu;

/* A menu of labels (copied). */
ui_menu *ui_menu_new(char *const *labels, int n);
void ui_menu_free(ui_menu *m);
/* Shows it in w at y, x, rows × cols; labels wider than cols are shortened
 * at a word with «…». fore is the chosen item's look, back the others'. */
void ui_menu_show(ui_menu *m, WINDOW *w, int y, int x, int rows, int cols, attr_t fore, attr_t back);
/* Whether the current item's label had to be shortened. */
int ui_menu_shortened(const ui_menu *m);
/* A key: the index chosen with Enter, -1 handled (moved), -2 not a menu
 * key. A letter moves to the next item beginning with it. */
int ui_menu_key(ui_menu *m, int ch, int fk);
int ui_menu_index(const ui_menu *m);
void ui_menu_set(ui_menu *m, int i);

/* What a field takes. Every field's content is selected when the field is
 * entered, so that the first key typed replaces it. */
enum ui_field_kind {
	UI_FIELD_TEXT,
	UI_FIELD_DATE,		/* ДД.ММ.ГГГГ: digits and dots */
	UI_FIELD_YESNO,		/* да/нет: Space switches, д/н and y/n set */
	UI_FIELD_CHOICE,	/* one of choices: Space steps, F4 lists them */
	UI_FIELD_SUGGEST,	/* free text; F4 offers choices */
};

typedef struct ui_field {
	const char *label;
	int width;			/* cells; 0: as wide as there is room */
	enum ui_field_kind kind;
	const char *const *choices;	/* NULL-terminated: CHOICE, SUGGEST */
} ui_field;

/* «да» or «нет» for a yes/no field's value. */
const char *ui_yesno_text(int yes);

typedef struct ui_form ui_form;

/* Fields and their initial values (NULL: empty). */
ui_form *ui_form_new(const ui_field *fields, const char *const *values, int n);
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
/* Whether any field differs from what it was given, or last saved. */
int ui_form_changed(ui_form *f);
/* What the fields hold now is saved: nothing is changed any more. */
void ui_form_saved(ui_form *f);
/* How to go on in the current field: a line for the form's hint. */
const char *ui_form_hint(const ui_form *f);

/* Checks a filled form: 0 fine, or -1 with *field the one to fix and *msg
 * (fresh) what is wrong. */
typedef int (*ui_form_check)(void *ctx, char *const *values, int *field, char **msg);
/* A form in a dialog: values in and out (each a fresh string, replaced on
 * success). F2, or Enter on the last field, checks and accepts: 1; Esc:
 * 0 (asking first when something was typed). */
int ui_form_run(const char *title, const ui_field *fields, char **values, int n, ui_form_check check, void *ctx);

#endif
