//! The work behind the calls, the iDAOs' accounts, and the traits the pallet implements for the
//! rest of the runtime.

use crate::{pallet::*, Idao, Outcome, Proposal, ProposalIndex, RulesOf, WeightInfo};
use alloc::vec::Vec;
use codec::{DecodeLimit, Encode};
use core::marker::PhantomData;
use frame_support::{
	dispatch::{extract_actual_weight, DispatchResultWithPostInfo, GetDispatchInfo},
	ensure,
	pallet_prelude::*,
	traits::{EnsureOrigin, ReservableCurrency},
};
use frame_system::{pallet_prelude::*, RawOrigin};
use lazai_primitives::dat::{Consumer, ConsumerAuthority, IdaoId};
use sp_runtime::{
	traits::{AccountIdConversion, Dispatchable, Saturating},
	DispatchResult,
};

/// How deeply nested a proposed call may be when it is decoded again to be dispatched.
const MAX_CALL_DECODE_DEPTH: u32 = 32;

impl<T: Config> Pallet<T> {
	/// The keyless account of the iDAO `idao`: it holds what the iDAO owns and makes the calls
	/// its members approve.
	pub fn account_of(idao: IdaoId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(idao)
	}

	/// The iDAO whose account `account` is, if it is one.
	pub fn idao_of_account(account: &T::AccountId) -> Option<IdaoId> {
		let (_, idao) = frame_support::PalletId::try_from_sub_account::<IdaoId>(account)?;
		(Idaos::<T>::contains_key(idao) && &Self::account_of(idao) == account).then_some(idao)
	}

	/// The iDAOs `who` is a member of.
	pub fn memberships_of(who: &T::AccountId) -> Vec<IdaoId> {
		Memberships::<T>::iter_key_prefix(who).collect()
	}

	/// Succeeds for a signed origin that is the account of the existing iDAO `idao`.
	pub(crate) fn ensure_idao_account(origin: OriginFor<T>, idao: IdaoId) -> DispatchResult {
		let who = ensure_signed(origin)?;
		ensure!(Idaos::<T>::contains_key(idao), Error::<T>::UnknownIdao);
		ensure!(who == Self::account_of(idao), Error::<T>::NotIdaoAccount);
		Ok(())
	}

	/// A threshold above zero and a voting period within the chain's limits.
	pub(crate) fn ensure_valid_rules(rules: &RulesOf<T>) -> DispatchResult {
		ensure!(!rules.approval_threshold.is_zero(), Error::<T>::ZeroThreshold);
		ensure!(
			rules.voting_period >= T::MinVotingPeriod::get()
				&& rules.voting_period <= T::MaxVotingPeriod::get(),
			Error::<T>::InvalidVotingPeriod
		);
		Ok(())
	}

	pub(crate) fn do_create(
		creator: T::AccountId,
		metadata: BoundedVec<u8, T::MaxMetadataLen>,
		mut members: Vec<(T::AccountId, u32)>,
		rules: RulesOf<T>,
	) -> DispatchResult {
		Self::ensure_valid_rules(&rules)?;
		if !members.iter().any(|(who, _)| who == &creator) {
			members.push((creator.clone(), 1));
		}
		ensure!(members.len() <= T::MaxMembers::get() as usize, Error::<T>::TooManyMembers);
		ensure!(members.iter().all(|(_, weight)| *weight > 0), Error::<T>::ZeroWeight);
		let mut accounts: Vec<_> = members.iter().map(|(who, _)| who).collect();
		accounts.sort();
		accounts.dedup();
		ensure!(accounts.len() == members.len(), Error::<T>::DuplicateMember);

		let idao = NextIdaoId::<T>::get();
		let next = idao.checked_add(1).ok_or(Error::<T>::NoIdaoIdsLeft)?;
		let deposit = T::IdaoDeposit::get();
		T::Currency::reserve(&creator, deposit)?;

		let total_weight = members.iter().map(|(_, weight)| u64::from(*weight)).sum();
		for (who, weight) in &members {
			Members::<T>::insert(idao, who, weight);
			Memberships::<T>::insert(who, idao, ());
		}
		Idaos::<T>::insert(
			idao,
			Idao {
				creator: creator.clone(),
				metadata,
				rules,
				members: members.len() as u32,
				total_weight,
				deposit,
				next_proposal: 0,
				open_proposals: 0,
			},
		);
		NextIdaoId::<T>::put(next);
		Self::deposit_event(Event::IdaoCreated { idao, creator, account: Self::account_of(idao) });
		Ok(())
	}

	/// Records the proposal; returns its index and the length of the encoded call.
	pub(crate) fn do_propose(
		proposer: T::AccountId,
		idao: IdaoId,
		call: <T as Config>::RuntimeCall,
	) -> Result<(ProposalIndex, u32), DispatchError> {
		let mut info = Idaos::<T>::get(idao).ok_or(Error::<T>::UnknownIdao)?;
		ensure!(Members::<T>::contains_key(idao, &proposer), Error::<T>::NotMember);
		ensure!(info.open_proposals < T::MaxOpenProposals::get(), Error::<T>::TooManyProposals);
		let encoded: BoundedVec<u8, T::MaxCallLen> =
			call.encode().try_into().map_err(|_| Error::<T>::CallTooLong)?;
		let call_weight = call.get_dispatch_info().call_weight;
		ensure!(call_weight.all_lte(T::MaxCallWeight::get()), Error::<T>::CallTooHeavy);
		let proposal = info.next_proposal;
		info.next_proposal = proposal.checked_add(1).ok_or(Error::<T>::TooManyProposals)?;

		let deposit = T::ProposalDeposit::get();
		T::Currency::reserve(&proposer, deposit)?;
		info.open_proposals.saturating_inc();
		let ends_at =
			frame_system::Pallet::<T>::block_number().saturating_add(info.rules.voting_period);
		let length = encoded.len() as u32;
		Proposals::<T>::insert(
			idao,
			proposal,
			Proposal { proposer: proposer.clone(), call: encoded, call_weight, ends_at, deposit },
		);
		Idaos::<T>::insert(idao, info);
		Self::deposit_event(Event::Proposed { idao, proposal, proposer, ends_at });
		Ok((proposal, length))
	}

	pub(crate) fn do_vote(
		voter: T::AccountId,
		idao: IdaoId,
		proposal: ProposalIndex,
		aye: bool,
	) -> DispatchResult {
		let open = Proposals::<T>::get(idao, proposal).ok_or(Error::<T>::UnknownProposal)?;
		ensure!(Members::<T>::contains_key(idao, &voter), Error::<T>::NotMember);
		ensure!(
			frame_system::Pallet::<T>::block_number() <= open.ends_at,
			Error::<T>::VotingClosed
		);
		ensure!(!Votes::<T>::contains_key((idao, proposal), &voter), Error::<T>::AlreadyVoted);
		Votes::<T>::insert((idao, proposal), &voter, aye);
		Self::deposit_event(Event::Voted { idao, proposal, voter, aye });
		Ok(())
	}

	pub(crate) fn do_close(
		idao: IdaoId,
		proposal: ProposalIndex,
		weight_bound: Weight,
	) -> DispatchResultWithPostInfo {
		let info = Idaos::<T>::get(idao).ok_or(Error::<T>::UnknownIdao)?;
		let closing = Proposals::<T>::get(idao, proposal).ok_or(Error::<T>::UnknownProposal)?;
		let tally = Self::tally(idao, proposal, info.total_weight);
		let expired = frame_system::Pallet::<T>::block_number() > closing.ends_at;
		let outcome = tally.outcome(&info.rules, expired);
		ensure!(outcome != Outcome::Undecided, Error::<T>::NotDecided);
		if outcome == Outcome::Approved {
			ensure!(closing.call_weight.all_lte(weight_bound), Error::<T>::WeightBoundTooLow);
		}

		Proposals::<T>::remove(idao, proposal);
		// A member's votes go when the member does, so at most `MaxMembers` are left.
		let _ = Votes::<T>::clear_prefix((idao, proposal), T::MaxMembers::get(), None);
		Idaos::<T>::mutate(idao, |info| {
			if let Some(info) = info {
				info.open_proposals.saturating_dec();
			}
		});
		T::Currency::unreserve(&closing.proposer, closing.deposit);

		let closed = T::WeightInfo::close(info.members);
		if outcome == Outcome::Rejected {
			Self::deposit_event(Event::Rejected { idao, proposal, tally });
			return Ok(Some(closed).into());
		}
		let (result, used) = Self::dispatch_as_idao(idao, &closing.call);
		Self::deposit_event(Event::Executed { idao, proposal, tally, result });
		Ok(Some(closed.saturating_add(used)).into())
	}

	/// Dispatch the encoded `call` from the account of `idao`; returns its result and the
	/// weight it used.
	fn dispatch_as_idao(idao: IdaoId, call: &[u8]) -> (DispatchResult, Weight) {
		let Ok(call) = <T as Config>::RuntimeCall::decode_all_with_depth_limit(
			MAX_CALL_DECODE_DEPTH,
			&mut &call[..],
		) else {
			return (Err(Error::<T>::CallUndecodable.into()), Weight::zero());
		};
		let info = call.get_dispatch_info();
		let outcome = call.dispatch(RawOrigin::Signed(Self::account_of(idao)).into());
		let used = extract_actual_weight(&outcome, &info);
		(outcome.map(|_| ()).map_err(|failed| failed.error), used)
	}

	pub(crate) fn do_add_member(idao: IdaoId, who: T::AccountId, weight: u32) -> DispatchResult {
		ensure!(weight > 0, Error::<T>::ZeroWeight);
		Idaos::<T>::try_mutate(idao, |info| {
			let info = info.as_mut().ok_or(Error::<T>::UnknownIdao)?;
			ensure!(!Members::<T>::contains_key(idao, &who), Error::<T>::AlreadyMember);
			ensure!(info.members < T::MaxMembers::get(), Error::<T>::TooManyMembers);
			info.members.saturating_inc();
			info.total_weight = info.total_weight.saturating_add(weight.into());
			Ok::<_, DispatchError>(())
		})?;
		Members::<T>::insert(idao, &who, weight);
		Memberships::<T>::insert(&who, idao, ());
		Self::deposit_event(Event::MemberAdded { idao, who, weight });
		Ok(())
	}

	pub(crate) fn do_remove_member(idao: IdaoId, who: T::AccountId) -> DispatchResult {
		let weight = Members::<T>::get(idao, &who).ok_or(Error::<T>::NotMember)?;
		Idaos::<T>::try_mutate(idao, |info| {
			let info = info.as_mut().ok_or(Error::<T>::UnknownIdao)?;
			ensure!(info.members > 1, Error::<T>::LastMember);
			info.members.saturating_dec();
			info.total_weight = info.total_weight.saturating_sub(weight.into());
			Ok::<_, DispatchError>(())
		})?;
		Members::<T>::remove(idao, &who);
		Memberships::<T>::remove(&who, idao);
		// Its votes on open proposals go too (at most `MaxOpenProposals`).
		for proposal in Proposals::<T>::iter_key_prefix(idao) {
			Votes::<T>::remove((idao, proposal), &who);
		}
		Self::deposit_event(Event::MemberRemoved { idao, who });
		Ok(())
	}

	pub(crate) fn do_set_member_weight(
		idao: IdaoId,
		who: T::AccountId,
		weight: u32,
	) -> DispatchResult {
		ensure!(weight > 0, Error::<T>::ZeroWeight);
		let old = Members::<T>::get(idao, &who).ok_or(Error::<T>::NotMember)?;
		Idaos::<T>::try_mutate(idao, |info| {
			let info = info.as_mut().ok_or(Error::<T>::UnknownIdao)?;
			info.total_weight =
				info.total_weight.saturating_sub(old.into()).saturating_add(weight.into());
			Ok::<_, DispatchError>(())
		})?;
		Members::<T>::insert(idao, &who, weight);
		Self::deposit_event(Event::MemberWeightSet { idao, who, weight });
		Ok(())
	}
}

/// The origin of the governance iDAO: a signed origin from the account of the iDAO designated
/// with `set_governance_idao`, which only an approved proposal of that iDAO produces. Its
/// success value is the iDAO's id. Fails while no iDAO is designated.
pub struct EnsureGovernanceIdao<T>(PhantomData<T>);

impl<T: Config> EnsureOrigin<T::RuntimeOrigin> for EnsureGovernanceIdao<T> {
	type Success = IdaoId;

	fn try_origin(origin: T::RuntimeOrigin) -> Result<IdaoId, T::RuntimeOrigin> {
		let Some(idao) = GovernanceIdao::<T>::get() else { return Err(origin) };
		match origin.clone().into() {
			Ok(RawOrigin::Signed(who)) if who == Pallet::<T>::account_of(idao) => Ok(idao),
			_ => Err(origin),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<T::RuntimeOrigin, ()> {
		let idao = GovernanceIdao::<T>::get().ok_or(())?;
		Ok(RawOrigin::Signed(Pallet::<T>::account_of(idao)).into())
	}
}

/// An iDAO uses data, and pays for it, through its own account; an account acts as itself.
impl<T: Config> ConsumerAuthority<T::AccountId> for Pallet<T> {
	fn may_act_as(who: &T::AccountId, consumer: &Consumer<T::AccountId>) -> bool {
		match consumer {
			Consumer::Account(account) => account == who,
			Consumer::Idao(idao) => {
				Idaos::<T>::contains_key(idao) && &Pallet::<T>::account_of(*idao) == who
			},
			Consumer::Model(_) | Consumer::Agent(_) => false,
		}
	}
}
