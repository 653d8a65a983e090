//! The logic behind the calls: registering circuits, checking and recording statements, the
//! weights that depend on a call's arguments, and the trait other pallets ask.

use super::*;
use crate::evaluation::EVALUATION_INPUTS;
use alloc::vec::Vec;
use frame_support::{
	dispatch::DispatchResultWithPostInfo,
	ensure,
	pallet_prelude::*,
	traits::{Get, ReservableCurrency},
};
use lazai_groth16::{host::groth_16 as host, Curve, Groth16Error};
use lazai_primitives::verified::{
	EvaluationCircuits, OnVerifiedEvaluation, VerifiedEvaluation, VerifiedStatements,
};
use sp_core::H256;
use sp_runtime::{
	traits::{Saturating, Zero},
	SaturatedConversion,
};

/// A statement checked and ready to record once its proof verifies.
struct Checked {
	statement: StatementId,
	inputs_hash: H256,
	evaluation: Option<evaluation::EvaluationResult>,
}

impl<T: Config> Pallet<T> {
	/// The id of `key` on `curve`.
	pub fn circuit_id(curve: Curve, key: &[u8]) -> CircuitId {
		let mut encoded = Vec::with_capacity(key.len() + 1);
		encoded.push(u8::from(curve));
		encoded.extend_from_slice(key);
		H256(sp_io::hashing::blake2_256(&encoded))
	}

	/// The id of the statement that `inputs` are proven by a proof of `circuit`, with the hash
	/// of the inputs.
	pub fn statement_id(circuit: &CircuitId, inputs: &[PublicInput]) -> (StatementId, H256) {
		let inputs_hash = H256(sp_io::hashing::blake2_256(&inputs.concat()));
		let statement = H256(sp_io::hashing::blake2_256(&(circuit, inputs_hash).encode()));
		(statement, inputs_hash)
	}

	pub(crate) fn do_register(
		who: T::AccountId,
		curve: Curve,
		key: VerifyingKeyBytes,
		kind: CircuitKind,
		metadata: BoundedVec<u8, T::MaxMetadataLen>,
	) -> DispatchResultWithPostInfo {
		let circuit = Self::circuit_id(curve, &key);
		if let Some(info) = Circuits::<T>::get(circuit) {
			return Self::add_reference(who, circuit, info, kind);
		}
		let inputs = curve.inputs_of_key(key.len() as u32);
		if kind == CircuitKind::Evaluation {
			ensure!(inputs >= EVALUATION_INPUTS, Error::<T>::NotAnEvaluationKey);
		}
		let prepared = host::prepare_verifying_key(curve, &key, T::MaxPublicInputs::get())
			.map_err(Error::<T>::from)?;
		let prepared: BoundedVec<_, _> =
			prepared.try_into().map_err(|_| Error::<T>::TooManyInputs)?;
		let bytes = prepared.len().saturating_add(metadata.len());
		let deposit = T::CircuitDepositBase::get()
			.saturating_add(T::CircuitDepositPerByte::get().saturating_mul(bytes.saturated_into()));
		T::Currency::reserve(&who, deposit)?;
		Circuits::<T>::insert(
			circuit,
			CircuitInfo {
				curve,
				kind,
				inputs,
				references: 1,
				deposit: (who.clone(), deposit),
				metadata,
			},
		);
		PreparedKeys::<T>::insert(circuit, prepared);
		Registrations::<T>::insert(circuit, &who, BalanceOf::<T>::zero());
		Self::deposit_event(Event::CircuitRegistered { circuit, who, curve, kind, inputs });
		Ok(().into())
	}

	fn add_reference(
		who: T::AccountId,
		circuit: CircuitId,
		mut info: CircuitInfo<T::AccountId, BalanceOf<T>, T::MaxMetadataLen>,
		kind: CircuitKind,
	) -> DispatchResultWithPostInfo {
		ensure!(info.kind == kind, Error::<T>::KindMismatch);
		ensure!(!Registrations::<T>::contains_key(circuit, &who), Error::<T>::AlreadyRegistered);
		let deposit = T::ReferenceDeposit::get();
		T::Currency::reserve(&who, deposit)?;
		Registrations::<T>::insert(circuit, &who, deposit);
		info.references = info.references.saturating_add(1);
		let references = info.references;
		Circuits::<T>::insert(circuit, info);
		Self::deposit_event(Event::CircuitReferenced { circuit, who, references });
		// No key was checked or prepared.
		Ok(Some(T::WeightInfo::unregister_circuit()).into())
	}

	pub(crate) fn do_unregister(who: T::AccountId, circuit: CircuitId) -> DispatchResult {
		let mut info = Circuits::<T>::get(circuit).ok_or(Error::<T>::UnknownCircuit)?;
		let deposit = Registrations::<T>::take(circuit, &who).ok_or(Error::<T>::NotRegistered)?;
		T::Currency::unreserve(&who, deposit);
		info.references = info.references.saturating_sub(1);
		let removed = info.references == 0;
		if removed {
			Circuits::<T>::remove(circuit);
			PreparedKeys::<T>::remove(circuit);
			let (depositor, amount) = info.deposit;
			T::Currency::unreserve(&depositor, amount);
		} else {
			Circuits::<T>::insert(circuit, info);
		}
		Self::deposit_event(Event::CircuitUnregistered { circuit, who, removed });
		Ok(())
	}

	pub(crate) fn do_submit_proof(
		who: T::AccountId,
		circuit: CircuitId,
		proof: Groth16Proof,
		inputs: InputsOf<T>,
	) -> DispatchResultWithPostInfo {
		let info = Circuits::<T>::get(circuit).ok_or(Error::<T>::UnknownCircuit)?;
		let checked = Self::check(&circuit, &info, &proof, &inputs).map_err(Error::<T>::from)?;
		let key = PreparedKeys::<T>::get(circuit).ok_or(Error::<T>::UnknownCircuit)?;
		host::verify(info.curve, &key, &proof.bytes, &inputs.concat()).map_err(Error::<T>::from)?;
		let consumers = Self::record(&who, circuit, checked)?;
		let verify = Self::verify_weight(info.curve, inputs.len() as u32);
		Ok(Some(verify.saturating_add(consumers)).into())
	}

	pub(crate) fn do_submit_proofs(
		who: T::AccountId,
		circuit: CircuitId,
		proofs: BatchOf<T>,
	) -> DispatchResultWithPostInfo {
		ensure!(!proofs.is_empty(), Error::<T>::EmptyBatch);
		let info = Circuits::<T>::get(circuit).ok_or(Error::<T>::UnknownCircuit)?;
		let rejected = |index: usize, reason| Error::<T>::BatchProofRejected {
			index: index.saturated_into(),
			reason,
		};
		let mut checked: Vec<Checked> = Vec::with_capacity(proofs.len());
		for (index, (proof, inputs)) in proofs.iter().enumerate() {
			let statement =
				Self::check(&circuit, &info, proof, inputs).map_err(|r| rejected(index, r))?;
			if checked.iter().any(|c| c.statement == statement.statement) {
				return Err(rejected(index, ProofRejection::AlreadyVerified).into());
			}
			checked.push(statement);
		}
		let key = PreparedKeys::<T>::get(circuit).ok_or(Error::<T>::UnknownCircuit)?;
		let batch =
			proofs.iter().map(|(proof, inputs)| (proof.bytes.to_vec(), inputs.concat())).collect();
		host::verify_batch(info.curve, &key, batch)
			.map_err(|failure| rejected(failure.index as usize, failure.error.into()))?;
		let mut consumers = Weight::zero();
		for statement in checked {
			consumers = consumers.saturating_add(Self::record(&who, circuit, statement)?);
		}
		// Every proof verified at once: no proof was checked alone.
		let count = proofs.len() as u32;
		let inputs = proofs.first().map_or(0, |(_, inputs)| inputs.len() as u32);
		let verify = Self::batch_weight(info.curve, count, inputs);
		Ok(Some(verify.saturating_add(consumers)).into())
	}

	/// Everything about a proof but the pairing: curve, input count, evaluation layout, and
	/// that its statement is new.
	fn check(
		circuit: &CircuitId,
		info: &CircuitInfo<T::AccountId, BalanceOf<T>, T::MaxMetadataLen>,
		proof: &Groth16Proof,
		inputs: &[PublicInput],
	) -> Result<Checked, ProofRejection> {
		ensure!(proof.curve == info.curve, ProofRejection::WrongCurve);
		ensure!(inputs.len() as u32 == info.inputs, ProofRejection::WrongInputCount);
		let evaluation = match info.kind {
			CircuitKind::Opaque => None,
			CircuitKind::Evaluation => {
				Some(evaluation::read(inputs).ok_or(ProofRejection::InvalidEvaluation)?)
			},
		};
		let (statement, inputs_hash) = Self::statement_id(circuit, inputs);
		ensure!(!Statements::<T>::contains_key(statement), ProofRejection::AlreadyVerified);
		Ok(Checked { statement, inputs_hash, evaluation })
	}

	/// Record a verified statement and hand an evaluation's result to its consumers; returns
	/// the weight the consumers used (nothing for an opaque circuit's statement).
	fn record(
		who: &T::AccountId,
		circuit: CircuitId,
		checked: Checked,
	) -> Result<Weight, DispatchError> {
		let deposit = T::StatementDeposit::get();
		T::Currency::reserve(who, deposit)?;
		let Checked { statement, inputs_hash, evaluation } = checked;
		Statements::<T>::insert(
			statement,
			Statement {
				circuit,
				inputs_hash,
				submitter: who.clone(),
				verified_at: frame_system::Pallet::<T>::block_number(),
				deposit,
			},
		);
		Self::deposit_event(Event::StatementVerified {
			statement,
			circuit,
			submitter: who.clone(),
		});
		Ok(evaluation.map_or(Weight::zero(), |result| {
			T::OnVerifiedEvaluation::on_verified_evaluation(&VerifiedEvaluation {
				statement,
				circuit,
				model: result.model,
				dataset: result.dataset,
				score: result.score,
				submitter: who.clone(),
			})
		}))
	}

	/// The weight `submit_proof` is charged before it runs: its curve's benchmark at `inputs`,
	/// and the evaluation consumers (refunded for an opaque circuit).
	pub fn submit_proof_weight(curve: Curve, inputs: u32) -> Weight {
		Self::verify_weight(curve, inputs).saturating_add(T::OnVerifiedEvaluation::weight())
	}

	/// What verifying and recording one proof costs.
	fn verify_weight(curve: Curve, inputs: u32) -> Weight {
		match curve {
			Curve::Bn254 => T::WeightInfo::submit_proof_bn254(inputs),
			Curve::Bls12_381 => T::WeightInfo::submit_proof_bls12_381(inputs),
		}
	}

	/// What verifying and recording a batch costs when all its proofs verify at once.
	fn batch_weight(curve: Curve, proofs: u32, inputs: u32) -> Weight {
		match curve {
			Curve::Bn254 => T::WeightInfo::submit_proofs_bn254(proofs, inputs),
			Curve::Bls12_381 => T::WeightInfo::submit_proofs_bls12_381(proofs, inputs),
		}
	}

	/// The weight `submit_proofs` is charged before it runs: the combined check, and should it
	/// fail, every proof checked alone to find the one that failed. What was not used is
	/// refunded.
	pub fn submit_proofs_weight(proofs: &BatchOf<T>) -> Weight {
		let Some((first, inputs)) = proofs.first() else {
			return T::WeightInfo::unregister_circuit();
		};
		let count = proofs.len() as u32;
		let inputs = inputs.len() as u32;
		let alone = Self::verify_weight(first.curve, inputs).saturating_mul(count.into());
		let consumers = T::OnVerifiedEvaluation::weight().saturating_mul(count.into());
		Self::batch_weight(first.curve, count, inputs)
			.saturating_add(alone)
			.saturating_add(consumers)
	}
}

impl<T: Config> From<Groth16Error> for Error<T> {
	fn from(error: Groth16Error) -> Self {
		match error {
			Groth16Error::MalformedKey | Groth16Error::MalformedPreparedKey => Self::MalformedKey,
			Groth16Error::TooManyInputs => Self::TooManyInputs,
			other => ProofRejection::from(other).into(),
		}
	}
}

impl<T: Config> From<ProofRejection> for Error<T> {
	fn from(rejection: ProofRejection) -> Self {
		match rejection {
			ProofRejection::WrongCurve => Self::WrongCurve,
			ProofRejection::WrongInputCount => Self::WrongInputCount,
			ProofRejection::NonCanonicalInput => Self::NonCanonicalInput,
			ProofRejection::MalformedProof => Self::MalformedProof,
			ProofRejection::PointNotOnCurve => Self::PointNotOnCurve,
			ProofRejection::PointNotInSubgroup => Self::PointNotInSubgroup,
			ProofRejection::InvalidProof => Self::InvalidProof,
			ProofRejection::AlreadyVerified => Self::AlreadyVerified,
			ProofRejection::InvalidEvaluation => Self::InvalidEvaluation,
		}
	}
}

impl<T: Config> EvaluationCircuits for Pallet<T> {
	fn is_evaluation_circuit(circuit: &H256) -> bool {
		Circuits::<T>::get(circuit).is_some_and(|info| info.kind == CircuitKind::Evaluation)
	}
}

impl<T: Config> VerifiedStatements for Pallet<T> {
	fn is_verified(statement: &H256) -> bool {
		Statements::<T>::contains_key(statement)
	}
}
