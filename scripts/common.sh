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

# Cargo decides what to rebuild from file modification times and, for the runtime's WASM, from
# absolute paths. A fresh clone has every file new and sits in a folder of its own, so building it
# in place recompiles every crate of the workspace, native and WASM, against a warm cache. The
# scripts therefore build from one copy of the sources at a fixed path, $BUILD_TREE, beside the
# build output: each run copies in only the files whose content changed (the rest keep the times
# cargo last saw) and deletes the files that are gone. Build output is then what it would be for
# the checkout itself; compiler messages name files under $BUILD_TREE.
BUILD_TREE="$CARGO_TARGET_DIR/lazai-src"
BUILD_STAMP="$CARGO_TARGET_DIR/lazai-src.built"

# The workspace's own crates whose release output changed since the last build from $BUILD_TREE:
# a build from another checkout (a `cargo test` in the work tree, say) wrote them.
outputs_built_elsewhere() {
	local fingerprints="$CARGO_TARGET_DIR/release/.fingerprint" manifest name
	[ -d "$fingerprints" ] || return 1
	for manifest in "$BUILD_TREE"/*/Cargo.toml "$BUILD_TREE"/*/*/Cargo.toml; do
		name="$(sed -n '0,/^name = /s/^name = "\(.*\)"$/\1/p' "$manifest")"
		[ -n "$name" ] || continue
		[ -n "$(find "$fingerprints" -mindepth 2 -maxdepth 2 -path "$fingerprints/$name-*/*" \
			-newer "$BUILD_STAMP" -print -quit)" ] && return 0
	done
	return 1
}

# Bring $BUILD_TREE to the checkout's files (tracked and untracked, less what .gitignore names).
sync_build_tree() {
	if ! git -C "$REPO_ROOT" rev-parse --git-dir >/dev/null 2>&1; then
		BUILD_TREE="$REPO_ROOT" # not a git checkout: build in place
		return 0
	fi
	mkdir -p "$BUILD_TREE"
	local listed="$CARGO_TARGET_DIR/lazai-src.files" present="$CARGO_TARGET_DIR/lazai-src.present"
	(cd "$REPO_ROOT" && git ls-files -z --cached --others --exclude-standard |
		while IFS= read -r -d '' file; do [ -f "$file" ] && printf '%s\n' "$file"; done | sort -u) >"$listed"
	(cd "$BUILD_TREE" && find . -type f | sed 's|^\./||' | sort) >"$present"
	comm -13 "$listed" "$present" | (cd "$BUILD_TREE" && xargs -r -d '\n' rm -f)
	find "$BUILD_TREE" -mindepth 1 -type d -empty -delete
	local copied=0 file
	while IFS= read -r file; do
		if ! cmp -s "$REPO_ROOT/$file" "$BUILD_TREE/$file"; then
			mkdir -p "$BUILD_TREE/$(dirname "$file")"
			cp "$REPO_ROOT/$file" "$BUILD_TREE/$file"
			copied=$((copied + 1))
		fi
	done <"$listed"
	if [ ! -e "$BUILD_STAMP" ] || outputs_built_elsewhere; then
		# Another checkout's build replaced some of the workspace's output: cargo must not take
		# it for this tree's, so every file counts as changed.
		say "build tree: the workspace's crates were last built from another checkout; rebuilding them" >&2
		find "$BUILD_TREE" -type f -exec touch {} +
	fi
	say "build tree $BUILD_TREE: $copied changed files copied in" >&2
	# `lazai-node --version` names the checkout's commit (node/build.rs reads it from here).
	SUBSTRATE_CLI_GIT_COMMIT_HASH="$(git -C "$REPO_ROOT" rev-parse --short=11 HEAD)"
	export SUBSTRATE_CLI_GIT_COMMIT_HASH
}

# Run cargo in $BUILD_TREE, after bringing it up to date. The stamp records that the workspace's
# output now comes from $BUILD_TREE, even when the build failed part way.
build_tree_cargo() {
	[ -n "${BUILD_TREE_SYNCED:-}" ] || { sync_build_tree; BUILD_TREE_SYNCED=1; }
	local status=0
	(cd "$BUILD_TREE" && cargo "$@") || status=$?
	[ "$BUILD_TREE" = "$REPO_ROOT" ] || touch "$BUILD_STAMP"
	return "$status"
}

# Build the node (and with it the runtime's WASM, with the metadata hash) in release mode.
build_node() {
	say "building lazai-node (release; the first build takes about 40 minutes on 2 cores)"
	build_tree_cargo build --release --locked -p lazai-node
}
