#include "config.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "csvout.h"

const csv_style csv_excel_ru = { "excel-ru", ';', 1, 1, 1, 1 };
const csv_style csv_rfc4180 = { "rfc4180", ',', 0, 0, 0, 0 };

const csv_style *csv_style_find(const char *name)
{
	if (strcmp(name, csv_excel_ru.name) == 0)
		return &csv_excel_ru;
	if (strcmp(name, csv_rfc4180.name) == 0)
		return &csv_rfc4180;
	return NULL;
}

/* Whether s needs the apostrophe: Excel would take it for a formula (it
 * begins with =, +, - or @ and is not a plain number: "-5,0" stays a
 * number), or it begins with an apostrophe itself (which the reader would
 * otherwise take for ours). */
static int formula_like(const char *s)
{
	double v;
	return *s && (*s == '\'' || (strchr("=+-@", *s) && cell_number(s, &v) != 0));
}

static void cell(FILE *fp, const char *s, char delim, int first, int any_delim, int guard)
{
	if (!first)
		fputc(delim, fp);
	char *guarded = guard && formula_like(s) ? xasprintf("'%s", s) : NULL;
	if (guarded)
		s = guarded;
	char special[] = { delim, '"', '\r', '\n', '\0' };
	if (strpbrk(s, any_delim ? ";,\t\"\r\n" : special))
		csv_fwrite(fp, s, strlen(s));
	else
		fputs(s, fp);
	free(guarded);
}

void csvout_line(FILE *fp, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
		cell(fp, cells[i], ',', i == 0, 0, 0);
	fputc('\n', fp);
}

void csvout_row(FILE *fp, const csv_style *st, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
		cell(fp, cells[i] ? cells[i] : "", st->delim, i == 0, 0, st->formula_guard);
	fputs("\r\n", fp);
}

void csvout_row_quoted(FILE *fp, const csv_style *st, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
		cell(fp, cells[i] ? cells[i] : "", st->delim, i == 0, 1, st->formula_guard);
	fputs("\r\n", fp);
}

char *csvout_number(const csv_style *st, double v)
{
	char *t = xasprintf("%g", v);
	char *dot = strchr(t, '.');
	if (dot && st->decimal_comma)
		*dot = ',';
	return t;
}

char *csvout_date(const csv_style *st, const char *ymd)
{
	if (!ymd || strlen(ymd) != 10)
		return xstrdup(ymd ? ymd : "");
	if (!st->dmy_dates)
		return xstrdup(ymd);
	return xasprintf("%.2s.%.2s.%.4s", ymd + 8, ymd + 5, ymd);
}

char *csvout_tenths(const csv_style *st, int tenths)
{
	int a = tenths < 0 ? -tenths : tenths;
	return xasprintf("%s%d%c%d", tenths < 0 ? "-" : "", a / 10, st->decimal_comma ? ',' : '.', a % 10);
}
