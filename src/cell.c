#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "day.h"
#include "utf8.h"

const char *cell_shown(const char *s)
{
	static char buf[8][CELL_SHOWN * 10 + 8];
	static unsigned turn;
	char *b = buf[turn++ % 8], *e = utf8_escape(s ? s : "", CELL_SHOWN, 0);
	snprintf(b, sizeof buf[0], "%s", e);
	free(e);
	return b;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int cell_empty(const char *s)
{
	if (!s)
		return 1;
	while (*s) {
		if (!is_blank(*s) && !((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0))
			return 0;
		s += ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) ? 2 : 1;
	}
	return 1;
}

char *cell_trim(const char *s)
{
	if (!s)
		return xstrdup("");
	while (is_blank(*s))
		s++;
	size_t n = strlen(s);
	while (n > 0 && is_blank(s[n - 1]))
		n--;
	return xstrndup(s, n);
}

int cell_number(const char *s, double *out)
{
	if (!s)
		return -1;
	while (is_blank(*s))
		s++;
	const char *p = s;
	int neg = 0;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	/* The digits as a whole number and a power of ten, both exact in a
	 * double up to 15 digits, so one division rounds correctly: "0,3" is
	 * the same double as 0.3 (summing tenths would be one bit off). */
	long long mant = 0;
	double scale = 1;
	int digits = 0, frac = 0;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (digits < 16)	/* longer is refused below; do not overflow first */
				mant = mant * 10 + (*p - '0');
			if (frac)
				scale *= 10;
			digits++;
		} else if ((*p == ',' || *p == '.') && !frac) {
			frac = 1;
		} else {
			break;
		}
	}
	while (is_blank(*p))
		p++;
	if (*p || digits == 0 || digits > 15)
		return -1;
	double v = (double)mant / scale;
	*out = neg ? -v : v;
	return 0;
}

char *cell_number_text(double v)
{
	char *t = xasprintf("%g", v);
	char *dot = strchr(t, '.');
	if (dot)
		*dot = ',';
	return t;
}

int cell_int(const char *s, long *out)
{
	double v;
	if (cell_number(s, &v) != 0 || v != (double)(long)v)
		return -1;
	*out = (long)v;
	return 0;
}

/* Reads 1 to maxd digits. */
static const char *digits(const char *p, int maxd, int *v)
{
	int n = 0;
	*v = 0;
	while (*p >= '0' && *p <= '9' && n < maxd) {
		*v = *v * 10 + (*p++ - '0');
		n++;
	}
	return n ? p : NULL;
}

int cell_day(const char *s, long *ymd)
{
	char *t = cell_trim(s);
	int rc = day_parse(t, ymd);
	free(t);
	return rc;
}

int cell_date(const char *s, int *y, int *m, int *d)
{
	long ymd;
	if (cell_day(s, &ymd) != 0)
		return -1;
	*y = (int)(ymd / 10000), *m = (int)(ymd / 100 % 100), *d = (int)(ymd % 100);
	return 0;
}

int cell_yesno(const char *s, int *out)
{
	static const char *const yes[] = { "да", "д", "+", "1", "yes", "y", "истина", "true", "v", "✓", "x", "х" };
	static const char *const no[] = { "нет", "н", "-", "0", "no", "n", "ложь", "false" };
	if (cell_empty(s)) {
		*out = 0;
		return 0;
	}
	char *t = cell_trim(s);
	char *f = utf8_fold(t, strlen(t));
	free(t);
	int r = -1;
	for (size_t i = 0; i < sizeof yes / sizeof *yes && r < 0; i++)
		if (strcmp(f, yes[i]) == 0)
			*out = 1, r = 0;
	for (size_t i = 0; i < sizeof no / sizeof *no && r < 0; i++)
		if (strcmp(f, no[i]) == 0)
			*out = 0, r = 0;
	free(f);
	return r;
}

/* Upper-case Cyrillic for a class letter; Latin letters typed in the wrong
 * layout are read as the Cyrillic ones they look like, in either case. */
static uint32_t class_letter(uint32_t c)
{
	static const char latin[] = "ABCEHKMOPTXY";
	static const uint32_t cyr[] = { 0x410, 0x412, 0x421, 0x415, 0x41D, 0x41A, 0x41C, 0x41E,
					0x420, 0x422, 0x425, 0x423 };
	if (c >= 'a' && c <= 'z')
		c -= 32;
	if (c >= 'A' && c <= 'Z') {
		const char *hit = strchr(latin, (int)c);
		return hit ? cyr[hit - latin] : c;
	}
	if (c >= 0x430 && c <= 0x44F)
		return c - 32;
	if (c == 0x451)
		return 0x401;
	return c;
}

int cell_class(const char *s, int *grade, char **letter)
{
	char *t = cell_trim(s);
	const char *p = digits(t, 2, grade);
	if (!p || *grade < 1 || *grade > 11) {
		free(t);
		return -1;
	}
	char quote = 0;
	while (*p == ' ' || *p == '-' || *p == '"' || *p == '\'' || *p == '/') {
		if (*p == '"' || *p == '\'')
			quote = *p;
		p++;
	}
	const char *end = p + strlen(p);
	/* 9 "В": the quote that closes the one skipped above. */
	if (quote && end > p && end[-1] == quote)
		end--;
	char *out = xmalloc((size_t)(end - p) * 2 + 1), *o = out;
	int nletters = 0;
	while (p < end) {
		uint32_t cp;
		size_t n = utf8_decode(p, (size_t)(end - p), &cp);
		if (n == 0 || cp == ' ' || cp == '"' || (cp >= '0' && cp <= '9')) {
			free(out);
			free(t);
			return -1;
		}
		o += utf8_encode(class_letter(cp), o);
		p += n;
		nletters++;
	}
	*o = '\0';
	free(t);
	if (nletters > 6) {
		free(out);
		return -1;
	}
	*letter = out;
	return 0;
}
