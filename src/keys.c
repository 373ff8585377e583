#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "sdb.h"
#include "db.h"
#include "dbcheck.h"
#include "keys.h"
#include "store.h"

#define DISTRICT_KEY "district.key"

int keys_own(sdb *db, sign_key *k, char **news, char **err)
{
	if (news)
		*news = NULL;
	int have = db_own_key_get(db, k, err);
	if (have != 0)
		return have;
	/* Its own transaction unless the caller's is open: the key signs at
	 * once, so it must be kept whatever the caller does next. */
	int own = !sdb_in_transaction(db);
	if (sign_key_make(k, err) != 0 || (own && sdb_begin(db, err) != 0))
		return -1;
	if (db_own_key_put(db, k, err) != 0 || (own && sdb_commit(db, err) != 0)) {
		if (own)
			sdb_rollback(db);
		return -1;
	}
	if (news) {
		char *fp = sign_fingerprint(k->pub);
		*news = xasprintf(_("This database now has its signing key (fingerprint %s): what it writes for others"
				    " is signed with it. 'orientir key' shows it again."), fp);
		free(fp);
	}
	return 1;
}

int keys_district(sqlite3 *db, uint8_t pub[SIGN_KEY_SIZE], char **err)
{
	char *hex = db_setting_get(db_sdb(db), DISTRICT_KEY, err);
	if (!hex)
		return *err ? -1 : 0;
	int rc = sign_unhex(hex, pub, SIGN_KEY_SIZE) == 0;
	free(hex);
	return rc;
}

int keys_district_forget(sqlite3 *db, char **err)
{
	return db_setting_set(db_sdb(db), DISTRICT_KEY, "", err);
}

enum receipt_trust keys_receipt_trust(sqlite3 *db, const receipt *r)
{
	if (r->sig == SIGN_NONE)
		return RECEIPT_UNSIGNED;
	if (r->sig == SIGN_BAD)
		return RECEIPT_DAMAGED;
	uint8_t known[SIGN_KEY_SIZE];
	char *err = NULL;
	int have = keys_district(db, known, &err);
	free(err);
	if (have > 0)
		return memcmp(known, r->key, SIGN_KEY_SIZE) == 0 ? RECEIPT_GENUINE : RECEIPT_OTHER_KEY;
	/* The first signed receipt: its key is the district's from now on. A
	 * database that cannot keep it still judges this one genuine. */
	char *hex = sign_hex(r->key, SIGN_KEY_SIZE);
	err = NULL;
	db_setting_set(db_sdb(db), DISTRICT_KEY, hex, &err);
	free(err);
	free(hex);
	return RECEIPT_GENUINE;
}

const char *keys_receipt_trust_title(enum receipt_trust t)
{
	switch (t) {
	case RECEIPT_GENUINE: return _("signed by the district");
	case RECEIPT_UNSIGNED: return _("not signed: nothing shows the district wrote it");
	case RECEIPT_OTHER_KEY: return _("signed by a key that is not the district's: ask the district");
	default: return _("damaged: changed after the district signed it");
	}
}

enum backup_trust keys_backup_trust(sqlite3 *db, const char *path)
{
	uint8_t pub[SIGN_KEY_SIZE];
	sign_key own;
	char *err = NULL;
	switch (dbcheck_signature(path, pub)) {
	case SIGN_NONE: return BACKUP_UNSIGNED;
	case SIGN_BAD: return BACKUP_DAMAGED;
	default: break;
	}
	int have = keys_own(db_sdb(db), &own, NULL, &err);
	free(err);
	return have > 0 && memcmp(own.pub, pub, SIGN_KEY_SIZE) == 0 ? BACKUP_OURS : BACKUP_OTHER_KEY;
}

const char *keys_backup_trust_title(enum backup_trust t)
{
	switch (t) {
	case BACKUP_OURS: return _("signed by this school's key");
	case BACKUP_OTHER_KEY: return _("signed by another key, not this school's");
	case BACKUP_UNSIGNED: return _("not signed (an earlier orientir's, or its .sig is lost)");
	default: return _("changed after it was written");
	}
}

char *keys_own_fingerprint(sqlite3 *db, char **news, char **err)
{
	sign_key k;
	return keys_own(db_sdb(db), &k, news, err) < 0 ? NULL : sign_fingerprint(k.pub);
}
