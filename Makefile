# redress - a terminal case book for children's social care complaints
# See README.md for what each target does.

include config.mk

# Debian packages that a fresh machine lacks; `make deps` installs them.
# To build: a compiler and the three libraries.  To test (`make check`):
# cmocka, tmux for the screen tests, mandoc for the manual pages, and for
# the deployment test, which runs as root only, an ssh server and client and
# setfacl (on a machine that is not a container, installing openssh-server
# starts sshd).  The rest the tests call (useradd, setpriv, runuser, diff,
# find, stat) is in every Debian.
BUILD_PKGS = gcc make pkg-config libncurses-dev liblmdb-dev libsodium-dev
DEB_PKGS_ROOT = openssh-server openssh-client acl
DEB_PKGS = $(BUILD_PKGS) libcmocka-dev tmux mandoc $(DEB_PKGS_ROOT)

LIB_SRC  = $(wildcard src/core/*.c src/store/*.c src/vault/*.c src/book/*.c \
                      src/cli/*.c src/tui/*.c)
MAIN_SRC = src/main.c
TEST_SRC = $(wildcard tests/core/test_*.c tests/vault/test_*.c tests/store/test_*.c tests/book/test_*.c)
MAN      = man/redress.1 man/redress-profile.5 man/redress-holidays.5 man/redress-template.5

OBJ      = $(LIB_SRC:%.c=build/obj/%.o)
SAN_OBJ  = $(LIB_SRC:%.c=build/san/%.o)
TESTS    = $(TEST_SRC:tests/%.c=build/obj/tests/%)
SAN_TESTS= $(TEST_SRC:tests/%.c=build/san/tests/%)

# Objects are rebuilt when the compiler flags change (make check adds -Werror).
FLAGS = $(CC) $(RD_CPPFLAGS) $(RD_CFLAGS) $(WERROR)
$(shell mkdir -p build && echo '$(FLAGS)' | cmp -s - build/flags || echo '$(FLAGS)' > build/flags)

all: options redress

options:
	@echo redress build options:
	@echo "CFLAGS   = $(RD_CFLAGS)"
	@echo "LDFLAGS  = $(RD_LDFLAGS)"
	@echo "CC       = $(CC)"

# Each object depends on the headers it includes (-MMD writes them to its .d).
build/obj/%.o: %.c config.mk build/flags | build/libs-ok
	@mkdir -p $(@D)
	$(CC) $(RD_CPPFLAGS) $(RD_CFLAGS) $(WERROR) -MMD -MP -c -o $@ $<

build/san/%.o: %.c config.mk build/flags | build/libs-ok
	@mkdir -p $(@D)
	$(CC) $(RD_CPPFLAGS) $(RD_CFLAGS) $(WERROR) $(SAN_FLAGS) -O1 -MMD -MP -c -o $@ $<

-include $(wildcard build/obj/src/*.d build/obj/src/*/*.d build/san/src/*.d build/san/src/*/*.d \
                    build/obj/tests/*/*.d build/san/tests/*/*.d)

# Before the first compiler error about <lmdb.h>: which headers are missing,
# which Debian packages hold them, and that `make deps` installs them.
LIB_HEADERS = lmdb.h:liblmdb-dev sodium.h:libsodium-dev curses.h:libncurses-dev
TEST_HEADERS = cmocka.h:libcmocka-dev
HAVE_HEADERS = miss=; for hp in $$want; do h=$${hp%%:*}; \
	printf '\043include <stdarg.h>\n\043include <stddef.h>\n\043include <setjmp.h>\n\043include <stdint.h>\n\043include <%s>\n' $$h | \
	$(CC) $(RD_CPPFLAGS) $(RD_CFLAGS) $(CMOCKA_CFLAGS) -E -x c - >/dev/null 2>&1 || miss="$$miss $${hp\#*:}"; done; \
	if [ -n "$$miss" ]; then \
	echo "redress: cannot build: missing$$miss (Debian packages; on another system, the"; \
	echo "redress: libraries' development headers). As root, 'make deps' installs them."; exit 1; fi

build/libs-ok: config.mk
	@mkdir -p build; command -v $(CC) >/dev/null || \
		{ echo "redress: cannot build: no C compiler ($(CC)); as root, 'make deps' installs gcc"; exit 1; }
	@want="$(LIB_HEADERS)"; $(HAVE_HEADERS)
	@touch $@

build/tests-ok: config.mk | build/libs-ok
	@want="$(TEST_HEADERS)"; $(HAVE_HEADERS)
	@touch $@

build/obj/libredress.a: $(OBJ)
	rm -f $@ && ar rcs $@ $(OBJ)

build/san/libredress.a: $(SAN_OBJ)
	rm -f $@ && ar rcs $@ $(SAN_OBJ)

redress: build/obj/src/main.o build/obj/libredress.a
	$(CC) -o $@ build/obj/src/main.o build/obj/libredress.a $(RD_LDFLAGS) $(RD_LIBS)

build/san/redress: build/san/src/main.o build/san/libredress.a
	$(CC) $(SAN_FLAGS) -o $@ build/san/src/main.o build/san/libredress.a $(RD_LDFLAGS) $(RD_LIBS)

build/obj/tests/%: tests/%.c build/obj/libredress.a tests/testutil.h | build/tests-ok
	@mkdir -p $(@D)
	$(CC) $(RD_CPPFLAGS) -Itests $(RD_CFLAGS) $(CMOCKA_CFLAGS) $(WERROR) -MMD -MP -o $@ $< \
		build/obj/libredress.a $(RD_LDFLAGS) $(CMOCKA_LIBS) $(RD_LIBS)

build/san/tests/%: tests/%.c build/san/libredress.a tests/testutil.h | build/tests-ok
	@mkdir -p $(@D)
	$(CC) $(RD_CPPFLAGS) -Itests $(RD_CFLAGS) $(CMOCKA_CFLAGS) $(WERROR) $(SAN_FLAGS) -O1 -MMD -MP -o $@ $< \
		build/san/libredress.a $(RD_LDFLAGS) $(CMOCKA_LIBS) $(RD_LIBS)

# --- dependencies -----------------------------------------------------------

# Prints the names of missing Debian packages (empty when all is there).
MISSING = for p in $$pkgs; do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
	grep -q 'install ok installed' || printf '%s ' $$p; done

deps:
	@pkgs="$(DEB_PKGS)"; missing=`$(MISSING)`; \
	if [ -z "$$missing" ]; then echo "deps: all present"; exit 0; fi; \
	cmd="apt-get update && apt-get install -y --no-install-recommends $$missing"; \
	if [ "`id -u`" = 0 ]; then \
		echo "deps: installing $$missing"; \
		DEBIAN_FRONTEND=noninteractive sh -c "$$cmd" || exit 1; \
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then \
		echo "deps: installing $$missing (sudo)"; \
		sudo DEBIAN_FRONTEND=noninteractive sh -c "$$cmd" || exit 1; \
	else \
		echo "deps: missing packages; as root run:"; echo "  $$cmd"; exit 1; \
	fi

# Calls `make deps` only when something is missing, so an installed machine
# never waits for apt.  (Not root, the deployment test is skipped: what only
# it needs is not asked for.)
deps-ok:
	@if ! command -v dpkg-query >/dev/null; then exit 0; fi; \
	pkgs="$(DEB_PKGS)"; [ "`id -u`" = 0 ] || pkgs="$(filter-out $(DEB_PKGS_ROOT),$(DEB_PKGS))"; \
	missing=`$(MISSING)`; [ -z "$$missing" ] || $(MAKE) deps

# --- the two commands the README gives ------------------------------------

# The demo: a book of made-up cases in build/demo (made once), then the client.
DEMO = build/demo

run: deps-ok
	@$(MAKE) --no-print-directory redress
	@if [ ! -f $(DEMO)/data.mdb ]; then mkdir -p build && \
		REDRESS_SHARE=$(CURDIR)/share ./redress demo $(DEMO) --cases 300; fi
	@echo "The demo book's passphrase is: demo passphrase"
	REDRESS_SHARE=$(CURDIR)/share ./redress -d $(DEMO) $(ARGS)

# make check builds with -Werror, then runs every test below as a target of
# its own, CHECK_JOBS at a time (unless make was given -j: then as many as
# that), each one's output held until it ends (-Otarget), so the log reads
# test by test.  -k runs them all: a failing test's FAIL lines are in its
# output and make names its target (check/...); "check: all passed" comes
# only when every one passed.  Each test has its own scratch directory and
# tmux socket, and makes Unix users of its own, so tests run side by side.
CHECK_JOBS = 2
CHECK_J = $(if $(filter -j%,$(MAKEFLAGS)),,-j$(CHECK_JOBS))

check: deps-ok
	@$(MAKE) --no-print-directory $(CHECK_J) WERROR=-Werror check-build
	@$(MAKE) --no-print-directory $(CHECK_J) -k -Otarget WERROR=-Werror check-run

check-build: redress build/san/redress $(TESTS) $(SAN_TESTS) build/obj/bench build/obj/bench_book build/obj/bench_cases build/obj/bench_tui build/obj/bench_import

# The tests, each a target: check/unit/..., check/cli/FILE.t (./redress),
# check/cli-san/FILE.t (build/san/redress), check/valgrind/FILE.t,
# check/screen/FILE.sh and check/screen-san/FILE.sh, check/sh/....  A new
# tests/cli/*.t or tests/tui/screen-*.sh is picked up by its name.
# (make starts them in the order of CHECKS: the longest first, below)
CLI_T       = $(wildcard tests/cli/*.t)
SCREENS     = $(wildcard tests/tui/screen-*.sh)
# screen-crash kills the client with signals a sanitizer would report
SCREENS_SAN = $(filter-out tests/tui/screen-crash.sh,$(SCREENS))
CHECK_SH    = check/sh/deploy/sshd.sh check/sh/book/multiuser.sh check/sh/book/restrict.sh check/sh/book/reader.sh
# Valgrind over the CLI tests, a target each (below).  What a check only
# looks at (a fixture's steps, the case before and after) runs unwrapped
# (redress_unwrapped in tests/cli/run.sh): valgrind sees those commands in
# the tests of their own.  The two made of hundreds of commands each under
# test (case, letter: minutes each under valgrind, and run under ASan and
# UBSan) give way to the unit tests of the code only they reach: the report,
# templates, letters, CSV.
VALGRIND = valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=9
VALGRIND_SKIP = tests/cli/case.t tests/cli/letter.t
VALGRIND_UNITS = build/obj/tests/book/test_report build/obj/tests/book/test_letter \
	build/obj/tests/core/test_template build/obj/tests/core/test_csv

CHECK_VALGRIND = $(if $(shell command -v valgrind),check/valgrind/units \
	$(filter-out $(VALGRIND_SKIP:tests/cli/%=check/valgrind/%),$(CLI_T:tests/cli/%=check/valgrind/%)),check/valgrind-missing)
CHECKS_ALL = $(CHECK_VALGRIND) $(CHECK_SH) \
	$(SCREENS_SAN:tests/tui/%=check/screen-san/%) $(SCREENS:tests/tui/%=check/screen/%) \
	$(CLI_T:tests/cli/%=check/cli-san/%) $(CLI_T:tests/cli/%=check/cli/%) \
	$(SAN_TESTS:build/%=check/unit/%) $(TESTS:build/%=check/unit/%) \
	check-readme check-fuzz check-man check-layers
# The longest (CPU, measured) start first, so that the last minutes run two
# short ones at a time rather than one long one alone; sshd.sh and reader.sh
# mostly wait, and check-fuzz runs its six targets one after another (30 s
# at least): early, beside the others, not last.
CHECK_LONG = check/cli-san/case.t check/valgrind/retention.t \
	check/sh/deploy/sshd.sh check/cli-san/letter.t check/valgrind/import.t \
	check/valgrind/versions.t check-fuzz check/valgrind/adjust.t \
	check/valgrind/search.t check/valgrind/equality.t check/valgrind/correct.t \
	check/cli-san/report.t check/valgrind/history.t check/valgrind/options.t \
	check/valgrind/contact.t check/sh/book/reader.sh check/valgrind/ombudsman.t \
	check/valgrind/party-edit.t
CHECKS = $(foreach c,$(CHECK_LONG),$(filter $(c),$(CHECKS_ALL))) \
	$(filter-out $(CHECK_LONG),$(CHECKS_ALL))

check-run: $(CHECKS)
	@echo "check: all passed"

# (no file of these names is ever made: they always run)
# (each says what it runs, then its output)
check/unit/%: build/%
	REDRESS_SHARE=$(CURDIR)/share REDRESS_SEEDS=$(CURDIR)/tests/seeds ./build/$* || \
		{ echo "unit: FAILED build/$*"; exit 1; }
check/cli/%.t: tests/cli/%.t redress
	REDRESS=./redress sh tests/cli/run.sh $<
check/cli-san/%.t: tests/cli/%.t build/san/redress
	REDRESS=./build/san/redress sh tests/cli/run.sh $<
check/screen/%.sh: tests/tui/%.sh redress
	REDRESS=./redress sh $<
check/screen-san/%.sh: tests/tui/%.sh build/san/redress
	REDRESS=./build/san/redress sh $<
check/sh/book/%.sh: tests/book/%.sh redress
	REDRESS=./redress REDRESS_SHARE=$(CURDIR)/share sh $<
# (as root, with sshd: the documented deployment on a real sshd)
check/sh/deploy/sshd.sh: tests/deploy/sshd.sh redress
	sh tests/deploy/sshd.sh

check-valgrind: $(CHECK_VALGRIND)
check/valgrind/units: $(VALGRIND_UNITS)
	@for t in $(VALGRIND_UNITS); do REDRESS_SHARE=$(CURDIR)/share $(VALGRIND) ./$$t >/dev/null || \
		{ echo "valgrind: FAILED $$t"; exit 1; }; done; echo "valgrind: unit tests clean"
check/valgrind/%.t: tests/cli/%.t redress
	REDRESS_WRAP="$(VALGRIND)" sh tests/cli/run.sh $<
check/valgrind-missing:
	@echo "valgrind: not installed, skipped"

# Every example of README.md and of redress(1)'s EXAMPLES, run as written.
check-readme:
	REDRESS=./redress sh tests/readme.sh

# The manual's lists of kinds, channels, roles and codes are the tables'.
check-man: build/obj/tests/man/vocab-list
	@for m in $(MAN); do mandoc -Tlint -W warning $$m || exit 1; done
	@echo "man: mandoc -Tlint clean"
	@sh tests/man/vocab.sh build/obj/tests/man/vocab-list $(MAN)

# Only store/ may include lmdb.h, vault/ sodium.h, tui/ curses; core/ no I/O.
check-layers:
	@sh tests/layers.sh

# --- install ----------------------------------------------------------------

install: redress
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANPREFIX)/man1 $(DESTDIR)$(MANPREFIX)/man5
	mkdir -p $(DESTDIR)$(SHAREDIR)/profiles $(DESTDIR)$(SHAREDIR)/holidays $(DESTDIR)$(SHAREDIR)/examples
	mkdir -p $(DESTDIR)$(SHAREDIR)/templates
	cp -f share/examples/* $(DESTDIR)$(SHAREDIR)/examples/
	cp -f redress $(DESTDIR)$(PREFIX)/bin/redress
	chmod 755 $(DESTDIR)$(PREFIX)/bin/redress
	cp -f share/profiles/* $(DESTDIR)$(SHAREDIR)/profiles/
	cp -f share/holidays/* $(DESTDIR)$(SHAREDIR)/holidays/
	chmod 644 $(DESTDIR)$(SHAREDIR)/profiles/* $(DESTDIR)$(SHAREDIR)/holidays/*
	cp -f share/templates/* $(DESTDIR)$(SHAREDIR)/templates/
	chmod 644 $(DESTDIR)$(SHAREDIR)/templates/*
	chmod 755 $(DESTDIR)$(SHAREDIR)/examples/setup.sh $(DESTDIR)$(SHAREDIR)/examples/redress-login
	cp -f share/examples/redress-login $(DESTDIR)$(PREFIX)/bin/redress-login
	chmod 755 $(DESTDIR)$(PREFIX)/bin/redress-login
	@# the manual pages carry the version in their footer (.Os)
	for m in $(MAN); do s=$${m##*.}; sed 's/^\.Os$$/.Os redress $(VERSION)/' < $$m \
		> $(DESTDIR)$(MANPREFIX)/man$$s/$${m##*/} && chmod 644 $(DESTDIR)$(MANPREFIX)/man$$s/$${m##*/} || exit 1; done

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/redress $(DESTDIR)$(MANPREFIX)/man1/redress.1 \
		$(DESTDIR)$(MANPREFIX)/man5/redress-profile.5 $(DESTDIR)$(MANPREFIX)/man5/redress-holidays.5
	rm -f $(DESTDIR)$(MANPREFIX)/man5/redress-template.5 $(DESTDIR)$(PREFIX)/bin/redress-login
	rm -rf $(DESTDIR)$(SHAREDIR)

# A source tarball of the last commit: redress-VERSION.tar.gz.
dist:
	git archive --format=tar.gz --prefix=redress-$(VERSION)/ -o redress-$(VERSION).tar.gz HEAD
	@echo "dist: redress-$(VERSION).tar.gz (the last commit; uncommitted changes are not in it)"

build/obj/bench: tests/bench/bench.c build/obj/libredress.a
	$(CC) $(RD_CPPFLAGS) $(RD_CFLAGS) $(WERROR) -o $@ tests/bench/bench.c \
		build/obj/libredress.a $(RD_LDFLAGS) $(RD_LIBS)

build/obj/bench_book: tests/bench/bench_book.c tests/bench/bench.h build/obj/libredress.a
	$(CC) $(RD_CPPFLAGS) $(RD_CFLAGS) $(WERROR) -o $@ tests/bench/bench_book.c \
		build/obj/libredress.a $(RD_LDFLAGS) $(RD_LIBS)

build/obj/bench_cases: tests/bench/bench_cases.c tests/bench/bench.h build/obj/libredress.a
	$(CC) $(RD_CPPFLAGS) $(RD_CFLAGS) $(WERROR) -o $@ tests/bench/bench_cases.c \
		build/obj/libredress.a $(RD_LDFLAGS) $(RD_LIBS)

build/obj/bench_import: tests/bench/bench_import.c tests/bench/bench.h build/obj/libredress.a
	$(CC) $(RD_CPPFLAGS) $(RD_CFLAGS) $(WERROR) -o $@ tests/bench/bench_import.c \
		build/obj/libredress.a $(RD_LDFLAGS) $(RD_LIBS)

build/obj/bench_tui: tests/bench/bench_tui.c tests/bench/bench.h
	$(CC) $(RD_CPPFLAGS) $(RD_CFLAGS) $(WERROR) -o $@ tests/bench/bench_tui.c $(RD_LDFLAGS) -lutil

# Every figure with a target says "ok" or "MISSED" beside it; the last
# line counts the misses.
bench: deps-ok
	@$(MAKE) --no-print-directory redress build/obj/bench build/obj/bench_book build/obj/bench_cases build/obj/bench_tui build/obj/bench_import
	@{ REDRESS_SHARE=$(CURDIR)/share ./build/obj/bench; \
	REDRESS_SHARE=$(CURDIR)/share ./build/obj/bench_book $(BENCH_PEOPLE); \
	REDRESS_SHARE=$(CURDIR)/share ./build/obj/bench_cases $(BENCH_CASES); \
	REDRESS_SHARE=$(CURDIR)/share ./build/obj/bench_tui ./redress $(BENCH_CASES); \
	REDRESS_SHARE=$(CURDIR)/share ./build/obj/bench_import $(BENCH_IMPORT); } 2>&1 | tee build/bench.out
	@echo "bench: `grep -oE ' MISSED([ )]|$$)' build/bench.out | wc -l` of `grep -oE ' (ok|MISSED)([ )]|$$)' build/bench.out | wc -l` figures with a target MISSED it"

clean:
	rm -rf build redress

.PHONY: all options deps deps-ok run check check-build check-run check-man check-readme check-layers check-valgrind \
	check/valgrind/units check/valgrind-missing check/sh/deploy/sshd.sh \
	install uninstall dist bench clean

# --- fuzzing ------------------------------------------------------------------

# The parsers under libFuzzer (clang): `make fuzz` runs each for FUZZ_SECONDS
# (default 60); make check runs each for a few seconds when clang is there.
FUZZ_CC = clang
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_TARGETS = csv profile calendar template text json
FUZZ_SECONDS = 60
FUZZ_LIB_SRC = $(wildcard src/core/*.c)

# core/ is compiled once for the six targets (it was compiled into each: most
# of check-fuzz's CPU went to clang, not to fuzzing), then linked into each.
FUZZ_LIB_OBJ = $(FUZZ_LIB_SRC:src/core/%.c=build/fuzz/core/%.o)
# (kept: not intermediate files for make to delete after the link)
.SECONDARY: $(FUZZ_LIB_OBJ)

build/fuzz/core/%.o: src/core/%.c config.mk
	@mkdir -p $(@D)
	$(FUZZ_CC) $(RD_CPPFLAGS) -std=c17 $(FUZZ_FLAGS) -MMD -MP -c -o $@ $<

build/fuzz/%: tests/fuzz/%.c $(FUZZ_LIB_OBJ) config.mk
	@mkdir -p $(@D)
	$(FUZZ_CC) $(RD_CPPFLAGS) -std=c17 $(FUZZ_FLAGS) -o $@ $< $(FUZZ_LIB_OBJ)

-include $(wildcard build/fuzz/core/*.d)

fuzz-build: $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)

fuzz: fuzz-build
	@for f in $(FUZZ_TARGETS); do echo "fuzz: $$f, $(FUZZ_SECONDS) s"; \
		mkdir -p build/fuzz/corpus-$$f; \
		./build/fuzz/fuzz_$$f -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
			build/fuzz/corpus-$$f >build/fuzz/$$f.log 2>&1 || \
			{ tail -30 build/fuzz/$$f.log; echo "fuzz: FAILED $$f"; exit 1; }; done; \
		echo "fuzz: no crash"

# A short run in make check, when clang and its fuzzer runtime are there.
check-fuzz:
	@if command -v $(FUZZ_CC) >/dev/null && echo 'int LLVMFuzzerTestOneInput(const char *d, long n){(void)d;(void)n;return 0;}' | \
		$(FUZZ_CC) -fsanitize=fuzzer -x c -o /dev/null - 2>/dev/null; then \
		$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=5; \
		else echo "fuzz: clang with libFuzzer not installed, skipped"; fi

.PHONY: fuzz fuzz-build check-fuzz
