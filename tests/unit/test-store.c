/* The store: Russian folding and order in SQL, migrations, privacy. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../../src/db.h"
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
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
