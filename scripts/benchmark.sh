#!/usr/bin/env bash
# Regenerates the chain's weights with the node's `benchmark` commands:
#   scripts/benchmark.sh                 every pallet, ours and the SDK's, and the block overhead
#   scripts/benchmark.sh dat balances    some pallets (ours: pallets/<name>/src/weights.rs; the
#                                        SDK's: runtime/src/weights/<crate>.rs)
#   scripts/benchmark.sh overhead        block and extrinsic base weights (runtime/src/weights/)
#   BASE_PATH=<db> scripts/benchmark.sh storage
#                                        database read and write weights, measured on the state of
#                                        a dev chain kept in <db> (see docs/development.md);
#                                        writes are timed in commits of STORAGE_BATCH (2000) keys
# It builds lazai-node with the `runtime-benchmarks` feature into its own target directory
# ($HOME/.cache/lazai-bench, so the ordinary build stays as it is; the first build takes as long as
# the node's). Weights are only as good as the machine: run it on hardware like your validators'.
source "$(dirname "$0")/common.sh"
ensure_build_tools

BENCH_TARGET_DIR="${BENCH_TARGET_DIR:-$HOME/.cache/lazai-bench}"
if [ ! -d "$BENCH_TARGET_DIR" ] && [ -d "$CARGO_TARGET_DIR/release" ]; then
	# Most crates build the same with the feature: start from the ordinary build's output.
	say "seeding $BENCH_TARGET_DIR with a copy of $CARGO_TARGET_DIR"
	cp -a "$CARGO_TARGET_DIR" "$BENCH_TARGET_DIR"
fi
say "building lazai-node with runtime-benchmarks into $BENCH_TARGET_DIR"
(cd "$REPO_ROOT" && CARGO_TARGET_DIR="$BENCH_TARGET_DIR" \
	cargo build --release --locked -p lazai-node --features runtime-benchmarks)
NODE="$BENCH_TARGET_DIR/release/lazai-node"
WASM="$BENCH_TARGET_DIR/release/wbuild/lazai-runtime/lazai_runtime.compact.compressed.wasm"
# Paths relative to the repository, so the generated files record the same command anywhere.
cd "$REPO_ROOT"
WEIGHTS="runtime/src/weights"
HEADER="scripts/weights-header.txt"
mkdir -p "$WEIGHTS"
STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"

ours=(validator-set dat verified-computing model-staking podv idao agent-reputation)
sdk=(frame-system frame-system-extensions balances timestamp transaction-payment sudo utility)

# One pallet: `dat` or `validator-set` (ours, with our template) or an SDK pallet's short name.
benchmark_pallet() {
	local name="$1" crate output extra=()
	case "$name" in
	frame-system | frame-system-extensions) crate="${name//-/_}" ;;
	*) crate="pallet_${name//-/_}" ;;
	esac
	if [[ " ${ours[*]} " == *" $name "* ]]; then
		output="pallets/$name/src/weights.rs"
		# Our benchmarks have several components: per component, keep the larger of the
		# least-squares and median-slopes fits, so no input is charged less than it costs.
		extra=(--template scripts/pallet-weight-template.hbs --output-analysis max)
	else
		output="$WEIGHTS/$crate.rs"
	fi
	say "benchmarking $crate (steps $STEPS, repeat $REPEAT) into $output"
	"$NODE" benchmark pallet \
		--runtime "$WASM" \
		--genesis-builder runtime \
		--genesis-builder-preset development \
		--pallet "$crate" --extrinsic '*' \
		--steps "$STEPS" --repeat "$REPEAT" \
		--header "$HEADER" "${extra[@]}" \
		--output "$output"
}

benchmark_overhead() {
	say "benchmarking block and extrinsic overhead into runtime/src/weights/"
	"$NODE" benchmark overhead \
		--runtime "$WASM" \
		--genesis-builder runtime \
		--genesis-builder-preset development \
		--header "$HEADER" \
		--weight-path "$WEIGHTS"
}

benchmark_storage() {
	: "${BASE_PATH:?storage needs BASE_PATH, the base path of a dev chain whose state to measure}"
	say "benchmarking database reads and writes on the state in $BASE_PATH"
	"$NODE" benchmark storage \
		--dev --base-path "$BASE_PATH" \
		--database paritydb --state-version 1 \
		--batch-size "${STORAGE_BATCH:-2000}" \
		--header "$HEADER" \
		--weight-path "$WEIGHTS"
}

if [ $# -eq 0 ]; then set -- "${ours[@]}" "${sdk[@]}" overhead; fi
for what in "$@"; do
	case "$what" in
	overhead) benchmark_overhead ;;
	storage) benchmark_storage ;;
	*) benchmark_pallet "$what" ;;
	esac
done
