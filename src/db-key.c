#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "day.h"
#include "db.h"
#include "store.h"

int db_own_key_get(sdb *db, sign_key *k, char **err)
{
	sdb_stmt *st = sdb_prepare(db, "SELECT private FROM own_key WHERE id = 1", err);
	if (!st)
		return -1;
	int rc = sdb_step(st, err);
	if (rc == 1) {
		size_t n;
		const void *priv = sdb_col_blob(st, 0, &n);
		if (n == SIGN_KEY_SIZE) {
			sign_key_from_private(k, priv);
		} else {
			*err = xasprintf(_("the database's signing key is damaged"));
			rc = -1;
		}
		sdb_reset(st);
	}
	return rc;
}

int db_own_key_put(sdb *db, const sign_key *k, char **err)
{
	sdb_stmt *st = sdb_prepare(db, "INSERT INTO own_key (id, public, private, made_at) VALUES (1, ?, ?, ?)", err);
	if (!st)
		return -1;
	char *now = day_now_iso();
	sdb_bind_blob(st, 1, k->pub, SIGN_KEY_SIZE);
	sdb_bind_blob(st, 2, k->priv, SIGN_KEY_SIZE);
	sdb_bind_text(st, 3, now);
	free(now);
	return sdb_done(st, err);
}
