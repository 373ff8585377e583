/* PLACEHOLDER, to be replaced by the real screen before issue 6 closes. */
#include "config.h"

#include "common.h"
#include "scr.h"

ui_screen *scr_dschools_new(void)
{
	ui_message("%s", "scr_dschools: not built yet");
	return NULL;
}
