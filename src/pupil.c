#include "config.h"

#include <stdlib.h>

#include "cell.h"
#include "common.h"
#include "pupil.h"

char *pupil_new_code(sqlite3 *db, long *last, char **err)
{
	if (*last < 0 && (*last = db_student_last_generated(db, err)) < 0)
		return NULL;
	return xasprintf("У%05ld", ++*last);
}

int pupil_check(sqlite3 *db, long id, const char *last, const char *first, const char *code, const char *class_text,
		enum pupil_field *field, char **msg)
{
	int grade;
	char *letter;
	if (!*last && !*first && !*code) {
		*field = PUPIL_LAST;
		*msg = xstrdup(_("Give at least a name or a code."));
		return -1;
	}
	if (cell_class(class_text, &grade, &letter) != 0) {
		*field = PUPIL_CLASS;
		*msg = xstrdup(_("The class is written like 5А or 11Б."));
		return -1;
	}
	free(letter);
	if (*code) {
		student other = { 0 };
		char *err = NULL;
		int found = db_student_by_code(db, code, &other, &err);
		int taken = found == 1 && other.id != id;
		student_clear(&other);
		if (found < 0) {
			*field = PUPIL_CODE;
			*msg = err;
			return -1;
		}
		if (taken) {
			*field = PUPIL_CODE;
			*msg = xstrdup(_("Another pupil has this code."));
			return -1;
		}
	}
	return 0;
}

int pupil_save(sqlite3 *db, student *st, const char *class_text, char **err)
{
	int grade;
	char *letter = NULL, *code = NULL;
	if (cell_class(class_text, &grade, &letter) != 0) {
		*err = xasprintf(_("«%s» is not a class"), class_text);
		return -1;
	}
	int rc = -1;
	long last = -1;
	char *given = st->code;
	if ((st->class_id = db_class_ensure(db, grade, letter, err)) > 0 &&
	    (*given || (st->code = code = pupil_new_code(db, &last, err))))
		rc = db_student_save(db, st, err);
	st->code = given;
	free(letter);
	free(code);
	return rc;
}
