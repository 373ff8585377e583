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

enum { COL_SCORE, COL_JOURNAL, COL_ABSENT, NCOLS };

struct state {
	grid g;
	size_t row, top;
	int col;
	char buf[16];		/* what is being typed into the current cell */
	int editing;
};

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
	/* Columns: number, code, name (what is left), class, score, mark, journal, absent. */
	int xnum = 1, xcode = 6, xclass = width - 36, xscore = width - 29, xmark = width - 21,
	    xjour = width - 14, xabs = width - 6;
	int xname = xcode + 10, namew = xclass - xname - 1;
	wattrset(w, ui_attr(UA_HEAD));
	mvwaddstr(w, 3, xnum, "№");
	ui_put(w, 3, xcode, 9, _("Code"));
	ui_put(w, 3, xname, namew, _("Pupil"));
	ui_put(w, 3, xclass, 6, _("Class"));
	ui_put(w, 3, xscore, 7, _("Score"));
	ui_put(w, 3, xmark, 6, _("Mark"));
	ui_put(w, 3, xjour, 7, _("Journal"));
	ui_put(w, 3, xabs, 5, _("Abs."));
	wattrset(w, A_NORMAL);
	int rows = height - 6;
	if (rows < 1)
		rows = 1;
	ui_legacy_list_scroll(s->row, &s->top, rows);
	for (int i = 0; i < rows && s->top + (size_t)i < g->n; i++) {
		size_t k = s->top + (size_t)i;
		const grid_row *r = &g->rows[k];
		int y = 4 + i, cur = k == s->row;
		wattrset(w, cur ? ui_attr(UA_SELECT) : A_NORMAL);
		if (cur)
			mvwhline(w, y, 0, ' ', width);
		mvwprintw(w, y, xnum, "%zu", k + 1);
		ui_put(w, y, xcode, 9, r->code);
		ui_put(w, y, xname, namew, r->name);
		ui_put(w, y, xclass, 6, r->class_label);
		char *cells[NCOLS];
		cells[COL_SCORE] = r->now.has_score ? cell_number_text(r->now.score) : xstrdup("");
		cells[COL_JOURNAL] = r->now.has_journal ? xasprintf("%d", r->now.journal_mark) : xstrdup("");
		cells[COL_ABSENT] = xstrdup(r->now.absent ? _("abs.") : "");
		int xs[NCOLS] = { xscore, xjour, xabs }, ws[NCOLS] = { 6, 6, 5 };
		for (int c = 0; c < NCOLS; c++) {
			const char *text = cur && c == s->col && s->editing ? s->buf : cells[c];
			if (cur && c == s->col)
				wattrset(w, ui_attr(UA_FIELD) | A_BOLD);
			mvwhline(w, y, xs[c], ' ', ws[c]);
			ui_put(w, y, xs[c] + 1, ws[c] - 1, text);
			wattrset(w, cur ? ui_attr(UA_SELECT) : A_NORMAL);
			free(cells[c]);
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
			mvwprintw(w, y, xmark + 2, "%d", mark);
		if (grid_row_dirty(r))
			mvwaddstr(w, y, width - 1, "*");
	}
	wattrset(w, A_NORMAL);
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
	if (g->n == 0) {
		ui_put(w, 5, 2, width - 4, _("No pupils in this grade: import the roster first."));
	}
}

/* Keeps the row as a draft at once: what survives a crash. */
static void keep_draft(struct state *s)
{
	char *err = NULL;
	if (grid_draft_put(ui.db, &s->g, s->row, &err) != 0) {
		ui_error("%s", err);
		free(err);
	}
}

/* Puts what was typed into the current cell: 0, or -1 if it is not valid
 * (the message says why, the typing stays). */
static int commit(struct state *s)
{
	if (!s->editing || s->g.n == 0)
		return 0;
	grid_row *r = &s->g.rows[s->row];
	if (s->col == COL_SCORE) {
		double v;
		if (!*s->buf) {
			r->now.has_score = 0;
		} else if (cell_number(s->buf, &v) != 0 || v < 0 || v > s->g.a.sc.max_score) {
			ui_error(_("A score is a number from 0 to %g."), s->g.a.sc.max_score);
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

/* A character typed into the current cell, refused at once if it cannot
 * make a valid value. */
static void type(struct state *s, int ch)
{
	if (s->col == COL_ABSENT || s->g.n == 0)
		return;
	if (!s->editing) {
		s->editing = 1;
		*s->buf = '\0';
	}
	size_t len = strlen(s->buf);
	if (s->col == COL_JOURNAL) {
		if (ch < '1' || ch > '5') {
			ui_error(_("A journal mark is 1 to 5."));
			return;
		}
		s->buf[0] = (char)ch;
		s->buf[1] = '\0';
		return;
	}
	if (ch == '.')
		ch = ',';
	if (len + 1 >= sizeof s->buf || (ch == ',' && strchr(s->buf, ','))) {
		beep();
		return;
	}
	s->buf[len] = (char)ch;
	s->buf[len + 1] = '\0';
	double v;
	if (cell_number(s->buf, &v) == 0 && v > s->g.a.sc.max_score) {
		s->buf[len] = '\0';
		ui_error(_("The maximum score is %g."), s->g.a.sc.max_score);
	}
}

static ui_result save(struct state *s)
{
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

static ui_result key(ui_screen *scr, int ch, int fk)
{
	struct state *s = scr->data;
	grid_row *r = s->g.n ? &s->g.rows[s->row] : NULL;
	if (!fk && ((ch >= '0' && ch <= '9') || ch == ',' || ch == '.')) {
		type(s, ch);
		return UI_HANDLED;
	}
	if (ui_is_enter(ch, fk)) {
		if (commit(s) == 0)
			ui_legacy_list_key(&s->row, s->g.n, KEY_DOWN);
		return UI_HANDLED;
	}
	if (fk) {
		switch (ch) {
		case KEY_DOWN: case KEY_UP: case KEY_NPAGE: case KEY_PPAGE: case KEY_HOME: case KEY_END:
			if (commit(s) == 0)
				ui_legacy_list_key(&s->row, s->g.n, ch);
			return UI_HANDLED;
		case KEY_RIGHT: case KEY_LEFT: case KEY_BTAB:
			if (commit(s) == 0)
				s->col = (s->col + (ch == KEY_RIGHT ? 1 : NCOLS - 1)) % NCOLS;
			return UI_HANDLED;
		case KEY_BACKSPACE:
			if (s->editing && *s->buf)
				s->buf[strlen(s->buf) - 1] = '\0';
			return UI_HANDLED;
		case KEY_DC:
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
			return UI_HANDLED;
		}
		if (ch == KEY_F(2))
			return save(s);
		if (ch == KEY_F(3) && r) {
			s->editing = 0;
			r->now.absent = !r->now.absent;
			if (r->now.absent)
				r->now.has_score = 0;
			keep_draft(s);
			return UI_HANDLED;
		}
		return UI_UNHANDLED;
	}
	if (ch == '\t') {
		if (commit(s) == 0)
			s->col = (s->col + 1) % NCOLS;
		return UI_HANDLED;
	}
	if (ch == 127 || ch == 8) {
		if (s->editing && *s->buf)
			s->buf[strlen(s->buf) - 1] = '\0';
		return UI_HANDLED;
	}
	if (ch == ' ' && s->col == COL_ABSENT && r) {
		r->now.absent = !r->now.absent;
		if (r->now.absent)
			r->now.has_score = 0;
		keep_draft(s);
		return UI_HANDLED;
	}
	if (ch == 27 && s->editing) {
		s->editing = 0;	/* Esc first drops the typing, then leaves */
		return UI_HANDLED;
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
	free(s);
	free(scr);
}

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
		char *q = xasprintf(ngettext("%ld line typed here last time was not saved. Bring it back?",
					     "%ld lines typed here last time were not saved. Bring them back?",
					     (unsigned long)drafts), drafts);
		int restore = ui_confirm(q);
		free(q);
		if (restore ? grid_draft_restore(ui.db, &s->g, &err) : grid_draft_discard(ui.db, assessment_id, &err)) {
			ui_error("%s", err);
			free(err);
		}
	} else if (drafts < 0) {
		free(err);
	}
	ui_screen *scr = xcalloc(1, sizeof *scr);
	scr->title = N_("Results");
	scr->help = N_("Entering results.\n\n"
		       "Type the score and press Enter: the cursor goes to the next pupil. A score\n"
		       "above the maximum is refused at once. The mark is worked out from the scale.\n\n"
		       "Tab or the arrows Left/Right move between the columns Score, Journal (the\n"
		       "mark in the class journal, 1 to 5) and Absent (Space or F3 marks a pupil\n"
		       "absent). Delete empties a cell. Up, Down, PgUp, PgDn, Home, End move.\n\n"
		       "Every line is kept the moment you leave it, so a power cut loses at most\n"
		       "the line being typed; F2 saves all the lines into the results. Lines not\n"
		       "yet saved are marked * at the right.");
	scr->bar[1] = NC_("key", "Save");
	scr->bar[2] = NC_("key", "Absent");
	scr->draw = draw;
	scr->key = key;
	scr->leave = leave;
	scr->destroy = destroy;
	scr->data = s;
	return scr;
}
