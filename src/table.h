/* Text tables for people: columns aligned by screen cells, fitted to the
 * terminal's width by shortening the widest shrinkable columns. */
#ifndef ORIENTIR_TABLE_H
#define ORIENTIR_TABLE_H
#include <stdio.h>

typedef struct table table;

/* ncols columns; align is a string of 'l' and 'r', shrink of '+' (may be
 * shortened) and '-' (kept whole), one per column. */
table *table_new(int ncols, const char *align, const char *shrink);
/* Adds a row of ncols cells (copied); the first row added is the header. */
void table_add(table *t, const char *const *cells);
/* Adds a line of its own between rows (a group's title): printed whole,
 * cut only at the width, and no column widens for it. */
void table_add_heading(table *t, const char *text);
/* Prints it within width cells. */
void table_print(table *t, FILE *fp, int width);
void table_free(table *t);
/* The width to print for: $COLUMNS when set, else the terminal's when fp
 * is one; INT_MAX (nothing cut) when it is a file or a pipe. */
int table_width(FILE *fp);

#endif
