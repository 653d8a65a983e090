//! Unit tests of every call, error and event, with keys and proofs from a real prover on the
//! test circuits of `lazai_groth16::testing`.

use crate::{evaluation, mock::*, *};
use frame_support::dispatch::DispatchResultWithPostInfo;
use frame_support::{assert_noop, assert_ok, traits::ConstU32, BoundedVec};
use lazai_groth16::{
	testing::{
		g1_off_curve, g2_outside_subgroup, random_outcomes, Circuit, Evaluation, ProvenStatement,
	},
	Curve,
};
use lazai_primitives::verified::{OnVerifiedEvaluation, VerifiedStatements};
use sp_runtime::DispatchError;

type VcEvent = crate::Event<Test>;
type VcError = crate::Error<Test>;

const CURVES: [Curve; 2] = [Curve::Bn254, Curve::Bls12_381];

fn key_bytes(circuit: &Circuit) -> VerifyingKeyBytes {
	circuit.verifying_key.clone().try_into().unwrap()
}

fn metadata(text: &str) -> BoundedVec<u8, ConstU32<64>> {
	text.as_bytes().to_vec().try_into().unwrap()
}

fn register(who: AccountId, circuit: &Circuit, kind: CircuitKind) -> CircuitId {
	assert_ok!(VerifiedComputing::register_circuit(
		RuntimeOrigin::signed(who),
		circuit.curve,
		key_bytes(circuit),
		kind,
		metadata("square roots v1"),
	));
	VerifiedComputing::circuit_id(circuit.curve, &circuit.verifying_key)
}

fn proof_of(curve: Curve, statement: &ProvenStatement) -> Groth16Proof {
	Groth16Proof { curve, bytes: statement.proof.clone().try_into().unwrap() }
}

fn inputs_of(statement: &ProvenStatement) -> InputsOf<Test> {
	statement.inputs.clone().try_into().unwrap()
}

fn submit(
	who: AccountId,
	circuit: CircuitId,
	curve: Curve,
	statement: &ProvenStatement,
) -> DispatchResultWithPostInfo {
	VerifiedComputing::submit_proof(
		RuntimeOrigin::signed(who),
		circuit,
		proof_of(curve, statement),
		inputs_of(statement),
	)
}

fn last_event() -> VcEvent {
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::VerifiedComputing(event) => Some(event),
			_ => None,
		})
		.expect("an event of this pallet")
}

#[test]
fn registering_a_key_checks_prepares_and_reserves_a_deposit() {
	for curve in CURVES {
		new_test_ext().execute_with(|| {
			let circuit = Circuit::square_roots(curve, 3, 1);
			let id = register(ALICE, &circuit, CircuitKind::Opaque);
			assert_eq!(
				last_event(),
				VcEvent::CircuitRegistered {
					circuit: id,
					who: ALICE,
					curve,
					kind: CircuitKind::Opaque,
					inputs: 3
				}
			);
			let info = Circuits::<Test>::get(id).unwrap();
			assert_eq!((info.curve, info.inputs, info.references), (curve, 3, 1));
			assert_eq!(info.metadata.to_vec(), b"square roots v1".to_vec());
			let prepared = PreparedKeys::<Test>::get(id).unwrap();
			assert_eq!(prepared.len() as u32, curve.prepared_key_len(3));
			let deposit = CIRCUIT_BASE + PER_BYTE * (prepared.len() as Balance + 15);
			assert_eq!(info.deposit, (ALICE, deposit));
			assert_eq!(Balances::reserved_balance(ALICE), deposit);
			assert_eq!(Registrations::<Test>::get(id, ALICE), Some(0));
		});
	}
}

#[test]
fn registering_a_key_again_counts_a_reference() {
	new_test_ext().execute_with(|| {
		let circuit = Circuit::square_roots(Curve::Bn254, 2, 1);
		let id = register(ALICE, &circuit, CircuitKind::Opaque);
		let alice_reserved = Balances::reserved_balance(ALICE);
		register(BOB, &circuit, CircuitKind::Opaque);
		assert_eq!(
			last_event(),
			VcEvent::CircuitReferenced { circuit: id, who: BOB, references: 2 }
		);
		assert_eq!(Circuits::<Test>::get(id).unwrap().references, 2);
		assert_eq!(Balances::reserved_balance(BOB), REFERENCE);
		assert_eq!(Balances::reserved_balance(ALICE), alice_reserved);

		let again = |who, kind| {
			VerifiedComputing::register_circuit(
				RuntimeOrigin::signed(who),
				Curve::Bn254,
				key_bytes(&circuit),
				kind,
				metadata(""),
			)
		};
		assert_noop!(again(ALICE, CircuitKind::Opaque), VcError::AlreadyRegistered);
		assert_noop!(again(POOR, CircuitKind::Evaluation), VcError::KindMismatch);
		// The same bytes on the other curve are another (invalid) key.
		assert!(VerifiedComputing::register_circuit(
			RuntimeOrigin::signed(POOR),
			Curve::Bls12_381,
			key_bytes(&circuit),
			CircuitKind::Opaque,
			metadata(""),
		)
		.is_err());
	});
}

#[test]
fn bad_keys_are_refused_with_their_reason() {
	for curve in CURVES {
		new_test_ext().execute_with(|| {
			let circuit = Circuit::square_roots(curve, 2, 1);
			let try_register = |who, key: Vec<u8>, kind| {
				VerifiedComputing::register_circuit(
					RuntimeOrigin::signed(who),
					curve,
					key.try_into().unwrap(),
					kind,
					metadata(""),
				)
			};
			let key = circuit.verifying_key.clone();
			assert_noop!(
				VerifiedComputing::register_circuit(
					RuntimeOrigin::none(),
					curve,
					key_bytes(&circuit),
					CircuitKind::Opaque,
					metadata("")
				),
				DispatchError::BadOrigin
			);
			assert_noop!(
				try_register(ALICE, key[1..].to_vec(), CircuitKind::Opaque),
				VcError::MalformedKey
			);
			let g1 = curve.g1_len() as usize;
			let mut off_curve = key.clone();
			off_curve[..g1].copy_from_slice(&g1_off_curve(curve));
			assert_noop!(
				try_register(ALICE, off_curve, CircuitKind::Opaque),
				VcError::PointNotOnCurve
			);
			let mut outside = key.clone();
			outside[g1..3 * g1].copy_from_slice(&g2_outside_subgroup(curve));
			assert_noop!(
				try_register(ALICE, outside, CircuitKind::Opaque),
				VcError::PointNotInSubgroup
			);
			assert_noop!(
				try_register(ALICE, key.clone(), CircuitKind::Evaluation),
				VcError::NotAnEvaluationKey
			);
			assert_noop!(
				try_register(POOR, key, CircuitKind::Opaque),
				pallet_balances::Error::<Test>::InsufficientBalance
			);
		});
	}
	new_test_ext().execute_with(|| {
		let wide = Circuit::square_roots(Curve::Bn254, MAX_INPUTS as usize + 1, 1);
		assert_noop!(
			VerifiedComputing::register_circuit(
				RuntimeOrigin::signed(ALICE),
				Curve::Bn254,
				key_bytes(&wide),
				CircuitKind::Opaque,
				metadata("")
			),
			VcError::TooManyInputs
		);
	});
}

#[test]
fn the_last_reference_removes_the_circuit_and_returns_its_deposit() {
	new_test_ext().execute_with(|| {
		let circuit = Circuit::square_roots(Curve::Bn254, 1, 1);
		let id = register(ALICE, &circuit, CircuitKind::Opaque);
		register(BOB, &circuit, CircuitKind::Opaque);
		let statement = circuit.prove_square_roots(2);
		assert_ok!(submit(BOB, id, Curve::Bn254, &statement));
		let unregister =
			|who| VerifiedComputing::unregister_circuit(RuntimeOrigin::signed(who), id);

		assert_noop!(unregister(POOR), VcError::NotRegistered);
		assert_noop!(
			VerifiedComputing::unregister_circuit(
				RuntimeOrigin::signed(ALICE),
				CircuitId::repeat_byte(9)
			),
			VcError::UnknownCircuit
		);
		assert_ok!(unregister(BOB));
		assert_eq!(
			last_event(),
			VcEvent::CircuitUnregistered { circuit: id, who: BOB, removed: false }
		);
		assert_eq!(Balances::reserved_balance(BOB), STATEMENT);
		assert_eq!(Circuits::<Test>::get(id).unwrap().references, 1);

		assert_ok!(unregister(ALICE));
		assert_eq!(
			last_event(),
			VcEvent::CircuitUnregistered { circuit: id, who: ALICE, removed: true }
		);
		assert_eq!(Balances::reserved_balance(ALICE), 0);
		assert!(Circuits::<Test>::get(id).is_none());
		assert!(PreparedKeys::<Test>::get(id).is_none());
		assert_noop!(unregister(ALICE), VcError::UnknownCircuit);
		// What it verified stays verified.
		let (statement_id, _) = VerifiedComputing::statement_id(&id, &statement.inputs);
		assert!(VerifiedComputing::is_verified(&statement_id));
	});
}

#[test]
fn a_verified_proof_records_its_statement() {
	for curve in CURVES {
		new_test_ext().execute_with(|| {
			let circuit = Circuit::square_roots(curve, 4, 1);
			let id = register(ALICE, &circuit, CircuitKind::Opaque);
			let statement = circuit.prove_square_roots(3);
			let (statement_id, inputs_hash) =
				VerifiedComputing::statement_id(&id, &statement.inputs);
			assert!(!VerifiedComputing::is_verified(&statement_id));
			System::set_block_number(7);
			assert_ok!(submit(BOB, id, curve, &statement));
			assert_eq!(
				last_event(),
				VcEvent::StatementVerified { statement: statement_id, circuit: id, submitter: BOB }
			);
			assert_eq!(
				Statements::<Test>::get(statement_id),
				Some(Statement {
					circuit: id,
					inputs_hash,
					submitter: BOB,
					verified_at: 7,
					deposit: STATEMENT
				})
			);
			assert!(VerifiedComputing::is_verified(&statement_id));
			assert_eq!(Balances::reserved_balance(BOB), STATEMENT);
			// An opaque circuit's statements go to no consumer.
			assert!(EVALUATIONS.with(|seen| seen.borrow().is_empty()));
			assert_noop!(submit(ALICE, id, curve, &statement), VcError::AlreadyVerified);
		});
	}
}

#[test]
fn bad_proofs_are_refused_with_their_reason_and_change_nothing() {
	for curve in CURVES {
		new_test_ext().execute_with(|| {
			let circuit = Circuit::square_roots(curve, 2, 1);
			let id = register(ALICE, &circuit, CircuitKind::Opaque);
			let good = circuit.prove_square_roots(3);
			let with = |proof: Vec<u8>, inputs: Vec<[u8; 32]>| ProvenStatement { proof, inputs };
			let check = |statement: &ProvenStatement| submit(BOB, id, curve, statement);

			assert_noop!(
				submit(BOB, CircuitId::repeat_byte(1), curve, &good),
				VcError::UnknownCircuit
			);
			let other = match curve {
				Curve::Bn254 => Curve::Bls12_381,
				Curve::Bls12_381 => Curve::Bn254,
			};
			let foreign = Circuit::square_roots(other, 2, 1).prove_square_roots(3);
			assert_noop!(submit(BOB, id, other, &foreign), VcError::WrongCurve);
			assert_noop!(
				check(&with(good.proof.clone(), good.inputs[..1].to_vec())),
				VcError::WrongInputCount
			);
			assert_noop!(
				check(&with(good.proof.clone(), vec![[0xff; 32], good.inputs[1]])),
				VcError::NonCanonicalInput
			);
			assert_noop!(
				check(&with(good.proof[1..].to_vec(), good.inputs.clone())),
				VcError::MalformedProof
			);
			// A proof of the other curve, labelled as this one's.
			assert_noop!(
				check(&with(foreign.proof.clone(), good.inputs.clone())),
				VcError::MalformedProof
			);
			let g1 = curve.g1_len() as usize;
			let mut off_curve = good.proof.clone();
			off_curve[..g1].copy_from_slice(&g1_off_curve(curve));
			assert_noop!(check(&with(off_curve, good.inputs.clone())), VcError::PointNotOnCurve);
			let mut outside = good.proof.clone();
			outside[g1..3 * g1].copy_from_slice(&g2_outside_subgroup(curve));
			assert_noop!(check(&with(outside, good.inputs.clone())), VcError::PointNotInSubgroup);
			let mut changed = good.inputs.clone();
			changed[1][0] ^= 1;
			assert_noop!(check(&with(good.proof.clone(), changed)), VcError::InvalidProof);
			assert_noop!(
				VerifiedComputing::submit_proof(
					RuntimeOrigin::root(),
					id,
					proof_of(curve, &good),
					inputs_of(&good)
				),
				DispatchError::BadOrigin
			);
			assert_noop!(
				submit(POOR, id, curve, &good),
				pallet_balances::Error::<Test>::InsufficientBalance
			);
		});
	}
}

#[test]
fn verified_evaluations_reach_the_consumers() {
	for curve in CURVES {
		new_test_ext().execute_with(|| {
			let circuit = Circuit::evaluation(curve, 8, 1);
			let id = register(ALICE, &circuit, CircuitKind::Evaluation);
			let evaluation = Evaluation { model: 12, dataset: 34, outcomes: random_outcomes(8, 5) };
			let statement = circuit.prove_evaluation(&evaluation, 6);
			assert_ok!(submit(BOB, id, curve, &statement));
			let (statement_id, _) = VerifiedComputing::statement_id(&id, &statement.inputs);
			let seen = EVALUATIONS.with(|seen| seen.borrow().clone());
			assert_eq!(
				seen,
				vec![lazai_primitives::verified::VerifiedEvaluation {
					statement: statement_id,
					circuit: id,
					model: 12,
					dataset: 34,
					score: evaluation.score() as u32,
					submitter: BOB,
				}]
			);
		});
	}
}

#[test]
fn evaluation_proofs_pay_for_what_the_consumers_used_and_others_for_nothing() {
	new_test_ext().execute_with(|| {
		let charged = VerifiedComputing::submit_proof_weight(Curve::Bn254, 3);
		let consumers = RecordEvaluations::weight();
		let opaque = Circuit::square_roots(Curve::Bn254, 3, 1);
		let id = register(ALICE, &opaque, CircuitKind::Opaque);
		let used = submit(BOB, id, Curve::Bn254, &opaque.prove_square_roots(1)).unwrap();
		assert_eq!(used.actual_weight, Some(charged - consumers));

		let evaluations = Circuit::evaluation(Curve::Bn254, 8, 1);
		let id = register(ALICE, &evaluations, CircuitKind::Evaluation);
		let evaluation = Evaluation { model: 1, dataset: 2, outcomes: random_outcomes(8, 3) };
		let statement = evaluations.prove_evaluation(&evaluation, 4);
		let used = submit(BOB, id, Curve::Bn254, &statement).unwrap();
		assert_eq!(used.actual_weight, Some(charged - consumers + CONSUMER_USES));
	});
}

#[test]
fn evaluation_inputs_out_of_range_are_refused() {
	new_test_ext().execute_with(|| {
		// Square roots of random numbers: as an evaluation, its inputs are far above 2^64.
		let circuit = Circuit::square_roots(Curve::Bn254, 3, 1);
		let id = register(ALICE, &circuit, CircuitKind::Evaluation);
		let statement = circuit.prove_square_roots(2);
		assert_noop!(submit(BOB, id, Curve::Bn254, &statement), VcError::InvalidEvaluation);
	});
	let at = |model, dataset, score| {
		evaluation::read(&[
			evaluation::input(model),
			evaluation::input(dataset),
			evaluation::input(score),
		])
	};
	assert_eq!(
		at(1, 2, 1_000_000),
		Some(evaluation::EvaluationResult { model: 1, dataset: 2, score: 1_000_000 })
	);
	assert_eq!(at(1, 2, 1_000_001), None);
	assert_eq!(at(u64::MAX, 2, 3).map(|r| r.model), Some(u64::MAX));
	let mut big = evaluation::input(5);
	big[8] = 1;
	assert_eq!(evaluation::read(&[big, evaluation::input(1), evaluation::input(1)]), None);
	assert_eq!(evaluation::read(&[evaluation::input(1), evaluation::input(1)]), None);
}

fn batch_of(curve: Curve, statements: &[ProvenStatement]) -> BatchOf<Test> {
	statements
		.iter()
		.map(|statement| (proof_of(curve, statement), inputs_of(statement)))
		.collect::<Vec<_>>()
		.try_into()
		.unwrap()
}

#[test]
fn a_batch_records_every_statement_and_is_charged_as_one_check() {
	for curve in CURVES {
		new_test_ext().execute_with(|| {
			let circuit = Circuit::square_roots(curve, 2, 1);
			let id = register(ALICE, &circuit, CircuitKind::Opaque);
			let statements: Vec<_> = (0..16).map(|seed| circuit.prove_square_roots(seed)).collect();
			let batch = batch_of(curve, &statements);
			let charged = VerifiedComputing::submit_proofs_weight(&batch);
			let info =
				VerifiedComputing::submit_proofs(RuntimeOrigin::signed(BOB), id, batch).unwrap();
			let used = info.actual_weight.expect("the unused weight is refunded");
			assert!(used.all_lt(charged));
			for statement in &statements {
				let (statement_id, _) = VerifiedComputing::statement_id(&id, &statement.inputs);
				assert!(VerifiedComputing::is_verified(&statement_id));
			}
			assert_eq!(Balances::reserved_balance(BOB), 16 * STATEMENT);
			let verified = System::events()
				.iter()
				.filter(|r| {
					matches!(
						r.event,
						RuntimeEvent::VerifiedComputing(VcEvent::StatementVerified { .. })
					)
				})
				.count();
			assert_eq!(verified, 16);
		});
	}
}

#[test]
fn a_batch_with_a_bad_proof_records_nothing_and_names_it() {
	for curve in CURVES {
		new_test_ext().execute_with(|| {
			let circuit = Circuit::square_roots(curve, 2, 1);
			let id = register(ALICE, &circuit, CircuitKind::Opaque);
			let statements: Vec<_> = (0..6).map(|seed| circuit.prove_square_roots(seed)).collect();
			let submit_batch =
				|batch| VerifiedComputing::submit_proofs(RuntimeOrigin::signed(BOB), id, batch);
			let rejected = |index, reason| VcError::BatchProofRejected { index, reason };

			assert_noop!(submit_batch(BoundedVec::new()), VcError::EmptyBatch);
			assert_noop!(
				VerifiedComputing::submit_proofs(
					RuntimeOrigin::signed(BOB),
					CircuitId::zero(),
					batch_of(curve, &statements)
				),
				VcError::UnknownCircuit
			);
			let mut wrong = statements.clone();
			wrong[4].inputs[0][0] ^= 1;
			assert_noop!(
				submit_batch(batch_of(curve, &wrong)),
				rejected(4, ProofRejection::InvalidProof)
			);
			let mut twice = statements.clone();
			twice[3] = statements[1].clone();
			assert_noop!(
				submit_batch(batch_of(curve, &twice)),
				rejected(3, ProofRejection::AlreadyVerified)
			);
			let mut short = statements.clone();
			short[2].inputs.pop();
			assert_noop!(
				submit_batch(batch_of(curve, &short)),
				rejected(2, ProofRejection::WrongInputCount)
			);
			let mut malformed = statements.clone();
			malformed[1].proof.pop();
			assert_noop!(
				submit_batch(batch_of(curve, &malformed)),
				rejected(1, ProofRejection::MalformedProof)
			);
			let mut other_curve = batch_of(curve, &statements);
			other_curve[5].0.curve = match curve {
				Curve::Bn254 => Curve::Bls12_381,
				Curve::Bls12_381 => Curve::Bn254,
			};
			assert_noop!(submit_batch(other_curve), rejected(5, ProofRejection::WrongCurve));

			assert_ok!(submit(BOB, id, curve, &statements[2]));
			assert_noop!(
				submit_batch(batch_of(curve, &statements)),
				rejected(2, ProofRejection::AlreadyVerified)
			);
		});
	}
}

#[test]
fn batches_cost_less_per_proof_than_single_proofs() {
	for curve in CURVES {
		for inputs in [1, 3, 16, MAX_INPUTS] {
			let single = VerifiedComputing::submit_proof_weight(curve, inputs);
			let batch = <() as WeightInfo>::submit_proofs_bn254(MAX_BATCH, inputs);
			let batch = match curve {
				Curve::Bn254 => batch,
				Curve::Bls12_381 => <() as WeightInfo>::submit_proofs_bls12_381(MAX_BATCH, inputs),
			};
			assert!(
				batch.ref_time() / u64::from(MAX_BATCH) < single.ref_time(),
				"{curve:?} with {inputs} inputs: {batch:?} for {MAX_BATCH} against {single:?} alone"
			);
		}
	}
}
