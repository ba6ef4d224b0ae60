# redress version
VERSION = 0.1.0

# paths
PREFIX    = /usr/local
MANPREFIX = $(PREFIX)/share/man
SHAREDIR  = $(PREFIX)/share/redress

PKG_CONFIG ?= pkg-config

# libraries: ncursesw and libsodium from pkg-config; LMDB ships no .pc on
# every distribution, so -llmdb is a default that can be overridden.
NCURSES_CFLAGS = `$(PKG_CONFIG) --cflags ncursesw 2>/dev/null`
NCURSES_LIBS   = `$(PKG_CONFIG) --libs ncursesw 2>/dev/null || echo -lncursesw`
SODIUM_CFLAGS  = `$(PKG_CONFIG) --cflags libsodium 2>/dev/null`
SODIUM_LIBS    = `$(PKG_CONFIG) --libs libsodium 2>/dev/null || echo -lsodium`
LMDB_CFLAGS    =
LMDB_LIBS      = -llmdb
CMOCKA_CFLAGS  = `$(PKG_CONFIG) --cflags cmocka 2>/dev/null`
CMOCKA_LIBS    = `$(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka`

# flags: the user's CFLAGS and LDFLAGS are appended, not replaced
RD_CPPFLAGS = -D_DEFAULT_SOURCE -DVERSION=\"$(VERSION)\" \
              -DSHAREDIR=\"$(SHAREDIR)\" -Iinclude
RD_CFLAGS   = -std=c17 -Wall -Wextra -Wpedantic -O2 -g \
              $(NCURSES_CFLAGS) $(SODIUM_CFLAGS) $(LMDB_CFLAGS) $(CPPFLAGS) $(CFLAGS)
RD_LDFLAGS  = -Wl,--as-needed $(LDFLAGS)
RD_LIBS     = $(if $(STATIC_LIBS),$(STATIC_LIBS),$(NCURSES_LIBS) $(SODIUM_LIBS) $(LMDB_LIBS))

# sanitizer build used by `make check`
SAN_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

CC ?= cc

# The three libraries linked from their static archives when the compiler
# finds all of them (Debian's -dev packages ship them); libc stays shared.
# A command then starts without the dynamic loader finding, mapping and
# relocating four more shared objects: `redress workday` ran 1.46M
# instructions, 0.83M of them in ld.so; linked so, 0.18M.  Lazy binding
# (the default) is kept: -z now resolves every libc symbol at start, 0.11M
# more.  `make STATIC_LIBS=` links the shared libraries instead.
STATIC_AR   = ncursesw sodium lmdb
STATIC_LIBS := $(shell for l in $(STATIC_AR); do f=`$(CC) -print-file-name=lib$$l.a`; \
                [ -f "$$f" ] || exit 0; done; t=`$(CC) -print-file-name=libtinfo.a`; \
                [ -f "$$t" ] && t=-ltinfo || t=; \
                echo "-Wl,-Bstatic -lncursesw $$t -lsodium -llmdb -Wl,-Bdynamic -pthread")
