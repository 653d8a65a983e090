//! What the pallet stores: each DAT's signals and score, attesters and their attestations,
//! and the state of reward epochs.

use codec::{Decode, Encode, MaxEncodedLen};
use lazai_primitives::{dat::DatId, podv::EpochIndex};
use scale_info::TypeInfo;

/// The three marks an attestation gives a DAT, each from 0 to 100: quality, uniqueness and
/// authenticity, in that order.
pub type Marks = [u8; 3];

/// The highest mark.
pub const MAX_MARK: u8 = 100;

/// A DAT's signals and the value score they give.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug, Default)]
pub struct DatValue<Balance> {
	/// Verified model improvement credited to the DAT, parts per million (capped at a million).
	pub improvement: u32,
	/// The attested-quality signal, parts per million.
	pub quality: u32,
	/// The paid-usage signal, parts per million.
	pub usage: u32,
	/// The stake-weighted medians of the standing attestations' marks, if any stand.
	pub attested: Option<Marks>,
	/// Uses recorded.
	pub uses: u64,
	/// Revenue paid by accounts holding none of the DAT's shares.
	pub usage_revenue: Balance,
	/// The DAT's own value: its signals, weighted.
	pub own: u64,
	/// The share of its children's own value it inherits.
	pub inherited: u64,
	/// The last epoch whose payout has passed this DAT (or that was under way when the DAT got
	/// its first signal, so it was not part of that epoch's Total Data Value).
	pub paid_in: EpochIndex,
}

impl<Balance> DatValue<Balance> {
	/// The value score: own value plus inherited value.
	pub fn score(&self) -> u64 {
		self.own.saturating_add(self.inherited)
	}
}

/// An attester's bond.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Attester<Balance, BlockNumber> {
	/// The stake bonded: reserved, behind every new attestation, and slashed for outliers.
	pub bond: Balance,
	/// The attestations of this attester that stand.
	pub attestations: u32,
	/// When the bond unbonds, once the attester asked to leave.
	pub unbonds_at: Option<BlockNumber>,
}

/// One attester's marks on one DAT.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Attestation<AccountId, Balance, BlockNumber> {
	/// Who attested.
	pub attester: AccountId,
	/// Quality, uniqueness and authenticity, 0 to 100.
	pub marks: Marks,
	/// The attester's bond when it attested: the attestation's weight in the medians.
	pub stake: Balance,
	/// The block at which it is judged against the medians.
	pub matures_at: BlockNumber,
	/// Whether it was judged (and the attester slashed if it was an outlier).
	pub judged: bool,
}

/// The payout of an epoch's budget, under way across blocks.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Payout<Balance> {
	/// The epoch being paid.
	pub epoch: EpochIndex,
	/// Its budget.
	pub budget: Balance,
	/// The Total Data Value when it started.
	pub total_value: u128,
	/// The scores of the DATs passed so far, summed.
	pub passed_value: u128,
	/// The budget allotted to the DATs passed so far.
	pub allotted: Balance,
	/// The last DAT passed; the next block goes on after it.
	pub last: Option<DatId>,
}

/// A reward epoch's record.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct EpochRecord<Balance, BlockNumber> {
	/// The block it started in.
	pub started_at: BlockNumber,
	/// The block its payout finished in.
	pub completed_at: Option<BlockNumber>,
	/// The Total Data Value when it started.
	pub total_value: u128,
	/// The budget shared among DATs by score.
	pub budget: Balance,
	/// What reached DATs' revenue pools.
	pub paid: Balance,
	/// Shares that could not be paid; they stay in the pot.
	pub unpaid: Balance,
	/// The DATs paid.
	pub dats_paid: u32,
}
