/* Writing CSV for programs (RFC 4180: comma, quotes only where needed, \n). */
#ifndef ORIENTIR_CSVOUT_H
#define ORIENTIR_CSVOUT_H
#include <stdio.h>
/* Writes one cell, quoted by libcsv when it holds a delimiter, a quote or a
 * line break; first says whether it starts the row. */
void csvout_cell(FILE *fp, const char *s, int first);
void csvout_end(FILE *fp);
#endif
