//! Builds `runtime/` to WASM with its `upgrade-test` feature: the same runtime with the next
//! spec version. The blob is written beside the normal one in the WASM build directory, under its
//! own name, so the node's embedded runtime is untouched.

use std::path::Path;

fn main() {
	// The WASM builder matches this path against `cargo metadata`, which gives it canonical.
	let runtime = Path::new(env!("CARGO_MANIFEST_DIR"))
		.join("../../runtime/Cargo.toml")
		.canonicalize()
		.expect("runtime/Cargo.toml is in the workspace");
	substrate_wasm_builder::WasmBuilder::new()
		.with_project(runtime)
		.expect("runtime/Cargo.toml is a manifest")
		.enable_feature("upgrade-test")
		.set_file_name("lazai_runtime_upgrade_test")
		.enable_metadata_hash("LAZ", 12)
		.build();
}
