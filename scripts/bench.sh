#!/usr/bin/env bash
# The performance harness (work in progress, see docs/performance.md when it lands): builds
# lazai-node, starts a fresh dev node in release mode on a free port, runs every measurement of
# bench/run.js against it in one run, writes bench/report.md, bench/report.json and
# bench/per-block.png, and stops the node. COUNT and SIGNERS tune the load.
source "$(dirname "$0")/common.sh"
ensure_build_tools
build_node
command -v node >/dev/null 2>&1 || apt_install nodejs npm
(cd "$REPO_ROOT/bench" && npm ci --no-audit --no-fund --loglevel=error)

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
LOG="$REPO_ROOT/bench/node.log"
say "starting a fresh dev node on port $PORT (log: $LOG)"
"$LAZAI_NODE" --dev --tmp --rpc-port "$PORT" --port 0 --no-prometheus --no-telemetry --no-mdns \
	--pool-limit 200000 --pool-kbytes 1000000 >"$LOG" 2>&1 &
NODE_PID=$!
trap 'kill -INT "$NODE_PID" 2>/dev/null; wait "$NODE_PID" 2>/dev/null || true' EXIT
for _ in $(seq 120); do
	curl -s -H 'content-type: application/json' -d '{"jsonrpc":"2.0","id":1,"method":"system_health"}' \
		"http://127.0.0.1:$PORT" >/dev/null && break
	sleep 0.5
done
say "measuring (bench/run.js)"
node "$REPO_ROOT/bench/run.js" "$PORT" "$NODE_PID" "$REPO_ROOT/bench"
