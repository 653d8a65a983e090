//! Prints the path of the upgrade-test runtime: the compressed WASM that the runtime-upgrade
//! zombienet test hands to `system.setCode`.

/// What the WASM builder generated: the blob's path and bytes.
#[allow(dead_code)]
mod built {
	include!(concat!(env!("OUT_DIR"), "/lazai_runtime_upgrade_test"));
}

fn main() -> std::process::ExitCode {
	match built::WASM_BINARY_PATH {
		Some(path) => {
			println!("{path}");
			std::process::ExitCode::SUCCESS
		},
		None => {
			eprintln!("the upgrade-test runtime was not built: unset SKIP_WASM_BUILD and rebuild");
			std::process::ExitCode::FAILURE
		},
	}
}
