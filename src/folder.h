/* Folders a person chooses: the one last chosen for each purpose, kept in
 * the database's settings so that the screens offer it again, and what a
 * folder holds for the file picker. Never prints. */
#ifndef ORIENTIR_FOLDER_H
#define ORIENTIR_FOLDER_H

#include <sqlite3.h>
#include <stddef.h>

/* What a folder is chosen for: each remembers its own. */
enum folder_purpose {
	FOLDER_FILES,		/* the file picker: a file to import */
	FOLDER_PACKAGES,	/* the district takes the schools' packages from it */
	FOLDER_WRITE,		/* a package, report, roadmap or backup is written into it */
};

/* The folder last chosen for purpose, when it still is a folder (fresh),
 * else NULL. */
char *folder_remembered(sqlite3 *db, enum folder_purpose purpose);
/* Remembers dir for purpose. 0, or -1 with *err. */
int folder_remember(sqlite3 *db, enum folder_purpose purpose, const char *dir, char **err);
/* Whether path is a folder (following a link). */
int folder_is_dir(const char *path);

typedef struct folder_entry {
	char *name;		/* as in the folder */
	char *path;		/* the folder's path and the name */
	int dir;		/* a folder; else a regular file */
	long long size;		/* a file's bytes */
} folder_entry;

/* The folders and regular files in dir, hidden ones left out: folders
 * first, then files, each by name as people sort (ё beside е). 0, or -1
 * with *err when dir cannot be read. */
int folder_list(const char *dir, folder_entry **out, size_t *n, char **err);
void folder_list_free(folder_entry *v, size_t n);
/* The folder that holds dir: "/a/b" → "/a", "/a" → "/" (fresh). */
char *folder_parent(const char *dir);
/* dir and name joined with one slash (fresh). */
char *folder_join(const char *dir, const char *name);

#endif
