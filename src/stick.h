/* Files on a USB stick, which anyone may have prepared: everything is done
 * relative to a folder opened once, a symbolic link is never followed
 * (one in the way is removed as a link, never through it), nothing is
 * written over that this program did not create, only regular files are
 * read, and every read is bounded. The folder the user names is theirs and
 * is opened as named. io layer: never prints. */
#ifndef ORIENTIR_STICK_H
#define ORIENTIR_STICK_H

#include <stddef.h>
#include <sys/types.h>

/* Opens the folder path for work inside it: a descriptor, or -1 with *err. */
int stick_dir_open(const char *path, char **err);
/* Opens the folder name inside dirfd, never through a link: a descriptor,
 * or -1 (errno ELOOP or ENOTDIR for a link). */
int stick_subdir_open(int dirfd, const char *name);

/* What is at name inside dirfd; a link is told as one, not followed. */
enum stick_kind { STICK_NONE, STICK_FILE, STICK_DIR, STICK_LINK, STICK_OTHER };
enum stick_kind stick_kind(int dirfd, const char *name);

/* What went wrong writing path, in words a person can act on (fresh). */
char *stick_write_error(const char *path, int e);

/* Creates the file name inside dirfd, which must not exist yet (never a
 * link's target, never something already there), writes len bytes and
 * syncs it. path names dirfd in messages. 0, or -1 with *err. */
int stick_create(int dirfd, const char *path, const char *name, const void *data, size_t len, mode_t mode,
		 char **err);
/* Puts the file name inside dirfd whole or not at all: .NAME.tmp made
 * afresh (a leftover removed first), written and synced, renamed over name
 * (a link there is replaced, not followed), the folder and the stick
 * synced. 0, or -1 with *err naming name, not the temporary file. */
int stick_put(int dirfd, const char *path, const char *name, const void *data, size_t len, mode_t mode, char **err);
/* The same, but the stick itself not synced, only the file and its
 * folder: for many files written one after another (a receipt in each
 * package folder), the stick synced once after the last with
 * stick_sync_path. */
int stick_put_deferred(int dirfd, const char *path, const char *name, const void *data, size_t len, mode_t mode,
		       char **err);
/* The same as stick_put, copying from srcfd. */
int stick_put_from(int dirfd, const char *path, const char *name, int srcfd, mode_t mode, char **err);

/* Removes name inside dirfd: a file or a link is unlinked; a folder is
 * emptied through descriptors (links inside removed as links, never left
 * for another filesystem, at most 8 levels deep), then removed. 0, or -1
 * with errno (ENOENT when there was nothing). */
int stick_remove(int dirfd, const char *name);
/* Syncs the folder's entries, then the whole filesystem: after it the
 * stick can be pulled out. 0, or -1 with errno. */
int stick_sync(int dirfd);
/* Syncs the whole filesystem the folder path is on: after it the stick
 * can be pulled out. 0, or -1 with errno. */
int stick_sync_path(const char *path);
/* Syncs the folder's entries only (vfat refusing is not an error). */
int stick_sync_dir(int dirfd);

/* Reads the regular file name inside dirfd, at most limit bytes, and
 * NUL-terminates it (fresh; *len without the NUL). A link, a folder, a
 * pipe or a device is refused without being read or waited on, and so is
 * a file larger than limit. path names dirfd in messages. NULL with *err;
 * errno is ENOENT when there is no such file. */
char *stick_read(int dirfd, const char *path, const char *name, size_t limit, size_t *len, char **err);

/* The names inside the folder dirfd, "." and ".." left out (fresh array of
 * fresh names). 0, or -1 with errno (E2BIG: more than max of them). */
int stick_list(int dirfd, size_t max, char ***names, size_t *n);
void stick_list_free(char **names, size_t n);

/* path and name joined for a message (fresh). */
char *stick_path(const char *path, const char *name);

#endif
