use crate::{
	mock::*, EnsureGovernanceIdao, Error, Event, GovernanceIdao, Idaos, Members, Memberships,
	Outcome, Proposals, Rules, Tally, Votes,
};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok, dispatch::GetDispatchInfo, traits::EnsureOrigin, weights::Weight,
};
use lazai_primitives::dat::{Access, Consumer, ConsumerAuthority, DataKind, IdaoId, UsagePolicy};
use sp_core::H256;
use sp_runtime::{traits::BadOrigin, DispatchError, Perbill, TokenError};

type ProposalIndex = crate::ProposalIndex;

/// Alice creates an iDAO with `members` (she joins with weight 1 unless listed) under
/// [`majority`] rules.
fn create(members: Vec<(AccountId, u32)>) -> IdaoId {
	let idao = crate::NextIdaoId::<Test>::get();
	assert_ok!(Idao::create_idao(
		RuntimeOrigin::signed(ALICE),
		b"ipfs://idao".to_vec().try_into().unwrap(),
		members.try_into().unwrap(),
		majority(),
	));
	idao
}

/// Alice (weight 1), Bob (weight 2) and Charlie (weight 1).
fn three_members() -> IdaoId {
	create(vec![(ALICE, 1), (BOB, 2), (CHARLIE, 1)])
}

fn propose(who: AccountId, idao: IdaoId, call: RuntimeCall) -> ProposalIndex {
	let proposal = Idaos::<Test>::get(idao).unwrap().next_proposal;
	assert_ok!(Idao::propose(RuntimeOrigin::signed(who), idao, Box::new(call)));
	proposal
}

fn vote(who: AccountId, idao: IdaoId, proposal: ProposalIndex, aye: bool) {
	assert_ok!(Idao::vote(RuntimeOrigin::signed(who), idao, proposal, aye));
}

fn close(
	idao: IdaoId,
	proposal: ProposalIndex,
) -> frame_support::dispatch::DispatchResultWithPostInfo {
	Idao::close(RuntimeOrigin::signed(EVE), idao, proposal, MaxCallWeight::get())
}

/// `call` proposed by Alice, approved by every member, then closed.
fn pass(idao: IdaoId, call: RuntimeCall) -> ProposalIndex {
	let proposal = propose(ALICE, idao, call);
	for (member, _) in Members::<Test>::iter_prefix(idao) {
		vote(member, idao, proposal, true);
	}
	assert_ok!(close(idao, proposal));
	proposal
}

/// Eve sends `amount` to `account`.
fn fund(account: &AccountId, amount: Balance) {
	assert_ok!(Balances::transfer_keep_alive(RuntimeOrigin::signed(EVE), account.clone(), amount));
}

fn transfer(to: AccountId, amount: Balance) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive { dest: to, value: amount })
}

fn idao_call(call: crate::Call<Test>) -> RuntimeCall {
	RuntimeCall::Idao(call)
}

fn run_to(block: u64) {
	System::set_block_number(block);
}

fn last_tally_event() -> Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::Idao(event @ (Event::Executed { .. } | Event::Rejected { .. })) => {
				Some(event)
			},
			_ => None,
		})
		.expect("a proposal was closed")
}

// ---- creating ------------------------------------------------------------------------------

#[test]
fn creating_an_idao_reserves_its_deposit_and_gives_it_an_account() {
	new_test_ext().execute_with(|| {
		let idao = create(vec![(BOB, 2), (CHARLIE, 1)]);
		let account = Idao::account_of(idao);
		System::assert_last_event(
			Event::IdaoCreated { idao, creator: ALICE, account: account.clone() }.into(),
		);
		let info = Idaos::<Test>::get(idao).unwrap();
		assert_eq!((info.members, info.total_weight, info.deposit), (3, 4, IDAO_DEPOSIT));
		assert_eq!(info.rules, majority());
		assert_eq!(Balances::reserved_balance(ALICE), IDAO_DEPOSIT);
		// The creator joined as the founding member with weight 1.
		assert_eq!(Members::<Test>::get(idao, ALICE), Some(1));
		assert_eq!(Members::<Test>::get(idao, BOB), Some(2));
		assert!(Memberships::<Test>::contains_key(CHARLIE, idao));
		assert_eq!(Idao::memberships_of(&BOB), vec![idao]);
		// The account is the iDAO's own, distinct per iDAO, and found back from the account.
		assert_eq!(Idao::idao_of_account(&account), Some(idao));
		let second = create(vec![]);
		assert_ne!(Idao::account_of(second), account);
		assert_eq!(Idao::idao_of_account(&ALICE), None);
		assert_eq!(Idao::idao_of_account(&Idao::account_of(7)), None, "no iDAO 7 yet");
	});
}

#[test]
fn a_creator_listed_among_the_members_keeps_its_weight() {
	new_test_ext().execute_with(|| {
		let idao = create(vec![(ALICE, 5), (BOB, 1)]);
		assert_eq!(Members::<Test>::get(idao, ALICE), Some(5));
		assert_eq!(Idaos::<Test>::get(idao).unwrap().total_weight, 6);
	});
}

#[test]
fn creating_refuses_bad_members_and_rules() {
	new_test_ext().execute_with(|| {
		let create_with = |members: Vec<(AccountId, u32)>, rules: crate::RulesOf<Test>| {
			Idao::create_idao(
				RuntimeOrigin::signed(ALICE),
				Default::default(),
				members.try_into().unwrap(),
				rules,
			)
		};
		assert_noop!(
			create_with(vec![(BOB, 1), (BOB, 2)], majority()),
			Error::<Test>::DuplicateMember
		);
		assert_noop!(create_with(vec![(BOB, 0)], majority()), Error::<Test>::ZeroWeight);
		// Five listed plus the creator is one more than `MaxMembers`.
		let five = (10..15).map(|n| (account(n), 1)).collect::<Vec<_>>();
		assert_noop!(create_with(five, majority()), Error::<Test>::TooManyMembers);
		let zero = Rules { approval_threshold: Perbill::zero(), ..majority() };
		assert_noop!(create_with(vec![], zero), Error::<Test>::ZeroThreshold);
		let short = Rules { voting_period: MIN_VOTING_PERIOD - 1, ..majority() };
		assert_noop!(create_with(vec![], short), Error::<Test>::InvalidVotingPeriod);
		let long = Rules { voting_period: MAX_VOTING_PERIOD + 1, ..majority() };
		assert_noop!(create_with(vec![], long), Error::<Test>::InvalidVotingPeriod);
		assert_noop!(
			Idao::create_idao(
				RuntimeOrigin::none(),
				Default::default(),
				Default::default(),
				majority()
			),
			BadOrigin
		);
		// An account that cannot pay the deposit creates nothing.
		assert_noop!(
			Idao::create_idao(
				RuntimeOrigin::signed(account(99)),
				Default::default(),
				Default::default(),
				majority()
			),
			pallet_balances::Error::<Test>::InsufficientBalance
		);
		assert_eq!(crate::NextIdaoId::<Test>::get(), 0);
	});
}

// ---- proposing and voting -------------------------------------------------------------------

#[test]
fn a_member_proposes_a_call_and_its_deposit_is_reserved() {
	new_test_ext().execute_with(|| {
		let idao = three_members();
		let call = transfer(DAVE, 10);
		let proposal = propose(BOB, idao, call.clone());
		System::assert_last_event(
			Event::Proposed { idao, proposal, proposer: BOB, ends_at: 1 + 10 }.into(),
		);
		let stored = Proposals::<Test>::get(idao, proposal).unwrap();
		assert_eq!(stored.call.into_inner(), call.encode());
		assert_eq!(stored.call_weight, call.get_dispatch_info().call_weight);
		assert_eq!(Balances::reserved_balance(BOB), PROPOSAL_DEPOSIT);
		assert_eq!(Idaos::<Test>::get(idao).unwrap().open_proposals, 1);
	});
}

#[test]
fn proposing_is_for_members_and_bounded() {
	new_test_ext().execute_with(|| {
		let idao = three_members();
		let call = || Box::new(transfer(DAVE, 10));
		assert_noop!(
			Idao::propose(RuntimeOrigin::signed(DAVE), idao, call()),
			Error::<Test>::NotMember
		);
		assert_noop!(
			Idao::propose(RuntimeOrigin::signed(ALICE), 9, call()),
			Error::<Test>::UnknownIdao
		);
		let long = RuntimeCall::System(frame_system::Call::remark {
			remark: vec![0; MAX_CALL_LEN as usize],
		});
		assert_noop!(
			Idao::propose(RuntimeOrigin::signed(ALICE), idao, Box::new(long)),
			Error::<Test>::CallTooLong
		);
		MaxCallWeight::set(Weight::from_parts(1, 1));
		assert_noop!(
			Idao::propose(RuntimeOrigin::signed(ALICE), idao, call()),
			Error::<Test>::CallTooHeavy
		);
		MaxCallWeight::set(Weight::from_parts(1_000_000_000_000, 1024 * 1024));
		for _ in 0..MAX_OPEN_PROPOSALS {
			propose(ALICE, idao, transfer(DAVE, 10));
		}
		assert_noop!(
			Idao::propose(RuntimeOrigin::signed(ALICE), idao, call()),
			Error::<Test>::TooManyProposals
		);
	});
}

#[test]
fn a_member_votes_once_before_the_period_ends() {
	new_test_ext().execute_with(|| {
		let idao = three_members();
		let proposal = propose(ALICE, idao, transfer(DAVE, 10));
		vote(CHARLIE, idao, proposal, false);
		System::assert_last_event(
			Event::Voted { idao, proposal, voter: CHARLIE, aye: false }.into(),
		);
		assert_eq!(Votes::<Test>::get((idao, proposal), CHARLIE), Some(false));
		assert_noop!(
			Idao::vote(RuntimeOrigin::signed(CHARLIE), idao, proposal, true),
			Error::<Test>::AlreadyVoted
		);
		assert_noop!(
			Idao::vote(RuntimeOrigin::signed(DAVE), idao, proposal, true),
			Error::<Test>::NotMember
		);
		assert_noop!(
			Idao::vote(RuntimeOrigin::signed(BOB), idao, 7, true),
			Error::<Test>::UnknownProposal
		);
		run_to(11);
		vote(BOB, idao, proposal, true);
		run_to(12);
		assert_noop!(
			Idao::vote(RuntimeOrigin::signed(ALICE), idao, proposal, true),
			Error::<Test>::VotingClosed
		);
	});
}

// ---- closing -------------------------------------------------------------------------------

#[test]
fn an_approved_proposal_dispatches_from_the_idao_account() {
	new_test_ext().execute_with(|| {
		let idao = three_members();
		let account = Idao::account_of(idao);
		fund(&account, 1_000);
		let proposal = propose(CHARLIE, idao, transfer(DAVE, 300));
		vote(ALICE, idao, proposal, true);
		assert_noop!(close(idao, proposal), Error::<Test>::NotDecided);
		vote(BOB, idao, proposal, true);
		// 3 of 4 weight: decided before the period ends, and anyone may close it.
		assert_ok!(close(idao, proposal));
		assert_eq!(Balances::free_balance(DAVE), ENDOWMENT + 300);
		assert_eq!(Balances::free_balance(account), 700);
		assert_eq!(
			last_tally_event(),
			Event::Executed {
				idao,
				proposal,
				tally: Tally { ayes: 3, nays: 0, total: 4 },
				result: Ok(())
			}
		);
		// The proposal and its votes are gone and the deposit is back.
		assert!(!Proposals::<Test>::contains_key(idao, proposal));
		assert_eq!(Votes::<Test>::iter_prefix((idao, proposal)).count(), 0);
		assert_eq!(Balances::reserved_balance(CHARLIE), 0);
		assert_eq!(Idaos::<Test>::get(idao).unwrap().open_proposals, 0);
		assert_noop!(close(idao, proposal), Error::<Test>::UnknownProposal);
	});
}

#[test]
fn a_proposal_whose_call_fails_is_closed_with_the_error() {
	new_test_ext().execute_with(|| {
		let idao = three_members();
		// The iDAO's account holds nothing, so the transfer fails.
		let proposal = pass(idao, transfer(DAVE, 300));
		assert_eq!(
			last_tally_event(),
			Event::Executed {
				idao,
				proposal,
				tally: Tally { ayes: 4, nays: 0, total: 4 },
				result: Err(DispatchError::Token(TokenError::FundsUnavailable)),
			}
		);
		assert_eq!(Balances::free_balance(DAVE), ENDOWMENT);
		assert!(!Proposals::<Test>::contains_key(idao, proposal));
		assert_eq!(Balances::reserved_balance(ALICE), IDAO_DEPOSIT);
	});
}

#[test]
fn enough_nays_reject_a_proposal_early() {
	new_test_ext().execute_with(|| {
		let idao = three_members();
		let proposal = propose(ALICE, idao, transfer(DAVE, 10));
		vote(BOB, idao, proposal, false);
		// Bob's 2 of 4: even Alice's and Charlie's ayes could not pass it.
		assert_ok!(close(idao, proposal));
		assert_eq!(
			last_tally_event(),
			Event::Rejected { idao, proposal, tally: Tally { ayes: 0, nays: 2, total: 4 } }
		);
		assert_eq!(Balances::reserved_balance(ALICE), IDAO_DEPOSIT);
	});
}

#[test]
fn an_expired_proposal_is_decided_by_the_votes_cast_if_they_reach_the_quorum() {
	new_test_ext().execute_with(|| {
		let idao = three_members();
		let account = Idao::account_of(idao);
		fund(&account, 1_000);
		// Charlie's aye alone (1 of 4) is below the quorum of a third.
		let short = propose(ALICE, idao, transfer(DAVE, 10));
		vote(CHARLIE, idao, short, true);
		// Bob's aye (2 of 4) reaches it, and all votes cast are ayes.
		let enough = propose(ALICE, idao, transfer(DAVE, 20));
		vote(BOB, idao, enough, true);
		assert_noop!(close(idao, enough), Error::<Test>::NotDecided);
		run_to(12);
		assert_ok!(close(idao, short));
		assert_eq!(
			last_tally_event(),
			Event::Rejected { idao, proposal: short, tally: Tally { ayes: 1, nays: 0, total: 4 } }
		);
		assert_ok!(close(idao, enough));
		assert_eq!(Balances::free_balance(DAVE), ENDOWMENT + 20);
	});
}

#[test]
fn closing_needs_a_weight_bound_that_covers_the_call() {
	new_test_ext().execute_with(|| {
		let idao = three_members();
		let call = transfer(DAVE, 10);
		let needed = call.get_dispatch_info().call_weight;
		let proposal = propose(ALICE, idao, call);
		vote(ALICE, idao, proposal, true);
		vote(BOB, idao, proposal, true);
		assert_noop!(
			Idao::close(
				RuntimeOrigin::signed(EVE),
				idao,
				proposal,
				needed.saturating_sub(Weight::from_parts(1, 0))
			),
			Error::<Test>::WeightBoundTooLow
		);
		assert_ok!(Idao::close(RuntimeOrigin::signed(EVE), idao, proposal, needed));
		assert_noop!(Idao::close(RuntimeOrigin::none(), idao, proposal, needed), BadOrigin);
	});
}

// ---- membership and rules, only through proposals -------------------------------------------

#[test]
fn members_and_rules_change_only_by_the_idaos_own_proposals() {
	new_test_ext().execute_with(|| {
		let idao = three_members();
		assert_noop!(
			Idao::add_member(RuntimeOrigin::signed(ALICE), idao, DAVE, 1),
			Error::<Test>::NotIdaoAccount
		);
		assert_noop!(Idao::remove_member(RuntimeOrigin::root(), idao, BOB), BadOrigin);
		assert_noop!(
			Idao::set_member_weight(RuntimeOrigin::signed(BOB), idao, BOB, 9),
			Error::<Test>::NotIdaoAccount
		);
		assert_noop!(
			Idao::set_rules(RuntimeOrigin::signed(ALICE), idao, majority()),
			Error::<Test>::NotIdaoAccount
		);
		// Another iDAO's account is not this one's.
		let other = create(vec![]);
		assert_noop!(
			Idao::add_member(RuntimeOrigin::signed(Idao::account_of(other)), idao, DAVE, 1),
			Error::<Test>::NotIdaoAccount
		);
		assert_noop!(
			Idao::add_member(RuntimeOrigin::signed(Idao::account_of(9)), 9, DAVE, 1),
			Error::<Test>::UnknownIdao
		);

		pass(idao, idao_call(crate::Call::add_member { idao, who: DAVE, weight: 3 }));
		assert_eq!(Members::<Test>::get(idao, DAVE), Some(3));
		assert_eq!(Idaos::<Test>::get(idao).unwrap().total_weight, 7);
		assert!(System::events()
			.iter()
			.any(|record| record.event == Event::MemberAdded { idao, who: DAVE, weight: 3 }.into()));

		pass(idao, idao_call(crate::Call::set_member_weight { idao, who: DAVE, weight: 1 }));
		assert_eq!(Idaos::<Test>::get(idao).unwrap().total_weight, 5);

		pass(idao, idao_call(crate::Call::remove_member { idao, who: CHARLIE }));
		assert_eq!(Members::<Test>::get(idao, CHARLIE), None);
		assert!(!Memberships::<Test>::contains_key(CHARLIE, idao));
		assert_eq!(Idaos::<Test>::get(idao).unwrap().members, 3);

		let slower = Rules { voting_period: 20, ..majority() };
		pass(idao, idao_call(crate::Call::set_rules { idao, rules: slower }));
		assert_eq!(Idaos::<Test>::get(idao).unwrap().rules, slower);
	});
}

#[test]
fn membership_changes_are_checked() {
	new_test_ext().execute_with(|| {
		let idao = create(vec![]);
		let account = RuntimeOrigin::signed(Idao::account_of(idao));
		assert_noop!(
			Idao::add_member(account.clone(), idao, ALICE, 1),
			Error::<Test>::AlreadyMember
		);
		assert_noop!(Idao::add_member(account.clone(), idao, BOB, 0), Error::<Test>::ZeroWeight);
		assert_noop!(Idao::remove_member(account.clone(), idao, BOB), Error::<Test>::NotMember);
		assert_noop!(Idao::remove_member(account.clone(), idao, ALICE), Error::<Test>::LastMember);
		assert_noop!(
			Idao::set_member_weight(account.clone(), idao, BOB, 1),
			Error::<Test>::NotMember
		);
		assert_noop!(
			Idao::set_member_weight(account.clone(), idao, ALICE, 0),
			Error::<Test>::ZeroWeight
		);
		for n in 10..(10 + MAX_MEMBERS as u8 - 1) {
			assert_ok!(Idao::add_member(account.clone(), idao, super::mock::account(n), 1));
		}
		assert_noop!(
			Idao::add_member(account.clone(), idao, BOB, 1),
			Error::<Test>::TooManyMembers
		);
		let zero = Rules { approval_threshold: Perbill::zero(), ..majority() };
		assert_noop!(Idao::set_rules(account.clone(), idao, zero), Error::<Test>::ZeroThreshold);
		let long = Rules { voting_period: MAX_VOTING_PERIOD + 1, ..majority() };
		assert_noop!(Idao::set_rules(account, idao, long), Error::<Test>::InvalidVotingPeriod);
	});
}

#[test]
fn a_removed_members_votes_no_longer_count() {
	new_test_ext().execute_with(|| {
		let idao = three_members();
		let account = RuntimeOrigin::signed(Idao::account_of(idao));
		let proposal = propose(ALICE, idao, transfer(DAVE, 10));
		vote(BOB, idao, proposal, false);
		assert_ok!(Idao::remove_member(account.clone(), idao, BOB));
		assert_eq!(Votes::<Test>::get((idao, proposal), BOB), None);
		// Without Bob's nays the vote is open again; a weight change counts at once.
		assert_noop!(close(idao, proposal), Error::<Test>::NotDecided);
		assert_ok!(Idao::set_member_weight(account, idao, ALICE, 3));
		vote(ALICE, idao, proposal, true);
		assert_ok!(close(idao, proposal));
		assert_eq!(
			last_tally_event(),
			Event::Executed {
				idao,
				proposal,
				tally: Tally { ayes: 3, nays: 0, total: 4 },
				result: Err(DispatchError::Token(TokenError::FundsUnavailable)),
			}
		);
	});
}

// ---- governing a DAT ----------------------------------------------------------------------

fn open_policy(price: Balance) -> pallet_dat::PolicyOf<Test> {
	UsagePolicy {
		access: Access::Anyone,
		price,
		max_uses: None,
		expires_at: None,
		derivation_allowed: true,
		royalty: Perbill::zero(),
	}
}

#[test]
fn a_proposal_changes_the_policy_of_a_dat_the_idao_controls() {
	new_test_ext().execute_with(|| {
		let idao = three_members();
		let account = Idao::account_of(idao);
		assert_ok!(Dat::anchor(
			RuntimeOrigin::signed(ALICE),
			H256::repeat_byte(7),
			b"ipfs://data".to_vec().try_into().unwrap(),
			DataKind::Dataset,
			Default::default(),
			open_policy(0),
		));
		let dat = 0;
		assert_ok!(Dat::transfer_control(RuntimeOrigin::signed(ALICE), dat, account.clone()));
		// The iDAO's account pays the DAT's storage deposit from now on.
		fund(&account, 1_000);
		// Alice no longer controls it; only the iDAO does.
		assert_noop!(
			Dat::set_policy(RuntimeOrigin::signed(ALICE), dat, open_policy(5)),
			pallet_dat::Error::<Test>::NotController
		);

		let proposal = pass(
			idao,
			RuntimeCall::Dat(pallet_dat::Call::set_policy { dat, policy: open_policy(25) }),
		);
		assert!(matches!(last_tally_event(), Event::Executed { result: Ok(()), proposal: p, .. } if p == proposal));
		assert_eq!(pallet_dat::Dats::<Test>::get(dat).unwrap().policy.price, 25);
		assert!(System::events().iter().any(|record| record.event ==
			pallet_dat::Event::PolicySet { dat }.into()));
	});
}

#[test]
fn the_idao_account_uses_data_as_the_idao() {
	new_test_ext().execute_with(|| {
		let idao = three_members();
		let account = Idao::account_of(idao);
		assert!(Idao::may_act_as(&account, &Consumer::Idao(idao)));
		assert!(!Idao::may_act_as(&ALICE, &Consumer::Idao(idao)), "a member is not the iDAO");
		assert!(!Idao::may_act_as(&Idao::account_of(5), &Consumer::Idao(5)), "no iDAO 5");
		assert!(Idao::may_act_as(&ALICE, &Consumer::Account(ALICE)));
		assert!(!Idao::may_act_as(&ALICE, &Consumer::Account(BOB)));
		assert!(!Idao::may_act_as(&account, &Consumer::Model(0)));
	});
}

// ---- chain governance ---------------------------------------------------------------------

#[test]
fn root_designates_a_majority_idao_whose_account_then_acts_as_governance() {
	new_test_ext().execute_with(|| {
		let idao = three_members();
		let account = Idao::account_of(idao);
		assert!(EnsureGovernanceIdao::<Test>::try_origin(RuntimeOrigin::signed(account.clone()))
			.is_err());
		assert_noop!(
			Idao::set_governance_idao(RuntimeOrigin::signed(ALICE), Some(idao)),
			BadOrigin
		);
		assert_noop!(
			Idao::set_governance_idao(RuntimeOrigin::root(), Some(9)),
			Error::<Test>::UnknownIdao
		);
		let half = create(vec![]);
		let half_rules = Rules { approval_threshold: Perbill::from_percent(50), ..majority() };
		assert_ok!(Idao::set_rules(
			RuntimeOrigin::signed(Idao::account_of(half)),
			half,
			half_rules
		));
		assert_noop!(
			Idao::set_governance_idao(RuntimeOrigin::root(), Some(half)),
			Error::<Test>::GovernanceNeedsMajority
		);

		assert_ok!(Idao::set_governance_idao(RuntimeOrigin::root(), Some(idao)));
		System::assert_last_event(Event::GovernanceIdaoSet { idao: Some(idao) }.into());
		assert_eq!(GovernanceIdao::<Test>::get(), Some(idao));
		assert_eq!(
			EnsureGovernanceIdao::<Test>::try_origin(RuntimeOrigin::signed(account.clone())).ok(),
			Some(idao)
		);
		for other in [RuntimeOrigin::signed(ALICE), RuntimeOrigin::root(), RuntimeOrigin::none()] {
			assert!(EnsureGovernanceIdao::<Test>::try_origin(other).is_err());
		}
		// While it governs, it cannot drop to a bare half.
		assert_noop!(
			Idao::set_rules(RuntimeOrigin::signed(account.clone()), idao, half_rules),
			Error::<Test>::GovernanceNeedsMajority
		);

		assert_ok!(Idao::set_governance_idao(RuntimeOrigin::root(), None));
		assert!(EnsureGovernanceIdao::<Test>::try_origin(RuntimeOrigin::signed(account.clone()))
			.is_err());
	});
}

// ---- the counting rule, worked --------------------------------------------------------------

#[test]
fn tallies_decide_as_documented() {
	let rules = majority(); // more than 50 % of votes cast, a third of all weight voting
	let tally = |ayes, nays| Tally { ayes, nays, total: 12 };
	// Open: approval needs the ayes to reach both the threshold and the quorum of all weight.
	assert_eq!(tally(7, 0).outcome(&rules, false), Outcome::Approved);
	assert_eq!(tally(6, 0).outcome(&rules, false), Outcome::Undecided, "6 of 12 is not above half");
	// Open: rejection once the nays leave too little for the threshold.
	assert_eq!(tally(0, 6).outcome(&rules, false), Outcome::Rejected);
	assert_eq!(tally(3, 5).outcome(&rules, false), Outcome::Undecided);
	// Expired: the votes cast decide, if they reach the quorum (4 of 12).
	assert_eq!(tally(3, 0).outcome(&rules, true), Outcome::Rejected, "3 of 12 below quorum");
	assert_eq!(tally(3, 1).outcome(&rules, true), Outcome::Approved);
	assert_eq!(tally(2, 2).outcome(&rules, true), Outcome::Rejected, "a tie is not above half");
	assert_eq!(tally(0, 0).outcome(&rules, true), Outcome::Rejected);
	// A unanimous rule with a low quorum: one nay rejects at once.
	let unanimous = Rules {
		approval_threshold: Perbill::one(),
		quorum: Perbill::from_percent(10),
		voting_period: 10,
	};
	assert_eq!(tally(11, 1).outcome(&unanimous, false), Outcome::Rejected);
	assert_eq!(tally(12, 0).outcome(&unanimous, false), Outcome::Approved);
	// A low threshold with a high quorum: early approval waits for the quorum.
	let low = Rules {
		approval_threshold: Perbill::from_percent(10),
		quorum: Perbill::from_percent(75),
		voting_period: 10,
	};
	assert_eq!(tally(8, 0).outcome(&low, false), Outcome::Undecided);
	assert_eq!(tally(9, 0).outcome(&low, false), Outcome::Approved);
}

// ---- revenue ------------------------------------------------------------------------------

/// Alice anchors a free dataset; returns its id.
fn anchor_dat(seed: u8) -> lazai_primitives::dat::DatId {
	anchor_as(ALICE, seed)
}

/// `who` anchors a free dataset; returns its id.
fn anchor_as(who: AccountId, seed: u8) -> lazai_primitives::dat::DatId {
	let dat = pallet_dat::NextDatId::<Test>::get();
	assert_ok!(Dat::anchor(
		RuntimeOrigin::signed(who),
		H256::repeat_byte(seed),
		b"ipfs://data".to_vec().try_into().unwrap(),
		DataKind::Dataset,
		Default::default(),
		open_policy(0),
	));
	dat
}

fn split(
	members: u32,
	dats: Vec<(lazai_primitives::dat::DatId, u32)>,
) -> crate::RevenueSplitOf<Test> {
	crate::RevenueSplit {
		members: Perbill::from_percent(members),
		dats: dats
			.into_iter()
			.map(|(dat, share)| (dat, Perbill::from_percent(share)))
			.collect::<Vec<_>>()
			.try_into()
			.unwrap(),
		contributions: Perbill::zero(),
	}
}

/// Eve pays `amount` of income to the iDAO's revenue account.
fn earn(idao: IdaoId, amount: Balance) {
	fund(&Idao::revenue_account_of(idao), amount);
}

fn distributed(idao: IdaoId) -> (Balance, Balance, Balance, Balance) {
	assert_ok!(Idao::distribute(RuntimeOrigin::signed(DAVE), idao));
	match System::events().last().map(|record| record.event.clone()) {
		Some(RuntimeEvent::Idao(Event::Distributed {
			idao: i,
			income,
			to_members,
			to_dats,
			to_treasury,
		})) if i == idao => (income, to_members, to_dats, to_treasury),
		other => panic!("expected Distributed, got {other:?}"),
	}
}

#[test]
fn the_revenue_split_is_set_by_proposal_and_checked() {
	new_test_ext().execute_with(|| {
		let idao = three_members();
		let dat = anchor_dat(1);
		assert_noop!(
			Idao::set_revenue_split(RuntimeOrigin::signed(ALICE), idao, split(50, vec![])),
			Error::<Test>::NotIdaoAccount
		);
		let origin = RuntimeOrigin::signed(Idao::account_of(idao));
		assert_noop!(
			Idao::set_revenue_split(origin.clone(), idao, split(90, vec![(dat, 20)])),
			Error::<Test>::SplitOverWhole
		);
		assert_noop!(
			Idao::set_revenue_split(origin.clone(), idao, split(10, vec![(dat + 1, 20)])),
			Error::<Test>::UnknownDat
		);
		assert_noop!(
			Idao::set_revenue_split(origin, idao, split(10, vec![(dat, 20), (dat, 20)])),
			Error::<Test>::DuplicateDat
		);
		let wanted = split(60, vec![(dat, 40)]);
		pass(idao, idao_call(crate::Call::set_revenue_split { idao, split: wanted.clone() }));
		assert_eq!(crate::RevenueSplits::<Test>::get(idao), Some(wanted));
		assert!(System::events()
			.iter()
			.any(|record| record.event == Event::RevenueSplitSet { idao }.into()));
	});
}

#[test]
fn income_is_split_among_members_by_weight_dats_and_the_treasury_to_the_unit() {
	new_test_ext().execute_with(|| {
		let idao = three_members(); // weights: Alice 1, Bob 2, Charlie 1
		let dat = anchor_dat(1);
		let origin = RuntimeOrigin::signed(Idao::account_of(idao));
		assert_ok!(Idao::set_revenue_split(origin, idao, split(50, vec![(dat, 20)])));
		let treasury = Idao::account_of(idao);
		let revenue = Idao::revenue_account_of(idao);
		assert_ne!(treasury, revenue);
		assert_eq!(Idao::idao_of_account(&revenue), None, "the revenue account cannot act");

		// 1 unit keeps the revenue account alive; 1,001 more are income.
		earn(idao, 1 + 1_001);
		assert_eq!(Idao::undistributed(idao), 1_001);
		let (income, to_members, to_dats, to_treasury) = distributed(idao);
		assert_eq!(income, 1_001);
		// 20 % of 1,001 to the DAT, rounded down.
		assert_eq!(to_dats, 200);
		assert!(System::events().iter().any(|record| record.event
			== pallet_dat::Event::RevenuePaid { dat, from: revenue.clone(), amount: 200 }.into()));
		// 50 % is 500 (rounded down), shared 1:2:1.
		assert_eq!(crate::Owed::<Test>::get(idao, ALICE), 125);
		assert_eq!(crate::Owed::<Test>::get(idao, BOB), 250);
		assert_eq!(crate::Owed::<Test>::get(idao, CHARLIE), 125);
		assert_eq!(to_members, 500);
		// The treasury gets the rest, rounding included: nothing is lost.
		assert_eq!(to_treasury, 301);
		assert_eq!(to_members + to_dats + to_treasury, income);
		assert_eq!(Balances::free_balance(&treasury), 301);
		assert_eq!(Balances::free_balance(&revenue), 1 + 500);
		assert_eq!(Idao::undistributed(idao), 0);
		assert_noop!(
			Idao::distribute(RuntimeOrigin::signed(DAVE), idao),
			Error::<Test>::NothingToDistribute
		);

		// Each member claims its part once; what is owed stays out of the next distribution.
		assert_ok!(Idao::claim(RuntimeOrigin::signed(BOB), idao));
		System::assert_last_event(Event::Claimed { idao, who: BOB, amount: 250 }.into());
		assert_eq!(Balances::free_balance(BOB), ENDOWMENT + 250);
		assert_noop!(Idao::claim(RuntimeOrigin::signed(BOB), idao), Error::<Test>::NothingOwed);
		assert_noop!(Idao::claim(RuntimeOrigin::signed(DAVE), idao), Error::<Test>::NothingOwed);
		earn(idao, 40);
		assert_eq!(Idao::undistributed(idao), 40);
		let (_, to_members, _, _) = distributed(idao);
		assert_eq!(to_members, 20);
		assert_eq!(crate::Owed::<Test>::get(idao, ALICE), 125 + 5);
		assert_eq!(crate::OwedTotal::<Test>::get(idao), 125 + 5 + 10 + 125 + 5);
		for member in [ALICE, CHARLIE, BOB] {
			assert_ok!(Idao::claim(RuntimeOrigin::signed(member), idao));
		}
		// Everything owed was paid: the revenue account is back to its existential deposit.
		assert_eq!(Balances::free_balance(&revenue), 1);
		assert_eq!(crate::OwedTotal::<Test>::get(idao), 0);
	});
}

#[test]
fn with_no_split_everything_goes_to_the_treasury_and_an_unpayable_dat_leaves_its_share_there() {
	new_test_ext().execute_with(|| {
		let idao = three_members();
		earn(idao, 1 + 100);
		assert_eq!(distributed(idao), (100, 0, 0, 100));

		let dat = anchor_dat(2);
		let origin = RuntimeOrigin::signed(Idao::account_of(idao));
		assert_ok!(Idao::set_revenue_split(origin, idao, split(0, vec![(dat, 30)])));
		assert_ok!(Dat::retire(RuntimeOrigin::signed(ALICE), dat));
		earn(idao, 100);
		assert_eq!(distributed(idao), (100, 0, 0, 100));
		assert_eq!(Balances::free_balance(Idao::account_of(idao)), 200);
	});
}

#[test]
fn a_removed_member_still_claims_what_it_was_owed_and_gets_no_more() {
	new_test_ext().execute_with(|| {
		let idao = three_members();
		let origin = RuntimeOrigin::signed(Idao::account_of(idao));
		assert_ok!(Idao::set_revenue_split(origin.clone(), idao, split(100, vec![])));
		earn(idao, 1 + 400);
		distributed(idao);
		assert_ok!(Idao::remove_member(origin, idao, CHARLIE));
		earn(idao, 300);
		distributed(idao);
		assert_eq!(crate::Owed::<Test>::get(idao, CHARLIE), 100);
		assert_eq!(crate::Owed::<Test>::get(idao, BOB), 200 + 200);
		assert_ok!(Idao::claim(RuntimeOrigin::signed(CHARLIE), idao));
		assert_eq!(Balances::free_balance(CHARLIE), ENDOWMENT + 100);
		assert_noop!(Idao::distribute(RuntimeOrigin::signed(DAVE), 9), Error::<Test>::UnknownIdao);
		assert_noop!(Idao::distribute(RuntimeOrigin::none(), idao), BadOrigin);
	});
}

// ---- what the runtime API shows -------------------------------------------------------------

#[test]
fn the_views_show_an_idao_its_open_proposals_and_an_accounts_memberships() {
	new_test_ext().execute_with(|| {
		let idao = three_members();
		assert_ok!(Idao::set_governance_idao(RuntimeOrigin::root(), Some(idao)));
		earn(idao, 1 + 40);
		let view = Idao::idao_view(idao).unwrap();
		assert_eq!(view.account, Idao::account_of(idao));
		assert_eq!(view.revenue_account, Idao::revenue_account_of(idao));
		assert_eq!(view.creator, ALICE);
		assert_eq!(view.metadata, b"ipfs://idao".to_vec());
		let mut members = view.members.clone();
		members.sort();
		assert_eq!(members, vec![(ALICE, 1), (BOB, 2), (CHARLIE, 1)]);
		assert_eq!((view.total_weight, view.open_proposals, view.undistributed), (4, 0, 40));
		assert_eq!(view.approval_threshold, majority().approval_threshold.deconstruct());
		assert_eq!(view.voting_period, 10);
		assert!(view.governs_chain);
		assert_eq!(Idao::idao_view(9), None);

		let call = transfer(DAVE, 10);
		let first = propose(ALICE, idao, call.clone());
		let second = propose(BOB, idao, transfer(DAVE, 20));
		vote(BOB, idao, first, true);
		vote(CHARLIE, idao, first, false);
		let proposals = Idao::proposal_views(idao);
		assert_eq!(proposals.iter().map(|p| p.index).collect::<Vec<_>>(), vec![first, second]);
		assert_eq!(proposals[0].proposer, ALICE);
		assert_eq!(proposals[0].call, call.encode());
		assert_eq!((proposals[0].ayes, proposals[0].nays), (2, 1));
		assert_eq!(proposals[0].votes.len(), 2);
		assert_eq!(proposals[0].ends_at, 11);
		assert!(proposals[1].votes.is_empty());
		assert!(Idao::proposal_views(9).is_empty());

		let of_bob = Idao::account_view(&BOB);
		assert_eq!((of_bob.idao, of_bob.member_of), (None, vec![(idao, 0)]));
		assert_eq!(Idao::account_view(&Idao::account_of(idao)).idao, Some(idao));
		assert!(Idao::account_view(&DAVE).member_of.is_empty());
	});
}

// ---- access across iDAOs --------------------------------------------------------------------

fn terms(price: Balance, expires_at: Option<u64>) -> crate::AccessTermsOf<Test> {
	lazai_primitives::dat::AccessTerms { price, expires_at }
}

/// A DAT that only listed consumers may use at 100 a use, controlled by the iDAO's account.
fn closed_dat_of(idao: IdaoId) -> lazai_primitives::dat::DatId {
	let account = Idao::account_of(idao);
	let dat = anchor_dat(9);
	let closed = UsagePolicy { access: Access::AllowList(Default::default()), ..open_policy(100) };
	assert_ok!(Dat::set_policy(RuntimeOrigin::signed(ALICE), dat, closed));
	assert_ok!(Dat::transfer_control(RuntimeOrigin::signed(ALICE), dat, account.clone()));
	fund(&account, 1_000);
	dat
}

#[test]
fn an_idao_grants_another_access_to_its_dat_on_agreed_terms_and_revokes_it() {
	new_test_ext().execute_with(|| {
		let owner = three_members();
		let grantee = create(vec![]);
		let dat = closed_dat_of(owner);
		let grantee_account = Idao::account_of(grantee);
		fund(&grantee_account, 1_000);
		let use_as_grantee = |max_price| {
			Dat::use_data(
				RuntimeOrigin::signed(grantee_account.clone()),
				dat,
				Consumer::Idao(grantee),
				max_price,
			)
		};
		assert_noop!(use_as_grantee(100), pallet_dat::Error::<Test>::NotAllowed);

		let grant =
			crate::Call::grant_access { idao: owner, grantee, dat, terms: terms(5, Some(30)) };
		pass(owner, idao_call(grant));
		assert!(matches!(last_tally_event(), Event::Executed { result: Ok(()), .. }));
		assert!(System::events().iter().any(|record| record.event
			== pallet_dat::Event::AccessGranted {
				dat,
				consumer: Consumer::Idao(grantee),
				terms: terms(5, Some(30)),
			}
			.into()));
		assert!(Balances::reserved_balance(Idao::account_of(owner)) > 0, "the grant's deposit");

		// The grantee uses it at the agreed price, paid by its own account.
		let before = Balances::free_balance(&grantee_account);
		assert_ok!(use_as_grantee(5));
		assert_eq!(
			before - Balances::free_balance(&grantee_account),
			5 + 10,
			"price and record deposit"
		);
		// An account of neither iDAO is still refused.
		assert_noop!(
			Dat::use_data(RuntimeOrigin::signed(DAVE), dat, Consumer::Account(DAVE), 100),
			pallet_dat::Error::<Test>::NotAllowed
		);

		pass(owner, idao_call(crate::Call::revoke_access { idao: owner, grantee, dat }));
		assert!(System::events().iter().any(|record| record.event
			== pallet_dat::Event::AccessRevoked { dat, consumer: Consumer::Idao(grantee) }.into()));
		assert_noop!(use_as_grantee(100), pallet_dat::Error::<Test>::NotAllowed);
	});
}

#[test]
fn access_grants_are_the_idaos_own_for_dats_it_controls_to_idaos_that_exist() {
	new_test_ext().execute_with(|| {
		let owner = three_members();
		let grantee = create(vec![]);
		let dat = closed_dat_of(owner);
		let origin = RuntimeOrigin::signed(Idao::account_of(owner));
		assert_noop!(
			Idao::grant_access(RuntimeOrigin::signed(ALICE), owner, grantee, dat, terms(1, None)),
			Error::<Test>::NotIdaoAccount
		);
		assert_noop!(
			Idao::grant_access(origin.clone(), owner, 9, dat, terms(1, None)),
			Error::<Test>::UnknownIdao
		);
		assert_noop!(
			Idao::grant_access(origin.clone(), 9, grantee, dat, terms(1, None)),
			Error::<Test>::UnknownIdao
		);
		let not_ours = anchor_dat(3);
		assert_noop!(
			Idao::grant_access(origin.clone(), owner, grantee, not_ours, terms(1, None)),
			pallet_dat::Error::<Test>::NotController
		);
		assert_noop!(
			Idao::revoke_access(RuntimeOrigin::signed(ALICE), owner, grantee, dat),
			Error::<Test>::NotIdaoAccount
		);
		assert_noop!(
			Idao::revoke_access(origin, owner, grantee, dat),
			pallet_dat::Error::<Test>::UnknownGrant
		);
	});
}

// ---- the contribution pool ------------------------------------------------------------------

/// `who` offers `dat`; the members all approve; returns the proposal.
fn contribute(idao: IdaoId, who: AccountId, dat: lazai_primitives::dat::DatId) -> ProposalIndex {
	let proposal = Idaos::<Test>::get(idao).unwrap().next_proposal;
	assert_ok!(Idao::propose_contribution(RuntimeOrigin::signed(who.clone()), idao, dat));
	System::assert_last_event(
		Event::ContributionProposed { idao, proposal, dat, contributor: who }.into(),
	);
	for (member, _) in Members::<Test>::iter_prefix(idao) {
		vote(member, idao, proposal, true);
	}
	assert_ok!(close(idao, proposal));
	proposal
}

fn pool(idao: IdaoId) -> Vec<lazai_primitives::dat::DatId> {
	crate::ContributionPools::<Test>::get(idao).into_inner()
}

#[test]
fn members_pool_their_dats_and_the_pool_shares_its_part_of_the_income_equally() {
	new_test_ext().execute_with(|| {
		let idao = three_members();
		let alices = anchor_as(ALICE, 1);
		let bobs = anchor_as(BOB, 2);
		contribute(idao, ALICE, alices);
		assert!(System::events()
			.iter()
			.any(|record| record.event == Event::ContributionAccepted { idao, dat: alices }.into()));
		// Before the vote passes the DAT is not in the pool.
		assert_ok!(Idao::propose_contribution(RuntimeOrigin::signed(BOB), idao, bobs));
		assert_eq!(pool(idao), vec![alices]);
		for member in [ALICE, BOB, CHARLIE] {
			vote(member, idao, 1, true);
		}
		assert_ok!(close(idao, 1));
		assert_eq!(pool(idao), vec![alices, bobs]);
		// The DATs stay their contributors'.
		assert_eq!(pallet_dat::Dats::<Test>::get(bobs).unwrap().controller, BOB);

		let mut half = split(20, vec![]);
		half.contributions = Perbill::from_percent(50);
		let origin = RuntimeOrigin::signed(Idao::account_of(idao));
		assert_ok!(Idao::set_revenue_split(origin, idao, half));
		earn(idao, 1 + 1_001);
		let (income, to_members, to_dats, to_treasury) = distributed(idao);
		// 50 % of 1,001 is 500, 250 to each pooled DAT; 20 % is 200 to the members.
		assert_eq!((income, to_members, to_dats, to_treasury), (1_001, 200, 500, 301));
		let revenue = Idao::revenue_account_of(idao);
		for dat in [alices, bobs] {
			assert!(System::events().iter().any(|record| record.event
				== pallet_dat::Event::RevenuePaid { dat, from: revenue.clone(), amount: 250 }
					.into()));
		}
		// Each DAT's holders claim it from the DAT pallet.
		let free = Balances::free_balance(BOB);
		assert_ok!(Dat::claim_revenue(RuntimeOrigin::signed(BOB), bobs));
		assert_eq!(Balances::free_balance(BOB), free + 250);
	});
}

#[test]
fn a_removed_or_retired_contribution_gets_nothing_and_its_share_goes_to_the_treasury() {
	new_test_ext().execute_with(|| {
		let idao = three_members();
		let (first, second, third) =
			(anchor_as(ALICE, 1), anchor_as(ALICE, 2), anchor_as(ALICE, 3));
		for dat in [first, second, third] {
			contribute(idao, ALICE, dat);
		}
		let origin = RuntimeOrigin::signed(Idao::account_of(idao));
		let mut all = split(0, vec![]);
		all.contributions = Perbill::one();
		assert_ok!(Idao::set_revenue_split(origin.clone(), idao, all));

		assert_ok!(Idao::remove_contribution(origin.clone(), idao, second));
		System::assert_last_event(Event::ContributionRemoved { idao, dat: second }.into());
		assert_eq!(pool(idao), vec![first, third]);
		assert_ok!(Dat::retire(RuntimeOrigin::signed(ALICE), third));
		earn(idao, 1 + 100);
		// 50 each for the two left in the pool; the retired one's 50 goes to the treasury.
		assert_eq!(distributed(idao), (100, 0, 50, 50));

		assert_ok!(Idao::remove_contribution(origin.clone(), idao, first));
		assert_ok!(Idao::remove_contribution(origin.clone(), idao, third));
		assert!(!crate::ContributionPools::<Test>::contains_key(idao), "an empty pool is removed");
		earn(idao, 100);
		assert_eq!(distributed(idao), (100, 0, 0, 100));
	});
}

#[test]
fn contributions_are_checked() {
	new_test_ext().execute_with(|| {
		let idao = three_members();
		let alices = anchor_as(ALICE, 1);
		let offer =
			|who: AccountId, dat| Idao::propose_contribution(RuntimeOrigin::signed(who), idao, dat);
		assert_noop!(offer(EVE, alices), Error::<Test>::NotDatController);
		let eves = anchor_as(EVE, 2);
		assert_noop!(offer(EVE, eves), Error::<Test>::NotMember);
		assert_noop!(offer(BOB, alices), Error::<Test>::NotDatController);
		assert_noop!(offer(ALICE, 99), Error::<Test>::UnknownDat);
		assert_noop!(
			Idao::propose_contribution(RuntimeOrigin::signed(ALICE), 9, alices),
			Error::<Test>::UnknownIdao
		);
		assert_noop!(Idao::propose_contribution(RuntimeOrigin::none(), idao, alices), BadOrigin);

		let origin = RuntimeOrigin::signed(Idao::account_of(idao));
		assert_noop!(
			Idao::accept_contribution(RuntimeOrigin::signed(ALICE), idao, alices),
			Error::<Test>::NotIdaoAccount
		);
		assert_noop!(
			Idao::accept_contribution(origin.clone(), idao, 99),
			Error::<Test>::UnknownDat
		);
		// Offered twice: the second proposal fails when it is enacted.
		assert_ok!(offer(ALICE, alices));
		assert_ok!(offer(ALICE, alices));
		for proposal in [0, 1] {
			for member in [ALICE, BOB, CHARLIE] {
				vote(member, idao, proposal, true);
			}
			assert_ok!(close(idao, proposal));
		}
		assert!(matches!(
			last_tally_event(),
			Event::Executed { proposal: 1, result: Err(e), .. }
				if e == Error::<Test>::AlreadyContributed.into()
		));
		assert_noop!(offer(ALICE, alices), Error::<Test>::AlreadyContributed);

		// The pool holds at most `MaxPoolDats` (3).
		for seed in [3, 4] {
			let dat = anchor_as(ALICE, seed);
			assert_ok!(Idao::accept_contribution(origin.clone(), idao, dat));
		}
		let one_too_many = anchor_as(ALICE, 5);
		assert_noop!(
			Idao::accept_contribution(origin.clone(), idao, one_too_many),
			Error::<Test>::PoolFull
		);
		assert_noop!(
			Idao::remove_contribution(origin.clone(), idao, one_too_many),
			Error::<Test>::NotContributed
		);
		assert_noop!(
			Idao::remove_contribution(RuntimeOrigin::signed(ALICE), idao, alices),
			Error::<Test>::NotIdaoAccount
		);
		let other = create(vec![]);
		assert_noop!(
			Idao::remove_contribution(
				RuntimeOrigin::signed(Idao::account_of(other)),
				other,
				alices
			),
			Error::<Test>::NotContributed
		);
	});
}

#[test]
fn a_split_counts_the_pools_share_towards_the_whole() {
	new_test_ext().execute_with(|| {
		let idao = three_members();
		let origin = RuntimeOrigin::signed(Idao::account_of(idao));
		let mut over = split(60, vec![]);
		over.contributions = Perbill::from_percent(41);
		assert_noop!(
			Idao::set_revenue_split(origin.clone(), idao, over.clone()),
			Error::<Test>::SplitOverWhole
		);
		over.contributions = Perbill::from_percent(40);
		assert_ok!(Idao::set_revenue_split(origin, idao, over));
	});
}
