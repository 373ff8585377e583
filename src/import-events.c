/* events: methodical work held in or for the school, optionally linked to
 * a roadmap activity. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "day.h"
#include "deadline.h"
#include "import-kind.h"
#include "roadmap.h"
#include "store.h"

enum { C_DATE, C_KIND, C_TOPIC, C_PEOPLE, C_NUMBER, NCOLS };

static const csvin_col cols[NCOLS] = {
	[C_DATE] = { "date", "дата|дата проведения" },
	[C_KIND] = { "kind", "вид|вид мероприятия|форма|форма проведения" },
	[C_TOPIC] = { "topic", "тема|название" },
	[C_PEOPLE] = { "participants", "участников|количество участников|число участников|участники" },
	[C_NUMBER] = { "roadmap_number", "№ мероприятия дорожной карты|мероприятие дорожной карты|№ мероприятия|"
					 "пункт дорожной карты" },
};

struct state {
	activity *acts;
	size_t nacts;
};

static int columns(import_ctx *c)
{
	return import_require(c, _("date and kind"), (size_t)C_DATE, (size_t)C_KIND, (size_t)-1);
}

static int begin(import_ctx *c)
{
	struct state *s = xcalloc(1, sizeof *s);
	char *err = NULL;
	c->state = s;
	if (db_activity_list(c->db, 0, &s->acts, &s->nacts, &err) != 0)
		return import_db_failed(c, err);
	return 0;
}

static void end(import_ctx *c)
{
	struct state *s = c->state;
	activity_list_free(s->acts, s->nacts);
	free(s);
}

static int row(import_ctx *c, const csvin_row *r)
{
	struct state *s = c->state;
	const char *const *f = r->field;
	int bad = 0;
	long ymd = 0;
	long people = -1, activity_id = 0;
	if (cell_day(f[C_DATE], &ymd) != 0) {
		import_bad(c, r, C_DATE, _("«%s» is not a date (write 15.04.2024 or 2024-04-15)"), cell_shown(f[C_DATE]));
		bad = 1;
	}
	if (cell_empty(f[C_KIND])) {
		import_bad(c, r, C_KIND, _("the cell is empty"));
		bad = 1;
	}
	if (!cell_empty(f[C_PEOPLE]) && (cell_int(f[C_PEOPLE], &people) != 0 || people < 0)) {
		import_bad(c, r, C_PEOPLE, _("«%s» is not a number of participants"), cell_shown(f[C_PEOPLE]));
		bad = 1;
	}
	if (!cell_empty(f[C_NUMBER])) {
		/* The number in the roadmap of the event's day, when several
		 * roadmaps have it. */
		size_t idx[16], k = activity_find(s->acts, s->nacts, f[C_NUMBER], NULL, idx, 16);
		if (k > 1 && k <= 16 && ymd) {
			size_t in = 0;
			for (size_t i = 0; i < k; i++) {
				long from, to;
				deadline_period(s->acts[idx[i]].first_year, s->acts[idx[i]].last_year, &from, &to);
				if (from <= ymd && ymd <= to)
					idx[in++] = idx[i];
			}
			k = in ? in : k;
		}
		if (k == 1) {
			activity_id = s->acts[idx[0]].id;
		} else {
			import_bad(c, r, C_NUMBER, k ? _("several activities of the roadmap are numbered %s")
						     : _("the roadmap has no activity numbered %s"), cell_shown(f[C_NUMBER]));
			bad = 1;
		}
	}
	if (bad)
		return 1;
	char *err = NULL;
	event_item e = { .held_on = day_iso(ymd), .kind = cell_trim(f[C_KIND]),
			 .topic = cell_trim(f[C_TOPIC]), .participants = people, .activity_id = activity_id };
	event_item old;
	int found = db_event_find(c->db, e.held_on, e.kind, e.topic, &old, &err);
	int rc = 0;
	if (found < 0) {
		rc = import_db_failed(c, err);
	} else if (found && old.participants == e.participants && old.activity_id == e.activity_id) {
		c->counts->unchanged++;
	} else {
		e.id = found ? old.id : 0;
		if (db_event_save(c->db, &e, &err) != 0)
			rc = import_db_failed(c, err);
		else if (found)
			c->counts->updated++;
		else
			c->counts->added++;
	}
	if (found == 1)
		free(old.held_on), free(old.kind), free(old.topic);
	free(e.held_on), free(e.kind), free(e.topic);
	return rc;
}

const import_ops import_events_ops = { cols, NCOLS, columns, begin, row, end };
