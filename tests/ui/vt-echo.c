/* vt-echo: a tiny curses program for vtrun's self-test. It shows ГОТОВО in
 * reverse video on row 0 and three styled words on row 1, echoes each key
 * as "key: NAME" on row 2, reports a resize as "size: COLSxLINES" on row 3,
 * counts keys as "keys: N" on row 4, and exits with status 3 on F10. */

#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <wchar.h>

static void draw_static(void)
{
	attron(A_REVERSE);
	mvaddstr(0, 0, "ГОТОВО");
	attroff(A_REVERSE);
	attron(A_BOLD);
	mvaddstr(1, 0, "ЖИРНЫЙ");
	attroff(A_BOLD);
	attron(A_UNDERLINE);
	mvaddstr(1, 10, "ПОДЧЁРК");
	attroff(A_UNDERLINE);
	if (has_colors()) {
		attron(COLOR_PAIR(1));
		mvaddstr(1, 20, "ЦВЕТ");
		attroff(COLOR_PAIR(1));
	}
	mvaddstr(1, 30, "ПРОСТО");
}

int main(void)
{
	long count = 0;

	setlocale(LC_ALL, "");
	initscr();
	raw();
	noecho();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	if (has_colors()) {
		start_color();
		use_default_colors();  /* pair 0 stays the terminal's own colours */
		init_pair(1, COLOR_YELLOW, COLOR_BLUE);
	}
	draw_static();
	refresh();
	for (;;) {
		wint_t ch;
		int r = get_wch(&ch);
		char name[MB_LEN_MAX * 2 + 1];
		const char *shown = name;

		if (r == ERR) {
			if (errno == EINTR)
				continue;
			break;  /* the terminal is gone */
		}
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			erase();
			draw_static();
			mvprintw(3, 0, "size: %dx%d", COLS, LINES);
			refresh();
			continue;
		}
		count++;
		if (r == KEY_CODE_YES) {
			if (ch == KEY_F(10)) {
				endwin();
				return 3;
			}
			shown = keyname((int)ch);
		} else if (ch < 0x20 || ch == 0x7f) {
			shown = key_name((wchar_t)ch);  /* ^[ for Esc, ^A, ^? ... */
		} else {
			mbstate_t st = { 0 };
			size_t n = wcrtomb(name, (wchar_t)ch, &st);
			name[n == (size_t)-1 ? 0 : n] = '\0';
		}
		mvprintw(2, 0, "key: %s", shown ? shown : "?");
		clrtoeol();
		mvprintw(4, 0, "keys: %ld", count);
		clrtoeol();
		refresh();
	}
	endwin();
	return 0;
}
