//! Proof of Data Value (PoDV): the views of a DAT's value and of reward epochs, and the runtime
//! API that reads them. `pallet-podv` implements it.

use crate::dat::DatId;
use alloc::vec::Vec;
use codec::{Decode, Encode};
use scale_info::TypeInfo;

/// The number of a reward epoch, from 1.
pub type EpochIndex = u32;

/// A DAT's value score and the signals it comes from, as the runtime API and RPC show it.
/// Signals are in parts per million; see `docs/podv.md` for the formula.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct ValueView<Balance> {
	/// The DAT.
	pub dat: DatId,
	/// Its value score: its own value plus what it inherits from data derived from it.
	pub score: u64,
	/// Its own value, from its signals.
	pub own: u64,
	/// The share of its children's own value it inherits.
	pub inherited: u64,
	/// Verified model improvement credited to it.
	pub improvement: u32,
	/// Attested quality: the mean of the stake-weighted medians, scaled to parts per million.
	pub quality: u32,
	/// The paid-usage signal (diminishing in revenue, capped).
	pub usage: u32,
	/// Uses recorded.
	pub uses: u64,
	/// Revenue that counts for the usage signal: paid by accounts holding none of its shares.
	pub usage_revenue: Balance,
	/// The stake-weighted medians of quality, uniqueness and authenticity (0 to 100), if it
	/// has attestations.
	pub attested: Option<[u8; 3]>,
	/// The attestations standing on it.
	pub attestations: u32,
}

/// A reward epoch as the runtime API and RPC show it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct EpochView<Balance, BlockNumber> {
	/// The epoch's number.
	pub epoch: EpochIndex,
	/// The block it started in.
	pub started_at: BlockNumber,
	/// The block its payout finished in, once it has.
	pub completed_at: Option<BlockNumber>,
	/// The Total Data Value when it started: the sum of all scores the budget is shared by.
	pub total_value: u128,
	/// The reward budget shared among DATs by score.
	pub budget: Balance,
	/// What reached DATs' revenue pools so far.
	pub paid: Balance,
	/// Shares that could not be paid (the DAT was retired or frozen); they stay in the pot.
	pub unpaid: Balance,
	/// The DATs paid so far.
	pub dats_paid: u32,
}

sp_api::decl_runtime_apis! {
	/// Read DAT value scores, the Total Data Value and reward epochs. The node's `podv_*` RPC
	/// methods call it; polkadot.js can call it directly as `api.call.podvApi.<method>`.
	pub trait PodvApi<Balance, BlockNumber>
	where
		Balance: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// A DAT's value score and signals; `None` if it has none yet.
		fn score(dat: DatId) -> Option<ValueView<Balance>>;
		/// The Total Data Value: the sum of every DAT's score.
		fn total_data_value() -> u128;
		/// The `n` DATs of highest score, highest first, with their scores.
		fn top(n: u32) -> Vec<(DatId, u64)>;
		/// A reward epoch, if it started and is still in the kept history.
		fn epoch(epoch: EpochIndex) -> Option<EpochView<Balance, BlockNumber>>;
	}
}
