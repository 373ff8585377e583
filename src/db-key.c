#include "config.h"

#include <string.h>

#include "common.h"
#include "db.h"
#include "store.h"

int db_own_key_get(sqlite3 *db, sign_key *k, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT private FROM own_key WHERE id = 1", err);
	if (!st)
		return -1;
	int rc = db_step_row(db, st, err);
	if (rc == 1) {
		if (sqlite3_column_bytes(st, 0) == SIGN_KEY_SIZE) {
			sign_key_from_private(k, sqlite3_column_blob(st, 0));
		} else {
			*err = xasprintf(_("the database's signing key is damaged"));
			rc = -1;
		}
		sqlite3_reset(st);
	}
	return rc;
}

int db_own_key_put(sqlite3 *db, const sign_key *k, char **err)
{
	sqlite3_stmt *st = db_stmt(db,
		"INSERT INTO own_key (id, public, private, made_at)"
		" VALUES (1, ?, ?, strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))", err);
	if (!st)
		return -1;
	sqlite3_bind_blob(st, 1, k->pub, SIGN_KEY_SIZE, SQLITE_STATIC);
	sqlite3_bind_blob(st, 2, k->priv, SIGN_KEY_SIZE, SQLITE_STATIC);
	return db_step_done(db, st, err);
}
