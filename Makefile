# Cohort: the two commands a newcomer needs are `make run` and `make test` (see README.md).
SWIFT ?= swift
PREFIX ?= /usr/local
DESTDIR ?=
DATA_HOME := $(or $(XDG_DATA_HOME),$(HOME)/.local/share)
RUN_DATA ?= $(DATA_HOME)/cohort/sample-trust
# Judgements in data/ run to this half-term, so regenerating it is deterministic.
SAMPLE_ARGS := --schools 7 --pupils-per-school 210 --years 2 --seed 1 --end-year 2026-27 --through autumn1

.PHONY: all deps build test lint format coverage run reset-sample sample-data install clean

all: build

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build

# Builds, runs every test, then checks the style.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

format:
	$(SWIFT) format format --in-place --recursive Sources Tests Package.swift

coverage: deps
	$(SWIFT) test --enable-code-coverage
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

install: build
	$(SWIFT) build -c release
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/cohort"
	install -m 755 "$$($(SWIFT) build -c release --show-bin-path)/cohort" "$(DESTDIR)$(PREFIX)/bin/cohort"
	cp -r resources/plugins "$(DESTDIR)$(PREFIX)/share/cohort/"

clean:
	rm -rf .build
