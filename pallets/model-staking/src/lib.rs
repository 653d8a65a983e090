//! # Model staking pallet
//!
//! Trained models become an asset with a public, proof-backed performance record.
//!
//! - **Models**: [`Pallet::register_model`] registers a model by the DAT of its weights and the
//!   DATs it was trained on; each training DAT records (and is paid for) a use by the model.
//! - **Benchmarks**: [`Pallet::create_benchmark`] (a privileged origin) names an evaluation
//!   circuit of the verified computing pallet and the dataset DAT it runs on.
//! - **Claims**: [`Pallet::claim_performance`] bonds the owner's stake on a claimed score;
//!   [`Pallet::back_claim`] lets anyone add stake.
//! - **Resolution**: the first verified evaluation of the model on the benchmark settles the
//!   claim: within tolerance every staker is rewarded from the reward pot in proportion to stake;
//!   beyond it a fraction of every stake is slashed, part to the account that submitted the
//!   evaluation and the rest to the pot. A claim with no evaluation by its deadline expires,
//!   less a small penalty. Stake then unbonds and [`Pallet::withdraw_unbonded`] pays it out.
//! - **Records**: each model's latest verified score per benchmark, a bounded history, and a
//!   sorted, bounded leaderboard per benchmark, read through `ModelStakingApi`.
//!
//! Verified evaluations arrive through `OnVerifiedEvaluation`, which this pallet implements;
//! it reads DATs and records their use only through the DAT traits of `lazai-primitives`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod claims;
mod impls;
pub mod leaderboard;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

use frame_support::traits::Currency;
#[cfg(feature = "runtime-benchmarks")]
use lazai_primitives::dat::{DatId, DataKind};

/// What the benchmarks need from the rest of the runtime: DATs and a registered evaluation
/// circuit, made through the pallets that own them.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Anchor a DAT of `kind` controlled by `owner`, free for anyone to use; `seed` makes its
	/// content unique.
	fn anchor(owner: &AccountId, kind: DataKind, seed: u32) -> DatId;
	/// Register an evaluation circuit and return its id.
	fn evaluation_circuit() -> sp_core::H256;
}

/// A balance of the currency stakes are reserved in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Currency<<T as frame_system::Config>::AccountId>>::Balance;

/// A model as stored.
pub type ModelOf<T> = Model<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
	<T as Config>::MaxTrainingData,
	<T as Config>::MaxMetadataLen,
>;

/// A claim as stored.
pub type ClaimOf<T> = Claim<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::ReservableCurrency, PalletId};
	use frame_system::pallet_prelude::*;
	use lazai_primitives::{
		dat::{DatId, DatInspect, DatPaidUsage, ModelId},
		models::{BenchmarkId, ClaimId},
		verified::EvaluationCircuits,
	};
	use sp_core::H256;
	use sp_runtime::{traits::AccountIdConversion, Perbill};

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency stakes and deposits are reserved in.
		type Currency: ReservableCurrency<Self::AccountId>;

		/// Reads DATs and records (and charges) their use by models.
		type Dat: DatInspect<Self::AccountId> + DatPaidUsage<Self::AccountId, BalanceOf<Self>>;

		/// Tells which circuits are registered evaluation circuits.
		type EvaluationCircuits: EvaluationCircuits;

		/// Who may create benchmarks.
		type BenchmarkOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The reward pot's account is derived from this id.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The most training DATs a model names.
		#[pallet::constant]
		type MaxTrainingData: Get<u32>;

		/// The longest model metadata URI or benchmark description, in bytes.
		#[pallet::constant]
		type MaxMetadataLen: Get<u32>;

		/// The most accounts staking on one claim, its owner included.
		#[pallet::constant]
		type MaxStakers: Get<u32>;

		/// The most verified scores kept in a model's history.
		#[pallet::constant]
		type MaxHistory: Get<u32>;

		/// The most models on a benchmark's leaderboard.
		#[pallet::constant]
		type LeaderboardSize: Get<u32>;

		/// The deposit for a model's record, on top of the per-byte deposit.
		#[pallet::constant]
		type ModelDepositBase: Get<BalanceOf<Self>>;

		/// The deposit per byte of a model's record (training list and metadata).
		#[pallet::constant]
		type ModelDepositPerByte: Get<BalanceOf<Self>>;

		/// The least stake a claim opens with, and the least one backing adds.
		#[pallet::constant]
		type MinStake: Get<BalanceOf<Self>>;

		/// How many blocks a claim waits for an evaluation before it expires.
		#[pallet::constant]
		type ClaimPeriod: Get<BlockNumberFor<Self>>;

		/// How many blocks stake stays reserved after its claim ended.
		#[pallet::constant]
		type UnbondingPeriod: Get<BlockNumberFor<Self>>;

		/// How far (parts per million) a verified score may fall short of the claim and still
		/// count as accurate.
		#[pallet::constant]
		type Tolerance: Get<u32>;

		/// The reward for an accurate claim, as a fraction of its total stake, paid from the pot
		/// as far as the pot holds it.
		#[pallet::constant]
		type RewardRate: Get<Perbill>;

		/// The fraction of every stake on a false claim that is slashed.
		#[pallet::constant]
		type SlashFraction: Get<Perbill>;

		/// The part of a slash paid to the account that submitted the evaluation; the rest goes
		/// to the reward pot.
		#[pallet::constant]
		type SubmitterShare: Get<Perbill>;

		/// The fraction of every stake on an expired claim that goes to the reward pot.
		#[pallet::constant]
		type ExpiryPenalty: Get<Perbill>;

		/// The most claims a block looks at for expiry.
		#[pallet::constant]
		type MaxExpiriesPerBlock: Get<u32>;

		/// Makes DATs and circuits for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;

		/// Weights of this pallet's calls and hooks, generated by its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The id the next registered model gets.
	#[pallet::storage]
	pub type NextModelId<T> = StorageValue<_, ModelId, ValueQuery>;

	/// The registered models.
	#[pallet::storage]
	pub type Models<T: Config> = StorageMap<_, Twox64Concat, ModelId, ModelOf<T>>;

	/// The model each weights DAT was registered as.
	#[pallet::storage]
	pub type ModelOfWeights<T> = StorageMap<_, Twox64Concat, DatId, ModelId>;

	/// The id the next benchmark gets.
	#[pallet::storage]
	pub type NextBenchmarkId<T> = StorageValue<_, BenchmarkId, ValueQuery>;

	/// The benchmarks.
	#[pallet::storage]
	pub type Benchmarks<T: Config> =
		StorageMap<_, Twox64Concat, BenchmarkId, Benchmark<T::MaxMetadataLen>>;

	/// The benchmark of each evaluation circuit and dataset.
	#[pallet::storage]
	pub type BenchmarkOf<T> = StorageDoubleMap<_, Identity, H256, Twox64Concat, DatId, BenchmarkId>;

	/// The id the next claim gets.
	#[pallet::storage]
	pub type NextClaimId<T> = StorageValue<_, ClaimId, ValueQuery>;

	/// The claims waiting for an evaluation.
	#[pallet::storage]
	pub type Claims<T: Config> = StorageMap<_, Twox64Concat, ClaimId, ClaimOf<T>>;

	/// The claim open on each model and benchmark (one at a time).
	#[pallet::storage]
	pub type OpenClaim<T> =
		StorageDoubleMap<_, Twox64Concat, ModelId, Twox64Concat, BenchmarkId, ClaimId>;

	/// Each account's stake on each open claim.
	#[pallet::storage]
	pub type Stakes<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ClaimId, Blake2_128Concat, T::AccountId, BalanceOf<T>>;

	/// Stake unbonding after its claim ended, by account and claim.
	#[pallet::storage]
	pub type Unbondings<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		ClaimId,
		Unbonding<BalanceOf<T>, BlockNumberFor<T>>,
	>;

	/// The first claim the expiry hook has not passed yet. Claims open with the same period,
	/// so their deadlines come in id order.
	#[pallet::storage]
	pub type ExpiryCursor<T> = StorageValue<_, ClaimId, ValueQuery>;

	/// Each model's latest verified score on each benchmark.
	#[pallet::storage]
	pub type Scores<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ModelId,
		Twox64Concat,
		BenchmarkId,
		ScoreRecord<BlockNumberFor<T>>,
	>;

	/// Each model's most recent verified scores, newest last.
	#[pallet::storage]
	pub type History<T: Config> = StorageMap<
		_,
		Twox64Concat,
		ModelId,
		BoundedVec<(BenchmarkId, ScoreRecord<BlockNumberFor<T>>), T::MaxHistory>,
		ValueQuery,
	>;

	/// Each benchmark's best models by latest verified score, best first.
	#[pallet::storage]
	pub type Leaderboards<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BenchmarkId,
		BoundedVec<Place<BlockNumberFor<T>>, T::LeaderboardSize>,
		ValueQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A model was registered.
		ModelRegistered { model: ModelId, owner: T::AccountId, weights: DatId },
		/// A benchmark was created.
		BenchmarkCreated { benchmark: BenchmarkId, circuit: H256, dataset: DatId },
		/// A model's owner staked on a claimed score.
		ClaimOpened {
			claim: ClaimId,
			model: ModelId,
			benchmark: BenchmarkId,
			claimed_score: u32,
			stake: BalanceOf<T>,
			deadline: BlockNumberFor<T>,
		},
		/// An account added stake to a claim.
		ClaimBacked { claim: ClaimId, who: T::AccountId, amount: BalanceOf<T> },
		/// A verified evaluation recorded a model's score on a benchmark.
		ScoreRecorded { model: ModelId, benchmark: BenchmarkId, score: u32, statement: H256 },
		/// A claim ended: `rewarded` was paid out, `slashed` taken (penalty included).
		ClaimSettled {
			claim: ClaimId,
			outcome: Outcome,
			verified_score: Option<u32>,
			rewarded: BalanceOf<T>,
			slashed: BalanceOf<T>,
		},
		/// Unbonded stake was paid out.
		Withdrawn { who: T::AccountId, claim: ClaimId, amount: BalanceOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No live DAT has this id.
		UnknownDat,
		/// The weights DAT is not of kind model weights.
		NotModelWeights,
		/// The caller does not control the weights DAT.
		NotWeightsController,
		/// This weights DAT is registered as a model already.
		WeightsAlreadyRegistered,
		/// A training DAT is named twice.
		DuplicateTrainingData,
		/// No model has this id.
		UnknownModel,
		/// Only the model's owner may do this.
		NotModelOwner,
		/// The circuit is not a registered evaluation circuit.
		NotAnEvaluationCircuit,
		/// A benchmark with this circuit and dataset exists already.
		BenchmarkExists,
		/// No benchmark has this id.
		UnknownBenchmark,
		/// A score is above 1,000,000 parts per million.
		ScoreOutOfRange,
		/// The stake is below the minimum.
		StakeTooLow,
		/// The model has an open claim on this benchmark already.
		ClaimAlreadyOpen,
		/// No open claim has this id.
		UnknownClaim,
		/// The claim's deadline has passed.
		ClaimExpired,
		/// The claim has as many stakers as allowed.
		TooManyStakers,
		/// Nothing is unbonding for the caller on this claim.
		NothingUnbonding,
		/// The stake is still unbonding.
		StillUnbonding,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Expire the claims whose deadline passed, at most `MaxExpiriesPerBlock` a block.
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::expire_claims(now)
		}

		fn integrity_test() {
			assert!(T::MaxStakers::get() > 0, "a claim needs room for its owner's stake");
			assert!(T::MaxExpiriesPerBlock::get() > 0, "claims must expire");
			assert!(T::MaxHistory::get() > 0, "a model's history keeps at least its latest score");
			assert!(T::LeaderboardSize::get() > 0, "a leaderboard has at least one place");
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register a model: `weights` is the DAT of its weights (kind model weights, controlled
		/// by the caller) and `training_data` the DATs it was trained on. Each training DAT
		/// records a use by the model under its policy, paid at up to `max_price` per DAT (a
		/// credit the model holds is spent first). A deposit for the record is reserved.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_model(training_data.len() as u32, metadata_uri.len() as u32))]
		pub fn register_model(
			origin: OriginFor<T>,
			weights: DatId,
			training_data: BoundedVec<DatId, T::MaxTrainingData>,
			metadata_uri: BoundedVec<u8, T::MaxMetadataLen>,
			max_price: BalanceOf<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_register_model(owner, weights, training_data, metadata_uri, max_price)
		}

		/// Create a benchmark: models are scored on `dataset` by proofs of the registered
		/// evaluation circuit `circuit`. Privileged.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::create_benchmark(metadata.len() as u32))]
		pub fn create_benchmark(
			origin: OriginFor<T>,
			circuit: H256,
			dataset: DatId,
			higher_is_better: bool,
			metadata: BoundedVec<u8, T::MaxMetadataLen>,
		) -> DispatchResult {
			T::BenchmarkOrigin::ensure_origin(origin)?;
			Self::do_create_benchmark(circuit, dataset, higher_is_better, metadata)
		}

		/// Stake `stake` on the claim that the caller's model scores `claimed_score` (parts per
		/// million) on `benchmark`. The first verified evaluation before the deadline settles it.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::claim_performance())]
		pub fn claim_performance(
			origin: OriginFor<T>,
			model: ModelId,
			benchmark: BenchmarkId,
			claimed_score: u32,
			stake: BalanceOf<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_claim(owner, model, benchmark, claimed_score, stake)
		}

		/// Add `amount` of the caller's stake to an open claim: rewarded with it if the claim is
		/// accurate, slashed with it if false.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::back_claim())]
		pub fn back_claim(
			origin: OriginFor<T>,
			claim: ClaimId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_back(who, claim, amount)
		}

		/// Pay out the caller's stake on an ended claim once its unbonding period is over.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::withdraw_unbonded())]
		pub fn withdraw_unbonded(origin: OriginFor<T>, claim: ClaimId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let unbonding =
				Unbondings::<T>::get(&who, claim).ok_or(Error::<T>::NothingUnbonding)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now >= unbonding.unlocks_at, Error::<T>::StillUnbonding);
			T::Currency::unreserve(&who, unbonding.amount);
			Unbondings::<T>::remove(&who, claim);
			Self::deposit_event(Event::Withdrawn { who, claim, amount: unbonding.amount });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The reward pot: rewards are paid from it, slashes and penalties go to it.
		pub fn reward_pot() -> T::AccountId {
			T::PalletId::get().into_account_truncating()
		}
	}
}
