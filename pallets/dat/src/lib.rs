//! # DAT pallet: Data Anchoring Tokens
//!
//! A DAT anchors one piece of AI data on chain: its content hash, where it lives, what it is,
//! what it was derived from, who owns it, under what terms it may be used and how often it was.
//! Using a DAT pays its holders, and a royalty share of every payment flows to the data it was
//! derived from.
//!
//! - **Anchor** data by its 32-byte content hash ([`Pallet::anchor`]); a deposit for what is stored
//!   is reserved from the creator until the DAT is retired.
//! - **Shares**: every DAT has [`Config::SharesPerDat`] ownership shares, all to the creator at
//!   first; [`Pallet::transfer_shares`] moves them and holders earn revenue pro rata.
//! - **Policy**: the controller sets who may use the data, the price per use, a cap, an expiry,
//!   whether derivation is allowed and the royalty to the parents ([`Pallet::set_policy`]).
//! - **Use**: [`Pallet::use_data`] spends a credit or charges the price, records the use per
//!   consumer and pays the revenue pools; [`Pallet::buy_credits`] sells uses in advance.
//! - **Grants**: [`Pallet::grant_access`] lets one consumer use the data on its own price and
//!   expiry, whatever the policy says; [`Pallet::revoke_access`] ends it (see [`access`]).
//! - **Revenue**: [`Pallet::claim_revenue`] pays a holder; accounting is O(1) per payment and per
//!   claim (see [`revenue`]).
//! - **Proofs**: [`Pallet::attach_proof`] attaches a verified ZK statement or an (unverified) TEE
//!   report or attestation.
//! - **Life cycle**: [`Pallet::retire`] by the controller, [`Pallet::freeze`] and
//!   [`Pallet::unfreeze`] by a privileged origin.
//!
//! Other pallets use DATs only through the traits of `lazai_primitives::dat`, which this pallet
//! implements; the runtime API `DatApi` (see [`Pallet::dat_view`] and the helpers beside it) serves
//! the node's `dat_*` RPC methods.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;

pub mod access;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod impls;
pub mod lineage;
#[cfg(test)]
mod mock;
pub mod revenue;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

use frame_support::traits::fungible;
use lazai_primitives::{
	dat::{Access, Consumer, ConsumerAuthority, DatId, DataKind, OnDatUse, ProofKind},
	verified::VerifiedStatements,
};
use sp_core::H256;
pub use types::*;

/// A balance of the currency DAT uses are paid in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible::Mutate, ReservableCurrency},
		PalletId,
	};
	use frame_system::pallet_prelude::*;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency uses are paid in and deposits are reserved in.
		///
		/// Deposits are reserved on the payer's account rather than held under a reason: the
		/// account is already written by the transaction fee, so a deposit costs an anchor no
		/// storage item of its own.
		type Currency: Mutate<Self::AccountId>
			+ ReservableCurrency<Self::AccountId, Balance = BalanceOf<Self>>;

		/// The account that keeps revenue until holders claim it is derived from this id.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The origin that may freeze and unfreeze DATs (illegal content).
		type FreezeOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Tells which accounts may act as a model, agent or iDAO consumer.
		type ConsumerAuthority: ConsumerAuthority<Self::AccountId>;

		/// Tells which statements the chain verified, for ZK proofs attached to DATs.
		type VerifiedStatements: VerifiedStatements;

		/// Hears of every recorded use and credit purchase (PoDV scores paid usage).
		type OnUse: OnDatUse<Self::AccountId, BalanceOf<Self>>;

		/// The number of ownership shares every DAT has.
		#[pallet::constant]
		type SharesPerDat: Get<u128>;

		/// The longest URI a DAT or proof may have, in bytes.
		#[pallet::constant]
		type MaxUriLen: Get<u32>;

		/// The most parents a DAT may be derived from.
		#[pallet::constant]
		type MaxParents: Get<u32>;

		/// The most consumers a policy's allow-list may name.
		#[pallet::constant]
		type MaxAllowed: Get<u32>;

		/// The most consumers a DAT may grant access to on their own terms.
		#[pallet::constant]
		type MaxGrants: Get<u32>;

		/// The most proofs a DAT may carry.
		#[pallet::constant]
		type MaxProofs: Get<u32>;

		/// The most DATs a lineage query returns before it says it was cut.
		#[pallet::constant]
		type MaxLineageNodes: Get<u32>;

		/// The deposit reserved for every DAT, on top of the per-byte deposit.
		#[pallet::constant]
		type DepositBase: Get<BalanceOf<Self>>;

		/// The deposit reserved per byte a DAT stores (record, proofs, lineage links).
		#[pallet::constant]
		type DepositPerByte: Get<BalanceOf<Self>>;

		/// The deposit for a holding, a consumer record or an access grant, paid by whoever
		/// creates it.
		#[pallet::constant]
		type RecordDeposit: Get<BalanceOf<Self>>;

		/// Weights of this pallet's calls, generated by its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The id the next anchored DAT gets.
	#[pallet::storage]
	pub type NextDatId<T: Config> = StorageValue<_, DatId, ValueQuery>;

	/// Every live DAT by id.
	#[pallet::storage]
	pub type Dats<T: Config> = StorageMap<_, Blake2_128Concat, DatId, DatInfo<T>>;

	/// The DAT anchoring each content hash.
	#[pallet::storage]
	pub type DatByContentHash<T: Config> = StorageMap<_, Identity, H256, DatId>;

	/// The DATs derived from each DAT, and how: `(parent, child) → derivation`.
	#[pallet::storage]
	pub type Children<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		DatId,
		Blake2_128Concat,
		DatId,
		lazai_primitives::dat::Derivation,
	>;

	/// The proofs attached to each DAT.
	#[pallet::storage]
	pub type Proofs<T: Config> =
		StorageMap<_, Blake2_128Concat, DatId, BoundedVec<DatProof<T>, T::MaxProofs>, ValueQuery>;

	/// The revenue pool of each DAT. A DAT with no entry has not been paid or traded yet:
	/// nothing earned, its creator the only holder.
	#[pallet::storage]
	pub type RevenuePools<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		DatId,
		revenue::RevenuePool,
		ValueQuery,
		revenue::FreshPool,
	>;

	/// The shares each account holds of each DAT, with its revenue accounting.
	#[pallet::storage]
	pub type Holdings<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		DatId,
		revenue::Holding<T::AccountId>,
	>;

	/// Each consumer's uses and unspent credits of each DAT.
	#[pallet::storage]
	pub type ConsumerRecords<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		DatId,
		Blake2_128Concat,
		Consumer<T::AccountId>,
		ConsumerRecord<T>,
	>;

	/// The consumers each DAT granted access to on their own terms.
	#[pallet::storage]
	pub type Grants<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		DatId,
		Blake2_128Concat,
		Consumer<T::AccountId>,
		Grant<T>,
	>;

	/// How many grants each DAT has; a DAT with grants cannot be retired.
	#[pallet::storage]
	pub type GrantCount<T: Config> = StorageMap<_, Blake2_128Concat, DatId, u32, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// The revenue account must exist before the first (possibly tiny) payment reaches it.
			let pot = Pallet::<T>::revenue_account();
			let minimum = <T::Currency as fungible::Inspect<_>>::minimum_balance();
			if <T::Currency as fungible::Inspect<_>>::balance(&pot) < minimum {
				let _ = T::Currency::mint_into(&pot, minimum);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Data was anchored as a new DAT, derived from `parents` DATs.
		Anchored {
			dat: DatId,
			creator: T::AccountId,
			content_hash: H256,
			kind: DataKind,
			parents: u32,
		},
		/// Shares of a DAT changed hands.
		SharesTransferred { dat: DatId, from: T::AccountId, to: T::AccountId, shares: u128 },
		/// A DAT's usage policy changed.
		PolicySet { dat: DatId },
		/// Control of a DAT passed to another account.
		ControlTransferred { dat: DatId, from: T::AccountId, to: T::AccountId },
		/// A DAT was used; `paid` is zero when a credit was spent.
		Used {
			dat: DatId,
			consumer: Consumer<T::AccountId>,
			payer: T::AccountId,
			paid: BalanceOf<T>,
			credit_spent: bool,
		},
		/// Uses of a DAT were bought in advance.
		CreditsBought { dat: DatId, buyer: T::AccountId, credits: u64, paid: BalanceOf<T> },
		/// Credits of a DAT were given to another consumer.
		CreditsTransferred {
			dat: DatId,
			from: T::AccountId,
			to: Consumer<T::AccountId>,
			credits: u64,
		},
		/// A parent's royalty share reached its revenue pool.
		RoyaltyPaid { from: DatId, to: DatId, amount: BalanceOf<T> },
		/// Revenue was paid into a DAT's pool by another pallet.
		RevenuePaid { dat: DatId, from: T::AccountId, amount: BalanceOf<T> },
		/// A holder claimed its revenue.
		RevenueClaimed { dat: DatId, who: T::AccountId, amount: BalanceOf<T> },
		/// A proof was attached to a DAT; `verified` only for a ZK statement the chain verified.
		ProofAttached { dat: DatId, kind: ProofKind, reference: H256, verified: bool },
		/// A DAT was retired and its deposit returned.
		Retired { dat: DatId },
		/// A DAT was frozen: no use, derivation or change until unfrozen.
		Frozen { dat: DatId },
		/// A frozen DAT was unfrozen.
		Unfrozen { dat: DatId },
		/// A retired DAT's consumer record was removed and its deposit returned.
		RecordCleared { dat: DatId, consumer: Consumer<T::AccountId> },
		/// A consumer may use a DAT on its own price and expiry, whatever the policy says.
		AccessGranted { dat: DatId, consumer: Consumer<T::AccountId>, terms: AccessTermsOf<T> },
		/// A consumer's grant ended; the policy applies to it again.
		AccessRevoked { dat: DatId, consumer: Consumer<T::AccountId> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No live DAT has this id.
		UnknownDat,
		/// This content hash is anchored already; `dat_byContentHash` finds its DAT.
		AlreadyAnchored,
		/// The URI is empty.
		EmptyUri,
		/// A parent named does not exist.
		UnknownParent,
		/// A parent is named twice.
		DuplicateParent,
		/// A parent's policy does not allow deriving from it.
		DerivationNotAllowed,
		/// Only the DAT's controller may do this.
		NotController,
		/// The DAT is frozen.
		DatFrozen,
		/// The DAT is not frozen.
		NotFrozen,
		/// The amount is zero.
		ZeroAmount,
		/// Shares or credits cannot go to their own holder.
		SelfTransfer,
		/// The sender holds fewer shares than it sends.
		InsufficientShares,
		/// The signer may not act as this consumer.
		NotConsumer,
		/// The policy does not allow this consumer.
		NotAllowed,
		/// The policy's cap on uses is reached.
		CapReached,
		/// The policy expired.
		Expired,
		/// The price per use is above the most the caller would pay.
		PriceAboveMax,
		/// The sender has fewer credits than it gives.
		InsufficientCredits,
		/// The holder has no revenue to claim.
		NothingToClaim,
		/// DATs derived from this one are still live.
		HasChildren,
		/// Shares are spread over several holdings; gather them in one to retire.
		SharesSpread,
		/// Revenue is left to claim.
		PendingRevenue,
		/// The statement was not verified by the chain.
		StatementNotVerified,
		/// The DAT carries the most proofs it may.
		TooManyProofs,
		/// The DAT is still live; its consumer records stay.
		NotRetired,
		/// No record of this consumer on this DAT.
		UnknownRecord,
		/// An amount is too large to account for.
		Overflow,
		/// The DAT already grants access to `MaxGrants` consumers.
		TooManyGrants,
		/// The DAT grants this consumer no access.
		UnknownGrant,
		/// The DAT still grants access to consumers; revoke the grants first.
		HasGrants,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Anchor data as a new DAT owned by the caller: its 32-byte `content_hash`, where it
		/// lives (`uri`), what it is, the DATs it was derived from and how, and its usage policy.
		/// All shares go to the caller; a deposit for what is stored is reserved until retirement.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::anchor(
			parents.len() as u32,
			uri.len() as u32,
			Pallet::<T>::allow_list_len(policy),
		))]
		pub fn anchor(
			origin: OriginFor<T>,
			content_hash: H256,
			uri: UriOf<T>,
			kind: DataKind,
			parents: ParentsOf<T>,
			policy: PolicyOf<T>,
		) -> DispatchResult {
			let creator = ensure_signed(origin)?;
			Self::do_anchor(creator, content_hash, uri, kind, parents, policy).map(|_| ())
		}

		/// Send `shares` of a DAT to `to`. What both sides earned so far stays theirs. Creating
		/// the receiver's holding holds a record deposit from the sender.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::transfer_shares())]
		pub fn transfer_shares(
			origin: OriginFor<T>,
			dat: DatId,
			to: T::AccountId,
			shares: u128,
		) -> DispatchResult {
			let from = ensure_signed(origin)?;
			Self::do_transfer_shares(dat, from, to, shares)
		}

		/// Set a DAT's usage policy. Only its controller may; the deposit follows the policy's
		/// size and moves to the caller.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_policy(Pallet::<T>::allow_list_len(policy)))]
		pub fn set_policy(origin: OriginFor<T>, dat: DatId, policy: PolicyOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut info = Self::controlled_dat(dat, &who)?;
			info.policy = policy;
			Self::update_deposit(dat, &mut info, &who)?;
			Dats::<T>::insert(dat, info);
			Self::deposit_event(Event::PolicySet { dat });
			Ok(())
		}

		/// Hand control of a DAT (policy, proofs, retirement) to another account, such as an
		/// iDAO's. The storage deposit stays with whoever paid it until the next change.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::transfer_control())]
		pub fn transfer_control(
			origin: OriginFor<T>,
			dat: DatId,
			to: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut info = Self::controlled_dat(dat, &who)?;
			info.controller = to.clone();
			Dats::<T>::insert(dat, info);
			Self::deposit_event(Event::ControlTransferred { dat, from: who, to });
			Ok(())
		}

		/// Use a DAT as `consumer`: spend one of its credits, or pay the policy's price (refused
		/// above `max_price`). The payment goes to the DAT's holders and its royalty share to its
		/// parents. The first use by a consumer reserves a record deposit from the caller.
		/// Charged for paying `MaxParents` parents and the use hook's most; refunded down to the
		/// parents it paid and what the hook took.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::use_data(T::MaxParents::get()).saturating_add(T::OnUse::weight()))]
		pub fn use_data(
			origin: OriginFor<T>,
			dat: DatId,
			consumer: Consumer<T::AccountId>,
			max_price: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let payer = ensure_signed(origin)?;
			ensure!(T::ConsumerAuthority::may_act_as(&payer, &consumer), Error::<T>::NotConsumer);
			Ok(Some(Self::do_use(dat, &consumer, &payer, Some(max_price))?).into())
		}

		/// Buy `credits` uses of a DAT in advance, for the caller's account, at the policy's
		/// price per use (refused above `max_price` per use). Pays the revenue pools as uses do,
		/// and is refunded as `use_data` is.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::buy_credits(T::MaxParents::get()).saturating_add(T::OnUse::weight()))]
		pub fn buy_credits(
			origin: OriginFor<T>,
			dat: DatId,
			credits: u64,
			max_price: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let buyer = ensure_signed(origin)?;
			Ok(Some(Self::do_buy_credits(dat, buyer, credits, max_price)?).into())
		}

		/// Give `credits` of a DAT from the caller's account to another consumer. Creating the
		/// receiver's record reserves a record deposit from the caller.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::transfer_credits())]
		pub fn transfer_credits(
			origin: OriginFor<T>,
			dat: DatId,
			to: Consumer<T::AccountId>,
			credits: u64,
		) -> DispatchResult {
			let from = ensure_signed(origin)?;
			Self::do_transfer_credits(dat, from, to, credits)
		}

		/// Attach a proof to a DAT. A `ZkProof`'s `reference` must be a statement the chain
		/// verified; a TEE report or attestation is stored as its hash and `uri`, unverified.
		/// Only the controller may.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::attach_proof(uri.len() as u32))]
		pub fn attach_proof(
			origin: OriginFor<T>,
			dat: DatId,
			kind: ProofKind,
			reference: H256,
			uri: UriOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_attach_proof(dat, who, kind, reference, uri)
		}

		/// Pay the caller the revenue it earned as a holder of a DAT. Forwards the royalty the
		/// DAT owes its parents first.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::claim_revenue(T::MaxParents::get()))]
		pub fn claim_revenue(origin: OriginFor<T>, dat: DatId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim(dat, who)
		}

		/// Retire a DAT and return its deposit. Only the controller may, and only when no live
		/// DAT derives from it, one holding has all its shares and no revenue is left to claim.
		/// Consumer records stay; `clear_record` removes them afterwards.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::retire(T::MaxParents::get()))]
		pub fn retire(origin: OriginFor<T>, dat: DatId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_retire(dat, who)
		}

		/// Freeze a DAT (illegal content): no use, derivation, transfer or change until
		/// unfrozen. Holders may still claim what they earned. Only the freeze origin may.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::freeze())]
		pub fn freeze(origin: OriginFor<T>, dat: DatId) -> DispatchResult {
			T::FreezeOrigin::ensure_origin(origin)?;
			Self::set_frozen(dat, true)?;
			Self::deposit_event(Event::Frozen { dat });
			Ok(())
		}

		/// Unfreeze a frozen DAT. Only the freeze origin may.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::unfreeze())]
		pub fn unfreeze(origin: OriginFor<T>, dat: DatId) -> DispatchResult {
			T::FreezeOrigin::ensure_origin(origin)?;
			Self::set_frozen(dat, false)?;
			Self::deposit_event(Event::Unfrozen { dat });
			Ok(())
		}

		/// Remove a consumer's record of a retired DAT and return its deposit to whoever paid
		/// it. Anyone may.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::clear_record())]
		pub fn clear_record(
			origin: OriginFor<T>,
			dat: DatId,
			consumer: Consumer<T::AccountId>,
		) -> DispatchResult {
			ensure_signed(origin)?;
			ensure!(!Dats::<T>::contains_key(dat), Error::<T>::NotRetired);
			let record =
				ConsumerRecords::<T>::take(dat, &consumer).ok_or(Error::<T>::UnknownRecord)?;
			let (depositor, amount) = record.deposit;
			Self::release_deposit(&depositor, amount);
			Self::deposit_event(Event::RecordCleared { dat, consumer });
			Ok(())
		}

		/// Let `consumer` use a DAT on `terms`: its own price per use and expiry, in place of
		/// the policy's access list, price and expiry (the cap still counts). Replaces an
		/// earlier grant to it. Only the controller may; a new grant reserves a record deposit.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::grant_access())]
		pub fn grant_access(
			origin: OriginFor<T>,
			dat: DatId,
			consumer: Consumer<T::AccountId>,
			terms: AccessTermsOf<T>,
		) -> DispatchResult {
			let controller = ensure_signed(origin)?;
			Self::do_grant(&controller, dat, consumer, terms)
		}

		/// End the grant to `consumer` and return its deposit. Only the controller may.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::revoke_access())]
		pub fn revoke_access(
			origin: OriginFor<T>,
			dat: DatId,
			consumer: Consumer<T::AccountId>,
		) -> DispatchResult {
			let controller = ensure_signed(origin)?;
			Self::do_revoke(&controller, dat, &consumer)
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The number of consumers a policy names, for weights.
	pub fn allow_list_len(policy: &PolicyOf<T>) -> u32 {
		match &policy.access {
			Access::Anyone => 0,
			Access::AllowList(list) => list.len() as u32,
		}
	}
}
