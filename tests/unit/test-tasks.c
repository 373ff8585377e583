/* The ВПР task by task below the command line: the Excel reader (shared
 * and inline strings, numbers, dates by their format, formulas, merged
 * ranges, every sheet, its bounds), the form's task headers and title
 * block, the scores as the store keeps them, the deficit rule's edges and
 * the objectivity check's binomial test. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/common.h"
#include "../../src/db.h"
#include "../../src/objectivity.h"
#include "../../src/school-setup.h"
#include "../../src/taskform.h"
#include "../../src/tasks.h"
#include "../../src/xlsx.h"

#define FORMS FIXTURES_DIR "/tasks/"

static xlsx_sheet sheet;

/* Sheet i of path, read. */
static xlsx *open_sheet(const char *path, size_t i)
{
	char *err = NULL;
	xlsx *x = xlsx_open(path, &err);
	ck_assert_msg(x != NULL, "%s: %s", path, err ? err : "?");
	ck_assert_msg(xlsx_sheet_read(x, i, &sheet, &err) == 0, "%s: %s", path, err ? err : "?");
	return x;
}

/* The cell at row r (from 1), column c (from 0), or NULL. */
static const xlsx_cell *cell(long r, int c)
{
	for (size_t i = 0; i < sheet.nrows; i++)
		if (sheet.rows[i].r == r)
			for (size_t k = 0; k < sheet.rows[i].ncells; k++)
				if (sheet.rows[i].cells[k].col == c)
					return &sheet.rows[i].cells[k];
	return NULL;
}

START_TEST(workbook_of_sheets)
{
	xlsx *x = open_sheet(FORMS "form-sheets.xlsx", 0);
	ck_assert_uint_eq(xlsx_sheet_count(x), 2);
	ck_assert_str_eq(xlsx_sheet_name(x, 0), "5А");
	ck_assert_str_eq(xlsx_sheet_name(x, 1), "5Б");
	ck_assert_int_eq(cell(1, 0)->kind, XLSX_TEXT);
	ck_assert_str_eq(cell(1, 0)->text, "Всероссийские проверочные работы 2025");
	ck_assert_uint_eq(sheet.nmerges, 1);
	ck_assert(sheet.merges[0].r1 == 1 && sheet.merges[0].r2 == 1 && sheet.merges[0].c1 == 0 && sheet.merges[0].c2 == 9);
	/* a day in a date format is a date, not its serial number */
	ck_assert_int_eq(cell(3, 5)->kind, XLSX_DATE);
	ck_assert_str_eq(cell(3, 5)->text, "2025-04-15");
	ck_assert_str_eq(cell(5, 3)->text, "1 (1 б.)");
	ck_assert_int_eq(cell(6, 3)->kind, XLSX_NUMBER);
	ck_assert_str_eq(cell(6, 3)->text, "1");
	ck_assert_str_eq(cell(8, 4)->text, "х");
	ck_assert_ptr_null(cell(9, 3));	/* the absent pupil's empty cells are not there */
	xlsx_sheet_free(&sheet);
	char *err = NULL;
	ck_assert_int_eq(xlsx_sheet_read(x, 1, &sheet, &err), 0);
	ck_assert_str_eq(cell(6, 0)->text, "Б01");
	xlsx_sheet_free(&sheet);
	xlsx_close(x);
}
END_TEST

START_TEST(formulas_and_inline_strings)
{
	xlsx *x = open_sheet(FORMS "form-maxrow.xlsx", 0);
	ck_assert_ptr_nonnull(cell(6, 7)->formula);
	ck_assert_str_eq(cell(6, 7)->formula, "SUM(C6:G6)");
	ck_assert_ptr_null(cell(6, 2)->formula);
	ck_assert_str_eq(cell(4, 2)->text, "1");	/* a task's number typed as a number */
	ck_assert_uint_eq(sheet.nmerges, 6);
	xlsx_sheet_free(&sheet);
	xlsx_close(x);
	x = open_sheet(FORMS "form-inline.xlsx", 0);
	ck_assert_str_eq(xlsx_sheet_name(x, 0), "Результаты");
	ck_assert_str_eq(cell(1, 0)->text, "Код");
	ck_assert_int_eq(cell(3, 2)->kind, XLSX_NUMBER);
	xlsx_sheet_free(&sheet);
	xlsx_close(x);
}
END_TEST

START_TEST(bad_workbooks)
{
	char *err = NULL;
	xlsx *x = xlsx_open(FORMS "bad/cut-short.xlsx", &err);
	ck_assert_ptr_null(x);
	ck_assert_ptr_nonnull(strstr(err, "cut short"));
	free(err);
	x = xlsx_open(FORMS "bad/word.xlsx", &err);
	ck_assert_ptr_null(x);
	ck_assert_ptr_nonnull(strstr(err, "Word document"));
	free(err);
	x = xlsx_open(FORMS "roster.csv", &err);
	ck_assert_ptr_null(x);
	ck_assert_ptr_nonnull(strstr(err, "not an Excel workbook"));
	free(err);
	/* filled down to Excel's last row: refused at the bound, not read */
	x = xlsx_open(FORMS "bad/rows-1048576.xlsx", &err);
	ck_assert_ptr_nonnull(x);
	ck_assert_int_eq(xlsx_sheet_read(x, 0, &sheet, &err), -1);
	ck_assert_ptr_nonnull(strstr(err, "65536"));
	ck_assert_uint_eq(sheet.nrows, 0);
	free(err);
	xlsx_close(x);
	ck_assert(!xlsx_is_zip(FORMS "roster.csv"));
	ck_assert(xlsx_is_zip(FORMS "form-sheets.xlsx"));
}
END_TEST

START_TEST(column_names)
{
	static const struct { int col; const char *name; } v[] = { { 0, "A" }, { 25, "Z" }, { 26, "AA" }, { 51, "AZ" },
								   { 52, "BA" }, { 16383, "XFD" } };
	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		char *s = xlsx_col_name(v[i].col);
		ck_assert_str_eq(s, v[i].name);
		free(s);
	}
}
END_TEST

START_TEST(task_headers)
{
	static const struct { const char *text, *number; int has; double max; } v[] = {
		{ "1", "1", 0, 0 }, { "3.1", "3.1", 0, 0 }, { "3,1", "3.1", 0, 0 }, { "4(1)", "4(1)", 0, 0 },
		{ "5(1б)", "5", 1, 1 }, { "1 (2 б.)", "1", 1, 2 }, { "1\n(2 б.)", "1", 1, 2 }, { "К1", "К1", 0, 0 },
		{ "K2", "К2", 0, 0 }, { "№ 7", "7", 0, 0 }, { "Задание 12", "12", 0, 0 }, { "4(1) (1 б.)", "4(1)", 1, 1 },
		{ "2 (3 балла)", "2", 1, 3 }, { "6 (макс. 3)", "6", 1, 3 }, { "10.2.1", "10.2.1", 0, 0 },
		{ "7 2б", "7", 1, 2 },
	};
	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		char *n = NULL;
		int has = -1;
		double max = 0;
		ck_assert_msg(tf_task_head(v[i].text, &n, &has, &max) == 0, "«%s» is a task", v[i].text);
		ck_assert_str_eq(n, v[i].number);
		ck_assert_int_eq(has, v[i].has);
		if (has)
			ck_assert(max == v[i].max);
		free(n);
	}
	static const char *const not[] = { "", "Код", "Вариант", "12 мая", "3.", "Отметка", "1 класс", "5а" };
	for (size_t i = 0; i < sizeof not / sizeof *not; i++) {
		char *n = NULL;
		int has;
		double max;
		ck_assert_msg(tf_task_head(not[i], &n, &has, &max) != 0, "«%s» is no task", not[i]);
	}
	ck_assert(tf_absent_word("отсутствовал") && tf_absent_word("Не явился") && tf_absent_word("н/я") &&
		  !tf_absent_word("1") && !tf_absent_word("отстающий"));
	ck_assert(tf_not_attempted("х") && tf_not_attempted(" X ") && !tf_not_attempted("0"));
}
END_TEST

static char dir[64];
static sqlite3 *db;

static void setup(void)
{
	strcpy(dir, "/tmp/orientir-tasks-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char *path = xasprintf("%s/t.db", dir), *err = NULL;
	diag d = { 0 };
	school s = { .code = "T", .name = "Test", .district = "", .role = "school" };
	ck_assert_int_eq(school_setup(path, &s, DATA_DIR, &d), 0);
	db = db_open(path, &err);
	ck_assert_ptr_nonnull(db);
	free(path);
}

static void teardown(void)
{
	db_close(db);
	char *cmd = xasprintf("rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
}

START_TEST(title_blocks)
{
	char *err = NULL;
	refmap *proc = db_ref_load(db, REF_PROCEDURE, &err), *subj = db_ref_load(db, REF_SUBJECT, &err);
	ck_assert_ptr_nonnull(subj);
	static const struct { const char *text, *proc, *subj, *cls; int grade, year; } v[] = {
		{ "Всероссийская проверочная работа по математике, 5 класс, 15.04.2025", "ВПР", "Математика", NULL, 5, 2025 },
		{ "ВПР по русскому языку 6-й класс 2024/2025 уч. год", "ВПР", "Русский язык", NULL, 6, 2025 },
		{ "Предмет: Окружающий мир Класс: 4Б", NULL, "Окружающий мир", "4Б", 4, 0 },
		{ "ЕГЭ. Математика (профильный уровень). 11 класс", "ЕГЭ", "Математика (профильный уровень)", NULL, 11, 0 },
		{ "Результаты 5 а класса по истории России, 2024 г.", NULL, "История", "5А", 5, 2024 },
		{ "Код ОО 123456, количество участников 25", NULL, NULL, NULL, 0, 0 },
	};
	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		tf_facts f = { 0 };
		tf_title_scan(v[i].text, proc, subj, &f);
		ck_assert_str_eq(f.procedure_id ? refmap_name(proc, f.procedure_id) : "-", v[i].proc ? v[i].proc : "-");
		ck_assert_str_eq(f.subject_id ? refmap_name(subj, f.subject_id) : "-", v[i].subj ? v[i].subj : "-");
		ck_assert_str_eq(f.class_label ? f.class_label : "-", v[i].cls ? v[i].cls : "-");
		ck_assert_msg(f.grade == v[i].grade, "%s: grade %d", v[i].text, f.grade);
		ck_assert_msg(f.year == v[i].year, "%s: year %d", v[i].text, f.year);
		tf_facts_clear(&f);
	}
	/* what facts know already stays */
	tf_facts f = { .subject_id = refmap_find(subj, "История"), .grade = 7 };
	tf_title_scan("по математике 5 класс", proc, subj, &f);
	ck_assert_str_eq(refmap_name(subj, f.subject_id), "История");
	ck_assert_int_eq(f.grade, 7);
	refmap_free(proc);
	refmap_free(subj);
}
END_TEST

START_TEST(scores_as_kept)
{
	double v[] = { 1, 0, 2.5, 0.3, 12 }, back[5];
	char *s = task_scores_text(v, 5);
	ck_assert_str_eq(s, "1 0 2.5 0.3 12");
	ck_assert_int_eq(task_scores_read(s, back, 5), 5);
	for (int i = 0; i < 5; i++)
		ck_assert(back[i] == v[i]);
	free(s);
	ck_assert_int_eq(task_scores_read("", back, 5), 0);
	ck_assert_int_eq(task_scores_read("1 x", back, 5), -1);
	ck_assert_int_eq(task_scores_read("1 2 3", back, 2), 3);	/* more than room: counted, not written past */
}
END_TEST

START_TEST(deficit_edges)
{
	analysis_rules r = { 50, 15, 0.01, 5, 20, 25 };
	ck_assert_int_eq(tasks_tenths(7, 9, 1), 778);
	ck_assert_int_eq(tasks_tenths(1, 8, 1), 125);	/* 12.5 exactly, half up */
	ck_assert_int_eq(tasks_tenths(1, 0, 1), -1);
	ck_assert(tasks_is_deficit(&r, 499, 0, 0));
	ck_assert(!tasks_is_deficit(&r, 500, 0, 0));
	ck_assert(tasks_is_deficit(&r, 556, 1, 71));	/* 15.4 below the region */
	ck_assert(tasks_is_deficit(&r, 560, 1, 71));	/* 15.0 exactly */
	ck_assert(!tasks_is_deficit(&r, 561, 1, 71));
	ck_assert(!tasks_is_deficit(&r, -1, 1, 71));
}
END_TEST

START_TEST(binomial)
{
	ck_assert(fabs(objectivity_binomial(8, 8) - 1.0 / 256) < 1e-12);
	ck_assert(fabs(objectivity_binomial(8, 9) - 10.0 / 512) < 1e-12);
	ck_assert(fabs(objectivity_binomial(6, 9) - 130.0 / 512) < 1e-12);
	ck_assert(objectivity_binomial(0, 5) == 1);
	ck_assert(objectivity_binomial(6, 5) == 0);
	/* a large count stays a probability */
	double p = objectivity_binomial(600, 1000);
	ck_assert(p > 0 && p < 1e-9);
	ck_assert(fabs(objectivity_binomial(500, 1000) - 0.5126) < 1e-3);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("tasks");
	TCase *tc = tcase_create("tasks");
	tcase_add_test(tc, workbook_of_sheets);
	tcase_add_test(tc, formulas_and_inline_strings);
	tcase_add_test(tc, bad_workbooks);
	tcase_add_test(tc, column_names);
	tcase_add_test(tc, task_headers);
	tcase_add_test(tc, scores_as_kept);
	tcase_add_test(tc, deficit_edges);
	tcase_add_test(tc, binomial);
	suite_add_tcase(s, tc);
	TCase *tdb = tcase_create("with a database");
	tcase_add_checked_fixture(tdb, setup, teardown);
	tcase_add_test(tdb, title_blocks);
	suite_add_tcase(s, tdb);
	SRunner *r = srunner_create(s);
	srunner_run_all(r, CK_NORMAL);
	int failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
