/* district import PATH... [--received DATE] [--new-district-key] */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-district.h"
#include "common.h"
#include "day.h"
#include "db.h"
#include "district.h"
#include "keys.h"
#include "utf8.h"

/* Now, or noon of the day given, as YYYY-MM-DDTHH:MM:SS (fresh), or NULL
 * when the given text is not a day. */
static char *received_time(const char *given)
{
	long ymd;
	if (!given)
		return day_now_iso();
	if (day_parse(given, &ymd) != 0)
		return NULL;
	char *day = day_iso(ymd), *t = xasprintf("%sT12:00:00", day);
	free(day);
	return t;
}

/* The --jobs given: 1 to 16, or 0 when it is not such a number. */
static int jobs_given(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);
	return *s && !*end && v >= 1 && v <= 16 ? (int)v : 0;
}

void cli_district_report(const pkg_import *r)
{
	if (r->outcome == PKG_REFUSED) {
		cli_error(_("%s (the package is refused: nothing of it was kept)"), r->reason ? r->reason : r->dir);
	} else {
		char *made = district_time_text(r->created_at), *dir = utf8_escape(r->dir, 0, 0);
		printf(_("%s %s (%s), %s, made %s: %s.\n"), r->school_code, r->school_name, dir, r->period, made,
		       pkg_outcome_title(r->outcome));
		free(made);
		free(dir);
		if (r->results)
			printf(ngettext("  %ld result taken in\n", "  %ld results taken in\n", (unsigned long)r->results),
			       r->results);
		for (size_t i = 0; i < r->nnotes; i++) {
			char *note = utf8_escape(r->notes[i], 0, 0);
			printf("  %s\n", note);
			free(note);
		}
		if (r->outcome == PKG_HELD)
			printf(_("  number %ld: take it with 'orientir district accept %ld', or 'orientir district reject"
				 " %ld'\n"), r->held_id, r->held_id, r->held_id);
	}
	if (r->receipt_error)
		cli_error(_("warning: no receipt left for the school: %s"), r->receipt_error);
}

/* What an export's schools came to, told as they come. */
struct carried_ctx {
	const district_export_info *info;
	long *counts;
	int told;
};

/* Names the export once, before its first school. */
static void tell_export(struct carried_ctx *c)
{
	if (c->told++)
		return;
	char *half = half_text_of(c->info->period);
	printf(ngettext("District export of %s «%s», %s: %zu school package.\n",
			"District export of %s «%s», %s: %zu school packages.\n", (unsigned long)c->info->carried),
	       c->info->code, c->info->name, half ? half : c->info->period, c->info->carried);
	if (c->info->pinned == 1)
		printf(_("  the district's key is now pinned: its later exports must be signed with it\n"));
	else if (c->info->pinned == 2)
		printf(_("  the district's new key is now pinned: its later exports must be signed with it\n"));
	free(half);
}

static void each_carried(void *ctx, pkg_import *r)
{
	struct carried_ctx *c = ctx;
	tell_export(c);
	cli_district_report(r);
	c->counts[r->outcome]++;
}

/* One school package taken in (district_import_packages' each). */
static void each_package(void *ctx, pkg_import *r)
{
	long *counts = ctx;
	cli_district_report(r);
	counts[r->outcome]++;
}

/* Takes in the district's export at dir, its schools counted: 0, or -1
 * when the database failed. */
static int import_export(sdb *db, const char *dir, const char *when, int new_key, long counts[])
{
	district_export_info info;
	struct carried_ctx c = { &info, counts, 0 };
	char *err = NULL;
	int rc = district_import_export(db, dir, when, new_key, &info, each_carried, &c, &err);
	if (rc == 0) {
		tell_export(&c);
	} else if (!info.carried) {
		cli_error(_("%s (the district's export is refused: nothing of it was taken in)"), err);
		counts[PKG_REFUSED]++;
		rc = 0;
	} else {
		cli_error("%s", err);
	}
	free(err);
	district_export_info_clear(&info);
	return rc;
}

int cli_district_import(int argc, char **argv, cli_env *env, const cli_command *cmd)
{
	static const struct option opts[] = {
		{ "received", required_argument, NULL, 'r' },
		{ "new-district-key", no_argument, NULL, 'k' },
		{ "jobs", required_argument, NULL, 'j' },
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int c, exit_now, new_key = 0, jobs = DISTRICT_IMPORT_JOBS;
	const char *received = NULL;
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		if (c == 'r')
			received = optarg;
		else if (c == 'k')
			new_key = 1;
		else if (c == 'j') {
			if (!(jobs = jobs_given(optarg)))
				return cli_usage(cmd, _("--jobs takes a number from 1 to 16, not '%s'"), optarg);
		} else if (cli_common_option(c, cmd, env, &exit_now) != 0)
			return exit_now;
	}
	if (optind >= argc)
		return cli_usage(cmd, _("name a package folder, or a folder (a stick) holding packages"));
	char *when = received_time(received);
	if (!when)
		return cli_usage(cmd, _("'%s' is not a date (write 2024-03-15)"), received);
	school sc = { 0 };
	sdb *db = cli_open_office(env, &sc);
	if (!db) {
		/* (the server may have gone before the first package: the
		 * operator must still know nothing came in) */
		cli_error(_("nothing was imported"));
		free(when);
		return EXIT_FAIL;
	}
	/* The receipts are signed: a database of an earlier version gets its
	 * key now, and the user hears of it once. */
	sign_key key;
	char *news = NULL, *err = NULL;
	if (keys_own(db, &key, &news, &err) < 0) {
		cli_error(_("%s (nothing was imported)"), err);
		free(err);
		free(when);
		school_clear(&sc);
		sdb_close(db);
		return EXIT_FAIL;
	}
	if (news)
		printf("%s\n", news);
	free(news);
	long counts[PKG_REFUSED + 1] = { 0 };
	int failed = 0;
	for (int a = optind; a < argc && !failed; a++) {
		char **dirs;
		size_t n;
		if (district_find_packages(argv[a], &dirs, &n, &err) != 0) {
			cli_error("%s", err);
			free(err);
			err = NULL;
			counts[PKG_REFUSED]++;
			continue;
		}
		if (n == 0) {
			cli_error(_("%s: no report package here (a package is a folder with manifest.txt)"), argv[a]);
			counts[PKG_REFUSED]++;
		}
		for (size_t i = 0; i < n && !failed;) {
			if (district_export_is(dirs[i])) {
				failed = import_export(db, dirs[i], when, new_key, counts) != 0;
				i++;
				continue;
			}
			/* the school packages up to the next export, together */
			size_t run = 1;
			while (i + run < n && !district_export_is(dirs[i + run]))
				run++;
			failed = district_import_packages(db, dirs + i, run, when, jobs, each_package, counts) != 0;
			i += run;
		}
		district_dirs_free(dirs, n);
		if (district_sync_stick(argv[a], &err) != 0) {
			cli_error(_("warning: %s"), err);
			free(err);
			err = NULL;
		}
	}
	long total = 0;
	for (int i = 0; i <= PKG_REFUSED; i++)
		total += counts[i];
	printf(ngettext("%ld package: %ld new, %ld replaced, %ld unchanged, %ld older, %ld held, %ld refused.\n",
			"%ld packages: %ld new, %ld replaced, %ld unchanged, %ld older, %ld held, %ld refused.\n",
			(unsigned long)total),
	       total, counts[PKG_NEW], counts[PKG_REPLACED], counts[PKG_UNCHANGED], counts[PKG_OLDER], counts[PKG_HELD],
	       counts[PKG_REFUSED]);
	if (counts[PKG_HELD])
		printf(_("Held packages wait for your decision: 'orientir district held' lists them.\n"));
	free(when);
	school_clear(&sc);
	sdb_close(db);
	return failed || counts[PKG_REFUSED] ? EXIT_FAIL : EXIT_OK;
}
