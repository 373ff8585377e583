/* Reading one cell's value the ways Russian spreadsheets write it. Each
 * returns 0 when the text is a valid value, -1 when it is not. */
#ifndef ORIENTIR_CELL_H
#define ORIENTIR_CELL_H

/* A cell as a message quotes it: its first CELL_SHOWN characters, then
 * "…", control characters and broken bytes escaped. The text lives in one
 * of eight buffers taken in turn: use it in the message being made, never
 * keep it. NULL shows as "". */
#define CELL_SHOWN 40
const char *cell_shown(const char *s);

/* NULL, or nothing but spaces. */
int cell_empty(const char *s);
/* A fresh copy without surrounding spaces. */
char *cell_trim(const char *s);
/* "12", "12,5", "12.5", with spaces around. */
int cell_number(const char *s, double *out);
/* A number as Russian readers write it: "12,5", "12" (fresh string). */
char *cell_number_text(double v);
/* A whole number, "7" (also "7,0"). */
int cell_int(const char *s, long *out);
/* "DD.MM.YYYY" (also D.M.YYYY) or "YYYY-MM-DD", a real calendar day, as
 * day_parse reads it (*ymd YYYYMMDD). */
int cell_day(const char *s, long *ymd);
/* cell_day into its year, month and day. */
int cell_date(const char *s, int *y, int *m, int *d);
/* да/нет, +/-, 1/0, yes/no, y/n, д/н, истина/ложь, true/false; empty is no. */
int cell_yesno(const char *s, int *out);
/* A class as people write it: «5А», «5 а», «11-Б», «5». The letter comes back
 * upper-case Cyrillic (Latin look-alikes typed in the wrong layout are mapped:
 * «5A» is «5А»); *letter is a fresh string, "" for none. */
int cell_class(const char *s, int *grade, char **letter);

#endif
