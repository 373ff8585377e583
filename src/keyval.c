#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "keyval.h"

void keyval_put(FILE *fp, const char *key, const char *value)
{
	fprintf(fp, "%s: ", key);
	for (const unsigned char *c = (const unsigned char *)value; *c; c++) {
		if (*c == '\\')
			fputs("\\\\", fp);
		else if (*c == '\n')
			fputs("\\n", fp);
		else if (*c == '\r')
			fputs("\\r", fp);
		else if (*c == '\t')
			fputs("\\t", fp);
		else if (*c < 0x20 || *c == 0x7F)
			fprintf(fp, "\\x%02X", *c);
		else
			fputc(*c, fp);
	}
	fputc('\n', fp);
}

static int hex(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10
		: -1;
}

/* v..end with keyval_put's escapes undone (fresh). */
static char *unescape(const char *v, const char *end)
{
	char *out = xmalloc((size_t)(end - v) + 1), *o = out;
	while (v < end) {
		if (*v != '\\' || v + 1 == end) {
			*o++ = *v++;
			continue;
		}
		char c = v[1];
		if (c == '\\' || c == 'n' || c == 'r' || c == 't') {
			*o++ = c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : '\\';
			v += 2;
		} else if (c == 'x' && end - v >= 4 && hex(v[2]) >= 0 && hex(v[3]) >= 0) {
			*o++ = (char)(hex(v[2]) << 4 | hex(v[3]));
			v += 4;
		} else {
			*o++ = *v++;
		}
	}
	*o = '\0';
	return out;
}

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
	return unescape(v, end);
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
