#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "ui-text.h"
#include "utf8.h"

struct para {
	char *text;
	enum ui_attr attr;
	int indent, hang;
	char *label;		/* NULL, or shown on the first row before indent */
};

struct row {
	char *text;
	enum ui_attr attr;
	int x;
	const char *label;
};

struct ui_text {
	struct para *p;
	int np;
	struct row *r;		/* p wrapped at width */
	int nr, width;
	int top, page;
};

ui_text *ui_text_new(void)
{
	return xcalloc(1, sizeof(ui_text));
}

static void forget_rows(ui_text *t)
{
	for (int i = 0; i < t->nr; i++)
		free(t->r[i].text);
	free(t->r);
	t->r = NULL;
	t->nr = 0;
	t->width = 0;
}

void ui_text_clear(ui_text *t)
{
	forget_rows(t);
	for (int i = 0; i < t->np; i++)
		free(t->p[i].text), free(t->p[i].label);
	free(t->p);
	t->p = NULL;
	t->np = 0;
	t->top = 0;
}

void ui_text_free(ui_text *t)
{
	if (!t)
		return;
	ui_text_clear(t);
	free(t);
}

void ui_text_take(ui_text *t, enum ui_attr attr, int indent, int hang, char *text)
{
	forget_rows(t);
	t->p = xrealloc(t->p, (size_t)(t->np + 1) * sizeof *t->p);
	t->p[t->np++] = (struct para){ text, attr, indent, hang, NULL };
}

void ui_text_field(ui_text *t, const char *label, int label_width, enum ui_attr attr, const char *value)
{
	ui_text_take(t, attr, label_width, 0, xstrdup(*value ? value : "—"));
	t->p[t->np - 1].label = xstrdup(label);
}

void ui_text_add(ui_text *t, enum ui_attr attr, int indent, int hang, const char *text)
{
	ui_text_take(t, attr, indent, hang, xstrdup(text));
}

int ui_text_count(const ui_text *t)
{
	return t->np;
}

static void add_row(ui_text *t, enum ui_attr attr, int x, char *text)
{
	t->r = xrealloc(t->r, (size_t)(t->nr + 1) * sizeof *t->r);
	t->r[t->nr++] = (struct row){ text, attr, x, NULL };
}

/* Every paragraph wrapped at width; its own line breaks each start a row at
 * the indent, the rows a long line wraps onto stand hang further in. */
static void wrap(ui_text *t, int width)
{
	if (t->width == width && t->r)
		return;
	forget_rows(t);
	t->width = width;
	for (int i = 0; i < t->np; i++) {
		const struct para *p = &t->p[i];
		const char *s = p->text;
		int first = t->nr;
		for (;;) {
			size_t len = strcspn(s, "\n");
			char *line = xstrndup(s, len);
			const char *q = line;
			int x = p->indent;
			do {
				int room = width - x > 8 ? width - x : 8;
				size_t take = utf8_fit_words(q, room);
				add_row(t, p->attr, x, xstrndup(q, take));
				q += take;
				while (*q == ' ')
					q++;
				x = p->indent + p->hang;
			} while (*q);
			free(line);
			if (!s[len])
				break;
			s += len + 1;
		}
		t->r[first].label = p->label;
	}
}

int ui_text_layout(ui_text *t, int width)
{
	wrap(t, width - 1);
	return t->nr;
}

int ui_text_top(const ui_text *t)
{
	return t->top;
}

void ui_text_draw(ui_text *t, WINDOW *w, int y, int x, int height)
{
	int width = getmaxx(w) - x - 1;	/* the last column for ↑ and ↓ */
	wrap(t, width);
	t->page = height > 1 ? height - 1 : 1;
	if (t->top > t->nr - height)
		t->top = t->nr - height;
	if (t->top < 0)
		t->top = 0;
	for (int i = 0; i < height && t->top + i < t->nr; i++) {
		const struct row *r = &t->r[t->top + i];
		if (r->label) {
			wattrset(w, ui_attr(UA_HEAD));
			ui_put(w, y + i, x, r->x - 1, r->label);
		}
		wattrset(w, ui_attr(r->attr));
		ui_put(w, y + i, x + r->x, width - r->x, r->text);
	}
	wattrset(w, ui_attr(UA_NOTE));
	if (t->top > 0)
		mvwaddstr(w, y, x + width, "↑");
	if (t->top + height < t->nr)
		mvwaddstr(w, y + height - 1, x + width, "↓");
	wattrset(w, A_NORMAL);
}

int ui_text_key(ui_text *t, int ch, int fk)
{
	if (!fk)
		return 0;
	switch (ch) {
	case KEY_DOWN: t->top++; break;
	case KEY_UP: t->top--; break;
	case KEY_NPAGE: t->top += t->page; break;
	case KEY_PPAGE: t->top -= t->page; break;
	case KEY_HOME: t->top = 0; break;
	case KEY_END: t->top = t->nr; break;
	default: return 0;
	}
	/* draw() keeps it within the text: the last row at the bottom at most */
	if (t->top < 0)
		t->top = 0;
	if (t->top > t->nr)
		t->top = t->nr;
	return 1;
}
