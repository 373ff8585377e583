/* Cutting text at words for the screens, and quoting names: rows end at a
 * word, never before a dash, and a word longer than the row is cut where it
 * must be; quotes inside a quoted name become „“. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/common.h"
#include "../../src/utf8.h"

/* The first row of s at cells, as the screens cut it. */
static char *row(const char *s, int cells)
{
	return xstrndup(s, utf8_fit_words(s, cells));
}

START_TEST(test_words)
{
	char *r = row("Входная диагностика по русскому языку", 20);
	ck_assert_str_eq(r, "Входная диагностика");
	free(r);
	r = row("короткий", 20);
	ck_assert_str_eq(r, "короткий");
	free(r);
	/* one word longer than the row: cut inside it */
	r = row("Общеобразовательная", 10);
	ck_assert_str_eq(r, "Общеобразо");
	free(r);
	/* a space exactly at the edge */
	r = row("один два три", 8);
	ck_assert_str_eq(r, "один два");
	free(r);
}
END_TEST

START_TEST(test_dash_stays)
{
	/* «F7 — записать» does not leave the dash at the start of a row */
	char *r = row("мероприятия: F7 — записать.", 16);
	ck_assert_str_eq(r, "мероприятия:");
	free(r);
	r = row("мероприятия: F7 — записать.", 17);
	ck_assert_str_eq(r, "мероприятия: F7 —");
	free(r);
	r = row("годы 2020–2022 – план", 14);
	ck_assert_str_eq(r, "годы");
	free(r);
	r = row("a – b", 1);
	ck_assert_str_eq(r, "a");
	free(r);
}
END_TEST

START_TEST(test_quote)
{
	char *q = xquote("МКОУ «Сосновская ООШ»");
	ck_assert_str_eq(q, "«МКОУ „Сосновская ООШ“»");
	free(q);
	q = xquote("Школа № 2");
	ck_assert_str_eq(q, "«Школа № 2»");
	free(q);
	q = xquote("««»»");
	ck_assert_str_eq(q, "«„„““»");
	free(q);
	q = xquote("");
	ck_assert_str_eq(q, "«»");
	free(q);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("text");
	TCase *t = tcase_create("text");
	tcase_add_test(t, test_words);
	tcase_add_test(t, test_dash_stays);
	tcase_add_test(t, test_quote);
	suite_add_tcase(s, t);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
