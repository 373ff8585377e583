/* demo: a living database built from data/demo/, then its indicators.
 * (Opens the terminal UI instead once that exists.) */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "common.h"
#include "csvin.h"
#include "db.h"
#include "import.h"
#include "paths.h"
#include "roadmap.h"
#include "school-setup.h"
#include "ui.h"

/* The invented school of data/demo/school.csv. */
static int demo_school(const char *dir, school *s, char **err)
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

/* The file may be replaced only if it is missing or an earlier demo. */
static int may_replace(const char *path, const char *code, char **err)
{
	if (access(path, F_OK) != 0)
		return 1;
	sqlite3 *db = db_open_readonly(path, err);
	if (!db)
		return 0;
	sqlite3_stmt *st;
	int ok = 0;
	if (sqlite3_prepare_v2(db, "SELECT code FROM school", -1, &st, NULL) == SQLITE_OK) {
		int rc = sqlite3_step(st);
		ok = rc == SQLITE_DONE || (rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 0), code) == 0);
		sqlite3_finalize(st);
	}
	db_close(db);
	if (!ok)
		*err = xasprintf(_("%s is not an earlier demo database; the demo will not overwrite it"), path);
	return ok;
}

/* The demo school's roadmap, with some progress on it and a few
 * methodical events, so that the demo is not a wall of overdue items. */
static int demo_roadmap(sqlite3 *db, const char *dir, diag *d)
{
	static const csvin_col cols[] = { { "number", NULL }, { "status", NULL }, { "done_date", NULL }, { "note", NULL } };
	char *path = xasprintf("%s/roadmap.csv", dir), *err = NULL, *unknown = NULL;
	rm_table t;
	roadmap_summary sum;
	int rc = roadmap_import(db, path, 2026, 2026,
				"План мероприятий («дорожная карта») по повышению качества образования на 2026 год",
				0, d, &t, &sum);
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
	if (!in || csvin_header(in, cols, 4, &err, &unknown) != 0 || db_activity_list(db, &v, &n, &err) != 0)
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

static void remove_db(const char *path)
{
	static const char *const ext[] = { "", "-wal", "-shm" };
	for (size_t i = 0; i < 3; i++) {
		char *p = xasprintf("%s%s", path, ext[i]);
		unlink(p);
		free(p);
	}
}

static int run(int argc, char **argv, cli_env *env)
{
	static const struct option opts[] = { CLI_COMMON_OPTIONS, { NULL, 0, NULL, 0 } };
	int c, exit_now;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1)
		if (cli_common_option(c, &cli_demo, env, &exit_now) != 0)
			return exit_now;
	if (optind < argc)
		return cli_usage(&cli_demo, _("unexpected argument '%s'"), argv[optind]);

	char *dir = xasprintf("%s/demo", paths_datadir()), *err = NULL;
	char *path;
	if (env->db_path) {
		path = xstrdup(env->db_path);
	} else {
		/* Beside the real database, never in its place. */
		char *real = db_default_path();
		char *slash = strrchr(real, '/');
		path = slash ? xasprintf("%.*s/demo.db", (int)(slash - real), real) : xstrdup("demo.db");
		free(real);
	}
	school s = { 0 };
	diag d = cli_diag();
	int rc = EXIT_FAIL;
	if (demo_school(dir, &s, &err) != 0 || !may_replace(path, s.code, &err)) {
		cli_error("%s", err);
		goto out;
	}
	remove_db(path);
	if (school_setup(path, &s, paths_datadir(), &d) != 0)
		goto out;
	sqlite3 *db = db_open(path, &err);
	if (!db) {
		cli_error("%s", err);
		goto out;
	}
	static const char *const files[] = { "roster.csv", "scales.csv", "results.csv" };
	static const enum import_kind kinds[] = { IMPORT_ROSTER, IMPORT_SCALES, IMPORT_RESULTS };
	int ok = 1;
	for (size_t i = 0; i < 3 && ok; i++) {
		char *f = xasprintf("%s/%s", dir, files[i]);
		import_counts n;
		ok = import_file(db, kinds[i], f, 0, &d, &n) == 0;
		free(f);
	}
	ok = ok && demo_roadmap(db, dir, &d) == 0;
	db_close(db);
	if (!ok) {
		cli_error(_("the demo data in %s did not import"), dir);
		goto out;
	}
	/* At a terminal the demo opens the interface; in a script or a pipe it
	 * shows the indicators instead. */
	if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
		rc = ui_main(path);
		goto out;
	}
	printf(_("Demo database: %s\nA school with its pupils, assessment scales and three years of results.\n"
		 "Try: orientir --db %s indicators --format csv\n\n"), path, path);
	free(env->db_path);
	env->db_path = xstrdup(path);
	char *args[] = { "indicators", NULL };
	optind = 0;
	rc = cli_indicators.run(1, args, env);
out:
	school_clear(&s);
	free(err);
	free(path);
	free(dir);
	return rc;
}

const cli_command cli_demo = {
	"demo", "",
	N_("build a demo school's database and show what orientir makes of it"),
	N_("Builds a database for an invented school from the files in the data/demo\n"
	   "folder (pupils, scales, three years of results) and opens the full-screen\n"
	   "interface on it (outside a terminal it prints the latest year's indicators).\n"
	   "The demo database lies beside the real one (demo.db) and is rebuilt each\n"
	   "time; --db names another place, but never a real school's file.\n"),
	run,
};
