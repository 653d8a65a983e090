//! # Proof of Data Value (PoDV) pallet
//!
//! Quantity must not beat quality: each DAT gets a value score from verified signals, the sum
//! of all scores is the chain's Total Data Value, and every epoch a reward budget is paid into
//! DATs' revenue pools in proportion to score.
//!
//! - **Verified model improvement**: a verified evaluation of a model on a benchmark is compared
//!   with the score of the model it was trained from (its weights DAT's parent); the gain is
//!   credited to the training DATs the base model did not use.
//! - **Attested quality**: bonded attesters mark a DAT's quality, uniqueness and authenticity
//!   (0 to 100) with [`Pallet::attest`]. The stake-weighted median of each mark counts; an
//!   attestation further than `SlashBand` from the medians when it matures costs its attester
//!   `AttesterSlash` of the bond.
//! - **Paid usage**: revenue paid for uses by accounts holding none of the DAT's shares, with
//!   diminishing returns (square root) up to a cap.
//! - **Lineage**: a parent inherits `LineageShare` of each child's own value, split among the
//!   child's parents.
//!
//! Every `EpochLength` blocks (`DefaultEpochLength` unless the genesis sets it) an epoch starts: its budget (`EpochReward`, as far as the pot
//! holds it) is shared by score, the payout passing at most `MaxPayoutsPerBlock` DATs a block.
//! The formula, its defaults and the bounds it guarantees are in `docs/podv.md`.
//!
//! The pallet reads DATs and pays them only through the DAT traits, learns of uses through
//! `OnDatUse`, of evaluations through `OnVerifiedEvaluation`, and reads models through
//! `ModelRegistry`, all in `lazai-primitives`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

mod attestation;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod epochs;
mod impls;
#[cfg(test)]
mod mock;
pub mod scoring;
#[cfg(test)]
mod tests;
pub mod types;
mod value;
pub mod weights;

use frame_support::traits::Currency;

/// What the benchmarks need from the rest of the runtime, made through the pallets that own it.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Anchor a DAT controlled by `owner` and derived from `parents`, free to use, with a 10 %
	/// royalty to its parents; `seed` makes its content unique.
	fn anchor(
		owner: &AccountId,
		seed: u32,
		parents: alloc::vec::Vec<lazai_primitives::dat::DatId>,
	) -> lazai_primitives::dat::DatId;
	/// A verified evaluation of a model that improved on its base model's score on a benchmark
	/// and was trained on `new_data` DATs its base model did not use (each derived from the
	/// most parents a DAT may have).
	fn improved_model(new_data: u32) -> lazai_primitives::verified::VerifiedEvaluation<AccountId>;
}

/// A balance of the currency bonds are reserved in and rewards paid in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Currency<<T as frame_system::Config>::AccountId>>::Balance;

/// An attestation as stored.
pub type AttestationOf<T> = Attestation<
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
		dat::{DatId, DatInspect, DatRevenue, ModelId},
		models::{BenchmarkId, ModelRegistry},
		podv::EpochIndex,
	};
	use sp_runtime::{
		traits::{AccountIdConversion, Zero},
		Perbill,
	};

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency bonds and deposits are reserved in and rewards are paid in.
		type Currency: ReservableCurrency<Self::AccountId>;

		/// Reads DATs and pays into their revenue pools.
		type Dat: DatInspect<Self::AccountId> + DatRevenue<Self::AccountId, BalanceOf<Self>>;

		/// Reads models, their base models, benchmarks and scores.
		type Models: ModelRegistry;

		/// The reward pot's account is derived from this id.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The blocks between the starts of two reward epochs, unless the genesis sets another
		/// length.
		#[pallet::constant]
		type DefaultEpochLength: Get<BlockNumberFor<Self>>;

		/// The budget of an epoch, paid from the pot as far as it holds it.
		#[pallet::constant]
		type EpochReward: Get<BalanceOf<Self>>;

		/// The epochs whose records are kept.
		#[pallet::constant]
		type HistoryDepth: Get<u32>;

		/// The weight of verified model improvement in a DAT's own value.
		#[pallet::constant]
		type ImprovementWeight: Get<Perbill>;

		/// How many points of the improvement signal one part per million of verified gain is.
		#[pallet::constant]
		type ImprovementScale: Get<u32>;

		/// The weight of attested quality in a DAT's own value.
		#[pallet::constant]
		type QualityWeight: Get<Perbill>;

		/// The weight of paid usage in a DAT's own value.
		#[pallet::constant]
		type UsageWeight: Get<Perbill>;

		/// The fraction of a DAT's own value its parents inherit, split among them.
		#[pallet::constant]
		type LineageShare: Get<Perbill>;

		/// The revenue from non-holders at which the usage signal is full.
		#[pallet::constant]
		type UsageSaturation: Get<BalanceOf<Self>>;

		/// The least bond an attester needs to attest.
		#[pallet::constant]
		type MinAttesterBond: Get<BalanceOf<Self>>;

		/// The deposit reserved for each standing attestation.
		#[pallet::constant]
		type AttestationDeposit: Get<BalanceOf<Self>>;

		/// The blocks after which an attestation is judged against the medians.
		#[pallet::constant]
		type AttestationMaturity: Get<BlockNumberFor<Self>>;

		/// The blocks a leaving attester's bond stays reserved.
		#[pallet::constant]
		type AttesterUnbonding: Get<BlockNumberFor<Self>>;

		/// How many points a mark may be from its median without the attester being slashed.
		#[pallet::constant]
		type SlashBand: Get<u8>;

		/// The fraction of an attester's bond an outlying attestation costs; it goes to the pot.
		#[pallet::constant]
		type AttesterSlash: Get<Perbill>;

		/// The most attestations a DAT carries.
		#[pallet::constant]
		type MaxAttestations: Get<u32>;

		/// The most attestations maturing in one block.
		#[pallet::constant]
		type MaxMaturingPerBlock: Get<u32>;

		/// The most DATs an epoch's payout passes in one block.
		#[pallet::constant]
		type MaxPayoutsPerBlock: Get<u32>;

		/// The most DATs one verified improvement is credited to.
		#[pallet::constant]
		type MaxCreditedDats: Get<u32>;

		/// The most parents a DAT has (the DAT pallet's limit), for the weight of passing a change
		/// of value to them.
		#[pallet::constant]
		type MaxParents: Get<u32>;

		/// The DATs kept in the ranking of highest scores.
		#[pallet::constant]
		type TopSize: Get<u32>;

		/// Makes DATs and improved models for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;

		/// Weights of this pallet's calls and hooks, generated by its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// Each DAT's signals and value score.
	#[pallet::storage]
	pub type Values<T: Config> = StorageMap<_, Twox64Concat, DatId, DatValue<BalanceOf<T>>>;

	/// The Total Data Value: the sum of every DAT's score.
	#[pallet::storage]
	pub type TotalDataValue<T> = StorageValue<_, u128, ValueQuery>;

	/// The DATs of highest score, highest first.
	#[pallet::storage]
	pub type Top<T: Config> = StorageValue<_, BoundedVec<(DatId, u64), T::TopSize>, ValueQuery>;

	/// The bonded attesters.
	#[pallet::storage]
	pub type Attesters<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Attester<BalanceOf<T>, BlockNumberFor<T>>>;

	/// The attestations standing on each DAT.
	#[pallet::storage]
	pub type Attestations<T: Config> = StorageMap<
		_,
		Twox64Concat,
		DatId,
		BoundedVec<AttestationOf<T>, T::MaxAttestations>,
		ValueQuery,
	>;

	/// The attestations maturing at each block, judged in that block.
	#[pallet::storage]
	pub type Maturing<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<(DatId, T::AccountId), T::MaxMaturingPerBlock>,
		ValueQuery,
	>;

	/// The improvement already credited for each model and benchmark, so a repeated evaluation
	/// credits only a further gain.
	#[pallet::storage]
	pub type Credited<T> =
		StorageDoubleMap<_, Twox64Concat, ModelId, Twox64Concat, BenchmarkId, u32, ValueQuery>;

	/// The blocks between the starts of two reward epochs.
	#[pallet::storage]
	pub type EpochLength<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, T::DefaultEpochLength>;

	/// The last epoch started (0 before the first).
	#[pallet::storage]
	pub type CurrentEpoch<T> = StorageValue<_, EpochIndex, ValueQuery>;

	/// The block the next epoch starts at (0 until the first block set it).
	#[pallet::storage]
	pub type NextEpochAt<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// The payout under way, if any.
	#[pallet::storage]
	pub type CurrentPayout<T: Config> = StorageValue<_, Payout<BalanceOf<T>>>;

	/// The scores DATs had when the payout under way started, for DATs whose score changed
	/// before the payout reached them.
	#[pallet::storage]
	pub type ScoreAtEpochStart<T> = StorageMap<_, Twox64Concat, DatId, u64>;

	/// The records of the last `HistoryDepth` epochs.
	#[pallet::storage]
	pub type Epochs<T: Config> =
		StorageMap<_, Twox64Concat, EpochIndex, EpochRecord<BalanceOf<T>, BlockNumberFor<T>>>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The blocks between two reward epochs, if not `DefaultEpochLength` (a development
		/// chain runs short epochs).
		pub epoch_length: Option<BlockNumberFor<T>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(length) = self.epoch_length {
				assert!(!length.is_zero(), "an epoch lasts at least one block");
				EpochLength::<T>::put(length);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An account bonded stake as an attester; `bond` is its whole bond now.
		AttesterBonded { who: T::AccountId, amount: BalanceOf<T>, bond: BalanceOf<T> },
		/// An attester started leaving; its bond unbonds at `unbonds_at`.
		AttesterUnbonding { who: T::AccountId, bond: BalanceOf<T>, unbonds_at: BlockNumberFor<T> },
		/// A left attester's bond was returned.
		AttesterWithdrawn { who: T::AccountId, amount: BalanceOf<T> },
		/// An attester marked a DAT (each mark 0 to 100), backed by `stake`.
		Attested {
			dat: DatId,
			attester: T::AccountId,
			quality: u8,
			uniqueness: u8,
			authenticity: u8,
			stake: BalanceOf<T>,
		},
		/// An attester withdrew its judged attestation; the deposit was returned.
		AttestationWithdrawn { dat: DatId, attester: T::AccountId },
		/// A matured attestation was judged against the medians; an outlier cost `slashed`.
		AttestationJudged {
			dat: DatId,
			attester: T::AccountId,
			outlier: bool,
			slashed: BalanceOf<T>,
		},
		/// A verified evaluation showed a model gained `improvement` (parts per million) over its
		/// base model on a benchmark; it was credited to `dats`, the data the base did not use.
		ImprovementCredited {
			model: ModelId,
			benchmark: BenchmarkId,
			improvement: u32,
			dats: alloc::vec::Vec<DatId>,
		},
		/// A reward epoch started: `budget` is shared by the scores summing to `total_value`.
		EpochStarted { epoch: EpochIndex, budget: BalanceOf<T>, total_value: u128 },
		/// An epoch's payout finished: `paid` reached DATs' pools, `unpaid` stayed in the pot.
		EpochPaid { epoch: EpochIndex, paid: BalanceOf<T>, unpaid: BalanceOf<T>, dats: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No live DAT has this id.
		UnknownDat,
		/// A mark is above 100.
		MarkOutOfRange,
		/// The bond is below the least an attester needs.
		BondTooLow,
		/// The caller has no attester bond.
		NotAttester,
		/// The caller is leaving as an attester and cannot bond or attest.
		AttesterLeaving,
		/// The caller attested this DAT already.
		AlreadyAttested,
		/// The DAT carries as many attestations as allowed.
		TooManyAttestations,
		/// So many attestations mature in that block already; attest in a later block.
		MaturityQueueFull,
		/// The caller has no attestation on this DAT.
		NotAttested,
		/// The attestation has not been judged yet.
		NotJudgedYet,
		/// The caller's attestations still stand; withdraw them first.
		AttestationsStand,
		/// The caller is not leaving as an attester.
		NotLeaving,
		/// The bond is still unbonding.
		StillUnbonding,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Judge the attestations maturing now, then start an epoch when one is due or pay the
		/// one under way, at most `MaxPayoutsPerBlock` DATs.
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::judge_maturing(now).saturating_add(Self::advance_epochs(now))
		}

		fn integrity_test() {
			let weights = T::ImprovementWeight::get().deconstruct() as u64
				+ T::QualityWeight::get().deconstruct() as u64
				+ T::UsageWeight::get().deconstruct() as u64;
			assert!(
				weights <= Perbill::one().deconstruct() as u64,
				"signal weights sum to at most 1"
			);
			assert!(T::MaxPayoutsPerBlock::get() > 0, "a payout passes at least one DAT a block");
			assert!(T::MaxAttestations::get() > 0, "a DAT can be attested");
			assert!(T::MaxMaturingPerBlock::get() > 0, "attestations can mature");
			assert!(T::MaxCreditedDats::get() > 0, "improvement can be credited");
			assert!(T::DefaultEpochLength::get() > 0u32.into(), "epochs have a length");
			assert!(T::HistoryDepth::get() > 0, "the last epoch's record is kept");
			assert!(T::SlashBand::get() <= MAX_MARK, "the band is in mark points");
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Bond `amount` more of the caller's balance as attester stake (reserved). Every new
		/// attestation is backed by the whole bond; an outlying one costs a fraction of it.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::bond_attester())]
		pub fn bond_attester(origin: OriginFor<T>, amount: BalanceOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_bond(who, amount)
		}

		/// Start leaving as an attester: the bond unbonds after `AttesterUnbonding` blocks.
		/// Every attestation of the caller must have been withdrawn.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::unbond_attester())]
		pub fn unbond_attester(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unbond(who)
		}

		/// Return a left attester's bond once it has unbonded.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::withdraw_attester())]
		pub fn withdraw_attester(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_attester(who)
		}

		/// Mark a DAT's quality, uniqueness and authenticity, each 0 to 100, backed by the
		/// caller's bond. A deposit is reserved while it stands. After `AttestationMaturity`
		/// blocks it is judged: further than `SlashBand` from the medians costs stake.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::attest(T::MaxAttestations::get()))]
		pub fn attest(
			origin: OriginFor<T>,
			dat: DatId,
			quality: u8,
			uniqueness: u8,
			authenticity: u8,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_attest(who, dat, [quality, uniqueness, authenticity])
		}

		/// Withdraw the caller's judged attestation on a DAT and get its deposit back.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::withdraw_attestation(T::MaxAttestations::get()))]
		pub fn withdraw_attestation(origin: OriginFor<T>, dat: DatId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_attestation(who, dat)
		}
	}

	impl<T: Config> Pallet<T> {
		/// The reward pot: epochs are paid from it, attester slashes go to it.
		pub fn reward_pot() -> T::AccountId {
			T::PalletId::get().into_account_truncating()
		}
	}
}
