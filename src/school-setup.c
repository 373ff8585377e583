#include "config.h"

#include <stdlib.h>

#include "common.h"
#include "db.h"
#include "identity.h"
#include "keys.h"
#include "refdata.h"
#include "school-setup.h"

int school_setup(const char *path, const school *s, const char *datadir, diag *d)
{
	char *err = NULL;
	enum identity_field bad;
	sign_key key;
	if (identity_check(s->code, s->name, s->district, &bad, &err) != 0) {
		diag_report(d, DIAG_ERROR, NULL, 0, "%s", err);
		free(err);
		return -1;
	}
	sqlite3 *db = db_open(path, &err);
	if (!db)
		goto fail;
	school old = { 0 };
	int have = db_school_get(db_sdb(db), &old, &err);
	if (have < 0)
		goto fail;
	if (have) {
		err = xasprintf(_("%s already belongs to «%s» (code %s); nothing was changed"), path, old.name, old.code);
		school_clear(&old);
		goto fail;
	}
	if (db_begin(db, &err) != 0)
		goto fail;
	if (db_school_create(db_sdb(db), s, &err) != 0 || keys_own(db_sdb(db), &key, NULL, &err) < 0) {
		db_rollback(db);
		goto fail;
	}
	if (refdata_load(db, datadir, d) != 0) {
		db_rollback(db);
		db_close(db);
		return -1;
	}
	if (db_commit(db, &err) != 0)
		goto fail;
	db_close(db);
	return 0;
fail:
	diag_report(d, DIAG_ERROR, NULL, 0, "%s", err);
	free(err);
	db_close(db);
	return -1;
}
