#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "csvin.h"
#include "roadmap-read.h"
#include "utf8.h"

enum { C_NUMBER, C_TITLE, C_DEADLINE, C_RESP, C_EXPECTED, C_SECTION, NCOLS };

static const csvin_col cols[NCOLS] = {
	[C_NUMBER] = { "number", "№|№ п/п|n п/п|номер|№ мероприятия" },
	[C_TITLE] = { "title", "мероприятие|мероприятия|наименование мероприятия|наименование мероприятий|"
			       "основные направления деятельности|содержание|содержание мероприятия|"
			       "содержание работы|наименование" },
	[C_DEADLINE] = { "deadline", "сроки|срок|срок выполнения|сроки исполнения|срок исполнения|"
				     "срок реализации|сроки реализации|сроки проведения|дата|дата проведения" },
	[C_RESP] = { "responsible", "ответственные|ответственный|ответственный исполнитель|"
				    "ответственные исполнители|исполнители|исполнитель" },
	[C_EXPECTED] = { "expected_result", "ожидаемый результат|ожидаемые результаты|прогнозируемый результат|"
					   "форма предоставления результата|результат|планируемый результат" },
	[C_SECTION] = { "section", "раздел|направление" },
};

/* A row kept for the second pass. */
struct row {
	long line;
	char *f[NCOLS];		/* "" for absent or empty */
	int filled;		/* non-empty cells in the whole row */
	char *only;		/* the single filled cell, when filled == 1 */
	int header;		/* a repeat of the header row */
};

static char *append(char *a, const char *b, const char *sep)
{
	if (!*b)
		return a;
	if (!*a) {
		free(a);
		return xstrdup(b);
	}
	char *t = xasprintf("%s%s%s", a, sep, b);
	free(a);
	return t;
}

/* The number as printed, without spaces and a trailing dot: «1.2.» is «1.2». */
static char *clean_number(const char *s)
{
	char *t = cell_trim(s);
	size_t n = strlen(t);
	while (n > 0 && (t[n - 1] == '.' || t[n - 1] == ')'))
		t[--n] = '\0';
	return t;
}

static int roman(char c)
{
	return c == 'I' || c == 'V' || c == 'X' || c == 'L';
}

/* A heading names its section with a number or a Roman numeral first
 * («1. Организационные мероприятия», «II направление – …»), or with the
 * word «Раздел» or «Направление». Returns the length of the prefix that is
 * the number (0 when there is none but it is still a heading), or -1. */
static int heading_prefix(const char *text)
{
	const char *p = text;
	while (*p == ' ')
		p++;
	const char *q = p;
	if (isdigit((unsigned char)*q)) {
		while (isdigit((unsigned char)*q) || (*q == '.' && isdigit((unsigned char)q[1])))
			q++;
		if (*q == '.' || *q == ')')
			return (int)(q - text);
		return -1;
	}
	while (roman(*q))
		q++;
	if (q > p && (*q == ' ' || *q == '.' || *q == ')' || *q == '-'))
		return (int)(q - text);
	char *f = utf8_fold(p, strlen(p));
	int word = strncmp(f, "раздел", strlen("раздел")) == 0 || strncmp(f, "направление", strlen("направление")) == 0;
	free(f);
	return word ? 0 : -1;
}

void roadmap_read_section(const char *text, char **number, char **title)
{
	int k = heading_prefix(text);
	char *prefix = k > 0 ? xstrndup(text, (size_t)k) : xstrdup("");
	const char *rest = text + (k > 0 ? k : 0);
	while (*rest == '.' || *rest == ')' || *rest == ' ' || *rest == '-' || strncmp(rest, "–", 3) == 0 ||
	       strncmp(rest, "—", 3) == 0)
		rest += (*rest & 0x80) ? 3 : 1;
	*number = clean_number(prefix);
	free(prefix);
	*title = cell_trim(*rest ? rest : text);
}

int roadmap_read_heading(const char *text, char **number, char **title)
{
	if (heading_prefix(text) < 0)
		return 0;
	roadmap_read_section(text, number, title);
	return 1;
}

static void add_section(rm_table *t, const char *text, long line)
{
	char *number, *title;
	roadmap_read_section(text, &number, &title);
	t->sections = xrealloc(t->sections, (t->nsections + 1) * sizeof *t->sections);
	t->sections[t->nsections++] = (rm_section){ number, title, xstrdup(""), line };
}

int roadmap_read_years(const char *text, int *first_year, int *last_year)
{
	char *end;
	long a = strtol(text, &end, 10), b = a;
	if (end == text)
		return -1;
	if (*end == '-') {
		const char *s = end + 1;
		b = strtol(s, &end, 10);
		if (end == s)
			return -1;
	}
	if (*end || a < 2000 || b > 2100 || a > b)
		return -1;
	*first_year = (int)a;
	*last_year = (int)b;
	return 0;
}

/* The row orientir writes first: 1 when r is one (its years and title then
 * go into t), 0 when not. */
static int marker_row(const csvin_row *r, rm_table *t)
{
	char *c = r->ncells ? cell_trim(r->cells[0]) : xstrdup("");
	int yes = strcmp(c, ROADMAP_FORMAT) == 0;
	free(c);
	if (!yes)
		return 0;
	if (r->ncells > 1) {
		char *years = cell_trim(r->cells[1]);
		if (roadmap_read_years(years, &t->first_year, &t->last_year) != 0)
			t->first_year = t->last_year = 0;
		free(years);
	}
	free(t->title);
	t->title = cell_trim(r->ncells > 2 && r->cells[2] ? r->cells[2] : "");
	return 1;
}

int roadmap_read_marker(const char *path, int *first_year, int *last_year, char **title)
{
	char *err = NULL;
	csvin *in = csvin_open(path, &err);
	if (!in) {
		free(err);
		return 0;
	}
	csvin_row *r;
	rm_table t = { 0 };
	int found = csvin_next(in, &r, &err) == 1 && marker_row(r, &t);
	free(err);
	csvin_close(in);
	if (found) {
		*first_year = t.first_year;
		*last_year = t.last_year;
		*title = t.title;
	} else {
		free(t.title);
	}
	return found;
}

static void add_note(rm_table *t, const char *text)
{
	if (t->nsections)
		t->sections[t->nsections - 1].notes = append(t->sections[t->nsections - 1].notes, text, "\n");
	else
		t->preamble = append(t->preamble, text, "\n");
}

/* A header row again (a page break repeats it, or a section brings its
 * own): every filled cell names a column, the number and title among them. */
static int is_header(const csvin_row *r)
{
	int number = 0, title = 0;
	for (size_t i = 0; i < r->ncells; i++) {
		if (cell_empty(r->cells[i]))
			continue;
		int c = csvin_col_find(cols, NCOLS, r->cells[i]);
		if (c < 0)
			return 0;
		number |= c == C_NUMBER;
		title |= c == C_TITLE;
	}
	return number && title;
}

/* Finds the header: the first row that names both a title and a number
 * column. Rows above it are the preamble. 0, or -1 (reported). */
static int find_header(csvin *in, rm_table *t, diag *d)
{
	csvin_row *r;
	char *err = NULL, *first = NULL;
	int got, row = 0;
	while ((got = csvin_next(in, &r, &err)) == 1) {
		if (row++ == 0 && marker_row(r, t))
			continue;
		char *unknown = NULL;
		if (csvin_map(in, r, cols, NCOLS, &err, &unknown) == 0 && csvin_header_name(in, C_TITLE) &&
		    csvin_header_name(in, C_NUMBER)) {
			free(unknown);
			free(first);
			return 0;
		}
		free(unknown);
		free(err);
		err = NULL;
		if (!first)
			first = csvin_header_list(in);
		for (size_t i = 0; i < r->ncells; i++) {
			char *c = cell_trim(r->cells[i]);
			t->preamble = append(t->preamble, c, "\n");
			free(c);
		}
	}
	if (got < 0) {
		diag_report(d, DIAG_ERROR, NULL, 0, "%s", err);
		free(err);
	} else {
		diag_report(d, DIAG_ERROR, csvin_path(in), first ? 1 : 0,
			    _("no column of activity titles («Мероприятие») and numbers («№ п/п») was found; "
			      "the first line has: %s"), first ? first : "");
	}
	free(first);
	return -1;
}

int roadmap_read(const char *path, rm_table *t, diag *d)
{
	*t = (rm_table){ .preamble = xstrdup("") };
	char *err = NULL;
	csvin *in = csvin_open(path, &err);
	if (!in) {
		diag_report(d, DIAG_ERROR, NULL, 0, "%s", err);
		free(err);
		return -1;
	}
	if (find_header(in, t, d) != 0) {
		csvin_close(in);
		return -1;
	}
	struct row *rows = NULL;
	size_t n = 0;
	csvin_row *r;
	int got;
	while ((got = csvin_next(in, &r, &err)) == 1) {
		rows = xrealloc(rows, (n + 1) * sizeof *rows);
		struct row *w = &rows[n++];
		*w = (struct row){ .line = r->line };
		for (int c = 0; c < NCOLS; c++)
			w->f[c] = cell_trim(r->field[c] ? r->field[c] : "");
		for (size_t i = 0; i < r->ncells; i++) {
			if (!cell_empty(r->cells[i])) {
				if (!w->filled++)
					w->only = cell_trim(r->cells[i]);
			}
		}
		w->header = is_header(r);
	}
	int rc = 0;
	if (got < 0) {
		diag_report(d, DIAG_ERROR, NULL, 0, "%s", err);
		free(err);
		rc = -1;
	}
	int has_section_col = csvin_header_name(in, C_SECTION) != NULL;
	enum { NONE, ACT, OTHER } prev = NONE;
	const char *section_text = "";
	for (size_t i = 0; i < n && rc == 0; i++) {
		struct row *w = &rows[i];
		if (w->header) {
			t->repeated_headers++;
			continue;
		}
		if (has_section_col && *w->f[C_SECTION] && strcmp(w->f[C_SECTION], section_text) != 0) {
			section_text = w->f[C_SECTION];
			add_section(t, section_text, w->line);
		}
		if (w->filled == 1 && !has_section_col && heading_prefix(w->only) >= 0) {
			add_section(t, w->only, w->line);
			prev = OTHER;
			continue;
		}
		if (w->filled == 1 && !*w->f[C_NUMBER] && prev != ACT) {
			add_note(t, w->only);
			prev = OTHER;
			continue;
		}
		if (!*w->f[C_NUMBER] && prev == ACT) {
			/* The rest of an activity whose row a page break cut in two. */
			rm_activity *a = &t->acts[t->nacts - 1];
			a->title = append(a->title, w->f[C_TITLE], " ");
			a->deadline = append(a->deadline, w->f[C_DEADLINE], " ");
			a->responsible = append(a->responsible, w->f[C_RESP], " ");
			a->expected = append(a->expected, w->f[C_EXPECTED], " ");
			t->joined_rows++;
			continue;
		}
		if (w->filled == 1 && !*w->f[C_TITLE]) {
			add_note(t, w->only);
			prev = OTHER;
			continue;
		}
		t->acts = xrealloc(t->acts, (t->nacts + 1) * sizeof *t->acts);
		t->acts[t->nacts++] = (rm_activity){ clean_number(w->f[C_NUMBER]), xstrdup(w->f[C_TITLE]),
						     xstrdup(w->f[C_DEADLINE]), xstrdup(w->f[C_RESP]),
						     xstrdup(w->f[C_EXPECTED]), (int)t->nsections - 1, w->line };
		prev = ACT;
	}
	for (size_t i = 0; i < n; i++) {
		for (int c = 0; c < NCOLS; c++)
			free(rows[i].f[c]);
		free(rows[i].only);
	}
	free(rows);
	csvin_close(in);
	if (rc == 0 && t->nacts == 0) {
		diag_report(d, DIAG_ERROR, path, 0, _("the table has no activities"));
		rc = -1;
	}
	return rc;
}

void rm_table_free(rm_table *t)
{
	for (size_t i = 0; i < t->nsections; i++) {
		free(t->sections[i].number);
		free(t->sections[i].title);
		free(t->sections[i].notes);
	}
	for (size_t i = 0; i < t->nacts; i++) {
		rm_activity *a = &t->acts[i];
		free(a->number), free(a->title), free(a->deadline), free(a->responsible), free(a->expected);
	}
	free(t->sections);
	free(t->acts);
	free(t->preamble);
	free(t->title);
	*t = (rm_table){ 0 };
}
