#!/usr/bin/env bash
# Regenerates the weights of our pallets with the node's `benchmark pallet` command.
#   scripts/benchmark.sh                 every pallet below
#   scripts/benchmark.sh dat             one pallet
# It builds the node (if needed) and the runtime's WASM with the `runtime-benchmarks` feature,
# runs the benchmarks on that WASM and writes pallets/<name>/src/weights.rs.
# Weights are only as good as the machine: run it on hardware like your validators'.
source "$(dirname "$0")/common.sh"
ensure_build_tools
build_node

cd "$REPO_ROOT"
say "building the runtime WASM with runtime-benchmarks"
cargo build --release --locked -p lazai-runtime --features runtime-benchmarks
WASM="$CARGO_TARGET_DIR/release/wbuild/lazai-runtime/lazai_runtime.compact.compressed.wasm"
STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"

if [ $# -gt 0 ]; then pallets=("$@"); else pallets=(validator-set dat); fi
for name in "${pallets[@]}"; do
	crate="pallet_${name//-/_}"
	say "benchmarking $crate (steps $STEPS, repeat $REPEAT)"
	"$LAZAI_NODE" benchmark pallet \
		--runtime "$WASM" \
		--genesis-builder runtime \
		--genesis-builder-preset development \
		--pallet "$crate" --extrinsic '*' \
		--steps "$STEPS" --repeat "$REPEAT" \
		--header "$REPO_ROOT/scripts/weights-header.txt" \
		--template "$REPO_ROOT/scripts/pallet-weight-template.hbs" \
		--output "$REPO_ROOT/pallets/$name/src/weights.rs"
done
