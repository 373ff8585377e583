#include "config.h"

#include <stdlib.h>

#include "common.h"
#include "day.h"
#include "db.h"
#include "schoolyear.h"
#include "store.h"

#define LAST_KEY "school_year.moved_on"

static int leaving(int grade)
{
	return grade == 9 || grade == 11;
}

int schoolyear_preview(sqlite3 *db, year_move **out, size_t *n, char **last, char **err)
{
	class_item *c;
	size_t nc;
	*out = NULL;
	*n = 0;
	*last = db_setting_get(db_sdb(db), LAST_KEY, err);
	if (*err)
		return -1;
	if (db_class_list(db, &c, &nc, err) != 0)
		return -1;
	*out = xcalloc(nc ? nc : 1, sizeof **out);
	for (size_t i = 0; i < nc; i++) {
		if (c[i].pupils == 0)
			continue;
		const char *letter = c[i].label + (c[i].grade >= 10 ? 2 : 1);
		(*out)[(*n)++] = (year_move){ xstrdup(c[i].label),
					      leaving(c[i].grade) ? NULL : xasprintf("%d%s", c[i].grade + 1, letter),
					      c[i].pupils };
	}
	class_list_free(c, nc);
	return 0;
}

void schoolyear_free(year_move *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].from);
		free(v[i].to);
	}
	free(v);
}

int schoolyear_apply(sqlite3 *db, char **err)
{
	if (db_begin(db, err) != 0)
		return -1;
	sqlite3_stmt *leave = db_stmt(db, "UPDATE student SET class_id = NULL, left_on = ?1"
				      " WHERE class_id IN (SELECT id FROM class WHERE grade IN (9, 11))", err);
	if (!leave)
		goto fail;
	sqlite3_bind_text(leave, 1, day_iso(day_today()), -1, free);
	if (db_step_done(db, leave, err) != 0 || db_exec(db, "DELETE FROM class WHERE grade IN (9, 11);", err) != 0)
		goto fail;
	/* From the top grade down, so that no class meets one still in its
	 * new grade (grade and letter are unique together). */
	sqlite3_stmt *list = NULL;
	if (sqlite3_prepare_v2(db, "SELECT id FROM class ORDER BY grade DESC", -1, &list, NULL) != SQLITE_OK) {
		*err = db_error(db);
		goto fail;
	}
	sqlite3_stmt *up = db_stmt(db, "UPDATE class SET grade = grade + 1 WHERE id = ?", err);
	int rc = up ? SQLITE_OK : SQLITE_ERROR;
	while (up && (rc = sqlite3_step(list)) == SQLITE_ROW) {
		sqlite3_reset(up);
		sqlite3_bind_int64(up, 1, sqlite3_column_int64(list, 0));
		if (sqlite3_step(up) != SQLITE_DONE) {
			rc = SQLITE_ERROR;
			break;
		}
	}
	sqlite3_finalize(list);
	if (rc != SQLITE_DONE) {
		if (!*err)
			*err = db_error(db);
		goto fail;
	}
	sqlite3_stmt *last = db_stmt(db, "INSERT OR REPLACE INTO setting (key, value) VALUES ('" LAST_KEY "', ?1)", err);
	if (!last)
		goto fail;
	sqlite3_bind_text(last, 1, day_iso(day_today()), -1, free);
	if (db_step_done(db, last, err) != 0 || db_commit(db, err) != 0)
		goto fail;
	return 0;
fail:
	db_rollback(db);
	return -1;
}
