/* results: one row per pupil per assessment. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "day.h"
#include "import-kind.h"
#include "pupilcache.h"
#include "store.h"

enum { C_PROC, C_SUBJ, C_GRADE, C_YEAR, C_DATE, C_CLASS, C_CODE, C_LAST, C_FIRST, C_MIDDLE, C_FULL,
       C_SCORE, C_MARK, C_JOURNAL, C_ABSENT, NCOLS };

static const csvin_col cols[NCOLS] = {
	[C_PROC] = COL_PROCEDURE,
	[C_SUBJ] = COL_SUBJECT,
	[C_GRADE] = { "grade", "параллель" },
	[C_YEAR] = COL_YEAR,
	[C_DATE] = { "date", "дата|дата проведения" },
	[C_CLASS] = COL_CLASS,
	[C_CODE] = COL_CODE,
	[C_LAST] = COL_LAST,
	[C_FIRST] = COL_FIRST,
	[C_MIDDLE] = COL_MIDDLE,
	[C_FULL] = COL_FULL,
	[C_SCORE] = { "score", "балл|первичный балл|баллы" },
	[C_MARK] = { "mark", "отметка|оценка" },
	[C_JOURNAL] = { "journal_mark", "отметка по журналу|оценка по журналу|четвертная|отметка в журнале" },
	[C_ABSENT] = { "absent", "отсутствовал|не явился|отсутствие|неявка" },
};

/* Pupils already given a result in an assessment by this file. */
struct seen {
	long assessment_id;
	bitset pupils;
};

/* A class: its id, grade and label («5А»), the cache's. */
struct klass {
	long id;
	int grade;
	const char *label;
};

/* A pupil found by code: id and current class. */
struct pupil {
	long id, class_id;
};

struct state {
	import_refs ref;
	/* A results file repeats the same few procedures, classes and pupils
	 * row after row: each is looked up in the database once. */
	char *last_proc, *last_subj;
	long proc_id, subj_id;
	assessment cur;
	int have_cur;
	pupil_cache *pupils;
	struct seen *seen;
	size_t nseen;
};

static int columns(import_ctx *c)
{
	if (import_require(c, _("procedure, subject and score"), (size_t)C_PROC, (size_t)C_SUBJ,
			   (size_t)C_SCORE, (size_t)-1) != 0)
		return -1;
	if (!csvin_header_name(c->in, C_YEAR) && !csvin_header_name(c->in, C_DATE))
		return import_require(c, _("year («Год») or date («Дата»)"), (size_t)C_YEAR, (size_t)-1);
	if (!csvin_header_name(c->in, C_CODE) && !csvin_header_name(c->in, C_FULL) &&
	    !csvin_header_name(c->in, C_LAST))
		return import_require(c, _("pupil code («Код») or name («ФИО» or «Фамилия»)"),
				      (size_t)C_CODE, (size_t)-1);
	return 0;
}

static int begin(import_ctx *c)
{
	struct state *s = xcalloc(1, sizeof *s);
	c->state = s;
	s->pupils = pupil_cache_new(c->db);
	return import_refs_load(c, &s->ref);
}

static void end(import_ctx *c)
{
	struct state *s = c->state;
	import_refs_free(&s->ref);
	free(s->last_proc);
	free(s->last_subj);
	for (size_t i = 0; i < s->nseen; i++)
		bitset_free(&s->seen[i].pupils);
	free(s->seen);
	pupil_cache_free(s->pupils);
	free(s);
}

static long lookup(import_ctx *c, const csvin_row *r, size_t col, refmap *m, char **last, long *last_id)
{
	const char *v = r->field[col];
	if (*last && strcmp(*last, v) == 0)
		return *last_id;
	long id = refmap_find(m, v);
	if (!id) {
		if (cell_empty(v))
			import_bad(c, r, col, _("the cell is empty"));
		else if (col == C_PROC)
			import_bad(c, r, col, _("unknown procedure «%s»; import its scale first"), cell_shown(v));
		else
			import_bad(c, r, col, _("unknown subject «%s»; import its scale first"), cell_shown(v));
		return 0;
	}
	free(*last);
	*last = xstrdup(v);
	*last_id = id;
	return id;
}

static int mark_cell(import_ctx *c, const csvin_row *r, size_t col, int *has, int *mark)
{
	long v;
	*has = 0;
	if (cell_empty(r->field[col]))
		return 0;
	if (cell_int(r->field[col], &v) != 0 || v < 1 || v > 5) {
		import_bad(c, r, col, _("«%s» is not a mark from 1 to 5"), cell_shown(r->field[col]));
		return 1;
	}
	*has = 1;
	*mark = (int)v;
	return 0;
}

/* The class the row names: 1 found (or created), 0 none given, 2 not a
 * class (reported), -1 the database failed. */
static int row_class(import_ctx *c, const csvin_row *r, struct klass *out)
{
	struct state *s = c->state;
	const char *text = r->field[C_CLASS];
	char *err = NULL;
	if (cell_empty(text))
		return 0;
	int rc = pupil_cache_class(s->pupils, text, &out->id, &out->grade, &out->label, &err);
	if (rc == 0)
		import_bad(c, r, C_CLASS, _("«%s» is not a class (write it like 5А, 5 а or 11-Б)"), cell_shown(text));
	return rc < 0 ? import_db_failed(c, err) : rc == 0 ? 2 : 1;
}

/* The pupil of the row: by code, else by name within the row's class.
 * 0 found, 1 not (reported), -1 the database failed. */
static int find_pupil(import_ctx *c, const csvin_row *r, const struct klass *cls, struct pupil *p)
{
	struct state *s = c->state;
	const char *const *f = r->field;
	char *err = NULL;
	int found;
	student st = { 0 };
	char *code = cell_trim(f[C_CODE]);
	if (*code) {
		found = pupil_cache_code(s->pupils, code, &p->id, &p->class_id, &err);
		if (found == 0)
			import_bad(c, r, C_CODE, _("no pupil with code «%s» in the roster; import the roster first"), cell_shown(code));
		free(code);
		if (found < 0)
			return import_db_failed(c, err);
		return found == 1 ? 0 : 1;
	} else {
		char *last, *first, *middle;
		if (!cell_empty(f[C_FULL])) {
			last = cell_trim(f[C_FULL]), first = xstrdup(""), middle = xstrdup("");
		} else {
			last = cell_trim(f[C_LAST]), first = cell_trim(f[C_FIRST]), middle = cell_trim(f[C_MIDDLE]);
		}
		char *key = student_name_key(last, first, middle);
		if (!*key) {
			import_bad_row(c, r, _("the pupil has neither a code nor a name"));
			found = 0;
		} else if (!cls) {
			import_bad(c, r, C_CLASS, _("a pupil without a code needs the class to be found by name"));
			found = 0;
		} else {
			found = db_student_by_name(c->db, key, cls->id, &st, &err);
			if (found == 0)
				import_bad_row(c, r, _("no pupil «%s» in class %s of the roster"), cell_shown(key), cell_shown(f[C_CLASS]));
			else if (found == 2)
				import_bad_row(c, r, _("two pupils of this class have this name; give the pupil's code («Код»)"));
		}
		free(key);
		free(last);
		free(first);
		free(middle);
	}
	p->id = st.id;
	p->class_id = st.class_id;
	student_clear(&st);
	free(code);
	if (found < 0)
		return import_db_failed(c, err);
	return found == 1 ? 0 : 1;
}

static bitset *seen_for(struct state *s, long assessment_id)
{
	for (size_t i = s->nseen; i-- > 0;)
		if (s->seen[i].assessment_id == assessment_id)
			return &s->seen[i].pupils;
	s->seen = xrealloc(s->seen, (s->nseen + 1) * sizeof *s->seen);
	s->seen[s->nseen] = (struct seen){ .assessment_id = assessment_id };
	return &s->seen[s->nseen++].pupils;
}

static int store(import_ctx *c, const csvin_row *r, const result *res)
{
	struct state *s = c->state;
	char *err = NULL;
	if (bitset_mark(seen_for(s, res->assessment_id), (size_t)res->student_id)) {
		import_bad_row(c, r, _("this pupil's result for this assessment appears in the file more than once"));
		return 1;
	}
	/* A file without a column says nothing about it: keep what is stored
	 * (a scores-only file must not wipe the journal marks typed earlier). */
	unsigned keep = (!r->field[C_JOURNAL] ? RESULT_KEEP_JOURNAL : 0) | (!r->field[C_MARK] ? RESULT_KEEP_MARK : 0) |
			(!r->field[C_DATE] ? RESULT_KEEP_DATE : 0);
	int rc = db_result_put(c->db, res, keep, &err);
	if (rc < 0)
		return import_db_failed(c, err);
	if (rc == 1)
		c->counts->added++;
	else if (rc == 2)
		c->counts->updated++;
	else
		c->counts->unchanged++;
	return 0;
}

static int row(import_ctx *c, const csvin_row *r)
{
	struct state *s = c->state;
	const char *const *f = r->field;
	char *err = NULL, *date = NULL;
	int bad = 0;
	long grade = 0, year = 0, ymd = 0;
	struct klass cls_v, *cls = NULL;
	struct pupil p;
	result res = { 0 };

	long proc = lookup(c, r, C_PROC, s->ref.proc, &s->last_proc, &s->proc_id);
	long subj = lookup(c, r, C_SUBJ, s->ref.subj, &s->last_subj, &s->subj_id);
	bad |= !proc || !subj;
	if (!cell_empty(f[C_DATE])) {
		if (cell_day(f[C_DATE], &ymd) != 0) {
			import_bad(c, r, C_DATE, _("«%s» is not a date (write 15.04.2024 or 2024-04-15)"), cell_shown(f[C_DATE]));
			bad = 1;
		} else {
			date = day_iso(ymd);
		}
	}
	if (!cell_empty(f[C_YEAR])) {
		if (cell_int(f[C_YEAR], &year) != 0 || year < 2000 || year > 2100) {
			import_bad(c, r, C_YEAR, _("«%s» is not a year"), cell_shown(f[C_YEAR]));
			bad = 1;
		} else if (date && year != ymd / 10000) {
			import_bad_row(c, r, _("the year %ld and the date %s disagree"), year, cell_shown(f[C_DATE]));
			bad = 1;
		}
	} else if (date) {
		year = ymd / 10000;
	} else if (!bad) {
		import_bad_row(c, r, _("neither a year nor a date is given"));
		bad = 1;
	}
	int got = row_class(c, r, &cls_v);
	if (got == 1)
		cls = &cls_v;
	if (got < 0) {
		free(date);
		return -1;
	}
	bad |= got == 2;
	if (!cell_empty(f[C_GRADE])) {
		if (cell_int(f[C_GRADE], &grade) != 0 || grade < 1 || grade > 11) {
			import_bad(c, r, C_GRADE, _("«%s» is not a grade from 1 to 11"), cell_shown(f[C_GRADE]));
			bad = 1;
		} else if (cls && grade != cls->grade) {
			import_bad_row(c, r, _("grade %ld does not match class %s"), grade, cell_shown(f[C_CLASS]));
			bad = 1;
		}
	} else if (cls) {
		grade = cls->grade;
	}
	if (!cell_empty(f[C_ABSENT]) && cell_yesno(f[C_ABSENT], &res.absent) != 0) {
		import_bad(c, r, C_ABSENT, _("«%s» is not yes or no (write да or нет)"), cell_shown(f[C_ABSENT]));
		bad = 1;
	}
	if (!cell_empty(f[C_SCORE])) {
		if (cell_number(f[C_SCORE], &res.score) != 0) {
			import_bad(c, r, C_SCORE, _("«%s» is not a score (a number like 12 or 12,5)"), cell_shown(f[C_SCORE]));
			bad = 1;
		} else if (res.absent) {
			import_bad_row(c, r, _("the pupil is marked absent but has a score"));
			bad = 1;
		}
		res.has_score = 1;
	} else if (!res.absent) {
		import_bad(c, r, C_SCORE, _("no score; leave it empty only for an absent pupil (column «Отсутствовал»)"));
		bad = 1;
	}
	bad |= mark_cell(c, r, C_MARK, &res.has_mark, &res.mark);
	bad |= mark_cell(c, r, C_JOURNAL, &res.has_journal, &res.journal_mark);
	if (bad || (bad = find_pupil(c, r, cls, &p)) != 0)
		goto done;
	if (!cls && p.class_id) {
		int known = pupil_cache_class_id(s->pupils, p.class_id, &cls_v.grade, &cls_v.label, &err);
		if (known < 0) {
			bad = import_db_failed(c, err);
			goto done;
		}
		cls_v.id = p.class_id;
		cls = known ? &cls_v : NULL;
	}
	if (!cls) {
		import_bad_row(c, r, _("pupil %s has left the school; give the class the result was written in"),
			       cell_empty(f[C_CODE]) ? "" : f[C_CODE]);
		bad = 1;
		goto done;
	}
	if (!grade)
		grade = cls->grade;

	if (!s->have_cur || s->cur.procedure_id != proc || s->cur.subject_id != subj ||
	    s->cur.grade != grade || s->cur.year != year) {
		int found = db_assessment_find(c->db, proc, subj, (int)grade, (int)year, &s->cur, &err);
		if (found < 0) {
			bad = import_db_failed(c, err);
			goto done;
		}
		s->have_cur = found;
		if (!found) {
			import_bad_row(c, r, _("no scale for %s, %s, grade %ld, %ld; import the scales first"),
				       refmap_name(s->ref.proc, proc), refmap_name(s->ref.subj, subj), grade, year);
			bad = 1;
			goto done;
		}
	}
	if (res.has_score && (res.score < 0 || res.score > s->cur.sc.max_score)) {
		import_bad(c, r, C_SCORE, _("score %s is outside 0..%g"), cell_shown(f[C_SCORE]), s->cur.sc.max_score);
		bad = 1;
		goto done;
	}
	res.assessment_id = s->cur.id;
	res.student_id = p.id;
	res.class_label = (char *)cls->label;
	res.taken_on = date;
	bad = store(c, r, &res);
done:
	free(date);
	return bad;
}

const import_ops import_results_ops = { cols, NCOLS, columns, begin, row, end };
