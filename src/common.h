/* Shared by every file: translation macros and small allocation helpers. */
#ifndef ORIENTIR_COMMON_H
#define ORIENTIR_COMMON_H

#include <stdarg.h>
#include <stddef.h>
#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)
/* A message with a context, translated later by pgettext_deferred(): the
 * key bar's labels have 7 cells at 80 columns, so their Russian is shorter
 * than the same word elsewhere ("Save" on a button, "Сохр." on F2). The
 * layout is gettext's own: context, EOT, message. */
#define NC_(ctx, s) (ctx "\004" s)
const char *pgettext_deferred(const char *ctx_msgid);

/* Allocation that cannot fail quietly: out of memory ends the program. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a fresh string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The same with the arguments as a va_list (left as they were). */
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* v in decimal at out (at least 21 bytes, no '\0' added): its length.
 * For the bulk of an import, where printf would cost a tenth of it. */
size_t put_decimal(char *out, long long v);

/* s in Russian quotes, «s», its own «» turned into „“ so that quotes never
 * nest alike: «МКОУ „Сосновская ООШ“» (fresh). */
char *xquote(const char *s);

#endif
