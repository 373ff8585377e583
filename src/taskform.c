#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "csvin.h"
#include "import-kind.h"
#include "taskform.h"
#include "utf8.h"

/* The columns as forms head them: ФИС ОКО's own words first, then what
 * schools' own tables say. */
static const csvin_col cols[TF_NCOLS] = {
	[TF_CODE] = { "student_code", "код|код участника|код ученика|код обучающегося|код участника впр|"
				      "код участника работы|код работы" },
	[TF_FULL] = { "full_name", "фио|ф.и.о.|фамилия имя отчество|фамилия, имя, отчество|фамилия, имя|"
				   "фамилия и имя|ученик|обучающийся|участник|фио участника|фио обучающегося" },
	[TF_LAST] = COL_LAST,
	[TF_FIRST] = COL_FIRST,
	[TF_MIDDLE] = COL_MIDDLE,
	[TF_CLASS] = { "class", "класс|класс/группа|литера класса" },
	[TF_VARIANT] = { "variant", "вариант|№ варианта|номер варианта" },
	[TF_SEX] = { "sex", "пол" },
	[TF_JOURNAL] = { "journal_mark", "отметка по журналу|оценка по журналу|отметка в журнале|"
					  "отметка за предыдущую четверть|отметка за предыдущий триместр|"
					  "отметка за предыдущее полугодие|отметка за предыдущий период|"
					  "отметка за четверть|отметка за триместр|отметка за полугодие|"
					  "оценка за предыдущую четверть|оценка за предыдущий триместр|"
					  "оценка за предыдущее полугодие|оценка за четверть|четвертная|"
					  "отметка по журналу за предыдущую четверть" },
	[TF_MARK] = { "mark", "отметка|оценка|отметка за впр|отметка за работу|оценка за работу" },
	[TF_TOTAL] = { "score", "первичный балл|сумма баллов|сумма|итого|итоговый балл|балл|баллы|"
				"всего баллов|общий балл|сумма первичных баллов" },
	[TF_ROWNUM] = { "number", "№|№ п/п|№п/п|n|номер|п/п" },
	[TF_PROC] = COL_PROCEDURE,
	[TF_SUBJ] = COL_SUBJECT,
	[TF_GRADE] = { "grade", "параллель" },
	[TF_YEAR] = COL_YEAR,
};

static const char *cell_text(const tf_row *row, int col)
{
	return col >= 0 && (size_t)col < row->n ? row->cells[col].text : "";
}

/* --- task headers --- */

static const char *skip_spaces(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
	       ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0))
		p += (unsigned char)*p == 0xC2 ? 2 : 1;
	return p;
}

static const char *skip_word(const char *p, const char *word)
{
	size_t n = strlen(word);
	return strncmp(p, word, n) == 0 ? p + n : NULL;
}

/* After a number of points: «б», «б.», «балл», «балла», «баллов». */
static const char *skip_points(const char *p)
{
	const char *q = skip_word(p, "балл");
	if (q) {
		if (skip_word(q, "ов"))
			return q + strlen("ов");
		if (skip_word(q, "а"))
			return q + strlen("а");
		return q;
	}
	q = skip_word(p, "б");
	if (q)
		return *q == '.' ? q + 1 : q;
	return NULL;
}

/* A decimal number at p: its end, or NULL. */
static const char *number_at(const char *p, double *v)
{
	const char *q = p;
	while (*q >= '0' && *q <= '9')
		q++;
	if (q == p)
		return NULL;
	if ((*q == ',' || *q == '.') && q[1] >= '0' && q[1] <= '9') {
		q++;
		while (*q >= '0' && *q <= '9')
			q++;
	}
	char *t = xstrndup(p, (size_t)(q - p));
	int ok = cell_number(t, v) == 0;
	free(t);
	return ok ? q : NULL;
}

/* A maximum written after the number: «(2 б.)», «(2б)», «(макс. 2)», «2б»,
 * «2 балла»; its end, or NULL. */
static const char *max_at(const char *p, double *max)
{
	p = skip_spaces(p);
	int paren = *p == '(';
	if (paren)
		p = skip_spaces(p + 1);
	const char *q = skip_word(p, "макс");
	if (q || (q = skip_word(p, "max"))) {
		while (*q == '.' || *q == ':' || *q == ' ')
			q++;
		q = number_at(q, max);
		if (q && (p = skip_points(skip_spaces(q))) == NULL)
			p = q;
		else if (!q)
			return NULL;
	} else {
		q = number_at(p, max);
		if (!q || !(p = skip_points(skip_spaces(q))))
			return NULL;
	}
	p = skip_spaces(p);
	if (paren) {
		if (*p != ')')
			return NULL;
		p = skip_spaces(p + 1);
	}
	return p;
}

int tf_task_head(const char *text, char **number, int *has_max, double *max)
{
	char *f = utf8_fold(text, strlen(text));
	const char *p = skip_spaces(f), *q;
	/* «№ 2», «Задание 2», «Зад. 2», «з.2» */
	static const char *const prefixes[] = { "задание", "зад.", "зад", "з.", "№" };
	for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
		if ((q = skip_word(p, prefixes[i]))) {
			p = skip_spaces(q);
			if ((q = skip_word(p, "№")))
				p = skip_spaces(q);
			break;
		}
	char out[64];
	size_t o = 0;
	if ((q = skip_word(p, "к")) || (q = skip_word(p, "k"))) {
		memcpy(out, "К", strlen("К"));
		o = strlen("К");
		p = q;
	}
	const char *start = p;
	*has_max = 0;
	while (o < sizeof out - 8) {
		const char *d = p;
		while (*p >= '0' && *p <= '9' && o < sizeof out - 8)
			out[o++] = *p++;
		if (p == d)
			break;
		if ((*p == '.' || *p == ',') && p[1] >= '0' && p[1] <= '9') {
			out[o++] = '.';
			p++;
			continue;
		}
		break;
	}
	if (p == start || (o && out[o - 1] == '.')) {
		free(f);
		return -1;
	}
	/* «4(1)»: a part of task 4; «4(1б)» or «4 (1 б.)»: its maximum. */
	const char *r = skip_spaces(p);
	if (*r == '(') {
		const char *s = skip_spaces(r + 1), *e = s;
		while (*e >= '0' && *e <= '9')
			e++;
		const char *close = skip_spaces(e);
		if (e > s && *close == ')' && o + (size_t)(e - s) + 3 < sizeof out) {
			out[o++] = '(';
			memcpy(out + o, s, (size_t)(e - s));
			o += (size_t)(e - s);
			out[o++] = ')';
			p = close + 1;
		}
	}
	p = skip_spaces(p);
	if (*p) {
		q = max_at(p, max);
		if (!q || *q) {
			free(f);
			return -1;
		}
		*has_max = 1;
	}
	out[o] = '\0';
	free(f);
	*number = xstrdup(out);
	return 0;
}

/* --- the header --- */

void tf_layout_free(tf_layout *l)
{
	for (size_t i = 0; i < l->ntasks; i++)
		free(l->tasks[i].number), free(l->tasks[i].head);
	free(l->tasks);
	for (int i = 0; i < TF_NCOLS; i++)
		free(l->head[i]);
	free(l->unused);
	*l = (tf_layout){ 0 };
}

static void add_unused(tf_layout *l, const char *text)
{
	char *s = l->unused ? xasprintf("%s, %s", l->unused, text) : xstrdup(text);
	free(l->unused);
	l->unused = s;
}

/* How many task columns row has. */
static int count_tasks(const tf_row *row)
{
	int n = 0;
	for (size_t i = 0; row && i < row->n; i++) {
		char *num;
		int has;
		double max;
		if (row->cells[i].kind == TF_TEXT || row->cells[i].kind == TF_NUMBER) {
			if (tf_task_head(row->cells[i].text, &num, &has, &max) == 0) {
				n++;
				free(num);
			}
		}
	}
	return n;
}

static int has_pupil_column(const tf_row *row)
{
	for (size_t i = 0; i < row->n; i++) {
		int c = csvin_col_find(cols, TF_NCOLS, row->cells[i].text);
		if (c == TF_CODE || c == TF_FULL || c == TF_LAST)
			return 1;
	}
	return 0;
}

int tf_header(const tf_row *row, const tf_row *next, tf_layout *out, char **why)
{
	*out = (tf_layout){ 0 };
	*why = NULL;
	if (!has_pupil_column(row))
		return 0;
	int here = count_tasks(row), below = here ? 0 : count_tasks(next);
	if (!here && !below)
		return 0;
	out->header_line = row->line;
	out->rows = here ? 1 : 2;
	for (int i = 0; i < TF_NCOLS; i++)
		out->col[i] = -1;
	size_t n = row->n > (below ? next->n : 0) ? row->n : next->n;
	for (size_t i = 0; i < n; i++) {
		/* A header of two rows: the numbers are in the lower one, the other
		 * columns in the upper one (or in both, merged down). */
		const char *upper = i < row->n ? row->cells[i].text : "";
		const char *lower = below && i < next->n ? next->cells[i].text : "";
		char *num;
		int has;
		double max;
		const char *text = upper;
		int task = 0;
		if (below && tf_task_head(lower, &num, &has, &max) == 0)
			task = 1, text = lower;
		else if (!below && tf_task_head(upper, &num, &has, &max) == 0)
			task = 1;
		if (task) {
			for (size_t k = 0; k < out->ntasks && !*why; k++)
				if (strcmp(out->tasks[k].number, num) == 0)
					*why = xasprintf(_("task %s is headed twice"), num);
			out->tasks = xrealloc(out->tasks, (out->ntasks + 1) * sizeof *out->tasks);
			out->tasks[out->ntasks++] = (tf_task){ (int)i, num, xstrdup(text), has, max };
			continue;
		}
		if (!*upper && below)
			text = lower;
		if (!*text)
			continue;
		int c = csvin_col_find(cols, TF_NCOLS, text);
		if (c < 0) {
			add_unused(out, text);
		} else if (out->col[c] >= 0 && !(i < row->n && row->cells[i].merged)) {
			if (!*why)
				*why = xasprintf(_("two columns are headed «%s» and «%s»"), out->head[c], text);
		} else if (out->col[c] < 0) {
			out->col[c] = (int)i;
			out->head[c] = xstrdup(text);
		}
	}
	return 1;
}

/* --- rows under the header --- */

/* The text of the cells left of the first task, normalised, for labels. */
static int label_left(const tf_row *row, const tf_layout *l, const char *const *labels, const char **which)
{
	int first = l->ntasks ? l->tasks[0].col : (int)row->n;
	for (int i = 0; i < first && (size_t)i < row->n; i++) {
		if (!*row->cells[i].text || row->cells[i].merged)
			continue;
		char *norm = csvin_norm_header(row->cells[i].text);
		for (size_t k = 0; labels[k]; k++)
			if (strncmp(norm, labels[k], strlen(labels[k])) == 0) {
				free(norm);
				if (which)
					*which = row->cells[i].text;
				return 1;
			}
		free(norm);
	}
	return 0;
}

int tf_is_max_row(const tf_row *row, const tf_layout *l)
{
	static const char *const labels[] = { "максимальныйбалл", "максбалл", "максимум", "максимальный", "max",
					      "максимальные", NULL };
	return label_left(row, l, labels, NULL);
}

const char *tf_summary_label(const tf_row *row, const tf_layout *l)
{
	static const char *const labels[] = { "итог", "всего", "средн", "%", "процент", "выполнил", "количество",
					      "колво", "доля", "сумма", NULL };
	const char *which = NULL;
	/* A pupil's code may be anything; a summary row has none of its own. */
	if (l->col[TF_CODE] >= 0 && *cell_text(row, l->col[TF_CODE]) && !row->cells[l->col[TF_CODE]].merged) {
		char *norm = csvin_norm_header(cell_text(row, l->col[TF_CODE]));
		int label = 0;
		for (size_t k = 0; labels[k] && !label; k++)
			label = strncmp(norm, labels[k], strlen(labels[k])) == 0;
		free(norm);
		if (!label)
			return NULL;
	}
	return label_left(row, l, labels, &which) ? which : NULL;
}

int tf_absent_word(const char *text)
{
	/* most cells are scores: a word begins with a letter, never a digit */
	while (*text == ' ')
		text++;
	if (!(unsigned char)*text || ((unsigned char)*text < 0x80 && !(*text >= 'a' && *text <= 'z') &&
					!(*text >= 'A' && *text <= 'Z')))
		return 0;
	static const char *const words[] = { "отсут", "неявил", "неявк", "н/я", "нея", "отс", "неучаств", NULL };
	char *norm = csvin_norm_header(text);
	int yes = 0;
	for (size_t k = 0; words[k] && !yes; k++)
		yes = strncmp(norm, words[k], strlen(words[k])) == 0 &&
		      (strcmp(words[k], "отс") != 0 || strlen(norm) <= strlen("отс"));
	free(norm);
	return yes;
}

int tf_not_attempted(const char *text)
{
	while (*text == ' ')
		text++;
	if (*text >= '0' && *text <= '9')
		return 0;
	char *t = cell_trim(text);
	int yes = !strcmp(t, "х") || !strcmp(t, "Х") || !strcmp(t, "x") || !strcmp(t, "X");
	free(t);
	return yes;
}

/* --- the title block --- */

/* Words of folded text: letters and digits, as fresh strings. */
static char **words_of(const char *text, size_t *n)
{
	char *f = utf8_fold(text, strlen(text));
	char **v = NULL;
	*n = 0;
	for (const char *p = f; *p;) {
		const char *s = p;
		while (*p && ((unsigned char)*p >= 0x80 || (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z')))
			p++;
		if (p > s) {
			v = xrealloc(v, (*n + 1) * sizeof *v);
			v[(*n)++] = xstrndup(s, (size_t)(p - s));
		}
		while (*p && !((unsigned char)*p >= 0x80 || (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z')))
			p++;
	}
	free(f);
	return v;
}

static void words_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static int is_year(const char *w, int *year)
{
	if (strlen(w) != 4 || strspn(w, "0123456789") != 4)
		return 0;
	*year = atoi(w);
	return *year >= 2000 && *year <= 2100;
}

/* «класс», «класса», «кл», «параллель». */
static int class_word(const char *w)
{
	return strncmp(w, "класс", strlen("класс")) == 0 || strcmp(w, "кл") == 0 ||
	       strncmp(w, "параллел", strlen("параллел")) == 0;
}

/* A class or grade written in words i, i+1: «5», «5а», «5 а», «6-й»: 1 and
 * the grade and letter (fresh, maybe ""), else 0. */
static int class_at(char **w, size_t n, size_t i, int *grade, char **letter)
{
	if (i >= n || !(w[i][0] >= '0' && w[i][0] <= '9'))
		return 0;
	char *t = xstrdup(w[i]);
	size_t len = strlen(t);
	/* «6-й», «6го»: an ordinal's ending is no letter of a class */
	static const char *const endings[] = { "ой", "ый", "ий", "й", "го", "ом", NULL };
	for (size_t k = 0; endings[k]; k++) {
		size_t e = strlen(endings[k]);
		if (len > e && strcmp(t + len - e, endings[k]) == 0 && t[len - e - 1] >= '0' && t[len - e - 1] <= '9') {
			t[len - e] = '\0';
			break;
		}
	}
	int ok = cell_class(t, grade, letter) == 0;
	/* «5 а класс»: the letter as a word of its own */
	if (ok && !**letter && i + 1 < n && utf8_width(w[i + 1]) == 1 && (unsigned char)w[i + 1][0] >= 0x80 &&
	    strcmp(w[i + 1], "й") != 0 && strcmp(w[i + 1], "ь") != 0 && strcmp(w[i + 1], "ъ") != 0) {
		char *both = xasprintf("%s%s", t, w[i + 1]), *l2;
		int g2;
		if (cell_class(both, &g2, &l2) == 0) {
			free(*letter);
			*letter = l2;
		}
		free(both);
	}
	free(t);
	return ok;
}

void tf_title_scan(const char *text, const refmap *proc, const refmap *subj, tf_facts *facts)
{
	if (!facts->procedure_id && proc)
		facts->procedure_id = refmap_find_words(proc, text);
	if (!facts->subject_id && subj)
		facts->subject_id = refmap_find_words(subj, text);
	size_t n;
	char **w = words_of(text, &n);
	int year = 0, date_year = 0;
	for (size_t i = 0; i < n; i++) {
		int y;
		if (is_year(w[i], &y)) {
			/* 15.04.2025: the year of a date */
			if (i >= 2 && strlen(w[i - 1]) <= 2 && strlen(w[i - 2]) <= 2 && w[i - 1][0] >= '0' &&
			    w[i - 1][0] <= '9' && w[i - 2][0] >= '0' && w[i - 2][0] <= '9')
				date_year = y;
			if (y > year)
				year = y;
		}
		if (!facts->grade && class_word(w[i])) {
			int g;
			char *letter = NULL;
			/* «5А класс», «5 а класс», «класс 5А», «класс: 5» */
			if ((i >= 1 && class_at(w, n, i - 1, &g, &letter)) ||
			    (i >= 2 && class_at(w, n, i - 2, &g, &letter)) || class_at(w, n, i + 1, &g, &letter)) {
				facts->grade = g;
				if (*letter && !facts->class_label)
					facts->class_label = xasprintf("%d%s", g, letter);
			}
			free(letter);
		}
	}
	if (!facts->year)
		facts->year = date_year ? date_year : year;
	words_free(w, n);
}

void tf_facts_clear(tf_facts *f)
{
	free(f->class_label);
	*f = (tf_facts){ 0 };
}
