/* The region's database on a PostgreSQL server: every district's schools'
 * packages in one place, taken in and read by the district's own domain
 * code (district.h) through sdb.h. */
#ifndef ORIENTIR_REGION_H
#define ORIENTIR_REGION_H

#include "sdb.h"
#include "store.h"

/* Connects to the region's database at where and brings its schema up to
 * date, each migration in its own transaction, one operator at a time
 * (two starting at once: the second waits, then finds it done). A schema
 * from a newer orientir is refused. NULL with *err. */
sdb *region_open(const char *where, char **err);
/* Makes the database at where the region's s (role "region"): its code
 * and name, and its signing key, in one transaction; one that already
 * belongs to someone is left alone. 0, or -1 with *err. */
int region_setup(const char *where, const school *s, char **err);
/* How many migrations this program knows. */
int region_schema_count(void);

#endif
