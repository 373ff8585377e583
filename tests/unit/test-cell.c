/* Cell parsers against the contract: decimal comma or point, DD.MM.YYYY or
 * YYYY-MM-DD, the yes/no words, classes as people type them. Cyrillic is
 * spelled in bytes where the exact bytes are the point. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/cell.h"
#include "../../src/identity.h"

START_TEST(test_empty_trim)
{
	ck_assert_int_eq(cell_empty(NULL), 1);
	ck_assert_int_eq(cell_empty(""), 1);
	ck_assert_int_eq(cell_empty(" \t\r\n"), 1);
	ck_assert_int_eq(cell_empty("\xC2\xA0 \xC2\xA0"), 1);	/* no-break spaces from Excel */
	ck_assert_int_eq(cell_empty(" x "), 0);
	ck_assert_int_eq(cell_empty("\xC2\xA1"), 0);
	char *t = cell_trim("  a b\t\r\n");
	ck_assert_str_eq(t, "a b");
	free(t);
	t = cell_trim(NULL);
	ck_assert_str_eq(t, "");
	free(t);
}
END_TEST

static const struct {
	const char *text;
	double value;
} numbers[] = {
	{ "12", 12 }, { "12,5", 12.5 }, { "12.5", 12.5 }, { " 12.5 ", 12.5 }, { "\t12,5\r", 12.5 },
	{ "0", 0 }, { "-3,25", -3.25 }, { "+4", 4 }, { "007", 7 },
	/* What a person wrote must equal what the compiler reads from the same
	 * digits: scores are compared with thresholds written the same way. */
	{ "0,3", 0.3 }, { "0.1", 0.1 }, { "12,7", 12.7 }, { "99,99", 99.99 }, { "4,35", 4.35 },
	{ "1234567,891", 1234567.891 },
};

START_TEST(test_number_accepts)
{
	double v = -1;
	ck_assert_msg(cell_number(numbers[_i].text, &v) == 0, "«%s» rejected", numbers[_i].text);
	ck_assert_msg(v == numbers[_i].value, "«%s» read as %.17g, not %.17g", numbers[_i].text, v,
		      numbers[_i].value);
}
END_TEST

static const char *const bad_numbers[] = {
	"12,5,1", "12.5.1", "12,5.1", "abc", "", "   ", "1 2", "12a", "a12", "-", ",", "1e3", "--1",
	"12 5", "\xD0\xBF\xD1\x8F\xD1\x82\xD1\x8C",	/* пять */
	"1234567890123456",	/* past a double's exact digits */
};

START_TEST(test_number_rejects)
{
	double v = 42;
	ck_assert_msg(cell_number(bad_numbers[_i], &v) == -1, "«%s» accepted as %g", bad_numbers[_i], v);
	ck_assert(v == 42);	/* untouched on failure */
}
END_TEST

START_TEST(test_number_null)
{
	double v;
	ck_assert_int_eq(cell_number(NULL, &v), -1);
}
END_TEST

START_TEST(test_int)
{
	long v = -1;
	ck_assert_int_eq(cell_int("7", &v), 0);
	ck_assert_int_eq(v, 7);
	ck_assert_int_eq(cell_int("7,0", &v), 0);
	ck_assert_int_eq(v, 7);
	ck_assert_int_eq(cell_int(" 2024 ", &v), 0);
	ck_assert_int_eq(v, 2024);
	ck_assert_int_eq(cell_int("-2", &v), 0);
	ck_assert_int_eq(v, -2);
	v = 99;
	ck_assert_int_eq(cell_int("7,5", &v), -1);
	ck_assert_int_eq(cell_int("7.01", &v), -1);
	ck_assert_int_eq(cell_int("0,5", &v), -1);
	ck_assert_int_eq(cell_int("", &v), -1);
	ck_assert_int_eq(cell_int("seven", &v), -1);
	ck_assert_int_eq(cell_int(NULL, &v), -1);
	ck_assert_int_eq(v, 99);
}
END_TEST

static const struct {
	const char *text;
	int y, m, d;
} dates[] = {
	{ "05.03.2024", 2024, 3, 5 }, { "5.3.2024", 2024, 3, 5 }, { "31.12.2023", 2023, 12, 31 },
	{ "2024-03-05", 2024, 3, 5 }, { " 05.03.2024 ", 2024, 3, 5 }, { "29.02.2024", 2024, 2, 29 },
	{ "2024-02-29", 2024, 2, 29 }, { "29.02.2000", 2000, 2, 29 }, { "01.01.1900", 1900, 1, 1 },
	{ "30.04.2024", 2024, 4, 30 },
};

START_TEST(test_date_accepts)
{
	int y = 0, m = 0, d = 0;
	ck_assert_msg(cell_date(dates[_i].text, &y, &m, &d) == 0, "«%s» rejected", dates[_i].text);
	ck_assert_int_eq(y, dates[_i].y);
	ck_assert_int_eq(m, dates[_i].m);
	ck_assert_int_eq(d, dates[_i].d);
}
END_TEST

static const char *const bad_dates[] = {
	"31.02.2024", "29.02.2023", "29.02.1900",	/* 1900 was no leap year */
	"31.04.2024", "2023-02-29", "00.01.2024", "01.00.2024", "01.13.2024", "32.01.2024",
	"2024-13-01", "2024-01-32", "05.03.24", "05/03/2024", "2024.03.05", "05-03-2024",
	"05.03.20245", "005.03.2024", "05.03.2024x", "", "   ", "date", "24-03-05",
};

START_TEST(test_date_rejects)
{
	int y, m, d;
	ck_assert_msg(cell_date(bad_dates[_i], &y, &m, &d) == -1, "«%s» accepted", bad_dates[_i]);
}
END_TEST

START_TEST(test_yesno)
{
	static const struct {
		const char *text;
		int v;
	} ok[] = {
		{ "да", 1 }, { "Да", 1 }, { "ДА", 1 }, { " да ", 1 }, { "+", 1 }, { "1", 1 }, { "yes", 1 },
		{ "YES", 1 }, { "Yes", 1 },
		{ "нет", 0 }, { "Нет", 0 }, { "НЕТ", 0 }, { "-", 0 }, { "0", 0 }, { "no", 0 }, { "No", 0 },
		{ "", 0 }, { "  ", 0 }, { NULL, 0 },
	};
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
		int v = -7;
		ck_assert_msg(cell_yesno(ok[i].text, &v) == 0, "«%s» rejected", ok[i].text ? ok[i].text : "NULL");
		ck_assert_msg(v == ok[i].v, "«%s» read as %d", ok[i].text ? ok[i].text : "NULL", v);
	}
	static const char *const bad[] = { "может быть", "2", "да!", "ага", "++", "yes no", "dunno" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		int v = -7;
		ck_assert_msg(cell_yesno(bad[i], &v) == -1, "«%s» accepted", bad[i]);
	}
}
END_TEST

#define CYR_A "\xD0\x90"	/* А */
#define CYR_B "\xD0\x91"	/* Б */
#define CYR_V "\xD0\x92"	/* В */

static const struct {
	const char *text;
	int grade;
	const char *letter;
} classes[] = {
	{ "5" CYR_A, 5, CYR_A },
	{ "5 \xD0\xB0", 5, CYR_A },		/* 5 а */
	{ "11-" CYR_B, 11, CYR_B },
	{ "11 - \xD0\xB1", 11, CYR_B },		/* 11 - б */
	{ "5", 5, "" },
	{ " 10 ", 10, "" },
	{ "5A", 5, CYR_A },			/* Latin A typed in the wrong layout */
	{ "5a", 5, CYR_A },
	{ "7B", 7, CYR_V },			/* Latin B looks like В */
	{ "7b", 7, CYR_V },			/* …in either case: 7b and 7B are one class */
	{ "8y", 8, "\xD0\xA3" },			/* У */
	{ "6h", 6, "\xD0\x9D" },			/* Н */
	{ "9\"" CYR_V "\"", 9, CYR_V },
	{ "1" CYR_A, 1, CYR_A },
};

START_TEST(test_class_accepts)
{
	int g = -1;
	char *l = NULL;
	ck_assert_msg(cell_class(classes[_i].text, &g, &l) == 0, "«%s» rejected", classes[_i].text);
	ck_assert_int_eq(g, classes[_i].grade);
	ck_assert_str_eq(l, classes[_i].letter);
	free(l);
}
END_TEST

/* Typed in either layout, one class: the key that matches a roster row. */
START_TEST(test_class_latin_equals_cyrillic)
{
	int g1, g2;
	char *l1, *l2;
	ck_assert_int_eq(cell_class("5A", &g1, &l1), 0);
	ck_assert_int_eq(cell_class("5" CYR_A, &g2, &l2), 0);
	ck_assert_int_eq(g1, g2);
	ck_assert_str_eq(l1, l2);
	ck_assert_mem_eq(l1, "\xD0\x90", 3);
	free(l1);
	free(l2);
}
END_TEST

static const char *const bad_classes[] = {
	"12" CYR_A, "0" CYR_A, CYR_A "5", "", "  ", "5" CYR_A " " CYR_B, "5" CYR_A "1", "123",
	"\xD0\xBF\xD1\x8F\xD1\x82\xD1\x8B\xD0\xB9",	/* пятый */
};

START_TEST(test_class_rejects)
{
	int g;
	char *l = NULL;
	ck_assert_msg(cell_class(bad_classes[_i], &g, &l) == -1, "«%s» accepted", bad_classes[_i]);
	ck_assert_ptr_null(l);
}
END_TEST

/* What a message quotes of a cell: short, escaped, cut on a character. */
START_TEST(test_shown)
{
	ck_assert_str_eq(cell_shown("12,5"), "12,5");
	ck_assert_str_eq(cell_shown(NULL), "");
	ck_assert_str_eq(cell_shown("\x1b[31mкрасный\r\n\t\x7f"), "\\x1B[31mкрасный\\r\\n\\t\\x7F");
	ck_assert_str_eq(cell_shown("a\xff\xd0"), "a\\xFF\\xD0");
	ck_assert_str_eq(cell_shown("\u202eевил"), "\\u{202E}евил");
	char long_cell[200];
	for (int i = 0; i < 100; i++)
		memcpy(long_cell + 2 * i, "ё", 2);
	long_cell[199] = '\0';	/* 99 letters and half of one */
	const char *shown = cell_shown(long_cell);
	ck_assert_uint_eq(strlen(shown), CELL_SHOWN * 2 + strlen("…"));
	ck_assert_str_eq(shown + CELL_SHOWN * 2, "…");
	/* Eight in turn: a message may quote several cells. */
	const char *a = cell_shown("первый"), *b = cell_shown("второй");
	ck_assert_str_eq(a, "первый");
	ck_assert_str_eq(b, "второй");
}
END_TEST

/* Identity fields: one line of letters and signs, within their length. */
START_TEST(test_identity)
{
	char *err = NULL;
	enum identity_field bad;
	ck_assert_int_eq(identity_check("0101", "МКОУ «Сосновская ООШ» № 1", "", &bad, &err), 0);
	ck_assert_int_eq(identity_check("0101", "Школа", NULL, &bad, &err), 0);
	const char *names[] = { "Школа\nperiod: 1999-H1", "Школа\r", "Школа\tодин", "\x1b[2JШкола", "Школа\u2028",
				"Шко\xd0ла", "" };
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		ck_assert_msg(identity_check("0101", names[i], "", &bad, &err) == -1, "accepted «%s»", names[i]);
		ck_assert_int_eq(bad, ID_NAME);
		ck_assert_ptr_nonnull(strstr(err, "name"));
		ck_assert_ptr_null(strchr(err, '\n'));
		free(err);
		err = NULL;
	}
	char code[40];
	memset(code, '7', 33);
	code[33] = '\0';
	ck_assert_int_eq(identity_check(code, "Школа", "", &bad, &err), -1);
	ck_assert_int_eq(bad, ID_CODE);
	free(err);
	err = NULL;
	ck_assert_int_eq(identity_check("0101", "Школа", "Район\x7f", &bad, &err), -1);
	ck_assert_int_eq(bad, ID_DISTRICT);
	free(err);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("cell");
	TCase *t = tcase_create("text");
	tcase_add_test(t, test_empty_trim);
	tcase_add_test(t, test_shown);
	tcase_add_test(t, test_identity);
	suite_add_tcase(s, t);

	t = tcase_create("number");
	tcase_add_loop_test(t, test_number_accepts, 0, sizeof numbers / sizeof *numbers);
	tcase_add_loop_test(t, test_number_rejects, 0, sizeof bad_numbers / sizeof *bad_numbers);
	tcase_add_test(t, test_number_null);
	tcase_add_test(t, test_int);
	suite_add_tcase(s, t);

	t = tcase_create("date");
	tcase_add_loop_test(t, test_date_accepts, 0, sizeof dates / sizeof *dates);
	tcase_add_loop_test(t, test_date_rejects, 0, sizeof bad_dates / sizeof *bad_dates);
	suite_add_tcase(s, t);

	t = tcase_create("yesno");
	tcase_add_test(t, test_yesno);
	suite_add_tcase(s, t);

	t = tcase_create("class");
	tcase_add_loop_test(t, test_class_accepts, 0, sizeof classes / sizeof *classes);
	tcase_add_test(t, test_class_latin_equals_cyrillic);
	tcase_add_loop_test(t, test_class_rejects, 0, sizeof bad_classes / sizeof *bad_classes);
	suite_add_tcase(s, t);

	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
