#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "pupilcache.h"
#include "store.h"
#include "strmap.h"

struct klass {
	long id;
	int grade;
	char *label;
};

struct pupil_cache {
	sqlite3 *db;
	strmap *class_by_text;	/* as the file writes it -> index into classes */
	struct klass *classes;
	size_t nclasses;
	strmap *pupil_by_code;	/* code -> id << 32 | class_id, or -1: no such pupil */
	int asked;		/* codes asked of the store one by one */
	int loaded;		/* every pupil's code is in it */
};

pupil_cache *pupil_cache_new(sqlite3 *db)
{
	pupil_cache *c = xcalloc(1, sizeof *c);
	c->db = db;
	c->class_by_text = strmap_new();
	c->pupil_by_code = strmap_new();
	return c;
}

void pupil_cache_free(pupil_cache *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nclasses; i++)
		free(c->classes[i].label);
	free(c->classes);
	strmap_free(c->class_by_text);
	strmap_free(c->pupil_by_code);
	free(c);
}

static size_t add_class(pupil_cache *c, long id, int grade, const char *letter)
{
	c->classes = xrealloc(c->classes, (c->nclasses + 1) * sizeof *c->classes);
	c->classes[c->nclasses] = (struct klass){ id, grade, xasprintf("%d%s", grade, letter) };
	return c->nclasses++;
}

static int give(const pupil_cache *c, size_t k, long *id, int *grade, const char **label)
{
	if (id)
		*id = c->classes[k].id;
	*grade = c->classes[k].grade;
	*label = c->classes[k].label;
	return 1;
}

int pupil_cache_class(pupil_cache *c, const char *text, long *id, int *grade, const char **label, char **err)
{
	long long k;
	if (strmap_get(c->class_by_text, text, &k))
		return give(c, (size_t)k, id, grade, label);
	int g;
	char *letter;
	if (cell_class(text, &g, &letter) != 0)
		return 0;
	long cid = db_class_ensure(c->db, g, letter, err);
	if (cid < 0) {
		free(letter);
		return -1;
	}
	size_t i = add_class(c, cid, g, letter);
	free(letter);
	strmap_put(c->class_by_text, text, (long long)i);
	return give(c, i, id, grade, label);
}

int pupil_cache_class_id(pupil_cache *c, long id, int *grade, const char **label, char **err)
{
	for (size_t i = 0; i < c->nclasses; i++)
		if (c->classes[i].id == id)
			return give(c, i, NULL, grade, label);
	int g;
	char *full;
	int rc = db_class_get(c->db, id, &g, &full, err);
	if (rc != 1)
		return rc;
	const char *letter = full;
	while (*letter >= '0' && *letter <= '9')
		letter++;
	size_t i = add_class(c, id, g, letter);
	free(full);
	return give(c, i, NULL, grade, label);
}

static long long pack(long id, long class_id)
{
	return (long long)id << 32 | (class_id & 0xFFFFFFFF);
}

static int keep(void *ctx, const char *code, long id, long class_id)
{
	strmap_put(ctx, code, pack(id, class_id));
	return 0;
}

/* Codes asked one by one before every code is read at once. */
#define ASK_ONE_BY_ONE 1024

/* Codes asked one by one before every code is read at once. */
#define ASK_ONE_BY_ONE 1024

int pupil_cache_code(pupil_cache *c, const char *code, long *id, long *class_id, char **err)
{
	/* A school's form names a few hundred pupils, asked one by one; a
	 * file of results names most pupils of the school, each many times:
	 * past that many, every code is read at once, in one pass. */
	long long packed;
	if (!strmap_get(c->pupil_by_code, code, &packed)) {
		if (c->loaded)
			return 0;
		if (c->asked++ < ASK_ONE_BY_ONE) {
			student s;
			int rc = db_student_by_code(c->db, code, &s, err);
			if (rc < 0)
				return -1;
			packed = rc == 1 ? pack(s.id, s.class_id) : -1;
			if (rc == 1)
				student_clear(&s);
			strmap_put(c->pupil_by_code, code, packed);
		} else {
			if (db_student_codes(c->db, keep, c->pupil_by_code, err) != 0)
				return -1;
			c->loaded = 1;
			if (!strmap_get(c->pupil_by_code, code, &packed))
				return 0;
		}
	}
	if (packed < 0)
		return 0;
	*id = (long)(packed >> 32);
	*class_id = (long)(packed & 0xFFFFFFFF);
	return 1;
}

void pupil_cache_note(pupil_cache *c, const char *code, long id, long class_id)
{
	keep(c->pupil_by_code, code, id, class_id);
}
