# Kindergarten addons for Odoo 18.0: the two commands are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PORT ?= 8069
export PORT

VENV := .venv
STAMP := $(VENV)/.installed
REQS := requirements.txt requirements-test.txt requirements-lint.txt requirements-oca.txt

.PHONY: help deps run test test-dates lint stop clean pot bench

help:
	@echo "make run    - set up everything, create the demo database, serve Odoo on http://localhost:$(PORT)"
	@echo "make test   - set up everything, install the addons in a fresh test database, run every test"
	@echo "make test-dates - the demo install (and, for SUITE_DATES, the whole suite) with the clock at other dates"
	@echo "make lint   - ruff and pylint-odoo over the addons"
	@echo "make pot    - regenerate each addon's .pot and merge it into kk.po and ru.po"
	@echo "make bench  - run the benchmarks in bench/, figures in bench/results/, compared side by side"
	@echo "make stop   - stop the server and the embedded PostgreSQL"
	@echo "make clean  - stop, then remove .run/ (databases, filestore)"

$(STAMP): $(REQS)
	@bash tools/venv.sh
	@touch $@

deps: $(STAMP)
	@bash tools/system_deps.sh

run: deps
	@bash tools/run.sh

test: deps
	@bash tools/test.sh

test-dates: deps
	@bash tools/test_dates.sh

lint: $(STAMP)
	@bash tools/lint.sh

pot: deps
	@bash tools/i18n.sh

bench: deps
	@bash tools/bench.sh

stop:
	@bash tools/stop.sh

clean: stop
	@bash tools/clean.sh
