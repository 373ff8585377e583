/* The roadmaps a database keeps and what their import offers and tells,
 * shared by the command line and the Roadmap screen: the years, title and
 * order a form starts with, the lines a dry run shows, a roadmap for other
 * years kept beside the others with its own progress, the one covering a
 * day, and a database of before every roadmap was kept brought forward. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/common.h"
#include "../../src/db-schema.h"
#include "../../src/db.h"
#include "../../src/roadmap.h"
#include "../../src/school-setup.h"

static char dir[64], dbpath[128], marked[128], plain[128];
static sqlite3 *db;
static const char *broken = FIXTURES_DIR "/roadmap/broken.csv";
static const char *restart = FIXTURES_DIR "/roadmap/restart.csv";

static void setup(void)
{
	strcpy(dir, "/tmp/orientir-rm-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(dbpath, sizeof dbpath, "%s/t.db", dir);
	snprintf(marked, sizeof marked, "%s/roadmap.csv", dir);
	snprintf(plain, sizeof plain, "%s/plain.csv", dir);
	FILE *fp = fopen(plain, "w");
	ck_assert_ptr_nonnull(fp);
	fputs("№;Мероприятие;Сроки\n1;Совещание;Март\n2;Педсовет;Май\n", fp);
	fclose(fp);
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

/* roadmap_import_defaults for path on today: "first-last|from|title|order date". */
static char *defaults(const char *path, long today)
{
	roadmap_offer o;
	char *err = NULL;
	ck_assert_int_eq(roadmap_import_defaults(db, path, today, &o, &err), 0);
	ck_assert_ptr_null(err);
	char *s = xasprintf("%d-%d|%d|%s|%s %s", o.first_year, o.last_year, (int)o.years_from, o.title, o.order_number,
			    o.order_date);
	roadmap_offer_clear(&o);
	return s;
}

static roadmap_summary import_years(const char *path, int first, int last, const char *title)
{
	diag d = { 0 };
	rm_table t;
	roadmap_summary sum;
	roadmap_import_opts o = { .first_year = first, .last_year = last, .title = title };
	ck_assert_int_eq(roadmap_import(db, path, &o, &d, &t, &sum), 0);
	rm_table_free(&t);
	return sum;
}

static void import(const char *path, int first, int last, const char *title)
{
	roadmap_summary sum = import_years(path, first, last, title);
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
	EXPECT_DEFAULTS(plain, 20261122, "2026-2027|0|| ");
	EXPECT_DEFAULTS(plain, 20260901, "2026-2027|0|| ");
	EXPECT_DEFAULTS(plain, 20260831, "2025-2026|0|| ");
	EXPECT_DEFAULTS(plain, 20260115, "2025-2026|0|| ");
	/* A corrected version of the same file keeps the roadmap's title… */
	import(plain, 2025, 2026, "План на 2025/2026 учебный год");
	EXPECT_DEFAULTS(plain, 20250910, "2025-2026|0|План на 2025/2026 учебный год| ");
	/* …another file does not take it, nor other years. */
	EXPECT_DEFAULTS(FIXTURES_DIR "/roadmap/noheader.csv", 20250910, "2025-2026|0|| ");
	EXPECT_DEFAULTS(plain, 20261122, "2026-2027|0|| ");
	/* A table whose deadlines alone name years: those years. */
	EXPECT_DEFAULTS(restart, 20261122, "2025-2025|4|| ");
}
END_TEST

START_TEST(what_a_file_names)
{
	write_marked("2020-2022", "Карта района");
	EXPECT_DEFAULTS(marked, 20261122, "2020-2022|1|Карта района| ");
	/* No title in the file: the roadmap's own, imported from it before,
	 * stays on offer. */
	import(marked, 2020, 2022, "Прежнее название");
	write_marked("2020-2022", "");
	EXPECT_DEFAULTS(marked, 20261122, "2020-2022|1|Прежнее название| ");
	/* Years it cannot read: the school year's. */
	write_marked("двадцатый", "Карта");
	EXPECT_DEFAULTS(marked, 20261122, "2026-2027|0|Карта| ");
	/* A file that cannot be read offers the school year too (the import
	 * itself then says why not). */
	EXPECT_DEFAULTS("/nonexistent/other.csv", 20260301, "2025-2026|0|| ");
	/* The line above a pasted table names the title and the years. */
	EXPECT_DEFAULTS(broken, 20261122, "2025-2025|2|План мероприятий («дорожная карта») МКОУ «Озёрная СОШ» на 2025 год| ");
	/* A document: its order and title, the years from the title; the
	 * order's number and date wherever the text puts them. */
	EXPECT_DEFAULTS(FIXTURES_DIR "/roadmap/docs/belomorsky-2022.docx", 20261122,
			"2022-2022|2|План-график (\"дорожная карта\") повышения качества образования в школах с низкими "
			"образовательными результатами в 2022 году|17 2022-02-01");
	EXPECT_DEFAULTS(FIXTURES_DIR "/roadmap/docs/vengerovo-2020.odt", 20261122,
			"2020-2022|4|План мероприятий («дорожная карта») по поддержке школ с низкими результатами "
			"обучения|49-ра 2020-02-28");
	EXPECT_DEFAULTS(FIXTURES_DIR "/roadmap/docs/shapes.docx", 20261122,
			"2023-2024|2|План мероприятий («дорожная карта») на 2023/2024 учебный год|274/1 2021-08-10");
	EXPECT_DEFAULTS(FIXTURES_DIR "/roadmap/docs/tasks.odt", 20261122, "2023-2024|4||177 2023-05-24");
	EXPECT_DEFAULTS(FIXTURES_DIR "/roadmap/docs/no-deadline.docx", 20261122,
			"2025-2025|2|План работы со школами с низкими результатами на 2025 год| ");
}
END_TEST

struct lines {
	char buf[8192];
};

static void keep(void *ctx, enum roadmap_line kind, const char *text)
{
	struct lines *l = ctx;
	if (kind == RM_LINE_WARNING)
		strncat(l->buf, "! ", sizeof l->buf - strlen(l->buf) - 1);
	strncat(l->buf, text, sizeof l->buf - strlen(l->buf) - 2);
	strcat(l->buf, "\n");
}

/* The check of path as a dry run for first-last tells. */
static void check_lines(const char *path, int first, int last, struct lines *l)
{
	diag d = { 0 };
	rm_table t;
	roadmap_summary sum;
	roadmap_import_opts o = { .first_year = first, .last_year = last, .dry_run = 1 };
	ck_assert_int_eq(roadmap_import(db, path, &o, &d, &t, &sum), 0);
	*l = (struct lines){ "" };
	roadmap_found(&t, keep, l);
	roadmap_summary_say(&sum, 1, keep, l);
	rm_table_free(&t);
	roadmap_summary_free(&sum);
}

/* got is want, or both are shown (Check cannot carry long messages). */
static void same_text(const char *got, const char *want)
{
	if (strcmp(got, want) != 0)
		fprintf(stderr, "got:\n%s\nwanted:\n%s\n", got, want);
	ck_assert_msg(strcmp(got, want) == 0, "the check's lines differ (shown above)");
}

START_TEST(the_dry_run_told_line_by_line)
{
	import(restart, 2025, 2025, NULL);
	struct lines l;
	check_lines(broken, 2025, 2025, &l);
	same_text(l.buf,
			 "Columns (the header is line 2): «№ п/п» is the number; «Мероприятие» is the activity; «Срок» is "
			 "the deadline; «Ответственные» is the responsible; «Ожидаемый результат» is the expected result.\n"
			 "Sections and activities found:\n"
			 "  I направление – работа с обучающимися: 1, 2, 3 (3)\n"
			 "  II направление – работа с педагогами: 1, 2, 3 (3)\n"
			 "6 activities; 1 repeated header row skipped; 1 row broken across a page joined to its activity.\n"
			 "The text above the plan names the title «План мероприятий („дорожная карта“) МКОУ „Озёрная СОШ“ "
			 "на 2025 год»; the years 2025 (from the plan's title).\n"
			 "Checked, no errors (a corrected version of the roadmap for 2025). Importing it would add 6, change "
			 "0, leave 0 unchanged, drop 6.\n"
			 "  dropped: 1 Анализ результатов ВПР и ОГЭ прошлого года\n"
			 "  dropped: 2 Совещание при директоре \"Итоги ВПР\"\n"
			 "  dropped: 3 Корректировка рабочих программ по русскому языку, математике\n"
			 "  dropped: 1 Дополнительные занятия для обучающихся группы риска\n"
			 "  dropped: 2 Пробный ОГЭ по математике\n"
			 "  dropped: 3 Консультации для родителей\n");
	/* A document: which table is the plan, what was not used, the rows
	 * read as several activities, and the missing deadlines as a warning. */
	check_lines(FIXTURES_DIR "/roadmap/docs/shapes.docx", 2023, 2024, &l);
	same_text(l.buf,
			 "The plan is table 1 of 1 in the document.\n"
			 "Columns (the header is table 1, row 1): «№ п/п» is the number; «Содержание мероприятия» is the "
			 "activity; «Срок проведения» is the deadline; «Исполнители» is the responsible; «Показатели» is the "
			 "expected result; «Наименование направления» is the section.\n"
			 "Columns not used: «Примечание».\n"
			 "3 activities under one merged number 1 (table 1, row 3), numbered 1.1, 1.2, 1.3.\n"
			 "4 activities under one merged number 2 (table 1, row 7), numbered 2.1, 2.2, 2.3, 2.4.\n"
			 "Sections and activities found:\n"
			 "  1 Работа с педагогами: 1.1, 1.2, 1.3 (3)\n"
			 "  2 Работа с обучающимися: 2.1, 2.2, 2.3, 2.4 (4)\n"
			 "7 activities; 1 repeated header row skipped; 1 row of column numbers skipped.\n"
			 "The text above the plan names the order № 274/1 of 10.08.2021; the title «План мероприятий "
			 "(„дорожная карта“) на 2023/2024 учебный год»; the years 2023-2024 (from the plan's title).\n"
			 "Checked, no errors (a new roadmap for 2023-2024; the roadmap for 2025 is kept). Importing it would "
			 "add 7, change 0, leave 0 unchanged, drop 0.\n");
	check_lines(FIXTURES_DIR "/roadmap/docs/no-deadline.docx", 2025, 2025, &l);
	ck_assert_ptr_nonnull(strstr(l.buf, "! Warning: the table has no deadline column"));
}
END_TEST

static long count(const char *sql)
{
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	long v = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void mark_done(long roadmap_id, const char *number, const char *section)
{
	activity *v;
	size_t n, k;
	char *err = NULL;
	ck_assert_int_eq(db_activity_list(db, roadmap_id, &v, &n, &err), 0);
	ck_assert_uint_eq(activity_find(v, n, number, section, &k, 1), 1);
	free(v[k].status);
	v[k].status = xstrdup("done");
	ck_assert_int_eq(db_activity_save_progress(db, &v[k], &err), 0);
	activity_list_free(v, n);
}

static char *years_of(roadmap_info *r)
{
	char *s = xasprintf("%d-%d", r->first_year, r->last_year);
	roadmap_info_clear(r);
	return s;
}

START_TEST(every_roadmap_kept)
{
	roadmap_summary s = import_years(broken, 2025, 2026, NULL);
	ck_assert_int_eq(s.corrected, 0);
	ck_assert_uint_eq(s.nkept, 0);
	roadmap_summary_free(&s);
	roadmap_info r;
	char *err = NULL;
	ck_assert_int_eq(db_roadmap_get(db, 2025, 2026, &r, &err), 1);
	long old = r.id;
	roadmap_info_clear(&r);
	mark_done(old, "3", "I");
	mark_done(old, "1", "II");
	/* Another school year: a roadmap of its own, the first one kept. */
	s = import_years(broken, 2026, 2027, "Следующий год");
	ck_assert_int_eq(s.corrected, 0);
	ck_assert_uint_eq(s.nkept, 1);
	ck_assert_str_eq(s.kept[0], "2025-2026");
	ck_assert_int_eq(s.added, 6);
	ck_assert_int_eq(s.dropped, 0);
	roadmap_summary_free(&s);
	ck_assert_int_eq(count("SELECT count(*) FROM roadmap"), 2);
	ck_assert_int_eq(count("SELECT count(*) FROM activity"), 12);
	ck_assert_int_eq(count("SELECT count(*) FROM roadmap_section"), 4);
	/* The new year's activities start planned; the old one's progress stays. */
	ck_assert_int_eq(count("SELECT count(*) FROM activity a JOIN roadmap r ON r.id = a.roadmap_id"
			       " WHERE a.status = 'done' AND r.first_year = 2025"), 2);
	ck_assert_int_eq(count("SELECT count(*) FROM activity a JOIN roadmap r ON r.id = a.roadmap_id"
			       " WHERE a.status = 'done' AND r.first_year = 2026"), 0);
	/* The same years again: a corrected version, its progress kept. */
	s = import_years(broken, 2025, 2026, NULL);
	ck_assert_int_eq(s.corrected, 1);
	ck_assert_int_eq(s.unchanged, 6);
	roadmap_summary_free(&s);
	ck_assert_int_eq(count("SELECT count(*) FROM activity WHERE status = 'done'"), 2);
	ck_assert_int_eq(count("SELECT count(*) FROM roadmap"), 2);
	/* The one covering a day; a day between roadmaps or after them. */
	ck_assert_int_eq(roadmap_covering(db, 20260315, &r, &err), 1);
	char *y = years_of(&r);
	ck_assert_str_eq(y, "2025-2026");
	free(y);
	ck_assert_int_eq(roadmap_covering(db, 20260901, &r, &err), 1);
	y = years_of(&r);
	ck_assert_str_eq(y, "2026-2027");
	free(y);
	ck_assert_int_eq(roadmap_covering(db, 20300101, &r, &err), 1);
	y = years_of(&r);
	ck_assert_str_eq(y, "2026-2027");
	free(y);
	ck_assert_int_eq(roadmap_covering(db, 20200101, &r, &err), 1);
	y = years_of(&r);
	ck_assert_str_eq(y, "2025-2026");
	free(y);
	/* --years: exactly, or one year a single roadmap takes in. */
	ck_assert_int_eq(roadmap_by_years(db, "2026-2027", &r, &err), 1);
	roadmap_info_clear(&r);
	ck_assert_int_eq(roadmap_by_years(db, "2027", &r, &err), 1);
	y = years_of(&r);
	ck_assert_str_eq(y, "2026-2027");
	free(y);
	ck_assert_int_eq(roadmap_by_years(db, "2024", &r, &err), 0);
	ck_assert_int_eq(roadmap_by_years(db, "2026", &r, &err), -1);
	ck_assert_ptr_nonnull(strstr(err, "2025-2026, 2026-2027"));
	free(err);
	err = NULL;
	/* The list, with progress, for the screen. */
	roadmap_item *items;
	size_t n;
	ck_assert_int_eq(roadmap_list(db, 20260315, &items, &n, &err), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(items[0].info.activities, 6);
	ck_assert_int_eq(items[0].info.done, 2);
	ck_assert_int_eq(items[0].covers_today, 1);
	ck_assert_int_eq(items[1].covers_today, 0);
	ck_assert_int_eq(items[1].info.done, 0);
	ck_assert_str_eq(items[1].info.title, "Следующий год");
	roadmap_items_free(items, n);
	/* A half-year's package: the second half of 2026 meets both. */
	roadmap_info *rms;
	activity *acts;
	size_t na;
	ck_assert_int_eq(roadmap_meeting(db, 20260701, 20261231, &rms, &n, &acts, &na, &err), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(na, 12);
	ck_assert_int_eq(acts[0].roadmap_id, rms[0].id);
	ck_assert_int_eq(acts[11].roadmap_id, rms[1].id);
	roadmap_list_free(rms, n);
	activity_list_free(acts, na);
	ck_assert_int_eq(roadmap_meeting(db, 20260101, 20260630, &rms, &n, NULL, NULL, &err), 0);
	ck_assert_uint_eq(n, 1);
	roadmap_list_free(rms, n);
}
END_TEST

/* A database of before (one roadmap, migration 6) keeps its roadmap, its
 * sections and the progress recorded on it. */
START_TEST(an_old_database_brought_forward)
{
	char old[160], *err = NULL;
	snprintf(old, sizeof old, "%s/old.db", dir);
	sqlite3 *o;
	ck_assert_int_eq(sqlite3_open(old, &o), SQLITE_OK);
	for (int v = 1; v <= 6; v++)
		ck_assert_int_eq(sqlite3_exec(o, db_schema_migration(v), NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(o,
		"INSERT INTO roadmap (id, title, first_year, last_year, imported_at) VALUES (1, 'Старая', 2025, 2025, 'x');"
		"INSERT INTO roadmap_section (id, number, title, sort) VALUES (7, '1', 'Раздел', 0);"
		"INSERT INTO activity (section_id, number, title, sort, status, done_on) VALUES (7, '1.1', 'Совет', 0, 'done',"
		" '2025-03-01');"
		"PRAGMA user_version = 6;", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(o);
	o = db_open(old, &err);
	ck_assert_ptr_nonnull(o);
	sqlite3 *keep_db = db;
	db = o;
	ck_assert_int_eq(count("PRAGMA user_version"), db_schema_count());
	roadmap_info r;
	ck_assert_int_eq(db_roadmap_get(db, 2025, 2025, &r, &err), 1);
	ck_assert_str_eq(r.title, "Старая");
	ck_assert_int_eq(r.done, 1);
	activity *v;
	size_t n;
	ck_assert_int_eq(db_activity_list(db, r.id, &v, &n, &err), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(v[0].section_title, "Раздел");
	ck_assert_str_eq(v[0].done_on, "2025-03-01");
	activity_list_free(v, n);
	section_item *s;
	ck_assert_int_eq(db_section_list(db, r.id, &s, &n, &err), 0);
	ck_assert_uint_eq(n, 1);
	section_list_free(s, n);
	roadmap_info_clear(&r);
	db = keep_db;
	db_close(o);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("roadmap");
	TCase *tc = tcase_create("import");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, school_year_when_the_file_says_nothing);
	tcase_add_test(tc, what_a_file_names);
	tcase_add_test(tc, the_dry_run_told_line_by_line);
	tcase_add_test(tc, every_roadmap_kept);
	tcase_add_test(tc, an_old_database_brought_forward);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
