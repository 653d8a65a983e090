//! Prove many statements of one circuit, for load tests: sets up the square-roots test circuit
//! and prints its verifying key and `COUNT` proofs with their public inputs as JSON, in the
//! chain's encodings (hex), ready for `verifiedComputing.registerCircuit` and `submitProof`.
//!
//! `cargo run --release -p lazai-groth16 --features testing --example square_roots -- \
//!     [bn254|bls12-381] [INPUTS] [COUNT] [FIRST_SEED]`
//!
//! Each proof has fresh random inputs (seeds `FIRST_SEED`, `FIRST_SEED + 1`, …), so every one is
//! a new statement on chain.

use lazai_groth16::{testing::Circuit, Curve};
use std::{env, io::Write};

fn hex(bytes: &[u8]) -> String {
	format!("0x{}", bytes.iter().map(|b| format!("{b:02x}")).collect::<String>())
}

fn argument<T: std::str::FromStr>(position: usize, default: T) -> T {
	env::args().nth(position).and_then(|a| a.parse().ok()).unwrap_or(default)
}

fn main() {
	let curve = match env::args().nth(1).as_deref() {
		None | Some("bn254") => Curve::Bn254,
		Some("bls12-381") => Curve::Bls12_381,
		Some(other) => {
			eprintln!("unknown curve `{other}`: bn254 or bls12-381");
			std::process::exit(2);
		},
	};
	let inputs: usize = argument(2, 1);
	let count: u64 = argument(3, 1000);
	let first_seed: u64 = argument(4, 0);
	let circuit = Circuit::square_roots(curve, inputs, 1);
	let proofs: Vec<_> = (first_seed..first_seed + count)
		.map(|seed| {
			let statement = circuit.prove_square_roots(seed);
			serde_json::json!({
				"proof": hex(&statement.proof),
				"inputs": statement.inputs.iter().map(|i| hex(i)).collect::<Vec<_>>(),
			})
		})
		.collect();
	let output = serde_json::json!({
		"curve": format!("{curve:?}"),
		"verifyingKey": hex(&circuit.verifying_key),
		"proofs": proofs,
	});
	let mut stdout = std::io::stdout().lock();
	let _ = writeln!(stdout, "{output}");
}
