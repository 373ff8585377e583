/* roadmap list | set | write: the activities, the school's progress, and
 * the roadmap written out as the table the schools import. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "cli.h"
#include "common.h"
#include "utf8.h"
#include "day.h"
#include "csvout.h"
#include "db.h"
#include "roadmap-write.h"
#include "roadmap.h"
#include "table.h"

/* YYYY-MM-DD or DD.MM.YYYY into YYYYMMDD; 0 when not a date. */
static long parse_day(const char *s)
{
	long ymd;
	return cell_day(s, &ymd) == 0 ? ymd : 0;
}

/* The roadmap the command is about: the one --years names, else the one
 * covering today. 1 and *r; 0 when there is no roadmap at all and none was
 * named; -1 with the reason told. */
static int which_roadmap(sqlite3 *db, const char *years, long today, roadmap_info *r)
{
	char *err = NULL;
	int rc = years ? roadmap_by_years(db, years, r, &err) : roadmap_covering(db, today, r, &err);
	if (rc < 0) {
		cli_error("%s", err);
		free(err);
	} else if (rc == 0 && years) {
		cli_error(_("there is no roadmap for %s ('orientir roadmap years' lists those there are)"), years);
		rc = -1;
	}
	return rc;
}

/* As which_roadmap, none at all being an error too. */
static int need_roadmap(sqlite3 *db, const char *years, long today, roadmap_info *r)
{
	int rc = which_roadmap(db, years, today, r);
	if (rc == 0)
		cli_error(_("there is no roadmap yet: import it with 'orientir import roadmap FILE'"));
	return rc > 0 ? 0 : -1;
}

static void print_csv(const activity *v, size_t n, const char *only_status, int only_overdue, long today)
{
	static const char *const head[] = { "section", "number", "title", "deadline_text", "start", "end",
					    "recurrence", "responsible", "expected_result", "status", "done_date",
					    "note", "overdue" };
	csvout_line(stdout, head, 13);
	for (size_t i = 0; i < n; i++) {
		const activity *a = &v[i];
		int over = activity_overdue(a, today);
		if ((only_status && strcmp(a->status, only_status) != 0) || (only_overdue && !over))
			continue;
		char *section = a->section_id ? xasprintf("%s%s%s", a->section_number, *a->section_number ? " " : "",
							  a->section_title) : xstrdup("");
		char *start = day_iso(a->start), *end = day_iso(a->end);
		const char *cells[] = { section, a->number, a->title, a->deadline_text, start, end, a->recurrence,
					a->responsible, a->expected_result, a->status, a->done_on, a->evidence,
					over ? "1" : "0" };
		csvout_line(stdout, cells, 13);
		free(section), free(start), free(end);
	}
}

static void print_table(const activity *v, size_t n, const char *only_status, int only_overdue, long today)
{
	table *t = table_new(4, "rlll", "-++-");
	const char *head[] = { _("No."), _("Activity"), _("Deadline"), _("Status") };
	table_add(t, head);
	long shown = 0, section = -1;
	for (size_t i = 0; i < n; i++) {
		const activity *a = &v[i];
		int over = activity_overdue(a, today);
		if ((only_status && strcmp(a->status, only_status) != 0) || (only_overdue && !over))
			continue;
		if (a->section_id != section) {
			section = a->section_id;
			char *h = xasprintf("%s %s", a->section_number, a->section_title);
			const char *row[] = { "", h, "", "" };
			table_add(t, row);
			free(h);
		}
		char *status = xasprintf("%s%s", activity_status_title(a->status), over ? _(", overdue") : "");
		const char *row[] = { a->number, a->title, a->deadline_text, status };
		table_add(t, row);
		free(status);
		shown++;
	}
	table_print(t, stdout, table_width(stdout));
	table_free(t);
	printf(ngettext("%ld activity.\n", "%ld activities.\n", (unsigned long)shown), shown);
}

static int run_list(int argc, char **argv, cli_env *env, const cli_command *cmd)
{
	static const struct option opts[] = {
		{ "years", required_argument, NULL, 'y' },
		{ "status", required_argument, NULL, 's' },
		{ "overdue", no_argument, NULL, 'o' },
		{ "today", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'f' },
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int c, exit_now, overdue = 0;
	const char *status = NULL, *format = "table", *years = NULL;
	long today = day_today();
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		if (c == 'y')
			years = optarg;
		else if (c == 's')
			status = optarg;
		else if (c == 'o')
			overdue = 1;
		else if (c == 'f')
			format = optarg;
		else if (c == 't') {
			if (!(today = parse_day(optarg)))
				return cli_usage(cmd, _("'%s' is not a date (write 2024-03-15)"), optarg);
		} else if (cli_common_option(c, cmd, env, &exit_now) != 0)
			return exit_now;
	}
	if (optind < argc)
		return cli_usage(cmd, _("unexpected argument '%s'"), argv[optind]);
	if (status && !activity_status_valid(status))
		return cli_usage(cmd, _("the status must be planned, in_progress, done, not_done or cancelled, not '%s'"), status);
	if (cli_csv(cmd, format) < 0)
		return EXIT_USAGE;
	school sc = { 0 };
	sqlite3 *db = cli_open(env, 1, &sc);
	if (!db)
		return EXIT_FAIL;
	roadmap_info r = { 0 };
	activity *v = NULL;
	size_t n = 0;
	char *err = NULL;
	int have = which_roadmap(db, years, today, &r), rc = have < 0 ? EXIT_FAIL : EXIT_OK;
	if (have > 0 && db_activity_list(db, r.id, &v, &n, &err) != 0) {
		cli_error("%s", err);
		rc = EXIT_FAIL;
	} else if (have >= 0 && strcmp(format, "csv") == 0) {
		print_csv(v, n, status, overdue, today);
	} else if (have == 0) {
		printf(_("No roadmap yet: import it with 'orientir import roadmap FILE'.\n"));
	} else if (have > 0) {
		char *y = roadmap_years_text(r.first_year, r.last_year);
		if (*r.title)
			printf(_("The roadmap for %s: %s\n"), y, r.title);
		else
			printf(_("The roadmap for %s.\n"), y);
		free(y);
		print_table(v, n, status, overdue, today);
	}
	if (have > 0)
		roadmap_info_clear(&r);
	free(err);
	activity_list_free(v, n);
	school_clear(&sc);
	db_close(db);
	return rc;
}

static int run_set(int argc, char **argv, cli_env *env, const cli_command *cmd)
{
	static const struct option opts[] = {
		{ "years", required_argument, NULL, 'y' },
		{ "section", required_argument, NULL, 'S' },
		{ "status", required_argument, NULL, 's' },
		{ "date", required_argument, NULL, 'd' },
		{ "note", required_argument, NULL, 'n' },
		{ "participants", required_argument, NULL, 'p' },
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int c, exit_now;
	const char *section = NULL, *status = NULL, *date = NULL, *note = NULL, *people = NULL, *years = NULL;
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		switch (c) {
		case 'y': years = optarg; break;
		case 'S': section = optarg; break;
		case 's': status = optarg; break;
		case 'd': date = optarg; break;
		case 'n': note = optarg; break;
		case 'p': people = optarg; break;
		default:
			if (cli_common_option(c, cmd, env, &exit_now) != 0)
				return exit_now;
		}
	}
	if (argc - optind != 1)
		return cli_usage(cmd, _("name one activity by its number"));
	if (!status)
		return cli_usage(cmd, _("the new status is missing (--status)"));
	if (!activity_status_valid(status))
		return cli_usage(cmd, _("the status must be planned, in_progress, done, not_done or cancelled, not '%s'"), status);
	long day = 0, count = -1;
	if (date && !(day = parse_day(date)))
		return cli_usage(cmd, _("'%s' is not a date (write 2024-03-15)"), date);
	if (people && (cell_int(people, &count) != 0 || count < 0))
		return cli_usage(cmd, _("'%s' is not a number of participants"), people);
	school sc = { 0 };
	sqlite3 *db = cli_open(env, 1, &sc);
	if (!db)
		return EXIT_FAIL;
	activity *v = NULL;
	size_t n = 0, idx[16];
	char *err = NULL;
	roadmap_info r = { 0 };
	/* Every roadmap's activities, unless --years names one. */
	int rc = EXIT_FAIL;
	if (years && need_roadmap(db, years, day_today(), &r) != 0)
		goto out;
	if (db_activity_list(db, r.id, &v, &n, &err) != 0) {
		cli_error("%s", err);
		goto out;
	}
	size_t k = activity_find(v, n, argv[optind], section, idx, 16);
	if (k == 0) {
		cli_error(_("no activity numbered %s%s%s in the roadmap"), argv[optind], section ? _(" in section ") : "",
			  section ? section : "");
		goto out;
	}
	if (k > 1) {
		int roadmaps = 0;
		for (size_t i = 1; i < k && i < 16; i++)
			roadmaps |= v[idx[i]].roadmap_id != v[idx[0]].roadmap_id;
		cli_error(roadmaps ? _("%s is the number of activities in several roadmaps; say which with --years:")
				   : _("%s is the number of several activities; say which with --section:"), argv[optind]);
		for (size_t i = 0; i < k && i < 16; i++) {
			const activity *a = &v[idx[i]];
			char *y = roadmap_years_text(a->first_year, a->last_year);
			char *sec = *a->section_number ? xstrdup(a->section_number) : xstrdup(a->section_title);
			char *opt = roadmaps && a->section_id ? xasprintf("--years %s --section %s", y, sec)
				  : roadmaps ? xasprintf("--years %s", y) : xasprintf("--section %s", sec);
			fprintf(stderr, "  %s   %s %s\n", opt, a->number, a->title);
			free(y), free(sec), free(opt);
		}
		rc = EXIT_USAGE;
		goto out;
	}
	activity *a = &v[idx[0]];
	free(a->status);
	a->status = xstrdup(status);
	if (day) {
		free(a->done_on);
		a->done_on = day_iso(day);
	} else if (strcmp(status, "done") == 0 && !*a->done_on) {
		free(a->done_on);
		a->done_on = day_iso(day_today());
	}
	if (note) {
		free(a->evidence);
		a->evidence = xstrdup(note);
	}
	if (count >= 0)
		a->participants = count;
	if (db_activity_save_progress(db, a, &err) != 0) {
		cli_error("%s", err);
		goto out;
	}
	char *number = utf8_escape(a->number, 0, 0), *title = utf8_escape(a->title, 0, 0);
	printf(_("%s %s: %s.\n"), number, title, activity_status_title(a->status));
	free(number), free(title);
	rc = EXIT_OK;
out:
	free(err);
	roadmap_info_clear(&r);
	activity_list_free(v, n);
	school_clear(&sc);
	db_close(db);
	return rc;
}

static int run_write(int argc, char **argv, cli_env *env, const cli_command *cmd)
{
	static const struct option opts[] = {
		{ "years", required_argument, NULL, 'y' },
		{ "dialect", required_argument, NULL, 'd' },
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int c, exit_now;
	const char *dialect = "excel-ru", *years = NULL;
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		if (c == 'y')
			years = optarg;
		else if (c == 'd')
			dialect = optarg;
		else if (cli_common_option(c, cmd, env, &exit_now) != 0)
			return exit_now;
	}
	if (argc - optind != 1)
		return cli_usage(cmd, _("name the file to write (or a folder to write it into)"));
	const csv_style *st = csv_style_find(dialect);
	if (!st)
		return cli_usage(cmd, _("the dialect must be 'excel-ru' or 'rfc4180', not '%s'"), dialect);
	school sc = { 0 };
	sqlite3 *db = cli_open(env, 1, &sc);
	if (!db)
		return EXIT_FAIL;
	char *err = NULL, *where = NULL;
	roadmap_written w = { 0 };
	roadmap_info r = { 0 };
	int rc = need_roadmap(db, years, day_today(), &r) == 0 ? roadmap_write(db, &r, argv[optind], st, &where, &w, &err) : -2;
	if (rc == -2) {
		/* told */
	} else if (rc != 0) {
		cli_error("%s", err);
	} else {
		printf(ngettext("%s: the roadmap written, %ld activity", "%s: the roadmap written, %ld activities",
				(unsigned long)w.activities), where, w.activities);
		if (w.sections)
			printf(ngettext(" in %ld section.\n", " in %ld sections.\n", (unsigned long)w.sections), w.sections);
		else
			printf(".\n");
		for (size_t i = 0; i < w.nlost; i++)
			cli_error(_("warning: a school importing this file would not get exactly this: %s"), w.lost[i]);
	}
	roadmap_written_clear(&w);
	roadmap_info_clear(&r);
	free(err), free(where);
	school_clear(&sc);
	db_close(db);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

/* roadmap years: every roadmap kept, with its progress. */
static int run_years(int argc, char **argv, cli_env *env, const cli_command *cmd)
{
	static const struct option opts[] = {
		{ "today", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'f' },
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int c, exit_now;
	const char *format = "table";
	long today = day_today();
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		if (c == 'f') {
			format = optarg;
		} else if (c == 't') {
			if (!(today = parse_day(optarg)))
				return cli_usage(cmd, _("'%s' is not a date (write 2024-03-15)"), optarg);
		} else if (cli_common_option(c, cmd, env, &exit_now) != 0) {
			return exit_now;
		}
	}
	if (optind < argc)
		return cli_usage(cmd, _("unexpected argument '%s'"), argv[optind]);
	int csv = cli_csv(cmd, format);
	if (csv < 0)
		return EXIT_USAGE;
	school sc = { 0 };
	sqlite3 *db = cli_open(env, 1, &sc);
	if (!db)
		return EXIT_FAIL;
	roadmap_item *v;
	size_t n;
	char *err = NULL;
	int rc = roadmap_list(db, today, &v, &n, &err);
	if (rc != 0) {
		cli_error("%s", err);
		free(err);
	} else if (csv) {
		static const char *const head[] = { "years", "title", "order_number", "order_date", "activities", "done",
						    "cancelled", "overdue", "current" };
		csvout_line(stdout, head, 9);
		for (size_t i = 0; i < n; i++) {
			const roadmap_info *r = &v[i].info;
			char *years = roadmap_years_text(r->first_year, r->last_year), *acts = xasprintf("%ld", r->activities);
			char *done = xasprintf("%ld", r->done), *cancelled = xasprintf("%ld", r->cancelled);
			char *overdue = xasprintf("%ld", v[i].overdue);
			const char *row[] = { years, r->title, r->order_number, r->order_date, acts, done, cancelled, overdue,
					      v[i].covers_today ? "1" : "0" };
			csvout_line(stdout, row, 9);
			free(years), free(acts), free(done), free(cancelled), free(overdue);
		}
	} else if (!n) {
		printf(_("No roadmap yet: import it with 'orientir import roadmap FILE'.\n"));
	} else {
		table *t = table_new(4, "lrrl", "-+++");
		const char *head[] = { _("Years"), _("Done"), _("Overdue"), _("Title") };
		table_add(t, head);
		for (size_t i = 0; i < n; i++) {
			const roadmap_info *r = &v[i].info;
			char *y = roadmap_years_text(r->first_year, r->last_year);
			char *years = v[i].covers_today ? xasprintf(_("%s (now)"), y) : xstrdup(y);
			char *done = xasprintf(_("%ld of %ld"), r->done, r->activities - r->cancelled);
			char *overdue = xasprintf("%ld", v[i].overdue);
			const char *row[] = { years, done, overdue, r->title };
			table_add(t, row);
			free(y), free(years), free(done), free(overdue);
		}
		table_print(t, stdout, table_width(stdout));
		table_free(t);
	}
	if (rc == 0)
		roadmap_items_free(v, n);
	school_clear(&sc);
	db_close(db);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

static int run(int argc, char **argv, cli_env *env)
{
	if (argc < 2)
		return cli_usage(&cli_roadmap, _("say 'list', 'set', 'write' or 'years'"));
	if (strcmp(argv[1], "list") == 0)
		return run_list(argc - 1, argv + 1, env, &cli_roadmap);
	if (strcmp(argv[1], "set") == 0)
		return run_set(argc - 1, argv + 1, env, &cli_roadmap);
	if (strcmp(argv[1], "write") == 0)
		return run_write(argc - 1, argv + 1, env, &cli_roadmap);
	if (strcmp(argv[1], "years") == 0)
		return run_years(argc - 1, argv + 1, env, &cli_roadmap);
	if (strcmp(argv[1], "--help") == 0) {
		cli_print_help(&cli_roadmap);
		return EXIT_OK;
	}
	return cli_usage(&cli_roadmap, _("say 'list', 'set', 'write' or 'years', not '%s'"), argv[1]);
}

const cli_command cli_roadmap = {
	"roadmap",
	/* TRANSLATORS: a synopsis: translate only the placeholders in capitals. */
	N_("list [--years YEAR[-YEAR]] [--status S] [--overdue] [--today DATE] [--format table|csv] | set NUMBER [--years YEAR[-YEAR]] [--section S] --status S [--date DATE] [--note TEXT] [--participants N] | write FILE [--years YEAR[-YEAR]] [--dialect excel-ru|rfc4180] | years [--today DATE] [--format table|csv]"),
	N_("the roadmaps' activities and the school's progress on them"),
	N_("Every roadmap imported is kept with its own progress, one for each period;\n"
	   "the roadmap a command is about is the one --years names (2026, 2025-2026,\n"
	   "or a year only one roadmap takes in), else the one covering today.\n\n"
	   "roadmap list: the activities with their deadlines as written and as dates,\n"
	   "status and note.\n"
	   "  --years Y       the roadmap of those years\n"
	   "  --status S      only activities with that status\n"
	   "  --overdue       only those whose time is past and not done or cancelled\n"
	   "  --today DATE    judge overdue on that day, and show the roadmap covering\n"
	   "                  it (default: today)\n"
	   "  --format csv    for programs: section,number,title,deadline_text,start,end,\n"
	   "                  recurrence,responsible,expected_result,status,done_date,\n"
	   "                  note,overdue\n\n"
	   "roadmap set NUMBER: records progress on the activity with that number (with\n"
	   "or without a trailing dot), in whichever roadmap has it.\n"
	   "  --status S      planned, in_progress, done, not_done or cancelled\n"
	   "  --date DATE     when it was done (default for done: today)\n"
	   "  --note TEXT     what was done: the evidence\n"
	   "  --participants N  how many took part\n"
	   "  --years Y       when several roadmaps have the number: which one\n"
	   "  --section S     when two sections share the number: the section's number\n"
	   "                  or the start of its title\n\n"
	   "roadmap write FILE: writes a roadmap as the table the schools import\n"
	   "with 'orientir import roadmap' and get the same roadmap: its years and\n"
	   "title in the first row, the text above the table, sections as heading rows\n"
	   "with their notes, the activities. The plan only, not the progress on it.\n"
	   "FILE may be a folder (a stick): the file is then roadmap-YEARS.csv in it.\n"
	   "The file is read back and any difference from the roadmap is told.\n"
	   "  --years Y       the roadmap of those years (default: the current one)\n"
	   "  --dialect D     excel-ru (the default: ';', UTF-8 with BOM, opens in\n"
	   "                  Russian Excel) or rfc4180 (',', English column names)\n\n"
	   "roadmap years: every roadmap kept, with its activities done and overdue;\n"
	   "the one covering today is marked.\n"
	   "  --today DATE    judge on that day\n"
	   "  --format csv    for programs: years,title,order_number,order_date,\n"
	   "                  activities,done,cancelled,overdue,current\n"),
	run,
};
