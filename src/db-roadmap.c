#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "day.h"
#include "db.h"
#include "store.h"

#define ROADMAP_COLS "r.id, r.title, r.source, r.preamble, r.imported_at, r.first_year, r.last_year," \
	" r.order_number, r.order_date, (SELECT count(*) FROM activity a WHERE a.roadmap_id = r.id)," \
	" (SELECT count(*) FROM activity a WHERE a.roadmap_id = r.id AND a.status = 'done')," \
	" (SELECT count(*) FROM activity a WHERE a.roadmap_id = r.id AND a.status = 'cancelled')"

static void fill_roadmap(sqlite3_stmt *st, void *item)
{
	roadmap_info *r = item;
	*r = (roadmap_info){ (long)sqlite3_column_int64(st, 0), db_col_dup(st, 1), db_col_dup(st, 2), db_col_dup(st, 3),
			     db_col_dup(st, 4), sqlite3_column_int(st, 5), sqlite3_column_int(st, 6), db_col_dup(st, 7),
			     db_col_dup(st, 8), (long)sqlite3_column_int64(st, 9), (long)sqlite3_column_int64(st, 10),
			     (long)sqlite3_column_int64(st, 11) };
}

static void clear_roadmap(void *item)
{
	roadmap_info_clear(item);
}

int db_roadmap_list(sqlite3 *db, roadmap_info **out, size_t *n, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " ROADMAP_COLS " FROM roadmap r ORDER BY r.first_year, r.last_year", err);
	if (!st)
		return -1;
	return db_rows(db, st, sizeof **out, fill_roadmap, clear_roadmap, (void **)out, n, err);
}

void roadmap_list_free(roadmap_info *v, size_t n)
{
	db_rows_free(v, n, sizeof *v, clear_roadmap);
}

int db_roadmap_get(sqlite3 *db, int first_year, int last_year, roadmap_info *out, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " ROADMAP_COLS " FROM roadmap r WHERE r.first_year = ? AND r.last_year = ?",
				   err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, first_year);
	sqlite3_bind_int(st, 2, last_year);
	return db_row(db, st, fill_roadmap, out, err);
}

int db_roadmap_put(sqlite3 *db, roadmap_info *r, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO roadmap (title, source, preamble, imported_at, first_year, last_year,"
				   " order_number, order_date) VALUES (?1, ?2, ?3, ?8, ?4, ?5, ?6, ?7)"
				   " ON CONFLICT (first_year, last_year) DO UPDATE SET"
				   " title = ?1, source = ?2, preamble = ?3, imported_at = ?8,"
				   " order_number = ?6, order_date = ?7", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, r->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, r->preamble, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, r->first_year);
	sqlite3_bind_int(st, 5, r->last_year);
	sqlite3_bind_text(st, 6, r->order_number ? r->order_number : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, r->order_date ? r->order_date : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, day_now_iso(), -1, free);
	if (db_step_done(db, st, err) != 0)
		return -1;
	/* (RETURNING would need SQLite 3.35; Debian 11 has 3.34) */
	st = db_stmt(db, "SELECT id FROM roadmap WHERE first_year = ? AND last_year = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, r->first_year);
	sqlite3_bind_int(st, 2, r->last_year);
	if (db_step_row(db, st, err) != 1)
		return -1;
	r->id = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return 0;
}

void roadmap_info_clear(roadmap_info *r)
{
	free(r->title), free(r->source), free(r->preamble), free(r->imported_at);
	free(r->order_number), free(r->order_date);
	*r = (roadmap_info){ 0 };
}

static void fill_activity(sqlite3_stmt *st, void *item)
{
	activity *a = item;
	*a = (activity){
		.id = (long)sqlite3_column_int64(st, 0), .section_id = (long)sqlite3_column_int64(st, 1),
		.roadmap_id = (long)sqlite3_column_int64(st, 18), .first_year = sqlite3_column_int(st, 19),
		.last_year = sqlite3_column_int(st, 20),
		.section_number = db_col_dup(st, 2), .section_title = db_col_dup(st, 3),
		.number = db_col_dup(st, 4), .title = db_col_dup(st, 5), .deadline_text = db_col_dup(st, 6),
		.responsible = db_col_dup(st, 7), .expected_result = db_col_dup(st, 8),
		.recurrence = db_col_dup(st, 9), .start = (long)sqlite3_column_int64(st, 10),
		.end = (long)sqlite3_column_int64(st, 11), .sort = sqlite3_column_int(st, 12),
		.status = db_col_dup(st, 13), .done_on = db_col_dup(st, 14), .evidence = db_col_dup(st, 15),
		.participants = (long)sqlite3_column_int64(st, 16), .events = (long)sqlite3_column_int64(st, 17),
	};
}

static void clear_activity(void *item)
{
	activity *a = item;
	free(a->section_number), free(a->section_title), free(a->number), free(a->title);
	free(a->deadline_text), free(a->responsible), free(a->expected_result), free(a->recurrence);
	free(a->status), free(a->done_on), free(a->evidence);
}

int db_activity_list(sqlite3 *db, long roadmap_id, activity **out, size_t *n, char **err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT a.id, coalesce(a.section_id, 0), coalesce(s.number, ''), coalesce(s.title, ''), a.number,"
		" a.title, a.deadline_text, a.responsible, a.expected_result, a.recurrence, coalesce(a.start, 0),"
		" coalesce(a.end, 0), a.sort, a.status, coalesce(a.done_on, ''), a.evidence,"
		" coalesce(a.participants, -1), (SELECT count(*) FROM event e WHERE e.activity_id = a.id),"
		" a.roadmap_id, r.first_year, r.last_year"
		" FROM activity a JOIN roadmap r ON r.id = a.roadmap_id LEFT JOIN roadmap_section s ON s.id = a.section_id"
		" WHERE ?1 = 0 OR a.roadmap_id = ?1 ORDER BY r.first_year, r.last_year, a.sort", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, roadmap_id);
	return db_rows(db, st, sizeof **out, fill_activity, clear_activity, (void **)out, n, err);
}

void activity_list_free(activity *v, size_t n)
{
	db_rows_free(v, n, sizeof *v, clear_activity);
}

int db_activity_save_plan(sqlite3 *db, activity *a, char **err)
{
	sqlite3_stmt *st = db_stmt(db, a->id
		? "UPDATE activity SET section_id = ?1, number = ?2, title = ?3, deadline_text = ?4, start = ?5,"
		  " end = ?6, recurrence = ?7, responsible = ?8, expected_result = ?9, sort = ?10, roadmap_id = ?12"
		  " WHERE id = ?11"
		: "INSERT INTO activity (section_id, number, title, deadline_text, start, end, recurrence,"
		  " responsible, expected_result, sort, roadmap_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?12)",
		err);
	if (!st)
		return -1;
	if (a->section_id)
		sqlite3_bind_int64(st, 1, a->section_id);
	sqlite3_bind_text(st, 2, a->number, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, a->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, a->deadline_text, -1, SQLITE_STATIC);
	db_bind_opt_int(st, 5, a->start != 0, a->start);
	db_bind_opt_int(st, 6, a->end != 0, a->end);
	sqlite3_bind_text(st, 7, a->recurrence ? a->recurrence : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, a->responsible, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, a->expected_result, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 10, a->sort);
	if (a->id)
		sqlite3_bind_int64(st, 11, a->id);
	sqlite3_bind_int64(st, 12, a->roadmap_id);
	if (db_step_done(db, st, err) != 0)
		return -1;
	if (!a->id)
		a->id = (long)sqlite3_last_insert_rowid(db);
	return 0;
}

int db_activity_save_progress(sqlite3 *db, const activity *a, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE activity SET status = ?1, done_on = nullif(?2, ''), evidence = ?3,"
				   " participants = ?4 WHERE id = ?5", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, a->status, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, a->done_on ? a->done_on : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, a->evidence ? a->evidence : "", -1, SQLITE_STATIC);
	db_bind_opt_int(st, 4, a->participants >= 0, a->participants);
	sqlite3_bind_int64(st, 5, a->id);
	return db_step_done(db, st, err);
}

static int exec1(sqlite3 *db, const char *sql, long id, char **err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return -1;
	if (id)
		sqlite3_bind_int64(st, 1, id);
	return db_step_done(db, st, err);
}

int db_activity_delete(sqlite3 *db, long id, char **err)
{
	return exec1(db, "DELETE FROM activity WHERE id = ?1", id, err);
}

int db_sections_clear(sqlite3 *db, long roadmap_id, char **err)
{
	return exec1(db, "DELETE FROM roadmap_section WHERE roadmap_id = ?1", roadmap_id, err);
}

long db_section_add(sqlite3 *db, long roadmap_id, const char *number, const char *title, const char *notes, int sort,
		    char **err)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO roadmap_section (number, title, notes, sort, roadmap_id)"
				   " VALUES (?, ?, ?, ?, ?)", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, number, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, notes, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, sort);
	sqlite3_bind_int64(st, 5, roadmap_id);
	if (db_step_done(db, st, err) != 0)
		return -1;
	return (long)sqlite3_last_insert_rowid(db);
}

static void fill_section(sqlite3_stmt *st, void *item)
{
	section_item *s = item;
	*s = (section_item){ (long)sqlite3_column_int64(st, 0), db_col_dup(st, 1), db_col_dup(st, 2), db_col_dup(st, 3) };
}

static void clear_section(void *item)
{
	section_item *s = item;
	free(s->number), free(s->title), free(s->notes);
}

int db_section_list(sqlite3 *db, long roadmap_id, section_item **out, size_t *n, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id, number, title, notes FROM roadmap_section WHERE roadmap_id = ?"
				   " ORDER BY sort, id", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, roadmap_id);
	return db_rows(db, st, sizeof **out, fill_section, clear_section, (void **)out, n, err);
}

void section_list_free(section_item *v, size_t n)
{
	db_rows_free(v, n, sizeof *v, clear_section);
}

static void fill_event(sqlite3_stmt *st, void *item)
{
	event_item *e = item;
	*e = (event_item){ (long)sqlite3_column_int64(st, 0), (long)sqlite3_column_int64(st, 1), db_col_dup(st, 2),
			   db_col_dup(st, 3), db_col_dup(st, 4), (long)sqlite3_column_int64(st, 5) };
}

static void clear_event(void *item)
{
	event_item *e = item;
	free(e->held_on), free(e->kind), free(e->topic);
}

#define EVENT_COLS "id, coalesce(activity_id, 0), held_on, kind, topic, coalesce(participants, -1)"

int db_event_list(sqlite3 *db, long activity_id, event_item **out, size_t *n, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " EVENT_COLS " FROM event WHERE ?1 = 0 OR activity_id = ?1"
				   " ORDER BY held_on, id", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, activity_id);
	return db_rows(db, st, sizeof **out, fill_event, clear_event, (void **)out, n, err);
}

void event_list_free(event_item *v, size_t n)
{
	db_rows_free(v, n, sizeof *v, clear_event);
}

int db_event_find(sqlite3 *db, const char *held_on, const char *kind, const char *topic, event_item *out, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " EVENT_COLS " FROM event WHERE held_on = ? AND kind = ? AND topic = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, held_on, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, topic, -1, SQLITE_STATIC);
	return db_row(db, st, fill_event, out, err);
}

int db_event_save(sqlite3 *db, event_item *e, char **err)
{
	sqlite3_stmt *st = db_stmt(db, e->id
		? "UPDATE event SET held_on = ?1, kind = ?2, topic = ?3, participants = ?4, activity_id = ?5 WHERE id = ?6"
		: "INSERT INTO event (held_on, kind, topic, participants, activity_id) VALUES (?1, ?2, ?3, ?4, ?5)", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, e->held_on, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, e->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, e->topic, -1, SQLITE_STATIC);
	db_bind_opt_int(st, 4, e->participants >= 0, e->participants);
	db_bind_opt_int(st, 5, e->activity_id != 0, e->activity_id);
	if (e->id)
		sqlite3_bind_int64(st, 6, e->id);
	if (db_step_done(db, st, err) != 0)
		return -1;
	if (!e->id)
		e->id = (long)sqlite3_last_insert_rowid(db);
	return 0;
}
