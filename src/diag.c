#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "common.h"
#include "diag.h"

void diag_report(diag *d, enum diag_level level, const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *msg = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	va_start(ap, fmt);
	vsnprintf(msg, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
	va_end(ap);
	if (level == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
	if (d->emit)
		d->emit(d->ctx, level, file, line, msg);
	free(msg);
}
