//! Models and their verified performance: the ids, the trait through which other pallets read
//! models, the views the runtime API returns, and the runtime API itself. `pallet-model-staking`
//! implements them.

use crate::dat::{DatId, ModelId};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use scale_info::TypeInfo;
use sp_core::H256;

/// The id of a benchmark (an evaluation circuit on a dataset), in order of creation from 0.
pub type BenchmarkId = u32;

/// The id of a performance claim, in order of opening from 0.
pub type ClaimId = u64;

/// What other pallets may know of registered models and benchmarks.
pub trait ModelRegistry {
	/// The DATs a registered model was trained on; `None` if no model has this id.
	fn training_data(model: ModelId) -> Option<Vec<DatId>>;
	/// The model this one was trained from: a registered model whose weights DAT is a parent of
	/// this model's weights DAT.
	fn base_model(model: ModelId) -> Option<ModelId>;
	/// The benchmark that scores models on `dataset` with the evaluation circuit `circuit`, and
	/// whether higher scores are better on it.
	fn benchmark(circuit: &H256, dataset: DatId) -> Option<(BenchmarkId, bool)>;
	/// A model's latest verified score on a benchmark, in parts per million.
	fn latest_score(model: ModelId, benchmark: BenchmarkId) -> Option<u32>;
}

/// A registered model as the runtime API and RPC show it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct ModelView<AccountId, BlockNumber> {
	/// The model's id.
	pub id: ModelId,
	/// Who registered it and controls its claims.
	pub owner: AccountId,
	/// The DAT of its weights.
	pub weights: DatId,
	/// The DATs it was trained on.
	pub training_data: Vec<DatId>,
	/// Where its card or description lives.
	pub metadata_uri: Vec<u8>,
	/// The block it was registered in.
	pub registered_at: BlockNumber,
	/// Its claims still waiting for an evaluation.
	pub open_claims: u32,
}

/// One verified score of a model on a benchmark.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct ScoreView<BlockNumber> {
	/// The benchmark.
	pub benchmark: BenchmarkId,
	/// The score, in parts per million.
	pub score: u32,
	/// The verified statement that proved it.
	pub statement: H256,
	/// The block it was verified in.
	pub verified_at: BlockNumber,
}

/// A model's verified performance.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct PerformanceView<BlockNumber> {
	/// The latest score on each benchmark it was evaluated on.
	pub latest: Vec<ScoreView<BlockNumber>>,
	/// Its most recent verified scores, newest last, up to the runtime's history limit.
	pub history: Vec<ScoreView<BlockNumber>>,
}

/// A place on a benchmark's leaderboard.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct LeaderboardEntry<BlockNumber> {
	/// The model.
	pub model: ModelId,
	/// Its latest verified score on the benchmark.
	pub score: u32,
	/// The block that score was verified in.
	pub verified_at: BlockNumber,
}

sp_api::decl_runtime_apis! {
	/// Read models, their verified performance and benchmark leaderboards. The node's
	/// `model_*` and `benchmark_*` RPC methods call it; polkadot.js can call it directly as
	/// `api.call.modelStakingApi.<method>`.
	pub trait ModelStakingApi<AccountId, BlockNumber>
	where
		AccountId: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// The model with this id, if it is registered.
		fn model_get(model: ModelId) -> Option<ModelView<AccountId, BlockNumber>>;
		/// A model's verified scores, if it is registered.
		fn model_performance(model: ModelId) -> Option<PerformanceView<BlockNumber>>;
		/// The best `n` models on a benchmark, best first (empty for an unknown benchmark).
		fn benchmark_leaderboard(benchmark: BenchmarkId, n: u32) -> Vec<LeaderboardEntry<BlockNumber>>;
	}
}
