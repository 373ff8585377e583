#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "common.h"
#include "identity.h"
#include "utf8.h"

/* Characters in s (each UTF-8 lead byte counted once). */
static size_t chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

int identity_check_field(enum identity_field f, const char *value, char **err)
{
	static const char *const what[] = { N_("the code"), N_("the name"), N_("the district") };
	size_t max = f == ID_CODE ? IDENTITY_MAX_CODE : IDENTITY_MAX_NAME;
	if (f != ID_DISTRICT && cell_empty(value))
		*err = xasprintf(_("%s is empty"), _(what[f]));
	else if (value && utf8_find_control(value) >= 0)
		*err = xasprintf(_("%s holds a control character or a line break («%s»): write it on one line, letters"
				   " and signs only"), _(what[f]), cell_shown(value));
	else if (f == ID_CODE && (*value == '.' || strpbrk(value, "/\\")))
		/* (a code names the package's folder and the backups on a stick) */
		*err = xasprintf(_("%s starts with a dot or holds a slash («%s»): it names folders and files on the"
				   " stick, so write it with letters, digits and dashes"), _(what[f]), cell_shown(value));
	else if (value && chars(value) > max)
		*err = xasprintf(_("%s is longer than %zu characters («%s»)"), _(what[f]), max, cell_shown(value));
	else
		return 0;
	return -1;
}

int identity_check(const char *code, const char *name, const char *district, enum identity_field *bad, char **err)
{
	const char *v[] = { code, name, district };
	for (int f = ID_CODE; f <= ID_DISTRICT; f++)
		if (identity_check_field((enum identity_field)f, v[f], err) != 0) {
			*bad = (enum identity_field)f;
			return -1;
		}
	return 0;
}
