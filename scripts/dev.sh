#!/usr/bin/env bash
# Builds lazai-node and starts a development chain: Alice validates alone, blocks every 6 s,
# finalized by GRANDPA; RPC on ws://127.0.0.1:9944. The chain is thrown away on exit.
# Extra arguments go to the node, e.g. `scripts/dev.sh --rpc-external`.
source "$(dirname "$0")/common.sh"
ensure_build_tools
build_node
say "starting: $LAZAI_NODE --dev --tmp $*"
say "polkadot.js Apps: https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A9944#/explorer"
exec "$LAZAI_NODE" --dev --tmp "$@"
