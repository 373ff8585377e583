#include "config.h"

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cell.h"
#include "common.h"
#include "csvin.h"
#include "utf8.h"

#define CHUNK 65536

struct csvin {
	FILE *fp;
	char *path;
	enum csvin_encoding enc;
	iconv_t cd;
	char delim;
	int started;		/* libcsv set up with the delimiter */
	struct csv_parser p;
	long long size, offset;

	char raw[CHUNK + 8];	/* undecoded bytes; tail of a cut character kept */
	size_t rawlen;
	char *text;		/* decoded text waiting to be fed */
	size_t textlen, textpos, textcap;
	int eof;

	long line;		/* physical line of the text being fed */
	int in_row;
	long row_line;
	size_t row_bytes;	/* fed since the row began */
	/* The row being read: its cells' text back to back, and where each starts. */
	char *buf;
	size_t buflen, bufcap;
	size_t *offs;
	size_t ncells, offcap;

	/* Rows read but not yet handed out, the one handed out, and spent ones
	 * kept for reuse: a big file costs no allocation per row or cell. */
	struct rowbox **queue;
	size_t qhead, qlen, qcap;
	struct rowbox *current, *spare;
	char *error;		/* the reading error, told once the rows before it are out */

	int *map;		/* csvin_col index -> cell index, or -1 */
	size_t ncols;
	char **header;
	size_t nheader;
	long header_line;
};

struct rowbox {
	csvin_row r;
	char *buf;
	size_t bufcap;
	size_t *offs;
	const char **fields;	/* row.field points here once a header is mapped */
	size_t offcap, cellcap, fieldcap;
	struct rowbox *next;
};

static void box_free(struct rowbox *b)
{
	if (!b)
		return;
	free(b->buf);
	free(b->offs);
	free(b->r.cells);
	free(b->fields);
	free(b);
}

static void grow(void *pp, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return;
	size_t n = *cap ? *cap : 16;
	while (n < need)
		n *= 2;
	*(void **)pp = xrealloc(*(void **)pp, n * size);
	*cap = n;
}

static void on_cell(void *s, size_t len, void *data)
{
	csvin *in = data;
	/* The apostrophe csvout puts before a cell Excel would take for a
	 * formula (=, +, -, @), or one beginning with an apostrophe, is not
	 * part of the cell. */
	if (len >= 2 && *(char *)s == '\'' && strchr("=+-@'", ((char *)s)[1])) {
		s = (char *)s + 1;
		len--;
	}
	grow(&in->buf, &in->bufcap, in->buflen + len + 1, 1);
	grow(&in->offs, &in->offcap, in->ncells + 1, sizeof *in->offs);
	if (len)
		memcpy(in->buf + in->buflen, s, len);
	in->buf[in->buflen + len] = '\0';
	in->offs[in->ncells++] = in->buflen;
	in->buflen += len + 1;
}

#define SWAP(type, a, b) do { type t_ = (a); (a) = (b); (b) = t_; } while (0)

static void on_row(int c, void *data)
{
	csvin *in = data;
	(void)c;
	struct rowbox *b = in->spare;
	if (b)
		in->spare = b->next;
	else
		b = xcalloc(1, sizeof *b);
	/* The row takes the text just read; the reader takes the row's old
	 * buffers, so both keep their capacity. */
	SWAP(char *, b->buf, in->buf);
	SWAP(size_t, b->bufcap, in->bufcap);
	SWAP(size_t *, b->offs, in->offs);
	SWAP(size_t, b->offcap, in->offcap);
	grow(&b->r.cells, &b->cellcap, in->ncells, sizeof *b->r.cells);
	for (size_t i = 0; i < in->ncells; i++)
		b->r.cells[i] = b->buf + b->offs[i];
	b->r.ncells = in->ncells;
	b->r.line = in->in_row ? in->row_line : in->line;
	in->buflen = in->ncells = 0;
	in->in_row = 0;
	if (in->qhead + in->qlen == in->qcap) {
		if (in->qhead > 0) {
			memmove(in->queue, in->queue + in->qhead, in->qlen * sizeof *in->queue);
			in->qhead = 0;
		} else {
			in->qcap = in->qcap ? in->qcap * 2 : 8;
			in->queue = xrealloc(in->queue, in->qcap * sizeof *in->queue);
		}
	}
	in->queue[in->qhead + in->qlen++] = b;
}

static void recycle(csvin *in, struct rowbox *b)
{
	if (b) {
		b->next = in->spare;
		in->spare = b;
	}
}

/* libcsv trims spaces and TABs around unquoted cells. It never takes the
 * delimiter for a space (3.0.3 checks), so TAB-separated empty cells survive
 * either way; trimming only spaces keeps a TAB typed into a ';' cell. */
static int is_space(unsigned char c)
{
	return c == ' ';
}

/* Line ends in s: LF, CRLF, and CR alone (old Mac Excel). */
static int count_newlines(const char *s, size_t n)
{
	int k = 0;
	for (size_t i = 0; i < n; i++)
		k += s[i] == '\n' || (s[i] == '\r' && (i + 1 == n || s[i + 1] != '\n'));
	return k;
}

/* The end of the line starting at s (just past its LF, CRLF or lone CR),
 * or NULL when it has not come yet: a CR last may still have its LF to
 * come, unless the text ends there. */
static const char *line_end(const char *s, size_t n, int eof)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			return s + i + 1;
		if (s[i] == '\r') {
			if (i + 1 < n)
				return s + i + 1 + (s[i + 1] == '\n');
			return eof ? s + i + 1 : NULL;
		}
	}
	return NULL;
}

/* Whether a character decoded from UTF-8 is one a Russian table holds:
 * Latin-1 signs and letters, Cyrillic, dashes, quotes, №, € and ₽. Windows-1251
 * bytes that happen to form UTF-8 («Пё» is U+03F8) mostly fall outside. */
static int plausible(uint32_t cp)
{
	return (cp >= 0xA0 && cp <= 0xFF) || (cp >= 0x400 && cp <= 0x4FF) || (cp >= 0x2010 && cp <= 0x2026) ||
	       (cp >= 0x2030 && cp <= 0x205E) || cp == 0x2116 || cp == 0x20AC || cp == 0x20BD;
}

/* Bytes a UTF-8 sequence starting with lead takes (1 for a byte that
 * starts none). */
static size_t sequence_len(unsigned char lead)
{
	return lead >= 0xF0 && lead <= 0xF7 ? 4 : lead >= 0xE0 ? (lead <= 0xEF ? 3 : 1) : lead >= 0xC0 ? 2 : 1;
}

/* Enough non-ASCII characters to judge a file by. */
#define ENCODING_EVIDENCE 256

/* Decides between UTF-8 and Windows-1251 by the non-ASCII characters of
 * the file (up to ENCODING_EVIDENCE of them, however far in): UTF-8 when
 * they decode as UTF-8 into letters and signs a table holds, or mostly do
 * (the reader then names the line that does not); Windows-1251 otherwise.
 * Rewinds to the first byte of content. */
static int detect_encoding(csvin *in, char **err)
{
	unsigned char b[CHUNK + 4];	/* a chunk after the start of a character cut by the last */
	size_t n = fread(b, 1, CHUNK, in->fp);
	if (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
		*err = xasprintf(_("%s: the file is in UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" or plain \"CSV\""),
				 in->path);
		return -1;
	}
	if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
		in->enc = CSVIN_UTF8_BOM;
		in->offset = 3;
		return fseek(in->fp, 3, SEEK_SET);
	}
	long good = 0, odd = 0, bad = 0;
	for (;;) {
		int eof = n < CHUNK;
		size_t i = 0;
		while (i < n && good + odd + bad < ENCODING_EVIDENCE) {
			if (b[i] < 0x80) {
				i++;
				continue;
			}
			if (!eof && i + sequence_len(b[i]) > n)
				break;	/* cut by the chunk: judged with the next */
			uint32_t cp;
			size_t k = utf8_decode((char *)b + i, n - i, &cp);
			if (k == 0)
				bad++, k = 1;
			else if (plausible(cp))
				good++;
			else
				odd++;
			i += k;
		}
		if (eof || good + odd + bad >= ENCODING_EVIDENCE)
			break;
		memmove(b, b + i, n - i);
		n -= i;
		n += fread(b + n, 1, CHUNK, in->fp);
	}
	if (ferror(in->fp)) {
		*err = xasprintf(_("%s: cannot read: %s"), in->path, strerror(errno));
		return -1;
	}
	in->enc = bad ? (good > bad ? CSVIN_UTF8 : CSVIN_CP1251) : good || !odd ? CSVIN_UTF8 : CSVIN_CP1251;
	if (in->enc == CSVIN_CP1251) {
		in->cd = iconv_open("UTF-8", "CP1251");
		if (in->cd == (iconv_t)-1) {
			*err = xasprintf(_("%s: this system cannot convert from Windows-1251"), in->path);
			return -1;
		}
	}
	return fseek(in->fp, 0, SEEK_SET);
}

/* Takes fp (NULL: cannot be opened, errno says why), size bytes long,
 * and detects its encoding. */
static csvin *open_fp(FILE *fp, const char *name, long long size, char **err)
{
	csvin *in = xcalloc(1, sizeof *in);
	in->path = xstrdup(name);
	in->cd = (iconv_t)-1;
	in->line = 1;
	/* Never NULL: arithmetic on it and copies of nothing into it are then defined. */
	in->text = xmalloc(in->textcap = CHUNK);
	in->fp = fp;
	in->size = size;
	if (!fp) {
		*err = xasprintf(_("%s: cannot open: %s"), name, strerror(errno));
	} else if (detect_encoding(in, err) != 0) {
		if (!*err)
			*err = xasprintf(_("%s: cannot read: %s"), name, strerror(errno));
	} else {
		return in;
	}
	csvin_close(in);
	return NULL;
}

csvin *csvin_open(const char *path, char **err)
{
	FILE *fp = fopen(path, "rb");
	struct stat st;
	if (fp && fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		*err = xasprintf(_("%s: is a folder, not a file"), path);
		fclose(fp);
		return NULL;
	}
	return open_fp(fp, path, fp ? (long long)st.st_size : 0, err);
}

csvin *csvin_open_mem(const char *name, const char *data, size_t len, char **err)
{
	return open_fp(fmemopen((void *)data, len, "r"), name, (long long)len, err);
}

void csvin_close(csvin *in)
{
	if (!in)
		return;
	if (in->fp)
		fclose(in->fp);
	if (in->cd != (iconv_t)-1)
		iconv_close(in->cd);
	if (in->started)
		csv_free(&in->p);
	free(in->buf);
	free(in->offs);
	for (size_t i = 0; i < in->qlen; i++)
		box_free(in->queue[in->qhead + i]);
	free(in->queue);
	box_free(in->current);
	while (in->spare) {
		struct rowbox *next = in->spare->next;
		box_free(in->spare);
		in->spare = next;
	}
	for (size_t i = 0; i < in->nheader; i++)
		free(in->header[i]);
	free(in->header);
	free(in->map);
	free(in->text);
	free(in->error);
	free(in->path);
	free(in);
}

const char *csvin_path(const csvin *in) { return in->path; }
enum csvin_encoding csvin_encoding(const csvin *in) { return in->enc; }
char csvin_delimiter(const csvin *in) { return in->delim; }
long long csvin_offset(const csvin *in) { return in->offset; }
long long csvin_size(const csvin *in) { return in->size; }

static void text_append(csvin *in, const char *s, size_t n)
{
	if (in->textlen + n > in->textcap) {
		in->textcap = (in->textlen + n) * 2;
		in->text = xrealloc(in->text, in->textcap);
	}
	memcpy(in->text + in->textlen, s, n);
	in->textlen += n;
}

/* Line number of byte k of the text not yet fed. */
static long line_at(const csvin *in, size_t k)
{
	return in->line + count_newlines(in->text + in->textpos, k - in->textpos);
}

/* Reads the next chunk and decodes it into in->text: 1 more text, 0 end, -1 error. */
static int fill(csvin *in, char **err)
{
	if (in->textpos > 0) {
		memmove(in->text, in->text + in->textpos, in->textlen - in->textpos);
		in->textlen -= in->textpos;
		in->textpos = 0;
	}
	size_t n = fread(in->raw + in->rawlen, 1, CHUNK, in->fp);
	if (ferror(in->fp)) {
		*err = xasprintf(_("%s: cannot read: %s"), in->path, strerror(errno));
		return -1;
	}
	in->offset += (long long)n;
	in->rawlen += n;
	if (in->rawlen == 0)
		return 0;
	int last = n == 0;
	if (memchr(in->raw, '\0', in->rawlen)) {
		size_t z = (size_t)((char *)memchr(in->raw, '\0', in->rawlen) - in->raw);
		*err = xasprintf(_("%s:%ld: the file holds binary data (a zero byte), it is not a CSV table"),
				 in->path, line_at(in, in->textlen) + count_newlines(in->raw, z));
		return -1;
	}
	size_t used;
	if (in->enc == CSVIN_CP1251) {
		char out[CHUNK * 3 + 16];
		char *ip = in->raw, *op = out;
		size_t il = in->rawlen, ol = sizeof out;
		if (iconv(in->cd, &ip, &il, &op, &ol) == (size_t)-1 && errno == EILSEQ) {
			text_append(in, out, (size_t)(op - out));
			*err = xasprintf(_("%s:%ld: byte 0x%02X is not a Windows-1251 character"),
					 in->path, line_at(in, in->textlen), (unsigned char)*ip);
			return -1;
		}
		text_append(in, out, (size_t)(op - out));
		used = in->rawlen - il;
	} else {
		used = utf8_valid_prefix(in->raw, in->rawlen);
		/* A character cut by the chunk's end is finished by the next read. */
		if (used < in->rawlen && (last || in->rawlen - used >= 4)) {
			text_append(in, in->raw, used);
			*err = xasprintf(_("%s:%ld: the text is not valid UTF-8 here; the file mixes encodings"),
					 in->path, line_at(in, in->textlen));
			return -1;
		}
		text_append(in, in->raw, used);
	}
	memmove(in->raw, in->raw + used, in->rawlen - used);
	in->rawlen -= used;
	return 1;
}

/* The delimiter that occurs most often outside quotes on the first line
 * that has one (a title typed above a table may have none). */
static char pick_delimiter(const char *s, size_t n)
{
	int semi = 0, comma = 0, tab = 0, quoted = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted && s[i] == '\n' && (semi || comma || tab))
			break;
		else if (!quoted)
			semi += s[i] == ';', comma += s[i] == ',', tab += s[i] == '\t';
	}
	if (semi >= comma && semi >= tab && semi > 0)
		return ';';
	if (tab >= comma && tab > 0)
		return '\t';
	return ',';
}

static int start_parser(csvin *in, char **err)
{
	/* Skip blank lines before the header so that its line is the delimiter's guide. */
	size_t i = in->textpos;
	while (i < in->textlen && (in->text[i] == '\n' || in->text[i] == '\r' || in->text[i] == ' '))
		i++;
	in->delim = pick_delimiter(in->text + i, in->textlen - i);
	if (csv_init(&in->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		*err = xasprintf(_("%s: out of memory"), in->path);
		return -1;
	}
	csv_set_delim(&in->p, (unsigned char)in->delim);
	/* A long cell grows libcsv's buffer by this much at a time, not by 128 bytes. */
	csv_set_blk_size(&in->p, CHUNK);
	/* (libcsv's own line ends, CR and LF, are ours: a function for them
	 * would be called for every character read) */
	csv_set_space_func(&in->p, is_space);
	in->started = 1;
	return 0;
}

static int parse_error(csvin *in, char **err)
{
	int e = csv_error(&in->p);
	if (e == CSV_EPARSE)
		*err = xasprintf(_("%s:%ld: a quote mark in the wrong place: a quoted cell must end with \" followed by the delimiter or the end of the line"),
				 in->path, in->line);
	else
		*err = xasprintf(_("%s:%ld: cannot read the table: %s"), in->path, in->line, csv_strerror(e));
	return -1;
}

/* A row past CSVIN_MAX_ROW: refused before it fills the memory. */
static int too_long(csvin *in, char **err)
{
	*err = xasprintf(_("%s:%ld: a row longer than %ld KiB: this is not a table a person made"), in->path,
			 in->in_row ? in->row_line : in->line, CSVIN_MAX_ROW >> 10);
	return -1;
}

/* Feeds decoded text to libcsv one physical line at a time, so that every
 * row knows the line it starts on, until a row is whole. */
static int feed_lines(csvin *in, char **err)
{
	/* a row at a time: the rows of a whole chunk queued at once would
	 * each want their own buffers, freed again at the end */
	while (in->textpos < in->textlen && in->qlen == 0) {
		char *s = in->text + in->textpos;
		size_t avail = in->textlen - in->textpos;
		const char *end = line_end(s, avail, in->eof);
		size_t n = end ? (size_t)(end - s) : avail;
		if (!end && !in->eof) {
			if (avail > CSVIN_MAX_ROW)
				return too_long(in, err);
			break;	/* wait for the rest of the line */
		}
		/* libcsv makes no row of a line of spaces: it must not start one. */
		int blank = 1;
		for (size_t i = 0; i < n && blank; i++)
			blank = s[i] == ' ' || s[i] == '\r' || s[i] == '\n';
		if (!in->in_row && !blank) {
			in->in_row = 1;
			in->row_line = in->line;
			in->row_bytes = 0;
		}
		if (in->in_row && (in->row_bytes += n) > CSVIN_MAX_ROW)
			return too_long(in, err);
		if (csv_parse(&in->p, s, n, on_cell, on_row, in) != n)
			return parse_error(in, err);
		in->textpos += n;
		if (end)
			in->line++;
	}
	return 0;
}

/* Feeds what text there is: 0, or -1 with *err, and nothing after the
 * bad spot fed again. */
static int feed(csvin *in, char **err)
{
	if (feed_lines(in, err) == 0)
		return 0;
	in->textpos = in->textlen;
	return -1;
}

static int row_is_empty(const csvin_row *r)
{
	for (size_t i = 0; i < r->ncells; i++) {
		for (const char *c = r->cells[i]; *c; c++)
			if (*c != ' ' && *c != '\t' && *c != '\r' && *c != '\n')
				return 0;
	}
	return 1;
}

int csvin_next(csvin *in, csvin_row **row, char **err)
{
	recycle(in, in->current);
	in->current = NULL;
	for (;;) {
		while (in->qlen > 0) {
			struct rowbox *b = in->queue[in->qhead++];
			csvin_row *r = &b->r;
			in->qlen--;
			if (in->qlen == 0)
				in->qhead = 0;
			if (row_is_empty(r)) {
				recycle(in, b);
				continue;
			}
			r->field = NULL;
			if (in->map) {
				grow(&b->fields, &b->fieldcap, in->ncols, sizeof *b->fields);
				for (size_t i = 0; i < in->ncols; i++) {
					int k = in->map[i];
					b->fields[i] = k < 0 ? NULL : (size_t)k < r->ncells ? r->cells[k] : "";
				}
				r->field = b->fields;
			}
			in->current = b;
			*row = r;
			return 1;
		}
		/* The text read already first, before reading more. */
		if (in->started && in->textpos < in->textlen) {
			char *perr = NULL;
			if (feed(in, &perr) != 0) {
				free(in->error);
				in->error = perr;
				continue;
			}
			if (in->qlen > 0)
				continue;
		}
		/* Rows before a bad spot come out first, whatever the chunk size,
		 * so that the caller can report them too, in file order. */
		if (in->error) {
			*err = xstrdup(in->error);
			return -1;
		}
		if (in->eof == 2)
			return 0;
		if (!in->eof) {
			/* On a decoding error, what decoded before the bad bytes is
			 * still fed below, whole lines only. */
			if (fill(in, &in->error) == 0)
				in->eof = 1;
		}
		if (!in->started && (in->textlen > in->textpos || in->eof)) {
			if (start_parser(in, &in->error) != 0)
				continue;
		}
		if (in->started) {
			char *perr = NULL;
			if (feed(in, &perr) != 0) {
				/* A parse error comes before any later decoding error. */
				free(in->error);
				in->error = perr;
				continue;
			}
		}
		if (in->error || in->qlen > 0)
			continue;
		if (in->eof == 1 && in->textpos >= in->textlen) {
			in->eof = 2;
			if (in->started && csv_fini(&in->p, on_cell, on_row, in) != 0) {
				if (csv_error(&in->p) == CSV_EPARSE)
					in->error = xasprintf(_("%s:%ld: the file ends inside a quoted cell; it may be cut short"),
							      in->path, in->in_row ? in->row_line : in->line);
				else
					parse_error(in, &in->error);
			}
		}
	}
}

char *csvin_norm_header(const char *s)
{
	char *f = utf8_fold(s, strlen(s));
	char *o = f;
	for (const char *p = f; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '_' || *p == '-' || *p == '.' || *p == '\r' || *p == '\n')
			continue;
		if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) {	/* no-break space */
			p++;
			continue;
		}
		*o++ = *p;
	}
	*o = '\0';
	return f;
}

static int header_matches(const char *norm, const csvin_col *col)
{
	char *n = csvin_norm_header(col->name);
	int hit = strcmp(n, norm) == 0;
	free(n);
	const char *a = col->aliases;
	while (!hit && a && *a) {
		const char *bar = strchr(a, '|');
		size_t len = bar ? (size_t)(bar - a) : strlen(a);
		char *alias = xstrndup(a, len);
		n = csvin_norm_header(alias);
		hit = strcmp(n, norm) == 0;
		free(n);
		free(alias);
		a = bar ? bar + 1 : NULL;
	}
	return hit;
}

int csvin_col_find(const csvin_col *cols, size_t ncols, const char *text)
{
	char *norm = csvin_norm_header(text);
	int hit = -1;
	for (size_t i = 0; i < ncols && hit < 0 && *norm; i++)
		if (header_matches(norm, &cols[i]))
			hit = (int)i;
	free(norm);
	return hit;
}

int csvin_map(csvin *in, const csvin_row *header, const csvin_col *cols, size_t ncols,
	      char **err, char **unknown)
{
	free(in->map);
	for (size_t i = 0; i < in->nheader; i++)
		free(in->header[i]);
	free(in->header);
	in->map = xmalloc(ncols * sizeof *in->map);
	in->ncols = ncols;
	for (size_t i = 0; i < ncols; i++)
		in->map[i] = -1;
	in->nheader = header->ncells;
	in->header_line = header->line;
	in->header = xcalloc(header->ncells, sizeof *in->header);
	*unknown = NULL;
	char *unk = NULL;
	size_t nunk = 0;
	for (size_t k = 0; k < header->ncells; k++) {
		in->header[k] = xstrdup(header->cells[k]);
		char *norm = csvin_norm_header(header->cells[k]);
		if (*norm == '\0') {
			free(norm);
			continue;
		}
		size_t i;
		for (i = 0; i < ncols && !header_matches(norm, &cols[i]); i++)
			;
		free(norm);
		if (i == ncols) {
			/* Named up to ten: a message is read, not scrolled through. */
			if (nunk++ < 10) {
				char *u = xasprintf("%s%s«%s»", unk ? unk : "", unk ? ", " : "", cell_shown(header->cells[k]));
				free(unk);
				unk = u;
			}
			continue;
		}
		if (in->map[i] >= 0) {
			*err = xasprintf(_("%s:%ld: columns %d («%s») and %zu («%s») both give %s"),
					 in->path, header->line, in->map[i] + 1, cell_shown(header->cells[in->map[i]]),
					 k + 1, cell_shown(header->cells[k]), cols[i].name);
			free(unk);
			return -1;
		}
		in->map[i] = (int)k;
	}
	if (nunk > 10) {
		char *u = xasprintf(ngettext("%s and %zu more", "%s and %zu more", (unsigned long)(nunk - 10)), unk,
				    nunk - 10);
		free(unk);
		unk = u;
	}
	*unknown = unk;
	return 0;
}

int csvin_header(csvin *in, const csvin_col *cols, size_t ncols, char **err, char **unknown)
{
	csvin_row *r;
	int rc = csvin_next(in, &r, err);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		*err = xasprintf(_("%s: the file is empty; the first line must name the columns"), in->path);
		return -1;
	}
	return csvin_map(in, r, cols, ncols, err, unknown);
}

long csvin_header_line(const csvin *in)
{
	return in->header_line;
}

const char *csvin_header_name(const csvin *in, size_t i)
{
	if (!in->map || i >= in->ncols || in->map[i] < 0)
		return NULL;
	return in->header[in->map[i]];
}

char *csvin_header_list(const csvin *in)
{
	char *s = xstrdup("");
	for (size_t k = 0; k < in->nheader && k < 20; k++) {
		char *t = xasprintf("%s%s«%s»", s, k ? ", " : "", cell_shown(in->header[k]));
		free(s);
		s = t;
	}
	if (in->nheader > 20) {
		char *t = xasprintf(ngettext("%s and %zu more", "%s and %zu more", (unsigned long)(in->nheader - 20)), s,
				    in->nheader - 20);
		free(s);
		s = t;
	}
	return s;
}
