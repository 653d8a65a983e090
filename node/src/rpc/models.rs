//! The `model_*` and `benchmark_*` RPC methods: registered models, their verified performance
//! and benchmark leaderboards, read through the runtime's `ModelStakingApi` at the best block
//! (or the block given as `at`).

use std::{marker::PhantomData, sync::Arc};

use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
use lazai_primitives::{
	dat::ModelId,
	models::{
		BenchmarkId, LeaderboardEntry, ModelStakingApi as ModelsRuntimeApi, ModelView,
		PerformanceView,
	},
};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

/// The most leaderboard places one query returns.
pub const MAX_LEADERBOARD_QUERY: u32 = 100;

/// Model queries over JSON-RPC.
#[rpc(server)]
pub trait ModelsRpc<BlockHash, AccountId, BlockNumber> {
	/// The model with this id, or `null`.
	#[method(name = "model_get")]
	fn get(
		&self,
		model: ModelId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<ModelView<AccountId, BlockNumber>>>;

	/// A model's latest verified score on each benchmark and its recent history, or `null`.
	#[method(name = "model_performance")]
	fn performance(
		&self,
		model: ModelId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<PerformanceView<BlockNumber>>>;

	/// The best `n` models (at most 100) on a benchmark by verified score, best first.
	#[method(name = "benchmark_leaderboard")]
	fn leaderboard(
		&self,
		benchmark: BenchmarkId,
		n: u32,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<LeaderboardEntry<BlockNumber>>>;
}

/// Serves [`ModelsRpcServer`] from a client's runtime API.
pub struct Models<C, Block> {
	client: Arc<C>,
	_block: PhantomData<Block>,
}

impl<C, Block> Models<C, Block> {
	/// Serve model queries from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _block: PhantomData }
	}
}

fn runtime_error(error: impl ToString) -> ErrorObjectOwned {
	super::runtime_error("model staking", error)
}

impl<C, Block, AccountId, BlockNumber>
	ModelsRpcServer<<Block as BlockT>::Hash, AccountId, BlockNumber> for Models<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: ModelsRuntimeApi<Block, AccountId, BlockNumber>,
	AccountId: Codec + Send + Sync + 'static,
	BlockNumber: Codec + Send + Sync + 'static,
	ModelView<AccountId, BlockNumber>: serde::Serialize,
	PerformanceView<BlockNumber>: serde::Serialize,
	LeaderboardEntry<BlockNumber>: serde::Serialize,
{
	fn get(
		&self,
		model: ModelId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<ModelView<AccountId, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().model_get(at, model).map_err(runtime_error)
	}

	fn performance(
		&self,
		model: ModelId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<PerformanceView<BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().model_performance(at, model).map_err(runtime_error)
	}

	fn leaderboard(
		&self,
		benchmark: BenchmarkId,
		n: u32,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<LeaderboardEntry<BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let n = n.min(MAX_LEADERBOARD_QUERY);
		self.client.runtime_api().benchmark_leaderboard(at, benchmark, n).map_err(runtime_error)
	}
}
