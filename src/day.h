/* One clock and one way of writing days for every screen, command and
 * file. A day is a long YYYYMMDD; 0 means none. People read 20.06.2026 and
 * «I полугодие 2026»; files and the command line keep 2026-06-20 and
 * 2026-H1. */
#ifndef ORIENTIR_DAY_H
#define ORIENTIR_DAY_H

/* Today: ORIENTIR_TODAY=YYYY-MM-DD when it is set (tests, demos), else the
 * local calendar day. */
long day_today(void);
/* Checks ORIENTIR_TODAY: 0 when it is unset or a real day, -1 when it is
 * set to something else (the caller says so and stops). */
int day_check_env(void);
/* This moment as files write it, "2026-06-20T14:05:09": today's day (as
 * day_today says) at the real local time of day (fresh). */
char *day_now_iso(void);

int day_days_in_month(int year, int month);
/* y, m, d as a day, or 0 when they are not a real calendar day. */
long day_make(int year, int month, int day);
/* "20.06.2026", "2.6.2026" or "2026-06-20", spaces around allowed: 0, or
 * -1 when the text is not a real calendar day. */
int day_parse(const char *text, long *ymd);
/* A day for people, "20.06.2026"; "" for 0 (fresh). */
char *day_text(long ymd);
/* A stored day ("2026-06-20", or the start of "2026-06-20T14:05:09") for
 * people, "20.06.2026"; text that is no day is given back as it is (fresh). */
char *day_text_of(const char *stored);
/* A day for files, "2026-06-20"; "" for 0 (fresh). */
char *day_iso(long ymd);
/* The day n days after ymd (n may be negative). */
long day_add(long ymd, long n);
/* Days from a to b (b - a). */
long day_diff(long a, long b);

/* Half-years. "2026-H1" (also "2026-h1"): 0, or -1 when it is not one. */
int half_parse(const char *code, int *year, int *half);
/* "2026-H1" for files and the command line (fresh). */
char *half_code(int year, int half);
/* «I полугодие 2026» for people (fresh). */
char *half_text(int year, int half);
/* The same for "2026-H1"; text that is no half-year is given back as it
 * is (fresh). */
char *half_text_of(const char *code);
/* The code of the half-year by halves after code (before it when by is
 * negative), or NULL when either is no half-year half_parse reads (fresh). */
char *half_step(const char *code, int by);
/* The half-year's first and last day. */
void half_days(int year, int half, long *from, long *to);
/* The half-year a day falls in. */
void half_of(long ymd, int *year, int *half);
/* The code of the half-year today falls in, "2026-H2" (fresh). */
char *half_today(void);

#endif
