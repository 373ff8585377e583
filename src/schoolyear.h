/* The new school year: every class moves up a grade; pupils of grades 9
 * and 11 are marked as left (their results stay, under the class they
 * wrote them in). Domain layer. */
#ifndef ORIENTIR_SCHOOLYEAR_H
#define ORIENTIR_SCHOOLYEAR_H

#include <sqlite3.h>
#include <stddef.h>

typedef struct year_move {
	char *from, *to;	/* «5А» → «6А»; to is NULL for leavers */
	long pupils;
} year_move;

/* What the move would do, class by class, and when it was last done
 * (*last: "YYYY-MM-DD", fresh, or NULL). 0, or -1 with *err. */
int schoolyear_preview(sqlite3 *db, year_move **out, size_t *n, char **last, char **err);
void schoolyear_free(year_move *v, size_t n);
/* Does it, all in one transaction: 0, or -1 with *err and nothing changed. */
int schoolyear_apply(sqlite3 *db, char **err);

#endif
