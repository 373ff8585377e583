#include "config.h"

#include <csv.h>
#include <string.h>

#include "csvout.h"

void csvout_cell(FILE *fp, const char *s, int first)
{
	if (!first)
		fputc(',', fp);
	if (strpbrk(s, ",\"\r\n"))
		csv_fwrite(fp, s, strlen(s));
	else
		fputs(s, fp);
}

void csvout_end(FILE *fp)
{
	fputc('\n', fp);
}
