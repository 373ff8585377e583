/* tasks --year Y [--procedure P] [--subject S] [--grade G] [--by school|class]
 * [--format table|csv] | --pupil CODE | set [NAME VALUE] */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "cli.h"
#include "common.h"
#include "csvout.h"
#include "db.h"
#include "num.h"
#include "store.h"
#include "table.h"
#include "tasks.h"

static char *number(double v)
{
	return csvout_number(&csv_rfc4180, v);
}

static void print_csv(const task_report *r, int by_class)
{
	static const char *const head[] = { "procedure", "subject", "grade", "year", "class", "task", "max_score",
					    "participants", "score_sum", "percent", "reference_percent", "skill",
					    "deficit" };
	csvout_line(stdout, head, 13);
	for (size_t i = 0; i < r->n; i++) {
		const task_assess *t = &r->v[i];
		char *grade = xasprintf("%d", t->a.grade), *year = xasprintf("%d", t->a.year);
		for (size_t row = by_class ? 1 : 0; row <= (by_class ? t->nclasses : 0); row++)
			for (size_t k = 0; k < t->ntasks; k++) {
				const task_def *d = &t->tasks[k];
				const task_cell *c = task_at(t, row, k);
				char *max = number(d->max_score), *n = xasprintf("%ld", c->participants);
				char *sum = xasprintf("%.10g", c->sum);	/* whole, never 1e+06 */
				char *pct = c->tenths < 0 ? xstrdup("") : csvout_tenths(&csv_rfc4180, c->tenths);
				char *ref = d->has_reference ? number(d->reference_percent) : xstrdup("");
				const char *cells[] = { t->procedure, t->subject, grade, year, row ? t->classes[row - 1] : "",
							d->number, max, n, sum, pct, ref, d->skill, c->deficit ? "1" : "0" };
				csvout_line(stdout, cells, 13);
				free(max), free(n), free(sum), free(pct), free(ref);
			}
		free(grade), free(year);
	}
}

/* A percent for the table, «44,4», or «—» for none. */
static char *cell_pct(int tenths)
{
	return tenths < 0 ? xstrdup("—") : num_tenths(tenths);
}

static void print_table(const task_report *r, int by_class, const school *sc)
{
	printf(_("Tasks of %d: %s (code %s)\n"), r->year, sc->name, sc->code);
	if (!r->n) {
		printf(_("\nNo task scores for %d. Import the ВПР forms first (orientir help import).\n"), r->year);
		return;
	}
	long deficits = 0;
	for (size_t i = 0; i < r->n; i++) {
		const task_assess *t = &r->v[i];
		printf("\n");
		printf(ngettext("%s · %s · grade %d · %ld participant\n", "%s · %s · grade %d · %ld participants\n",
				(unsigned long)t->participants[0]),
		       t->procedure, t->subject, t->a.grade, t->participants[0]);
		size_t nclass = by_class ? t->nclasses : 0, ncols = 5 + nclass;
		char *align = xmalloc(ncols + 1), *shrink = xmalloc(ncols + 1);
		memset(align, 'r', ncols);
		memset(shrink, '-', ncols);
		align[0] = 'l', align[ncols - 1] = 'l', shrink[ncols - 1] = '+';
		align[ncols] = shrink[ncols] = '\0';
		table *tb = table_new((int)ncols, align, shrink);
		const char **cells = xcalloc(ncols, sizeof *cells);
		cells[0] = _("Task");
		cells[1] = _("Max");
		for (size_t c = 0; c < nclass; c++)
			cells[2 + c] = t->classes[c];
		cells[2 + nclass] = by_class ? _("School") : "%";
		cells[3 + nclass] = _("Region");
		cells[4 + nclass] = _("What it checks");
		table_add(tb, cells);
		for (size_t k = 0; k < t->ntasks; k++) {
			const task_def *d = &t->tasks[k];
			const task_cell *s = task_at(t, 0, k);
			char **own = xcalloc(ncols, sizeof *own);
			own[0] = xasprintf("%s%s", d->number, s->deficit ? " !" : "");
			own[1] = number(d->max_score);
			for (size_t c = 0; c < nclass; c++)
				own[2 + c] = cell_pct(task_at(t, c + 1, k)->tenths);
			own[2 + nclass] = cell_pct(s->tenths);
			own[3 + nclass] = d->has_reference ? num_tenths((int)(d->reference_percent * 10 + 0.5)) : xstrdup("");
			own[4 + nclass] = xstrdup(d->skill);
			for (size_t c = 0; c < ncols; c++)
				cells[c] = own[c];
			table_add(tb, cells);
			for (size_t c = 0; c < ncols; c++)
				free(own[c]);
			free(own);
			deficits += s->deficit;
		}
		table_print(tb, stdout, table_width(stdout));
		table_free(tb);
		free(cells), free(align), free(shrink);
	}
	if (deficits) {
		char *rule = rules_deficit_text(&r->rules, 0, 0);
		printf(_("\n\"!\": a learning deficit. %s\n"), rule);
		free(rule);
	}
}

/* --pupil: a pupil's own deficits and what to work on. */
static int print_pupil(sqlite3 *db, const char *code, int year)
{
	char *err = NULL;
	student st = { 0 };
	int found = db_student_by_code(db, code, &st, &err);
	if (found <= 0) {
		if (found < 0)
			cli_error("%s", err);
		else
			cli_error(_("no pupil with code «%s»"), code);
		free(err);
		return EXIT_FAIL;
	}
	pupil_deficit *v;
	size_t n;
	if (tasks_pupil_deficits(db, st.id, year, &v, &n, &err) != 0) {
		cli_error("%s", err);
		free(err);
		student_clear(&st);
		return EXIT_FAIL;
	}
	char *name = xasprintf("%s %s %s", st.last_name, st.first_name, st.middle_name), *trimmed = cell_trim(name);
	printf(_("%s (%s), %d:\n"), trimmed, st.code, year);
	free(name), free(trimmed);
	if (!n)
		printf(_("No deficits in the tasks of %d.\n"), year);
	for (size_t i = 0; i < n; i++) {
		char *score = number(v[i].score), *max = number(v[i].max);
		printf(_("  %s, %s, task %s: %s of %s%s%s\n"), v[i].procedure, v[i].subject, v[i].number, score, max,
		       *v[i].skill ? " — " : "", v[i].skill);
		free(score), free(max);
	}
	if (n) {
		char *route = tasks_route_text(v, n);
		printf(_("To work on: %s\n"), route);
		free(route);
	}
	pupil_deficits_free(v, n);
	student_clear(&st);
	return EXIT_OK;
}

int cli_rules_set(const cli_command *cmd, int group, const char *hint, int argc, char **argv, cli_env *env)
{
	static const struct option opts[] = { CLI_COMMON_OPTIONS, { NULL, 0, NULL, 0 } };
	int c, exit_now;
	while ((c = cli_getopt(argc, argv, opts)) != -1)
		if (cli_common_option(c, cmd, env, &exit_now) != 0)
			return exit_now;
	if (argc - optind != 2 && argc != optind)
		return cli_usage(cmd, "%s", hint);
	school sc = { 0 };
	sqlite3 *db = cli_open_role(env, "school", &sc);
	if (!db)
		return EXIT_FAIL;
	char *err = NULL;
	int rc = 0;
	if (argc == optind) {
		char *text = analysis_rules_text(db, (enum rules_group)group);
		fputs(text, stdout);
		free(text);
	} else if ((rc = analysis_rule_set(db_sdb(db), (enum rules_group)group, argv[optind], argv[optind + 1], &err)) != 0) {
		cli_error("%s", err);
		free(err);
	} else {
		printf(_("%s: %s.\n"), argv[optind], argv[optind + 1]);
	}
	school_clear(&sc);
	db_close(db);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

/* The year given, else the latest with task scores: 1, or 0 told. */
static int pick_year(sqlite3 *db, int *year)
{
	int *years;
	size_t n;
	char *err = NULL;
	if (*year)
		return 1;
	if (db_task_years(db, &years, &n, &err) != 0) {
		cli_error("%s", err);
		free(err);
		return 0;
	}
	if (n)
		*year = years[0];
	else
		cli_error(_("there are no task scores yet; import the ВПР forms first (orientir import tasks FILE)"));
	free(years);
	return n > 0;
}

static int run(int argc, char **argv, cli_env *env)
{
	if (argc >= 2 && strcmp(argv[1], "set") == 0) {
		optind = 0;
		return cli_rules_set(&cli_tasks, RULES_TASKS, _("say a setting and its value: deficit-below 50, deficit-gap 15"),
				     argc - 1, argv + 1, env);
	}
	static const struct option opts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "procedure", required_argument, NULL, 'P' },
		{ "subject", required_argument, NULL, 'S' },
		{ "grade", required_argument, NULL, 'G' },
		{ "by", required_argument, NULL, 'b' },
		{ "format", required_argument, NULL, 'f' },
		{ "pupil", required_argument, NULL, 'p' },
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int c, exit_now, year = 0, by_class = 0;
	long v;
	char *end;
	const char *format = "table", *pupil = NULL;
	task_filter f = { 0 };
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		if (c == 'y') {
			if (!(year = cli_year(&cli_tasks, optarg)))
				return EXIT_USAGE;
		} else if (c == 'G') {
			if ((v = strtol(optarg, &end, 10)) < 1 || v > 11 || *end)
				return cli_usage(&cli_tasks, _("'%s' is not a grade from 1 to 11"), optarg);
			f.grade = (int)v;
		} else if (c == 'P') {
			f.procedure = optarg;
		} else if (c == 'S') {
			f.subject = optarg;
		} else if (c == 'b') {
			if (strcmp(optarg, "school") != 0 && strcmp(optarg, "class") != 0)
				return cli_usage(&cli_tasks, _("--by is 'school' or 'class', not '%s'"), optarg);
			by_class = strcmp(optarg, "class") == 0;
		} else if (c == 'f') {
			format = optarg;
		} else if (c == 'p') {
			pupil = optarg;
		} else if (cli_common_option(c, &cli_tasks, env, &exit_now) != 0) {
			return exit_now;
		}
	}
	if (optind < argc)
		return cli_usage(&cli_tasks, _("unexpected argument '%s'"), argv[optind]);
	if (cli_csv(&cli_tasks, format) < 0)
		return EXIT_USAGE;
	school sc = { 0 };
	sqlite3 *db = cli_open_role(env, "school", &sc);
	if (!db)
		return EXIT_FAIL;
	int rc = EXIT_FAIL;
	if (!pick_year(db, &year))
		goto out;
	if (pupil) {
		rc = print_pupil(db, pupil, year);
		goto out;
	}
	task_report r;
	char *err = NULL;
	if (tasks_compute(db, year, &f, &r, &err) != 0) {
		cli_error("%s", err);
		free(err);
		task_report_free(&r);
		goto out;
	}
	if (strcmp(format, "csv") == 0)
		print_csv(&r, by_class);
	else
		print_table(&r, by_class, &sc);
	task_report_free(&r);
	rc = EXIT_OK;
out:
	school_clear(&sc);
	db_close(db);
	return rc;
}

const cli_command cli_tasks = {
	"tasks",
	/* TRANSLATORS: a synopsis: translate only the placeholders in capitals. */
	N_("[--year YEAR] [--procedure P] [--subject S] [--grade G] [--by school|class] [--format table|csv]\n"
	   "   | --pupil CODE [--year YEAR] | set [NAME VALUE]"),
	N_("the ВПР task by task: how much of each task was done, and the learning deficits"),
	/* xgettext:no-c-format */
	N_("For every assessment of the year with task scores (from 'orientir import\n"
	   "tasks'), how much of each task the pupils did: 100 × the sum of their\n"
	   "scores / (participants × the task's maximum), against the region's share\n"
	   "from the task map. A task is a learning deficit («дефицит») when it was\n"
	   "done below 50 % or 15 points or more below the region (the settings).\n"
	   "Participants are the pupils present with a row of the form.\n\n"
	   "  --year YEAR      the year (default: the latest with task scores)\n"
	   "  --procedure P, --subject S, --grade G  only those assessments\n"
	   "  --by school|class  the school's figures (default) or each class's\n"
	   "  --format csv     procedure,subject,grade,year,class,task,max_score,\n"
	   "                   participants,score_sum,percent,reference_percent,skill,\n"
	   "                   deficit (class empty with --by school)\n"
	   "  --pupil CODE     a pupil's own deficits (tasks done below the share) and\n"
	   "                   what to work on, as the risk group's card shows them\n\n"
	   "tasks set NAME VALUE sets a rule: deficit-below (50) and deficit-gap (15);\n"
	   "tasks set alone shows them.\n"),
	run,
};
