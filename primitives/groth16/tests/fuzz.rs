//! Random and mutated bytes for keys, proofs, inputs and prepared keys: decoding and
//! verification answer with an error, never a panic, and never accept a changed proof.

use lazai_groth16::{
	native::{prepare_verifying_key, verify, verify_batch},
	testing::{Circuit, ProvenStatement},
	Curve, MAX_INPUTS,
};
use proptest::prelude::*;
use std::sync::OnceLock;

struct Fixture {
	circuit: Circuit,
	prepared: Vec<u8>,
	statement: ProvenStatement,
}

fn fixtures() -> &'static [Fixture; 2] {
	static FIXTURES: OnceLock<[Fixture; 2]> = OnceLock::new();
	FIXTURES.get_or_init(|| {
		[Curve::Bn254, Curve::Bls12_381].map(|curve| {
			let circuit = Circuit::square_roots(curve, 2, 1);
			let prepared =
				prepare_verifying_key(curve, &circuit.verifying_key, MAX_INPUTS).unwrap();
			let statement = circuit.prove_square_roots(9);
			Fixture { circuit, prepared, statement }
		})
	})
}

/// Flip, set or cut bytes of `bytes` as `edits` say.
fn mutate(bytes: &[u8], edits: &[(usize, u8, u8)]) -> Vec<u8> {
	let mut out = bytes.to_vec();
	for &(at, value, how) in edits {
		if out.is_empty() {
			break;
		}
		let at = at % out.len();
		match how % 4 {
			0 => out[at] ^= value | 1,
			1 => out[at] = value,
			2 => out.truncate(at),
			_ => out.insert(at, value),
		}
	}
	out
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(300))]

	#[test]
	fn random_bytes_are_refused(
		curve in prop_oneof![Just(Curve::Bn254), Just(Curve::Bls12_381)],
		key in proptest::collection::vec(any::<u8>(), 0..600),
		proof in proptest::collection::vec(any::<u8>(), 0..200),
		inputs in proptest::collection::vec(any::<u8>(), 0..100),
	) {
		prop_assert!(prepare_verifying_key(curve, &key, MAX_INPUTS).is_err());
		prop_assert!(verify(curve, &key, &proof, &inputs).is_err());
		let fixture = &fixtures()[curve as usize];
		prop_assert!(verify(curve, &fixture.prepared, &proof, &inputs).is_err());
		let batch = vec![(proof.clone(), inputs.clone())];
		prop_assert!(verify_batch(curve, &fixture.prepared, &batch).is_err());
	}

	#[test]
	fn mutated_proofs_and_inputs_are_refused(
		which in 0usize..2,
		edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..4),
		mutate_inputs in any::<bool>(),
	) {
		let fixture = &fixtures()[which];
		let curve = fixture.circuit.curve;
		let (mut proof, mut inputs) = (fixture.statement.proof.clone(), fixture.statement.flat_inputs());
		if mutate_inputs {
			inputs = mutate(&inputs, &edits);
		} else {
			proof = mutate(&proof, &edits);
		}
		prop_assume!(proof != fixture.statement.proof || inputs != fixture.statement.flat_inputs());
		prop_assert!(verify(curve, &fixture.prepared, &proof, &inputs).is_err());
	}

	#[test]
	fn mutated_keys_and_prepared_keys_never_panic(
		which in 0usize..2,
		edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..4),
	) {
		let fixture = &fixtures()[which];
		let curve = fixture.circuit.curve;
		let key = mutate(&fixture.circuit.verifying_key, &edits);
		if let Ok(prepared) = prepare_verifying_key(curve, &key, MAX_INPUTS) {
			// A key that still decodes is another key: the proof is not for it.
			prop_assume!(key != fixture.circuit.verifying_key);
			let inputs = fixture.statement.flat_inputs();
			prop_assert!(verify(curve, &prepared, &fixture.statement.proof, &inputs).is_err());
		}
		// Stored prepared keys are trusted, but a corrupted one must still not panic.
		let prepared = mutate(&fixture.prepared, &edits);
		let _ = verify(curve, &prepared, &fixture.statement.proof, &fixture.statement.flat_inputs());
	}
}
