#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "keyval.h"

/* The value on the line starting at line if its key is key, else NULL. */
static char *value_at(const char *line, const char *key)
{
	size_t k = strlen(key);
	if (strncmp(line, key, k) != 0 || line[k] != ':')
		return NULL;
	const char *v = line + k + 1, *end = strchr(v, '\n');
	if (!end)
		end = v + strlen(v);
	while (v < end && (*v == ' ' || *v == '\t'))
		v++;
	while (end > v && (end[-1] == '\r' || end[-1] == ' ' || end[-1] == '\t'))
		end--;
	return xstrndup(v, (size_t)(end - v));
}

char **keyval_all(const char *text, const char *key, int *n)
{
	char **v = NULL;
	*n = 0;
	for (const char *line = text; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
		char *val = value_at(line, key);
		if (val) {
			v = xrealloc(v, (size_t)(*n + 1) * sizeof *v);
			v[(*n)++] = val;
		}
	}
	return v;
}

char *keyval_get(const char *text, const char *key)
{
	int n;
	char **v = keyval_all(text, key, &n);
	char *first = n ? v[0] : NULL;
	for (int i = 1; i < n; i++)
		free(v[i]);
	free(v);
	return first;
}
