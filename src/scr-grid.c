/* The results grid: the pupils of a grade, one line each; typing digits
 * edits the score, Enter moves down. Each finished line is kept as a
 * draft at once; F2 saves them all into the results in one transaction. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "grid.h"
#include "scr.h"
#include "ui-list.h"

enum { COL_SCORE, COL_JOURNAL, COL_ABSENT, NCOLS };

struct state {
	grid g;
	ui_list *list;		/* the rows, one per pupil */
	int col;
	char buf[16];		/* what is being typed into the current cell */
	int editing;
};

/* The current row, or NULL when the grade has no pupils. */
static grid_row *current(struct state *s)
{
	size_t i;
	return ui_list_current(s->list, &i) ? &s->g.rows[i] : NULL;
}

/* Where the columns start: number, code, name (what is left), class,
 * score, mark, journal, absent; the last cell marks a line not saved. */
struct cols {
	int num, code, name, namew, class_, score, mark, journal, absent, dirty;
};

static struct cols columns(int x, int width)
{
	int e = x + width;
	struct cols c = { .num = x, .code = x + 5, .name = x + 15, .class_ = e - 36, .score = e - 29, .mark = e - 21,
			  .journal = e - 14, .absent = e - 6, .dirty = e - 1 };
	c.namew = c.class_ - c.name - 1;
	return c;
}

static void header(void *ctx, WINDOW *w, int y, int x, int width)
{
	(void)ctx;
	struct cols c = columns(x, width);
	mvwaddstr(w, y, c.num, "№");
	ui_put(w, y, c.code, 9, _("Code"));
	ui_put(w, y, c.name, c.namew, _("Pupil"));
	ui_put(w, y, c.class_, 6, _("Class"));
	ui_put(w, y, c.score, 7, _("Score"));
	ui_put(w, y, c.mark, 6, _("Mark"));
	ui_put(w, y, c.journal, 7, _("Journal"));
	ui_put(w, y, c.absent, 5, _("Abs."));
}

static void row(void *ctx, WINDOW *w, int y, int x, int width, size_t item, int cur, attr_t base)
{
	struct state *s = ctx;
	const grid *g = &s->g;
	const grid_row *r = &g->rows[item];
	struct cols c = columns(x, width);
	mvwprintw(w, y, c.num, "%zu", item + 1);
	ui_put(w, y, c.code, 9, r->code);
	ui_put(w, y, c.name, c.namew, r->name);
	ui_put(w, y, c.class_, 6, r->class_label);
	char *cells[NCOLS];
	cells[COL_SCORE] = r->now.has_score ? cell_number_text(r->now.score) : xstrdup("");
	cells[COL_JOURNAL] = r->now.has_journal ? xasprintf("%d", r->now.journal_mark) : xstrdup("");
	cells[COL_ABSENT] = xstrdup(r->now.absent ? _("abs.") : "");
	int xs[NCOLS] = { c.score, c.journal, c.absent }, ws[NCOLS] = { 6, 6, 5 };
	for (int k = 0; k < NCOLS; k++) {
		const char *text = cur && k == s->col && s->editing ? s->buf : cells[k];
		if (cur && k == s->col)
			wattrset(w, ui_attr(UA_FIELD) | A_BOLD);
		mvwhline(w, y, xs[k], ' ', ws[k]);
		ui_put(w, y, xs[k] + 1, ws[k] - 1, text);
		wattrset(w, base);
		free(cells[k]);
	}
	/* The mark follows the score while it is being typed. */
	grid_row shown = *r;
	double typed = 0;
	if (cur && s->editing && s->col == COL_SCORE) {
		shown.now.has_score = cell_number(s->buf, &typed) == 0 && typed <= g->a.sc.max_score;
		shown.now.score = typed;
		shown.now.absent = 0;
	}
	int mark = grid_mark(g, &shown);
	if (mark)
		mvwprintw(w, y, c.mark + 2, "%d", mark);
	if (grid_row_dirty(r))
		mvwaddstr(w, y, c.dirty, "*");
}

/* The pupil's whole name, class and code, under the grid: the name column
 * shortens a long one. */
static char *detail(void *ctx, size_t item)
{
	const struct state *s = ctx;
	const grid_row *r = &s->g.rows[item];
	return xasprintf(_("%s, %s, code %s%s"), r->name, r->class_label, r->code,
			 grid_row_dirty(r) ? _(" · not saved yet") : "");
}

static void draw(ui_screen *scr, WINDOW *w)
{
	struct state *s = scr->data;
	const grid *g = &s->g;
	int width = getmaxx(w), height = getmaxy(w);
	curs_set(0);
	char *head = xasprintf(_("%s · %s · grade %d · %d"), g->procedure, g->subject, g->a.grade, g->a.year);
	wattrset(w, ui_attr(UA_HEAD));
	ui_put(w, 0, 1, width - 2, head);
	free(head);
	wattrset(w, ui_attr(UA_NOTE));
	char *mx = cell_number_text(g->a.sc.max_score), *mn = cell_number_text(g->a.sc.min_score);
	char *scaletext = xasprintf(_("max %s, minimum %s"), mx, mn);
	free(mx), free(mn);
	ui_put(w, 1, 1, width - 2, scaletext);
	free(scaletext);
	wattrset(w, A_NORMAL);
	ui_list_draw(s->list, w, 3, height - 4);
	size_t dirty = grid_dirty_count(g);
	char *count = xasprintf(_("Entered: %zu of %zu"), grid_entered_count(g), g->n);
	char *unsaved = dirty ? xasprintf(ngettext("%zu line not saved (F2 saves)", "%zu lines not saved (F2 saves)",
						   (unsigned long)dirty), dirty)
			      : xstrdup("");
	wattrset(w, ui_attr(UA_HEAD));
	ui_put(w, height - 1, 1, 30, count);
	wattrset(w, ui_attr(UA_NOTE));
	ui_put(w, height - 1, 32, width - 33, unsaved);
	wattrset(w, A_NORMAL);
	free(count);
	free(unsaved);
}

/* Keeps the current row as a draft at once: what survives a crash. */
static void keep_draft(struct state *s)
{
	size_t i;
	char *err = NULL;
	if (ui_list_current(s->list, &i) && grid_draft_put(ui.db, &s->g, i, &err) != 0) {
		ui_error("%s", err);
		free(err);
	}
}

/* A score for people: «20», «12,5» (fresh). */
static char *max_text(const struct state *s)
{
	return cell_number_text(s->g.a.sc.max_score);
}

/* Puts what was typed into the current cell: 0, or -1 if it is not valid
 * (the message says why, the typing stays). */
static int commit(struct state *s)
{
	grid_row *r = current(s);
	if (!s->editing || !r)
		return 0;
	if (s->col == COL_SCORE) {
		double v;
		if (!*s->buf) {
			r->now.has_score = 0;
		} else if (cell_number(s->buf, &v) != 0 || v < 0 || v > s->g.a.sc.max_score) {
			char *mx = max_text(s);
			ui_error(_("A score is a number from 0 to %s."), mx);
			free(mx);
			return -1;
		} else {
			r->now.has_score = 1;
			r->now.score = v;
			r->now.absent = 0;
		}
	} else if (s->col == COL_JOURNAL) {
		r->now.has_journal = *s->buf != '\0';
		r->now.journal_mark = atoi(s->buf);
	}
	s->editing = 0;
	*s->buf = '\0';
	keep_draft(s);
	return 0;
}

/* A character typed into the current cell: taken, or refused at once with
 * the reason when it cannot make a valid value. */
static void type(struct state *s, int ch)
{
	if (!current(s))
		return;
	int digit = ch >= '0' && ch <= '9', comma = ch == ',' || ch == '.';
	if (s->col == COL_ABSENT) {
		ui_error(_("Space or F3 marks the pupil absent; Delete clears it."));
		return;
	}
	if (s->col == COL_JOURNAL) {
		if (ch < '1' || ch > '5') {
			ui_error(_("A journal mark is 1 to 5."));
			return;
		}
		s->editing = 1;
		s->buf[0] = (char)ch;
		s->buf[1] = '\0';
		return;
	}
	if (!digit && !comma) {
		char *mx = max_text(s);
		ui_error(_("A score is digits only, with a comma for a part: from 0 to %s. F3 marks the pupil absent."), mx);
		free(mx);
		return;
	}
	if (!s->editing) {
		s->editing = 1;
		*s->buf = '\0';
	}
	size_t len = strlen(s->buf);
	if (comma)
		ch = ',';
	if (len + 1 >= sizeof s->buf || (comma && strchr(s->buf, ','))) {
		beep();
		return;
	}
	s->buf[len] = (char)ch;
	s->buf[len + 1] = '\0';
	double v;
	if (cell_number(s->buf, &v) == 0 && v > s->g.a.sc.max_score) {
		char *mx = max_text(s);
		s->buf[len] = '\0';
		ui_error(_("The maximum score is %s."), mx);
		free(mx);
	}
}

/* Marks the current pupil absent, or present again. */
static void toggle_absent(struct state *s)
{
	grid_row *r = current(s);
	if (!r)
		return;
	s->editing = 0;
	r->now.absent = !r->now.absent;
	if (r->now.absent)
		r->now.has_score = 0;
	keep_draft(s);
}

static ui_result save_key(ui_screen *scr)
{
	struct state *s = scr->data;
	if (commit(s) != 0)
		return UI_REDRAW;
	char *err = NULL;
	long n = grid_save(ui.db, &s->g, &err);
	if (n < 0) {
		ui_error(_("Not saved: %s"), err);
		free(err);
	} else {
		ui_message(ngettext("Saved: %ld line.", "Saved: %ld lines.", (unsigned long)n), n);
	}
	return UI_REDRAW;
}

static ui_result absent_key(ui_screen *scr)
{
	toggle_absent(scr->data);
	return UI_REDRAW;
}

/* Enter: what was typed goes in, and the next pupil comes. */
static ui_result next_key(ui_screen *scr)
{
	struct state *s = scr->data;
	if (commit(s) == 0)
		ui_list_key(s->list, KEY_DOWN, 1);
	return UI_REDRAW;
}

/* Delete: the current cell emptied. */
static ui_result clear_key(ui_screen *scr)
{
	struct state *s = scr->data;
	grid_row *r = current(s);
	if (!r)
		return UI_HANDLED;
	s->editing = 0;
	if (s->col == COL_SCORE)
		r->now.has_score = 0;
	else if (s->col == COL_JOURNAL)
		r->now.has_journal = 0;
	else
		r->now.absent = 0;
	keep_draft(s);
	return UI_REDRAW;
}

/* Another column, step places on (Tab, Right: 1; Shift-Tab, Left: -1). */
static ui_result column_key(struct state *s, int step)
{
	if (commit(s) == 0)
		s->col = (s->col + step + NCOLS) % NCOLS;
	return UI_REDRAW;
}

static ui_result right_key(ui_screen *scr)
{
	return column_key(scr->data, 1);
}

static ui_result left_key(ui_screen *scr)
{
	return column_key(scr->data, -1);
}

static ui_result key(ui_screen *scr, int ch, int fk)
{
	struct state *s = scr->data;
	if (!fk && ch == '\t')
		return column_key(s, 1);
	if ((!fk && (ch == 127 || ch == 8)) || (fk && ch == KEY_BACKSPACE)) {
		if (s->editing && *s->buf)
			s->buf[strlen(s->buf) - 1] = '\0';
		return UI_REDRAW;
	}
	if (!fk && ch == ' ' && s->col == COL_ABSENT) {
		toggle_absent(s);
		return UI_REDRAW;
	}
	if (!fk && ch == 27) {
		if (!s->editing)
			return UI_UNHANDLED;
		s->editing = 0;	/* Esc first drops the typing, then leaves */
		return UI_REDRAW;
	}
	if (!fk && ch >= ' ' && ch != 127) {
		type(s, ch);
		return UI_REDRAW;
	}
	if (fk && (ch == KEY_UP || ch == KEY_DOWN || ch == KEY_NPAGE || ch == KEY_PPAGE || ch == KEY_HOME ||
		   ch == KEY_END)) {
		if (commit(s) == 0)
			ui_list_key(s->list, ch, fk);
		return UI_REDRAW;
	}
	return UI_UNHANDLED;
}

static int leave(ui_screen *scr)
{
	struct state *s = scr->data;
	if (s->editing && commit(s) != 0)
		return -1;
	if (grid_dirty_count(&s->g) == 0)
		return 0;
	char *err = NULL;
	switch (ui_ask_save(_("Some results are not saved. Save them?"))) {
	case 0:
		if (grid_save(ui.db, &s->g, &err) >= 0)
			return 0;
		ui_error(_("Not saved: %s"), err);
		free(err);
		return -1;
	case 1:
		if (grid_draft_discard(ui.db, s->g.a.id, &err) != 0) {
			ui_error("%s", err);
			free(err);
		}
		return 0;
	default:
		return -1;
	}
}

static void destroy(ui_screen *scr)
{
	struct state *s = scr->data;
	grid_free(&s->g);
	ui_list_free(s->list);
	free(s);
}

static const ui_key keys[] = {
	{ UI_KEY_ENTER, NULL, next_key, NULL },
	{ KEY_F(2), NC_("key", "Save"), save_key, NULL },
	{ KEY_F(3), NC_("key", "Absent"), absent_key, NULL },
	{ KEY_DC, NULL, clear_key, NULL },
	{ KEY_RIGHT, NULL, right_key, NULL },
	{ KEY_LEFT, NULL, left_key, NULL },
	{ KEY_BTAB, NULL, left_key, NULL },
	{ 0 },
};

ui_screen *scr_grid_new(long assessment_id)
{
	struct state *s = xcalloc(1, sizeof *s);
	char *err = NULL;
	if (grid_load(ui.db, assessment_id, &s->g, &err) != 0) {
		ui_error("%s", err);
		free(err);
		free(s);
		return NULL;
	}
	long drafts = grid_draft_count(ui.db, assessment_id, &err);
	if (drafts > 0) {
		/* Bringing them back is what loses nothing: the question starts
		 * on «Yes», and «No» throws them away. */
		char *q = xasprintf(ngettext("%ld line typed here last time was not saved. Bring it back?",
					     "%ld lines typed here last time were not saved. Bring them back?",
					     (unsigned long)drafts), drafts);
		int restore = ui_ask(q);
		free(q);
		if (restore ? grid_draft_restore(ui.db, &s->g, &err) : grid_draft_discard(ui.db, assessment_id, &err)) {
			ui_error("%s", err);
			free(err);
		}
	} else if (drafts < 0) {
		free(err);
	}
	s->list = ui_list_new(row, s);
	ui_list_set_header(s->list, header);
	ui_list_set_detail(s->list, detail, 1);
	ui_list_set_empty(s->list, _("No pupils in this grade: import the roster first."));
	ui_list_begin(s->list);
	for (size_t i = 0; i < s->g.n; i++)
		ui_list_add(s->list, i);
	ui_list_end(s->list);
	ui_screen *scr = ui_screen_new(N_("Results"),
				       N_("Entering results.\n\n"
					  "Type the score and press Enter: the cursor goes to the next pupil. A score "
					  "above the maximum is refused at once, and so is a letter: a score has only "
					  "digits and a comma. The mark is worked out from the scale.\n\n"
					  "Tab or the arrows Left and Right move between the columns Score, Journal (the "
					  "mark in the class journal, 1 to 5) and Absent (Space or F3 marks a pupil "
					  "absent). Delete empties a cell. Up, Down, PgUp, PgDn, Home, End move. Under "
					  "the grid: the chosen pupil's whole name, class and code.\n\n"
					  "Every line is kept the moment you leave it, so a power cut loses at most the "
					  "line being typed; the next time, you are asked whether to bring such lines back "
					  "(the answer starts on «Yes»). F2 saves all the lines into the results. Lines "
					  "not yet saved are marked * at the right; leaving with lines not saved asks "
					  "whether to save them."),
				       keys, s);
	scr->draw = draw;
	scr->key = key;
	scr->leave = leave;
	scr->destroy = destroy;
	return scr;
}
