/* The demo databases: an invented school (data/demo/), and an invented
 * district office that has received its schools' half-year packages. */
#ifndef ORIENTIR_DEMO_H
#define ORIENTIR_DEMO_H

#include "diag.h"
#include "store.h"

#define DEMO_DISTRICT_CODE "ДЕМО-ИМЦ"
/* The half-year the demo district's schools report for. */
#define DEMO_PERIOD "2026-H1"

/* The invented school of dir/school.csv. 0, or -1 with *err. */
int demo_school(const char *dir, school *s, char **err);
/* Builds the school s at path (replacing it) from the files in dir: pupils,
 * scales, results with every score moved by shift points (kept within its
 * scale), the roadmap with some progress, events. 0, or -1 (reported). */
int demo_school_build(const char *path, const char *dir, const school *s, double shift, diag *d);
/* Builds the demo district office at path: four schools' packages written
 * into the folder stick, taken in on their days (one late), a fifth school
 * on the list that never reported; stick is the folder its screens take
 * packages from. 0, or -1 (reported). */
int demo_district_build(const char *path, const char *dir, const char *stick, diag *d);
/* Removes a database with its -wal and -shm. */
void demo_remove_db(const char *path);

#endif
