#!/usr/bin/env bash
# Runs the whole test suite: unit and runtime tests, benchmark tests, multi-node tests of local
# testnets run by zombienet, the performance harness's report arithmetic, and the end-to-end
# tests that start a real lazai-node and drive it with @polkadot/api. Installs protoc and
# Node.js from Debian if they are missing.
source "$(dirname "$0")/common.sh"
ensure_build_tools
ensure_node_js
build_node

cd "$REPO_ROOT"
say "formatting (cargo fmt --check)"
cargo fmt --all -- --check

say "unit and runtime tests"
cargo test --release --locked --workspace --exclude lazai-node --exclude lazai-upgrade-test-runtime

say "benchmark tests (each benchmark run once on the pallet's mock runtime)"
cargo test --release --locked -p pallet-validator-set -p pallet-dat -p pallet-verified-computing \
	-p pallet-model-staking -p pallet-podv -p pallet-idao -p pallet-agent-reputation \
	--features runtime-benchmarks benchmarking

say "building the upgrade-test runtime (the runtime one spec version later) for the upgrade test"
cargo build --release --locked -p lazai-upgrade-test-runtime
LAZAI_UPGRADE_WASM="$("$CARGO_TARGET_DIR/release/lazai-upgrade-test-runtime")"
export LAZAI_UPGRADE_WASM

say "multi-node tests: zombienet's native provider runs local testnets of $LAZAI_NODE"
cd "$REPO_ROOT/zombienet"
npm ci --no-audit --no-fund --loglevel=error
for network_test in tests/0001-two-validators-finalize.zndsl tests/0002-local-4-finalizes.zndsl \
	tests/0003-validator-restart.zndsl tests/0004-validator-joins.zndsl \
	tests/0005-runtime-upgrade.zndsl; do
	say "zombienet test $network_test"
	timeout 600 npx zombienet --provider native test "$network_test"
done

say "the performance harness's own arithmetic and report (bench/test; no node, no packages)"
node --test "$REPO_ROOT/bench/test/"

say "end-to-end tests against $LAZAI_NODE"
cd "$REPO_ROOT/e2e"
npm ci --no-audit --no-fund --loglevel=error
npm test
