#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "opc.h"

#define RELS_NS "http://schemas.openxmlformats.org/package/2006/relationships"

struct rels {
	const char *dir;	/* the part's folder, with its slash, or "" */
	opc_rel *v;
	size_t n;
};

/* target read against dir: "styles.xml", "../customXml/item1.xml",
 * "/word/document.xml" all become member names (fresh). */
static char *resolve(const char *dir, const char *target)
{
	char *path = *target == '/' ? xstrdup(target + 1) : xasprintf("%s%s", dir, target);
	/* Drop "." and "name/.." segments. */
	char *out = xmalloc(strlen(path) + 1);
	size_t n = 0;
	for (char *seg = path, *next; seg; seg = next) {
		next = strchr(seg, '/');
		if (next)
			*next++ = '\0';
		if (strcmp(seg, ".") == 0 || !*seg)
			continue;
		if (strcmp(seg, "..") == 0) {
			while (n > 0 && out[n - 1] != '/')
				n--;
			if (n > 0)
				n--;
			continue;
		}
		if (n)
			out[n++] = '/';
		memcpy(out + n, seg, strlen(seg));
		n += strlen(seg);
	}
	out[n] = '\0';
	free(path);
	return out;
}

/* A Relationship: kept unless it points outside the package. */
static char *on_start(void *ctx, int ns, const char *name, const char **attrs)
{
	struct rels *r = ctx;
	if (ns != 0 || strcmp(name, "Relationship") != 0)
		return NULL;
	const char *id = zipxml_attr(attrs, NULL, "Id"), *type = zipxml_attr(attrs, NULL, "Type");
	const char *target = zipxml_attr(attrs, NULL, "Target"), *mode = zipxml_attr(attrs, NULL, "TargetMode");
	if (!id || !type || !target || (mode && strcmp(mode, "External") == 0))
		return NULL;
	r->v = xrealloc(r->v, (r->n + 1) * sizeof *r->v);
	r->v[r->n++] = (opc_rel){ xstrdup(id), xstrdup(type), resolve(r->dir, target) };
	return NULL;
}

int opc_rels(zipxml *z, const char *part, opc_rel **out, size_t *n, char **err)
{
	static const zipxml_ns ns[] = { { RELS_NS, 0 }, { NULL, 0 } };
	const char *slash = strrchr(part, '/');
	char *dir = slash ? xstrndup(part, (size_t)(slash - part + 1)) : xstrdup("");
	char *member = xasprintf("%s_rels/%s.rels", dir, slash ? slash + 1 : part);
	struct rels r = { dir, NULL, 0 };
	zipxml_handler h = { ns, on_start, NULL, NULL, &r };
	int rc = zipxml_parse(z, member, &h, err);
	free(member);
	free(dir);
	if (rc < 0) {
		opc_rels_free(r.v, r.n);
		return -1;
	}
	*out = r.v;
	*n = r.n;
	return 0;
}

void opc_rels_free(opc_rel *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].id), free(v[i].type), free(v[i].target);
	free(v);
}

const char *opc_target(const opc_rel *v, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);
	for (size_t i = 0; i < n; i++) {
		size_t t = strlen(v[i].type);
		if (t >= k && strcmp(v[i].type + t - k, suffix) == 0)
			return v[i].target;
	}
	return NULL;
}
