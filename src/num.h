/* Numbers written for people, with the locale's decimal point («12,5» in
 * Russian), one way everywhere. Files use csvout's own, fixed writers. */
#ifndef ORIENTIR_NUM_H
#define ORIENTIR_NUM_H

/* Tenths as «12,5»; a negative one with a real minus sign, «−3,0» (fresh). */
char *num_tenths(int tenths);
/* Tenths of a percent as «12,5 %» (fresh). */
char *num_percent(int tenths);
/* A change in tenths (of a point, of a score) with its sign always shown:
 * «+3,1», «−0,4», «0,0» (fresh). */
char *num_change(int tenths);
/* As num_tenths (num_change with sign) in a document written for Russian
 * readers whatever the locale it is made in (report.html): always the
 * decimal comma, «12,5» (fresh). */
char *num_doc_tenths(int tenths, int sign);

#endif
