#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "db.h"
#include "store.h"
#include "utf8.h"

long db_class_ensure(sqlite3 *db, int grade, const char *letter, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id FROM class WHERE grade = ? AND letter = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, grade);
	sqlite3_bind_text(st, 2, letter, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return (long)sqlite3_column_int64(st, 0);
	if (rc != SQLITE_DONE) {
		*err = db_error(db);
		return -1;
	}
	st = db_stmt(db, "INSERT INTO class (grade, letter) VALUES (?, ?)", err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, grade);
	sqlite3_bind_text(st, 2, letter, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		*err = db_error(db);
		return -1;
	}
	return (long)sqlite3_last_insert_rowid(db);
}

int db_class_get(sqlite3 *db, long id, int *grade, char **label, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT grade, letter FROM class WHERE id = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = db_step_row(db, st, err);
	if (rc != 1)
		return rc;
	*grade = sqlite3_column_int(st, 0);
	*label = xasprintf("%d%s", *grade, (const char *)sqlite3_column_text(st, 1));
	sqlite3_reset(st);
	return 1;
}

#define STUDENT_COLS "id, code, last_name, first_name, middle_name, class_id, risk_group, individual_route, extra_lessons"

static void fill(sqlite3_stmt *st, student *s)
{
	s->id = (long)sqlite3_column_int64(st, 0);
	s->code = db_col_dup(st, 1);
	s->last_name = db_col_dup(st, 2);
	s->first_name = db_col_dup(st, 3);
	s->middle_name = db_col_dup(st, 4);
	s->class_id = (long)sqlite3_column_int64(st, 5);
	s->risk_group = sqlite3_column_int(st, 6);
	s->individual_route = sqlite3_column_int(st, 7);
	s->extra_lessons = sqlite3_column_int(st, 8);
}

int db_student_by_code(sqlite3 *db, const char *code, student *out, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " STUDENT_COLS " FROM student WHERE code = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	int rc = db_step_row(db, st, err);
	if (rc == 1) {
		fill(st, out);
		sqlite3_reset(st);
	}
	return rc;
}

int db_student_by_name(sqlite3 *db, const char *name_key, long class_id, student *out, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " STUDENT_COLS " FROM student WHERE name_key = ? AND class_id = ? LIMIT 2", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, name_key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, class_id);
	int rc = db_step_row(db, st, err);
	if (rc != 1)
		return rc;
	fill(st, out);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW) {
		student_clear(out);
		return 2;
	}
	return 1;
}

char *student_name_key(const char *last, const char *first, const char *middle)
{
	char *full = xasprintf("%s %s %s", last ? last : "", first ? first : "", middle ? middle : "");
	char *f = utf8_fold(full, strlen(full));
	free(full);
	char *o = f;
	int space = 1;
	for (const char *p = f; *p; p++) {
		if (*p == ' ' || *p == '\t') {
			if (!space)
				*o++ = ' ';
			space = 1;
		} else {
			*o++ = *p;
			space = 0;
		}
	}
	if (o > f && o[-1] == ' ')
		o--;
	*o = '\0';
	return f;
}

int db_student_save(sqlite3 *db, student *s, char **err)
{
	sqlite3_stmt *st = db_stmt(db, s->id
		? "UPDATE student SET code = ?1, last_name = ?2, first_name = ?3, middle_name = ?4, name_key = ?5,"
		  " class_id = ?6, risk_group = ?7, individual_route = ?8, extra_lessons = ?9,"
		  " left_on = CASE WHEN ?6 IS NULL THEN left_on ELSE NULL END WHERE id = ?10"
		: "INSERT INTO student (code, last_name, first_name, middle_name, name_key, class_id,"
		  " risk_group, individual_route, extra_lessons) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", err);
	if (!st)
		return -1;
	char *key = student_name_key(s->last_name, s->first_name, s->middle_name);
	sqlite3_bind_text(st, 1, s->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, s->last_name ? s->last_name : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, s->first_name ? s->first_name : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, s->middle_name ? s->middle_name : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, key, -1, free);
	if (s->class_id)
		sqlite3_bind_int64(st, 6, s->class_id);
	sqlite3_bind_int(st, 7, s->risk_group);
	sqlite3_bind_int(st, 8, s->individual_route);
	sqlite3_bind_int(st, 9, s->extra_lessons);
	if (s->id)
		sqlite3_bind_int64(st, 10, s->id);
	if (sqlite3_step(st) != SQLITE_DONE) {
		*err = db_error(db);
		return -1;
	}
	if (!s->id)
		s->id = (long)sqlite3_last_insert_rowid(db);
	return 0;
}

long db_student_last_generated(sqlite3 *db, char **err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT coalesce(max(CAST(substr(code, 2) AS INTEGER)), 0) FROM student"
		" WHERE code GLOB 'У[0-9]*'", err);
	if (!st || db_step_row(db, st, err) != 1)
		return -1;
	long n = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}

long db_student_max_id(sqlite3 *db, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT coalesce(max(id), 0) FROM student", err);
	if (!st)
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		*err = db_error(db);
		return -1;
	}
	long n = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}

void student_clear(student *s)
{
	free(s->code);
	free(s->last_name);
	free(s->first_name);
	free(s->middle_name);
	*s = (student){ 0 };
}
