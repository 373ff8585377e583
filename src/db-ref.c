#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "csvin.h"
#include "db.h"
#include "store.h"

/* Procedures and subjects are a few dozen rows: kept in memory for the
 * length of an import and matched in C, where Russian folding is at hand. */
struct ref_entry {
	long id;
	char *name;
	char **keys;	/* normal forms of the name and each alias */
	size_t nkeys;
};

struct refmap {
	enum ref_kind kind;
	struct ref_entry *e;
	size_t n, cap;
};

static void add_key(struct ref_entry *e, const char *text, size_t len)
{
	char *raw = xstrndup(text, len);
	char *k = csvin_norm_header(raw);	/* same leniency as column names */
	free(raw);
	if (!*k) {
		free(k);
		return;
	}
	e->keys = xrealloc(e->keys, (e->nkeys + 1) * sizeof *e->keys);
	e->keys[e->nkeys++] = k;
}

static void add_entry(refmap *m, long id, const char *name, const char *aliases)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 32;
		m->e = xrealloc(m->e, m->cap * sizeof *m->e);
	}
	struct ref_entry *e = &m->e[m->n++];
	*e = (struct ref_entry){ .id = id, .name = xstrdup(name) };
	add_key(e, name, strlen(name));
	for (const char *a = aliases; a && *a;) {
		const char *bar = strchr(a, '|');
		size_t len = bar ? (size_t)(bar - a) : strlen(a);
		add_key(e, a, len);
		a = bar ? bar + 1 : NULL;
	}
}

refmap *db_ref_load(sqlite3 *db, enum ref_kind kind, char **err)
{
	sqlite3_stmt *st = db_stmt(db, kind == REF_PROCEDURE
				   ? "SELECT id, name, aliases FROM procedure ORDER BY sort, id"
				   : "SELECT id, name, aliases FROM subject ORDER BY sort, id", err);
	if (!st)
		return NULL;
	refmap *m = xcalloc(1, sizeof *m);
	m->kind = kind;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		add_entry(m, sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
			  (const char *)sqlite3_column_text(st, 2));
	if (db_step_end(db, st, rc, err) != 0) {
		refmap_free(m);
		return NULL;
	}
	return m;
}

void refmap_free(refmap *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++) {
		for (size_t k = 0; k < m->e[i].nkeys; k++)
			free(m->e[i].keys[k]);
		free(m->e[i].keys);
		free(m->e[i].name);
	}
	free(m->e);
	free(m);
}

long refmap_find(const refmap *m, const char *text)
{
	char *k = csvin_norm_header(text);
	long id = 0;
	for (size_t i = 0; i < m->n && !id; i++)
		for (size_t j = 0; j < m->e[i].nkeys && !id; j++)
			if (strcmp(m->e[i].keys[j], k) == 0)
				id = m->e[i].id;
	free(k);
	return id;
}

const char *refmap_name(const refmap *m, long id)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->e[i].id == id)
			return m->e[i].name;
	return "?";
}

const char **refmap_names(const refmap *m)
{
	const char **v = xcalloc(m->n + 1, sizeof *v);
	for (size_t i = 0; i < m->n; i++)
		v[i] = m->e[i].name;
	return v;
}

int refmap_rank(const refmap *m, long id)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->e[i].id == id)
			return (int)i;
	return (int)m->n;
}

long db_ref_add(sqlite3 *db, refmap *m, const char *name, const char *title,
		const char *aliases, int sort, char **err)
{
	sqlite3_stmt *st = db_stmt(db, m->kind == REF_PROCEDURE
		? "INSERT INTO procedure (name, title, aliases, sort) VALUES (?1, ?2, ?3, ?4)"
		: "INSERT INTO subject (name, aliases, sort) VALUES (?1, ?3, ?4)", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, title ? title : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, aliases ? aliases : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, sort);
	if (db_step_done(db, st, err) != 0)
		return -1;
	long id = (long)sqlite3_last_insert_rowid(db);
	add_entry(m, id, name, aliases);
	return id;
}
