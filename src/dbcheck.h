/* Integrity of a database file and consistent copies of it. Never prints. */
#ifndef ORIENTIR_DBCHECK_H
#define ORIENTIR_DBCHECK_H
#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "sign.h"
/* Checks SQLite's integrity, foreign keys and that this is an orientir
 * database of a known version. 0 sound; 1 damaged or foreign, with the
 * problems in *report (fresh, one per line); -1 cannot check, *report says why. */
int dbcheck_file(const char *path, char **report);
/* Copies the live database db with SQLite's online backup API into a
 * private file beside it, checks the copy, then puts it at dest through
 * stick.h (never through a link, whole or not at all, 0600). With key, a
 * signature of the copy's SHA-256 goes beside it as dest.sig (an old one
 * is removed first: a copy is never left beside a signature not its own).
 * 0, or -1 with *err. */
int dbcheck_backup(sqlite3 *db, const char *dest, const sign_key *key, char **err);
/* Whether the backup at path is signed (path.sig, read within limits) and
 * the signature matches the file: the signer in pub when SIGN_GOOD. */
enum sign_state dbcheck_signature(const char *path, uint8_t pub[SIGN_KEY_SIZE]);
/* A new backup's name in dir: orientir-CODE-YYYY-MM-DD.db, or -2.db,
 * -3.db… after the last one made that day (fresh); NULL with *err for a
 * code that would make it a path (identity_check_field). */
char *dbcheck_backup_name(const char *dir, const char *code, char **err);
/* The backups in dir: regular files named orientir-CODE-DATE*.db (of any
 * code when code is NULL), oldest first. 0 and *names (fresh), or -1 when
 * dir cannot be read. */
int dbcheck_backups(const char *dir, const char *code, char ***names, size_t *n);
void dbcheck_backups_free(char **names, size_t n);
/* Keeps the newest keep backups of school code in dir (files named
 * orientir-CODE-DATE*.db), removing older ones with their .sig. How many
 * were removed. */
int dbcheck_prune(const char *dir, const char *code, int keep);
/* Puts the backup at from in place of the database at path, after checking
 * it is a sound orientir database of a known version; the current database
 * is kept aside as path.before-restore-DATE (*aside, fresh). 0, or -1 with
 * *err and nothing changed. */
int dbcheck_restore(const char *from, const char *path, char **aside, char **err);
#endif
