//! What the runtime API shows of iDAOs, proposals and accounts.

use crate::{pallet::*, BalanceOf};
use alloc::vec::Vec;
use frame_system::pallet_prelude::BlockNumberFor;
use lazai_primitives::{
	dat::IdaoId,
	idao::{AccountView, IdaoView, ProposalView},
};

impl<T: Config> Pallet<T> {
	/// The iDAO `idao` as the runtime API shows it.
	pub fn idao_view(
		idao: IdaoId,
	) -> Option<IdaoView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let info = Idaos::<T>::get(idao)?;
		Some(IdaoView {
			id: idao,
			account: Self::account_of(idao),
			revenue_account: Self::revenue_account_of(idao),
			creator: info.creator,
			metadata: info.metadata.into_inner(),
			members: Members::<T>::iter_prefix(idao).collect(),
			total_weight: info.total_weight,
			approval_threshold: info.rules.approval_threshold.deconstruct(),
			quorum: info.rules.quorum.deconstruct(),
			voting_period: info.rules.voting_period,
			open_proposals: info.open_proposals,
			undistributed: Self::undistributed(idao),
			governs_chain: GovernanceIdao::<T>::get() == Some(idao),
		})
	}

	/// The open proposals of `idao`, oldest first, with their votes so far.
	pub fn proposal_views(idao: IdaoId) -> Vec<ProposalView<T::AccountId, BlockNumberFor<T>>> {
		let total = Idaos::<T>::get(idao).map_or(0, |info| info.total_weight);
		let mut views: Vec<_> = Proposals::<T>::iter_prefix(idao)
			.map(|(index, proposal)| {
				let tally = Self::tally(idao, index, total);
				ProposalView {
					index,
					proposer: proposal.proposer,
					call: proposal.call.into_inner(),
					call_weight: (
						proposal.call_weight.ref_time(),
						proposal.call_weight.proof_size(),
					),
					ends_at: proposal.ends_at,
					ayes: tally.ayes,
					nays: tally.nays,
					votes: Votes::<T>::iter_prefix((idao, index)).collect(),
				}
			})
			.collect();
		views.sort_by_key(|view| view.index);
		views
	}

	/// The iDAO `account` is, if any, and the iDAOs it is a member of with what each owes it.
	pub fn account_view(account: &T::AccountId) -> AccountView<BalanceOf<T>> {
		AccountView {
			idao: Self::idao_of_account(account),
			member_of: Self::memberships_of(account)
				.into_iter()
				.map(|idao| (idao, Owed::<T>::get(idao, account)))
				.collect(),
		}
	}
}
