/* template.c - letter templates: parsing {{fields}} against a profile's
 * vocabulary, and filling them from one case.  Pure: the caller reads the
 * file and gathers the case. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/buf.h"
#include "redress/template.h"
#include "redress/text.h"
#include "redress/vocab.h"

#define TEMPLATE_DEPTH_MAX 16
#define TEMPLATE_VALUE_MAX 1024

/* The fields that need no argument, in the order --fields lists them. */
enum tf {
	TF_TODAY, TF_AUTHORITY, TF_REF, TF_RECEIVED, TF_KIND, TF_TEAM, TF_SERVICE, TF_OWNER,
	TF_SUMMARY, TF_REDIRECT, TF_THANKED, TF_ADDRESSEE, TF_ADDRESS, TF_COMPLAINANT, TF_CHILD, TF_STAGE,
	TF_STAGE_DUE, TF_S2_ACCEPTED, TF_S2_REFUSED, TF_S2_REASON, TF_S3_ACCEPTED, TF_S3_REFUSED,
	TF_S3_REASON, TF_DECLINED, TF_DECLINED_REASON, TF_OMB_NAME, TF_OMB_WEBSITE,
	TF_OMB_TELEPHONE, TF_OMB_ADDRESS,
	TF_FIXED,
	/* with an argument */
	TF_EVENT = TF_FIXED, TF_DEADLINE, TF_WITHIN, TF_EXTENDED,
};

static const struct {
	const char *name, *what;
} template_fixed[TF_FIXED] = {
	[TF_TODAY] = { "today", "the letter's date (--date, default today), in words" },
	[TF_AUTHORITY] = { "authority", "the council (\"council\" in the configuration file, "
	                   "else the profile's title)" },
	[TF_REF] = { "case.ref", "the case's reference, e.g. CSC-2026-0042" },
	[TF_RECEIVED] = { "case.received", "the date the contact was received, in words" },
	[TF_KIND] = { "case.kind", "complaint, comment, compliment, concern, request, anonymous "
	              "or redirected" },
	[TF_TEAM] = { "case.team", "the team the case concerns" },
	[TF_SERVICE] = { "case.service", "the service the case concerns" },
	[TF_OWNER] = { "case.owner", "the login of the case's owner" },
	[TF_SUMMARY] = { "case.summary", "the summary, on one line" },
	[TF_REDIRECT] = { "case.redirect_to", "where a redirected contact was sent" },
	[TF_THANKED] = { "case.thanked", "who a compliment thanks" },
	[TF_ADDRESSEE] = { "addressee", "the complainant's name, else the child's" },
	[TF_ADDRESS] = { "addressee.address", "the addressee's postal address, from their "
	                 "contact details, as recorded" },
	[TF_COMPLAINANT] = { "complainant.name", "the (first) complainant's name" },
	[TF_CHILD] = { "child.name", "the (first) child's name" },
	[TF_STAGE] = { "stage", "the stage the complaint is at: Stage 1, Stage 2 or Stage 3" },
	[TF_STAGE_DUE] = { "stage.response_due", "the current stage's response deadline "
	                   "(rule stageN_response, extended if it was), in words" },
	[TF_S2_ACCEPTED] = { "stage2.accepted", "the date a Stage 2 request was accepted" },
	[TF_S2_REFUSED] = { "stage2.refused", "the date a Stage 2 request was refused" },
	[TF_S2_REASON] = { "stage2.reason", "why it was refused" },
	[TF_S3_ACCEPTED] = { "stage3.accepted", "the date a Stage 3 request was accepted" },
	[TF_S3_REFUSED] = { "stage3.refused", "the date a Stage 3 request was refused" },
	[TF_S3_REASON] = { "stage3.reason", "why it was refused" },
	[TF_DECLINED] = { "declined", "the date the complaint was not accepted at receipt" },
	[TF_DECLINED_REASON] = { "declined.reason", "why it was not accepted" },
	[TF_OMB_NAME] = { "ombudsman.name", OMBUDSMAN_NAME },
	[TF_OMB_WEBSITE] = { "ombudsman.website", OMBUDSMAN_WEBSITE },
	[TF_OMB_TELEPHONE] = { "ombudsman.telephone", OMBUDSMAN_TELEPHONE },
	[TF_OMB_ADDRESS] = { "ombudsman.address", OMBUDSMAN_ADDRESS },
};

struct tpl_field {
	int tf;
	enum event_type ev;
	char key[PROFILE_KEY_MAX];
	char name[80];             /* as written, for messages */
};

enum tpl_kind { OP_TEXT, OP_FIELD, OP_IF, OP_ELSE, OP_END };

struct tpl_op {
	enum tpl_kind kind;
	size_t off, len;           /* OP_TEXT: a span of the template's text */
	struct tpl_field f;        /* OP_FIELD, OP_IF */
	unsigned line;
	size_t jump;               /* OP_IF: where a false condition goes; OP_ELSE: past end */
};

struct template {
	char *text;
	char file[256];
	char describe[256];
	struct tpl_op *ops;
	size_t nops, cap;
};

/* --- parsing ------------------------------------------------------------------ */

struct tpl_parser {
	struct template *t;
	const struct profile *p;
	unsigned line;
	struct err *err;
};

static int
tpl_fail(struct tpl_parser *ps, const char *fmt, const char *a)
{
	return err_set_at(ps->err, ps->t->file, ps->line, fmt, a);
}

static struct tpl_op *
tpl_push(struct tpl_parser *ps, enum tpl_kind kind)
{
	struct template *t = ps->t;
	struct tpl_op *op;

	if (buf_grow(&t->ops, &t->cap, t->nops + 1, sizeof *t->ops) != 0) {
		err_set(ps->err, "out of memory");
		return NULL;
	}
	op = &t->ops[t->nops++];
	memset(op, 0, sizeof *op);
	op->kind = kind;
	op->line = ps->line;
	return op;
}

static bool
tpl_rule_known(const struct profile *p, const char *key)
{
	size_t i;

	if (p == NULL)
		return false;
	if (profile_rule(p, key) != NULL)
		return true;
	for (i = 0; i < p->ndrops; i++)
		if (strcmp(p->drops[i], key) == 0)
			return true;
	return false;
}

/* Resolves a field's name against the vocabulary. */
static int
tpl_field(struct tpl_parser *ps, const char *name, size_t n, struct tpl_field *f)
{
	char buf[80], *dot;
	size_t i;

	memset(f, 0, sizeof *f);
	if (n == 0)
		return tpl_fail(ps, "an empty {{}}%s", "");
	snprintf(buf, sizeof buf, "%.*s", (int)(n < sizeof buf ? n : sizeof buf - 1), name);
	snprintf(f->name, sizeof f->name, "%s", buf);
	if (n >= sizeof buf)
		return tpl_fail(ps, "unknown field \"%s...\" (see: redress letter --fields)", buf);
	for (i = 0; i < TF_FIXED; i++)
		if (strcmp(buf, template_fixed[i].name) == 0) {
			f->tf = (int)i;
			return 0;
		}
	if (strncmp(buf, "event.", 6) == 0) {
		enum event_type ev = event_lookup(buf + 6);

		if (ev != EV_NONE && strcmp(event_name(ev), buf + 6) == 0) {
			f->tf = TF_EVENT;
			f->ev = ev;
			return 0;
		}
	} else if (strncmp(buf, "deadline.", 9) == 0 && tpl_rule_known(ps->p, buf + 9)) {
		f->tf = TF_DEADLINE;
		snprintf(f->key, sizeof f->key, "%.39s", buf + 9);
		return 0;
	} else if (strncmp(buf, "rule.", 5) == 0 && (dot = strrchr(buf + 5, '.')) != NULL) {
		*dot = '\0';
		if (tpl_rule_known(ps->p, buf + 5) &&
		    (strcmp(dot + 1, "within") == 0 || strcmp(dot + 1, "extended") == 0)) {
			f->tf = dot[1] == 'w' ? TF_WITHIN : TF_EXTENDED;
			snprintf(f->key, sizeof f->key, "%.39s", buf + 5);
			return 0;
		}
		*dot = '.';
	}
	return tpl_fail(ps, "unknown field \"%s\" (see: redress letter --fields)", buf);
}

/* One tag of a line: [s, e) is what lies between the braces. */
struct tpl_tag {
	size_t start, end;         /* of the whole tag, braces included */
	const char *in;
	size_t inlen;
};

static bool
tpl_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

static bool
tpl_word(const struct tpl_tag *g, const char *w)
{
	size_t n = strlen(w);

	return g->inlen >= n && memcmp(g->in, w, n) == 0 &&
	       (g->inlen == n || g->in[n] == ' ' || g->in[n] == '\t');
}

/* Parses line [s, s+n) that starts at offset off of the text; nl says
 * whether a newline ended it. */
static int
tpl_line(struct tpl_parser *ps, const char *s, size_t n, size_t off, bool nl, size_t *stack,
         size_t *depth)
{
	struct tpl_tag tags[64];
	size_t ntags = 0, i, pos = 0, comments = 0, directives = 0;
	struct tpl_op *op;

	/* find the tags */
	while (pos + 1 < n) {
		const char *open = memchr(s + pos, '{', n - pos - 1), *close;
		struct tpl_tag *g;

		if (open == NULL)
			break;
		if (open[1] != '{') {
			pos = (size_t)(open - s) + 1;
			continue;
		}
		close = NULL;
		for (i = (size_t)(open - s) + 2; i + 1 < n; i++)
			if (s[i] == '}' && s[i + 1] == '}') {
				close = s + i;
				break;
			}
		if (close == NULL)
			return tpl_fail(ps, "{{ without }} on the same line%s", "");
		if (ntags == sizeof tags / sizeof *tags)
			return tpl_fail(ps, "more than 64 {{fields}} on one line%s", "");
		g = &tags[ntags++];
		g->start = (size_t)(open - s);
		g->end = (size_t)(close - s) + 2;
		g->in = open + 2;
		g->inlen = (size_t)(close - open) - 2;
		while (g->inlen > 0 && (*g->in == ' ' || *g->in == '\t')) {
			g->in++;
			g->inlen--;
		}
		while (g->inlen > 0 && (g->in[g->inlen - 1] == ' ' || g->in[g->inlen - 1] == '\t'))
			g->inlen--;
		if (g->inlen > 0 && g->in[0] == '#')
			comments++;
		else if (tpl_word(g, "if") || tpl_word(g, "else") || tpl_word(g, "end"))
			directives++;
		pos = g->end;
	}
	/* a description: the first comment of the file */
	for (i = 0; i < ntags; i++)
		if (tags[i].inlen > 0 && tags[i].in[0] == '#' && ps->t->describe[0] == '\0') {
			const char *d = tags[i].in + 1;
			size_t dn = tags[i].inlen - 1;

			while (dn > 0 && (*d == ' ' || *d == '\t')) {
				d++;
				dn--;
			}
			snprintf(ps->t->describe, sizeof ps->t->describe, "%.*s",
			         (int)(dn < 255 ? dn : 255), d);
		}
	if (directives > 0) {
		const struct tpl_tag *g = &tags[0];

		if (ntags != 1 || !tpl_blank(s, g->start) || !tpl_blank(s + g->end, n - g->end))
			return tpl_fail(ps, "{{if}}, {{else}} and {{end}} stand on a line of their "
			                "own%s", "");
		if (tpl_word(g, "if")) {
			const char *name = g->in + 2;
			size_t nn = g->inlen - 2;

			while (nn > 0 && (*name == ' ' || *name == '\t')) {
				name++;
				nn--;
			}
			if (nn == 0)
				return tpl_fail(ps, "{{if}} needs a field%s", "");
			if (*depth == TEMPLATE_DEPTH_MAX)
				return tpl_fail(ps, "{{if}} nested too deep%s", "");
			if ((op = tpl_push(ps, OP_IF)) == NULL || tpl_field(ps, name, nn, &op->f) != 0)
				return -1;
			stack[(*depth)++] = ps->t->nops - 1;
			return 0;
		}
		if (g->inlen != (tpl_word(g, "else") ? 4u : 3u))
			return tpl_fail(ps, "{{%s}} takes nothing after it", tpl_word(g, "else") ? "else"
			                                                                        : "end");
		if (*depth == 0)
			return tpl_fail(ps, "{{%s}} without {{if}}", tpl_word(g, "else") ? "else" : "end");
		if (tpl_word(g, "else")) {
			struct tpl_op *cond = &ps->t->ops[stack[*depth - 1]];

			if (cond->kind != OP_IF)
				return tpl_fail(ps, "a second {{else}} for one {{if}}%s", "");
			if ((op = tpl_push(ps, OP_ELSE)) == NULL)
				return -1;
			cond = &ps->t->ops[stack[*depth - 1]];
			cond->jump = ps->t->nops;
			stack[*depth - 1] = ps->t->nops - 1;
			return 0;
		}
		if ((op = tpl_push(ps, OP_END)) == NULL)
			return -1;
		ps->t->ops[stack[--*depth]].jump = ps->t->nops;
		return 0;
	}
	/* a line of nothing but comments disappears, newline and all */
	if (comments > 0 && comments == ntags) {
		size_t at = 0;

		for (i = 0; i < ntags; i++) {
			if (!tpl_blank(s + at, tags[i].start - at))
				break;
			at = tags[i].end;
		}
		if (i == ntags && tpl_blank(s + at, n - at))
			return 0;
	}
	pos = 0;
	for (i = 0; i <= ntags; i++) {
		size_t upto = i < ntags ? tags[i].start : n;

		if (upto > pos) {
			if ((op = tpl_push(ps, OP_TEXT)) == NULL)
				return -1;
			op->off = off + pos;
			op->len = upto - pos;
		}
		if (i == ntags)
			break;
		pos = tags[i].end;
		if (tags[i].inlen > 0 && tags[i].in[0] == '#')
			continue;
		if ((op = tpl_push(ps, OP_FIELD)) == NULL ||
		    tpl_field(ps, tags[i].in, tags[i].inlen, &op->f) != 0)
			return -1;
	}
	if (nl) {
		if ((op = tpl_push(ps, OP_TEXT)) == NULL)
			return -1;
		op->off = off + n;  /* the newline itself */
		op->len = 1;
	}
	return 0;
}

/* Valid UTF-8 with no control or invisible character but tab, newline, and
 * a carriage return before a newline (dropped). */
static int
tpl_check_text(struct tpl_parser *ps, const char *text, size_t len)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t i = 0;
	uint32_t cp;
	int n;

	ps->line = 1;
	while (i < len) {
		if ((n = text_utf8_decode(u + i, len - i, &cp)) == 0)
			return tpl_fail(ps, "not valid UTF-8%s", "");
		if (cp == '\n')
			ps->line++;
		else if (cp == '\r' && i + 1 < len && u[i + 1] == '\n')
			;
		else if (cp != '\t' && text_unsafe_codepoint(cp)) {
			char what[16];

			snprintf(what, sizeof what, "U+%04X", (unsigned)cp);
			return tpl_fail(ps, "a control or invisible character (%s)", what);
		}
		i += (size_t)n;
	}
	return 0;
}

int
template_parse(const char *text, size_t len, const char *file, const struct profile *p,
               struct template **out, struct err *err)
{
	struct tpl_parser ps;
	struct template *t;
	size_t stack[TEMPLATE_DEPTH_MAX], depth = 0, off = 0, k, w = 0;
	unsigned if_line = 0;

	*out = NULL;
	if (len > TEMPLATE_MAX)
		return err_set(err, "%s: larger than %d bytes", file, TEMPLATE_MAX);
	if ((t = calloc(1, sizeof *t)) == NULL || (t->text = malloc(len + 1)) == NULL) {
		free(t);
		return err_set(err, "out of memory");
	}
	snprintf(t->file, sizeof t->file, "%s", file);
	ps.t = t;
	ps.p = p;
	ps.err = err;
	if (tpl_check_text(&ps, text, len) != 0)
		goto fail;
	/* the text without carriage returns: ops point into it */
	for (k = 0; k < len; k++)
		if (!(text[k] == '\r' && k + 1 < len && text[k + 1] == '\n'))
			t->text[w++] = text[k];
	t->text[w] = '\0';
	len = w;
	ps.line = 1;
	while (off < len) {
		const char *nl = memchr(t->text + off, '\n', len - off);
		size_t n = nl != NULL ? (size_t)(nl - (t->text + off)) : len - off;
		size_t before = depth;

		if (tpl_line(&ps, t->text + off, n, off, nl != NULL, stack, &depth) != 0)
			goto fail;
		if (depth > before && depth == 1)
			if_line = ps.line;
		off += n + (nl != NULL);
		ps.line++;
	}
	if (depth > 0) {
		ps.line = if_line;
		tpl_fail(&ps, "{{if}} without {{end}}%s", "");
		goto fail;
	}
	*out = t;
	return 0;
fail:
	template_free(&t);
	return -1;
}

void
template_free(struct template **t)
{
	if (t == NULL || *t == NULL)
		return;
	free((*t)->text);
	free((*t)->ops);
	free(*t);
	*t = NULL;
}

const char *
template_describe(const struct template *t)
{
	return t->describe;
}

/* --- filling ------------------------------------------------------------------ */

static bool
tpl_has(const char *s)
{
	return s != NULL && *s != '\0';
}

static const struct wf_event *
tpl_latest(const struct template_case *c, enum event_type ev)
{
	size_t i;

	for (i = c->nevents; i > 0; i--)
		if (c->events[i - 1].type == ev)
			return &c->events[i - 1];
	return NULL;
}

static const struct deadline *
tpl_deadline(const struct template_case *c, const char *key)
{
	size_t i;

	for (i = 0; i < c->ndeadlines; i++)
		if (strcmp(c->deadlines[i].rule->key, key) == 0)
			return &c->deadlines[i];
	return NULL;
}

static bool
tpl_deadline_value(const struct template_case *c, const char *key, char *v, size_t n, char *why,
                   size_t wn)
{
	const struct deadline *d = tpl_deadline(c, key);

	if (d != NULL) {
		date_format_long(d->due, v, (unsigned)n);
		return true;
	}
	if (c->profile == NULL || profile_rule(c->profile, key) == NULL)
		snprintf(why, wn, "profile %s has no rule %s",
		         c->profile != NULL ? c->profile->name : "(none)", key);
	else
		snprintf(why, wn, "its clock has not started on this case (rule %s)", key);
	return false;
}

/* A decision on a Stage 2 or 3 request: which says accepted or refused. */
static bool
tpl_decision(const struct template_case *c, enum event_type ev, int want, bool reason, char *v,
             size_t n, char *why, size_t wn)
{
	const struct wf_event *e = tpl_latest(c, ev);
	int stage = ev == EV_STAGE2_DECISION_SENT ? 2 : 3;

	if (e == NULL || e->decision != (enum decision)want) {
		snprintf(why, wn, "the Stage %d request was %s", stage,
		         vocab_label(VOCAB_DECISION, e == NULL                         ? DECISION_NONE
		                                     : e->decision == DECISION_ACCEPTED ? DECISION_ACCEPTED
		                                                                       : DECISION_REFUSED));
		return false;
	}
	if (reason)
		snprintf(v, n, "%s", refusal_describe(e->reason));
	else
		date_format_long(e->date, v, (unsigned)n);
	return true;
}

/* The value of f for case c into v; false (and why) when it has none. */
static bool
tpl_value(const struct tpl_field *f, const struct template_case *c, char *v, size_t n, char *why,
          size_t wn)
{
	const char *s = NULL;
	const struct wf_event *e;
	const struct rule *r;
	char key[PROFILE_KEY_MAX];

	v[0] = '\0';
	why[0] = '\0';
	switch (f->tf) {
	case TF_TODAY: date_format_long(c->date, v, (unsigned)n); return true;
	case TF_RECEIVED: date_format_long(c->received, v, (unsigned)n); return true;
	case TF_AUTHORITY: s = c->authority; break;
	case TF_REF: s = c->ref; break;
	case TF_KIND: s = route_name(c->route); break;
	case TF_TEAM: s = c->team; break;
	case TF_SERVICE: s = c->service; break;
	case TF_OWNER: s = c->owner; break;
	case TF_SUMMARY: s = c->summary; break;
	case TF_REDIRECT: s = c->redirect_to; break;
	case TF_THANKED: s = c->thanked; break;
	case TF_COMPLAINANT: s = c->complainant; break;
	case TF_CHILD: s = c->child; break;
	case TF_ADDRESSEE: s = tpl_has(c->complainant) ? c->complainant : c->child; break;
	case TF_ADDRESS:
		if (!tpl_has(c->address)) {
			snprintf(why, wn, "no postal address is recorded for the addressee (redress "
			         "person contact ID --address)");
			return false;
		}
		s = c->address;
		break;
	case TF_OMB_NAME: s = OMBUDSMAN_NAME; break;
	case TF_OMB_WEBSITE: s = OMBUDSMAN_WEBSITE; break;
	case TF_OMB_TELEPHONE: s = OMBUDSMAN_TELEPHONE; break;
	case TF_OMB_ADDRESS: s = OMBUDSMAN_ADDRESS; break;
	case TF_STAGE:
	case TF_STAGE_DUE:
		if (c->route != ROUTE_COMPLAINT || c->stage < 1 || c->stage > 3) {
			snprintf(why, wn, "the case is not at a stage of the procedure");
			return false;
		}
		if (f->tf == TF_STAGE) {
			snprintf(v, n, "Stage %d", c->stage);
			return true;
		}
		snprintf(key, sizeof key, "stage%d_response", c->stage);
		return tpl_deadline_value(c, key, v, n, why, wn);
	case TF_S2_ACCEPTED:
		return tpl_decision(c, EV_STAGE2_DECISION_SENT, DECISION_ACCEPTED, false, v, n, why, wn);
	case TF_S2_REFUSED:
		return tpl_decision(c, EV_STAGE2_DECISION_SENT, DECISION_REFUSED, false, v, n, why, wn);
	case TF_S2_REASON:
		return tpl_decision(c, EV_STAGE2_DECISION_SENT, DECISION_REFUSED, true, v, n, why, wn);
	case TF_S3_ACCEPTED:
		return tpl_decision(c, EV_STAGE3_DECISION_SENT, DECISION_ACCEPTED, false, v, n, why, wn);
	case TF_S3_REFUSED:
		return tpl_decision(c, EV_STAGE3_DECISION_SENT, DECISION_REFUSED, false, v, n, why, wn);
	case TF_S3_REASON:
		return tpl_decision(c, EV_STAGE3_DECISION_SENT, DECISION_REFUSED, true, v, n, why, wn);
	case TF_DECLINED:
	case TF_DECLINED_REASON:
		if ((e = tpl_latest(c, EV_DECLINED)) == NULL) {
			snprintf(why, wn, "the case was not declined");
			return false;
		}
		if (f->tf == TF_DECLINED)
			date_format_long(e->date, v, (unsigned)n);
		else
			snprintf(v, n, "%s", refusal_describe(e->reason));
		return true;
	case TF_EVENT:
		if ((e = tpl_latest(c, f->ev)) == NULL) {
			snprintf(why, wn, "no \"%s\" on the timeline", event_describe(f->ev));
			return false;
		}
		date_format_long(e->date, v, (unsigned)n);
		return true;
	case TF_DEADLINE:
		return tpl_deadline_value(c, f->key, v, n, why, wn);
	case TF_WITHIN:
	case TF_EXTENDED:
		if (c->profile == NULL || (r = profile_rule(c->profile, f->key)) == NULL) {
			snprintf(why, wn, "profile %s has no rule %s",
			         c->profile != NULL ? c->profile->name : "(none)", f->key);
			return false;
		}
		if (f->tf == TF_EXTENDED && r->extend_on == EV_NONE) {
			snprintf(why, wn, "rule %s has no extension", f->key);
			return false;
		}
		{
			int a = f->tf == TF_WITHIN ? r->amount : r->extend_amount;
			enum unit u = f->tf == TF_WITHIN ? r->unit : r->extend_unit;

			a = a < 0 ? -a : a;
			snprintf(v, n, "%d %s", a, unit_words(a, u));
		}
		return true;
	default:
		snprintf(why, wn, "not a field");
		return false;
	}
	if (!tpl_has(s)) {
		snprintf(why, wn, "the case has none");
		return false;
	}
	snprintf(v, n, "%s", s);
	return true;
}

struct tpl_buf {
	char *s;
	size_t len, cap;
};

static int
tpl_put(struct tpl_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		char *ns;

		while (b->len + n + 1 > cap)
			cap *= 2;
		/* not realloc: the old block, which names people, is wiped first */
		if ((ns = malloc(cap)) == NULL)
			return -1;
		if (b->s != NULL)
			memcpy(ns, b->s, b->len + 1);
		text_free_wiped(b->s, b->cap);
		b->s = ns;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
	return 0;
}

/* A value from the case, on one line and made safe: newlines and tabs
 * become spaces, every other control is shown as an escape.  With lines
 * (a postal address), a newline stays one: each line is made safe alone. */
static int
tpl_put_value(struct tpl_buf *b, char *v, bool lines)
{
	char one[1], *nl;
	size_t i, n;
	char *safe;
	int rc;

	if (lines && (nl = strchr(v, '\n')) != NULL) {
		*nl = '\0';
		if (tpl_put_value(b, v, false) != 0 || tpl_put(b, "\n", 1) != 0)
			return -1;
		return tpl_put_value(b, nl + 1, true);
	}
	for (i = 0; v[i] != '\0'; i++)
		if (v[i] == '\n' || v[i] == '\t' || v[i] == '\r')
			v[i] = ' ';
	/* as long as the escapes need: a summary of backslashes is not cut */
	n = text_visible(v, one, sizeof one) + 1;
	if ((safe = malloc(n)) == NULL)
		return -1;
	text_visible(v, safe, n);
	rc = tpl_put(b, safe, strlen(safe));
	text_free_wiped(safe, n);
	return rc;
}

int
template_fill(const struct template *t, const struct template_case *c, char **out, size_t *len,
              struct err *err)
{
	struct tpl_buf b = { NULL, 0, 0 };
	char *v, why[256];
	size_t i = 0;

	*out = NULL;
	*len = 0;
	if ((v = malloc(TEMPLATE_VALUE_MAX * 4)) == NULL || tpl_put(&b, "", 0) != 0) {
		free(v);
		return err_set(err, "out of memory");
	}
	while (i < t->nops) {
		const struct tpl_op *op = &t->ops[i];

		switch (op->kind) {
		case OP_TEXT:
			if (tpl_put(&b, t->text + op->off, op->len) != 0)
				goto oom;
			i++;
			break;
		case OP_FIELD:
			if (!tpl_value(&op->f, c, v, TEMPLATE_VALUE_MAX * 4, why, sizeof why)) {
				err_set(err, "%s:%u: {{%s}} has no value for %s: %s", t->file, op->line,
				        op->f.name, tpl_has(c->ref) ? c->ref : "this case", why);
				goto fail;
			}
			if (tpl_put_value(&b, v, op->f.tf == TF_ADDRESS) != 0)
				goto oom;
			i++;
			break;
		case OP_IF:
			i = tpl_value(&op->f, c, v, TEMPLATE_VALUE_MAX * 4, why, sizeof why) ? i + 1
			                                                                  : op->jump;
			break;
		case OP_ELSE:
			i = op->jump;  /* the true branch ends here */
			break;
		case OP_END:
			i++;
			break;
		}
	}
	text_free_wiped(v, TEMPLATE_VALUE_MAX * 4);
	*out = b.s;
	*len = b.len;
	return 0;
oom:
	err_set(err, "out of memory");
fail:
	text_free_wiped(v, TEMPLATE_VALUE_MAX * 4);
	text_free_wiped(b.s, b.cap);
	return -1;
}

/* --- the vocabulary ----------------------------------------------------------- */

int
template_fields(const struct profile *p, int (*each)(const char *, const char *, void *),
                void *ctx)
{
	char name[PROFILE_KEY_MAX + 32], what[256];
	size_t i;
	int rc, ev;

	for (i = 0; i < TF_FIXED; i++)
		if ((rc = each(template_fixed[i].name, template_fixed[i].what, ctx)) != 0)
			return rc;
	for (ev = EV_NONE + 1; ev < EV_COUNT; ev++) {
		snprintf(name, sizeof name, "event.%s", event_name((enum event_type)ev));
		snprintf(what, sizeof what, "the date of the latest \"%s\", in words",
		         event_describe((enum event_type)ev));
		if ((rc = each(name, what, ctx)) != 0)
			return rc;
	}
	if (p == NULL)
		return 0;
	for (i = 0; i < p->nrules; i++) {
		const struct rule *r = &p->rules[i];

		snprintf(name, sizeof name, "deadline.%s", r->key);
		snprintf(what, sizeof what, "%s: the deadline, in words", r->label);
		if ((rc = each(name, what, ctx)) != 0)
			return rc;
		snprintf(name, sizeof name, "rule.%s.within", r->key);
		snprintf(what, sizeof what, "%s: its time, e.g. \"10 working days\"", r->label);
		if ((rc = each(name, what, ctx)) != 0)
			return rc;
		if (r->extend_on != EV_NONE) {
			snprintf(name, sizeof name, "rule.%s.extended", r->key);
			snprintf(what, sizeof what, "%s: its time once extended", r->label);
			if ((rc = each(name, what, ctx)) != 0)
				return rc;
		}
	}
	for (i = 0; i < p->ndrops; i++) {
		snprintf(name, sizeof name, "deadline.%s", p->drops[i]);
		snprintf(what, sizeof what, "dropped by profile %s: never has a value", p->name);
		if ((rc = each(name, what, ctx)) != 0)
			return rc;
	}
	return 0;
}
