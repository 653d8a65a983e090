# Shared by the scripts in this folder; source it, do not run it.
# Puts build output outside the work tree and installs what a fresh Debian machine with only
# rustup and cargo lacks. It says what it installs.

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/lazai-target}"
mkdir -p "$CARGO_TARGET_DIR"
LAZAI_NODE="$CARGO_TARGET_DIR/release/lazai-node"
export LAZAI_NODE

say() { printf '==> %s\n' "$*"; }

# Install Debian packages that are missing (needs root, or sudo).
apt_install() {
	local missing=()
	for pkg in "$@"; do
		dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	say "installing Debian packages: ${missing[*]}"
	local sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
}

# What the node build needs: protoc (networking crates), clang-free C toolchain, git.
ensure_build_tools() {
	command -v protoc >/dev/null 2>&1 || apt_install protobuf-compiler
	command -v cc >/dev/null 2>&1 || apt_install build-essential
	command -v git >/dev/null 2>&1 || apt_install git
	# rust-toolchain.toml names the toolchain, the WASM target and rust-src. rustup installs
	# them with the toolchain, but not into a toolchain that is already there: add them.
	(cd "$REPO_ROOT" && cargo --version >/dev/null &&
		rustup target add wasm32v1-none >/dev/null &&
		rustup component add rust-src >/dev/null)
}

# What the end-to-end tests need: Node.js 18+ and npm.
ensure_node_js() {
	if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
		apt_install nodejs npm
	fi
}

# Build the node (and with it the runtime's WASM) in release mode.
build_node() {
	say "building lazai-node (release; the first build takes 35 to 45 minutes on 2 cores)"
	(cd "$REPO_ROOT" && cargo build --release --locked -p lazai-node)
}
