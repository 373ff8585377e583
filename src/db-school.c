#include "config.h"

#include <stdlib.h>

#include "common.h"
#include "day.h"
#include "db.h"
#include "store.h"

static void fill_school(sdb_stmt *st, void *item)
{
	school *s = item;
	*s = (school){ sdb_col_dup(st, 0), sdb_col_dup(st, 1), sdb_col_dup(st, 2), sdb_col_dup(st, 3),
		       sdb_col_dup(st, 4) };
}

int db_school_get(sdb *db, school *out, char **err)
{
	sdb_stmt *st = sdb_prepare(db, "SELECT code, name, district, role, created_at FROM school WHERE id = 1", err);
	if (!st)
		return -1;
	return sdb_row(st, fill_school, out, err);
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

int db_school_create(sdb *db, const school *s, char **err)
{
	sdb_stmt *st = sdb_prepare(db,
		"INSERT INTO school (id, code, name, district, role, created_at)"
		" VALUES (1, ?1, ?2, ?3, ?4, ?5)", err);
	if (!st)
		return -1;
	char *now = day_now_iso();
	sdb_bind_text(st, 1, s->code);
	sdb_bind_text(st, 2, s->name);
	sdb_bind_text(st, 3, s->district);
	sdb_bind_text(st, 4, s->role);
	sdb_bind_text(st, 5, now);
	free(now);
	return sdb_done(st, err);
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

char *db_setting_get(sdb *db, const char *key, char **err)
{
	sdb_stmt *st = sdb_prepare(db, "SELECT value FROM setting WHERE key = ?", err);
	if (!st)
		return NULL;
	sdb_bind_text(st, 1, key);
	if (sdb_step(st, err) != 1)
		return NULL;
	char *v = sdb_col_dup(st, 0);
	sdb_reset(st);
	return v;
}

int db_setting_set(sdb *db, const char *key, const char *value, char **err)
{
	sdb_stmt *st = sdb_prepare(db, "INSERT INTO setting (key, value) VALUES (?1, ?2)"
				   " ON CONFLICT (key) DO UPDATE SET value = ?2", err);
	if (!st)
		return -1;
	sdb_bind_text(st, 1, key);
	sdb_bind_text(st, 2, value);
	return sdb_done(st, err);
}
