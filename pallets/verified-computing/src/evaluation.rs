//! The evaluation layout: how an evaluation circuit's public inputs are read.
//!
//! | input | meaning | range |
//! | --- | --- | --- |
//! | 0 | model id | below 2^64 |
//! | 1 | dataset DAT id | below 2^64 |
//! | 2 | score, parts per million | 0 to 1,000,000 |
//! | 3 … | whatever the circuit adds (opaque to the chain) | any |
//!
//! Each input is a scalar-field element, 32 bytes little-endian, so a small integer is its
//! value in the first bytes followed by zeros.

use crate::types::PublicInput;
use lazai_primitives::{
	dat::{DatId, ModelId},
	verified::SCORE_SCALE,
};

/// The inputs an evaluation circuit must have at least.
pub const EVALUATION_INPUTS: u32 = 3;

/// What an evaluation proves, read from its first public inputs.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct EvaluationResult {
	/// The model evaluated.
	pub model: ModelId,
	/// The DAT of the dataset it was evaluated on.
	pub dataset: DatId,
	/// The score, in parts per million.
	pub score: u32,
}

/// Read the evaluation from `inputs`, or `None` if they are too few or out of range.
pub fn read(inputs: &[PublicInput]) -> Option<EvaluationResult> {
	let [model, dataset, score, ..] = inputs else { return None };
	let score = u32::try_from(small(score)?).ok().filter(|score| *score <= SCORE_SCALE)?;
	Some(EvaluationResult { model: small(model)?, dataset: small(dataset)?, score })
}

/// An input as a `u64`, if it is below 2^64.
fn small(input: &PublicInput) -> Option<u64> {
	let (low, high) = input.split_at(8);
	if high.iter().any(|byte| *byte != 0) {
		return None;
	}
	let mut bytes = [0u8; 8];
	bytes.copy_from_slice(low);
	Some(u64::from_le_bytes(bytes))
}

/// The public input holding `value`.
pub fn input(value: u64) -> PublicInput {
	let mut bytes = [0u8; 32];
	bytes[..8].copy_from_slice(&value.to_le_bytes());
	bytes
}
