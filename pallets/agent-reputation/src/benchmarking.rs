//! Benchmarks of every call in its worst case. Components: `u` bytes of description, `t` DATs
//! in an attention trace.

use super::*;
use crate::pallet::{Agents, Clients, Config, Pallet, Tasks};
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{Currency, Get};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use lazai_primitives::{agents::TaskId, dat::AgentId};
use sp_core::H256;
use sp_runtime::{traits::Saturating, BoundedVec};

const SEED: u32 = 0;

/// An account with enough for bonds, deposits and payments.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	let enough = T::MinBond::get()
		.saturating_add(T::MaxCountedPayment::get())
		.saturating_add(T::MinPayment::get())
		.saturating_mul(100u32.into());
	T::Currency::make_free_balance_be(&who, enough);
	who
}

fn uri<T: Config>(len: u32) -> UriOf<T> {
	BoundedVec::truncate_from(vec![b'u'; len as usize])
}

/// An agent that `controller` controls, running a registered model.
fn agent_of<T: Config>(controller: &T::AccountId) -> AgentId {
	let agent = NextAgentId::<T>::get();
	let model = T::BenchmarkHelper::model(controller);
	Pallet::<T>::do_register(
		controller.clone(),
		controller.clone(),
		Some(model),
		uri::<T>(T::MaxUriLen::get()),
		T::MinBond::get(),
	)
	.expect("the benchmark's agent registers");
	agent
}

/// A payment large enough for every share of it to be non-zero.
fn payment<T: Config>() -> BalanceOf<T> {
	T::MinPayment::get().saturating_mul(1_000u32.into())
}

fn deadline<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number().saturating_add(T::MaxTaskDuration::get())
}

/// A task `client` opened for `agent`.
fn task_for<T: Config>(agent: AgentId, client: &T::AccountId) -> TaskId {
	let task = NextTaskId::<T>::get();
	Pallet::<T>::do_open(client.clone(), agent, payment::<T>(), H256::zero(), deadline::<T>())
		.expect("the benchmark's task opens");
	task
}

/// `t` DATs anyone may use, anchored by another account.
fn dats<T: Config>(t: u32) -> TraceOf<T> {
	let owner = funded::<T>("dat owner", 0);
	let dats: Vec<_> = (0..t).map(|i| T::BenchmarkHelper::anchor(&owner, i)).collect();
	BoundedVec::truncate_from(dats)
}

/// An agent's task answered with a trace of `t` DATs and verified evidence; returns the task
/// and its client.
fn answered<T: Config>(t: u32) -> (TaskId, T::AccountId) {
	let controller = funded::<T>("controller", 0);
	let agent = agent_of::<T>(&controller);
	let client = funded::<T>("client", 0);
	let task = task_for::<T>(agent, &client);
	let evidence = T::BenchmarkHelper::verified_statement();
	Pallet::<T>::do_submit(controller, task, H256::zero(), dats::<T>(t), Some(evidence))
		.expect("the benchmark's result is accepted");
	(task, client)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_agent(u: Linear<0, { T::MaxUriLen::get() }>) {
		let caller = funded::<T>("caller", 0);
		let model = T::BenchmarkHelper::model(&caller);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(caller.clone()),
			caller.clone(),
			Some(model),
			uri::<T>(u),
			T::MinBond::get(),
		);

		assert!(Agents::<T>::contains_key(0));
	}

	#[benchmark]
	fn update_agent(u: Linear<0, { T::MaxUriLen::get() }>) {
		let caller = funded::<T>("caller", 0);
		let agent = agent_of::<T>(&caller);
		let model = T::BenchmarkHelper::model(&caller);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), agent, Some(model), uri::<T>(u));

		assert_eq!(Agents::<T>::get(agent).map(|a| a.metadata_uri.len() as u32), Some(u));
	}

	#[benchmark]
	fn deregister_agent() {
		let caller = funded::<T>("caller", 0);
		let agent = agent_of::<T>(&caller);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), agent);

		assert!(Agents::<T>::get(agent).is_some_and(|a| a.status != AgentStatus::Active));
	}

	#[benchmark]
	fn withdraw_bond() {
		let caller = funded::<T>("caller", 0);
		let agent = agent_of::<T>(&caller);
		Pallet::<T>::do_deregister(caller.clone(), agent).expect("no open tasks");
		let later =
			frame_system::Pallet::<T>::block_number().saturating_add(T::UnbondingPeriod::get());
		frame_system::Pallet::<T>::set_block_number(later);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), agent);

		assert!(!Agents::<T>::contains_key(agent));
	}

	#[benchmark]
	fn claim_earnings() {
		let caller = funded::<T>("caller", 0);
		let agent = agent_of::<T>(&caller);
		T::Currency::make_free_balance_be(&Pallet::<T>::account_of(agent), payment::<T>());

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), agent);

		assert!(T::Currency::free_balance(&Pallet::<T>::account_of(agent)) == 0u32.into());
	}

	/// Worst case: a new client, whose record is created.
	#[benchmark]
	fn open_task() {
		let controller = funded::<T>("controller", 0);
		let agent = agent_of::<T>(&controller);
		let client = funded::<T>("client", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(client.clone()), agent, payment::<T>(), H256::zero(), deadline::<T>());

		assert!(Clients::<T>::contains_key(&client));
	}

	/// `t` traced DATs, each recorded as a first use; with verified evidence.
	#[benchmark]
	fn submit_result(t: Linear<0, { T::MaxTraceLen::get() }>) {
		let controller = funded::<T>("controller", 0);
		let agent = agent_of::<T>(&controller);
		let client = funded::<T>("client", 0);
		let task = task_for::<T>(agent, &client);
		let trace = dats::<T>(t);
		let evidence = T::BenchmarkHelper::verified_statement();

		#[extrinsic_call]
		_(RawOrigin::Signed(controller), task, H256::zero(), trace, Some(evidence));

		assert!(Tasks::<T>::get(task).is_some_and(|task| task.submission.is_some()));
	}

	/// A success: `t` traced DATs paid, the fee burned, the agent paid.
	#[benchmark]
	fn rate_success(t: Linear<0, { T::MaxTraceLen::get() }>) {
		let (task, client) = answered::<T>(t);

		#[extrinsic_call]
		rate_task(RawOrigin::Signed(client), task, true, 100);

		assert!(!Tasks::<T>::contains_key(task));
	}

	/// A failure: the payment refunded and part of the bond slashed.
	#[benchmark]
	fn rate_failure() {
		let (task, client) = answered::<T>(0);

		#[extrinsic_call]
		rate_task(RawOrigin::Signed(client), task, false, 0);

		assert!(!Tasks::<T>::contains_key(task));
	}

	/// A task with no result by its deadline: refunded.
	#[benchmark]
	fn expire_open() {
		let controller = funded::<T>("controller", 0);
		let agent = agent_of::<T>(&controller);
		let client = funded::<T>("client", 0);
		let task = task_for::<T>(agent, &client);
		frame_system::Pallet::<T>::set_block_number(deadline::<T>().saturating_add(1u32.into()));

		#[extrinsic_call]
		expire_task(RawOrigin::Signed(client), task);

		assert!(!Tasks::<T>::contains_key(task));
	}

	/// A result left unrated: released to `t` DATs and the agent.
	#[benchmark]
	fn expire_submitted(t: Linear<0, { T::MaxTraceLen::get() }>) {
		let (task, client) = answered::<T>(t);
		let later = frame_system::Pallet::<T>::block_number()
			.saturating_add(T::RatingPeriod::get())
			.saturating_add(1u32.into());
		frame_system::Pallet::<T>::set_block_number(later);

		#[extrinsic_call]
		expire_task(RawOrigin::Signed(client), task);

		assert!(!Tasks::<T>::contains_key(task));
	}

	#[benchmark]
	fn close_client() {
		let controller = funded::<T>("controller", 0);
		let agent = agent_of::<T>(&controller);
		let client = funded::<T>("client", 0);
		let task = task_for::<T>(agent, &client);
		Pallet::<T>::do_submit(controller, task, H256::zero(), Default::default(), None)
			.expect("answered");
		Pallet::<T>::do_rate(client.clone(), task, true, 100).expect("rated");

		#[extrinsic_call]
		_(RawOrigin::Signed(client.clone()));

		assert!(!Clients::<T>::contains_key(&client));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
