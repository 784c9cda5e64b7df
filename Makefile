# Cohort: the two commands a newcomer needs are `make run` and `make test` (see README.md).
SWIFT ?= swift
PREFIX ?= /usr/local
DESTDIR ?=
DATA_HOME := $(or $(XDG_DATA_HOME),$(HOME)/.local/share)
RUN_DATA ?= $(DATA_HOME)/cohort/sample-trust
# Judgements in data/ run to this half-term, so regenerating it is deterministic.
SAMPLE_ARGS := --schools 7 --pupils-per-school 210 --years 2 --seed 1 --end-year 2026-27 --through autumn1

# GUI tests run on a virtual display with a session bus (for the accessibility tree).
XVFB := xvfb-run -a -s "-screen 0 1400x950x24" dbus-run-session --
BIN = $$($(SWIFT) build --show-bin-path)
# The end-to-end scripts in Tests/e2e, run by make test and make test-e2e.
E2E := enter_class enter_scores import_scores import_pupils rollover pupil_history pupil_privacy drill_down record_action first_day welcome analysis_trust grid_done plugin_recovery new_year
# The narrow window, each at a screen of its own size.
NARROW := 1024x600 800x600

.PHONY: all deps build bench bench-smoke test test-e2e test-example test-sync stress fuzz lint format coverage run reset-sample sample-data screenshots install clean

all: build

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build

# Builds, runs every test (GUI ones on a virtual display), then checks the style.
test: deps
	@scripts/install-deps test
	$(SWIFT) build --build-tests
	$(XVFB) $(SWIFT) test
	"$(BIN)/cohort-bench" --smoke
	@failed=; for script in $(E2E); do echo "== $$script"; $(XVFB) /usr/bin/python3 Tests/e2e/$$script.py "$(BIN)" || failed="$$failed $$script$$size"; done; [ -z "$$failed" ] || { echo "failed:$$failed"; exit 1; }
	@failed=; for size in $(NARROW); do echo "== narrow_window $$size"; xvfb-run -a -s "-screen 0 $${size}x24" dbus-run-session -- /usr/bin/python3 Tests/e2e/narrow_window.py "$(BIN)" $$size || failed="$$failed $$script$$size"; done; [ -z "$$failed" ] || { echo "failed:$$failed"; exit 1; }
	scripts/test-example
	/usr/bin/python3 Tests/sync/two_laptops.py "$(BIN)"
	/usr/bin/python3 Tests/sync/three_devices.py "$(BIN)"
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift Examples Fuzz
	scripts/check-house
	/usr/bin/python3 Tests/house/test_check_house.py

# The out-of-tree example plugin, built and loaded by the command line and the app.
test-example: build
	@scripts/install-deps test
	scripts/test-example

# Syncthing in a private network namespace (root only): two laptops sharing one folder, and
# three devices each holding only what they need; also part of make test.
test-sync: build
	@scripts/install-deps test
	/usr/bin/python3 Tests/sync/two_laptops.py "$(BIN)"
	/usr/bin/python3 Tests/sync/three_devices.py "$(BIN)"

# Crash consistency at scale: 1,000 SIGKILLs of a writer (and the two-writer test).
stress: deps
	$(SWIFT) build --build-tests
	COHORT_KILLS=1000 $(SWIFT) test --filter CrashTests

# libFuzzer on the document loader (strict JSON check and decoders), the CTF and the roster CSV
# readers, for FUZZ_SECONDS each.
FUZZ_SECONDS ?= 300
fuzz: deps
	$(SWIFT) build --package-path Fuzz --scratch-path .build-fuzz -c release --sanitize=fuzzer
	mkdir -p .build-fuzz/corpus && cp Fuzz/corpus/* .build-fuzz/corpus/
	.build-fuzz/release/cohort-fuzz-json .build-fuzz/corpus -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -print_final_stats=1
	mkdir -p .build-fuzz/corpus-ctf .build-fuzz/corpus-roster
	cp Fuzz/corpus-ctf/* .build-fuzz/corpus-ctf/ && cp Fuzz/corpus-roster/* .build-fuzz/corpus-roster/
	.build-fuzz/release/cohort-fuzz-ctf .build-fuzz/corpus-ctf -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -print_final_stats=1
	.build-fuzz/release/cohort-fuzz-roster .build-fuzz/corpus-roster -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -print_final_stats=1

# The benchmark at trust scale (docs/performance.md): release build; the small, medium and
# large trusts are generated once into $(XDG_CACHE_HOME)/cohort-bench; SQLite and DuckDB beside.
bench: deps
	@scripts/install-deps bench
	scripts/bench --write-doc docs/performance.md

# Every benchmark figure once on a tiny trust, with the debug build (part of make test).
bench-smoke: deps
	$(SWIFT) build --product cohort
	$(SWIFT) build --product cohort-bench
	"$(BIN)/cohort-bench" --smoke

# Only the end-to-end test through the accessibility tree.
test-e2e: build
	@scripts/install-deps test
	@failed=; for script in $(E2E); do echo "== $$script"; $(XVFB) /usr/bin/python3 Tests/e2e/$$script.py "$(BIN)" || failed="$$failed $$script$$size"; done; [ -z "$$failed" ] || { echo "failed:$$failed"; exit 1; }
	@failed=; for size in $(NARROW); do echo "== narrow_window $$size"; xvfb-run -a -s "-screen 0 $${size}x24" dbus-run-session -- /usr/bin/python3 Tests/e2e/narrow_window.py "$(BIN)" $$size || failed="$$failed $$script$$size"; done; [ -z "$$failed" ] || { echo "failed:$$failed"; exit 1; }

# Screenshots of the grid in the light and dark styles, in out/.
screenshots: build
	@scripts/install-deps screenshots
	mkdir -p out
	$(XVFB) /usr/bin/python3 Tests/e2e/screenshot.py "$(BIN)" out/grid-light.png
	$(XVFB) /usr/bin/python3 Tests/e2e/screenshot.py "$(BIN)" out/grid-dark.png dark
	$(XVFB) /usr/bin/python3 Tests/e2e/screenshot_page.py "$(BIN)" out/scores.png Scores autumn2 2026-27 "104\n97\n"
	$(XVFB) /usr/bin/python3 Tests/e2e/screenshot_page.py "$(BIN)" out/side-by-side.png "Side by side" spring2 2025-26
	$(XVFB) /usr/bin/python3 Tests/e2e/screenshot_page.py "$(BIN)" out/meetings.png Meetings spring2 2025-26
	# A trust's first day at a netbook's and a laptop's size, light and dark (first_day.py's steps).
	for size in 1024x600 1280x720; do for style in light dark; do mkdir -p out/first-day-$$size-$$style; \
	  FIRST_DAY_SHOTS=out/first-day-$$size-$$style GTK_THEME=$$([ $$style = dark ] && echo Adwaita:dark) \
	  xvfb-run -a -s "-screen 0 $${size}x24" dbus-run-session -- /usr/bin/python3 Tests/e2e/first_day.py "$(BIN)"; done; done

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift Examples Fuzz
	scripts/check-house

format:
	$(SWIFT) format format --in-place --recursive Sources Tests Package.swift Examples Fuzz

coverage: deps
	$(XVFB) $(SWIFT) test --enable-code-coverage
	@scripts/coverage

# Opens the sample trust from a private, writable copy (never the repo's data/).
run: build
	@scripts/run-sample "$(RUN_DATA)"

reset-sample:
	rm -rf "$(RUN_DATA)"

# Regenerates the committed sample trust in data/.
sample-data: build
	rm -rf data.new && $(SWIFT) run cohort sample --data data.new $(SAMPLE_ARGS)
	rm -f data.new/.cohort.lock && rm -rf data && mv data.new data

# Installs both programs, the built-in plugins and the desktop integration where a Linux
# desktop finds them. The programs use the Swift toolchain's runtime (not a static copy), so
# that compiled plugins share it.
install: deps
	$(SWIFT) build -c release
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/cohort" "$(DESTDIR)$(PREFIX)/share/applications" \
	  "$(DESTDIR)$(PREFIX)/share/metainfo" "$(DESTDIR)$(PREFIX)/share/icons/hicolor/scalable/apps"
	install -m 755 "$$($(SWIFT) build -c release --show-bin-path)/cohort" "$(DESTDIR)$(PREFIX)/bin/cohort"
	install -m 755 "$$($(SWIFT) build -c release --show-bin-path)/cohort-gtk" "$(DESTDIR)$(PREFIX)/bin/cohort-gtk"
	cp -r resources/plugins resources/icons resources/style.css "$(DESTDIR)$(PREFIX)/share/cohort/"
	install -m 644 resources/org.cohortapp.Cohort.desktop "$(DESTDIR)$(PREFIX)/share/applications/"
	install -m 644 resources/org.cohortapp.Cohort.metainfo.xml "$(DESTDIR)$(PREFIX)/share/metainfo/"
	install -m 644 resources/icons/hicolor/scalable/apps/org.cohortapp.Cohort.svg \
	  "$(DESTDIR)$(PREFIX)/share/icons/hicolor/scalable/apps/"

clean:
	rm -rf .build
