//! Groth16 verification for LazAI Chain.
//!
//! The runtime never runs pairings itself: it calls the [`host`] functions, which the node
//! provides natively (arkworks, `ark-groth16`), so a proof costs what it costs on the machine,
//! not ten times that in WASM. What crosses the boundary is bytes:
//!
//! - a **verifying key**, **proof** and **public inputs** in arkworks' canonical compressed
//!   encoding ([`Curve::proof_len`], [`INPUT_LEN`] bytes per input, little-endian);
//! - a **prepared key**, which [`host::groth_16::prepare_verifying_key`] makes once, when a
//!   circuit is registered: the key checked (points on the curve, in the prime-order subgroup,
//!   input count within bounds) and stored with the pairing `e(alpha, beta)` computed, so no
//!   proof pays to check or prepare its key again.
//!
//! Verification is deterministic: the batch check draws its random coefficients from a hash of
//! everything it verifies, so every node reaches the same answer.
//!
//! Off chain, [`snarkjs`] converts snarkjs's JSON files to these encodings, and [`testing`] has
//! real circuits and an arkworks prover for tests and benchmarks.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

pub mod host;
#[cfg(feature = "std")]
pub mod native;
#[cfg(feature = "std")]
pub mod snarkjs;
#[cfg(all(feature = "std", feature = "prover"))]
pub mod testing;

/// The bytes of one public input: a scalar-field element, little-endian, below the modulus.
pub const INPUT_LEN: usize = 32;

/// The most public inputs any key may have; a chain's limit is at most this.
pub const MAX_INPUTS: u32 = 64;

/// The longest proof encoding of any curve (BLS12-381's).
pub const MAX_PROOF_LEN: u32 = 192;

/// The longest verifying key encoding of any curve, at [`MAX_INPUTS`] inputs.
pub const MAX_KEY_LEN: u32 = Curve::Bls12_381.key_len(MAX_INPUTS);

/// The longest prepared key of any curve, at [`MAX_INPUTS`] inputs.
pub const MAX_PREPARED_KEY_LEN: u32 = Curve::Bls12_381.prepared_key_len(MAX_INPUTS);

/// A pairing-friendly curve the chain verifies Groth16 proofs on.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
pub enum Curve {
	/// BN254 (alt_bn128): circom and snarkjs, gnark, Ethereum's precompiles.
	#[codec(index = 0)]
	Bn254,
	/// BLS12-381: Zcash, Filecoin, arkworks and bellman circuits.
	#[codec(index = 1)]
	Bls12_381,
}

impl Curve {
	/// Bytes of a compressed G1 point.
	pub const fn g1_len(self) -> u32 {
		match self {
			Curve::Bn254 => 32,
			Curve::Bls12_381 => 48,
		}
	}

	/// Bytes of a compressed G2 point.
	pub const fn g2_len(self) -> u32 {
		2 * self.g1_len()
	}

	/// Bytes of a compressed proof: A (G1), B (G2), C (G1).
	pub const fn proof_len(self) -> u32 {
		2 * self.g1_len() + self.g2_len()
	}

	/// Bytes of a compressed verifying key with `inputs` public inputs: alpha (G1); beta, gamma,
	/// delta (G2); the input bases (G1, one more than the inputs) behind a `u64` count.
	pub const fn key_len(self, inputs: u32) -> u32 {
		self.g1_len() + 3 * self.g2_len() + 8 + (inputs + 1) * self.g1_len()
	}

	/// How many public inputs a compressed key of `len` bytes has (0 for a shorter one).
	pub const fn inputs_of_key(self, len: u32) -> u32 {
		let fixed = self.g1_len() + 3 * self.g2_len() + 8;
		(len.saturating_sub(fixed) / self.g1_len()).saturating_sub(1)
	}

	/// Bytes of a prepared key: the key with uncompressed points, then `e(alpha, beta)`.
	pub const fn prepared_key_len(self, inputs: u32) -> u32 {
		2 * self.key_len(inputs) - 8 + 12 * self.g1_len()
	}
}

impl From<Curve> for u8 {
	fn from(curve: Curve) -> u8 {
		curve as u8
	}
}

impl TryFrom<u8> for Curve {
	type Error = ();
	fn try_from(byte: u8) -> Result<Self, ()> {
		match byte {
			0 => Ok(Curve::Bn254),
			1 => Ok(Curve::Bls12_381),
			_ => Err(()),
		}
	}
}

/// Why a key, a proof or its inputs were refused.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum Groth16Error {
	/// The verifying key's bytes are not a compressed key of its curve.
	MalformedKey,
	/// The key has more public inputs than allowed.
	TooManyInputs,
	/// The proof's bytes are not a compressed proof of its curve.
	MalformedProof,
	/// A point's bytes name no point of the curve.
	PointNotOnCurve,
	/// A point is on the curve but outside the prime-order subgroup.
	PointNotInSubgroup,
	/// The number of public inputs differs from the key's.
	WrongInputCount,
	/// A public input is not below the scalar field's modulus (or not 32 bytes).
	NonCanonicalInput,
	/// The proof does not verify against the key and inputs.
	InvalidProof,
	/// A stored prepared key could not be read; it was not made by `prepare_verifying_key`.
	MalformedPreparedKey,
}

/// Which proof of a batch failed, and why.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct BatchFailure {
	/// The failed proof's position in the batch, from 0.
	pub index: u32,
	/// Why it failed.
	pub error: Groth16Error,
}
