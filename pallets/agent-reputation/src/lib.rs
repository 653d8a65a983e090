//! # Agent reputation pallet
//!
//! AI agents as economic actors with an on-chain identity, a bond, and a reputation earned
//! only from paid work that their clients rated.
//!
//! - **Agents**: [`Pallet::register_agent`] names the agent's controller (an account or an
//!   iDAO's account), optionally the registered model it runs, and where its description
//!   lives, and reserves its bond from the caller. Each agent has its own keyless account
//!   ([`Pallet::account_of`]) where its earnings are paid; [`Pallet::claim_earnings`] moves
//!   them to the controller. [`Pallet::update_agent`] changes the model or description.
//!   [`Pallet::deregister_agent`] (refused while tasks are open) starts the unbonding period,
//!   after which [`Pallet::withdraw_bond`] returns the bond.
//! - **Tasks**: a client opens a task with [`Pallet::open_task`], which escrows the payment. The
//!   agent answers with [`Pallet::submit_result`]: the result's hash, the DATs it used (its
//!   **attention trace**) and, optionally, a verified statement that backs the result. The
//!   client rates it with [`Pallet::rate_task`]:
//!   - a success releases the payment: `TraceShare` of it to the traced DATs' revenue pools,
//!     `ReleaseFee` burned, the rest to the agent;
//!   - a failure refunds the client and slashes `DisputeSlash` of the agent's bond to the
//!     client.
//!
//!   [`Pallet::expire_task`] settles what the parties left: a task with no result by its
//!   deadline is refunded and counts against the agent; a result left unrated for
//!   `RatingPeriod` is released unrated.
//! - **Reputation**: a score in parts per million, from the rated tasks weighted by payment and
//!   by the client's standing, and decaying over time. See [`reputation`] for the formula and
//!   the anti-pumping bound. Other pallets read it through
//!   `lazai_primitives::agents::ReputationProvider`.
//! - **Attention traces**: each traced DAT is recorded as used by the agent
//!   (`Consumer::Agent`) through the DAT traits. That applies the DAT's policy, so a DAT the
//!   agent may not use fails the submission with the DAT pallet's error.
//!
//! The runtime API `AgentApi` (served as the `agent_*` RPC methods) shows agents, their
//! reputations, the best agents and an agent's open tasks.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod impls;
#[cfg(test)]
mod mock;
pub mod reputation;
pub mod tasks;
#[cfg(test)]
mod tests;
pub mod types;
mod views;
pub mod weights;

use frame_support::traits::Currency;

/// What the benchmarks need from the rest of the runtime, made through the pallets that own it.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Anchor a DAT anyone may use for free, controlled by `owner`; `seed` makes it unique.
	fn anchor(owner: &AccountId, seed: u32) -> lazai_primitives::dat::DatId;
	/// A statement the chain verified.
	fn verified_statement() -> sp_core::H256;
	/// A registered model.
	fn model(owner: &AccountId) -> lazai_primitives::dat::ModelId;
}

/// A balance of the currency bonds and payments are in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Currency<<T as frame_system::Config>::AccountId>>::Balance;

/// The currency's negative imbalance: what the release fee burns.
pub type NegativeImbalanceOf<T> = <<T as Config>::Currency as Currency<
	<T as frame_system::Config>::AccountId,
>>::NegativeImbalance;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{OnUnbalanced, ReservableCurrency},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use lazai_primitives::{
		agents::TaskId,
		dat::{AgentId, DatRevenue, DatUsage, ModelId},
		models::ModelRegistry,
		verified::VerifiedStatements,
	};
	use sp_core::H256;
	use sp_runtime::Perbill;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency bonds, deposits and payments are in.
		type Currency: ReservableCurrency<Self::AccountId>;

		/// Records the DATs agents use and pays their revenue pools.
		type Dat: DatUsage<Self::AccountId> + DatRevenue<Self::AccountId, BalanceOf<Self>>;

		/// Tells which models are registered.
		type Models: ModelRegistry;

		/// Tells which statements the chain verified.
		type VerifiedStatements: VerifiedStatements;

		/// Where the release fee goes (burned when `()`).
		type ReleaseFeeDestination: OnUnbalanced<NegativeImbalanceOf<Self>>;

		/// The escrow account and the agents' accounts are derived from this id.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The least bond an agent is registered with; it also pays for the agent's storage.
		#[pallet::constant]
		type MinBond: Get<BalanceOf<Self>>;

		/// Reserved from the client for each open task.
		#[pallet::constant]
		type TaskDeposit: Get<BalanceOf<Self>>;

		/// Reserved from a client for its record, until it closes the record.
		#[pallet::constant]
		type ClientDeposit: Get<BalanceOf<Self>>;

		/// The least payment a task may escrow.
		#[pallet::constant]
		type MinPayment: Get<BalanceOf<Self>>;

		/// The furthest a task's deadline may be from the block it is opened in.
		#[pallet::constant]
		type MaxTaskDuration: Get<BlockNumberFor<Self>>;

		/// The blocks a client has to rate a result before anyone may release it unrated.
		#[pallet::constant]
		type RatingPeriod: Get<BlockNumberFor<Self>>;

		/// The blocks between deregistering an agent and the return of its bond.
		#[pallet::constant]
		type UnbondingPeriod: Get<BlockNumberFor<Self>>;

		/// The most open tasks an agent may have, and a client.
		#[pallet::constant]
		type MaxOpenTasks: Get<u32>;

		/// The most DATs an attention trace may list.
		#[pallet::constant]
		type MaxTraceLen: Get<u32>;

		/// The longest description URI, in bytes.
		#[pallet::constant]
		type MaxUriLen: Get<u32>;

		/// The share of a released payment paid to the traced DATs' revenue pools, split
		/// equally.
		#[pallet::constant]
		type TraceShare: Get<Perbill>;

		/// The share of a released payment that is burned (rounded up).
		#[pallet::constant]
		type ReleaseFee: Get<Perbill>;

		/// The share of an agent's bond a failed task slashes to the client.
		#[pallet::constant]
		type DisputeSlash: Get<Perbill>;

		/// How many times more a success backed by a verified statement weighs.
		#[pallet::constant]
		type EvidenceMultiplier: Get<u32>;

		/// The most of a payment that counts as weight.
		#[pallet::constant]
		type MaxCountedPayment: Get<BalanceOf<Self>>;

		/// The evidence weight it takes to earn half of the best reputation.
		#[pallet::constant]
		type PriorWeight: Get<BalanceOf<Self>>;

		/// The blocks in one decay period.
		#[pallet::constant]
		type DecayPeriod: Get<BlockNumberFor<Self>>;

		/// The share of its evidence a reputation keeps each decay period.
		#[pallet::constant]
		type DecayPerPeriod: Get<Perbill>;

		/// What a rating by a client with no history counts for.
		#[pallet::constant]
		type BaseStanding: Get<Perbill>;

		/// The payments a client must have made for its ratings to count halfway between
		/// `BaseStanding` and in full.
		#[pallet::constant]
		type StandingPrior: Get<BalanceOf<Self>>;

		/// Makes what the benchmarks need in other pallets.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;

		/// Weights of this pallet's calls, generated by its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The registered agents, by id.
	#[pallet::storage]
	pub type Agents<T: Config> = StorageMap<_, Blake2_128Concat, AgentId, Agent<T>>;

	/// The id the next agent gets.
	#[pallet::storage]
	pub type NextAgentId<T: Config> = StorageValue<_, AgentId, ValueQuery>;

	/// The open tasks, by id.
	#[pallet::storage]
	pub type Tasks<T: Config> = StorageMap<_, Twox64Concat, TaskId, crate::types::Task<T>>;

	/// The id the next task gets.
	#[pallet::storage]
	pub type NextTaskId<T: Config> = StorageValue<_, TaskId, ValueQuery>;

	/// The open tasks of each agent.
	#[pallet::storage]
	pub type AgentTasks<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, AgentId, Twox64Concat, TaskId, ()>;

	/// The clients: what their tasks paid agents, which gives their ratings standing.
	#[pallet::storage]
	pub type Clients<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Client<BalanceOf<T>>>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// The escrow account must exist before the first payment reaches it.
			let escrow = Pallet::<T>::escrow_account();
			let minimum = T::Currency::minimum_balance();
			if T::Currency::free_balance(&escrow) < minimum {
				let _ = T::Currency::deposit_creating(&escrow, minimum);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An agent was registered with its own account and a bond.
		AgentRegistered {
			agent: AgentId,
			controller: T::AccountId,
			account: T::AccountId,
			bond: BalanceOf<T>,
		},
		/// An agent's model or description changed.
		AgentUpdated { agent: AgentId },
		/// An agent was deregistered; its bond is returned from block `until`.
		AgentDeregistered { agent: AgentId, until: BlockNumberFor<T> },
		/// A deregistered agent's bond was returned and the agent removed.
		BondWithdrawn { agent: AgentId, bonder: T::AccountId, amount: BalanceOf<T> },
		/// An agent's earnings were moved to its controller.
		EarningsClaimed { agent: AgentId, to: T::AccountId, amount: BalanceOf<T> },
		/// A client hired an agent and escrowed the payment.
		TaskOpened {
			task: TaskId,
			agent: AgentId,
			client: T::AccountId,
			payment: BalanceOf<T>,
			deadline: BlockNumberFor<T>,
		},
		/// The agent answered a task; each traced DAT was recorded as used by it.
		ResultSubmitted {
			task: TaskId,
			agent: AgentId,
			result_hash: H256,
			trace: u32,
			verified: bool,
		},
		/// The client rated a task; `weight` is what it added to the agent's evidence and
		/// `reputation` the agent's score after it.
		TaskRated {
			task: TaskId,
			agent: AgentId,
			success: bool,
			rating: u8,
			weight: u128,
			reputation: u32,
		},
		/// A task's payment was released: to the traced DATs, burned, and the rest to the agent.
		PaymentReleased {
			task: TaskId,
			agent: AgentId,
			to_agent: BalanceOf<T>,
			to_dats: BalanceOf<T>,
			burned: BalanceOf<T>,
		},
		/// A task's payment was returned to the client.
		PaymentRefunded { task: TaskId, client: T::AccountId, amount: BalanceOf<T> },
		/// Part of an agent's bond went to a client whose task it failed.
		BondSlashed { agent: AgentId, client: T::AccountId, amount: BalanceOf<T> },
		/// A task got no result by its deadline; it counts against the agent.
		TaskTimedOut { task: TaskId, agent: AgentId, weight: u128, reputation: u32 },
		/// A client's record was closed and its deposit returned.
		ClientClosed { client: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No agent has this id.
		UnknownAgent,
		/// Only the agent's controller may do this.
		NotController,
		/// The bond is below `MinBond`.
		BondTooLow,
		/// No registered model has this id.
		UnknownModel,
		/// The agent is deregistered and takes no tasks.
		AgentNotActive,
		/// The agent still has open tasks.
		HasOpenTasks,
		/// The agent was not deregistered.
		NotDeregistered,
		/// The unbonding period is not over.
		StillUnbonding,
		/// The agent's account holds nothing to claim.
		NothingToClaim,
		/// No open task has this id.
		UnknownTask,
		/// The payment is below `MinPayment`.
		PaymentTooLow,
		/// The deadline is in the past or further than `MaxTaskDuration` away.
		InvalidDeadline,
		/// The agent, or the client, has `MaxOpenTasks` open tasks.
		TooManyOpenTasks,
		/// An agent's controller, bonder or own account may not hire it.
		OwnAgent,
		/// Only the task's client may do this.
		NotClient,
		/// The agent already answered this task.
		AlreadySubmitted,
		/// The agent has not answered this task.
		NotSubmitted,
		/// The task's deadline has passed.
		DeadlinePassed,
		/// The task cannot be settled by anyone yet: its deadline or rating period is not over.
		NotExpired,
		/// A rating is at most 100.
		InvalidRating,
		/// The evidence is not a statement the chain verified.
		EvidenceNotVerified,
		/// The trace names a DAT twice.
		DuplicateTraceDat,
		/// The caller has no client record.
		UnknownClient,
		/// The client still has open tasks.
		ClientHasOpenTasks,
		/// Every id has been used.
		NoIdsLeft,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register an agent that `controller` acts for, optionally running the registered
		/// `model`, described at `metadata_uri`. Reserves `bond` (at least `MinBond`) from the
		/// caller.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_agent(metadata_uri.len() as u32))]
		pub fn register_agent(
			origin: OriginFor<T>,
			controller: T::AccountId,
			model: Option<ModelId>,
			metadata_uri: UriOf<T>,
			bond: BalanceOf<T>,
		) -> DispatchResult {
			let bonder = ensure_signed(origin)?;
			Self::do_register(bonder, controller, model, metadata_uri, bond)
		}

		/// Change the agent's model and description. Only its controller may.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_agent(metadata_uri.len() as u32))]
		pub fn update_agent(
			origin: OriginFor<T>,
			agent: AgentId,
			model: Option<ModelId>,
			metadata_uri: UriOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_model(model)?;
			Agents::<T>::try_mutate(agent, |maybe| {
				let info = maybe.as_mut().ok_or(Error::<T>::UnknownAgent)?;
				ensure!(info.controller == who, Error::<T>::NotController);
				info.model = model;
				info.metadata_uri = metadata_uri;
				Ok::<_, DispatchError>(())
			})?;
			Self::deposit_event(Event::AgentUpdated { agent });
			Ok(())
		}

		/// Deregister the agent: it takes no more tasks, and its bond is returned after
		/// `UnbondingPeriod`. Refused while it has open tasks. Only its controller may.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::deregister_agent())]
		pub fn deregister_agent(origin: OriginFor<T>, agent: AgentId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_deregister(who, agent)
		}

		/// Return a deregistered agent's bond once its unbonding period is over, and remove the
		/// agent. Anyone may.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::withdraw_bond())]
		pub fn withdraw_bond(origin: OriginFor<T>, agent: AgentId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_withdraw_bond(agent)
		}

		/// Move everything the agent's account earned to its controller. Only its controller
		/// may.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::claim_earnings())]
		pub fn claim_earnings(origin: OriginFor<T>, agent: AgentId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim_earnings(who, agent)
		}

		/// Hire `agent` for the work described by `spec_hash`, to be answered by `deadline`.
		/// Escrows `payment` (at least `MinPayment`) and reserves `TaskDeposit` (and, for a new
		/// client, `ClientDeposit`) from the caller.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::open_task())]
		pub fn open_task(
			origin: OriginFor<T>,
			agent: AgentId,
			payment: BalanceOf<T>,
			spec_hash: H256,
			deadline: BlockNumberFor<T>,
		) -> DispatchResult {
			let client = ensure_signed(origin)?;
			Self::do_open(client, agent, payment, spec_hash, deadline)
		}

		/// Answer a task by its deadline: the result's hash, the DATs used (each recorded as
		/// used by the agent, under its policy) and optionally a verified statement backing the
		/// result. Only the agent's controller may; it pays any new DAT consumer record's
		/// deposit.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::submit_result(trace.len() as u32))]
		pub fn submit_result(
			origin: OriginFor<T>,
			task: TaskId,
			result_hash: H256,
			trace: TraceOf<T>,
			evidence: Option<H256>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_submit(who, task, result_hash, trace, evidence)
		}

		/// Rate an answered task, `rating` from 0 to 100. A success releases the payment; a
		/// failure refunds it and slashes part of the agent's bond to the caller. Either way
		/// the rating joins the agent's reputation. Only the task's client may. Charged for a
		/// full trace; what a shorter trace did not use is refunded.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::rate_success(T::MaxTraceLen::get())
			.max(T::WeightInfo::rate_failure()))]
		pub fn rate_task(
			origin: OriginFor<T>,
			task: TaskId,
			success: bool,
			rating: u8,
		) -> DispatchResultWithPostInfo {
			let client = ensure_signed(origin)?;
			Self::do_rate(client, task, success, rating)
		}

		/// Settle a task its parties left: with no result after its deadline it is refunded
		/// and counts against the agent; with a result left unrated for `RatingPeriod` its
		/// payment is released, unrated. Anyone may. Charged for a full trace; what a shorter
		/// one did not use is refunded.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::expire_open()
			.max(T::WeightInfo::expire_submitted(T::MaxTraceLen::get())))]
		pub fn expire_task(origin: OriginFor<T>, task: TaskId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Self::do_expire(task)
		}

		/// Close the caller's client record and return its deposit; its ratings' standing
		/// starts over. Refused while it has open tasks.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::close_client())]
		pub fn close_client(origin: OriginFor<T>) -> DispatchResult {
			let client = ensure_signed(origin)?;
			let record = Clients::<T>::get(&client).ok_or(Error::<T>::UnknownClient)?;
			ensure!(record.open_tasks == 0, Error::<T>::ClientHasOpenTasks);
			Clients::<T>::remove(&client);
			T::Currency::unreserve(&client, record.deposit);
			Self::deposit_event(Event::ClientClosed { client });
			Ok(())
		}
	}
}
