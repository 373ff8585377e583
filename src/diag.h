/* Problems found in a user's input. The layer that finds them (store, io,
 * domain) never prints: it hands each one to a sink chosen by the caller. */
#ifndef ORIENTIR_DIAG_H
#define ORIENTIR_DIAG_H

enum diag_level { DIAG_ERROR, DIAG_WARNING };

typedef struct diag {
	/* line is 0 when no line is known; file may be NULL. */
	void (*emit)(void *ctx, enum diag_level level, const char *file, long line, const char *msg);
	void *ctx;
	long errors;
	long warnings;
} diag;

/* Formats a message and hands it to the sink, counting it. */
void diag_report(diag *d, enum diag_level level, const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

#endif
