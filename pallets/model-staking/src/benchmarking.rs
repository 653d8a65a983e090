//! Benchmarks of every call and hook in its worst case. Components: `t` training DATs, `m`
//! metadata bytes, `s` stakers on the claim being settled or expired. Settlement runs with the
//! model's history and the benchmark's leaderboard full.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{Currency, EnsureOrigin, Get, ReservableCurrency},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use lazai_primitives::{
	dat::{DataKind, ModelId},
	models::{BenchmarkId, ClaimId},
	verified::{VerifiedEvaluation, SCORE_SCALE},
};
use sp_runtime::Saturating;

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	fund::<T>(&who);
	who
}

fn fund<T: Config>(who: &T::AccountId) {
	let plenty = T::MinStake::get()
		.saturating_add(T::ModelDepositBase::get())
		.saturating_add(T::ModelDepositPerByte::get())
		.saturating_mul(1_000_000u32.into());
	T::Currency::make_free_balance_be(who, plenty);
}

/// A model of `owner` with no training data.
fn model<T: Config>(owner: &T::AccountId, seed: u32) -> ModelId {
	let weights = T::BenchmarkHelper::anchor(owner, DataKind::ModelWeights, seed);
	let model = NextModelId::<T>::get();
	Pallet::<T>::do_register_model(
		owner.clone(),
		weights,
		BoundedVec::new(),
		BoundedVec::new(),
		0u32.into(),
	)
	.expect("the weights DAT is fresh and the owner funded");
	model
}

/// A benchmark on a fresh dataset, with the evaluation circuit.
fn benchmark<T: Config>() -> BenchmarkId {
	let curator = funded::<T>("curator", 0);
	let dataset = T::BenchmarkHelper::anchor(&curator, DataKind::Dataset, u32::MAX);
	let id = NextBenchmarkId::<T>::get();
	Pallet::<T>::do_create_benchmark(
		T::BenchmarkHelper::evaluation_circuit(),
		dataset,
		true,
		BoundedVec::new(),
	)
	.expect("the circuit is an evaluation circuit and the dataset fresh");
	id
}

/// An open claim on a fresh model with `stakers` stakers in all, its benchmark's leaderboard
/// full of other models and the model's history full.
fn claim_with<T: Config>(stakers: u32) -> (ClaimId, ModelId, BenchmarkId) {
	let owner = funded::<T>("owner", 0);
	let benchmark = benchmark::<T>();
	let model = model::<T>(&owner, 0);
	let record = ScoreRecord {
		score: SCORE_SCALE,
		statement: Default::default(),
		verified_at: frame_system::Pallet::<T>::block_number(),
	};
	Leaderboards::<T>::mutate(benchmark, |board| {
		for other in 0..T::LeaderboardSize::get() {
			let place = Place {
				model: ModelId::from(other) + 1_000,
				score: SCORE_SCALE,
				verified_at: 0u32.into(),
			};
			let _ = board.try_push(place);
		}
	});
	History::<T>::mutate(model, |history| while history.try_push((benchmark, record)).is_ok() {});
	let claim = NextClaimId::<T>::get();
	Pallet::<T>::do_claim(owner, model, benchmark, SCORE_SCALE / 2, T::MinStake::get())
		.expect("the owner is funded and the claim new");
	for backer in 1..stakers {
		Pallet::<T>::do_back(funded::<T>("backer", backer), claim, T::MinStake::get())
			.expect("the claim has room for its stakers");
	}
	(claim, model, benchmark)
}

fn evaluation<T: Config>(
	model: ModelId,
	benchmark: BenchmarkId,
	score: u32,
) -> VerifiedEvaluation<T::AccountId> {
	let info = Benchmarks::<T>::get(benchmark).expect("created above");
	VerifiedEvaluation {
		statement: Default::default(),
		circuit: info.circuit,
		model,
		dataset: info.dataset,
		score,
		submitter: funded::<T>("submitter", 0),
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_model(
		t: Linear<0, { T::MaxTrainingData::get() }>,
		m: Linear<0, { T::MaxMetadataLen::get() }>,
	) {
		let owner = funded::<T>("owner", 0);
		let weights = T::BenchmarkHelper::anchor(&owner, DataKind::ModelWeights, 0);
		let curator = funded::<T>("curator", 0);
		let training: Vec<_> = (0..t)
			.map(|i| T::BenchmarkHelper::anchor(&curator, DataKind::Dataset, i + 1))
			.collect();
		let training = BoundedVec::try_from(training).expect("t is within the bound");
		let metadata =
			BoundedVec::try_from(alloc::vec![b'm'; m as usize]).expect("within the bound");

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), weights, training, metadata, 0u32.into());

		assert!(Models::<T>::contains_key(0));
	}

	#[benchmark]
	fn create_benchmark(m: Linear<0, { T::MaxMetadataLen::get() }>) -> Result<(), BenchmarkError> {
		let curator = funded::<T>("curator", 0);
		let dataset = T::BenchmarkHelper::anchor(&curator, DataKind::Dataset, 0);
		let circuit = T::BenchmarkHelper::evaluation_circuit();
		let metadata =
			BoundedVec::try_from(alloc::vec![b'm'; m as usize]).expect("within the bound");
		let origin =
			T::BenchmarkOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, circuit, dataset, true, metadata);

		assert!(Benchmarks::<T>::contains_key(0));
		Ok(())
	}

	#[benchmark]
	fn claim_performance() {
		let owner = funded::<T>("owner", 0);
		let benchmark = benchmark::<T>();
		let model = model::<T>(&owner, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), model, benchmark, SCORE_SCALE, T::MinStake::get());

		assert!(OpenClaim::<T>::contains_key(model, benchmark));
	}

	#[benchmark]
	fn back_claim() {
		let (claim, _, _) = claim_with::<T>(T::MaxStakers::get().saturating_sub(1));
		let backer = funded::<T>("last backer", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(backer.clone()), claim, T::MinStake::get());

		assert!(Stakes::<T>::contains_key(claim, backer));
	}

	#[benchmark]
	fn withdraw_unbonded() {
		let who = funded::<T>("staker", 0);
		let amount = T::MinStake::get();
		T::Currency::reserve(&who, amount).expect("funded");
		let unlocks_at = frame_system::Pallet::<T>::block_number();
		Unbondings::<T>::insert(&who, 0, Unbonding { amount, unlocks_at });

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), 0);

		assert!(!Unbondings::<T>::contains_key(&who, 0));
	}

	#[benchmark]
	fn settle_accurate(s: Linear<1, { T::MaxStakers::get() }>) {
		let (claim, model, benchmark) = claim_with::<T>(s);
		let pot = Pallet::<T>::reward_pot();
		fund::<T>(&pot);
		let evaluation = evaluation::<T>(model, benchmark, SCORE_SCALE);

		#[block]
		{
			Pallet::<T>::record_evaluation(&evaluation);
		}

		assert!(!Claims::<T>::contains_key(claim));
	}

	#[benchmark]
	fn settle_false(s: Linear<1, { T::MaxStakers::get() }>) {
		let (claim, model, benchmark) = claim_with::<T>(s);
		let evaluation = evaluation::<T>(model, benchmark, 0);

		#[block]
		{
			Pallet::<T>::record_evaluation(&evaluation);
		}

		assert!(!Claims::<T>::contains_key(claim));
	}

	#[benchmark]
	fn expire_claim(s: Linear<1, { T::MaxStakers::get() }>) {
		let (claim, _, _) = claim_with::<T>(s);
		let deadline = Claims::<T>::get(claim).expect("opened above").deadline;
		let now: BlockNumberFor<T> = deadline.saturating_add(1u32.into());
		frame_system::Pallet::<T>::set_block_number(now);

		#[block]
		{
			Pallet::<T>::expire_claims(now);
		}

		assert!(!Claims::<T>::contains_key(claim));
	}

	#[benchmark]
	fn expiry_idle() {
		let (claim, _, _) = claim_with::<T>(1);
		let now = frame_system::Pallet::<T>::block_number();

		#[block]
		{
			Pallet::<T>::expire_claims(now);
		}

		assert!(Claims::<T>::contains_key(claim));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
