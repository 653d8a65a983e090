//! The pallet's records: models, benchmarks, claims and verified scores.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::Get, BoundedVec};
use lazai_primitives::{
	dat::{DatId, ModelId},
	models::BenchmarkId,
};
use scale_info::TypeInfo;
use sp_core::H256;

/// A registered model.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
#[scale_info(skip_type_params(MaxTraining, MaxMetadata))]
pub struct Model<AccountId, Balance, BlockNumber, MaxTraining: Get<u32>, MaxMetadata: Get<u32>> {
	/// Who registered it; only they open claims on it.
	pub owner: AccountId,
	/// The DAT of its weights (of kind model weights).
	pub weights: DatId,
	/// The DATs it was trained on; each recorded a use by this model.
	pub training_data: BoundedVec<DatId, MaxTraining>,
	/// Where its model card lives.
	pub metadata_uri: BoundedVec<u8, MaxMetadata>,
	/// The deposit reserved from the owner for this record.
	pub deposit: Balance,
	/// The block it was registered in.
	pub registered_at: BlockNumber,
	/// Its claims waiting for an evaluation.
	pub open_claims: u32,
}

/// A benchmark: an evaluation circuit run on one dataset.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
#[scale_info(skip_type_params(MaxMetadata))]
pub struct Benchmark<MaxMetadata: Get<u32>> {
	/// The registered evaluation circuit whose proofs score models on it.
	pub circuit: H256,
	/// The DAT of the dataset models are evaluated on.
	pub dataset: DatId,
	/// Whether a higher score is better (accuracy) or a lower one (error rate, loss).
	pub higher_is_better: bool,
	/// What it measures, and how.
	pub metadata: BoundedVec<u8, MaxMetadata>,
}

/// A staked claim that a model scores `claimed_score` on a benchmark.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Claim<AccountId, Balance, BlockNumber> {
	/// The model claimed about.
	pub model: ModelId,
	/// The benchmark it is claimed on.
	pub benchmark: BenchmarkId,
	/// The model's owner, who opened it.
	pub owner: AccountId,
	/// The score claimed, in parts per million.
	pub claimed_score: u32,
	/// The last block an evaluation can settle it; after it, the claim expires.
	pub deadline: BlockNumber,
	/// All stake on the claim, the owner's and backers'.
	pub total_stake: Balance,
	/// How many accounts staked on it.
	pub stakers: u32,
}

/// A verified score of a model on a benchmark.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct ScoreRecord<BlockNumber> {
	/// The score, in parts per million.
	pub score: u32,
	/// The statement the verified computing pallet recorded for it.
	pub statement: H256,
	/// The block it was verified in.
	pub verified_at: BlockNumber,
}

/// A place on a leaderboard.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Place<BlockNumber> {
	/// The model.
	pub model: ModelId,
	/// Its latest verified score on the benchmark.
	pub score: u32,
	/// The block that score was verified in.
	pub verified_at: BlockNumber,
}

/// Stake on its way back to its owner after a claim ended.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Unbonding<Balance, BlockNumber> {
	/// What is still reserved.
	pub amount: Balance,
	/// The first block `withdraw_unbonded` pays it out.
	pub unlocks_at: BlockNumber,
}

/// How a claim ended.
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
pub enum Outcome {
	/// The verified score was within tolerance of the claim: stakers were rewarded.
	Accurate,
	/// The verified score fell short of the claim beyond tolerance: stakes were slashed.
	False,
	/// No evaluation came by the deadline: stakes came back, less the expiry penalty.
	Expired,
}
