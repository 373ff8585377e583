/* PLACEHOLDER, to be replaced by the real screen before issue 6 closes. */
#include "config.h"

#include "common.h"
#include "scr.h"

ui_screen *scr_drisk_new(void)
{
	ui_message("%s", "scr_drisk: not built yet");
	return NULL;
}
