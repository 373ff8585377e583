/* What the roadmap's import offers and tells, shared by the command line
 * and the Roadmap screen: the years and title a form starts with, and the
 * lines a dry run shows. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/common.h"
#include "../../src/db.h"
#include "../../src/roadmap.h"
#include "../../src/school-setup.h"

static char dir[64], dbpath[128], marked[128];
static sqlite3 *db;
static const char *broken = FIXTURES_DIR "/roadmap/broken.csv";

static void setup(void)
{
	strcpy(dir, "/tmp/orientir-rm-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(dbpath, sizeof dbpath, "%s/t.db", dir);
	snprintf(marked, sizeof marked, "%s/roadmap.csv", dir);
	diag d = { 0 };
	school s = { .code = "R1", .name = "ИМЦ", .district = "", .role = "district" };
	ck_assert_int_eq(school_setup(dbpath, &s, DATA_DIR, &d), 0);
	char *err = NULL;
	db = db_open(dbpath, &err);
	ck_assert_ptr_nonnull(db);
}

static void teardown(void)
{
	db_close(db);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

/* roadmap_import_defaults for path on today: "rc|first-last|title". */
static char *defaults(const char *path, long today)
{
	int first = 0, last = 0;
	char *title = NULL, *err = NULL;
	int rc = roadmap_import_defaults(db, path, today, &first, &last, &title, &err);
	ck_assert_ptr_null(err);
	char *s = xasprintf("%d|%d-%d|%s", rc, first, last, title);
	free(title);
	return s;
}

static void import(const char *path, int first, int last, const char *title)
{
	diag d = { 0 };
	rm_table t;
	roadmap_summary sum;
	ck_assert_int_eq(roadmap_import(db, path, first, last, title, 0, &d, &t, &sum), 0);
	rm_table_free(&t);
	roadmap_summary_free(&sum);
}

static void write_marked(const char *years, const char *title)
{
	FILE *fp = fopen(marked, "w");
	ck_assert_ptr_nonnull(fp);
	fprintf(fp, "orientir-roadmap-1;%s;%s\n№;Мероприятие;Сроки\n1;Совещание;Март\n", years, title);
	fclose(fp);
}

#define EXPECT_DEFAULTS(path, today, want)                   \
	do {                                                 \
		char *got_ = defaults(path, today);          \
		ck_assert_str_eq(got_, want);                \
		free(got_);                                  \
	} while (0)

START_TEST(school_year_when_the_file_says_nothing)
{
	/* The school year runs from September to August. */
	EXPECT_DEFAULTS(broken, 20261122, "0|2026-2027|");
	EXPECT_DEFAULTS(broken, 20260901, "0|2026-2027|");
	EXPECT_DEFAULTS(broken, 20260831, "0|2025-2026|");
	EXPECT_DEFAULTS(broken, 20260115, "0|2025-2026|");
	/* A corrected version of the same file keeps the roadmap's title… */
	import(broken, 2025, 2025, "План на 2025 год");
	EXPECT_DEFAULTS(broken, 20250310, "0|2024-2025|План на 2025 год");
	/* …another file does not take it. */
	EXPECT_DEFAULTS(FIXTURES_DIR "/roadmap/restart.csv", 20250310, "0|2024-2025|");
}
END_TEST

START_TEST(what_a_file_orientir_wrote_states)
{
	write_marked("2020-2022", "Карта района");
	EXPECT_DEFAULTS(marked, 20261122, "1|2020-2022|Карта района");
	/* No title in the file: the roadmap's own, imported from it before,
	 * stays on offer. */
	import(marked, 2020, 2022, "Прежнее название");
	write_marked("2024", "");
	EXPECT_DEFAULTS(marked, 20261122, "1|2024-2024|Прежнее название");
	/* Years it cannot read: the school year's. */
	write_marked("двадцатый", "Карта");
	EXPECT_DEFAULTS(marked, 20261122, "0|2026-2027|Карта");
	/* A file that cannot be read offers the school year too (the import
	 * itself then says why not). */
	EXPECT_DEFAULTS("/nonexistent/other.csv", 20260301, "0|2025-2026|");
}
END_TEST

struct lines {
	char buf[4096];
};

static void keep(void *ctx, const char *text)
{
	struct lines *l = ctx;
	strncat(l->buf, text, sizeof l->buf - strlen(l->buf) - 2);
	strcat(l->buf, "\n");
}

START_TEST(the_dry_run_told_line_by_line)
{
	diag d = { 0 };
	rm_table t;
	roadmap_summary sum;
	import(FIXTURES_DIR "/roadmap/restart.csv", 2025, 2025, NULL);
	ck_assert_int_eq(roadmap_import(db, broken, 2025, 2025, NULL, 1, &d, &t, &sum), 0);
	struct lines l = { "" };
	roadmap_found(&t, keep, &l);
	roadmap_summary_say(&sum, 2025, 2025, 1, keep, &l);
	ck_assert_str_eq(l.buf,
			 "Sections and activities found:\n"
			 "  I направление – работа с обучающимися: 1, 2, 3 (3)\n"
			 "  II направление – работа с педагогами: 1, 2, 3 (3)\n"
			 "6 activities; 1 repeated header row skipped; 1 row broken across a page joined to its activity.\n"
			 "Checked, no errors (the roadmap for 2025). Importing it would add 6, change 0, leave 0 unchanged, drop 6.\n"
			 "  dropped: 1 Анализ результатов ВПР и ОГЭ прошлого года\n"
			 "  dropped: 2 Совещание при директоре \"Итоги ВПР\"\n"
			 "  dropped: 3 Корректировка рабочих программ по русскому языку, математике\n"
			 "  dropped: 1 Дополнительные занятия для обучающихся группы риска\n"
			 "  dropped: 2 Пробный ОГЭ по математике\n"
			 "  dropped: 3 Консультации для родителей\n");
	rm_table_free(&t);
	roadmap_summary_free(&sum);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("roadmap");
	TCase *tc = tcase_create("import");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, school_year_when_the_file_says_nothing);
	tcase_add_test(tc, what_a_file_orientir_wrote_states);
	tcase_add_test(tc, the_dry_run_told_line_by_line);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
