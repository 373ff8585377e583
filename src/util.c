#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

static void oom(void)
{
	fputs("orientir: out of memory\n", stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *xvasprintf(const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		oom();
	char *s = xmalloc((size_t)n + 1);
	va_copy(cp, ap);
	vsnprintf(s, (size_t)n + 1, fmt, cp);
	va_end(cp);
	return s;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

const char *pgettext_deferred(const char *ctx_msgid)
{
	const char *t = gettext(ctx_msgid);
	/* Untranslated, gettext hands back its argument: show the bare message. */
	if (t == ctx_msgid) {
		const char *eot = strchr(ctx_msgid, '\004');
		if (eot)
			return eot + 1;
	}
	return t;
}

char *xquote(const char *s)
{
	size_t n = strlen(s), k = 0;
	/* „ and “ take a byte more than « and »: at most n / 2 more */
	char *out = xmalloc(n + n / 2 + 6);
	memcpy(out + k, "«", 2), k += 2;
	for (size_t i = 0; i < n; i++) {
		const char *with = !strncmp(s + i, "«", 2) ? "„" : !strncmp(s + i, "»", 2) ? "“" : NULL;
		if (with) {
			memcpy(out + k, with, 3), k += 3, i++;
		} else {
			out[k++] = s[i];
		}
	}
	memcpy(out + k, "»", 3);
	return out;
}

size_t put_decimal(char *out, long long v)
{
	char d[21];
	size_t i = sizeof d;
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	do
		d[--i] = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		d[--i] = '-';
	memcpy(out, d + i, sizeof d - i);
	return sizeof d - i;
}
