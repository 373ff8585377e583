/* The one text viewer (htop's InfoScreen): paragraphs wrapped at word
 * boundaries to the window's width and scrolled to their last line — for
 * help, the problems of an import, a report's preview, any long text. */
#ifndef ORIENTIR_UI_TEXT_H
#define ORIENTIR_UI_TEXT_H

#include <curses.h>

#include "ui.h"

typedef struct ui_text ui_text;

ui_text *ui_text_new(void);
void ui_text_free(ui_text *t);
/* Empties it and goes back to the top. */
void ui_text_clear(ui_text *t);
/* A paragraph in attr, indent cells in; its own line breaks are kept, and
 * the rows it wraps onto stand hang cells further in. text is copied. */
void ui_text_add(ui_text *t, enum ui_attr attr, int indent, int hang, const char *text);
/* The same, formatted; the fresh text is taken. */
void ui_text_take(ui_text *t, enum ui_attr attr, int indent, int hang, char *text);
/* A value under its label: the label in the heading's look, the value
 * beside it from label_width cells in, its rows wrapped under itself. */
void ui_text_field(ui_text *t, const char *label, int label_width, enum ui_attr attr, const char *value);
/* Paragraphs added so far. */
int ui_text_count(const ui_text *t);
/* Draws the rows that fit in w from row y over height rows, from column x
 * to the window's right edge; ↑ and ↓ at the edge say there is more. */
void ui_text_draw(ui_text *t, WINDOW *w, int y, int x, int height);
/* Up, Down, PgUp, PgDn, Home, End: 1 when the key was one of them. */
int ui_text_key(ui_text *t, int ch, int fk);
/* The rows the text takes when drawn from column 0 of a window width
 * cells wide. */
int ui_text_layout(ui_text *t, int width);
/* The first row shown. */
int ui_text_top(const ui_text *t);

#endif
