//! The node's RPC methods beyond Substrate's standard ones: account nonces, fee queries, the
//! `dat_*` queries of anchored data, the `model_*` and `benchmark_*` queries of models, the
//! `podv_*` queries of data value, the `idao_*` queries of iDAOs and the `agent_*` queries of
//! agents.

pub mod agents;
pub mod dat;
pub mod idao;
pub mod models;
pub mod podv;

use std::sync::Arc;

use jsonrpsee::{
	types::{ErrorObject, ErrorObjectOwned},
	RpcModule,
};
use lazai_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Nonce};
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};

/// What the RPC methods need from the node.
pub struct FullDeps<C, P> {
	/// The client, to call runtime APIs.
	pub client: Arc<C>,
	/// The transaction pool, for pending nonces.
	pub pool: Arc<P>,
}

/// All the node's RPC methods beyond the standard set.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>
		+ pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>
		+ lazai_primitives::dat::DatApi<Block, AccountId, Balance, BlockNumber>
		+ lazai_primitives::models::ModelStakingApi<Block, AccountId, BlockNumber>
		+ lazai_primitives::podv::PodvApi<Block, Balance, BlockNumber>
		+ lazai_primitives::idao::IdaoApi<Block, AccountId, Balance, BlockNumber>
		+ lazai_primitives::agents::AgentApi<Block, AccountId, Balance, BlockNumber>
		+ BlockBuilder<Block>,
	P: TransactionPool + 'static,
{
	use agents::AgentRpcServer;
	use dat::DatRpcServer;
	use idao::IdaoRpcServer;
	use models::ModelsRpcServer;
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use podv::PodvRpcServer;
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool } = deps;

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(
		<dat::Dat<C, Block> as DatRpcServer<_, AccountId, Balance, BlockNumber>>::into_rpc(
			dat::Dat::new(client.clone()),
		),
	)?;
	module.merge(
		<models::Models<C, Block> as ModelsRpcServer<_, AccountId, BlockNumber>>::into_rpc(
			models::Models::new(client.clone()),
		),
	)?;
	module.merge(<podv::Podv<C, Block> as PodvRpcServer<_, Balance, BlockNumber>>::into_rpc(
		podv::Podv::new(client.clone()),
	))?;
	module.merge(
		<idao::Idao<C, Block> as IdaoRpcServer<_, AccountId, Balance, BlockNumber>>::into_rpc(
			idao::Idao::new(client.clone()),
		),
	)?;
	module.merge(<agents::Agents<C, Block> as AgentRpcServer<
		_,
		AccountId,
		Balance,
		BlockNumber,
	>>::into_rpc(agents::Agents::new(client)))?;

	Ok(module)
}

/// The error code of a failed runtime API call.
const RUNTIME_ERROR: i32 = 1;

/// The error a method returns when its runtime API call (of `api`) failed.
fn runtime_error(api: &str, error: impl ToString) -> ErrorObjectOwned {
	ErrorObject::owned(
		RUNTIME_ERROR,
		format!("{api} runtime API call failed"),
		Some(error.to_string()),
	)
}
