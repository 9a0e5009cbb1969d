# BCP Editor — build, run and test.
#
#   make run    installs what is missing (Debian/Ubuntu), builds and starts the
#               app on a library with the bundled profiles
#   make test   gofmt, go vet, staticcheck, the tests (headless), the race
#               detector on the core and the workspace, a short fuzz run
#               and a smoke test of the real window under Xvfb
#
# Everything else: make help.

GO       ?= go
TAGS_GUI := migrated_fynedo
TAGS_CI  := ci,migrated_fynedo
VERSION  := $(shell sed -n 's/^ *Version = "\(.*\)"/\1/p' FyneApp.toml)
BUILD    := $(shell git rev-parse --short HEAD 2>/dev/null || echo dev)
LDFLAGS  := -X main.version=$(VERSION) -X main.build=$(BUILD)

# Debian packages needed to build Fyne (cgo, X11, OpenGL) and, for the tests,
# to run it on a virtual display and take a screenshot.
BUILD_PKGS := gcc pkg-config libgl1-mesa-dev xorg-dev
TEST_PKGS  := xvfb xauth libgl1-mesa-dri imagemagick

export LANG ?= nl_NL.UTF-8
export PATH := $(PATH):/usr/local/go/bin:$(HOME)/go/bin

.PHONY: help run build deps test-deps test vet lint unit race fuzz-short fuzz smoke bench load clean release release-linux release-windows release-deps

help:
	@sed -n 's/^#  \{0,3\}//p' Makefile | head -12
	@echo "Other targets: build, deps, vet, unit, fuzz (long), smoke, bench, load, clean"

## run: set up and start the app (data in your user data directory)
run: deps build
	./bcpeditor

build:
	$(GO) build -tags $(TAGS_GUI) -ldflags "$(LDFLAGS)" -o bcpeditor .

## deps: install missing build packages on Debian/Ubuntu (uses sudo when not root)
deps:
	@.ci/apt-install $(BUILD_PKGS)

test-deps:
	@.ci/apt-install $(BUILD_PKGS) $(TEST_PKGS)

## test: everything CI runs
test: test-deps vet lint unit race fuzz-short smoke

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt would change:"; gofmt -l .; exit 1; }
	$(GO) vet -tags $(TAGS_CI) ./...

STATICCHECK := $(HOME)/go/bin/staticcheck
STATICCHECK_VERSION := v0.8.2

lint:
	@test -x $(STATICCHECK) || $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
	$(STATICCHECK) -tags $(TAGS_CI) ./...

unit:
	$(GO) test -tags $(TAGS_CI) -count=1 ./...

# The race detector (it needs cgo) on the core and the workspace, whose
# tests run background work on real goroutines.
RACE_PKGS := ./app ./app/taal ./app/compare ./app/search ./app/export ./app/workspace ./storage ./storage/pg
race:
	CGO_ENABLED=1 $(GO) test -race -tags $(TAGS_CI) -count=1 $(RACE_PKGS)

# Each fuzzer for a few seconds on top of its seed corpus (cut-down real profiles, queries).
fuzz-short:
	$(GO) test -tags $(TAGS_CI) -run '^$$' -fuzz '^FuzzParseBundle$$' -fuzztime 10s -fuzzminimizetime 5s ./app
	$(GO) test -tags $(TAGS_CI) -run '^$$' -fuzz '^FuzzSearch$$' -fuzztime 5s -fuzzminimizetime 5s ./app/search
	$(GO) test -tags $(TAGS_CI) -run '^$$' -fuzz '^FuzzReadCASE$$' -fuzztime 5s -fuzzminimizetime 5s ./app/export
	$(GO) test -tags $(TAGS_CI) -run '^$$' -fuzz '^FuzzAnalyse$$' -fuzztime 5s -fuzzminimizetime 5s ./app/taal

## fuzz: the fuzzers for longer, by hand
fuzz:
	$(GO) test -tags $(TAGS_CI) -run '^$$' -fuzz '^FuzzParseBundle$$' -fuzztime 10m -fuzzminimizetime 30s ./app
	$(GO) test -tags $(TAGS_CI) -run '^$$' -fuzz '^FuzzSearch$$' -fuzztime 5m -fuzzminimizetime 30s ./app/search
	$(GO) test -tags $(TAGS_CI) -run '^$$' -fuzz '^FuzzReadCASE$$' -fuzztime 5m -fuzzminimizetime 30s ./app/export

smoke: build
	.ci/smoke ./bcpeditor

## load: the team library under load: 20 designers, 60 s, the server killed
## and restarted mid-run (a throw-away cluster; CI runs a 5 s smoke in unit)
load:
	$(GO) run ./cmd/bcpload --ontwerpers 20 --duur 60s

## bench: the speed targets, each beside its naive baseline
bench:
	$(GO) test -tags $(TAGS_CI) -run '^$$' -bench . -benchmem ./...

## release: Linux .tar.xz and Windows .exe in dist/ (not part of CI; Windows takes ~10 min cold)
release: release-linux release-windows
	@ls -l dist

FYNE := $(HOME)/go/bin/fyne

release-deps:
	@test -x $(FYNE) || $(GO) install fyne.io/fyne/v2/cmd/fyne@v2.7.1
	@.ci/apt-install $(BUILD_PKGS) gcc-mingw-w64-x86-64 xz-utils

# The Linux archive: our binary (with version and build), packaged by the
# fyne tool with its desktop file and icons.
release-linux: release-deps
	mkdir -p dist
	$(GO) build -tags $(TAGS_GUI) -ldflags "$(LDFLAGS) -s -w" -o dist/bcpeditor .
	cp FyneApp.toml dist/.FyneApp.toml  # the fyne tool rewrites it; keep it as committed
	$(FYNE) package -os linux --exe dist/bcpeditor --name "BCP Editor" --release; \
	  status=$$?; mv dist/.FyneApp.toml FyneApp.toml; rm -f fyne_metadata_init.go; exit $$status
	mv "BCP Editor.tar.xz" dist/bcpeditor-$(VERSION)-linux-amd64.tar.xz
	rm -f dist/bcpeditor

# The Windows program, cross-built with MinGW; the fyne tool builds from
# source to embed the icon, so the build id goes in through a generated
# file that is removed again.
release-windows: release-deps
	mkdir -p dist
	printf 'package main\n\nfunc init() { build = "$(BUILD)" }\n' > zz_release_build.go
	cp FyneApp.toml dist/.FyneApp.toml
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc $(FYNE) package -os windows --tags $(TAGS_GUI) --name "BCP Editor" --release; \
	  status=$$?; rm -f zz_release_build.go fyne_metadata_init.go; mv dist/.FyneApp.toml FyneApp.toml; exit $$status
	mv "BCP Editor.exe" dist/bcpeditor-$(VERSION)-windows-amd64.exe

clean:
	rm -f bcpeditor zz_release_build.go
	rm -rf dist
