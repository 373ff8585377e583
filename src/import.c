#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "db.h"
#include "import-kind.h"

int import_kind_parse(const char *name)
{
	if (strcmp(name, "roster") == 0)
		return IMPORT_ROSTER;
	if (strcmp(name, "scales") == 0)
		return IMPORT_SCALES;
	if (strcmp(name, "results") == 0)
		return IMPORT_RESULTS;
	if (strcmp(name, "events") == 0)
		return IMPORT_EVENTS;
	if (strcmp(name, "staff") == 0)
		return IMPORT_STAFF;
	if (strcmp(name, "taskmap") == 0)
		return IMPORT_TASKMAP;
	return -1;
}

void import_bad(import_ctx *c, const csvin_row *r, size_t col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	const char *hdr = csvin_header_name(c->in, col);
	diag_report(c->d, DIAG_ERROR, csvin_path(c->in), r->line, _("column «%s»: %s"), hdr ? cell_shown(hdr) : "?", msg);
	free(msg);
}

void import_bad_row(import_ctx *c, const csvin_row *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	diag_report(c->d, DIAG_ERROR, csvin_path(c->in), r->line, "%s", msg);
	free(msg);
}

int import_db_failed(import_ctx *c, char *err)
{
	diag_report(c->d, DIAG_ERROR, NULL, 0, "%s", err);
	free(err);
	return -1;
}

int import_require(import_ctx *c, const char *what, ...)
{
	va_list ap;
	va_start(ap, what);
	int missing = 0;
	for (size_t col = va_arg(ap, size_t); col != (size_t)-1; col = va_arg(ap, size_t))
		if (!csvin_header_name(c->in, col))
			missing = 1;
	va_end(ap);
	if (!missing)
		return 0;
	char *seen = csvin_header_list(c->in);
	diag_report(c->d, DIAG_ERROR, csvin_path(c->in), csvin_header_line(c->in),
		    _("the table has no %s column; its header has: %s"), what, seen);
	free(seen);
	return -1;
}

int import_yesno(import_ctx *c, const csvin_row *r, size_t col, int *out)
{
	const char *v = r->field[col];
	if (!v)
		return 0;
	if (cell_yesno(v, out) == 0)
		return 0;
	import_bad(c, r, col, _("«%s» is not yes or no (write да or нет)"), cell_shown(v));
	return 1;
}

int import_refs_load(import_ctx *c, import_refs *r)
{
	char *err = NULL;
	if (!(r->proc = db_ref_load(c->db, REF_PROCEDURE, &err)) ||
	    !(r->subj = db_ref_load(c->db, REF_SUBJECT, &err)))
		return import_db_failed(c, err);
	return 0;
}

void import_refs_free(import_refs *r)
{
	refmap_free(r->proc);
	refmap_free(r->subj);
}

int bitset_mark(bitset *b, size_t i)
{
	size_t byte = i / 8;
	if (byte >= b->nbytes) {
		size_t n = b->nbytes ? b->nbytes : 1024;
		while (n <= byte)
			n *= 2;
		b->bits = xrealloc(b->bits, n);
		memset(b->bits + b->nbytes, 0, n - b->nbytes);
		b->nbytes = n;
	}
	unsigned char m = (unsigned char)(1u << (i % 8));
	int was = (b->bits[byte] & m) != 0;
	b->bits[byte] |= m;
	return was;
}

void bitset_free(bitset *b)
{
	free(b->bits);
	*b = (bitset){ 0 };
}

static const import_ops *ops_of(enum import_kind kind)
{
	switch (kind) {
	case IMPORT_ROSTER:
		return &import_roster_ops;
	case IMPORT_SCALES:
		return &import_scales_ops;
	case IMPORT_RESULTS:
		return &import_results_ops;
	case IMPORT_EVENTS:
		return &import_events_ops;
	case IMPORT_STAFF:
		return &import_staff_ops;
	case IMPORT_SCHOOLS:
		return &import_schools_ops;
	case IMPORT_TASKMAP:
		return &import_taskmap_ops;
	}
	return NULL;
}

static int run(sqlite3 *lite, sdb *office, enum import_kind kind, const char *path, int dry_run,
	       diag *d, import_counts *counts, import_progress progress, void *ctx);

int import_file(sqlite3 *db, enum import_kind kind, const char *path, int dry_run,
		diag *d, import_counts *counts)
{
	return import_file_progress(db, kind, path, dry_run, d, counts, NULL, NULL);
}

int import_file_progress(sqlite3 *db, enum import_kind kind, const char *path, int dry_run,
			 diag *d, import_counts *counts, import_progress progress, void *ctx)
{
	return run(db, db_sdb(db), kind, path, dry_run, d, counts, progress, ctx);
}

int import_office_file(sdb *db, const char *path, int dry_run, diag *d, import_counts *counts)
{
	return run(NULL, db, IMPORT_SCHOOLS, path, dry_run, d, counts, NULL, NULL);
}

/* The import of a file into a school's SQLite file lite (its sdb office),
 * or into an office's database alone (lite NULL: the list of schools). */
static int run(sqlite3 *lite, sdb *office, enum import_kind kind, const char *path, int dry_run,
	       diag *d, import_counts *counts, import_progress progress, void *ctx)
{
	const import_ops *ops = ops_of(kind);
	*counts = (import_counts){ 0 };
	char *err = NULL, *unknown = NULL;
	csvin *in = csvin_open(path, &err);
	if (!in) {
		diag_report(d, DIAG_ERROR, NULL, 0, "%s", err);
		free(err);
		return 1;
	}
	import_ctx c = { .db = lite, .office = office, .in = in, .d = d, .counts = counts };
	int rc = 1;
	if (csvin_header(in, ops->cols, ops->ncols, &err, &unknown) != 0) {
		diag_report(d, DIAG_ERROR, NULL, 0, "%s", err);
		free(err);
		goto out;
	}
	if (unknown)
		diag_report(d, DIAG_WARNING, path, csvin_header_line(in), _("columns not used: %s"), unknown);
	if (ops->columns(&c) != 0)
		goto out;
	/* The importer itself found every id it writes, inside this very
	 * transaction, so SQLite's foreign-key lookups would only repeat its
	 * work for every row; check still verifies them. A larger page cache
	 * keeps a big file's index pages out of the WAL. */
	if ((lite && db_exec(lite, "PRAGMA foreign_keys = OFF; PRAGMA cache_size = -12288", &err) != 0) ||
	    sdb_begin(office, &err) != 0) {
		rc = import_db_failed(&c, err);
		goto out;
	}
	if (ops->begin(&c) != 0) {
		rc = -1;
		goto rollback;
	}
	csvin_row *r;
	int got;
	long bad = 0;
	while ((got = csvin_next(in, &r, &err)) == 1) {
		counts->rows++;
		int res = ops->row(&c, r);
		if (res < 0) {
			rc = -1;
			break;
		}
		bad += res;
		if (progress && counts->rows % 512 == 0 &&
		    progress(ctx, csvin_offset(in), csvin_size(in), counts->rows) != 0) {
			rc = 2;
			break;
		}
	}
	/* A break out of the loop (failure, cancel) leaves got at 1 and rc as set. */
	if (got < 0) {
		diag_report(d, DIAG_ERROR, NULL, 0, "%s", err);
		free(err);
		rc = 1;
	} else if (got == 0) {
		rc = bad ? 1 : 0;
	}
	ops->end(&c);
rollback:
	if (rc == 0 && !dry_run) {
		if (sdb_commit(office, &err) != 0)
			rc = import_db_failed(&c, err);
	} else {
		sdb_rollback(office);
	}
	if (lite)
		sqlite3_exec(lite, "PRAGMA foreign_keys = ON; PRAGMA cache_size = -2000", NULL, NULL, NULL);
out:
	free(unknown);
	csvin_close(in);
	return rc;
}
