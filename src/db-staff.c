#include "config.h"

#include <stdlib.h>

#include "common.h"
#include "day.h"
#include "db.h"
#include "store.h"

#define TEACHER_COLS "t.id, t.code, t.last_name, t.first_name, t.middle_name, t.subjects, t.young_specialist," \
	" coalesce(t.diagnostics_date, ''), t.diagnostics_result," \
	" coalesce((SELECT max(c.taken_on) FROM course c WHERE c.teacher_id = t.id), '')"

static void fill(sqlite3_stmt *st, void *item)
{
	teacher *t = item;
	*t = (teacher){ (long)sqlite3_column_int64(st, 0), db_col_dup(st, 1), db_col_dup(st, 2), db_col_dup(st, 3),
			db_col_dup(st, 4), db_col_dup(st, 5), sqlite3_column_int(st, 6), db_col_dup(st, 7),
			db_col_dup(st, 8), db_col_dup(st, 9) };
}

int db_teacher_find(sqlite3 *db, const char *code, const char *full_name, teacher *out, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " TEACHER_COLS " FROM teacher t WHERE (?1 <> '' AND t.code = ?1)"
				   " OR (?1 = '' AND ru_fold(trim(t.last_name || ' ' || t.first_name || ' ' || t.middle_name))"
				   " = ru_fold(?2))", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, full_name, -1, SQLITE_STATIC);
	return db_row(db, st, fill, out, err);
}

int db_teacher_save(sqlite3 *db, teacher *t, char **err)
{
	sqlite3_stmt *st = db_stmt(db, t->id
		? "UPDATE teacher SET code = ?1, last_name = ?2, first_name = ?3, middle_name = ?4, subjects = ?5,"
		  " young_specialist = ?6, diagnostics_date = nullif(?7, ''), diagnostics_result = ?8 WHERE id = ?9"
		: "INSERT INTO teacher (code, last_name, first_name, middle_name, subjects, young_specialist,"
		  " diagnostics_date, diagnostics_result) VALUES (?1, ?2, ?3, ?4, ?5, ?6, nullif(?7, ''), ?8)", err);
	if (!st)
		return -1;
	const char *text[] = { t->code, t->last_name, t->first_name, t->middle_name, t->subjects };
	for (int i = 0; i < 5; i++)
		sqlite3_bind_text(st, i + 1, text[i] ? text[i] : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, t->young_specialist);
	sqlite3_bind_text(st, 7, t->diagnostics_date ? t->diagnostics_date : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, t->diagnostics_result ? t->diagnostics_result : "", -1, SQLITE_STATIC);
	if (t->id)
		sqlite3_bind_int64(st, 9, t->id);
	if (db_step_done(db, st, err) != 0)
		return -1;
	if (!t->id)
		t->id = (long)sqlite3_last_insert_rowid(db);
	return 0;
}

long db_teacher_last_generated(sqlite3 *db, char **err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT coalesce(max(CAST(substr(code, 2) AS INTEGER)), 0) FROM teacher"
		" WHERE code GLOB 'Т[0-9]*'", err);
	if (!st || db_step_row(db, st, err) != 1)
		return -1;
	long n = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}

int db_course_add(sqlite3 *db, long teacher_id, const char *topic, long hours, const char *taken_on, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO course (teacher_id, topic, hours, taken_on) VALUES (?, ?, ?, nullif(?, ''))"
				   " ON CONFLICT DO NOTHING", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, teacher_id);
	sqlite3_bind_text(st, 2, topic, -1, SQLITE_STATIC);
	db_bind_opt_int(st, 3, hours >= 0, hours);
	sqlite3_bind_text(st, 4, taken_on ? taken_on : "", -1, SQLITE_STATIC);
	if (db_step_done(db, st, err) != 0)
		return -1;
	return sqlite3_changes(db) > 0;
}

void teacher_clear(teacher *t)
{
	free(t->code), free(t->last_name), free(t->first_name), free(t->middle_name), free(t->subjects);
	free(t->diagnostics_date), free(t->diagnostics_result), free(t->last_course_on);
	*t = (teacher){ 0 };
}

static void clear(void *item)
{
	teacher_clear(item);
}

void teacher_list_free(teacher *v, size_t n)
{
	db_rows_free(v, n, sizeof *v, clear);
}

int db_teacher_list(sqlite3 *db, teacher **out, size_t *n, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " TEACHER_COLS " FROM teacher t"
				   " ORDER BY t.last_name COLLATE RU, t.first_name COLLATE RU, t.code", err);
	if (!st)
		return -1;
	return db_rows(db, st, sizeof **out, fill, clear, (void **)out, n, err);
}

int db_people_counts(sqlite3 *db, int year, long v[8], char **err)
{
	sqlite3_stmt *st = db_stmt(db,
		"WITH ref(day) AS (SELECT min(?2, printf('%04d-12-31', ?1))),"
		" failing(id) AS (SELECT DISTINCT r.student_id FROM result r JOIN assessment a ON a.id = r.assessment_id"
		"   WHERE a.year = ?1 AND r.absent = 0 AND r.score < a.min_score)"
		" SELECT (SELECT count(*) FROM teacher),"
		"  (SELECT count(*) FROM teacher WHERE diagnostics_date IS NOT NULL OR diagnostics_result <> ''),"
		"  (SELECT count(*) FROM teacher t WHERE EXISTS (SELECT 1 FROM course c, ref WHERE c.teacher_id = t.id"
		"     AND c.taken_on >= date(ref.day, '-3 years') AND c.taken_on <= ref.day)),"
		"  (SELECT count(*) FROM student WHERE risk_group = 1 AND class_id IS NOT NULL),"
		"  (SELECT count(*) FROM student WHERE risk_group = 1 AND class_id IS NOT NULL AND individual_route = 1),"
		"  (SELECT count(*) FROM student s JOIN failing f ON f.id = s.id WHERE s.class_id IS NOT NULL),"
		"  (SELECT count(*) FROM student s JOIN failing f ON f.id = s.id WHERE s.class_id IS NOT NULL"
		"     AND s.extra_lessons = 1),"
		"  (SELECT count(*) FROM event WHERE substr(held_on, 1, 4) = printf('%04d', ?1))", err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, year);
	sqlite3_bind_text(st, 2, day_iso(day_today()), -1, free);
	if (db_step_row(db, st, err) != 1)
		return -1;
	for (int i = 0; i < 8; i++)
		v[i] = (long)sqlite3_column_int64(st, i);
	sqlite3_reset(st);
	return 0;
}
