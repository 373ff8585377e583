#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common.h"
#include "paths.h"

/* Where the installed tree lies: "" when this binary is BINDIR/orientir,
 * the folder before it when it is DIR/BINDIR/orientir (a tree installed
 * with DESTDIR, or moved whole), or NULL for any other binary: the build
 * tree's, which finds its data in the source tree instead, so that it
 * works before "make install". */
static const char *installed_root(void)
{
	static int known;
	static char *root;
	if (!known) {
		char exe[PATH_MAX];
		ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
		const char *tail = BINDIR "/orientir";
		size_t tl = strlen(tail);
		known = 1;
		if (n > 0) {
			exe[n] = '\0';
			if ((size_t)n >= tl && strcmp(exe + (size_t)n - tl, tail) == 0)
				root = xstrndup(exe, (size_t)n - tl);
		}
	}
	return root;
}

/* dir under the installed tree's root (fresh, kept for the run), or NULL. */
static const char *installed(const char *dir)
{
	const char *root = installed_root();
	return root ? xasprintf("%s%s", root, dir) : NULL;
}

const char *paths_datadir(void)
{
	static const char *dir;
	const char *env = getenv("ORIENTIR_DATADIR");
	if (env && *env)
		return env;
	if (!dir && !(dir = installed(PKGDATADIR)))
		dir = SOURCE_DATADIR;
	return dir;
}

const char *paths_localedir(void)
{
	static const char *dir;
	const char *env = getenv("ORIENTIR_LOCALEDIR");
	if (env && *env)
		return env;
	if (!dir && !(dir = installed(LOCALEDIR)))
		dir = BUILD_LOCALEDIR;
	return dir;
}
