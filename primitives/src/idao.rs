//! iDAOs: the views of an iDAO and of its open proposals, and the runtime API that reads them.
//! `pallet-idao` implements it.

use crate::dat::IdaoId;
use alloc::vec::Vec;
use codec::{Decode, Encode};
use scale_info::TypeInfo;

/// An iDAO as the runtime API and RPC show it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct IdaoView<AccountId, Balance, BlockNumber> {
	/// The iDAO's id.
	pub id: IdaoId,
	/// Its keyless account: what it owns, and the origin of the calls it approves.
	pub account: AccountId,
	/// Its keyless revenue account, where income to be shared is paid.
	pub revenue_account: AccountId,
	/// Who created it.
	pub creator: AccountId,
	/// Its metadata (often a URI); hex in JSON.
	#[cfg_attr(feature = "std", serde(with = "sp_core::bytes"))]
	pub metadata: Vec<u8>,
	/// Its members and their voting weights.
	pub members: Vec<(AccountId, u32)>,
	/// The sum of the weights.
	pub total_weight: u64,
	/// The share of the votes cast that must be ayes, in parts per billion.
	pub approval_threshold: u32,
	/// The share of all weight that must vote for an expired proposal to count, in parts per
	/// billion.
	pub quorum: u32,
	/// The blocks a proposal stays open.
	pub voting_period: BlockNumber,
	/// Its open proposals.
	pub open_proposals: u32,
	/// What the revenue account holds beyond what members are owed: what `distribute` splits.
	pub undistributed: Balance,
	/// Whether it is the chain's governance iDAO.
	pub governs_chain: bool,
}

/// An open proposal as the runtime API and RPC show it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct ProposalView<AccountId, BlockNumber> {
	/// Its number within the iDAO.
	pub index: u32,
	/// Who proposed it.
	pub proposer: AccountId,
	/// The proposed call, SCALE-encoded; hex in JSON.
	#[cfg_attr(feature = "std", serde(with = "sp_core::bytes"))]
	pub call: Vec<u8>,
	/// The call's weight, which `close` must allow for: compute (ps) and proof size (bytes).
	pub call_weight: (u64, u64),
	/// The last block members may vote at.
	pub ends_at: BlockNumber,
	/// The weight of the ayes so far, at the members' current weights.
	pub ayes: u64,
	/// The weight of the nays so far, at the members' current weights.
	pub nays: u64,
	/// The members who voted, with their votes (`true` for aye).
	pub votes: Vec<(AccountId, bool)>,
}

/// What an account is to the iDAOs.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct AccountView<Balance> {
	/// The iDAO whose own account this is, if it is one.
	pub idao: Option<IdaoId>,
	/// The iDAOs it is a member of, with what each owes it from distributions.
	pub member_of: Vec<(IdaoId, Balance)>,
}

sp_api::decl_runtime_apis! {
	/// Read iDAOs, their proposals, and what an account is to them. The node's `idao_*` RPC
	/// methods call it; polkadot.js can call it directly as `api.call.idaoApi.<method>`.
	pub trait IdaoApi<AccountId, Balance, BlockNumber>
	where
		AccountId: codec::Codec,
		Balance: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// An iDAO, or `None` if there is none with this id.
		fn get(idao: IdaoId) -> Option<IdaoView<AccountId, Balance, BlockNumber>>;
		/// The open proposals of an iDAO, oldest first.
		fn proposals(idao: IdaoId) -> Vec<ProposalView<AccountId, BlockNumber>>;
		/// The iDAO an account is, and the iDAOs it is a member of.
		fn of(account: AccountId) -> AccountView<Balance>;
	}
}
