//! Key preparation and verification on both curves, with proofs from a real prover on the
//! test circuits; every way a key, a proof or its inputs can be wrong; batches; and the host
//! functions giving the same answers as the native code.

use ark_ff::{BigInteger, PrimeField};
use lazai_groth16::{
	host::groth_16 as host,
	native::{prepare_verifying_key, verify, verify_batch},
	testing::{g1_off_curve, g2_outside_subgroup, random_outcomes, Circuit, Evaluation},
	BatchFailure, Curve, Groth16Error, INPUT_LEN, MAX_INPUTS,
};

const CURVES: [Curve; 2] = [Curve::Bn254, Curve::Bls12_381];

fn prepared(circuit: &Circuit) -> Vec<u8> {
	prepare_verifying_key(circuit.curve, &circuit.verifying_key, MAX_INPUTS).unwrap()
}

#[test]
fn proofs_of_both_test_circuits_verify_on_both_curves() {
	for curve in CURVES {
		let circuit = Circuit::square_roots(curve, 3, 1);
		let key = prepared(&circuit);
		assert_eq!(circuit.verifying_key.len() as u32, curve.key_len(3));
		assert_eq!(key.len() as u32, curve.prepared_key_len(3));
		let statement = circuit.prove_square_roots(7);
		assert_eq!(statement.proof.len() as u32, curve.proof_len());
		assert_eq!(verify(curve, &key, &statement.proof, &statement.flat_inputs()), Ok(()));

		let circuit = Circuit::evaluation(curve, 8, 2);
		let key = prepared(&circuit);
		let evaluation = Evaluation { model: 4, dataset: 9, outcomes: random_outcomes(8, 3) };
		let statement = circuit.prove_evaluation(&evaluation, 5);
		assert_eq!(verify(curve, &key, &statement.proof, &statement.flat_inputs()), Ok(()));
		assert_eq!(statement.inputs[2][..8], evaluation.score().to_le_bytes());
	}
}

#[test]
fn a_changed_input_or_another_key_does_not_verify() {
	for curve in CURVES {
		let circuit = Circuit::square_roots(curve, 2, 1);
		let key = prepared(&circuit);
		let statement = circuit.prove_square_roots(7);
		let mut inputs = statement.flat_inputs();
		inputs[0] ^= 1;
		assert_eq!(verify(curve, &key, &statement.proof, &inputs), Err(Groth16Error::InvalidProof));

		let other = prepared(&Circuit::square_roots(curve, 2, 2));
		let inputs = statement.flat_inputs();
		assert_eq!(
			verify(curve, &other, &statement.proof, &inputs),
			Err(Groth16Error::InvalidProof)
		);

		// Another proof's inputs.
		let inputs = circuit.prove_square_roots(8).flat_inputs();
		assert_eq!(verify(curve, &key, &statement.proof, &inputs), Err(Groth16Error::InvalidProof));
	}
}

#[test]
fn inputs_must_match_the_key_in_number_and_be_canonical() {
	for curve in CURVES {
		let circuit = Circuit::square_roots(curve, 2, 1);
		let key = prepared(&circuit);
		let statement = circuit.prove_square_roots(7);
		let inputs = statement.flat_inputs();
		let proof = &statement.proof;
		assert_eq!(
			verify(curve, &key, proof, &inputs[..INPUT_LEN]),
			Err(Groth16Error::WrongInputCount)
		);
		let three = [&inputs[..], &inputs[..INPUT_LEN]].concat();
		assert_eq!(verify(curve, &key, proof, &three), Err(Groth16Error::WrongInputCount));
		assert_eq!(verify(curve, &key, proof, &inputs[1..]), Err(Groth16Error::NonCanonicalInput));
		// The modulus itself is one past the largest canonical element.
		let modulus = match curve {
			Curve::Bn254 => ark_bn254::Fr::MODULUS.to_bytes_le(),
			Curve::Bls12_381 => ark_bls12_381::Fr::MODULUS.to_bytes_le(),
		};
		let mut above = inputs.clone();
		above[..INPUT_LEN].copy_from_slice(&modulus);
		assert_eq!(verify(curve, &key, proof, &above), Err(Groth16Error::NonCanonicalInput));
	}
}

#[test]
fn malformed_proofs_are_told_apart_from_bad_points() {
	for curve in CURVES {
		let circuit = Circuit::square_roots(curve, 1, 1);
		let key = prepared(&circuit);
		let statement = circuit.prove_square_roots(7);
		let inputs = statement.flat_inputs();
		let proof = &statement.proof;
		let check = |proof: &[u8]| verify(curve, &key, proof, &inputs);
		assert_eq!(check(&proof[..proof.len() - 1]), Err(Groth16Error::MalformedProof));
		assert_eq!(check(&[&proof[..], &[0]].concat()), Err(Groth16Error::MalformedProof));
		assert_eq!(check(&[]), Err(Groth16Error::MalformedProof));
		// A proof of the other curve has the wrong length for this one.
		let other = match curve {
			Curve::Bn254 => Curve::Bls12_381,
			Curve::Bls12_381 => Curve::Bn254,
		};
		let foreign = Circuit::square_roots(other, 1, 1).prove_square_roots(7);
		assert_eq!(check(&foreign.proof), Err(Groth16Error::MalformedProof));

		let g1 = curve.g1_len() as usize;
		let mut off_curve = proof.clone();
		off_curve[..g1].copy_from_slice(&g1_off_curve(curve));
		assert_eq!(check(&off_curve), Err(Groth16Error::PointNotOnCurve));
		let mut outside = proof.clone();
		outside[g1..3 * g1].copy_from_slice(&g2_outside_subgroup(curve));
		assert_eq!(check(&outside), Err(Groth16Error::PointNotInSubgroup));
	}
}

#[test]
fn keys_are_checked_when_prepared() {
	for curve in CURVES {
		let circuit = Circuit::square_roots(curve, 3, 1);
		let key = &circuit.verifying_key;
		assert_eq!(prepare_verifying_key(curve, key, 2), Err(Groth16Error::TooManyInputs));
		assert!(prepare_verifying_key(curve, key, 3).is_ok());
		let short = &key[..key.len() - 1];
		assert_eq!(prepare_verifying_key(curve, short, 64), Err(Groth16Error::MalformedKey));
		let long = [&key[..], &[0]].concat();
		assert_eq!(prepare_verifying_key(curve, &long, 64), Err(Groth16Error::MalformedKey));
		let g1 = curve.g1_len() as usize;
		let mut off_curve = key.clone();
		off_curve[..g1].copy_from_slice(&g1_off_curve(curve));
		assert_eq!(
			prepare_verifying_key(curve, &off_curve, 64),
			Err(Groth16Error::PointNotOnCurve)
		);
		let mut outside = key.clone();
		outside[g1..3 * g1].copy_from_slice(&g2_outside_subgroup(curve));
		assert_eq!(
			prepare_verifying_key(curve, &outside, 64),
			Err(Groth16Error::PointNotInSubgroup)
		);
		// A count of input bases that disagrees with the key's length is refused before
		// anything is allocated for it.
		let mut huge = key.clone();
		let count_at = g1 + 3 * 2 * g1;
		huge[count_at..count_at + 8].copy_from_slice(&u64::MAX.to_le_bytes());
		assert_eq!(prepare_verifying_key(curve, &huge, 64), Err(Groth16Error::MalformedKey));
		// A key of the other curve.
		let other = match curve {
			Curve::Bn254 => Curve::Bls12_381,
			Curve::Bls12_381 => Curve::Bn254,
		};
		assert!(prepare_verifying_key(other, key, 64).is_err());
	}
}

#[test]
fn a_batch_verifies_at_once_and_names_the_proof_that_fails() {
	for curve in CURVES {
		let circuit = Circuit::square_roots(curve, 2, 1);
		let key = prepared(&circuit);
		let batch: Vec<(Vec<u8>, Vec<u8>)> = (0..16)
			.map(|seed| {
				let statement = circuit.prove_square_roots(seed);
				(statement.proof.clone(), statement.flat_inputs())
			})
			.collect();
		assert_eq!(verify_batch(curve, &key, &batch), Ok(()));
		assert_eq!(verify_batch(curve, &key, &batch[..1]), Ok(()));

		let mut wrong = batch.clone();
		wrong[5].1 = batch[6].1.clone();
		assert_eq!(
			verify_batch(curve, &key, &wrong),
			Err(BatchFailure { index: 5, error: Groth16Error::InvalidProof })
		);
		let mut malformed = batch.clone();
		malformed[3].0.pop();
		assert_eq!(
			verify_batch(curve, &key, &malformed),
			Err(BatchFailure { index: 3, error: Groth16Error::MalformedProof })
		);
		// Two proofs swapped with each other's inputs fail, though each input set is valid.
		let mut swapped = batch.clone();
		swapped.swap(0, 1);
		swapped[0].1 = batch[0].1.clone();
		swapped[1].1 = batch[1].1.clone();
		assert_eq!(verify_batch(curve, &key, &swapped).map_err(|f| f.index), Err(0));
	}
}

#[test]
fn the_host_functions_answer_as_the_native_code() {
	for curve in CURVES {
		let circuit = Circuit::square_roots(curve, 2, 1);
		let key = host::prepare_verifying_key(curve, &circuit.verifying_key, MAX_INPUTS).unwrap();
		assert_eq!(key, prepared(&circuit));
		let statement = circuit.prove_square_roots(3);
		let inputs = statement.flat_inputs();
		assert_eq!(host::verify(curve, &key, &statement.proof, &inputs), Ok(()));
		assert_eq!(
			host::verify(curve, &key, &statement.proof, &inputs[..INPUT_LEN]),
			Err(Groth16Error::WrongInputCount)
		);
		let batch = vec![(statement.proof.clone(), inputs.clone()); 2];
		assert_eq!(host::verify_batch(curve, &key, batch), Ok(()));
		assert_eq!(
			host::prepare_verifying_key(curve, &[1, 2, 3], MAX_INPUTS),
			Err(Groth16Error::MalformedKey)
		);
		assert_eq!(
			host::verify(curve, &[0; 10], &statement.proof, &inputs),
			Err(Groth16Error::MalformedPreparedKey)
		);
	}
}
