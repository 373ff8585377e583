#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

/* expat declares its billion-laughs limits only for a build with DTD
 * support, which configure found. */
#ifdef HAVE_XML_SETBILLIONLAUGHSATTACKPROTECTIONMAXIMUMAMPLIFICATION
#define XML_DTD 1
#endif
#include <expat.h>

#include "common.h"
#include "zipxml.h"

#define MB (1024LL * 1024)
/* A limit in whole megabytes, rounded up, for messages. */
#define IN_MB(bytes) (((bytes) + MB - 1) / MB)

const zipxml_limits zipxml_default_limits = {
	.file_bytes = 100 * MB,
	.member_bytes = 32 * MB,
	.total_bytes = 64 * MB,
	.text_bytes = 16 * MB,
	.token_bytes = 4 * MB,
	.elements = 4000000,
	.depth = 256,
};

struct zipxml {
	zip_t *zip;
	char *path;
	zipxml_limits lim;
	long long inflated, text;	/* so far, over every member read */
	long elements;
};

/* A libzip error about the archive as a whole, told for people. */
static char *zip_problem(const char *path, int code)
{
	switch (code) {
	case ZIP_ER_NOZIP:
		return xasprintf(_("%s is not a zip archive, as .docx and .odt documents are"), path);
	case ZIP_ER_NOPASSWD:
	case ZIP_ER_WRONGPASSWD:
	case ZIP_ER_ENCRNOTSUPP:
		return xasprintf(_("%s is protected with a password: save it again without one"), path);
	case ZIP_ER_MEMORY:
		return xasprintf(_("%s: out of memory"), path);
	default: {
		zip_error_t e;
		zip_error_init_with_code(&e, code);
		char *s = xasprintf(_("%s is damaged: %s"), path, zip_error_strerror(&e));
		zip_error_fini(&e);
		return s;
	}
	}
}

zipxml *zipxml_open(const char *path, const zipxml_limits *lim, char **err)
{
	/* Non-blocking, so that a FIFO given as the file cannot hang us. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		*err = xasprintf(_("cannot read %s: %s"), path, strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		*err = xasprintf(_("%s is not a regular file"), path);
		close(fd);
		return NULL;
	}
	if (st.st_size > lim->file_bytes) {
		*err = xasprintf(_("%s is larger than %lld MB: too large for a document to read"), path,
				 IN_MB(lim->file_bytes));
		close(fd);
		return NULL;
	}
	unsigned char magic[4] = { 0 };
	int zip_like = pread(fd, magic, 4, 0) == 4 && memcmp(magic, "PK\3\4", 4) == 0;
	int code = 0;
	zip_t *zip = zip_fdopen(fd, 0, &code);
	if (!zip) {
		close(fd);
		/* A zip's start without its end: cut short on the way. */
		*err = zip_like && code == ZIP_ER_NOZIP
			? xasprintf(_("%s is damaged: it is cut short (a copy broken off half-way?); copy it again from where it came"), path)
			: zip_problem(path, code);
		return NULL;
	}
	zipxml *z = xcalloc(1, sizeof *z);
	z->zip = zip;
	z->path = xstrdup(path);
	z->lim = *lim;
	return z;
}

void zipxml_close(zipxml *z)
{
	if (!z)
		return;
	zip_discard(z->zip);
	free(z->path);
	free(z);
}

const char *zipxml_path(const zipxml *z)
{
	return z->path;
}

int zipxml_has(zipxml *z, const char *name)
{
	return zip_name_locate(z->zip, name, 0) >= 0;
}

/* A member being inflated, its bytes counted against the limits. */
struct member {
	zipxml *z;
	zip_file_t *f;
	const char *name;
	long long read, max;
};

/* Opens member name: 0, 1 when absent, -1 with *err. */
static int member_open(zipxml *z, const char *name, long long max, struct member *m, char **err)
{
	*m = (struct member){ z, NULL, name, 0, max < z->lim.member_bytes ? max : z->lim.member_bytes };
	zip_int64_t idx = zip_name_locate(z->zip, name, 0);
	if (idx < 0)
		return 1;
	zip_stat_t st;
	if (zip_stat_index(z->zip, (zip_uint64_t)idx, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
	    (long long)st.size > m->max) {
		*err = xasprintf(_("%s: its part %s unpacks to more than %lld MB: not a document orientir can read"),
				 z->path, name, IN_MB(m->max));
		return -1;
	}
	m->f = zip_fopen_index(z->zip, (zip_uint64_t)idx, 0);
	if (!m->f) {
		*err = zip_problem(z->path, zip_error_code_zip(zip_get_error(z->zip)));
		return -1;
	}
	return 0;
}

/* The next bytes of the member: their count, 0 at its end, -1 with *err.
 * The counts are checked as the bytes come, whatever the archive claims. */
static long member_read(struct member *m, char *buf, size_t size, char **err)
{
	zip_int64_t n = zip_fread(m->f, buf, size);
	if (n < 0) {
		*err = zip_problem(m->z->path, zip_error_code_zip(zip_file_get_error(m->f)));
		return -1;
	}
	m->read += n;
	m->z->inflated += n;
	if (m->read > m->max) {
		*err = xasprintf(_("%s: its part %s unpacks to more than %lld MB: not a document orientir can read"),
				 m->z->path, m->name, IN_MB(m->max));
		return -1;
	}
	if (m->z->inflated > m->z->lim.total_bytes) {
		*err = xasprintf(_("%s unpacks to more than %lld MB: not a document orientir can read"), m->z->path,
				 IN_MB(m->z->lim.total_bytes));
		return -1;
	}
	return (long)n;
}

static void member_close(struct member *m)
{
	if (m->f)
		zip_fclose(m->f);
	m->f = NULL;
}

int zipxml_read(zipxml *z, const char *name, size_t max, char **data, size_t *len, char **err)
{
	struct member m;
	int rc = member_open(z, name, (long long)max, &m, err);
	if (rc != 0)
		return rc;
	size_t cap = 4096, n = 0;
	char *buf = xmalloc(cap + 1);
	long got;
	while ((got = member_read(&m, buf + n, cap - n, err)) > 0) {
		n += (size_t)got;
		if (n == cap)
			buf = xrealloc(buf, (cap *= 2) + 1);
	}
	member_close(&m);
	if (got < 0) {
		free(buf);
		return -1;
	}
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return 0;
}

/* --- streaming a member through expat --- */

#define NS_SEP ' '

struct parse {
	zipxml *z;
	XML_Parser p;
	const zipxml_handler *h;
	const char *member;
	int depth;
	long long last_event;	/* where in the member the last thing was read */
	char *stop;		/* why the reading stopped, when it did */
};

/* Something was read: expat is not inside one endless piece of XML. */
static void event(struct parse *s)
{
	s->last_event = (long long)XML_GetCurrentByteIndex(s->p);
}

/* Stops the reading, keeping the first reason given. */
static void stop(struct parse *s, char *why)
{
	if (!s->stop)
		s->stop = why;
	else
		free(why);
	XML_StopParser(s->p, XML_FALSE);
}

/* The id of the namespace "uri local" names, and where its local part starts. */
static int split_name(const struct parse *s, const char *name, const char **local)
{
	const char *sep = strchr(name, NS_SEP);
	if (!sep) {
		*local = name;
		return -1;
	}
	*local = sep + 1;
	size_t n = (size_t)(sep - name);
	for (const zipxml_ns *ns = s->h->ns; ns && ns->uri; ns++)
		if (strlen(ns->uri) == n && memcmp(ns->uri, name, n) == 0)
			return ns->id;
	return -1;
}

/* A start tag: counted, its depth bounded, then the reader's. */
static void XMLCALL on_start(void *ctx, const XML_Char *name, const XML_Char **attrs)
{
	struct parse *s = ctx;
	event(s);
	if (++s->depth > s->z->lim.depth) {
		stop(s, xasprintf(_("%s: its part %s is nested more than %d elements deep: not a document orientir can read"),
				  s->z->path, s->member, s->z->lim.depth));
		return;
	}
	if (++s->z->elements > s->z->lim.elements) {
		stop(s, xasprintf(_("%s holds more than %ld XML elements: not a document orientir can read"), s->z->path,
				  s->z->lim.elements));
		return;
	}
	if (!s->h->start)
		return;
	const char *local;
	int ns = split_name(s, name, &local);
	char *why = s->h->start(s->h->ctx, ns, local, attrs);
	if (why)
		stop(s, why);
}

/* An end tag, to the reader. */
static void XMLCALL on_end(void *ctx, const XML_Char *name)
{
	struct parse *s = ctx;
	event(s);
	s->depth--;
	if (!s->h->end)
		return;
	const char *local;
	int ns = split_name(s, name, &local);
	char *why = s->h->end(s->h->ctx, ns, local);
	if (why)
		stop(s, why);
}

/* Character data: counted against the bound on text, then the reader's. */
static void XMLCALL on_text(void *ctx, const XML_Char *text, int len)
{
	struct parse *s = ctx;
	event(s);
	if ((s->z->text += len) > s->z->lim.text_bytes) {
		stop(s, xasprintf(_("%s holds more than %lld MB of text: not a document orientir can read"), s->z->path,
				  IN_MB(s->z->lim.text_bytes)));
		return;
	}
	if (!s->h->text)
		return;
	char *why = s->h->text(s->h->ctx, text, len);
	if (why)
		stop(s, why);
}

/* Comments and processing instructions are read past, but they are
 * something read. */
static void XMLCALL on_comment(void *ctx, const XML_Char *text)
{
	(void)text;
	event(ctx);
}

static void XMLCALL on_pi(void *ctx, const XML_Char *target, const XML_Char *data)
{
	(void)target, (void)data;
	event(ctx);
}

/* Office documents never declare entities: one that does is an attack
 * (entities expanding into entities), refused before any expands. */
static void XMLCALL on_entity(void *ctx, const XML_Char *name, int is_param, const XML_Char *value, int value_len,
			      const XML_Char *base, const XML_Char *system_id, const XML_Char *public_id,
			      const XML_Char *notation)
{
	struct parse *s = ctx;
	(void)name, (void)is_param, (void)value, (void)value_len, (void)base, (void)system_id, (void)public_id;
	(void)notation;
	stop(s, xasprintf(_("%s: its part %s declares XML entities, which Word and LibreOffice never write: refused"),
			  s->z->path, s->member));
}

int zipxml_parse(zipxml *z, const char *member, const zipxml_handler *h, char **err)
{
	struct member m;
	int rc = member_open(z, member, z->lim.member_bytes, &m, err);
	if (rc != 0)
		return rc;
	XML_Parser p = XML_ParserCreateNS("UTF-8", NS_SEP);
	if (!p) {
		member_close(&m);
		*err = xasprintf(_("%s: out of memory"), z->path);
		return -1;
	}
	struct parse s = { z, p, h, member, 0, 0, NULL };
	XML_SetUserData(p, &s);
	XML_SetElementHandler(p, on_start, on_end);
	XML_SetCharacterDataHandler(p, on_text);
	XML_SetCommentHandler(p, on_comment);
	XML_SetProcessingInstructionHandler(p, on_pi);
	XML_SetEntityDeclHandler(p, on_entity);
	XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
#ifdef HAVE_XML_SETBILLIONLAUGHSATTACKPROTECTIONMAXIMUMAMPLIFICATION
	XML_SetBillionLaughsAttackProtectionMaximumAmplification(p, 20.0f);
	XML_SetBillionLaughsAttackProtectionActivationThreshold(p, 1024 * 1024);
#endif
	/* expat reads a piece of XML again from its start with each buffer
	 * that does not end it: big buffers, and a bound on the piece. */
	enum { CHUNK = 256 * 1024 };
	char *buf = xmalloc(CHUNK);
	long got;
	rc = 0;
	do {
		got = member_read(&m, buf, CHUNK, err);
		if (got < 0) {
			rc = -1;
			break;
		}
		if (m.read - s.last_event > z->lim.token_bytes) {
			*err = xasprintf(_("%s: its part %s holds a piece of XML (a comment, a tag) longer than %lld MB: not a "
					   "document orientir can read"), z->path, member, IN_MB(z->lim.token_bytes));
			rc = -1;
			break;
		}
		if (XML_Parse(p, buf, (int)got, got == 0) != XML_STATUS_OK) {
			rc = -1;
			if (s.stop) {
				*err = s.stop;
				s.stop = NULL;
			} else {
				*err = xasprintf(_("%s: its part %s is damaged: %s at line %lu"), z->path, member,
						 XML_ErrorString(XML_GetErrorCode(p)),
						 (unsigned long)XML_GetCurrentLineNumber(p));
			}
			break;
		}
	} while (got > 0);
	free(buf);
	free(s.stop);
	XML_ParserFree(p);
	member_close(&m);
	return rc;
}

const char *zipxml_attr(const char **attrs, const char *uri, const char *local)
{
	size_t n = uri ? strlen(uri) : 0;
	for (; attrs && attrs[0]; attrs += 2) {
		const char *a = attrs[0];
		if (uri) {
			if (strncmp(a, uri, n) != 0 || a[n] != NS_SEP)
				continue;
			a += n + 1;
		} else if (strchr(a, NS_SEP)) {
			continue;
		}
		if (strcmp(a, local) == 0)
			return attrs[1];
	}
	return NULL;
}
