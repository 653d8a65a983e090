//! What the runtime API `AgentApi` shows: an agent, its reputation, the best agents, and an
//! agent's open tasks.

use crate::{pallet::*, AgentStatus, BalanceOf};
use alloc::{string::String, vec::Vec};
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use lazai_primitives::{
	agents::{AgentView, ReputationPpm, ReputationView, TaskStatus, TaskView},
	dat::AgentId,
};
use sp_runtime::traits::UniqueSaturatedInto;

/// The most agents [`Pallet::top_agents`] returns.
pub const MAX_TOP: u32 = 100;

impl<T: Config> Pallet<T> {
	/// An agent as the runtime API shows it.
	pub fn agent_view(
		agent: AgentId,
	) -> Option<AgentView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let info = Agents::<T>::get(agent)?;
		Some(AgentView {
			id: agent,
			account: Self::account_of(agent),
			controller: info.controller.clone(),
			model: info.model,
			metadata_uri: String::from_utf8_lossy(&info.metadata_uri).into_owned(),
			bond: info.bond,
			registered_at: info.registered_at,
			unbonding_until: match info.status {
				AgentStatus::Active => None,
				AgentStatus::Unbonding { until } => Some(until),
			},
			open_tasks: info.open_tasks,
			succeeded: info.succeeded,
			failed: info.failed,
			reputation: Self::reputation_now(&info),
		})
	}

	/// How an agent's reputation is made up, decayed to now.
	pub fn reputation_view(agent: AgentId) -> Option<ReputationView> {
		let info = Agents::<T>::get(agent)?;
		let evidence = Self::decayed(info.evidence, frame_system::Pallet::<T>::block_number());
		Some(ReputationView {
			agent,
			score: Self::score_of(&evidence),
			success_weight: evidence.success,
			total_weight: evidence.total,
			prior_weight: T::PriorWeight::get().unique_saturated_into(),
		})
	}

	/// The `n` (at most [`MAX_TOP`]) agents with the best reputation now, best first; ties go
	/// to the older agent. Reads every agent: for the runtime API only, never for a call.
	pub fn top_agents(n: u32) -> Vec<(AgentId, ReputationPpm)> {
		let mut all: Vec<_> =
			Agents::<T>::iter().map(|(id, info)| (id, Self::reputation_now(&info))).collect();
		all.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
		all.truncate(n.min(MAX_TOP) as usize);
		all
	}

	/// An agent's open tasks, oldest first.
	pub fn task_views(
		agent: AgentId,
	) -> Vec<TaskView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let mut ids: Vec<_> = AgentTasks::<T>::iter_key_prefix(agent).collect();
		ids.sort_unstable();
		ids.into_iter()
			.filter_map(|id| {
				let task = Tasks::<T>::get(id)?;
				Some(TaskView {
					id,
					agent,
					client: task.client,
					payment: task.payment,
					spec_hash: task.spec_hash,
					deadline: task.deadline,
					status: match task.submission {
						None => TaskStatus::Open,
						Some(submission) => TaskStatus::Submitted {
							result_hash: submission.result_hash,
							trace: submission.trace.into_inner(),
							evidence: submission.evidence,
							rate_by: submission.rate_by,
						},
					},
				})
			})
			.collect()
	}
}
