#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "common.h"
#include "num.h"

/* The user's decimal point, «,» in Russian: read from the environment's
 * locale, since main() keeps LC_NUMERIC at "C" for reading and writing
 * files. */
static const char *point(void)
{
	static char p[8];
	if (!*p) {
		locale_t l = newlocale(LC_NUMERIC_MASK, "", (locale_t)0);
		const char *r = l ? nl_langinfo_l(RADIXCHAR, l) : NULL;
		snprintf(p, sizeof p, "%s", r && *r ? r : ".");
		if (l)
			freelocale(l);
	}
	return p;
}

/* tenths with decimal point dp; sign: "+" before a positive one too. */
static char *signed_tenths(int tenths, int sign, const char *dp)
{
	int a = abs(tenths);
	return xasprintf("%s%d%s%d", tenths < 0 ? "−" : sign && tenths > 0 ? "+" : "", a / 10, dp, a % 10);
}

char *num_tenths(int tenths)
{
	return signed_tenths(tenths, 0, point());
}

char *num_percent(int tenths)
{
	char *n = num_tenths(tenths), *t = xasprintf("%s %%", n);
	free(n);
	return t;
}

char *num_change(int tenths)
{
	return signed_tenths(tenths, 1, point());
}

char *num_doc_tenths(int tenths, int sign)
{
	return signed_tenths(tenths, sign, ",");
}
