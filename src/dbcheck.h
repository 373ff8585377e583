/* Integrity of a database file and consistent copies of it. Never prints. */
#ifndef ORIENTIR_DBCHECK_H
#define ORIENTIR_DBCHECK_H
#include <sqlite3.h>
/* Checks SQLite's integrity, foreign keys and that this is an orientir
 * database of a known version. 0 sound; 1 damaged or foreign, with the
 * problems in *report (fresh, one per line); -1 cannot check, *report says why. */
int dbcheck_file(const char *path, char **report);
/* Copies the live database db into dest with SQLite's online backup API
 * (dest.tmp first, then renamed), then checks the copy. 0, or -1 with *err. */
int dbcheck_backup(sqlite3 *db, const char *dest, char **err);
/* A new backup's name in dir: orientir-CODE-YYYY-MM-DD.db, or -2.db,
 * -3.db… after the last one made that day (fresh). */
char *dbcheck_backup_name(const char *dir, const char *code);
/* Keeps the newest keep backups of school code in dir (files named
 * orientir-CODE-DATE*.db), removing older ones. How many were removed. */
int dbcheck_prune(const char *dir, const char *code, int keep);
/* Puts the backup at from in place of the database at path, after checking
 * it is a sound orientir database of a known version; the current database
 * is kept aside as path.before-restore-DATE (*aside, fresh). 0, or -1 with
 * *err and nothing changed. */
int dbcheck_restore(const char *from, const char *path, char **aside, char **err);
#endif
