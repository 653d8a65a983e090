//! Benchmarks of every call in its worst case, with real keys and proofs: a `runtime-benchmarks`
//! node makes them natively with the test prover (`lazai_groth16::host::fixtures`). Components:
//! `i` public inputs, `n` proofs in a batch. Verification runs in the node's host functions, so
//! what is measured is what a block pays.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{Currency, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use lazai_groth16::{host::fixtures::groth_16_fixtures as fixtures, Curve};
use sp_runtime::Saturating;

/// The signer of the measured call, funded. Its account is whitelisted: the transaction's fee
/// payment reads and writes it anyway, and the base extrinsic weight pays for that.
fn caller<T: Config>() -> T::AccountId {
	let who: T::AccountId = whitelisted_caller();
	fund::<T>(&who);
	who
}

fn fund<T: Config>(who: &T::AccountId) {
	let plenty = T::CircuitDepositBase::get()
		.saturating_add(T::StatementDeposit::get())
		.saturating_add(T::CircuitDepositPerByte::get())
		.saturating_mul(1_000_000u32.into());
	T::Currency::make_free_balance_be(who, plenty);
}

/// A test circuit with `inputs` inputs registered by someone else, and `proofs` proofs for it.
fn registered<T: Config>(curve: Curve, inputs: u32, proofs: u32) -> (CircuitId, BatchOf<T>) {
	let (key, statements) = fixtures::square_roots(curve, inputs, proofs);
	let owner: T::AccountId = account("owner", 0, 0);
	fund::<T>(&owner);
	let circuit = Pallet::<T>::circuit_id(curve, &key);
	Pallet::<T>::do_register(
		owner,
		curve,
		BoundedVec::truncate_from(key),
		CircuitKind::Opaque,
		BoundedVec::new(),
	)
	.expect("the test key is valid");
	let batch: Vec<_> = statements
		.into_iter()
		.map(|(proof, inputs)| {
			let inputs: Vec<PublicInput> = inputs
				.chunks_exact(32)
				.map(|chunk| chunk.try_into().expect("32-byte chunks"))
				.collect();
			let proof = Groth16Proof { curve, bytes: BoundedVec::truncate_from(proof) };
			(proof, BoundedVec::truncate_from(inputs))
		})
		.collect();
	(circuit, BoundedVec::truncate_from(batch))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A new key, on BLS12-381 (the larger and slower curve: both are charged this).
	#[benchmark]
	fn register_circuit(i: Linear<1, { T::MaxPublicInputs::get() }>) {
		let (key, _) = fixtures::square_roots(Curve::Bls12_381, i, 0);
		let who = caller::<T>();
		let metadata =
			BoundedVec::truncate_from(alloc::vec![b'm'; T::MaxMetadataLen::get() as usize]);
		let circuit = Pallet::<T>::circuit_id(Curve::Bls12_381, &key);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(who),
			Curve::Bls12_381,
			BoundedVec::truncate_from(key),
			CircuitKind::Opaque,
			metadata,
		);

		assert!(Circuits::<T>::contains_key(circuit));
	}

	/// The last reference: the circuit and its key go, the deposit comes back.
	#[benchmark]
	fn unregister_circuit() {
		let (key, _) = fixtures::square_roots(Curve::Bls12_381, T::MaxPublicInputs::get(), 0);
		let who = caller::<T>();
		let circuit = Pallet::<T>::circuit_id(Curve::Bls12_381, &key);
		Pallet::<T>::do_register(
			who.clone(),
			Curve::Bls12_381,
			BoundedVec::truncate_from(key),
			CircuitKind::Opaque,
			BoundedVec::new(),
		)
		.expect("the test key is valid");

		#[extrinsic_call]
		_(RawOrigin::Signed(who), circuit);

		assert!(!Circuits::<T>::contains_key(circuit));
	}

	#[benchmark]
	fn submit_proof_bn254(i: Linear<1, { T::MaxPublicInputs::get() }>) {
		let (circuit, mut batch) = registered::<T>(Curve::Bn254, i, 1);
		let (proof, inputs) = batch.remove(0);
		let (statement, _) = Pallet::<T>::statement_id(&circuit, &inputs);

		#[extrinsic_call]
		submit_proof(RawOrigin::Signed(caller::<T>()), circuit, proof, inputs);

		assert!(Statements::<T>::contains_key(statement));
	}

	#[benchmark]
	fn submit_proof_bls12_381(i: Linear<1, { T::MaxPublicInputs::get() }>) {
		let (circuit, mut batch) = registered::<T>(Curve::Bls12_381, i, 1);
		let (proof, inputs) = batch.remove(0);
		let (statement, _) = Pallet::<T>::statement_id(&circuit, &inputs);

		#[extrinsic_call]
		submit_proof(RawOrigin::Signed(caller::<T>()), circuit, proof, inputs);

		assert!(Statements::<T>::contains_key(statement));
	}

	#[benchmark]
	fn submit_proofs_bn254(
		n: Linear<1, { T::MaxBatch::get() }>,
		i: Linear<1, { T::MaxPublicInputs::get() }>,
	) {
		let (circuit, batch) = registered::<T>(Curve::Bn254, i, n);
		let (last, _) = Pallet::<T>::statement_id(&circuit, &batch[batch.len() - 1].1);

		#[extrinsic_call]
		submit_proofs(RawOrigin::Signed(caller::<T>()), circuit, batch);

		assert!(Statements::<T>::contains_key(last));
	}

	#[benchmark]
	fn submit_proofs_bls12_381(
		n: Linear<1, { T::MaxBatch::get() }>,
		i: Linear<1, { T::MaxPublicInputs::get() }>,
	) {
		let (circuit, batch) = registered::<T>(Curve::Bls12_381, i, n);
		let (last, _) = Pallet::<T>::statement_id(&circuit, &batch[batch.len() - 1].1);

		#[extrinsic_call]
		submit_proofs(RawOrigin::Signed(caller::<T>()), circuit, batch);

		assert!(Statements::<T>::contains_key(last));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
