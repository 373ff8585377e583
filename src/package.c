#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "day.h"
#include "db.h"
#include "identity.h"
#include "indicators.h"
#include "keys.h"
#include "keyval.h"
#include "package.h"
#include "objectivity.h"
#include "report-html.h"
#include "roadmap.h"
#include "store.h"
#include "tasks.h"

void period_days(int year, int half, long *from, long *to, long *deadline)
{
	half_days(year, half, from, to);
	*deadline = year * 10000L + (half == 1 ? 620 : 1210);
}

/* A file being written into memory. */
struct out {
	FILE *fp;
	char *data;
	size_t len;
};

static FILE *open_out(struct out *o, const csv_style *st)
{
	o->fp = open_memstream(&o->data, &o->len);
	if (o->fp && st && st->bom)
		fputs("\xEF\xBB\xBF", o->fp);
	return o->fp;
}

static void add_file(package *p, const char *name, struct out *o)
{
	fclose(o->fp);
	p->files = xrealloc(p->files, (p->n + 1) * sizeof *p->files);
	p->files[p->n++] = (pkg_file){ xstrdup(name), o->data, o->len };
	p->bytes += (long long)o->len;
}

char *package_safe_name(const char *s, char **err)
{
	/* A code that is "..", hidden or a path never becomes a name here,
	 * whatever the database holds. */
	if (identity_check_field(ID_CODE, s, err) != 0)
		return NULL;
	char *t = xstrdup(s);
	for (char *c = t; *c; c++)
		if (strchr("\\/:*?\"<>| ", *c))
			*c = '_';
	return t;
}

static void write_manifest(struct out *o, const school *sc, const char *period, const char *created,
			   const csv_style *st, int with_names)
{
	const char *keys[] = { "format", "school_code", "school_name", "district", "period", "created_at",
			       "app_version", "dialect", "with_names" };
	const char *values[] = { PACKAGE_FORMAT, sc->code, sc->name, sc->district, period, created, PACKAGE_VERSION,
				 st->name, with_names ? "yes" : "no" };
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		keyval_put(o->fp, keys[i], values[i]);
}

static void write_indicators(struct out *o, const csv_style *st, const ind_set *s)
{
	const char *head[] = { "Показатель", "Код показателя", "Процедура", "Предмет", "Параллель", "Год",
			       "Числитель", "Знаменатель", "Процент" };
	csvout_row(o->fp, st, head, 9);
	for (size_t i = 0; i < s->n; i++) {
		const indicator *v = &s->v[i];
		int change = v->code == IND_BELOW_MIN_CHANGE, count = indicator_is_count(v->code);
		char *grade = v->grade ? xasprintf("%d", v->grade) : xstrdup("");
		char *year = xasprintf("%d", v->year);
		char *num = change ? xstrdup("") : xasprintf("%ld", v->num);
		char *den = change || count ? xstrdup("") : xasprintf("%ld", v->den);
		char *pct = count ? xstrdup("") : csvout_tenths(st, v->tenths);
		const char *row[] = { indicator_title(v->code), indicator_code(v->code),
				      v->procedure_id ? refmap_name(s->proc, v->procedure_id) : "",
				      v->subject_id ? refmap_name(s->subj, v->subject_id) : "", grade, year, num, den, pct };
		csvout_row(o->fp, st, row, 9);
		free(grade), free(year), free(num), free(den), free(pct);
	}
}

/* Every activity with the years of its roadmap (a package for the second
 * half-year may carry the school year ending and the one beginning). */
static void write_roadmap(struct out *o, const csv_style *st, const activity *v, size_t n, long today)
{
	const char *head[] = { "Раздел", "№", "Мероприятие", "Сроки", "Начало", "Окончание", "Повторение",
			       "Ответственные", "Ожидаемый результат", "Состояние", "Код состояния",
			       "Дата выполнения", "Что сделано", "Участников", "Просрочено", "Годы дорожной карты" };
	csvout_row(o->fp, st, head, 16);
	for (size_t i = 0; i < n; i++) {
		const activity *a = &v[i];
		char *section = a->section_id ? xasprintf("%s%s%s", a->section_number, *a->section_number ? " " : "",
							  a->section_title) : xstrdup("");
		char *s1 = day_iso(a->start), *e1 = day_iso(a->end);
		char *start = csvout_date(st, s1), *end = csvout_date(st, e1), *done = csvout_date(st, a->done_on);
		char *people = a->participants >= 0 ? xasprintf("%ld", a->participants) : xstrdup("");
		char *years = roadmap_years_text(a->first_year, a->last_year);
		const char *row[] = { section, a->number, a->title, a->deadline_text, start, end, a->recurrence,
				      a->responsible, a->expected_result, activity_status_title(a->status), a->status,
				      done, a->evidence, people, activity_overdue(a, today) ? "да" : "нет", years };
		csvout_row(o->fp, st, row, 16);
		free(section), free(s1), free(e1), free(start), free(end), free(done), free(people), free(years);
	}
}

struct results_ctx {
	struct out *o;
	const csv_style *st;
	int with_names;
};

static int write_result(void *vctx, const result_line *l)
{
	struct results_ctx *c = vctx;
	const csv_style *st = c->st;
	char *grade = xasprintf("%d", l->grade), *year = xasprintf("%d", l->year);
	char *date = csvout_date(st, l->taken_on);
	char *score = l->r.has_score ? csvout_number(st, l->r.score) : xstrdup("");
	int m = indicator_mark(&l->sc, &l->r);
	char *mark = m && !l->r.absent ? xasprintf("%d", m) : xstrdup("");
	char *journal = l->r.has_journal ? xasprintf("%d", l->r.journal_mark) : xstrdup("");
	char *max = csvout_number(st, l->sc.max_score), *min = csvout_number(st, l->sc.min_score);
	char *high = l->sc.has_high || l->sc.has_score5
		? csvout_number(st, l->sc.has_high ? l->sc.high_score : l->sc.score5) : xstrdup("");
	const char *row[] = { l->procedure, l->subject, grade, year, date, l->class_label, l->code, score, mark,
			      journal, l->r.absent ? "да" : "", max, min, high, l->name };
	csvout_row(c->o->fp, st, row, c->with_names ? 15 : 14);
	free(grade), free(year), free(date), free(score), free(mark), free(journal), free(max), free(min), free(high);
	return 0;
}

/* The teachers, their diagnostics and the date of their latest course (the
 * columns staff import reads). Names only with with_names, like pupils'. */
static int write_staff(sqlite3 *db, struct out *o, const csv_style *st, int with_names, char **err)
{
	teacher *v;
	size_t n;
	if (db_teacher_list(db, &v, &n, err) != 0)
		return -1;
	const char *head[] = { "Код учителя", "Предметы", "Дата диагностики", "Результат диагностики",
			       "Молодой специалист", "Дата курсов", "ФИО" };
	csvout_row(o->fp, st, head, with_names ? 7 : 6);
	for (size_t i = 0; i < n; i++) {
		char *dd = csvout_date(st, v[i].diagnostics_date), *cd = csvout_date(st, v[i].last_course_on);
		char *name = xasprintf("%s %s %s", v[i].last_name, v[i].first_name, v[i].middle_name);
		const char *row[] = { v[i].code, v[i].subjects, dd, v[i].diagnostics_result,
				      v[i].young_specialist ? "да" : "нет", cd, name };
		csvout_row(o->fp, st, row, with_names ? 7 : 6);
		free(dd), free(cd), free(name);
	}
	teacher_list_free(v, n);
	return 0;
}

static void write_events(struct out *o, const csv_style *st, const event_item *v, size_t n, const activity *acts,
			 size_t nacts, long from, long to)
{
	const char *head[] = { "Дата", "Вид", "Тема", "Участников", "№ мероприятия дорожной карты" };
	csvout_row(o->fp, st, head, 5);
	for (size_t i = 0; i < n; i++) {
		long day = atol(v[i].held_on) * 10000 + atol(v[i].held_on + 5) * 100 + atol(v[i].held_on + 8);
		if (day < from || day > to)
			continue;
		const char *number = "";
		for (size_t k = 0; k < nacts; k++)
			if (acts[k].id == v[i].activity_id)
				number = acts[k].number;
		char *date = csvout_date(st, v[i].held_on);
		char *people = v[i].participants >= 0 ? xasprintf("%ld", v[i].participants) : xstrdup("");
		const char *row[] = { date, v[i].kind, v[i].topic, people, number };
		csvout_row(o->fp, st, row, 5);
		free(date), free(people);
	}
}

int package_build(sqlite3 *db, const char *period, const csv_style *st, int with_names, const char *made_at,
		  package *out, char **err)
{
	*out = (package){ 0 };
	int year, half;
	if (half_parse(period, &year, &half) != 0) {
		*err = xasprintf(_("'%s' is not a half-year (write 2026-H1 or 2026-H2)"), period);
		return -1;
	}
	long from, to, deadline, today = day_today();
	period_days(year, half, &from, &to, &deadline);
	school sc = { 0 };
	ind_set now = { 0 }, was = { 0 };
	roadmap_info *rms = NULL;
	activity *acts = NULL;
	event_item *events = NULL;
	size_t nrms = 0, nacts = 0, nevents = 0;
	int rc = -1;
	char *created = NULL;
	if (db_school_get(db_sdb(db), &sc, err) != 1) {
		if (!*err)
			*err = xasprintf(_("the database has no school yet"));
		return -1;
	}
	if (indicators_compute(db, year, &now, err) != 0 || indicators_compute(db, year - 1, &was, err) != 0 ||
	    roadmap_meeting(db, from, to, &rms, &nrms, &acts, &nacts, err) != 0 ||
	    db_event_list(db, 0, &events, &nevents, err) != 0)
		goto out;
	if (keys_own(db_sdb(db), &out->key, &out->key_news, err) < 0)
		goto out;
	out->has_key = 1;
	out->private_files = with_names;
	created = made_at ? xstrdup(made_at) : day_now_iso();
	char *code = package_safe_name(sc.code, err);
	if (!code)
		goto out;
	out->dirname = xasprintf("orientir-%s-%s", code, period);
	free(code);

	struct out o;
	if (!open_out(&o, NULL))
		goto nomem;
	write_manifest(&o, &sc, period, created, st, with_names);
	add_file(out, "manifest.txt", &o);

	if (!open_out(&o, NULL))
		goto nomem;
	/* The ВПР task by task and the signs of biased results (issue 14). */
	task_report tr;
	obj_report orep;
	int trc = tasks_compute(db, year, NULL, &tr, err), orc = trc ? -1 : objectivity_compute(db, year, &orep, err);
	report_data rd = { &sc, period, year, half, from, to, today, created, &now, &was, rms, nrms,
			   acts, nacts, events, nevents, &tr, &orep };
	if (orc == 0)
		report_html_write(o.fp, &rd);
	task_report_free(&tr);
	if (trc == 0)
		obj_report_free(&orep);
	if (orc != 0) {
		fclose(o.fp);
		free(o.data);
		goto out;
	}
	add_file(out, "report.html", &o);

	if (!open_out(&o, st))
		goto nomem;
	write_indicators(&o, st, &now);
	add_file(out, "indicators.csv", &o);

	if (!open_out(&o, st))
		goto nomem;
	write_roadmap(&o, st, acts, nacts, today);
	add_file(out, "roadmap.csv", &o);

	/* The year and the one before: the district's dynamics need both. The
	 * scale's maximum, minimum and high level ride along so that the rows
	 * stand on their own: the district computes its indicators from them. */
	if (!open_out(&o, st))
		goto nomem;
	const char *rhead[] = { "Процедура", "Предмет", "Параллель", "Год", "Дата", "Класс", "Код", "Балл", "Отметка",
				"Отметка по журналу", "Отсутствовал", "Макс. балл", "Мин. балл", "Высокий уровень",
				"ФИО" };
	csvout_row(o.fp, st, rhead, with_names ? 15 : 14);
	struct results_ctx rc_ctx = { &o, st, with_names };
	if (db_result_lines(db, year - 1, year, write_result, &rc_ctx, err) != 0) {
		fclose(o.fp);
		free(o.data);
		goto out;
	}
	add_file(out, "results.csv", &o);

	if (!open_out(&o, st))
		goto nomem;
	if (write_staff(db, &o, st, with_names, err) != 0) {
		fclose(o.fp);
		free(o.data);
		goto out;
	}
	add_file(out, "staff.csv", &o);

	if (!open_out(&o, st))
		goto nomem;
	write_events(&o, st, events, nevents, acts, nacts, from, to);
	add_file(out, "events.csv", &o);

	/* The ВПР task by task and the signs of biased results (issue 14). */
	pkg_file tasks[3];
	if (package_tasks_files(db, year - 1, year, st, tasks, err) != 0)
		goto out;
	for (int i = 0; i < 3; i++) {
		out->files = xrealloc(out->files, (out->n + 1) * sizeof *out->files);
		out->files[out->n++] = tasks[i];
		out->bytes += (long long)tasks[i].len;
	}
	rc = 0;
	goto out;
nomem:
	*err = xasprintf(_("out of memory"));
out:
	free(created);
	if (rc != 0)
		package_free(out);
	school_clear(&sc);
	ind_set_free(&now);
	ind_set_free(&was);
	roadmap_list_free(rms, nrms);
	activity_list_free(acts, nacts);
	event_list_free(events, nevents);
	return rc;
}

void package_free(package *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->files[i].name);
		free(p->files[i].data);
	}
	free(p->files);
	free(p->dirname);
	free(p->key_news);
	*p = (package){ 0 };
}
