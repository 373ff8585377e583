#include "config.h"

#include <stdlib.h>

#include "common.h"
#include "day.h"
#include "db.h"
#include "store.h"

int db_school_get(sqlite3 *db, school *out, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT code, name, district, role, created_at FROM school WHERE id = 1", err);
	if (!st)
		return -1;
	int rc = db_step_row(db, st, err);
	if (rc != 1)
		return rc;
	out->code = db_col_dup(st, 0);
	out->name = db_col_dup(st, 1);
	out->district = db_col_dup(st, 2);
	out->role = db_col_dup(st, 3);
	out->created_at = db_col_dup(st, 4);
	sqlite3_reset(st);
	return 1;
}

int db_school_code(sqlite3 *db, char **code, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT code FROM school", err);
	if (!st)
		return -1;
	int rc = db_step_row(db, st, err);
	if (rc == 1) {
		*code = db_col_dup(st, 0);
		sqlite3_reset(st);
	}
	return rc;
}

int db_school_create(sqlite3 *db, const school *s, char **err)
{
	sqlite3_stmt *st = db_stmt(db,
		"INSERT INTO school (id, code, name, district, role, created_at)"
		" VALUES (1, ?1, ?2, ?3, ?4, ?5)", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, s->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, s->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, s->district ? s->district : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, s->role, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, day_now_iso(), -1, free);
	return db_step_done(db, st, err);
}

int db_school_update(sqlite3 *db, const school *s, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE school SET code = ?, name = ?, district = ? WHERE id = 1", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, s->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, s->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, s->district ? s->district : "", -1, SQLITE_STATIC);
	return db_step_done(db, st, err);
}

void school_clear(school *s)
{
	free(s->code);
	free(s->name);
	free(s->district);
	free(s->role);
	free(s->created_at);
	*s = (school){ 0 };
}

char *db_setting_get(sqlite3 *db, const char *key, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT value FROM setting WHERE key = ?", err);
	if (!st)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (db_step_row(db, st, err) != 1)
		return NULL;
	char *v = db_col_dup(st, 0);
	sqlite3_reset(st);
	return v;
}

int db_setting_set(sqlite3 *db, const char *key, const char *value, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	return db_step_done(db, st, err);
}
