#!/usr/bin/env bash
# Runs the whole test suite and ends with a table: each layer, its wall time and how many tests it
# ran. A layer that fails, or a test layer that runs no test, fails the suite.
#
#  1. cargo fmt --check;
#  2. builds lazai-node (release, the runtime's WASM with its metadata hash), then the upgrade-test
#     runtime (the runtime one spec version later);
#  3. starts, side by side, the layers that drive real nodes and mostly wait for 6 s blocks: the
#     multi-node tests (three zombienet networks at once), the CLI test, the end-to-end tests (one
#     dev node per file, files at once) and the performance harness's own tests;
#  4. meanwhile, at the lowest CPU priority so the nodes keep their slots: one test build of the
#     workspace with the features CI checks unified (`runtime-benchmarks`, `try-runtime`), running
#     the unit, runtime, property, Groth16 and benchmark tests, then clippy on every target of the
#     workspace with the same features, warnings denied.
#
# Installs protoc and Node.js from Debian if they are missing (scripts/common.sh says so).
source "$(dirname "$0")/common.sh"
ensure_build_tools
ensure_node_js

LOGS="$(mktemp -d "${TMPDIR:-/tmp}/lazai-test.XXXXXX")"
CI_FEATURES="runtime-benchmarks,try-runtime"
mkdir -p "$LOGS/rows"
say "test logs: $LOGS"

# ---- counting what a layer ran, from its log -------------------------------------------------

# Each counter prints what the layer's log shows it ran: "PASSED FAILED" tests.

# No tests: a build or a check.
count_none() { echo "- 0"; }

# cargo test: the sums of its `test result:` lines.
count_cargo() {
	awk '/^test result: /{ passed += $4; failed += $6 } END { print passed + 0, failed + 0 }' "$1"
}

# node --test (spec or TAP reporter): its closing `pass N` and `fail N` lines.
count_node_test() {
	local passed failed
	passed="$(sed -n 's/^\(ℹ\|#\) pass \([0-9]\+\)$/\2/p' "$1" | tail -1)"
	failed="$(sed -n 's/^\(ℹ\|#\) fail \([0-9]\+\)$/\2/p' "$1" | tail -1)"
	echo "${passed:-0} ${failed:-0}"
}

# zombienet: the assertions it reported passed (✅) and failed (❌), one line each.
count_zombienet() {
	echo "$(grep -c '✅' "$1" || true) $(grep -c '❌' "$1" || true)"
}

# The benchmark tests inside the cargo test run: one count per pallet with a benchmarking.rs,
# each of which must be at least one (a renamed module would otherwise pass unnoticed).
count_benchmarks() {
	local log="$1" pallet crate n total=0
	for pallet in "$REPO_ROOT"/pallets/*/src/benchmarking.rs; do
		crate="$(basename "$(dirname "$(dirname "$pallet")")")"
		crate="pallet_${crate//-/_}"
		n="$(awk -v crate="$crate" '
			/^ *Running / { inside = ($0 ~ ("/deps/" crate "-")) }
			inside && /^test .*bench.* \.\.\. ok$/ { n++ }
			END { print n + 0 }' "$log")"
		if [ "$n" -eq 0 ]; then
			echo "0 0"
			return
		fi
		total=$((total + n))
	done
	echo "$total 0"
}

# ---- running a layer -------------------------------------------------------------------------

LAYER_SEQ=0
BACKGROUND=()

# Number the next row of the table: sets LAYER_ID, which names its log and its row.
next_layer() {
	LAYER_SEQ=$((LAYER_SEQ + 1))
	LAYER_ID="$(printf '%02d' "$LAYER_SEQ")"
}

# run_and_record ID NAME COUNTER SHOW COMMAND…: run COMMAND with its output in the layer's log
# (and on the terminal as it comes when SHOW is 1), then record the row.
run_and_record() {
	local id="$1" name="$2" counter="$3" show="$4" start=$SECONDS status=0
	shift 4
	if [ "$show" = 1 ]; then
		"$@" 2>&1 | tee "$LOGS/$id.log" || status=$?
	else
		"$@" >"$LOGS/$id.log" 2>&1 || status=$?
	fi
	record "$id" "$name" "$counter" "$((SECONDS - start))" "$status"
}

# layer NAME COUNTER COMMAND…: run COMMAND, its output kept in the layer's log, and record the
# layer's row (name, seconds, tests, result). COUNTER is a count_* function; any counter but
# count_none makes it a test layer, which fails when it counts no test.
layer() {
	next_layer
	say "$1"
	run_and_record "$LAYER_ID" "$1" "$2" 0 "${@:3}"
}

# The same, with the output shown as it comes (the long builds).
layer_shown() {
	next_layer
	say "$1"
	run_and_record "$LAYER_ID" "$1" "$2" 1 "${@:3}"
}

# The same in the background: its output is printed when the suite collects it (collect).
layer_in_background() {
	next_layer
	say "started in the background: $1"
	run_and_record "$LAYER_ID" "$1" "$2" 0 "${@:3}" &
	BACKGROUND+=("$!:$LAYER_ID")
}

# derived_row NAME COUNTER SEQ: a row counted by COUNTER in the log of layer SEQ, with its time.
derived_row() {
	local from
	from="$(printf '%02d' "$3")"
	next_layer
	cp "$LOGS/$from.log" "$LOGS/$LAYER_ID.log"
	record "$LAYER_ID" "$1" "$2" "$(cut -f2 "$LOGS/rows/$from")" 0
}

# record ID NAME COUNTER SECONDS STATUS: the layer's row, and its log's end if it failed.
record() {
	local id="$1" name="$2" counter="$3" seconds="$4" status="$5" passed failed result
	read -r passed failed < <("$counter" "$LOGS/$id.log")
	if [ "$status" -ne 0 ]; then
		result="FAILED (exit $status)"
		[ "$failed" -gt 0 ] || failed=1 # a build or a run that failed before its tests
	elif [ "$failed" -gt 0 ]; then
		result="FAILED ($failed tests)"
	elif [ "$passed" = "0" ]; then
		result="FAILED (ran no test)"
		failed=1
	else
		result="ok"
	fi
	printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$seconds" "$passed" "$failed" "$result" >"$LOGS/rows/$id"
	[ "$result" = "ok" ] || { say "$name: $result"; tail -n 60 "$LOGS/$id.log"; }
}

# Wait for the background layers and print their output, each under its name.
collect() {
	local entry
	for entry in "${BACKGROUND[@]}"; do
		wait "${entry%%:*}" || true
		local id="${entry#*:}"
		say "output of: $(cut -f1 "$LOGS/rows/$id")"
		cat "$LOGS/$id.log"
	done
	BACKGROUND=()
}

# The table, and the suite's verdict.
report() {
	local passed=0 failed=0 name seconds tests failures result
	echo
	printf '%-72s %9s %7s  %s\n' "layer" "wall time" "tests" "result"
	printf '%-72s %9s %7s  %s\n' "-----" "---------" "-----" "------"
	for row in "$LOGS"/rows/*; do
		IFS=$'\t' read -r name seconds tests failures result <"$row"
		printf '%-72s %5dm%02ds %7s  %s\n' "$name" $((seconds / 60)) $((seconds % 60)) "$tests" "$result"
		# A row indented under another counts tests already counted there.
		[ "${name:0:2}" = "  " ] && continue
		[ "$tests" = "-" ] || passed=$((passed + tests))
		failed=$((failed + failures))
	done
	printf '%-72s %5dm%02ds\n' "whole suite" $((SECONDS / 60)) $((SECONDS % 60))
	echo
	echo "suite: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

# ---- the layers ------------------------------------------------------------------------------

cd "$REPO_ROOT"
sync_build_tree
BUILD_TREE_SYNCED=1
layer "formatting (cargo fmt --check)" count_none cargo fmt --all -- --check

layer_shown "build: lazai-node (release, the runtime with its metadata hash)" count_none build_node

# After the node, never beside it: both WASM builds use the runtime's one WASM project (in
# $CARGO_TARGET_DIR/release/wbuild), each with its own features.
upgrade_runtime() {
	build_tree_cargo build --release --locked -p lazai-upgrade-test-runtime &&
		"$CARGO_TARGET_DIR/release/lazai-upgrade-test-runtime" >"$LOGS/upgrade-wasm"
}
layer_shown "build: the upgrade-test runtime (one spec version later)" count_none upgrade_runtime
LAZAI_UPGRADE_WASM="$(cat "$LOGS/upgrade-wasm" 2>/dev/null || true)"
export LAZAI_UPGRADE_WASM

# The layers that drive real nodes need the node binary: stop here if it did not build.
if ! [ -x "$LAZAI_NODE" ] || [ -z "$LAZAI_UPGRADE_WASM" ]; then
	report
	exit 1
fi

layer "npm ci (zombienet, e2e)" count_none bash -c '
	for dir in zombienet e2e; do (cd "$0/$dir" && npm ci --no-audit --no-fund --loglevel=error) || exit 1; done
' "$REPO_ROOT"

# Three zombienet networks at once; each picks free ports of its own.
multi_node() {
	cd "$REPO_ROOT/zombienet"
	local pids=() status=0 network_test
	for network_test in tests/0001-two-validators-finalize.zndsl tests/0002-local-4.zndsl \
		tests/0003-validator-joins.zndsl; do
		timeout 900 npx zombienet --provider native test "$network_test" \
			>"$LOGS/zombienet-$(basename "$network_test" .zndsl).log" 2>&1 &
		pids+=("$!")
	done
	for pid in "${pids[@]}"; do wait "$pid" || status=1; done
	cat "$LOGS"/zombienet-*.log
	return "$status"
}
layer_in_background "multi-node: three zombienet networks (native provider)" count_zombienet multi_node
layer_in_background "CLI: lazai-node's subcommands, an exported chain spec booted" count_node_test \
	bash -c 'cd "$0/e2e" && npm run --silent test:cli' "$REPO_ROOT"
layer_in_background "end-to-end: @polkadot/api against dev nodes, files at once" count_node_test \
	bash -c 'cd "$0/e2e" && npm test --silent' "$REPO_ROOT"
layer_in_background "performance harness arithmetic (bench/test)" count_node_test \
	node --test "$REPO_ROOT/bench/test/"

# The workspace's tests, one build with the CI features; not the node (clippy covers it), nor the
# upgrade-test runtime (built above). SKIP_WASM_BUILD: no test needs the runtime's WASM. Both run
# at the lowest CPU priority, beside the nodes of the layers above.
cargo_tests() {
	renice -n 19 -p "$BASHPID" >/dev/null
	SKIP_WASM_BUILD=1 build_tree_cargo test --release --locked --workspace --exclude lazai-node \
		--exclude lazai-upgrade-test-runtime --features "$CI_FEATURES"
}
layer_shown "unit, runtime, property, Groth16 and benchmark tests ($CI_FEATURES)" count_cargo cargo_tests
# A row of its own for the benchmark tests, counted in the same log.
derived_row "  of which benchmark tests (at least one in each pallet)" count_benchmarks "$LAYER_SEQ"

# Two clippy runs: the node cannot build with `try-runtime` (frame-benchmarking-cli's storage test
# runtime pulls pallet-staking, which breaks when pallet-session has `try-runtime` and it has not;
# try-runtime checks the runtime's WASM, not the node), so the workspace less the node is checked
# with the CI features, as tested above, and the node with `runtime-benchmarks`.
clippy() {
	renice -n 19 -p "$BASHPID" >/dev/null
	SKIP_WASM_BUILD=1 build_tree_cargo clippy --release --locked --workspace --exclude lazai-node \
		--all-targets --features "$CI_FEATURES" -- -D warnings &&
		SKIP_WASM_BUILD=1 build_tree_cargo clippy --release --locked -p lazai-node --all-targets \
			--features runtime-benchmarks -- -D warnings
}
layer_shown "clippy (every crate and target, the CI features, warnings denied)" count_none clippy

say "waiting for the layers that drive nodes"
collect
report
