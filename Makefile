# Entry points: `make run` (the whole pipeline on a sample or INPUT=file), `make up` (the same with its dashboard until
# Ctrl-C) and `make test` (every test project against real RabbitMQ, PostgreSQL and s3rver started on loopback by
# scripts/test-infra.sh).
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
# Each recipe runs in one bash, so a trap set on one line guards the lines after it.
.ONESHELL:

SOLUTION := Transcoding.sln
CONFIGURATION ?= Debug
RESULTS := .test-results
# Extra `dotnet test` arguments, e.g. make test TEST_ARGS='--filter FullyQualifiedName~Gateway'.
TEST_ARGS ?=
# A test that hangs this long is killed and counted as failed, so `make test` always ends.
TEST_HANG_TIMEOUT ?= 5m

.PHONY: build format-check test infra-start infra-stop compose-check bench chaos run up

# What a user passes on the command line reaches the recipes as environment variables and is expanded by the shell as
# data ("$$INPUT"), never pasted into the recipe's text, where a file name holding `...` or $(...) would run.
INPUT ?=
OUT ?=
SEED ?=
LOAD ?=
CHAOS_ARGS ?=
export TEST_ARGS INPUT OUT SEED LOAD CHAOS_ARGS
# A build configuration is pasted into commands: only the two there are.
ifneq ($(filter-out Debug Release,$(CONFIGURATION)),)
$(error CONFIGURATION must be Debug or Release)
endif

BUILD := dotnet build $(SOLUTION) -c $(CONFIGURATION) -nologo -clp:NoSummary

# The build enforces the analyzers and the style rules of .editorconfig (warnings are errors); this also catches the
# whitespace and using order the build does not see. scripts/apply-code-style.sh fixes what it finds.
FORMAT_CHECK := dotnet format $(SOLUTION) --verify-no-changes --no-restore --severity warn

build:
	$(BUILD)

# Alone it restores first: --no-restore on a fresh clone reports every type as missing (in make test the build restored).
format-check:
	dotnet restore $(SOLUTION) -nologo -v quiet
	$(FORMAT_CHECK)

# The servers start while the solution builds (they mostly wait, the build uses the CPU). The build runs
# before the test environment is sourced: its SSL_CERT_FILE is for the tests, not for NuGet. Whatever happens, the
# servers are stopped and the summary is printed as the last line; make fails when dotnet test (or the build, or a
# server) failed.
test: compose-check
	@rm -rf $(RESULTS)
	trap 'code=$$?; set +e; wait; scripts/test-infra.sh stop; scripts/test-summary.sh $(RESULTS); exit $$code' EXIT
	scripts/test-infra.sh start &
	infra=$$!
	scripts/test-node-deps.sh &
	node=$$!
	$(BUILD)
	$(FORMAT_CHECK)
	wait $$infra
	wait $$node
	source .test-infra/env
	# TEST_ARGS is split into words, not evaluated: a filter's '|' stays part of the filter.
	dotnet test $(SOLUTION) -c $(CONFIGURATION) --no-build -nologo --logger trx --results-directory $(RESULTS) \
	  --blame-hang-timeout $(TEST_HANG_TIMEOUT) --blame-hang-dump-type none $$TEST_ARGS
	$(CHAOS_SHORT)

# The short fault run (a few faults, a few dozen items, about three minutes) after the tests, on servers of its own;
# its report and every process's log stay with the results. CHAOS_SHORT= skips it (e.g. with a TEST_ARGS filter).
CHAOS_SHORT ?= CONFIGURATION=$(CONFIGURATION) TEST_INFRA_DIR=$(CURDIR)/.chaos/infra-test CHAOS_DIR=$(CURDIR)/$(RESULTS)/chaos \
  CHAOS_OUTPUT=$(CURDIR)/$(RESULTS)/CHAOS-short.md CHAOS_COMMAND="make test (short fault run)" scripts/chaos.sh --short

infra-start:
	scripts/test-infra.sh start

infra-stop:
	scripts/test-infra.sh stop

compose-check:
	scripts/compose-check.sh

# The conventions' benchmark rows, written to BENCHMARKS.md (test servers started and stopped as for make test).
bench:
	scripts/bench.sh

# The whole system under a seeded fault schedule, figures in CHAOS.md: `make chaos [SEED=n] [LOAD=1] [CHAOS_ARGS=--short]`
# (LOAD=1: the load run, jobs completed by the local endpoint itself; servers on a fresh .chaos/infra on ports of their
# own, stopped whatever happens; non-zero when a "must be" breaks).
chaos:
	CHAOS_COMMAND="make chaos$${SEED:+ SEED=$$SEED}$${LOAD:+ LOAD=1}$${CHAOS_ARGS:+ CHAOS_ARGS='$$CHAOS_ARGS'}" \
	  scripts/chaos.sh $${LOAD:+--load} $$CHAOS_ARGS

# ---------------------------------------------------------------------------------------------------- run
# The whole pipeline in one process on embedded defaults: `make run [INPUT=path] [OUT=dir]`.
run:
	scripts/run.sh "$$INPUT" "$$OUT"

# The same kept running with the dashboard until Ctrl-C: `make up [INPUT=file]`; with one already up, INPUT is added to it.
up:
	scripts/run.sh --serve "$$INPUT" "$$OUT"
