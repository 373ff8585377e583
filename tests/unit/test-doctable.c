/* Reading documents: the zip and XML layer within its bounds, Word's and
 * LibreOffice's tables into one model (merged cells, list numbers, tracked
 * changes, wrappers, nested tables), and the roadmap's reading of what it
 * finds: the wordings of column headers, rows of column numbers, repeated
 * headers, the order, title and years above the plan. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/common.h"
#include "../../src/doctable.h"
#include "../../src/roadmap-columns.h"
#include "../../src/roadmap-preamble.h"

#define DOCS FIXTURES_DIR "/roadmap/docs/"
#define BAD FIXTURES_DIR "/roadmap/bad/"

static doctable doc;

static void load(const char *path)
{
	enum doctable_format f;
	char *err = NULL;
	int rc = doctable_read(path, &zipxml_default_limits, &doc, &f, &err);
	ck_assert_msg(rc == 0, "%s: %s", path, err ? err : "?");
}

/* The cell of table t at row r, grid column c, its lines joined by '|'. */
static char *at(size_t t, size_t r, int c)
{
	dt_slot *g = doctable_grid(&doc.tables[t]);
	const dt_slot *s = &g[r * (size_t)doc.tables[t].ncols + (size_t)c];
	char *out = xstrdup(s->cell ? "" : "(none)");
	for (size_t i = 0; s->cell && i < s->cell->nlines; i++) {
		char *j = xasprintf("%s%s%s", out, i ? "|" : "", s->cell->lines[i]);
		free(out);
		out = j;
	}
	if (s->cell && s->row != r) {
		char *j = xasprintf("^%s", out);	/* merged down from above */
		free(out);
		out = j;
	}
	free(g);
	return out;
}

#define AT(t, r, c, want)                            \
	do {                                         \
		char *got_ = at(t, r, c);            \
		ck_assert_str_eq(got_, want);        \
		free(got_);                          \
	} while (0)

START_TEST(word_tables)
{
	load(DOCS "shapes.docx");
	ck_assert_uint_eq(doc.ntables, 1);
	ck_assert_int_eq(doc.tables[0].ncols, 7);
	ck_assert_str_eq(doc.paras[0].text, "Приказ № 274/1 от 10 августа 2021 г.");
	ck_assert_uint_eq(doc.paras[0].tables_before, 0);
	/* A number and a direction merged down over three rows. */
	AT(0, 2, 0, "1");
	AT(0, 3, 0, "^1");
	AT(0, 4, 1, "^Работа с педагогами");
	AT(0, 5, 0, "№ п/п");
	/* Paragraphs of a cell are its lines. */
	AT(0, 6, 2, "Пробный ОГЭ по математике|Пробный ОГЭ по русскому языку|Родительское собрание");
	doctable_free(&doc);

	load(DOCS "word-features.docx");
	ck_assert_uint_eq(doc.ntables, 2);
	ck_assert(doc.tables[0].rows[0].header);
	ck_assert(!doc.tables[0].rows[1].header);
	ck_assert(doc.tables[1].nested);
	/* A row merged across; the list numbers Word draws (I., I.1.). */
	ck_assert_uint_eq(doc.tables[0].rows[1].ncells, 1);
	ck_assert_int_eq(doc.tables[0].rows[1].cells[0].colspan, 4);
	AT(0, 1, 0, "I. Организационная работа");
	AT(0, 1, 3, "I. Организационная работа");	/* the places it covers */
	AT(0, 2, 0, "I.1.");
	AT(0, 4, 0, "I.3.");
	/* Tracked changes, a content control, a smart tag and a tab, a link
	 * and a line break, a field, a nested table, a drawing's fallback. */
	AT(0, 2, 1, "Совещание о результатах ВПР (срочное)");
	AT(0, 2, 2, "до 15.11.2025");
	AT(0, 2, 3, "Иванова И.И.");
	AT(0, 3, 1, "Вебинар ФИПИ|(запись)");
	AT(0, 3, 2, "март");
	AT(0, 3, 3, "ИМЦ|школы");
	AT(0, 4, 1, "Пробный ОГЭ по математике");
	AT(0, 5, 1, "");
	AT(1, 0, 1, "школы");
	doctable_free(&doc);

	/* Word's numbering through a paragraph style («List Number»). */
	load(DOCS "belomorsky-2022.docx");
	AT(0, 3, 0, "1.");
	AT(0, 17, 0, "15.|16.");
	AT(0, 18, 0, "17.");
	ck_assert(doc.tables[0].rows[2].header);
	ck_assert_str_eq(doc.paras[13].text, "• организация работы со школами с низкими результатами обучения;");
	ck_assert_uint_eq(doc.paras[doc.nparas - 1].tables_before, 1);
	doctable_free(&doc);
}
END_TEST

START_TEST(libreoffice_tables)
{
	load(DOCS "vengerovo-2020.odt");
	ck_assert_uint_eq(doc.ntables, 3);
	ck_assert(doc.tables[1].rows[0].header);
	AT(1, 1, 1, "1. Улучшение материально-технической базы");
	AT(1, 4, 1, "^1. Улучшение материально-технической базы");
	AT(1, 5, 1, "2. Программно-методическое обеспечение");
	AT(0, 1, 1, "- улучшить материальную базу;|- повысить уровень квалификации кадрового состава");
	doctable_free(&doc);

	load(DOCS "belomorsky-2022.odt");
	AT(0, 0, 0, "План-график (\"дорожная карта\")|повышения качества образования в школах|"
		    "с низкими образовательными результатами в 2022 году");
	AT(0, 0, 4, "План-график (\"дорожная карта\")|повышения качества образования в школах|"
		    "с низкими образовательными результатами в 2022 году");
	ck_assert_int_eq(doc.tables[0].rows[0].cells[0].colspan, 5);
	ck_assert_str_eq(doc.paras[8].text, "– организация работы со школами с низкими результатами обучения;");
	/* a page break inside the table leaves the rows as they are */
	AT(0, 13, 0, "11");
	doctable_free(&doc);

	load(DOCS "tasks.odt");
	AT(0, 2, 0, "Задачи:");
	AT(0, 2, 3, "Задачи:");
	doctable_free(&doc);
}
END_TEST

/* A bad document gets a message naming what is wrong; the model is left
 * empty. */
static void refused(const char *path, const zipxml_limits *lim, const char *want, enum doctable_format format)
{
	enum doctable_format f;
	char *err = NULL;
	ck_assert_int_eq(doctable_read(path, lim, &doc, &f, &err), -1);
	ck_assert_msg(err && strstr(err, want), "%s: «%s», not «%s»", path, err ? err : "", want);
	ck_assert_int_eq(f, format);
	ck_assert_uint_eq(doc.ntables, 0);
	free(err);
}

START_TEST(bad_documents)
{
	const zipxml_limits *lim = &zipxml_default_limits;
	refused(BAD "bomb.docx", lim, "unpacks to more than 32 MB", DOCTABLE_DOCX);
	refused(BAD "liar.docx", lim, "unpacks to more than 32 MB", DOCTABLE_DOCX);
	refused(BAD "token.docx", lim, "holds a piece of XML (a comment, a tag) longer than 4 MB", DOCTABLE_DOCX);
	refused(BAD "deep.docx", lim, "nested more than 256 elements deep", DOCTABLE_DOCX);
	refused(BAD "laughs.docx", lim, "declares XML entities", DOCTABLE_DOCX);
	refused(BAD "damaged.docx", lim, "cut short", DOCTABLE_NOT_ZIP);
	refused(BAD "archive.docx", lim, "not a .docx or .odt document", DOCTABLE_OTHER_ZIP);
	refused(BAD "workbook.docx", lim, "an Excel workbook (.xlsx)", DOCTABLE_OTHER_ZIP);
	refused(FIXTURES_DIR "/roadmap/broken.csv", lim, "not a zip archive", DOCTABLE_NOT_ZIP);
	refused("/nonexistent.docx", lim, "cannot read", DOCTABLE_NOT_ZIP);
	refused("/tmp", lim, "not a regular file", DOCTABLE_NOT_ZIP);
	/* Each bound on its own. */
	zipxml_limits small = *lim;
	small.elements = 100;
	refused(DOCS "shapes.docx", &small, "more than 100 XML elements", DOCTABLE_DOCX);
	small = *lim;
	small.depth = 5;
	refused(DOCS "shapes.docx", &small, "nested more than 5 elements deep", DOCTABLE_DOCX);
	small = *lim;
	small.member_bytes = 1000;
	refused(DOCS "tasks.odt", &small, "unpacks to more than 1 MB", DOCTABLE_ODT);
	small = *lim;
	small.total_bytes = 300000;	/* its styles alone are more */
	refused(DOCS "shapes.docx", &small, "shapes.docx unpacks to more than 1 MB", DOCTABLE_DOCX);
	small = *lim;
	small.text_bytes = 10;
	refused(DOCS "tasks.odt", &small, "holds more than 1 MB of text", DOCTABLE_ODT);
	small = *lim;
	small.file_bytes = 1000;
	refused(DOCS "shapes.docx", &small, "larger than 1 MB", DOCTABLE_NOT_ZIP);
}
END_TEST

START_TEST(numbers_drawn)
{
	static const struct { const char *format; long n; const char *want; } v[] = {
		{ "decimal", 12, "12" }, { "lowerLetter", 2, "b" }, { "upperLetter", 27, "AA" }, { "lowerRoman", 4, "iv" },
		{ "upperRoman", 1999, "MCMXCIX" }, { "russianLower", 10, "к" }, { "russianUpper", 29, "АА" }, { "I", 3, "III" },
		{ "а", 1, "а" }, { "bullet", 3, "3" }, { NULL, 5, "5" },
	};
	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		char *s = dt_number_text(v[i].format, v[i].n);
		ck_assert_str_eq(s, v[i].want);
		free(s);
	}
}
END_TEST

/* Every wording of a column the roadmap issue names reads as its column. */
START_TEST(header_wordings)
{
	static const struct { const char *text; int col; } v[] = {
		{ "№", RM_NUMBER }, { "N", RM_NUMBER }, { "N п/п", RM_NUMBER }, { "№№", RM_NUMBER }, { "Номер", RM_NUMBER },
		{ "№ п/п", RM_NUMBER }, { "number", RM_NUMBER },
		{ "Мероприятие", RM_TITLE }, { "Наименование мероприятий", RM_TITLE }, { "Перечень мероприятий", RM_TITLE },
		{ "Основные направления деятельности", RM_TITLE }, { "Содержание работы", RM_TITLE },
		{ "Наименование", RM_TITLE }, { "Вид работы", RM_TITLE }, { "title", RM_TITLE },
		{ "Срок", RM_DEADLINE }, { "Сроки исполнения", RM_DEADLINE }, { "Период проведения", RM_DEADLINE },
		{ "Дата", RM_DEADLINE }, { "Когда", RM_DEADLINE }, { "Планируемые сроки", RM_DEADLINE }, { "deadline", RM_DEADLINE },
		{ "Ответственные", RM_RESP }, { "Ответственный исполнитель", RM_RESP }, { "Исполнители", RM_RESP },
		{ "responsible", RM_RESP },
		{ "Ожидаемый результат", RM_EXPECTED }, { "Прогнозируемый результат", RM_EXPECTED },
		{ "Показатели", RM_EXPECTED }, { "Форма отчетности", RM_EXPECTED }, { "Форма отчёта", RM_EXPECTED },
		{ "Форма предоставления результата", RM_EXPECTED }, { "expected_result", RM_EXPECTED },
		{ "Направление", RM_SECTION }, { "Раздел", RM_SECTION }, { "Наименование направления", RM_SECTION },
		{ "section", RM_SECTION },
	};
	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		int best = -1, score = 0;
		for (int c = 0; c < RM_NCOLS; c++)
			if (rm_col_score(v[i].text, c) > score)
				score = rm_col_score(v[i].text, c), best = c;
		ck_assert_msg(best == v[i].col, "«%s» reads as column %d, not %d", v[i].text, best, v[i].col);
	}
	/* Not headers: long text, and words no column has. */
	for (int c = 0; c < RM_NCOLS; c++) {
		ck_assert_int_eq(rm_col_score("Примечание", c), 0);
		ck_assert_int_eq(rm_col_score("Проведение мероприятий по подготовке к государственной итоговой аттестации "
					      "выпускников девятых и одиннадцатых классов школ района", c), 0);
	}
	/* The better reading wins; the other cell is left, with its rival. */
	const char *row[] = { "№", "Содержание", "Мероприятие", "Направление деятельности", "Сроки", "Примечание" };
	rm_colmap m;
	ck_assert_int_eq(rm_colmap_read(row, 6, &m), 4);
	ck_assert_int_eq(m.cell[RM_TITLE], 2);
	ck_assert_int_eq(m.cell[RM_SECTION], 3);
	ck_assert(rm_colmap_is_header(&m));
	size_t n;
	rm_unused *u = rm_colmap_unused(row, 6, &m, &n);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(u[0].header, "Содержание");
	ck_assert_int_eq(u[0].could_be, RM_TITLE);
	ck_assert_str_eq(u[0].taken, "Мероприятие");
	ck_assert_int_eq(u[1].could_be, -1);
	for (size_t i = 0; i < n; i++)
		free(u[i].header), free(u[i].taken);
	free(u);
	const char *deadline_only[] = { "Что", "Когда", "Кто" };
	rm_colmap_read(deadline_only, 3, &m);
	ck_assert(!rm_colmap_is_header(&m));
}
END_TEST

START_TEST(rows_that_are_not_activities)
{
	const char *numbers[] = { "1", "2", "", "3", "4 " };
	ck_assert(rm_row_column_numbers(numbers, 5));
	const char *activity[] = { "1", "2", "3" };
	ck_assert(rm_row_column_numbers(activity, 3));	/* as printed under a header */
	const char *other[] = { "1", "Семинар", "март" };
	ck_assert(!rm_row_column_numbers(other, 3));
	const char *not_from_one[] = { "2", "3", "4" };
	ck_assert(!rm_row_column_numbers(not_from_one, 3));
	const char *head[] = { "№ п/п", "Мероприятие", "Срок", "Ответственные", "Ожидаемый результат" };
	const char *partly[] = { "№ п/п", "Мероприятие", "Срок", "", "Что получится" };
	ck_assert(rm_row_repeats_header(partly, 5, head, 5));
	const char *renamed[] = { "№", "Основные направления деятельности", "Сроки исполнения", "Исполнитель",
				  "Форма предоставления результата" };
	ck_assert(rm_row_repeats_header(renamed, 5, head, 5));
	const char *act[] = { "2", "Мероприятия по подготовке", "Срок до марта", "Ответственные", "" };
	ck_assert(!rm_row_repeats_header(act, 5, head, 5));
	const char *one[] = { "Мероприятия", "", "", "", "" };
	ck_assert(!rm_row_repeats_header(one, 5, head, 5));
	ck_assert(rm_is_number("1.2."));
	ck_assert(rm_is_number(" II "));
	ck_assert(rm_is_number("3)"));
	ck_assert(!rm_is_number("1. Работа"));
	ck_assert(!rm_is_number(""));
}
END_TEST

/* rm_preamble_read on text: "number|date|title|first-last|from". */
static char *preamble(const char *text)
{
	rm_table t = { .preamble = (char *)text };
	rm_preamble_read(&t);
	char *s = xasprintf("%s|%s|%s|%d-%d|%d", t.order_number ? t.order_number : "", t.order_date ? t.order_date : "",
			    t.title ? t.title : "", t.first_year, t.last_year, (int)t.years_from);
	free(t.order_number), free(t.order_date), free(t.title);
	return s;
}

#define PREAMBLE(text, want)                         \
	do {                                         \
		char *got_ = preamble(text);         \
		ck_assert_str_eq(got_, want);        \
		free(got_);                          \
	} while (0)

START_TEST(what_the_text_above_names)
{
	PREAMBLE("УПРАВЛЕНИЕ ОБРАЗОВАНИЯ\nприказ № 274/1 от 10 августа 2021 г.\nОб утверждении плана",
		 "274/1|2021-08-10||0-0|0");
	PREAMBLE("ПОСТАНОВЛЕНИЕ\nот 24.05.2023 № 177\nПлан мероприятий («дорожная карта») на 2023-2025 годы",
		 "177|2023-05-24|План мероприятий («дорожная карта») на 2023-2025 годы|2023-2025|2");
	PREAMBLE("П Р И К А З\nот «01» февраля 2022 года\n№17\nОб утверждении плана-графика на 2022 год",
		 "17|2022-02-01||2022-2022|3");
	/* An appendix's number, a school's, a programme's years: not the order's, not the plan's. */
	PREAMBLE("1. Утвердить перечень школ (приложение № 1).\nМОУ «Средняя школа №3»\n"
		 "Распоряжение от 28.02.2020 № 49-ра\nв рамках программы на 2020 – 2030 годы",
		 "49-ра|2020-02-28||0-0|0");
	PREAMBLE("Дорожная карта\nпо повышению качества образования\nна 2023/24 учебный год\nУтверждена приказом от 01.09.2023 № 5",
		 "5|2023-09-01|Дорожная карта по повышению качества образования на 2023/24 учебный год|2023-2024|2");
	PREAMBLE("Планируемые результаты: рост доли\n№ 12", "|||0-0|0");
	int f, l;
	ck_assert(rm_years_in("2022 – 2023 гг.", &f, &l) && f == 2022 && l == 2023);
	ck_assert(rm_years_in("в 2024 году", &f, &l) && f == 2024 && l == 2024);
	ck_assert(!rm_years_in("№ 12345", &f, &l));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("doctable");
	TCase *tc = tcase_create("read");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, word_tables);
	tcase_add_test(tc, libreoffice_tables);
	tcase_add_test(tc, bad_documents);
	tcase_add_test(tc, numbers_drawn);
	tcase_add_test(tc, header_wordings);
	tcase_add_test(tc, rows_that_are_not_activities);
	tcase_add_test(tc, what_the_text_above_names);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
