/*
 * cal: print a calendar (POSIX cal).
 *
 * "cal" shows this month, "cal YEAR" the twelve months of YEAR three across,
 * "cal MONTH YEAR" one month. As POSIX asks, dates up to September 2, 1752 are in
 * the Julian calendar and dates from September 14, 1752 in the Gregorian one: the
 * British switch, so September 1752 lacks its days 3 to 13. Weeks start on Sunday.
 *
 * Each month is drawn into a block of 8 lines of 20 columns (title, day names,
 * six weeks); the year view prints three blocks side by side. Trailing blanks are
 * left out of every line.
 *
 * On a terminal today's date is shown in reverse video, as util-linux cal does;
 * -h turns that off.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "mini.h"

static const char usage[] =
	"Usage: cal [-h] [[MONTH] YEAR]\n"
	"Print this month's calendar, or the whole YEAR (1-9999), or MONTH (1-12) of YEAR.\n"
	"  -h  no reverse video for today (shown so on a terminal)\n"
	"Example: cal 9 1752  shows the month the Gregorian calendar was adopted\n";

enum { MONTH_WIDTH = 20, MONTH_LINES = 8, WEEK_LINES = 6, GAP = 2 };

/*
 * The date to highlight (day 0: none). Its two columns are marked in the drawn
 * month by the top bit (HIGHLIGHT), which print_trimmed turns into reverse video.
 */
static struct {
	int day, month, year;
} highlight;
enum { HIGHLIGHT = 0x80 };

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

/* September 1752 went from the 2nd (Julian) straight to the 14th (Gregorian). */
static int is_switch_month(int month, int year)
{
	return year == 1752 && month == 9;
}

static int is_gregorian(int day, int month, int year)
{
	if (year != 1752)
		return year > 1752;
	return month > 9 || (month == 9 && day >= 14);
}

static int is_leap_year(int year)
{
	if (year <= 1752)
		return year % 4 == 0;	/* Julian: every fourth year */
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int month, int year)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

/*
 * The day of the week (0 = Sunday) of a date, from its Julian day number: the
 * usual count of days that starts the year in March, so that February's
 * varying length comes last. The two calendars differ in their leap years.
 */
static int weekday(int day, int month, int year)
{
	long march_based_year = year + 4800 - (month <= 2);
	long march_based_month = month + (month <= 2 ? 9 : -3);
	long jdn = day + (153 * march_based_month + 2) / 5 + 365 * march_based_year + march_based_year / 4;

	if (is_gregorian(day, month, year))
		jdn += -march_based_year / 100 + march_based_year / 400 - 32045;
	else
		jdn -= 32083;
	return (jdn + 1) % 7;
}

/* Write text centred in a field of MONTH_WIDTH columns (the field is already blank). */
static void centre(char *field, const char *text)
{
	size_t len = strlen(text);

	if (len > MONTH_WIDTH)
		len = MONTH_WIDTH;
	memcpy(field + (MONTH_WIDTH - len) / 2, text, len);
}

/* Draw a month into block: MONTH_LINES lines of MONTH_WIDTH columns, blank-filled. */
static void draw_month(char block[MONTH_LINES][MONTH_WIDTH + 1], int month, int year, int with_year)
{
	char title[32];
	int column = weekday(1, month, year), week = 0;

	for (int line = 0; line < MONTH_LINES; line++) {
		memset(block[line], ' ', MONTH_WIDTH);
		block[line][MONTH_WIDTH] = '\0';
	}
	if (with_year)
		snprintf(title, sizeof title, "%s %d", month_names[month - 1], year);
	else
		snprintf(title, sizeof title, "%s", month_names[month - 1]);
	centre(block[0], title);
	memcpy(block[1], "Su Mo Tu We Th Fr Sa", MONTH_WIDTH);
	for (int day = 1; day <= days_in_month(month, year); day++) {
		char *field = block[2 + week] + 3 * column;

		if (is_switch_month(month, year) && day > 2 && day < 14)
			continue;
		if (day >= 10)
			field[0] = '0' + day / 10;
		field[1] = '0' + day % 10;
		if (day == highlight.day && month == highlight.month && year == highlight.year) {
			field[0] |= HIGHLIGHT;
			field[1] |= HIGHLIGHT;
		}
		if (++column == 7) {
			column = 0;
			week++;
		}
	}
}

/* Print a line without its trailing blanks, a HIGHLIGHT-marked day in reverse video. */
static void print_trimmed(const char *line)
{
	int len = strlen(line), marked = 0;

	while (len > 0 && line[len - 1] == ' ')
		len--;
	for (int i = 0; i < len; i++) {
		int is_marked = (line[i] & HIGHLIGHT) != 0;

		if (is_marked != marked)
			fputs(is_marked ? "\033[7m" : "\033[0m", stdout);
		marked = is_marked;
		putchar(line[i] & ~HIGHLIGHT);
	}
	if (marked)
		fputs("\033[0m", stdout);
	putchar('\n');
}

static void print_month(int month, int year)
{
	char block[MONTH_LINES][MONTH_WIDTH + 1];

	draw_month(block, month, year, 1);
	for (int line = 0; line < MONTH_LINES; line++)
		print_trimmed(block[line]);
}

/* The whole year: the year centred over the page, then four rows of three months. */
static void print_year(int year)
{
	enum { PAGE_WIDTH = 3 * MONTH_WIDTH + 2 * GAP };
	char block[3][MONTH_LINES][MONTH_WIDTH + 1];
	char line[PAGE_WIDTH + 1], title[8];
	int title_len = snprintf(title, sizeof title, "%d", year);

	printf("%*s%s\n\n", (PAGE_WIDTH - title_len) / 2, "", title);
	for (int first = 1; first <= 12; first += 3) {
		for (int i = 0; i < 3; i++)
			draw_month(block[i], first + i, year, 0);
		for (int l = 0; l < MONTH_LINES; l++) {
			memset(line, ' ', PAGE_WIDTH);
			line[PAGE_WIDTH] = '\0';
			for (int i = 0; i < 3; i++)
				memcpy(line + i * (MONTH_WIDTH + GAP), block[i][l], MONTH_WIDTH);
			print_trimmed(line);
		}
		if (first < 10)
			putchar('\n');
	}
}

/* Parse operand text as a whole number from low to high, or die naming what it is. */
static int parse_operand(const char *text, const char *what, int low, int high)
{
	long long value;

	if (parse_long(text, &value) < 0 || value < low || value > high)
		die("%s '%s' is not in %d..%d", what, text, low, high);
	return value;
}

int cal_main(int argc, char **argv)
{
	struct options o;
	time_t now = time(NULL);
	struct tm *today = localtime(&now);
	int show_today = isatty(STDOUT_FILENO);

	options_start(&o, argc, argv, "h", usage);
	while (options_next(&o) != -1)
		show_today = 0;		/* -h, the only option */
	argv += o.index;
	argc -= o.index;
	if (argc > 2)
		usage_error(usage, "extra operand '%s'", argv[2]);
	if (show_today) {
		highlight.day = today->tm_mday;
		highlight.month = today->tm_mon + 1;
		highlight.year = today->tm_year + 1900;
	}
	if (argc == 0) {
		print_month(today->tm_mon + 1, today->tm_year + 1900);
	} else if (argc == 1) {
		print_year(parse_operand(argv[0], "year", 1, 9999));
	} else {
		int month = parse_operand(argv[0], "month", 1, 12);

		print_month(month, parse_operand(argv[1], "year", 1, 9999));
	}
	return flush_stdout() ? 1 : 0;
}
