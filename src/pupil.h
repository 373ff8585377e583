/* A pupil as the school types one in: the checks and the code the pupils
 * form and the roster import share. Domain layer. */
#ifndef ORIENTIR_PUPIL_H
#define ORIENTIR_PUPIL_H

#include <sqlite3.h>

#include "store.h"

/* The code for the next pupil who has none: У00001, У00002…, after the
 * largest handed out so far. *last is -1 before the first call of a
 * batch and carries the count on. Fresh, or NULL with *err. */
char *pupil_new_code(sqlite3 *db, long *last, char **err);

/* What a pupil's fields must be, in the order pupil_check names them. */
enum pupil_field { PUPIL_LAST, PUPIL_FIRST, PUPIL_CODE, PUPIL_CLASS };
/* Checks a pupil typed in (id 0 for a new one): a name or a code, a class
 * written as people write it, a code no other pupil has. 0, or -1 with
 * *field the one to correct and *msg (fresh) why. */
int pupil_check(sqlite3 *db, long id, const char *last, const char *first, const char *code, const char *class_text,
		enum pupil_field *field, char **msg);
/* Saves a checked pupil into class_text's class (made when missing),
 * giving a code when it has none: 0, or -1 with *err. */
int pupil_save(sqlite3 *db, student *st, const char *class_text, char **err);

#endif
