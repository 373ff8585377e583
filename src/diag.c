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
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (level == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
	if (d->emit)
		d->emit(d->ctx, level, file, line, msg);
	free(msg);
}
