/* Stepping through and choosing among the years with results. */
#include "config.h"

#include <stdlib.h>

#include "common.h"
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
