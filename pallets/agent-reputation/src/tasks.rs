//! Tasks: a client escrows a payment, the agent answers, the client rates, and the payment is
//! released, refunded or, when a party goes quiet, settled by anyone.
//!
//! A task's payment moves exactly once, when the task ends:
//!
//! | how it ends | the payment | the agent's bond | the agent's reputation |
//! | --- | --- | --- | --- |
//! | rated a success | `TraceShare` to the traced DATs, `ReleaseFee` burned, the rest to the agent | kept | success of weight `w`, scaled by the rating |
//! | rated a failure | back to the client | `DisputeSlash` of it to the client | failure of weight `w` |
//! | no result by the deadline (`expire_task`) | back to the client | kept | failure of weight `w` |
//! | result unrated for `RatingPeriod` (`expire_task`) | released as for a success | kept | unchanged |
//!
//! A traced DAT that can no longer be paid (retired or frozen since) leaves its part to the
//! agent. Every unit of the payment ends with the DATs, the agent, the client, or burned.

use crate::{pallet::*, Agent, BalanceOf, Client, Submission, Task, TraceOf, WeightInfo};
use frame_support::{
	ensure,
	pallet_prelude::*,
	storage::with_storage_layer,
	traits::{
		BalanceStatus, Currency, ExistenceRequirement, OnUnbalanced, ReservableCurrency,
		WithdrawReasons,
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use lazai_primitives::{
	agents::{ReputationPpm, TaskId},
	dat::{AgentId, Consumer, DatRevenue, DatUsage},
	verified::VerifiedStatements,
};
use sp_core::H256;
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchResult, Perbill,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_open(
		client: T::AccountId,
		agent: AgentId,
		payment: BalanceOf<T>,
		spec_hash: H256,
		deadline: BlockNumberFor<T>,
	) -> DispatchResult {
		let mut info = Agents::<T>::get(agent).ok_or(Error::<T>::UnknownAgent)?;
		ensure!(info.status == crate::AgentStatus::Active, Error::<T>::AgentNotActive);
		ensure!(
			client != info.controller && client != info.bonder && client != Self::account_of(agent),
			Error::<T>::OwnAgent
		);
		ensure!(payment >= T::MinPayment::get(), Error::<T>::PaymentTooLow);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			deadline > now && deadline <= now.saturating_add(T::MaxTaskDuration::get()),
			Error::<T>::InvalidDeadline
		);
		let max_open = T::MaxOpenTasks::get();
		ensure!(info.open_tasks < max_open, Error::<T>::TooManyOpenTasks);
		let mut record = match Clients::<T>::get(&client) {
			Some(record) => record,
			None => {
				T::Currency::reserve(&client, T::ClientDeposit::get())?;
				Client { paid: Zero::zero(), open_tasks: 0, deposit: T::ClientDeposit::get() }
			},
		};
		ensure!(record.open_tasks < max_open, Error::<T>::TooManyOpenTasks);
		let task = NextTaskId::<T>::get();
		let next = task.checked_add(1).ok_or(Error::<T>::NoIdsLeft)?;

		T::Currency::transfer(
			&client,
			&Self::escrow_account(),
			payment,
			ExistenceRequirement::KeepAlive,
		)?;
		let deposit = T::TaskDeposit::get();
		T::Currency::reserve(&client, deposit)?;
		record.open_tasks.saturating_inc();
		info.open_tasks.saturating_inc();
		Clients::<T>::insert(&client, record);
		Agents::<T>::insert(agent, info);
		Tasks::<T>::insert(
			task,
			Task {
				agent,
				client: client.clone(),
				payment,
				spec_hash,
				deadline,
				deposit,
				submission: None,
			},
		);
		AgentTasks::<T>::insert(agent, task, ());
		NextTaskId::<T>::put(next);
		Self::deposit_event(Event::TaskOpened { task, agent, client, payment, deadline });
		Ok(())
	}

	pub(crate) fn do_submit(
		who: T::AccountId,
		task: TaskId,
		result_hash: H256,
		trace: TraceOf<T>,
		evidence: Option<H256>,
	) -> DispatchResult {
		let mut info = Tasks::<T>::get(task).ok_or(Error::<T>::UnknownTask)?;
		Self::controlled_agent(info.agent, &who)?;
		ensure!(info.submission.is_none(), Error::<T>::AlreadySubmitted);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now <= info.deadline, Error::<T>::DeadlinePassed);
		if let Some(statement) = &evidence {
			ensure!(T::VerifiedStatements::is_verified(statement), Error::<T>::EvidenceNotVerified);
		}
		let mut sorted = trace.clone().into_inner();
		sorted.sort_unstable();
		ensure!(sorted.windows(2).all(|pair| pair[0] != pair[1]), Error::<T>::DuplicateTraceDat);

		let consumer = Consumer::Agent(info.agent);
		for dat in trace.iter() {
			T::Dat::record_use(*dat, &consumer, &who)?;
		}
		let traced = trace.len() as u32;
		info.submission = Some(Submission {
			result_hash,
			trace,
			evidence,
			rate_by: now.saturating_add(T::RatingPeriod::get()),
		});
		let agent = info.agent;
		Tasks::<T>::insert(task, info);
		Self::deposit_event(Event::ResultSubmitted {
			task,
			agent,
			result_hash,
			trace: traced,
			verified: evidence.is_some(),
		});
		Ok(())
	}

	pub(crate) fn do_rate(
		client: T::AccountId,
		task: TaskId,
		success: bool,
		rating: u8,
	) -> DispatchResultWithPostInfo {
		ensure!(rating <= 100, Error::<T>::InvalidRating);
		let info = Tasks::<T>::get(task).ok_or(Error::<T>::UnknownTask)?;
		ensure!(info.client == client, Error::<T>::NotClient);
		let submission = info.submission.clone().ok_or(Error::<T>::NotSubmitted)?;
		let mut agent = Agents::<T>::get(info.agent).ok_or(Error::<T>::UnknownAgent)?;
		let verified = success && submission.evidence.is_some();
		let weight = Self::task_weight(info.payment, Self::standing_of(&client), verified);

		let (reputation, used) = if success {
			Self::release(task, &info, &submission)?;
			let used = T::WeightInfo::rate_success(submission.trace.len() as u32);
			(Self::record_outcome(&mut agent, weight, Some(rating)), used)
		} else {
			Self::refund(task, &info)?;
			Self::slash_to_client(info.agent, &mut agent, &client);
			(Self::record_outcome(&mut agent, weight, None), T::WeightInfo::rate_failure())
		};
		Self::close(task, &info, agent);
		Self::deposit_event(Event::TaskRated {
			task,
			agent: info.agent,
			success,
			rating,
			weight,
			reputation,
		});
		Ok(Some(used).into())
	}

	pub(crate) fn do_expire(task: TaskId) -> DispatchResultWithPostInfo {
		let info = Tasks::<T>::get(task).ok_or(Error::<T>::UnknownTask)?;
		let mut agent = Agents::<T>::get(info.agent).ok_or(Error::<T>::UnknownAgent)?;
		let now = frame_system::Pallet::<T>::block_number();
		match &info.submission {
			None => {
				ensure!(now > info.deadline, Error::<T>::NotExpired);
				let weight =
					Self::task_weight(info.payment, Self::standing_of(&info.client), false);
				Self::refund(task, &info)?;
				let reputation = Self::record_outcome(&mut agent, weight, None);
				Self::close(task, &info, agent);
				Self::deposit_event(Event::TaskTimedOut {
					task,
					agent: info.agent,
					weight,
					reputation,
				});
				Ok(Some(T::WeightInfo::expire_open()).into())
			},
			Some(submission) => {
				ensure!(now > submission.rate_by, Error::<T>::NotExpired);
				Self::release(task, &info, submission)?;
				Self::close(task, &info, agent);
				Ok(Some(T::WeightInfo::expire_submitted(submission.trace.len() as u32)).into())
			},
		}
	}

	/// What `client`'s ratings count for now.
	fn standing_of(client: &T::AccountId) -> Perbill {
		Self::standing(Clients::<T>::get(client).map(|record| record.paid).unwrap_or_default())
	}

	/// Add a task of `weight` to the agent's evidence: a success with `rating`, or (`None`) a
	/// failure. Returns the agent's reputation after it.
	fn record_outcome(agent: &mut Agent<T>, weight: u128, rating: Option<u8>) -> ReputationPpm {
		match rating {
			Some(rating) => {
				Self::add_evidence(agent, weight, Perbill::from_percent(rating.into()));
				agent.succeeded.saturating_inc();
			},
			None => {
				Self::add_evidence(agent, weight, Perbill::zero());
				agent.failed.saturating_inc();
			},
		}
		Self::reputation_now(agent)
	}

	/// Pay out a task's payment: the traced DATs' share, the burned fee, and the rest to the
	/// agent. Counts the payment towards the client's standing.
	fn release(task: TaskId, info: &Task<T>, submission: &Submission<T>) -> DispatchResult {
		let escrow = Self::escrow_account();
		let payment = info.payment;
		let burned = T::ReleaseFee::get().mul_ceil(payment);
		let mut to_dats = BalanceOf::<T>::zero();
		if !submission.trace.is_empty() {
			let count = BalanceOf::<T>::from(submission.trace.len() as u32);
			let each = T::TraceShare::get().mul_floor(payment) / count;
			for dat in submission.trace.iter() {
				// A DAT that cannot be paid any more leaves its part to the agent.
				if !each.is_zero()
					&& with_storage_layer(|| T::Dat::pay(&escrow, *dat, each)).is_ok()
				{
					to_dats.saturating_accrue(each);
				}
			}
		}
		if !burned.is_zero() {
			let fee = T::Currency::withdraw(
				&escrow,
				burned,
				WithdrawReasons::FEE,
				ExistenceRequirement::KeepAlive,
			)?;
			T::ReleaseFeeDestination::on_unbalanced(fee);
		}
		let to_agent = payment.saturating_sub(burned).saturating_sub(to_dats);
		T::Currency::transfer(
			&escrow,
			&Self::account_of(info.agent),
			to_agent,
			ExistenceRequirement::KeepAlive,
		)?;
		Clients::<T>::mutate(&info.client, |record| {
			if let Some(record) = record {
				record.paid.saturating_accrue(payment);
			}
		});
		Self::deposit_event(Event::PaymentReleased {
			task,
			agent: info.agent,
			to_agent,
			to_dats,
			burned,
		});
		Ok(())
	}

	/// Return a task's payment to its client.
	fn refund(task: TaskId, info: &Task<T>) -> DispatchResult {
		T::Currency::transfer(
			&Self::escrow_account(),
			&info.client,
			info.payment,
			ExistenceRequirement::KeepAlive,
		)?;
		Self::deposit_event(Event::PaymentRefunded {
			task,
			client: info.client.clone(),
			amount: info.payment,
		});
		Ok(())
	}

	/// Move `DisputeSlash` of the agent's bond to the client.
	fn slash_to_client(id: AgentId, agent: &mut Agent<T>, client: &T::AccountId) {
		let wanted = T::DisputeSlash::get().mul_floor(agent.bond);
		if wanted.is_zero() {
			return;
		}
		// `repatriate_reserved` returns what it could not move.
		let missing =
			T::Currency::repatriate_reserved(&agent.bonder, client, wanted, BalanceStatus::Free)
				.unwrap_or(wanted);
		let amount = wanted.saturating_sub(missing);
		agent.bond.saturating_reduce(amount);
		Self::deposit_event(Event::BondSlashed { agent: id, client: client.clone(), amount });
	}

	/// Remove an ended task and return its deposit; store the agent's new record.
	fn close(task: TaskId, info: &Task<T>, mut agent: Agent<T>) {
		agent.open_tasks.saturating_dec();
		Agents::<T>::insert(info.agent, agent);
		Tasks::<T>::remove(task);
		AgentTasks::<T>::remove(info.agent, task);
		Clients::<T>::mutate(&info.client, |record| {
			if let Some(record) = record {
				record.open_tasks.saturating_dec();
			}
		});
		T::Currency::unreserve(&info.client, info.deposit);
	}
}
