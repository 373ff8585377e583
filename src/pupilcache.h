/* The classes and pupils an import's rows name, each asked of the store
 * once: a file of results names the same few classes and the same pupils
 * row after row. Classes named and missing are made. Domain layer. */
#ifndef ORIENTIR_PUPILCACHE_H
#define ORIENTIR_PUPILCACHE_H

#include <sqlite3.h>

typedef struct pupil_cache pupil_cache;

pupil_cache *pupil_cache_new(sqlite3 *db);
void pupil_cache_free(pupil_cache *c);

/* A class as people write it («5А», «5 а»): 1 with its id, grade and label
 * («5А»; the cache's, valid while it lives), made when missing; 0 when the
 * text is no class; -1 with *err. */
int pupil_cache_class(pupil_cache *c, const char *text, long *id, int *grade, const char **label, char **err);
/* A class by its id: 1, 0 none, -1 with *err. */
int pupil_cache_class_id(pupil_cache *c, long id, int *grade, const char **label, char **err);
/* A pupil by code (trimmed): 1 with its id and current class (0 when it
 * has left), 0 none, -1 with *err. Past a thousand codes asked, every
 * pupil's is read at once. */
int pupil_cache_code(pupil_cache *c, const char *code, long *id, long *class_id, char **err);
/* A pupil stored since (an import adding pupils), known from now on. */
void pupil_cache_note(pupil_cache *c, const char *code, long id, long class_id);

#endif
