/* A teacher as the school types one in or imports one: the checks and the
 * code the Teachers screen's forms and the staff import share. Domain
 * layer. */
#ifndef ORIENTIR_TEACHER_H
#define ORIENTIR_TEACHER_H

#include <sqlite3.h>

#include "store.h"

/* The code for the next teacher who has none: Т001, Т002…, after the
 * largest handed out so far. Never made of the name: codes go to the
 * district in staff.csv, names only when asked. *last is -1 before the
 * first call of a batch and carries the count on. Fresh, or NULL with
 * *err. */
char *teacher_new_code(sqlite3 *db, long *last, char **err);

/* What a teacher's fields must be, in the order teacher_check names them. */
enum teacher_field { TEACHER_NAME, TEACHER_CODE };
/* Checks a teacher (id 0 for a new one): a last name or a code, and a code
 * no other teacher has. 0, or -1 with *field the one to correct and *msg
 * (fresh, translated) why. */
int teacher_check(sqlite3 *db, long id, const char *last, const char *code, enum teacher_field *field, char **msg);
/* Saves a checked teacher, giving a code (teacher_new_code, *last as
 * there) when it has none: 0, or -1 with *err. */
int teacher_save(sqlite3 *db, teacher *t, long *last, char **err);

/* A day in a teacher's record (diagnostics, a course): empty (*ymd 0), or
 * a real day no later than today. 0, or -1 with *msg (fresh) why. */
int teacher_day(const char *text, long *ymd, char **msg);

/* What a course's fields must be, in the order teacher_course_check names
 * them. */
enum course_field { COURSE_TOPIC, COURSE_HOURS, COURSE_DATE };
/* Checks a course: hours and a date only with a topic; the hours a whole
 * number from 1 to 2000, or empty (*hours -1); the date as teacher_day
 * takes it (*ymd 0 when empty). 0, or -1 with *field and *msg (fresh). */
int teacher_course_check(const char *topic, const char *hours_text, const char *date_text, long *hours, long *ymd,
			 enum course_field *field, char **msg);

#endif
