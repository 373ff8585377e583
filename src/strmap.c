#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "strmap.h"

/* Open addressing with linear probing; kept at most half full. */
struct slot {
	char *key;
	long long value;
	uint32_t hash;
};

/* The keys' copies, packed into blocks: a map of a package's rows holds
 * thousands, and a malloc and a free each cost more than the look-up. */
struct block {
	struct block *next;
	size_t used, cap;
	char text[];
};

struct strmap {
	struct slot *s;
	size_t cap, n;
	struct block *keys;
};

enum { BLOCK = 1 << 16 };

/* A copy of key kept until the map is freed. */
static char *keep(strmap *m, const char *key)
{
	size_t n = strlen(key) + 1;
	struct block *b = m->keys;
	if (!b || b->cap - b->used < n) {
		size_t cap = n > BLOCK ? n : BLOCK;
		b = xmalloc(sizeof *b + cap);
		*b = (struct block){ m->keys, 0, cap };
		m->keys = b;
	}
	char *k = memcpy(b->text + b->used, key, n);
	b->used += n;
	return k;
}

static uint32_t hash(const char *k)
{
	uint32_t h = 2166136261u;	/* FNV-1a */
	for (; *k; k++)
		h = (h ^ (unsigned char)*k) * 16777619u;
	return h;
}

strmap *strmap_new(void)
{
	return strmap_new_for(0);
}

strmap *strmap_new_for(size_t n)
{
	strmap *m = xcalloc(1, sizeof *m);
	m->cap = 64;
	while (m->cap < 2 * (n + 1))
		m->cap *= 2;
	m->s = xcalloc(m->cap, sizeof *m->s);
	return m;
}

void strmap_free(strmap *m)
{
	if (!m)
		return;
	for (struct block *b = m->keys, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	free(m->s);
	free(m);
}

static struct slot *find(const strmap *m, const char *key, uint32_t h)
{
	for (size_t i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		struct slot *s = &m->s[i];
		if (!s->key || (s->hash == h && strcmp(s->key, key) == 0))
			return s;
	}
}

int strmap_get(const strmap *m, const char *key, long long *value)
{
	struct slot *s = find(m, key, hash(key));
	if (!s->key)
		return 0;
	*value = s->value;
	return 1;
}

/* Room for one more key. */
static void make_room(strmap *m)
{
	if (2 * (m->n + 1) > m->cap) {
		struct slot *old = m->s;
		size_t oldcap = m->cap;
		m->cap *= 2;
		m->s = xcalloc(m->cap, sizeof *m->s);
		for (size_t i = 0; i < oldcap; i++)
			if (old[i].key)
				*find(m, old[i].key, old[i].hash) = old[i];
		free(old);
	}
}

void strmap_put(strmap *m, const char *key, long long value)
{
	make_room(m);
	uint32_t h = hash(key);
	struct slot *s = find(m, key, h);
	if (!s->key) {
		s->key = keep(m, key);
		s->hash = h;
		m->n++;
	}
	s->value = value;
}

int strmap_add(strmap *m, const char *key, long long value)
{
	make_room(m);
	uint32_t h = hash(key);
	struct slot *s = find(m, key, h);
	if (s->key)
		return 1;
	*s = (struct slot){ keep(m, key), value, h };
	m->n++;
	return 0;
}
