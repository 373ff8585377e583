#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common.h"
#include "folder.h"
#include "store.h"
#include "utf8.h"

/* The setting each purpose is kept under (the file picker's is the key it
 * had before the others were remembered too). */
static const char *key_of(enum folder_purpose purpose)
{
	static const char *const keys[] = { [FOLDER_FILES] = "ui.import.dir", [FOLDER_PACKAGES] = "ui.packages.dir",
					    [FOLDER_WRITE] = "ui.write.dir" };
	return keys[purpose];
}

int folder_is_dir(const char *path)
{
	struct stat st;
	return path && *path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

char *folder_remembered(sqlite3 *db, enum folder_purpose purpose)
{
	char *err = NULL, *dir = db_setting_get(db_sdb(db), key_of(purpose), &err);
	free(err);
	if (dir && !folder_is_dir(dir)) {
		free(dir);
		dir = NULL;
	}
	return dir;
}

int folder_remember(sqlite3 *db, enum folder_purpose purpose, const char *dir, char **err)
{
	return db_setting_set(db_sdb(db), key_of(purpose), dir, err);
}

static int by_kind_and_name(const void *pa, const void *pb)
{
	const folder_entry *a = pa, *b = pb;
	if (a->dir != b->dir)
		return b->dir - a->dir;
	return utf8_collate(a->name, strlen(a->name), b->name, strlen(b->name));
}

int folder_list(const char *dir, folder_entry **out, size_t *n, char **err)
{
	*out = NULL;
	*n = 0;
	DIR *d = opendir(dir);
	if (!d) {
		*err = xasprintf(_("cannot open the folder %s: %s"), dir, strerror(errno));
		return -1;
	}
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char *path = folder_join(dir, e->d_name);
		struct stat st;
		/* Devices, pipes and broken links are nothing to choose. */
		if (stat(path, &st) != 0 || !(S_ISDIR(st.st_mode) || S_ISREG(st.st_mode))) {
			free(path);
			continue;
		}
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		(*out)[(*n)++] = (folder_entry){ xstrdup(e->d_name), path, S_ISDIR(st.st_mode), (long long)st.st_size };
	}
	closedir(d);
	if (*n > 1)
		qsort(*out, *n, sizeof **out, by_kind_and_name);
	return 0;
}

void folder_list_free(folder_entry *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].path);
	}
	free(v);
}

/* The length of dir without the slashes it ends with (but "/" itself). */
static size_t trimmed(const char *dir)
{
	size_t k = strlen(dir);
	while (k > 1 && dir[k - 1] == '/')
		k--;
	return k;
}

char *folder_parent(const char *dir)
{
	size_t k = trimmed(dir);
	while (k > 0 && dir[k - 1] != '/')
		k--;
	while (k > 1 && dir[k - 1] == '/')
		k--;
	return k ? xstrndup(dir, k) : xstrdup("/");
}

char *folder_join(const char *dir, const char *name)
{
	size_t k = trimmed(dir);
	return k == 1 && *dir == '/' ? xasprintf("/%s", name) : xasprintf("%.*s/%s", (int)k, dir, name);
}
