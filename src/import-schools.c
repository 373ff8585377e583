/* schools: the district's list of the schools it expects reports from. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "db-district.h"
#include "import-kind.h"

enum { C_CODE, C_NAME, NCOLS };

static const csvin_col cols[NCOLS] = {
	[C_CODE] = { "school_code", "код|код школы|код оо|код организации|code" },
	[C_NAME] = { "school_name", "наименование|школа|название|наименование оо|образовательная организация|"
				    "наименование организации|name" },
};

static int columns(import_ctx *c)
{
	return import_require(c, _("code and name"), (size_t)C_CODE, (size_t)C_NAME, (size_t)-1);
}

static int begin(import_ctx *c)
{
	c->state = strmap_new();
	return 0;
}

static void end(import_ctx *c)
{
	strmap_free(c->state);
}

static int row(import_ctx *c, const csvin_row *r)
{
	const char *const *f = r->field;
	char *code = cell_trim(f[C_CODE]), *name = cell_trim(f[C_NAME]);
	int rc = 1;
	long long seen;
	if (!*code)
		import_bad(c, r, C_CODE, _("the cell is empty"));
	else if (!*name)
		import_bad(c, r, C_NAME, _("the cell is empty"));
	else if (strmap_get(c->state, code, &seen))
		import_bad(c, r, C_CODE, _("the code %s is on line %lld too"), code, seen);
	else
		rc = 0;
	if (rc == 0) {
		strmap_put(c->state, code, r->line);
		d_school old = { 0 };
		char *err = NULL;
		int found = db_d_school_get(c->db, code, &old, &err);
		if (found < 0) {
			rc = import_db_failed(c, err);
		} else if (found && old.listed && strcmp(old.name, name) == 0) {
			c->counts->unchanged++;
		} else if (db_d_school_put(c->db, code, name, 1, &err) != 0) {
			rc = import_db_failed(c, err);
		} else if (found) {
			c->counts->updated++;
		} else {
			c->counts->added++;
		}
		d_school_clear(&old);
	}
	free(code), free(name);
	return rc;
}

const import_ops import_schools_ops = { cols, NCOLS, columns, begin, row, end };
