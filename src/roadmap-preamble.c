#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "day.h"
#include "roadmap-preamble.h"
#include "utf8.h"

/* The lines of the preamble (fresh array of fresh strings; *n). */
static char **split_lines(const char *text, size_t *n)
{
	char **v = NULL;
	*n = 0;
	for (const char *p = text; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		v = xrealloc(v, (*n + 1) * sizeof *v);
		v[(*n)++] = xstrndup(p, len);
		p += len + (nl != NULL);
	}
	return v;
}

/* text folded, with its spaces taken out: «П Р И К А З» is «приказ». */
static char *squeeze(const char *text)
{
	char *f = utf8_fold(text, strlen(text)), *o = f;
	for (const char *p = f; *p; p++)
		if (*p != ' ' && *p != '\t')
			*o++ = *p;
	*o = '\0';
	return f;
}

static int order_word(const char *line)
{
	char *s = squeeze(line);
	int yes = strstr(s, "приказ") || strstr(s, "распоряжени") || strstr(s, "постановлени");
	free(s);
	return yes;
}

static int year_at(const char *p)
{
	if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1]) || !isdigit((unsigned char)p[2]) ||
	    !isdigit((unsigned char)p[3]) || isdigit((unsigned char)p[4]))
		return 0;
	int y = atoi(p);
	return y >= 2000 && y <= 2100 ? y : 0;
}

/* Skips spaces, quotes and dashes of every kind. */
static const char *skip_marks(const char *p)
{
	for (;;) {
		if (*p == ' ' || *p == '"' || *p == '\'' || *p == '-')
			p++;
		else if (strncmp(p, "«", 2) == 0 || strncmp(p, "»", 2) == 0 || strncmp(p, "\xC2\xA0", 2) == 0)
			p += 2;
		else if (strncmp(p, "–", 3) == 0 || strncmp(p, "—", 3) == 0 || strncmp(p, "“", 3) == 0 ||
			 strncmp(p, "”", 3) == 0)
			p += 3;
		else
			return p;
	}
}

/* A date at p: «28.02.2020», «01 февраля 2022», «"01" февраля 2022»; its
 * ISO form (fresh) or NULL. */
static char *date_at(const char *p)
{
	static const char *const months[] = { "январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август",
					      "сентябр", "октябр", "ноябр", "декабр" };
	p = skip_marks(p);
	if (!isdigit((unsigned char)*p))
		return NULL;
	char *end;
	long day = strtol(p, &end, 10), ymd;
	if (*end == '.') {
		char buf[16];
		size_t k = strspn(p, "0123456789.");
		if (k >= sizeof buf)
			return NULL;
		memcpy(buf, p, k);
		buf[k] = '\0';
		if (k && buf[k - 1] == '.')
			buf[k - 1] = '\0';
		return day_parse(buf, &ymd) == 0 ? day_iso(ymd) : NULL;
	}
	const char *q = skip_marks(end);
	char *f = utf8_fold(q, strlen(q) < 40 ? strlen(q) : 40);
	int month = 0;
	for (int i = 0; i < 12 && !month; i++)
		if (strncmp(f, months[i], strlen(months[i])) == 0 && (i != 4 || strncmp(f, "мая", strlen("мая")) == 0))
			month = i + 1;
	free(f);
	if (!month)
		return NULL;
	while (*q && *q != ' ')
		q++;
	q = skip_marks(q);
	ymd = day < 1 || day > 31 ? 0 : day_make(year_at(q), month, (int)day);
	return ymd ? day_iso(ymd) : NULL;
}

/* The date after an «от» in line, or NULL. */
static char *date_after_ot(const char *line)
{
	const size_t k = strlen("от");
	for (const char *p = line; (p = strstr(p, "от")); p += k) {
		if ((p > line && !(p[-1] == ' ' || p[-1] == '(')) || (p[k] != ' ' && strncmp(p + k, "\xC2\xA0", 2) != 0))
			continue;
		char *d = date_at(p + k);
		if (d)
			return d;
	}
	return NULL;
}

/* The order's number after a «№» in line, unless it numbers an appendix
 * or a school (fresh), or NULL. */
static char *number_after_sign(const char *line)
{
	for (const char *p = line; (p = strstr(p, "№")); p += 3) {
		/* the word right before the sign */
		char *before = utf8_fold(line, (size_t)(p - line));
		size_t bl = strlen(before);
		while (bl && before[bl - 1] == ' ')
			before[--bl] = '\0';
		const char *last = strrchr(before, ' ');
		last = last ? last + 1 : before;
		int other = strstr(last, "приложени") || strstr(last, "школ") || strstr(last, "сош") || strstr(last, "оош");
		free(before);
		if (other)
			continue;
		const char *q = p + 3;
		while (*q == ' ' || strncmp(q, "\xC2\xA0", 2) == 0)
			q += *q == ' ' ? 1 : 2;
		if (!isdigit((unsigned char)*q))
			continue;
		const char *e = q;
		while (*e && *e != ' ' && *e != ',' && *e != ';' && *e != '\t' && strncmp(e, "»", 2) != 0 &&
		       strncmp(e, "\xC2\xA0", 2) != 0)
			e++;
		while (e > q && (e[-1] == '.' || e[-1] == ')'))
			e--;
		return xstrndup(q, (size_t)(e - q));
	}
	return NULL;
}

/* The order: the first «№» on a line with a date after «от», or within a
 * few lines after a line naming an order (приказ, распоряжение,
 * постановление); its date the one on that line or the nearest. */
static void read_order(rm_table *t, char **lines, size_t n)
{
	for (size_t i = 0; i < n && !t->order_number; i++) {
		char *num = number_after_sign(lines[i]);
		if (!num)
			continue;
		char *date = date_after_ot(lines[i]);
		int named = 0;
		for (size_t k = i >= 3 ? i - 3 : 0; k <= i && !named; k++)
			named = order_word(lines[k]);
		if (!date && named)
			for (size_t k = i >= 2 ? i - 2 : 0; k < n && k <= i + 2 && !date; k++)
				date = date_after_ot(lines[k]);
		if (date || named) {
			t->order_number = num;
			t->order_date = date;
		} else {
			free(num);
		}
	}
}

int rm_years_in(const char *text, int *first, int *last)
{
	for (const char *p = text; *p; p++) {
		int y = year_at(p);
		if (!y || (p > text && isdigit((unsigned char)p[-1])))
			continue;
		const char *q = p + 4;
		while (*q == ' ')
			q++;
		int dash = *q == '-' || *q == '/';
		if (strncmp(q, "–", 3) == 0 || strncmp(q, "—", 3) == 0)
			dash = 3;
		if (dash) {
			q += dash == 3 ? 3 : 1;
			while (*q == ' ')
				q++;
			int y2 = year_at(q);
			if (!y2 && isdigit((unsigned char)q[0]) && isdigit((unsigned char)q[1]) && !isdigit((unsigned char)q[2]))
				y2 = y / 100 * 100 + (q[0] - '0') * 10 + (q[1] - '0');	/* 2023/24 */
			if (y2 > y && y2 - y <= 10) {
				*first = y, *last = y2;
				return 1;
			}
		}
		*first = *last = y;
		return 1;
	}
	return 0;
}

/* The plan's title: a line beginning «План» («План-график», «План
 * мероприятий», «План работы») or «Дорожная карта», with the lines
 * continuing it (fresh), or NULL. */
static char *read_title(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *f = utf8_fold(lines[i], strlen(lines[i]));
		char *s = cell_trim(f);
		size_t plan = strlen("план");
		int yes = (strncmp(s, "план", plan) == 0 && (s[plan] == ' ' || s[plan] == '-')) ||
			  strncmp(s, "дорожная карта", strlen("дорожная карта")) == 0;
		free(f), free(s);
		if (!yes)
			continue;
		char *title = cell_trim(lines[i]);
		/* Lines that go on with it begin in lower case (or a bracket). */
		for (size_t k = i + 1; k < n; k++) {
			char *next = cell_trim(lines[k]);
			char *nf = utf8_fold(next, strlen(next));
			int goes_on = *next && (strcmp(nf, next) == 0 || *next == '(') && !isdigit((unsigned char)*next);
			if (goes_on && strlen(title) < 400) {
				char *j = xasprintf("%s %s", title, next);
				free(title);
				title = j;
			}
			free(next), free(nf);
			if (!goes_on)
				break;
		}
		size_t len = strlen(title);
		while (len && (title[len - 1] == ':' || title[len - 1] == '.'))
			title[--len] = '\0';
		return title;
	}
	return NULL;
}

/* The years the deadlines name, first to last, leaving out a year few of
 * them name (under a tenth: «2017-2020 годы» among fifty deadlines of
 * 2020-2022 restates an older programme). */
static int deadline_years(const rm_table *t, int *first, int *last)
{
	int count[101] = { 0 }, dated = 0;
	for (size_t i = 0; i < t->nacts; i++) {
		int seen[101] = { 0 }, any = 0;
		for (const char *p = t->acts[i].deadline; *p; p++) {
			int y = year_at(p);
			if (y && (p == t->acts[i].deadline || !isdigit((unsigned char)p[-1])))
				seen[y - 2000] = any = 1;
		}
		for (int y = 0; y <= 100; y++)
			count[y] += seen[y];
		dated += any;
	}
	*first = *last = 0;
	for (int y = 0; y <= 100; y++)
		if (count[y] && count[y] * 10 >= dated) {
			if (!*first)
				*first = 2000 + y;
			*last = 2000 + y;
		}
	return *first != 0;
}

void rm_preamble_read(rm_table *t)
{
	size_t n;
	char **lines = split_lines(t->preamble, &n);
	read_order(t, lines, n);
	char *title = read_title(lines, n);
	if (title && t->title_from == RM_FROM_NONE) {
		free(t->title);
		t->title = title;
		t->title_from = RM_FROM_TITLE;
		title = NULL;
	}
	free(title);
	if (t->years_from == RM_FROM_NONE) {
		if (t->title && rm_years_in(t->title, &t->first_year, &t->last_year)) {
			t->years_from = RM_FROM_TITLE;
		} else {
			/* A sentence of the order about the plan: «… план … на 2022 год». */
			for (size_t i = 0; i < n && t->years_from == RM_FROM_NONE; i++) {
				char *f = utf8_fold(lines[i], strlen(lines[i]));
				int about = (strstr(f, "план") || strstr(f, "дорожн")) && !strstr(f, "программ");
				free(f);
				if (about && rm_years_in(lines[i], &t->first_year, &t->last_year))
					t->years_from = RM_FROM_PREAMBLE;
			}
		}
		if (t->years_from == RM_FROM_NONE && deadline_years(t, &t->first_year, &t->last_year))
			t->years_from = RM_FROM_DEADLINES;
	}
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}
