//! `lazai-node verified-computing …`: turn the files provers write into what the verified
//! computing pallet's calls take.

use lazai_groth16::{snarkjs, Curve};
use std::{fs, path::PathBuf};

/// Tools for the verified computing pallet.
#[derive(Debug, clap::Subcommand)]
pub enum VerifiedComputingCmd {
	/// Convert snarkjs's `verification_key.json`, `proof.json` and `public.json` (any of them)
	/// to the chain's encodings; prints JSON with hex strings.
	ConvertSnarkjs {
		/// snarkjs's verification key (`snarkjs zkey export verificationkey`).
		#[arg(long)]
		key: Option<PathBuf>,
		/// snarkjs's proof.
		#[arg(long)]
		proof: Option<PathBuf>,
		/// snarkjs's public signals.
		#[arg(long)]
		public: Option<PathBuf>,
	},
	/// Convert a verifying key, proof and public inputs serialized by arkworks (compressed or
	/// not; inputs as a `Vec` of scalars) to the chain's encodings; prints JSON with hex.
	ConvertArkworks {
		/// The curve: `bn254` or `bls12-381`.
		#[arg(long, value_parser = parse_curve)]
		curve: Curve,
		/// An arkworks-serialized `VerifyingKey`.
		#[arg(long)]
		key: Option<PathBuf>,
		/// An arkworks-serialized `Proof`.
		#[arg(long)]
		proof: Option<PathBuf>,
		/// An arkworks-serialized `Vec` of scalars.
		#[arg(long)]
		inputs: Option<PathBuf>,
	},
}

fn parse_curve(name: &str) -> Result<Curve, String> {
	match name.to_ascii_lowercase().as_str() {
		"bn254" | "bn128" => Ok(Curve::Bn254),
		"bls12-381" | "bls12_381" | "bls12381" => Ok(Curve::Bls12_381),
		other => Err(format!("unknown curve `{other}`: bn254 or bls12-381")),
	}
}

fn hex(bytes: &[u8]) -> String {
	format!("0x{}", bytes.iter().map(|b| format!("{b:02x}")).collect::<String>())
}

fn read_text(path: &PathBuf) -> Result<String, String> {
	fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn read_bytes(path: &PathBuf) -> Result<Vec<u8>, String> {
	fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn curve_name(curve: Curve) -> &'static str {
	match curve {
		Curve::Bn254 => "Bn254",
		Curve::Bls12_381 => "Bls12_381",
	}
}

impl VerifiedComputingCmd {
	/// Run it, printing the result on standard output.
	pub fn run(&self) -> Result<(), String> {
		let output = match self {
			Self::ConvertSnarkjs { key, proof, public } => convert_snarkjs(key, proof, public)?,
			Self::ConvertArkworks { curve, key, proof, inputs } => {
				convert_arkworks(*curve, key, proof, inputs)?
			},
		};
		println!("{}", serde_json::to_string_pretty(&output).map_err(|e| e.to_string())?);
		Ok(())
	}
}

fn convert_snarkjs(
	key: &Option<PathBuf>,
	proof: &Option<PathBuf>,
	public: &Option<PathBuf>,
) -> Result<serde_json::Value, String> {
	let mut output = serde_json::Map::new();
	let mut curve = None;
	let mut agree = |found: Curve| match curve {
		Some(seen) if seen != found => Err("the files are for different curves".to_string()),
		_ => {
			curve = Some(found);
			Ok(())
		},
	};
	if let Some(path) = key {
		let (found, bytes) = snarkjs::verifying_key(&read_text(path)?).map_err(|e| e.0)?;
		agree(found)?;
		output.insert("verifyingKey".into(), hex(&bytes).into());
	}
	if let Some(path) = proof {
		let (found, bytes) = snarkjs::proof(&read_text(path)?).map_err(|e| e.0)?;
		agree(found)?;
		output.insert("proof".into(), hex(&bytes).into());
	}
	if let Some(path) = public {
		// public.json names no curve: it is the key's or proof's, BN254 (circom's) by default.
		let inputs = snarkjs::public_inputs(&read_text(path)?, curve.unwrap_or(Curve::Bn254))
			.map_err(|e| e.0)?;
		output.insert("inputs".into(), inputs.iter().map(|i| hex(i)).collect::<Vec<_>>().into());
	}
	output.insert("curve".into(), curve_name(curve.unwrap_or(Curve::Bn254)).into());
	Ok(output.into())
}

fn convert_arkworks(
	curve: Curve,
	key: &Option<PathBuf>,
	proof: &Option<PathBuf>,
	inputs: &Option<PathBuf>,
) -> Result<serde_json::Value, String> {
	let mut output = serde_json::Map::new();
	output.insert("curve".into(), curve_name(curve).into());
	if let Some(path) = key {
		let bytes = snarkjs::arkworks_key(curve, &read_bytes(path)?).map_err(|e| e.0)?;
		output.insert("verifyingKey".into(), hex(&bytes).into());
	}
	if let Some(path) = proof {
		let bytes = snarkjs::arkworks_proof(curve, &read_bytes(path)?).map_err(|e| e.0)?;
		output.insert("proof".into(), hex(&bytes).into());
	}
	if let Some(path) = inputs {
		let inputs = snarkjs::arkworks_inputs(curve, &read_bytes(path)?).map_err(|e| e.0)?;
		output.insert("inputs".into(), inputs.iter().map(|i| hex(i)).collect::<Vec<_>>().into());
	}
	Ok(output.into())
}
