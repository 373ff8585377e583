/* import roster|scales|results FILE [--dry-run] */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "common.h"
#include "utf8.h"
#include "db.h"
#include "import.h"
#include "roadmap.h"

static void summary(const char *path, const import_counts *n, int dry_run)
{
	printf(dry_run ? _("%s: checked, no errors. Importing it would add %ld, update %ld, leave %ld unchanged.\n")
		       : _("%s: imported. Added %ld, updated %ld, unchanged %ld.\n"),
	       path, n->added, n->updated, n->unchanged);
}

int cli_import_file(sqlite3 *db, int kind, const char *path, int dry_run)
{
	diag d = cli_diag();
	import_counts n;
	int rc = import_file(db, (enum import_kind)kind, path, dry_run, &d, &n);
	if (rc == 0) {
		summary(path, &n, dry_run);
	} else if (rc > 0) {
		cli_error(ngettext("%s: refused because of %ld error; nothing was changed",
				   "%s: refused because of %ld errors; nothing was changed", (unsigned long)d.errors),
			  path, d.errors);
	} else {
		cli_error(_("%s: not imported; nothing was changed"), path);
	}
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

/* A line of the roadmap's report on stdout, what came from the file in it
 * escaped. */
static void print_line(void *ctx, const char *text)
{
	(void)ctx;
	char *shown = utf8_escape(text, 0, 1);
	printf("%s\n", shown);
	free(shown);
}

static int import_roadmap(cli_env *env, const char *path, int first, int last, const char *title, int dry_run)
{
	diag d = cli_diag();
	rm_table t;
	/* Deadlines without a year take it from the roadmap's period, and a
	 * guess from the text can be years off (a cell may cite an earlier
	 * programme): the user says it, unless the file is one orientir wrote,
	 * which states its years and title in its first row. */
	int file_first = 0, file_last = 0;
	char *file_title = NULL;
	int marked = roadmap_read_marker(path, &file_first, &file_last, &file_title);
	if (!first && !file_first) {
		free(file_title);
		return cli_usage(&cli_import, _("say the roadmap's years with --years (like 2026 or 2025-2027)"));
	}
	if (!first) {
		first = file_first;
		last = file_last;
	} else if (file_first && (first != file_first || last != file_last)) {
		cli_error(_("warning: %s says the roadmap is for %d-%d; the years given, %d-%d, are used"), path,
			  file_first, file_last, first, last);
	}
	if (!title && marked && *file_title)
		title = file_title;
	school sc = { 0 };
	sqlite3 *db = cli_open(env, 1, &sc);
	if (!db) {
		free(file_title);
		return EXIT_FAIL;
	}
	roadmap_summary sum;
	int rc = roadmap_import(db, path, first, last, title, dry_run, &d, &t, &sum);
	free(file_title);
	if (rc == 0) {
		roadmap_found(&t, print_line, NULL);
		roadmap_summary_say(&sum, first, last, dry_run, print_line, NULL);
		roadmap_summary_free(&sum);
	} else {
		cli_error(_("%s: not imported; nothing was changed"), path);
	}
	rm_table_free(&t);
	school_clear(&sc);
	db_close(db);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

static int run(int argc, char **argv, cli_env *env)
{
	static const struct option opts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "years", required_argument, NULL, 'y' },
		{ "title", required_argument, NULL, 't' },
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int c, exit_now, dry_run = 0, first = 0, last = 0;
	const char *title = NULL;
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		if (c == 'n') {
			dry_run = 1;
		} else if (c == 't') {
			title = optarg;
		} else if (c == 'y') {
			if (roadmap_read_years(optarg, &first, &last) != 0)
				return cli_usage(&cli_import, _("the years are like 2023 or 2023-2024, not '%s'"), optarg);
		} else if (cli_common_option(c, &cli_import, env, &exit_now) != 0) {
			return exit_now;
		}
	}
	if (argc - optind < 2)
		return cli_usage(&cli_import, _("say what to import and from which file"));
	if (argc - optind > 2)
		return cli_usage(&cli_import, _("unexpected argument '%s'"), argv[optind + 2]);
	const char *path = argv[optind + 1];
	if (strcmp(argv[optind], "roadmap") == 0)
		return import_roadmap(env, path, first, last, title, dry_run);
	int kind = import_kind_parse(argv[optind]);
	if (kind < 0)
		return cli_usage(&cli_import, _("cannot import '%s': choose roster, scales, results, staff, roadmap or events"),
				 argv[optind]);
	if (first || title)
		return cli_usage(&cli_import, _("--years and --title go with 'import roadmap'"));

	school sc = { 0 };
	sqlite3 *db = cli_open_role(env, "school", &sc);
	if (!db)
		return EXIT_FAIL;
	int rc = cli_import_file(db, kind, path, dry_run);
	school_clear(&sc);
	db_close(db);
	return rc;
}

const cli_command cli_import = {
	"import",
	/* TRANSLATORS: a synopsis: translate only the placeholders in capitals. */
	N_("roster|scales|results|staff|events FILE [--dry-run] | roadmap FILE [--years YEAR[-YEAR]] [--title TEXT] [--dry-run]"),
	N_("import pupils, assessment scales or results from a CSV file"),
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
	   "           Отсутствовал\n\n"
	   "  staff    teachers: Код учителя, ФИО, Предметы, Дата диагностики,\n"
	   "           Результат диагностики, Молодой специалист, Курсы ПК, Часов,\n"
	   "           Дата курсов (a row for each further course of a teacher)\n"
	   "  events   methodical events: Дата, Вид, Тема, Участников, № мероприятия\n"
	   "           дорожной карты (links the event to that activity)\n"
	   "  roadmap  the district's roadmap as its table: №, Мероприятие, Сроки,\n"
	   "           Ответственные, Ожидаемый результат; heading rows open sections,\n"
	   "           repeated headers are skipped, rows broken across a page are\n"
	   "           joined. --years gives its period (deadlines without a year\n"
	   "           take it), --title its title; a file 'orientir roadmap write'\n"
	   "           made states both. A corrected version\n"
	   "           replaces the old one and keeps the progress recorded on\n"
	   "           activities that are still there.\n\n"
	   "All or nothing: one bad line refuses the whole file and every bad line is\n"
	   "reported with its number. Importing the same file again changes nothing.\n\n"
	   "  --dry-run  check the file and say what would change, change nothing\n"),
	run,
};
