//! What the pallet stores about iDAOs and their proposals.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::{pallet_prelude::Get, weights::Weight, BoundedVec};
use scale_info::TypeInfo;
use sp_runtime::Perbill;

/// The number of a proposal within its iDAO, given in order from 0.
pub type ProposalIndex = u32;

/// How an iDAO decides.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Rules<BlockNumber> {
	/// The share of the votes cast, by weight, that must be ayes for a proposal to pass.
	pub approval_threshold: Perbill,
	/// The share of all members' weight that must vote for an expired proposal to count.
	pub quorum: Perbill,
	/// The blocks a proposal stays open for votes.
	pub voting_period: BlockNumber,
}

/// An iDAO.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Debug, PartialEq, Eq, Clone)]
#[scale_info(skip_type_params(MaxMetadata))]
pub struct Idao<AccountId, Balance, BlockNumber, MaxMetadata: Get<u32>> {
	/// Who created it; its deposit is reserved from this account.
	pub creator: AccountId,
	/// What the iDAO is about, as its members describe it (often a URI).
	pub metadata: BoundedVec<u8, MaxMetadata>,
	/// How it decides.
	pub rules: Rules<BlockNumber>,
	/// How many members it has.
	pub members: u32,
	/// The sum of its members' weights.
	pub total_weight: u64,
	/// The deposit reserved from the creator.
	pub deposit: Balance,
	/// The index the next proposal gets.
	pub next_proposal: ProposalIndex,
	/// How many of its proposals are open.
	pub open_proposals: u32,
}

/// A proposal: a call the iDAO's account makes if the members approve it.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Debug, PartialEq, Eq, Clone)]
#[scale_info(skip_type_params(MaxCallLen))]
pub struct Proposal<AccountId, Balance, BlockNumber, MaxCallLen: Get<u32>> {
	/// The member who proposed it; its deposit is reserved from this account.
	pub proposer: AccountId,
	/// The call, SCALE-encoded.
	pub call: BoundedVec<u8, MaxCallLen>,
	/// The call's weight, which closing an approved proposal must allow for.
	pub call_weight: Weight,
	/// The last block at which members may vote.
	pub ends_at: BlockNumber,
	/// The deposit reserved from the proposer until the proposal is closed.
	pub deposit: Balance,
}

/// The votes on a proposal, by weight, as its members' current weights count them.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	Debug,
	MaxEncodedLen,
)]
pub struct Tally {
	/// The weight of the members who voted aye.
	pub ayes: u64,
	/// The weight of the members who voted nay.
	pub nays: u64,
	/// The weight of all members.
	pub total: u64,
}

/// What a tally decides.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Outcome {
	/// The proposal passes, whatever the remaining members vote.
	Approved,
	/// The proposal fails, whatever the remaining members vote.
	Rejected,
	/// The vote is still open and either outcome is possible.
	Undecided,
}

/// How an iDAO splits its income; what the shares leave goes to its treasury.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	frame_support::CloneNoBound,
	frame_support::PartialEqNoBound,
	frame_support::EqNoBound,
	frame_support::DebugNoBound,
)]
#[scale_info(skip_type_params(MaxDats))]
pub struct RevenueSplit<MaxDats: Get<u32>> {
	/// The share credited to the members, by weight.
	pub members: Perbill,
	/// The shares paid into the revenue pools of these DATs.
	pub dats: BoundedVec<(lazai_primitives::dat::DatId, Perbill), MaxDats>,
	/// The share split equally among the DATs of the iDAO's contribution pool.
	pub contributions: Perbill,
}

impl<MaxDats: Get<u32>> Default for RevenueSplit<MaxDats> {
	/// Everything to the treasury.
	fn default() -> Self {
		Self {
			members: Perbill::zero(),
			dats: BoundedVec::default(),
			contributions: Perbill::zero(),
		}
	}
}
