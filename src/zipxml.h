/* The XML inside a zip archive (.docx, .odt, .xlsx): libzip opens the
 * archive, expat reads one member at a time as a stream of start tags, end
 * tags and text, with namespaces resolved. Everything a hostile file could
 * make large is bounded — the archive, each member and all of them
 * inflated, the elements, their depth, the text handed over — and entity
 * declarations are refused, so a zip bomb or a billion-laughs document
 * gets a message, never the memory. io layer: never prints. */
#ifndef ORIENTIR_ZIPXML_H
#define ORIENTIR_ZIPXML_H

#include <stddef.h>

typedef struct zipxml_limits {
	long long file_bytes;		/* the archive on disk */
	long long member_bytes;		/* one member, inflated */
	long long total_bytes;		/* every member read, inflated, together */
	long long text_bytes;		/* character data handed over, together */
	long long token_bytes;		/* one piece of XML read before anything comes of it (a comment, a tag) */
	long elements;			/* start tags, together */
	int depth;			/* elements open at once */
} zipxml_limits;

/* Room for any real office document, and far below what hurts an old PC. */
extern const zipxml_limits zipxml_default_limits;

typedef struct zipxml zipxml;

/* Opens path (a regular file) as a zip archive: NULL with *err (translated,
 * naming path) when it cannot be read, is too big or is not a zip archive. */
zipxml *zipxml_open(const char *path, const zipxml_limits *lim, char **err);
void zipxml_close(zipxml *z);
const char *zipxml_path(const zipxml *z);
/* Whether the archive holds a member of that name. */
int zipxml_has(zipxml *z, const char *name);
/* A whole member, at most max bytes inflated (fresh, NUL-ended, *len
 * long): 0, 1 when there is no such member, -1 with *err. */
int zipxml_read(zipxml *z, const char *name, size_t max, char **data, size_t *len, char **err);

/* A namespace a reader knows, and the number it wants it called by
 * (several URIs may share one: Word's transitional and strict forms). */
typedef struct zipxml_ns {
	const char *uri;
	int id;
} zipxml_ns;

/* What a reader does with a member. Each callback returns NULL to go on,
 * or a fresh translated message to stop the reading with. ns is the id of
 * the element's namespace, -1 for one not listed; attrs are name, value
 * pairs, NULL-ended (read them with zipxml_attr). */
typedef struct zipxml_handler {
	const zipxml_ns *ns;		/* ended by { NULL, 0 } */
	char *(*start)(void *ctx, int ns, const char *name, const char **attrs);
	char *(*end)(void *ctx, int ns, const char *name);
	char *(*text)(void *ctx, const char *s, int len);
	void *ctx;
} zipxml_handler;

/* Streams member through h: 0, 1 when there is no such member, -1 with
 * *err (translated, naming the file, the member and, for bad XML, the
 * line). */
int zipxml_parse(zipxml *z, const char *member, const zipxml_handler *h, char **err);
/* The value of attribute local in namespace uri (NULL: none) among attrs,
 * or NULL. */
const char *zipxml_attr(const char **attrs, const char *uri, const char *local);

#endif
