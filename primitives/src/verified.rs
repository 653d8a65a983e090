//! What the verified-computing pallet tells other pallets: which statements the chain verified,
//! and the results of verified model evaluations.

use crate::dat::{DatId, ModelId};
use codec::{Decode, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::Weight;

/// Scores are in parts per million: 1,000,000 is a perfect score.
pub const SCORE_SCALE: u32 = 1_000_000;

/// A model evaluation proven by a Groth16 proof the chain verified. An evaluation circuit's
/// first three public inputs are the model id, the dataset's DAT id and the score (see
/// `docs/verified-computing.md`).
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct VerifiedEvaluation<AccountId> {
	/// The verified statement this result comes from.
	pub statement: H256,
	/// The circuit (verifying key) that proved it.
	pub circuit: H256,
	/// The model evaluated.
	pub model: ModelId,
	/// The DAT of the dataset it was evaluated on.
	pub dataset: DatId,
	/// The score, in parts per million ([`SCORE_SCALE`]).
	pub score: u32,
	/// Who submitted the proof.
	pub submitter: AccountId,
}

/// Tells whether a statement was proven by a proof the chain verified (the verified computing
/// pallet records them).
pub trait VerifiedStatements {
	/// Whether `statement` is recorded as verified.
	fn is_verified(statement: &H256) -> bool;
}

/// With no verifier in the runtime, nothing is verified.
impl VerifiedStatements for () {
	fn is_verified(_statement: &H256) -> bool {
		false
	}
}

/// Tells which circuits prove model evaluations (the verified computing pallet registers them).
pub trait EvaluationCircuits {
	/// Whether `circuit` is registered as an evaluation circuit.
	fn is_evaluation_circuit(circuit: &H256) -> bool;
}

/// Acts on verified evaluations: model staking settles claims, PoDV scores data, agent
/// reputation trusts results. Implemented for tuples, so a runtime hands each result to all.
pub trait OnVerifiedEvaluation<AccountId> {
	/// Called once for each evaluation statement, in the block that verifies it; returns the
	/// weight it used, at most [`Self::weight`]. The verifying call is refunded the rest.
	fn on_verified_evaluation(evaluation: &VerifiedEvaluation<AccountId>) -> Weight;

	/// The most weight one call of [`Self::on_verified_evaluation`] takes.
	fn weight() -> Weight;
}

#[impl_trait_for_tuples::impl_for_tuples(8)]
impl<AccountId> OnVerifiedEvaluation<AccountId> for Tuple {
	fn on_verified_evaluation(evaluation: &VerifiedEvaluation<AccountId>) -> Weight {
		let mut used = Weight::zero();
		for_tuples!( #( used = used.saturating_add(Tuple::on_verified_evaluation(evaluation)); )* );
		used
	}

	fn weight() -> Weight {
		let mut weight = Weight::zero();
		for_tuples!( #( weight = weight.saturating_add(Tuple::weight()); )* );
		weight
	}
}
