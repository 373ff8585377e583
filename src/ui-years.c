/* Stepping through and choosing among the years with results, and
 * choosing a half-year or, on the region, a district. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "day.h"
#include "district.h"
#include "package.h"
#include "ui-years.h"
#include "ui.h"

int ui_years_step(const int *years, size_t n, int year, int step)
{
	size_t at = 0;
	while (at < n && years[at] != year)
		at++;
	/* Newest first: a newer year is nearer the start. */
	if (at >= n || (step > 0 && at == 0) || (step < 0 && at + 1 >= n)) {
		ui_message("%s", step > 0 ? _("There are no later results.") : _("There are no earlier results."));
		return 0;
	}
	return years[step > 0 ? at - 1 : at + 1];
}

int ui_years_pick(const int *years, size_t n, int year)
{
	if (!n)
		return 0;
	char **labels = xcalloc(n, sizeof *labels);
	int current = 0;
	for (size_t i = 0; i < n; i++) {
		labels[i] = xasprintf("%d", years[i]);
		if (years[i] == year)
			current = (int)i;
	}
	int p = ui_pick(_("Year"), labels, (int)n, current);
	for (size_t i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	return p >= 0 ? years[p] : 0;
}

char *ui_half_pick(const char *current)
{
	char *labels[8], *codes[8], *chosen = NULL;
	int at = 0;
	codes[0] = half_today();
	for (int i = 0; i < 8; i++) {
		if (i)
			codes[i] = half_step(codes[i - 1], -1);
		labels[i] = half_text_of(codes[i]);
		if (current && strcmp(codes[i], current) == 0)
			at = i;
	}
	int k = ui_pick(_("Half-year"), labels, 8, at);
	if (k >= 0)
		chosen = xstrdup(codes[k]);
	for (int i = 0; i < 8; i++)
		free(labels[i]), free(codes[i]);
	return chosen;
}

int ui_district_pick(char **district)
{
	char **names, *err = NULL;
	size_t n;
	if (district_names(ui.office, &names, &n, &err) != 0) {
		ui_error("%s", err);
		free(err);
		return 0;
	}
	char **labels = xcalloc(n + 1, sizeof *labels);
	int at = 0;
	labels[0] = xstrdup(_("All districts"));
	for (size_t i = 0; i < n; i++) {
		labels[i + 1] = names[i];
		if (*district && strcmp(*district, names[i]) == 0)
			at = (int)i + 1;
	}
	int k = ui_pick(_("District"), labels, (int)n + 1, at);
	int changed = k >= 0 && k != at;
	if (changed) {
		free(*district);
		*district = k ? xstrdup(labels[k]) : NULL;
	}
	for (size_t i = 0; i <= n; i++)
		free(labels[i]);
	free(labels);
	free(names);
	return changed;
}

char *ui_district_line(const char *district)
{
	return district ? xasprintf(_("District: %s (F9: another)"), district)
			: xstrdup(_("All districts (F9: one district)"));
}

void ui_district_show(WINDOW *w, int y, const char *district)
{
	char *line = ui_district_line(district);
	wattrset(w, ui_attr(UA_QUERY));
	ui_put(w, y, 1, getmaxx(w) - 2, line);
	wattrset(w, A_NORMAL);
	free(line);
}
