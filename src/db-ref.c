#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "csvin.h"
#include "db.h"
#include "store.h"
#include "utf8.h"

/* Procedures and subjects are a few dozen rows: kept in memory for the
 * length of an import and matched in C, where Russian folding is at hand. */
struct ref_entry {
	long id;
	char *name;
	char **keys;	/* normal forms of the name and each alias */
	char **texts;	/* the name and each alias folded, words kept apart */
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
	e->texts = xrealloc(e->texts, (e->nkeys + 1) * sizeof *e->texts);
	e->texts[e->nkeys] = utf8_fold(text, len);
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
			free(m->e[i].keys[k]), free(m->e[i].texts[k]);
		free(m->e[i].keys);
		free(m->e[i].texts);
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

/* Splits folded text into words of letters and digits: their starts and
 * lengths in *at (fresh), their count returned. */
static size_t split_words(const char *t, const char ***at, size_t **len)
{
	size_t n = 0;
	*at = NULL;
	*len = NULL;
	for (const char *p = t; *p;) {
		while (*p && !((unsigned char)*p >= 0x80 || (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z')))
			p++;
		const char *s = p;
		while (*p && ((unsigned char)*p >= 0x80 || (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z')))
			p++;
		if (p > s) {
			*at = xrealloc(*at, (n + 1) * sizeof **at);
			*len = xrealloc(*len, (n + 1) * sizeof **len);
			(*at)[n] = s;
			(*len)[n++] = (size_t)(p - s);
		}
	}
	return n;
}

/* The bytes of a word that a declined form must begin with: a long word
 * loses its last two letters («математик-а»), a middling one its last
 * («язы-к»), a short one stays whole («мир», «впр»). */
static size_t stem(const char *w, size_t len)
{
	size_t chars = 0, cut[3] = { len, len, len };
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)w[i] & 0xC0) != 0x80) {
			cut[2] = cut[1], cut[1] = cut[0], cut[0] = i;
			chars++;
		}
	if (chars >= 6)
		return cut[1];
	if (chars >= 4)
		return cut[0];
	return len;
}

long refmap_find_words(const refmap *m, const char *text)
{
	char *t = utf8_fold(text, strlen(text));
	const char **tw;
	size_t *tl, nt = split_words(t, &tw, &tl);
	long best = 0;
	size_t best_len = 0;
	for (size_t i = 0; i < m->n; i++)
		for (size_t j = 0; j < m->e[i].nkeys; j++) {
			const char **kw;
			size_t *kl, nk = split_words(m->e[i].texts[j], &kw, &kl), got = 0;
			/* Every word of the name, in order, beginning words of the text. */
			for (size_t s = 0; nk && s + nk <= nt && !got; s++) {
				size_t k, sum = 0;
				for (k = 0; k < nk; k++) {
					size_t need = stem(kw[k], kl[k]);
					if (tl[s + k] < need || memcmp(tw[s + k], kw[k], need) != 0 ||
					    (need == kl[k] && tl[s + k] > kl[k] + 4))
						break;
					sum += kl[k];
				}
				if (k == nk)
					got = sum;
			}
			if (got > best_len)
				best_len = got, best = m->e[i].id;
			free(kw), free(kl);
		}
	free(tw), free(tl), free(t);
	return best;
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
