#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "ui-folder.h"
#include "ui-widgets.h"
#include "ui.h"
#include "usb.h"

/* The folder typed in, checked; NULL when the user gave up or it is none. */
static char *type_folder(const char *title, const char *start)
{
	const ui_field field[] = { { _("Folder"), 0, UI_FIELD_TEXT, NULL } };
	const char *home = getenv("HOME");
	char *val[] = { xstrdup(start ? start : home && *home ? home : "/") };
	char *chosen = NULL;
	if (ui_form_run(title, field, val, 1, NULL, NULL) == 1) {
		if (folder_is_dir(val[0]))
			chosen = xstrdup(val[0]);
		else
			ui_error(_("%s is not a folder."), val[0]);
	}
	free(val[0]);
	return chosen;
}

/* The folder chosen last time for purpose on this database's machine:
 * none on the region's server. */
static char *remembered(enum folder_purpose purpose)
{
	return ui.db ? folder_remembered(ui.db, purpose) : NULL;
}

char *ui_folder_pick(enum folder_purpose purpose, const char *title, const char *current)
{
	usb_stick *v;
	size_t n = 0;
	if (usb_find("/proc/self/mounts", &v, &n) != 0)
		n = 0;
	char *last = remembered(purpose);
	for (size_t i = 0; last && i < n; i++)
		if (strcmp(last, v[i].mount) == 0) {
			free(last);	/* the stick it was is listed as such */
			last = NULL;
		}
	size_t k = 0, other;
	char **labels = xcalloc(n + 2, sizeof *labels);
	int at = 0;
	for (; k < n; k++) {
		labels[k] = xasprintf(_("USB stick %s (%s)"), v[k].label, v[k].mount);
		if (current && strcmp(current, v[k].mount) == 0)
			at = (int)k;
	}
	if (last) {
		if (current && strcmp(current, last) == 0)
			at = (int)k;
		labels[k++] = xasprintf(_("%s (chosen last time)"), last);
	}
	other = k;
	labels[k++] = xstrdup(_("Another folder…"));
	int c = ui_pick(title, labels, (int)k, at);
	char *chosen = NULL;
	if (c >= 0 && (size_t)c < n)
		chosen = xstrdup(v[c].mount);
	else if (c >= 0 && (size_t)c < other)
		chosen = xstrdup(last);
	else if (c >= 0)
		chosen = type_folder(title, current ? current : last);
	char *err = NULL;
	/* (the region's server is shared: a folder of this machine is not kept there) */
	if (chosen && ui.db && folder_remember(ui.db, purpose, chosen, &err) != 0) {
		ui_error("%s", err);
		free(err);
	}
	for (size_t i = 0; i < k; i++)
		free(labels[i]);
	free(labels);
	free(last);
	usb_free(v, n);
	return chosen;
}

int ui_folder_choose(enum folder_purpose purpose, const char *title, char **dir)
{
	char *chosen = ui_folder_pick(purpose, title, *dir);
	if (!chosen)
		return 0;
	free(*dir);
	*dir = chosen;
	return 1;
}

char *ui_folder_line(const char *dir)
{
	return dir ? xasprintf(_("Destination: %s"), dir)
		   : xstrdup(_("No USB stick found: insert one and press F5; a folder can be typed there too."));
}

char *ui_folder_start(enum folder_purpose purpose, size_t *nsticks)
{
	usb_stick *v;
	size_t k;
	usb_find("/proc/self/mounts", &v, &k);	/* an unreadable list finds none */
	char *start = k == 1 ? xstrdup(v[0].mount) : k == 0 ? remembered(purpose) : NULL;
	usb_free(v, k);
	if (nsticks)
		*nsticks = k;
	return start;
}
