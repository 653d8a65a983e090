//! The `podv_*` RPC methods: DAT value scores, the Total Data Value, the highest-valued DATs and
//! reward epochs, read through the runtime's `PodvApi` at the best block (or the block given as
//! `at`).

use std::{marker::PhantomData, sync::Arc};

use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
use lazai_primitives::{
	dat::DatId,
	podv::{EpochIndex, EpochView, PodvApi as PodvRuntimeApi, ValueView},
};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

/// The most DATs one `podv_top` query returns.
pub const MAX_TOP_QUERY: u32 = 100;

/// Proof of Data Value queries over JSON-RPC.
#[rpc(server)]
pub trait PodvRpc<BlockHash, Balance, BlockNumber> {
	/// A DAT's value score and the signals it comes from, or `null` if it has none.
	#[method(name = "podv_score")]
	fn score(&self, dat: DatId, at: Option<BlockHash>) -> RpcResult<Option<ValueView<Balance>>>;

	/// The Total Data Value: the sum of every DAT's score.
	#[method(name = "podv_totalDataValue")]
	fn total_data_value(&self, at: Option<BlockHash>) -> RpcResult<u128>;

	/// The `n` DATs (at most 100) of highest score, highest first, as `[dat, score]` pairs.
	#[method(name = "podv_top")]
	fn top(&self, n: u32, at: Option<BlockHash>) -> RpcResult<Vec<(DatId, u64)>>;

	/// A reward epoch: its budget, Total Data Value and payout, or `null`.
	#[method(name = "podv_epoch")]
	fn epoch(
		&self,
		epoch: EpochIndex,
		at: Option<BlockHash>,
	) -> RpcResult<Option<EpochView<Balance, BlockNumber>>>;
}

/// Serves [`PodvRpcServer`] from a client's runtime API.
pub struct Podv<C, Block> {
	client: Arc<C>,
	_block: PhantomData<Block>,
}

impl<C, Block> Podv<C, Block> {
	/// Serve PoDV queries from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _block: PhantomData }
	}
}

fn runtime_error(error: impl ToString) -> ErrorObjectOwned {
	super::runtime_error("PoDV", error)
}

impl<C, Block, Balance, BlockNumber> PodvRpcServer<<Block as BlockT>::Hash, Balance, BlockNumber>
	for Podv<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: PodvRuntimeApi<Block, Balance, BlockNumber>,
	Balance: Codec + Send + Sync + 'static,
	BlockNumber: Codec + Send + Sync + 'static,
	ValueView<Balance>: serde::Serialize,
	EpochView<Balance, BlockNumber>: serde::Serialize,
{
	fn score(&self, dat: DatId, at: Option<Block::Hash>) -> RpcResult<Option<ValueView<Balance>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().score(at, dat).map_err(runtime_error)
	}

	fn total_data_value(&self, at: Option<Block::Hash>) -> RpcResult<u128> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().total_data_value(at).map_err(runtime_error)
	}

	fn top(&self, n: u32, at: Option<Block::Hash>) -> RpcResult<Vec<(DatId, u64)>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().top(at, n.min(MAX_TOP_QUERY)).map_err(runtime_error)
	}

	fn epoch(
		&self,
		epoch: EpochIndex,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<EpochView<Balance, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().epoch(at, epoch).map_err(runtime_error)
	}
}
