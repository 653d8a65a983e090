#!/usr/bin/env bash
# The performance harness (docs/performance.md). In one run it:
#  1. builds lazai-node in release mode;
#  2. proves the BN254 statements the proof load needs, with the `square_roots` example of
#     lazai-groth16 (a real arkworks prover on a real circuit);
#  3. runs criterion's native BN254 verification bench (`cargo bench -p lazai-groth16`);
#  4. starts a fresh dev node on a free port, runs every measurement of bench/run.js against
#     it, and stops the node;
#  5. writes bench/report.md, bench/report.json and bench/per-block.png.
# COUNT, SIGNERS, SINGLES and BATCHES tune the load (bench/run.js). BASE_PATH=<dir> keeps the
# dev chain's database in <dir> (for `scripts/benchmark.sh storage`) instead of a temporary one.
# Installs protoc, a C toolchain and Node.js with apt-get if they are missing.
source "$(dirname "$0")/common.sh"
ensure_build_tools
ensure_node_js
build_node
(cd "$REPO_ROOT/bench" && npm ci --no-audit --no-fund --loglevel=error)

WORK="$(mktemp -d)"
PROOFS=$(( ${SINGLES:-4592} + 16 * ${BATCHES:-819} + 17 ))
say "proving $PROOFS BN254 statements (lazai-groth16's square_roots example)"
build_tree_cargo run --release --locked --quiet -p lazai-groth16 --features testing \
	--example square_roots -- bn254 1 "$PROOFS" >"$WORK/proofs.json"
say "native BN254 verification (criterion, cargo bench -p lazai-groth16)"
build_tree_cargo bench --locked --quiet -p lazai-groth16 --bench verify -- --noplot \
	'^Bn254( batch)?/(ark-groth16 verify_proof|ark-groth16 from bytes|lazai verify|16 proofs)/1$'

PORT="$(node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")"
LOG="$REPO_ROOT/bench/node.log"
if [ -n "${BASE_PATH:-}" ]; then DB=(--base-path "$BASE_PATH"); else DB=(--tmp); fi
say "starting a fresh dev node on port $PORT (log: $LOG)"
# The pool holds every pre-signed extrinsic of a kind: waiting (future) ones count against a
# tenth of its limits, so the limits are raised far above the defaults.
"$LAZAI_NODE" --dev "${DB[@]}" --rpc-port "$PORT" --port 0 --no-prometheus --no-telemetry --no-mdns \
	--pool-limit 200000 --pool-kbytes 1000000 >"$LOG" 2>&1 &
NODE_PID=$!
trap 'kill -INT "$NODE_PID" 2>/dev/null; wait "$NODE_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 120); do
	node -e "fetch('http://127.0.0.1:$PORT', { method: 'POST', headers: { 'content-type': 'application/json' },
		body: '{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"system_health\"}' }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))" && break
	sleep 0.5
done
say "measuring (bench/run.js)"
PROOFS="$WORK/proofs.json" CRITERION="$CARGO_TARGET_DIR/criterion" \
	node "$REPO_ROOT/bench/run.js" "$PORT" "$NODE_PID" "$REPO_ROOT/bench"
