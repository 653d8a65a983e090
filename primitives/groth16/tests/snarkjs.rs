//! snarkjs's JSON files and arkworks serializations convert to encodings that verify. The JSON
//! is written here in snarkjs's layout from a real arkworks setup and proof (the e2e test
//! converts files written by snarkjs itself).

use ark_ec::{pairing::Pairing, short_weierstrass::Affine, AffineRepr};
use ark_ff::{Field, PrimeField};
use ark_groth16::{Proof, VerifyingKey};
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use lazai_groth16::{
	native::{prepare_verifying_key, verify},
	snarkjs,
	testing::Circuit,
	Curve, MAX_INPUTS,
};
use serde_json::{json, Value};

/// A coordinate as snarkjs writes it: decimal, or `[c0, c1]` for G2.
fn coordinate<F: Field>(value: &F) -> Value {
	let parts: Vec<Value> = value
		.to_base_prime_field_elements()
		.map(|part| Value::String(part.into_bigint().to_string()))
		.collect();
	if parts.len() == 1 {
		parts[0].clone()
	} else {
		Value::Array(parts)
	}
}

fn point<P: ark_ec::short_weierstrass::SWCurveConfig>(point: &Affine<P>) -> Value {
	let one = coordinate(&P::BaseField::ONE);
	let (x, y) = point.xy().expect("not the point at infinity");
	json!([coordinate(&x), coordinate(&y), one])
}

fn snarkjs_files<E, P1, P2>(
	circuit: &Circuit,
	curve_name: &str,
	seed: u64,
) -> (String, String, String)
where
	E: Pairing<G1Affine = Affine<P1>, G2Affine = Affine<P2>>,
	P1: ark_ec::short_weierstrass::SWCurveConfig,
	P2: ark_ec::short_weierstrass::SWCurveConfig,
{
	let vk = VerifyingKey::<E>::deserialize_compressed(&circuit.verifying_key[..]).unwrap();
	let statement = circuit.prove_square_roots(seed);
	let proof = Proof::<E>::deserialize_compressed(&statement.proof[..]).unwrap();
	let key = json!({
		"protocol": "groth16",
		"curve": curve_name,
		"nPublic": circuit.inputs,
		"vk_alpha_1": point(&vk.alpha_g1),
		"vk_beta_2": point(&vk.beta_g2),
		"vk_gamma_2": point(&vk.gamma_g2),
		"vk_delta_2": point(&vk.delta_g2),
		"IC": vk.gamma_abc_g1.iter().map(point).collect::<Vec<_>>(),
	});
	let proof = json!({
		"pi_a": point(&proof.a),
		"pi_b": point(&proof.b),
		"pi_c": point(&proof.c),
		"protocol": "groth16",
		"curve": curve_name,
	});
	let public: Vec<Value> = statement
		.inputs
		.iter()
		.map(|bytes| {
			Value::String(
				E::ScalarField::deserialize_compressed(&bytes[..])
					.unwrap()
					.into_bigint()
					.to_string(),
			)
		})
		.collect();
	(key.to_string(), proof.to_string(), Value::Array(public).to_string())
}

#[test]
fn snarkjs_files_convert_to_a_key_proof_and_inputs_that_verify() {
	for (curve, name) in [(Curve::Bn254, "bn128"), (Curve::Bls12_381, "bls12381")] {
		let circuit = Circuit::square_roots(curve, 3, 1);
		let (key, proof, public) = match curve {
			Curve::Bn254 => snarkjs_files::<ark_bn254::Bn254, _, _>(&circuit, name, 4),
			Curve::Bls12_381 => snarkjs_files::<ark_bls12_381::Bls12_381, _, _>(&circuit, name, 4),
		};
		let (key_curve, key) = snarkjs::verifying_key(&key).unwrap();
		let (proof_curve, proof) = snarkjs::proof(&proof).unwrap();
		let inputs = snarkjs::public_inputs(&public, curve).unwrap();
		assert_eq!((key_curve, proof_curve), (curve, curve));
		assert_eq!(key, circuit.verifying_key);
		let prepared = prepare_verifying_key(curve, &key, MAX_INPUTS).unwrap();
		assert_eq!(verify(curve, &prepared, &proof, &inputs.concat()), Ok(()));
	}
}

#[test]
fn broken_snarkjs_files_are_refused_with_a_reason() {
	let circuit = Circuit::square_roots(Curve::Bn254, 1, 1);
	let (key, proof, _) = snarkjs_files::<ark_bn254::Bn254, _, _>(&circuit, "bn128", 2);
	let mut json: Value = serde_json::from_str(&key).unwrap();
	json["curve"] = "bls12377".into();
	assert!(snarkjs::verifying_key(&json.to_string()).unwrap_err().0.contains("unsupported curve"));
	let mut json: Value = serde_json::from_str(&proof).unwrap();
	json["pi_a"][1] = "5".into();
	assert!(snarkjs::proof(&json.to_string()).unwrap_err().0.contains("not on the curve"));
	json["pi_a"][2] = "7".into();
	assert!(snarkjs::proof(&json.to_string()).unwrap_err().0.contains("affine"));
	let mut json: Value = serde_json::from_str(&key).unwrap();
	json["protocol"] = "plonk".into();
	assert!(snarkjs::verifying_key(&json.to_string()).is_err());
	assert!(snarkjs::public_inputs("[\"1\", 2]", Curve::Bn254).is_err());
	assert!(snarkjs::verifying_key("{").is_err());
}

#[test]
fn arkworks_serializations_convert_compressed_or_not() {
	for curve in [Curve::Bn254, Curve::Bls12_381] {
		let circuit = Circuit::square_roots(curve, 2, 1);
		let statement = circuit.prove_square_roots(5);
		fn uncompressed<T: CanonicalSerialize + CanonicalDeserialize>(
			compressed: &[u8],
		) -> Vec<u8> {
			let value = T::deserialize_compressed(compressed).unwrap();
			let mut out = Vec::new();
			value.serialize_uncompressed(&mut out).unwrap();
			out
		}
		let (key, proof) = match curve {
			Curve::Bn254 => (
				uncompressed::<VerifyingKey<ark_bn254::Bn254>>(&circuit.verifying_key),
				uncompressed::<Proof<ark_bn254::Bn254>>(&statement.proof),
			),
			Curve::Bls12_381 => (
				uncompressed::<VerifyingKey<ark_bls12_381::Bls12_381>>(&circuit.verifying_key),
				uncompressed::<Proof<ark_bls12_381::Bls12_381>>(&statement.proof),
			),
		};
		assert_eq!(snarkjs::arkworks_key(curve, &key).unwrap(), circuit.verifying_key);
		assert_eq!(
			snarkjs::arkworks_key(curve, &circuit.verifying_key).unwrap(),
			circuit.verifying_key
		);
		assert_eq!(snarkjs::arkworks_proof(curve, &proof).unwrap(), statement.proof);
		let mut inputs = (statement.inputs.len() as u64).to_le_bytes().to_vec();
		inputs.extend(statement.inputs.concat());
		assert_eq!(snarkjs::arkworks_inputs(curve, &inputs).unwrap(), statement.inputs);
		assert!(snarkjs::arkworks_proof(curve, &proof[1..]).is_err());
	}
}
