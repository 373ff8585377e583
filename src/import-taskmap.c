/* taskmap: what each task of an assessment checks — one row per task. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "csvin.h"
#include "import-kind.h"
#include "store.h"
#include "taskform.h"

enum { C_PROC, C_SUBJ, C_GRADE, C_YEAR, C_TASK, C_MAX, C_SKILL, C_BLOCK, C_LEVEL, C_REF, C_COUNTRY, C_DISTRICT,
       NCOLS };

static const csvin_col cols[NCOLS] = {
	[C_PROC] = COL_PROCEDURE,
	[C_SUBJ] = COL_SUBJECT,
	[C_GRADE] = { "grade", "параллель|класс" },
	[C_YEAR] = COL_YEAR,
	[C_TASK] = { "task", "задание|№ задания|номер задания|№" },
	[C_MAX] = { "max_score", "макс. балл|максимальный балл|максимальный первичный балл|макс балл" },
	[C_SKILL] = { "skill", "проверяемые требования (умения)|проверяемые требования|проверяемые умения|умение|умения|"
			       "проверяемые элементы содержания|блоки пооп обучающийся научится / получит возможность научиться или проверяемые "
			       "требования (умения) в соответствии с фгос (фк гос)|"
			       "блоки пооп обучающийся научится / получит возможность научиться или проверяемые "
			       "требования (умения) в соответствии с фгос" },
	[C_BLOCK] = { "block", "блок|раздел|блок пооп|раздел пооп|раздел (блок) пооп" },
	[C_LEVEL] = { "level", "уровень|уровень сложности" },
	[C_REF] = { "reference_percent", "регион|% выполнения по региону|процент выполнения по региону|"
					 "средний % выполнения по региону|по региону" },
	[C_COUNTRY] = { "country_percent", "рф|россия|% выполнения по рф|процент выполнения по рф|вся выборка|"
					   "по рф|по россии" },
	[C_DISTRICT] = { "district_percent", "район|муниципалитет|% выполнения по району|"
					     "% выполнения по муниципалитету|процент выполнения по району|по району|"
					     "мо|муниципальный район" },
};

/* An assessment the map gives tasks of. */
struct assess {
	assessment a;
	task_def *old;		/* its tasks before */
	size_t nold;
	long scored;		/* pupils with task scores in it */
	int ntasks;		/* tasks the file gave it so far */
	double sum;
	char **numbers;		/* the tasks the file gave it so far */
	size_t nnumbers;
};

struct state {
	import_refs ref;
	struct assess *v;
	size_t n;
};

static int columns(import_ctx *c)
{
	return import_require(c, _("procedure, subject, grade, year, task and max_score"), (size_t)C_PROC,
			      (size_t)C_SUBJ, (size_t)C_GRADE, (size_t)C_YEAR, (size_t)C_TASK, (size_t)C_MAX, (size_t)-1);
}

static int begin(import_ctx *c)
{
	struct state *s = xcalloc(1, sizeof *s);
	c->state = s;
	return import_refs_load(c, &s->ref);
}

static void end(import_ctx *c)
{
	struct state *s = c->state;
	for (size_t i = 0; i < s->n; i++) {
		task_list_free(s->v[i].old, s->v[i].nold);
		for (size_t k = 0; k < s->v[i].nnumbers; k++)
			free(s->v[i].numbers[k]);
		free(s->v[i].numbers);
	}
	free(s->v);
	import_refs_free(&s->ref);
	free(s);
}

/* The assessment of the row, met for the first time: its tasks read, and
 * dropped when no pupil has scores in them (the map then gives the list).
 * NULL told, or *failed on a database failure. */
static struct assess *assess_of(import_ctx *c, const csvin_row *r, long proc, long subj, int grade, int year,
				int *failed)
{
	struct state *s = c->state;
	for (size_t i = 0; i < s->n; i++) {
		const assessment *a = &s->v[i].a;
		if (a->procedure_id == proc && a->subject_id == subj && a->grade == grade && a->year == year)
			return &s->v[i];
	}
	assessment a;
	char *err = NULL;
	int found = db_assessment_find(c->db, proc, subj, grade, year, &a, &err);
	if (found < 0) {
		*failed = import_db_failed(c, err);
		return NULL;
	}
	if (!found) {
		import_bad_row(c, r, _("no scale for %s, %s, grade %d, %d; import the scales first"),
			       refmap_name(s->ref.proc, proc), refmap_name(s->ref.subj, subj), grade, year);
		return NULL;
	}
	s->v = xrealloc(s->v, (s->n + 1) * sizeof *s->v);
	struct assess *m = &s->v[s->n++];
	*m = (struct assess){ .a = a };
	if (db_task_list(c->db, a.id, &m->old, &m->nold, &err) != 0 ||
	    (m->scored = db_task_score_count(c->db, a.id, &err)) < 0 ||
	    (!m->scored && db_task_set(c->db, a.id, NULL, 0, &err) != 0)) {
		*failed = import_db_failed(c, err);
		return NULL;
	}
	return m;
}

/* An optional percent: 0 ok (*has), 1 bad (reported). */
static int percent(import_ctx *c, const csvin_row *r, size_t col, double *v, int *has)
{
	*has = 0;
	if (cell_empty(r->field[col]))
		return 0;
	char *t = cell_trim(r->field[col]);
	size_t n = strlen(t);
	if (n && t[n - 1] == '%')
		t[n - 1] = '\0';
	int bad = cell_number(t, v) != 0 || *v < 0 || *v > 100;
	free(t);
	if (bad) {
		import_bad(c, r, col, _("«%s» is not a percentage from 0 to 100"), r->field[col]);
		return 1;
	}
	*has = 1;
	return 0;
}

/* «Б», «П», «В» or the word: the letter, "" for none, NULL when it is no level. */
static const char *level_of(const char *text)
{
	char *n = csvin_norm_header(text ? text : "");
	const char *l = !*n ? "" : (!strcmp(n, "б") || !strncmp(n, "баз", strlen("баз"))) ? "Б"
		      : (!strcmp(n, "п") || !strncmp(n, "повыш", strlen("повыш"))) ? "П"
		      : (!strcmp(n, "в") || !strncmp(n, "высок", strlen("высок"))) ? "В" : NULL;
	free(n);
	return l;
}

static int same_def(const task_def *a, const task_def *b)
{
	return a->max_score == b->max_score && !strcmp(a->skill, b->skill) && !strcmp(a->block, b->block) &&
	       !strcmp(a->level, b->level) && a->has_reference == b->has_reference &&
	       (!a->has_reference || a->reference_percent == b->reference_percent) &&
	       a->has_district == b->has_district && (!a->has_district || a->district_percent == b->district_percent);
}

static int row(import_ctx *c, const csvin_row *r)
{
	struct state *s = c->state;
	const char *const *f = r->field;
	int bad = 0, failed = 0, has_max;
	long grade = 0, year = 0;
	long proc = refmap_find(s->ref.proc, f[C_PROC]), subj = refmap_find(s->ref.subj, f[C_SUBJ]);
	if (!proc) {
		import_bad(c, r, C_PROC, _("unknown procedure «%s»; import its scale first"), f[C_PROC]);
		bad = 1;
	}
	if (!subj) {
		import_bad(c, r, C_SUBJ, _("unknown subject «%s»; import its scale first"), f[C_SUBJ]);
		bad = 1;
	}
	if (cell_int(f[C_GRADE], &grade) != 0 || grade < 1 || grade > 11) {
		import_bad(c, r, C_GRADE, _("«%s» is not a grade from 1 to 11"), f[C_GRADE]);
		bad = 1;
	}
	if (cell_int(f[C_YEAR], &year) != 0 || year < 2000 || year > 2100) {
		import_bad(c, r, C_YEAR, _("«%s» is not a year"), f[C_YEAR]);
		bad = 1;
	}
	task_def t = { 0 };
	double given_max;
	if (tf_task_head(f[C_TASK], &t.number, &has_max, &given_max) != 0) {
		import_bad(c, r, C_TASK, _("«%s» is not a task's number (like 1, 3.1, 4(1) or К1)"), f[C_TASK]);
		bad = 1;
	}
	if (cell_number(f[C_MAX], &t.max_score) != 0 || t.max_score <= 0) {
		import_bad(c, r, C_MAX, _("«%s» is not a maximum score"), f[C_MAX]);
		bad = 1;
	}
	const char *level = level_of(f[C_LEVEL]);
	if (!level) {
		import_bad(c, r, C_LEVEL, _("«%s» is not a level: write Б (базовый), П (повышенный) or В (высокий)"),
			   f[C_LEVEL]);
		bad = 1;
	}
	double country = 0;
	int has_country = 0;
	bad |= percent(c, r, C_REF, &t.reference_percent, &t.has_reference);
	bad |= percent(c, r, C_COUNTRY, &country, &has_country);
	bad |= percent(c, r, C_DISTRICT, &t.district_percent, &t.has_district);
	/* The region's share is the reference; the country's stands in for it. */
	if (!t.has_reference && has_country)
		t.has_reference = 1, t.reference_percent = country;
	struct assess *m = bad ? NULL : assess_of(c, r, proc, subj, (int)grade, (int)year, &failed);
	if (!m) {
		free(t.number);
		return failed ? -1 : 1;
	}
	for (size_t k = 0; k < m->nnumbers; k++)
		if (!strcmp(m->numbers[k], t.number)) {
			import_bad(c, r, C_TASK, _("task %s of this assessment is in the file twice"), t.number);
			free(t.number);
			return 1;
		}
	const task_def *old = NULL;
	for (size_t k = 0; k < m->nold && !old; k++)
		if (!strcmp(m->old[k].number, t.number))
			old = &m->old[k];
	if (m->scored && !old) {
		import_bad(c, r, C_TASK, _("the forms imported for this assessment have no task %s: a map of another"
					   " subject or grade?"), t.number);
		free(t.number);
		return 1;
	}
	if (m->scored && old->max_score != t.max_score) {
		import_bad(c, r, C_MAX, _("the forms imported give task %s the maximum %g"), t.number, old->max_score);
		free(t.number);
		return 1;
	}
	t.skill = cell_trim(f[C_SKILL]);
	t.block = cell_trim(f[C_BLOCK]);
	t.level = xstrdup(level);
	m->numbers = xrealloc(m->numbers, (m->nnumbers + 1) * sizeof *m->numbers);
	m->numbers[m->nnumbers++] = xstrdup(t.number);
	if (m->sum <= m->a.sc.max_score && (m->sum += t.max_score) > m->a.sc.max_score)
		diag_report(c->d, DIAG_WARNING, csvin_path(c->in), r->line,
			    _("the tasks' maxima add up to more than the scale's maximum %g"), m->a.sc.max_score);
	char *err = NULL;
	int rc = db_task_save(c->db, m->a.id, m->scored ? 0 : ++m->ntasks, &t, &err);
	if (rc == 0) {
		if (!old)
			c->counts->added++;
		else if (same_def(old, &t))
			c->counts->unchanged++;
		else
			c->counts->updated++;
	}
	task_def_clear(&t);
	return rc == 0 ? 0 : import_db_failed(c, err);
}

const import_ops import_taskmap_ops = { cols, NCOLS, columns, begin, row, end };
