/* tui-screens.c - the client's screens: the frame (tui.c) draws, dispatches
 * keys, wakes and frees through their hooks, in this order.  The case list
 * comes first: the client starts there. */
#include "tui-int.h"

const struct tui_screen *const tui_screens[] = {
	&tui_list_screen,  &tui_cal_screen,    &tui_case_screen,  &tui_admin_screen,
	&tui_report_screen, &tui_letter_screen, &tui_audit_screen, &tui_help_screen,
	&tui_enrol_screen, &tui_unlock_screen,
};
const size_t tui_nscreens = sizeof tui_screens / sizeof tui_screens[0];
