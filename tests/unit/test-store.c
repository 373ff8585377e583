/* The store: Russian folding and order in SQL, migrations, privacy, reading
 * rows into arrays. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../../src/db.h"
#include "../../src/store.h"
#include "../../src/utf8.h"

static char dir[64];
static char path[128];
static sqlite3 *db;

static void setup(void)
{
	strcpy(dir, "/tmp/orientir-store-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/sub/t.db", dir);
	char *err = NULL;
	db = db_open(path, &err);
	ck_assert_msg(db != NULL, "%s", err ? err : "");
}

static void teardown(void)
{
	db_close(db);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static char *one(const char *sql)
{
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	char *v = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

START_TEST(fold_in_sql)
{
	char *v = one("SELECT ru_fold('ИВАНОВ Ёлкин Straße')");
	ck_assert_str_eq(v, "иванов елкин straße");
	free(v);
	/* A search the way the screens will do it: «иванов» and «ёлкин» find them. */
	ck_assert_int_eq(sqlite3_exec(db, "CREATE TEMP TABLE p (n TEXT);"
				      "INSERT INTO p VALUES ('Иванов'), ('Ёлкина'), ('Петров')", NULL, NULL, NULL), SQLITE_OK);
	v = one("SELECT group_concat(n) FROM p WHERE ru_fold(n) LIKE '%' || ru_fold('иванов') || '%'"
		" OR ru_fold(n) LIKE '%' || ru_fold('елкин') || '%'");
	ck_assert_str_eq(v, "Иванов,Ёлкина");
	free(v);
}
END_TEST

START_TEST(russian_order)
{
	ck_assert_int_eq(sqlite3_exec(db, "CREATE TEMP TABLE n (s TEXT);"
				      "INSERT INTO n VALUES ('Яковлев'), ('Ёлкин'), ('Елисеев'), ('Жуков'), ('Абрамов'), ('ежов')",
				      NULL, NULL, NULL), SQLITE_OK);
	/* Code-point order would put Ё first and lower case last; Russian order
	 * puts ё with е and ignores case. */
	char *v = one("SELECT group_concat(s) FROM (SELECT s FROM n ORDER BY s COLLATE RU)");
	ck_assert_str_eq(v, "Абрамов,ежов,Елисеев,Ёлкин,Жуков,Яковлев");
	free(v);
	ck_assert_int_lt(utf8_collate("Ёж", 4, "Ежи", 6), 0);
	ck_assert_int_ne(utf8_collate("Е", 2, "Ё", 2), 0);	/* equal only when identical */
}
END_TEST

START_TEST(migrated_and_private)
{
	char *v = one("PRAGMA user_version");
	ck_assert_int_eq(atoi(v), db_schema_version());
	free(v);
	v = one("PRAGMA foreign_keys");
	ck_assert_str_eq(v, "1");
	free(v);
	v = one("PRAGMA synchronous");
	ck_assert_str_eq(v, "2");	/* FULL */
	free(v);
	struct stat st;
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	/* Opening again runs no migration twice. */
	char *err = NULL;
	sqlite3 *again = db_open(path, &err);
	ck_assert_ptr_nonnull(again);
	db_close(again);
}
END_TEST

START_TEST(newer_refused)
{
	ck_assert_int_eq(sqlite3_exec(db, "PRAGMA user_version = 999", NULL, NULL, NULL), SQLITE_OK);
	char *err = NULL;
	sqlite3 *again = db_open(path, &err);
	ck_assert_ptr_null(again);
	ck_assert_ptr_nonnull(strstr(err, "newer version"));
	free(err);
}
END_TEST

START_TEST(statements_cached)
{
	char *err = NULL;
	static const char sql[] = "SELECT 1";
	sqlite3_stmt *a = db_stmt(db, sql, &err);
	sqlite3_stmt *b = db_stmt(db, sql, &err);
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_eq(a, b);
	ck_assert_ptr_null(db_stmt(db, "SELECT nonsense FROM nowhere", &err));
	ck_assert_ptr_nonnull(err);
	free(err);
}
END_TEST

static int cleared;

static void fill_text(sqlite3_stmt *st, void *item)
{
	*(char **)item = db_col_dup(st, 0);
}

static void clear_text(void *item)
{
	free(*(char **)item);
	cleared++;
}

START_TEST(rows_read_whole_or_not_at_all)
{
	ck_assert_int_eq(sqlite3_exec(db, "CREATE TEMP TABLE t (x INTEGER);"
				      "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 40)"
				      " INSERT INTO t SELECT i FROM c", NULL, NULL, NULL), SQLITE_OK);
	char *err = NULL, **v = NULL;
	size_t n = 99;
	/* Past the first few growths of the array, in order. */
	sqlite3_stmt *st = db_stmt(db, "SELECT x FROM t ORDER BY x", &err);
	ck_assert_int_eq(db_rows(db, st, sizeof *v, fill_text, clear_text, (void **)&v, &n, &err), 0);
	ck_assert_uint_eq(n, 40);
	ck_assert_str_eq(v[0], "1");
	ck_assert_str_eq(v[39], "40");
	cleared = 0;
	db_rows_free(v, n, sizeof *v, clear_text);
	ck_assert_int_eq(cleared, 40);
	/* No rows: no array. */
	st = db_stmt(db, "SELECT x FROM t WHERE x > 40", &err);
	ck_assert_int_eq(db_rows(db, st, sizeof *v, fill_text, clear_text, (void **)&v, &n, &err), 0);
	ck_assert_ptr_null(v);
	ck_assert_uint_eq(n, 0);
	/* A step that fails at the 20th row: the 19 read are freed, nothing is kept. */
	st = db_stmt(db, "SELECT CASE WHEN x = 20 THEN abs(-9223372036854775807 - 1) ELSE x END"
			 " FROM t ORDER BY rowid", &err);
	cleared = 0;
	ck_assert_int_eq(db_rows(db, st, sizeof *v, fill_text, clear_text, (void **)&v, &n, &err), -1);
	ck_assert_ptr_null(v);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(cleared, 19);
	ck_assert_ptr_nonnull(strstr(err, "overflow"));
	free(err);
	/* One row, or none. */
	char *one_text = NULL;
	st = db_stmt(db, "SELECT x FROM t WHERE x = ?", &err);
	sqlite3_bind_int(st, 1, 7);
	ck_assert_int_eq(db_row(db, st, fill_text, &one_text, &err), 1);
	ck_assert_str_eq(one_text, "7");
	free(one_text);
	st = db_stmt(db, "SELECT x FROM t WHERE x = ?", &err);
	sqlite3_bind_int(st, 1, 41);
	ck_assert_int_eq(db_row(db, st, fill_text, &one_text, &err), 0);
	/* A walk stopped on a row lets the statement go; one that failed says why. */
	st = db_stmt(db, "SELECT x FROM t ORDER BY x", &err);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_int_eq(db_step_end(db, st, SQLITE_ROW, &err), 0);
	ck_assert_int_eq(sqlite3_stmt_busy(st), 0);
	ck_assert_int_eq(db_step_end(db, st, SQLITE_DONE, &err), 0);
	err = NULL;
	ck_assert_int_eq(db_step_end(db, st, SQLITE_ERROR, &err), -1);
	ck_assert_ptr_nonnull(err);
	free(err);
}
END_TEST

/* The pupil's spells in the risk group, "from|to;…" in order. */
static char *spells(long id)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT coalesce(group_concat(s, ';'), '') FROM (SELECT from_on || '|' ||"
		 " coalesce(to_on, '') AS s FROM risk_spell WHERE student_id = %ld ORDER BY id)", id);
	return one(sql);
}

/* Each way the flag is written (the pupils' form and the roster import
 * through db_student_save, the risk screen through db_risk_set) opens and
 * closes the spell on the day ORIENTIR_TODAY says, not SQLite's clock. */
START_TEST(risk_spells_on_today)
{
	char *err = NULL, *v;
	long cls = db_class_ensure(db, 5, "А", &err);
	ck_assert_int_gt(cls, 0);
	setenv("ORIENTIR_TODAY", "2021-09-01", 1);
	student s = { .code = "У1", .last_name = "Иванов", .first_name = "Иван", .middle_name = "",
		      .class_id = cls, .risk_group = 1 };
	ck_assert_int_eq(db_student_save(db, &s, &err), 0);
	ck_assert_str_eq(v = spells(s.id), "2021-09-01|");
	free(v);
	setenv("ORIENTIR_TODAY", "2021-10-05", 1);
	ck_assert_int_eq(db_student_save(db, &s, &err), 0);	/* still in: the spell goes on */
	ck_assert_str_eq(v = spells(s.id), "2021-09-01|");
	free(v);
	s.risk_group = 0;
	ck_assert_int_eq(db_student_save(db, &s, &err), 0);
	ck_assert_str_eq(v = spells(s.id), "2021-09-01|2021-10-05");
	free(v);

	setenv("ORIENTIR_TODAY", "2022-01-12", 1);
	ck_assert_int_eq(db_risk_set(db, s.id, 1, "ВПР", &err), 0);
	ck_assert_str_eq(v = spells(s.id), "2021-09-01|2021-10-05;2022-01-12|");
	free(v);
	setenv("ORIENTIR_TODAY", "2022-02-28", 1);
	ck_assert_int_eq(db_risk_set(db, s.id, 0, NULL, &err), 0);
	ck_assert_str_eq(v = spells(s.id), "2021-09-01|2021-10-05;2022-01-12|2022-02-28");
	free(v);
	ck_assert_int_eq(db_risk_size_on(db, "2022-02-01", &err), 1);
	ck_assert_int_eq(db_risk_size_on(db, "2022-02-28", &err), 0);

	/* No trigger is left to write a second spell beside the store's. */
	ck_assert_str_eq(v = one("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'risk%'"), "0");
	free(v);
	unsetenv("ORIENTIR_TODAY");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("store");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, fold_in_sql);
	tcase_add_test(tc, russian_order);
	tcase_add_test(tc, migrated_and_private);
	tcase_add_test(tc, newer_refused);
	tcase_add_test(tc, statements_cached);
	tcase_add_test(tc, rows_read_whole_or_not_at_all);
	tcase_add_test(tc, risk_spells_on_today);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
