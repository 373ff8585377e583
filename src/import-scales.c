/* scales: one row per assessment, procedure × subject × grade × year. */
#include "config.h"

#include <stdlib.h>

#include "cell.h"
#include "common.h"
#include "import-kind.h"
#include "scale.h"
#include "store.h"

enum { C_PROC, C_SUBJ, C_GRADE, C_YEAR, C_MAX, C_MIN, C_S4, C_S5, C_HIGH, C_AVG, NCOLS };

static const csvin_col cols[NCOLS] = {
	[C_PROC] = COL_PROCEDURE,
	[C_SUBJ] = COL_SUBJECT,
	[C_GRADE] = { "grade", "параллель|класс" },
	[C_YEAR] = COL_YEAR,
	[C_MAX] = { "max_score", "макс. балл|максимальный балл|максимальный первичный балл" },
	[C_MIN] = { "min_score", "мин. балл|минимальный порог|минимальный балл|нижняя граница|балл на 3" },
	[C_S4] = { "score4", "балл на 4|на 4" },
	[C_S5] = { "score5", "балл на 5|на 5" },
	[C_HIGH] = { "high_score", "высокий уровень|высокий балл|граница высокого уровня" },
	[C_AVG] = { "avg_score", "средний балл региона|средний балл|среднее по региону" },
};

struct state {
	import_refs ref;
	bitset seen;
};

static int columns(import_ctx *c)
{
	return import_require(c, _("procedure, subject, grade, year, max_score and min_score"),
			      (size_t)C_PROC, (size_t)C_SUBJ, (size_t)C_GRADE, (size_t)C_YEAR,
			      (size_t)C_MAX, (size_t)C_MIN, (size_t)-1);
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
	import_refs_free(&s->ref);
	bitset_free(&s->seen);
	free(s);
}

/* A known procedure or subject, or a new one added with a warning. */
static long ref_id(import_ctx *c, const csvin_row *r, refmap *m, size_t col, int *bad)
{
	const char *v = r->field[col];
	if (cell_empty(v)) {
		import_bad(c, r, col, _("the cell is empty"));
		*bad = 1;
		return 0;
	}
	long id = refmap_find(m, v);
	if (id)
		return id;
	char *name = cell_trim(v), *err = NULL;
	id = db_ref_add(c->db, m, name, NULL, NULL, 1000, &err);
	if (id < 0) {
		free(name);
		return import_db_failed(c, err);
	}
	diag_report(c->d, DIAG_WARNING, csvin_path(c->in), r->line,
		    col == C_PROC ? _("new procedure «%s» added") : _("new subject «%s» added"), name);
	free(name);
	return id;
}

/* An optional score: 0 ok (*has says whether given), 1 bad (reported). */
static int score(import_ctx *c, const csvin_row *r, size_t col, double *v, int *has)
{
	*has = 0;
	if (cell_empty(r->field[col]))
		return 0;
	if (cell_number(r->field[col], v) != 0 || *v < 0) {
		import_bad(c, r, col, _("«%s» is not a score (a number like 12 or 12,5)"), cell_shown(r->field[col]));
		return 1;
	}
	*has = 1;
	return 0;
}

static int same_opt(int ha, double a, int hb, double b)
{
	return ha == hb && (!ha || a == b);
}

static int same_scale(const scale *a, const scale *b)
{
	return a->max_score == b->max_score && a->min_score == b->min_score &&
	       same_opt(a->has_score4, a->score4, b->has_score4, b->score4) &&
	       same_opt(a->has_score5, a->score5, b->has_score5, b->score5) &&
	       same_opt(a->has_high, a->high_score, b->has_high, b->high_score) &&
	       same_opt(a->has_avg, a->avg_score, b->has_avg, b->avg_score);
}

/* The scale's own rules (scale.c), reported against the file's column. */
static int check_scale(import_ctx *c, const csvin_row *r, const scale *sc)
{
	static const size_t col[] = { [SF_MAX] = C_MAX, [SF_MIN] = C_MIN, [SF_SCORE4] = C_S4,
				      [SF_SCORE5] = C_S5, [SF_HIGH] = C_HIGH, [SF_AVG] = C_AVG };
	enum scale_field bad;
	char *msg = NULL;
	if (scale_check(sc, &bad, &msg) == 0)
		return 0;
	if (bad == SF_ROW)
		import_bad_row(c, r, "%s", msg);
	else
		import_bad(c, r, col[bad], "%s", msg);
	free(msg);
	return 1;
}

static int row(import_ctx *c, const csvin_row *r)
{
	struct state *s = c->state;
	const char *const *f = r->field;
	int bad = 0, has;
	assessment a = { 0 };
	long grade = 0, year = 0;
	a.procedure_id = ref_id(c, r, s->ref.proc, C_PROC, &bad);
	a.subject_id = ref_id(c, r, s->ref.subj, C_SUBJ, &bad);
	if (a.procedure_id < 0 || a.subject_id < 0)
		return -1;
	if (cell_int(f[C_GRADE], &grade) != 0 || grade < 1 || grade > 11) {
		import_bad(c, r, C_GRADE, _("«%s» is not a grade from 1 to 11"), cell_shown(f[C_GRADE]));
		bad = 1;
	}
	if (cell_int(f[C_YEAR], &year) != 0 || year < 2000 || year > 2100) {
		import_bad(c, r, C_YEAR, _("«%s» is not a year"), cell_shown(f[C_YEAR]));
		bad = 1;
	}
	a.grade = (int)grade;
	a.year = (int)year;
	bad |= score(c, r, C_MAX, &a.sc.max_score, &has);
	if (!bad && !has) {
		import_bad(c, r, C_MAX, _("the cell is empty"));
		bad = 1;
	}
	bad |= score(c, r, C_MIN, &a.sc.min_score, &has);
	if (!bad && !has) {
		import_bad(c, r, C_MIN, _("the cell is empty"));
		bad = 1;
	}
	bad |= score(c, r, C_S4, &a.sc.score4, &a.sc.has_score4);
	bad |= score(c, r, C_S5, &a.sc.score5, &a.sc.has_score5);
	bad |= score(c, r, C_HIGH, &a.sc.high_score, &a.sc.has_high);
	bad |= score(c, r, C_AVG, &a.sc.avg_score, &a.sc.has_avg);
	if (bad || check_scale(c, r, &a.sc))
		return 1;

	char *err = NULL;
	assessment old;
	int found = db_assessment_find(c->db, a.procedure_id, a.subject_id, a.grade, a.year, &old, &err);
	if (found < 0)
		return import_db_failed(c, err);
	if (found && bitset_mark(&s->seen, (size_t)old.id)) {
		import_bad_row(c, r, _("this assessment appears in the file more than once"));
		return 1;
	}
	if (found && same_scale(&old.sc, &a.sc)) {
		c->counts->unchanged++;
		return 0;
	}
	a.id = found ? old.id : 0;
	if (db_assessment_save(c->db, &a, &err) != 0)
		return import_db_failed(c, err);
	bitset_mark(&s->seen, (size_t)a.id);
	if (found)
		c->counts->updated++;
	else
		c->counts->added++;
	return 0;
}

const import_ops import_scales_ops = { cols, NCOLS, columns, begin, row, end };
