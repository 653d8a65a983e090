//! Native Groth16 verification: `ark-groth16`'s own `verify_proof` (the reference the chain is
//! measured against), of a decoded proof and of proof bytes, beside this crate's full path
//! (decode the prepared key, proof and inputs, combine the inputs with one multi-scalar
//! multiplication, pair), and batches of 16 proofs with one and three inputs.
//! `cargo bench -p lazai-groth16`; docs/verified-computing.md has the figures, and
//! `scripts/bench.sh` sets BN254's beside the chain's weights in bench/report.md.

use ark_ec::pairing::Pairing;
use ark_groth16::{Groth16, PreparedVerifyingKey, Proof};
use ark_serialize::CanonicalDeserialize;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use lazai_groth16::{
	native::{prepare_verifying_key, read_inputs, verify, verify_batch},
	testing::Circuit,
	Curve, MAX_INPUTS,
};
use std::hint::black_box;

const INPUTS: [usize; 4] = [1, 3, 16, 64];

/// `ark-groth16`'s own `verify_proof` with a prepared key: of a proof decoded beforehand, or
/// (`from_bytes`) of its compressed bytes, decoded and checked (on the curve, in the subgroup)
/// in the measured call, as a verifier that receives bytes must.
fn reference<E: Pairing>(
	circuit: &Circuit,
	proof: &[u8],
	inputs: &[u8],
	from_bytes: bool,
) -> Box<dyn Fn() -> bool> {
	let vk =
		ark_groth16::VerifyingKey::<E>::deserialize_compressed(&circuit.verifying_key[..]).unwrap();
	let pvk: PreparedVerifyingKey<E> = ark_groth16::prepare_verifying_key(&vk);
	let decoded: Proof<E> = Proof::deserialize_compressed(proof).unwrap();
	let bytes = proof.to_vec();
	let inputs = read_inputs::<E::ScalarField>(inputs, circuit.inputs).unwrap();
	Box::new(move || {
		let proof = match from_bytes {
			true => Proof::<E>::deserialize_compressed(&bytes[..]).unwrap(),
			false => decoded.clone(),
		};
		Groth16::<E>::verify_proof(&pvk, &proof, &inputs).unwrap()
	})
}

fn single(c: &mut Criterion) {
	for curve in [Curve::Bn254, Curve::Bls12_381] {
		let mut group = c.benchmark_group(format!("{curve:?}"));
		for inputs in INPUTS {
			let circuit = Circuit::square_roots(curve, inputs, 1);
			let key = prepare_verifying_key(curve, &circuit.verifying_key, MAX_INPUTS).unwrap();
			let statement = circuit.prove_square_roots(2);
			let flat = statement.flat_inputs();
			for (name, from_bytes) in
				[("ark-groth16 verify_proof", false), ("ark-groth16 from bytes", true)]
			{
				let check = match curve {
					Curve::Bn254 => {
						reference::<ark_bn254::Bn254>(&circuit, &statement.proof, &flat, from_bytes)
					},
					Curve::Bls12_381 => reference::<ark_bls12_381::Bls12_381>(
						&circuit,
						&statement.proof,
						&flat,
						from_bytes,
					),
				};
				assert!(check());
				group.bench_with_input(BenchmarkId::new(name, inputs), &(), |b, _| {
					b.iter(|| black_box(check()))
				});
			}
			group.bench_with_input(BenchmarkId::new("lazai verify", inputs), &(), |b, _| {
				b.iter(|| verify(curve, black_box(&key), &statement.proof, &flat).unwrap())
			});
		}
		group.finish();
	}
}

fn batch(c: &mut Criterion) {
	for curve in [Curve::Bn254, Curve::Bls12_381] {
		let mut group = c.benchmark_group(format!("{curve:?} batch"));
		group.throughput(Throughput::Elements(16));
		for inputs in [1, 3] {
			let circuit = Circuit::square_roots(curve, inputs, 1);
			let key = prepare_verifying_key(curve, &circuit.verifying_key, MAX_INPUTS).unwrap();
			let proofs: Vec<_> = (0..16)
				.map(|seed| {
					let statement = circuit.prove_square_roots(seed);
					(statement.proof.clone(), statement.flat_inputs())
				})
				.collect();
			group.bench_with_input(BenchmarkId::new("16 proofs", inputs), &(), |b, _| {
				b.iter(|| verify_batch(curve, black_box(&key), &proofs).unwrap())
			});
		}
		group.finish();
	}
}

criterion_group!(benches, single, batch);
criterion_main!(benches);
