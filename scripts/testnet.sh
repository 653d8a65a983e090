#!/usr/bin/env bash
# Starts a local LazAI testnet for a person to use: four validators (Alice, Bob, Charlie, Dave)
# and a full RPC node, run by zombienet's native provider from zombienet/local-4.toml
# (`scripts/testnet.sh local-2` starts the two-validator one, `local-4-standby` adds a fifth node
# ready to join the validator set). Builds lazai-node if needed,
# installs zombienet from npm into zombienet/node_modules, prints each node's polkadot.js Apps
# link once the network is up, and runs until Ctrl-C, which stops every node.
source "$(dirname "$0")/common.sh"
ensure_build_tools
ensure_node_js
build_node

network="${1:-local-4}"
config="$REPO_ROOT/zombienet/$network.toml"
[ -f "$config" ] || { echo "no network $network: zombienet/$network.toml is missing" >&2; exit 2; }

cd "$REPO_ROOT/zombienet"
say "installing zombienet (npm ci in zombienet/)"
npm ci --no-audit --no-fund --loglevel=error
say "starting $network with $LAZAI_NODE; Ctrl-C stops it"
# zombienet prints a table per node; the filter adds one line per node with its Apps link.
npx zombienet --provider native spawn "$config" | awk '
	{ print; fflush(); line = $0; gsub(/\033\[[0-9;]*m/, "", line) }
	line ~ /│ Name +│/ { split(line, cells, "│"); name = cells[3]; gsub(/ /, "", name) }
	line ~ /Direct Link \(pjs\)/ && match(line, /https:[^ │]+/) {
		printf "==> %s: %s\n", name, substr(line, RSTART, RLENGTH); fflush()
	}'
