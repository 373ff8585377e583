/* The "key: value" lines of a package's manifest.txt, a receipt.txt and a
 * signature file. A value is one line: the writer escapes a backslash as
 * \\, a line break as \n or \r, a TAB as \t and other control bytes as
 * \xHH, and the reader undoes it, so that no value can make a second line. */
#ifndef ORIENTIR_KEYVAL_H
#define ORIENTIR_KEYVAL_H

#include <stdio.h>

/* Writes "key: value\n", the value escaped. */
void keyval_put(FILE *fp, const char *key, const char *value);
/* The value of the first line "key: value" in text, trimmed and unescaped
 * (fresh), or NULL. */
char *keyval_get(const char *text, const char *key);
/* Every value of key, in order (fresh array of fresh strings). */
char **keyval_all(const char *text, const char *key, int *n);

#endif
