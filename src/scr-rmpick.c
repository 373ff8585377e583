/* One of the roadmaps kept, chosen from a list; and a roadmap written for
 * the schools into a folder: shared by the Roadmap screen and the
 * district's Export screen. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common.h"
#include "day.h"
#include "roadmap-write.h"
#include "roadmap.h"
#include "scr.h"

int scr_roadmap_count(void)
{
	roadmap_info *v;
	size_t n;
	char *err = NULL;
	if (db_roadmap_list(ui.db, &v, &n, &err) != 0) {
		free(err);
		return 0;
	}
	roadmap_list_free(v, n);
	return (int)n;
}

int scr_roadmap_pick(const char *title, long current_id, roadmap_info *out)
{
	roadmap_item *v;
	size_t n;
	char *err = NULL;
	if (roadmap_list(ui.db, day_today(), &v, &n, &err) != 0) {
		ui_error("%s", err);
		free(err);
		return 0;
	}
	int k = n == 1 ? 0 : -1;
	if (n > 1) {
		char **labels = xcalloc(n, sizeof *labels);
		int at = 0;
		for (size_t i = 0; i < n; i++) {
			const roadmap_info *r = &v[i].info;
			char *label = roadmap_label(r);
			labels[i] = xasprintf(v[i].covers_today ? _("%s — %s (now)") : "%s — %s", label,
					      *r->title ? r->title : r->source);
			free(label);
			if (r->id == current_id || (!current_id && v[i].covers_today))
				at = (int)i;
		}
		k = ui_pick(title, labels, (int)n, at);
		for (size_t i = 0; i < n; i++)
			free(labels[i]);
		free(labels);
	}
	if (k >= 0) {
		*out = v[k].info;
		v[k].info = (roadmap_info){ 0 };
	}
	roadmap_items_free(v, n);
	return k >= 0;
}

void scr_roadmap_write(const roadmap_info *r, const char *dir)
{
	rm_table t;
	char *err = NULL, *where = NULL;
	int have = roadmap_write_load(ui.db, r, &t, &err);
	if (have <= 0) {
		ui_error("%s", have < 0 ? err : _("There is no roadmap to write yet: import the district's table first."));
		free(err);
		return;
	}
	char *name = roadmap_write_name(&t);
	rm_table_free(&t);
	char *path = xasprintf("%s/%s", dir, name);
	char *q = xasprintf(_("%s is already there. Write the roadmap in its place?"), name);
	if (access(path, F_OK) != 0 || ui_confirm(q)) {
		roadmap_written w;
		if (roadmap_write(ui.db, r, dir, &csv_excel_ru, &where, &w, &err) != 0)
			ui_error("%s", err);
		else if (w.nlost)
			ui_error(_("Written to %s, but a school importing it would not get exactly this: %s"), where, w.lost[0]);
		else
			ui_message(_("Written and checked: %s"), where);
		roadmap_written_clear(&w);
	}
	free(path), free(q), free(name), free(err), free(where);
}
