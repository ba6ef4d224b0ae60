/* test_config.c - the person's and the site's configuration lines: bind,
 * set, a bad line told by its number with the reason and changing nothing,
 * the idle lock within the site's maximum. */
#include "testutil.h"

#include "redress/config.h"

struct seen {
	unsigned line[16];
	char why[16][256];
	size_t n;
};

static void
seen_bad(void *ctx, unsigned line, const char *why)
{
	struct seen *s = ctx;

	if (s->n < 16) {
		s->line[s->n] = line;
		snprintf(s->why[s->n], sizeof s->why[0], "%s", why);
		s->n++;
	}
}

/* a client with two screens: "list" (quit, down) and "case" (case-note) */
static const char *
check(const char *screen, const char *action, char *why, size_t n)
{
	(void)why;
	(void)n;
	if (strcmp(screen, "list") != 0 && strcmp(screen, "case") != 0)
		return "no screen";
	if (strcmp(action, "none") == 0 || strcmp(action, "down") == 0 ||
	    (strcmp(screen, "list") == 0 && strcmp(action, "quit") == 0) ||
	    (strcmp(screen, "case") == 0 && strcmp(action, "case-note") == 0))
		return NULL;
	return "no action there";
}

static size_t
parse(struct config *c, const char *text, bool site, struct seen *s)
{
	memset(s, 0, sizeof *s);
	return config_parse(c, text, strlen(text), site, check, seen_bad, s);
}

static void
test_keys(void **state)
{
	(void)state;
	assert_int_equal(config_key("x"), 'x');
	assert_int_equal(config_key("?"), '?');
	assert_int_equal(config_key("C-x"), 0x18);
	assert_int_equal(config_key("c-X"), 0x18);
	assert_int_equal(config_key("^L"), 0x0c);
	assert_int_equal(config_key("Enter"), '\n');
	assert_int_equal(config_key("esc"), 27);
	assert_int_equal(config_key("Space"), ' ');
	assert_int_equal(config_key("Tab"), '\t');
	assert_int_equal(config_key("PgDn"), CONFIG_KEY_PGDN);
	assert_int_equal(config_key("Up"), CONFIG_KEY_UP);
	assert_int_equal(config_key("BTab"), CONFIG_KEY_BTAB);
	assert_int_equal(config_key(""), -1);
	assert_int_equal(config_key("xy"), -1);
	assert_int_equal(config_key("C-1"), -1);
	assert_int_equal(config_key("C-m"), -1); /* that is Enter */
	assert_int_equal(config_key("F13"), -1);
}

static void
test_bind_and_set(void **state)
{
	struct config c;
	struct seen s;

	(void)state;
	config_init(&c);
	assert_int_equal(c.ascii, -1);
	assert_int_equal(c.idle, -1);
	assert_int_equal(c.idle_max, -1);
	assert_int_equal(parse(&c, "# mine\n\n  bind list x quit\nbind case C-n case-note\n"
	                       "set ascii on\nset mono off\nset idle-lock 5\n"
	                       "set colour overdue magenta\nset colour bar white blue\n", false, &s),
	                 0);
	assert_int_equal(c.nbind, 2);
	assert_string_equal(c.bind[0].screen, "list");
	assert_int_equal(c.bind[0].key, 'x');
	assert_string_equal(c.bind[0].action, "quit");
	assert_int_equal(c.bind[1].key, 0x0e);
	assert_int_equal(c.ascii, 1);
	assert_int_equal(c.mono, 0);
	assert_int_equal(c.idle, 300);
	assert_true(c.colour[CONFIG_E_OVERDUE].set);
	assert_int_equal(c.colour[CONFIG_E_OVERDUE].fg, 5);
	assert_int_equal(c.colour[CONFIG_E_OVERDUE].bg, CONFIG_DEFAULT);
	assert_int_equal(c.colour[CONFIG_E_BAR].fg, 7);
	assert_int_equal(c.colour[CONFIG_E_BAR].bg, 4);
	assert_false(c.colour[CONFIG_E_SOON].set);
	/* no final newline; seconds for tests */
	assert_int_equal(parse(&c, "set idle-lock 0\nset idle-lock 90s", false, &s), 0);
	assert_int_equal(c.idle, 90);
}

static void
test_bad_lines(void **state)
{
	struct config c;
	struct seen s;

	(void)state;
	config_init(&c);
	assert_int_equal(parse(&c, "bind list x quit\n"
	                       "bind list xx quit\n"          /* 2 */
	                       "bind lists x quit\n"          /* 3 */
	                       "bind list x case-note\n"      /* 4 */
	                       "bind list x\n"                /* 5 */
	                       "set ascii maybe\n"            /* 6 */
	                       "set idle-lock soon\n"         /* 7 */
	                       "set colour overdue purple\n"  /* 8 */
	                       "set colour sky red\n"         /* 9 */
	                       "frobnicate\n"                 /* 10 */
	                       "book = /srv/book\n"           /* 11: the site's */
	                       "set idle-lock-max 5\n"        /* 12: the site's */
	                       "set volume 11\n",             /* 13 */
	                       false, &s),
	                 12);
	assert_int_equal(s.line[0], 2);
	assert_non_null(strstr(s.why[0], "no key \"xx\""));
	assert_int_equal(s.line[1], 3);
	assert_string_equal(s.why[1], "no screen");
	assert_int_equal(s.line[2], 4);
	assert_string_equal(s.why[2], "no action there");
	assert_string_equal(s.why[3], "the form is: bind SCREEN KEY ACTION");
	assert_string_equal(s.why[4], "ascii is on or off, not \"maybe\"");
	assert_non_null(strstr(s.why[5], "idle-lock is minutes"));
	assert_non_null(strstr(s.why[6], "no colour \"purple\""));
	assert_non_null(strstr(s.why[7], "no element \"sky\""));
	assert_string_equal(s.why[8], "no command \"frobnicate\" (bind, set)");
	assert_int_equal(s.line[9], 11);
	assert_non_null(strstr(s.why[9], "site's"));
	assert_int_equal(s.line[10], 12);
	assert_non_null(strstr(s.why[10], "site's to set"));
	assert_int_equal(s.line[11], 13);
	/* a bad line changes nothing */
	assert_int_equal(c.nbind, 1);
	assert_int_equal(c.ascii, -1);
	assert_int_equal(c.idle, -1);
	assert_int_equal(c.idle_max, -1);
	assert_false(c.colour[CONFIG_E_OVERDUE].set);
	/* a line too long, or with a NUL */
	assert_int_equal(config_parse(&c, "set mono on\n\0x\n", 15, false, check, seen_bad, &s), 1);
	assert_int_equal(c.mono, 1);
}

static void
test_idle_within_site_max(void **state)
{
	struct config c;
	struct seen s;

	(void)state;
	config_init(&c);
	/* the site's file: its own lines and the batch commands' */
	assert_int_equal(parse(&c, "book = /srv/book\ncouncil=Anytown\nset idle-lock 20\n"
	                       "set idle-lock-max 10\n", true, &s), 0);
	assert_int_equal(c.idle_max, 600);
	assert_int_equal(c.idle, 600); /* the site's own default, capped */
	/* the person cannot raise it, nor turn it off */
	assert_int_equal(parse(&c, "set idle-lock 5\nset idle-lock 30\nset idle-lock 0\n", false, &s),
	                 2);
	assert_int_equal(s.line[0], 2);
	assert_string_equal(s.why[0], "idle-lock 30 minutes is above the site's maximum of 10 "
	                    "minutes, which is used");
	assert_int_equal(s.line[1], 3);
	assert_non_null(strstr(s.why[1], "0 (never) is not allowed"));
	assert_int_equal(c.idle, 600);
	assert_int_equal(c.idle_max, 600);
	assert_int_equal(config_idle_cap(0, -1), 0);
	assert_int_equal(config_idle_cap(900, -1), 900);
	assert_int_equal(config_idle_cap(900, 600), 600);
	assert_int_equal(config_idle_cap(0, 600), 600);
	assert_int_equal(config_idle_cap(60, 600), 60);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_bind_and_set),
		cmocka_unit_test(test_bad_lines),
		cmocka_unit_test(test_idle_within_site_max),
	};

	return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
