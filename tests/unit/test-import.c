/* The import driver's progress reports and cancelling: what the import
 * screen's progress bar and Esc rely on. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/db.h"
#include "../../src/import.h"
#include "../../src/school-setup.h"

static char dir[64], dbpath[128], csv[128];
static sqlite3 *db;

static void setup(void)
{
	strcpy(dir, "/tmp/orientir-imp-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(dbpath, sizeof dbpath, "%s/t.db", dir);
	snprintf(csv, sizeof csv, "%s/roster.csv", dir);
	diag d = { 0 };
	school s = { .code = "T", .name = "Test", .district = "", .role = "school" };
	ck_assert_int_eq(school_setup(dbpath, &s, DATA_DIR, &d), 0);
	char *err = NULL;
	db = db_open(dbpath, &err);
	ck_assert_ptr_nonnull(db);
	/* 3000 pupils: enough rows for several progress reports. */
	FILE *fp = fopen(csv, "w");
	ck_assert_ptr_nonnull(fp);
	fputs("class,student_code,full_name\n", fp);
	for (int i = 0; i < 3000; i++)
		fprintf(fp, "%dА,P%04d,Ученик Номер%d\n", 1 + i % 11, i, i);
	fclose(fp);
}

static void teardown(void)
{
	db_close(db);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static long pupils(void)
{
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT count(*) FROM student", -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	long n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

struct seen {
	int calls;
	long long last_done, total;
	long last_rows;
	int cancel_at;
};

static int watch(void *ctx, long long done, long long total, long rows)
{
	struct seen *s = ctx;
	ck_assert_int_ge(done, s->last_done);	/* never goes back */
	ck_assert_int_le(done, total);
	ck_assert_int_gt(rows, s->last_rows);
	s->calls++;
	s->last_done = done;
	s->total = total;
	s->last_rows = rows;
	return s->cancel_at && s->calls >= s->cancel_at;
}

START_TEST(progress_is_reported)
{
	struct seen s = { 0 };
	diag d = { 0 };
	import_counts n;
	ck_assert_int_eq(import_file_progress(db, IMPORT_ROSTER, csv, 0, &d, &n, watch, &s), 0);
	ck_assert_int_eq(n.added, 3000);
	ck_assert_int_ge(s.calls, 5);		/* every 512 rows */
	ck_assert_int_gt(s.total, 0);
	ck_assert_int_eq(pupils(), 3000);
}
END_TEST

START_TEST(cancel_changes_nothing)
{
	struct seen s = { .cancel_at = 2 };
	diag d = { 0 };
	import_counts n;
	ck_assert_int_eq(import_file_progress(db, IMPORT_ROSTER, csv, 0, &d, &n, watch, &s), 2);
	ck_assert_int_eq(s.calls, 2);
	ck_assert_int_eq(d.errors, 0);
	ck_assert_int_eq(pupils(), 0);
	/* …and the database takes the same file whole afterwards. */
	ck_assert_int_eq(import_file(db, IMPORT_ROSTER, csv, 0, &d, &n), 0);
	ck_assert_int_eq(pupils(), 3000);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("import");
	TCase *tc = tcase_create("progress");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, progress_is_reported);
	tcase_add_test(tc, cancel_changes_nothing);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
