/* The printable report: a school with results in two years, the roadmap of
 * tests/fixtures/roadmap/broken.csv with progress recorded, and events;
 * then the empty case. Messages are the English msgids (C locale). */
#include <check.h>
#include <ctype.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/db.h"
#include "../../src/import.h"
#include "../../src/indicators.h"
#include "../../src/report-html.h"
#include "../../src/roadmap.h"
#include "../../src/school-setup.h"

#define XMLLINT "/usr/bin/xmllint"

static char dir[] = "/tmp/orientir-rep-XXXXXX";
static char *dbpath, *html;
static sqlite3 *db;
static school sc;
static ind_set now, was;
static roadmap_info rm;
static activity *acts;
static size_t nacts;
static event_item *events;
static size_t nevents;

/* The activity numbered number in the section numbered section. */
static activity *act(const char *number, const char *section)
{
	size_t idx[4];
	ck_assert_uint_eq(activity_find(acts, nacts, number, section, idx, 4), 1);
	return &acts[idx[0]];
}

static void progress(activity *a, const char *status, const char *done_on, const char *evidence, long people)
{
	char *err = NULL;
	free(a->status), free(a->done_on), free(a->evidence);
	a->status = strdup(status);
	a->done_on = strdup(done_on);
	a->evidence = strdup(evidence);
	a->participants = people;
	ck_assert_int_eq(db_activity_save_progress(db, a, &err), 0);
}

static void event(const char *held_on, const char *kind, const char *topic, long people, long activity_id)
{
	char *err = NULL;
	event_item e = { .held_on = (char *)held_on, .kind = (char *)kind, .topic = (char *)topic,
			 .participants = people, .activity_id = activity_id };
	ck_assert_int_eq(db_event_save(db, &e, &err), 0);
}

static void setup(void)
{
	ck_assert_ptr_nonnull(mkdtemp(dir));
	dbpath = malloc(strlen(dir) + 16);
	sprintf(dbpath, "%s/t.db", dir);
	html = malloc(strlen(dir) + 16);
	sprintf(html, "%s/report.html", dir);
	diag d = { 0 };
	school s = { .code = "Т-01", .name = "Школа <№1> & \"Ромашка\" 'им. Пушкина'",
		     .district = "Озёрный район", .role = "school" };
	ck_assert_int_eq(school_setup(dbpath, &s, DATA_DIR, &d), 0);
	char *err = NULL;
	db = db_open(dbpath, &err);
	ck_assert_ptr_nonnull(db);
	ck_assert_int_eq(db_school_get(db_sdb(db), &sc, &err), 1);
	static const char *const files[] = { "roster.csv", "scales.csv", "results.csv" };
	for (int i = 0; i < 3; i++) {
		char f[512];
		import_counts n;
		snprintf(f, sizeof f, "%s/indicators/%s", FIXTURES_DIR, files[i]);
		ck_assert_int_eq(import_file(db, (enum import_kind)i, f, 0, &d, &n), 0);
	}
	ck_assert_int_eq(d.errors, 0);
	ck_assert_int_eq(indicators_compute(db, 2024, &now, &err), 0);
	ck_assert_int_eq(indicators_compute(db, 2023, &was, &err), 0);

	char f[512];
	rm_table t;
	roadmap_summary sum;
	snprintf(f, sizeof f, "%s/roadmap/broken.csv", FIXTURES_DIR);
	roadmap_import_opts o = { .first_year = 2024, .last_year = 2024, .title = "План мероприятий «Озёрная СОШ» на 2024 год" };
	ck_assert_int_eq(roadmap_import(db, f, &o, &d, &t, &sum), 0);
	rm_table_free(&t);
	roadmap_summary_free(&sum);
	ck_assert_int_eq(db_roadmap_get(db, 2024, 2024, &rm, &err), 1);
	ck_assert_int_eq(db_activity_list(db, rm.id, &acts, &nacts, &err), 0);
	ck_assert_uint_eq(nacts, 6);
	/* Done inside 2024-H2, done before it, and (by the roadmap) overdue. */
	progress(act("1", "I"), "done", "2024-10-15", "Справка <о диагностике> & список группы риска", 42);
	progress(act("3", "II"), "done", "2024-03-01", "OUTSIDE-EVIDENCE", -1);
	progress(act("2", "II"), "cancelled", "", "", -1);
	event("2024-11-05", "семинар", "Разбор ВПР: <ошибки> & пути", 12, act("1", "I")->id);
	event("2024-01-10", "консультация", "OUTSIDE-EVENT", 3, 0);
	activity_list_free(acts, nacts);
	ck_assert_int_eq(db_activity_list(db, rm.id, &acts, &nacts, &err), 0);
	ck_assert_int_eq(db_event_list(db, 0, &events, &nevents, &err), 0);
	ck_assert_uint_eq(nevents, 2);
}

static void teardown(void)
{
	event_list_free(events, nevents);
	activity_list_free(acts, nacts);
	roadmap_info_clear(&rm);
	ind_set_free(&now);
	ind_set_free(&was);
	school_clear(&sc);
	db_close(db);
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
	free(dbpath);
	free(html);
	strcpy(dir, "/tmp/orientir-rep-XXXXXX");
}

/* Writes the report to html and returns its text. */
static char *render(const report_data *r)
{
	FILE *fp = fopen(html, "w");
	ck_assert_ptr_nonnull(fp);
	report_html_write(fp, r);
	ck_assert_int_eq(fclose(fp), 0);
	fp = fopen(html, "r");
	ck_assert_ptr_nonnull(fp);
	fseek(fp, 0, SEEK_END);
	long len = ftell(fp);
	rewind(fp);
	char *text = malloc((size_t)len + 1);
	ck_assert_uint_eq(fread(text, 1, (size_t)len, fp), (size_t)len);
	text[len] = '\0';
	fclose(fp);
	if (getenv("REPORT_HTML_KEEP")) {	/* for looking at it in a browser */
		char cmd[600];
		snprintf(cmd, sizeof cmd, "cp '%s' '%s'", html, getenv("REPORT_HTML_KEEP"));
		ck_assert_int_eq(system(cmd), 0);
	}
	return text;
}

static void has(const char *text, const char *want)
{
	ck_assert_msg(strstr(text, want) != NULL, "the report lacks \"%s\"", want);
}

static void lacks(const char *text, const char *unwanted)
{
	ck_assert_msg(strstr(text, unwanted) == NULL, "the report holds \"%s\"", unwanted);
}

static void well_formed(void)
{
	if (access(XMLLINT, X_OK) != 0) {
		fprintf(stderr, "note: %s missing (package libxml2-utils): well-formedness not checked\n", XMLLINT);
		return;
	}
	char cmd[600];
	snprintf(cmd, sizeof cmd, XMLLINT " --noout '%s'", html);
	ck_assert_msg(system(cmd) == 0, "xmllint refuses %s", html);
}

/* Counts the occurrences of needle in text. */
static int count(const char *text, const char *needle)
{
	int n = 0;
	for (const char *p = text; (p = strstr(p, needle)) != NULL; p += strlen(needle))
		n++;
	return n;
}

START_TEST(full)
{
	report_data r = { &sc, "2024-H2", 2024, 2, 20240701, 20241231, 20241220, "2024-12-20T10:30:00",
			  &now, &was, &rm, 1, acts, nacts, events, nevents, NULL, NULL };
	char *text = render(&r);
	has(text, "<!DOCTYPE html>");
	has(text, "<meta charset=\"utf-8\"/>");
	has(text, "@page { size: A4; margin: 15mm; }");
	/* the header: school, code, district, period, date of the report */
	has(text, "Школа &lt;№1&gt; &amp; &quot;Ромашка&quot; &#39;им. Пушкина&#39;");
	lacks(text, "<№1>");
	has(text, "Т-01");
	has(text, "Озёрный район");
	has(text, "2nd half of 2024");
	has(text, "01.07.2024");
	has(text, "31.12.2024");
	has(text, "20.12.2024");
	/* indicators: ВПР, Russian 20,0 % this year; maths pooled 25,0 now, 50,0 in 2023, -25,0 pp */
	has(text, "<h3>ВПР</h3>");
	has(text, "20,0&#160;%");
	has(text, "25,0&#160;%");
	has(text, "50,0&#160;%");
	has(text, "2 of 8");
	has(text, "\xE2\x88\x92" "25,0");
	has(text, "At least one subject");
	has(text, "22,2&#160;%");
	/* maths in 2023: 4 participants, too few to judge */
	has(text, "2 of 4</span><br/><span class=\"few\">too few data</span>");
	/* charts: three inline SVGs with a legend and text inside */
	ck_assert_int_ge(count(text, "<svg class=\"chart\""), 3);
	has(text, "viewBox=\"0 0 680 ");
	has(text, "Below the minimum by subject: 2024 against 2023");
	has(text, "High level by subject");
	has(text, "Objectivity by subject, 2024");
	has(text, ">lowered</text>");
	has(text, ">Математика</text>");
	/* the roadmap: title, progress per section, done in the period with its evidence */
	has(text, "План мероприятий «Озёрная СОШ» на 2024 год");
	has(text, "Years: 2024");
	has(text, "Progress by section");
	has(text, "Справка &lt;о диагностике&gt; &amp; список группы риска");
	has(text, "15.10.2024");
	has(text, "<td class=\"num\">42</td>");
	lacks(text, "OUTSIDE-EVIDENCE");
	/* section II: 1 done of 2 (the cancelled one not counted) */
	has(text, "<td class=\"num\">1</td><td class=\"num\">2</td>");
	/* overdue on the day of the report: the teachers' diagnostics due in March */
	has(text, "Overdue on 20.12.2024");
	has(text, "Диагностика профессиональных предметных компетенций учителей");
	/* methodical events of the period only, with the activity they belong to */
	has(text, "05.11.2024");
	has(text, "Разбор ВПР: &lt;ошибки&gt; &amp; пути");
	lacks(text, "OUTSIDE-EVENT");
	has(text, "Events held in the period: 1; participants in all: 12.");
	/* the signature and the generation line */
	has(text, "Head of school ____________ / ____________ /");
	has(text, "Seal");
	has(text, "Generated by orientir " PACKAGE_VERSION ", 20.12.2024 10:30");
	/* self-contained: no scripts, nothing fetched */
	lacks(text, "<script");
	lacks(text, "<link");
	lacks(text, "src=");
	lacks(text, "http://www.w3.org/1999/xhtml\" lang=\"\"");
	well_formed();
	free(text);
}
END_TEST

/* No results, no roadmap, no events: each part says so, still well-formed. */
START_TEST(empty)
{
	ind_set none = { .year = 2030 };
	report_data r = { &sc, "2030-H1", 2030, 1, 20300101, 20300630, 20300115, "2030-01-15T08:00:00",
			  &none, &none, NULL, 0, NULL, 0, NULL, 0, NULL, NULL };
	char *text = render(&r);
	has(text, "1st half of 2030");
	has(text, "No assessment results for 2030 or 2029.");
	has(text, "No roadmap covers the half-year.");
	has(text, "No methodical events were held in the period.");
	lacks(text, "<svg");
	lacks(text, "<script");
	well_formed();
	free(text);
}
END_TEST

/* User text that would break the markup: control characters, bytes that
 * are not UTF-8, line breaks; all quotes and angle brackets escaped. */
START_TEST(hostile_text)
{
	progress(act("1", "I"), "done", "2024-09-02", "строка 1\r\nстрока 2\x01\x1b[31m \xff\xfe конец ]]> <![CDATA[", 5);
	activity_list_free(acts, nacts);
	char *err = NULL;
	ck_assert_int_eq(db_activity_list(db, rm.id, &acts, &nacts, &err), 0);
	report_data r = { &sc, "2024-H2", 2024, 2, 20240701, 20241231, 20241220, "2024-12-20T10:30:00",
			  &now, &was, &rm, 1, acts, nacts, events, nevents, NULL, NULL };
	char *text = render(&r);
	has(text, "строка 1<br/>строка 2[31m \xEF\xBF\xBD\xEF\xBF\xBD конец ]]&gt; &lt;![CDATA[");
	lacks(text, "\x01");
	lacks(text, "\x1b");
	well_formed();
	free(text);
}
END_TEST

/* Numbers inside the markup (SVG geometry) keep a decimal point in a
 * locale whose decimal point is a comma; the text shows commas anyway. */
START_TEST(locale_independent)
{
	if (!setlocale(LC_ALL, "ru_RU.UTF-8")) {
		fprintf(stderr, "note: no ru_RU.UTF-8 locale: the decimal point in the markup not checked\n");
		return;
	}
	report_data r = { &sc, "2024-H2", 2024, 2, 20240701, 20241231, 20241220, "2024-12-20T10:30:00",
			  &now, &was, &rm, 1, acts, nacts, events, nevents, NULL, NULL };
	char *text = render(&r);
	setlocale(LC_ALL, "C");
	for (const char *p = text; (p = strstr(p, "=\"")) != NULL;) {
		p += 2;
		const char *q = p;
		while (isdigit((unsigned char)*q))
			q++;
		ck_assert_msg(q == p || *q != ',', "a comma in an attribute: %.30s", p);
	}
	has(text, "25,0&#160;%");
	has(text, "width=\"33.3\"");	/* section I's progress bar: 1 of 3 done */
	well_formed();
	free(text);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("report-html");
	TCase *tc = tcase_create("report");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, full);
	tcase_add_test(tc, empty);
	tcase_add_test(tc, hostile_text);
	tcase_add_test(tc, locale_independent);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
