/* A screen of text (a card, a list to print): the one viewer, scrolled,
 * and, when the text is a list to keep, F2 saving it as a file in a folder
 * chosen (a stick, the home folder). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "package-write.h"
#include "scr.h"
#include "ui-folder.h"
#include "ui-text.h"

struct textview {
	ui_text *text;
	char *save_name, *save_data;	/* what F2 writes, or NULL */
};

static void destroy(ui_screen *scr)
{
	struct textview *v = scr->data;
	free(v->save_name), free(v->save_data);
	free(v);
}

static ui_result save(ui_screen *scr)
{
	struct textview *v = scr->data;
	char *dir = ui_folder_pick(FOLDER_WRITE, _("Where to save the list"), NULL), *err = NULL;
	if (!dir)
		return UI_REDRAW;
	if (package_put_file(dir, v->save_name, v->save_data, strlen(v->save_data), &err) != 0) {
		ui_error("%s", err);
		free(err);
	} else {
		ui_message(_("Saved as %s/%s: open it and print."), dir, v->save_name);
	}
	free(dir);
	return UI_REDRAW;
}

static int can_save(const ui_screen *scr)
{
	const struct textview *v = scr->data;
	return v->save_name != NULL;
}

static const ui_key keys[] = {
	{ KEY_F(2), NC_("key", "Save"), save, can_save },
	{ 0 },
};

ui_screen *scr_text_new(const char *title, const char *help, ui_text *text, char *save_name, char *save_data)
{
	struct textview *v = xcalloc(1, sizeof *v);
	*v = (struct textview){ text, save_name, save_data };
	ui_screen *scr = ui_screen_new(title, help, keys, v);
	scr->text = v->text;
	scr->destroy = destroy;
	return scr;
}

ui_screen *scr_text_list(const char *title, const char *help, const char *head, const char *note,
			 const char *const *lines, size_t n, const char *none, char *save_name)
{
	ui_text *text = ui_text_new();
	ui_text_add(text, UA_HEAD, 0, 0, head);
	ui_text_add(text, UA_NOTE, 0, 0, note);
	ui_text_add(text, UA_NORMAL, 0, 0, "");
	if (!n)
		ui_text_add(text, UA_NOTE, 0, 0, none);
	/* The same lines for Windows' Notepad as well: a BOM, CRLF. */
	char *file = xasprintf("\xEF\xBB\xBF%s\r\n%s\r\n\r\n", head, note);
	for (size_t i = 0; i < n; i++) {
		ui_text_add(text, strncmp(lines[i], "  ", 2) ? UA_HEAD : UA_NORMAL, 0, 4, lines[i]);
		char *t = xasprintf("%s%s\r\n", file, lines[i]);
		free(file);
		file = t;
	}
	return scr_text_new(title, help, text, save_name, file);
}
