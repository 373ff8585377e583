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
#endif
