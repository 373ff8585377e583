#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paths.h"

/* Whether this binary is the installed one: the build tree's binary finds
 * its data in the source tree instead, so it works before "make install". */
static int installed(void)
{
	static int known = -1;
	if (known < 0) {
		char exe[PATH_MAX];
		ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
		known = 1;
		if (n > 0) {
			exe[n] = '\0';
			known = strcmp(exe, BINDIR "/orientir") == 0;
		}
	}
	return known;
}

const char *paths_datadir(void)
{
	const char *env = getenv("ORIENTIR_DATADIR");
	if (env && *env)
		return env;
	return installed() ? PKGDATADIR : SOURCE_DATADIR;
}

const char *paths_localedir(void)
{
	const char *env = getenv("ORIENTIR_LOCALEDIR");
	if (env && *env)
		return env;
	return installed() ? LOCALEDIR : BUILD_LOCALEDIR;
}
