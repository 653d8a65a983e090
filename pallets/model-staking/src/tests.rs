//! Unit tests: every call and error, the three ways a claim ends, records and leaderboards, and
//! the conservation of issuance. Evaluations are real Groth16 proofs verified by the verified
//! computing pallet, which hands them to this pallet through its hook.

use crate::{mock::*, Error, Event, Outcome, Unbonding};
use frame_support::{assert_noop, assert_ok, BoundedVec};
use lazai_primitives::{
	dat::{Access, Consumer, ConsumerAuthority, DatInspect, DataKind, UsagePolicy},
	models::ModelRegistry,
};
use sp_core::H256;
use sp_runtime::DispatchError;

type MsError = Error<Test>;

/// A model registered by ALICE: its weights DAT and one training dataset (by CHARLIE).
struct Setup {
	model: u64,
	training: u64,
	dataset: u64,
	circuit: H256,
	benchmark: u32,
}

fn setup() -> Setup {
	let training = anchor(CHARLIE, DataKind::Dataset, 1);
	let dataset = anchor(CHARLIE, DataKind::Dataset, 2);
	let weights = anchor(ALICE, DataKind::ModelWeights, 3);
	assert_ok!(ModelStaking::register_model(
		RuntimeOrigin::signed(ALICE),
		weights,
		vec![training].try_into().unwrap(),
		text("ipfs://model-card"),
		0,
	));
	let circuit = register_evaluation_circuit();
	assert_ok!(ModelStaking::create_benchmark(
		RuntimeOrigin::root(),
		circuit,
		dataset,
		true,
		text("accuracy on 8 samples")
	));
	Setup { model: 0, training, dataset, circuit, benchmark: 0 }
}

/// ALICE, the owner of the setup's model, opens a claim.
fn open_claim(model: u64, benchmark: u32, score: u32, stake: Balance) {
	assert_ok!(ModelStaking::claim_performance(
		RuntimeOrigin::signed(ALICE),
		model,
		benchmark,
		score,
		stake
	));
}

/// `who` registers a model with these weights, no training data and no metadata.
fn register(who: AccountId, weights: u64) {
	assert_ok!(ModelStaking::register_model(
		RuntimeOrigin::signed(who),
		weights,
		BoundedVec::new(),
		text(""),
		0
	));
}

fn settled(claim: u64) -> Option<(Outcome, Option<u32>, Balance, Balance)> {
	System::events().into_iter().find_map(|record| match record.event {
		RuntimeEvent::ModelStaking(Event::ClaimSettled {
			claim: c,
			outcome,
			verified_score,
			rewarded,
			slashed,
		}) if c == claim => Some((outcome, verified_score, rewarded, slashed)),
		_ => None,
	})
}

fn reserved(who: AccountId) -> Balance {
	Balances::reserved_balance(who)
}

#[test]
fn registering_a_model_records_its_training_data_use_and_reserves_a_deposit() {
	new_test_ext().execute_with(|| {
		let training = anchor(CHARLIE, DataKind::Dataset, 1);
		let weights = anchor(ALICE, DataKind::ModelWeights, 3);
		let before = reserved(ALICE);
		assert_ok!(ModelStaking::register_model(
			RuntimeOrigin::signed(ALICE),
			weights,
			vec![training].try_into().unwrap(),
			text("card"),
			0,
		));
		System::assert_last_event(
			Event::ModelRegistered { model: 0, owner: ALICE, weights }.into(),
		);
		// Base, plus one 8-byte DAT id and four bytes of metadata; and the DAT pallet's record
		// of the model's use.
		assert_eq!(reserved(ALICE) - before, MODEL_DEPOSIT + 12 * PER_BYTE + RECORD_DEPOSIT);
		assert_eq!(Dat::uses(training), 1);
		let view = ModelStaking::model_view(0).unwrap();
		assert_eq!(
			(view.owner, view.weights, view.training_data),
			(ALICE, weights, vec![training])
		);
		assert_eq!(view.metadata_uri, b"card".to_vec());
		// The owner acts for its model before the DAT pallet, nobody else does.
		assert!(ModelStaking::may_act_as(&ALICE, &Consumer::Model(0)));
		assert!(!ModelStaking::may_act_as(&BOB, &Consumer::Model(0)));
		assert!(!ModelStaking::may_act_as(&ALICE, &Consumer::Model(1)));
		assert!(ModelStaking::may_act_as(&BOB, &Consumer::Account(BOB)));
	});
}

#[test]
fn training_data_is_paid_for_at_its_price() {
	new_test_ext().execute_with(|| {
		let policy = UsagePolicy { price: 700, ..Default::default() };
		let training = anchor_with(CHARLIE, DataKind::Dataset, 1, policy);
		let weights = anchor(ALICE, DataKind::ModelWeights, 3);
		let register = |max_price| {
			ModelStaking::register_model(
				RuntimeOrigin::signed(ALICE),
				weights,
				vec![training].try_into().unwrap(),
				text(""),
				max_price,
			)
		};
		assert_noop!(register(699), pallet_dat::Error::<Test>::PriceAboveMax);
		let free = Balances::free_balance(ALICE);
		assert_ok!(register(700));
		// 700 for the data, a record deposit at the DAT pallet, the model's deposit.
		assert_eq!(free - Balances::free_balance(ALICE), 700 + RECORD_DEPOSIT + MODEL_DEPOSIT + 8);
		assert_eq!(Dat::uses(training), 1);
	});
}

#[test]
fn a_training_dat_that_does_not_allow_the_model_fails_registration() {
	new_test_ext().execute_with(|| {
		let policy = UsagePolicy {
			access: Access::AllowList(vec![Consumer::Account(BOB)].try_into().unwrap()),
			..Default::default()
		};
		let training = anchor_with(CHARLIE, DataKind::Dataset, 1, policy);
		let weights = anchor(ALICE, DataKind::ModelWeights, 3);
		assert_noop!(
			ModelStaking::register_model(
				RuntimeOrigin::signed(ALICE),
				weights,
				vec![training].try_into().unwrap(),
				text(""),
				0,
			),
			pallet_dat::Error::<Test>::NotAllowed
		);
	});
}

#[test]
fn bad_model_registrations_are_refused() {
	new_test_ext().execute_with(|| {
		let data = anchor(ALICE, DataKind::Dataset, 1);
		let weights = anchor(ALICE, DataKind::ModelWeights, 2);
		let register = |who, weights, training: Vec<u64>| {
			ModelStaking::register_model(
				RuntimeOrigin::signed(who),
				weights,
				training.try_into().unwrap(),
				text(""),
				0,
			)
		};
		assert_noop!(
			ModelStaking::register_model(
				RuntimeOrigin::none(),
				weights,
				BoundedVec::new(),
				text(""),
				0
			),
			DispatchError::BadOrigin
		);
		assert_noop!(register(ALICE, 99, vec![]), MsError::UnknownDat);
		assert_noop!(register(ALICE, data, vec![]), MsError::NotModelWeights);
		assert_noop!(register(BOB, weights, vec![]), MsError::NotWeightsController);
		assert_noop!(register(ALICE, weights, vec![data, data]), MsError::DuplicateTrainingData);
		assert_noop!(register(ALICE, weights, vec![99]), pallet_dat::Error::<Test>::UnknownDat);
		assert_ok!(register(ALICE, weights, vec![data]));
		assert_noop!(register(ALICE, weights, vec![]), MsError::WeightsAlreadyRegistered);
	});
}

#[test]
fn benchmarks_need_the_privileged_origin_an_evaluation_circuit_and_a_dataset() {
	new_test_ext().execute_with(|| {
		let dataset = anchor(CHARLIE, DataKind::Dataset, 2);
		let circuit = register_evaluation_circuit();
		let create = |origin, circuit, dataset| {
			ModelStaking::create_benchmark(origin, circuit, dataset, true, text("b"))
		};
		assert_noop!(
			create(RuntimeOrigin::signed(ALICE), circuit, dataset),
			DispatchError::BadOrigin
		);
		assert_noop!(
			create(RuntimeOrigin::root(), H256::repeat_byte(9), dataset),
			MsError::NotAnEvaluationCircuit
		);
		assert_noop!(create(RuntimeOrigin::root(), circuit, 99), MsError::UnknownDat);
		assert_ok!(create(RuntimeOrigin::root(), circuit, dataset));
		System::assert_last_event(
			Event::BenchmarkCreated { benchmark: 0, circuit, dataset }.into(),
		);
		assert_noop!(create(RuntimeOrigin::root(), circuit, dataset), MsError::BenchmarkExists);
	});
}

#[test]
fn an_opaque_circuit_cannot_define_a_benchmark() {
	new_test_ext().execute_with(|| {
		let dataset = anchor(CHARLIE, DataKind::Dataset, 2);
		let key = evaluation_circuit().verifying_key.clone();
		assert_ok!(pallet_verified_computing::Pallet::<Test>::register_circuit(
			RuntimeOrigin::signed(DAVE),
			lazai_groth16::Curve::Bn254,
			key.clone().try_into().unwrap(),
			pallet_verified_computing::CircuitKind::Opaque,
			text(""),
		));
		let circuit = pallet_verified_computing::Pallet::<Test>::circuit_id(
			lazai_groth16::Curve::Bn254,
			&key,
		);
		assert_noop!(
			ModelStaking::create_benchmark(RuntimeOrigin::root(), circuit, dataset, true, text("")),
			MsError::NotAnEvaluationCircuit
		);
	});
}

#[test]
fn claims_bond_the_owners_stake_and_refuse_bad_input() {
	new_test_ext().execute_with(|| {
		let s = setup();
		let claim = |who, model, benchmark, score, stake| {
			ModelStaking::claim_performance(
				RuntimeOrigin::signed(who),
				model,
				benchmark,
				score,
				stake,
			)
		};
		assert_noop!(
			ModelStaking::claim_performance(
				RuntimeOrigin::none(),
				s.model,
				s.benchmark,
				1,
				MIN_STAKE
			),
			DispatchError::BadOrigin
		);
		assert_noop!(claim(ALICE, 9, s.benchmark, 1, MIN_STAKE), MsError::UnknownModel);
		assert_noop!(claim(BOB, s.model, s.benchmark, 1, MIN_STAKE), MsError::NotModelOwner);
		assert_noop!(claim(ALICE, s.model, 9, 1, MIN_STAKE), MsError::UnknownBenchmark);
		assert_noop!(
			claim(ALICE, s.model, s.benchmark, 1_000_001, MIN_STAKE),
			MsError::ScoreOutOfRange
		);
		assert_noop!(claim(ALICE, s.model, s.benchmark, 1, MIN_STAKE - 1), MsError::StakeTooLow);
		assert_noop!(
			claim(ALICE, s.model, s.benchmark, 1, 2 * ENDOWMENT),
			pallet_balances::Error::<Test>::InsufficientBalance
		);
		let before = reserved(ALICE);
		assert_ok!(claim(ALICE, s.model, s.benchmark, 750_000, 3_000));
		System::assert_last_event(
			Event::ClaimOpened {
				claim: 0,
				model: s.model,
				benchmark: s.benchmark,
				claimed_score: 750_000,
				stake: 3_000,
				deadline: 1 + CLAIM_PERIOD,
			}
			.into(),
		);
		assert_eq!(reserved(ALICE) - before, 3_000);
		assert_eq!(ModelStaking::model_view(s.model).unwrap().open_claims, 1);
		assert_noop!(claim(ALICE, s.model, s.benchmark, 1, MIN_STAKE), MsError::ClaimAlreadyOpen);
	});
}

#[test]
fn backing_adds_stake_up_to_the_staker_limit() {
	new_test_ext().execute_with(|| {
		let s = setup();
		open_claim(s.model, s.benchmark, 500_000, MIN_STAKE);
		let back = |who, claim, amount| {
			ModelStaking::back_claim(RuntimeOrigin::signed(who), claim, amount)
		};
		assert_noop!(back(BOB, 7, MIN_STAKE), MsError::UnknownClaim);
		assert_noop!(back(BOB, 0, MIN_STAKE - 1), MsError::StakeTooLow);
		assert_ok!(back(BOB, 0, MIN_STAKE));
		System::assert_last_event(
			Event::ClaimBacked { claim: 0, who: BOB, amount: MIN_STAKE }.into(),
		);
		// Backing again adds to BOB's stake without taking a staker's place.
		assert_ok!(back(BOB, 0, MIN_STAKE));
		assert_eq!(crate::Stakes::<Test>::get(0, BOB), Some(2 * MIN_STAKE));
		assert_ok!(back(CHARLIE, 0, MIN_STAKE));
		let claim = crate::Claims::<Test>::get(0).unwrap();
		assert_eq!((claim.stakers, claim.total_stake), (MAX_STAKERS, 4 * MIN_STAKE));
		assert_noop!(back(DAVE, 0, MIN_STAKE), MsError::TooManyStakers);
		run_to_block(2 + CLAIM_PERIOD);
		// Expired claims are gone; a claim past its deadline but not yet expired refuses too.
		assert_noop!(back(BOB, 0, MIN_STAKE), MsError::UnknownClaim);
	});
}

#[test]
fn backing_after_the_deadline_is_refused() {
	new_test_ext().execute_with(|| {
		let s = setup();
		open_claim(s.model, s.benchmark, 500_000, MIN_STAKE);
		// Past the deadline, before the expiry hook ran.
		System::set_block_number(2 + CLAIM_PERIOD);
		assert_noop!(
			ModelStaking::back_claim(RuntimeOrigin::signed(BOB), 0, MIN_STAKE),
			MsError::ClaimExpired
		);
	});
}

#[test]
fn an_accurate_claim_rewards_every_staker_in_proportion_to_stake() {
	new_test_ext().execute_with(|| {
		let s = setup();
		open_claim(s.model, s.benchmark, 760_000, 3_000);
		assert_ok!(ModelStaking::back_claim(RuntimeOrigin::signed(BOB), 0, 1_000));
		let (alice, bob) = (Balances::free_balance(ALICE), Balances::free_balance(BOB));
		// 6 of 8 right is 750,000: 10,000 short of the claim, within the 20,000 tolerance.
		submit(DAVE, s.circuit, &prove(s.model, s.dataset, 6));
		// 10 % of the 4,000 staked, split 3:1.
		assert_eq!(settled(0), Some((Outcome::Accurate, Some(750_000), 400, 0)));
		assert_eq!(Balances::free_balance(ALICE) - alice, 300);
		assert_eq!(Balances::free_balance(BOB) - bob, 100);
		assert_eq!(Balances::free_balance(ModelStaking::reward_pot()), POT - 400);
		assert_eq!(crate::Claims::<Test>::get(0), None);
		assert_eq!(crate::OpenClaim::<Test>::get(s.model, s.benchmark), None);
		assert_eq!(ModelStaking::model_view(s.model).unwrap().open_claims, 0);
		// The stakes unbond: still reserved until the period is over.
		let unlocks_at = 1 + UNBONDING;
		assert_eq!(
			crate::Unbondings::<Test>::get(BOB, 0),
			Some(Unbonding { amount: 1_000, unlocks_at })
		);
		let withdraw = |who| ModelStaking::withdraw_unbonded(RuntimeOrigin::signed(who), 0);
		assert_noop!(withdraw(BOB), MsError::StillUnbonding);
		assert_noop!(withdraw(CHARLIE), MsError::NothingUnbonding);
		run_to_block(unlocks_at);
		let reserved_before = reserved(BOB);
		assert_ok!(withdraw(BOB));
		System::assert_last_event(Event::Withdrawn { who: BOB, claim: 0, amount: 1_000 }.into());
		assert_eq!(reserved_before - reserved(BOB), 1_000);
		assert_noop!(withdraw(BOB), MsError::NothingUnbonding);
	});
}

#[test]
fn rewards_are_limited_to_what_the_pot_holds() {
	new_test_ext().execute_with(|| {
		let s = setup();
		let pot = ModelStaking::reward_pot();
		// Leave the pot 101: 100 above the existential deposit.
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(pot), DAVE, POT - 101));
		open_claim(s.model, s.benchmark, 500_000, 10_000);
		submit(DAVE, s.circuit, &prove(s.model, s.dataset, 6));
		assert_eq!(settled(0), Some((Outcome::Accurate, Some(750_000), 100, 0)));
		assert_eq!(Balances::free_balance(pot), 1);
	});
}

#[test]
fn a_false_claim_slashes_every_stake_to_the_submitter_and_the_pot() {
	new_test_ext().execute_with(|| {
		let s = setup();
		open_claim(s.model, s.benchmark, 900_000, 3_000);
		assert_ok!(ModelStaking::back_claim(RuntimeOrigin::signed(BOB), 0, 1_000));
		let (alice_reserved, bob_reserved) = (reserved(ALICE), reserved(BOB));
		let dave = Balances::free_balance(DAVE);
		// 750,000 is 150,000 short of the claim.
		submit(DAVE, s.circuit, &prove(s.model, s.dataset, 6));
		// Half of each stake: 1,500 and 500.
		assert_eq!(settled(0), Some((Outcome::False, Some(750_000), 0, 2_000)));
		assert_eq!(alice_reserved - reserved(ALICE), 1_500);
		assert_eq!(bob_reserved - reserved(BOB), 500);
		// 20 % of each slash to the submitter (who also paid the statement deposit of 20).
		assert_eq!(Balances::free_balance(DAVE) + 20 - dave, 300 + 100);
		assert_eq!(Balances::free_balance(ModelStaking::reward_pot()), POT + 1_200 + 400);
		assert_eq!(crate::Unbondings::<Test>::get(ALICE, 0).unwrap().amount, 1_500);
		assert_eq!(crate::Unbondings::<Test>::get(BOB, 0).unwrap().amount, 500);
	});
}

#[test]
fn lower_is_better_benchmarks_judge_claims_the_other_way() {
	new_test_ext().execute_with(|| {
		let s = setup();
		let other = anchor(CHARLIE, DataKind::Dataset, 4);
		assert_ok!(ModelStaking::create_benchmark(
			RuntimeOrigin::root(),
			s.circuit,
			other,
			false,
			text("error rate")
		));
		// Claim an error rate of at most 600,000: 750,000 is 150,000 worse.
		open_claim(s.model, 1, 600_000, MIN_STAKE);
		submit(DAVE, s.circuit, &prove(s.model, other, 6));
		assert_eq!(settled(0).map(|s| s.0), Some(Outcome::False));
		// Claim at most 740,000: 750,000 is within the tolerance.
		open_claim(s.model, 1, 740_000, MIN_STAKE);
		// 625,000 is better than claimed.
		submit(DAVE, s.circuit, &prove(s.model, other, 5));
		assert_eq!(settled(1).map(|s| s.0), Some(Outcome::Accurate));
	});
}

#[test]
fn a_claim_without_evaluation_expires_with_a_small_penalty() {
	new_test_ext().execute_with(|| {
		let s = setup();
		open_claim(s.model, s.benchmark, 500_000, 10_000);
		assert_ok!(ModelStaking::back_claim(RuntimeOrigin::signed(BOB), 0, 5_000));
		run_to_block(1 + CLAIM_PERIOD);
		// The deadline block itself still accepts an evaluation.
		assert_eq!(settled(0), None);
		run_to_block(2 + CLAIM_PERIOD);
		// 1 % of each stake.
		assert_eq!(settled(0), Some((Outcome::Expired, None, 0, 150)));
		assert_eq!(crate::Unbondings::<Test>::get(ALICE, 0).unwrap().amount, 9_900);
		assert_eq!(crate::Unbondings::<Test>::get(BOB, 0).unwrap().amount, 4_950);
		assert_eq!(Balances::free_balance(ModelStaking::reward_pot()), POT + 150);
		assert_eq!(crate::OpenClaim::<Test>::get(s.model, s.benchmark), None);
		// A new claim on the same benchmark may open.
		open_claim(s.model, s.benchmark, 500_000, MIN_STAKE);
	});
}

#[test]
fn an_evaluation_after_the_deadline_records_the_score_but_the_claim_expires() {
	new_test_ext().execute_with(|| {
		let s = setup();
		open_claim(s.model, s.benchmark, 500_000, MIN_STAKE);
		System::set_block_number(2 + CLAIM_PERIOD);
		submit(DAVE, s.circuit, &prove(s.model, s.dataset, 6));
		assert_eq!(crate::Scores::<Test>::get(s.model, s.benchmark).unwrap().score, 750_000);
		assert_eq!(settled(0), None);
		run_to_block(3 + CLAIM_PERIOD);
		assert_eq!(settled(0).map(|s| s.0), Some(Outcome::Expired));
	});
}

#[test]
fn expiry_looks_at_a_bounded_number_of_claims_per_block() {
	new_test_ext().execute_with(|| {
		let s = setup();
		let mut models = vec![s.model];
		for seed in 10..13u8 {
			let weights = anchor(ALICE, DataKind::ModelWeights, seed);
			register(ALICE, weights);
			models.push(crate::NextModelId::<Test>::get() - 1);
		}
		for model in &models {
			open_claim(*model, s.benchmark, 500_000, MIN_STAKE);
		}
		// The first is settled by an evaluation: the next block's hook steps over it.
		submit(DAVE, s.circuit, &prove(s.model, s.dataset, 6));
		run_to_block(2);
		assert_eq!(crate::ExpiryCursor::<Test>::get(), 1);
		run_to_block(1 + CLAIM_PERIOD);
		assert_eq!(crate::ExpiryCursor::<Test>::get(), 1);
		// Three are past their deadline; a block expires two.
		run_to_block(2 + CLAIM_PERIOD);
		assert_eq!(settled(1).map(|s| s.0), Some(Outcome::Expired));
		assert_eq!(settled(2).map(|s| s.0), Some(Outcome::Expired));
		assert_eq!(settled(3), None);
		assert_eq!(crate::ExpiryCursor::<Test>::get(), 3);
		run_to_block(3 + CLAIM_PERIOD);
		assert_eq!(settled(3).map(|s| s.0), Some(Outcome::Expired));
		assert_eq!(crate::ExpiryCursor::<Test>::get(), 4);
	});
}

#[test]
fn scores_history_and_leaderboards_follow_verified_evaluations() {
	new_test_ext().execute_with(|| {
		let s = setup();
		let second = anchor(ALICE, DataKind::ModelWeights, 20);
		register(ALICE, second);
		for correct in [2, 5, 7, 4] {
			submit(DAVE, s.circuit, &prove(s.model, s.dataset, correct));
		}
		submit(DAVE, s.circuit, &prove(1, s.dataset, 6));
		let performance = ModelStaking::performance(s.model).unwrap();
		assert_eq!(performance.latest.len(), 1);
		assert_eq!(performance.latest[0].score, 500_000);
		// The history keeps the newest three.
		let history: Vec<u32> = performance.history.iter().map(|s| s.score).collect();
		assert_eq!(history, vec![625_000, 875_000, 500_000]);
		let board: Vec<(u64, u32)> =
			ModelStaking::leaderboard(s.benchmark, 10).iter().map(|p| (p.model, p.score)).collect();
		assert_eq!(board, vec![(1, 750_000), (0, 500_000)]);
		assert_eq!(ModelStaking::leaderboard(s.benchmark, 1).len(), 1);
		assert!(ModelStaking::leaderboard(9, 10).is_empty());
		assert_eq!(ModelStaking::performance(9), None);
		System::assert_has_event(
			Event::ScoreRecorded {
				model: 1,
				benchmark: s.benchmark,
				score: 750_000,
				statement: crate::Scores::<Test>::get(1, s.benchmark).unwrap().statement,
			}
			.into(),
		);
	});
}

#[test]
fn other_pallets_read_models_benchmarks_and_scores_through_the_registry() {
	new_test_ext().execute_with(|| {
		let s = setup();
		let extra = anchor(CHARLIE, DataKind::Dataset, 21);
		let base_weights = crate::Models::<Test>::get(s.model).unwrap().weights;
		let unrelated = anchor(BOB, DataKind::Dataset, 22);
		let weights = anchor_derived(
			ALICE,
			DataKind::ModelWeights,
			23,
			&[unrelated, base_weights],
			UsagePolicy::default(),
		);
		assert_ok!(ModelStaking::register_model(
			RuntimeOrigin::signed(ALICE),
			weights,
			vec![s.training, extra].try_into().unwrap(),
			text(""),
			0,
		));
		assert_eq!(ModelStaking::training_data(1), Some(vec![s.training, extra]));
		assert_eq!(ModelStaking::training_data(9), None);
		// The second model's weights derive from the first model's weights.
		assert_eq!(ModelStaking::base_model(1), Some(s.model));
		assert_eq!(ModelStaking::base_model(s.model), None);
		assert_eq!(ModelStaking::benchmark(&s.circuit, s.dataset), Some((s.benchmark, true)));
		assert_eq!(ModelStaking::benchmark(&s.circuit, extra), None);
		assert_eq!(ModelStaking::latest_score(s.model, s.benchmark), None);
		submit(DAVE, s.circuit, &prove(s.model, s.dataset, 5));
		assert_eq!(ModelStaking::latest_score(s.model, s.benchmark), Some(625_000));
	});
}

#[test]
fn evaluations_of_unknown_models_or_other_datasets_record_nothing() {
	new_test_ext().execute_with(|| {
		let s = setup();
		let elsewhere = anchor(CHARLIE, DataKind::Dataset, 30);
		submit(DAVE, s.circuit, &prove(42, s.dataset, 6));
		submit(DAVE, s.circuit, &prove(s.model, elsewhere, 6));
		assert_eq!(crate::Scores::<Test>::iter().count(), 0);
		assert!(ModelStaking::leaderboard(s.benchmark, 10).is_empty());
	});
}

#[test]
fn issuance_is_unchanged_by_rewards_slashes_and_expiry() {
	new_test_ext().execute_with(|| {
		let s = setup();
		let issuance = Balances::total_issuance();
		let second = anchor(ALICE, DataKind::ModelWeights, 20);
		assert_ok!(ModelStaking::register_model(
			RuntimeOrigin::signed(ALICE),
			second,
			vec![s.training].try_into().unwrap(),
			text(""),
			0
		));
		let third = anchor(ALICE, DataKind::ModelWeights, 21);
		register(ALICE, third);
		for (model, score) in [(0, 700_000), (1, 900_000), (2, 500_000)] {
			open_claim(model, s.benchmark, score, 7_777);
			assert_ok!(ModelStaking::back_claim(RuntimeOrigin::signed(BOB), model, 3_333));
		}
		submit(DAVE, s.circuit, &prove(0, s.dataset, 6));
		submit(CHARLIE, s.circuit, &prove(1, s.dataset, 6));
		run_to_block(2 + CLAIM_PERIOD + UNBONDING);
		let outcomes: Vec<_> = (0..3).map(|c| settled(c).unwrap().0).collect();
		assert_eq!(outcomes, vec![Outcome::Accurate, Outcome::False, Outcome::Expired]);
		for claim in 0..3 {
			for who in [ALICE, BOB] {
				assert_ok!(ModelStaking::withdraw_unbonded(RuntimeOrigin::signed(who), claim));
			}
		}
		assert_eq!(Balances::total_issuance(), issuance);
	});
}
