/* Writing a roadmap as the contract's roadmap table, for the
 * schools to import: its years and title in a first row of orientir's,
 * the text above the table, the header, sections as heading rows with their
 * notes, the activities. The plan only: never the progress on it. What is
 * written is read back with the importer's own reader and compared, so a
 * roadmap that would not come back the same is told. Domain layer. */
#ifndef ORIENTIR_ROADMAP_WRITE_H
#define ORIENTIR_ROADMAP_WRITE_H

#include <sqlite3.h>
#include <stddef.h>

#include "csvout.h"
#include "roadmap-read.h"
#include "store.h"

/* Roadmap r as the reader would give it from a file: 1, 0 when it has no
 * activities, -1 with *err. */
int roadmap_write_load(sqlite3 *db, const roadmap_info *r, rm_table *t, char **err);

/* The file's bytes for t (fresh, *len long). */
char *roadmap_write_text(const rm_table *t, const csv_style *st, size_t *len);

/* Where b, read back from a file, differs from a: one translated line per
 * difference, at most max (fresh array; *n of them, 0 when the same). */
char **roadmap_write_diff(const rm_table *a, const rm_table *b, size_t max, size_t *n);

/* The name a roadmap's file gets in a folder: roadmap-2020-2022.csv (fresh). */
char *roadmap_write_name(const rm_table *t);

typedef struct roadmap_written {
	long sections, activities;
	char **lost;		/* what would not come back the same on import */
	size_t nlost;
} roadmap_written;

/* Writes roadmap r to path (an existing folder: into it, under
 * roadmap_write_name()), then reads it back. The file appears whole or not
 * at all: a temporary file is synced and renamed over path. *written_path
 * (fresh) says where it went. 0 written, 1 there is no roadmap, -1 not
 * written; *err (translated) in both last cases. */
int roadmap_write(sqlite3 *db, const roadmap_info *r, const char *path, const csv_style *st, char **written_path,
		  roadmap_written *out, char **err);
void roadmap_written_clear(roadmap_written *w);

#endif
