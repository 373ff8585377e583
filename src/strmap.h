/* A map from strings to numbers, for the caches that keep an import from
 * asking the database the same question for every row. */
#ifndef ORIENTIR_STRMAP_H
#define ORIENTIR_STRMAP_H

#include <stddef.h>

typedef struct strmap strmap;

strmap *strmap_new(void);
/* One with room for n keys before it grows. */
strmap *strmap_new_for(size_t n);
void strmap_free(strmap *m);
/* 1 and *value when key is there, else 0. */
int strmap_get(const strmap *m, const char *key, long long *value);
/* Sets key (copied) to value. */
void strmap_put(strmap *m, const char *key, long long value);
/* Adds key (copied) with value unless it is there: 0 added, 1 it was
 * there (its value unchanged). One look where strmap_get and strmap_put
 * take two. */
int strmap_add(strmap *m, const char *key, long long value);

#endif
