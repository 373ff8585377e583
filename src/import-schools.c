/* schools: the district's list of the schools it expects reports from,
 * with the public key each signs its packages with where the list has it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "day.h"
#include "db-district.h"
#include "identity.h"
#include "import-kind.h"
#include "sign.h"

enum { C_CODE, C_NAME, C_KEY, NCOLS };

static const csvin_col cols[NCOLS] = {
	[C_CODE] = { "school_code", "код|код школы|код оо|код организации|code" },
	[C_NAME] = { "school_name", "наименование|школа|название|наименование оо|образовательная организация|"
				    "наименование организации|name" },
	[C_KEY] = { "public_key", "ключ|открытый ключ|ключ подписи|key" },
};

/* A public key cell as 'orientir key' prints it, spaces allowed: 1 and
 * *hex (fresh, lower case), 0 empty, -1 not a key. */
static int key_cell(const char *cell, char **hex)
{
	char *t = xstrdup(cell ? cell : ""), *o = t;
	for (const char *c = t; *c; c++)
		if (*c != ' ')
			*o++ = *c >= 'A' && *c <= 'F' ? (char)(*c - 'A' + 'a') : *c;
	*o = '\0';
	uint8_t pub[SIGN_KEY_SIZE];
	int rc = !*t ? 0 : sign_unhex(t, pub, SIGN_KEY_SIZE) == 0 ? 1 : -1;
	if (rc == 1)
		*hex = t;
	else
		free(t);
	return rc;
}

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
	char *code = cell_trim(f[C_CODE]), *name = cell_trim(f[C_NAME]), *key = NULL, *why = NULL;
	int rc = 1, has_key = key_cell(f[C_KEY], &key);
	long long seen;
	if (identity_check_field(ID_CODE, code, &why) != 0)
		import_bad(c, r, C_CODE, "%s", why);
	else if (identity_check_field(ID_NAME, name, &why) != 0)
		import_bad(c, r, C_NAME, "%s", why);
	else if (strmap_get(c->state, code, &seen))
		import_bad(c, r, C_CODE, _("the code %s is on line %lld too"), code, seen);
	else if (has_key < 0)
		import_bad(c, r, C_KEY, _("«%s» is not a public key (64 hexadecimal digits, as 'orientir key' prints it)"),
			   cell_shown(f[C_KEY]));
	else
		rc = 0;
	free(why);
	if (rc == 0) {
		strmap_put(c->state, code, r->line);
		d_school old = { 0 };
		char *err = NULL;
		/* the school's lock: an import of its package at once waits */
		int found = db_d_school_lock(c->office, code, &err) == 0 ? db_d_school_get(c->office, code, &old, &err) : -1;
		int same_key = !has_key || (found && strcmp(old.key, key) == 0);
		if (found < 0) {
			rc = import_db_failed(c, err);
		} else if (found && old.listed && strcmp(old.name, name) == 0 && same_key) {
			c->counts->unchanged++;
		} else if (db_d_school_put(c->office, code, name, 1, &err) != 0 ||
			   (!same_key && db_d_school_set_key(c->office, code, key, &err) != 0)) {
			rc = import_db_failed(c, err);
		} else if (found) {
			c->counts->updated++;
		} else {
			c->counts->added++;
		}
		d_school_clear(&old);
	}
	free(code), free(name), free(key);
	return rc;
}

const import_ops import_schools_ops = { cols, NCOLS, columns, begin, row, end };
