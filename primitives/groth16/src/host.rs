//! The host functions: the runtime calls these, the node runs them natively.
//!
//! The node must provide them (`host::groth_16::HostFunctions` among its executor's host
//! functions); a runtime calling them cannot be executed by a node without them.

use crate::{BatchFailure, Curve, Groth16Error};
use alloc::vec::Vec;
use sp_runtime_interface::{
	pass_by::{AllocateAndReturnByCodec, PassAs, PassFatPointerAndDecode, PassFatPointerAndRead},
	runtime_interface,
};

/// Groth16 verification run natively on the node.
#[runtime_interface]
pub trait Groth16 {
	/// Check a compressed verifying key of `curve` (points on the curve and in the subgroup, at
	/// most `max_inputs` public inputs) and return it prepared for verification.
	fn prepare_verifying_key(
		curve: PassAs<Curve, u8>,
		key: PassFatPointerAndRead<&[u8]>,
		max_inputs: u32,
	) -> AllocateAndReturnByCodec<Result<Vec<u8>, Groth16Error>> {
		guarded(Groth16Error::MalformedKey, || {
			crate::native::prepare_verifying_key(curve, key, max_inputs)
		})
	}

	/// Verify a compressed proof against a prepared key and its public inputs (32 bytes each,
	/// little-endian).
	fn verify(
		curve: PassAs<Curve, u8>,
		prepared_key: PassFatPointerAndRead<&[u8]>,
		proof: PassFatPointerAndRead<&[u8]>,
		inputs: PassFatPointerAndRead<&[u8]>,
	) -> AllocateAndReturnByCodec<Result<(), Groth16Error>> {
		guarded(Groth16Error::InvalidProof, || {
			crate::native::verify(curve, prepared_key, proof, inputs)
		})
	}

	/// Verify (proof, inputs) pairs against one prepared key with one combined check; on
	/// failure, the first proof that fails and why.
	fn verify_batch(
		curve: PassAs<Curve, u8>,
		prepared_key: PassFatPointerAndRead<&[u8]>,
		proofs: PassFatPointerAndDecode<Vec<(Vec<u8>, Vec<u8>)>>,
	) -> AllocateAndReturnByCodec<Result<(), BatchFailure>> {
		guarded(BatchFailure { index: 0, error: Groth16Error::InvalidProof }, || {
			crate::native::verify_batch(curve, prepared_key, &proofs)
		})
	}
}

/// Run `check`, answering `on_panic` should arkworks ever panic on some input: a host function
/// that panicked would make the whole block fail instead of one transaction.
#[cfg(not(substrate_runtime))]
fn guarded<T, E>(on_panic: E, check: impl FnOnce() -> Result<T, E>) -> Result<T, E> {
	std::panic::catch_unwind(std::panic::AssertUnwindSafe(check)).unwrap_or(Err(on_panic))
}

/// Real proofs for FRAME benchmarks, made natively by the test prover ([`crate::testing`]). Only
/// a `runtime-benchmarks` node provides them, and only a `runtime-benchmarks` runtime calls them.
#[cfg(feature = "runtime-benchmarks")]
pub mod fixtures {
	use super::*;

	/// Keys and proofs of the test circuits.
	#[runtime_interface]
	pub trait Groth16Fixtures {
		/// The compressed verifying key of a `SquareRoots` test circuit with `inputs` public
		/// inputs, and `proofs` distinct proofs with their inputs (32 bytes each, flat).
		fn square_roots(
			curve: PassAs<Curve, u8>,
			inputs: u32,
			proofs: u32,
		) -> AllocateAndReturnByCodec<(Vec<u8>, Vec<(Vec<u8>, Vec<u8>)>)> {
			crate::testing::cached_square_roots(curve, inputs as usize, proofs as usize)
		}
	}
}
