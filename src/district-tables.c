/* A package's tables read row by row, each row checked and, for a package
 * being kept, written into the district's store as it is read. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "day.h"
#include "csvin.h"
#include "db-district.h"
#include "district-tables.h"
#include "package-write.h"
#include "package.h"
#include "roadmap.h"
#include "stick.h"
#include "strmap.h"

typedef int (*row_fn)(pkg_reader *rd, const csvin_row *row);

static int db_failed(pkg_reader *rd, char *err)
{
	pkg_refuse(rd->r, err);
	return -1;
}

/* Ends the file's bulk load, if one is open: 0, or -1 with the package
 * refused. */
static int end_load(pkg_reader *rd)
{
	char *err = NULL;
	sdb_copy *c = rd->load;
	rd->load = NULL;
	return !c || sdb_copy_end(c, &err) == 0 ? 0 : db_failed(rd, err);
}

/* The file's bulk load, begun at its first row kept by begin: NULL with
 * the package refused. */
static sdb_copy *load(pkg_reader *rd, sdb_copy *(*begin)(sdb *db, char **err))
{
	char *err = NULL;
	if (!rd->load && !(rd->load = begin(rd->db, &err)))
		db_failed(rd, err);
	return rd->load;
}

/* Puts v in decimal and a '|' at *at, moving it on. */
static void put_number(char **at, long v)
{
	*at += put_decimal(*at, v);
	*(*at)++ = '|';
}

/* Whether the row of year, grade and the n texts was taken before from
 * this file; else kept for the rows after it. Each text goes into the
 * key after its length, so no two rows' keys meet by accident; made by
 * hand, as printf would cost a tenth of an import. */
static int taken_before(pkg_reader *rd, long year, long grade, const char *const *text, int n)
{
	size_t len[4], size = 2 * 24 + 1;
	for (int i = 0; i < n; i++)
		size += (len[i] = strlen(text[i])) + 24;
	char small[512], *key = size <= sizeof small ? small : xmalloc(size), *at = key;
	put_number(&at, year);
	put_number(&at, grade);
	for (int i = 0; i < n; i++) {
		put_number(&at, (long)len[i]);
		memcpy(at, text[i], len[i]);
		at += len[i];
	}
	*at = '\0';
	if (!rd->keys)
		rd->keys = strmap_new_for((size_t)rd->lines);
	int before = strmap_add(rd->keys, key, 1);
	if (key != small)
		free(key);
	return before;
}

/* Reads the package's file with cols, every one of need[] required, at
 * most max rows, handing each row to fn. 0, or -1 with the package
 * refused (the file and line named). */
static int read_table(pkg_reader *rd, const char *file, const csvin_col *cols, size_t ncols, const int *need,
		      long max, row_fn fn)
{
	char *path = stick_path(rd->pkg->dir, file), *err = NULL, *unknown = NULL;
	const pkg_file *f = pkg_in_file(rd->pkg, file);
	rd->file = file;
	long rows = 0, lines = 0;
	/* Counted before anything is read or stored: every row takes a line at
	 * least, so more lines than a school's rows give the answer at once. */
	for (const char *c = f ? f->data : NULL; c && (c = memchr(c, '\n', f->len - (size_t)(c - f->data))); c++)
		lines++;
	rd->lines = lines;
	csvin *in = f && lines <= max + 1 ? csvin_open_mem(path, f->data, f->len, &err) : NULL;
	int rc = -1;
	if (!f)
		err = xasprintf(_("%s: %s is missing from the package"), rd->pkg->dir, file);
	else if (lines > max + 1)
		err = xasprintf(_("%s: more than %ld rows, more than a school has: not taken"), path, max);
	if (!in)
		goto out;
	if (csvin_header(in, cols, ncols, &err, &unknown) != 0)
		goto out;
	for (size_t i = 0; i < ncols; i++)
		if (need[i] && !csvin_header_name(in, i)) {
			err = xasprintf(_("%s:%ld: no column «%s»"), path, csvin_header_line(in),
					strchr(cols[i].aliases, '|') ? strchr(cols[i].aliases, '|') + 1 : cols[i].aliases);
			goto out;
		}
	csvin_row *row;
	int got;
	while ((got = csvin_next(in, &row, &err)) == 1) {
		if (++rows > max) {
			err = xasprintf(_("%s: more than %ld rows, more than a school has: not taken"), path, max);
			goto out;
		}
		if (fn(rd, row) != 0)
			goto out;
	}
	if (got == 0)
		rc = 0;
out:
	if (err)
		pkg_refuse(rd->r, err);
	if (rc == 0 && end_load(rd) != 0)
		rc = -1;
	sdb_copy_abort(rd->load);
	rd->load = NULL;
	strmap_free(rd->keys);
	rd->keys = NULL;
	free(unknown);
	free(path);
	csvin_close(in);
	return rc;
}

/* A bad row: the package is refused, naming the file and line. */
static int bad_row(pkg_reader *rd, const csvin_row *row, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int bad_row(pkg_reader *rd, const csvin_row *row, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	char *path = stick_path(rd->pkg->dir, rd->file);
	pkg_refuse(rd->r, xasprintf("%s:%ld: %s", path, row->line, msg));
	free(path);
	free(msg);
	return -1;
}


/* An optional number cell: 1 there, 0 empty, -1 not a number. */
static int opt_number(const char *s, double *v)
{
	if (cell_empty(s))
		return 0;
	return cell_number(s, v) == 0 ? 1 : -1;
}

static int opt_int(const char *s, long *v)
{
	if (cell_empty(s))
		return 0;
	return cell_int(s, v) == 0 ? 1 : -1;
}

enum { I_CODE, I_PROC, I_SUBJ, I_GRADE, I_YEAR, I_NUM, I_DEN, I_PCT, I_N };
static const csvin_col ind_cols[] = {
	{ "indicator", "indicator|Код показателя" }, { "procedure", "procedure|Процедура" },
	{ "subject", "subject|Предмет" }, { "grade", "grade|Параллель" }, { "year", "year|Год" },
	{ "numerator", "numerator|Числитель" }, { "denominator", "denominator|Знаменатель" },
	{ "percent", "percent|Процент" },
};
static const int ind_need[] = { 1, 1, 1, 1, 1, 1, 1, 1 };

static int indicator_row(pkg_reader *rd, const csvin_row *row)
{
	const char *const *f = row->field;
	long grade = 0, year, num = 0, den = 0;
	double pct = 0;
	int hn, hd, hp;
	if (cell_empty(f[I_CODE]))
		return bad_row(rd, row, _("no indicator code"));
	if ((!cell_empty(f[I_GRADE]) && (cell_int(f[I_GRADE], &grade) != 0 || grade < 1 || grade > 11)) ||
	    cell_int(f[I_YEAR], &year) != 0 || (hn = opt_int(f[I_NUM], &num)) < 0 ||
	    (hd = opt_int(f[I_DEN], &den)) < 0 || (hp = opt_number(f[I_PCT], &pct)) < 0)
		return bad_row(rd, row, _("the grade, year, numerator, denominator or percent is not a number"));
	/* A grade's own shares are its results counted again, and the office
	 * counts those from the results it keeps: only the pooled rows (and
	 * those of no procedure: staff, the risk group) are read again, to
	 * say what a newer package changed. Not keeping the rest spares the
	 * region four in five of the rows of this file. */
	if (!rd->store || grade)
		return 0;
	d_indicator v = { f[I_CODE], f[I_PROC], f[I_SUBJ], (int)grade, (int)year, hn, hd, hp, num, den, pct };
	char *err = NULL;
	sdb_copy *c = load(rd, db_d_indicator_load);
	return !c ? -1 : db_d_indicator_add(c, rd->package_id, &v, &err) == 0 ? 0 : db_failed(rd, err);
}

/* A package made before roadmaps were kept by years has no column of
 * them: its rows are of the one roadmap the school had. */
enum { A_SECTION, A_NUMBER, A_TITLE, A_DEADLINE, A_STATUS, A_DONE, A_OVERDUE, A_YEARS, A_N };
static const csvin_col act_cols[] = {
	{ "section", "section|Раздел" }, { "number", "number|№" }, { "title", "title|Мероприятие" },
	{ "deadline_text", "deadline_text|Сроки" }, { "status", "status|Код состояния" },
	{ "done_date", "done_date|Дата выполнения" }, { "overdue", "overdue|Просрочено" },
	{ "roadmap_years", "roadmap_years|Годы дорожной карты" },
};
static const int act_need[] = { 0, 1, 1, 0, 1, 0, 0, 0 };

static int activity_row(pkg_reader *rd, const csvin_row *row)
{
	const char *const *f = row->field;
	int over = 0, first, last;
	long ymd = 0;
	if (!activity_status_valid(f[A_STATUS]))
		return bad_row(rd, row, _("«%s» is not a status of an activity"), cell_shown(f[A_STATUS]));
	if (!cell_empty(f[A_DONE]) && cell_day(f[A_DONE], &ymd) != 0)
		return bad_row(rd, row, _("«%s» is not a date"), cell_shown(f[A_DONE]));
	if (f[A_OVERDUE] && cell_yesno(f[A_OVERDUE], &over) != 0)
		return bad_row(rd, row, _("«%s» is not yes or no"), cell_shown(f[A_OVERDUE]));
	if (f[A_YEARS] && !cell_empty(f[A_YEARS]) && roadmap_read_years(f[A_YEARS], &first, &last) != 0)
		return bad_row(rd, row, _("«%s» is not the years of a roadmap"), cell_shown(f[A_YEARS]));
	if (!rd->store)
		return 0;
	char *done = day_iso(ymd);
	d_activity a = { f[A_SECTION], f[A_NUMBER], f[A_TITLE], f[A_DEADLINE], f[A_STATUS], done, over,
			 f[A_YEARS] ? f[A_YEARS] : "" };
	char *err = NULL;
	sdb_copy *c = load(rd, db_d_activity_load);
	int rc = !c ? -1 : db_d_activity_add(c, rd->package_id, (int)row->line, &a, &err) == 0 ? 0 : db_failed(rd, err);
	free(done);
	return rc;
}

enum { R_PROC, R_SUBJ, R_GRADE, R_YEAR, R_CLASS, R_CODE, R_SCORE, R_MARK, R_JOURNAL, R_ABSENT, R_MAX, R_MIN,
       R_HIGH, R_N };
static const csvin_col res_cols[] = {
	{ "procedure", "procedure|Процедура" }, { "subject", "subject|Предмет" }, { "grade", "grade|Параллель" },
	{ "year", "year|Год" }, { "class", "class|Класс" }, { "student_code", "student_code|Код" },
	{ "score", "score|Балл" }, { "mark", "mark|Отметка" }, { "journal_mark", "journal_mark|Отметка по журналу" },
	{ "absent", "absent|Отсутствовал" }, { "max_score", "max_score|Макс. балл" },
	{ "min_score", "min_score|Мин. балл" }, { "high_score", "high_score|Высокий уровень" },
};
static const int res_need[] = { 1, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0 };

/* Whether this package's results of year are taken: they are when no
 * package made later gave that year's results already. */
static int take_year(pkg_reader *rd, int year, int *take)
{
	for (int i = 0; i < rd->nyears; i++)
		if (rd->years[i] == year) {
			*take = rd->take[i];
			return 0;
		}
	/* the connection answers nothing else while rows are loading */
	if (end_load(rd) != 0)
		return -1;
	char *held = NULL, *err = NULL;
	int rc = db_d_result_source_get(rd->db, rd->r->school_code, year, &held, &err);
	if (rc < 0)
		return db_failed(rd, err);
	*take = rc == 0 || strcmp(held, rd->created_at) < 0;
	if (*take && db_d_result_source_put(rd->db, rd->r->school_code, year, rd->r->period, rd->created_at, rc == 1,
					   &err) != 0) {
		free(held);
		return db_failed(rd, err);
	}
	if (!*take) {
		char *when = district_time_text(held);
		pkg_note(rd->r, _("results of %d: kept from a package made later (%s)"), year, when);
		free(when);
	}
	free(held);
	rd->years[rd->nyears] = year;
	rd->take[rd->nyears++] = *take;
	return 0;
}

static int result_row(pkg_reader *rd, const csvin_row *row)
{
	const char *const *f = row->field;
	d_result v = { .school_code = rd->r->school_code, .procedure = f[R_PROC], .subject = f[R_SUBJ],
		       .student = f[R_CODE], .class_label = f[R_CLASS] ? f[R_CLASS] : "" };
	long grade, year, mark = 0, journal = 0;
	if (cell_empty(f[R_PROC]) || cell_empty(f[R_SUBJ]) || cell_empty(f[R_CODE]))
		return bad_row(rd, row, _("the procedure, subject or pupil's code is empty"));
	if (cell_int(f[R_GRADE], &grade) != 0 || grade < 1 || grade > 11)
		return bad_row(rd, row, _("«%s» is not a grade from 1 to 11"), cell_shown(f[R_GRADE]));
	if (cell_int(f[R_YEAR], &year) != 0 || year < 2000 || year > 2100)
		return bad_row(rd, row, _("«%s» is not a year"), cell_shown(f[R_YEAR]));
	if (year < rd->first_year || year > rd->last_year)
		return bad_row(rd, row, _("results of %ld in a package of %s: a package holds its year and the year"
					  " before"), year, rd->r->period);
	if (cell_yesno(f[R_ABSENT], &v.absent) != 0)
		return bad_row(rd, row, _("«%s» is not yes or no"), cell_shown(f[R_ABSENT]));
	if ((v.has_score = opt_number(f[R_SCORE], &v.score)) < 0 || (v.has_max = opt_number(f[R_MAX], &v.max_score)) < 0 ||
	    (v.has_min = opt_number(f[R_MIN], &v.min_score)) < 0 ||
	    (v.has_high = opt_number(f[R_HIGH], &v.high_score)) < 0)
		return bad_row(rd, row, _("a score is not a number"));
	if ((v.has_mark = opt_int(f[R_MARK], &mark)) < 0 || (v.has_journal = opt_int(f[R_JOURNAL], &journal)) < 0 ||
	    mark < 0 || mark > 5 || journal < 0 || journal > 5)
		return bad_row(rd, row, _("a mark is not one from 1 to 5"));
	if (!v.absent && (!v.has_score || !v.has_min))
		return bad_row(rd, row, _("a pupil who was present has no score or the scale no minimum"));
	v.grade = (int)grade;
	v.year = (int)year;
	v.mark = (int)mark;
	v.journal_mark = (int)journal;
	if (!rd->store)
		return 0;
	int take = 0;
	if (take_year(rd, v.year, &take) != 0)
		return -1;
	if (!take)
		return 0;
	if (taken_before(rd, year, grade, (const char *const[]){ v.procedure, v.subject, v.student }, 3))
		return bad_row(rd, row, _("a second result of pupil %s in %s, %s, grade %ld, %ld"),
			       cell_shown(v.student), cell_shown(v.procedure), cell_shown(v.subject), grade, year);
	char *err = NULL;
	sdb_copy *c = load(rd, db_d_result_load);
	if (!c)
		return -1;
	if (db_d_result_add(c, &v, &err) != 0)
		return db_failed(rd, err);
	if (!rd->shares)
		rd->shares = share_tally_new(rd->r->school_code);
	share_tally_add(rd->shares, &v);
	rd->rows++;
	return 0;
}

/* The shares of the results taken, after them. */
static int store_shares(pkg_reader *rd)
{
	size_t n = rd->shares ? share_tally_count(rd->shares) : 0;
	if (!n)
		return 0;
	char *err = NULL;
	sdb_copy *c = db_d_share_load(rd->db, &err);
	if (!c)
		return db_failed(rd, err);
	for (size_t i = 0; i < n; i++)
		if (db_d_share_add(c, share_tally_get(rd->shares, i), &err) != 0) {
			sdb_copy_abort(c);
			return db_failed(rd, err);
		}
	return sdb_copy_end(c, &err) == 0 ? 0 : db_failed(rd, err);
}

/* staff.csv and events.csv are checked to be readable tables; the
 * district's own figures from them come through indicators.csv. */
static int any_row(pkg_reader *rd, const csvin_row *row)
{
	(void)rd, (void)row;
	return 0;
}

static const csvin_col staff_cols[] = { { "teacher_code", "teacher_code|Код учителя" } };
static const csvin_col event_cols[] = { { "date", "date|Дата" } };
static const int one_need[] = { 1 };

/* --- the ВПР task by task (issue 14): taskmap.csv, tasks.csv and
 * objectivity.csv, in packages that list them --- */

/* Whether the package's SHA256SUMS lists file (only the files it lists
 * were read): a package made before these files has none. */
static int listed(const pkg_reader *rd, const char *file)
{
	return pkg_in_file(rd->pkg, file) != NULL;
}

/* Whether the rows of year are taken: the year's results came in this
 * package and are kept. A year the results do not have is a bad row. */
static int year_taken(pkg_reader *rd, const csvin_row *row, const char *text, int *year, int *take)
{
	long y;
	if (cell_int(text, &y) != 0 || y < 2000 || y > 2100)
		return bad_row(rd, row, _("«%s» is not a year"), text);
	*year = (int)y;
	for (int i = 0; i < rd->nyears; i++)
		if (rd->years[i] == *year) {
			*take = rd->take[i] && rd->store;
			return 0;
		}
	if (!rd->store)
		return *take = 0;
	return bad_row(rd, row, _("the package has no results of %d"), *year);
}

enum { T_PROC, T_SUBJ, T_GRADE, T_YEAR, T_TASK, T_MAX, T_SKILL, T_BLOCK, T_LEVEL, T_REF, T_SCORE, T_CLASS, T_CODE,
       T_PART, T_PEAK, T_LOW, T_CONF, T_RAISED, T_FLAG, T_N };
static const csvin_col task_cols[] = {
	{ "procedure", "procedure|Процедура" }, { "subject", "subject|Предмет" }, { "grade", "grade|Параллель" },
	{ "year", "year|Год" }, { "task", "task|Задание" }, { "max_score", "max_score|Макс. балл" },
	{ "skill", "skill|Проверяемые требования (умения)" }, { "block", "block|Блок" }, { "level", "level|Уровень" },
	{ "reference_percent", "reference_percent|% выполнения по региону" }, { "score", "score|Балл" },
	{ "class", "class|Класс" }, { "student_code", "student_code|Код" }, { "participants", "participants|Участников" },
	{ "peak_at", "peak_at|Пик на балле" }, { "lowered", "lowered|Понизили" }, { "confirmed", "confirmed|Подтвердили" },
	{ "raised", "raised|Повысили" }, { "flag", "flag|Признак" },
};
static const int map_need[T_N] = { [T_PROC] = 1, [T_SUBJ] = 1, [T_GRADE] = 1, [T_YEAR] = 1, [T_TASK] = 1, [T_MAX] = 1 };
static const int score_need[T_N] = { [T_PROC] = 1, [T_SUBJ] = 1, [T_GRADE] = 1, [T_YEAR] = 1, [T_TASK] = 1,
				     [T_SCORE] = 1, [T_CODE] = 1 };
static const int obj_need[T_N] = { [T_PROC] = 1, [T_SUBJ] = 1, [T_GRADE] = 1, [T_YEAR] = 1, [T_PART] = 1, [T_FLAG] = 1 };

/* The assessment columns every one of the three files begins with. */
static int task_key(pkg_reader *rd, const csvin_row *row, long *grade, int *year, int *take)
{
	const char *const *f = row->field;
	if (cell_empty(f[T_PROC]) || cell_empty(f[T_SUBJ]))
		return bad_row(rd, row, _("the procedure or subject is empty"));
	if (cell_int(f[T_GRADE], grade) != 0 || *grade < 1 || *grade > 11)
		return bad_row(rd, row, _("«%s» is not a grade from 1 to 11"), f[T_GRADE]);
	return year_taken(rd, row, f[T_YEAR], year, take);
}

/* A package's reader as the task files' rows see it: with what they need
 * of the rows before them. */
struct task_tables {
	pkg_reader rd;		/* first: the rows are handed &rd */
	strmap *maxima;		/* taskmap.csv's tasks, "procedure|subject|grade|year|task" -> maximum × 100 */
	char *last;		/* the assessment of the map's last row, and its task's place */
	int sort;
};

static char *task_name(const csvin_row *row, int year, long grade, const char *number)
{
	return xasprintf("%s|%s|%ld|%d|%s", row->field[T_PROC], row->field[T_SUBJ], grade, year, number);
}

static int taskmap_row(pkg_reader *rd, const csvin_row *row)
{
	const char *const *f = row->field;
	long grade;
	int year, take;
	double max, ref = 0;
	int has_ref = 0;
	if (task_key(rd, row, &grade, &year, &take) != 0)
		return -1;
	if (cell_empty(f[T_TASK]) || cell_number(f[T_MAX], &max) != 0 || max <= 0 ||
	    (has_ref = opt_number(f[T_REF], &ref)) < 0)
		return bad_row(rd, row, _("a task without its number, or a maximum or share that is not a number"));
	char *key = task_name(row, year, grade, f[T_TASK]);
	long long seen;
	struct task_tables *tt = (struct task_tables *)rd;
	if (strmap_get(tt->maxima, key, &seen)) {
		free(key);
		return bad_row(rd, row, _("task %s is in the file twice"), f[T_TASK]);
	}
	strmap_put(tt->maxima, key, (long long)(max * 100 + 0.5));
	free(key);
	/* the task's place: the rows of one assessment come in its order */
	char *assess = task_name(row, year, grade, "");
	tt->sort = tt->last && !strcmp(tt->last, assess) ? tt->sort + 1 : 1;
	free(tt->last);
	tt->last = assess;
	if (!take)
		return 0;
	d_task t = { rd->r->school_code, f[T_PROC], f[T_SUBJ], f[T_TASK], f[T_SKILL] ? f[T_SKILL] : "",
		     f[T_BLOCK] ? f[T_BLOCK] : "", f[T_LEVEL] ? f[T_LEVEL] : "", year, (int)grade, tt->sort, max, has_ref,
		     ref };
	char *err = NULL;
	sdb_copy *c = load(rd, db_d_task_load);
	return !c ? -1 : db_d_task_add(c, &t, &err) == 0 ? 0 : db_failed(rd, err);
}

static int task_score_row(pkg_reader *rd, const csvin_row *row)
{
	const char *const *f = row->field;
	long grade;
	int year, take;
	double score;
	if (task_key(rd, row, &grade, &year, &take) != 0)
		return -1;
	if (cell_empty(f[T_CODE]) || cell_number(f[T_SCORE], &score) != 0 || score < 0)
		return bad_row(rd, row, _("the pupil's code is empty or the score is not a number"));
	char *key = task_name(row, year, grade, f[T_TASK]);
	long long max;
	int known = strmap_get(((struct task_tables *)rd)->maxima, key, &max);
	free(key);
	if (!known)
		return bad_row(rd, row, _("task %s is not in taskmap.csv"), f[T_TASK]);
	if (score * 100 > (double)max + 0.5)
		return bad_row(rd, row, _("score %s is above the task's maximum"), f[T_SCORE]);
	if (!take)
		return 0;
	if (taken_before(rd, year, grade, (const char *const[]){ f[T_PROC], f[T_SUBJ], f[T_CODE], f[T_TASK] }, 4))
		return bad_row(rd, row, _("a second score of pupil %s in task %s"), f[T_CODE], f[T_TASK]);
	d_task_score v = { rd->r->school_code, f[T_PROC], f[T_SUBJ], f[T_CODE], f[T_TASK], year, (int)grade, score };
	char *err = NULL;
	sdb_copy *c = load(rd, db_d_task_score_load);
	if (!c)
		return -1;
	if (db_d_task_score_add(c, &v, &err) != 0)
		return db_failed(rd, err);
	return 0;
}

static int objectivity_row(pkg_reader *rd, const csvin_row *row)
{
	const char *const *f = row->field;
	long grade, n;
	int year, take, flag;
	double v[4] = { 0 };
	int has[4];
	if (task_key(rd, row, &grade, &year, &take) != 0)
		return -1;
	if (cell_int(f[T_PART], &n) != 0 || n < 0 || cell_yesno(f[T_FLAG], &flag) != 0 ||
	    (has[0] = opt_number(f[T_PEAK], &v[0])) < 0 || (has[1] = opt_number(f[T_LOW], &v[1])) < 0 ||
	    (has[2] = opt_number(f[T_CONF], &v[2])) < 0 || (has[3] = opt_number(f[T_RAISED], &v[3])) < 0)
		return bad_row(rd, row, _("the participants, the peak, a share or the sign is not one"));
	if (!take)
		return 0;
	d_objectivity o = { (char *)rd->r->school_code, (char *)f[T_PROC], (char *)f[T_SUBJ], year, (int)grade, n,
			    has[0], has[1] && has[2] && has[3], flag, v[0], v[1], v[2], v[3] };
	char *err = NULL;
	sdb_copy *c = load(rd, db_d_objectivity_load);
	return !c ? -1 : db_d_objectivity_add(c, &o, &err) == 0 ? 0 : db_failed(rd, err);
}

/* The three files, those the package lists. */
static int read_task_tables(pkg_reader *rd)
{
	struct task_tables tt = { *rd, strmap_new(), NULL, 0 };
	pkg_reader *t = &tt.rd;
	/* A task score a row: as many as results times their tasks (the
	 * package's size bounds them too). */
	int rc = (listed(t, "taskmap.csv") &&
		  read_table(t, "taskmap.csv", task_cols, T_N, map_need, PKG_MAX_ROWS, taskmap_row) != 0) ||
		 (listed(t, "tasks.csv") &&
		  read_table(t, "tasks.csv", task_cols, T_N, score_need, PKG_MAX_TASK_SCORES, task_score_row) != 0) ||
		 (listed(t, "objectivity.csv") &&
		  read_table(t, "objectivity.csv", task_cols, T_N, obj_need, PKG_MAX_ROWS, objectivity_row) != 0) ? -1 : 0;
	strmap_free(tt.maxima);
	free(tt.last);
	return rc;
}

int pkg_read_tables(pkg_reader *rd)
{
	int year, half;
	if (half_parse(rd->r->period, &year, &half) != 0)
		return pkg_refuse(rd->r, xasprintf(_("%s/manifest.txt: «%s» is not a half-year"), rd->pkg->dir,
						   cell_shown(rd->r->period)));
	rd->first_year = year - 1;
	rd->last_year = year;
	int rc = read_table(rd, "indicators.csv", ind_cols, I_N, ind_need, PKG_MAX_ROWS, indicator_row) != 0 ||
		 read_table(rd, "roadmap.csv", act_cols, A_N, act_need, PKG_MAX_ROWS, activity_row) != 0 ||
		 read_table(rd, "results.csv", res_cols, R_N, res_need, PKG_MAX_RESULTS, result_row) != 0 ||
		 (rd->store && store_shares(rd) != 0) ||
		 read_table(rd, "staff.csv", staff_cols, 1, one_need, PKG_MAX_ROWS, any_row) != 0 ||
		 read_table(rd, "events.csv", event_cols, 1, one_need, PKG_MAX_ROWS, any_row) != 0 ||
		 read_task_tables(rd) != 0 ? -1 : 0;
	share_tally_free(rd->shares);
	rd->shares = NULL;
	return rc;
}

