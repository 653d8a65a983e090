//! Embeds the git commit and build profile in `lazai-node --version`.
//!
//! The scripts build from a copy of the sources without `.git` (scripts/common.sh) and name the
//! commit in `SUBSTRATE_CLI_GIT_COMMIT_HASH`; a plain `cargo build` in a checkout asks git.

use substrate_build_script_utils::{generate_cargo_keys, rerun_if_git_head_changed};

fn main() {
	generate_cargo_keys();
	println!("cargo:rerun-if-env-changed=SUBSTRATE_CLI_GIT_COMMIT_HASH");
	if std::env::var_os("SUBSTRATE_CLI_GIT_COMMIT_HASH").is_none() {
		rerun_if_git_head_changed();
	}
}
