//! Tests of the assembled runtime: its genesis presets and its validator set changing across
//! sessions, with the real Session, Aura and GRANDPA pallets.

use crate::{
	configs::{MIN_SESSION_PERIOD, SESSION_PERIOD},
	genesis_config_presets, AccountId, Aura, Grandpa, Runtime, RuntimeGenesisConfig, RuntimeOrigin,
	Session, SessionKeys, System, ValidatorSet,
};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	traits::{OnFinalize, OnInitialize},
};
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_keyring::Sr25519Keyring;
use sp_keystore::{testing::MemoryKeystore, KeystoreExt};
use sp_runtime::{traits::BadOrigin, BuildStorage};
use std::sync::Arc;

/// Lays `patch` over `base`, as the node does with a preset over the default genesis.
fn merge(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(base), Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

/// The state of a chain started from `preset`, at block 1, with a keystore for session keys.
fn chain_from(preset: Value) -> sp_io::TestExternalities {
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	merge(&mut config, preset);
	let config: RuntimeGenesisConfig = serde_json::from_value(config).unwrap();
	let mut ext = sp_io::TestExternalities::new(config.build_storage().unwrap());
	ext.register_extension(KeystoreExt(Arc::new(MemoryKeystore::new())));
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Run the session and finality hooks up to block `n`.
fn run_to_block(n: u32) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Session::on_initialize(next);
		Grandpa::on_finalize(next);
	}
}

/// Run to the first block of the session after next.
fn run_two_sessions() {
	let now = System::block_number();
	let length = pallet_validator_set::SessionLength::<Runtime>::get();
	run_to_block((now / length + 2) * length);
}

fn account(who: Sr25519Keyring) -> AccountId {
	who.to_account_id()
}

fn aura_authorities() -> Vec<AuraId> {
	pallet_aura::Authorities::<Runtime>::get().into_inner()
}

/// Register fresh session keys for `who` with a valid ownership proof, as an operator does with
/// `author_rotateKeysWithOwner` and `session.setKeys`. Returns the keys.
fn set_fresh_keys(who: &AccountId) -> SessionKeys {
	let generated = SessionKeys::generate(&who.encode(), None);
	assert_ok!(Session::set_keys(
		RuntimeOrigin::signed(who.clone()),
		generated.keys.clone(),
		generated.proof.encode()
	));
	generated.keys
}

/// Anchor a free-to-use DAT of `who` with content `seed`, derived from `parents`.
fn anchor(
	who: &AccountId,
	seed: u8,
	kind: lazai_primitives::dat::DataKind,
	parents: Vec<(lazai_primitives::dat::DatId, lazai_primitives::dat::Derivation)>,
) -> lazai_primitives::dat::DatId {
	let id = pallet_dat::NextDatId::<Runtime>::get();
	assert_ok!(crate::Dat::anchor(
		RuntimeOrigin::signed(who.clone()),
		sp_core::H256::repeat_byte(seed),
		b"ipfs://bafy".to_vec().try_into().unwrap(),
		kind,
		parents.try_into().unwrap(),
		Default::default(),
	));
	id
}

/// `owner` registers a real BN254 evaluation circuit over 8 outcomes (its setup drawn from
/// `seed`) and Root makes it, with `test_set`, a higher-is-better benchmark.
fn evaluation_benchmark(
	owner: &AccountId,
	seed: u64,
	test_set: lazai_primitives::dat::DatId,
) -> (lazai_groth16::testing::Circuit, sp_core::H256) {
	use crate::{ModelStaking, VerifiedComputing};
	use lazai_groth16::{testing::Circuit, Curve};
	let circuit = Circuit::evaluation(Curve::Bn254, 8, seed);
	assert_ok!(VerifiedComputing::register_circuit(
		RuntimeOrigin::signed(owner.clone()),
		Curve::Bn254,
		circuit.verifying_key.clone().try_into().unwrap(),
		pallet_verified_computing::CircuitKind::Evaluation,
		Default::default(),
	));
	let circuit_id = VerifiedComputing::circuit_id(Curve::Bn254, &circuit.verifying_key);
	assert_ok!(ModelStaking::create_benchmark(
		RuntimeOrigin::root(),
		circuit_id,
		test_set,
		true,
		Default::default(),
	));
	(circuit, circuit_id)
}

/// `who` proves with `circuit` that `model` had `outcomes` (right or wrong, per sample) on
/// `test_set`, `seed` drawing the proof's randomness, and submits the proof.
fn prove_evaluation(
	who: &AccountId,
	(circuit, circuit_id): &(lazai_groth16::testing::Circuit, sp_core::H256),
	model: lazai_primitives::dat::ModelId,
	test_set: lazai_primitives::dat::DatId,
	outcomes: Vec<bool>,
	seed: u64,
) {
	use lazai_groth16::{testing::Evaluation, Curve};
	use pallet_verified_computing::Groth16Proof;
	let statement =
		circuit.prove_evaluation(&Evaluation { model, dataset: test_set, outcomes }, seed);
	assert_ok!(crate::VerifiedComputing::submit_proof(
		RuntimeOrigin::signed(who.clone()),
		*circuit_id,
		Groth16Proof { curve: Curve::Bn254, bytes: statement.proof.try_into().unwrap() },
		statement.inputs.try_into().unwrap(),
	));
}

#[test]
fn development_preset_starts_with_alice_alone() {
	chain_from(genesis_config_presets::development()).execute_with(|| {
		let alice = account(Sr25519Keyring::Alice);
		assert_eq!(ValidatorSet::validators(), vec![alice.clone()]);
		assert_eq!(Session::validators(), vec![alice.clone()]);
		assert_eq!(aura_authorities(), vec![Sr25519Keyring::Alice.public().into()]);
		assert_eq!(Grandpa::grandpa_authorities().len(), 1);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(alice));
		for who in Sr25519Keyring::iter() {
			assert_eq!(
				pallet_balances::Pallet::<Runtime>::free_balance(who.to_account_id()),
				genesis_config_presets::ENDOWMENT
			);
		}
	});
}

#[test]
fn local_testnet_preset_starts_with_alice_and_bob() {
	chain_from(genesis_config_presets::local_testnet()).execute_with(|| {
		let expected = vec![account(Sr25519Keyring::Alice), account(Sr25519Keyring::Bob)];
		assert_eq!(ValidatorSet::validators(), expected);
		assert_eq!(Session::validators(), expected);
		assert_eq!(aura_authorities().len(), 2);
		assert_eq!(Grandpa::grandpa_authorities().len(), 2);
	});
}

#[test]
fn presets_are_listed_and_unknown_ones_refused() {
	assert_eq!(genesis_config_presets::preset_names(), vec!["development", "local_testnet"]);
	assert!(genesis_config_presets::get_preset(&"development".into()).is_some());
	assert!(genesis_config_presets::get_preset(&"mainnet".into()).is_none());
}

#[test]
fn root_adds_a_validator_that_then_authors_and_votes() {
	chain_from(genesis_config_presets::local_testnet()).execute_with(|| {
		let charlie = account(Sr25519Keyring::Charlie);
		let keys = set_fresh_keys(&charlie);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), charlie.clone()));
		assert!(!Session::validators().contains(&charlie), "not before the session after next");

		run_two_sessions();

		assert!(Session::validators().contains(&charlie));
		assert!(aura_authorities().contains(&keys.aura));
		assert!(Grandpa::grandpa_authorities().iter().any(|(id, _)| id == &keys.grandpa));
		assert_eq!(Grandpa::grandpa_authorities().len(), 3);
	});
}

#[test]
fn root_removes_a_validator_that_then_stops() {
	chain_from(genesis_config_presets::local_testnet()).execute_with(|| {
		let bob = account(Sr25519Keyring::Bob);
		let bob_aura: AuraId = Sr25519Keyring::Bob.public().into();
		assert!(aura_authorities().contains(&bob_aura));

		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), bob.clone()));
		run_two_sessions();

		assert_eq!(Session::validators(), vec![account(Sr25519Keyring::Alice)]);
		assert!(!aura_authorities().contains(&bob_aura));
		assert_eq!(Grandpa::grandpa_authorities().len(), 1);
	});
}

#[test]
fn sessions_last_ten_minutes_unless_root_or_the_chain_spec_shortens_them() {
	chain_from(genesis_config_presets::local_testnet()).execute_with(|| {
		run_to_block(SESSION_PERIOD);
		assert_eq!(Session::current_index(), 1);
		assert_ok!(ValidatorSet::set_session_length(RuntimeOrigin::root(), MIN_SESSION_PERIOD));
		run_to_block(SESSION_PERIOD + 3 * MIN_SESSION_PERIOD);
		assert_eq!(Session::current_index(), 4);
		assert_noop!(
			ValidatorSet::set_session_length(RuntimeOrigin::root(), MIN_SESSION_PERIOD - 1),
			pallet_validator_set::Error::<Runtime>::SessionTooShort
		);
	});

	// The key zombienet's local-4-standby.toml patches into the chain spec.
	let mut preset = genesis_config_presets::local_testnet();
	merge(
		&mut preset,
		serde_json::json!({ "validatorSet": { "sessionLength": MIN_SESSION_PERIOD } }),
	);
	chain_from(preset).execute_with(|| {
		let charlie = account(Sr25519Keyring::Charlie);
		set_fresh_keys(&charlie);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), charlie.clone()));
		run_to_block(2 * MIN_SESSION_PERIOD);
		assert_eq!(Session::current_index(), 2);
		assert!(Session::validators().contains(&charlie));
	});
}

#[test]
fn a_validator_without_session_keys_is_left_out_until_it_sets_them() {
	chain_from(genesis_config_presets::local_testnet()).execute_with(|| {
		let dave = account(Sr25519Keyring::Dave);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), dave.clone()));
		run_two_sessions();
		assert!(!Session::validators().contains(&dave));

		let keys = set_fresh_keys(&dave);
		run_two_sessions();
		assert!(Session::validators().contains(&dave));
		assert!(aura_authorities().contains(&keys.aura));
	});
}

#[test]
fn a_governance_idao_replaces_sudo_for_the_validator_set_and_freezing_data() {
	use crate::{configs::MaxProposalWeight, Idao, RuntimeCall};
	chain_from(genesis_config_presets::local_testnet()).execute_with(|| {
		let alice = account(Sr25519Keyring::Alice);
		let bob = account(Sr25519Keyring::Bob);
		let charlie = account(Sr25519Keyring::Charlie);
		let rules = pallet_idao::Rules {
			approval_threshold: sp_runtime::Perbill::from_percent(66),
			quorum: sp_runtime::Perbill::from_percent(50),
			voting_period: MIN_SESSION_PERIOD,
		};
		let members = vec![(bob.clone(), 1)].try_into().unwrap();
		assert_ok!(Idao::create_idao(
			RuntimeOrigin::signed(alice.clone()),
			Default::default(),
			members,
			rules
		));
		let council = Idao::account_of(0);
		// Alice and Bob approve `call`, which the council's account then makes.
		let decide = |call: RuntimeCall| {
			let proposal = pallet_idao::Idaos::<Runtime>::get(0).unwrap().next_proposal;
			assert_ok!(Idao::propose(RuntimeOrigin::signed(alice.clone()), 0, Box::new(call)));
			for member in [&alice, &bob] {
				assert_ok!(Idao::vote(RuntimeOrigin::signed(member.clone()), 0, proposal, true));
			}
			assert_ok!(Idao::close(
				RuntimeOrigin::signed(bob.clone()),
				0,
				proposal,
				MaxProposalWeight::get()
			));
		};
		let add_charlie = RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator {
			who: charlie.clone(),
		});

		// Until Root designates it, the iDAO's account is nobody special.
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(council.clone()), charlie.clone()),
			BadOrigin
		);
		assert_ok!(Idao::set_governance_idao(RuntimeOrigin::root(), Some(0)));
		set_fresh_keys(&charlie);
		decide(add_charlie);
		assert!(ValidatorSet::validators().contains(&charlie));
		run_two_sessions();
		assert!(Session::validators().contains(&charlie));

		let dat = anchor(&alice, 9, lazai_primitives::dat::DataKind::Dataset, vec![]);
		decide(RuntimeCall::Dat(pallet_dat::Call::freeze { dat }));
		assert!(pallet_dat::Dats::<Runtime>::get(dat).unwrap().frozen);
		// A member alone is still nobody special.
		assert_noop!(crate::Dat::unfreeze(RuntimeOrigin::signed(alice.clone()), dat), BadOrigin);
	});
}

#[test]
fn only_root_or_the_governance_idao_changes_the_validator_set_and_the_last_validator_stays() {
	chain_from(genesis_config_presets::development()).execute_with(|| {
		let alice = account(Sr25519Keyring::Alice);
		let bob = account(Sr25519Keyring::Bob);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(alice.clone()), bob),
			BadOrigin
		);
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), alice),
			pallet_validator_set::Error::<Runtime>::TooFewValidators
		);
	});
}

#[test]
fn set_keys_refuses_a_proof_made_for_another_account() {
	chain_from(genesis_config_presets::local_testnet()).execute_with(|| {
		let charlie = account(Sr25519Keyring::Charlie);
		let eve = account(Sr25519Keyring::Eve);
		let generated = SessionKeys::generate(&eve.encode(), None);
		assert_noop!(
			Session::set_keys(
				RuntimeOrigin::signed(charlie),
				generated.keys,
				generated.proof.encode()
			),
			pallet_session::Error::<Runtime>::InvalidProof
		);
	});
}

#[test]
fn aura_slot_is_six_seconds() {
	chain_from(genesis_config_presets::development()).execute_with(|| {
		assert_eq!(Aura::slot_duration(), 6_000);
	});
}

/// Anchoring through the assembled runtime: the revenue account exists from genesis, the
/// deposit follows the runtime's constants and a paid use reaches the holder.
#[test]
fn ordinary_transactions_fill_three_quarters_of_a_block_and_operational_ones_the_rest() {
	use crate::{
		configs::RuntimeBlockWeights,
		weights::{BlockExecutionWeight, ExtrinsicBaseWeight},
	};
	use frame_support::{dispatch::DispatchClass, weights::constants::WEIGHT_REF_TIME_PER_SECOND};

	let weights = RuntimeBlockWeights::get();
	let two_seconds = 2 * WEIGHT_REF_TIME_PER_SECOND;
	assert_eq!(weights.max_block.ref_time(), two_seconds);
	assert_eq!(weights.base_block, BlockExecutionWeight::get());
	let normal = weights.get(DispatchClass::Normal);
	let operational = weights.get(DispatchClass::Operational);
	assert_eq!(normal.max_total.unwrap().ref_time(), two_seconds * 3 / 4);
	assert_eq!(operational.max_total.unwrap().ref_time(), two_seconds);
	assert_eq!(operational.reserved.unwrap().ref_time(), two_seconds / 4);
	assert_eq!(normal.base_extrinsic, ExtrinsicBaseWeight::get());
	assert_eq!(operational.base_extrinsic, ExtrinsicBaseWeight::get());
}

#[test]
fn dat_anchor_use_and_claim_with_the_runtime_constants() {
	use crate::{configs::DatDepositBase, Balances, Dat};
	use lazai_primitives::{currency::LAZ, dat::UsagePolicy};
	use sp_core::H256;

	chain_from(genesis_config_presets::development()).execute_with(|| {
		let (alice, bob) = (account(Sr25519Keyring::Alice), account(Sr25519Keyring::Bob));
		assert!(pallet_balances::Pallet::<Runtime>::free_balance(Dat::revenue_account()) > 0);
		let policy = UsagePolicy { price: LAZ, ..Default::default() };
		assert_ok!(Dat::anchor(
			RuntimeOrigin::signed(alice.clone()),
			H256::repeat_byte(1),
			b"ipfs://bafy".to_vec().try_into().unwrap(),
			lazai_primitives::dat::DataKind::Dataset,
			Default::default(),
			policy,
		));
		let held = Balances::reserved_balance(&alice);
		assert!(held > DatDepositBase::get() && held < 2 * DatDepositBase::get());

		assert_ok!(Dat::use_data(
			RuntimeOrigin::signed(bob.clone()),
			0,
			lazai_primitives::dat::Consumer::Account(bob),
			LAZ
		));
		let before = pallet_balances::Pallet::<Runtime>::free_balance(&alice);
		assert_ok!(Dat::claim_revenue(RuntimeOrigin::signed(alice.clone()), 0));
		assert_eq!(pallet_balances::Pallet::<Runtime>::free_balance(&alice), before + LAZ);
		let lineage = pallet_dat::lineage::lineage_of::<Runtime>(
			0,
			lazai_primitives::dat::LineageDirection::Ancestors,
			32,
		)
		.unwrap();
		assert_eq!(lineage.nodes, vec![(0, 0)]);
	});
}

#[test]
fn a_model_trained_on_a_dat_is_rewarded_for_a_claim_a_real_proof_confirms() {
	use crate::{configs::MinClaimStake, Balances, Dat, ModelStaking};
	use lazai_primitives::dat::{Consumer, DatInspect, DataKind};
	use pallet_model_staking::Outcome;

	chain_from(genesis_config_presets::development()).execute_with(|| {
		System::set_block_number(1);
		let (alice, bob, charlie) = (
			account(Sr25519Keyring::Alice),
			account(Sr25519Keyring::Bob),
			account(Sr25519Keyring::Charlie),
		);
		// Bob's training data and test set; Alice's model weights.
		let training = anchor(&bob, 1, DataKind::Dataset, vec![]);
		let test_set = anchor(&bob, 2, DataKind::Dataset, vec![]);
		let weights = anchor(&alice, 3, DataKind::ModelWeights, vec![]);
		assert_ok!(ModelStaking::register_model(
			RuntimeOrigin::signed(alice.clone()),
			weights,
			vec![training].try_into().unwrap(),
			b"ipfs://model-card".to_vec().try_into().unwrap(),
			0,
		));
		assert_eq!(Dat::uses(training), 1);

		// Charlie registers an evaluation circuit; Root makes it a benchmark on the test set.
		let benchmark = evaluation_benchmark(&charlie, 11, test_set);

		// Alice claims 75 %; Bob backs her.
		let stake = MinClaimStake::get();
		assert_ok!(ModelStaking::claim_performance(
			RuntimeOrigin::signed(alice.clone()),
			0,
			0,
			750_000,
			3 * stake
		));
		assert_ok!(ModelStaking::back_claim(RuntimeOrigin::signed(bob.clone()), 0, stake));
		let (alice_free, bob_free) = (Balances::free_balance(&alice), Balances::free_balance(&bob));

		// Charlie proves model 0 got 7 of 8 right on the test set, and submits the proof.
		let outcomes = vec![true, true, true, false, true, true, true, true];
		prove_evaluation(&charlie, &benchmark, 0, test_set, outcomes, 5);

		// 5 % of the 4 × MinStake on the claim, 3 : 1.
		let reward = 4 * stake / 20;
		assert_eq!(Balances::free_balance(&alice) - alice_free, reward * 3 / 4);
		assert_eq!(Balances::free_balance(&bob) - bob_free, reward / 4);
		System::assert_has_event(
			pallet_model_staking::Event::ClaimSettled {
				claim: 0,
				outcome: Outcome::Accurate,
				verified_score: Some(875_000),
				rewarded: reward,
				slashed: 0,
			}
			.into(),
		);
		let board = ModelStaking::leaderboard(0, 10);
		assert_eq!((board[0].model, board[0].score), (0, 875_000));
		// Alice acts for her model before the DAT pallet.
		assert!(<ModelStaking as lazai_primitives::dat::ConsumerAuthority<AccountId>>::may_act_as(
			&alice,
			&Consumer::Model(0)
		));
	});
}

#[test]
fn data_that_improved_a_model_by_a_real_proof_is_paid_its_share_of_the_epoch() {
	use crate::{Balances, Dat, ModelStaking, Podv};
	use lazai_primitives::dat::{DataKind, Derivation};

	chain_from(genesis_config_presets::development()).execute_with(|| {
		let (alice, bob, charlie, dave) = (
			account(Sr25519Keyring::Alice),
			account(Sr25519Keyring::Bob),
			account(Sr25519Keyring::Charlie),
			account(Sr25519Keyring::Dave),
		);
		// Bob's data trained Alice's first model; Charlie's new data trained her second, a new
		// version of the first. Dave's test set is the benchmark.
		let old_data = anchor(&bob, 1, DataKind::Dataset, vec![]);
		let new_data = anchor(&charlie, 2, DataKind::Dataset, vec![]);
		let test_set = anchor(&dave, 3, DataKind::Dataset, vec![]);
		let first = anchor(&alice, 4, DataKind::ModelWeights, vec![]);
		let second =
			anchor(&alice, 5, DataKind::ModelWeights, vec![(first, Derivation::NewVersion)]);
		for (weights, training) in [(first, vec![old_data]), (second, vec![old_data, new_data])] {
			assert_ok!(ModelStaking::register_model(
				RuntimeOrigin::signed(alice.clone()),
				weights,
				training.try_into().unwrap(),
				Default::default(),
				0,
			));
		}
		let benchmark = evaluation_benchmark(&dave, 13, test_set);

		// Real proofs: the first model gets 5 of 8 right, the second 6 of 8.
		for (model, correct) in [(0, 5), (1, 6)] {
			let outcomes = (0..8).map(|i| i < correct).collect();
			prove_evaluation(&dave, &benchmark, model, test_set, outcomes, 17 + model);
		}
		// The second model's 12.5-point gain is Charlie's data's alone.
		System::assert_has_event(
			pallet_podv::Event::ImprovementCredited {
				model: 1,
				benchmark: 0,
				improvement: 125_000,
				dats: vec![new_data],
			}
			.into(),
		);
		let valued = Podv::value_view(new_data).unwrap();
		assert_eq!((valued.improvement, valued.score), (1_000_000, 500_000));
		assert_eq!(Podv::total_data_value(), 2 * 500_000);

		// The development chain's epoch: its budget is shared between the two datasets.
		let charlie_free = Balances::free_balance(&charlie);
		let epoch_at = 2 + genesis_config_presets::DEV_PODV_EPOCH;
		while System::block_number() <= epoch_at {
			let next = System::block_number() + 1;
			System::set_block_number(next);
			Podv::on_initialize(next);
		}
		let epoch = Podv::epoch_view(1).unwrap();
		let budget = crate::configs::PodvEpochReward::get();
		assert_eq!((epoch.budget, epoch.paid, epoch.dats_paid), (budget, budget, 2));
		assert_ok!(Dat::claim_revenue(RuntimeOrigin::signed(charlie.clone()), new_data));
		assert_eq!(Balances::free_balance(&charlie) - charlie_free, budget / 2);
	});
}

/// CI's test build has `try-runtime`: the checks the `try-runtime` tool runs against a live chain
/// hold on a development chain with data in it. The upgrade hooks' pre- and post-checks pass, the
/// whole state decodes with every pallet's storage types, and every pallet's `try_state`
/// invariants hold.
#[cfg(feature = "try-runtime")]
#[test]
fn try_runtime_checks_pass_on_a_chain_with_data() {
	use crate::{Balances, Executive};
	use frame_try_runtime::UpgradeCheckSelect;
	use lazai_primitives::{
		currency::LAZ,
		dat::{DataKind, Derivation},
	};

	chain_from(genesis_config_presets::development()).execute_with(|| {
		let (alice, bob) = (account(Sr25519Keyring::Alice), account(Sr25519Keyring::Bob));
		let dataset = anchor(&alice, 1, DataKind::Dataset, vec![]);
		anchor(&bob, 2, DataKind::Dataset, vec![(dataset, Derivation::Subset)]);
		assert_ok!(Balances::transfer_keep_alive(RuntimeOrigin::signed(alice), bob.into(), LAZ));

		assert_ok!(Executive::try_runtime_upgrade(UpgradeCheckSelect::All));
	});
}
