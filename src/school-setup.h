/* Making a new database belong to a school: shared by init and demo. */
#ifndef ORIENTIR_SCHOOL_SETUP_H
#define ORIENTIR_SCHOOL_SETUP_H
#include "diag.h"
#include "store.h"
/* Checks s's code, name and district (identity.h), creates or opens path,
 * refuses one that already has a school, records s, makes its signing key
 * and loads the reference data, all in one transaction. 0, or -1
 * (reported). */
int school_setup(const char *path, const school *s, const char *datadir, diag *d);
#endif
