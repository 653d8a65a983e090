//! The pallet's types: circuits, proofs as calls take them, and verified statements.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::ConstU32, BoundedVec, PalletError};
use lazai_groth16::{Curve, Groth16Error, INPUT_LEN, MAX_KEY_LEN, MAX_PROOF_LEN};
use scale_info::TypeInfo;
use sp_core::H256;

/// A circuit's id: the blake2-256 hash of its curve's index byte and its key's encoding.
pub type CircuitId = H256;

/// A statement's id: the blake2-256 hash of the circuit id and the hash of the public inputs.
pub type StatementId = H256;

/// One public input: a scalar-field element, 32 bytes little-endian.
pub type PublicInput = [u8; INPUT_LEN];

/// A verifying key in arkworks' canonical compressed encoding.
pub type VerifyingKeyBytes = BoundedVec<u8, ConstU32<MAX_KEY_LEN>>;

/// How a circuit's public inputs are read.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum CircuitKind {
	/// The inputs mean nothing to the chain; the statement is only recorded.
	Opaque,
	/// A model evaluation: inputs 0, 1 and 2 are the model id, the dataset's DAT id and the
	/// score in parts per million; the result is handed to the chain's evaluation consumers.
	Evaluation,
}

/// A Groth16 proof, compressed, tagged with the curve it was made on.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Groth16Proof {
	/// The curve: it must be the circuit's.
	pub curve: Curve,
	/// A, B and C in arkworks' compressed encoding (128 bytes on BN254, 192 on BLS12-381).
	pub bytes: BoundedVec<u8, ConstU32<MAX_PROOF_LEN>>,
}

/// A registered circuit.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
#[scale_info(skip_type_params(MaxMetadata))]
pub struct CircuitInfo<AccountId, Balance, MaxMetadata: frame_support::traits::Get<u32>> {
	/// The curve its key is on.
	pub curve: Curve,
	/// How its public inputs are read.
	pub kind: CircuitKind,
	/// How many public inputs its proofs have.
	pub inputs: u32,
	/// How many accounts registered it; it goes when the last unregisters.
	pub references: u32,
	/// Who reserved the key's deposit, and how much.
	pub deposit: (AccountId, Balance),
	/// What the first registrant said about it (name, version, a link to the circuit's source).
	pub metadata: BoundedVec<u8, MaxMetadata>,
}

/// A statement the chain verified.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Statement<AccountId, Balance, BlockNumber> {
	/// The circuit whose key verified it.
	pub circuit: CircuitId,
	/// The blake2-256 hash of its public inputs, concatenated.
	pub inputs_hash: H256,
	/// Who submitted the proof.
	pub submitter: AccountId,
	/// The block it was verified in.
	pub verified_at: BlockNumber,
	/// The deposit reserved from the submitter for the record.
	pub deposit: Balance,
}

/// Why one proof of a batch was refused.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, PalletError, TypeInfo, Debug,
)]
pub enum ProofRejection {
	/// The proof is on another curve than the circuit's key.
	WrongCurve,
	/// The number of public inputs differs from the circuit's.
	WrongInputCount,
	/// A public input is not below the scalar field's modulus.
	NonCanonicalInput,
	/// The proof's bytes are not a compressed proof of the curve.
	MalformedProof,
	/// A point of the proof is not on the curve.
	PointNotOnCurve,
	/// A point of the proof is not in the prime-order subgroup.
	PointNotInSubgroup,
	/// The proof does not verify.
	InvalidProof,
	/// The statement is verified already, or twice in this batch.
	AlreadyVerified,
	/// An evaluation's model, dataset or score input is out of range.
	InvalidEvaluation,
}

impl From<Groth16Error> for ProofRejection {
	fn from(error: Groth16Error) -> Self {
		match error {
			Groth16Error::WrongInputCount => Self::WrongInputCount,
			Groth16Error::NonCanonicalInput => Self::NonCanonicalInput,
			Groth16Error::PointNotOnCurve => Self::PointNotOnCurve,
			Groth16Error::PointNotInSubgroup => Self::PointNotInSubgroup,
			Groth16Error::InvalidProof => Self::InvalidProof,
			// Key errors cannot come from a proof check of a registered key.
			Groth16Error::MalformedProof
			| Groth16Error::MalformedKey
			| Groth16Error::TooManyInputs
			| Groth16Error::MalformedPreparedKey => Self::MalformedProof,
		}
	}
}
