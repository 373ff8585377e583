/* A roadmap's deadline as people write it («18-19 февраля 2022», «до апреля
 * 2020 года», «ежегодно») read into a window of dates and how often the
 * activity recurs inside it. Pure text work: no database, no locale. */
#ifndef ORIENTIR_DEADLINE_H
#define ORIENTIR_DEADLINE_H

enum deadline_recur { DL_ONCE, DL_YEARLY, DL_TWICE_A_YEAR, DL_QUARTERLY, DL_MONTHLY };

typedef struct deadline {
	long start, end;	/* dates as YYYYMMDD numbers; both 0 when the text holds no date */
	enum deadline_recur recur;
} deadline;

/* Parses text for a roadmap running from first_year to last_year (inclusive).
 * Always succeeds: text with no recognisable date gives start = end = 0. */
void deadline_parse(const char *text, int first_year, int last_year, deadline *out);
/* Whether a roadmap over these years is over a school year: two years
 * running. */
int deadline_school_year(int first_year, int last_year);
/* The days a roadmap over these years runs (YYYYMMDD): 1 January to 31
 * December, or 1 September to 31 August for a school year; 0 without years. */
void deadline_period(int first_year, int last_year, long *from, long *to);
/* The recurrence's contract name: "", "yearly", "twice_a_year", "quarterly",
 * "monthly" (for CSV output). */
const char *deadline_recur_name(enum deadline_recur r);

#endif
