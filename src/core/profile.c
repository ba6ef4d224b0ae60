/* profile.c - authority profiles: parsing redress-profile(5) text, merging a
 * profile over its parent, and the units and bases of its rules (the events
 * and routes are in vocab.c). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/profile.h"
#include "redress/text.h"

static const char *const profile_units[] = {
	"working-days", "days", "weeks", "months", "years",
};

static const char *const profile_bases[] = {
	"regulation", "guidance", "code", "council",
};

const char *
unit_name(enum unit u)
{
	return (size_t)u < sizeof profile_units / sizeof *profile_units ? profile_units[u] : "?";
}

const char *
unit_words(int amount, enum unit u)
{
	static const char *const one[] = { "working day", "day", "week", "month", "year" };
	static const char *const many[] = { "working days", "days", "weeks", "months", "years" };

	if ((size_t)u >= sizeof one / sizeof *one)
		return "?";
	return amount == 1 || amount == -1 ? one[u] : many[u];
}

const char *
basis_name(enum basis b)
{
	return (size_t)b < sizeof profile_bases / sizeof *profile_bases ? profile_bases[b] : "?";
}

const struct rule *
profile_rule(const struct profile *p, const char *key)
{
	return text_find(p->rules, p->nrules, sizeof p->rules[0], offsetof(struct rule, key), key);
}

const struct profile_source *
profile_source(const struct profile *p, const char *id)
{
	return text_find(p->sources, p->nsources, sizeof p->sources[0],
	                 offsetof(struct profile_source, id), id);
}

void
profile_cite(const struct profile *p, const struct rule *r, char *buf, size_t n)
{
	static const struct { const char *abbr, *word; } words[] = {
		{ "reg", "Regulation" }, { "regs", "Regulations" }, { "s", "section" },
		{ "ss", "sections" }, { "para", "paragraph" }, { "paras", "paragraphs" },
		{ "art", "Article" }, { "sch", "Schedule" },
	};
	const struct profile_source *s = profile_source(p, r->source);
	const char *pin = r->pinpoint, *end;
	size_t i, l;

	if (pin[0] != '\0') {
		for (i = 0; i < sizeof words / sizeof words[0]; i++) {
			l = strlen(words[i].abbr);
			if (strncmp(pin, words[i].abbr, l) == 0 && pin[l] == ' ' && pin[l + 1] >= '0' &&
			    pin[l + 1] <= '9') {
				snprintf(buf, n, "%s %s", words[i].word, pin + l + 1);
				return;
			}
		}
		snprintf(buf, n, "%s", pin);
		return;
	}
	if (s == NULL) {
		snprintf(buf, n, "%s", r->source);
		return;
	}
	/* the text without its subtitle or address */
	l = strlen(s->text);
	if ((end = strstr(s->text, ": ")) != NULL)
		l = (size_t)(end - s->text);
	if ((end = strstr(s->text, ", http")) != NULL && (size_t)(end - s->text) < l)
		l = (size_t)(end - s->text);
	snprintf(buf, n, "%.*s", (int)l, s->text);
}

/* --- parsing --------------------------------------------------------------- */

struct profile_parser {
	const char *file;
	int line;
	struct err *err;
	struct profile *p;
	struct rule *rule; /* the rule block being read, or NULL */
};

static int
profile_fail(struct profile_parser *ps, const char *fmt, const char *a, const char *b)
{
	return err_set_at(ps->err, ps->file, (unsigned)ps->line, fmt, a, b);
}

static int
profile_copy(struct profile_parser *ps, char *dst, size_t max, const char *src, const char *what)
{
	if (*src == '\0')
		return profile_fail(ps, "%s: missing value%s", what, "");
	if (strlen(src) >= max)
		return profile_fail(ps, "%s: value too long%s", what, "");
	strcpy(dst, src);
	return 0;
}

/* Appends text to a multi-line field (quote, note), joined by a space. */
static int
profile_append(struct profile_parser *ps, char *dst, size_t max, const char *src,
               const char *what)
{
	size_t n = strlen(dst);

	if (*src == '\0')
		return profile_fail(ps, "%s: missing value%s", what, "");
	if (n + 1 + strlen(src) >= max)
		return profile_fail(ps, "%s: value too long%s", what, "");
	if (n > 0)
		dst[n++] = ' ';
	strcpy(dst + n, src);
	return 0;
}

static int
profile_key(struct profile_parser *ps, char *dst, const char *key, const char *what)
{
	size_t i;

	if (key == NULL || *key == '\0')
		return profile_fail(ps, "%s: missing key%s", what, "");
	for (i = 0; key[i] != '\0'; i++)
		if (!((key[i] >= 'a' && key[i] <= 'z') || (key[i] >= '0' && key[i] <= '9') ||
		      key[i] == '_' || key[i] == '-'))
			return profile_fail(ps, "%s: bad key \"%s\" (use a-z, 0-9, _ and -)", what, key);
	if (i >= PROFILE_KEY_MAX)
		return profile_fail(ps, "%s: key \"%s\" is too long", what, key);
	strcpy(dst, key);
	return 0;
}

static int
profile_event(struct profile_parser *ps, const char *w, enum event_type *ev, const char *what)
{
	if (w == NULL)
		return profile_fail(ps, "%s: missing event%s", what, "");
	*ev = event_lookup(w);
	if (*ev == EV_NONE)
		return profile_fail(ps, "%s: unknown event \"%s\"", what, w);
	return 0;
}

static int
profile_amount(struct profile_parser *ps, char **s, int *amount, enum unit *unit,
               const char *what)
{
	static const char *const singular[] = { "working-day", "day", "week", "month", "year" };
	char *n = text_word(s), *u = text_word(s), *end;
	long v;
	size_t i;

	if (n == NULL || u == NULL)
		return profile_fail(ps, "%s: expected N UNIT, e.g. \"10 working-days\"%s", what, "");
	v = strtol(n, &end, 10);
	if (*end != '\0' || v < 0 || v > 3660 || n[0] == '+' || n[0] == '-')
		return profile_fail(ps, "%s: bad number \"%s\"", what, n);
	for (i = 0; i < 5; i++)
		if (strcmp(u, profile_units[i]) == 0 || strcmp(u, singular[i]) == 0)
			break;
	if (i == 5)
		return profile_fail(ps, "%s: unknown unit \"%s\" (working-days, days, weeks, "
		                        "months or years)", what, u);
	if (text_word(s) != NULL)
		return profile_fail(ps, "%s: unexpected text after the unit%s", what, "");
	*amount = (int)v;
	*unit = (enum unit)i;
	return 0;
}

static int
profile_rule_field(struct profile_parser *ps, struct rule *r, char *s)
{
	char *f = text_word(&s), *w, *rest, *end;
	enum event_type ev;
	size_t i;
	long v;
	int r2;

	rest = text_trim(s);
	if (strcmp(f, "label") == 0) {
		r->set |= RULE_SET_LABEL;
		return profile_copy(ps, r->label, sizeof r->label, rest, f);
	}
	if (strcmp(f, "stage") == 0) {
		v = strtol(rest, &end, 10);
		if (*rest == '\0' || *end != '\0' || v < 0 || v > 4)
			return profile_fail(ps, "stage: expected 0 to 4, not \"%s\"%s", rest, "");
		r->stage = (int)v;
		r->set |= RULE_SET_STAGE;
		return 0;
	}
	if (strcmp(f, "for") == 0) {
		r->routes = 0;
		while ((w = text_word(&s)) != NULL) {
			if ((r2 = route_lookup(w)) < 0)
				return profile_fail(ps, "for: unknown route \"%s\"%s", w, "");
			r->routes |= 1u << r2;
		}
		if (r->routes == 0)
			return profile_fail(ps, "for: name at least one route%s%s", "", "");
		r->set |= RULE_SET_FOR;
		return 0;
	}
	if (strcmp(f, "from") == 0 || strcmp(f, "done") == 0 || strcmp(f, "target-from") == 0) {
		w = text_word(&s);
		if (profile_event(ps, w, &ev, f) != 0)
			return -1;
		if (text_word(&s) != NULL)
			return profile_fail(ps, "%s: one event only%s", f, "");
		if (f[0] == 'f') {
			r->from = ev;
			r->set |= RULE_SET_FROM;
		} else if (f[0] == 'd') {
			r->done = ev;
			r->set |= RULE_SET_DONE;
		} else {
			r->target_from = ev;
			r->set |= RULE_SET_TARGET;
		}
		return 0;
	}
	if (strcmp(f, "else-due") == 0) {
		r->set |= RULE_SET_ELSE;
		return profile_key(ps, r->else_due, rest, f);
	}
	if (strcmp(f, "within") == 0 || strcmp(f, "before") == 0) {
		if (profile_amount(ps, &s, &r->amount, &r->unit, f) != 0)
			return -1;
		if (f[0] == 'b')
			r->amount = -r->amount;
		r->set |= RULE_SET_WITHIN;
		return 0;
	}
	if (strcmp(f, "extend") == 0) {
		w = text_word(&s);
		if (w != NULL && strcmp(w, "none") == 0 && text_word(&s) == NULL) {
			/* the parent's extension does not apply here */
			r->extend_on = EV_NONE;
			r->extend_amount = 0;
			r->set |= RULE_SET_EXTEND;
			return 0;
		}
		if (profile_event(ps, w, &r->extend_on, f) != 0 ||
		    profile_amount(ps, &s, &r->extend_amount, &r->extend_unit, f) != 0)
			return -1;
		r->set |= RULE_SET_EXTEND;
		return 0;
	}
	if (strcmp(f, "restart-on") == 0) {
		r->nrestart = 0;
		while ((w = text_word(&s)) != NULL) {
			if (r->nrestart == PROFILE_RESTART_MAX)
				return profile_fail(ps, "restart-on: at most 4 events%s%s", "", "");
			if (profile_event(ps, w, &r->restart_on[r->nrestart++], f) != 0)
				return -1;
		}
		r->set |= RULE_SET_RESTART;
		return 0;
	}
	if (strcmp(f, "party") == 0) {
		if (strcmp(rest, "council") == 0)
			r->party = PARTY_COUNCIL;
		else if (strcmp(rest, "complainant") == 0)
			r->party = PARTY_COMPLAINANT;
		else
			return profile_fail(ps, "party: expected council or complainant, not \"%s\"%s",
			                    rest, "");
		r->set |= RULE_SET_PARTY;
		return 0;
	}
	if (strcmp(f, "basis") == 0) {
		for (i = 0; i < sizeof profile_bases / sizeof *profile_bases; i++)
			if (strcmp(rest, profile_bases[i]) == 0)
				break;
		if (i == sizeof profile_bases / sizeof *profile_bases)
			return profile_fail(ps, "basis: expected regulation, guidance, code or "
			                        "council, not \"%s\"%s", rest, "");
		r->basis = (enum basis)i;
		r->set |= RULE_SET_BASIS;
		return 0;
	}
	if (strcmp(f, "source") == 0) {
		w = text_word(&s);
		if (profile_key(ps, r->source, w, f) != 0)
			return -1;
		r->pinpoint[0] = '\0';
		rest = text_trim(s);
		if (*rest != '\0' && profile_copy(ps, r->pinpoint, sizeof r->pinpoint, rest, f) != 0)
			return -1;
		r->set |= RULE_SET_SOURCE;
		return 0;
	}
	if (strcmp(f, "quote") == 0) {
		if (!(r->set & RULE_SET_QUOTE))
			r->quote[0] = '\0';
		r->set |= RULE_SET_QUOTE;
		return profile_append(ps, r->quote, sizeof r->quote, rest, f);
	}
	if (strcmp(f, "note") == 0) {
		if (!(r->set & RULE_SET_NOTE))
			r->note[0] = '\0';
		r->set |= RULE_SET_NOTE;
		return profile_append(ps, r->note, sizeof r->note, rest, f);
	}
	return profile_fail(ps, "unknown rule field \"%s\"%s", f, "");
}

/* `retention N UNIT after closure`: calendar units only, since a
 * retention schedule is not counted in working days. */
static int
profile_retention(struct profile_parser *ps, char *s)
{
	static const char *const singular[] = { "working-day", "day", "week", "month", "year" };
	static const long most[] = { 0, 36600, 5220, 1200, 100 }; /* a hundred years */
	struct profile *p = ps->p;
	char *n = text_word(&s), *u = text_word(&s), *a = text_word(&s), *c = text_word(&s), *end;
	long v;
	size_t i;

	if (p->retention_amount != 0)
		return profile_fail(ps, "retention is given twice%s%s", "", "");
	if (n == NULL || u == NULL || a == NULL || c == NULL || text_word(&s) != NULL ||
	    strcmp(a, "after") != 0 || strcmp(c, "closure") != 0)
		return profile_fail(ps, "retention: expected N UNIT after closure, e.g. "
		                        "\"retention 6 years after closure\"%s%s", "", "");
	for (i = 1; i < 5; i++)
		if (strcmp(u, profile_units[i]) == 0 || strcmp(u, singular[i]) == 0)
			break;
	if (i == 5)
		return profile_fail(ps, "retention: unknown unit \"%s\" (days, weeks, months or "
		                        "years)%s", u, "");
	v = strtol(n, &end, 10);
	if (*end != '\0' || n[0] == '+' || n[0] == '-' || v < 1 || v > most[i])
		return profile_fail(ps, "retention: bad number \"%s\" (1 to a hundred years)%s", n,
		                    "");
	p->retention_amount = (int)v;
	p->retention_unit = (enum unit)i;
	memcpy(p->retention_origin, p->name, sizeof p->retention_origin);
	p->retention_line = ps->line;
	return 0;
}

static int
profile_top(struct profile_parser *ps, char *s)
{
	struct profile *p = ps->p;
	char *w = text_word(&s), *rest, *id;

	ps->rule = NULL;
	rest = text_trim(s);
	if (strcmp(w, "profile") == 0)
		return profile_key(ps, p->name, rest, w);
	if (strcmp(w, "title") == 0)
		return profile_copy(ps, p->title, sizeof p->title, rest, w);
	if (strcmp(w, "inherits") == 0)
		return profile_key(ps, p->inherits, rest, w);
	if (strcmp(w, "calendar") == 0)
		return profile_key(ps, p->calendar, rest, w);
	if (strcmp(w, "helpdesk") == 0)
		return profile_copy(ps, p->helpdesk, sizeof p->helpdesk, rest, w);
	if (strcmp(w, "source") == 0) {
		if (p->nsources == PROFILE_SOURCES_MAX)
			return profile_fail(ps, "too many sources%s%s", "", "");
		id = text_word(&s);
		if (profile_key(ps, p->sources[p->nsources].id, id, w) != 0)
			return -1;
		if (profile_source(p, id) != NULL)
			return profile_fail(ps, "source \"%s\" is defined twice%s", id, "");
		if (profile_copy(ps, p->sources[p->nsources].text, sizeof p->sources[0].text,
		                 text_trim(s), w) != 0)
			return -1;
		p->nsources++;
		return 0;
	}
	if (strcmp(w, "retention") == 0)
		return profile_retention(ps, s);
	if (strcmp(w, "drop") == 0) {
		if (p->ndrops == PROFILE_RULES_MAX)
			return profile_fail(ps, "too many drops%s%s", "", "");
		return profile_key(ps, p->drops[p->ndrops++], rest, w);
	}
	if (strcmp(w, "rule") == 0) {
		struct rule *r;

		if (p->nrules == PROFILE_RULES_MAX)
			return profile_fail(ps, "too many rules%s%s", "", "");
		r = &p->rules[p->nrules];
		memset(r, 0, sizeof *r);
		if (profile_key(ps, r->key, rest, w) != 0)
			return -1;
		if (profile_rule(p, r->key) != NULL)
			return profile_fail(ps, "rule \"%s\" is defined twice%s", r->key, "");
		r->routes = 1u << ROUTE_COMPLAINT;
		r->basis = BASIS_COUNCIL;
		r->line = ps->line;
		memcpy(r->origin, p->name, sizeof r->origin);
		p->nrules++;
		ps->rule = r;
		return 0;
	}
	return profile_fail(ps, "unknown directive \"%s\"%s", w, "");
}

/* A profile is ~100 KB, most of it room for rules, sources and drops it
 * does not have: these zero and copy the fields and only the entries in use,
 * so that loading one touches the pages it fills (each first touch is a page
 * fault; zeroing and copying the whole room was a sixth of the faults of a
 * batch `calendar`).  Entries past the counts are never read. */
_Static_assert(offsetof(struct profile, sources) < offsetof(struct profile, nsources) &&
               offsetof(struct profile, nsources) < offsetof(struct profile, rules) &&
               offsetof(struct profile, rules) < offsetof(struct profile, nrules) &&
               offsetof(struct profile, nrules) < offsetof(struct profile, drops) &&
               offsetof(struct profile, drops) < offsetof(struct profile, ndrops),
               "struct profile: each array before its count, as profile_clear expects");

#define PROFILE_SPAN(from, to) (offsetof(struct profile, to) - offsetof(struct profile, from))

static void
profile_clear(struct profile *p)
{
	memset(p, 0, offsetof(struct profile, sources));
	memset(&p->nsources, 0, PROFILE_SPAN(nsources, rules));
	memset(&p->nrules, 0, PROFILE_SPAN(nrules, drops));
	memset(&p->ndrops, 0, sizeof *p - offsetof(struct profile, ndrops));
}

void
profile_assign(struct profile *dst, const struct profile *src)
{
	if (dst == src)
		return;
	memcpy(dst, src, offsetof(struct profile, sources));
	memcpy(dst->sources, src->sources, src->nsources * sizeof src->sources[0]);
	memcpy(&dst->nsources, &src->nsources, PROFILE_SPAN(nsources, rules));
	memcpy(dst->rules, src->rules, src->nrules * sizeof src->rules[0]);
	memcpy(&dst->nrules, &src->nrules, PROFILE_SPAN(nrules, drops));
	memcpy(dst->drops, src->drops, src->ndrops * sizeof src->drops[0]);
	memcpy(&dst->ndrops, &src->ndrops, sizeof *dst - offsetof(struct profile, ndrops));
}

int
profile_parse(struct profile *p, const char *text, size_t len, const char *file,
              struct err *err)
{
	struct profile_parser ps = { file, 0, err, p, NULL };
	char line[1024], *s;
	size_t pos = 0, n;
	const char *nl;

	profile_clear(p);
	while (pos < len) {
		ps.line++;
		nl = memchr(text + pos, '\n', len - pos);
		n = nl ? (size_t)(nl - (text + pos)) : len - pos;
		if (n >= sizeof line)
			return profile_fail(&ps, "line too long%s%s", "", "");
		memcpy(line, text + pos, n);
		line[n] = '\0';
		pos += n + 1;
		if (strlen(line) != n)
			return profile_fail(&ps, "NUL byte in line%s%s", "", "");
		if (n > 0 && line[n - 1] == '\r')
			line[n - 1] = '\0';
		s = text_trim(line);
		if (*s == '\0' || *s == '#')
			continue;
		if (line[0] == ' ' || line[0] == '\t') {
			if (ps.rule == NULL)
				return profile_fail(&ps, "indented line outside a rule%s%s", "", "");
			if (profile_rule_field(&ps, ps.rule, s) != 0)
				return -1;
		} else if (profile_top(&ps, s) != 0)
			return -1;
	}
	if (p->name[0] == '\0')
		return err_set(err, "%s: missing \"profile NAME\" line", file);
	if (p->inherits[0] == '\0' && p->calendar[0] == '\0')
		return err_set(err, "%s: a profile with no parent needs a \"calendar\" line", file);
	return 0;
}

/* --- inheritance ----------------------------------------------------------- */

static void
profile_override(struct rule *base, const struct rule *over)
{
	unsigned set = over->set;

	if (set & RULE_SET_LABEL) memcpy(base->label, over->label, sizeof base->label);
	if (set & RULE_SET_STAGE) base->stage = over->stage;
	if (set & RULE_SET_FOR) base->routes = over->routes;
	if (set & RULE_SET_FROM) base->from = over->from;
	if (set & RULE_SET_ELSE) memcpy(base->else_due, over->else_due, sizeof base->else_due);
	if (set & RULE_SET_WITHIN) {
		base->amount = over->amount;
		base->unit = over->unit;
	}
	if (set & RULE_SET_EXTEND) {
		base->extend_on = over->extend_on;
		base->extend_amount = over->extend_amount;
		base->extend_unit = over->extend_unit;
	}
	if (set & RULE_SET_TARGET) base->target_from = over->target_from;
	if (set & RULE_SET_RESTART) {
		memcpy(base->restart_on, over->restart_on, sizeof base->restart_on);
		base->nrestart = over->nrestart;
	}
	if (set & RULE_SET_DONE) base->done = over->done;
	if (set & RULE_SET_PARTY) base->party = over->party;
	if (set & RULE_SET_BASIS) base->basis = over->basis;
	if (set & RULE_SET_SOURCE) {
		memcpy(base->source, over->source, sizeof base->source);
		memcpy(base->pinpoint, over->pinpoint, sizeof base->pinpoint);
		/* a new source speaks for itself: the parent's quote was not its words */
		if (!(set & RULE_SET_QUOTE))
			base->quote[0] = '\0';
		if (!(set & RULE_SET_NOTE))
			base->note[0] = '\0';
	}
	if (set & RULE_SET_QUOTE) memcpy(base->quote, over->quote, sizeof base->quote);
	if (set & RULE_SET_NOTE) memcpy(base->note, over->note, sizeof base->note);
	memcpy(base->origin, over->origin, sizeof base->origin);
	base->line = over->line;
	base->set |= set;
}

int
profile_inherit(struct profile *child, const struct profile *parent, struct err *err)
{
	struct profile *own, *merged = child;
	size_t i, k;
	int rc;

	if (strcmp(child->inherits, parent->name) != 0)
		return err_set(err, "profile %s inherits %s, not %s", child->name, child->inherits,
		               parent->name);
	/* merged in place: the child's own lines kept aside (a few rules), the
	 * parent copied over it, the child's lines applied; put back as it was
	 * when that fails.  No copy of a whole resolved profile is made. */
	own = malloc(sizeof *own);
	if (own == NULL)
		return err_set(err, "out of memory");
	profile_assign(own, child);
	child = own;
	profile_assign(merged, parent);
	memcpy(merged->name, child->name, sizeof merged->name);
	memcpy(merged->inherits, child->inherits, sizeof merged->inherits);
	if (child->title[0] != '\0')
		memcpy(merged->title, child->title, sizeof merged->title);
	if (child->calendar[0] != '\0')
		memcpy(merged->calendar, child->calendar, sizeof merged->calendar);
	if (child->helpdesk[0] != '\0')
		memcpy(merged->helpdesk, child->helpdesk, sizeof merged->helpdesk);
	if (child->retention_amount != 0) {
		merged->retention_amount = child->retention_amount;
		merged->retention_unit = child->retention_unit;
		memcpy(merged->retention_origin, child->retention_origin,
		       sizeof merged->retention_origin);
		merged->retention_line = child->retention_line;
	}
	/* drops stay listed once resolved: a letter template may still name a
	 * rule a council's profile removed (it has no date there) */
	for (i = 0; i < child->nsources; i++) {
		for (k = 0; k < merged->nsources; k++)
			if (strcmp(merged->sources[k].id, child->sources[i].id) == 0)
				break;
		if (k == PROFILE_SOURCES_MAX) {
			rc = err_set(err, "profile %s: too many sources with its parents", child->name);
			profile_assign(merged, own);
			free(own);
			return rc;
		}
		merged->sources[k] = child->sources[i];
		if (k == merged->nsources)
			merged->nsources++;
	}
	for (i = 0; i < child->ndrops; i++) {
		for (k = 0; k < merged->nrules; k++)
			if (strcmp(merged->rules[k].key, child->drops[i]) == 0)
				break;
		if (k == merged->nrules) {
			rc = err_set(err, "profile %s drops rule %s, which %s does not have",
			               child->name, child->drops[i], parent->name);
			profile_assign(merged, own);
			free(own);
			return rc;
		}
		memmove(&merged->rules[k], &merged->rules[k + 1],
		        (merged->nrules - k - 1) * sizeof merged->rules[0]);
		merged->nrules--;
		if (merged->ndrops < PROFILE_RULES_MAX)
			memcpy(merged->drops[merged->ndrops++], child->drops[i], PROFILE_KEY_MAX);
	}
	for (i = 0; i < child->nrules; i++) {
		for (k = 0; k < merged->nrules; k++)
			if (strcmp(merged->rules[k].key, child->rules[i].key) == 0)
				break;
		if (k < merged->nrules) {
			struct rule *base = &merged->rules[k];
			struct rule_floor fl = base->floor;

			if (!fl.set && base->basis == BASIS_REGULATION) {
				fl.set = true;
				fl.from = base->from;
				memcpy(fl.else_due, base->else_due, sizeof fl.else_due);
				fl.amount = base->amount;
				fl.unit = base->unit;
				fl.extend_on = base->extend_on;
				fl.extend_amount = base->extend_amount;
				fl.extend_unit = base->extend_unit;
				memcpy(fl.source, base->source, sizeof fl.source);
				memcpy(fl.pinpoint, base->pinpoint, sizeof fl.pinpoint);
			}
			profile_override(base, &child->rules[i]);
			if (base->basis == BASIS_CODE)
				fl.set = false; /* the corporate track: the Regulations do not apply */
			base->floor = fl;
			continue;
		}
		if (merged->nrules == PROFILE_RULES_MAX) {
			rc = err_set(err, "profile %s: too many rules with its parents", child->name);
			profile_assign(merged, own);
			free(own);
			return rc;
		}
		merged->rules[merged->nrules++] = child->rules[i];
	}
	rc = profile_check(merged, err);
	if (rc != 0)
		profile_assign(merged, own);
	free(own);
	return rc;
}

int
profile_check(const struct profile *p, struct err *err)
{
	const struct rule *r, *other;
	size_t i, k;

	if (p->calendar[0] == '\0')
		return err_set(err, "profile %s: no holiday calendar named", p->name);
	for (i = 0; i < p->nrules; i++) {
		r = &p->rules[i];
		if (r->from == EV_NONE)
			return err_set(err, "profile %s, rule %s (line %d of %s): no \"from\" event",
			               p->name, r->key, r->line, r->origin);
		if (!(r->set & RULE_SET_WITHIN))
			return err_set(err, "profile %s, rule %s (line %d of %s): no \"within\" or "
			               "\"before\"", p->name, r->key, r->line, r->origin);
		if (r->done == EV_NONE)
			return err_set(err, "profile %s, rule %s (line %d of %s): no \"done\" event",
			               p->name, r->key, r->line, r->origin);
		if (r->source[0] == '\0')
			return err_set(err, "profile %s, rule %s (line %d of %s): no source: every "
			               "rule cites where it comes from", p->name, r->key, r->line,
			               r->origin);
		if (profile_source(p, r->source) == NULL)
			return err_set(err, "profile %s, rule %s (line %d of %s): unknown source \"%s\"",
			               p->name, r->key, r->line, r->origin, r->source);
		/* else-due chains must end: follow them no further than there are rules */
		for (other = r, k = 0; other != NULL && other->else_due[0] != '\0'; k++) {
			const struct rule *next = profile_rule(p, other->else_due);

			if (next == NULL)
				return err_set(err, "profile %s, rule %s (line %d of %s): else-due names "
				               "\"%s\", which is not a rule", p->name, other->key,
				               other->line, other->origin, other->else_due);
			if (k == p->nrules)
				return err_set(err, "profile %s, rule %s: else-due goes round in a "
				               "circle", p->name, r->key);
			other = next;
		}
		if (r->extend_on != EV_NONE && r->amount < 0)
			return err_set(err, "profile %s, rule %s: a notice (\"before\") cannot be "
			               "extended", p->name, r->key);
		if (r->floor.set && r->floor.else_due[0] != '\0' &&
		    profile_rule(p, r->floor.else_due) == NULL)
			return err_set(err, "profile %s, rule %s: the Regulations' date counts from "
			               "rule %s, which the profile dropped", p->name, r->key,
			               r->floor.else_due);
	}
	return 0;
}

/* --- the differences between two profiles ------------------------------------- */

/* "10 working days after received" */
static void
profile_diff_within(const struct rule *r, char *out, size_t n)
{
	int amount = r->amount < 0 ? -r->amount : r->amount;

	snprintf(out, n, "%d %s %s %s", amount, unit_words(r->amount, r->unit),
	         r->amount < 0 ? "before" : "after", event_name(r->from));
}

static void
profile_diff_extend(const struct rule *r, char *out, size_t n)
{
	if (r->extend_on == EV_NONE)
		snprintf(out, n, "none");
	else
		snprintf(out, n, "%d %s once %s", r->extend_amount,
		         unit_words(r->extend_amount, r->extend_unit), event_name(r->extend_on));
}

static void
profile_diff_source(const struct profile *p, const struct rule *r, char *out, size_t n)
{
	const struct profile_source *src = profile_source(p, r->source);

	snprintf(out, n, "%s%s%s", src != NULL ? src->text : r->source, r->pinpoint[0] ? ", " : "",
	         r->pinpoint);
}

/* Appends a difference; -1 out of memory. */
static int
profile_diff_add(struct profile_diff **out, size_t *n, size_t *cap, enum profile_change change,
                 const char *rule, const char *field, const char *was, const char *now)
{
	struct profile_diff *d;

	if (*n == *cap) {
		size_t ncap = *cap ? 2 * *cap : 8;

		if ((d = realloc(*out, ncap * sizeof *d)) == NULL)
			return -1;
		*out = d;
		*cap = ncap;
	}
	d = &(*out)[(*n)++];
	d->change = change;
	snprintf(d->rule, sizeof d->rule, "%s", rule);
	d->field = field;
	snprintf(d->was, sizeof d->was, "%s", was);
	snprintf(d->now, sizeof d->now, "%s", now);
	return 0;
}

int
profile_diff(const struct profile *old, const struct profile *new, struct profile_diff **out,
             size_t *n)
{
	static const char *const fields[] = { "within", "extend", "basis", "source" };
	char a[PROFILE_DIFF_TEXT], b[PROFILE_DIFF_TEXT];
	size_t i, f, cap = 0;

	*out = NULL;
	*n = 0;
	for (i = 0; i < new->nrules; i++) {
		const struct rule *r = &new->rules[i], *o = profile_rule(old, r->key);

		if (o == NULL) {
			profile_diff_within(r, b, sizeof b);
			if (profile_diff_add(out, n, &cap, PROFILE_ADDED, r->key, "", "", b) != 0)
				goto oom;
			continue;
		}
		for (f = 0; f < sizeof fields / sizeof fields[0]; f++) {
			switch (f) {
			case 0:
				profile_diff_within(o, a, sizeof a);
				profile_diff_within(r, b, sizeof b);
				break;
			case 1:
				profile_diff_extend(o, a, sizeof a);
				profile_diff_extend(r, b, sizeof b);
				break;
			case 2:
				snprintf(a, sizeof a, "%s", basis_name(o->basis));
				snprintf(b, sizeof b, "%s", basis_name(r->basis));
				break;
			default:
				profile_diff_source(old, o, a, sizeof a);
				profile_diff_source(new, r, b, sizeof b);
				break;
			}
			if (strcmp(a, b) != 0 &&
			    profile_diff_add(out, n, &cap, PROFILE_CHANGED, r->key, fields[f], a, b) != 0)
				goto oom;
		}
	}
	for (i = 0; i < old->nrules; i++)
		if (profile_rule(new, old->rules[i].key) == NULL &&
		    profile_diff_add(out, n, &cap, PROFILE_REMOVED, old->rules[i].key, "", "", "") != 0)
			goto oom;
	return 0;
oom:
	free(*out);
	*out = NULL;
	*n = 0;
	return -1;
}
