//! What the pallet stores about agents, their tasks and their clients.

use crate::{BalanceOf, Config};
use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use frame_system::pallet_prelude::BlockNumberFor;
use lazai_primitives::dat::{AgentId, DatId, ModelId};
use scale_info::TypeInfo;
use sp_core::H256;

/// Where an agent's description lives.
pub type UriOf<T> = BoundedVec<u8, <T as Config>::MaxUriLen>;

/// The DATs an agent used for a task.
pub type TraceOf<T> = BoundedVec<DatId, <T as Config>::MaxTraceLen>;

/// Whether an agent takes tasks.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub enum AgentStatus<BlockNumber> {
	/// It takes tasks.
	Active,
	/// It was deregistered; its bond is returned from block `until`.
	Unbonding { until: BlockNumber },
}

/// The evidence an agent's reputation is computed from: weights of successes and of all rated
/// or timed-out tasks, decayed to block `at` (see [`crate::reputation`]).
#[derive(Clone, Copy, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Evidence<BlockNumber> {
	/// The weight of its successes, each scaled by its rating.
	pub success: u128,
	/// The weight of every rated or timed-out task.
	pub total: u128,
	/// The block both weights are decayed to.
	pub at: BlockNumber,
}

/// A registered agent.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Agent<T: Config> {
	/// The account that acts for it (submits results, updates it, deregisters it).
	pub controller: T::AccountId,
	/// The account its bond is reserved from, and returned or slashed from.
	pub bonder: T::AccountId,
	/// The registered model it runs, if it names one.
	pub model: Option<ModelId>,
	/// Where its description lives.
	pub metadata_uri: UriOf<T>,
	/// Its bond, which also pays for its storage.
	pub bond: BalanceOf<T>,
	/// The block it was registered in.
	pub registered_at: BlockNumberFor<T>,
	/// Whether it takes tasks.
	pub status: AgentStatus<BlockNumberFor<T>>,
	/// How many of its tasks are open (not yet rated, refunded or released).
	pub open_tasks: u32,
	/// Tasks rated a success.
	pub succeeded: u32,
	/// Tasks rated a failure or timed out.
	pub failed: u32,
	/// What its reputation is computed from.
	pub evidence: Evidence<BlockNumberFor<T>>,
}

/// The agent's answer to a task.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Submission<T: Config> {
	/// The hash of the result.
	pub result_hash: H256,
	/// The DATs the agent used, each recorded as used by it.
	pub trace: TraceOf<T>,
	/// The statement the chain verified that backs the result, if any.
	pub evidence: Option<H256>,
	/// The last block the client may rate at; after it anyone may release the payment.
	pub rate_by: BlockNumberFor<T>,
}

/// A task a client hired an agent for.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Task<T: Config> {
	/// The agent hired.
	pub agent: AgentId,
	/// Who hired it; the payment is escrowed from and refunded to this account.
	pub client: T::AccountId,
	/// The payment held in escrow.
	pub payment: BalanceOf<T>,
	/// The hash of what the client asked for.
	pub spec_hash: H256,
	/// The last block the agent may submit at.
	pub deadline: BlockNumberFor<T>,
	/// The deposit reserved from the client for this record.
	pub deposit: BalanceOf<T>,
	/// The agent's answer, once it gave one.
	pub submission: Option<Submission<T>>,
}

/// What the pallet keeps about a client: it gives the client's ratings their standing.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Client<Balance> {
	/// Payments released from its tasks to agents, in all.
	pub paid: Balance,
	/// Its open tasks.
	pub open_tasks: u32,
	/// The deposit reserved for this record.
	pub deposit: Balance,
}
