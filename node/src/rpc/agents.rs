//! The `agent_*` RPC methods: an agent, its reputation, the best agents, and an agent's open
//! tasks, read through the runtime's `AgentApi` at the best block (or the block given as `at`).

use std::{marker::PhantomData, sync::Arc};

use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
use lazai_primitives::{
	agents::{AgentApi as AgentRuntimeApi, AgentView, ReputationPpm, ReputationView, TaskView},
	dat::AgentId,
};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

/// Agent queries over JSON-RPC.
#[rpc(server)]
pub trait AgentRpc<BlockHash, AccountId, Balance, BlockNumber> {
	/// An agent: its accounts, model, bond, task counts and reputation, or `null`.
	#[method(name = "agent_get")]
	fn get(
		&self,
		agent: AgentId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<AgentView<AccountId, Balance, BlockNumber>>>;

	/// How an agent's reputation is made up, decayed to the block read, or `null`.
	#[method(name = "agent_reputation")]
	fn reputation(
		&self,
		agent: AgentId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<ReputationView>>;

	/// The `n` agents with the best reputation (at most 100), best first, as `[id, score]`.
	#[method(name = "agent_top")]
	fn top(&self, n: u32, at: Option<BlockHash>) -> RpcResult<Vec<(AgentId, ReputationPpm)>>;

	/// An agent's open tasks, oldest first.
	#[method(name = "agent_tasks")]
	fn tasks(
		&self,
		agent: AgentId,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<TaskView<AccountId, Balance, BlockNumber>>>;
}

/// Serves [`AgentRpcServer`] from a client's runtime API.
pub struct Agents<C, Block> {
	client: Arc<C>,
	_block: PhantomData<Block>,
}

impl<C, Block> Agents<C, Block> {
	/// Serve agent queries from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _block: PhantomData }
	}
}

fn runtime_error(error: impl ToString) -> ErrorObjectOwned {
	super::runtime_error("agent", error)
}

impl<C, Block, AccountId, Balance, BlockNumber>
	AgentRpcServer<<Block as BlockT>::Hash, AccountId, Balance, BlockNumber> for Agents<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: AgentRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	AccountId: Codec + Send + Sync + 'static,
	Balance: Codec + Send + Sync + 'static,
	BlockNumber: Codec + Send + Sync + 'static,
	AgentView<AccountId, Balance, BlockNumber>: serde::Serialize,
	TaskView<AccountId, Balance, BlockNumber>: serde::Serialize,
{
	fn get(
		&self,
		agent: AgentId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<AgentView<AccountId, Balance, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().get(at, agent).map_err(runtime_error)
	}

	fn reputation(
		&self,
		agent: AgentId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<ReputationView>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().reputation(at, agent).map_err(runtime_error)
	}

	fn top(&self, n: u32, at: Option<Block::Hash>) -> RpcResult<Vec<(AgentId, ReputationPpm)>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().top(at, n).map_err(runtime_error)
	}

	fn tasks(
		&self,
		agent: AgentId,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<TaskView<AccountId, Balance, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().tasks(at, agent).map_err(runtime_error)
	}
}
