#include "config.h"

#include <stdlib.h>

#include "cell.h"
#include "common.h"
#include "csvin.h"
#include "refdata.h"
#include "store.h"

static const csvin_col cols[] = { { "name", NULL }, { "title", NULL }, { "aliases", NULL } };

static int load(sqlite3 *db, const char *path, enum ref_kind kind, diag *d)
{
	char *err = NULL, *unknown = NULL;
	csvin *in = csvin_open(path, &err);
	refmap *m = NULL;
	int rc = -1;
	if (!in || csvin_header(in, cols, 3, &err, &unknown) != 0)
		goto out;
	if (!(m = db_ref_load(db, kind, &err)))
		goto out;
	csvin_row *r;
	int got, sort = 0;
	while ((got = csvin_next(in, &r, &err)) == 1) {
		sort += 10;
		if (cell_empty(r->field[0]) || refmap_find(m, r->field[0]))
			continue;
		if (db_ref_add(db, m, r->field[0], r->field[1] ? r->field[1] : "",
			       r->field[2] ? r->field[2] : "", sort, &err) < 0)
			goto out;
	}
	rc = got == 0 ? 0 : -1;
out:
	if (rc != 0)
		diag_report(d, DIAG_ERROR, NULL, 0, "%s", err ? err : "?");
	free(err);
	free(unknown);
	refmap_free(m);
	csvin_close(in);
	return rc;
}

int refdata_load(sqlite3 *db, const char *datadir, diag *d)
{
	char *p = xasprintf("%s/procedures.csv", datadir);
	char *s = xasprintf("%s/subjects.csv", datadir);
	int rc = load(db, p, REF_PROCEDURE, d) == 0 && load(db, s, REF_SUBJECT, d) == 0 ? 0 : -1;
	free(p);
	free(s);
	return rc;
}
