/* import roster|scales|results FILE [--dry-run] */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "common.h"
#include "day.h"
#include "db.h"
#include "import.h"
#include "roadmap.h"
#include "utf8.h"

static void summary(const char *path, const import_counts *n, int dry_run)
{
	printf(dry_run ? _("%s: checked, no errors. Importing it would add %ld, update %ld, leave %ld unchanged.\n")
		       : _("%s: imported. Added %ld, updated %ld, unchanged %ld.\n"),
	       path, n->added, n->updated, n->unchanged);
}

/* The outcome of an import (rc as import_file gives it): the summary, or
 * that it was refused; the exit status. */
static int cli_import_report(const char *path, const diag *d, const import_counts *n, int rc, int dry_run);

int cli_import_file(sqlite3 *db, int kind, const char *path, int dry_run)
{
	diag d = cli_diag();
	import_counts n;
	int rc = import_file(db, (enum import_kind)kind, path, dry_run, &d, &n);
	return cli_import_report(path, &d, &n, rc, dry_run);
}

int cli_import_office_file(sdb *db, const char *path, int dry_run)
{
	diag d = cli_diag();
	import_counts n;
	int rc = import_office_file(db, path, dry_run, &d, &n);
	return cli_import_report(path, &d, &n, rc, dry_run);
}

static int cli_import_report(const char *path, const diag *d, const import_counts *n, int rc, int dry_run)
{
	if (rc == 0) {
		summary(path, n, dry_run);
	} else if (rc > 0) {
		cli_error(ngettext("%s: refused because of %ld error; nothing was changed",
				   "%s: refused because of %ld errors; nothing was changed", (unsigned long)d->errors),
			  path, d->errors);
	} else {
		cli_error(_("%s: not imported; nothing was changed"), path);
	}
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

/* A line of the roadmap's check on stdout, what came from the file in it
 * escaped. */
static void print_line(void *ctx, enum roadmap_line kind, const char *text)
{
	(void)ctx, (void)kind;
	char *shown = utf8_escape(text, 0, 1);
	printf("%s\n", shown);
	free(shown);
}

/* What the command line takes from the file when the user did not say
 * it, told; and years the user gave against those the file names. */
static void tell_years(const char *path, const roadmap_import_opts *o, const rm_table *t, const roadmap_summary *sum)
{
	char *years = roadmap_years_text(sum->first_year, sum->last_year);
	if (sum->years_from != RM_FROM_NONE) {
		printf(_("The years %s are taken %s; give --years to say otherwise.\n"), years,
		       roadmap_from_text(sum->years_from));
	} else if (t->years_from != RM_FROM_NONE && (o->first_year != t->first_year || sum->last_year != t->last_year)) {
		char *named = roadmap_years_text(t->first_year, t->last_year);
		cli_error(_("warning: %s names the years %s (%s); the years given, %s, are used"), path, named,
			  roadmap_from_text(t->years_from), years);
		free(named);
	}
	free(years);
}

static int import_roadmap(cli_env *env, const char *path, const roadmap_import_opts *o)
{
	school sc = { 0 };
	sqlite3 *db = cli_open(env, 1, &sc);
	if (!db)
		return EXIT_FAIL;
	diag d = cli_diag();
	rm_table t;
	roadmap_summary sum;
	int rc = roadmap_import(db, path, o, &d, &t, &sum);
	if (rc == ROADMAP_IMPORTED || rc == ROADMAP_NO_DEADLINES)
		roadmap_found(&t, print_line, NULL);
	if (rc == ROADMAP_IMPORTED) {
		tell_years(path, o, &t, &sum);
		roadmap_summary_say(&sum, o->dry_run, print_line, NULL);
	} else if (rc == ROADMAP_NO_DEADLINES) {
		cli_error(_("%s: not imported: the plan has no deadline column; to import it without deadlines give "
			    "--no-deadlines"), path);
	} else if (rc == ROADMAP_NO_YEARS) {
		cli_usage(&cli_import, _("%s names no years: say the roadmap's years with --years (like 2026 or 2025-2026)"),
			  path);
	} else {
		cli_error(_("%s: not imported; nothing was changed"), path);
	}
	roadmap_summary_free(&sum);
	rm_table_free(&t);
	school_clear(&sc);
	db_close(db);
	return rc == ROADMAP_IMPORTED ? EXIT_OK : rc == ROADMAP_NO_YEARS ? EXIT_USAGE : EXIT_FAIL;
}

/* import tasks: the form, its summary, or every bad cell. */
static int import_form(cli_env *env, const char *path, const tasks_opts *o, int dry_run)
{
	school sc = { 0 };
	sqlite3 *db = cli_open_role(env, "school", &sc);
	if (!db)
		return EXIT_FAIL;
	diag d = cli_diag();
	import_counts n;
	tasks_summary sum;
	int rc = import_tasks(db, path, o, dry_run, &d, &n, &sum);
	if (rc == 0) {
		for (size_t i = 0; i < sum.n; i++) {
			const tasks_form *f = &sum.v[i];
			printf(ngettext("%s, %s, grade %d, %d: %d task; classes %s: %ld pupils, %ld absent\n",
					"%s, %s, grade %d, %d: %d tasks; classes %s: %ld pupils, %ld absent\n",
					(unsigned long)f->ntasks),
			       f->procedure, f->subject, f->grade, f->year, f->ntasks, f->classes, f->pupils, f->absent);
		}
		if (sum.removed && dry_run)
			printf(ngettext("%ld pupil an earlier form of these classes gave would be taken out.\n",
					"%ld pupils an earlier form of these classes gave would be taken out.\n",
					(unsigned long)sum.removed), sum.removed);
		else if (sum.removed)
			printf(ngettext("%ld pupil an earlier form of these classes gave was taken out.\n",
					"%ld pupils an earlier form of these classes gave were taken out.\n",
					(unsigned long)sum.removed), sum.removed);
	}
	rc = cli_import_report(path, &d, &n, rc, dry_run);
	tasks_summary_free(&sum);
	school_clear(&sc);
	db_close(db);
	return rc;
}

static int run(int argc, char **argv, cli_env *env)
{
	static const struct option opts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "years", required_argument, NULL, 'y' },
		{ "title", required_argument, NULL, 't' },
		{ "order-number", required_argument, NULL, 'o' },
		{ "order-date", required_argument, NULL, 'O' },
		{ "no-deadlines", no_argument, NULL, 'N' },
		{ "procedure", required_argument, NULL, 'P' },
		{ "subject", required_argument, NULL, 'S' },
		{ "grade", required_argument, NULL, 'G' },
		{ "year", required_argument, NULL, 'Y' },
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int c, exit_now;
	roadmap_import_opts o = { 0 };
	char order_date[16];
	int roadmap_only = 0, tasks_only = 0;
	tasks_opts t = { 0 };
	long ymd, v;
	char *end;
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		roadmap_only |= c == 'y' || c == 't' || c == 'o' || c == 'O' || c == 'N';
		tasks_only |= c == 'P' || c == 'S' || c == 'G' || c == 'Y';
		if (c == 'n') {
			o.dry_run = 1;
		} else if (c == 't') {
			o.title = optarg;
		} else if (c == 'o') {
			o.order_number = optarg;
		} else if (c == 'N') {
			o.no_deadlines = 1;
		} else if (c == 'O') {
			if (day_parse(optarg, &ymd) != 0)
				return cli_usage(&cli_import, _("'%s' is not a date (write 2024-03-15)"), optarg);
			char *iso = day_iso(ymd);
			snprintf(order_date, sizeof order_date, "%s", iso);
			free(iso);
			o.order_date = order_date;
		} else if (c == 'P') {
			t.procedure = optarg;
		} else if (c == 'S') {
			t.subject = optarg;
		} else if (c == 'G') {
			if ((v = strtol(optarg, &end, 10)) < 1 || v > 11 || *end)
				return cli_usage(&cli_import, _("'%s' is not a grade from 1 to 11"), optarg);
			t.grade = (int)v;
		} else if (c == 'Y') {
			if (!(t.year = cli_year(&cli_import, optarg)))
				return EXIT_USAGE;
		} else if (c == 'y') {
			if (roadmap_read_years(optarg, &o.first_year, &o.last_year) != 0)
				return cli_usage(&cli_import, _("the years are like 2023 or 2023-2024, not '%s'"), optarg);
		} else if (cli_common_option(c, &cli_import, env, &exit_now) != 0) {
			return exit_now;
		}
	}
	if (argc - optind < 2)
		return cli_usage(&cli_import, _("say what to import and from which file"));
	if (argc - optind > 2)
		return cli_usage(&cli_import, _("unexpected argument '%s'"), argv[optind + 2]);
	if (strcmp(argv[optind], "tasks") != 0 && tasks_only)
		return cli_usage(&cli_import, _("--procedure, --subject, --grade and --year go with 'import tasks'"));
	if (strcmp(argv[optind], "roadmap") != 0 && roadmap_only)
		return cli_usage(&cli_import, _("--years, --title, --order-number, --order-date and --no-deadlines go with "
						"'import roadmap'"));
	if (strcmp(argv[optind], "roadmap") == 0)
		return import_roadmap(env, argv[optind + 1], &o);
	if (strcmp(argv[optind], "tasks") == 0)
		return import_form(env, argv[optind + 1], &t, o.dry_run);
	const char *path = argv[optind + 1];
	int kind = import_kind_parse(argv[optind]);
	if (kind < 0)
		return cli_usage(&cli_import, _("cannot import '%s': choose roster, scales, results, tasks, taskmap, staff,"
						" roadmap or events"), argv[optind]);

	school sc = { 0 };
	sqlite3 *db = cli_open_role(env, "school", &sc);
	if (!db)
		return EXIT_FAIL;
	int rc = cli_import_file(db, kind, path, o.dry_run);
	school_clear(&sc);
	db_close(db);
	return rc;
}

const cli_command cli_import = {
	"import",
	/* TRANSLATORS: a synopsis: translate only the placeholders in capitals. */
	N_("roster|scales|results|taskmap|staff|events FILE [--dry-run] | tasks FILE [--procedure P] [--subject S] [--grade G] [--year Y] [--dry-run] | roadmap FILE [--years YEAR[-YEAR]] [--title TEXT] [--order-number N] [--order-date DATE] [--no-deadlines] [--dry-run]"),
	N_("import pupils, assessment scales, results, ВПР forms or the roadmap from a file"),
	/* xgettext:no-c-format */
	N_("Reads a table saved from a spreadsheet: UTF-8 (with or without BOM) or\n"
	   "Windows-1251; ';', ',' or TAB between cells; columns found by their names\n"
	   "in the first line, in Russian or English, in any order.\n\n"
	   "  roster   pupils: Класс, Код, Фамилия, Имя, Отчество or ФИО, Группа риска,\n"
	   "           ИОМ, Доп. занятия\n"
	   "  scales   one line per assessment: Процедура, Предмет, Параллель, Год,\n"
	   "           Макс. балл, Мин. балл, Балл на 4, Балл на 5, Высокий уровень,\n"
	   "           Средний балл региона\n"
	   "  results  one line per pupil and assessment: Процедура, Предмет, Год or\n"
	   "           Дата, Класс, Код (or name), Балл, Отметка, Отметка по журналу,\n"
	   "           Отсутствовал\n"
	   "  tasks    the ВПР results collection form (форма сбора результатов ФИС ОКО)\n"
	   "           task by task: the Excel workbook itself (.xlsx, every sheet) or\n"
	   "           a CSV saved from it. A title above the header may name the\n"
	   "           procedure, subject, class or grade and year; else --procedure,\n"
	   "           --subject, --grade, --year. Header: Код (or the name), Класс,\n"
	   "           Вариант, Пол, Отметка за предыдущую четверть (the journal mark),\n"
	   "           and a column per task headed by its number (1, 3.1, 4(1), К1)\n"
	   "           with its maximum (1 (2 б.)) or a row «Максимальный балл» under\n"
	   "           it, unless the task map gives them. х is 0 (not attempted);\n"
	   "           «отсутствовал» or a row without scores is absent. The total\n"
	   "           becomes the result's score. A corrected form of a class replaces\n"
	   "           what the earlier one gave.\n"
	   "  taskmap  what each task checks: Процедура, Предмет, Параллель, Год,\n"
	   "           Задание, Макс. балл, Проверяемые требования (умения), Блок,\n"
	   "           Уровень (Б/П/В), Регион or РФ (% выполнения), Район\n\n"
	   "  staff    teachers: Код учителя, ФИО, Предметы, Дата диагностики,\n"
	   "           Результат диагностики, Молодой специалист, Курсы ПК, Часов,\n"
	   "           Дата курсов (a row for each further course of a teacher)\n"
	   "  events   methodical events: Дата, Вид, Тема, Участников, № мероприятия\n"
	   "           дорожной карты (links the event to that activity)\n"
	   "  roadmap  the district's roadmap: the Word (.docx) or LibreOffice (.odt)\n"
	   "           document itself, or its table saved as CSV. Columns are found\n"
	   "           by what their headers mean (№, Мероприятие, Сроки, Ответственные,\n"
	   "           Ожидаемый результат, Направление…); heading rows open sections,\n"
	   "           «Задачи:» blocks are notes, repeated headers and rows of column\n"
	   "           numbers are skipped, rows broken across a page are joined, a row\n"
	   "           listing activities side by side becomes several. --years gives\n"
	   "           its period (deadlines without a year take it); without it the\n"
	   "           years the document names are taken, and said. --title,\n"
	   "           --order-number and --order-date likewise. A plan without a\n"
	   "           deadline column needs --no-deadlines. A roadmap for other years\n"
	   "           is kept beside the others; the same years again are a corrected\n"
	   "           version, keeping the progress recorded on activities still there.\n\n"
	   "All or nothing: one bad line refuses the whole file and every bad line is\n"
	   "reported with its number. Importing the same file again changes nothing.\n\n"
	   "  --dry-run  check the file and say what would change, change nothing\n"),
	run,
};
