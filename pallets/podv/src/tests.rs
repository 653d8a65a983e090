//! Unit tests: every call, error and origin; the three signals and lineage with the worked
//! examples of `docs/podv.md`; the medians and slashing; epoch payouts paid to the last unit;
//! and the resistance bounds: self-dealt usage and a lying minority of attesters.

use crate::{mock::*, CurrentPayout, Error, Event, ScoreAtEpochStart, Values};
use frame_support::{assert_noop, assert_ok};
use lazai_primitives::{
	dat::{Consumer, DatId, OnDatUse},
	verified::OnVerifiedEvaluation,
};
use sp_runtime::{BuildStorage, DispatchError};

type PodvError = Error<Test>;

fn bond(who: AccountId, amount: Balance) {
	assert_ok!(Podv::bond_attester(RuntimeOrigin::signed(who), amount));
}

fn attest(who: AccountId, dat: DatId, marks: [u8; 3]) {
	assert_ok!(Podv::attest(RuntimeOrigin::signed(who), dat, marks[0], marks[1], marks[2]));
}

fn score(dat: DatId) -> u64 {
	Podv::value_view(dat).map(|view| view.score).unwrap_or(0)
}

/// `who` uses `dat` as itself, paying up to `max_price`.
fn use_data(who: AccountId, dat: DatId, max_price: Balance) {
	assert_ok!(Dat::use_data(RuntimeOrigin::signed(who), dat, Consumer::Account(who), max_price));
}

/// What the reward pot paid into each DAT's revenue pool, from the DAT pallet's events.
fn paid_from_pot() -> Vec<(DatId, Balance)> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Dat(pallet_dat::Event::RevenuePaid { dat, from, amount })
				if from == Podv::reward_pot() =>
			{
				Some((dat, amount))
			},
			_ => None,
		})
		.collect()
}

fn pot() -> Balance {
	Balances::free_balance(Podv::reward_pot())
}

// ---- attesters ----

#[test]
fn attesters_bond_leave_and_withdraw_after_unbonding() {
	new_test_ext().execute_with(|| {
		assert_noop!(Podv::bond_attester(RuntimeOrigin::signed(EVE), 60), PodvError::BondTooLow);
		bond(EVE, 100);
		bond(EVE, 50);
		System::assert_last_event(Event::AttesterBonded { who: EVE, amount: 50, bond: 150 }.into());
		assert_eq!(Balances::reserved_balance(EVE), 150);

		assert_ok!(Podv::unbond_attester(RuntimeOrigin::signed(EVE)));
		System::assert_last_event(
			Event::AttesterUnbonding { who: EVE, bond: 150, unbonds_at: 1 + UNBONDING }.into(),
		);
		assert_noop!(
			Podv::bond_attester(RuntimeOrigin::signed(EVE), 10),
			PodvError::AttesterLeaving
		);
		assert_noop!(Podv::unbond_attester(RuntimeOrigin::signed(EVE)), PodvError::AttesterLeaving);
		assert_noop!(
			Podv::withdraw_attester(RuntimeOrigin::signed(EVE)),
			PodvError::StillUnbonding
		);
		run_to_block(1 + UNBONDING);
		assert_ok!(Podv::withdraw_attester(RuntimeOrigin::signed(EVE)));
		System::assert_last_event(Event::AttesterWithdrawn { who: EVE, amount: 150 }.into());
		assert_eq!(Balances::reserved_balance(EVE), 0);
		assert!(crate::Attesters::<Test>::get(EVE).is_none());
	});
}

#[test]
fn bonding_errors_and_origins() {
	new_test_ext().execute_with(|| {
		assert_noop!(Podv::bond_attester(RuntimeOrigin::signed(EVE), 99), PodvError::BondTooLow);
		assert_noop!(
			Podv::bond_attester(RuntimeOrigin::signed(EVE), ENDOWMENT + 1),
			pallet_balances::Error::<Test>::InsufficientBalance
		);
		assert_noop!(Podv::bond_attester(RuntimeOrigin::none(), 100), DispatchError::BadOrigin);
		assert_noop!(Podv::unbond_attester(RuntimeOrigin::signed(EVE)), PodvError::NotAttester);
		assert_noop!(Podv::withdraw_attester(RuntimeOrigin::signed(EVE)), PodvError::NotAttester);
		bond(EVE, 100);
		assert_noop!(Podv::withdraw_attester(RuntimeOrigin::signed(EVE)), PodvError::NotLeaving);
		let dat = anchor(ALICE, 1);
		attest(EVE, dat, [50, 50, 50]);
		assert_noop!(
			Podv::unbond_attester(RuntimeOrigin::signed(EVE)),
			PodvError::AttestationsStand
		);
		assert_noop!(Podv::unbond_attester(RuntimeOrigin::root()), DispatchError::BadOrigin);
		assert_noop!(Podv::withdraw_attester(RuntimeOrigin::none()), DispatchError::BadOrigin);
	});
}

// ---- attestations ----

#[test]
fn an_attestation_sets_the_medians_quality_and_score_and_reserves_a_deposit() {
	new_test_ext().execute_with(|| {
		let dat = anchor(ALICE, 1);
		bond(EVE, 100);
		attest(EVE, dat, [80, 70, 90]);
		System::assert_last_event(
			Event::Attested {
				dat,
				attester: EVE,
				quality: 80,
				uniqueness: 70,
				authenticity: 90,
				stake: 100,
			}
			.into(),
		);
		assert_eq!(Balances::reserved_balance(EVE), 100 + ATTESTATION_DEPOSIT);
		let view = Podv::value_view(dat).unwrap();
		assert_eq!(view.attested, Some([80, 70, 90]));
		assert_eq!(view.quality, 800_000);
		// 30 % of 800,000.
		assert_eq!((view.own, view.score, view.attestations), (240_000, 240_000, 1));
		assert_eq!(Podv::total_data_value(), 240_000);
		assert_eq!(crate::Attesters::<Test>::get(EVE).unwrap().attestations, 1);
	});
}

#[test]
fn attesting_is_checked() {
	new_test_ext().execute_with(|| {
		let dat = anchor(ALICE, 1);
		let attest_call = |who, dat, marks: [u8; 3]| {
			Podv::attest(RuntimeOrigin::signed(who), dat, marks[0], marks[1], marks[2])
		};
		assert_noop!(attest_call(EVE, dat, [50, 50, 50]), PodvError::NotAttester);
		bond(EVE, 100);
		assert_noop!(attest_call(EVE, dat, [50, 101, 50]), PodvError::MarkOutOfRange);
		assert_noop!(attest_call(EVE, 99, [50, 50, 50]), PodvError::UnknownDat);
		assert_noop!(
			Podv::attest(RuntimeOrigin::none(), dat, 50, 50, 50),
			DispatchError::BadOrigin
		);
		attest(EVE, dat, [50, 50, 50]);
		assert_noop!(attest_call(EVE, dat, [60, 60, 60]), PodvError::AlreadyAttested);

		// The maturity queue of a block holds MAX_MATURING attestations.
		let others: Vec<DatId> = (10..13).map(|seed| anchor(ALICE, seed)).collect();
		for dat in &others[..2] {
			attest(EVE, *dat, [50, 50, 50]);
		}
		assert_noop!(attest_call(EVE, others[2], [50, 50, 50]), PodvError::MaturityQueueFull);

		// A DAT carries MAX_ATTESTATIONS attestations.
		run_to_block(2);
		for who in [ALICE, BOB, CHARLIE, DAVE] {
			bond(who, 100);
		}
		for who in [ALICE, BOB] {
			attest(who, dat, [50, 50, 50]);
		}
		run_to_block(3);
		for who in [CHARLIE, DAVE] {
			attest(who, dat, [50, 50, 50]);
		}
		bond(FERDIE, 100);
		assert_noop!(attest_call(FERDIE, dat, [50, 50, 50]), PodvError::TooManyAttestations);

		// A leaving attester cannot attest.
		assert_ok!(Podv::unbond_attester(RuntimeOrigin::signed(FERDIE)));
		assert_noop!(attest_call(FERDIE, others[2], [50, 50, 50]), PodvError::AttesterLeaving);
	});
}

#[test]
fn an_outlier_is_slashed_when_it_matures_and_honest_attesters_are_not() {
	new_test_ext().execute_with(|| {
		let dat = anchor(ALICE, 1);
		for who in [BOB, CHARLIE, DAVE] {
			bond(who, 200);
		}
		bond(EVE, 100);
		attest(BOB, dat, [70, 70, 70]);
		attest(CHARLIE, dat, [72, 75, 68]);
		attest(EVE, dat, [100, 100, 100]);
		run_to_block(2);
		attest(DAVE, dat, [74, 80, 75]);
		assert_eq!(Podv::value_view(dat).unwrap().attested, Some([72, 75, 70]));
		let pot_before = pot();

		run_to_block(1 + MATURITY);
		for who in [BOB, CHARLIE] {
			System::assert_has_event(
				Event::AttestationJudged { dat, attester: who, outlier: false, slashed: 0 }.into(),
			);
		}
		// EVE's 100 is 28 points from the quality median: 10 % of her bond goes to the pot.
		System::assert_has_event(
			Event::AttestationJudged { dat, attester: EVE, outlier: true, slashed: 10 }.into(),
		);
		assert_eq!(crate::Attesters::<Test>::get(EVE).unwrap().bond, 90);
		assert_eq!(Balances::reserved_balance(EVE), 90 + ATTESTATION_DEPOSIT);
		assert_eq!(pot(), pot_before + 10);
		// DAVE's matures a block later.
		assert!(!crate::Attestations::<Test>::get(dat)[3].judged);
		run_to_block(2 + MATURITY);
		assert!(crate::Attestations::<Test>::get(dat)[3].judged);

		// Slashed below the minimum, EVE cannot attest again until she bonds more.
		let other = anchor(ALICE, 2);
		assert_noop!(
			Podv::attest(RuntimeOrigin::signed(EVE), other, 50, 50, 50),
			PodvError::BondTooLow
		);
		bond(EVE, 10);
		attest(EVE, other, [50, 50, 50]);
	});
}

#[test]
fn judged_attestations_are_withdrawn_with_their_deposit_and_the_medians_follow() {
	new_test_ext().execute_with(|| {
		let dat = anchor(ALICE, 1);
		bond(BOB, 100);
		bond(CHARLIE, 300);
		attest(BOB, dat, [20, 20, 20]);
		attest(CHARLIE, dat, [60, 60, 60]);
		assert_eq!(Podv::value_view(dat).unwrap().attested, Some([60, 60, 60]));
		assert_noop!(
			Podv::withdraw_attestation(RuntimeOrigin::signed(CHARLIE), dat),
			PodvError::NotJudgedYet
		);
		assert_noop!(
			Podv::withdraw_attestation(RuntimeOrigin::signed(DAVE), dat),
			PodvError::NotAttested
		);
		run_to_block(1 + MATURITY);
		assert_ok!(Podv::withdraw_attestation(RuntimeOrigin::signed(CHARLIE), dat));
		System::assert_last_event(Event::AttestationWithdrawn { dat, attester: CHARLIE }.into());
		assert_eq!(Balances::reserved_balance(CHARLIE), 300);
		let view = Podv::value_view(dat).unwrap();
		assert_eq!(
			(view.attested, view.quality, view.attestations),
			(Some([20, 20, 20]), 200_000, 1)
		);
		assert_ok!(Podv::withdraw_attestation(RuntimeOrigin::signed(BOB), dat));
		let view = Podv::value_view(dat).unwrap();
		assert_eq!((view.attested, view.score), (None, 0));
		assert_eq!(Podv::total_data_value(), 0);
		assert!(!crate::Attestations::<Test>::contains_key(dat));
		assert_noop!(
			Podv::withdraw_attestation(RuntimeOrigin::none(), dat),
			DispatchError::BadOrigin
		);
		// With nothing standing, BOB may leave.
		assert_ok!(Podv::unbond_attester(RuntimeOrigin::signed(BOB)));
	});
}

#[test]
fn a_lying_minority_of_stake_cannot_move_the_attested_score_out_of_the_honest_range() {
	new_test_ext().execute_with(|| {
		// docs/podv.md, bound 2: honest stake 300 marks 70 to 74; liars with 280 mark 100.
		let dat = anchor(ALICE, 1);
		for (who, stake, marks) in
			[(BOB, 100, [70, 70, 70]), (CHARLIE, 100, [72, 72, 72]), (DAVE, 100, [74, 74, 74])]
		{
			bond(who, stake);
			attest(who, dat, marks);
		}
		let honest = score(dat);
		run_to_block(2);
		for liar in [EVE, FERDIE] {
			bond(liar, 140);
			attest(liar, dat, [100, 100, 100]);
		}
		// The liars hold less than half the stake: the medians stay within 70 to 74, so the
		// score stays within 30 % of the quality signals of 70 and 74 on every mark.
		assert_eq!(Podv::value_view(dat).unwrap().attested, Some([74, 74, 74]));
		assert_eq!(honest, 216_000);
		assert!((210_000..=222_000).contains(&score(dat)));
		// And the liars pay when their attestations mature.
		run_to_block(2 + MATURITY);
		assert_eq!(crate::Attesters::<Test>::get(EVE).unwrap().bond, 126);
		assert_eq!(crate::Attesters::<Test>::get(FERDIE).unwrap().bond, 126);
	});
}

// ---- usage ----

#[test]
fn revenue_from_non_holders_feeds_the_usage_signal_with_diminishing_returns() {
	new_test_ext().execute_with(|| {
		let dat = anchor_with(ALICE, 1, &[], priced(10));
		use_data(BOB, dat, 10);
		let view = Podv::value_view(dat).unwrap();
		// √(10 / 1,000) = 0.1.
		assert_eq!((view.uses, view.usage_revenue, view.usage), (1, 10, 100_000));
		assert_eq!(view.score, 20_000);
		for _ in 0..3 {
			use_data(CHARLIE, dat, 10);
		}
		// Four times the revenue, twice the signal.
		assert_eq!(Podv::value_view(dat).unwrap().usage, 200_000);
		// Credits count when bought; spending them is a use with nothing paid.
		assert_ok!(Dat::buy_credits(RuntimeOrigin::signed(DAVE), dat, 5, 10));
		let view = Podv::value_view(dat).unwrap();
		assert_eq!((view.uses, view.usage_revenue), (4, 90));
		use_data(DAVE, dat, 0);
		let view = Podv::value_view(dat).unwrap();
		assert_eq!((view.uses, view.usage_revenue), (5, 90));
	});
}

#[test]
fn a_flood_of_self_uses_cannot_raise_a_score_past_the_usage_cap() {
	new_test_ext().execute_with(|| {
		// docs/podv.md, bound 1. The holder paying itself counts nothing at all.
		let dat = anchor_with(ALICE, 1, &[], priced(1));
		for _ in 0..200 {
			use_data(ALICE, dat, 1);
		}
		let view = Podv::value_view(dat).unwrap();
		assert_eq!((view.uses, view.usage_revenue, view.score), (200, 0, 0));
		// A friend paying any amount moves the score by at most 20 % of a million.
		let cheap = anchor_with(ALICE, 2, &[], priced(SATURATION / 4));
		for _ in 0..50 {
			use_data(BOB, cheap, SATURATION / 4);
		}
		assert_eq!(Podv::value_view(cheap).unwrap().usage, 1_000_000);
		assert_eq!(score(cheap), 200_000);
		// Free uses count as uses only.
		let free = anchor(ALICE, 3);
		for _ in 0..20 {
			use_data(BOB, free, 0);
		}
		assert_eq!(score(free), 0);
	});
}

#[test]
fn the_use_hook_reports_its_weight() {
	use crate::WeightInfo;
	assert_eq!(
		<Podv as OnDatUse<AccountId, Balance>>::weight(),
		<() as WeightInfo>::record_use(MAX_PARENTS)
	);
}

#[test]
fn the_use_hook_takes_the_weight_of_the_parents_it_revalued() {
	use crate::WeightInfo;
	new_test_ext().execute_with(|| {
		let parents = [anchor(ALICE, 1), anchor(BOB, 2)];
		let child = anchor_with(CHARLIE, 3, &parents, Default::default());
		let hear =
			|payer, paid| <Podv as OnDatUse<AccountId, Balance>>::on_use(child, &payer, 1, paid);
		// An outsider's payment moves the child's own value, and with it both parents'.
		assert_eq!(hear(DAVE, SATURATION / 4), <() as WeightInfo>::record_use(2));
		assert!(Podv::value_view(parents[0]).unwrap().inherited > 0);
		// A free use and a holder's payment move no value: no parent is touched.
		assert_eq!(hear(DAVE, 0), <() as WeightInfo>::record_use(0));
		assert_eq!(hear(CHARLIE, SATURATION / 4), <() as WeightInfo>::record_use(0));
	});
}

// ---- verified model improvement ----

#[test]
fn improvement_over_the_base_model_is_credited_to_the_data_it_did_not_use() {
	new_test_ext().execute_with(|| {
		let (old, new_a, new_b, test_set) =
			(anchor(ALICE, 1), anchor(BOB, 2), anchor(CHARLIE, 3), anchor(DAVE, 4));
		register_model(0, &[old], None);
		register_model(1, &[old, new_a, new_b], Some(0));
		create_benchmark(7, test_set, true);
		record_score(0, 7, 700_000);
		// docs/podv.md, example 1: 8 points better, credited to the two new datasets.
		Podv::on_verified_evaluation(&evaluation(1, test_set, 780_000));
		System::assert_last_event(
			Event::ImprovementCredited {
				model: 1,
				benchmark: 7,
				improvement: 80_000,
				dats: vec![new_a, new_b],
			}
			.into(),
		);
		for dat in [new_a, new_b] {
			let view = Podv::value_view(dat).unwrap();
			assert_eq!((view.improvement, view.score), (400_000, 200_000));
		}
		assert!(Podv::value_view(old).is_none());

		// The same result again adds nothing; a better one adds only the further gain.
		Podv::on_verified_evaluation(&evaluation(1, test_set, 780_000));
		assert_eq!(Podv::value_view(new_a).unwrap().improvement, 400_000);
		Podv::on_verified_evaluation(&evaluation(1, test_set, 790_001));
		// 10,001 more: 5,001 to the first, 5,000 to the second, times 10.
		assert_eq!(Podv::value_view(new_a).unwrap().improvement, 450_010);
		assert_eq!(Podv::value_view(new_b).unwrap().improvement, 450_000);
		// A worse result takes nothing back.
		Podv::on_verified_evaluation(&evaluation(1, test_set, 600_000));
		assert_eq!(Podv::value_view(new_a).unwrap().improvement, 450_010);
	});
}

#[test]
fn a_model_without_base_is_measured_from_the_worst_score() {
	new_test_ext().execute_with(|| {
		let (data, test_set, loss_set) = (anchor(ALICE, 1), anchor(DAVE, 2), anchor(DAVE, 3));
		register_model(0, &[data], None);
		create_benchmark(0, test_set, true);
		create_benchmark(1, loss_set, false);
		Podv::on_verified_evaluation(&evaluation(0, test_set, 30_000));
		assert_eq!(Podv::value_view(data).unwrap().improvement, 300_000);
		// Lower is better: a loss of 0.95 is 0.05 better than the worst.
		Podv::on_verified_evaluation(&evaluation(0, loss_set, 950_000));
		assert_eq!(Podv::value_view(data).unwrap().improvement, 800_000);
		// Capped at a million.
		Podv::on_verified_evaluation(&evaluation(0, loss_set, 0));
		assert_eq!(Podv::value_view(data).unwrap().improvement, 1_000_000);
	});
}

#[test]
fn lower_is_better_improvement_is_a_drop_below_the_base() {
	new_test_ext().execute_with(|| {
		let (old, new, loss_set) = (anchor(ALICE, 1), anchor(BOB, 2), anchor(DAVE, 3));
		register_model(0, &[old], None);
		register_model(1, &[new], Some(0));
		create_benchmark(0, loss_set, false);
		record_score(0, 0, 400_000);
		Podv::on_verified_evaluation(&evaluation(1, loss_set, 450_000));
		assert!(Podv::value_view(new).is_none(), "a higher loss is no improvement");
		Podv::on_verified_evaluation(&evaluation(1, loss_set, 390_000));
		assert_eq!(Podv::value_view(new).unwrap().improvement, 100_000);
	});
}

#[test]
fn evaluations_off_benchmark_of_unknown_models_or_without_new_data_credit_nothing() {
	new_test_ext().execute_with(|| {
		let (data, test_set, other_set) = (anchor(ALICE, 1), anchor(DAVE, 2), anchor(DAVE, 3));
		register_model(0, &[data], None);
		register_model(1, &[data], Some(0));
		create_benchmark(0, test_set, true);
		Podv::on_verified_evaluation(&evaluation(0, other_set, 900_000));
		Podv::on_verified_evaluation(&evaluation(5, test_set, 900_000));
		Podv::on_verified_evaluation(&evaluation(1, test_set, 900_000));
		assert_eq!(Values::<Test>::iter().count(), 0);
		assert!(System::events().iter().all(|record| !matches!(
			record.event,
			RuntimeEvent::Podv(Event::ImprovementCredited { .. })
		)));
	});
}

#[test]
fn improvement_is_credited_to_at_most_the_configured_number_of_dats() {
	new_test_ext().execute_with(|| {
		let data: Vec<DatId> = (0..5).map(|seed| anchor(ALICE, seed)).collect();
		let test_set = anchor(DAVE, 9);
		register_model(0, &data, None);
		create_benchmark(0, test_set, true);
		Podv::on_verified_evaluation(&evaluation(0, test_set, 30_000));
		let credited: Vec<DatId> =
			data.iter().copied().filter(|dat| Podv::value_view(*dat).is_some()).collect();
		assert_eq!(credited, data[..MAX_CREDITED as usize].to_vec());
		assert_eq!(Podv::value_view(data[0]).unwrap().improvement, 100_000);
	});
}

// ---- lineage, totals and the ranking ----

#[test]
fn parents_inherit_a_share_of_their_childrens_own_value_both_ways() {
	new_test_ext().execute_with(|| {
		// docs/podv.md, example 2.
		let (raw_a, raw_b) = (anchor(ALICE, 1), anchor(BOB, 2));
		let cleaned = anchor_with(CHARLIE, 3, &[raw_a, raw_b], Default::default());
		bond(EVE, 100);
		attest(EVE, cleaned, [90, 90, 90]);
		// Own 270,000: 20 % of it is 54,000, split between the two parents.
		assert_eq!(score(cleaned), 270_000);
		for parent in [raw_a, raw_b] {
			let view = Podv::value_view(parent).unwrap();
			assert_eq!((view.own, view.inherited, view.score), (0, 27_000, 27_000));
		}
		assert_eq!(Podv::total_data_value(), 270_000 + 2 * 27_000);
		// Only one level: the parents' own value is untouched, and a grandchild's value
		// reaches its parent only.
		let derived = anchor_with(DAVE, 4, &[cleaned], Default::default());
		bond(FERDIE, 100);
		attest(FERDIE, derived, [50, 50, 50]);
		assert_eq!(Podv::value_view(cleaned).unwrap().inherited, 30_000);
		assert_eq!(score(raw_a), 27_000);
		// When the child's value falls, so does what its parents inherit.
		run_to_block(1 + MATURITY);
		assert_ok!(Podv::withdraw_attestation(RuntimeOrigin::signed(EVE), cleaned));
		assert_eq!(score(raw_a), 0);
		assert_eq!(score(cleaned), 30_000);
		assert_eq!(Podv::total_data_value(), 30_000 + 150_000);
	});
}

#[test]
fn the_total_is_the_sum_of_scores_and_the_ranking_keeps_the_highest() {
	new_test_ext().execute_with(|| {
		let dats: Vec<DatId> = (0..4).map(|seed| anchor(ALICE, seed)).collect();
		for (who, (dat, mark)) in
			[BOB, CHARLIE, DAVE].into_iter().zip(dats.iter().zip([40, 90, 60]))
		{
			bond(who, 100);
			attest(who, *dat, [mark, mark, mark]);
		}
		run_to_block(2);
		bond(EVE, 100);
		attest(EVE, dats[3], [70, 70, 70]);
		assert_eq!(Podv::top(10), vec![(dats[1], 270_000), (dats[3], 210_000), (dats[2], 180_000)]);
		assert_eq!(Podv::top(1), vec![(dats[1], 270_000)]);
		let sum: u128 = Values::<Test>::iter().map(|(_, value)| value.score() as u128).sum();
		assert_eq!(Podv::total_data_value(), sum);
		assert_eq!(sum, 120_000 + 270_000 + 180_000 + 210_000);
	});
}

// ---- epochs ----

/// Three DATs of ALICE attested 90, 30 and 60 (scores 270,000, 90,000 and 180,000).
fn three_valued_dats() -> Vec<DatId> {
	let dats: Vec<DatId> = (0..3).map(|seed| anchor(ALICE, seed)).collect();
	for (who, (dat, mark)) in [BOB, CHARLIE, DAVE].into_iter().zip(dats.iter().zip([90, 30, 60])) {
		bond(who, 100);
		attest(who, *dat, [mark, mark, mark]);
	}
	dats
}

/// The first epoch starts one epoch after the first block the pallet sees (block 2).
const FIRST_EPOCH_AT: u64 = 2 + EPOCH;

#[test]
fn an_epoch_pays_its_budget_by_score_to_the_last_unit_over_several_blocks() {
	new_test_ext().execute_with(|| {
		let dats = three_valued_dats();
		let pot_before = pot();
		run_to_block(FIRST_EPOCH_AT);
		System::assert_has_event(
			Event::EpochStarted { epoch: 1, budget: EPOCH_REWARD, total_value: 540_000 }.into(),
		);
		assert!(paid_from_pot().is_empty());
		// Two DATs a block: three DATs take two blocks.
		run_to_block(FIRST_EPOCH_AT + 1);
		assert_eq!(paid_from_pot().len(), 2);
		assert!(CurrentPayout::<Test>::exists());
		run_to_block(FIRST_EPOCH_AT + 2);
		System::assert_last_event(
			Event::EpochPaid { epoch: 1, paid: EPOCH_REWARD, unpaid: 0, dats: 3 }.into(),
		);
		let paid = paid_from_pot();
		assert_eq!(paid.iter().map(|(_, amount)| amount).sum::<Balance>(), EPOCH_REWARD);
		assert_eq!(pot(), pot_before - EPOCH_REWARD);
		// Each within one unit of its exact share: 500, 166.7, 333.3.
		for (dat, exact) in dats.iter().zip([500.0, 166.67, 333.33]) {
			let amount = paid.iter().find(|(paid_to, _)| paid_to == dat).unwrap().1 as f64;
			assert!((amount - exact).abs() < 1.0, "DAT {dat} was paid {amount}");
		}
		let epoch = Podv::epoch_view(1).unwrap();
		assert_eq!(
			(epoch.started_at, epoch.completed_at, epoch.total_value, epoch.paid, epoch.dats_paid),
			(FIRST_EPOCH_AT, Some(FIRST_EPOCH_AT + 2), 540_000, EPOCH_REWARD, 3)
		);
		// The holder claims the revenue in the DAT pallet.
		let free = Balances::free_balance(ALICE);
		assert_ok!(Dat::claim_revenue(RuntimeOrigin::signed(ALICE), dats[0]));
		let reward = paid.iter().find(|(dat, _)| *dat == dats[0]).unwrap().1;
		assert_eq!(Balances::free_balance(ALICE), free + reward);
	});
}

#[test]
fn scores_changed_during_a_payout_count_from_the_next_epoch_and_conservation_holds() {
	new_test_ext().execute_with(|| {
		let dats = three_valued_dats();
		run_to_block(FIRST_EPOCH_AT);
		// During the payout a DAT's score changes and a new DAT gets value.
		let newcomer = anchor_with(ALICE, 9, &[], priced(SATURATION));
		use_data(FERDIE, newcomer, SATURATION);
		assert_ok!(Dat::set_policy(RuntimeOrigin::signed(ALICE), dats[1], priced(SATURATION)));
		use_data(FERDIE, dats[1], SATURATION);
		assert_eq!(ScoreAtEpochStart::<Test>::get(dats[1]), Some(90_000));
		run_to_block(FIRST_EPOCH_AT + 2);
		let paid = paid_from_pot();
		assert_eq!(paid.iter().map(|(_, amount)| amount).sum::<Balance>(), EPOCH_REWARD);
		let to = |dat: DatId| paid.iter().find(|(paid_to, _)| *paid_to == dat).map(|p| p.1);
		// Paid by the scores at the start: 90,000 of 540,000.
		assert!(matches!(to(dats[1]), Some(166) | Some(167)));
		assert_eq!(to(newcomer), None);
		assert_eq!(ScoreAtEpochStart::<Test>::iter().count(), 0);

		// The next epoch counts the new scores, the newcomer's included.
		System::reset_events();
		run_to_block(FIRST_EPOCH_AT + EPOCH + 3);
		let epoch = Podv::epoch_view(2).unwrap();
		assert_eq!(epoch.total_value, 540_000 + 200_000 + 200_000);
		assert_eq!(epoch.paid, EPOCH_REWARD);
		assert!(paid_from_pot().iter().any(|(dat, _)| *dat == newcomer));
	});
}

#[test]
fn without_value_an_epoch_has_no_budget_and_a_poor_pot_pays_what_it_has() {
	new_test_ext().execute_with(|| {
		run_to_block(FIRST_EPOCH_AT);
		System::assert_has_event(
			Event::EpochStarted { epoch: 1, budget: 0, total_value: 0 }.into(),
		);
		System::assert_last_event(
			Event::EpochPaid { epoch: 1, paid: 0, unpaid: 0, dats: 0 }.into(),
		);
		assert!(!CurrentPayout::<Test>::exists());
		assert_eq!(Podv::epoch_view(1).unwrap().completed_at, Some(FIRST_EPOCH_AT));

		three_valued_dats();
		// The pot keeps its existential deposit.
		let keep = pot() - 301;
		assert_ok!(<Balances as frame_support::traits::Currency<_>>::transfer(
			&Podv::reward_pot(),
			&FERDIE,
			keep,
			frame_support::traits::ExistenceRequirement::KeepAlive,
		));
		run_to_block(FIRST_EPOCH_AT + EPOCH + 2);
		let epoch = Podv::epoch_view(2).unwrap();
		assert_eq!((epoch.budget, epoch.paid, epoch.unpaid), (300, 300, 0));
		assert_eq!(pot(), 1);
	});
}

#[test]
fn a_retired_dats_share_stays_in_the_pot_and_it_leaves_the_scores() {
	new_test_ext().execute_with(|| {
		let dats = three_valued_dats();
		assert_ok!(Dat::retire(RuntimeOrigin::signed(ALICE), dats[1]));
		assert_eq!(Podv::total_data_value(), 540_000);
		let pot_before = pot();
		run_to_block(FIRST_EPOCH_AT + 2);
		let epoch = Podv::epoch_view(1).unwrap();
		assert!(matches!(epoch.unpaid, 166 | 167));
		assert_eq!(epoch.paid + epoch.unpaid, EPOCH_REWARD);
		assert_eq!(pot(), pot_before - epoch.paid);
		assert!(Podv::value_view(dats[1]).is_none());
		assert_eq!(Podv::total_data_value(), 450_000);
		assert!(Podv::top(10).iter().all(|(dat, _)| *dat != dats[1]));
	});
}

#[test]
fn only_the_last_epochs_are_kept() {
	new_test_ext().execute_with(|| {
		three_valued_dats();
		run_to_block(FIRST_EPOCH_AT + EPOCH * (HISTORY as u64 + 1));
		assert_eq!(crate::CurrentEpoch::<Test>::get(), HISTORY + 2);
		assert!(Podv::epoch_view(1).is_none());
		assert!(Podv::epoch_view(2).is_none());
		assert!(Podv::epoch_view(3).is_some());
		assert!(Podv::epoch_view(HISTORY + 2).is_some());
	});
}

#[test]
fn an_epoch_waits_for_the_payout_before_it_to_finish() {
	new_test_ext().execute_with(|| {
		// 25 DATs with value at two a block take 13 blocks, longer than an epoch.
		let dats: Vec<DatId> =
			(0..25).map(|seed| anchor_with(ALICE, seed, &[], priced(10))).collect();
		for dat in &dats {
			use_data(BOB, *dat, 10);
		}
		run_to_block(FIRST_EPOCH_AT + EPOCH);
		assert!(CurrentPayout::<Test>::exists());
		assert_eq!(crate::CurrentEpoch::<Test>::get(), 1);
		run_to_block(FIRST_EPOCH_AT + 14);
		assert_eq!(Podv::epoch_view(1).unwrap().completed_at, Some(FIRST_EPOCH_AT + 13));
		assert_eq!(Podv::epoch_view(2).unwrap().started_at, FIRST_EPOCH_AT + 14);
		assert_eq!(Podv::epoch_view(1).unwrap().dats_paid, 25);
	});
}

#[test]
fn the_genesis_may_set_a_shorter_epoch() {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	crate::GenesisConfig::<Test> { epoch_length: Some(3) }
		.assimilate_storage(&mut storage)
		.unwrap();
	sp_io::TestExternalities::new(storage).execute_with(|| {
		System::set_block_number(1);
		run_to_block(2 + 3 * 2);
		assert_eq!(crate::EpochLength::<Test>::get(), 3);
		assert_eq!(crate::CurrentEpoch::<Test>::get(), 2);
		assert_eq!(Podv::epoch_view(2).unwrap().started_at, 2 + 3 * 2);
	});
}

#[test]
fn integrity_holds_for_the_mock() {
	use frame_support::traits::Hooks;
	Podv::integrity_test();
}
