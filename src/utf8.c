#include "config.h"

#include <string.h>

#include "common.h"
#include "utf8.h"

size_t utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (len == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	size_t n;
	uint32_t c, min;
	if ((u[0] & 0xE0) == 0xC0) {
		n = 2; c = u[0] & 0x1F; min = 0x80;
	} else if ((u[0] & 0xF0) == 0xE0) {
		n = 3; c = u[0] & 0x0F; min = 0x800;
	} else if ((u[0] & 0xF8) == 0xF0) {
		n = 4; c = u[0] & 0x07; min = 0x10000;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

size_t utf8_valid_prefix(const char *s, size_t len)
{
	size_t i = 0;
	uint32_t cp;
	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			break;
		i += n;
	}
	return i;
}

size_t utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

static uint32_t fold_cp(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c >= 0x410 && c <= 0x42F)	/* А..Я */
		return c + 32;
	if (c >= 0x400 && c <= 0x40F)	/* Ѐ..Џ, Ё among them */
		c += 80;
	if (c == 0x451)			/* ё sorts and searches as е */
		return 0x435;
	return c;
}

/* Next code point of s, folded; invalid bytes pass through as themselves. */
static size_t next_folded(const char *s, size_t len, uint32_t *out)
{
	uint32_t cp;
	size_t n = utf8_decode(s, len, &cp);
	if (n == 0) {
		*out = (unsigned char)s[0];
		return 1;
	}
	*out = fold_cp(cp);
	return n;
}

char *utf8_fold(const char *s, size_t len)
{
	char *out = xmalloc(len + 1);	/* folding never makes text longer */
	size_t o = 0, i = 0;
	while (i < len) {
		uint32_t c;
		size_t n = next_folded(s + i, len - i, &c);
		char tmp[4];
		size_t m = utf8_encode(c, tmp);
		if (m > n) {	/* only for invalid input bytes: keep them raw */
			out[o++] = s[i];
		} else {
			memcpy(out + o, tmp, m);
			o += m;
		}
		i += n;
	}
	out[o] = '\0';
	return out;
}

int utf8_collate(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i = 0, j = 0;
	while (i < alen && j < blen) {
		uint32_t ca, cb;
		i += next_folded(a + i, alen - i, &ca);
		j += next_folded(b + j, blen - j, &cb);
		if (ca != cb)
			return ca < cb ? -1 : 1;
	}
	if (i < alen)
		return 1;
	if (j < blen)
		return -1;
	size_t m = alen < blen ? alen : blen;
	int r = memcmp(a, b, m);
	if (r)
		return r < 0 ? -1 : 1;
	return alen < blen ? -1 : alen > blen;
}

static int cp_width(uint32_t c)
{
	if (c == 0 || (c >= 0x300 && c <= 0x36F) || (c >= 0x200B && c <= 0x200F))
		return 0;
	if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
	    (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
	    (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
	    (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) ||
	    (c >= 0x20000 && c <= 0x3FFFD))
		return 2;
	return 1;
}

/* The cells of the character at s[*i], moving *i past it; a byte that is
 * not UTF-8 is one cell, as the '?' it is drawn as. */
static int next_width(const char *s, size_t len, size_t *i)
{
	uint32_t cp;
	size_t n = utf8_decode(s + *i, len - *i, &cp);
	if (n == 0) {
		n = 1;
		cp = '?';
	}
	*i += n;
	return cp_width(cp);
}

int utf8_width(const char *s)
{
	size_t len = strlen(s), i = 0;
	int w = 0;
	while (i < len)
		w += next_width(s, len, &i);
	return w;
}

size_t utf8_fit(const char *s, int cells)
{
	size_t len = strlen(s), i = 0;
	int w = 0;
	while (i < len) {
		size_t at = i;
		w += next_width(s, len, &i);
		if (w > cells)
			return at;
	}
	return i;
}

/* Whether a row may end before s: not before a dash, which Russian keeps
 * on the line of the word before it («F7 — записать»). */
static int may_break_before(const char *s)
{
	return strncmp(s, "—", 3) != 0 && strncmp(s, "–", 3) != 0;
}

size_t utf8_fit_words(const char *s, int cells)
{
	size_t fit = utf8_fit(s, cells);
	if (!s[fit] || (s[fit] == ' ' && may_break_before(s + fit + 1)))
		return fit;
	size_t cut = fit;
	for (;;) {
		while (cut > 0 && s[cut - 1] != ' ')
			cut--;
		if (cut == 0 || may_break_before(s + cut))
			break;
		while (cut > 0 && s[cut - 1] == ' ')
			cut--;
	}
	while (cut > 0 && s[cut - 1] == ' ')
		cut--;
	return cut ? cut : fit;
}
