//! The calls' logic, the verified-evaluation hook and the runtime API's reads.

use crate::{leaderboard, pallet::*, BalanceOf, Benchmark, Claim, Model, ScoreRecord, WeightInfo};
use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::*,
	traits::{Get, ReservableCurrency},
};
use lazai_primitives::{
	dat::{Consumer, ConsumerAuthority, DatId, DatInspect, DatPaidUsage, DataKind, ModelId},
	models::{
		BenchmarkId, ClaimId, LeaderboardEntry, ModelRegistry, ModelView, PerformanceView,
		ScoreView,
	},
	verified::{EvaluationCircuits, OnVerifiedEvaluation, VerifiedEvaluation, SCORE_SCALE},
};
use sp_core::H256;
use sp_runtime::{traits::Saturating, SaturatedConversion};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_register_model(
		owner: T::AccountId,
		weights: DatId,
		training_data: BoundedVec<DatId, T::MaxTrainingData>,
		metadata_uri: BoundedVec<u8, T::MaxMetadataLen>,
		max_price: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(T::Dat::exists(weights), Error::<T>::UnknownDat);
		ensure!(T::Dat::kind(weights) == Some(DataKind::ModelWeights), Error::<T>::NotModelWeights);
		ensure!(
			T::Dat::controller(weights).as_ref() == Some(&owner),
			Error::<T>::NotWeightsController
		);
		ensure!(!ModelOfWeights::<T>::contains_key(weights), Error::<T>::WeightsAlreadyRegistered);
		let mut distinct = training_data.to_vec();
		distinct.sort_unstable();
		distinct.dedup();
		ensure!(distinct.len() == training_data.len(), Error::<T>::DuplicateTrainingData);

		let model = NextModelId::<T>::get();
		for dat in &training_data {
			T::Dat::use_paid(*dat, &Consumer::Model(model), &owner, max_price)?;
		}
		let bytes = training_data.len().saturating_mul(8).saturating_add(metadata_uri.len());
		let deposit = T::ModelDepositBase::get()
			.saturating_add(T::ModelDepositPerByte::get().saturating_mul(bytes.saturated_into()));
		T::Currency::reserve(&owner, deposit)?;
		Models::<T>::insert(
			model,
			Model {
				owner: owner.clone(),
				weights,
				training_data,
				metadata_uri,
				deposit,
				registered_at: frame_system::Pallet::<T>::block_number(),
				open_claims: 0,
			},
		);
		ModelOfWeights::<T>::insert(weights, model);
		NextModelId::<T>::put(model.saturating_add(1));
		Self::deposit_event(Event::ModelRegistered { model, owner, weights });
		Ok(())
	}

	pub(crate) fn do_create_benchmark(
		circuit: H256,
		dataset: DatId,
		higher_is_better: bool,
		metadata: BoundedVec<u8, T::MaxMetadataLen>,
	) -> DispatchResult {
		ensure!(
			T::EvaluationCircuits::is_evaluation_circuit(&circuit),
			Error::<T>::NotAnEvaluationCircuit
		);
		ensure!(T::Dat::exists(dataset), Error::<T>::UnknownDat);
		ensure!(!BenchmarkOf::<T>::contains_key(circuit, dataset), Error::<T>::BenchmarkExists);
		let benchmark = NextBenchmarkId::<T>::get();
		Benchmarks::<T>::insert(
			benchmark,
			Benchmark { circuit, dataset, higher_is_better, metadata },
		);
		BenchmarkOf::<T>::insert(circuit, dataset, benchmark);
		NextBenchmarkId::<T>::put(benchmark.saturating_add(1));
		Self::deposit_event(Event::BenchmarkCreated { benchmark, circuit, dataset });
		Ok(())
	}

	pub(crate) fn do_claim(
		owner: T::AccountId,
		model: ModelId,
		benchmark: BenchmarkId,
		claimed_score: u32,
		stake: BalanceOf<T>,
	) -> DispatchResult {
		let mut info = Models::<T>::get(model).ok_or(Error::<T>::UnknownModel)?;
		ensure!(info.owner == owner, Error::<T>::NotModelOwner);
		ensure!(Benchmarks::<T>::contains_key(benchmark), Error::<T>::UnknownBenchmark);
		ensure!(claimed_score <= SCORE_SCALE, Error::<T>::ScoreOutOfRange);
		ensure!(stake >= T::MinStake::get(), Error::<T>::StakeTooLow);
		ensure!(!OpenClaim::<T>::contains_key(model, benchmark), Error::<T>::ClaimAlreadyOpen);
		T::Currency::reserve(&owner, stake)?;

		let claim = NextClaimId::<T>::get();
		let deadline =
			frame_system::Pallet::<T>::block_number().saturating_add(T::ClaimPeriod::get());
		Claims::<T>::insert(
			claim,
			Claim {
				model,
				benchmark,
				owner: owner.clone(),
				claimed_score,
				deadline,
				total_stake: stake,
				stakers: 1,
			},
		);
		Stakes::<T>::insert(claim, &owner, stake);
		OpenClaim::<T>::insert(model, benchmark, claim);
		info.open_claims = info.open_claims.saturating_add(1);
		Models::<T>::insert(model, info);
		NextClaimId::<T>::put(claim.saturating_add(1));
		Self::deposit_event(Event::ClaimOpened {
			claim,
			model,
			benchmark,
			claimed_score,
			stake,
			deadline,
		});
		Ok(())
	}

	pub(crate) fn do_back(
		who: T::AccountId,
		claim: ClaimId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let mut info = Claims::<T>::get(claim).ok_or(Error::<T>::UnknownClaim)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now <= info.deadline, Error::<T>::ClaimExpired);
		ensure!(amount >= T::MinStake::get(), Error::<T>::StakeTooLow);
		let staked = Stakes::<T>::get(claim, &who);
		if staked.is_none() {
			ensure!(info.stakers < T::MaxStakers::get(), Error::<T>::TooManyStakers);
			info.stakers = info.stakers.saturating_add(1);
		}
		T::Currency::reserve(&who, amount)?;
		Stakes::<T>::insert(claim, &who, staked.unwrap_or_default().saturating_add(amount));
		info.total_stake = info.total_stake.saturating_add(amount);
		Claims::<T>::insert(claim, info);
		Self::deposit_event(Event::ClaimBacked { claim, who, amount });
		Ok(())
	}

	/// Record a verified evaluation of a registered model on a benchmark, and settle the
	/// model's open claim on it. Returns the weight used: settling the claim with its stakers,
	/// or, with no claim, no more than settling the smallest one.
	pub(crate) fn record_evaluation(evaluation: &VerifiedEvaluation<T::AccountId>) -> Weight {
		let unsettled = Self::settle_weight(1);
		let Some(benchmark) = BenchmarkOf::<T>::get(evaluation.circuit, evaluation.dataset) else {
			return unsettled;
		};
		if !Models::<T>::contains_key(evaluation.model) {
			return unsettled;
		}
		let Some(info) = Benchmarks::<T>::get(benchmark) else { return unsettled };
		let (model, score) = (evaluation.model, evaluation.score);
		let record = ScoreRecord {
			score,
			statement: evaluation.statement,
			verified_at: frame_system::Pallet::<T>::block_number(),
		};
		Scores::<T>::insert(model, benchmark, record);
		History::<T>::mutate(model, |history| {
			if history.is_full() {
				history.remove(0);
			}
			// Room was made above.
			let _ = history.try_push((benchmark, record));
		});
		Leaderboards::<T>::mutate(benchmark, |board| {
			leaderboard::place(board, model, record, info.higher_is_better)
		});
		Self::deposit_event(Event::ScoreRecorded {
			model,
			benchmark,
			score,
			statement: evaluation.statement,
		});
		let Some(claim) = OpenClaim::<T>::get(model, benchmark) else { return unsettled };
		let stakers = Claims::<T>::get(claim).map_or(1, |claim| claim.stakers);
		Self::settle_by_evaluation(claim, score, info.higher_is_better, &evaluation.submitter);
		Self::settle_weight(stakers)
	}

	/// What settling a claim with `stakers` stakers costs, rewarded or slashed.
	fn settle_weight(stakers: u32) -> Weight {
		T::WeightInfo::settle_accurate(stakers).max(T::WeightInfo::settle_false(stakers))
	}

	/// A model as the runtime API shows it.
	pub fn model_view(
		model: ModelId,
	) -> Option<ModelView<T::AccountId, frame_system::pallet_prelude::BlockNumberFor<T>>> {
		Models::<T>::get(model).map(|info| ModelView {
			id: model,
			owner: info.owner,
			weights: info.weights,
			training_data: info.training_data.into_inner(),
			metadata_uri: info.metadata_uri.into_inner(),
			registered_at: info.registered_at,
			open_claims: info.open_claims,
		})
	}

	/// A model's verified scores, as the runtime API shows them.
	pub fn performance(
		model: ModelId,
	) -> Option<PerformanceView<frame_system::pallet_prelude::BlockNumberFor<T>>> {
		if !Models::<T>::contains_key(model) {
			return None;
		}
		let view = |(benchmark, record): (BenchmarkId, ScoreRecord<_>)| ScoreView {
			benchmark,
			score: record.score,
			statement: record.statement,
			verified_at: record.verified_at,
		};
		Some(PerformanceView {
			latest: Scores::<T>::iter_prefix(model).map(view).collect(),
			history: History::<T>::get(model).into_iter().map(view).collect(),
		})
	}

	/// The best `n` models on a benchmark, best first.
	pub fn leaderboard(
		benchmark: BenchmarkId,
		n: u32,
	) -> Vec<LeaderboardEntry<frame_system::pallet_prelude::BlockNumberFor<T>>> {
		Leaderboards::<T>::get(benchmark)
			.into_iter()
			.take(n as usize)
			.map(|place| LeaderboardEntry {
				model: place.model,
				score: place.score,
				verified_at: place.verified_at,
			})
			.collect()
	}
}

impl<T: Config> OnVerifiedEvaluation<T::AccountId> for Pallet<T> {
	fn on_verified_evaluation(evaluation: &VerifiedEvaluation<T::AccountId>) -> Weight {
		Self::record_evaluation(evaluation)
	}

	/// The heaviest evaluation: it settles a claim with the most stakers, rewarded or slashed.
	fn weight() -> Weight {
		Self::settle_weight(T::MaxStakers::get())
	}
}

impl<T: Config> ModelRegistry for Pallet<T> {
	fn training_data(model: ModelId) -> Option<Vec<DatId>> {
		Models::<T>::get(model).map(|info| info.training_data.into_inner())
	}

	fn base_model(model: ModelId) -> Option<ModelId> {
		let weights = Models::<T>::get(model)?.weights;
		T::Dat::parents(weights).into_iter().find_map(ModelOfWeights::<T>::get)
	}

	fn benchmark(circuit: &H256, dataset: DatId) -> Option<(BenchmarkId, bool)> {
		let benchmark = BenchmarkOf::<T>::get(circuit, dataset)?;
		Benchmarks::<T>::get(benchmark).map(|info| (benchmark, info.higher_is_better))
	}

	fn latest_score(model: ModelId, benchmark: BenchmarkId) -> Option<u32> {
		Scores::<T>::get(model, benchmark).map(|record| record.score)
	}
}

/// A model's owner acts for it: it may use data, and pay, as the model.
impl<T: Config> ConsumerAuthority<T::AccountId> for Pallet<T> {
	fn may_act_as(who: &T::AccountId, consumer: &Consumer<T::AccountId>) -> bool {
		match consumer {
			Consumer::Account(account) => account == who,
			Consumer::Model(model) => Models::<T>::get(model).is_some_and(|m| &m.owner == who),
			_ => false,
		}
	}
}
