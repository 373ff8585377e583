/* vtrun: runs a program on a pseudo-terminal whose screen is emulated by
 * libvterm, drives it with keys from a script and checks what the screen
 * shows, cell by cell, as a real terminal would show it.
 *
 *   vtrun [--cols N] [--rows N] [--term NAME] [--timeout SEC] [--verbose] [--no-ctty]
 *         SCRIPT -- PROGRAM [ARGS...]
 *
 * Exit status: 0 every command passed, 1 a command failed (the message and
 * the screen are printed on stdout), 2 bad usage or a bad script.
 * tests/ui/README.md describes the script language. */

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <vterm.h>

enum op {
	OP_WAIT, OP_WAIT_GONE, OP_EXPECT, OP_EXPECT_NOT, OP_EXPECT_ROW,
	OP_EXPECT_ATTR, OP_EXPECT_CURSOR, OP_TYPE, OP_KEY, OP_SLEEP, OP_RESIZE,
	OP_DUMP, OP_EXPECT_EXIT, OP_KILL, OP_TIME_WAIT, OP_TIME_KEYS, OP_HANGUP, OP_EXPECT_ATTR_ROW
};

/* time-keys: an answer ends when the output pauses this long; a press with
 * no answer (or one that does not end) by the give-up time has failed. */
enum { ANSWER_QUIET_US = 5000, ANSWER_GIVE_UP_US = 2000000 };

enum attr { ATTR_REVERSE, ATTR_BOLD, ATTR_UNDERLINE, ATTR_COLOR, ATTR_RED, ATTR_GREEN, ATTR_YELLOW,
	    ATTR_FG, ATTR_BG };
static const char *const attr_names[] = { "reverse", "bold", "underline", "color", "red", "green", "yellow" };
/* fg-NAME and bg-NAME: the eight ANSI colours (or their bright twins), or
 * the terminal's default. */
static const char *const color_names[] = { "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white" };

/* One parsed script line. */
struct cmd {
	enum op op;
	int line;
	char *src;          /* the line as written, for messages */
	char *text;         /* TEXT argument, or the bytes a key sends */
	size_t textlen;
	char *key;          /* time-keys: the key's name as written */
	long n1, n2;        /* row / count / ms / cols,rows / exit code */
	enum attr attr;
	int color;          /* ATTR_FG, ATTR_BG: 0..7, or -1 for the default */
	bool negate;        /* expect-attr TEXT no-ATTR */
};

/* Everything about the running program and its terminal. */
static struct {
	const char *script;
	const char *term;
	long timeout_ms;
	bool verbose;
	bool no_ctty;       /* the pty is the program's stdin and stdout, not its terminal */
	int rows, cols;
	VTerm *vt;
	VTermScreen *screen;
	int master;
	pid_t pid;
	long long started_us;  /* when the child was forked (now_us) */
	long long read_us;     /* when output last came (now_us) */
	bool exited;        /* the child has been reaped; status is valid */
	int status;
	bool eof;           /* the master gave EOF/EIO: no more output can come */
	bool unanswered;    /* input was sent and no output has come since */
	char tail[4];       /* the start of a UTF-8 character the last read cut */
	size_t ntail;
	char *out;          /* bytes waiting to be written to the program */
	size_t outlen, outcap;
	struct cmd *cmds;
	size_t ncmds;
	int checks;
	FILE *script_file;  /* open while the script is read */
	char *linebuf;
} R = { .master = -1, .pid = -1 };

/* Key sequences, looked up in terminfo for R.term (defined at the end). */
static const char *key_bytes(const char *name, char *buf, size_t bufsize);
static void keys_load(const char *term);
static void keys_free(void);

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static long long now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q) {
		fprintf(stderr, "vtrun: out of memory\n");
		exit(2);
	}
	return q;
}

static char *xstrndup(const char *s, size_t n)
{
	char *p = xrealloc(NULL, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Appends the UTF-8 form of code point c to buf; returns the byte count. */
static size_t utf8_put(uint32_t c, char *buf)
{
	if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		c = 0xFFFD;
	if (c < 0x80) {
		buf[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		buf[0] = (char)(0xC0 | (c >> 6));
		buf[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		buf[0] = (char)(0xE0 | (c >> 12));
		buf[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		buf[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	buf[0] = (char)(0xF0 | (c >> 18));
	buf[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	buf[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	buf[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* ------------------------------------------------------------------ */
/* The screen as text                                                  */

/* Row `row` as UTF-8 text, one space per empty cell and one character per
 * wide cell (its right half is skipped). colmap[i] is the column of byte i.
 * The caller frees both. */
static char *row_text(int row, size_t *lenp, int **colmapp)
{
	size_t cap = (size_t)R.cols * VTERM_MAX_CHARS_PER_CELL * 4 + 1;
	char *s = xrealloc(NULL, cap);
	int *colmap = colmapp ? xrealloc(NULL, cap * sizeof *colmap) : NULL;
	size_t len = 0;
	int col = 0;

	while (col < R.cols) {
		VTermScreenCell cell;
		VTermPos pos = { .row = row, .col = col };
		size_t start = len;

		memset(&cell, 0, sizeof cell);
		vterm_screen_get_cell(R.screen, pos, &cell);
		if (cell.chars[0] == 0 || cell.chars[0] == (uint32_t)-1) {
			s[len++] = ' ';
		} else {
			for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i]; i++)
				len += utf8_put(cell.chars[i], s + len);
		}
		if (colmap)
			for (size_t i = start; i < len; i++)
				colmap[i] = col;
		col += cell.width > 1 ? cell.width : 1;
	}
	s[len] = '\0';
	if (lenp)
		*lenp = len;
	if (colmapp)
		*colmapp = colmap;
	return s;
}

/* Finds text in one row (len bytes; it may not contain NUL). */
static const char *mem_find(const char *hay, size_t haylen, const char *needle, size_t nlen)
{
	if (nlen == 0 || nlen > haylen)
		return NULL;
	for (size_t i = 0; i + nlen <= haylen; i++)
		if (hay[i] == needle[0] && memcmp(hay + i, needle, nlen) == 0)
			return hay + i;
	return NULL;
}

/* Whether text is on the screen within one row; if so, where it starts
 * (row and column of its first cell). only_row >= 0 limits the search. */
static bool screen_find(const char *text, size_t textlen, int only_row, int *rowp, int *colp)
{
	for (int row = 0; row < R.rows; row++) {
		if (only_row >= 0 && row != only_row)
			continue;
		size_t len;
		int *colmap;
		char *s = row_text(row, &len, &colmap);
		const char *hit = mem_find(s, len, text, textlen);
		if (hit) {
			if (rowp)
				*rowp = row;
			if (colp)
				*colp = colmap[hit - s];
		}
		free(s);
		free(colmap);
		if (hit)
			return true;
	}
	return false;
}

/* Prints the whole screen, framed, with row numbers. */
static void dump_screen(FILE *f)
{
	VTermPos cur;
	vterm_state_get_cursorpos(vterm_obtain_state(R.vt), &cur);
	fprintf(f, "--- screen %dx%d, cursor at row %d col %d ---\n", R.cols, R.rows, cur.row, cur.col);
	fprintf(f, "    +");
	for (int i = 0; i < R.cols; i++)
		fputc('-', f);
	fprintf(f, "+\n");
	for (int row = 0; row < R.rows; row++) {
		char *s = row_text(row, NULL, NULL);
		fprintf(f, "%3d |%s|\n", row, s);
		free(s);
	}
	fprintf(f, "    +");
	for (int i = 0; i < R.cols; i++)
		fputc('-', f);
	fprintf(f, "+\n");
	fflush(f);
}

/* The text is in one of the eight ANSI colours (or its bright twin), as
 * curses's setaf sends it. */
static bool fg_is(const VTermScreenCell *c, int ansi)
{
	return VTERM_COLOR_IS_INDEXED(&c->fg) && !VTERM_COLOR_IS_DEFAULT_FG(&c->fg) &&
	       (c->fg.indexed.idx == ansi || c->fg.indexed.idx == ansi + 8);
}

/* The cell's foreground (fg) or background in colour ansi (0..7, or its
 * bright twin), or the default for -1. */
static bool color_is(const VTermScreenCell *c, bool fg, int ansi)
{
	const VTermColor *col = fg ? &c->fg : &c->bg;
	bool dflt = fg ? VTERM_COLOR_IS_DEFAULT_FG(col) : VTERM_COLOR_IS_DEFAULT_BG(col);
	if (ansi < 0)
		return dflt;
	return !dflt && VTERM_COLOR_IS_INDEXED(col) && (col->indexed.idx == ansi || col->indexed.idx == ansi + 8);
}

static bool cell_has(const VTermScreenCell *c, enum attr a, int color)
{
	switch (a) {
	case ATTR_FG: return color_is(c, true, color);
	case ATTR_BG: return color_is(c, false, color);
	case ATTR_REVERSE: return c->attrs.reverse;
	case ATTR_BOLD: return c->attrs.bold;
	case ATTR_UNDERLINE: return c->attrs.underline != 0;
	case ATTR_COLOR: return !VTERM_COLOR_IS_DEFAULT_FG(&c->fg) || !VTERM_COLOR_IS_DEFAULT_BG(&c->bg);
	case ATTR_RED: return fg_is(c, 1);
	case ATTR_GREEN: return fg_is(c, 2);
	case ATTR_YELLOW: return fg_is(c, 3);
	}
	return false;
}

/* ------------------------------------------------------------------ */
/* The child and the pty                                               */

static void reap(bool block)
{
	if (R.pid <= 0 || R.exited)
		return;
	int st;
	pid_t w;
	do
		w = waitpid(R.pid, &st, block ? 0 : WNOHANG);
	while (w < 0 && errno == EINTR);
	if (w == R.pid) {
		R.exited = true;
		R.status = st;
	} else if (w < 0) {
		R.exited = true;  /* not our child any more (ECHILD) */
		R.status = 0;
	}
}

static const char *status_text(void)
{
	static char buf[128];
	if (!R.exited)
		return "is still running";
	if (WIFEXITED(R.status))
		snprintf(buf, sizeof buf, "exited with status %d", WEXITSTATUS(R.status));
	else if (WIFSIGNALED(R.status))
		snprintf(buf, sizeof buf, "was killed by signal %d (%s)", WTERMSIG(R.status), strsignal(WTERMSIG(R.status)));
	else
		snprintf(buf, sizeof buf, "ended with wait status %#x", R.status);
	return buf;
}

/* libvterm's answers to terminal queries go back to the program. */
static void on_output(const char *s, size_t len, void *user)
{
	(void)user;
	if (R.outlen + len > R.outcap) {
		R.outcap = (R.outlen + len) * 2 + 64;
		R.out = xrealloc(R.out, R.outcap);
	}
	memcpy(R.out + R.outlen, s, len);
	R.outlen += len;
}

/* How many bytes at the end of buf[0..len) begin a UTF-8 character whose
 * other bytes have not come yet (0 to 3). */
static size_t utf8_cut(const char *buf, size_t len)
{
	for (size_t k = 1; k <= 3 && k <= len; k++) {
		unsigned char c = (unsigned char)buf[len - k];
		if ((c & 0xC0) == 0x80)
			continue;	/* a continuation byte: look further back */
		size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
		return need > k ? k : 0;
	}
	return 0;
}

/* One round of I/O, waiting at most ms (capped at 20 so that a child's exit
 * is noticed): reads the program's output into the terminal and writes
 * pending input. Returns the number of bytes read. */
static size_t pump(int ms)
{
	if (ms > 20)
		ms = 20;
	reap(false);
	if (R.eof) {
		R.outlen = 0;  /* nobody to write to */
		if (ms > 0) {
			struct timespec ts = { 0, (long)ms * 1000000L };
			nanosleep(&ts, NULL);
		}
		reap(false);
		return 0;
	}
	struct pollfd p = { .fd = R.master, .events = POLLIN };
	if (R.outlen)
		p.events |= POLLOUT;
	int n = poll(&p, 1, ms);
	if (n <= 0)
		return 0;  /* timeout or EINTR */

	size_t got = 0;
	if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
		char buf[sizeof R.tail + 8192];
		memcpy(buf, R.tail, R.ntail);
		ssize_t r = read(R.master, buf + R.ntail, sizeof buf - sizeof R.tail);
		if (r > 0) {
			R.read_us = now_us();
			/* libvterm garbles a character whose bytes come in two
			 * writes (after ASCII or a control sequence): hold a cut
			 * one back until its end has come */
			size_t len = R.ntail + (size_t)r, keep = utf8_cut(buf, len);
			vterm_input_write(R.vt, buf, len - keep);
			memcpy(R.tail, buf + len - keep, keep);
			R.ntail = keep;
			got = (size_t)r;
			R.unanswered = false;
		} else if (r == 0 || (errno != EINTR && errno != EAGAIN)) {
			R.eof = true;  /* EIO: the slave side is closed */
		}
	}
	if (!R.eof && R.outlen && (p.revents & POLLOUT)) {
		ssize_t w = write(R.master, R.out, R.outlen);
		if (w > 0) {
			memmove(R.out, R.out + w, R.outlen - (size_t)w);
			R.outlen -= (size_t)w;
		} else if (w < 0 && errno != EINTR && errno != EAGAIN) {
			R.eof = true;
		}
	}
	return got;
}

/* Pumps for ms milliseconds, whatever happens. */
static void pump_for(long ms)
{
	long end = now_ms() + ms;
	for (long left = ms; left > 0; left = end - now_ms())
		pump((int)left);
}

/* Lets output settle: pumps until nothing has come for 100 ms, or for
 * 500 ms while the last input has had no answer at all (a busy machine may
 * be slow to schedule the program). Bounded by the timeout, so a program
 * that never stops drawing cannot hang us. */
static void settle(void)
{
	long deadline = now_ms() + R.timeout_ms;
	long quiet_since = now_ms();
	while (now_ms() < deadline && !R.eof) {
		if (pump(20) > 0 || R.outlen)
			quiet_since = now_ms();
		else if (now_ms() - quiet_since >= (R.unanswered ? 500 : 100))
			break;
	}
}

static void kill_child(int sig)
{
	if (R.pid > 0 && !R.exited)
		kill(R.pid, sig);
}

static void cleanup(void)
{
	if (R.master >= 0)
		close(R.master);
	R.master = -1;
	if (R.vt)
		vterm_free(R.vt);
	R.vt = NULL;
	free(R.out);
	R.out = NULL;
	for (size_t i = 0; i < R.ncmds; i++) {
		free(R.cmds[i].src);
		free(R.cmds[i].text);
		free(R.cmds[i].key);
	}
	free(R.cmds);
	R.cmds = NULL;
	free(R.linebuf);
	R.linebuf = NULL;
	if (R.script_file)
		fclose(R.script_file);
	R.script_file = NULL;
	keys_free();
}

/* Reports the failing command with the screen, stops the program, exits 1. */
static void fail(const struct cmd *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3), noreturn));
static void fail(const struct cmd *c, const char *fmt, ...)
{
	va_list ap;
	/* Read what is already there so the dump shows the latest screen. */
	for (int i = 0; i < 50 && pump(0) > 0; i++)
		;
	printf("vtrun: %s:%d: ", R.script, c->line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\nvtrun: %s:%d: the command was: %s\n", R.script, c->line, c->src);
	dump_screen(stdout);
	kill_child(SIGKILL);
	reap(true);
	cleanup();
	exit(1);
}

static void passed(const struct cmd *c)
{
	R.checks++;
	printf("ok - %s:%d %s\n", R.script, c->line, c->src);
	fflush(stdout);
}

/* Queues bytes for the program and waits until they are written. */
static void send_bytes(const struct cmd *c, const char *s, size_t len)
{
	reap(false);
	if (R.exited || R.eof)
		fail(c, "cannot send input: the program %s", R.exited ? status_text() : "has closed the terminal");
	on_output(s, len, NULL);
	R.unanswered = true;
	long deadline = now_ms() + R.timeout_ms;
	while (R.outlen && !R.eof && now_ms() < deadline)
		pump(20);
	if (R.outlen && !R.eof)
		fail(c, "timed out writing input: the program does not read it");
	pump(0);
}

/* ------------------------------------------------------------------ */
/* Running the commands                                                */

static void do_wait(const struct cmd *c, bool gone)
{
	long deadline = now_ms() + R.timeout_ms;
	for (;;) {
		if (screen_find(c->text, c->textlen, -1, NULL, NULL) != gone) {
			if (c->op == OP_TIME_WAIT) {
				R.checks++;
				printf("time-wait: %.1f ms\n", (now_us() - R.started_us) / 1000.0);
			} else {
				passed(c);
			}
			return;
		}
		if (R.eof) {
			/* The terminal is closed; the exit status follows shortly. */
			for (long end = now_ms() + 500; !R.exited && now_ms() < end;)
				pump(20);
			fail(c, "the program %s and the screen will not change",
			     R.exited ? status_text() : "has closed the terminal");
		}
		if (now_ms() >= deadline)
			fail(c, "timed out after %.1f s waiting for \"%s\" to %s", R.timeout_ms / 1000.0,
			     c->text, gone ? "disappear" : "appear");
		/* Check again as soon as something arrives. */
		while (now_ms() < deadline && !R.eof && pump(20) == 0)
			;
	}
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Presses the key c->n1 times, one at a time, and times each answer: from
 * the write to the last byte of the output that follows, which ends when
 * the output pauses for ANSWER_QUIET_US. A press unanswered by
 * ANSWER_GIVE_UP_US has failed (and counts as that long). */
static void do_time_keys(const struct cmd *c)
{
	double *ms = xrealloc(NULL, (size_t)c->n1 * sizeof *ms), sum = 0;
	long failed = 0;
	settle();  /* the previous command's output must not pass for an answer */
	for (long i = 0; i < c->n1; i++) {
		long long sent = now_us();
		send_bytes(c, c->text, c->textlen);
		long long give_up = sent + ANSWER_GIVE_UP_US, t;
		/* R.unanswered is cleared by the first byte, even one read by send_bytes. */
		while (R.unanswered && !R.eof && (t = now_us()) < give_up)
			pump((int)((give_up - t + 999) / 1000));
		while (!R.unanswered && !R.eof && (t = now_us()) < give_up && t - R.read_us < ANSWER_QUIET_US)
			pump((int)((ANSWER_QUIET_US - (t - R.read_us) + 999) / 1000));
		if (R.eof) {
			free(ms);
			for (long end = now_ms() + 500; !R.exited && now_ms() < end;)
				pump(20);
			fail(c, "the program %s at press %ld of %ld", R.exited ? status_text() : "has closed the terminal",
			     i + 1, c->n1);
		}
		if (R.unanswered || now_us() >= give_up) {
			failed++;
			ms[i] = ANSWER_GIVE_UP_US / 1000.0;
		} else {
			ms[i] = (R.read_us - sent) / 1000.0;
		}
		sum += ms[i];
	}
	qsort(ms, (size_t)c->n1, sizeof *ms, cmp_double);
	/* p95: the nearest rank, ceil(0.95 n). */
	long p95 = (c->n1 * 95 + 99) / 100 - 1;
	printf("time-keys %s %ld: avg %.2f ms, max %.2f ms, p95 %.2f ms\n", c->key, c->n1, sum / (double)c->n1,
	       ms[c->n1 - 1], ms[p95]);
	free(ms);
	if (failed)
		fail(c, "%ld of %ld presses had no answer, or no end to it, within %.1f s", failed, c->n1,
		     ANSWER_GIVE_UP_US / 1e6);
	R.checks++;
}

static void do_expect_attr(const struct cmd *c)
{
	int row, col;
	settle();
	if (!screen_find(c->text, c->textlen, c->op == OP_EXPECT_ATTR_ROW ? (int)c->n1 : -1, &row, &col))
		fail(c, c->op == OP_EXPECT_ATTR_ROW ? "\"%s\" is not on row %ld" : "\"%s\" is not on the screen", c->text, c->n1);
	VTermScreenCell cell;
	VTermPos pos = { .row = row, .col = col };
	memset(&cell, 0, sizeof cell);
	vterm_screen_get_cell(R.screen, pos, &cell);
	bool has = cell_has(&cell, c->attr, c->color);
	char fg[16], bg[16];
	if (VTERM_COLOR_IS_DEFAULT_FG(&cell.fg))
		snprintf(fg, sizeof fg, "default");
	else if (VTERM_COLOR_IS_INDEXED(&cell.fg))
		snprintf(fg, sizeof fg, "%d", cell.fg.indexed.idx);
	else
		snprintf(fg, sizeof fg, "rgb");
	if (VTERM_COLOR_IS_DEFAULT_BG(&cell.bg))
		snprintf(bg, sizeof bg, "default");
	else if (VTERM_COLOR_IS_INDEXED(&cell.bg))
		snprintf(bg, sizeof bg, "%d", cell.bg.indexed.idx);
	else
		snprintf(bg, sizeof bg, "rgb");
	char what[32];
	if (c->attr == ATTR_FG || c->attr == ATTR_BG)
		snprintf(what, sizeof what, "%s-%s", c->attr == ATTR_FG ? "fg" : "bg",
			 c->color < 0 ? "default" : color_names[c->color]);
	else
		snprintf(what, sizeof what, "%s", attr_names[c->attr]);
	if (has == c->negate)
		fail(c, "\"%s\" at row %d col %d is %s%s (bold=%d underline=%d reverse=%d fg=%s bg=%s)",
		     c->text, row, col, c->negate ? "" : "not ", what,
		     cell.attrs.bold, cell.attrs.underline, cell.attrs.reverse, fg, bg);
	passed(c);
}

static void do_resize(const struct cmd *c)
{
	struct winsize ws = { .ws_row = (unsigned short)c->n2, .ws_col = (unsigned short)c->n1 };
	R.cols = (int)c->n1;
	R.rows = (int)c->n2;
	vterm_set_size(R.vt, R.rows, R.cols);
	if (ioctl(R.master, TIOCSWINSZ, &ws) < 0)
		fail(c, "TIOCSWINSZ: %s", strerror(errno));
	settle();
}

static void do_expect_exit(const struct cmd *c)
{
	long deadline = now_ms() + R.timeout_ms;
	while (!R.exited && now_ms() < deadline)
		pump(20);
	if (!R.exited)
		fail(c, "timed out after %.1f s: the program is still running", R.timeout_ms / 1000.0);
	/* Read what it wrote on its way out (endwin and the like). */
	for (int i = 0; i < 50 && !R.eof && pump(10) > 0; i++)
		;
	if (!WIFEXITED(R.status) || WEXITSTATUS(R.status) != c->n1)
		fail(c, "the program %s, expected status %ld", status_text(), c->n1);
	passed(c);
}

/* The terminal goes away: the master side is closed, as when a terminal
 * window is shut. The program must be gone within c->n1 ms. */
static void do_hangup(const struct cmd *c)
{
	settle();
	close(R.master);
	R.master = -1;
	R.eof = true;
	long deadline = now_ms() + c->n1;
	while (!R.exited && now_ms() < deadline)
		pump(20);
	if (!R.exited)
		fail(c, "the program is still running %ld ms after its terminal closed", c->n1);
	passed(c);
}

static void run_cmd(const struct cmd *c)
{
	if (R.verbose)
		fprintf(stderr, "vtrun: %s:%d: %s\n", R.script, c->line, c->src);
	switch (c->op) {
	case OP_WAIT:
	case OP_TIME_WAIT:
		do_wait(c, false);
		break;
	case OP_WAIT_GONE:
		do_wait(c, true);
		break;
	case OP_EXPECT:
	case OP_EXPECT_NOT:
		settle();
		if (screen_find(c->text, c->textlen, -1, NULL, NULL) != (c->op == OP_EXPECT))
			fail(c, c->op == OP_EXPECT ? "\"%s\" is not on the screen" : "\"%s\" is on the screen", c->text);
		passed(c);
		break;
	case OP_EXPECT_ROW:
		settle();
		if (c->n1 >= R.rows)
			fail(c, "row %ld is beyond the screen (%d rows)", c->n1, R.rows);
		if (!screen_find(c->text, c->textlen, (int)c->n1, NULL, NULL))
			fail(c, "row %ld does not contain \"%s\"", c->n1, c->text);
		passed(c);
		break;
	case OP_EXPECT_ATTR:
	case OP_EXPECT_ATTR_ROW:
		do_expect_attr(c);
		break;
	case OP_EXPECT_CURSOR: {
		VTermPos cur;
		settle();
		vterm_state_get_cursorpos(vterm_obtain_state(R.vt), &cur);
		if (cur.row != c->n1 || cur.col != c->n2)
			fail(c, "the cursor is at row %d col %d, expected row %ld col %ld", cur.row, cur.col, c->n1, c->n2);
		passed(c);
		break;
	}
	case OP_TYPE:
		send_bytes(c, c->text, c->textlen);
		break;
	case OP_KEY:
		for (long i = 0; i < c->n1; i++) {
			send_bytes(c, c->text, c->textlen);
			/* A lone ESC must not merge with what follows (ESCDELAY). */
			if (c->textlen == 1 && c->text[0] == '\033')
				pump_for(100);
		}
		break;
	case OP_SLEEP:
		pump_for(c->n1);
		break;
	case OP_RESIZE:
		do_resize(c);
		break;
	case OP_DUMP:
		settle();
		printf("vtrun: %s:%d: dump\n", R.script, c->line);
		dump_screen(stdout);
		break;
	case OP_EXPECT_EXIT:
		do_expect_exit(c);
		break;
	case OP_TIME_KEYS:
		do_time_keys(c);
		break;
	case OP_HANGUP:
		do_hangup(c);
		break;
	case OP_KILL:
		kill_child(SIGKILL);
		reap(true);
		/* Drain what is left; the master then reports EIO. */
		for (int i = 0; i < 50 && !R.eof; i++)
			pump(10);
		break;
	}
}

/* ------------------------------------------------------------------ */
/* The script                                                          */

static void script_error(int line, const char *fmt, ...) __attribute__((format(printf, 2, 3), noreturn));
static void script_error(int line, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "vtrun: %s:%d: ", R.script, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	cleanup();
	exit(2);
}

static int hexval(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* Parses a TEXT argument spanning [p, end): taken literally, or, when it
 * is in double quotes, with \\ \" \n \r \t \e \xHH escapes. */
static void parse_text(int line, const char *p, const char *end, char **dst, size_t *lenp)
{
	if (p == end)
		script_error(line, "missing text");
	if (*p != '"' || end - p < 2 || end[-1] != '"') {
		*lenp = (size_t)(end - p);
		*dst = xstrndup(p, *lenp);
		return;
	}
	/* *dst owns it from here on, so that cleanup() frees it on an error. */
	char *s = *dst = xrealloc(NULL, (size_t)(end - p));
	size_t n = 0;
	for (p++, end--; p < end; p++) {
		if (*p != '\\') {
			s[n++] = *p;
			continue;
		}
		if (++p == end)
			script_error(line, "a backslash ends the quoted text");
		switch (*p) {
		case '\\': s[n++] = '\\'; break;
		case '"': s[n++] = '"'; break;
		case 'n': s[n++] = '\n'; break;
		case 'r': s[n++] = '\r'; break;
		case 't': s[n++] = '\t'; break;
		case 'e': s[n++] = '\033'; break;
		case 'x': {
			int hi = p + 1 < end ? hexval(p[1]) : -1, lo = p + 2 < end ? hexval(p[2]) : -1;
			if (hi < 0 || lo < 0 || (hi == 0 && lo == 0))
				script_error(line, "\\x needs two hex digits (not 00)");
			s[n++] = (char)(hi * 16 + lo);
			p += 2;
			break;
		}
		default:
			script_error(line, "unknown escape \\%c", *p);
		}
	}
	if (n == 0)
		script_error(line, "empty text");
	s[n] = '\0';
	*lenp = n;
}

static bool is_space(char ch)
{
	return ch == ' ' || ch == '\t';
}

/* Reads a whole number from *pp (skipping blanks) into *out. */
static bool parse_long(const char **pp, long *out)
{
	const char *p = *pp;
	while (is_space(*p))
		p++;
	char *e;
	errno = 0;
	long v = strtol(p, &e, 10);
	if (e == p || errno || (*e && !is_space(*e)))
		return false;
	*out = v;
	*pp = e;
	return true;
}

static bool at_end(const char *p)
{
	while (is_space(*p))
		p++;
	return *p == '\0';
}

static const struct {
	const char *name;
	enum op op;
} op_names[] = {
	{ "wait", OP_WAIT }, { "wait-gone", OP_WAIT_GONE }, { "expect", OP_EXPECT },
	{ "expect-not", OP_EXPECT_NOT }, { "expect-row", OP_EXPECT_ROW },
	{ "expect-attr", OP_EXPECT_ATTR }, { "expect-attr-row", OP_EXPECT_ATTR_ROW },
	{ "expect-cursor", OP_EXPECT_CURSOR },
	{ "type", OP_TYPE }, { "key", OP_KEY }, { "sleep", OP_SLEEP }, { "resize", OP_RESIZE },
	{ "dump", OP_DUMP }, { "expect-exit", OP_EXPECT_EXIT }, { "kill", OP_KILL },
	{ "time-wait", OP_TIME_WAIT }, { "time-keys", OP_TIME_KEYS }, { "hangup", OP_HANGUP },
};

/* Parses one non-blank, non-comment line (trailing blanks already cut). */
static void parse_line(struct cmd *c, const char *line)
{
	const char *p = line;
	size_t wlen = strcspn(p, " \t");
	bool found = false;
	for (size_t i = 0; i < sizeof op_names / sizeof op_names[0]; i++)
		if (strlen(op_names[i].name) == wlen && memcmp(op_names[i].name, p, wlen) == 0) {
			c->op = op_names[i].op;
			found = true;
		}
	if (!found)
		script_error(c->line, "unknown command \"%.*s\"", (int)wlen, p);
	p += wlen;
	while (is_space(*p))
		p++;
	const char *end = p + strlen(p);

	switch (c->op) {
	case OP_WAIT: case OP_WAIT_GONE: case OP_EXPECT: case OP_EXPECT_NOT: case OP_TYPE: case OP_TIME_WAIT:
		parse_text(c->line, p, end, &c->text, &c->textlen);
		break;
	case OP_EXPECT_ROW:
		if (!parse_long(&p, &c->n1) || c->n1 < 0)
			script_error(c->line, "expect-row needs a row number (0-based) and text");
		while (is_space(*p))
			p++;
		parse_text(c->line, p, end, &c->text, &c->textlen);
		break;
	case OP_EXPECT_ATTR:
	case OP_EXPECT_ATTR_ROW: {
		if (c->op == OP_EXPECT_ATTR_ROW) {
			if (!parse_long(&p, &c->n1) || c->n1 < 0)
				script_error(c->line, "expect-attr-row needs a row number (0-based), text and an attribute");
			while (is_space(*p))
				p++;
		}
		const char *a = end;
		while (a > p && !is_space(a[-1]))
			a--;
		const char *tend = a;
		while (tend > p && is_space(tend[-1]))
			tend--;
		if (tend == p)
			script_error(c->line, "expect-attr needs text and an attribute");
		const char *an = a;
		if (strncmp(an, "no-", 3) == 0 || *an == '!') {
			c->negate = true;
			an += *an == '!' ? 1 : 3;
		}
		found = false;
		for (size_t i = 0; i < sizeof attr_names / sizeof attr_names[0]; i++)
			if (strcmp(an, attr_names[i]) == 0) {
				c->attr = (enum attr)i;
				found = true;
			}
		if (!found && (strncmp(an, "fg-", 3) == 0 || strncmp(an, "bg-", 3) == 0)) {
			c->attr = an[0] == 'f' ? ATTR_FG : ATTR_BG;
			c->color = strcmp(an + 3, "default") == 0 ? -1 : -2;
			for (int i = 0; i < 8; i++)
				if (strcmp(an + 3, color_names[i]) == 0)
					c->color = i;
			found = c->color != -2;
		}
		if (!found)
			script_error(c->line, "unknown attribute \"%s\" (reverse, bold, underline, color, red, green,"
				     " yellow, fg-COLOR, bg-COLOR, or no-...)", a);
		parse_text(c->line, p, tend, &c->text, &c->textlen);
		break;
	}
	case OP_EXPECT_CURSOR:
		if (!parse_long(&p, &c->n1) || !parse_long(&p, &c->n2) || !at_end(p))
			script_error(c->line, "expect-cursor needs ROW COL");
		break;
	case OP_KEY: case OP_TIME_KEYS: {
		char name[64], buf[64];
		const char *what = c->op == OP_KEY ? "key" : "time-keys";
		size_t nlen = strcspn(p, " \t");
		if (nlen == 0 || nlen >= sizeof name)
			script_error(c->line, "%s needs a key name", what);
		memcpy(name, p, nlen);
		name[nlen] = '\0';
		p += nlen;
		c->n1 = 1;
		if (c->op == OP_TIME_KEYS && at_end(p))
			script_error(c->line, "time-keys needs a key name and a count");
		if (!at_end(p) && (!parse_long(&p, &c->n1) || c->n1 < 1 || c->n1 > 10000 || !at_end(p)))
			script_error(c->line, "%s's count must be a number from 1 to 10000", what);
		const char *seq = key_bytes(name, buf, sizeof buf);
		if (!seq)
			script_error(c->line, "unknown key \"%s\"", name);
		c->textlen = strlen(seq);
		c->text = xstrndup(seq, c->textlen);
		if (c->op == OP_TIME_KEYS)
			c->key = xstrndup(name, nlen);
		break;
	}
	case OP_SLEEP:
		if (!parse_long(&p, &c->n1) || c->n1 < 0 || c->n1 > 600000 || !at_end(p))
			script_error(c->line, "sleep needs milliseconds");
		break;
	case OP_RESIZE:
		if (!parse_long(&p, &c->n1) || !parse_long(&p, &c->n2) || !at_end(p)
		    || c->n1 < 2 || c->n1 > 1000 || c->n2 < 2 || c->n2 > 1000)
			script_error(c->line, "resize needs COLS ROWS (2..1000)");
		break;
	case OP_HANGUP:
		if (!parse_long(&p, &c->n1) || c->n1 < 1 || !at_end(p))
			script_error(c->line, "hangup needs the milliseconds the program has to end");
		break;
	case OP_EXPECT_EXIT:
		if (!parse_long(&p, &c->n1) || c->n1 < 0 || c->n1 > 255 || !at_end(p))
			script_error(c->line, "expect-exit needs a status 0..255");
		break;
	case OP_DUMP: case OP_KILL:
		if (!at_end(p))
			script_error(c->line, "%s takes no arguments", c->op == OP_DUMP ? "dump" : "kill");
		break;
	}
}

static void load_script(const char *path)
{
	size_t cap = 0;
	ssize_t n;
	int lineno = 0;

	R.script_file = fopen(path, "r");
	if (!R.script_file) {
		fprintf(stderr, "vtrun: %s: %s\n", path, strerror(errno));
		cleanup();
		exit(2);
	}
	while ((n = getline(&R.linebuf, &cap, R.script_file)) >= 0) {
		char *buf = R.linebuf;
		lineno++;
		if (memchr(buf, '\0', (size_t)n))
			script_error(lineno, "NUL byte in the script");
		while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r' || is_space(buf[n - 1])))
			buf[--n] = '\0';
		char *p = buf;
		while (is_space(*p))
			p++;
		if (*p == '\0' || *p == '#')
			continue;
		R.cmds = xrealloc(R.cmds, (R.ncmds + 1) * sizeof *R.cmds);
		struct cmd *c = &R.cmds[R.ncmds++];
		memset(c, 0, sizeof *c);
		c->line = lineno;
		c->src = xstrndup(p, strlen(p));
		parse_line(c, p);
	}
	free(R.linebuf);
	R.linebuf = NULL;
	fclose(R.script_file);
	R.script_file = NULL;
}

/* ------------------------------------------------------------------ */

static void usage(void) __attribute__((noreturn));
static void usage(void)
{
	fprintf(stderr,
		"usage: vtrun [--cols N] [--rows N] [--term NAME] [--timeout SEC] [--verbose] [--no-ctty]\n"
		"             SCRIPT -- PROGRAM [ARGS...]\n");
	exit(2);
}

/* Reads the value of option name (given as "--name V" or "--name=V"). */
static const char *opt_value(char **argv, int *i, const char *name)
{
	size_t n = strlen(name);
	const char *a = argv[*i];
	if (strncmp(a, name, n) != 0)
		return NULL;
	if (a[n] == '=')
		return a + n + 1;
	if (a[n] != '\0')
		return NULL;
	if (!argv[*i + 1])
		usage();
	return argv[++*i];
}

static int size_arg(const char *v)
{
	char *e;
	long n = strtol(v, &e, 10);
	if (*e || n < 2 || n > 1000)
		usage();
	return (int)n;
}

static void start_child(char **argv)
{
	struct winsize ws = { .ws_row = (unsigned short)R.rows, .ws_col = (unsigned short)R.cols };
	fflush(stdout);
	fflush(stderr);
	R.started_us = now_us();
	R.pid = forkpty(&R.master, NULL, NULL, &ws);
	if (R.pid < 0) {
		fprintf(stderr, "vtrun: forkpty: %s\n", strerror(errno));
		cleanup();
		exit(2);
	}
	if (R.pid == 0) {
		/* A terminal emulator in a UTF-8 locale marks its tty IUTF8. */
		struct termios t;
		if (tcgetattr(STDIN_FILENO, &t) == 0) {
			t.c_iflag |= IUTF8;
			tcsetattr(STDIN_FILENO, TCSANOW, &t);
		}
		static const int sigs[] = { SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGPIPE, SIGWINCH, SIGCHLD, SIGTSTP };
		for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
			signal(sigs[i], SIG_DFL);
		if (R.no_ctty) {
			/* Giving up the terminal hangs up its foreground group:
			 * ourselves, for the moment. */
			signal(SIGHUP, SIG_IGN);
			ioctl(STDIN_FILENO, TIOCNOTTY);
			signal(SIGHUP, SIG_DFL);
		}
		sigset_t none;
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		setenv("TERM", R.term, 1);
		/* These would override the pty's size in curses. */
		unsetenv("LINES");
		unsetenv("COLUMNS");
		execvp(argv[0], argv);
		fprintf(stderr, "vtrun: cannot run %s: %s\r\n", argv[0], strerror(errno));
		_exit(127);
	}
	fcntl(R.master, F_SETFL, fcntl(R.master, F_GETFL) | O_NONBLOCK);
}

int main(int argc, char **argv)
{
	int i;
	const char *v;
	double timeout = 5;

	R.rows = 24;
	R.cols = 80;
	R.term = "xterm-256color";
	setvbuf(stdout, NULL, _IOLBF, 0);
	signal(SIGCHLD, SIG_DFL);
	signal(SIGPIPE, SIG_IGN);

	for (i = 1; i < argc && argv[i][0] == '-' && strcmp(argv[i], "--") != 0; i++) {
		if ((v = opt_value(argv, &i, "--cols")))
			R.cols = size_arg(v);
		else if ((v = opt_value(argv, &i, "--rows")))
			R.rows = size_arg(v);
		else if ((v = opt_value(argv, &i, "--term")))
			R.term = v;
		else if ((v = opt_value(argv, &i, "--timeout"))) {
			char *e;
			timeout = strtod(v, &e);
			if (*e || !(timeout > 0 && timeout <= 3600))
				usage();
		} else if (strcmp(argv[i], "--verbose") == 0 || strcmp(argv[i], "-v") == 0)
			R.verbose = true;
		else if (strcmp(argv[i], "--no-ctty") == 0)
			R.no_ctty = true;
		else
			usage();
	}
	if (i + 2 >= argc || strcmp(argv[i + 1], "--") != 0 || !*R.term)
		usage();
	R.script = argv[i];
	R.timeout_ms = (long)(timeout * 1000);

	keys_load(R.term);
	load_script(R.script);

	R.vt = vterm_new(R.rows, R.cols);
	vterm_set_utf8(R.vt, 1);
	vterm_output_set_callback(R.vt, on_output, NULL);
	R.screen = vterm_obtain_screen(R.vt);
	vterm_screen_enable_altscreen(R.screen, 1);
	vterm_screen_reset(R.screen, 1);

	start_child(argv + i + 2);

	for (size_t k = 0; k < R.ncmds; k++)
		run_cmd(&R.cmds[k]);

	/* Done: stop the program if it is still running, politely first. */
	if (!R.exited) {
		kill_child(SIGTERM);
		long deadline = now_ms() + 2000;
		while (!R.exited && now_ms() < deadline)
			pump(20);
		kill_child(SIGKILL);
		reap(true);
	}
	printf("vtrun: %s: passed (%d checks)\n", R.script, R.checks);
	cleanup();
	return 0;
}

/* ------------------------------------------------------------------ */
/* Key sequences. <term.h> defines hundreds of lowercase macros (lines,
 * columns, tab, bell...), so it is included only here, at the very end. */

#include <curses.h>
#include <term.h>

/* A key, its terminfo capability, and what xterm and the Linux console
 * send when terminfo cannot say. */
static const struct key {
	const char *name, *alias, *cap, *xterm, *linux_console;
} key_table[] = {
	{ "Enter", "Return", NULL, "\r", NULL },
	{ "Esc", "Escape", NULL, "\033", NULL },
	{ "Tab", NULL, NULL, "\t", NULL },
	{ "BTab", "Shift-Tab", "kcbt", "\033[Z", "\033\t" },
	{ "Space", NULL, NULL, " ", NULL },
	{ "Up", NULL, "kcuu1", "\033[A", NULL },
	{ "Down", NULL, "kcud1", "\033[B", NULL },
	{ "Right", NULL, "kcuf1", "\033[C", NULL },
	{ "Left", NULL, "kcub1", "\033[D", NULL },
	{ "Home", NULL, "khome", "\033[H", "\033[1~" },
	{ "End", NULL, "kend", "\033[F", "\033[4~" },
	{ "PgUp", "PageUp", "kpp", "\033[5~", NULL },
	{ "PgDn", "PageDown", "knp", "\033[6~", NULL },
	{ "Backspace", NULL, "kbs", "\177", NULL },
	{ "Delete", "Del", "kdch1", "\033[3~", NULL },
	{ "Insert", "Ins", "kich1", "\033[2~", NULL },
	{ "F1", NULL, "kf1", "\033OP", "\033[[A" },
	{ "F2", NULL, "kf2", "\033OQ", "\033[[B" },
	{ "F3", NULL, "kf3", "\033OR", "\033[[C" },
	{ "F4", NULL, "kf4", "\033OS", "\033[[D" },
	{ "F5", NULL, "kf5", "\033[15~", "\033[[E" },
	{ "F6", NULL, "kf6", "\033[17~", NULL },
	{ "F7", NULL, "kf7", "\033[18~", NULL },
	{ "F8", NULL, "kf8", "\033[19~", NULL },
	{ "F9", NULL, "kf9", "\033[20~", NULL },
	{ "F10", NULL, "kf10", "\033[21~", NULL },
	{ "F11", NULL, "kf11", "\033[23~", NULL },
	{ "F12", NULL, "kf12", "\033[24~", NULL },
};
#define NKEYS (sizeof key_table / sizeof key_table[0])

/* What each key sends on R.term: terminfo's string, else the table's. */
static char *key_seq[NKEYS];

static void keys_load(const char *termname)
{
	int err = 0;
	bool is_linux = strncmp(termname, "linux", 5) == 0;
	bool have_ti = setupterm(termname, STDOUT_FILENO, &err) == OK;

	for (size_t k = 0; k < NKEYS; k++) {
		const struct key *key = &key_table[k];
		const char *s = NULL;
		if (have_ti && key->cap) {
			const char *t = tigetstr(key->cap);
			if (t && t != (const char *)-1 && *t)
				s = t;
		}
		if (!s)
			s = is_linux && key->linux_console ? key->linux_console : key->xterm;
		key_seq[k] = xstrndup(s, strlen(s));
	}
	if (have_ti)
		del_curterm(cur_term);
}

static void keys_free(void)
{
	for (size_t k = 0; k < NKEYS; k++) {
		free(key_seq[k]);
		key_seq[k] = NULL;
	}
}

/* The bytes key `name` sends (Ctrl-A..Ctrl-Z built into buf), or NULL. */
static const char *key_bytes(const char *name, char *buf, size_t bufsize)
{
	for (size_t k = 0; k < NKEYS; k++)
		if (strcasecmp(name, key_table[k].name) == 0
		    || (key_table[k].alias && strcasecmp(name, key_table[k].alias) == 0))
			return key_seq[k];
	if (strncasecmp(name, "Ctrl-", 5) == 0 && name[5] && !name[6] && bufsize >= 2) {
		char ch = name[5];
		if (ch >= 'a' && ch <= 'z')
			ch = (char)(ch - 'a' + 'A');
		if (ch >= 'A' && ch <= 'Z') {
			buf[0] = (char)(ch - 'A' + 1);
			buf[1] = '\0';
			return buf;
		}
	}
	return NULL;
}
