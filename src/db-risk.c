#include "config.h"

#include <stdlib.h>

#include "common.h"
#include "day.h"
#include "db.h"
#include "store.h"

static void fill_risk(sqlite3_stmt *st, void *item)
{
	risk_pupil *p = item;
	*p = (risk_pupil){ .id = (long)sqlite3_column_int64(st, 0), .code = db_col_dup(st, 1),
			   .name = db_col_dup(st, 2), .class_label = db_col_dup(st, 3), .reason = db_col_dup(st, 4),
			   .route = sqlite3_column_int(st, 5), .extra = sqlite3_column_int(st, 6),
			   .route_on = db_col_dup(st, 7), .route_teacher = db_col_dup(st, 8),
			   .route_text = db_col_dup(st, 9), .extra_subject = db_col_dup(st, 10),
			   .extra_teacher = db_col_dup(st, 11), .latest = db_col_dup(st, 12),
			   .last_note_on = db_col_dup(st, 13), .last_note = db_col_dup(st, 14) };
}

static void clear_risk(void *item)
{
	risk_pupil *p = item;
	free(p->code), free(p->name), free(p->class_label), free(p->reason), free(p->route_on);
	free(p->route_teacher), free(p->route_text), free(p->extra_subject), free(p->extra_teacher);
	free(p->latest), free(p->last_note_on), free(p->last_note);
}

int db_risk_list(sqlite3 *db, risk_pupil **out, size_t *n, char **err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT s.id, s.code, trim(s.last_name || ' ' || s.first_name || ' ' || s.middle_name),"
		" c.grade || c.letter, s.risk_reason, s.individual_route, s.extra_lessons, coalesce(s.route_on, ''),"
		" s.route_teacher, s.route_text, s.extra_subject, s.extra_teacher,"
		" coalesce((SELECT p.name || ' ' || j.name || ' ' || a.year || ': ' ||"
		"   CASE WHEN r.absent THEN '—' ELSE replace(printf('%g/%g', r.score, a.max_score), '.', ',') END"
		"   FROM result r JOIN assessment a ON a.id = r.assessment_id JOIN procedure p ON p.id = a.procedure_id"
		"   JOIN subject j ON j.id = a.subject_id WHERE r.student_id = s.id"
		"   ORDER BY a.year DESC, coalesce(r.taken_on, '') DESC, p.sort, j.sort LIMIT 1), ''),"
		" coalesce((SELECT noted_on FROM risk_note WHERE student_id = s.id"
		"   ORDER BY noted_on DESC, id DESC LIMIT 1), ''),"
		" coalesce((SELECT text FROM risk_note WHERE student_id = s.id"
		"   ORDER BY noted_on DESC, id DESC LIMIT 1), '')"
		" FROM student s JOIN class c ON c.id = s.class_id WHERE s.risk_group = 1"
		" ORDER BY c.grade, c.letter COLLATE RU, s.last_name COLLATE RU, s.first_name COLLATE RU", err);
	if (!st)
		return -1;
	return db_rows(db, st, sizeof **out, fill_risk, clear_risk, (void **)out, n, err);
}

void risk_list_free(risk_pupil *v, size_t n)
{
	db_rows_free(v, n, sizeof *v, clear_risk);
}

int db_risk_save(sqlite3 *db, const risk_pupil *p, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE student SET individual_route = ?1, route_on = nullif(?2, ''),"
				   " route_teacher = ?3, route_text = ?4, extra_lessons = ?5, extra_subject = ?6,"
				   " extra_teacher = ?7 WHERE id = ?8", err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, p->route);
	sqlite3_bind_text(st, 2, p->route_on ? p->route_on : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, p->route_teacher ? p->route_teacher : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, p->route_text ? p->route_text : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, p->extra);
	sqlite3_bind_text(st, 6, p->extra_subject ? p->extra_subject : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, p->extra_teacher ? p->extra_teacher : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, p->id);
	return db_step_done(db, st, err);
}

/* Binds today's day, as files write it, to parameter i of st. */
static void bind_today(sqlite3_stmt *st, int i)
{
	sqlite3_bind_text(st, i, day_iso(day_today()), -1, free);
}

int db_risk_spell_sync(sqlite3 *db, long student_id, char **err)
{
	sqlite3_stmt *open = db_stmt(db, "INSERT INTO risk_spell (student_id, from_on)"
				     " SELECT id, ?2 FROM student WHERE id = ?1 AND risk_group = 1"
				     " AND NOT EXISTS (SELECT 1 FROM risk_spell WHERE student_id = ?1 AND to_on IS NULL)", err);
	if (!open)
		return -1;
	sqlite3_bind_int64(open, 1, student_id);
	bind_today(open, 2);
	if (db_step_done(db, open, err) != 0)
		return -1;
	sqlite3_stmt *close = db_stmt(db, "UPDATE risk_spell SET to_on = ?2 WHERE student_id = ?1 AND to_on IS NULL"
				      " AND NOT EXISTS (SELECT 1 FROM student WHERE id = ?1 AND risk_group = 1)", err);
	if (!close)
		return -1;
	sqlite3_bind_int64(close, 1, student_id);
	bind_today(close, 2);
	return db_step_done(db, close, err);
}

int db_risk_set(sqlite3 *db, long student_id, int in, const char *reason, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE student SET risk_group = ?1,"
				   " risk_reason = CASE WHEN ?1 THEN ?2 ELSE risk_reason END WHERE id = ?3", err);
	if (!st || db_savepoint(db, err) != 0)
		return -1;
	sqlite3_bind_int(st, 1, in);
	sqlite3_bind_text(st, 2, reason ? reason : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, student_id);
	int rc = db_step_done(db, st, err) == 0 && db_risk_spell_sync(db, student_id, err) == 0 ? 0 : -1;
	return db_savepoint_end(db, rc, err);
}

int db_risk_note(sqlite3 *db, long student_id, const char *text, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO risk_note (student_id, noted_on, text) VALUES (?1, ?2, ?3)", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, student_id);
	bind_today(st, 2);
	sqlite3_bind_text(st, 3, text, -1, SQLITE_STATIC);
	return db_step_done(db, st, err);
}

int db_risk_dismiss(sqlite3 *db, long student_id, int year, const char *reason, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT OR REPLACE INTO risk_dismissal (student_id, year, dismissed_on, reason)"
				   " VALUES (?1, ?2, ?3, ?4)", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, student_id);
	sqlite3_bind_int(st, 2, year);
	bind_today(st, 3);
	sqlite3_bind_text(st, 4, reason, -1, SQLITE_STATIC);
	return db_step_done(db, st, err);
}

int db_risk_causes(sqlite3 *db, int year, risk_cause_visit visit, void *ctx, char **err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT s.id, trim(s.last_name || ' ' || s.first_name || ' ' || s.middle_name), c.grade || c.letter,"
		" p.name, j.name, r.absent = 0 AND r.score < a.min_score, coalesce(r.score, 0), a.min_score"
		" FROM result r JOIN assessment a ON a.id = r.assessment_id JOIN procedure p ON p.id = a.procedure_id"
		" JOIN subject j ON j.id = a.subject_id JOIN student s ON s.id = r.student_id"
		" JOIN class c ON c.id = s.class_id"
		" WHERE a.year = ?1 AND s.risk_group = 0"
		" AND ((r.absent = 0 AND r.score < a.min_score) OR r.journal_mark = 2)"
		" AND NOT EXISTS (SELECT 1 FROM risk_dismissal d WHERE d.student_id = s.id AND d.year = ?1)"
		" ORDER BY c.grade, c.letter COLLATE RU, s.last_name COLLATE RU, s.first_name COLLATE RU, s.id,"
		" p.sort, j.sort", err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, year);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		risk_cause c = { (long)sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
				 (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3),
				 (const char *)sqlite3_column_text(st, 4), sqlite3_column_int(st, 5),
				 sqlite3_column_double(st, 6), sqlite3_column_double(st, 7) };
		if (visit(ctx, &c) != 0)
			break;
	}
	return db_step_end(db, st, rc, err);
}

long db_risk_size_on(sqlite3 *db, const char *day, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT count(DISTINCT student_id) FROM risk_spell"
				   " WHERE from_on <= ?1 AND (to_on IS NULL OR to_on > ?1)", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	if (db_step_row(db, st, err) != 1)
		return -1;
	long n = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}
