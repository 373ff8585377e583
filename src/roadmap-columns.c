#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "roadmap-columns.h"
#include "utf8.h"

/* Header text folded, its punctuation, quotes and dashes made spaces, runs
 * of spaces made one (fresh). */
static char *norm(const char *text)
{
	char *f = utf8_fold(text, strlen(text));
	char *o = f;
	int space = 1;
	for (const unsigned char *p = (const unsigned char *)f; *p;) {
		size_t skip = 0;
		if (*p < 0x80 && !isalnum(*p))
			skip = 1;
		else if (p[0] == 0xC2 && (p[1] == 0xA0 || p[1] == 0xAB || p[1] == 0xBB))
			skip = 2;
		else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x93 || p[2] == 0x94 || p[2] == 0x9C || p[2] == 0x9D))
			skip = 3;
		if (skip) {
			if (!space)
				*o++ = ' ';
			space = 1;
			p += skip;
			continue;
		}
		*o++ = (char)*p++;
		space = 0;
	}
	if (o > f && o[-1] == ' ')
		o--;
	*o = '\0';
	return f;
}

/* stem begins a word of h. */
static int word(const char *h, const char *stem)
{
	size_t n = strlen(stem);
	for (const char *p = h; (p = strstr(p, stem)); p += n)
		if (p == h || p[-1] == ' ')
			return 1;
	return 0;
}

static int first(const char *h, const char *stem)
{
	return strncmp(h, stem, strlen(stem)) == 0;
}

static int one_of(const char *h, const char *const *set)
{
	for (; *set; set++)
		if (strcmp(h, *set) == 0)
			return 1;
	return 0;
}

/* How well folded header text h names each column (0 to 100). */
static int score_number(const char *h)
{
	static const char *const exact[] = { "№", "n", "no", "nn", "№№", "№ п п", "n п п", "п п", "№ пп", "n пп",
					     "номер", "number", "№ мероприятия", "номер мероприятия", "№ пункта", NULL };
	if (one_of(h, exact))
		return 100;
	return first(h, "№") || first(h, "номер") ? 80 : 0;
}

static int score_title(const char *h)
{
	if (strcmp(h, "title") == 0)
		return 100;
	if (word(h, "мероприят"))
		return 90;
	if (word(h, "направлени") && word(h, "деятельност"))
		return 85;
	if (first(h, "содержание") || first(h, "вид работ") || first(h, "виды работ") || first(h, "перечень"))
		return 75;
	if (first(h, "наименование") || first(h, "название"))
		return 60;
	return 0;
}

static int score_deadline(const char *h)
{
	if (strcmp(h, "deadline") == 0 || first(h, "срок"))
		return 100;
	if (word(h, "срок"))
		return 90;
	if (first(h, "период"))
		return 80;
	if (first(h, "дата") || strcmp(h, "когда") == 0)
		return 70;
	if (first(h, "время"))
		return 50;
	return 0;
}

static int score_resp(const char *h)
{
	if (strcmp(h, "responsible") == 0 || word(h, "ответствен"))
		return 100;
	if (word(h, "исполнител"))
		return 90;
	return strcmp(h, "кто") == 0 ? 50 : 0;
}

static int score_expected(const char *h)
{
	if (strcmp(h, "expected result") == 0)
		return 100;
	if (word(h, "результат"))
		return 90;
	if (word(h, "показател") || first(h, "форма отчет") || word(h, "отчетност"))
		return 80;
	return 0;
}

static int score_section(const char *h)
{
	static const char *const exact[] = { "section", "раздел", "направление", "направления", "наименование раздела",
					     "наименование направления", "направление работы", NULL };
	if (one_of(h, exact))
		return 95;
	if (first(h, "раздел"))
		return 90;
	if (word(h, "направлени"))
		return word(h, "деятельност") ? 70 : 80;
	return 0;
}

int rm_col_score(const char *text, int col)
{
	/* Headers are names: a long cell is text, not a header. */
	if (!text || strlen(text) > 120)
		return 0;
	char *h = norm(text);
	int words = *h != '\0';
	for (const char *p = h; *p; p++)
		words += *p == ' ';
	int s = 0;
	if (*h && words <= 8) {
		switch (col) {
		case RM_NUMBER: s = score_number(h); break;
		case RM_TITLE: s = score_title(h); break;
		case RM_DEADLINE: s = score_deadline(h); break;
		case RM_RESP: s = score_resp(h); break;
		case RM_EXPECTED: s = score_expected(h); break;
		case RM_SECTION: s = score_section(h); break;
		}
	}
	free(h);
	return s;
}

/* The column text reads as best, and its score (0: none). */
static int best_col(const char *text, int *col)
{
	int best = 0;
	*col = -1;
	for (int c = 0; c < RM_NCOLS; c++) {
		int s = rm_col_score(text, c);
		if (s > best)
			best = s, *col = c;
	}
	return best;
}

int rm_colmap_read(const char *const *cells, size_t n, rm_colmap *m)
{
	for (int c = 0; c < RM_NCOLS; c++)
		m->cell[c] = -1;
	int *sc = xcalloc(n * RM_NCOLS + 1, sizeof *sc);
	for (size_t i = 0; i < n; i++)
		for (int c = 0; c < RM_NCOLS; c++)
			sc[i * RM_NCOLS + (size_t)c] = rm_col_score(cells[i], c);
	/* The best reading left, again and again: a cell and a column once each. */
	char *used = xcalloc(n + 1, 1);
	int found = 0;
	for (;;) {
		int bs = 0, bc = -1;
		size_t bi = 0;
		for (size_t i = 0; i < n; i++)
			for (int c = 0; c < RM_NCOLS; c++)
				if (!used[i] && m->cell[c] < 0 && sc[i * RM_NCOLS + (size_t)c] > bs)
					bs = sc[i * RM_NCOLS + (size_t)c], bi = i, bc = c;
		if (bc < 0)
			break;
		used[bi] = 1;
		m->cell[bc] = (int)bi;
		found++;
	}
	free(used);
	free(sc);
	return found;
}

int rm_colmap_is_header(const rm_colmap *m)
{
	return m->cell[RM_TITLE] >= 0 && (m->cell[RM_NUMBER] >= 0 || m->cell[RM_DEADLINE] >= 0 ||
					  m->cell[RM_RESP] >= 0 || m->cell[RM_EXPECTED] >= 0);
}

static int empty(const char *s)
{
	for (; s && *s; s++)
		if (!isspace((unsigned char)*s))
			return 0;
	return 1;
}

rm_unused *rm_colmap_unused(const char *const *cells, size_t n, const rm_colmap *m, size_t *nout)
{
	rm_unused *v = NULL;
	*nout = 0;
	for (size_t i = 0; i < n; i++) {
		int taken = 0;
		for (int c = 0; c < RM_NCOLS; c++)
			taken |= m->cell[c] == (int)i;
		if (taken || empty(cells[i]))
			continue;
		int col;
		best_col(cells[i], &col);
		v = xrealloc(v, (*nout + 1) * sizeof *v);
		v[(*nout)++] = (rm_unused){ xstrdup(cells[i]), col,
					    col >= 0 && m->cell[col] >= 0 ? xstrdup(cells[m->cell[col]]) : NULL };
	}
	return v;
}

int rm_is_number(const char *text)
{
	const char *p = text;
	while (*p == ' ')
		p++;
	const char *start = p;
	if (isdigit((unsigned char)*p)) {
		while (isdigit((unsigned char)*p) || (*p == '.' && isdigit((unsigned char)p[1])))
			p++;
	} else {
		while (*p == 'I' || *p == 'V' || *p == 'X' || *p == 'L')
			p++;
	}
	if (p == start)
		return 0;
	if (*p == '.' || *p == ')')
		p++;
	while (*p == ' ')
		p++;
	return *p == '\0';
}

int rm_row_repeats_header(const char *const *cells, size_t n, const char *const *header, size_t nheader)
{
	int filled = 0, names = 0;
	for (size_t i = 0; i < n; i++) {
		if (empty(cells[i]))
			continue;
		if (rm_is_number(cells[i]))
			return 0;
		filled++;
		int col;
		int same = 0;
		if (i < nheader && header[i]) {
			char *a = norm(cells[i]), *b = norm(header[i]);
			same = strcmp(a, b) == 0;
			free(a), free(b);
		}
		names += same || best_col(cells[i], &col) >= 50;
	}
	return names >= 2 && names * 2 > filled;
}

int rm_row_column_numbers(const char *const *cells, size_t n)
{
	long next = 1;
	for (size_t i = 0; i < n; i++) {
		if (empty(cells[i]))
			continue;
		char *end;
		long v = strtol(cells[i], &end, 10);
		while (*end == ' ' || *end == '.')
			end++;
		if (end == cells[i] || *end || v != next)
			return 0;
		next++;
	}
	return next > 2;
}
