//! Unit tests: every call, error, origin and timeout path; the reputation formula's worked
//! examples; the anti-pumping bound; and that every unit of a payment is accounted for.

use crate::{
	mock::*, AgentStatus, AgentTasks, Agents, Clients, Error, Event, Evidence, Tasks, WeightInfo,
};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::{DispatchResultWithPostInfo, GetDispatchInfo},
	traits::Currency,
};
use lazai_primitives::{
	agents::ReputationProvider,
	dat::{Access, AgentId, Consumer, ConsumerAuthority, DatId, DataKind, UsagePolicy},
};
use sp_core::H256;
use sp_runtime::{traits::BadOrigin, Perbill, TokenError};

type AgentsPallet = crate::Pallet<Test>;

fn uri(text: &str) -> crate::UriOf<Test> {
	text.as_bytes().to_vec().try_into().unwrap()
}

/// Alice registers an agent she controls, bonding `MIN_BOND`; returns its id.
fn register() -> AgentId {
	register_as(ALICE, ALICE)
}

fn register_as(bonder: AccountId, controller: AccountId) -> AgentId {
	let agent = crate::NextAgentId::<Test>::get();
	assert_ok!(AgentReputation::register_agent(
		RuntimeOrigin::signed(bonder),
		controller,
		None,
		uri("ipfs://agent"),
		MIN_BOND,
	));
	agent
}

/// `client` hires `agent` for `payment`, due in 50 blocks; returns the task's id.
fn open(agent: AgentId, client: AccountId, payment: Balance) -> u64 {
	let task = crate::NextTaskId::<Test>::get();
	let deadline = System::block_number() + 50;
	assert_ok!(AgentReputation::open_task(
		RuntimeOrigin::signed(client),
		agent,
		payment,
		H256::repeat_byte(1),
		deadline,
	));
	task
}

fn trace(dats: &[DatId]) -> crate::TraceOf<Test> {
	dats.to_vec().try_into().unwrap()
}

/// Alice submits a result for `task` with `dats` as its trace and no evidence.
fn submit(task: u64, dats: &[DatId]) {
	assert_ok!(AgentReputation::submit_result(
		RuntimeOrigin::signed(ALICE),
		task,
		H256::repeat_byte(2),
		trace(dats),
		None,
	));
}

/// `owner` anchors a dataset under `policy`; returns its id.
fn anchor(owner: AccountId, seed: u8, policy: pallet_dat::PolicyOf<Test>) -> DatId {
	let dat = pallet_dat::NextDatId::<Test>::get();
	assert_ok!(Dat::anchor(
		RuntimeOrigin::signed(owner),
		H256::repeat_byte(seed),
		b"ipfs://data".to_vec().try_into().unwrap(),
		DataKind::Dataset,
		Default::default(),
		policy,
	));
	dat
}

fn free(who: &AccountId) -> Balance {
	Balances::free_balance(who)
}

fn escrow() -> Balance {
	free(&AgentsPallet::escrow_account())
}

fn evidence(agent: AgentId) -> Evidence<u64> {
	Agents::<Test>::get(agent).unwrap().evidence
}

fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::AgentReputation(event) => Some(event),
			_ => None,
		})
		.collect()
}

// ---- agents ---------------------------------------------------------------------------------

#[test]
fn registering_bonds_the_caller_and_gives_the_agent_an_account() {
	new_test_ext().execute_with(|| {
		// Bob bonds an agent that Charlie controls, running model 7.
		assert_ok!(AgentReputation::register_agent(
			RuntimeOrigin::signed(BOB),
			CHARLIE,
			Some(MODEL),
			uri("ipfs://agent"),
			MIN_BOND + 5,
		));
		let account = AgentsPallet::account_of(0);
		System::assert_last_event(
			Event::AgentRegistered {
				agent: 0,
				controller: CHARLIE,
				account: account.clone(),
				bond: MIN_BOND + 5,
			}
			.into(),
		);
		assert_eq!(Balances::reserved_balance(BOB), MIN_BOND + 5);
		let info = Agents::<Test>::get(0).unwrap();
		assert_eq!((info.controller, info.bonder, info.model), (CHARLIE, BOB, Some(MODEL)));
		assert_eq!(info.status, AgentStatus::Active);
		assert_ne!(account, AgentsPallet::escrow_account());
		assert_ne!(account, AgentsPallet::account_of(1));
		assert_eq!(AgentsPallet::reputation(0), Some(0), "no evidence, no reputation");
		assert_eq!(<AgentsPallet as ReputationProvider<_>>::controller(0), Some(CHARLIE));
		assert_eq!(AgentsPallet::reputation(1), None);
		// The controller uses DATs as the agent; nobody else does.
		assert!(AgentsPallet::may_act_as(&CHARLIE, &Consumer::Agent(0)));
		assert!(!AgentsPallet::may_act_as(&BOB, &Consumer::Agent(0)));
		assert!(!AgentsPallet::may_act_as(&CHARLIE, &Consumer::Agent(1)));
	});
}

#[test]
fn registration_is_checked() {
	new_test_ext().execute_with(|| {
		let register = |bond, model| {
			AgentReputation::register_agent(
				RuntimeOrigin::signed(ALICE),
				ALICE,
				model,
				uri("x"),
				bond,
			)
		};
		assert_noop!(register(MIN_BOND - 1, None), Error::<Test>::BondTooLow);
		assert_noop!(register(MIN_BOND, Some(MODEL + 1)), Error::<Test>::UnknownModel);
		assert_noop!(
			register(ENDOWMENT * 2, None),
			pallet_balances::Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			AgentReputation::register_agent(RuntimeOrigin::none(), ALICE, None, uri("x"), MIN_BOND),
			BadOrigin
		);
	});
}

#[test]
fn only_the_controller_updates_an_agent() {
	new_test_ext().execute_with(|| {
		let agent = register();
		assert_noop!(
			AgentReputation::update_agent(RuntimeOrigin::signed(BOB), agent, None, uri("y")),
			Error::<Test>::NotController
		);
		assert_noop!(
			AgentReputation::update_agent(RuntimeOrigin::signed(ALICE), 9, None, uri("y")),
			Error::<Test>::UnknownAgent
		);
		assert_noop!(
			AgentReputation::update_agent(RuntimeOrigin::signed(ALICE), agent, Some(3), uri("y")),
			Error::<Test>::UnknownModel
		);
		assert_ok!(AgentReputation::update_agent(
			RuntimeOrigin::signed(ALICE),
			agent,
			Some(MODEL),
			uri("ipfs://v2")
		));
		System::assert_last_event(Event::AgentUpdated { agent }.into());
		let info = Agents::<Test>::get(agent).unwrap();
		assert_eq!(
			(info.model, info.metadata_uri.into_inner()),
			(Some(MODEL), b"ipfs://v2".to_vec())
		);
	});
}

#[test]
fn deregistering_waits_for_open_tasks_then_the_unbonding_period() {
	new_test_ext().execute_with(|| {
		let agent = register();
		let task = open(agent, BOB, 1_000);
		assert_noop!(
			AgentReputation::deregister_agent(RuntimeOrigin::signed(ALICE), agent),
			Error::<Test>::HasOpenTasks
		);
		assert_noop!(
			AgentReputation::withdraw_bond(RuntimeOrigin::signed(DAVE), agent),
			Error::<Test>::NotDeregistered
		);
		submit(task, &[]);
		assert_ok!(AgentReputation::rate_task(RuntimeOrigin::signed(BOB), task, true, 100));
		assert_noop!(
			AgentReputation::deregister_agent(RuntimeOrigin::signed(BOB), agent),
			Error::<Test>::NotController
		);
		assert_ok!(AgentReputation::deregister_agent(RuntimeOrigin::signed(ALICE), agent));
		let until = 1 + UNBONDING_PERIOD;
		System::assert_last_event(Event::AgentDeregistered { agent, until }.into());
		assert_noop!(
			AgentReputation::deregister_agent(RuntimeOrigin::signed(ALICE), agent),
			Error::<Test>::AgentNotActive
		);
		// A deregistered agent takes no tasks.
		assert_noop!(
			AgentReputation::open_task(RuntimeOrigin::signed(BOB), agent, 1_000, H256::zero(), 30),
			Error::<Test>::AgentNotActive
		);
		System::set_block_number(until - 1);
		assert_noop!(
			AgentReputation::withdraw_bond(RuntimeOrigin::signed(DAVE), agent),
			Error::<Test>::StillUnbonding
		);
		System::set_block_number(until);
		assert_ok!(AgentReputation::withdraw_bond(RuntimeOrigin::signed(DAVE), agent));
		System::assert_last_event(
			Event::BondWithdrawn { agent, bonder: ALICE, amount: MIN_BOND }.into(),
		);
		assert_eq!(Balances::reserved_balance(ALICE), 0);
		assert!(!Agents::<Test>::contains_key(agent));
		assert_noop!(
			AgentReputation::withdraw_bond(RuntimeOrigin::signed(DAVE), agent),
			Error::<Test>::UnknownAgent
		);
	});
}

#[test]
fn the_controller_claims_what_the_agents_account_earned() {
	new_test_ext().execute_with(|| {
		let agent = register();
		assert_noop!(
			AgentReputation::claim_earnings(RuntimeOrigin::signed(ALICE), agent),
			Error::<Test>::NothingToClaim
		);
		let task = open(agent, BOB, 1_000);
		submit(task, &[]);
		assert_ok!(AgentReputation::rate_task(RuntimeOrigin::signed(BOB), task, true, 80));
		let earned = free(&AgentsPallet::account_of(agent));
		assert_eq!(earned, 1_000 - 20, "all but the 2 % fee");
		assert_noop!(
			AgentReputation::claim_earnings(RuntimeOrigin::signed(BOB), agent),
			Error::<Test>::NotController
		);
		let before = free(&ALICE);
		assert_ok!(AgentReputation::claim_earnings(RuntimeOrigin::signed(ALICE), agent));
		System::assert_last_event(
			Event::EarningsClaimed { agent, to: ALICE, amount: earned }.into(),
		);
		assert_eq!(free(&ALICE), before + earned);
		assert_eq!(free(&AgentsPallet::account_of(agent)), 0);
	});
}

#[test]
fn every_call_needs_a_signed_origin() {
	new_test_ext().execute_with(|| {
		let agent = register();
		let task = open(agent, BOB, 1_000);
		let none = || RuntimeOrigin::none();
		assert_noop!(AgentReputation::update_agent(none(), agent, None, uri("y")), BadOrigin);
		assert_noop!(AgentReputation::deregister_agent(none(), agent), BadOrigin);
		assert_noop!(AgentReputation::withdraw_bond(none(), agent), BadOrigin);
		assert_noop!(AgentReputation::claim_earnings(none(), agent), BadOrigin);
		assert_noop!(
			AgentReputation::submit_result(none(), task, H256::zero(), trace(&[]), None),
			BadOrigin
		);
		assert_noop!(AgentReputation::close_client(none()), BadOrigin);
		assert_noop!(AgentReputation::deregister_agent(RuntimeOrigin::root(), agent), BadOrigin);
	});
}

// ---- tasks ----------------------------------------------------------------------------------

#[test]
fn opening_a_task_escrows_the_payment_and_reserves_the_deposits() {
	new_test_ext().execute_with(|| {
		let agent = register();
		let escrow_before = escrow();
		let task = open(agent, BOB, 1_000);
		System::assert_last_event(
			Event::TaskOpened { task, agent, client: BOB, payment: 1_000, deadline: 51 }.into(),
		);
		assert_eq!(escrow(), escrow_before + 1_000);
		assert_eq!(Balances::reserved_balance(BOB), TASK_DEPOSIT + CLIENT_DEPOSIT);
		assert_eq!(free(&BOB), ENDOWMENT - 1_000 - TASK_DEPOSIT - CLIENT_DEPOSIT);
		assert!(AgentTasks::<Test>::contains_key(agent, task));
		assert_eq!(Agents::<Test>::get(agent).unwrap().open_tasks, 1);
		assert_eq!(Clients::<Test>::get(BOB).unwrap().open_tasks, 1);
		// The client deposit is reserved once.
		open(agent, BOB, 1_000);
		assert_eq!(Balances::reserved_balance(BOB), 2 * TASK_DEPOSIT + CLIENT_DEPOSIT);
	});
}

#[test]
fn opening_a_task_is_checked() {
	new_test_ext().execute_with(|| {
		let agent = register_as(EVE, ALICE);
		let open_as = |who: AccountId, payment, deadline| {
			AgentReputation::open_task(
				RuntimeOrigin::signed(who),
				agent,
				payment,
				H256::zero(),
				deadline,
			)
		};
		assert_noop!(
			AgentReputation::open_task(RuntimeOrigin::signed(BOB), 9, 1_000, H256::zero(), 10),
			Error::<Test>::UnknownAgent
		);
		// Neither the controller, nor the bonder, nor the agent's account may hire it.
		assert_noop!(open_as(ALICE, 1_000, 10), Error::<Test>::OwnAgent);
		assert_noop!(open_as(EVE, 1_000, 10), Error::<Test>::OwnAgent);
		assert_noop!(open_as(AgentsPallet::account_of(agent), 1_000, 10), Error::<Test>::OwnAgent);
		assert_noop!(open_as(BOB, MIN_PAYMENT - 1, 10), Error::<Test>::PaymentTooLow);
		assert_noop!(open_as(BOB, 1_000, 1), Error::<Test>::InvalidDeadline);
		assert_noop!(open_as(BOB, 1_000, 102), Error::<Test>::InvalidDeadline);
		assert_ok!(open_as(BOB, 1_000, 101));
		assert_noop!(open_as(BOB, ENDOWMENT, 10), TokenError::FundsUnavailable);
		assert_noop!(
			AgentReputation::open_task(RuntimeOrigin::none(), agent, 1_000, H256::zero(), 10),
			BadOrigin
		);
		// At most `MaxOpenTasks` per agent and per client.
		open(agent, BOB, 1_000);
		open(agent, CHARLIE, 1_000);
		assert_noop!(open_as(DAVE, 1_000, 10), Error::<Test>::TooManyOpenTasks);
		// Bob has two open tasks with the first agent; a third with another is his last.
		let other = register_as(EVE, EVE);
		open(other, BOB, 1_000);
		assert_noop!(
			AgentReputation::open_task(RuntimeOrigin::signed(BOB), other, 1_000, H256::zero(), 10),
			Error::<Test>::TooManyOpenTasks
		);
	});
}

#[test]
fn a_result_records_every_traced_dat_as_used_by_the_agent() {
	new_test_ext().execute_with(|| {
		let agent = register();
		let first = anchor(DAVE, 1, Default::default());
		let second = anchor(DAVE, 2, Default::default());
		let task = open(agent, BOB, 1_000);
		submit(task, &[first, second]);
		System::assert_last_event(
			Event::ResultSubmitted {
				task,
				agent,
				result_hash: H256::repeat_byte(2),
				trace: 2,
				verified: false,
			}
			.into(),
		);
		for dat in [first, second] {
			let record = pallet_dat::ConsumerRecords::<Test>::get(dat, Consumer::Agent(agent));
			assert_eq!(record.map(|r| r.uses), Some(1));
		}
		let submission = Tasks::<Test>::get(task).unwrap().submission.unwrap();
		assert_eq!(submission.rate_by, 1 + RATING_PERIOD);
		assert_eq!(submission.trace.into_inner(), vec![first, second]);
	});
}

#[test]
fn a_dat_the_agent_may_not_use_fails_the_submission_with_the_dat_pallets_error() {
	new_test_ext().execute_with(|| {
		let agent = register();
		let open_dat = anchor(DAVE, 1, Default::default());
		let closed =
			UsagePolicy { access: Access::AllowList(Default::default()), ..Default::default() };
		let closed_dat = anchor(DAVE, 2, closed);
		let task = open(agent, BOB, 1_000);
		assert_noop!(
			AgentReputation::submit_result(
				RuntimeOrigin::signed(ALICE),
				task,
				H256::zero(),
				trace(&[open_dat, closed_dat]),
				None
			),
			pallet_dat::Error::<Test>::NotAllowed
		);
		assert_noop!(
			AgentReputation::submit_result(
				RuntimeOrigin::signed(ALICE),
				task,
				H256::zero(),
				trace(&[open_dat, 99]),
				None
			),
			pallet_dat::Error::<Test>::UnknownDat
		);
		// Allowed once the DAT lists the agent.
		let listed = UsagePolicy {
			access: Access::AllowList(vec![Consumer::Agent(agent)].try_into().unwrap()),
			..Default::default()
		};
		assert_ok!(Dat::set_policy(RuntimeOrigin::signed(DAVE), closed_dat, listed));
		submit(task, &[open_dat, closed_dat]);
	});
}

#[test]
fn a_submission_is_checked() {
	new_test_ext().execute_with(|| {
		let agent = register();
		let dat = anchor(DAVE, 1, Default::default());
		let task = open(agent, BOB, 1_000);
		let submit_as = |who: AccountId, task, dats: &[DatId], evidence| {
			AgentReputation::submit_result(
				RuntimeOrigin::signed(who),
				task,
				H256::zero(),
				trace(dats),
				evidence,
			)
		};
		assert_noop!(submit_as(ALICE, 9, &[], None), Error::<Test>::UnknownTask);
		assert_noop!(submit_as(BOB, task, &[], None), Error::<Test>::NotController);
		assert_noop!(submit_as(ALICE, task, &[dat, dat], None), Error::<Test>::DuplicateTraceDat);
		assert_noop!(
			submit_as(ALICE, task, &[], Some(H256::repeat_byte(9))),
			Error::<Test>::EvidenceNotVerified
		);
		assert!(crate::TraceOf::<Test>::try_from(vec![1, 2, 3, 4]).is_err(), "at most 3 DATs");
		System::set_block_number(52);
		assert_noop!(submit_as(ALICE, task, &[], None), Error::<Test>::DeadlinePassed);
		System::set_block_number(51);
		assert_ok!(submit_as(ALICE, task, &[], None));
		assert_noop!(submit_as(ALICE, task, &[], None), Error::<Test>::AlreadySubmitted);
	});
}

#[test]
fn a_success_pays_the_traced_dats_burns_the_fee_and_pays_the_agent_the_rest() {
	new_test_ext().execute_with(|| {
		let agent = register();
		let first = anchor(DAVE, 1, Default::default());
		let second = anchor(CHARLIE, 2, Default::default());
		let task = open(agent, BOB, 1_001);
		submit(task, &[first, second]);
		let issuance = Balances::total_issuance();
		let escrow_before = escrow();
		assert_ok!(AgentReputation::rate_task(RuntimeOrigin::signed(BOB), task, true, 90));
		// 10 % of 1,001 is 100, 50 to each DAT; 2 % rounded up is 21, burned; 880 to the agent.
		assert!(events().contains(&Event::PaymentReleased {
			task,
			agent,
			to_agent: 880,
			to_dats: 100,
			burned: 21
		}));
		assert_eq!(free(&AgentsPallet::account_of(agent)), 880);
		assert_eq!(escrow(), escrow_before - 1_001);
		assert_eq!(Balances::total_issuance(), issuance - 21);
		for (dat, holder) in [(first, DAVE), (second, CHARLIE)] {
			let before = free(&holder);
			assert_ok!(Dat::claim_revenue(RuntimeOrigin::signed(holder.clone()), dat));
			assert_eq!(free(&holder), before + 50);
		}
		// The task is gone, the deposit back, the payment counted for Bob's standing.
		assert!(!Tasks::<Test>::contains_key(task));
		assert!(!AgentTasks::<Test>::contains_key(agent, task));
		assert_eq!(Balances::reserved_balance(BOB), CLIENT_DEPOSIT);
		let client = Clients::<Test>::get(BOB).unwrap();
		assert_eq!((client.paid, client.open_tasks), (1_001, 0));
		let info = Agents::<Test>::get(agent).unwrap();
		assert_eq!((info.open_tasks, info.succeeded, info.failed), (0, 1, 0));
	});
}

#[test]
fn a_failure_refunds_the_client_and_slashes_the_bond_to_it() {
	new_test_ext().execute_with(|| {
		let agent = register();
		let dat = anchor(DAVE, 1, Default::default());
		let task = open(agent, BOB, 1_000);
		submit(task, &[dat]);
		let before = free(&BOB);
		assert_ok!(AgentReputation::rate_task(RuntimeOrigin::signed(BOB), task, false, 0));
		assert!(events().contains(&Event::PaymentRefunded { task, client: BOB, amount: 1_000 }));
		assert!(events().contains(&Event::BondSlashed {
			agent,
			client: BOB,
			amount: MIN_BOND / 10
		}));
		// Payment, task deposit and a tenth of the bond.
		assert_eq!(free(&BOB), before + 1_000 + TASK_DEPOSIT + MIN_BOND / 10);
		// What is left of the bond, and the DAT consumer record Alice paid for as controller.
		assert_eq!(Balances::reserved_balance(ALICE), MIN_BOND - MIN_BOND / 10 + 10);
		let info = Agents::<Test>::get(agent).unwrap();
		assert_eq!((info.bond, info.succeeded, info.failed), (MIN_BOND - MIN_BOND / 10, 0, 1));
		// The DAT was used but is not paid for failed work.
		assert_eq!(pallet_dat::RevenuePools::<Test>::get(dat).received, 0);
	});
}

#[test]
fn rating_is_checked() {
	new_test_ext().execute_with(|| {
		let agent = register();
		let task = open(agent, BOB, 1_000);
		let rate = |who: AccountId, task, rating| {
			AgentReputation::rate_task(RuntimeOrigin::signed(who), task, true, rating)
		};
		assert_noop!(rate(BOB, task, 80), Error::<Test>::NotSubmitted);
		submit(task, &[]);
		assert_noop!(rate(BOB, task, 101), Error::<Test>::InvalidRating);
		assert_noop!(rate(CHARLIE, task, 80), Error::<Test>::NotClient);
		assert_noop!(rate(ALICE, task, 80), Error::<Test>::NotClient);
		assert_noop!(rate(BOB, 9, 80), Error::<Test>::UnknownTask);
		assert_noop!(AgentReputation::rate_task(RuntimeOrigin::none(), task, true, 80), BadOrigin);
		assert_ok!(rate(BOB, task, 80));
		assert_noop!(rate(BOB, task, 80), Error::<Test>::UnknownTask);
	});
}

#[test]
fn rating_and_settling_are_charged_for_the_trace_the_result_has() {
	new_test_ext().execute_with(|| {
		let agent = register();
		let dat = anchor(DAVE, 1, Default::default());
		let charged = |call: crate::Call<Test>| call.get_dispatch_info().call_weight;
		let used = |result: DispatchResultWithPostInfo| result.unwrap().actual_weight.unwrap();
		let full_rating = charged(crate::Call::rate_task { task: 0, success: true, rating: 90 });
		let full_expiry = charged(crate::Call::expire_task { task: 0 });

		// A success is charged for its one traced DAT, a failure for what a failure does.
		let task = open(agent, BOB, 1_000);
		submit(task, &[dat]);
		let success = used(AgentReputation::rate_task(RuntimeOrigin::signed(BOB), task, true, 90));
		assert_eq!(success, <() as WeightInfo>::rate_success(1));
		assert!(success.all_lt(full_rating));
		let task = open(agent, BOB, 1_000);
		submit(task, &[dat]);
		let failure = used(AgentReputation::rate_task(RuntimeOrigin::signed(BOB), task, false, 0));
		assert_eq!(failure, <() as WeightInfo>::rate_failure());
		assert!(failure.all_lte(full_rating));

		// A timed-out task and a result released unrated, with an empty trace.
		let timed_out = open(agent, BOB, 1_000);
		let unrated = open(agent, BOB, 1_000);
		submit(unrated, &[]);
		System::set_block_number(2 + RATING_PERIOD.max(50));
		let expired = used(AgentReputation::expire_task(RuntimeOrigin::signed(DAVE), timed_out));
		assert_eq!(expired, <() as WeightInfo>::expire_open());
		let released = used(AgentReputation::expire_task(RuntimeOrigin::signed(DAVE), unrated));
		assert_eq!(released, <() as WeightInfo>::expire_submitted(0));
		assert!(expired.all_lte(full_expiry) && released.all_lt(full_expiry));
	});
}

#[test]
fn a_task_with_no_result_by_its_deadline_is_refunded_and_counts_against_the_agent() {
	new_test_ext().execute_with(|| {
		let agent = register();
		let task = open(agent, BOB, 1_000);
		System::set_block_number(51);
		assert_noop!(
			AgentReputation::expire_task(RuntimeOrigin::signed(DAVE), task),
			Error::<Test>::NotExpired
		);
		System::set_block_number(52);
		let before = free(&BOB);
		assert_ok!(AgentReputation::expire_task(RuntimeOrigin::signed(DAVE), task));
		// A new client's standing is BaseStanding, 50 %: weight 500.
		assert!(events().contains(&Event::TaskTimedOut {
			task,
			agent,
			weight: 500,
			reputation: 0
		}));
		assert_eq!(free(&BOB), before + 1_000 + TASK_DEPOSIT);
		assert_eq!(evidence(agent).total, 500);
		assert_eq!(Agents::<Test>::get(agent).unwrap().failed, 1);
		assert_eq!(Balances::reserved_balance(ALICE), MIN_BOND, "a timeout slashes nothing");
		assert_noop!(
			AgentReputation::expire_task(RuntimeOrigin::signed(DAVE), task),
			Error::<Test>::UnknownTask
		);
		assert_noop!(AgentReputation::expire_task(RuntimeOrigin::none(), task), BadOrigin);
	});
}

#[test]
fn a_result_left_unrated_is_released_without_touching_the_reputation() {
	new_test_ext().execute_with(|| {
		let agent = register();
		let task = open(agent, BOB, 1_000);
		submit(task, &[]);
		System::set_block_number(1 + RATING_PERIOD);
		assert_noop!(
			AgentReputation::expire_task(RuntimeOrigin::signed(DAVE), task),
			Error::<Test>::NotExpired
		);
		// The client may still rate until then.
		System::set_block_number(2 + RATING_PERIOD);
		assert_ok!(AgentReputation::expire_task(RuntimeOrigin::signed(DAVE), task));
		assert!(events().contains(&Event::PaymentReleased {
			task,
			agent,
			to_agent: 980,
			to_dats: 0,
			burned: 20
		}));
		assert_eq!(evidence(agent), Evidence { success: 0, total: 0, at: 1 });
		let info = Agents::<Test>::get(agent).unwrap();
		assert_eq!((info.open_tasks, info.succeeded, info.failed), (0, 0, 0));
		assert_eq!(Clients::<Test>::get(BOB).unwrap().paid, 1_000);
	});
}

#[test]
fn a_traced_dat_that_can_no_longer_be_paid_leaves_its_part_to_the_agent() {
	new_test_ext().execute_with(|| {
		let agent = register();
		let dat = anchor(DAVE, 1, Default::default());
		let task = open(agent, BOB, 1_000);
		submit(task, &[dat]);
		assert_ok!(Dat::freeze(RuntimeOrigin::root(), dat));
		assert_ok!(AgentReputation::rate_task(RuntimeOrigin::signed(BOB), task, true, 100));
		assert!(events().contains(&Event::PaymentReleased {
			task,
			agent,
			to_agent: 980,
			to_dats: 0,
			burned: 20
		}));
	});
}

#[test]
fn a_client_closes_its_record_when_it_has_no_open_tasks() {
	new_test_ext().execute_with(|| {
		let agent = register();
		assert_noop!(
			AgentReputation::close_client(RuntimeOrigin::signed(BOB)),
			Error::<Test>::UnknownClient
		);
		let task = open(agent, BOB, 1_000);
		assert_noop!(
			AgentReputation::close_client(RuntimeOrigin::signed(BOB)),
			Error::<Test>::ClientHasOpenTasks
		);
		submit(task, &[]);
		assert_ok!(AgentReputation::rate_task(RuntimeOrigin::signed(BOB), task, true, 100));
		assert_ok!(AgentReputation::close_client(RuntimeOrigin::signed(BOB)));
		System::assert_last_event(Event::ClientClosed { client: BOB }.into());
		assert_eq!(Balances::reserved_balance(BOB), 0);
		assert!(!Clients::<Test>::contains_key(BOB));
	});
}

// ---- the reputation formula, worked ---------------------------------------------------------

#[test]
fn the_formula_gives_the_documented_examples() {
	new_test_ext().execute_with(|| {
		let score = |success, total| AgentsPallet::score_of(&Evidence { success, total, at: 1 });
		// reputation = 1,000,000 × success / (total + PriorWeight 1,000)
		assert_eq!(score(0, 0), 0);
		assert_eq!(score(1_000, 1_000), 500_000, "PriorWeight of pure success: half");
		assert_eq!(score(3_000, 3_000), 750_000);
		assert_eq!(score(1_500, 3_000), 375_000);
		// standing = 50 % + 50 % × paid / (paid + 1,000)
		assert_eq!(AgentsPallet::standing(0), Perbill::from_percent(50));
		assert_eq!(AgentsPallet::standing(1_000), Perbill::from_percent(75));
		assert_eq!(AgentsPallet::standing(3_000), Perbill::from_rational(875u32, 1000u32));
		// w = min(payment, 10,000) × standing × (2 for a verified success)
		let half = Perbill::from_percent(50);
		assert_eq!(AgentsPallet::task_weight(1_000, half, false), 500);
		assert_eq!(AgentsPallet::task_weight(1_000, half, true), 1_000);
		assert_eq!(
			AgentsPallet::task_weight(50_000, half, false),
			5_000,
			"payments count up to the cap"
		);
		// Decay: half of it kept every 10 blocks, whole periods only.
		let start = Evidence { success: 800, total: 1_600, at: 1 };
		assert_eq!(AgentsPallet::decayed(start, 10), start);
		assert_eq!(AgentsPallet::decayed(start, 11), Evidence { success: 400, total: 800, at: 11 });
		assert_eq!(AgentsPallet::decayed(start, 35), Evidence { success: 100, total: 200, at: 31 });
	});
}

#[test]
fn ratings_build_a_reputation_that_decays() {
	new_test_ext().execute_with(|| {
		let agent = register();
		// Bob, a new client (standing 50 %), pays 1,000 and rates 80: weight 500, success 400.
		let task = open(agent, BOB, 1_000);
		submit(task, &[]);
		assert_ok!(AgentReputation::rate_task(RuntimeOrigin::signed(BOB), task, true, 80));
		assert!(events().contains(&Event::TaskRated {
			task,
			agent,
			success: true,
			rating: 80,
			weight: 500,
			reputation: 266_666
		}));
		assert_eq!(evidence(agent), Evidence { success: 400, total: 500, at: 1 });
		// Bob has paid 1,000 now (standing 75 %); a verified success of 2,000 rated 100 weighs
		// 2,000 × 75 % × 2 = 3,000.
		let statement = H256::repeat_byte(7);
		verify_statement(statement);
		let task = open(agent, BOB, 2_000);
		assert_ok!(AgentReputation::submit_result(
			RuntimeOrigin::signed(ALICE),
			task,
			H256::zero(),
			trace(&[]),
			Some(statement)
		));
		assert_ok!(AgentReputation::rate_task(RuntimeOrigin::signed(BOB), task, true, 100));
		assert_eq!(evidence(agent), Evidence { success: 3_400, total: 3_500, at: 1 });
		// 1,000,000 × 3,400 / 4,500
		assert_eq!(AgentsPallet::reputation(agent), Some(755_555));
		// Charlie (new, 50 %) fails it for 1,000: weight 500 to the total only.
		let task = open(agent, CHARLIE, 1_000);
		submit(task, &[]);
		assert_ok!(AgentReputation::rate_task(RuntimeOrigin::signed(CHARLIE), task, false, 0));
		assert_eq!(evidence(agent), Evidence { success: 3_400, total: 4_000, at: 1 });
		assert_eq!(AgentsPallet::reputation(agent), Some(680_000));
		// 20 blocks later the evidence has halved twice: 850 / (1,000 + 1,000).
		System::set_block_number(21);
		assert_eq!(AgentsPallet::reputation(agent), Some(425_000));
		let view = AgentsPallet::reputation_view(agent).unwrap();
		assert_eq!(
			(view.success_weight, view.total_weight, view.prior_weight),
			(850, 1_000, 1_000)
		);
	});
}

#[test]
fn a_swarm_of_tiny_self_paid_tasks_stays_within_the_anti_pumping_bound() {
	new_test_ext().execute_with(|| {
		let agent = register();
		let statement = H256::repeat_byte(7);
		verify_statement(statement);
		// One hired task, answered with verified evidence and rated 100 by its client.
		let pumped_task = |agent: AgentId, controller: &AccountId, client: &AccountId, payment| {
			let task = open(agent, client.clone(), payment);
			assert_ok!(AgentReputation::submit_result(
				RuntimeOrigin::signed(controller.clone()),
				task,
				H256::zero(),
				trace(&[]),
				Some(statement)
			));
			assert_ok!(AgentReputation::rate_task(
				RuntimeOrigin::signed(client.clone()),
				task,
				true,
				100
			));
		};
		// The agent's owner funds 90 fresh accounts; each pays the minimum once.
		let issuance = Balances::total_issuance();
		for n in 10..100u8 {
			let sybil = account(n);
			let _ = Balances::deposit_creating(&sybil, 1_000);
			pumped_task(agent, &ALICE, &sybil, MIN_PAYMENT);
		}
		let burned = issuance + 90 * 1_000 - Balances::total_issuance();
		assert_eq!(burned, 90 * 2, "2 % of each 100");
		let view = AgentsPallet::reputation_view(agent).unwrap();
		// Each unit of weight cost at least ReleaseFee / EvidenceMultiplier (1 %) burned.
		assert_eq!(view.total_weight, 90 * 100);
		assert!(view.total_weight <= burned * 100);
		// burned ≥ ReleaseFee × PriorWeight × s / ((1 − s) × m), s in parts per million.
		let s = view.score as u128;
		assert_eq!(s, 900_000);
		assert!(burned * (1_000_000 - s) * 100 * 2 >= 2 * PRIOR_WEIGHT * s);

		// One fresh client paying the same total once earns exactly as much: splitting a
		// payment into many tiny tasks adds nothing.
		let whale = account(100);
		let _ = Balances::deposit_creating(&whale, 100_000);
		let other = register_as(EVE, EVE);
		pumped_task(other, &EVE, &whale, 90 * MIN_PAYMENT);
		assert_eq!(AgentsPallet::reputation_view(other).unwrap().total_weight, view.total_weight);
		assert_eq!(AgentsPallet::reputation(other), Some(view.score));
	});
}

// ---- conservation ---------------------------------------------------------------------------

#[test]
fn every_unit_of_every_payment_is_accounted_for() {
	new_test_ext().execute_with(|| {
		let agent = register();
		let dats = [anchor(DAVE, 1, Default::default()), anchor(DAVE, 2, Default::default())];
		let issuance = Balances::total_issuance();
		let escrow_start = escrow();
		let clients = [BOB, CHARLIE];
		let spendable = |who: &AccountId| free(who) + Balances::reserved_balance(who);
		let start: Balance = clients.iter().map(spendable).sum();
		let payments = [101u128, 333, 999, 1_234, 577, 250];
		for (i, payment) in payments.iter().enumerate() {
			let client = clients[i % 2].clone();
			let task = open(agent, client.clone(), *payment);
			match i % 3 {
				0 => {
					submit(task, &dats);
					assert_ok!(AgentReputation::rate_task(
						RuntimeOrigin::signed(client),
						task,
						true,
						70
					));
				},
				1 => {
					submit(task, &dats[..1]);
					assert_ok!(AgentReputation::rate_task(
						RuntimeOrigin::signed(client),
						task,
						false,
						0
					));
				},
				_ => {
					System::set_block_number(System::block_number() + 60);
					assert_ok!(AgentReputation::expire_task(RuntimeOrigin::signed(EVE), task));
				},
			}
		}
		let sum = |amount: fn(&Event<Test>) -> Option<Balance>| -> Balance {
			events().iter().filter_map(amount).sum()
		};
		let released = sum(|event| match event {
			Event::PaymentReleased { to_agent, to_dats, burned, .. } => {
				Some(to_agent + to_dats + burned)
			},
			_ => None,
		});
		let refunded = sum(|event| match event {
			Event::PaymentRefunded { amount, .. } => Some(*amount),
			_ => None,
		});
		let slashed = sum(|event| match event {
			Event::BondSlashed { amount, .. } => Some(*amount),
			_ => None,
		});
		assert_eq!(released + refunded, payments.iter().sum::<Balance>());
		assert_eq!(escrow(), escrow_start, "nothing is left in escrow");
		let end: Balance = clients.iter().map(spendable).sum();
		// The clients lost exactly what was released, less the slashes they received.
		assert_eq!(start - end + slashed, released);
		let agent_account = free(&AgentsPallet::account_of(agent));
		let dat_pot = free(&Dat::revenue_account());
		let burned = issuance - Balances::total_issuance();
		assert_eq!(agent_account + (dat_pot - 1) + burned, released, "the DAT pot keeps its 1 ED");
	});
}
