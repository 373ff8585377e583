/* Finding USB sticks in a mounts list like /proc/self/mounts. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/usb.h"

static char path[] = "/tmp/orientir-mounts-XXXXXX";

START_TEST(sticks_found)
{
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	FILE *fp = fdopen(fd, "w");
	fputs("/dev/vda1 / ext4 rw,relatime 0 0\n"
	      "proc /proc proc rw 0 0\n"
	      "/dev/sdb1 /media/zavuch/STICK vfat rw,nosuid,nodev,uid=1000 0 0\n"
	      /* spaces in a label are written as \040 */
	      "/dev/sdc1 /run/media/zavuch/МОЯ\\040ФЛЕШКА exfat rw 0 0\n"
	      "/dev/sdd1 /mnt ntfs3 rw 0 0\n"
	      "/dev/sde1 /media/zavuch/DISK ext4 rw 0 0\n"		/* not a stick's filesystem */
	      "/dev/sdf1 /home/zavuch/usb vfat rw 0 0\n"		/* not where sticks are mounted */
	      "/dev/sdg1 /media/zavuch/OLD fuseblk rw 0 0\n", fp);
	fclose(fp);
	usb_stick *v;
	size_t n;
	ck_assert_int_eq(usb_find(path, &v, &n), 0);
	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(v[0].mount, "/media/zavuch/STICK");
	ck_assert_str_eq(v[0].label, "STICK");
	ck_assert_str_eq(v[1].mount, "/run/media/zavuch/МОЯ ФЛЕШКА");
	ck_assert_str_eq(v[1].label, "МОЯ ФЛЕШКА");
	ck_assert_str_eq(v[2].mount, "/mnt");
	ck_assert_str_eq(v[3].label, "OLD");
	usb_free(v, n);
	remove(path);
}
END_TEST

START_TEST(no_list)
{
	usb_stick *v;
	size_t n;
	ck_assert_int_eq(usb_find("/nonexistent/mounts", &v, &n), -1);
	ck_assert_uint_eq(n, 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("usb");
	TCase *tc = tcase_create("find");
	tcase_add_test(tc, sticks_found);
	tcase_add_test(tc, no_list);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
