/* Free Russian deadline text → a date window and a recurrence.
 *
 * The text is folded (lower case, ё → е), cut into tokens (numbers, words,
 * dashes of every kind, dots, slashes, commas), and read as a row of date
 * "atoms" (a day, a month or a span of months, a year, a range of years, a
 * school year), each perhaps led by «с», «до», «по», «не позднее».  The
 * window is the span of all atoms.  Anything else in the cell (who, how,
 * «по плану ОУ») is ignored.
 *
 * Decisions where the contract is silent:
 * - A missing year is taken from the nearest date to the right that has one
 *   («Февраль, апрель 2022», «18-19 февраля 2022», «01.01-01.03.2022»), else
 *   to the left («декабрь 2022 – январь»), else it is the roadmap's first year.
 *   A range that runs backwards («сентябрь-май», «01.12-01.02.2023») crosses
 *   into the next year; a list («май, сентябрь») is the span from its
 *   earliest to its latest date and never wraps.
 * - A roadmap over two years running (2022-2023) is over a school year: it
 *   runs from 1 September of the first to 31 August of the second, and a
 *   date without any year in the text is in the first year from September
 *   to December, in the second from January to August, once («март» is
 *   March 2023; «сентябрь-май» the school year's September to May).
 * - In a roadmap of three years or more, a date without any year in the
 *   text («март», «до 20 июня», «I квартал») is that date in the first
 *   year, recurring yearly: a plan for 2020-2022 saying «март» means every
 *   March.  In a one-year roadmap it is simply once.  The same when the
 *   only year given is a range: «март, 2020-2022 гг.» is March 2020, yearly.
 * - «до X»: the window starts on the roadmap's first day (or is the one day
 *   X when X is earlier: «до 2020 года» in a 2020 roadmap is 2019-12-31).  With a day («до 01.11.2023», «до 20 июня») X itself is the
 *   last day, as deadlines are read; with a month, quarter or year it is the
 *   day before it: «до апреля 2020» ends 2020-03-31, «до 2023 года» ends
 *   2022-12-31.  «до конца X», «не позднее X», «не позже X», «по X» end on X's
 *   last day; «к X» reads as «до X».
 * - «с X» without an end runs to the roadmap's last day; «после X» the same,
 *   from the day after X.
 * - «в течение (учебного) года», «весь период», «в течение всего периода»,
 *   «постоянно», «систематически», «регулярно»: the whole roadmap period,
 *   once — in a roadmap of several years too («в течение года» there is
 *   work that runs throughout, not a yearly event).  When the cell also
 *   names dates, the dates win.
 * - Recurrence from «ежегодно», «ежеквартально», «ежемесячно», «ежеполугодно»,
 *   «каждый год / каждую четверть …», «по четвертям», «N раз(а) в год /
 *   квартал / месяц», «дважды в год»; alone they cover the whole period.
 *   When a cell names several, the most frequent wins («ежегодно 2 раза в
 *   год» is twice a year, «ежегодно …, ежеквартально» quarterly).  A
 *   frequency between two named ones is rounded down, so that nothing is
 *   overdue earlier than the text says: 3 times a year is twice a year,
 *   weekly and daily are monthly, «1 раз в 3 года» is no recurrence.
 * - A recurrence together with a date («ежегодно до 1 марта») keeps the date
 *   as the window of the first occurrence.  A frequency the text states
 *   replaces the yearly recurrence of a yearless date.
 * - A range of years («2020-2022 годы», «2017-2020 годы») is cut to the
 *   roadmap's years when the two overlap: it restates the programme's
 *   period, and an activity cannot run outside its roadmap.  Dates that are
 *   given exactly are kept as written, even outside the roadmap.
 * - A school year («2023/2024», «2023/24», «2022-2023 учебный год») runs from
 *   1 September to 31 August, the school year of the education law: the
 *   summer's ГИА retakes fall inside it.  Months and terms named with it
 *   fall in its first year from September, else in its second.
 * - «I полугодие» is January–June, «II полугодие» July–December; with a
 *   school year they are September–December and January–May.  Quarters are
 *   calendar quarters; «четверть» is a school term: I Sep–Oct, II Nov–Dec,
 *   III Jan–Mar, IV Apr–May.  Seasons: весна Mar–May, лето Jun–Aug, осень
 *   Sep–Nov.  «начало года» is January, «конец года» December; «конец
 *   учебного года» May, «начало учебного года» September.
 * - An impossible day is cut to the month's last («31 июня» → 30 June);
 *   a day past 31 or a month past 12 is not a date.
 * - Without roadmap years (first_year ≤ 0) only text that names its years
 *   gives a window; last_year before first_year is taken as first_year.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "day.h"
#include "deadline.h"
#include "utf8.h"

enum { T_NUM, T_WORD, T_DASH, T_DOT, T_SLASH, T_COMMA, T_OTHER, T_GAP, T_END };

typedef struct tok {
	int type;
	const char *s;	/* into the folded text */
	size_t len;
	long num;
	int ndig;
	int ord;	/* a number written as an ordinal: «1-й», «2-е» */
} tok;

enum { A_DAY, A_MONTHS, A_YEAR, A_YEARS, A_SCHOOL };
enum { M_PLAIN, M_FROM, M_AFTER, M_UNTIL, M_UNTIL_INCL };
enum { Y_TEXT, Y_RIGHT, Y_LEFT, Y_ROADMAP };
enum { P_NONE, P_HALF, P_TERM };

typedef struct atom {
	int kind;
	int y, y2;		/* y2: the end's year where it differs */
	int m1, m2, d;		/* m1 = 0: a day whose month comes later («18-19 февраля») */
	int period, idx;	/* a half-year or term: its months depend on a school year */
	int yfrom;
	int mode, incl, range, dead, source;
	size_t first, last;	/* tokens it was read from */
	long start, end;
} atom;

typedef struct parse {
	tok *t;
	size_t n;
} parse;

static const tok end_tok = { .type = T_END };

static const tok *at(const parse *p, size_t i)
{
	return i < p->n ? &p->t[i] : &end_tok;
}

static int weq(const tok *t, const char *w)
{
	return t->type == T_WORD && t->len == strlen(w) && memcmp(t->s, w, t->len) == 0;
}

static int wpre(const tok *t, const char *w)
{
	size_t l = strlen(w);
	return t->type == T_WORD && t->len >= l && memcmp(t->s, w, l) == 0;
}

static int wany(const tok *t, const char *const *set)
{
	for (; *set; set++)
		if (weq(t, *set))
			return 1;
	return 0;
}

/* ---- tokens ---- */

static int is_space_cp(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
	       (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

static int is_dash_cp(uint32_t c)
{
	return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63 ||
	       c == 0xFF0D;
}

static int is_letter_cp(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0x400 && c <= 0x4FF);
}

/* «1-й», «2-е», «3-го» are the number. */
static int ordinal_suffix(const tok *w)
{
	static const char *const suf[] = { "й", "я", "е", "ой", "ое", "ая", "ий", "го", "ого", "ом", "ую", "ым", NULL };
	return wany(w, suf);
}

static tok *tokenize(const char *f, size_t n, size_t *ntok)
{
	tok *t = xmalloc((n + 1) * sizeof *t);
	size_t k = 0, i = 0;
	while (i < n) {
		uint32_t c;
		size_t len = utf8_decode(f + i, n - i, &c);
		if (len == 0) {
			t[k++] = (tok){ .type = T_OTHER, .s = f + i, .len = 1 };
			i++;
			continue;
		}
		if (c >= '0' && c <= '9') {
			size_t j = i;
			long v = 0;
			while (j < n && f[j] >= '0' && f[j] <= '9') {
				if (v < 1000000)
					v = v * 10 + (f[j] - '0');
				j++;
			}
			t[k++] = (tok){ .type = T_NUM, .s = f + i, .len = j - i, .num = v, .ndig = (int)(j - i) };
			i = j;
			continue;
		}
		if (is_letter_cp(c)) {
			size_t j = i + len;
			while (j < n) {
				size_t l = utf8_decode(f + j, n - j, &c);
				if (l == 0 || !is_letter_cp(c))
					break;
				j += l;
			}
			t[k++] = (tok){ .type = T_WORD, .s = f + i, .len = j - i };
			i = j;
			if (k >= 3 && t[k - 2].type == T_DASH && t[k - 3].type == T_NUM && ordinal_suffix(&t[k - 1])) {
				k -= 2;
				t[k - 1].ord = 1;
			}
			continue;
		}
		int type = T_OTHER;
		if (is_space_cp(c)) {
			i += len;
			continue;
		} else if (is_dash_cp(c)) {
			type = T_DASH;
		} else if (c == '.') {
			type = T_DOT;
		} else if (c == '/' || c == '\\') {
			type = T_SLASH;
		} else if (c == ',' || c == ';') {
			type = T_COMMA;
		}
		t[k++] = (tok){ .type = type, .s = f + i, .len = len };
		i += len;
	}
	*ntok = k;
	return t;
}

/* ---- words ---- */

static int month_of(const tok *t)
{
	static const char *const names[] = { "январь", "февраль", "март", "апрель", "май", "июнь", "июль",
					     "август", "сентябрь", "октябрь", "ноябрь", "декабрь" };
	static const char *const stems[] = { "январ", "феврал", "март", "апрел", NULL, "июн", "июл",
					     "август", "сентябр", "октябр", "ноябр", "декабр" };
	static const char *const may[] = { "май", "мая", "мае", "маю", "маем", NULL };
	if (t->type != T_WORD)
		return 0;
	if (wany(t, may))
		return 5;
	for (int m = 0; m < 12; m++) {
		if (stems[m] && wpre(t, stems[m]))
			return m + 1;
		/* Abbreviations: «янв.», «февр.», «сент.» — three letters at least. */
		if (t->len >= 6 && t->len <= strlen(names[m]) && memcmp(t->s, names[m], t->len) == 0 && m != 4)
			return m + 1;
	}
	return 0;
}

/* I, II, III, IV (Latin, or Cyrillic І as typed on Ukrainian layouts). */
static int roman_of(const tok *t)
{
	if (t->type != T_WORD || t->len > 8)
		return 0;
	char b[9];
	size_t k = 0;
	for (size_t i = 0; i < t->len; i++) {
		if (t->s[i] == 'i' || t->s[i] == 'v' || t->s[i] == 'x')
			b[k++] = t->s[i];
		else if (i + 1 < t->len && (unsigned char)t->s[i] == 0xD1 && (unsigned char)t->s[i + 1] == 0x96)
			b[k++] = 'i', i++;	/* і */
		else
			return 0;
	}
	b[k] = '\0';
	static const char *const r[] = { "i", "ii", "iii", "iv" };
	for (int i = 0; i < 4; i++)
		if (strcmp(b, r[i]) == 0)
			return i + 1;
	return 0;
}

static int is_term_noun(const tok *t)
{
	static const char *const w[] = { "четверть", "четверти", "четвертью", "четвертей", "четвертям",
					 "четвертями", "четвертях", NULL };
	return wany(t, w);
}

static int ordinal_of(const tok *t)
{
	if (t->type == T_NUM)
		return t->ndig == 1 && t->num >= 1 && t->num <= 4 ? (int)t->num : 0;
	int r = roman_of(t);
	if (r)
		return r;
	if (wpre(t, "перв"))
		return 1;
	if (wpre(t, "втор"))
		return 2;
	if (wpre(t, "трет"))
		return 3;
	if (wpre(t, "четверт") && !is_term_noun(t))
		return 4;
	return 0;
}

/* Quarter, half-year or school term named by a noun; 0 if none. */
enum { N_QUARTER = 1, N_HALF, N_TERM };

static int period_noun(const tok *t)
{
	if (wpre(t, "квартал") || weq(t, "кв"))
		return N_QUARTER;
	if (wpre(t, "полугод"))
		return N_HALF;
	if (is_term_noun(t))
		return N_TERM;
	return 0;
}

static int is_year_num(const tok *t)
{
	return t->type == T_NUM && t->ndig == 4 && t->num >= 1900 && t->num <= 2199;
}

static int is_yearword(const tok *t)
{
	static const char *const w[] = { "г", "гг", "год", "года", "годы", "году", "годов", "годах", NULL };
	return wany(t, w) || t->type == T_DOT;
}

static size_t skip_yearwords(const parse *p, size_t i)
{
	while (is_yearword(at(p, i)))
		i++;
	return i;
}

/* ---- dates ---- */

/* y, m, d as a day, d cut to the month's last («31 апреля» is its 30th). */
static long ymd(int y, int m, int d)
{
	int last = day_days_in_month(y, m);
	return (long)y * 10000 + m * 100 + (d > last ? last : d);
}


/* ---- recurrence ---- */

/* How many times a year a unit word comes round; 0 if it is no unit. */
static int per_year(const tok *t)
{
	if (wpre(t, "год") || weq(t, "лет"))
		return 1;
	if (wpre(t, "полугод") || wpre(t, "полгод"))
		return 2;
	if (wpre(t, "квартал") || is_term_noun(t))
		return 4;
	if (wpre(t, "месяц"))
		return 12;
	if (wpre(t, "недел"))
		return 52;
	if (weq(t, "день") || weq(t, "дня") || weq(t, "сутки"))
		return 365;
	return 0;
}

static int count_word(const tok *t)
{
	static const char *const w[] = { "один", "два", "три", "четыре", "пять", "шесть", NULL };
	static const char *const w2[] = { "одна", "две", NULL };
	if (t->type == T_NUM && !t->ord && t->ndig <= 3)
		return (int)t->num;
	for (int i = 0; w[i]; i++)
		if (weq(t, w[i]))
			return i + 1;
	for (int i = 0; w2[i]; i++)
		if (weq(t, w2[i]))
			return i + 1;
	return 0;
}

static void gap(parse *p, size_t i)
{
	if (i < p->n)
		p->t[i].type = T_GAP;
}

/* Times a year (times ×1000, to keep «1 раз в 3 года» whole) the text asks
 * for, most frequent first; the words read are turned into gaps so that
 * «2 раза» is not taken for a day. */
static long scan_recurrence(parse *p)
{
	long best = 0;
	for (size_t i = 0; i < p->n; i++) {
		const tok *t = &p->t[i];
		long f = 0;
		if (wpre(t, "ежегод"))
			f = 1000;
		else if (wpre(t, "ежеполугод"))
			f = 2000;
		else if (wpre(t, "ежекварт") || wpre(t, "ежечетверт"))
			f = 4000;
		else if (wpre(t, "ежемесяч"))
			f = 12000;
		else if (wpre(t, "еженедел"))
			f = 52000;
		else if (wpre(t, "ежедневн"))
			f = 365000;
		if (f) {
			gap(p, i);
		} else if (wpre(t, "кажд")) {
			size_t j = i + 1;
			if (wpre(at(p, j), "учебн") || wpre(at(p, j), "календарн"))
				j++;
			if (!per_year(at(p, j)))
				continue;
			f = 1000L * per_year(at(p, j));
			for (size_t k = i; k <= j; k++)
				gap(p, k);
		} else if (weq(t, "по") && at(p, i + 1)->type == T_WORD &&
			   (wpre(at(p, i + 1), "четвертям") || wpre(at(p, i + 1), "кварталам") ||
			    wpre(at(p, i + 1), "полугодиям") || wpre(at(p, i + 1), "месяцам"))) {
			f = 1000L * per_year(at(p, i + 1));
			gap(p, i), gap(p, i + 1);
		} else if (weq(t, "раз") || weq(t, "раза") || weq(t, "дважды") || weq(t, "трижды")) {
			long times = weq(t, "дважды") ? 2 : weq(t, "трижды") ? 3 : 1;
			size_t from = i;
			if (times == 1 && i > 0 && count_word(&p->t[i - 1])) {
				from = i - 1;
				times = count_word(&p->t[i - 1]);
				/* «1-2 раза»: the lower count is the promise. */
				if (i > 2 && p->t[i - 2].type == T_DASH && count_word(&p->t[i - 3])) {
					from = i - 3;
					if (count_word(&p->t[i - 3]) < times)
						times = count_word(&p->t[i - 3]);
				}
			}
			size_t j = i + 1;
			if (!weq(at(p, j), "в"))
				continue;
			j++;
			long every = 1;
			if (count_word(at(p, j)) && per_year(at(p, j + 1))) {
				every = count_word(at(p, j));
				j++;
			}
			int u = per_year(at(p, j));
			if (!u || every <= 0)
				continue;
			f = times * u * 1000L / every;
			for (size_t k = from; k <= j; k++)
				gap(p, k);
		}
		if (f > best)
			best = f;
	}
	return best;
}

static enum deadline_recur recur_of(long f)
{
	if (f >= 12000)
		return DL_MONTHLY;
	if (f >= 4000)
		return DL_QUARTERLY;
	if (f >= 2000)
		return DL_TWICE_A_YEAR;
	if (f >= 1000)
		return DL_YEARLY;
	return DL_ONCE;
}

/* «весь период», «в течение (учебного) года», «постоянно» … */
static int says_whole_period(const parse *p)
{
	static const char *const all[] = { "весь", "всего", "вся", "всей", "всем", NULL };
	static const char *const during[] = { "течение", "протяжении", "продолжении", NULL };
	static const char *const kind[] = { "учебного", "учебный", "календарного", "календарный", "текущего",
					    "текущий", "всего", "отчетного", NULL };
	static const char *const always[] = { "постоянно", "систематически", "регулярно", "круглогодично", NULL };
	for (size_t i = 0; i < p->n; i++) {
		const tok *t = &p->t[i], *n1 = at(p, i + 1), *n2 = at(p, i + 2);
		if (wany(t, always))
			return 1;
		if (wany(t, all) && (wpre(n1, "период") || wpre(n1, "срок") || wpre(n1, "год") ||
				     (wpre(n1, "учебн") && wpre(n2, "год"))))
			return 1;
		if (wany(t, during) && (wpre(n1, "год") || wpre(n1, "период") || wpre(n1, "срок") ||
					wpre(n1, "реализац") || (wany(n1, kind) && (wpre(n2, "год") ||
										     wpre(n2, "период") ||
										     wpre(n2, "срок")))))
			return 1;
		if ((wpre(t, "период") || wpre(t, "срок")) && (wpre(n1, "реализац") || wpre(n1, "действ")))
			return 1;
	}
	return 0;
}

/* ---- atoms ---- */

/* A year right after a date, unless it opens a range of years
 * («март 2020-2022 гг.» names March in each of them). */
static size_t trailing_year(const parse *p, size_t i, atom *a)
{
	if (!is_year_num(at(p, i)))
		return i;
	size_t j = skip_yearwords(p, i + 1);
	const tok *sep = at(p, j), *nx = at(p, j + 1);
	if ((sep->type == T_DASH || sep->type == T_SLASH) && nx->type == T_NUM && (nx->ndig == 2 || nx->ndig == 4) &&
	    at(p, j + 2)->type != T_DOT)
		return i;
	a->y = (int)at(p, i)->num;
	a->yfrom = Y_TEXT;
	return i + 1;
}

static int day_num(const tok *t)
{
	return t->type == T_NUM && t->ndig <= 2 && t->num >= 1 && t->num <= 31;
}

static int month_num(const tok *t)
{
	return t->type == T_NUM && t->ndig <= 2 && t->num >= 1 && t->num <= 12;
}

/* «23» in «2023/24», «16.02.22» */
static int short_year(const tok *t)
{
	return t->type == T_NUM && t->ndig == 2;
}

static int numeric_date_at(const parse *p, size_t i)
{
	return day_num(at(p, i)) && at(p, i + 1)->type == T_DOT && month_num(at(p, i + 2));
}

/* A bare day that a month further on completes: «18-19 февраля»,
 * «с 1 по 15 мая», «18-19.02.2022». */
static int is_day(const parse *p, size_t i, int depth)
{
	if (!day_num(at(p, i)) || depth > 16)
		return 0;
	const tok *n = at(p, i + 1);
	if (month_of(n))
		return 1;
	if (n->type == T_DASH || n->type == T_COMMA || weq(n, "и") || weq(n, "по") || weq(n, "до"))
		return numeric_date_at(p, i + 2) || is_day(p, i + 2, depth + 1);
	return 0;
}

static void months(atom *a, int m1, int m2)
{
	a->kind = A_MONTHS;
	a->m1 = m1, a->m2 = m2;
}

static void period_months(atom *a, int noun, int i1, int i2)
{
	static const int term[5][2] = { { 0, 0 }, { 9, 10 }, { 11, 12 }, { 1, 3 }, { 4, 5 } };
	if (noun == N_QUARTER) {
		months(a, 3 * i1 - 2, 3 * i2);
	} else if (noun == N_HALF) {
		months(a, 6 * i1 - 5, 6 * i2);
		a->period = P_HALF;
	} else {
		months(a, term[i1][0], term[i2][1]);
		a->period = P_TERM;
	}
	a->idx = i1 * 10 + i2;
}

/* One atom at token i: the index past it, or i when none starts there. */
static size_t read_atom(const parse *p, size_t i, atom *a)
{
	const tok *t = at(p, i);
	memset(a, 0, sizeof *a);
	a->yfrom = -1;

	/* 2022-02-16 */
	if (is_year_num(t) && at(p, i + 1)->type == T_DASH && month_num(at(p, i + 2)) && at(p, i + 3)->type == T_DASH &&
	    day_num(at(p, i + 4))) {
		a->kind = A_DAY;
		a->y = (int)t->num, a->yfrom = Y_TEXT;
		a->m1 = a->m2 = (int)at(p, i + 2)->num;
		a->d = (int)at(p, i + 4)->num;
		return i + 5;
	}
	/* 16.02.2022, 16.02.22, 16.02 */
	if (numeric_date_at(p, i)) {
		a->kind = A_DAY;
		a->d = (int)t->num;
		a->m1 = a->m2 = (int)at(p, i + 2)->num;
		const tok *y = at(p, i + 4);
		if (at(p, i + 3)->type == T_DOT && (is_year_num(y) || short_year(y))) {
			a->y = y->ndig == 2 ? 2000 + (int)y->num : (int)y->num;
			a->yfrom = Y_TEXT;
			return i + 5;
		}
		return i + 3;
	}
	/* 2022, 2020-2022, 2023/2024, 2023/24, 2022-2023 учебный год */
	if (is_year_num(t)) {
		a->kind = A_YEAR;
		a->y = (int)t->num, a->yfrom = Y_TEXT;
		size_t j = skip_yearwords(p, i + 1);
		const tok *sep = at(p, j), *y2 = at(p, j + 1);
		if ((sep->type == T_DASH || sep->type == T_SLASH) && (is_year_num(y2) || short_year(y2))) {
			int e = y2->ndig == 2 ? a->y / 100 * 100 + (int)y2->num : (int)y2->num;
			if (e > a->y) {
				size_t k = j + 2;
				while (at(p, k)->type == T_DOT)
					k++;
				int school = e == a->y + 1 && (sep->type == T_SLASH || wpre(at(p, k), "уч"));
				a->kind = school ? A_SCHOOL : A_YEARS;
				a->y2 = e;
				return j + 2;
			}
		}
		return i + 1;
	}
	/* 18 февраля 2022; 18 (-19 февраля) */
	if (is_day(p, i, 0)) {
		a->kind = A_DAY;
		a->d = (int)t->num;
		int m = month_of(at(p, i + 1));
		if (!m)
			return i + 1;
		a->m1 = a->m2 = m;
		return trailing_year(p, i + 2, a);
	}
	/* Март 2022 */
	int m = month_of(t);
	if (m) {
		months(a, m, m);
		return trailing_year(p, i + 1, a);
	}
	/* I квартал 2022, 1 полугодие, 1-2 кв., III четверть */
	int o = ordinal_of(t);
	if (o) {
		int noun = period_noun(at(p, i + 1)), o2 = o;
		size_t j = i + 2;
		if (!noun && at(p, i + 1)->type == T_DASH && ordinal_of(at(p, i + 2)) >= o) {
			o2 = ordinal_of(at(p, i + 2));
			noun = period_noun(at(p, i + 3));
			j = i + 4;
		}
		int most = noun == N_HALF ? 2 : 4;
		if (noun && o2 <= most) {
			period_months(a, noun, o, o2);
			while (at(p, j)->type == T_DOT)
				j++;
			return trailing_year(p, j, a);
		}
	}
	/* весна, лето, осень */
	if (wpre(t, "весн") || wpre(t, "весен"))
		months(a, 3, 5);
	else if (weq(t, "лето") || weq(t, "летом") || weq(t, "лета") || wpre(t, "летн"))
		months(a, 6, 8);
	else if (wpre(t, "осен"))
		months(a, 9, 11);
	if (a->kind == A_MONTHS)
		return trailing_year(p, i + 1, a);
	/* начало / конец (учебного) (2022) года */
	static const char *const ends[] = { "конец", "конце", "конца", "концу", "окончание", "окончании", "окончания",
					    "окончанию", NULL };
	static const char *const starts[] = { "начало", "начале", "начала", "началу", NULL };
	int is_end = wany(t, ends);
	if (is_end || wany(t, starts)) {
		size_t j = i + 1;
		int school = 0;
		if (wpre(at(p, j), "учебн") || weq(at(p, j), "уч")) {
			school = 1;
			j++;
			while (at(p, j)->type == T_DOT)
				j++;
		}
		int y = 0;
		if (is_year_num(at(p, j)))
			y = (int)at(p, j++)->num;
		if (wpre(at(p, j), "год") || weq(at(p, j), "г")) {
			m = is_end ? (school ? 5 : 12) : (school ? 9 : 1);
			months(a, m, m);
			a->incl = is_end;
			if (y)
				a->y = y, a->yfrom = Y_TEXT;
			return j + 1;
		}
	}
	return i;
}

/* «до», «с», «не позднее» … right before the atom. */
static void read_mode(const parse *p, size_t first, atom *a)
{
	static const char *const ends[] = { "конца", "окончания", "конец", "концу", "окончанию", NULL };
	if (first == 0)
		return;
	size_t k = first - 1;
	if (wany(at(p, k), ends) && k > 0) {
		a->incl = 1;
		k--;
	}
	const tok *t = at(p, k);
	if (weq(t, "до") || weq(t, "к") || weq(t, "ко"))
		a->mode = a->incl ? M_UNTIL_INCL : M_UNTIL;
	else if (weq(t, "по") || weq(t, "позднее") || weq(t, "позже"))
		a->mode = M_UNTIL_INCL;
	else if (weq(t, "с") || weq(t, "со"))
		a->mode = M_FROM;
	else if (weq(t, "после"))
		a->mode = M_AFTER;
}

static void set_window(atom *a)
{
	switch (a->kind) {
	case A_DAY:
		a->start = a->end = ymd(a->y, a->m1, a->d);
		break;
	case A_MONTHS:
		a->start = ymd(a->y, a->m1, 1);
		a->end = ymd(a->y2 ? a->y2 : a->y, a->m2, 31);
		break;
	case A_YEAR:
		a->start = ymd(a->y, 1, 1);
		a->end = ymd(a->y, 12, 31);
		break;
	case A_YEARS:
		a->start = ymd(a->y, 1, 1);
		a->end = ymd(a->y2, 12, 31);
		break;
	case A_SCHOOL:
		a->start = ymd(a->y, 9, 1);
		a->end = ymd(a->y2, 8, 31);
		break;
	}
}

/* Gives a yearless atom the year of src (a date or a year named in the text). */
static void take_year(atom *a, atom *src, int *yearly)
{
	switch (src->kind) {
	case A_DAY:
	case A_MONTHS:
		a->y = src->y;
		return;
	case A_YEAR:
		a->y = src->y;
		break;
	case A_YEARS:
		a->y = src->y;
		if (src->y2 > src->y)
			*yearly = 1;
		break;
	case A_SCHOOL:
		if (a->period == P_HALF)
			months(a, a->idx / 10 == 1 ? 9 : 1, a->idx % 10 == 1 ? 12 : 5);
		a->y = a->m1 >= 9 ? src->y : src->y2;
		if (a->m1 >= 9 && a->m2 < 9)	/* «I-II полугодие»: autumn to spring */
			a->y2 = src->y2;
		break;
	}
	src->source = 1;
}

int deadline_school_year(int first_year, int last_year)
{
	return first_year > 0 && last_year == first_year + 1;
}

void deadline_period(int first_year, int last_year, long *from, long *to)
{
	if (first_year <= 0) {
		*from = *to = 0;
		return;
	}
	if (last_year < first_year)
		last_year = first_year;
	int school = deadline_school_year(first_year, last_year);
	*from = ymd(first_year, school ? 9 : 1, 1);
	*to = ymd(last_year, school ? 8 : 12, 31);
}

static long period_start(int first, int last)
{
	long from, to;
	deadline_period(first, last, &from, &to);
	return from;
}

static long period_end(int first, int last)
{
	long from, to;
	deadline_period(first, last, &from, &to);
	return to;
}

void deadline_parse(const char *text, int first_year, int last_year, deadline *out)
{
	out->start = out->end = 0;
	out->recur = DL_ONCE;
	if (!text)
		return;
	if (first_year <= 0)
		first_year = last_year = 0;
	else if (last_year < first_year)
		last_year = first_year;

	char *f = utf8_fold(text, strlen(text));
	parse p;
	p.t = tokenize(f, strlen(f), &p.n);
	long freq = scan_recurrence(&p);
	int whole = says_whole_period(&p);

	atom *a = xmalloc((p.n + 1) * sizeof *a);
	size_t na = 0;
	for (size_t i = 0; i < p.n;) {
		size_t next = read_atom(&p, i, &a[na]);
		if (next == i) {
			i++;
			continue;
		}
		atom *x = &a[na];
		x->first = i, x->last = next - 1;
		read_mode(&p, i, x);
		if (na > 0) {
			for (size_t k = a[na - 1].last + 1; k < i; k++)
				if (p.t[k].type == T_DASH)
					x->range = 1;
			int opened = a[na - 1].mode == M_FROM || a[na - 1].mode == M_AFTER;
			if (opened && (x->mode == M_UNTIL || x->mode == M_UNTIL_INCL))
				x->range = 1;
		}
		na++;
		i = next;
	}

	/* A bare day takes the month of the next day that has one. */
	for (size_t i = 0; i < na; i++) {
		if (a[i].kind != A_DAY || a[i].m1)
			continue;
		a[i].dead = 1;
		for (size_t j = i + 1; j < na && a[i].dead; j++)
			if (a[j].kind == A_DAY && a[j].m1) {
				a[i].m1 = a[i].m2 = a[j].m1;
				a[i].dead = 0;
			}
	}

	/* Years: the text's nearest, else the roadmap's. */
	int yearly = 0;
	for (size_t i = 0; i < na; i++) {
		atom *x = &a[i];
		if (x->dead || x->yfrom == Y_TEXT)
			continue;
		atom *src = NULL;
		for (size_t j = i + 1; j < na && !src; j++)
			if (!a[j].dead && a[j].yfrom == Y_TEXT)
				src = &a[j], x->yfrom = Y_RIGHT;
		for (size_t j = i; j-- > 0 && !src;)
			if (!a[j].dead && a[j].yfrom == Y_TEXT)
				src = &a[j], x->yfrom = Y_LEFT;
		if (src) {
			if (src->kind == A_YEARS && first_year > 0 && src->y < first_year && src->y2 >= first_year)
				src->y = first_year;	/* as the range is cut below */
			take_year(x, src, &yearly);
		} else if (deadline_school_year(first_year, last_year)) {
			atom school = { .kind = A_SCHOOL, .y = first_year, .y2 = last_year };
			take_year(x, &school, &yearly);
			x->yfrom = Y_ROADMAP;
		} else if (first_year > 0) {
			x->y = first_year;
			x->yfrom = Y_ROADMAP;
			if (last_year > first_year)
				yearly = 1;
		} else {
			x->dead = 1;
		}
	}

	/* A range that runs backwards crosses a new year. */
	for (size_t i = 1; i < na; i++) {
		atom *x = &a[i - 1], *y = &a[i];
		if (!y->range || x->dead || y->dead || x->kind > A_MONTHS || y->kind > A_MONTHS)
			continue;
		long xs = (long)x->m1 * 100 + (x->kind == A_DAY ? x->d : 1);
		long ys = (long)y->m1 * 100 + (y->kind == A_DAY ? y->d : 1);
		if (x->y == y->y && xs > ys) {
			if (x->yfrom == Y_RIGHT)
				x->y--;
			else if (y->yfrom != Y_TEXT)
				y->y++;
		}
	}

	long start = 0, end = 0;
	int any = 0;
	for (size_t i = 0; i < na; i++) {
		atom *x = &a[i];
		if (x->dead || x->source)
			continue;
		if (x->kind == A_YEARS && first_year > 0 && x->y <= last_year && x->y2 >= first_year) {
			if (x->y < first_year)
				x->y = first_year;
			if (x->y2 > last_year)
				x->y2 = last_year;
		}
		set_window(x);
		long s = 0, e = 0;
		switch (x->mode) {
		case M_PLAIN:
			s = x->start, e = x->end;
			break;
		case M_FROM:
			s = x->start;
			break;
		case M_AFTER:
			s = day_add(x->end, 1);
			break;
		case M_UNTIL:
			e = x->kind == A_DAY || x->incl ? x->end : day_add(x->start, -1);
			break;
		case M_UNTIL_INCL:
			e = x->end;
			break;
		}
		if (s && (!start || s < start))
			start = s;
		if (e > end)
			end = e;
		any = 1;
	}

	if (any) {
		if (!start) {
			start = period_start(first_year, last_year);
			if (!start || start > end)
				start = end;
		}
		if (!end) {
			end = period_end(first_year, last_year);
			if (!end || end < start)
				end = ymd((int)(start / 10000), 12, 31);
		}
		if (start > end) {
			long t = start;
			start = end, end = t;
		}
		out->start = start, out->end = end;
		out->recur = freq ? recur_of(freq) : yearly ? DL_YEARLY : DL_ONCE;
	} else if ((whole || recur_of(freq) != DL_ONCE) && first_year > 0) {
		out->start = period_start(first_year, last_year);
		out->end = period_end(first_year, last_year);
		out->recur = recur_of(freq);
	}
	free(a);
	free(p.t);
	free(f);
}

const char *deadline_recur_name(enum deadline_recur r)
{
	switch (r) {
	case DL_YEARLY:
		return "yearly";
	case DL_TWICE_A_YEAR:
		return "twice_a_year";
	case DL_QUARTERLY:
		return "quarterly";
	case DL_MONTHLY:
		return "monthly";
	case DL_ONCE:
		break;
	}
	return "";
}
