/* cmd-user.c - `redress user enrol|grant|list|passwd|revoke`. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "redress/book.h"
#include "redress/cli.h"
#include "redress/text.h"

static int
cmd_user_list_each(const struct book_user *u, void *ctx)
{
	char login[256], by[256], when[DATE_STRLEN] = "-";

	text_visible(u->login, login, sizeof login);
	text_visible(u->granted_by, by, sizeof by);
	if (u->granted_at != 0)
		date_format(date_from_unix_london((int64_t)u->granted_at), when);
	fprintf(ctx, "%-16s %6u  %-10s %-9s key %-3u %s%s%s\n", login, (unsigned)u->uid,
	       role_name(u->role), u->revoked ? "revoked" : u->granted ? "granted" : "enrolled",
	       (unsigned)u->key_id, when, u->granted ? " by " : "", u->granted ? by : "");
	return 0;
}

static int
cmd_user_exec(const struct cli_cmd *self, const struct cli_env *env, int argc, char **argv)
{
	const char *role = NULL, *pos[2];
	const struct cli_spec spec[] = { { "role", &role, NULL }, { NULL, NULL, NULL } };
	struct book *b = NULL;
	struct err err;
	char *pass, roles[64];
	size_t len;
	int npos, rc, r = 0;

	if ((rc = cli_parse(self, argc, argv, spec, pos, 1, 2, &npos, NULL, NULL)) != CLI_OK)
		return rc;
	if (strcmp(pos[0], "enrol") != 0 && strcmp(pos[0], "grant") != 0 &&
	    strcmp(pos[0], "list") != 0 && strcmp(pos[0], "passwd") != 0 &&
	    strcmp(pos[0], "revoke") != 0)
		return cli_error(CLI_USAGE, "user: expected enrol, grant, list, passwd or revoke, not "
		                 "\"%s\"", pos[0]);
	if ((strcmp(pos[0], "grant") == 0 || strcmp(pos[0], "revoke") == 0) != (npos == 2))
		return cli_error(CLI_USAGE, "user %s: %s", pos[0],
		                 npos == 2 ? "takes no LOGIN" : "which LOGIN?");
	if (strcmp(pos[0], "grant") == 0) {
		vocab_list(VOCAB_USER_ROLE, VOCAB_DESC, roles, sizeof roles);
		if (role == NULL)
			return cli_error(CLI_USAGE, "user grant: --role ROLE is required (%s)", roles);
		if ((r = role_lookup(role)) < 0)
			return cli_error(CLI_USAGE, "user grant: no role \"%s\" (%s)", role, roles);
	} else if (role != NULL)
		return cli_error(CLI_USAGE, "user %s: --role is for grant", pos[0]);
	if ((rc = cli_book_open(env, &b)) != CLI_OK)
		return rc;
	if (strcmp(pos[0], "list") == 0) {
		struct cli_out out;

		if ((rc = cli_out_begin(&out)) == CLI_OK)
			rc = cli_out_end(&out, book_user_list(b, cmd_user_list_each, out.f, &err) != 0
			                           ? cli_report(CLI_FAIL, &err) : CLI_OK);
	} else if (strcmp(pos[0], "enrol") == 0) {
		if (book_readonly(b))
			rc = cli_error(CLI_USAGE, "the book is open read-only: nothing was changed");
		else if (book_enrolled(b))
			rc = cli_error(CLI_USAGE, "%s is already enrolled (to change the passphrase: "
			               "redress user passwd)", book_login(b));
		else if ((rc = cli_passphrase("New passphrase: ", 1, true, &pass, &len)) == CLI_OK) {
			rc = cli_book_status(book_user_enrol(b, pass, len, (enum book_cost)cli_kdf_cost(),
			                                     &err), &err);
			cli_passphrase_free(pass);
			if (rc == CLI_OK)
				printf("enrolled %s; an admin now grants you a role: redress user grant %s "
				       "--role ROLE\n", book_login(b), book_login(b));
		}
	} else if (strcmp(pos[0], "passwd") == 0) {
		if ((rc = cli_book_unlock(b)) == CLI_OK &&
		    (rc = cli_passphrase("New passphrase: ", 2, true, &pass, &len)) == CLI_OK) {
			rc = cli_book_status(book_user_passwd(b, pass, len, (enum book_cost)cli_kdf_cost(),
			                                      &err), &err);
			cli_passphrase_free(pass);
		}
	} else if ((rc = cli_book_unlock(b)) == CLI_OK) {
		if (strcmp(pos[0], "grant") == 0)
			rc = cli_book_status(book_user_grant(b, pos[1], (enum role)r, &err), &err);
		else
			rc = cli_book_status(book_user_revoke(b, pos[1], &err), &err);
		if (rc == CLI_OK && strcmp(pos[0], "revoke") == 0)
			printf("revoked %s and rotated the data key; their old copies of it open "
			       "nothing new\n", pos[1]);
	}
	book_close(&b);
	return rc;
}

const struct cli_cmd cmd_user_entry = {
	.name = "user",
	.usage = "enrol | grant LOGIN --role ROLE | list | passwd | revoke LOGIN",
	.summary = "the book's users: enrol, grant a role and the key, list, passwd, revoke",
	.help = "Users are the Unix accounts that run redress.\n"
	        "enrol: join the book with your own new passphrase (asked twice).\n"
	        "grant LOGIN --role ROLE: (admin) give an enrolled user a role\n"
	        "  ({user-role})\n"
	        "  and the book's data key, sealed to their key pair: the admin never learns\n"
	        "  their passphrase.\n"
	        "list: every user, role and state; needs no passphrase.\n"
	        "passwd: change your passphrase (line 1 of $REDRESS_PASSPHRASE_FILE is the old,\n"
	        "  line 2 the new).\n"
	        "revoke LOGIN: (admin) remove a user and rotate the data key.",
	.exec = cmd_user_exec,
};
