#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "day.h"
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
	if (db_step_done(db, st, err) != 0)
		return -1;
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

static void fill(sqlite3_stmt *st, void *item)
{
	student *s = item;
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
	return db_row(db, st, fill, out, err);
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
	/* joined by hand: the roster import makes one for every pupil */
	const char *part[3] = { last ? last : "", first ? first : "", middle ? middle : "" };
	size_t len[3] = { strlen(part[0]), strlen(part[1]), strlen(part[2]) };
	char *full = xmalloc(len[0] + len[1] + len[2] + 3), *w = full;
	for (int i = 0; i < 3; i++) {
		memcpy(w, part[i], len[i]);
		w += len[i];
		*w++ = ' ';
	}
	char *f = utf8_fold(full, (size_t)(w - full - 1));
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
	/* A new pupil outside the risk group has no spell to open: its one
	 * statement is whole by itself (the roster import's common case). */
	if (!s->id && !s->risk_group) {
		if (db_step_done(db, st, err) != 0)
			return -1;
		s->id = (long)sqlite3_last_insert_rowid(db);
		return 0;
	}
	if (db_savepoint(db, err) != 0)
		return -1;
	long id = s->id;
	int rc = db_step_done(db, st, err);
	if (rc == 0 && !id)
		id = (long)sqlite3_last_insert_rowid(db);
	if (rc == 0)
		rc = db_risk_spell_sync(db, id, err);
	if (db_savepoint_end(db, rc, err) != 0)
		return -1;
	s->id = id;
	return 0;
}

int db_student_codes(sqlite3 *db, student_code_visit visit, void *ctx, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT code, id, coalesce(class_id, 0) FROM student", err);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (visit(ctx, (const char *)sqlite3_column_text(st, 0), (long)sqlite3_column_int64(st, 1),
			  (long)sqlite3_column_int64(st, 2)) != 0)
			break;
	return db_step_end(db, st, rc, err);
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

static void fill_pupil(sqlite3_stmt *st, void *item)
{
	pupil_item *p = item;
	*p = (pupil_item){
		.id = (long)sqlite3_column_int64(st, 0), .code = db_col_dup(st, 1),
		.last_name = db_col_dup(st, 2), .first_name = db_col_dup(st, 3),
		.middle_name = db_col_dup(st, 4), .class_label = db_col_dup(st, 5),
		.class_id = (long)sqlite3_column_int64(st, 6), .risk_group = sqlite3_column_int(st, 7),
		.individual_route = sqlite3_column_int(st, 8), .extra_lessons = sqlite3_column_int(st, 9),
		.results = (long)sqlite3_column_int64(st, 10),
	};
}

static void clear_pupil(void *item)
{
	pupil_item *p = item;
	free(p->code), free(p->last_name), free(p->first_name), free(p->middle_name), free(p->class_label);
}

int db_pupil_list(sqlite3 *db, const char *search, enum pupil_filter which, pupil_item **out, size_t *n,
		  char **err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT s.id, s.code, s.last_name, s.first_name, s.middle_name, coalesce(c.grade || c.letter, ''),"
		" coalesce(s.class_id, 0), s.risk_group, s.individual_route, s.extra_lessons,"
		" (SELECT count(*) FROM result r WHERE r.student_id = s.id)"
		" FROM student s LEFT JOIN class c ON c.id = s.class_id"
		" WHERE (?1 = 2 OR (?1 = 0) = (s.class_id IS NOT NULL))"
		" AND (?2 = '' OR ru_fold(s.last_name || ' ' || s.first_name || ' ' || s.middle_name || ' ' || s.code)"
		"      LIKE '%' || ru_fold(?2) || '%')"
		" ORDER BY c.grade IS NULL, c.grade, c.letter COLLATE RU, s.last_name COLLATE RU,"
		" s.first_name COLLATE RU, s.code", err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, (int)which);
	sqlite3_bind_text(st, 2, search ? search : "", -1, SQLITE_STATIC);
	return db_rows(db, st, sizeof **out, fill_pupil, clear_pupil, (void **)out, n, err);
}

void pupil_list_free(pupil_item *v, size_t n)
{
	db_rows_free(v, n, sizeof *v, clear_pupil);
}

static int exec_id(sqlite3 *db, const char *sql, long id, char **err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (db_step_done(db, st, err) != 0)
		return -1;
	return sqlite3_changes(db);
}

int db_student_delete(sqlite3 *db, long id, char **err)
{
	static const char sql[] = "DELETE FROM student WHERE id = ?1"
				  " AND NOT EXISTS (SELECT 1 FROM result WHERE student_id = ?1)";
	/* Drafts typed for the pupil go with it. */
	if (db_begin(db, err) != 0)
		return -1;
	int rc = exec_id(db, "DELETE FROM draft WHERE student_id = ?1"
			 " AND NOT EXISTS (SELECT 1 FROM result WHERE student_id = ?1)", id, err);
	if (rc >= 0)
		rc = exec_id(db, sql, id, err);
	if (rc < 0 || db_commit(db, err) != 0) {
		db_rollback(db);
		return -1;
	}
	return rc > 0;
}

int db_student_leave(sqlite3 *db, long id, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE student SET class_id = NULL, left_on = ?2 WHERE id = ?1", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, day_iso(day_today()), -1, free);
	return db_step_done(db, st, err);
}

static void fill_class(sqlite3_stmt *st, void *item)
{
	class_item *c = item;
	*c = (class_item){ (long)sqlite3_column_int64(st, 0), sqlite3_column_int(st, 1), db_col_dup(st, 2),
			   (long)sqlite3_column_int64(st, 3) };
}

static void clear_class(void *item)
{
	class_item *c = item;
	free(c->label);
}

int db_class_list(sqlite3 *db, class_item **out, size_t *n, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT c.id, c.grade, c.grade || c.letter,"
				   " (SELECT count(*) FROM student s WHERE s.class_id = c.id)"
				   " FROM class c ORDER BY c.grade, c.letter COLLATE RU", err);
	if (!st)
		return -1;
	return db_rows(db, st, sizeof **out, fill_class, clear_class, (void **)out, n, err);
}

void class_list_free(class_item *v, size_t n)
{
	db_rows_free(v, n, sizeof *v, clear_class);
}
