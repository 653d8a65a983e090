//! Conversion of off-chain formats to the chain's encodings (arkworks canonical compressed):
//! snarkjs's `verification_key.json`, `proof.json` and `public.json`, and keys, proofs and
//! inputs serialized by arkworks (compressed or not).

use crate::{Curve, INPUT_LEN};
use ark_ec::{
	pairing::Pairing,
	short_weierstrass::{Affine, SWCurveConfig},
};
use ark_ff::{Field, One, PrimeField, Zero};
use ark_groth16::{Proof, VerifyingKey};
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use serde_json::Value;
use std::{string::String, vec::Vec};

/// Why a file could not be converted.
#[derive(Debug, PartialEq, Eq)]
pub struct ConvertError(pub String);

impl std::fmt::Display for ConvertError {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		f.write_str(&self.0)
	}
}

impl std::error::Error for ConvertError {}

fn error(message: impl Into<String>) -> ConvertError {
	ConvertError(message.into())
}

/// The curve a snarkjs file names in its `curve` field (`bn128` or `bls12381`).
pub fn curve_of(json: &Value) -> Result<Curve, ConvertError> {
	match json.get("curve").and_then(Value::as_str) {
		Some("bn128") | Some("bn254") => Ok(Curve::Bn254),
		Some("bls12381") | Some("bls12_381") => Ok(Curve::Bls12_381),
		Some(other) => Err(error(format!("unsupported curve `{other}`"))),
		None => Err(error("no `curve` field")),
	}
}

fn parse(text: &str) -> Result<Value, ConvertError> {
	serde_json::from_str(text).map_err(|e| error(format!("not JSON: {e}")))
}

/// snarkjs's `verification_key.json` as a compressed verifying key, with its curve.
pub fn verifying_key(text: &str) -> Result<(Curve, Vec<u8>), ConvertError> {
	let json = parse(text)?;
	if let Some(protocol) = json.get("protocol").and_then(Value::as_str) {
		if protocol != "groth16" {
			return Err(error(format!("a `{protocol}` key, not a Groth16 one")));
		}
	}
	let curve = curve_of(&json)?;
	let bytes = match curve {
		Curve::Bn254 => key::<ark_bn254::Bn254, _, _>(&json)?,
		Curve::Bls12_381 => key::<ark_bls12_381::Bls12_381, _, _>(&json)?,
	};
	Ok((curve, bytes))
}

/// snarkjs's `proof.json` as a compressed proof, with its curve.
pub fn proof(text: &str) -> Result<(Curve, Vec<u8>), ConvertError> {
	let json = parse(text)?;
	let curve = curve_of(&json)?;
	let bytes = match curve {
		Curve::Bn254 => proof_of::<ark_bn254::Bn254, _, _>(&json)?,
		Curve::Bls12_381 => proof_of::<ark_bls12_381::Bls12_381, _, _>(&json)?,
	};
	Ok((curve, bytes))
}

/// snarkjs's `public.json` (decimal strings) as public inputs of `curve`'s scalar field.
pub fn public_inputs(text: &str, curve: Curve) -> Result<Vec<[u8; INPUT_LEN]>, ConvertError> {
	let json = parse(text)?;
	let values = json.as_array().ok_or_else(|| error("public inputs are not a JSON array"))?;
	values
		.iter()
		.map(|value| {
			let decimal =
				value.as_str().ok_or_else(|| error("a public input is not a decimal string"))?;
			match curve {
				Curve::Bn254 => input_bytes(&decimal_field::<ark_bn254::Fr>(decimal)?),
				Curve::Bls12_381 => input_bytes(&decimal_field::<ark_bls12_381::Fr>(decimal)?),
			}
		})
		.collect()
}

/// A verifying key serialized by arkworks (compressed or uncompressed) as the chain's encoding.
pub fn arkworks_key(curve: Curve, bytes: &[u8]) -> Result<Vec<u8>, ConvertError> {
	match curve {
		Curve::Bn254 => recompress::<VerifyingKey<ark_bn254::Bn254>>(bytes),
		Curve::Bls12_381 => recompress::<VerifyingKey<ark_bls12_381::Bls12_381>>(bytes),
	}
}

/// A proof serialized by arkworks (compressed or uncompressed) as the chain's encoding.
pub fn arkworks_proof(curve: Curve, bytes: &[u8]) -> Result<Vec<u8>, ConvertError> {
	match curve {
		Curve::Bn254 => recompress::<Proof<ark_bn254::Bn254>>(bytes),
		Curve::Bls12_381 => recompress::<Proof<ark_bls12_381::Bls12_381>>(bytes),
	}
}

/// Public inputs serialized by arkworks (a `Vec` of scalars) as the chain's encoding.
pub fn arkworks_inputs(curve: Curve, bytes: &[u8]) -> Result<Vec<[u8; INPUT_LEN]>, ConvertError> {
	fn convert<F: PrimeField>(bytes: &[u8]) -> Result<Vec<[u8; INPUT_LEN]>, ConvertError> {
		let inputs = Vec::<F>::deserialize_compressed(bytes)
			.map_err(|e| error(format!("not arkworks-serialized inputs: {e}")))?;
		inputs.iter().map(input_bytes).collect()
	}
	match curve {
		Curve::Bn254 => convert::<ark_bn254::Fr>(bytes),
		Curve::Bls12_381 => convert::<ark_bls12_381::Fr>(bytes),
	}
}

fn recompress<T: CanonicalSerialize + CanonicalDeserialize>(
	bytes: &[u8],
) -> Result<Vec<u8>, ConvertError> {
	let value = T::deserialize_compressed(bytes)
		.or_else(|_| T::deserialize_uncompressed(bytes))
		.map_err(|e| error(format!("not an arkworks serialization of this curve: {e}")))?;
	let mut out = Vec::new();
	value.serialize_compressed(&mut out).map_err(|e| error(e.to_string()))?;
	Ok(out)
}

/// One public input as the chain's 32 little-endian bytes.
pub fn input_bytes<F: PrimeField>(value: &F) -> Result<[u8; INPUT_LEN], ConvertError> {
	let mut out = [0u8; INPUT_LEN];
	value.serialize_compressed(&mut out[..]).map_err(|e| error(e.to_string()))?;
	Ok(out)
}

fn key<E, P1, P2>(json: &Value) -> Result<Vec<u8>, ConvertError>
where
	E: Pairing<G1Affine = Affine<P1>, G2Affine = Affine<P2>>,
	P1: SWCurveConfig,
	P2: SWCurveConfig,
{
	let ic = json
		.get("IC")
		.and_then(Value::as_array)
		.ok_or_else(|| error("no `IC` array in the key"))?;
	let key = VerifyingKey::<E> {
		alpha_g1: point(json, "vk_alpha_1")?,
		beta_g2: point(json, "vk_beta_2")?,
		gamma_g2: point(json, "vk_gamma_2")?,
		delta_g2: point(json, "vk_delta_2")?,
		gamma_abc_g1: ic.iter().map(|p| point_from(p, "IC")).collect::<Result<_, _>>()?,
	};
	let mut out = Vec::new();
	key.serialize_compressed(&mut out).map_err(|e| error(e.to_string()))?;
	Ok(out)
}

fn proof_of<E, P1, P2>(json: &Value) -> Result<Vec<u8>, ConvertError>
where
	E: Pairing<G1Affine = Affine<P1>, G2Affine = Affine<P2>>,
	P1: SWCurveConfig,
	P2: SWCurveConfig,
{
	let proof =
		Proof::<E> { a: point(json, "pi_a")?, b: point(json, "pi_b")?, c: point(json, "pi_c")? };
	let mut out = Vec::new();
	proof.serialize_compressed(&mut out).map_err(|e| error(e.to_string()))?;
	Ok(out)
}

fn point<P: SWCurveConfig>(json: &Value, field: &str) -> Result<Affine<P>, ConvertError> {
	point_from(json.get(field).ok_or_else(|| error(format!("no `{field}`")))?, field)
}

/// A point as snarkjs writes it: projective `[x, y, z]` with `z` 1 (or 0 for infinity), each
/// coordinate a decimal string, or for G2 a pair `[c0, c1]` of them.
fn point_from<P: SWCurveConfig>(json: &Value, field: &str) -> Result<Affine<P>, ConvertError> {
	let at = |e: ConvertError| error(format!("`{field}`: {}", e.0));
	let coordinates = json
		.as_array()
		.filter(|c| c.len() == 3)
		.ok_or_else(|| error(format!("`{field}` is not a point [x, y, z]")))?;
	let x = coordinate::<P::BaseField>(&coordinates[0]).map_err(at)?;
	let y = coordinate::<P::BaseField>(&coordinates[1]).map_err(at)?;
	let z = coordinate::<P::BaseField>(&coordinates[2]).map_err(at)?;
	if z.is_zero() {
		return Ok(Affine::identity());
	}
	if !z.is_one() {
		return Err(error(format!("`{field}` is not in affine form (z must be 1)")));
	}
	let point = Affine::new_unchecked(x, y);
	if !point.is_on_curve() {
		return Err(error(format!("`{field}` is not on the curve")));
	}
	if !point.is_in_correct_subgroup_assuming_on_curve() {
		return Err(error(format!("`{field}` is not in the prime-order subgroup")));
	}
	Ok(point)
}

/// A coordinate: a decimal string for a prime field, an array of them for an extension.
fn coordinate<F: Field>(json: &Value) -> Result<F, ConvertError> {
	let parts: Vec<&Value> = match json {
		Value::Array(parts) => parts.iter().collect(),
		single => std::vec![single],
	};
	if parts.len() as u64 != F::extension_degree() {
		return Err(error(format!("expected {} field elements", F::extension_degree())));
	}
	let elements = parts
		.into_iter()
		.map(|part| {
			let decimal = part.as_str().ok_or_else(|| error("a coordinate is not a string"))?;
			decimal_field::<F::BasePrimeField>(decimal)
		})
		.collect::<Result<Vec<_>, _>>()?;
	F::from_base_prime_field_elems(elements).ok_or_else(|| error("bad coordinate"))
}

/// A decimal string as a field element, refused unless it is below the modulus.
fn decimal_field<F: PrimeField>(decimal: &str) -> Result<F, ConvertError> {
	let digits = decimal.trim();
	if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
		return Err(error(format!("`{decimal}` is not a decimal number")));
	}
	let value = F::from_str(digits).map_err(|_| error(format!("`{decimal}` is not a number")))?;
	// `from_str` reduces modulo the field; a canonical input prints back unchanged.
	let canonical = digits.trim_start_matches('0');
	let printed = value.into_bigint().to_string();
	if printed.trim_start_matches('0') != canonical {
		return Err(error(format!("`{decimal}` is not below the field's modulus")));
	}
	Ok(value)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn decimals_above_the_modulus_are_refused() {
		let modulus = ark_bn254::Fr::MODULUS.to_string();
		assert!(decimal_field::<ark_bn254::Fr>(&modulus).is_err());
		assert!(decimal_field::<ark_bn254::Fr>("12x").is_err());
		assert!(decimal_field::<ark_bn254::Fr>("").is_err());
		assert_eq!(decimal_field::<ark_bn254::Fr>("0007").unwrap(), ark_bn254::Fr::from(7u8));
		assert_eq!(decimal_field::<ark_bn254::Fr>("0").unwrap(), ark_bn254::Fr::from(0u8));
	}
}
