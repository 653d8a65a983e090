//! # iDAO pallet
//!
//! Individual-centric DAOs: an individual or a small community puts its data, models and agents
//! under one keyless account and decides by vote what that account does.
//!
//! - **Create**: [`Pallet::create_idao`] names the members and their weights and the rules: the
//!   approval threshold, the quorum and the voting period. The creator is the founding member and
//!   its deposit is reserved. Each iDAO has a sovereign account derived from its id
//!   ([`Pallet::account_of`]) that nobody holds a key to; it can hold balance, DAT shares and DAT
//!   control, models and agents.
//! - **Decide**: a member proposes any call ([`Pallet::propose`]), members vote by weight
//!   ([`Pallet::vote`]), and anyone closes the proposal once it is decided or its voting period
//!   is over ([`Pallet::close`]). An approved call is dispatched with the iDAO's account as a
//!   signed origin, so every call of the chain (set a DAT's policy, transfer shares, register a
//!   model, stake) works through governance without special cases.
//! - **Membership** and **rules** change only by the iDAO's own proposals: the calls
//!   [`Pallet::add_member`], [`Pallet::remove_member`], [`Pallet::set_member_weight`] and
//!   [`Pallet::set_rules`] accept only the iDAO's account.
//! - **Chain governance**: [`EnsureGovernanceIdao`] is an origin other pallets accept: the
//!   account of the iDAO that [`Pallet::set_governance_idao`] designated, which must decide by a
//!   majority. The runtime accepts it beside Root for privileged calls.
//!
//! - **Revenue**: income paid to the iDAO's revenue account is split by
//!   [`Pallet::set_revenue_split`] (members by weight, chosen DATs' pools, the treasury) when
//!   anyone calls [`Pallet::distribute`]; members [`Pallet::claim`] their part. See [`revenue`].
//!
//! - **Access across iDAOs**: [`Pallet::grant_access`] lets another iDAO use a DAT the iDAO
//!   controls at an agreed price and expiry, whatever the DAT's policy says;
//!   [`Pallet::revoke_access`] ends it. Both through proposals.
//! - **Contribution pool**: a member offers a DAT it controls with
//!   [`Pallet::propose_contribution`]; once the members approve, the DAT is in the iDAO's pool
//!   and shares the pool's part of the iDAO's income with the other contributed DATs. See
//!   [`contributions`].
//!
//! - **Reads**: `IdaoApi` in `lazai-primitives` (served as the `idao_*` RPC methods) shows an
//!   iDAO, its open proposals with their votes, and what an account is to the iDAOs.
//!
//! How votes are counted is in [`voting`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use impls::EnsureGovernanceIdao;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod contributions;
mod impls;
#[cfg(test)]
mod mock;
pub mod revenue;
#[cfg(test)]
mod tests;
pub mod types;
mod views;
pub mod voting;
pub mod weights;

use frame_support::traits::Currency;

/// What the benchmarks need from the rest of the runtime, made through the pallets that own it.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Anchor a DAT controlled by `owner`; `seed` makes its content unique.
	fn anchor(owner: &AccountId, seed: u32) -> lazai_primitives::dat::DatId;
}

/// A balance of the currency deposits are reserved in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Currency<<T as frame_system::Config>::AccountId>>::Balance;

/// An iDAO as stored.
pub type IdaoOf<T> = Idao<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
	<T as Config>::MaxMetadataLen,
>;

/// A proposal as stored.
pub type ProposalOf<T> = Proposal<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
	<T as Config>::MaxCallLen,
>;

/// An iDAO's revenue split as stored.
pub type RevenueSplitOf<T> = RevenueSplit<<T as Config>::MaxSplitDats>;

/// Access terms with the chain's balance and block number.
pub type AccessTermsOf<T> = lazai_primitives::dat::AccessTerms<
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;

/// An iDAO's rules with the chain's block number.
pub type RulesOf<T> = Rules<frame_system::pallet_prelude::BlockNumberFor<T>>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::boxed::Box;
	use frame_support::{
		dispatch::{GetDispatchInfo, PostDispatchInfo},
		pallet_prelude::*,
		traits::ReservableCurrency,
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use lazai_primitives::dat::Consumer;
	use lazai_primitives::dat::{DatAccess, DatId, DatInspect, DatRevenue, IdaoId};
	use sp_runtime::{traits::Dispatchable, Perbill};

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The calls an approved proposal dispatches.
		type RuntimeCall: Parameter
			+ Dispatchable<RuntimeOrigin = Self::RuntimeOrigin, PostInfo = PostDispatchInfo>
			+ GetDispatchInfo
			+ From<frame_system::Call<Self>>
			+ From<Call<Self>>;

		/// The currency deposits are reserved in and revenue is paid in.
		type Currency: ReservableCurrency<Self::AccountId>;

		/// Reads DATs, pays into their revenue pools and grants access to them.
		type Dat: DatInspect<Self::AccountId>
			+ DatRevenue<Self::AccountId, BalanceOf<Self>>
			+ DatAccess<Self::AccountId, BalanceOf<Self>, BlockNumberFor<Self>>;

		/// The iDAOs' accounts are derived from this id and the iDAO's id.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Reserved from the creator of an iDAO; it pays for the iDAO and up to `MaxMembers`
		/// members.
		#[pallet::constant]
		type IdaoDeposit: Get<BalanceOf<Self>>;

		/// Reserved from a proposer until the proposal is closed; it pays for the proposal and
		/// up to `MaxMembers` votes.
		#[pallet::constant]
		type ProposalDeposit: Get<BalanceOf<Self>>;

		/// The most members an iDAO may have.
		#[pallet::constant]
		type MaxMembers: Get<u32>;

		/// The longest metadata, in bytes.
		#[pallet::constant]
		type MaxMetadataLen: Get<u32>;

		/// The longest proposed call, SCALE-encoded, in bytes.
		#[pallet::constant]
		type MaxCallLen: Get<u32>;

		/// The heaviest call a proposal may make.
		#[pallet::constant]
		type MaxCallWeight: Get<Weight>;

		/// The most DATs a revenue split may pay.
		#[pallet::constant]
		type MaxSplitDats: Get<u32>;

		/// The most DATs an iDAO's contribution pool may hold.
		#[pallet::constant]
		type MaxPoolDats: Get<u32>;

		/// The most proposals an iDAO may have open at once.
		#[pallet::constant]
		type MaxOpenProposals: Get<u32>;

		/// The shortest voting period an iDAO may set.
		#[pallet::constant]
		type MinVotingPeriod: Get<BlockNumberFor<Self>>;

		/// The longest voting period an iDAO may set.
		#[pallet::constant]
		type MaxVotingPeriod: Get<BlockNumberFor<Self>>;

		/// The origin that designates the governance iDAO (Root, or the governance iDAO itself).
		type GovernanceAdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Makes what the benchmarks need in other pallets.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;

		/// Weights of this pallet's calls, generated by its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The iDAOs, by id.
	#[pallet::storage]
	pub type Idaos<T: Config> = StorageMap<_, Blake2_128Concat, IdaoId, IdaoOf<T>>;

	/// The id the next iDAO gets.
	#[pallet::storage]
	pub type NextIdaoId<T: Config> = StorageValue<_, IdaoId, ValueQuery>;

	/// The members of each iDAO and their voting weights.
	#[pallet::storage]
	pub type Members<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, IdaoId, Blake2_128Concat, T::AccountId, u32>;

	/// The iDAOs each account is a member of.
	#[pallet::storage]
	pub type Memberships<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Blake2_128Concat, IdaoId, ()>;

	/// The open proposals of each iDAO.
	#[pallet::storage]
	pub type Proposals<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, IdaoId, Twox64Concat, ProposalIndex, ProposalOf<T>>;

	/// The votes on each open proposal: `true` for aye.
	#[pallet::storage]
	pub type Votes<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		(IdaoId, ProposalIndex),
		Blake2_128Concat,
		T::AccountId,
		bool,
	>;

	/// How each iDAO splits its income; unset, everything goes to its treasury.
	#[pallet::storage]
	pub type RevenueSplits<T: Config> = StorageMap<_, Blake2_128Concat, IdaoId, RevenueSplitOf<T>>;

	/// What each member may claim from each iDAO's revenue account.
	#[pallet::storage]
	pub type Owed<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		IdaoId,
		Blake2_128Concat,
		T::AccountId,
		BalanceOf<T>,
		ValueQuery,
	>;

	/// What each iDAO's members may claim in all; it stays in the revenue account.
	#[pallet::storage]
	pub type OwedTotal<T: Config> =
		StorageMap<_, Blake2_128Concat, IdaoId, BalanceOf<T>, ValueQuery>;

	/// The DATs contributed to each iDAO's pool; they share the pool's part of its income.
	#[pallet::storage]
	pub type ContributionPools<T: Config> =
		StorageMap<_, Blake2_128Concat, IdaoId, BoundedVec<DatId, T::MaxPoolDats>, ValueQuery>;

	/// The iDAO whose account [`EnsureGovernanceIdao`] accepts, if one is designated.
	#[pallet::storage]
	pub type GovernanceIdao<T: Config> = StorageValue<_, IdaoId>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An iDAO was created with its own account.
		IdaoCreated { idao: IdaoId, creator: T::AccountId, account: T::AccountId },
		/// A member proposed a call; members may vote until `ends_at`.
		Proposed {
			idao: IdaoId,
			proposal: ProposalIndex,
			proposer: T::AccountId,
			ends_at: BlockNumberFor<T>,
		},
		/// A member voted.
		Voted { idao: IdaoId, proposal: ProposalIndex, voter: T::AccountId, aye: bool },
		/// A proposal was approved and its call dispatched from the iDAO's account; `result`
		/// is the call's own result.
		Executed { idao: IdaoId, proposal: ProposalIndex, tally: Tally, result: DispatchResult },
		/// A proposal was rejected.
		Rejected { idao: IdaoId, proposal: ProposalIndex, tally: Tally },
		/// A member joined an iDAO.
		MemberAdded { idao: IdaoId, who: T::AccountId, weight: u32 },
		/// A member left an iDAO.
		MemberRemoved { idao: IdaoId, who: T::AccountId },
		/// A member's voting weight changed.
		MemberWeightSet { idao: IdaoId, who: T::AccountId, weight: u32 },
		/// An iDAO changed how it decides.
		RulesSet { idao: IdaoId, rules: RulesOf<T> },
		/// The governance iDAO was designated, or the designation removed.
		GovernanceIdaoSet { idao: Option<IdaoId> },
		/// An iDAO changed how it splits its income.
		RevenueSplitSet { idao: IdaoId },
		/// An iDAO's income was split: credited to members, paid to DAT pools and moved to the
		/// treasury; what is left of `income` waits in the revenue account.
		Distributed {
			idao: IdaoId,
			income: BalanceOf<T>,
			to_members: BalanceOf<T>,
			to_dats: BalanceOf<T>,
			to_treasury: BalanceOf<T>,
		},
		/// A member claimed its part of an iDAO's income.
		Claimed { idao: IdaoId, who: T::AccountId, amount: BalanceOf<T> },
		/// A member offered a DAT to the iDAO's contribution pool; `proposal` decides.
		ContributionProposed {
			idao: IdaoId,
			proposal: ProposalIndex,
			dat: DatId,
			contributor: T::AccountId,
		},
		/// A DAT joined the iDAO's contribution pool.
		ContributionAccepted { idao: IdaoId, dat: DatId },
		/// A DAT left the iDAO's contribution pool.
		ContributionRemoved { idao: IdaoId, dat: DatId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No iDAO has this id.
		UnknownIdao,
		/// The iDAO has no open proposal with this index.
		UnknownProposal,
		/// Only members of the iDAO may do this.
		NotMember,
		/// The account is already a member.
		AlreadyMember,
		/// An account appears twice among the members.
		DuplicateMember,
		/// The iDAO would have more than `MaxMembers` members.
		TooManyMembers,
		/// A member's weight must be at least 1.
		ZeroWeight,
		/// The last member cannot be removed.
		LastMember,
		/// The approval threshold must be above zero.
		ZeroThreshold,
		/// The voting period is outside `MinVotingPeriod..=MaxVotingPeriod`.
		InvalidVotingPeriod,
		/// The member has already voted on this proposal.
		AlreadyVoted,
		/// The proposal's voting period is over.
		VotingClosed,
		/// The proposal can still go either way and its voting period is not over.
		NotDecided,
		/// The call is longer than `MaxCallLen` once encoded.
		CallTooLong,
		/// The call is heavier than `MaxCallWeight`.
		CallTooHeavy,
		/// The weight bound given to `close` is below the proposed call's weight.
		WeightBoundTooLow,
		/// The iDAO already has `MaxOpenProposals` open proposals.
		TooManyProposals,
		/// Only the iDAO's own account may do this: propose it to the iDAO.
		NotIdaoAccount,
		/// The governance iDAO must approve by more than half of the votes.
		GovernanceNeedsMajority,
		/// Every iDAO id has been used.
		NoIdaoIdsLeft,
		/// The proposed call no longer decodes (the runtime changed since it was proposed).
		CallUndecodable,
		/// The shares of a revenue split add up to more than the whole.
		SplitOverWhole,
		/// A revenue split names a DAT that does not exist.
		UnknownDat,
		/// A revenue split names a DAT twice.
		DuplicateDat,
		/// The revenue account holds nothing beyond what members are owed.
		NothingToDistribute,
		/// Nothing is owed to the caller by this iDAO.
		NothingOwed,
		/// Only the DAT's controller may offer it to a contribution pool.
		NotDatController,
		/// The DAT is already in the iDAO's contribution pool.
		AlreadyContributed,
		/// The iDAO's contribution pool already holds `MaxPoolDats` DATs.
		PoolFull,
		/// The DAT is not in the iDAO's contribution pool.
		NotContributed,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Create an iDAO with `members` and their voting weights (the caller is added as the
		/// founding member if not listed, with weight 1) and its `rules`. Reserves
		/// `IdaoDeposit` from the caller.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_idao(members.len() as u32))]
		pub fn create_idao(
			origin: OriginFor<T>,
			metadata: BoundedVec<u8, T::MaxMetadataLen>,
			members: BoundedVec<(T::AccountId, u32), T::MaxMembers>,
			rules: RulesOf<T>,
		) -> DispatchResult {
			let creator = ensure_signed(origin)?;
			Self::do_create(creator, metadata, members.into_inner(), rules)
		}

		/// Propose that the iDAO's account makes `call`. Only members may propose; reserves
		/// `ProposalDeposit` until the proposal is closed.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::propose(T::MaxCallLen::get()))]
		pub fn propose(
			origin: OriginFor<T>,
			idao: IdaoId,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResultWithPostInfo {
			let proposer = ensure_signed(origin)?;
			let (_, length) = Self::do_propose(proposer, idao, *call)?;
			Ok(Some(T::WeightInfo::propose(length)).into())
		}

		/// Vote aye or nay on an open proposal, once, before its voting period ends.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::vote())]
		pub fn vote(
			origin: OriginFor<T>,
			idao: IdaoId,
			proposal: ProposalIndex,
			aye: bool,
		) -> DispatchResult {
			let voter = ensure_signed(origin)?;
			Self::do_vote(voter, idao, proposal, aye)
		}

		/// Close a proposal that is decided or whose voting period is over: an approved call is
		/// dispatched from the iDAO's account, and the proposer's deposit is returned either
		/// way. `weight_bound` must cover the call's weight. Anyone may close.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::close(T::MaxMembers::get()).saturating_add(*weight_bound))]
		pub fn close(
			origin: OriginFor<T>,
			idao: IdaoId,
			proposal: ProposalIndex,
			weight_bound: Weight,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Self::do_close(idao, proposal, weight_bound)
		}

		/// Add `who` with voting `weight`. Only the iDAO's own account, through a proposal.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::add_member())]
		pub fn add_member(
			origin: OriginFor<T>,
			idao: IdaoId,
			who: T::AccountId,
			weight: u32,
		) -> DispatchResult {
			Self::ensure_idao_account(origin, idao)?;
			Self::do_add_member(idao, who, weight)
		}

		/// Remove the member `who`. Only the iDAO's own account, through a proposal.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::remove_member())]
		pub fn remove_member(
			origin: OriginFor<T>,
			idao: IdaoId,
			who: T::AccountId,
		) -> DispatchResult {
			Self::ensure_idao_account(origin, idao)?;
			Self::do_remove_member(idao, who)
		}

		/// Set the voting weight of the member `who`. Only the iDAO's own account, through a
		/// proposal.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_member_weight())]
		pub fn set_member_weight(
			origin: OriginFor<T>,
			idao: IdaoId,
			who: T::AccountId,
			weight: u32,
		) -> DispatchResult {
			Self::ensure_idao_account(origin, idao)?;
			Self::do_set_member_weight(idao, who, weight)
		}

		/// Change how the iDAO decides; open proposals are closed under the new rules. Only the
		/// iDAO's own account, through a proposal.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_rules())]
		pub fn set_rules(origin: OriginFor<T>, idao: IdaoId, rules: RulesOf<T>) -> DispatchResult {
			Self::ensure_idao_account(origin, idao)?;
			Self::ensure_valid_rules(&rules)?;
			if GovernanceIdao::<T>::get() == Some(idao) {
				Self::ensure_majority(&rules)?;
			}
			Idaos::<T>::try_mutate(idao, |info| {
				let info = info.as_mut().ok_or(Error::<T>::UnknownIdao)?;
				info.rules = rules;
				Ok::<_, Error<T>>(())
			})?;
			Self::deposit_event(Event::RulesSet { idao, rules });
			Ok(())
		}

		/// Designate the iDAO whose account [`EnsureGovernanceIdao`] accepts, or remove the
		/// designation with `None`. The iDAO must approve by more than half of the votes cast.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::set_governance_idao())]
		pub fn set_governance_idao(origin: OriginFor<T>, idao: Option<IdaoId>) -> DispatchResult {
			T::GovernanceAdminOrigin::ensure_origin(origin)?;
			if let Some(id) = idao {
				let info = Idaos::<T>::get(id).ok_or(Error::<T>::UnknownIdao)?;
				Self::ensure_majority(&info.rules)?;
			}
			GovernanceIdao::<T>::set(idao);
			Self::deposit_event(Event::GovernanceIdaoSet { idao });
			Ok(())
		}

		/// Set how the iDAO splits its income. Only the iDAO's own account, through a proposal.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::set_revenue_split(split.dats.len() as u32))]
		pub fn set_revenue_split(
			origin: OriginFor<T>,
			idao: IdaoId,
			split: RevenueSplitOf<T>,
		) -> DispatchResult {
			Self::ensure_idao_account(origin, idao)?;
			Self::ensure_valid_split(&split)?;
			RevenueSplits::<T>::insert(idao, split);
			Self::deposit_event(Event::RevenueSplitSet { idao });
			Ok(())
		}

		/// Split what the iDAO's revenue account has received since the last distribution.
		/// Anyone may call this.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::distribute(
			T::MaxMembers::get(),
			T::MaxSplitDats::get(),
			T::MaxPoolDats::get(),
		))]
		pub fn distribute(origin: OriginFor<T>, idao: IdaoId) -> DispatchResult {
			ensure_signed(origin)?;
			let done = Self::do_distribute(idao)?;
			Self::deposit_event(Event::Distributed {
				idao,
				income: done.income,
				to_members: done.to_members,
				to_dats: done.to_dats,
				to_treasury: done.to_treasury,
			});
			Ok(())
		}

		/// Claim what the iDAO owes the caller from its distributions.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::claim())]
		pub fn claim(origin: OriginFor<T>, idao: IdaoId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let amount = Self::do_claim(idao, &who)?;
			Self::deposit_event(Event::Claimed { idao, who, amount });
			Ok(())
		}

		/// Let the iDAO `grantee` use `dat`, which this iDAO controls, on `terms` (a price per
		/// use and an expiry of their own), whatever the DAT's policy says. Replaces an earlier
		/// grant. Only the iDAO's own account, through a proposal; the DAT pallet reserves a
		/// deposit from it.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::grant_access())]
		pub fn grant_access(
			origin: OriginFor<T>,
			idao: IdaoId,
			grantee: IdaoId,
			dat: DatId,
			terms: AccessTermsOf<T>,
		) -> DispatchResult {
			Self::ensure_idao_account(origin, idao)?;
			ensure!(Idaos::<T>::contains_key(grantee), Error::<T>::UnknownIdao);
			T::Dat::grant(&Self::account_of(idao), dat, Consumer::Idao(grantee), terms)
		}

		/// End the iDAO `grantee`'s access to `dat`. Only the iDAO's own account, through a
		/// proposal.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::revoke_access())]
		pub fn revoke_access(
			origin: OriginFor<T>,
			idao: IdaoId,
			grantee: IdaoId,
			dat: DatId,
		) -> DispatchResult {
			Self::ensure_idao_account(origin, idao)?;
			T::Dat::revoke(&Self::account_of(idao), dat, &Consumer::Idao(grantee))
		}

		/// Offer `dat`, which the caller controls, to the iDAO's contribution pool: this opens a
		/// proposal to accept it, with the caller's proposal deposit. Only members may.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::propose_contribution())]
		pub fn propose_contribution(
			origin: OriginFor<T>,
			idao: IdaoId,
			dat: DatId,
		) -> DispatchResult {
			let contributor = ensure_signed(origin)?;
			Self::do_propose_contribution(contributor, idao, dat)
		}

		/// Put `dat` in the iDAO's contribution pool. Only the iDAO's own account, through a
		/// proposal (which `propose_contribution` opens).
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::accept_contribution())]
		pub fn accept_contribution(
			origin: OriginFor<T>,
			idao: IdaoId,
			dat: DatId,
		) -> DispatchResult {
			Self::ensure_idao_account(origin, idao)?;
			Self::do_accept_contribution(idao, dat)
		}

		/// Take `dat` out of the iDAO's contribution pool. Only the iDAO's own account, through
		/// a proposal.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::remove_contribution())]
		pub fn remove_contribution(
			origin: OriginFor<T>,
			idao: IdaoId,
			dat: DatId,
		) -> DispatchResult {
			Self::ensure_idao_account(origin, idao)?;
			Self::do_remove_contribution(idao, dat)
		}
	}

	impl<T: Config> Pallet<T> {
		/// The minimum approval threshold of the governance iDAO: more than half.
		pub(crate) fn ensure_majority(rules: &RulesOf<T>) -> DispatchResult {
			ensure!(
				rules.approval_threshold > Perbill::from_percent(50),
				Error::<T>::GovernanceNeedsMajority
			);
			Ok(())
		}
	}
}
