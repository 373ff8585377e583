/* The reference data shipped in data/: procedures and subjects with their
 * usual Russian names and aliases. */
#ifndef ORIENTIR_REFDATA_H
#define ORIENTIR_REFDATA_H
#include <sqlite3.h>
#include "diag.h"
/* Loads datadir/procedures.csv and datadir/subjects.csv into an open
 * transaction. 0, or -1 with the reason sent to d. */
int refdata_load(sqlite3 *db, const char *datadir, diag *d);
#endif
