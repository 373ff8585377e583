/* The ФИС ОКО results collection form («форма сбора результатов») as
 * schools fill it, recognised in rows of cells whatever they came from (a
 * CSV file, a sheet of an .xlsx workbook): the title block above the
 * header and what it names (procedure, subject, class or grade, year), the
 * header with its participant code, name, class, variant, sex and journal
 * mark columns and one column per task headed by its number (1, 3.1,
 * 4(1), К1) with its maximum (1 (2 б.), 5(1б)), a row of maxima, summary
 * rows, «отсутствовал». Domain layer: never prints. */
#ifndef ORIENTIR_TASKFORM_H
#define ORIENTIR_TASKFORM_H

#include <stddef.h>

#include "store.h"

enum tf_kind { TF_TEXT, TF_NUMBER, TF_DATE, TF_BOOL, TF_ERROR };

typedef struct tf_cell {
	const char *text;	/* "" when empty */
	enum tf_kind kind;	/* TF_TEXT for every cell of a CSV file */
	const char *formula;	/* the formula the cell is written as, or NULL */
	int merged;		/* covered by a merged range: text is the range's */
} tf_cell;

typedef struct tf_row {
	long line;		/* the file's line, or the sheet's row */
	size_t n;
	tf_cell *cells;		/* by column, from 0 */
} tf_row;

/* The columns a form may have besides its tasks. */
enum tf_col {
	TF_CODE, TF_FULL, TF_LAST, TF_FIRST, TF_MIDDLE, TF_CLASS, TF_VARIANT, TF_SEX, TF_JOURNAL, TF_MARK, TF_TOTAL,
	TF_ROWNUM, TF_PROC, TF_SUBJ, TF_GRADE, TF_YEAR, TF_NCOLS
};

typedef struct tf_task {
	int col;
	char *number;		/* "1", "3.1", "4(1)", "К1" */
	char *head;		/* the header cell as written */
	int has_max;
	double max;
} tf_task;

typedef struct tf_layout {
	long header_line;
	int rows;		/* the header's rows: 1, or 2 when the numbers are under it */
	int col[TF_NCOLS];	/* the column of each, -1 when the form has none */
	char *head[TF_NCOLS];	/* its header cell as written */
	tf_task *tasks;
	size_t ntasks;
	char *unused;		/* header cells understood as nothing, ", "-joined, or NULL */
} tf_layout;

/* Whether row (with next, the row under it, or NULL) is a form's header:
 * a participant code or name column and at least one task column, the
 * task numbers in row or, for a header of two rows, in next. 1 and *out
 * (free with tf_layout_free), or 0. A header naming the same column twice
 * or a task twice is still one: 1 with *why (fresh) saying so. */
int tf_header(const tf_row *row, const tf_row *next, tf_layout *out, char **why);
void tf_layout_free(tf_layout *l);

/* A task column's header, «3.1», «4(1)», «1 (2 б.)», «5(1б)», «К1»,
 * «№ 2», «Задание 7»: 0 with *number (fresh, «К» for a Latin K) and the
 * maximum when it says one; -1 when the text is not a task's. */
int tf_task_head(const char *text, char **number, int *has_max, double *max);

/* Whether the row is the row of maxima: a cell left of the tasks reads
 * «Максимальный балл», «Макс. балл», «Максимум». */
int tf_is_max_row(const tf_row *row, const tf_layout *l);
/* The label of a summary row under the pupils («Среднее», «% выполнения»,
 * «Итого»), or NULL when the row is not one. */
const char *tf_summary_label(const tf_row *row, const tf_layout *l);
/* Whether a cell says the pupil did not come («отсутствовал», «не явился»,
 * «н/я», «неявка»). */
int tf_absent_word(const char *text);
/* Whether a task cell says the pupil did not attempt it (х, Х, x, X): 0. */
int tf_not_attempted(const char *text);

/* What a title block, a sheet's name or an option names. */
typedef struct tf_facts {
	long procedure_id, subject_id;	/* 0: not named */
	int grade, year;		/* 0: not named */
	char *class_label;		/* «5А», or NULL */
} tf_facts;
/* Reads text (the title block's cells, joined) for the procedure and
 * subject (by their names and aliases, declined as Russian titles write
 * them: «по математике», «по русскому языку»), the class or grade («5
 * класс», «Класс: 5А», «6-й класс») and the year (a date's, else the latest
 * one written), adding only what facts does not know yet. */
void tf_title_scan(const char *text, const refmap *proc, const refmap *subj, tf_facts *facts);
void tf_facts_clear(tf_facts *f);

#endif
