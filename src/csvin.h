/* Reading the CSV files people make: libcsv in strict mode underneath, with
 * the contract's rules on top (encoding and delimiter detection, header
 * aliases, physical line numbers: LF, CRLF or CR alone). Streams the file:
 * memory does not grow with its size, and a row is bounded. An apostrophe
 * before a cell beginning with =, +, - or @ (csvout's guard against Excel
 * formulas) is dropped. Never prints. */
#ifndef ORIENTIR_CSVIN_H
#define ORIENTIR_CSVIN_H

#include <stddef.h>

enum csvin_encoding { CSVIN_UTF8, CSVIN_UTF8_BOM, CSVIN_CP1251 };

/* A column the caller understands: its contract name and '|'-separated
 * aliases. Headers match ignoring case, spaces, '_', '-' and '.'. */
typedef struct csvin_col {
	const char *name;
	const char *aliases;
} csvin_col;

typedef struct csvin_row {
	long line;		/* physical line on which the row starts */
	size_t ncells;
	char **cells;		/* every cell as read, UTF-8 */
	const char **field;	/* by csvin_col index after csvin_map: the cell,
				 * "" when the row is short, NULL when the file
				 * has no such column */
} csvin_row;

typedef struct csvin csvin;

/* The longest row read (1 MiB): a longer one, or a line that does not end
 * before it, is refused before it takes the memory. */
#define CSVIN_MAX_ROW (1L << 20)

/* Opens path and detects its encoding. NULL with *err set on failure. */
csvin *csvin_open(const char *path, char **err);
/* The same over len bytes at data (kept by the caller while it is read),
 * called name in messages. */
csvin *csvin_open_mem(const char *name, const char *data, size_t len, char **err);
void csvin_close(csvin *in);

const char *csvin_path(const csvin *in);
enum csvin_encoding csvin_encoding(const csvin *in);
/* The delimiter, known once the first row has been read. */
char csvin_delimiter(const csvin *in);
/* Bytes of the file consumed so far and its size, for progress bars. */
long long csvin_offset(const csvin *in);
long long csvin_size(const csvin *in);

/* Next row with at least one non-empty cell: 1 a row (valid until the next
 * call), 0 end of file, -1 error (*err names the line; the message is
 * translated). */
int csvin_next(csvin *in, csvin_row **row, char **err);

/* Maps a header row onto cols, so that later rows carry row->field.
 * -1 with *err when two header cells name the same column. *unknown gets
 * the header cells no column knows, ", "-joined, each shown short, the
 * first ten and how many more; or NULL. */
int csvin_map(csvin *in, const csvin_row *header, const csvin_col *cols, size_t ncols,
	      char **err, char **unknown);
/* Reads the first row and maps it: 0 ok, -1 error (an empty file is one). */
int csvin_header(csvin *in, const csvin_col *cols, size_t ncols, char **err, char **unknown);
/* The line the mapped header row is on (0 before csvin_map). */
long csvin_header_line(const csvin *in);
/* The header cell that was mapped to column i, or NULL. */
const char *csvin_header_name(const csvin *in, size_t i);
/* The header cells, ", "-joined, each shown short (cell_shown), the
 * first twenty and how many more (for messages about missing columns). */
char *csvin_header_list(const csvin *in);

/* The column whose name or alias text is, or -1. */
int csvin_col_find(const csvin_col *cols, size_t ncols, const char *text);

/* The normal form headers are compared in (fresh string). */
char *csvin_norm_header(const char *s);

#endif
