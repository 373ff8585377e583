#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "day.h"
#include "db.h"
#include "deadline.h"
#include "roadmap.h"
#include "utf8.h"

static int same_fold(const char *a, const char *b)
{
	char *fa = utf8_fold(a, strlen(a)), *fb = utf8_fold(b, strlen(b));
	int eq = strcmp(fa, fb) == 0;
	free(fa), free(fb);
	return eq;
}

/* The section of a new activity as the old list names sections. */
static int same_section(const activity *old, const rm_table *t, int sec)
{
	if (sec < 0)
		return !old->section_id;
	const rm_section *s = &t->sections[sec];
	if (*s->number && *old->section_number)
		return strcmp(s->number, old->section_number) == 0;
	return same_fold(s->title, old->section_title);
}

static char *label(const char *number, const char *title)
{
	return xasprintf("%s%s%s", number, *number ? " " : "", title);
}

static void note(char ***list, size_t *n, char *s)
{
	*list = xrealloc(*list, (*n + 1) * sizeof **list);
	(*list)[(*n)++] = s;
}

int roadmap_import(sqlite3 *db, const char *path, int first_year, int last_year, const char *title,
		   int dry_run, diag *d, rm_table *t, roadmap_summary *sum)
{
	*sum = (roadmap_summary){ 0 };
	if (roadmap_read(path, t, d) != 0)
		return 1;
	char *err = NULL;
	activity *old = NULL;
	size_t nold = 0;
	int rc = -1;
	if (db_begin(db, &err) != 0)
		goto fail;
	/* A corrected version keeps the title given before, unless a new one is. */
	roadmap_info was = { 0 };
	if (!title && db_roadmap_get(db, &was, &err) < 0)
		goto fail;
	const char *slash = strrchr(path, '/');
	roadmap_info info = { .title = (char *)(title ? title : was.title ? was.title : ""),
			      .source = (char *)(slash ? slash + 1 : path), .preamble = t->preamble,
			      .first_year = first_year, .last_year = last_year };
	int put = db_roadmap_put(db, &info, &err);
	roadmap_info_clear(&was);
	if (put != 0 || db_activity_list(db, &old, &nold, &err) != 0 || db_sections_clear(db, &err) != 0)
		goto fail;
	long *section_ids = xcalloc(t->nsections + 1, sizeof *section_ids);
	for (size_t i = 0; i < t->nsections; i++) {
		const rm_section *s = &t->sections[i];
		if ((section_ids[i] = db_section_add(db, s->number, s->title, s->notes, (int)i, &err)) < 0) {
			free(section_ids);
			goto fail;
		}
	}
	char *used = xcalloc(nold + 1, 1);
	for (size_t i = 0; i < t->nacts; i++) {
		const rm_activity *r = &t->acts[i];
		/* The same activity: same section and number, else the same title. */
		size_t k = nold;
		for (size_t j = 0; j < nold && k == nold; j++)
			if (!used[j] && *r->number && strcmp(old[j].number, r->number) == 0 && same_section(&old[j], t, r->section))
				k = j;
		for (size_t j = 0; j < nold && k == nold; j++)
			if (!used[j] && *r->title && same_fold(old[j].title, r->title))
				k = j;
		deadline dl;
		deadline_parse(r->deadline, first_year, last_year, &dl);
		activity a = { .id = k < nold ? old[k].id : 0, .section_id = r->section >= 0 ? section_ids[r->section] : 0,
			       .number = r->number, .title = r->title, .deadline_text = r->deadline,
			       .responsible = r->responsible, .expected_result = r->expected,
			       .recurrence = (char *)deadline_recur_name(dl.recur), .start = dl.start, .end = dl.end,
			       .sort = (int)i };
		if (k < nold) {
			used[k] = 1;
			const activity *o = &old[k];
			int same = strcmp(o->number, a.number) == 0 && strcmp(o->title, a.title) == 0 &&
				   strcmp(o->deadline_text, a.deadline_text) == 0 && strcmp(o->responsible, a.responsible) == 0 &&
				   strcmp(o->expected_result, a.expected_result) == 0 && same_section(o, t, r->section);
			if (same) {
				sum->unchanged++;
			} else {
				sum->changed++;
				note(&sum->changed_list, &sum->nchanged_list, label(a.number, a.title));
			}
		} else {
			sum->added++;
		}
		if (db_activity_save_plan(db, &a, &err) != 0) {
			free(used);
			free(section_ids);
			goto fail;
		}
	}
	for (size_t j = 0; j < nold; j++) {
		if (used[j])
			continue;
		sum->dropped++;
		note(&sum->dropped_list, &sum->ndropped_list, label(old[j].number, old[j].title));
		if (db_activity_delete(db, old[j].id, &err) != 0) {
			free(used);
			free(section_ids);
			goto fail;
		}
	}
	free(used);
	free(section_ids);
	if (dry_run)
		db_rollback(db);
	else if (db_commit(db, &err) != 0)
		goto fail;
	activity_list_free(old, nold);
	return 0;
fail:
	rc = -1;
	diag_report(d, DIAG_ERROR, NULL, 0, "%s", err ? err : "?");
	free(err);
	db_rollback(db);
	activity_list_free(old, nold);
	return rc;
}

void roadmap_summary_free(roadmap_summary *s)
{
	for (size_t i = 0; i < s->nchanged_list; i++)
		free(s->changed_list[i]);
	for (size_t i = 0; i < s->ndropped_list; i++)
		free(s->dropped_list[i]);
	free(s->changed_list);
	free(s->dropped_list);
	*s = (roadmap_summary){ 0 };
}

/* Hands the line to line and frees it. */
static void say(roadmap_line_fn line, void *ctx, char *text)
{
	line(ctx, text);
	free(text);
}

void roadmap_found(const rm_table *t, roadmap_line_fn line, void *ctx)
{
	line(ctx, _("Sections and activities found:"));
	for (int sec = -1; sec < (int)t->nsections; sec++) {
		char *numbers = NULL;
		int count = 0;
		for (size_t i = 0; i < t->nacts; i++) {
			if (t->acts[i].section != sec)
				continue;
			const char *n = *t->acts[i].number ? t->acts[i].number : "—";
			char *l = numbers ? xasprintf("%s, %s", numbers, n) : xstrdup(n);
			free(numbers);
			numbers = l;
			count++;
		}
		if (sec < 0 && count)
			say(line, ctx, t->nsections ? xasprintf(_("  (before any section): %s (%d)"), numbers, count)
						    : xasprintf("  %s (%d)", numbers, count));
		else if (sec >= 0)
			say(line, ctx, xasprintf("  %s%s%s: %s (%d)", t->sections[sec].number,
						 *t->sections[sec].number ? " " : "", t->sections[sec].title,
						 numbers ? numbers : "—", count));
		free(numbers);
	}
	char *total = xasprintf(ngettext("%zu activity", "%zu activities", (unsigned long)t->nacts), t->nacts);
	if (t->repeated_headers) {
		char *more = xasprintf(ngettext("; %ld repeated header row skipped", "; %ld repeated header rows skipped",
						(unsigned long)t->repeated_headers), t->repeated_headers);
		char *both = xasprintf("%s%s", total, more);
		free(total), free(more);
		total = both;
	}
	if (t->joined_rows) {
		char *more = xasprintf(ngettext("; %ld row broken across a page joined to its activity",
						"; %ld rows broken across a page joined to their activities",
						(unsigned long)t->joined_rows), t->joined_rows);
		char *both = xasprintf("%s%s", total, more);
		free(total), free(more);
		total = both;
	}
	say(line, ctx, xasprintf("%s.", total));
	free(total);
}

char *roadmap_years_text(int first_year, int last_year)
{
	return first_year == last_year ? xasprintf("%d", first_year) : xasprintf("%d-%d", first_year, last_year);
}

void roadmap_summary_say(const roadmap_summary *s, int first_year, int last_year, int dry_run,
			 roadmap_line_fn line, void *ctx)
{
	char *years = roadmap_years_text(first_year, last_year);
	say(line, ctx, xasprintf(dry_run ? _("Checked, no errors (the roadmap for %s). Importing it would add %ld, "
					     "change %ld, leave %ld unchanged, drop %ld.")
					 : _("Imported the roadmap for %s. Added %ld, changed %ld, unchanged %ld, "
					     "dropped %ld."),
				 years, s->added, s->changed, s->unchanged, s->dropped));
	free(years);
	for (size_t i = 0; i < s->nchanged_list; i++)
		say(line, ctx, xasprintf(_("  changed: %s"), s->changed_list[i]));
	for (size_t i = 0; i < s->ndropped_list; i++)
		say(line, ctx, xasprintf(_("  dropped: %s"), s->dropped_list[i]));
}

int roadmap_import_defaults(sqlite3 *db, const char *path, long today, int *first_year, int *last_year,
			    char **title, char **err)
{
	int first = 0, last = 0;
	char *file_title = NULL;
	int marked = roadmap_read_marker(path, &first, &last, &file_title);
	roadmap_info now = { 0 };
	if (!(marked && *file_title) && db_roadmap_get(db, &now, err) < 0) {
		free(file_title);
		return -1;
	}
	/* The title there is goes with a corrected version of the same file,
	 * not with another roadmap. */
	const char *slash = strrchr(path, '/');
	int same_file = now.source && strcmp(now.source, slash ? slash + 1 : path) == 0;
	if (marked && *file_title) {
		*title = file_title;
	} else {
		*title = xstrdup(same_file && now.title ? now.title : "");
		free(file_title);
	}
	roadmap_info_clear(&now);
	if (marked && first) {
		*first_year = first;
		*last_year = last;
		return 1;
	}
	/* The school year that started last September (or this one). */
	int year = (int)(today / 10000), month = (int)(today / 100 % 100);
	*first_year = month >= 9 ? year : year - 1;
	*last_year = *first_year + 1;
	return 0;
}

static int finished(const activity *a)
{
	return strcmp(a->status, "done") == 0 || strcmp(a->status, "cancelled") == 0;
}

int activity_overdue(const activity *a, long today)
{
	return a->end && a->end < today && !finished(a);
}

int activity_due_soon(const activity *a, long today, int days)
{
	long last = day_add(today, days);
	return a->end && !finished(a) && a->end >= today && a->end <= last && (!a->start || a->start <= last);
}

const char *const activity_statuses[ACTIVITY_NSTATUSES] = { "planned", "in_progress", "done", "not_done", "cancelled" };

int activity_status_valid(const char *status)
{
	for (size_t i = 0; i < ACTIVITY_NSTATUSES; i++)
		if (strcmp(status, activity_statuses[i]) == 0)
			return 1;
	return 0;
}

const char *activity_status_title(const char *status)
{
	if (strcmp(status, "in_progress") == 0)
		return _("in progress");
	if (strcmp(status, "done") == 0)
		return _("done");
	if (strcmp(status, "not_done") == 0)
		return _("not done");
	if (strcmp(status, "cancelled") == 0)
		return _("cancelled");
	return _("planned");
}

static int section_matches(const activity *a, const char *section)
{
	char *want = cell_trim(section);
	size_t n = strlen(want);
	while (n > 0 && want[n - 1] == '.')
		want[--n] = '\0';
	int hit = strcmp(a->section_number, want) == 0;
	if (!hit && n) {
		char *ft = utf8_fold(a->section_title, strlen(a->section_title)), *fw = utf8_fold(want, n);
		hit = strncmp(ft, fw, strlen(fw)) == 0;
		free(ft), free(fw);
	}
	free(want);
	return hit;
}

size_t activity_find(const activity *v, size_t n, const char *number, const char *section, size_t *idx, size_t max)
{
	char *want = cell_trim(number);
	size_t len = strlen(want), found = 0;
	while (len > 0 && want[len - 1] == '.')
		want[--len] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (strcmp(v[i].number, want) != 0 || (section && !section_matches(&v[i], section)))
			continue;
		if (found < max)
			idx[found] = i;
		found++;
	}
	free(want);
	return found;
}


roadmap_progress roadmap_progress_of(const activity *v, size_t n, long section_id, long today)
{
	roadmap_progress p = { 0 };
	for (size_t i = 0; i < n; i++) {
		if (section_id >= 0 && v[i].section_id != section_id)
			continue;
		p.overdue += activity_overdue(&v[i], today);
		if (!strcmp(v[i].status, "cancelled"))
			continue;
		p.total++;
		p.done += !strcmp(v[i].status, "done");
	}
	p.percent = p.total ? (p.done * 100 + p.total / 2) / p.total : 0;
	return p;
}
