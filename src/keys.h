/* The keys a database signs and trusts with: its own, made at init or on
 * first need; for a school, the district's, learnt from the first genuine
 * receipt and kept from then on (trust on first use); and whether a
 * receipt beside a package is the district's. Domain layer. */
#ifndef ORIENTIR_KEYS_H
#define ORIENTIR_KEYS_H

#include <sqlite3.h>
#include <stdint.h>

#include "receipt.h"
#include "sdb.h"
#include "sign.h"

/* The database's own key: 1 and *k. A database made by an earlier version
 * has none: one is made and kept now, and *news (when news is not NULL)
 * says so, with its fingerprint, for the user to be told once (fresh;
 * NULL when nothing was made). -1 with *err. */
int keys_own(sdb *db, sign_key *k, char **news, char **err);

/* Whether a receipt a school finds is the district's. */
enum receipt_trust {
	RECEIPT_GENUINE,	/* signed by the district's key (learnt from this receipt if it is the first) */
	RECEIPT_UNSIGNED,	/* no signature: anyone could have written it */
	RECEIPT_OTHER_KEY,	/* signed, but not by the district's key this school knows */
	RECEIPT_DAMAGED,	/* the signature does not match the text: changed after it was signed */
};
/* Judges r (read by receipt_read) for the school's database db; the first
 * signed receipt seen teaches the district's key, kept from then on. */
enum receipt_trust keys_receipt_trust(sqlite3 *db, const receipt *r);
/* The judgement in words (translated). */
const char *keys_receipt_trust_title(enum receipt_trust t);

/* Whose a backup is, as restoring it must say. */
enum backup_trust {
	BACKUP_OURS,		/* signed by this database's key, unchanged since */
	BACKUP_OTHER_KEY,	/* signed by another key: another database's, or a forger's */
	BACKUP_UNSIGNED,	/* no .sig beside it: an earlier orientir made it, or it was left behind */
	BACKUP_DAMAGED,		/* its .sig does not match it: changed after it was written */
};
/* Judges the backup at path for the database db (its key is made if it
 * has none, which no backup can be signed with). */
enum backup_trust keys_backup_trust(sqlite3 *db, const char *path);
/* The judgement in words (translated). */
const char *keys_backup_trust_title(enum backup_trust t);

/* The database's own key's fingerprint (fresh), or NULL with *err; *news
 * as keys_own gives it. */
char *keys_own_fingerprint(sqlite3 *db, char **news, char **err);

/* The district's key a school knows: 1 and *pub, 0 none yet, -1 *err. */
int keys_district(sqlite3 *db, uint8_t pub[SIGN_KEY_SIZE], char **err);
/* Forgets it (the district has a new key): the next signed receipt
 * teaches it again. */
int keys_district_forget(sqlite3 *db, char **err);

#endif
