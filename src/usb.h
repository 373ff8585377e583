/* USB sticks: the removable-looking filesystems mounted where desktops
 * and people mount them. io layer: never prints. */
#ifndef ORIENTIR_USB_H
#define ORIENTIR_USB_H

#include <stddef.h>

typedef struct usb_stick {
	char *mount;	/* /media/user/STICK */
	char *label;	/* STICK: the folder's name */
} usb_stick;

/* Sticks listed in mounts_file (normally /proc/self/mounts): vfat, exfat
 * and NTFS filesystems under /media, /run/media or /mnt. 0, or -1 when
 * the list cannot be read. */
int usb_find(const char *mounts_file, usb_stick **out, size_t *n);
void usb_free(usb_stick *v, size_t n);

#endif
