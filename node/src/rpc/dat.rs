//! The `dat_*` RPC methods: DATs, their lineage, use and holders, read through the runtime's
//! `DatApi` at the best block (or the block given as `at`).

use std::{marker::PhantomData, sync::Arc};

use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
use lazai_primitives::dat::{
	DatApi as DatRuntimeApi, DatId, DatView, HoldingView, Lineage, LineageDirection, UsageView,
};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::H256;
use sp_runtime::traits::Block as BlockT;

/// The depth a lineage query walks when the caller names none.
pub const DEFAULT_LINEAGE_DEPTH: u32 = 32;

/// DAT queries over JSON-RPC.
#[rpc(server)]
pub trait DatRpc<BlockHash, AccountId, Balance, BlockNumber> {
	/// The DAT with this id, or `null`.
	#[method(name = "dat_get")]
	fn get(
		&self,
		dat: DatId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<DatView<AccountId, Balance, BlockNumber>>>;

	/// The ancestors (`"ancestors"`) or descendants (`"descendants"`) of a DAT, up to
	/// `maxDepth` steps (default 32), as nodes and derivation edges; `truncated` says whether a
	/// limit cut the walk. `null` if the DAT does not exist.
	#[method(name = "dat_lineage")]
	fn lineage(
		&self,
		dat: DatId,
		direction: LineageDirection,
		max_depth: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Option<Lineage>>;

	/// The id of the DAT anchoring this content hash, or `null`.
	#[method(name = "dat_byContentHash")]
	fn by_content_hash(
		&self,
		content_hash: H256,
		at: Option<BlockHash>,
	) -> RpcResult<Option<DatId>>;

	/// A DAT's uses, per consumer, or `null`.
	#[method(name = "dat_usage")]
	fn usage(
		&self,
		dat: DatId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<UsageView<AccountId, Balance>>>;

	/// The DATs an account holds shares of, with the revenue it can claim from each.
	#[method(name = "dat_holdings")]
	fn holdings(
		&self,
		who: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<HoldingView<Balance>>>;
}

/// Serves [`DatRpcServer`] from a client's runtime API.
pub struct Dat<C, Block> {
	client: Arc<C>,
	_block: PhantomData<Block>,
}

impl<C, Block> Dat<C, Block> {
	/// Serve DAT queries from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _block: PhantomData }
	}
}

fn runtime_error(error: impl ToString) -> ErrorObjectOwned {
	super::runtime_error("DAT", error)
}

impl<C, Block, AccountId, Balance, BlockNumber>
	DatRpcServer<<Block as BlockT>::Hash, AccountId, Balance, BlockNumber> for Dat<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: DatRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	AccountId: Codec + Send + Sync + 'static,
	Balance: Codec + Send + Sync + 'static,
	BlockNumber: Codec + Send + Sync + 'static,
	DatView<AccountId, Balance, BlockNumber>: serde::Serialize,
	UsageView<AccountId, Balance>: serde::Serialize,
	HoldingView<Balance>: serde::Serialize,
	AccountId: for<'de> serde::Deserialize<'de>,
{
	fn get(
		&self,
		dat: DatId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<DatView<AccountId, Balance, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().get(at, dat).map_err(runtime_error)
	}

	fn lineage(
		&self,
		dat: DatId,
		direction: LineageDirection,
		max_depth: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<Lineage>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let depth = max_depth.unwrap_or(DEFAULT_LINEAGE_DEPTH);
		self.client.runtime_api().lineage(at, dat, direction, depth).map_err(runtime_error)
	}

	fn by_content_hash(
		&self,
		content_hash: H256,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<DatId>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().by_content_hash(at, content_hash).map_err(runtime_error)
	}

	fn usage(
		&self,
		dat: DatId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<UsageView<AccountId, Balance>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().usage(at, dat).map_err(runtime_error)
	}

	fn holdings(
		&self,
		who: AccountId,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<HoldingView<Balance>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().holdings(at, who).map_err(runtime_error)
	}
}
