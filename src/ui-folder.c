#include "config.h"

#include <stdlib.h>
#include <sys/stat.h>

#include "common.h"
#include "ui-folder.h"
#include "ui-widgets.h"
#include "ui.h"
#include "usb.h"

char *ui_folder_pick(const char *title, const char *current)
{
	usb_stick *v;
	size_t n = 0;
	if (usb_find("/proc/self/mounts", &v, &n) != 0)
		n = 0;
	char **labels = xcalloc(n + 1, sizeof *labels);
	for (size_t i = 0; i < n; i++)
		labels[i] = xasprintf(_("USB stick %s (%s)"), v[i].label, v[i].mount);
	labels[n] = xstrdup(_("Another folder…"));
	int k = ui_pick(title, labels, (int)n + 1, 0);
	char *chosen = NULL;
	if (k >= 0 && (size_t)k < n) {
		chosen = xstrdup(v[k].mount);
	} else if ((size_t)k == n) {
		const ui_field field[] = { { _("Folder"), 0, UI_FIELD_TEXT, NULL } };
		const char *home = getenv("HOME");
		char *val[] = { xstrdup(current ? current : home && *home ? home : "/") };
		if (ui_form_run(title, field, val, 1, NULL, NULL) == 1) {
			struct stat st;
			if (stat(val[0], &st) == 0 && S_ISDIR(st.st_mode))
				chosen = xstrdup(val[0]);
			else
				ui_error(_("%s is not a folder."), val[0]);
		}
		free(val[0]);
	}
	for (size_t i = 0; i <= n; i++)
		free(labels[i]);
	free(labels);
	if (n)
		usb_free(v, n);
	return chosen;
}

char *ui_folder_only_stick(size_t *n)
{
	usb_stick *v;
	size_t k;
	usb_find("/proc/self/mounts", &v, &k);	/* an unreadable list finds none */
	char *only = k == 1 ? xstrdup(v[0].mount) : NULL;
	usb_free(v, k);
	if (n)
		*n = k;
	return only;
}
