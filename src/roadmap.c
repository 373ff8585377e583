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

/* The title an import gives: the one asked for, else the one the file
 * states, else the one the roadmap of those years had, else the one its
 * text names. */
static const char *import_title(const roadmap_import_opts *o, const rm_table *t, const roadmap_info *was)
{
	if (o->title)
		return o->title;
	if (t->title_from == RM_FROM_MARKER)
		return t->title;
	if (was && *was->title)
		return was->title;
	return t->title ? t->title : "";
}

static const char *pick(const char *asked, const char *file, const char *was)
{
	return asked ? asked : file ? file : was ? was : "";
}

/* Stores t as the roadmap of sum's years, keeping the progress of the
 * activities still there when it is a corrected version. 0, or -1 *err. */
static int store(sqlite3 *db, const char *path, const roadmap_import_opts *o, const rm_table *t, roadmap_summary *sum,
		 char **err)
{
	roadmap_info was = { 0 }, *all = NULL;
	activity *old = NULL;
	size_t nold = 0, nall = 0;
	long *section_ids = NULL;
	char *used = NULL;
	int rc = -1;
	int there = db_roadmap_get(db, sum->first_year, sum->last_year, &was, err);
	if (there < 0)
		return -1;
	sum->corrected = there;
	const char *slash = strrchr(path, '/');
	roadmap_info info = { .title = (char *)import_title(o, t, there ? &was : NULL),
			      .source = (char *)(slash ? slash + 1 : path), .preamble = t->preamble,
			      .first_year = sum->first_year, .last_year = sum->last_year,
			      .order_number = (char *)pick(o->order_number, t->order_number, there ? was.order_number : NULL),
			      .order_date = (char *)pick(o->order_date, t->order_date, there ? was.order_date : NULL) };
	if (db_roadmap_put(db, &info, err) != 0 || (there && db_activity_list(db, info.id, &old, &nold, err) != 0) ||
	    db_sections_clear(db, info.id, err) != 0)
		goto out;
	section_ids = xcalloc(t->nsections + 1, sizeof *section_ids);
	for (size_t i = 0; i < t->nsections; i++) {
		const rm_section *s = &t->sections[i];
		if ((section_ids[i] = db_section_add(db, info.id, s->number, s->title, s->notes, (int)i, err)) < 0)
			goto out;
	}
	used = xcalloc(nold + 1, 1);
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
		deadline_parse(r->deadline, sum->first_year, sum->last_year, &dl);
		activity a = { .id = k < nold ? old[k].id : 0, .roadmap_id = info.id,
			       .section_id = r->section >= 0 ? section_ids[r->section] : 0, .number = r->number,
			       .title = r->title, .deadline_text = r->deadline, .responsible = r->responsible,
			       .expected_result = r->expected, .recurrence = (char *)deadline_recur_name(dl.recur),
			       .start = dl.start, .end = dl.end, .sort = (int)i };
		if (k < nold) {
			used[k] = 1;
			const activity *p = &old[k];
			int same = strcmp(p->number, a.number) == 0 && strcmp(p->title, a.title) == 0 &&
				   strcmp(p->deadline_text, a.deadline_text) == 0 && strcmp(p->responsible, a.responsible) == 0 &&
				   strcmp(p->expected_result, a.expected_result) == 0 && same_section(p, t, r->section);
			if (same) {
				sum->unchanged++;
			} else {
				sum->changed++;
				note(&sum->changed_list, &sum->nchanged_list, label(a.number, a.title));
			}
		} else {
			sum->added++;
		}
		if (db_activity_save_plan(db, &a, err) != 0)
			goto out;
	}
	for (size_t j = 0; j < nold; j++) {
		if (used[j])
			continue;
		sum->dropped++;
		note(&sum->dropped_list, &sum->ndropped_list, label(old[j].number, old[j].title));
		if (db_activity_delete(db, old[j].id, err) != 0)
			goto out;
	}
	if (db_roadmap_list(db, &all, &nall, err) != 0)
		goto out;
	for (size_t i = 0; i < nall; i++)
		if (all[i].id != info.id)
			note(&sum->kept, &sum->nkept, roadmap_years_text(all[i].first_year, all[i].last_year));
	rc = 0;
out:
	roadmap_list_free(all, nall);
	free(used);
	free(section_ids);
	activity_list_free(old, nold);
	if (there > 0)
		roadmap_info_clear(&was);
	return rc;
}

int roadmap_import(sqlite3 *db, const char *path, const roadmap_import_opts *o, diag *d, rm_table *t,
		   roadmap_summary *sum)
{
	*sum = (roadmap_summary){ 0 };
	if (roadmap_read(path, t, d) != 0)
		return ROADMAP_REFUSED;
	sum->first_year = o->first_year;
	sum->last_year = o->last_year ? o->last_year : o->first_year;
	if (!o->first_year) {
		if (t->years_from == RM_FROM_NONE)
			return ROADMAP_NO_YEARS;
		sum->first_year = t->first_year;
		sum->last_year = t->last_year;
		sum->years_from = t->years_from;
	}
	if (!t->col_header[RM_DEADLINE] && !o->no_deadlines && !o->dry_run)
		return ROADMAP_NO_DEADLINES;
	char *err = NULL;
	if (db_begin(db, &err) != 0 || store(db, path, o, t, sum, &err) != 0 || (!o->dry_run && db_commit(db, &err) != 0)) {
		diag_report(d, DIAG_ERROR, NULL, 0, "%s", err ? err : "?");
		free(err);
		db_rollback(db);
		return -1;
	}
	if (o->dry_run)
		db_rollback(db);
	return ROADMAP_IMPORTED;
}

void roadmap_summary_free(roadmap_summary *s)
{
	for (size_t i = 0; i < s->nchanged_list; i++)
		free(s->changed_list[i]);
	for (size_t i = 0; i < s->ndropped_list; i++)
		free(s->dropped_list[i]);
	for (size_t i = 0; i < s->nkept; i++)
		free(s->kept[i]);
	free(s->changed_list);
	free(s->dropped_list);
	free(s->kept);
	*s = (roadmap_summary){ 0 };
}

/* Keeps the reader's complaints to itself: the defaults are only offers. */
static void quiet(void *ctx, enum diag_level level, const char *file, long line, const char *msg)
{
	(void)ctx, (void)level, (void)file, (void)line, (void)msg;
}

int roadmap_import_defaults(sqlite3 *db, const char *path, long today, roadmap_offer *o, char **err)
{
	*o = (roadmap_offer){ 0 };
	rm_table t;
	diag d = { quiet, NULL, 0, 0 };
	int read = roadmap_read(path, &t, &d) == 0;
	if (read && t.years_from != RM_FROM_NONE) {
		o->first_year = t.first_year;
		o->last_year = t.last_year;
		o->years_from = t.years_from;
	} else {
		/* The school year that started last September (or this one). */
		int year = (int)(today / 10000), month = (int)(today / 100 % 100);
		o->first_year = month >= 9 ? year : year - 1;
		o->last_year = o->first_year + 1;
	}
	o->order_number = xstrdup(read && t.order_number ? t.order_number : "");
	o->order_date = xstrdup(read && t.order_date ? t.order_date : "");
	/* A title the file states; else that of the roadmap of those years,
	 * when it came from a file of this name (a corrected version); else
	 * the one the text names. */
	int stated = read && t.title_from == RM_FROM_MARKER && *t.title;
	roadmap_info now = { 0 };
	int have = stated ? 0 : db_roadmap_get(db, o->first_year, o->last_year, &now, err);
	if (have < 0) {
		rm_table_free(&t);
		roadmap_offer_clear(o);
		return -1;
	}
	const char *slash = strrchr(path, '/');
	int same_file = have && strcmp(now.source, slash ? slash + 1 : path) == 0;
	if (stated)
		o->title = xstrdup(t.title);
	else if (same_file && *now.title)
		o->title = xstrdup(now.title);
	else
		o->title = xstrdup(read && t.title ? t.title : "");
	if (have)
		roadmap_info_clear(&now);
	rm_table_free(&t);
	return 0;
}

void roadmap_offer_clear(roadmap_offer *o)
{
	free(o->title), free(o->order_number), free(o->order_date);
	*o = (roadmap_offer){ 0 };
}

/* --- the roadmaps kept --- */

static void period_of(const roadmap_info *r, long *from, long *to)
{
	deadline_period(r->first_year, r->last_year, from, to);
}

int roadmap_list(sqlite3 *db, long today, roadmap_item **out, size_t *n, char **err)
{
	roadmap_info *v;
	size_t nv;
	*out = NULL;
	*n = 0;
	if (db_roadmap_list(db, &v, &nv, err) != 0)
		return -1;
	roadmap_item *items = xcalloc(nv + 1, sizeof *items);
	for (size_t i = 0; i < nv; i++) {
		activity *acts;
		size_t na;
		if (db_activity_list(db, v[i].id, &acts, &na, err) != 0) {
			for (size_t j = i; j < nv; j++)
				roadmap_info_clear(&v[j]);
			free(v);
			roadmap_items_free(items, i);
			return -1;
		}
		long from, to;
		period_of(&v[i], &from, &to);
		items[i] = (roadmap_item){ v[i], 0, from <= today && today <= to };
		for (size_t k = 0; k < na; k++)
			items[i].overdue += activity_overdue(&acts[k], today) != 0;
		activity_list_free(acts, na);
	}
	free(v);
	*out = items;
	*n = nv;
	return 0;
}

void roadmap_items_free(roadmap_item *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		roadmap_info_clear(&v[i].info);
	free(v);
}

/* Takes v[k] into *out and frees the rest. */
static void take(roadmap_info *v, size_t n, size_t k, roadmap_info *out)
{
	*out = v[k];
	v[k] = (roadmap_info){ 0 };
	roadmap_list_free(v, n);
}

int roadmap_covering(sqlite3 *db, long day, roadmap_info *out, char **err)
{
	roadmap_info *v;
	size_t n;
	if (db_roadmap_list(db, &v, &n, err) != 0)
		return -1;
	if (!n) {
		free(v);
		return 0;
	}
	/* The list runs from the earliest years: the last that fits is the
	 * latest begun. */
	size_t covers = n, before = n;
	for (size_t i = 0; i < n; i++) {
		long from, to;
		period_of(&v[i], &from, &to);
		if (from <= day && day <= to)
			covers = i;
		if (from <= day)
			before = i;
	}
	take(v, n, covers < n ? covers : before < n ? before : 0, out);
	return 1;
}

int roadmap_by_years(sqlite3 *db, const char *years, roadmap_info *out, char **err)
{
	int first, last;
	if (roadmap_read_years(years, &first, &last) != 0) {
		*err = xasprintf(_("the years are like 2023 or 2023-2024, not '%s'"), years);
		return -1;
	}
	int rc = db_roadmap_get(db, first, last, out, err);
	if (rc != 0 || first != last)
		return rc;
	/* One year: the roadmap that takes it in, if only one does. */
	roadmap_info *v;
	size_t n, hit = 0, k = 0;
	if (db_roadmap_list(db, &v, &n, err) != 0)
		return -1;
	char *names = xstrdup("");
	for (size_t i = 0; i < n; i++) {
		if (v[i].first_year > first || v[i].last_year < first)
			continue;
		char *y = roadmap_years_text(v[i].first_year, v[i].last_year);
		char *s = xasprintf("%s%s%s", names, *names ? ", " : "", y);
		free(names), free(y);
		names = s;
		hit++;
		k = i;
	}
	if (hit == 1) {
		take(v, n, k, out);
		rc = 1;
	} else {
		roadmap_list_free(v, n);
		if (hit > 1) {
			*err = xasprintf(_("%d is in several roadmaps (%s): say which with --years"), first, names);
			rc = -1;
		}
	}
	free(names);
	return rc;
}

/* Appends the activities of roadmap id to *acts. */
static int add_activities(sqlite3 *db, long id, activity **acts, size_t *n, char **err)
{
	activity *v;
	size_t k;
	if (db_activity_list(db, id, &v, &k, err) != 0)
		return -1;
	*acts = xrealloc(*acts, (*n + k + 1) * sizeof **acts);
	memcpy(*acts + *n, v, k * sizeof *v);
	*n += k;
	free(v);	/* its items live on in *acts */
	return 0;
}

int roadmap_meeting(sqlite3 *db, long from, long to, roadmap_info **out, size_t *n, activity **acts, size_t *nacts,
		    char **err)
{
	roadmap_info *v;
	size_t nv;
	*out = NULL;
	*n = 0;
	if (acts)
		*acts = NULL, *nacts = 0;
	if (db_roadmap_list(db, &v, &nv, err) != 0)
		return -1;
	size_t k = 0;
	for (size_t i = 0; i < nv; i++) {
		long a, b;
		period_of(&v[i], &a, &b);
		if (a <= to && b >= from)
			v[k++] = v[i];
		else
			roadmap_info_clear(&v[i]);
	}
	for (size_t i = 0; acts && i < k; i++)
		if (add_activities(db, v[i].id, acts, nacts, err) != 0) {
			roadmap_list_free(v, k);
			activity_list_free(*acts, *nacts);
			*acts = NULL, *nacts = 0;
			return -1;
		}
	*out = v;
	*n = k;
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
