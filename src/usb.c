#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "usb.h"

/* /proc/self/mounts writes spaces and the like as \040 octal escapes. */
static char *unescape(const char *s)
{
	char *out = xmalloc(strlen(s) + 1), *o = out;
	while (*s) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' && s[2] <= '7' && s[3] >= '0' && s[3] <= '7') {
			*o++ = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 + (s[3] - '0'));
			s += 4;
		} else {
			*o++ = *s++;
		}
	}
	*o = '\0';
	return out;
}

static int stick_fs(const char *type)
{
	static const char *const types[] = { "vfat", "exfat", "ntfs", "ntfs3", "fuseblk", "msdos" };
	for (size_t i = 0; i < sizeof types / sizeof *types; i++)
		if (strcmp(type, types[i]) == 0)
			return 1;
	return 0;
}

static int stick_place(const char *dir)
{
	return strncmp(dir, "/media/", 7) == 0 || strncmp(dir, "/run/media/", 11) == 0 ||
	       strncmp(dir, "/mnt/", 5) == 0 || strcmp(dir, "/mnt") == 0;
}

int usb_find(const char *mounts_file, usb_stick **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	FILE *fp = fopen(mounts_file, "r");
	if (!fp)
		return -1;
	char line[4096];
	while (fgets(line, sizeof line, fp)) {
		char dev[1024], dir[1024], type[64];
		if (sscanf(line, "%1023s %1023s %63s", dev, dir, type) != 3 || !stick_fs(type))
			continue;
		char *mount = unescape(dir);
		if (!stick_place(mount)) {
			free(mount);
			continue;
		}
		const char *slash = strrchr(mount, '/');
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		(*out)[(*n)++] = (usb_stick){ mount, xstrdup(slash && slash[1] ? slash + 1 : mount) };
	}
	fclose(fp);
	return 0;
}

void usb_free(usb_stick *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].mount);
		free(v[i].label);
	}
	free(v);
}
