#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "num.h"
#include "tasks.h"
#include "utf8.h"

/* --- the analysis --- */

/* Sums of one assessment's scores, by class, as the walk finds them. */
struct walk {
	size_t ntasks;
	char **classes;
	size_t nclasses, last;
	double *sums;		/* nclasses rows of ntasks */
	long *participants;
	double *v;
};

static int visit(void *ctx, long student_id, const char *class_label, const char *scores)
{
	struct walk *w = ctx;
	(void)student_id;
	if (!*scores || task_scores_read(scores, w->v, w->ntasks) != (int)w->ntasks)
		return 0;	/* absent: a row of the form without scores */
	size_t c = w->last;
	if (c >= w->nclasses || strcmp(w->classes[c], class_label) != 0) {
		for (c = 0; c < w->nclasses && strcmp(w->classes[c], class_label) != 0; c++)
			;
		if (c == w->nclasses) {
			w->classes = xrealloc(w->classes, (c + 1) * sizeof *w->classes);
			w->classes[c] = xstrdup(class_label);
			w->sums = xrealloc(w->sums, (c + 1) * w->ntasks * sizeof *w->sums);
			memset(w->sums + c * w->ntasks, 0, w->ntasks * sizeof *w->sums);
			w->participants = xrealloc(w->participants, (c + 1) * sizeof *w->participants);
			w->participants[c] = 0;
			w->nclasses++;
		}
		w->last = c;
	}
	double *row = w->sums + c * w->ntasks;
	for (size_t k = 0; k < w->ntasks; k++)
		row[k] += w->v[k];
	w->participants[c]++;
	return 0;
}

static int by_label(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	return utf8_collate(x, strlen(x), y, strlen(y));
}

/* The figures of t from the walk's sums: classes in order, the school first. */
static void fill_cells(task_assess *t, struct walk *w, const analysis_rules *r)
{
	size_t nt = t->ntasks, nc = w->nclasses;
	char **sorted = xcalloc(nc + 1, sizeof *sorted);
	memcpy(sorted, w->classes, nc * sizeof *sorted);
	if (nc > 1)
		qsort(sorted, nc, sizeof *sorted, by_label);
	t->classes = sorted;
	t->nclasses = nc;
	t->cells = xcalloc((nc + 1) * nt, sizeof *t->cells);
	t->participants = xcalloc(nc + 1, sizeof *t->participants);
	for (size_t i = 0; i < nc; i++) {
		size_t c;
		for (c = 0; strcmp(w->classes[c], sorted[i]) != 0; c++)
			;
		t->participants[i + 1] = w->participants[c];
		t->participants[0] += w->participants[c];
		for (size_t k = 0; k < nt; k++) {
			t->cells[(i + 1) * nt + k].sum = w->sums[c * nt + k];
			t->cells[k].sum += w->sums[c * nt + k];
		}
	}
	for (size_t row = 0; row <= nc; row++)
		for (size_t k = 0; k < nt; k++) {
			task_cell *cell = &t->cells[row * nt + k];
			cell->participants = t->participants[row];
			cell->tenths = tasks_tenths(cell->sum, cell->participants, t->tasks[k].max_score);
			cell->deficit = tasks_is_deficit(r, cell->tenths, t->tasks[k].has_reference,
							 t->tasks[k].reference_percent);
		}
	free(w->classes);
	free(w->sums);
	free(w->participants);
}

int tasks_compute(sqlite3 *db, int year, const task_filter *f, task_report *out, char **err)
{
	*out = (task_report){ .year = year };
	analysis_rules_get(db_sdb(db), &out->rules);
	if (!(out->proc = db_ref_load(db, REF_PROCEDURE, err)) || !(out->subj = db_ref_load(db, REF_SUBJECT, err)))
		return -1;
	long proc = 0, subj = 0;
	if (f && f->procedure && !(proc = refmap_find(out->proc, f->procedure))) {
		*err = xasprintf(_("unknown procedure «%s»"), f->procedure);
		return -1;
	}
	if (f && f->subject && !(subj = refmap_find(out->subj, f->subject))) {
		*err = xasprintf(_("unknown subject «%s»"), f->subject);
		return -1;
	}
	assessment *as;
	size_t na;
	if (db_assessment_list_year(db, year, &as, &na, err) != 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < na && rc == 0; i++) {
		const assessment *a = &as[i];
		if ((proc && a->procedure_id != proc) || (subj && a->subject_id != subj) || (f && f->grade && a->grade != f->grade))
			continue;
		task_def *tasks;
		size_t nt;
		if ((rc = db_task_list(db, a->id, &tasks, &nt, err)) != 0)
			break;
		if (!nt) {
			free(tasks);
			continue;
		}
		struct walk w = { .ntasks = nt, .v = xcalloc(nt, sizeof *w.v) };
		rc = db_task_score_each(db, a->id, visit, &w, err);
		out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
		task_assess *t = &out->v[out->n++];
		*t = (task_assess){ .a = *a, .procedure = refmap_name(out->proc, a->procedure_id),
				    .subject = refmap_name(out->subj, a->subject_id), .tasks = tasks, .ntasks = nt };
		fill_cells(t, &w, &out->rules);
		free(w.v);
	}
	free(as);
	return rc;
}

void task_report_free(task_report *r)
{
	for (size_t i = 0; i < r->n; i++) {
		task_assess *t = &r->v[i];
		task_list_free(t->tasks, t->ntasks);
		for (size_t c = 0; c < t->nclasses; c++)
			free(t->classes[c]);
		free(t->classes);
		free(t->cells);
		free(t->participants);
	}
	free(r->v);
	refmap_free(r->proc);
	refmap_free(r->subj);
	*r = (task_report){ 0 };
}

int tasks_zero_pupils(sqlite3 *db, const task_assess *t, size_t task, char ***out, size_t *n, char **err)
{
	task_pupil *v;
	size_t nv;
	*out = NULL;
	*n = 0;
	if (db_task_pupils(db, t->a.id, &v, &nv, err) != 0)
		return -1;
	double *s = xcalloc(t->ntasks, sizeof *s);
	for (size_t i = 0; i < nv; i++) {
		if (!*v[i].scores || task_scores_read(v[i].scores, s, t->ntasks) != (int)t->ntasks || s[task] != 0)
			continue;
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		(*out)[(*n)++] = xasprintf("%s (%s)", *v[i].name ? v[i].name : v[i].code, v[i].class_label);
	}
	free(s);
	task_pupils_free(v, nv);
	return 0;
}

void tasks_names_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int tasks_pupil_deficits(sqlite3 *db, long student_id, int year, pupil_deficit **out, size_t *n, char **err)
{
	analysis_rules r;
	analysis_rules_get(db_sdb(db), &r);
	*out = NULL;
	*n = 0;
	task_own *own;
	size_t nown;
	if (db_task_of_pupil(db, student_id, year, &own, &nown, err) != 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < nown && rc == 0; i++) {
		task_def *t;
		size_t nt;
		if ((rc = db_task_list(db, own[i].assessment_id, &t, &nt, err)) != 0)
			break;
		double *s = xcalloc(nt + 1, sizeof *s);
		if (*own[i].scores && task_scores_read(own[i].scores, s, nt) == (int)nt)
			for (size_t k = 0; k < nt; k++) {
				if (s[k] * 100 >= r.deficit_below * t[k].max_score)
					continue;
				*out = xrealloc(*out, (*n + 1) * sizeof **out);
				(*out)[(*n)++] = (pupil_deficit){ xstrdup(own[i].procedure), xstrdup(own[i].subject),
								  xstrdup(t[k].number), xstrdup(t[k].skill),
								  xstrdup(t[k].block), s[k], t[k].max_score };
			}
		free(s);
		task_list_free(t, nt);
	}
	task_own_free(own, nown);
	if (rc != 0) {
		pupil_deficits_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

void pupil_deficits_free(pupil_deficit *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].procedure), free(v[i].subject), free(v[i].number), free(v[i].skill), free(v[i].block);
	free(v);
}

/* What a task is about in a few words: its block, else the start of its
 * skill, else nothing. */
static char *topic(const pupil_deficit *d)
{
	if (*d->block)
		return xstrdup(d->block);
	if (!*d->skill)
		return xstrdup("");
	size_t n = utf8_fit_words(d->skill, 40);
	return n < strlen(d->skill) ? xasprintf("%.*s…", (int)n, d->skill) : xstrdup(d->skill);
}

char *tasks_route_text(const pupil_deficit *v, size_t n)
{
	char *s = xstrdup("");
	for (size_t i = 0; i < n; i++) {
		if (i && !strcmp(v[i].subject, v[i - 1].subject))
			continue;
		/* the subject's topics, each with its tasks' numbers */
		char *part = xstrdup("");
		for (size_t j = i; j < n && !strcmp(v[j].subject, v[i].subject); j++) {
			char *tj = topic(&v[j]);
			int seen = 0;
			for (size_t k = i; k < j && !seen; k++) {
				char *tk = topic(&v[k]);
				seen = !strcmp(tj, tk);
				free(tk);
			}
			if (!seen) {
				char *numbers = xstrdup(v[j].number);
				for (size_t k = j + 1; k < n && !strcmp(v[k].subject, v[i].subject); k++) {
					char *tk = topic(&v[k]);
					if (!strcmp(tj, tk)) {
						char *t = xasprintf("%s, %s", numbers, v[k].number);
						free(numbers);
						numbers = t;
					}
					free(tk);
				}
				/* TRANSLATORS: a topic and the numbers of its tasks, «Геометрия (з. 4, 6)»;
				 * a task without a topic is only its numbers, «з. 4». */
				char *item = *tj ? xasprintf(_("%s (t. %s)"), tj, numbers) : xasprintf(_("t. %s"), numbers);
				char *t = xasprintf("%s%s%s", part, *part ? ", " : "", item);
				free(part), free(item), free(numbers);
				part = t;
			}
			free(tj);
		}
		char *t = xasprintf("%s%s%s: %s", s, *s ? "; " : "", v[i].subject, part);
		free(s), free(part);
		s = t;
	}
	return s;
}

char **tasks_deficit_lines(const task_report *r, size_t *n)
{
	char **v = NULL;
	*n = 0;
	for (size_t i = 0; i < r->n; i++) {
		const task_assess *t = &r->v[i];
		int first = 1;
		for (size_t k = 0; k < t->ntasks; k++) {
			const task_cell *c = task_at(t, 0, k);
			if (!c->deficit)
				continue;
			v = xrealloc(v, (*n + 2) * sizeof *v);
			if (first) {
				v[(*n)++] = xasprintf(_("%s (%s, grade %d)"), t->subject, t->procedure, t->a.grade);
				first = 0;
			}
			char *pct = num_tenths(c->tenths);
			char *ref = t->tasks[k].has_reference ? num_tenths((int)(t->tasks[k].reference_percent * 10 + 0.5)) : NULL;
			char *head = ref ? xasprintf(_("task %s — %s %% (region %s %%)"), t->tasks[k].number, pct, ref)
					 : xasprintf(_("task %s — %s %%"), t->tasks[k].number, pct);
			v[(*n)++] = *t->tasks[k].skill ? xasprintf("  • %s: %s", head, t->tasks[k].skill) : xasprintf("  • %s", head);
			free(pct), free(ref), free(head);
		}
	}
	return v;
}
