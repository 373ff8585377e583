/* The ФИС ОКО results collection form, task by task: every sheet of an
 * .xlsx workbook, or a CSV file saved from one. Each pupil's task scores
 * are kept, and the result the rest of orientir reads is made from them
 * (the total, the journal mark), so every indicator works from the form
 * alone. All or nothing, as every import. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "csvin.h"
#include "day.h"
#include "db.h"
#include "import-kind.h"
#include "import.h"
#include "pupilcache.h"
#include "store.h"
#include "strmap.h"
#include "taskform.h"
#include "xlsx.h"

/* How far down a sheet its header may be: a title block is a few rows. */
#define HEADER_WITHIN 50
/* Columns a row of a form may have: far more than any form. */
#define MAX_COLS 1000

/* An assessment the file gives results of, with its tasks. */
struct assess {
	assessment a;
	task_def *tasks;
	size_t ntasks;
	int redefined;		/* its tasks are this file's */
	int *map;		/* the sheet's task columns: index into the layout's tasks, per task */
	long map_sheet;		/* the sheet map was made for */
	bitset seen;		/* pupils written */
	long written;
	char **classes;		/* classes its rows were in, in their order */
	size_t nclasses;
	strmap *class_set;	/* the same, to look up */
	long pupils, absent;
};

/* Rows of one sheet of a workbook, or of the CSV file. */
struct source {
	csvin *in;
	xlsx_sheet sheet;
	int is_sheet;
	size_t next;
	int merges;		/* fill merged ranges (the rows above the pupils) */
	tf_cell *cells;
	size_t cap;
	tf_row row;
};

struct imp {
	sqlite3 *db;
	const char *path;
	const tasks_opts *opts;
	diag *d;
	import_counts *counts;
	tasks_summary *sum;
	refmap *proc, *subj;
	long opt_proc, opt_subj;
	pupil_cache *pupils;
	struct assess *as;
	size_t nas;
	struct assess *last;
	long sheet_no;
	const char *sheet;	/* the sheet's name, NULL for a CSV file */
	tf_layout l;
	tf_facts facts;
	/* the maxima a row of the sheet gave, by the layout's tasks */
	double *row_max;
	int have_row_max;
	/* the columns that say who or what a row is, not whether present */
	unsigned char *who;
	size_t nwho;
	/* the last procedure and subject a row named, resolved */
	char *last_proc_text, *last_subj_text;
	long last_proc, last_subj;
	long forms;
	int failed;		/* the database failed: stop */
};

/* --- problems, told where they are --- */

static char *col_head(const struct imp *m, int col)
{
	char *letters = xlsx_col_name(col);
	const char *head = NULL;
	for (size_t i = 0; i < m->l.ntasks && !head; i++)
		if (m->l.tasks[i].col == col)
			head = m->l.tasks[i].head;
	for (int i = 0; i < TF_NCOLS && !head; i++)
		if (m->l.col[i] == col)
			head = m->l.head[i];
	char *q = head ? xquote(head) : NULL;
	char *s = q ? (m->sheet ? xasprintf(_("sheet «%s», column %s %s"), m->sheet, letters, q)
				: xasprintf(_("column %s %s"), letters, q))
		    : (m->sheet ? xasprintf(_("sheet «%s», column %s"), m->sheet, letters)
				: xasprintf(_("column %s"), letters));
	free(letters);
	free(q);
	return s;
}

/* A problem in a cell (col >= 0) or a row (col -1) at line; a line of 0
 * is the whole sheet. */
static void tell(struct imp *m, enum diag_level level, long line, int col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static void tell(struct imp *m, enum diag_level level, long line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (col >= 0) {
		char *where = col_head(m, col);
		diag_report(m->d, level, m->path, line, "%s: %s", where, msg);
		free(where);
	} else if (m->sheet) {
		diag_report(m->d, level, m->path, line, _("sheet «%s»: %s"), m->sheet, msg);
	} else {
		diag_report(m->d, level, m->path, line, "%s", msg);
	}
	free(msg);
}

static int db_failed(struct imp *m, char *err)
{
	diag_report(m->d, DIAG_ERROR, NULL, 0, "%s", err);
	free(err);
	m->failed = 1;
	return -1;
}

/* --- rows --- */

static const char *xlsx_text_at(const xlsx_sheet *s, long r, int c)
{
	size_t lo = 0, hi = s->nrows;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (s->rows[mid].r < r)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == s->nrows || s->rows[lo].r != r)
		return "";
	for (size_t k = 0; k < s->rows[lo].ncells; k++)
		if (s->rows[lo].cells[k].col == c)
			return s->rows[lo].cells[k].text;
	return "";
}

static void row_room(struct source *src, size_t n)
{
	if (n > src->cap) {
		src->cells = xrealloc(src->cells, n * sizeof *src->cells);
		src->cap = n;
	}
	for (size_t i = 0; i < n; i++)
		src->cells[i] = (tf_cell){ "", TF_TEXT, NULL, 0 };
	src->row.cells = src->cells;
	src->row.n = n;
}

/* The next row: 1, 0 at the end, -1 with *err. */
static int source_next(struct source *src, tf_row **row, char **err)
{
	if (!src->is_sheet) {
		csvin_row *r;
		int got = csvin_next(src->in, &r, err);
		if (got != 1)
			return got;
		row_room(src, r->ncells);
		for (size_t i = 0; i < r->ncells; i++)
			src->cells[i].text = r->cells[i] ? r->cells[i] : "";
		src->row.line = r->line;
		*row = &src->row;
		return 1;
	}
	if (src->next >= src->sheet.nrows)
		return 0;
	const xlsx_row *x = &src->sheet.rows[src->next++];
	size_t n = x->ncells ? (size_t)x->cells[x->ncells - 1].col + 1 : 0;
	for (size_t k = 0; src->merges && k < src->sheet.nmerges; k++) {
		const xlsx_merge *mg = &src->sheet.merges[k];
		if (mg->r1 <= x->r && x->r <= mg->r2 && (size_t)mg->c2 + 1 > n)
			n = (size_t)mg->c2 + 1;
	}
	if (n > MAX_COLS)
		n = MAX_COLS;
	row_room(src, n);
	for (size_t k = 0; k < x->ncells && (size_t)x->cells[k].col < n; k++) {
		const xlsx_cell *c = &x->cells[k];
		static const enum tf_kind kinds[] = { [XLSX_TEXT] = TF_TEXT, [XLSX_NUMBER] = TF_NUMBER,
						      [XLSX_DATE] = TF_DATE, [XLSX_BOOL] = TF_BOOL, [XLSX_ERROR] = TF_ERROR };
		src->cells[c->col] = (tf_cell){ c->text, kinds[c->kind], c->formula, 0 };
	}
	/* A merged range's text stands in every place it covers: a header
	 * cell merged down over two rows heads both. */
	for (size_t k = 0; src->merges && k < src->sheet.nmerges; k++) {
		const xlsx_merge *mg = &src->sheet.merges[k];
		if (mg->r1 > x->r || x->r > mg->r2)
			continue;
		const char *text = xlsx_text_at(&src->sheet, mg->r1, mg->c1);
		for (int c = mg->c1; c <= mg->c2 && (size_t)c < n; c++)
			if (!(x->r == mg->r1 && c == mg->c1) && !*src->cells[c].text)
				src->cells[c] = (tf_cell){ text, TF_TEXT, NULL, 1 };
	}
	src->row.line = x->r;
	*row = &src->row;
	return 1;
}

/* A row kept whole while the header is looked for. */
static tf_row row_copy(const tf_row *r)
{
	tf_row c = { r->line, r->n, xcalloc(r->n + 1, sizeof *c.cells) };
	for (size_t i = 0; i < r->n; i++)
		c.cells[i] = (tf_cell){ xstrdup(r->cells[i].text), r->cells[i].kind,
					r->cells[i].formula ? xstrdup(r->cells[i].formula) : NULL, r->cells[i].merged };
	return c;
}

static void row_free(tf_row *r)
{
	for (size_t i = 0; i < r->n; i++)
		free((char *)r->cells[i].text), free((char *)r->cells[i].formula);
	free(r->cells);
	*r = (tf_row){ 0 };
}

static const tf_cell *cell_at(const tf_row *r, int col)
{
	static const tf_cell none = { "", TF_TEXT, NULL, 0 };
	return col >= 0 && (size_t)col < r->n ? &r->cells[col] : &none;
}

/* --- what a cell holds --- */

/* A number where a score (or a maximum) should be: 0 with *v, else -1
 * told (formula, date, text); what is N_(), translated only then. */
static int number_cell(struct imp *m, const tf_row *r, int col, const char *what, double *v)
{
	const tf_cell *c = cell_at(r, col);
	if ((c->kind == TF_TEXT || c->kind == TF_NUMBER) && !c->formula && cell_number(c->text, v) == 0)
		return 0;
	what = _(what);
	if (c->formula) {
		tell(m, DIAG_ERROR, r->line, col, _("the cell holds a formula (=%s), not %s: copy the column and paste"
						    " it back as values"), c->formula, what);
		return -1;
	}
	if (c->kind == TF_DATE) {
		char *day = NULL;
		long ymd;
		if (cell_day(c->text, &ymd) == 0)
			day = day_text(ymd);
		tell(m, DIAG_ERROR, r->line, col, _("the cell holds the date %s, not %s: Excel turns «1.2» into a date;"
						    " format the column as text or a number and type it again"),
		     day ? day : c->text, what);
		free(day);
		return -1;
	}
	if (c->kind == TF_BOOL || c->kind == TF_ERROR || cell_number(c->text, v) != 0) {
		tell(m, DIAG_ERROR, r->line, col, _("«%s» is not %s"), c->text, what);
		return -1;
	}
	return 0;
}

/* --- the sheet's facts: procedure, subject, grade, year --- */

static void facts_from_options(struct imp *m, tf_facts *f)
{
	if (!f->procedure_id)
		f->procedure_id = m->opt_proc;
	if (!f->subject_id)
		f->subject_id = m->opt_subj;
	if (!f->grade)
		f->grade = m->opts->grade;
	if (!f->year)
		f->year = m->opts->year;
}

/* The title's facts against the options: a form that says one subject
 * given as another is refused. 0, or -1 told. */
static int facts_agree(struct imp *m, const tf_facts *title, long line)
{
	int bad = 0;
	if (title->procedure_id && m->opt_proc && title->procedure_id != m->opt_proc) {
		tell(m, DIAG_ERROR, line, -1, _("the form is of %s, --procedure says %s"),
		     refmap_name(m->proc, title->procedure_id), refmap_name(m->proc, m->opt_proc));
		bad = 1;
	}
	if (title->subject_id && m->opt_subj && title->subject_id != m->opt_subj) {
		tell(m, DIAG_ERROR, line, -1, _("the form is of %s, --subject says %s: a form of another subject?"),
		     refmap_name(m->subj, title->subject_id), refmap_name(m->subj, m->opt_subj));
		bad = 1;
	}
	if (title->grade && m->opts->grade && title->grade != m->opts->grade) {
		tell(m, DIAG_ERROR, line, -1, _("the form is of grade %d, --grade says %d: a form of another grade?"),
		     title->grade, m->opts->grade);
		bad = 1;
	}
	if (title->year && m->opts->year && title->year != m->opts->year) {
		tell(m, DIAG_ERROR, line, -1, _("the form is of %d, --year says %d"), title->year, m->opts->year);
		bad = 1;
	}
	return bad ? -1 : 0;
}

/* What the sheet does not say, and no column or option does either: -1
 * told, naming it. */
static int facts_complete(struct imp *m, long line)
{
	const tf_facts *f = &m->facts;
	const int *col = m->l.col;
	int bad = 0;
	if (!f->procedure_id && col[TF_PROC] < 0) {
		tell(m, DIAG_ERROR, line, -1, _("the form does not say its procedure (ВПР, …): give it with --procedure"));
		bad = 1;
	}
	if (!f->subject_id && col[TF_SUBJ] < 0) {
		tell(m, DIAG_ERROR, line, -1, _("the form does not say its subject: give it with --subject"));
		bad = 1;
	}
	if (!f->year && col[TF_YEAR] < 0) {
		tell(m, DIAG_ERROR, line, -1, _("the form does not say its year: give it with --year"));
		bad = 1;
	}
	if (!f->grade && !f->class_label && col[TF_GRADE] < 0 && col[TF_CLASS] < 0) {
		tell(m, DIAG_ERROR, line, -1, _("the form does not say its grade or class: give it with --grade"));
		bad = 1;
	}
	return bad ? -1 : 0;
}

/* A procedure or subject a row names (cached: a file names the same few). */
static long row_ref(struct imp *m, const tf_row *r, int col, refmap *map, char **last, long *last_id)
{
	const char *text = cell_at(r, col)->text;
	if (*last && strcmp(*last, text) == 0)
		return *last_id;
	long id = refmap_find(map, text);
	if (!id) {
		if (cell_empty(text))
			tell(m, DIAG_ERROR, r->line, col, _("the cell is empty"));
		else if (map == m->proc)
			tell(m, DIAG_ERROR, r->line, col, _("unknown procedure «%s»; import its scale first"), text);
		else
			tell(m, DIAG_ERROR, r->line, col, _("unknown subject «%s»; import its scale first"), text);
		return 0;
	}
	free(*last);
	*last = xstrdup(text);
	*last_id = id;
	return id;
}

/* --- assessments and their tasks --- */

static struct assess *assess_find(struct imp *m, long proc, long subj, int grade, int year)
{
	const struct assess *l = m->last;
	if (l && l->a.procedure_id == proc && l->a.subject_id == subj && l->a.grade == grade && l->a.year == year)
		return m->last;
	for (size_t i = 0; i < m->nas; i++) {
		const assessment *a = &m->as[i].a;
		if (a->procedure_id == proc && a->subject_id == subj && a->grade == grade && a->year == year)
			return m->last = &m->as[i];
	}
	return NULL;
}

/* The numbers of tasks, «1, 2, 3.1», for messages (fresh). */
static char *numbers_text(const task_def *v, size_t n)
{
	char *s = xstrdup("");
	for (size_t i = 0; i < n; i++) {
		char *t = xasprintf("%s%s%s", s, i ? ", " : "", v[i].number);
		free(s);
		s = t;
	}
	return s;
}

/* The maximum of the layout's task k: the header's, else the row of maxima's. */
static int form_max(const struct imp *m, size_t k, double *max)
{
	if (m->l.tasks[k].has_max) {
		*max = m->l.tasks[k].max;
		return 1;
	}
	if (m->have_row_max && m->row_max[k] > 0) {
		*max = m->row_max[k];
		return 1;
	}
	return 0;
}

/* The layout's tasks as the assessment's new task list, skills kept from
 * the old one by number: 0, or -1 told (a maximum missing). */
static int define_tasks(struct imp *m, struct assess *s, long line)
{
	task_def *v = xcalloc(m->l.ntasks, sizeof *v);
	char *missing = NULL;
	double sum = 0;
	for (size_t k = 0; k < m->l.ntasks; k++) {
		v[k].number = xstrdup(m->l.tasks[k].number);
		if (!form_max(m, k, &v[k].max_score)) {
			char *t = missing ? xasprintf("%s, %s", missing, v[k].number) : xstrdup(v[k].number);
			free(missing);
			missing = t;
		}
		sum += v[k].max_score;
		for (size_t j = 0; j < s->ntasks; j++)
			if (strcmp(s->tasks[j].number, v[k].number) == 0) {
				v[k].skill = xstrdup(s->tasks[j].skill), v[k].block = xstrdup(s->tasks[j].block);
				v[k].level = xstrdup(s->tasks[j].level);
				v[k].has_reference = s->tasks[j].has_reference;
				v[k].reference_percent = s->tasks[j].reference_percent;
				v[k].has_district = s->tasks[j].has_district;
				v[k].district_percent = s->tasks[j].district_percent;
			}
	}
	if (missing) {
		tell(m, DIAG_ERROR, line, -1, _("the maximum score of task %s is not given: write it in the header"
						" (like «3 (2 б.)»), in a row «Максимальный балл» under it, or import the"
						" task map first"), missing);
		free(missing);
		task_list_free(v, m->l.ntasks);
		return -1;
	}
	if (sum > s->a.sc.max_score)
		tell(m, DIAG_WARNING, line, -1, _("the tasks' maxima add up to %g, more than the scale's maximum %g"), sum,
		     s->a.sc.max_score);
	char *err = NULL;
	if (db_task_set(m->db, s->a.id, v, m->l.ntasks, &err) != 0) {
		task_list_free(v, m->l.ntasks);
		return db_failed(m, err);
	}
	task_list_free(s->tasks, s->ntasks);
	s->tasks = v;
	s->ntasks = m->l.ntasks;
	s->redefined = 1;
	return 0;
}

/* Whether the map (skills) was imported for the assessment's tasks. */
static int from_map(const struct assess *s)
{
	for (size_t i = 0; i < s->ntasks; i++)
		if (*s->tasks[i].skill || *s->tasks[i].block || s->tasks[i].has_reference)
			return 1;
	return 0;
}

/* Matches the sheet's task columns to the assessment's tasks (made from
 * this form when it has none yet): 0, or -1 told. */
static int map_tasks(struct imp *m, struct assess *s, long line)
{
	if (s->map_sheet == m->sheet_no)
		return 0;
	int same = s->ntasks == m->l.ntasks;
	for (size_t k = 0; k < m->l.ntasks && same; k++) {
		size_t j;
		for (j = 0; j < s->ntasks && strcmp(s->tasks[j].number, m->l.tasks[k].number) != 0; j++)
			;
		same = j < s->ntasks;
	}
	if (!same && (!s->ntasks || (!s->redefined && !from_map(s)))) {
		if (define_tasks(m, s, line) != 0)
			return -1;
	} else if (!same) {
		char *theirs = numbers_text(s->tasks, s->ntasks);
		task_def *mine = xcalloc(m->l.ntasks, sizeof *mine);
		for (size_t k = 0; k < m->l.ntasks; k++)
			mine[k].number = m->l.tasks[k].number;
		char *ours = numbers_text(mine, m->l.ntasks);
		free(mine);
		tell(m, DIAG_ERROR, line, -1,
		     s->redefined ? _("the form's tasks (%s) are not those of the other forms of %s, %s, grade %d in this"
				      " file (%s)")
				  : _("the form's tasks (%s) are not those of the task map of %s, %s, grade %d (%s): a form"
				      " of another subject or grade? If the map is wrong, import the right one first"),
		     ours, refmap_name(m->proc, s->a.procedure_id), refmap_name(m->subj, s->a.subject_id), s->a.grade,
		     theirs);
		free(theirs), free(ours);
		return -1;
	}
	free(s->map);
	s->map = xcalloc(s->ntasks, sizeof *s->map);
	int bad = 0;
	for (size_t j = 0; j < s->ntasks; j++)
		for (size_t k = 0; k < m->l.ntasks; k++)
			if (strcmp(s->tasks[j].number, m->l.tasks[k].number) == 0) {
				double max;
				s->map[j] = (int)k;
				if (form_max(m, k, &max) && max != s->tasks[j].max_score) {
					tell(m, DIAG_ERROR, line, m->l.tasks[k].col, _("the form gives task %s the maximum %g,"
										       " the task map %g"),
					     s->tasks[j].number, max, s->tasks[j].max_score);
					bad = 1;
				}
			}
	s->map_sheet = bad ? -1 : m->sheet_no;
	return bad ? -1 : 0;
}

/* The assessment of proc × subj × grade × year, its tasks read: NULL when
 * it has no scale (told) or the database failed. */
static struct assess *assess_get(struct imp *m, long proc, long subj, int grade, int year, long line)
{
	struct assess *s = assess_find(m, proc, subj, grade, year);
	if (s)
		return s;
	assessment a;
	char *err = NULL;
	int found = db_assessment_find(m->db, proc, subj, grade, year, &a, &err);
	if (found < 0) {
		db_failed(m, err);
		return NULL;
	}
	if (!found) {
		tell(m, DIAG_ERROR, line, -1, _("no scale for %s, %s, grade %d, %d; import the scales first"),
		     refmap_name(m->proc, proc), refmap_name(m->subj, subj), grade, year);
		return NULL;
	}
	m->as = xrealloc(m->as, (m->nas + 1) * sizeof *m->as);
	s = &m->as[m->nas++];
	*s = (struct assess){ .a = a, .map_sheet = -1 };
	m->last = s;
	if (db_task_list(m->db, a.id, &s->tasks, &s->ntasks, &err) != 0) {
		db_failed(m, err);
		return NULL;
	}
	return s;
}

static void add_class(struct assess *s, const char *label)
{
	if (!s->class_set)
		s->class_set = strmap_new();
	else if (strmap_get(s->class_set, label, &(long long){ 0 }))
		return;
	strmap_put(s->class_set, label, 1);
	s->classes = xrealloc(s->classes, (s->nclasses + 1) * sizeof *s->classes);
	s->classes[s->nclasses++] = xstrdup(label);
}

/* --- a pupil's row --- */

/* The assessment a pupil's row belongs to: its own columns, else the
 * sheet's facts. NULL when it cannot be told (told). */
static struct assess *row_assess(struct imp *m, const tf_row *r, int class_grade)
{
	const int *col = m->l.col;
	long proc = m->facts.procedure_id, subj = m->facts.subject_id;
	long grade = m->facts.grade, year = m->facts.year;
	int bad = 0;
	if (col[TF_PROC] >= 0 && !cell_empty(cell_at(r, col[TF_PROC])->text)) {
		proc = row_ref(m, r, col[TF_PROC], m->proc, &m->last_proc_text, &m->last_proc);
		bad |= !proc;
		if (proc && m->opt_proc && proc != m->opt_proc) {
			tell(m, DIAG_ERROR, r->line, col[TF_PROC], _("the row is of %s, --procedure says %s"),
			     refmap_name(m->proc, proc), refmap_name(m->proc, m->opt_proc));
			bad = 1;
		}
	}
	if (col[TF_SUBJ] >= 0 && !cell_empty(cell_at(r, col[TF_SUBJ])->text)) {
		subj = row_ref(m, r, col[TF_SUBJ], m->subj, &m->last_subj_text, &m->last_subj);
		bad |= !subj;
		if (subj && m->opt_subj && subj != m->opt_subj) {
			tell(m, DIAG_ERROR, r->line, col[TF_SUBJ], _("the row is of %s, --subject says %s"),
			     refmap_name(m->subj, subj), refmap_name(m->subj, m->opt_subj));
			bad = 1;
		}
	}
	if (col[TF_GRADE] >= 0 && !cell_empty(cell_at(r, col[TF_GRADE])->text) &&
	    (cell_int(cell_at(r, col[TF_GRADE])->text, &grade) != 0 || grade < 1 || grade > 11)) {
		tell(m, DIAG_ERROR, r->line, col[TF_GRADE], _("«%s» is not a grade from 1 to 11"), cell_at(r, col[TF_GRADE])->text);
		bad = 1;
	}
	if (col[TF_YEAR] >= 0 && !cell_empty(cell_at(r, col[TF_YEAR])->text) &&
	    (cell_int(cell_at(r, col[TF_YEAR])->text, &year) != 0 || year < 2000 || year > 2100)) {
		tell(m, DIAG_ERROR, r->line, col[TF_YEAR], _("«%s» is not a year"), cell_at(r, col[TF_YEAR])->text);
		bad = 1;
	}
	if (!grade)
		grade = class_grade;
	if (bad)
		return NULL;
	if (!proc || !subj || !year || !grade) {
		tell(m, DIAG_ERROR, r->line, -1, !proc ? _("the row does not say its procedure")
						: !subj ? _("the row does not say its subject")
						: !year ? _("the row does not say its year") : _("the row does not say its grade"));
		return NULL;
	}
	if (class_grade && grade != class_grade) {
		tell(m, DIAG_ERROR, r->line, -1, _("the pupil's class is in grade %d, the form is of grade %ld: a form of"
						   " another grade?"), class_grade, grade);
		return NULL;
	}
	return assess_get(m, proc, subj, (int)grade, (int)year, r->line);
}

/* A mark cell (1..5): 0 with *has, or -1 told. */
static int mark_cell(struct imp *m, const tf_row *r, int col, int *has, int *mark)
{
	*has = 0;
	if (col < 0 || cell_empty(cell_at(r, col)->text) || tf_absent_word(cell_at(r, col)->text))
		return 0;
	double v;
	if (number_cell(m, r, col, N_("a mark"), &v) != 0)
		return -1;
	if (v != (int)v || v < 1 || v > 5) {
		tell(m, DIAG_ERROR, r->line, col, _("«%s» is not a mark from 1 to 5"), cell_at(r, col)->text);
		return -1;
	}
	*has = 1;
	*mark = (int)v;
	return 0;
}

/* The pupil a row names: by code, else by name in the class. 1 found, 0
 * not (told), -1 the database failed. */
static int row_pupil(struct imp *m, const tf_row *r, long class_id, long *id, long *pupil_class)
{
	const int *col = m->l.col;
	char *err = NULL, *code = cell_trim(cell_at(r, col[TF_CODE])->text);
	int found;
	if (*code) {
		found = pupil_cache_code(m->pupils, code, id, pupil_class, &err);
		if (found == 0)
			tell(m, DIAG_ERROR, r->line, col[TF_CODE], _("no pupil with code «%s» in the roster; import the"
								    " roster first"), code);
		free(code);
		return found < 0 ? db_failed(m, err) : found;
	}
	free(code);
	char *key;
	if (col[TF_FULL] >= 0 && !cell_empty(cell_at(r, col[TF_FULL])->text))
		key = student_name_key(cell_at(r, col[TF_FULL])->text, "", "");
	else
		key = student_name_key(cell_at(r, col[TF_LAST])->text, cell_at(r, col[TF_FIRST])->text,
				       cell_at(r, col[TF_MIDDLE])->text);
	student st = { 0 };
	if (!*key) {
		tell(m, DIAG_ERROR, r->line, -1, _("the pupil has neither a code nor a name"));
		found = 0;
	} else if (!class_id) {
		tell(m, DIAG_ERROR, r->line, -1, _("a pupil without a code needs the class to be found by name"));
		found = 0;
	} else {
		found = db_student_by_name(m->db, key, class_id, &st, &err);
		if (found == 0)
			tell(m, DIAG_ERROR, r->line, -1, _("no pupil «%s» in this class of the roster"), key);
		else if (found == 2)
			tell(m, DIAG_ERROR, r->line, -1, _("two pupils of this class have this name; give the pupil's code"
							   " («Код»)"));
		found = found == 1;
		*id = st.id;
		*pupil_class = st.class_id;
	}
	student_clear(&st);
	free(key);
	return found < 0 ? db_failed(m, err) : found;
}

/* The row's task scores into v (the layout's order): 0 scored, 1 no task
 * filled, 2 absent (a cell says so), -1 told. */
static int row_scores(struct imp *m, const tf_row *r, double *v)
{
	int filled = 0, empty = -1, bad = 0, absent = 0;
	for (size_t k = 0; k < m->l.ntasks; k++) {
		int col = m->l.tasks[k].col;
		const tf_cell *c = cell_at(r, col);
		v[k] = 0;
		if (!c->formula && cell_empty(c->text)) {
			if (empty < 0)
				empty = (int)k;
			continue;
		}
		if (c->kind == TF_TEXT && tf_absent_word(c->text)) {
			absent = 1;
			continue;
		}
		filled++;
		if (c->kind == TF_TEXT && tf_not_attempted(c->text))
			continue;
		if (number_cell(m, r, col, N_("a score"), &v[k]) != 0) {
			bad = 1;
			continue;
		}
		double max = 0;
		form_max(m, k, &max);
		if (v[k] < 0 || (max > 0 && v[k] > max)) {
			tell(m, DIAG_ERROR, r->line, col, _("score %s is outside 0..%g, the task's maximum"), c->text, max);
			bad = 1;
		}
	}
	if (bad)
		return -1;
	if (absent && filled) {
		tell(m, DIAG_ERROR, r->line, -1, _("the pupil is marked absent but has scores"));
		return -1;
	}
	if (absent)
		return 2;
	if (!filled)
		return 1;
	if (empty >= 0) {
		tell(m, DIAG_ERROR, r->line, m->l.tasks[empty].col, _("no score: write 0, or х when the pupil did not"
								     " attempt the task"));
		return -1;
	}
	return 0;
}

/* A pupil's row: checked, then its result and task scores stored. 0, 1
 * bad (told), -1 the database failed. */
static int pupil_row(struct imp *m, const tf_row *r)
{
	const int *col = m->l.col;
	char *err = NULL;
	double *v = xcalloc(m->l.ntasks + 1, sizeof *v);
	int rc = 1;
	/* «отсутствовал» in the variant column, or in any other but those that
	 * say who the pupil is (the tasks' own are read with the scores) */
	int absent = 0;
	for (size_t i = 0; i < r->n && !absent; i++)
		absent = (i >= m->nwho || !m->who[i]) && r->cells[i].kind == TF_TEXT && tf_absent_word(r->cells[i].text);
	int got = row_scores(m, r, v);
	if (got < 0)
		goto out;
	if (got == 0 && absent) {
		tell(m, DIAG_ERROR, r->line, -1, _("the pupil is marked absent but has scores"));
		goto out;
	}
	absent = got != 0;
	result res = { .absent = absent };
	int bad = mark_cell(m, r, col[TF_JOURNAL], &res.has_journal, &res.journal_mark) != 0;
	bad |= mark_cell(m, r, col[TF_MARK], &res.has_mark, &res.mark) != 0;
	/* the class: its column, else the sheet's, else the pupil's own */
	long class_id = 0;
	int class_grade = 0;
	const char *label = NULL;
	const char *class_text = col[TF_CLASS] >= 0 ? cell_at(r, col[TF_CLASS])->text : "";
	if (cell_empty(class_text) && m->facts.class_label)
		class_text = m->facts.class_label;
	if (!cell_empty(class_text)) {
		int known = pupil_cache_class(m->pupils, class_text, &class_id, &class_grade, &label, &err);
		if (known < 0) {
			rc = db_failed(m, err);
			goto out;
		}
		if (!known) {
			tell(m, DIAG_ERROR, r->line, col[TF_CLASS], _("«%s» is not a class (write it like 5А, 5 а or 11-Б)"),
			     class_text);
			bad = 1;
		}
	}
	long id = 0, pupil_class = 0;
	int found = row_pupil(m, r, class_id, &id, &pupil_class);
	if (found < 0) {
		rc = -1;
		goto out;
	}
	if (bad || !found)
		goto out;
	if (!label && pupil_class) {
		int known = pupil_cache_class_id(m->pupils, pupil_class, &class_grade, &label, &err);
		if (known < 0) {
			rc = db_failed(m, err);
			goto out;
		}
	}
	if (!label) {
		tell(m, DIAG_ERROR, r->line, -1, _("the pupil has left the school; give the class the form was written in"));
		goto out;
	}
	struct assess *s = row_assess(m, r, class_grade);
	if (!s || map_tasks(m, s, r->line) != 0) {
		rc = m->failed ? -1 : 1;
		goto out;
	}
	if (bitset_mark(&s->seen, (size_t)id)) {
		tell(m, DIAG_ERROR, r->line, -1, _("this pupil's row for this assessment appears more than once"));
		goto out;
	}
	/* the scores in the assessment's order */
	double *ordered = xcalloc(s->ntasks + 1, sizeof *ordered);
	double sum = 0;
	for (size_t j = 0; j < s->ntasks; j++) {
		ordered[j] = v[s->map[j]];
		sum += ordered[j];
		if (!absent && ordered[j] > s->tasks[j].max_score) {
			tell(m, DIAG_ERROR, r->line, m->l.tasks[s->map[j]].col, _("score %g is above the task's maximum %g"),
			     ordered[j], s->tasks[j].max_score);
			bad = 1;
		}
	}
	if (!absent && sum > s->a.sc.max_score) {
		tell(m, DIAG_ERROR, r->line, -1, _("the scores add up to %g, more than the scale's maximum %g"), sum,
		     s->a.sc.max_score);
		bad = 1;
	}
	double total;
	if (!bad && !absent && col[TF_TOTAL] >= 0 && !cell_at(r, col[TF_TOTAL])->formula &&
	    cell_number(cell_at(r, col[TF_TOTAL])->text, &total) == 0 && total != sum)
		tell(m, DIAG_WARNING, r->line, col[TF_TOTAL], _("the total %g is not the sum of the task scores, %g: the"
								  " sum is taken"), total, sum);
	if (bad) {
		free(ordered);
		goto out;
	}
	res.assessment_id = s->a.id;
	res.student_id = id;
	res.class_label = (char *)label;
	res.has_score = !absent;
	res.score = sum;
	unsigned keep = RESULT_KEEP_DATE | (col[TF_JOURNAL] < 0 ? RESULT_KEEP_JOURNAL : 0) |
			(col[TF_MARK] < 0 ? RESULT_KEEP_MARK : 0);
	char *text = absent ? xstrdup("") : task_scores_text(ordered, s->ntasks), *old = NULL;
	free(ordered);
	/* a result just added has no task scores yet: nothing to read back */
	int put = db_result_put(m->db, &res, keep, &err);
	int had = put < 0 ? -1 : put == 1 ? 0 : db_task_score_get(m->db, s->a.id, id, &old, &err);
	int changed = had == 0 || (had == 1 && strcmp(old, text) != 0);
	/* put == 2: the result changed, its class perhaps with it */
	if (had >= 0 && (changed || put == 2) && db_task_score_put(m->db, s->a.id, id, label, text, &err) != 0)
		had = -1;
	free(text), free(old);
	if (put < 0 || had < 0) {
		rc = db_failed(m, err);
		goto out;
	}
	if (put == 1)
		m->counts->added++;
	else if (put == 2 || changed)
		m->counts->updated++;
	else
		m->counts->unchanged++;
	add_class(s, label);
	s->written++;
	s->pupils++;
	s->absent += absent;
	rc = 0;
out:
	free(v);
	return rc;
}

/* --- a sheet --- */

/* The row of maxima: their values by the layout's tasks. 0, or 1 told. */
static int max_row(struct imp *m, const tf_row *r)
{
	int bad = 0;
	free(m->row_max);
	m->row_max = xcalloc(m->l.ntasks + 1, sizeof *m->row_max);
	for (size_t k = 0; k < m->l.ntasks; k++) {
		int col = m->l.tasks[k].col;
		if (cell_empty(cell_at(r, col)->text))
			continue;
		if (number_cell(m, r, col, N_("a maximum score"), &m->row_max[k]) != 0 || m->row_max[k] <= 0) {
			if (m->row_max[k] <= 0)
				tell(m, DIAG_ERROR, r->line, col, _("«%s» is not a maximum score"), cell_at(r, col)->text);
			bad = 1;
		}
	}
	m->have_row_max = 1;
	return bad;
}

/* Reads one sheet (or the CSV file): finds its header within its first
 * rows, what its title names, then its pupils. 0 a form read (maybe with
 * bad rows, counted in d), 1 no form on it, -1 the database failed. */
static int read_sheet(struct imp *m, struct source *src)
{
	tf_row *r, kept[HEADER_WITHIN + 1], candidate = { 0 };
	size_t nkept = 0;
	int got = 0, header = 0, rc = 0, broken = 0;
	char *err = NULL, *why = NULL;
	m->l = (tf_layout){ 0 };
	free(m->row_max);
	m->row_max = NULL;
	m->have_row_max = 0;
	src->merges = 1;
	while (!header && nkept < HEADER_WITHIN && (got = source_next(src, &r, &err)) == 1) {
		/* a header of two rows: the row kept back heads the columns, this
		 * one numbers the tasks */
		if (candidate.cells && tf_header(&candidate, r, &m->l, &why) == 1) {
			kept[nkept++] = candidate, candidate = (tf_row){ 0 };
			header = 1;
		} else if (tf_header(r, NULL, &m->l, &why) == 1) {
			if (candidate.cells)
				kept[nkept++] = candidate, candidate = (tf_row){ 0 };
			header = 1;
		} else {
			if (candidate.cells)
				kept[nkept++] = candidate;
			candidate = row_copy(r);
		}
	}
	if (!header && candidate.cells && nkept < HEADER_WITHIN)
		kept[nkept++] = candidate, candidate = (tf_row){ 0 };
	row_free(&candidate);
	if (why) {
		tell(m, DIAG_ERROR, m->l.header_line, -1, "%s", why);
		free(why);
		broken = 1;
	}
	if (!header) {
		for (size_t i = 0; i < nkept; i++)
			row_free(&kept[i]);
		if (got < 0) {
			tell(m, DIAG_ERROR, 0, -1, "%s", err);
			free(err);
			return 0;
		}
		return 1;
	}
	m->forms++;
	if (m->l.unused)
		tell(m, DIAG_WARNING, m->l.header_line, -1, _("columns not used: %s"), m->l.unused);
	/* The title block: every row above the header, its cells joined. */
	char *title = xstrdup("");
	for (size_t i = 0; i < nkept; i++) {
		const tf_row *k = &kept[i];
		if (k->line >= m->l.header_line)
			continue;
		if (tf_is_max_row(k, &m->l)) {
			max_row(m, k);
			continue;
		}
		for (size_t c = 0; c < k->n; c++)
			if (*k->cells[c].text && !k->cells[c].merged) {
				char *t = xasprintf("%s %s", title, k->cells[c].text);
				free(title);
				title = t;
			}
	}
	for (size_t i = 0; i < nkept; i++)
		row_free(&kept[i]);
	tf_facts_clear(&m->facts);
	tf_title_scan(title, m->proc, m->subj, &m->facts);
	free(title);
	int sheet_grade;
	char *sheet_letter;
	if (m->sheet && !m->facts.class_label && cell_class(m->sheet, &sheet_grade, &sheet_letter) == 0) {
		/* a sheet named for its class, «5А» */
		if (*sheet_letter && (!m->facts.grade || m->facts.grade == sheet_grade))
			m->facts.class_label = xasprintf("%d%s", sheet_grade, sheet_letter);
		if (!m->facts.grade)
			m->facts.grade = sheet_grade;
		free(sheet_letter);
	}
	int bad = broken | (facts_agree(m, &m->facts, m->l.header_line) != 0);
	facts_from_options(m, &m->facts);
	bad |= facts_complete(m, m->l.header_line) != 0;
	src->merges = 0;
	free(m->who);
	m->nwho = 0;
	for (int i = 0; i < TF_NCOLS; i++)
		if (m->l.col[i] >= 0 && (size_t)m->l.col[i] + 1 > m->nwho)
			m->nwho = (size_t)m->l.col[i] + 1;
	for (size_t k = 0; k < m->l.ntasks; k++)
		if ((size_t)m->l.tasks[k].col + 1 > m->nwho)
			m->nwho = (size_t)m->l.tasks[k].col + 1;
	m->who = xcalloc(m->nwho + 1, 1);
	for (int i = 0; i < TF_NCOLS; i++)
		if (m->l.col[i] >= 0 && i != TF_VARIANT)
			m->who[m->l.col[i]] = 1;
	for (size_t k = 0; k < m->l.ntasks; k++)
		m->who[m->l.tasks[k].col] = 1;
	int first = 1;
	while ((got = source_next(src, &r, &err)) == 1) {
		if (first && tf_is_max_row(r, &m->l)) {
			max_row(m, r);
			continue;
		}
		const char *label = tf_summary_label(r, &m->l);
		if (label) {
			tell(m, DIAG_WARNING, r->line, -1, _("«%s»: a summary row, not a pupil: left out"), label);
			continue;
		}
		/* a row of nothing but a number (№ п/п) or a note under the table */
		int any = 0;
		for (size_t i = 0; i < r->n && !any; i++)
			any = *r->cells[i].text && (int)i != m->l.col[TF_ROWNUM];
		if (!any)
			continue;
		first = 0;
		if (bad)
			continue;
		if (pupil_row(m, r) < 0) {
			rc = -1;
			break;
		}
	}
	if (got < 0) {
		tell(m, DIAG_ERROR, 0, -1, "%s", err);
		free(err);
	}
	return rc;
}

/* --- after every sheet --- */

/* A corrected form replaces its class's: pupils an earlier form of that
 * class gave, and this one does not, go (their task scores and result).
 * A form that changed an assessment's tasks must hold every pupil who has
 * scores in it. 0, 1 refused (told), -1 the database failed. */
static int settle(struct imp *m)
{
	char *err = NULL;
	int bad = 0;
	for (size_t i = 0; i < m->nas; i++) {
		struct assess *s = &m->as[i];
		for (size_t c = 0; c < s->nclasses; c++) {
			long *ids;
			size_t n;
			if (db_task_form_pupils(m->db, s->a.id, s->classes[c], &ids, &n, &err) != 0)
				return db_failed(m, err);
			for (size_t k = 0; k < n; k++) {
				size_t byte = (size_t)ids[k] / 8;
				if (byte < s->seen.nbytes && (s->seen.bits[byte] >> (ids[k] % 8) & 1))
					continue;
				if (db_task_score_drop(m->db, s->a.id, ids[k], &err) != 0) {
					free(ids);
					return db_failed(m, err);
				}
				m->sum->removed++;
			}
			free(ids);
		}
		if (s->redefined) {
			long held = db_task_score_count(m->db, s->a.id, &err);
			if (held < 0)
				return db_failed(m, err);
			if (held > s->written) {
				char *list = numbers_text(s->tasks, s->ntasks);
				tell(m, DIAG_ERROR, 0, -1, _("the form's tasks of %s, %s, grade %d (%s) are not those other"
							      " classes' forms gave it; import those again with these tasks,"
							      " or this one with theirs"),
				     refmap_name(m->proc, s->a.procedure_id), refmap_name(m->subj, s->a.subject_id), s->a.grade,
				     list);
				free(list);
				bad = 1;
			}
		}
	}
	return bad;
}

static void summarise(struct imp *m)
{
	for (size_t i = 0; i < m->nas; i++) {
		const struct assess *s = &m->as[i];
		if (!s->pupils)
			continue;
		char *classes = xstrdup("");
		for (size_t c = 0; c < s->nclasses; c++) {
			char *t = xasprintf("%s%s%s", classes, c ? ", " : "", s->classes[c]);
			free(classes);
			classes = t;
		}
		m->sum->v = xrealloc(m->sum->v, (m->sum->n + 1) * sizeof *m->sum->v);
		m->sum->v[m->sum->n++] = (tasks_form){ xstrdup(refmap_name(m->proc, s->a.procedure_id)),
						       xstrdup(refmap_name(m->subj, s->a.subject_id)), s->a.grade,
						       s->a.year, classes, s->pupils, s->absent, (int)s->ntasks };
	}
}

void tasks_summary_free(tasks_summary *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i].procedure), free(s->v[i].subject), free(s->v[i].classes);
	free(s->v);
	*s = (tasks_summary){ 0 };
}

/* The options' procedure and subject: 0, or -1 told. */
static int resolve_options(struct imp *m)
{
	if (m->opts->procedure && !(m->opt_proc = refmap_find(m->proc, m->opts->procedure))) {
		diag_report(m->d, DIAG_ERROR, NULL, 0, _("unknown procedure «%s»; import its scale first"),
			    m->opts->procedure);
		return -1;
	}
	if (m->opts->subject && !(m->opt_subj = refmap_find(m->subj, m->opts->subject))) {
		diag_report(m->d, DIAG_ERROR, NULL, 0, _("unknown subject «%s»; import its scale first"), m->opts->subject);
		return -1;
	}
	return 0;
}

/* Every sheet of the workbook, or the CSV file: 0, -1 the database failed. */
static int read_all(struct imp *m)
{
	char *err = NULL;
	struct source src = { 0 };
	int rc = 0;
	if (xlsx_is_zip(m->path)) {
		xlsx *x = xlsx_open(m->path, &err);
		if (!x) {
			diag_report(m->d, DIAG_ERROR, NULL, 0, "%s", err);
			free(err);
			return 0;
		}
		src.is_sheet = 1;
		for (size_t i = 0; i < xlsx_sheet_count(x) && rc == 0; i++) {
			if (xlsx_sheet_read(x, i, &src.sheet, &err) != 0) {
				diag_report(m->d, DIAG_ERROR, NULL, 0, "%s", err);
				free(err);
				break;
			}
			src.next = 0;
			m->sheet = src.sheet.name;
			m->sheet_no++;
			int got = read_sheet(m, &src);
			if (got < 0)
				rc = -1;
			else if (got == 1 && src.sheet.nrows && !src.sheet.hidden)
				tell(m, DIAG_WARNING, 0, -1, _("no form on this sheet (no header with the pupils' codes and the"
							       " tasks' numbers): left out"));
			tf_layout_free(&m->l);
			m->sheet = NULL;
			xlsx_sheet_free(&src.sheet);
		}
		xlsx_close(x);
	} else {
		src.in = csvin_open(m->path, &err);
		if (!src.in) {
			diag_report(m->d, DIAG_ERROR, NULL, 0, "%s", err);
			free(err);
			return 0;
		}
		m->sheet_no++;
		rc = read_sheet(m, &src) < 0 ? -1 : 0;
		tf_layout_free(&m->l);
		csvin_close(src.in);
	}
	free(src.cells);
	if (rc == 0 && !m->forms && !m->d->errors)
		diag_report(m->d, DIAG_ERROR, m->path, 0, _("no form found: a header row with the pupils' codes («Код»)"
							     " and the tasks' numbers (1, 2, 3.1, …) within its first"
							     " %d rows"), HEADER_WITHIN);
	return rc;
}

int import_tasks(sqlite3 *db, const char *path, const tasks_opts *opts, int dry_run, diag *d, import_counts *counts,
		 tasks_summary *sum)
{
	*counts = (import_counts){ 0 };
	*sum = (tasks_summary){ 0 };
	struct imp m = { .db = db, .path = path, .opts = opts, .d = d, .counts = counts, .sum = sum };
	char *err = NULL;
	int rc = -1;
	if (!(m.proc = db_ref_load(db, REF_PROCEDURE, &err)) || !(m.subj = db_ref_load(db, REF_SUBJECT, &err))) {
		db_failed(&m, err);
		goto out;
	}
	if (resolve_options(&m) != 0) {
		rc = 1;
		goto out;
	}
	if (db_exec(db, "PRAGMA foreign_keys = OFF; PRAGMA cache_size = -12288", &err) != 0 || db_begin(db, &err) != 0) {
		db_failed(&m, err);
		goto out;
	}
	m.pupils = pupil_cache_new(db);
	rc = read_all(&m);
	if (rc == 0 && !d->errors)
		rc = settle(&m) < 0 ? -1 : 0;
	if (rc == 0)
		rc = d->errors ? 1 : 0;
	if (rc == 0)
		summarise(&m);
	if (rc == 0 && !dry_run) {
		if (db_commit(db, &err) != 0)
			rc = db_failed(&m, err);
	} else {
		db_rollback(db);
	}
	sqlite3_exec(db, "PRAGMA foreign_keys = ON; PRAGMA cache_size = -2000", NULL, NULL, NULL);
out:
	for (size_t i = 0; i < m.nas; i++) {
		struct assess *s = &m.as[i];
		task_list_free(s->tasks, s->ntasks);
		free(s->map);
		bitset_free(&s->seen);
		for (size_t c = 0; c < s->nclasses; c++)
			free(s->classes[c]);
		free(s->classes);
		strmap_free(s->class_set);
	}
	free(m.as);
	free(m.row_max);
	free(m.who);
	free(m.last_proc_text), free(m.last_subj_text);
	tf_facts_clear(&m.facts);
	pupil_cache_free(m.pupils);
	refmap_free(m.proc);
	refmap_free(m.subj);
	return rc;
}
