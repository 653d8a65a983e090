//! The `idao_*` RPC methods: an iDAO, its open proposals, and what an account is to the iDAOs,
//! read through the runtime's `IdaoApi` at the best block (or the block given as `at`).

use std::{marker::PhantomData, sync::Arc};

use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
use lazai_primitives::{
	dat::IdaoId,
	idao::{AccountView, IdaoApi as IdaoRuntimeApi, IdaoView, ProposalView},
};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

/// iDAO queries over JSON-RPC.
#[rpc(server)]
pub trait IdaoRpc<BlockHash, AccountId, Balance, BlockNumber> {
	/// An iDAO: its accounts, members, rules and undistributed income, or `null`.
	#[method(name = "idao_get")]
	fn get(
		&self,
		idao: IdaoId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<IdaoView<AccountId, Balance, BlockNumber>>>;

	/// The open proposals of an iDAO, oldest first, with their votes so far.
	#[method(name = "idao_proposals")]
	fn proposals(
		&self,
		idao: IdaoId,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<ProposalView<AccountId, BlockNumber>>>;

	/// The iDAO an account is (if it is an iDAO's own account), and the iDAOs it is a member
	/// of with what each owes it.
	#[method(name = "idao_of")]
	fn of(&self, account: AccountId, at: Option<BlockHash>) -> RpcResult<AccountView<Balance>>;
}

/// Serves [`IdaoRpcServer`] from a client's runtime API.
pub struct Idao<C, Block> {
	client: Arc<C>,
	_block: PhantomData<Block>,
}

impl<C, Block> Idao<C, Block> {
	/// Serve iDAO queries from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _block: PhantomData }
	}
}

fn runtime_error(error: impl ToString) -> ErrorObjectOwned {
	super::runtime_error("iDAO", error)
}

impl<C, Block, AccountId, Balance, BlockNumber>
	IdaoRpcServer<<Block as BlockT>::Hash, AccountId, Balance, BlockNumber> for Idao<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: IdaoRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	AccountId: Codec + Send + Sync + 'static,
	Balance: Codec + Send + Sync + 'static,
	BlockNumber: Codec + Send + Sync + 'static,
	IdaoView<AccountId, Balance, BlockNumber>: serde::Serialize,
	ProposalView<AccountId, BlockNumber>: serde::Serialize,
	AccountView<Balance>: serde::Serialize,
{
	fn get(
		&self,
		idao: IdaoId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<IdaoView<AccountId, Balance, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().get(at, idao).map_err(runtime_error)
	}

	fn proposals(
		&self,
		idao: IdaoId,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<ProposalView<AccountId, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().proposals(at, idao).map_err(runtime_error)
	}

	fn of(&self, account: AccountId, at: Option<Block::Hash>) -> RpcResult<AccountView<Balance>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().of(at, account).map_err(runtime_error)
	}
}
