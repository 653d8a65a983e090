//! Agents' accounts and life cycle, and the traits the pallet implements for the rest of the
//! runtime.

use crate::{pallet::*, Agent, AgentStatus, BalanceOf, Evidence, UriOf};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{Currency, ExistenceRequirement, ReservableCurrency},
};
use lazai_primitives::{
	agents::{ReputationPpm, ReputationProvider},
	dat::{AgentId, Consumer, ConsumerAuthority, ModelId},
	models::ModelRegistry,
};
use sp_runtime::{
	traits::{AccountIdConversion, Saturating, Zero},
	DispatchResult,
};

/// Tells an agent's account apart from the escrow account.
const AGENT: [u8; 4] = *b"agnt";

impl<T: Config> Pallet<T> {
	/// The keyless account that holds every open task's payment.
	pub fn escrow_account() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// The keyless account of agent `agent`, where its earnings are paid.
	pub fn account_of(agent: AgentId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating((AGENT, agent))
	}

	/// Succeeds for no model or a registered one.
	pub(crate) fn ensure_model(model: Option<ModelId>) -> DispatchResult {
		if let Some(model) = model {
			ensure!(T::Models::training_data(model).is_some(), Error::<T>::UnknownModel);
		}
		Ok(())
	}

	/// The agent, if `who` controls it.
	pub(crate) fn controlled_agent(
		agent: AgentId,
		who: &T::AccountId,
	) -> Result<Agent<T>, DispatchError> {
		let info = Agents::<T>::get(agent).ok_or(Error::<T>::UnknownAgent)?;
		ensure!(info.controller == *who, Error::<T>::NotController);
		Ok(info)
	}

	pub(crate) fn do_register(
		bonder: T::AccountId,
		controller: T::AccountId,
		model: Option<ModelId>,
		metadata_uri: UriOf<T>,
		bond: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(bond >= T::MinBond::get(), Error::<T>::BondTooLow);
		Self::ensure_model(model)?;
		let agent = NextAgentId::<T>::get();
		let next = agent.checked_add(1).ok_or(Error::<T>::NoIdsLeft)?;
		T::Currency::reserve(&bonder, bond)?;
		let now = frame_system::Pallet::<T>::block_number();
		Agents::<T>::insert(
			agent,
			Agent {
				controller: controller.clone(),
				bonder,
				model,
				metadata_uri,
				bond,
				registered_at: now,
				status: AgentStatus::Active,
				open_tasks: 0,
				succeeded: 0,
				failed: 0,
				evidence: Evidence { success: 0, total: 0, at: now },
			},
		);
		NextAgentId::<T>::put(next);
		Self::deposit_event(Event::AgentRegistered {
			agent,
			controller,
			account: Self::account_of(agent),
			bond,
		});
		Ok(())
	}

	pub(crate) fn do_deregister(who: T::AccountId, agent: AgentId) -> DispatchResult {
		let mut info = Self::controlled_agent(agent, &who)?;
		ensure!(info.status == AgentStatus::Active, Error::<T>::AgentNotActive);
		ensure!(info.open_tasks == 0, Error::<T>::HasOpenTasks);
		let until =
			frame_system::Pallet::<T>::block_number().saturating_add(T::UnbondingPeriod::get());
		info.status = AgentStatus::Unbonding { until };
		Agents::<T>::insert(agent, info);
		Self::deposit_event(Event::AgentDeregistered { agent, until });
		Ok(())
	}

	pub(crate) fn do_withdraw_bond(agent: AgentId) -> DispatchResult {
		let info = Agents::<T>::get(agent).ok_or(Error::<T>::UnknownAgent)?;
		let AgentStatus::Unbonding { until } = info.status else {
			return Err(Error::<T>::NotDeregistered.into());
		};
		ensure!(frame_system::Pallet::<T>::block_number() >= until, Error::<T>::StillUnbonding);
		Agents::<T>::remove(agent);
		T::Currency::unreserve(&info.bonder, info.bond);
		Self::deposit_event(Event::BondWithdrawn { agent, bonder: info.bonder, amount: info.bond });
		Ok(())
	}

	pub(crate) fn do_claim_earnings(who: T::AccountId, agent: AgentId) -> DispatchResult {
		Self::controlled_agent(agent, &who)?;
		let account = Self::account_of(agent);
		let amount = T::Currency::free_balance(&account);
		ensure!(!amount.is_zero(), Error::<T>::NothingToClaim);
		T::Currency::transfer(&account, &who, amount, ExistenceRequirement::AllowDeath)?;
		Self::deposit_event(Event::EarningsClaimed { agent, to: who, amount });
		Ok(())
	}
}

impl<T: Config> ReputationProvider<T::AccountId> for Pallet<T> {
	fn reputation(agent: AgentId) -> Option<ReputationPpm> {
		Agents::<T>::get(agent).map(|info| Self::reputation_now(&info))
	}

	fn controller(agent: AgentId) -> Option<T::AccountId> {
		Agents::<T>::get(agent).map(|info| info.controller)
	}
}

/// An account acts as itself, and an agent's controller as the agent.
impl<T: Config> ConsumerAuthority<T::AccountId> for Pallet<T> {
	fn may_act_as(who: &T::AccountId, consumer: &Consumer<T::AccountId>) -> bool {
		match consumer {
			Consumer::Account(account) => account == who,
			Consumer::Agent(agent) => {
				Agents::<T>::get(agent).is_some_and(|info| info.controller == *who)
			},
			_ => false,
		}
	}
}
