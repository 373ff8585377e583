#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "roadmap-columns.h"
#include "roadmap-table.h"
#include "utf8.h"

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

/* The length of the word «Раздел» or «Направление» text begins with and
 * of the space after it, when a number follows («Раздел 2.», «Направление
 * I:»); else 0. */
static size_t word_before_number(const char *text)
{
	char *f = utf8_fold(text, strlen(text));
	size_t k = 0;
	if (strncmp(f, "раздел ", strlen("раздел ")) == 0)
		k = strlen("раздел ");
	else if (strncmp(f, "направление ", strlen("направление ")) == 0)
		k = strlen("направление ");
	free(f);
	if (!k)
		return 0;
	const char *q = text + k;
	while (isdigit((unsigned char)*q) || roman(*q) || (*q == '.' && isdigit((unsigned char)q[1])))
		q++;
	return q > text + k && (*q == '.' || *q == ')' || *q == ':' || *q == ' ') ? k : 0;
}

void roadmap_read_section(const char *text, char **number, char **title)
{
	while (*text == ' ')
		text++;
	text += word_before_number(text);
	int k = heading_prefix(text);
	char *prefix = k > 0 ? xstrndup(text, (size_t)k) : xstrdup("");
	const char *rest = text + (k > 0 ? k : 0);
	while (*rest == '.' || *rest == ')' || *rest == ':' || *rest == ' ' || *rest == '-' || strncmp(rest, "–", 3) == 0 ||
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

/* A label opening a block of notes: «Задачи:», «Цель: …», «Показатели». */
static int is_label(const char *text)
{
	static const char *const words[] = { "задачи", "задача", "цель", "цели", "показатели", "целевые показатели",
					     "ожидаемые результаты", "планируемые результаты", NULL };
	char *f = utf8_fold(text, strlen(text));
	int yes = 0;
	for (const char *const *w = words; *w && !yes; w++) {
		size_t n = strlen(*w);
		yes = strncmp(f, *w, n) == 0 && (f[n] == '\0' || f[n] == ':' || f[n] == ' ' || f[n] == '.');
	}
	free(f);
	return yes;
}

/* A new section from heading text; number (a merged number cell's) when
 * the text has none of its own. */
static void add_section(rm_table *t, const char *text, const char *number, rm_where where)
{
	char *n, *title;
	roadmap_read_section(text, &n, &title);
	if (!*n && number && *number) {
		free(n);
		n = clean_number(number);
	}
	t->sections = xrealloc(t->sections, (t->nsections + 1) * sizeof *t->sections);
	t->sections[t->nsections++] = (rm_section){ n, title, xstrdup(""), where };
}

/* A note of the last section, or of the preamble before any. */
static void add_note(rm_table *t, const char *text)
{
	if (t->nsections)
		t->sections[t->nsections - 1].notes = append(t->sections[t->nsections - 1].notes, text, "\n");
	else
		t->preamble = append(t->preamble, text, "\n");
}

/* The non-empty lines of text, trimmed (fresh array of fresh strings). */
static char **lines_of(const char *text, size_t *n)
{
	char **v = NULL;
	*n = 0;
	for (const char *p = text; p && *p;) {
		const char *nl = strchr(p, '\n');
		char *raw = nl ? xstrndup(p, (size_t)(nl - p)) : xstrdup(p), *line = cell_trim(raw);
		free(raw);
		if (*line) {
			v = xrealloc(v, (*n + 1) * sizeof *v);
			v[(*n)++] = line;
		} else {
			free(line);
		}
		p = nl ? nl + 1 : p + strlen(p);
	}
	return v;
}

static void free_strings(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* --- the plan's tables --- */

/* A table of the file (a run of rows with one where.table), or a paragraph. */
struct part {
	size_t from, to;	/* its rows */
	int para;
	long header;		/* the row of its header, -1 */
	rm_colmap map;
	int plan;		/* the plan is in it */
	long closest;		/* the row closest to a header, -1 */
	int closest_found;
};

/* The row's cells' texts (a fresh array of pointers into it). */
static const char **texts(const rm_row *r)
{
	const char **v = xcalloc(r->ncells + 1, sizeof *v);
	for (size_t i = 0; i < r->ncells; i++)
		v[i] = r->cells[i].text;
	return v;
}

/* Whether a cell of the row is an activity's number: then it is no header. */
static int any_number(const rm_row *r)
{
	for (size_t i = 0; i < r->ncells; i++)
		if (rm_is_number(r->cells[i].text))
			return 1;
	return 0;
}

/* Its header: the first row naming the activity and one more column, with
 * no number among its cells; the closest row kept for the message. */
static void find_header(const rm_row *rows, struct part *p)
{
	p->header = p->closest = -1;
	p->closest_found = 0;
	for (size_t i = p->from; i < p->to && p->header < 0; i++) {
		const char **v = texts(&rows[i]);
		rm_colmap m;
		int found = rm_colmap_read(v, rows[i].ncells, &m);
		free(v);
		if (rm_colmap_is_header(&m) && !any_number(&rows[i])) {
			p->header = (long)i;
			p->map = m;
		} else if (found > p->closest_found) {
			p->closest = (long)i;
			p->closest_found = found;
		}
	}
}

/* Whether two headers name the same columns, wherever they stand. */
static int same_columns(const rm_colmap *a, const rm_colmap *b)
{
	for (int c = 0; c < RM_NCOLS; c++)
		if ((a->cell[c] >= 0) != (b->cell[c] >= 0))
			return 0;
	return 1;
}

/* The cells of a row as lines of text (the preamble's way). */
static void row_lines(rm_table *t, const rm_row *r)
{
	for (size_t i = 0; i < r->ncells; i++) {
		if (r->cells[i].from_above)
			continue;
		char *c = cell_trim(r->cells[i].text);
		t->preamble = append(t->preamble, c, "\n");
		free(c);
	}
}

char *roadmap_where_text(rm_where w)
{
	if (w.table == 0 && w.row == 0)
		return xstrdup(_("the text above the first table"));
	if (w.table == 0)
		return xasprintf(_("line %ld"), w.row);
	if (w.row == 0)
		return xasprintf(_("the text after table %d"), w.table);
	return xasprintf(_("table %d, row %ld"), w.table, w.row);
}

/* A problem at where: the line for a CSV file, named in the text for a
 * document. */
static void report(diag *d, const char *path, rm_where where, const char *msg)
{
	if (where.table == 0 && where.row > 0) {
		diag_report(d, DIAG_ERROR, path, where.row, "%s", msg);
	} else {
		char *w = roadmap_where_text(where);
		diag_report(d, DIAG_ERROR, path, 0, "%s: %s", w, msg);
		free(w);
	}
}

/* «a», «b», «c»: the row's cells with text of their own (fresh). */
static char *cells_text(const rm_row *r)
{
	char *s = xstrdup("");
	for (size_t i = 0; i < r->ncells; i++) {
		if (cell_empty(r->cells[i].text) || r->cells[i].from_above)
			continue;
		char *c = xasprintf("%s«%s»", *s ? ", " : "", r->cells[i].text);
		s = append(s, c, "");
		free(c);
	}
	return s;
}

/* What the table's closest row to a header lacks, for people (fresh). */
static char *lacks(const rm_row *rows, const struct part *p)
{
	if (p->closest < 0)
		return xstrdup(_("none of its rows names the columns of a plan"));
	const char **v = texts(&rows[p->closest]);
	rm_colmap m;
	rm_colmap_read(v, rows[p->closest].ncells, &m);
	free(v);
	return xstrdup(m.cell[RM_TITLE] < 0 ? _("it has no column of activities («Мероприятие»)")
					    : _("beside the activities it names no number, deadline, responsible or result"));
}

/* No plan in the file: the row that came closest, and what it lacks. */
static void no_header(const rm_row *rows, size_t n, const struct part *parts, size_t nparts, const char *path,
		      diag *d)
{
	const struct part *best = NULL;
	for (size_t i = 0; i < nparts; i++)
		if (!parts[i].para && parts[i].closest >= 0 && (!best || parts[i].closest_found > best->closest_found))
			best = &parts[i];
	int tables = 0;
	for (size_t i = 0; i < nparts; i++)
		tables += !parts[i].para;
	if (!n || !tables) {
		diag_report(d, DIAG_ERROR, path, 0, n ? _("the document has no table: orientir reads the plan from its table")
						      : _("the file is empty"));
		return;
	}
	if (!best) {
		diag_report(d, DIAG_ERROR, path, 0,
			    _("no row names the columns of a plan: the activities («Мероприятие») and their numbers "
			      "(«№ п/п») or deadlines («Сроки»)"));
		return;
	}
	const rm_row *r = &rows[best->closest];
	char *has = cells_text(r), *why = lacks(rows, best);
	char *msg = xasprintf(_("no row names the columns of a plan: the activities («Мероприятие») and their numbers "
				"(«№ п/п») or deadlines («Сроки»); the closest has %s: %s"), has, why);
	report(d, path, r->where, msg);
	free(msg), free(has), free(why);
}

/* --- the rows of the plan --- */

struct view {
	const rm_row *row;
	const char *f[RM_NCOLS];	/* "" when empty or absent */
	int above[RM_NCOLS];
	long num_merge;		/* the merged number cell it shares, 0 */
	int filled;		/* cells with text of their own */
	const char *only;	/* the one such cell, when filled == 1 */
	int skip;		/* 1 a header again, 2 the column numbers */
};

/* Row r as its columns by meaning, and whether it is a header again or
 * the column numbers. */
static void view_of(const rm_row *r, const rm_colmap *m, const rm_row *header, struct view *v)
{
	*v = (struct view){ .row = r };
	for (int c = 0; c < RM_NCOLS; c++) {
		v->f[c] = "";
		int k = m ? m->cell[c] : -1;
		if (k >= 0 && (size_t)k < r->ncells) {
			v->f[c] = r->cells[k].text;
			v->above[c] = r->cells[k].from_above;
		}
	}
	if (m && m->cell[RM_NUMBER] >= 0 && (size_t)m->cell[RM_NUMBER] < r->ncells)
		v->num_merge = r->cells[m->cell[RM_NUMBER]].merge;
	for (size_t i = 0; i < r->ncells; i++)
		if (!cell_empty(r->cells[i].text) && !r->cells[i].from_above && !v->filled++)
			v->only = r->cells[i].text;
	if (!header || v->filled < 2)
		return;
	const char **cells = texts(r), **head = texts(header);
	if (r == header || rm_row_repeats_header(cells, r->ncells, head, header->ncells))
		v->skip = 1;
	else if (rm_row_column_numbers(cells, r->ncells))
		v->skip = 2;
	free(cells);
	free(head);
}

struct reader {
	rm_table *t;
	struct view *v;
	size_t n;
	int has[RM_NCOLS];
	long *merge_ids;	/* merged number cells and how many activities share each */
	int *merge_count;
	size_t nmerge;
	long cur_merge;
	int merge_i;
};

/* The count of activities under merged number cell id, made 0 if new. */
static int *merge_slot(struct reader *r, long id)
{
	for (size_t i = 0; i < r->nmerge; i++)
		if (r->merge_ids[i] == id)
			return &r->merge_count[i];
	r->merge_ids = xrealloc(r->merge_ids, (r->nmerge + 1) * sizeof *r->merge_ids);
	r->merge_count = xrealloc(r->merge_count, (r->nmerge + 1) * sizeof *r->merge_count);
	r->merge_ids[r->nmerge] = id;
	r->merge_count[r->nmerge] = 0;
	return &r->merge_count[r->nmerge++];
}

/* Whether the next activity after view i is numbered under heading N. */
static int next_under(const struct reader *r, size_t i, const char *heading)
{
	char *n, *title;
	roadmap_read_section(heading, &n, &title);
	int under = 0;
	for (size_t j = i + 1; j < r->n; j++) {
		if (r->v[j].skip || r->v[j].filled < 2)
			continue;
		char *num = clean_number(r->v[j].f[RM_NUMBER]);
		under = *n && strncmp(num, n, strlen(n)) == 0 && num[strlen(n)] == '.';
		free(num);
		break;
	}
	free(n), free(title);
	return under;
}

/* A row read as several activities, for the check to tell. */
static rm_split *add_split(rm_table *t, rm_where where, int merged, const char *number)
{
	t->splits = xrealloc(t->splits, (t->nsplits + 1) * sizeof *t->splits);
	rm_split *s = &t->splits[t->nsplits++];
	*s = (rm_split){ where, merged, xstrdup(number), NULL, 0 };
	return s;
}

static void split_number(rm_split *s, const char *number)
{
	s->numbers = xrealloc(s->numbers, (s->n + 1) * sizeof *s->numbers);
	s->numbers[s->n++] = xstrdup(number);
}

/* An activity of the last section, taking the strings given. */
static void push_activity(rm_table *t, char *number, char *title, char *deadline, char *resp, char *expected,
			  rm_where where)
{
	t->acts = xrealloc(t->acts, (t->nacts + 1) * sizeof *t->acts);
	t->acts[t->nacts++] = (rm_activity){ number, title, deadline, resp, expected, (int)t->nsections - 1, where };
}

/* The row's activity, or its activities side by side: a row whose title,
 * deadline and responsible cells hold the same number (≥ 2) of lines
 * lists that many, numbered by the number cell's own lines or after the
 * row's number. */
static void activities(struct reader *r, const struct view *v)
{
	rm_table *t = r->t;
	char *number = r->has[RM_NUMBER] ? clean_number(v->f[RM_NUMBER]) : xasprintf("%zu", t->nacts + 1);
	/* Rows sharing a merged number cell: their activities numbered under it. */
	rm_split *group = NULL;
	if (v->num_merge && *merge_slot(r, v->num_merge) >= 2) {
		if (v->num_merge != r->cur_merge) {
			r->cur_merge = v->num_merge;
			r->merge_i = 0;
			add_split(t, v->row->where, 1, number);
		}
		group = &t->splits[t->nsplits - 1];
	}
	size_t k, nd = 0, nr = 0, ne = 0, nn = 0;
	char **title = lines_of(v->f[RM_TITLE], &k), **dl = lines_of(v->f[RM_DEADLINE], &nd);
	char **resp = lines_of(v->f[RM_RESP], &nr), **exp = lines_of(v->f[RM_EXPECTED], &ne);
	char **num = lines_of(v->f[RM_NUMBER], &nn);
	int side = k >= 2 && (r->has[RM_DEADLINE] || r->has[RM_RESP]) && (!r->has[RM_DEADLINE] || nd == k) &&
		   (!r->has[RM_RESP] || nr == k);
	rm_split *s = side && !group ? add_split(t, v->row->where, 0, number) : group;
	for (size_t i = 0; i < (side ? k : 1); i++) {
		char *n;
		if (group)
			n = xasprintf("%s%s%d", number, *number ? "." : "", ++r->merge_i);
		else if (!side)
			n = xstrdup(number);
		else if (nn == k && !v->above[RM_NUMBER])
			n = clean_number(num[i]);
		else
			n = xasprintf("%s%s%zu", number, *number ? "." : "", i + 1);
		if (s)
			split_number(s, n);
		if (side)
			push_activity(t, n, xstrdup(title[i]), nd == k ? xstrdup(dl[i]) : cell_trim(v->f[RM_DEADLINE]),
				      nr == k ? xstrdup(resp[i]) : cell_trim(v->f[RM_RESP]),
				      ne == k ? xstrdup(exp[i]) : cell_trim(v->f[RM_EXPECTED]), v->row->where);
		else
			push_activity(t, n, cell_trim(v->f[RM_TITLE]), cell_trim(v->f[RM_DEADLINE]), cell_trim(v->f[RM_RESP]),
				      cell_trim(v->f[RM_EXPECTED]), v->row->where);
	}
	free(number);
	free_strings(title, k), free_strings(dl, nd), free_strings(resp, nr), free_strings(exp, ne);
	free_strings(num, nn);
}

/* The rest of the last activity, whose row a page break cut in two. */
static void join(rm_table *t, const struct view *v)
{
	rm_activity *a = &t->acts[t->nacts - 1];
	char **cell[] = { &a->title, &a->deadline, &a->responsible, &a->expected };
	const int col[] = { RM_TITLE, RM_DEADLINE, RM_RESP, RM_EXPECTED };
	for (int i = 0; i < 4; i++) {
		if (v->above[col[i]])
			continue;
		char *c = cell_trim(v->f[col[i]]);
		*cell[i] = append(*cell[i], c, " ");
		free(c);
	}
	t->joined_rows++;
}

/* The plan's rows in order: headings, notes, continuations and
 * activities, the rows to skip counted. */
static void read_rows(struct reader *r)
{
	rm_table *t = r->t;
	enum { NONE, ACT, OTHER } prev = NONE;
	int tasks = 0;
	const char *section_text = "";
	for (size_t i = 0; i < r->n; i++) {
		const struct view *v = &r->v[i];
		if (v->skip == 1) {
			t->repeated_headers++;
			continue;
		}
		if (v->skip == 2) {
			t->number_rows++;
			continue;
		}
		if (!v->filled)
			continue;
		if (r->has[RM_SECTION] && !cell_empty(v->f[RM_SECTION]) && strcmp(v->f[RM_SECTION], section_text) != 0) {
			section_text = v->f[RM_SECTION];
			char *text = cell_trim(section_text);
			add_section(t, text, v->num_merge ? v->f[RM_NUMBER] : NULL, v->row->where);
			free(text);
			tasks = 0;
		}
		char *only = v->filled == 1 ? cell_trim(v->only) : NULL;
		int number_empty = cell_empty(v->f[r->has[RM_NUMBER] ? RM_NUMBER : RM_TITLE]);
		int headings = only && !r->has[RM_SECTION];
		if (headings && is_label(only)) {
			/* «Задачи:» and the lines under it are notes. */
			add_note(t, only);
			tasks = 1;
			prev = OTHER;
		} else if (headings && heading_prefix(only) >= 0 &&
			   !(tasks && isdigit((unsigned char)*only) && !next_under(r, i, only))) {
			add_section(t, only, NULL, v->row->where);
			tasks = 0;
			prev = OTHER;
		} else if (only && (tasks || (number_empty && prev != ACT))) {
			add_note(t, only);
			prev = OTHER;
		} else if ((number_empty || (v->above[RM_NUMBER] && cell_empty(v->f[RM_TITLE]))) && prev == ACT) {
			join(t, v);
		} else if (only && cell_empty(v->f[RM_TITLE])) {
			add_note(t, only);
			prev = OTHER;
		} else {
			activities(r, v);
			prev = ACT;
			tasks = 0;
		}
		free(only);
	}
}

/* Counts the activities that share each merged number cell. */
static void count_merges(struct reader *r)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].num_merge && !r->v[i].skip && !cell_empty(r->v[i].f[RM_TITLE]))
			(*merge_slot(r, r->v[i].num_merge))++;
}

/* What the header says: the cells taken, those not used. */
static void note_header(rm_table *t, const rm_row *h, const rm_colmap *m)
{
	t->header = h->where;
	for (int c = 0; c < RM_NCOLS; c++)
		t->col_header[c] = m->cell[c] >= 0 ? cell_trim(h->cells[m->cell[c]].text) : NULL;
	const char **v = texts(h);
	t->unused = rm_colmap_unused(v, h->ncells, m, &t->nunused);
	free(v);
	t->numbered_in_order = m->cell[RM_NUMBER] < 0;
}

int rm_recognise(const rm_row *rows, size_t n, const char *path, rm_table *t, diag *d)
{
	if (!t->preamble)
		t->preamble = xstrdup("");
	struct part *parts = NULL;
	size_t np = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		int para = rows[i].para;
		while (!para && j < n && !rows[j].para && rows[j].where.table == rows[i].where.table)
			j++;
		parts = xrealloc(parts, (np + 1) * sizeof *parts);
		parts[np] = (struct part){ .from = i, .to = j, .para = para, .header = -1, .closest = -1 };
		if (!para)
			find_header(rows, &parts[np]);
		np++;
		i = j;
	}
	/* The plan: the first table naming activities and deadlines (else
	 * activities and something more), and the later ones with the same
	 * columns. */
	long first = -1;
	for (int want_deadline = 1; want_deadline >= 0 && first < 0; want_deadline--)
		for (size_t p = 0; p < np && first < 0; p++)
			if (!parts[p].para && parts[p].header >= 0 && (!want_deadline || parts[p].map.cell[RM_DEADLINE] >= 0))
				first = (long)p;
	if (first < 0) {
		no_header(rows, n, parts, np, path, d);
		free(parts);
		return -1;
	}
	size_t last = (size_t)first;
	parts[first].plan = 1;
	for (size_t p = (size_t)first + 1; p < np; p++) {
		if (parts[p].para || parts[p].header < 0 || !same_columns(&parts[p].map, &parts[first].map))
			continue;
		parts[p].plan = 1;
		last = p;
	}
	for (size_t p = 0; p < np; p++) {
		int table = rows[parts[p].from].where.table;
		if (parts[p].plan) {
			t->plan_tables = xrealloc(t->plan_tables, (t->nplan_tables + 1) * sizeof *t->plan_tables);
			t->plan_tables[t->nplan_tables++] = table;
		} else if (!parts[p].para && !rows[parts[p].from].nested && table > 0) {
			t->skipped = xrealloc(t->skipped, (t->nskipped + 1) * sizeof *t->skipped);
			t->skipped[t->nskipped++] = (rm_skipped){ table, (long)(parts[p].to - parts[p].from),
								   lacks(rows, &parts[p]) };
		}
	}
	/* Above the plan: the preamble. */
	for (size_t p = 0; p < (size_t)first; p++)
		for (size_t i = parts[p].from; i < parts[p].to && !rows[i].nested; i++)
			row_lines(t, &rows[i]);
	const struct part *fp = &parts[first];
	for (size_t i = fp->from; i < (size_t)fp->header; i++)
		row_lines(t, &rows[i]);
	note_header(t, &rows[fp->header], &fp->map);
	/* The plan's rows, and the text between its tables. */
	struct reader r = { .t = t };
	for (int c = 0; c < RM_NCOLS; c++)
		r.has[c] = fp->map.cell[c] >= 0;
	r.v = xcalloc(n + 1, sizeof *r.v);
	for (size_t p = (size_t)first; p <= last; p++) {
		const struct part *q = &parts[p];
		if (!q->para && !q->plan)
			continue;
		size_t from = p == (size_t)first ? (size_t)q->header + 1 : q->from;
		for (size_t i = from; i < q->to; i++)
			view_of(&rows[i], q->para ? NULL : &q->map, q->para ? NULL : &rows[q->header], &r.v[r.n++]);
	}
	count_merges(&r);
	read_rows(&r);
	free(r.v);
	free(r.merge_ids);
	free(r.merge_count);
	free(parts);
	if (t->nacts == 0) {
		diag_report(d, DIAG_ERROR, path, 0, _("the table has no activities"));
		return -1;
	}
	return 0;
}
