#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cell.h"
#include "common.h"
#include "package-write.h"
#include "roadmap-write.h"
#include "store.h"

int roadmap_write_load(sqlite3 *db, const roadmap_info *r, rm_table *t, char **err)
{
	*t = (rm_table){ 0 };
	section_item *sec = NULL;
	activity *v = NULL;
	size_t nsec = 0, n = 0;
	int rc = -1;
	if (db_section_list(db, r->id, &sec, &nsec, err) != 0 || db_activity_list(db, r->id, &v, &n, err) != 0)
		goto out;
	rc = n > 0;
	if (!rc)
		goto out;
	*t = (rm_table){ .first_year = r->first_year, .last_year = r->last_year, .title = xstrdup(r->title),
			 .preamble = xstrdup(r->preamble) };
	t->sections = xcalloc(nsec + 1, sizeof *t->sections);
	for (size_t i = 0; i < nsec; i++)
		t->sections[t->nsections++] = (rm_section){ xstrdup(sec[i].number), xstrdup(sec[i].title),
							    xstrdup(sec[i].notes), { 0, 0 } };
	t->acts = xcalloc(n, sizeof *t->acts);
	for (size_t i = 0; i < n; i++) {
		const activity *a = &v[i];
		int k = -1;
		for (size_t j = 0; j < nsec && k < 0; j++)
			if (sec[j].id == a->section_id)
				k = (int)j;
		t->acts[t->nacts++] = (rm_activity){ xstrdup(a->number), xstrdup(a->title), xstrdup(a->deadline_text),
						     xstrdup(a->responsible), xstrdup(a->expected_result), k, { 0, 0 } };
	}
out:
	section_list_free(sec, nsec);
	activity_list_free(v, n);
	return rc;
}

/* The heading row's text that the reader turns back into s exactly, or
 * NULL when there is none (a section without a number whose title does
 * not begin «Раздел» or «Направление» would be read as a note). */
static char *heading_text(const rm_section *s)
{
	/* «II направление…» as Roman headings are printed, «1. Работа…» else. */
	int roman = strchr("IVXL", *s->number) != NULL && *s->number;
	char *cand[2];
	if (*s->number) {
		cand[0] = xasprintf(roman ? "%s %s" : "%s. %s", s->number, s->title);
		cand[1] = xasprintf(roman ? "%s. %s" : "%s %s", s->number, s->title);
	} else {
		cand[0] = xstrdup(s->title);
		cand[1] = NULL;
	}
	char *found = NULL;
	for (int i = 0; i < 2 && cand[i]; i++) {
		char *number, *title;
		if (!found && roadmap_read_heading(cand[i], &number, &title)) {
			if (strcmp(number, s->number) == 0 && strcmp(title, s->title) == 0)
				found = cand[i], cand[i] = NULL;
			free(number), free(title);
		}
		free(cand[i]);
	}
	return found;
}

/* The text of a section column's cell for s: the reader's own reading of
 * it gives s back when that can be done at all. */
static char *column_text(const rm_section *s)
{
	if (!*s->number)
		return xstrdup(s->title);
	char *t = xasprintf("%s. %s", s->number, s->title), *number, *title;
	roadmap_read_section(t, &number, &title);
	if (strcmp(number, s->number) != 0 || strcmp(title, s->title) != 0) {
		free(t);
		t = xasprintf("%s %s", s->number, s->title);
	}
	free(number), free(title);
	return t;
}

/* The file's rows, each as wide as the header (Excel writes them so, and
 * the reader guesses the delimiter from the first one). */
struct out {
	FILE *fp;
	const csv_style *st;
	size_t ncols;
};

static void row(struct out *o, const char *const *cells, size_t n)
{
	const char *v[6] = { "", "", "", "", "", "" };
	for (size_t i = 0; i < n && i < o->ncols; i++)
		v[i] = cells[i] ? cells[i] : "";
	csvout_row_quoted(o->fp, o->st, v, o->ncols);
}

/* Text of several lines (the preamble, a section's notes) as one-cell rows:
 * a row per line when each line comes back as it is (not empty, no spaces
 * around it, not taken for a heading), else the whole text in one cell. */
static void text_rows(struct out *o, const char *text, int headings_matter)
{
	if (!*text)
		return;
	int per_line = 1;
	for (const char *p = text; per_line;) {
		const char *nl = strchr(p, '\n');
		char *line = nl ? xstrndup(p, (size_t)(nl - p)) : xstrdup(p), *trimmed = cell_trim(line), *n, *t;
		per_line = *line && strcmp(line, trimmed) == 0;
		if (per_line && headings_matter && roadmap_read_heading(line, &n, &t)) {
			per_line = 0;
			free(n), free(t);
		}
		free(line), free(trimmed);
		if (!nl)
			break;
		p = nl + 1;
	}
	if (!per_line) {
		row(o, &text, 1);
		return;
	}
	for (const char *p = text;;) {
		const char *nl = strchr(p, '\n');
		char *line = nl ? xstrndup(p, (size_t)(nl - p)) : xstrdup(p);
		row(o, (const char *const *)&line, 1);
		free(line);
		if (!nl)
			break;
		p = nl + 1;
	}
}

static char *years_text(const rm_table *t)
{
	return t->first_year == t->last_year ? xasprintf("%d", t->first_year)
					     : xasprintf("%d-%d", t->first_year, t->last_year);
}

/* A heading row and the section's notes under it. */
static void section_rows(struct out *o, const rm_section *s)
{
	char *h = heading_text(s);
	row(o, (const char *const *)&h, 1);
	free(h);
	text_rows(o, s->notes, 1);
}

char *roadmap_write_text(const rm_table *t, const csv_style *st, size_t *len)
{
	/* The header in the contract's names: Russian ones for people (the
	 * synonyms the contract lists first), English ones for programs. */
	static const char *const ru[] = { "№ п/п", "Мероприятие", "Сроки", "Ответственные", "Ожидаемый результат",
					  "Раздел" };
	static const char *const en[] = { "number", "title", "deadline", "responsible", "expected_result", "section" };
	/* Sections go in as heading rows, as roadmaps are printed; only when
	 * one cannot be a heading does the table get a section column instead. */
	int headings = 1;
	for (size_t i = 0; i < t->nsections && headings; i++) {
		char *h = heading_text(&t->sections[i]);
		headings = h != NULL;
		free(h);
	}
	char *data;
	struct out o = { open_memstream(&data, len), st, headings ? 5 : 6 };
	if (st->bom)
		fputs("\xEF\xBB\xBF", o.fp);
	char *years = years_text(t);
	const char *marker[] = { ROADMAP_FORMAT, years, t->title ? t->title : "" };
	row(&o, marker, 3);
	free(years);
	text_rows(&o, t->preamble, 0);
	row(&o, strcmp(st->name, csv_rfc4180.name) == 0 ? en : ru, o.ncols);
	size_t next = 0;
	for (size_t i = 0; i < t->nacts; i++) {
		const rm_activity *a = &t->acts[i];
		while (headings && a->section >= 0 && next <= (size_t)a->section)
			section_rows(&o, &t->sections[next++]);
		char *sec = !headings && a->section >= 0 ? column_text(&t->sections[a->section]) : xstrdup("");
		const char *cells[] = { a->number, a->title, a->deadline, a->responsible, a->expected, sec };
		row(&o, cells, 6);
		free(sec);
	}
	while (headings && next < t->nsections)
		section_rows(&o, &t->sections[next++]);
	fclose(o.fp);
	return data;
}

static int same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static void lost(char ***v, size_t *n, size_t max, char *line)
{
	if (*n >= max) {
		free(line);
		return;
	}
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = line;
}

char **roadmap_write_diff(const rm_table *a, const rm_table *b, size_t max, size_t *n)
{
	char **v = NULL;
	*n = 0;
	if (a->first_year != b->first_year || a->last_year != b->last_year || !same(a->title, b->title))
		lost(&v, n, max, xstrdup(_("the years or the title")));
	if (!same(a->preamble, b->preamble))
		lost(&v, n, max, xstrdup(_("the text above the table")));
	/* Once a count differs, what follows is shifted: the first
	 * difference is the one to tell. */
	if (a->nsections != b->nsections)
		lost(&v, n, max, xasprintf(_("the sections: %zu here, %zu from the file"), a->nsections, b->nsections));
	for (size_t i = 0; i < a->nsections && i < b->nsections; i++) {
		const rm_section *x = &a->sections[i], *y = &b->sections[i];
		int head = same(x->number, y->number) && same(x->title, y->title);
		if (!head || !same(x->notes, y->notes)) {
			lost(&v, n, max, xasprintf(head ? _("the notes of section «%s%s%s»") : _("section «%s%s%s»"),
						   x->number, *x->number ? " " : "", x->title));
			if (a->nsections != b->nsections)
				break;
		}
	}
	if (a->nacts != b->nacts)
		lost(&v, n, max, xasprintf(_("the activities: %zu here, %zu from the file"), a->nacts, b->nacts));
	for (size_t i = 0; i < a->nacts && i < b->nacts; i++) {
		const rm_activity *x = &a->acts[i], *y = &b->acts[i];
		if (!same(x->number, y->number) || !same(x->title, y->title) || !same(x->deadline, y->deadline) ||
		    !same(x->responsible, y->responsible) || !same(x->expected, y->expected) || x->section != y->section) {
			lost(&v, n, max, xasprintf(_("activity %s «%s»"), *x->number ? x->number : "—", x->title));
			if (a->nacts != b->nacts)
				break;
		}
	}
	return v;
}

char *roadmap_write_name(const rm_table *t)
{
	char *years = years_text(t), *name = xasprintf("roadmap-%s.csv", years);
	free(years);
	return name;
}

/* Keeps the reader's first complaint, for the message. */
static void first_error(void *ctx, enum diag_level level, const char *file, long line, const char *msg)
{
	char **keep = ctx;
	(void)file, (void)line;
	if (level == DIAG_ERROR && !*keep)
		*keep = xstrdup(msg);
}

int roadmap_write(sqlite3 *db, const roadmap_info *r, const char *path, const csv_style *st, char **written_path,
		  roadmap_written *out, char **err)
{
	*out = (roadmap_written){ 0 };
	*written_path = NULL;
	rm_table t;
	int have = roadmap_write_load(db, r, &t, err);
	if (have < 0)
		return -1;
	if (have == 0) {
		*err = xstrdup(_("there is no roadmap to write: import the district's roadmap first "
				 "(orientir import roadmap FILE --years YEAR)"));
		return 1;
	}
	char *dir, *name;
	struct stat sb;
	const char *slash = strrchr(path, '/');
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		dir = xstrdup(path);
		name = roadmap_write_name(&t);
	} else {
		dir = slash ? (slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path))) : xstrdup(".");
		name = xstrdup(slash ? slash + 1 : path);
	}
	int rc = -1;
	if (!*name) {
		*err = xasprintf(_("%s: name the file to write"), path);
	} else if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		*err = xasprintf(_("%s is not a folder"), dir);
	} else {
		size_t len;
		char *text = roadmap_write_text(&t, st, &len);
		if (package_put_file(dir, name, text, len, err) == 0)
			rc = 0;
		free(text);
	}
	if (rc == 0) {
		*written_path = strcmp(dir, ".") == 0 ? xstrdup(name) : xasprintf("%s%s%s", dir,
						      dir[strlen(dir) - 1] == '/' ? "" : "/", name);
		out->sections = (long)t.nsections;
		out->activities = (long)t.nacts;
		/* Read back as a school's orientir will read it. */
		char *why = NULL;
		diag quiet = { first_error, &why, 0, 0 };
		rm_table back;
		if (roadmap_read(*written_path, &back, &quiet) != 0) {
			out->lost = xcalloc(1, sizeof *out->lost);
			out->lost[out->nlost++] = xasprintf(_("the whole roadmap: %s"), why ? why : "?");
		} else {
			out->lost = roadmap_write_diff(&t, &back, 10, &out->nlost);
		}
		free(why);
		rm_table_free(&back);
	}
	free(dir), free(name);
	rm_table_free(&t);
	return rc;
}

void roadmap_written_clear(roadmap_written *w)
{
	for (size_t i = 0; i < w->nlost; i++)
		free(w->lost[i]);
	free(w->lost);
	*w = (roadmap_written){ 0 };
}
