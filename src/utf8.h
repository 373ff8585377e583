/* The only place that decodes UTF-8, folds Russian case and measures text
 * in terminal cells. */
#ifndef ORIENTIR_UTF8_H
#define ORIENTIR_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes one code point; returns its length in bytes, or 0 when the bytes
 * at s are not well-formed UTF-8 (or are cut short by len). */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Length of the longest well-formed prefix of s. */
size_t utf8_valid_prefix(const char *s, size_t len);
/* Appends the UTF-8 form of cp to out (at least 4 bytes free); returns bytes. */
size_t utf8_encode(uint32_t cp, char *out);

/* Lower case for Cyrillic and Latin, with ё folded to е: the key for
 * searching and for comparing names. Returns a fresh string. */
char *utf8_fold(const char *s, size_t len);
/* Russian alphabetical order: folded text compared first, exact bytes break ties. */
int utf8_collate(const char *a, size_t alen, const char *b, size_t blen);

/* Terminal cells the text takes. */
int utf8_width(const char *s);
/* Bytes of s that fit in cells columns, never cutting a character. */
size_t utf8_fit(const char *s, int cells);
/* The same, ending at a word's end when a space is there to end at (the
 * spaces before the cut left out); a single word longer than the cells is
 * cut where it must be. */
size_t utf8_fit_words(const char *s, int cells);

#endif
