/* The demo: an invented school built from data/demo/, and an invented
 * district whose schools are that school with their scores moved, each
 * sending its half-year package. Domain layer: reports through diag. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"
#include "csvin.h"
#include "db-district.h"
#include "db.h"
#include "demo.h"
#include "district.h"
#include "folder.h"
#include "import.h"
#include "package-write.h"
#include "package.h"
#include "paths.h"
#include "roadmap.h"
#include "school-setup.h"

/* The invented school of data/demo/school.csv. */
int demo_school(const char *dir, school *s, char **err)
{
	static const csvin_col cols[] = { { "code", NULL }, { "name", NULL }, { "district", NULL } };
	char *path = xasprintf("%s/school.csv", dir), *unknown = NULL;
	csvin *in = csvin_open(path, err);
	csvin_row *r;
	int rc = -1;
	if (in && csvin_header(in, cols, 3, err, &unknown) == 0 && csvin_next(in, &r, err) == 1 &&
	    r->field[0] && r->field[1]) {
		s->code = xstrdup(r->field[0]);
		s->name = xstrdup(r->field[1]);
		s->district = xstrdup(r->field[2] ? r->field[2] : "");
		s->role = xstrdup("school");
		rc = 0;
	} else if (!*err) {
		*err = xasprintf(_("%s: no school described"), path);
	}
	free(unknown);
	csvin_close(in);
	free(path);
	return rc;
}

/* The demo school's roadmap, with some progress on it and a few
 * methodical events, so that the demo is not a wall of overdue items. */
static int demo_roadmap(sqlite3 *db, const char *dir, diag *d)
{
	static const csvin_col cols[] = { { "number", NULL }, { "status", NULL }, { "done_date", NULL }, { "note", NULL } };
	char *path = xasprintf("%s/roadmap.csv", dir), *err = NULL, *unknown = NULL;
	rm_table t;
	roadmap_summary sum;
	roadmap_import_opts o = { .first_year = 2026, .last_year = 2026,
				  .title = "План мероприятий («дорожная карта») по повышению качества образования на 2026 год" };
	int rc = roadmap_import(db, path, &o, d, &t, &sum);
	free(path);
	if (rc != 0)
		return -1;
	rm_table_free(&t);
	roadmap_summary_free(&sum);
	activity *v = NULL;
	size_t n = 0;
	path = xasprintf("%s/roadmap-progress.csv", dir);
	csvin *in = csvin_open(path, &err);
	csvin_row *r;
	if (!in || csvin_header(in, cols, 4, &err, &unknown) != 0 || db_activity_list(db, 0, &v, &n, &err) != 0)
		rc = -1;
	while (rc == 0 && csvin_next(in, &r, &err) == 1) {
		size_t k;
		if (activity_find(v, n, r->field[0], NULL, &k, 1) != 1)
			continue;
		activity *a = &v[k];
		free(a->status), free(a->done_on), free(a->evidence);
		a->status = xstrdup(r->field[1]);
		a->done_on = xstrdup(r->field[2]);
		a->evidence = xstrdup(r->field[3]);
		if (db_activity_save_progress(db, a, &err) != 0)
			rc = -1;
	}
	if (rc != 0)
		diag_report(d, DIAG_ERROR, NULL, 0, "%s", err ? err : path);
	activity_list_free(v, n);
	csvin_close(in);
	free(err), free(unknown), free(path);
	if (rc == 0) {
		import_counts c;
		path = xasprintf("%s/events.csv", dir);
		rc = import_file(db, IMPORT_EVENTS, path, 0, d, &c) == 0 ? 0 : -1;
		free(path);
	}
	return rc;
}

void demo_remove_db(const char *path)
{
	static const char *const ext[] = { "", "-wal", "-shm" };
	for (size_t i = 0; i < 3; i++) {
		char *p = xasprintf("%s%s", path, ext[i]);
		unlink(p);
		free(p);
	}
}

int demo_school_build(const char *path, const char *dir, const school *s, double shift, diag *d)
{
	demo_remove_db(path);
	if (school_setup(path, s, paths_datadir(), d) != 0)
		return -1;
	char *err = NULL;
	sqlite3 *db = db_open(path, &err);
	if (!db) {
		diag_report(d, DIAG_ERROR, NULL, 0, "%s", err);
		free(err);
		return -1;
	}
	static const char *const files[] = { "roster.csv", "scales.csv", "results.csv", "staff.csv" };
	static const enum import_kind kinds[] = { IMPORT_ROSTER, IMPORT_SCALES, IMPORT_RESULTS, IMPORT_STAFF };
	int ok = 1;
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds && ok; i++) {
		char *f = xasprintf("%s/%s", dir, files[i]);
		import_counts n;
		ok = import_file(db, kinds[i], f, 0, d, &n) == 0;
		free(f);
	}
	/* The ВПР forms of 2026 task by task, and what each task checks: only
	 * the school as it is, for a moved score no longer adds up its tasks. */
	if (ok && shift == 0) {
		char *f = xasprintf("%s/tasks.xlsx", dir);
		import_counts n;
		tasks_summary sum;
		ok = import_tasks(db, f, &(tasks_opts){ 0 }, 0, d, &n, &sum) == 0;
		tasks_summary_free(&sum);
		free(f);
		f = xasprintf("%s/taskmap.csv", dir);
		ok = ok && import_file(db, IMPORT_TASKMAP, f, 0, d, &n) == 0;
		free(f);
	}
	if (ok && shift != 0 && db_result_shift(db, shift, &err) != 0) {
		diag_report(d, DIAG_ERROR, NULL, 0, "%s", err);
		free(err);
		ok = 0;
	}
	ok = ok && demo_roadmap(db, dir, d) == 0;
	db_close(db);
	return ok ? 0 : -1;
}

/* The district's schools: the demo school under other names, as it is and
 * with its scores moved, so that the rule has something to find; the last
 * never reports. */
static const struct demo_member {
	const char *code, *name;
	double shift;
	const char *made, *received;	/* when its package was written and its stick came, or NULL */
} members[] = {
	{ "ДЕМО-01", "МКОУ «Сосновская ООШ»", 0, "2026-06-15T16:20:00", "2026-06-16T10:05:00" },
	{ "ДЕМО-02", "МКОУ «Берёзовская СОШ»", -4, "2026-06-18T15:02:00", "2026-06-19T14:30:00" },
	{ "ДЕМО-03", "МКОУ «Кедровская ООШ»", 3, "2026-06-23T12:47:00", "2026-06-24T09:15:00" },
	{ "ДЕМО-04", "МКОУ «Ольховская СОШ»", -2, "2026-06-17T17:31:00", "2026-06-18T11:40:00" },
	{ "ДЕМО-05", "МКОУ «Рябиновская ООШ»", 0, NULL, NULL },
};
/* One member school: its database built beside the district's, its
 * package written into stick, the database removed again. */
static int member_package(const char *tmp_db, const char *dir, const school *s, const struct demo_member *m,
			  const char *stick, diag *d)
{
	if (demo_school_build(tmp_db, dir, s, m->shift, d) != 0)
		return -1;
	char *err = NULL;
	sqlite3 *db = db_open(tmp_db, &err);
	package p = { 0 };
	int rc = db && package_build(db, DEMO_PERIOD, &csv_excel_ru, 0, m->made, &p, &err) == 0 &&
		 package_write(&p, stick, &err) == 0 ? 0 : -1;
	if (rc != 0)
		diag_report(d, DIAG_ERROR, NULL, 0, "%s", err ? err : tmp_db);
	package_free(&p);
	free(err);
	db_close(db);
	demo_remove_db(tmp_db);
	return rc;
}

int demo_district_build(const char *path, const char *dir, const char *stick, diag *d)
{
	school base = { 0 }, office = { .code = DEMO_DISTRICT_CODE, .district = "",
				       .name = "ИМЦ Северного района (демонстрация)", .role = "district" };
	char *err = NULL, *tmp_db = xasprintf("%s.school", path);
	int rc = -1;
	if (demo_school(dir, &base, &err) != 0) {
		diag_report(d, DIAG_ERROR, NULL, 0, "%s", err);
		goto out;
	}
	if (mkdir(stick, 0700) != 0 && access(stick, W_OK) != 0) {
		diag_report(d, DIAG_ERROR, NULL, 0, _("cannot create folder %s: %s"), stick, strerror(errno));
		goto out;
	}
	for (size_t i = 0; i < sizeof members / sizeof *members; i++) {
		if (!members[i].received)
			continue;
		school s = base;
		s.code = (char *)members[i].code;
		s.name = (char *)members[i].name;
		if (member_package(tmp_db, dir, &s, &members[i], stick, d) != 0)
			goto out;
	}
	demo_remove_db(path);
	if (school_setup(path, &office, paths_datadir(), d) != 0)
		goto out;
	sqlite3 *db = db_open(path, &err);
	if (!db) {
		diag_report(d, DIAG_ERROR, NULL, 0, "%s", err);
		goto out;
	}
	rc = 0;
	for (size_t i = 0; i < sizeof members / sizeof *members && rc == 0; i++) {
		if (district_school_add(db_sdb(db), members[i].code, members[i].name, &err) != 0) {
			rc = -1;
			break;
		}
		if (!members[i].received)
			continue;
		char *pkg = xasprintf("%s/orientir-%s-%s", stick, members[i].code, DEMO_PERIOD);
		pkg_import r;
		if (district_import_package(db_sdb(db), pkg, members[i].received, &r) != 0 || r.outcome != PKG_NEW) {
			diag_report(d, DIAG_ERROR, NULL, 0, "%s", r.reason ? r.reason : pkg);
			rc = -1;
		}
		pkg_import_clear(&r);
		free(pkg);
	}
	/* The screens that take packages in open on the demo's stick. */
	char *where = realpath(stick, NULL);
	if (rc == 0 && folder_remember(db, FOLDER_PACKAGES, where ? where : stick, &err) != 0)
		rc = -1;
	free(where);
	if (rc != 0 && err)
		diag_report(d, DIAG_ERROR, NULL, 0, "%s", err);
	db_close(db);
out:
	free(err);
	free(tmp_db);
	school_clear(&base);
	return rc;
}
