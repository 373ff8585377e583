#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common.h"
#include "day.h"

/* ORIENTIR_TODAY as a day, or 0 when unset or not a day. */
static long env_today(void)
{
	const char *e = getenv("ORIENTIR_TODAY");
	long ymd;
	if (!e || !*e || strlen(e) != 10 || e[4] != '-' || day_parse(e, &ymd) != 0)
		return 0;
	return ymd;
}

int day_check_env(void)
{
	const char *e = getenv("ORIENTIR_TODAY");
	return !e || !*e || env_today() ? 0 : -1;
}

static struct tm local_now(void)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	return tm;
}

long day_today(void)
{
	long fixed = env_today();
	if (fixed)
		return fixed;
	struct tm tm = local_now();
	return (tm.tm_year + 1900) * 10000L + (tm.tm_mon + 1) * 100L + tm.tm_mday;
}

char *day_now_iso(void)
{
	long d = day_today();
	struct tm tm = local_now();
	return xasprintf("%04ld-%02ld-%02ldT%02d:%02d:%02d", d / 10000, d / 100 % 100, d % 100, tm.tm_hour, tm.tm_min,
			 tm.tm_sec);
}

int day_days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))
		return 29;
	return days[month - 1];
}

long day_make(int year, int month, int day)
{
	if (year < 1900 || year > 2200 || day < 1 || day > day_days_in_month(year, month))
		return 0;
	return year * 10000L + month * 100L + day;
}

/* Up to max digits at p into *v: the end of them, or NULL for none. */
static const char *digits(const char *p, int max, int *v)
{
	int n = 0;
	*v = 0;
	while (n < max && *p >= '0' && *p <= '9')
		*v = *v * 10 + (*p++ - '0'), n++;
	return n ? p : NULL;
}

int day_parse(const char *text, long *ymd)
{
	const char *p = text, *q;
	int a, b, c;
	while (*p == ' ' || *p == '\t')
		p++;
	long day = 0;
	if ((q = digits(p, 4, &a)) && q - p == 4 && *q == '-' && (q = digits(q + 1, 2, &b)) && *q == '-' &&
	    (q = digits(q + 1, 2, &c)))
		day = day_make(a, b, c);
	else if ((q = digits(p, 2, &a)) && *q == '.' && (q = digits(q + 1, 2, &b)) && *q == '.' &&
		 (p = q + 1, q = digits(p, 4, &c)) && q - p == 4)
		day = day_make(c, b, a);
	while (q && (*q == ' ' || *q == '\t'))
		q++;
	if (!day || !q || *q)
		return -1;
	*ymd = day;
	return 0;
}

char *day_text(long ymd)
{
	return ymd ? xasprintf("%02ld.%02ld.%04ld", ymd % 100, ymd / 100 % 100, ymd / 10000) : xstrdup("");
}

char *day_text_of(const char *stored)
{
	long ymd;
	char head[11];
	snprintf(head, sizeof head, "%s", stored ? stored : "");
	if (strlen(head) == 10 && day_parse(head, &ymd) == 0 && (!stored[10] || stored[10] == 'T' || stored[10] == ' '))
		return day_text(ymd);
	return xstrdup(stored ? stored : "");
}

char *day_iso(long ymd)
{
	return ymd ? xasprintf("%04ld-%02ld-%02ld", ymd / 10000, ymd / 100 % 100, ymd % 100) : xstrdup("");
}

/* Days since 1 March of year 0 of the proleptic Gregorian calendar, and
 * back: counting years from March puts the leap day at a year's end. Every
 * day here is after year 0, so plain division is enough. */
static long serial(long ymd)
{
	long y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
	if (m < 3)
		y--;
	long mp = (m + 9) % 12;		/* months since March */
	return 365 * y + y / 4 - y / 100 + y / 400 + (153 * mp + 2) / 5 + d - 1;
}

static long from_serial(long n)
{
	long era = n / 146097, doe = n - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9, y = yoe + era * 400 + (m <= 2);
	return y * 10000 + m * 100 + d;
}

long day_add(long ymd, long n)
{
	return from_serial(serial(ymd) + n);
}

long day_diff(long a, long b)
{
	return serial(b) - serial(a);
}

int half_parse(const char *code, int *year, int *half)
{
	int y, h;
	char c, extra;
	if (!code || strlen(code) != 7 || sscanf(code, "%4d-%c%d%c", &y, &c, &h, &extra) != 3 || (c != 'H' && c != 'h') ||
	    (h != 1 && h != 2) || y < 2000 || y > 2100)
		return -1;
	*year = y;
	*half = h;
	return 0;
}

char *half_code(int year, int half)
{
	return xasprintf("%d-H%d", year, half);
}

char *half_text(int year, int half)
{
	/* TRANSLATORS: the first half-year on screen: «I полугодие 2026». */
	return half == 1 ? xasprintf(_("1st half-year %d"), year)
			 /* TRANSLATORS: «II полугодие 2026». */
			 : xasprintf(_("2nd half-year %d"), year);
}

char *half_text_of(const char *code)
{
	int year, half;
	return half_parse(code, &year, &half) == 0 ? half_text(year, half) : xstrdup(code ? code : "");
}

char *half_step(const char *code, int by)
{
	int year, half;
	if (half_parse(code, &year, &half) != 0)
		return NULL;
	/* halves counted from year 0: 2026-H1 is 4052 */
	int k = year * 2 + half - 1 + by;
	char *to = half_code(k / 2, k % 2 + 1);
	if (half_parse(to, &year, &half) != 0) {	/* out of the years there are */
		free(to);
		to = NULL;
	}
	return to;
}

void half_days(int year, int half, long *from, long *to)
{
	*from = year * 10000L + (half == 1 ? 101 : 701);
	*to = year * 10000L + (half == 1 ? 630 : 1231);
}

void half_of(long ymd, int *year, int *half)
{
	*year = (int)(ymd / 10000);
	*half = ymd / 100 % 100 <= 6 ? 1 : 2;
}

char *half_today(void)
{
	int year, half;
	half_of(day_today(), &year, &half);
	return half_code(year, half);
}
