/* The "key: value" lines of a package's manifest.txt and receipt.txt. */
#ifndef ORIENTIR_KEYVAL_H
#define ORIENTIR_KEYVAL_H

/* The value of the first line "key: value" in text, trimmed (fresh), or NULL. */
char *keyval_get(const char *text, const char *key);
/* Every value of key, in order (fresh array of fresh strings). */
char **keyval_all(const char *text, const char *key, int *n);

#endif
