//! AI agents: the trait through which other pallets read an agent's reputation, the views of
//! agents and their tasks, and the runtime API that reads them. `pallet-agent-reputation`
//! implements both.

use crate::dat::{AgentId, DatId, ModelId};
use alloc::{string::String, vec::Vec};
use codec::{Decode, Encode};
use scale_info::TypeInfo;
use sp_core::H256;

/// The id of a task an agent was hired for, given in order from 0.
pub type TaskId = u64;

/// A reputation in parts per million: 0 for none, 1,000,000 for the best possible.
pub type ReputationPpm = u32;

/// Reads agents' reputations. Other pallets use it to decide whether to trust an agent.
pub trait ReputationProvider<AccountId> {
	/// The agent's reputation now, decay included; `None` if there is no such agent.
	fn reputation(agent: AgentId) -> Option<ReputationPpm>;
	/// The account that controls the agent; `None` if there is no such agent.
	fn controller(agent: AgentId) -> Option<AccountId>;
}

/// With no agent pallet there are no agents.
impl<AccountId> ReputationProvider<AccountId> for () {
	fn reputation(_agent: AgentId) -> Option<ReputationPpm> {
		None
	}
	fn controller(_agent: AgentId) -> Option<AccountId> {
		None
	}
}

/// An agent as the runtime API and RPC show it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct AgentView<AccountId, Balance, BlockNumber> {
	/// The agent's id.
	pub id: AgentId,
	/// Its own keyless account, where its earnings are paid.
	pub account: AccountId,
	/// The account that acts for it: an account or an iDAO's account.
	pub controller: AccountId,
	/// The registered model it runs, if it names one.
	pub model: Option<ModelId>,
	/// Where its description lives.
	pub metadata_uri: String,
	/// Its bond, reserved from the account that registered it.
	pub bond: Balance,
	/// The block it was registered in.
	pub registered_at: BlockNumber,
	/// The block its bond is returned from, once it is deregistering.
	pub unbonding_until: Option<BlockNumber>,
	/// Its tasks not yet rated, refunded or released.
	pub open_tasks: u32,
	/// Tasks rated a success, over its life.
	pub succeeded: u32,
	/// Tasks rated a failure or timed out, over its life.
	pub failed: u32,
	/// Its reputation now, in parts per million.
	pub reputation: ReputationPpm,
}

/// How an agent's reputation is made up, as the runtime API and RPC show it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct ReputationView {
	/// The agent.
	pub agent: AgentId,
	/// Its reputation now, in parts per million.
	pub score: ReputationPpm,
	/// The weight of its successes, decayed to now (see `docs/agents.md`).
	pub success_weight: u128,
	/// The weight of all its rated and timed-out tasks, decayed to now.
	pub total_weight: u128,
	/// The prior weight every score is measured against.
	pub prior_weight: u128,
}

/// Where a task stands.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum TaskStatus<BlockNumber> {
	/// Waiting for the agent's result until the deadline.
	Open,
	/// The agent submitted a result; the client may rate it until `rate_by`.
	Submitted {
		/// The hash of the result.
		result_hash: H256,
		/// The DATs the agent used.
		trace: Vec<DatId>,
		/// The verified statement backing the result, if any.
		evidence: Option<H256>,
		/// The last block the client may rate at.
		rate_by: BlockNumber,
	},
}

/// An open task as the runtime API and RPC show it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct TaskView<AccountId, Balance, BlockNumber> {
	/// The task's id.
	pub id: TaskId,
	/// The agent hired.
	pub agent: AgentId,
	/// Who hired it and escrowed the payment.
	pub client: AccountId,
	/// The payment held in escrow.
	pub payment: Balance,
	/// The hash of what the client asked for.
	pub spec_hash: H256,
	/// The last block the agent may submit a result at.
	pub deadline: BlockNumber,
	/// Where it stands.
	pub status: TaskStatus<BlockNumber>,
}

sp_api::decl_runtime_apis! {
	/// Read agents, their reputations and their open tasks. The node's `agent_*` RPC methods
	/// call it; polkadot.js can call it directly as `api.call.agentApi.<method>`.
	pub trait AgentApi<AccountId, Balance, BlockNumber>
	where
		AccountId: codec::Codec,
		Balance: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// An agent, or `None` if there is none with this id.
		fn get(agent: AgentId) -> Option<AgentView<AccountId, Balance, BlockNumber>>;
		/// How an agent's reputation is made up, or `None` if there is no such agent.
		fn reputation(agent: AgentId) -> Option<ReputationView>;
		/// The `n` agents with the best reputation now, best first (at most 100).
		fn top(n: u32) -> Vec<(AgentId, ReputationPpm)>;
		/// An agent's open tasks, oldest first.
		fn tasks(agent: AgentId) -> Vec<TaskView<AccountId, Balance, BlockNumber>>;
	}
}
