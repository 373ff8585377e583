/* Taking in a folder of packages on the region's server several at a time:
 * one import waits on the server while it stores a package and on itself
 * while it reads and checks the next, so a few worker processes, each on
 * a connection of its own and each package in a transaction of its own,
 * keep both sides busy (bench/region.sh). Processes rather than threads:
 * nothing of the import's code needs to be safe to share, and a worker
 * that dies takes nothing else with it. */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common.h"
#include "district-tables.h"
#include "district.h"

/* --- a pkg_import through a pipe ---------------------------------------------- */

static void put_long(FILE *w, long v)
{
	int64_t x = v;
	fwrite(&x, sizeof x, 1, w);
}

static void put_str(FILE *w, const char *s)
{
	put_long(w, s ? (long)strlen(s) : -1);
	if (s)
		fputs(s, w);
}

static void put_strs(FILE *w, char *const *v, size_t n)
{
	put_long(w, (long)n);
	for (size_t i = 0; i < n; i++)
		put_str(w, v[i]);
}

/* r and the import's status rc as one message (fresh, *len bytes): its
 * length, then it. */
static char *encode(const pkg_import *r, int rc, size_t *len)
{
	char *p;
	FILE *w = open_memstream(&p, len);
	if (!w)
		return NULL;
	put_long(w, 0);
	put_long(w, rc);
	put_long(w, r->outcome);
	put_long(w, r->results);
	put_long(w, r->held_id);
	const char *s[] = { r->dir, r->school_code, r->school_name, r->period, r->created_at, r->reason,
			    r->receipt_error, r->via };
	for (size_t i = 0; i < sizeof s / sizeof *s; i++)
		put_str(w, s[i]);
	put_strs(w, r->notes, r->nnotes);
	put_strs(w, r->remarks, r->nremarks);
	if (fclose(w) != 0) {
		free(p);
		return NULL;
	}
	int64_t n = (int64_t)(*len - sizeof n);
	memcpy(p, &n, sizeof n);
	return p;
}

typedef struct reader {
	const char *p, *end;
	int bad;
} reader;

static long get_long(reader *rd)
{
	int64_t x = 0;
	if ((size_t)(rd->end - rd->p) < sizeof x) {
		rd->bad = 1;
		return 0;
	}
	memcpy(&x, rd->p, sizeof x);
	rd->p += sizeof x;
	return (long)x;
}

static char *get_str(reader *rd)
{
	long n = get_long(rd);
	if (n < 0 || rd->bad)
		return NULL;
	if (n > rd->end - rd->p) {
		rd->bad = 1;
		return NULL;
	}
	char *s = xstrndup(rd->p, (size_t)n);
	rd->p += n;
	return s;
}

static char **get_strs(reader *rd, size_t *n)
{
	long k = get_long(rd);
	*n = 0;
	if (k <= 0 || rd->bad || k > rd->end - rd->p)
		return NULL;
	char **v = xcalloc((size_t)k, sizeof *v);
	while (*n < (size_t)k && !rd->bad)
		v[(*n)++] = get_str(rd);
	return v;
}

/* The message of len bytes at p into *r: its rc, or -2 when it is not
 * one a worker writes. */
static int decode(const char *p, size_t len, pkg_import *r)
{
	reader rd = { p, p + len, 0 };
	int rc = (int)get_long(&rd);
	long outcome = get_long(&rd);
	*r = (pkg_import){ .outcome = outcome >= PKG_NEW && outcome <= PKG_REFUSED ? (enum pkg_outcome)outcome
										  : PKG_REFUSED };
	r->results = get_long(&rd);
	r->held_id = get_long(&rd);
	char **s[] = { &r->dir, &r->school_code, &r->school_name, &r->period, &r->created_at, &r->reason,
		       &r->receipt_error, &r->via };
	for (size_t i = 0; i < sizeof s / sizeof *s; i++)
		*s[i] = get_str(&rd);
	r->notes = get_strs(&rd, &r->nnotes);
	r->remarks = get_strs(&rd, &r->nremarks);
	return rd.bad || rd.p != rd.end ? -2 : rc;
}

/* n bytes from fd: 1, 0 at its end before the first byte, -1 otherwise. */
static int read_all(int fd, void *buf, size_t n)
{
	size_t got = 0;
	while (got < n) {
		ssize_t k = read(fd, (char *)buf + got, n - got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return got == 0 && k == 0 ? 0 : -1;
		got += (size_t)k;
	}
	return 1;
}

static int write_all(int fd, const void *buf, size_t n)
{
	for (size_t done = 0; done < n;) {
		ssize_t k = write(fd, (const char *)buf + done, n - done);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		done += (size_t)k;
	}
	return 0;
}

/* --- the worker --------------------------------------------------------------- */

/* A worker's life: the index of a package from todo, its outcome to done,
 * until todo ends. Its own connection, opened on its first package. */
static void work(sdb *db, char *const *dirs, const char *received_at, int todo, int done)
{
	sdb *own = NULL;
	int64_t i;
	while (read_all(todo, &i, sizeof i) == 1) {
		pkg_import r;
		char *err = NULL;
		int rc;
		if (!own && !(own = sdb_pg_again(db, &err))) {
			r = (pkg_import){ .dir = xstrdup(dirs[i]), .outcome = PKG_REFUSED, .reason = err };
			rc = -1;
		} else {
			rc = district_import_package(own, dirs[i], received_at, &r);
		}
		size_t len;
		char *msg = encode(&r, rc, &len);
		pkg_import_clear(&r);
		/* no message: the parent tells the package as stopped */
		int sent = msg && write_all(done, msg, len) == 0;
		free(msg);
		if (!sent)
			break;
	}
	if (own)
		sdb_close(own);
}

/* --- the dispatcher ----------------------------------------------------------- */

typedef struct worker {
	pid_t pid;
	int todo, done;		/* the pipes' ends: -1 once closed */
	long doing;		/* the package it has, or -1 */
} worker;

/* Starts a worker: 0, or -1 (no pipe or process: fewer workers). */
static int spawn(worker *k, sdb *db, char *const *dirs, const char *received_at, const worker *all, int nall)
{
	int to[2], from[2];
	if (pipe(to) != 0)
		return -1;
	if (pipe(from) != 0) {
		close(to[0]), close(to[1]);
		return -1;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		close(to[0]), close(to[1]), close(from[0]), close(from[1]);
		return -1;
	}
	if (pid == 0) {
		/* the parent's connection stays the parent's: not used, not
		 * closed here; nor the other workers' pipes */
		close(to[1]), close(from[0]);
		for (int j = 0; j < nall; j++)
			close(all[j].todo), close(all[j].done);
		work(db, dirs, received_at, to[0], from[1]);
		_exit(0);
	}
	close(to[0]), close(from[1]);
	*k = (worker){ pid, to[1], from[0], -1 };
	return 0;
}

/* Gives worker k the package i: 0, or -1 when it is gone. */
static int hand(worker *k, long i)
{
	int64_t x = i;
	if (write_all(k->todo, &x, sizeof x) != 0)
		return -1;
	k->doing = i;
	return 0;
}

/* Tells worker k there is nothing more, so that it ends. */
static void dismiss(worker *k)
{
	if (k->todo >= 0)
		close(k->todo);
	k->todo = -1;
}

/* The outcome of the package worker k has, into r: its rc. */
static int collect(worker *k, sdb *db, char *const *dirs, const char *received_at, pkg_import *r)
{
	int64_t len;
	int rc = -2;
	if (read_all(k->done, &len, sizeof len) == 1 && len > 0 && len < (int64_t)1 << 30) {
		char *buf = xmalloc((size_t)len);
		if (read_all(k->done, buf, (size_t)len) == 1 && (rc = decode(buf, (size_t)len, r)) == -2)
			pkg_import_clear(r);
		free(buf);
	}
	if (rc == -2) {
		/* The worker died (killed, out of memory) or spoke nonsense:
		 * whether it had committed is not known, so the package is
		 * taken here, as from a stick brought twice: unchanged, or in
		 * now, its receipt written either way. */
		close(k->done);
		k->done = -1;
		dismiss(k);
		rc = district_import_package(db, dirs[k->doing], received_at, r);
		pkg_note(r, _("the process importing it stopped before it had finished: taken in again"));
	}
	k->doing = -1;
	return rc;
}

int district_import_packages(sdb *db, char *const *dirs, size_t n, const char *received_at, int jobs,
			     void (*each)(void *ctx, pkg_import *r), void *ctx)
{
	if (jobs > (long)n)
		jobs = (int)n;
	if (sdb_kind(db) != SDB_PG || jobs < 2) {
		for (size_t i = 0; i < n; i++) {
			pkg_import r;
			int rc = district_import_package(db, dirs[i], received_at, &r);
			each(ctx, &r);
			pkg_import_clear(&r);
			if (rc != 0)
				return -1;
		}
		return 0;
	}
	/* a worker gone must not take the dispatcher with it */
	struct sigaction ign = { .sa_handler = SIG_IGN }, old;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old);
	worker *k = xcalloc((size_t)jobs, sizeof *k);
	int nk = 0;
	while (nk < jobs && spawn(&k[nk], db, dirs, received_at, k, nk) == 0)
		nk++;
	pkg_import *got = xcalloc(n, sizeof *got);
	char *ready = xcalloc(n, 1);
	size_t next = 0, told = 0;
	int failed = 0, busy = 0;
	struct pollfd *fds = xcalloc((size_t)(nk ? nk : 1), sizeof *fds);
	for (int j = 0; j < nk && next < n; j++)
		if (hand(&k[j], (long)next) == 0)
			next++, busy++;
	while (busy > 0) {
		for (int j = 0; j < nk; j++)
			fds[j] = (struct pollfd){ .fd = k[j].doing >= 0 ? k[j].done : -1, .events = POLLIN };
		if (poll(fds, (nfds_t)nk, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int j = 0; j < nk; j++) {
			if (k[j].doing < 0 || !(fds[j].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			long i = k[j].doing;
			busy--;
			failed |= collect(&k[j], db, dirs, received_at, &got[i]) != 0;
			ready[i] = 1;
			/* after a failure of the database, nothing more is begun */
			if (!failed && next < n && k[j].todo >= 0 && hand(&k[j], (long)next) == 0)
				next++, busy++;
		}
		for (; told < next && ready[told]; told++) {
			each(ctx, &got[told]);
			pkg_import_clear(&got[told]);
		}
	}
	for (int j = 0; j < nk; j++) {
		dismiss(&k[j]);
		if (k[j].done >= 0)
			close(k[j].done);
		while (waitpid(k[j].pid, NULL, 0) < 0 && errno == EINTR)
			;
	}
	sigaction(SIGPIPE, &old, NULL);
	free(fds);
	free(ready);
	free(got);
	free(k);
	/* no process to be had, or none left: the rest one after another here */
	if (!failed && told == next && next < n)
		return district_import_packages(db, dirs + next, n - next, received_at, 1, each, ctx);
	return failed || told < n ? -1 : 0;
}
