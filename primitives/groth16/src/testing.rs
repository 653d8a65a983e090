//! Real circuits and a real Groth16 prover (arkworks), for tests, benchmarks and fixtures: no
//! proof in a test is pasted in, each comes from proving one of these circuits.

use crate::{Curve, INPUT_LEN};
use ark_ec::{pairing::Pairing, short_weierstrass::Affine, AffineRepr};
use ark_ff::{Field, PrimeField};
use ark_groth16::{Groth16, ProvingKey};
use ark_relations::{
	gr1cs::{
		ConstraintSynthesizer, ConstraintSystemRef, LinearCombination, SynthesisError, Variable,
	},
	lc,
};
use ark_serialize::CanonicalSerialize;
use ark_snark::SNARK;
use ark_std::{
	rand::{rngs::StdRng, Rng, SeedableRng},
	UniformRand,
};

/// Knowledge of square roots: for each public input `xᵢ` the prover knows `rᵢ` with
/// `rᵢ·rᵢ = xᵢ`. Its size is its number of public inputs.
#[derive(Clone)]
pub struct SquareRoots<F> {
	/// The private roots; the public inputs are their squares.
	pub roots: Vec<F>,
}

impl<F: PrimeField> ConstraintSynthesizer<F> for SquareRoots<F> {
	fn generate_constraints(self, cs: ConstraintSystemRef<F>) -> Result<(), SynthesisError> {
		for root in self.roots {
			let square = cs.new_input_variable(|| Ok(root.square()))?;
			let root = cs.new_witness_variable(|| Ok(root))?;
			cs.enforce_r1cs_constraint(|| lc!() + root, || lc!() + root, || lc!() + square)?;
		}
		Ok(())
	}
}

/// A model evaluation in the chain's layout: public inputs model id, dataset DAT id and score
/// (parts per million); privately, whether the model got each sample right. The circuit checks
/// each outcome is 0 or 1 and that the score is `1_000_000 / samples` per correct sample.
#[derive(Clone)]
pub struct Evaluation {
	/// The model evaluated.
	pub model: u64,
	/// The DAT of the dataset it was evaluated on.
	pub dataset: u64,
	/// Whether the model got each sample right.
	pub outcomes: Vec<bool>,
}

impl Evaluation {
	/// The score this evaluation proves, in parts per million.
	pub fn score(&self) -> u64 {
		self.unit() * self.outcomes.iter().filter(|right| **right).count() as u64
	}

	fn unit(&self) -> u64 {
		1_000_000 / self.outcomes.len().max(1) as u64
	}

	/// The public inputs: model, dataset, score.
	pub fn inputs<F: PrimeField>(&self) -> Vec<F> {
		vec![F::from(self.model), F::from(self.dataset), F::from(self.score())]
	}
}

impl<F: PrimeField> ConstraintSynthesizer<F> for Evaluation {
	fn generate_constraints(self, cs: ConstraintSystemRef<F>) -> Result<(), SynthesisError> {
		let [model, dataset, score] = self.inputs::<F>()[..] else {
			return Err(SynthesisError::Unsatisfiable);
		};
		// Model and dataset are only named: the reduction binds every public input to the proof.
		let _model = cs.new_input_variable(|| Ok(model))?;
		let _dataset = cs.new_input_variable(|| Ok(dataset))?;
		let score = cs.new_input_variable(|| Ok(score))?;
		let unit = F::from(self.unit());
		let mut total = LinearCombination::<F>::new();
		for right in &self.outcomes {
			let bit = cs.new_witness_variable(|| Ok(F::from(*right as u8)))?;
			cs.enforce_r1cs_constraint(|| lc!() + bit, || lc!() + bit, || lc!() + bit)?;
			total += (unit, bit);
		}
		cs.enforce_r1cs_constraint(|| total, || lc!() + Variable::One, || lc!() + score)?;
		Ok(())
	}
}

/// A circuit's proving key on one curve (boxed: the keys are large and of different sizes).
pub enum ProvingKeyOf {
	/// On BN254.
	Bn254(Box<ProvingKey<ark_bn254::Bn254>>),
	/// On BLS12-381.
	Bls12_381(Box<ProvingKey<ark_bls12_381::Bls12_381>>),
}

/// A circuit set up on a curve: the chain's encoding of its verifying key, and its prover.
pub struct Circuit {
	/// The curve it is set up on.
	pub curve: Curve,
	/// The compressed verifying key, as `register_circuit` takes it.
	pub verifying_key: Vec<u8>,
	/// How many public inputs its proofs have.
	pub inputs: usize,
	proving_key: ProvingKeyOf,
}

/// A proof with its public inputs, in the chain's encodings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProvenStatement {
	/// The compressed proof.
	pub proof: Vec<u8>,
	/// The public inputs, 32 bytes each.
	pub inputs: Vec<[u8; INPUT_LEN]>,
}

impl ProvenStatement {
	/// The inputs as one byte string, as the host functions take them.
	pub fn flat_inputs(&self) -> Vec<u8> {
		self.inputs.concat()
	}
}

impl Circuit {
	/// Set up [`SquareRoots`] with `inputs` public inputs (a trusted setup from `seed`).
	pub fn square_roots(curve: Curve, inputs: usize, seed: u64) -> Self {
		match curve {
			Curve::Bn254 => {
				let circuit = SquareRoots { roots: vec![ark_bn254::Fr::from(1u8); inputs] };
				let (pk, vk) = setup::<ark_bn254::Bn254, _>(circuit, seed);
				Self {
					curve,
					verifying_key: vk,
					inputs,
					proving_key: ProvingKeyOf::Bn254(Box::new(pk)),
				}
			},
			Curve::Bls12_381 => {
				let circuit = SquareRoots { roots: vec![ark_bls12_381::Fr::from(1u8); inputs] };
				let (pk, vk) = setup::<ark_bls12_381::Bls12_381, _>(circuit, seed);
				let proving_key = ProvingKeyOf::Bls12_381(Box::new(pk));
				Self { curve, verifying_key: vk, inputs, proving_key }
			},
		}
	}

	/// Set up [`Evaluation`] over `samples` samples.
	pub fn evaluation(curve: Curve, samples: usize, seed: u64) -> Self {
		let circuit = Evaluation { model: 0, dataset: 0, outcomes: vec![false; samples] };
		match curve {
			Curve::Bn254 => {
				let (pk, vk) = setup::<ark_bn254::Bn254, _>(circuit, seed);
				Self {
					curve,
					verifying_key: vk,
					inputs: 3,
					proving_key: ProvingKeyOf::Bn254(Box::new(pk)),
				}
			},
			Curve::Bls12_381 => {
				let (pk, vk) = setup::<ark_bls12_381::Bls12_381, _>(circuit, seed);
				let proving_key = ProvingKeyOf::Bls12_381(Box::new(pk));
				Self { curve, verifying_key: vk, inputs: 3, proving_key }
			},
		}
	}

	/// Prove a [`SquareRoots`] statement with random roots drawn from `seed`.
	pub fn prove_square_roots(&self, seed: u64) -> ProvenStatement {
		fn roots<F: PrimeField>(count: usize, seed: u64) -> SquareRoots<F> {
			let mut rng = StdRng::seed_from_u64(seed);
			SquareRoots { roots: (0..count).map(|_| F::rand(&mut rng)).collect() }
		}
		match &self.proving_key {
			ProvingKeyOf::Bn254(pk) => {
				let circuit = roots::<ark_bn254::Fr>(self.inputs, seed);
				let inputs: Vec<_> = circuit.roots.iter().map(|r| r.square()).collect();
				statement(pk, circuit, &inputs, seed)
			},
			ProvingKeyOf::Bls12_381(pk) => {
				let circuit = roots::<ark_bls12_381::Fr>(self.inputs, seed);
				let inputs: Vec<_> = circuit.roots.iter().map(|r| r.square()).collect();
				statement(pk, circuit, &inputs, seed)
			},
		}
	}

	/// Prove an [`Evaluation`] (set up over as many samples as `evaluation` has).
	pub fn prove_evaluation(&self, evaluation: &Evaluation, seed: u64) -> ProvenStatement {
		match &self.proving_key {
			ProvingKeyOf::Bn254(pk) => {
				statement(pk, evaluation.clone(), &evaluation.inputs::<ark_bn254::Fr>(), seed)
			},
			ProvingKeyOf::Bls12_381(pk) => {
				let inputs = evaluation.inputs::<ark_bls12_381::Fr>();
				statement(pk, evaluation.clone(), &inputs, seed)
			},
		}
	}
}

/// Random outcomes for `samples` samples, from `seed`.
pub fn random_outcomes(samples: usize, seed: u64) -> Vec<bool> {
	let mut rng = StdRng::seed_from_u64(seed);
	(0..samples).map(|_| rng.gen()).collect()
}

fn setup<E: Pairing, C: ConstraintSynthesizer<E::ScalarField>>(
	circuit: C,
	seed: u64,
) -> (ProvingKey<E>, Vec<u8>) {
	let mut rng = StdRng::seed_from_u64(seed);
	let (pk, vk) = Groth16::<E>::circuit_specific_setup(circuit, &mut rng)
		.expect("the test circuits are satisfiable");
	let mut key = Vec::new();
	vk.serialize_compressed(&mut key).expect("a vector takes any length");
	(pk, key)
}

fn statement<E: Pairing, C: ConstraintSynthesizer<E::ScalarField>>(
	pk: &ProvingKey<E>,
	circuit: C,
	inputs: &[E::ScalarField],
	seed: u64,
) -> ProvenStatement {
	let mut rng = StdRng::seed_from_u64(seed ^ 0x5eed);
	let proof =
		Groth16::<E>::prove(pk, circuit, &mut rng).expect("the witness satisfies the circuit");
	let mut bytes = Vec::new();
	proof.serialize_compressed(&mut bytes).expect("a vector takes any length");
	let inputs = inputs
		.iter()
		.map(|x| crate::snarkjs::input_bytes(x).expect("a scalar fits in 32 bytes"))
		.collect();
	ProvenStatement { proof: bytes, inputs }
}

/// A scalar of `curve` drawn from `seed`, in the chain's encoding.
pub fn random_input(curve: Curve, seed: u64) -> [u8; INPUT_LEN] {
	let mut rng = StdRng::seed_from_u64(seed);
	let encoded = match curve {
		Curve::Bn254 => crate::snarkjs::input_bytes(&ark_bn254::Fr::rand(&mut rng)),
		Curve::Bls12_381 => crate::snarkjs::input_bytes(&ark_bls12_381::Fr::rand(&mut rng)),
	};
	encoded.expect("a scalar fits in 32 bytes")
}

/// A proof and its public inputs, in the chain's encodings.
pub type EncodedStatement = (Vec<u8>, Vec<u8>);

/// A [`SquareRoots`] key with `inputs` inputs and `proofs` proofs for it (seeds 0, 1, …), set up
/// and proven once per process: benchmarks ask for the same ones many times.
pub fn cached_square_roots(
	curve: Curve,
	inputs: usize,
	proofs: usize,
) -> (Vec<u8>, Vec<EncodedStatement>) {
	use std::{collections::BTreeMap, sync::Mutex};
	type Key = (u8, usize);
	static CACHE: Mutex<BTreeMap<Key, (Circuit, Vec<ProvenStatement>)>> =
		Mutex::new(BTreeMap::new());
	let mut cache = CACHE.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
	let (circuit, statements) = cache
		.entry((curve as u8, inputs))
		.or_insert_with(|| (Circuit::square_roots(curve, inputs, 1), Vec::new()));
	while statements.len() < proofs {
		statements.push(circuit.prove_square_roots(statements.len() as u64));
	}
	let proven = statements[..proofs]
		.iter()
		.map(|statement| (statement.proof.clone(), statement.flat_inputs()))
		.collect();
	(circuit.verifying_key.clone(), proven)
}

/// A compressed G1 encoding whose x coordinate has no y on the curve.
pub fn g1_off_curve(curve: Curve) -> Vec<u8> {
	fn find<P: ark_ec::short_weierstrass::SWCurveConfig>() -> Vec<u8>
	where
		P::BaseField: PrimeField,
	{
		let mut x = P::BaseField::from(1u8);
		while Affine::<P>::get_point_from_x_unchecked(x, true).is_some() {
			x += P::BaseField::from(1u8);
		}
		// Encode a valid point, then put the bad x in its place keeping the flags.
		let mut bytes = Vec::new();
		Affine::<P>::generator().serialize_compressed(&mut bytes).unwrap();
		let mut valid = Vec::new();
		Affine::<P>::generator().x().unwrap().serialize_compressed(&mut valid).unwrap();
		let mut bad = Vec::new();
		x.serialize_compressed(&mut bad).unwrap();
		replace_x(&mut bytes, &valid, &bad);
		bytes
	}
	match curve {
		Curve::Bn254 => find::<ark_bn254::g1::Config>(),
		Curve::Bls12_381 => find::<ark_bls12_381::g1::Config>(),
	}
}

/// Swap the x coordinate in a point's encoding, whichever byte order the curve uses.
fn replace_x(encoding: &mut [u8], valid_le: &[u8], bad_le: &[u8]) {
	let len = valid_le.len();
	if encoding[..len - 1] == valid_le[..len - 1] {
		// Little-endian with flags in the top byte (BN254).
		let flags = encoding[len - 1] & 0xc0;
		encoding[..len].copy_from_slice(bad_le);
		encoding[len - 1] |= flags;
	} else {
		// Big-endian with flags in the first byte (BLS12-381, the zcash encoding).
		let flags = encoding[0] & 0xe0;
		let mut be: Vec<u8> = bad_le.to_vec();
		be.reverse();
		encoding[..len].copy_from_slice(&be);
		encoding[0] |= flags;
	}
}

/// A compressed G2 point on the curve but outside the prime-order subgroup.
pub fn g2_outside_subgroup(curve: Curve) -> Vec<u8> {
	fn find<P: ark_ec::short_weierstrass::SWCurveConfig>() -> Vec<u8> {
		let mut rng = StdRng::seed_from_u64(11);
		loop {
			let x = P::BaseField::rand(&mut rng);
			if let Some(point) = Affine::<P>::get_point_from_x_unchecked(x, true) {
				if !point.is_in_correct_subgroup_assuming_on_curve() {
					let mut bytes = Vec::new();
					point.serialize_compressed(&mut bytes).unwrap();
					return bytes;
				}
			}
		}
	}
	match curve {
		Curve::Bn254 => find::<ark_bn254::g2::Config>(),
		Curve::Bls12_381 => find::<ark_bls12_381::g2::Config>(),
	}
}
