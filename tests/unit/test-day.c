/* The one clock and the day and number writers: every calendar day of
 * 1900-2200 counted through day_add and day_diff, the two ways of writing a
 * day read back, ORIENTIR_TODAY, half-years, and numbers for people. */
#include <check.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/day.h"
#include "../../src/num.h"

START_TEST(test_calendar)
{
	long first = day_make(1900, 1, 1), n = 0;
	for (int y = 1900; y <= 2200; y++)
		for (int m = 1; m <= 12; m++)
			for (int d = 1; d <= day_days_in_month(y, m); d++, n++) {
				long x = day_make(y, m, d);
				ck_assert_int_eq(day_add(first, n), x);
				ck_assert_int_eq(day_diff(first, x), n);
			}
	ck_assert_int_eq(n, 109938);
	ck_assert_int_eq(day_days_in_month(2024, 2), 29);
	ck_assert_int_eq(day_days_in_month(2100, 2), 28);
	ck_assert_int_eq(day_days_in_month(2000, 2), 29);
	ck_assert_int_eq(day_add(20261231, 1), 20270101);
	ck_assert_int_eq(day_add(20260301, -1), 20260228);
}
END_TEST

START_TEST(test_parse_and_write)
{
	long d;
	ck_assert_int_eq(day_parse("28.11.2026", &d), 0);
	ck_assert_int_eq(d, 20261128);
	ck_assert_int_eq(day_parse(" 2026-11-28 ", &d), 0);
	ck_assert_int_eq(d, 20261128);
	ck_assert_int_eq(day_parse("1.2.2026", &d), 0);
	ck_assert_int_eq(d, 20260201);
	static const char *const bad[] = { "", "31.11.2026", "29.02.2026", "2026-13-01", "28.11.26", "28.11.2026x",
					   "2026-1-1x", "ноябрь", "28/11/2026" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ck_assert_msg(day_parse(bad[i], &d) == -1, "%s was read as a day", bad[i]);
	char *t = day_text(20260620), *i = day_iso(20260620), *z = day_text(0);
	ck_assert_str_eq(t, "20.06.2026");
	ck_assert_str_eq(i, "2026-06-20");
	ck_assert_str_eq(z, "");
	free(t), free(i), free(z);
	char *a = day_text_of("2026-06-20"), *b = day_text_of("2026-06-20T14:05:09"), *c = day_text_of("в течение года"),
	     *e = day_text_of(NULL);
	ck_assert_str_eq(a, "20.06.2026");
	ck_assert_str_eq(b, "20.06.2026");
	ck_assert_str_eq(c, "в течение года");
	ck_assert_str_eq(e, "");
	free(a), free(b), free(c), free(e);
}
END_TEST

START_TEST(test_today_from_env)
{
	setenv("ORIENTIR_TODAY", "2026-03-09", 1);
	ck_assert_int_eq(day_check_env(), 0);
	ck_assert_int_eq(day_today(), 20260309);
	char *now = day_now_iso();
	ck_assert_int_eq(strncmp(now, "2026-03-09T", 11), 0);
	ck_assert_int_eq((int)strlen(now), 19);
	free(now);
	setenv("ORIENTIR_TODAY", "09.03.2026", 1);
	ck_assert_int_eq(day_check_env(), -1);
	setenv("ORIENTIR_TODAY", "2026-02-30", 1);
	ck_assert_int_eq(day_check_env(), -1);
	ck_assert_int_ne(day_today(), 20260230);
	unsetenv("ORIENTIR_TODAY");
	ck_assert_int_eq(day_check_env(), 0);
	ck_assert_int_gt(day_today(), 20000101);
}
END_TEST

START_TEST(test_half_years)
{
	int y, h;
	ck_assert_int_eq(half_parse("2026-H2", &y, &h), 0);
	ck_assert_int_eq(y, 2026);
	ck_assert_int_eq(h, 2);
	ck_assert_int_eq(half_parse("2026-H3", &y, &h), -1);
	ck_assert_int_eq(half_parse("2026-H1 ", &y, &h), -1);
	ck_assert_int_eq(half_parse(NULL, &y, &h), -1);
	long from, to;
	half_days(2026, 1, &from, &to);
	ck_assert_int_eq(from, 20260101);
	ck_assert_int_eq(to, 20260630);
	half_of(20260701, &y, &h);
	ck_assert_int_eq(h, 2);
	half_of(20260630, &y, &h);
	ck_assert_int_eq(h, 1);
	char *c = half_code(2026, 1);
	ck_assert_str_eq(c, "2026-H1");
	free(c);
}
END_TEST

START_TEST(test_numbers)
{
	/* the C locale's point; the Russian comma is checked by the terminal tests */
	char *a = num_tenths(125), *b = num_tenths(-30), *c = num_percent(1000), *d = num_change(31),
	     *e = num_change(-4), *f = num_change(0);
	ck_assert_str_eq(a, "12.5");
	ck_assert_str_eq(b, "\xE2\x88\x92" "3.0");
	ck_assert_str_eq(c, "100.0 %");
	ck_assert_str_eq(d, "+3.1");
	ck_assert_str_eq(e, "\xE2\x88\x92" "0.4");
	ck_assert_str_eq(f, "0.0");
	free(a), free(b), free(c), free(d), free(e), free(f);
}
END_TEST

int main(void)
{
	setenv("LC_ALL", "C", 1);
	setlocale(LC_ALL, "");
	Suite *s = suite_create("day");
	TCase *t = tcase_create("day");
	tcase_set_timeout(t, 60);
	tcase_add_test(t, test_calendar);
	tcase_add_test(t, test_parse_and_write);
	tcase_add_test(t, test_today_from_env);
	tcase_add_test(t, test_half_years);
	tcase_add_test(t, test_numbers);
	suite_add_tcase(s, t);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
