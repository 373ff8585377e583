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

#endif
