#include "config.h"

#include <stdlib.h>

#include "cell.h"
#include "common.h"
#include "day.h"
#include "teacher.h"

char *teacher_new_code(sqlite3 *db, long *last, char **err)
{
	if (*last < 0 && (*last = db_teacher_last_generated(db, err)) < 0)
		return NULL;
	return xasprintf("Т%03ld", ++*last);
}

int teacher_check(sqlite3 *db, long id, const char *last, const char *code, enum teacher_field *field, char **msg)
{
	if (!*last && !*code) {
		*field = TEACHER_NAME;
		*msg = xstrdup(_("the teacher has neither a code nor a name"));
		return -1;
	}
	if (!*code)
		return 0;
	teacher other = { 0 };
	char *err = NULL;
	int found = db_teacher_find(db, code, "", &other, &err);
	int taken = found == 1 && other.id != id;
	teacher_clear(&other);
	*field = TEACHER_CODE;
	if (found < 0) {
		*msg = err;
		return -1;
	}
	if (taken) {
		*msg = xasprintf(_("another teacher has the code %s"), code);
		return -1;
	}
	return 0;
}

int teacher_save(sqlite3 *db, teacher *t, long *last, char **err)
{
	char *given = t->code, *code = NULL;
	int rc = -1;
	if ((given && *given) || (t->code = code = teacher_new_code(db, last, err)))
		rc = db_teacher_save(db, t, err);
	t->code = given;
	free(code);
	return rc;
}

int teacher_day(const char *text, long *ymd, char **msg)
{
	*ymd = 0;
	if (cell_empty(text))
		return 0;
	if (day_parse(text, ymd) != 0) {
		*msg = xasprintf(_("«%s» is not a date (write 15.04.2024 or 2024-04-15)"), text);
		return -1;
	}
	if (*ymd > day_today()) {
		char *d = day_text(*ymd);
		*msg = xasprintf(_("%s is later than today"), d);
		free(d);
		return -1;
	}
	return 0;
}

int teacher_course_check(const char *topic, const char *hours_text, const char *date_text, long *hours, long *ymd,
			 enum course_field *field, char **msg)
{
	*hours = -1;
	*ymd = 0;
	if (cell_empty(topic) && (!cell_empty(hours_text) || !cell_empty(date_text))) {
		*field = COURSE_TOPIC;
		*msg = xstrdup(_("a course date or hours without the course's topic"));
		return -1;
	}
	if (!cell_empty(hours_text) && (cell_int(hours_text, hours) != 0 || *hours < 1 || *hours > 2000)) {
		*field = COURSE_HOURS;
		*msg = xasprintf(_("«%s» is not a number of hours (a whole number from 1 to 2000)"), hours_text);
		return -1;
	}
	*field = COURSE_DATE;
	return teacher_day(date_text, ymd, msg);
}
