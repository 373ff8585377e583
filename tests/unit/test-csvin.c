/* The CSV reader against the contract's "CSV input" rules. Files whose bytes
 * matter (BOM, CRLF, Windows-1251, zero bytes, broken UTF-8) are written at
 * test time from explicit byte strings, so no editor can change them; plain
 * UTF-8 tables live in tests/fixtures/csv. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../src/common.h"
#include "../../src/csvin.h"

static char dir[] = "/tmp/orientir-csvin-XXXXXX";

/* Writes bytes to a fresh file in the temp folder; returns its path. */
static char *make_file(const char *name, const char *bytes, size_t len)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(bytes, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
	return path;
}

#define MAKE(name, lit) make_file(name, lit, sizeof lit - 1)

static char *fixture(const char *name)
{
	return xasprintf("%s/csv/%s", FIXTURES_DIR, name);
}

/* Everything a test wants to know about reading a whole file. */
typedef struct {
	int opened;
	int rc;			/* the last csvin_next: 0 end, -1 error */
	char *err;
	char *dump;		/* "LINE:cell|cell\n" per row, \n \r \t escaped */
	long nrows, last_line;
	enum csvin_encoding enc;
	char delim;
	long long offset, size;
} readout;

static void dump_cell(FILE *m, const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			fputs("\\n", m);
		else if (*s == '\r')
			fputs("\\r", m);
		else if (*s == '\t')
			fputs("\\t", m);
		else
			fputc(*s, m);
	}
}

static readout read_all(const char *path)
{
	readout r = { 0 };
	size_t len;
	FILE *m = open_memstream(&r.dump, &len);
	ck_assert_ptr_nonnull(m);
	csvin *in = csvin_open(path, &r.err);
	if (!in) {
		r.rc = -1;
		fclose(m);
		return r;
	}
	r.opened = 1;
	csvin_row *row;
	while ((r.rc = csvin_next(in, &row, &r.err)) == 1) {
		fprintf(m, "%ld:", row->line);
		for (size_t i = 0; i < row->ncells; i++) {
			if (i)
				fputc('|', m);
			dump_cell(m, row->cells[i]);
		}
		fputc('\n', m);
		r.nrows++;
		r.last_line = row->line;
	}
	r.enc = csvin_encoding(in);
	r.delim = csvin_delimiter(in);
	r.offset = csvin_offset(in);
	r.size = csvin_size(in);
	csvin_close(in);
	fclose(m);
	return r;
}

static void readout_free(readout *r)
{
	free(r->err);
	free(r->dump);
}

#define ck_assert_has(hay, needle) \
	ck_assert_msg((hay) && strstr((hay), (needle)), "expected \"%s\" in \"%s\"", (needle), (hay) ? (hay) : "(null)")

/* The message must begin "path:LINE:" (the line is what people look for). */
static void assert_at_line(const char *err, const char *path, long line)
{
	char *want = xasprintf("%s:%ld:", path, line);
	ck_assert_msg(err && strncmp(err, want, strlen(want)) == 0, "expected \"%s\" at the start of \"%s\"",
		      want, err ? err : "(null)");
	free(want);
}

/* --- every encoding with every delimiter --- */

/* The table is written with '|' for the delimiter. The header's last cell is
 * quoted and holds four of each other delimiter, so a detector that counted
 * inside quotes would choose wrong. Cells: Фам, Имя, Класс / Ёлкин, Пётр, 5А. */
static const char utf8_table[] =
	"\xD0\xA4\xD0\xB0\xD0\xBC|\xD0\x98\xD0\xBC\xD1\x8F|\xD0\x9A\xD0\xBB\xD0\xB0\xD1\x81\xD1\x81|\"Q\"\n"
	"\xD0\x81\xD0\xBB\xD0\xBA\xD0\xB8\xD0\xBD|\xD0\x9F\xD1\x91\xD1\x82\xD1\x80|5\xD0\x90|x\n";
static const char cp1251_table[] =
	"\xD4\xE0\xEC|\xC8\xEC\xFF|\xCA\xEB\xE0\xF1\xF1|\"Q\"\n"
	"\xA8\xEB\xEA\xE8\xED|\xCF\xB8\xF2\xF0|5\xC0|x\n";

static const char delims[] = { ';', ',', '\t' };

/* Builds the table in one encoding with one delimiter; Q becomes the other
 * two delimiters, four times each. */
static char *build_table(const char *tmpl, const char *bom, char delim, size_t *len)
{
	char other[16];
	size_t k = 0;
	for (int i = 0; i < 3; i++)
		for (int j = 0; j < 4 && delims[i] != delim; j++)
			other[k++] = delims[i];
	other[k] = '\0';
	char *out = xmalloc(strlen(bom) + strlen(tmpl) * 2 + 1);
	strcpy(out, bom);
	char *o = out + strlen(out);
	for (const char *p = tmpl; *p; p++) {
		if (*p == '|')
			*o++ = delim;
		else if (*p == 'Q')
			o += sprintf(o, "%s", other);
		else
			*o++ = *p;
	}
	*o = '\0';
	*len = (size_t)(o - out);
	return out;
}

START_TEST(test_encoding_delimiter)
{
	static const char *const encnames[] = { "utf8", "utf8bom", "cp1251" };
	enum csvin_encoding enc = (enum csvin_encoding)(_i / 3);
	char delim = delims[_i % 3];
	size_t len;
	char *bytes = build_table(enc == CSVIN_CP1251 ? cp1251_table : utf8_table,
				  enc == CSVIN_UTF8_BOM ? "\xEF\xBB\xBF" : "", delim, &len);
	char *name = xasprintf("enc-%s-%d.csv", encnames[_i / 3], _i % 3);
	char *path = make_file(name, bytes, len);

	char *err = NULL;
	csvin *in = csvin_open(path, &err);
	ck_assert_ptr_nonnull(in);
	ck_assert_int_eq(csvin_encoding(in), enc);
	csvin_row *r;
	ck_assert_int_eq(csvin_next(in, &r, &err), 1);
	ck_assert_int_eq(csvin_delimiter(in), delim);
	ck_assert_int_eq(r->line, 1);
	ck_assert_uint_eq(r->ncells, 4);
	/* Фам: the BOM is gone and Windows-1251 came out as UTF-8. */
	ck_assert_str_eq(r->cells[0], "\xD0\xA4\xD0\xB0\xD0\xBC");
	ck_assert_str_eq(r->cells[2], "\xD0\x9A\xD0\xBB\xD0\xB0\xD1\x81\xD1\x81");
	char other[16];
	size_t k = 0;
	for (int i = 0; i < 3; i++)
		for (int j = 0; j < 4 && delims[i] != delim; j++)
			other[k++] = delims[i];
	other[k] = '\0';
	ck_assert_str_eq(r->cells[3], other);
	ck_assert_int_eq(csvin_next(in, &r, &err), 1);
	ck_assert_int_eq(r->line, 2);
	ck_assert_uint_eq(r->ncells, 4);
	ck_assert_str_eq(r->cells[0], "\xD0\x81\xD0\xBB\xD0\xBA\xD0\xB8\xD0\xBD");	/* Ёлкин */
	ck_assert_str_eq(r->cells[1], "\xD0\x9F\xD1\x91\xD1\x82\xD1\x80");		/* Пётр */
	ck_assert_str_eq(r->cells[2], "5\xD0\x90");					/* 5А */
	ck_assert_int_eq(csvin_next(in, &r, &err), 0);
	ck_assert_ptr_null(err);
	ck_assert_int_eq(csvin_offset(in), csvin_size(in));
	csvin_close(in);
	free(path);
	free(name);
	free(bytes);
}
END_TEST

/* The first non-ASCII character decides, however far into the file it is. */
START_TEST(test_encoding_late_cyrillic)
{
	FILE *m;
	char *buf;
	size_t len;
	m = open_memstream(&buf, &len);
	fputs("code;name\n", m);
	for (int i = 0; i < 20000; i++)
		fprintf(m, "%d;plain ascii\n", i);
	fputs("x;\xD4\xE0\xEC\n", m);	/* Фам in Windows-1251 at line 20002 */
	fclose(m);
	ck_assert_uint_gt(len, 2 * 65536);
	char *path = make_file("late.csv", buf, len);
	readout r = read_all(path);
	ck_assert_int_eq(r.rc, 0);
	ck_assert_int_eq(r.enc, CSVIN_CP1251);
	ck_assert_int_eq(r.last_line, 20002);
	ck_assert_has(r.dump, "20002:x|\xD0\xA4\xD0\xB0\xD0\xBC\n");
	readout_free(&r);
	free(path);
	free(buf);
}
END_TEST

/* The first non-ASCII character right at the end of the first read, cut
 * or not: the detection reads on without writing past its buffer. */
START_TEST(test_encoding_at_chunk_edge)
{
	size_t at = 65530 + (size_t)_i;	/* offsets 65530..65541 of the first non-ASCII byte */
	char *buf = xmalloc(at + 64);
	memcpy(buf, "code;name\n", 10);
	memset(buf + 10, 'a', at - 10);
	for (size_t k = 100; k < at; k += 100)
		buf[k] = '\n';
	size_t len = at;
	len += (size_t)sprintf(buf + len, "\xD0\xA4\xD0\xB0\xD0\xBC;x\n");
	char *path = make_file("edge.csv", buf, len);
	readout r = read_all(path);
	ck_assert_int_eq(r.rc, 0);
	ck_assert_int_eq(r.enc, CSVIN_UTF8);
	ck_assert_has(r.dump, "\xD0\xA4\xD0\xB0\xD0\xBC|x\n");
	readout_free(&r);
	free(path);
	free(buf);
}
END_TEST

/* Lines ended by CR alone (old Mac Excel) are lines: the bad one is named. */
START_TEST(test_cr_only_lines)
{
	char *path = MAKE("cr.csv", "a;b\r1;2\r\"x\ry\";3\r4;\"5\r");
	readout r = read_all(path);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_str_eq(r.dump, "1:a|b\n2:1|2\n3:x\\ry|3\n");
	assert_at_line(r.err, path, 5);
	readout_free(&r);
	free(path);
	/* Mixed with CRLF and LF, blank CR lines skipped, a CR at the very end. */
	path = MAKE("crmix.csv", "a;b\r\r1;2\r\n3;4\n5;6\r");
	r = read_all(path);
	ck_assert_int_eq(r.rc, 0);
	ck_assert_str_eq(r.dump, "1:a|b\n3:1|2\n4:3|4\n5:5|6\n");
	readout_free(&r);
	free(path);
}
END_TEST

/* Windows-1251 whose first letters happen to be valid UTF-8 («Пё» is
 * U+03F8): the file as a whole decides. */
START_TEST(test_cp1251_looks_like_utf8)
{
	char *path = MAKE("petr.csv", "\xCF\xB8\xF2\xF0;\xC8\xE2\xE0\xED\xEE\xE2\n1;2\n");
	readout r = read_all(path);
	ck_assert_int_eq(r.rc, 0);
	ck_assert_int_eq(r.enc, CSVIN_CP1251);
	ck_assert_str_eq(r.dump, "1:\xD0\x9F\xD1\x91\xD1\x82\xD1\x80|\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD\xD0\xBE\xD0\xB2\n2:1|2\n");
	readout_free(&r);
	free(path);
	/* Only «Пё» and nothing else outside ASCII: still Windows-1251. */
	path = MAKE("pe.csv", "a;\xCF\xB8\n");
	r = read_all(path);
	ck_assert_int_eq(r.enc, CSVIN_CP1251);
	readout_free(&r);
	free(path);
}
END_TEST

/* A line that never ends, or a row longer than the limit, is refused
 * before it takes the memory. */
START_TEST(test_row_limit)
{
	size_t n = CSVIN_MAX_ROW + 100000;
	char *buf = xmalloc(n + 16);
	memcpy(buf, "a;b\n1;", 6);
	memset(buf + 6, 'x', n - 6);
	char *path = make_file("long.csv", buf, n);
	readout r = read_all(path);
	ck_assert_int_eq(r.rc, -1);
	assert_at_line(r.err, path, 2);
	ck_assert_has(r.err, "1024 KiB");
	ck_assert_uint_lt(strlen(r.err), 300);
	readout_free(&r);
	free(path);
	/* The same in a quoted cell over many short lines. */
	for (size_t i = 7; i < n; i += 10)
		buf[i] = '\n';
	buf[6] = '"';
	path = make_file("longq.csv", buf, n);
	r = read_all(path);
	ck_assert_int_eq(r.rc, -1);
	assert_at_line(r.err, path, 2);
	readout_free(&r);
	free(path);
	free(buf);
}
END_TEST

/* The apostrophe csvout writes before a formula-like cell is not part of it. */
START_TEST(test_formula_guard_dropped)
{
	char *path = MAKE("guard.csv", "a;b\n'=1+1;'-x\n'a;''-\n'@;'\n");
	readout r = read_all(path);
	ck_assert_int_eq(r.rc, 0);
	ck_assert_str_eq(r.dump, "1:a|b\n2:=1+1|-x\n3:'a|'-\n4:@|'\n");
	readout_free(&r);
	free(path);
}
END_TEST

START_TEST(test_from_memory)
{
	static const char text[] = "\xEF\xBB\xBF" "a;b\n1;2\n";
	char *err = NULL;
	csvin *in = csvin_open_mem("mem.csv", text, sizeof text - 1, &err);
	ck_assert_ptr_nonnull(in);
	csvin_row *row;
	ck_assert_int_eq(csvin_next(in, &row, &err), 1);
	ck_assert_int_eq(csvin_encoding(in), CSVIN_UTF8_BOM);
	ck_assert_int_eq(csvin_next(in, &row, &err), 1);
	ck_assert_str_eq(row->cells[1], "2");
	ck_assert_int_eq(csvin_next(in, &row, &err), 0);
	csvin_close(in);
	in = csvin_open_mem("empty.csv", "", 0, &err);
	ck_assert_ptr_nonnull(in);
	ck_assert_int_eq(csvin_next(in, &row, &err), 0);
	csvin_close(in);
}
END_TEST

/* A header of many long unknown cells: the message names a few, short. */
START_TEST(test_unknown_header_bounded)
{
	FILE *m;
	char *buf;
	size_t len;
	m = open_memstream(&buf, &len);
	fputs("code", m);
	for (int i = 0; i < 2000; i++) {
		fprintf(m, ";col%d-", i);
		for (int k = 0; k < 300; k++)
			fputc('z', m);
	}
	fputs("\n1\n", m);
	fclose(m);
	char *path = make_file("wide.csv", buf, len);
	char *err = NULL, *unknown = NULL;
	csvin *in = csvin_open(path, &err);
	static const csvin_col cols[] = { { "code", "код" } };
	ck_assert_int_eq(csvin_header(in, cols, 1, &err, &unknown), 0);
	ck_assert_ptr_nonnull(unknown);
	ck_assert_uint_lt(strlen(unknown), 1000);
	ck_assert_has(unknown, "and 1990 more");
	char *list = csvin_header_list(in);
	ck_assert_uint_lt(strlen(list), 2000);
	free(list);
	free(unknown);
	csvin_close(in);
	free(path);
	free(buf);
}
END_TEST

/* --- quoting and physical line numbers --- */

START_TEST(test_quoted_cells_and_lines)
{
	char *path = fixture("quoted.csv");
	readout r = read_all(path);
	ck_assert_int_eq(r.rc, 0);
	ck_assert_int_eq(r.delim, ';');
	ck_assert_str_eq(r.dump,
			 "1:name|note|n\n"
			 "2:a;b|say \"hi\"|1\n"
			 "3:q|first line\\nsecond line|2\n"
			 "5:after|the multi-line cell|3\n"
			 "8:three\\n\\nlines|with a blank line inside|4\n"
			 "11:\"\"|;|5\n"
			 "12:last|no newline at the end|6\n");
	readout_free(&r);
	free(path);
}
END_TEST

/* Lines of nothing, of spaces, of delimiters only are skipped, and counted. */
START_TEST(test_blank_lines_counted)
{
	char *path = MAKE("blank.csv",
			  "a;b;c\n"
			  "\n"
			  "1;2;3\n"
			  ";;;;\n"
			  "\r\n"
			  " ; ; \n"
			  "4;5;6\n"
			  "   \n"
			  " \r\n"
			  "7;8;9\n"
			  "\n"
			  "\n");
	readout r = read_all(path);
	ck_assert_int_eq(r.rc, 0);
	ck_assert_str_eq(r.dump, "1:a|b|c\n3:1|2|3\n7:4|5|6\n10:7|8|9\n");
	readout_free(&r);
	free(path);
}
END_TEST

START_TEST(test_blank_lines_before_header)
{
	char *path = MAKE("lead.csv", "\n  \n\r\nx,y\n1,2\n");
	readout r = read_all(path);
	ck_assert_int_eq(r.rc, 0);
	ck_assert_int_eq(r.delim, ',');
	ck_assert_str_eq(r.dump, "4:x|y\n5:1|2\n");
	readout_free(&r);
	free(path);
}
END_TEST

/* What Russian Excel's "CSV UTF-8" writes. */
START_TEST(test_excel_ru)
{
	char *path = MAKE("excel.csv",
			  "\xEF\xBB\xBF" "\xD0\x9A\xD0\xBE\xD0\xB4;\xD0\x91\xD0\xB0\xD0\xBB\xD0\xBB;"
			  "\xD0\x94\xD0\xB0\xD1\x82\xD0\xB0;\xD0\x9A\xD0\xBE\xD0\xBC\xD0\xBC\xD0\xB5\xD0\xBD\xD1\x82\r\n"
			  "A-1;12,5;05.03.2024;\"two\nlines\"\r\n"
			  ";;;\r\n"
			  "A-2;7;29.02.2024;\r\n");
	static const csvin_col cols[] = {
		{ "student_code", "\xD0\x9A\xD0\xBE\xD0\xB4" },	/* Код */
		{ "score", "\xD0\x91\xD0\xB0\xD0\xBB\xD0\xBB" },	/* Балл */
		{ "date", "\xD0\x94\xD0\xB0\xD1\x82\xD0\xB0" },	/* Дата */
		{ "comment", "\xD0\x9A\xD0\xBE\xD0\xBC\xD0\xBC\xD0\xB5\xD0\xBD\xD1\x82" },
	};
	char *err = NULL, *unknown = NULL;
	csvin *in = csvin_open(path, &err);
	ck_assert_ptr_nonnull(in);
	ck_assert_int_eq(csvin_encoding(in), CSVIN_UTF8_BOM);
	/* The BOM must not stick to the first header, or «Код» goes unknown. */
	ck_assert_int_eq(csvin_header(in, cols, 4, &err, &unknown), 0);
	ck_assert_ptr_null(unknown);
	ck_assert_int_eq(csvin_delimiter(in), ';');
	csvin_row *r;
	ck_assert_int_eq(csvin_next(in, &r, &err), 1);
	ck_assert_int_eq(r->line, 2);
	ck_assert_str_eq(r->field[0], "A-1");
	ck_assert_str_eq(r->field[1], "12,5");
	ck_assert_str_eq(r->field[2], "05.03.2024");
	ck_assert_str_eq(r->field[3], "two\nlines");
	ck_assert_int_eq(csvin_next(in, &r, &err), 1);
	ck_assert_int_eq(r->line, 5);
	ck_assert_str_eq(r->field[0], "A-2");
	ck_assert_str_eq(r->field[2], "29.02.2024");
	ck_assert_str_eq(r->field[3], "");	/* no CR left over from CRLF */
	ck_assert_int_eq(csvin_next(in, &r, &err), 0);
	csvin_close(in);
	free(path);
}
END_TEST

/* Windows-1251 with CRLF, as plain "CSV" from Russian Excel. */
START_TEST(test_excel_ru_cp1251)
{
	char *path = MAKE("excel1251.csv",
			  "\xD4\xE0\xEC\xE8\xEB\xE8\xFF;\xC1\xE0\xEB\xEB\r\n"	/* Фамилия;Балл */
			  "\xB8\xE6\xE8\xEA;12,5\r\n"				/* ёжик */
			  "\"\xAB\xD2\xE8\xF5\xEE\xED\xEE\xE2\xBB\r\n\xB9 2\";3\r\n");	/* «Тихонов» / № 2 */
	readout r = read_all(path);
	ck_assert_int_eq(r.rc, 0);
	ck_assert_int_eq(r.enc, CSVIN_CP1251);
	ck_assert_str_eq(r.dump,
			 "1:\xD0\xA4\xD0\xB0\xD0\xBC\xD0\xB8\xD0\xBB\xD0\xB8\xD1\x8F|\xD0\x91\xD0\xB0\xD0\xBB\xD0\xBB\n"
			 "2:\xD1\x91\xD0\xB6\xD0\xB8\xD0\xBA|12,5\n"
			 "3:\xC2\xAB\xD0\xA2\xD0\xB8\xD1\x85\xD0\xBE\xD0\xBD\xD0\xBE\xD0\xB2\xC2\xBB\\r\\n\xE2\x84\x96 2|3\n");
	readout_free(&r);
	free(path);
}
END_TEST

/* --- malformed files --- */

START_TEST(test_quote_inside_unquoted_cell)
{
	char *path = MAKE("badq1.csv", "a;b\nok;1\nab\"c;2\nnever;3\n");
	readout r = read_all(path);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_str_eq(r.dump, "1:a|b\n2:ok|1\n");
	assert_at_line(r.err, path, 3);
	ck_assert_has(r.err, "quote");
	readout_free(&r);
	free(path);
}
END_TEST

START_TEST(test_text_after_closing_quote)
{
	/* The multi-line cell first, so the line must count its break too. */
	char *path = MAKE("badq2.csv", "a;b\n\"x\ny\";1\n\n\"abc\"x;2\n");
	readout r = read_all(path);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_str_eq(r.dump, "1:a|b\n2:x\\ny|1\n");
	assert_at_line(r.err, path, 5);
	readout_free(&r);
	free(path);
}
END_TEST

START_TEST(test_truncated_quoted_cell)
{
	char *path = MAKE("cut.csv", "a;b\n1;2\n\n3;\"unfinished\nmore text\nand more");
	readout r = read_all(path);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_str_eq(r.dump, "1:a|b\n2:1|2\n");
	assert_at_line(r.err, path, 4);
	ck_assert_has(r.err, "ends inside a quoted cell");
	readout_free(&r);
	free(path);
}
END_TEST

START_TEST(test_binary)
{
	char *path = MAKE("bin.csv", "a;b\n1;2\n\x7F" "ELF\x02\x01\x01\x00\x00\x00garbage\n");
	readout r = read_all(path);
	ck_assert_int_eq(r.rc, -1);
	assert_at_line(r.err, path, 3);
	ck_assert_has(r.err, "binary");
	readout_free(&r);
	free(path);
}
END_TEST

/* A zero byte far into the file, after rows have been handed out. */
START_TEST(test_binary_late)
{
	FILE *m;
	char *buf;
	size_t len;
	m = open_memstream(&buf, &len);
	fputs("a;b\n", m);
	for (int i = 0; i < 12000; i++)
		fprintf(m, "%d;\"multi\nline\"\n", i);	/* 2 lines each */
	fputc('x', m);
	fputc('\0', m);
	fputs("\n", m);
	fclose(m);
	ck_assert_uint_gt(len, 65536 * 2);
	char *path = make_file("binlate.csv", buf, len);
	readout r = read_all(path);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_has(r.err, "binary");
	assert_at_line(r.err, path, 2 + 12000 * 2);
	readout_free(&r);
	free(path);
	free(buf);
}
END_TEST

START_TEST(test_utf16)
{
	char *path = MAKE("utf16.csv", "\xFF\xFE" "a\0;\0b\0\n\0");
	char *path2 = MAKE("utf16be.csv", "\xFE\xFF" "\0a\0;\0b\0\n");
	char *err = NULL;
	ck_assert_ptr_null(csvin_open(path, &err));
	ck_assert_has(err, "UTF-16");
	ck_assert_has(err, path);
	free(err);
	err = NULL;
	ck_assert_ptr_null(csvin_open(path2, &err));
	ck_assert_has(err, "UTF-16");
	free(err);
	free(path);
	free(path2);
}
END_TEST

START_TEST(test_mixed_encodings)
{
	/* UTF-8 Фам, Иван; then Иванов in Windows-1251 on line 3. */
	char *path = MAKE("mixed.csv",
			  "\xD0\xA4\xD0\xB0\xD0\xBC;b\n"
			  "\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD;1\n"
			  "x;\xC8\xE2\xE0\xED\xEE\xE2\n");
	readout r = read_all(path);
	ck_assert_int_eq(r.enc, CSVIN_UTF8);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_str_eq(r.dump, "1:\xD0\xA4\xD0\xB0\xD0\xBC|b\n2:\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD|1\n");
	assert_at_line(r.err, path, 3);
	ck_assert_has(r.err, "UTF-8");
	readout_free(&r);
	free(path);
}
END_TEST

/* The bad bytes in a later chunk than the first: the line still counts. */
START_TEST(test_mixed_encodings_late)
{
	FILE *m;
	char *buf;
	size_t len;
	m = open_memstream(&buf, &len);
	fputs("\xD0\xA4\xD0\xB0\xD0\xBC;b\n", m);
	for (int i = 0; i < 10000; i++)
		fprintf(m, "\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD\xD0\xBE\xD0\xB2;%d\n", i);
	fputs("x;\xC8\xE2\xE0\xED\xEE\xE2\n", m);	/* line 10002 */
	fclose(m);
	ck_assert_uint_gt(len, 65536 * 2);
	char *path = make_file("mixedlate.csv", buf, len);
	readout r = read_all(path);
	ck_assert_int_eq(r.rc, -1);
	assert_at_line(r.err, path, 10002);
	ck_assert_has(r.err, "UTF-8");
	readout_free(&r);
	free(path);
	free(buf);
}
END_TEST

/* A BOM, then bytes that are not UTF-8 (Windows-1251): told at line 1,
 * without the reader touching a buffer it has not made yet. */
START_TEST(test_bom_then_cp1251)
{
	char *path = MAKE("bomcp.csv", "\xEF\xBB\xBF\xD4\xE0\xEC;b\n1;2\n");
	readout r = read_all(path);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_str_eq(r.dump, "");
	assert_at_line(r.err, path, 1);
	ck_assert_has(r.err, "UTF-8");
	readout_free(&r);
	free(path);
}
END_TEST

START_TEST(test_cp1251_undefined_byte)
{
	/* 0x98 has no character in Windows-1251. */
	char *path = MAKE("cp1251bad.csv", "\xD4\xE0\xEC;b\n1;2\n3;\x98\n");
	readout r = read_all(path);
	ck_assert_int_eq(r.enc, CSVIN_CP1251);
	ck_assert_int_eq(r.rc, -1);
	assert_at_line(r.err, path, 3);
	ck_assert_has(r.err, "0x98");
	readout_free(&r);
	free(path);
}
END_TEST

START_TEST(test_cannot_open)
{
	char *err = NULL;
	char *path = xasprintf("%s/no-such-file.csv", dir);
	ck_assert_ptr_null(csvin_open(path, &err));
	ck_assert_has(err, path);
	free(err);
	err = NULL;
	ck_assert_ptr_null(csvin_open(dir, &err));
	ck_assert_has(err, "folder");
	free(err);
	free(path);
}
END_TEST

/* --- header --- */

static const csvin_col cols[] = {
	{ "student_code", "\xD0\x9A\xD0\xBE\xD0\xB4|\xD0\x9A\xD0\xBE\xD0\xB4 \xD1\x83\xD1\x87\xD0\xB0\xD1\x81\xD1\x82\xD0\xBD\xD0\xB8\xD0\xBA\xD0\xB0" },	/* Код|Код участника */
	{ "class", "\xD0\x9A\xD0\xBB\xD0\xB0\xD1\x81\xD1\x81" },	/* Класс */
	{ "last_name", "\xD0\xA4\xD0\xB0\xD0\xBC\xD0\xB8\xD0\xBB\xD0\xB8\xD1\x8F" },	/* Фамилия */
	{ "middle_name", "\xD0\x9E\xD1\x82\xD1\x87\xD0\xB5\xD1\x81\xD1\x82\xD0\xB2\xD0\xBE" },	/* Отчество */
	{ "risk_group", "\xD0\x93\xD1\x80\xD1\x83\xD0\xBF\xD0\xBF\xD0\xB0 \xD1\x80\xD0\xB8\xD1\x81\xD0\xBA\xD0\xB0" },	/* Группа риска */
	{ "account", "\xD0\xA3\xD1\x87\xD1\x91\xD1\x82" },	/* Учёт */
	{ "bill", "\xD0\xA1\xD1\x87\xD0\xB5\xD1\x82" },	/* Счет */
};
#define NCOLS (sizeof cols / sizeof *cols)

START_TEST(test_header_aliases)
{
	char *path = fixture("header-ru.csv");
	char *err = NULL, *unknown = NULL;
	csvin *in = csvin_open(path, &err);
	ck_assert_ptr_nonnull(in);
	ck_assert_int_eq(csvin_header(in, cols, NCOLS, &err, &unknown), 0);
	/* «Лишняя» and «Comment» are not ours, the blank header cell is nothing. */
	ck_assert_str_eq(unknown, "«Лишняя», «Comment»");
	ck_assert_str_eq(csvin_header_name(in, 0), "  Код  участника ");
	ck_assert_str_eq(csvin_header_name(in, 1), "КЛАСС");
	ck_assert_str_eq(csvin_header_name(in, 2), "фАмИлИя");
	ck_assert_ptr_null(csvin_header_name(in, 3));
	ck_assert_str_eq(csvin_header_name(in, 4), "Группа_риска");
	ck_assert_str_eq(csvin_header_name(in, 5), "УЧЕТ");	/* Е for Ё */
	ck_assert_str_eq(csvin_header_name(in, 6), "Счёт");	/* Ё for Е */
	ck_assert_ptr_null(csvin_header_name(in, NCOLS));
	char *list = csvin_header_list(in);
	ck_assert_str_eq(list, "«  Код  участника », «КЛАСС», «фАмИлИя», «Лишняя», «Группа_риска», "
			 "«», «Comment», «УЧЕТ», «Счёт»");
	free(list);

	csvin_row *r;
	ck_assert_int_eq(csvin_next(in, &r, &err), 1);
	ck_assert_int_eq(r->line, 2);
	ck_assert_str_eq(r->field[0], "A1");
	ck_assert_str_eq(r->field[1], "5А");
	ck_assert_str_eq(r->field[2], "Иванов");
	ck_assert_ptr_null(r->field[3]);	/* no such column in the file */
	ck_assert_str_eq(r->field[4], "да");
	ck_assert_str_eq(r->field[5], "u");
	ck_assert_str_eq(r->field[6], "b");
	/* A short row: the columns it does not reach are "". */
	ck_assert_int_eq(csvin_next(in, &r, &err), 1);
	ck_assert_int_eq(r->line, 3);
	ck_assert_uint_eq(r->ncells, 3);
	ck_assert_str_eq(r->field[2], "Петров");
	ck_assert_ptr_null(r->field[3]);
	ck_assert_str_eq(r->field[4], "");
	ck_assert_str_eq(r->field[6], "");
	ck_assert_int_eq(csvin_next(in, &r, &err), 0);
	csvin_close(in);
	free(unknown);
	free(path);
}
END_TEST

START_TEST(test_header_english_names)
{
	char *path = MAKE("english.csv", "Student_Code,CLASS,last-name,Risk Group\nA1,5A,Smith,no\n");
	char *err = NULL, *unknown = (char *)"sentinel";
	csvin *in = csvin_open(path, &err);
	ck_assert_ptr_nonnull(in);
	ck_assert_int_eq(csvin_header(in, cols, NCOLS, &err, &unknown), 0);
	ck_assert_ptr_null(unknown);
	csvin_row *r;
	ck_assert_int_eq(csvin_next(in, &r, &err), 1);
	ck_assert_str_eq(r->field[0], "A1");
	ck_assert_str_eq(r->field[1], "5A");
	ck_assert_str_eq(r->field[2], "Smith");
	ck_assert_str_eq(r->field[4], "no");
	ck_assert_ptr_null(r->field[3]);
	csvin_close(in);
	free(path);
}
END_TEST

START_TEST(test_header_duplicate)
{
	/* Код and «Код участника» both name student_code; the header is on line 3. */
	char *path = MAKE("dup.csv",
			  "\n\n\xD0\x9A\xD0\xBE\xD0\xB4;\xD0\x9A\xD0\xBB\xD0\xB0\xD1\x81\xD1\x81;"
			  "\xD0\x9A\xD0\xBE\xD0\xB4 \xD1\x83\xD1\x87\xD0\xB0\xD1\x81\xD1\x82\xD0\xBD\xD0\xB8\xD0\xBA\xD0\xB0\n"
			  "1;5А;2\n");
	char *err = NULL, *unknown = NULL;
	csvin *in = csvin_open(path, &err);
	ck_assert_ptr_nonnull(in);
	ck_assert_int_eq(csvin_header(in, cols, NCOLS, &err, &unknown), -1);
	assert_at_line(err, path, 3);
	ck_assert_has(err, "columns 1 («Код»)");
	ck_assert_has(err, "3 («Код участника»)");
	ck_assert_has(err, "student_code");
	ck_assert_ptr_null(unknown);
	free(err);
	csvin_close(in);
	free(path);
}
END_TEST

START_TEST(test_header_norm)
{
	char *n = csvin_norm_header(" Код_Участника-\xC2\xA0.Ё ");
	ck_assert_str_eq(n, "кодучастникае");
	free(n);
}
END_TEST

START_TEST(test_empty_file)
{
	static const char *const names[] = { "empty.csv", "blanks.csv", "bomonly.csv" };
	static const char *const bytes[] = { "", "\n\r\n  \n\n", "\xEF\xBB\xBF" };
	for (int i = 0; i < 3; i++) {
		char *path = make_file(names[i], bytes[i], strlen(bytes[i]));
		char *err = NULL, *unknown = NULL;
		csvin *in = csvin_open(path, &err);
		ck_assert_ptr_nonnull(in);
		ck_assert_int_eq(csvin_header(in, cols, NCOLS, &err, &unknown), -1);
		ck_assert_has(err, path);
		ck_assert_has(err, "empty");
		free(err);
		csvin_close(in);
		free(path);
	}
}
END_TEST

START_TEST(test_header_only)
{
	static const char *const names[] = { "honly.csv", "honly-nonl.csv" };
	static const char *const bytes[] = { "Код;Класс\r\n\r\n", "Код;Класс" };
	for (int i = 0; i < 2; i++) {
		char *path = make_file(names[i], bytes[i], strlen(bytes[i]));
		char *err = NULL, *unknown = NULL;
		csvin *in = csvin_open(path, &err);
		ck_assert_ptr_nonnull(in);
		ck_assert_int_eq(csvin_header(in, cols, NCOLS, &err, &unknown), 0);
		ck_assert_ptr_null(unknown);
		ck_assert_str_eq(csvin_header_name(in, 1), "Класс");
		csvin_row *r;
		ck_assert_int_eq(csvin_next(in, &r, &err), 0);
		ck_assert_ptr_null(err);
		/* and stays at the end */
		ck_assert_int_eq(csvin_next(in, &r, &err), 0);
		csvin_close(in);
		free(path);
	}
}
END_TEST

/* --- TAB --- */

START_TEST(test_tab_empty_cells)
{
	char *path = MAKE("tab.csv",
			  "a\tb\tc\td\n"
			  "\t\tx\t\n"
			  "1\t\t\t\n"
			  "\"q\"\t\t\"r s\"\t z \n");
	readout r = read_all(path);
	ck_assert_int_eq(r.rc, 0);
	ck_assert_int_eq(r.delim, '\t');
	ck_assert_str_eq(r.dump,
			 "1:a|b|c|d\n"
			 "2:||x|\n"
			 "3:1|||\n"
			 "4:q||r s|z\n");
	readout_free(&r);
	free(path);
}
END_TEST

/* --- a big file streams through, line numbers right to the end --- */

START_TEST(test_large_file)
{
	enum { ROWS = 200000 };
	char *path = xasprintf("%s/large.csv", dir);
	FILE *f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	fputs("\xEF\xBB\xBFn;name;score;note\r\n", f);
	long line = 2;
	for (int i = 0; i < ROWS; i++) {
		/* Every 1000th row spans two lines, every 777th is followed by a blank one;
		 * the Cyrillic name makes chunk ends cut characters in half sometimes. */
		fprintf(f, "%d;\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD\xD0\xBE\xD0\xB2 %d;12,5;%s\r\n", i, i % 97,
			i % 1000 == 0 ? "\"two\r\nlines\"" : "");
		if (i % 777 == 0)
			fputs("\r\n", f);
	}
	ck_assert_int_eq(fclose(f), 0);

	char *err = NULL;
	csvin *in = csvin_open(path, &err);
	ck_assert_ptr_nonnull(in);
	csvin_row *r;
	ck_assert_int_eq(csvin_next(in, &r, &err), 1);
	ck_assert_int_eq(r->line, 1);
	long n = 0;
	int rc;
	while ((rc = csvin_next(in, &r, &err)) == 1) {
		ck_assert_int_eq(r->line, line);
		char want[64];
		snprintf(want, sizeof want, "%ld", n);
		if (strcmp(r->cells[0], want) != 0)
			ck_abort_msg("row at line %ld: cell «%s», expected «%s»", r->line, r->cells[0], want);
		snprintf(want, sizeof want, "\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD\xD0\xBE\xD0\xB2 %ld", n % 97);
		if (strcmp(r->cells[1], want) != 0)
			ck_abort_msg("row at line %ld: cell «%s», expected «%s»", r->line, r->cells[1], want);
		line += n % 1000 == 0 ? 2 : 1;
		line += n % 777 == 0;
		n++;
	}
	ck_assert_int_eq(rc, 0);
	ck_assert_int_eq(n, ROWS);
	ck_assert_int_eq(csvin_offset(in), csvin_size(in));
	csvin_close(in);
	free(path);
}
END_TEST

int main(void)
{
	if (!mkdtemp(dir)) {
		perror(dir);
		return 1;
	}
	Suite *s = suite_create("csvin");
	TCase *t = tcase_create("encoding");
	tcase_add_loop_test(t, test_encoding_delimiter, 0, 9);
	tcase_add_test(t, test_encoding_late_cyrillic);
	tcase_add_loop_test(t, test_encoding_at_chunk_edge, 0, 12);
	tcase_add_test(t, test_cp1251_looks_like_utf8);
	tcase_add_test(t, test_from_memory);
	tcase_add_test(t, test_excel_ru);
	tcase_add_test(t, test_excel_ru_cp1251);
	suite_add_tcase(s, t);

	t = tcase_create("lines");
	tcase_add_test(t, test_quoted_cells_and_lines);
	tcase_add_test(t, test_blank_lines_counted);
	tcase_add_test(t, test_blank_lines_before_header);
	tcase_add_test(t, test_tab_empty_cells);
	tcase_add_test(t, test_cr_only_lines);
	tcase_add_test(t, test_formula_guard_dropped);
	suite_add_tcase(s, t);

	t = tcase_create("errors");
	tcase_add_test(t, test_quote_inside_unquoted_cell);
	tcase_add_test(t, test_text_after_closing_quote);
	tcase_add_test(t, test_truncated_quoted_cell);
	tcase_add_test(t, test_binary);
	tcase_add_test(t, test_binary_late);
	tcase_add_test(t, test_utf16);
	tcase_add_test(t, test_mixed_encodings);
	tcase_add_test(t, test_mixed_encodings_late);
	tcase_add_test(t, test_cp1251_undefined_byte);
	tcase_add_test(t, test_bom_then_cp1251);
	tcase_add_test(t, test_row_limit);
	tcase_add_test(t, test_unknown_header_bounded);
	tcase_add_test(t, test_cannot_open);
	suite_add_tcase(s, t);

	t = tcase_create("header");
	tcase_add_test(t, test_header_aliases);
	tcase_add_test(t, test_header_english_names);
	tcase_add_test(t, test_header_duplicate);
	tcase_add_test(t, test_header_norm);
	tcase_add_test(t, test_empty_file);
	tcase_add_test(t, test_header_only);
	suite_add_tcase(s, t);

	t = tcase_create("large");
	tcase_set_timeout(t, 120);
	tcase_add_test(t, test_large_file);
	suite_add_tcase(s, t);

	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	char *cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		failed++;
	free(cmd);
	return failed ? 1 : 0;
}
