/* import roster|scales|results FILE [--dry-run] */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "common.h"
#include "db.h"
#include "import.h"

static void summary(const char *path, const import_counts *n, int dry_run)
{
	printf(dry_run ? _("%s: checked, no errors. Importing it would add %ld, update %ld, leave %ld unchanged.\n")
		       : _("%s: imported. Added %ld, updated %ld, unchanged %ld.\n"),
	       path, n->added, n->updated, n->unchanged);
}

static int run(int argc, char **argv, cli_env *env)
{
	static const struct option opts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int c, exit_now, dry_run = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'n')
			dry_run = 1;
		else if (cli_common_option(c, &cli_import, env, &exit_now) != 0)
			return exit_now;
	}
	if (argc - optind < 2)
		return cli_usage(&cli_import, _("say what to import and from which file"));
	if (argc - optind > 2)
		return cli_usage(&cli_import, _("unexpected argument '%s'"), argv[optind + 2]);
	int kind = import_kind_parse(argv[optind]);
	if (kind < 0)
		return cli_usage(&cli_import, _("cannot import '%s': choose roster, scales or results"), argv[optind]);
	const char *path = argv[optind + 1];

	school sc = { 0 };
	sqlite3 *db = cli_open(env, 1, &sc);
	if (!db)
		return EXIT_FAIL;
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
	school_clear(&sc);
	db_close(db);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

const cli_command cli_import = {
	"import", "roster|scales|results FILE [--dry-run]",
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
	   "All or nothing: one bad line refuses the whole file and every bad line is\n"
	   "reported with its number. Importing the same file again changes nothing.\n\n"
	   "  --dry-run  check the file and say what would change, change nothing\n"),
	run,
};
