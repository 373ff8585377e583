/* Shared by every file: translation macros and small allocation helpers. */
#ifndef ORIENTIR_COMMON_H
#define ORIENTIR_COMMON_H

#include <stddef.h>
#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Allocation that cannot fail quietly: out of memory ends the program. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a fresh string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
