//! The native side of verification: decoding with precise errors, key preparation, and single
//! and batch verification with `ark-groth16`. The host functions call these; so do tests and
//! benchmarks.

use crate::{BatchFailure, Curve, Groth16Error, INPUT_LEN};
use alloc::vec::Vec;
use ark_ec::{
	pairing::{Pairing, PairingOutput},
	AffineRepr, CurveGroup, VariableBaseMSM,
};
use ark_ff::{PrimeField, Zero};
use ark_groth16::{Groth16, PreparedVerifyingKey, Proof, VerifyingKey};
use ark_serialize::{
	CanonicalDeserialize, CanonicalSerialize, Compress, SerializationError, Validate,
};

/// Check a compressed verifying key of `curve` and return it prepared (see the crate docs).
pub fn prepare_verifying_key(
	curve: Curve,
	key: &[u8],
	max_inputs: u32,
) -> Result<Vec<u8>, Groth16Error> {
	match curve {
		Curve::Bn254 => prepare::<ark_bn254::Bn254>(key, max_inputs),
		Curve::Bls12_381 => prepare::<ark_bls12_381::Bls12_381>(key, max_inputs),
	}
}

/// Verify one compressed proof against a prepared key and its public inputs ([`INPUT_LEN`]
/// bytes each).
pub fn verify(
	curve: Curve,
	prepared_key: &[u8],
	proof: &[u8],
	inputs: &[u8],
) -> Result<(), Groth16Error> {
	match curve {
		Curve::Bn254 => verify_one::<ark_bn254::Bn254>(prepared_key, proof, inputs),
		Curve::Bls12_381 => verify_one::<ark_bls12_381::Bls12_381>(prepared_key, proof, inputs),
	}
}

/// Verify a batch of (proof, inputs) against one prepared key with one combined pairing check;
/// if it fails, say which proof failed and why.
pub fn verify_batch(
	curve: Curve,
	prepared_key: &[u8],
	proofs: &[(Vec<u8>, Vec<u8>)],
) -> Result<(), BatchFailure> {
	match curve {
		Curve::Bn254 => verify_many::<ark_bn254::Bn254>(prepared_key, proofs),
		Curve::Bls12_381 => verify_many::<ark_bls12_381::Bls12_381>(prepared_key, proofs),
	}
}

/// A key checked and prepared once, when its circuit was registered.
pub struct PreparedKey<E: Pairing> {
	/// The key, with `e(alpha, beta)` and the negated, prepared `gamma` and `delta`.
	pub prepared: PreparedVerifyingKey<E>,
}

impl<E: Pairing> PreparedKey<E> {
	/// Check a compressed key: every point on the curve and in the subgroup, at most
	/// `max_inputs` inputs, nothing left over.
	pub fn check(key: &[u8], max_inputs: u32) -> Result<VerifyingKey<E>, Groth16Error> {
		let malformed = Groth16Error::MalformedKey;
		let g1 = E::G1Affine::generator().compressed_size();
		let g2 = E::G2Affine::generator().compressed_size();
		// The count of input bases sits behind alpha, beta, gamma and delta; the length must
		// be exactly what it announces before any point is read.
		let count_at = g1 + 3 * g2;
		let count = key.get(count_at..count_at + 8).ok_or(malformed)?;
		let bases = u64::deserialize_compressed(count).map_err(|_| malformed)?;
		let expected_len = bases
			.checked_mul(g1 as u64)
			.and_then(|points| points.checked_add((count_at + 8) as u64));
		if bases == 0 || expected_len != Some(key.len() as u64) {
			return Err(malformed);
		}
		if bases - 1 > u64::from(max_inputs.min(crate::MAX_INPUTS)) {
			return Err(Groth16Error::TooManyInputs);
		}
		let reader = &mut &key[..];
		let alpha_g1 = read_point::<E::G1Affine>(reader, malformed)?;
		let beta_g2 = read_point::<E::G2Affine>(reader, malformed)?;
		let gamma_g2 = read_point::<E::G2Affine>(reader, malformed)?;
		let delta_g2 = read_point::<E::G2Affine>(reader, malformed)?;
		*reader = &reader[8..];
		let gamma_abc_g1 = (0..bases)
			.map(|_| read_point::<E::G1Affine>(reader, malformed))
			.collect::<Result<Vec<_>, _>>()?;
		Ok(VerifyingKey { alpha_g1, beta_g2, gamma_g2, delta_g2, gamma_abc_g1 })
	}

	/// The stored form: the key's points uncompressed, then `e(alpha, beta)`.
	pub fn encode(key: &VerifyingKey<E>) -> Vec<u8> {
		let alpha_beta = E::pairing(key.alpha_g1, key.beta_g2);
		let mut out = Vec::with_capacity(key.uncompressed_size() + alpha_beta.uncompressed_size());
		// Writing to a vector cannot fail.
		let _ = key.serialize_uncompressed(&mut out);
		let _ = alpha_beta.serialize_uncompressed(&mut out);
		out
	}

	/// Read the stored form. Its points were checked at registration and are not checked again.
	pub fn decode(bytes: &[u8]) -> Result<Self, Groth16Error> {
		let reader = &mut &bytes[..];
		let bad = |_| Groth16Error::MalformedPreparedKey;
		let read_g1 = |r: &mut &[u8]| {
			E::G1Affine::deserialize_with_mode(r, Compress::No, Validate::No).map_err(bad)
		};
		let read_g2 = |r: &mut &[u8]| {
			E::G2Affine::deserialize_with_mode(r, Compress::No, Validate::No).map_err(bad)
		};
		let alpha_g1 = read_g1(reader)?;
		let beta_g2 = read_g2(reader)?;
		let gamma_g2 = read_g2(reader)?;
		let delta_g2 = read_g2(reader)?;
		let bases = u64::deserialize_uncompressed(&mut *reader).map_err(bad)?;
		if bases == 0 || bases > u64::from(crate::MAX_INPUTS) + 1 {
			return Err(Groth16Error::MalformedPreparedKey);
		}
		let gamma_abc_g1 = (0..bases).map(|_| read_g1(reader)).collect::<Result<Vec<_>, _>>()?;
		let alpha_g1_beta_g2 =
			PairingOutput::<E>::deserialize_with_mode(&mut *reader, Compress::No, Validate::No)
				.map_err(bad)?
				.0;
		if !reader.is_empty() {
			return Err(Groth16Error::MalformedPreparedKey);
		}
		let vk = VerifyingKey::<E> { alpha_g1, beta_g2, gamma_g2, delta_g2, gamma_abc_g1 };
		let prepared = PreparedVerifyingKey {
			gamma_g2_neg_pc: E::G2Prepared::from(-vk.gamma_g2),
			delta_g2_neg_pc: E::G2Prepared::from(-vk.delta_g2),
			alpha_g1_beta_g2,
			vk,
		};
		Ok(Self { prepared })
	}

	/// How many public inputs a proof against this key has.
	pub fn inputs(&self) -> usize {
		self.prepared.vk.gamma_abc_g1.len() - 1
	}

	/// The key's combination of the public inputs, `gamma_abc[0] + Σ inputs[i]·gamma_abc[i+1]`,
	/// as one multi-scalar multiplication.
	fn combine_inputs(&self, scalars: &[E::ScalarField]) -> E::G1 {
		let bases = &self.prepared.vk.gamma_abc_g1;
		// The lengths agree: `read_inputs` checked the count against the key.
		let msm = E::G1::msm_unchecked(&bases[1..], scalars);
		msm + bases[0]
	}
}

/// Read one compressed point, telling malformed bytes (too few) from a point off the curve and
/// a point outside the subgroup.
fn read_point<A: AffineRepr>(
	reader: &mut &[u8],
	malformed: Groth16Error,
) -> Result<A, Groth16Error> {
	let len = A::generator().compressed_size();
	if reader.len() < len {
		return Err(malformed);
	}
	let (bytes, rest) = reader.split_at(len);
	*reader = rest;
	let point =
		A::deserialize_with_mode(bytes, Compress::Yes, Validate::No).map_err(
			|error| match error {
				// The x coordinate is not below the modulus, or no y goes with it.
				SerializationError::InvalidData => Groth16Error::PointNotOnCurve,
				_ => malformed,
			},
		)?;
	// A decompressed point is on the curve; what is left is the subgroup.
	point.check().map_err(|_| Groth16Error::PointNotInSubgroup)?;
	Ok(point)
}

/// Read a compressed proof: A, B, C and nothing more.
pub fn read_proof<E: Pairing>(bytes: &[u8]) -> Result<Proof<E>, Groth16Error> {
	let malformed = Groth16Error::MalformedProof;
	let g1 = E::G1Affine::generator().compressed_size();
	if bytes.len() != 2 * g1 + E::G2Affine::generator().compressed_size() {
		return Err(malformed);
	}
	let reader = &mut &bytes[..];
	let a = read_point::<E::G1Affine>(reader, malformed)?;
	let b = read_point::<E::G2Affine>(reader, malformed)?;
	let c = read_point::<E::G1Affine>(reader, malformed)?;
	Ok(Proof { a, b, c })
}

/// Read `expected` public inputs of [`INPUT_LEN`] bytes, each below the scalar field's modulus.
pub fn read_inputs<F: PrimeField>(bytes: &[u8], expected: usize) -> Result<Vec<F>, Groth16Error> {
	if bytes.len() != expected * INPUT_LEN {
		return Err(if bytes.len().is_multiple_of(INPUT_LEN) {
			Groth16Error::WrongInputCount
		} else {
			Groth16Error::NonCanonicalInput
		});
	}
	bytes
		.chunks_exact(INPUT_LEN)
		.map(|chunk| F::deserialize_compressed(chunk).map_err(|_| Groth16Error::NonCanonicalInput))
		.collect()
}

fn prepare<E: Pairing>(key: &[u8], max_inputs: u32) -> Result<Vec<u8>, Groth16Error> {
	let key = PreparedKey::<E>::check(key, max_inputs)?;
	Ok(PreparedKey::encode(&key))
}

fn verify_one<E: Pairing>(
	prepared_key: &[u8],
	proof: &[u8],
	inputs: &[u8],
) -> Result<(), Groth16Error> {
	let key = PreparedKey::<E>::decode(prepared_key)?;
	let proof = read_proof::<E>(proof)?;
	let inputs = read_inputs::<E::ScalarField>(inputs, key.inputs())?;
	check_one(&key, &proof, &inputs)
}

fn check_one<E: Pairing>(
	key: &PreparedKey<E>,
	proof: &Proof<E>,
	inputs: &[E::ScalarField],
) -> Result<(), Groth16Error> {
	let combined = key.combine_inputs(inputs);
	match Groth16::<E>::verify_proof_with_prepared_inputs(&key.prepared, proof, &combined) {
		Ok(true) => Ok(()),
		_ => Err(Groth16Error::InvalidProof),
	}
}

fn verify_many<E: Pairing>(
	prepared_key: &[u8],
	batch: &[(Vec<u8>, Vec<u8>)],
) -> Result<(), BatchFailure> {
	let at = |index: usize, error| BatchFailure { index: index as u32, error };
	let key = PreparedKey::<E>::decode(prepared_key).map_err(|e| at(0, e))?;
	let mut proofs = Vec::with_capacity(batch.len());
	for (index, (proof, inputs)) in batch.iter().enumerate() {
		let proof = read_proof::<E>(proof).map_err(|e| at(index, e))?;
		let inputs =
			read_inputs::<E::ScalarField>(inputs, key.inputs()).map_err(|e| at(index, e))?;
		proofs.push((proof, inputs));
	}
	if check_combined(&key, &proofs, &coefficients::<E>(prepared_key, batch)) {
		return Ok(());
	}
	// Some proof is wrong: find the first.
	for (index, (proof, inputs)) in proofs.iter().enumerate() {
		check_one(&key, proof, inputs).map_err(|e| at(index, e))?;
	}
	Ok(())
}

/// One 128-bit coefficient per proof, drawn from a hash of the key and the whole batch: the same
/// on every node, and unknown to whoever chose the proofs until the proofs were fixed.
fn coefficients<E: Pairing>(
	prepared_key: &[u8],
	batch: &[(Vec<u8>, Vec<u8>)],
) -> Vec<E::ScalarField> {
	let mut transcript = Vec::with_capacity(prepared_key.len() + batch.len() * 256);
	transcript.extend_from_slice(b"lazai/groth16/batch");
	transcript.extend_from_slice(prepared_key);
	for (proof, inputs) in batch {
		transcript.extend_from_slice(&(proof.len() as u32).to_le_bytes());
		transcript.extend_from_slice(proof);
		transcript.extend_from_slice(&(inputs.len() as u32).to_le_bytes());
		transcript.extend_from_slice(inputs);
	}
	let seed = sp_crypto_hashing::blake2_256(&transcript);
	(0..batch.len() as u32)
		.map(|i| {
			let mut draw = [0u8; 36];
			draw[..32].copy_from_slice(&seed);
			draw[32..].copy_from_slice(&i.to_le_bytes());
			let digest = sp_crypto_hashing::blake2_128(&draw);
			E::ScalarField::from(u128::from_le_bytes(digest))
		})
		.collect()
}

/// The random linear combination of the proofs' equations,
/// `Π e(rᵢ·Aᵢ, Bᵢ) = e(α, β)^Σrᵢ · e(Σ rᵢ·Lᵢ, γ) · e(Σ rᵢ·Cᵢ, δ)`,
/// checked with one multi-Miller loop and one final exponentiation.
fn check_combined<E: Pairing>(
	key: &PreparedKey<E>,
	proofs: &[(Proof<E>, Vec<E::ScalarField>)],
	coefficients: &[E::ScalarField],
) -> bool {
	let inputs = key.inputs();
	let mut sum = E::ScalarField::zero();
	// Σ rᵢ·Lᵢ = (Σ rᵢ)·gamma_abc[0] + Σⱼ (Σᵢ rᵢ·xᵢⱼ)·gamma_abc[j+1]
	let mut input_scalars = alloc::vec![E::ScalarField::zero(); inputs];
	let mut g1 = Vec::with_capacity(proofs.len() + 2);
	let mut g2 = Vec::with_capacity(proofs.len() + 2);
	let mut cs = Vec::with_capacity(proofs.len());
	for ((proof, xs), r) in proofs.iter().zip(coefficients) {
		sum += r;
		for (acc, x) in input_scalars.iter_mut().zip(xs) {
			*acc += *r * x;
		}
		g1.push((proof.a * r).into_affine());
		g2.push(E::G2Prepared::from(proof.b));
		cs.push(proof.c);
	}
	let bases = &key.prepared.vk.gamma_abc_g1;
	let combined_inputs = E::G1::msm_unchecked(&bases[1..], &input_scalars) + bases[0] * sum;
	let combined_c = E::G1::msm_unchecked(&cs, coefficients);
	g1.push(combined_inputs.into_affine());
	g2.push(key.prepared.gamma_g2_neg_pc.clone());
	g1.push(combined_c.into_affine());
	g2.push(key.prepared.delta_g2_neg_pc.clone());
	match E::final_exponentiation(E::multi_miller_loop(g1, g2)) {
		Some(product) => product == PairingOutput(key.prepared.alpha_g1_beta_g2) * sum,
		None => false,
	}
}
