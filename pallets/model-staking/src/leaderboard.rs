//! Leaderboards: each benchmark's models by latest verified score, best first, bounded.

use crate::{Place, ScoreRecord};
use frame_support::{traits::Get, BoundedVec};
use lazai_primitives::dat::ModelId;

/// Put `model`'s new score on `board`: its old place goes, and it is placed after every model
/// at least as good (so on a tie the earlier score keeps its place). A score below the last of
/// a full board drops the model off it.
pub fn place<BlockNumber: Copy, Size: Get<u32>>(
	board: &mut BoundedVec<Place<BlockNumber>, Size>,
	model: ModelId,
	record: ScoreRecord<BlockNumber>,
	higher_is_better: bool,
) {
	board.retain(|place| place.model != model);
	let better = |a: u32, b: u32| if higher_is_better { a > b } else { a < b };
	let at =
		board.iter().position(|place| better(record.score, place.score)).unwrap_or(board.len());
	if at >= Size::get() as usize {
		return;
	}
	if board.is_full() {
		board.pop();
	}
	// Room was made above, and `at` is at most the length.
	let _ =
		board.try_insert(at, Place { model, score: record.score, verified_at: record.verified_at });
}

#[cfg(test)]
mod tests {
	use super::*;
	use frame_support::traits::ConstU32;
	use sp_core::H256;

	fn record(score: u32) -> ScoreRecord<u32> {
		ScoreRecord { score, statement: H256::zero(), verified_at: 1 }
	}

	fn models(board: &BoundedVec<Place<u32>, ConstU32<3>>) -> Vec<(ModelId, u32)> {
		board.iter().map(|place| (place.model, place.score)).collect()
	}

	#[test]
	fn higher_scores_rank_first_and_the_board_stays_bounded() {
		let mut board = BoundedVec::<Place<u32>, ConstU32<3>>::new();
		for (model, score) in [(1, 500), (2, 900), (3, 700), (4, 600)] {
			place(&mut board, model, record(score), true);
		}
		assert_eq!(models(&board), vec![(2, 900), (3, 700), (4, 600)]);
		// Below the last of a full board: not placed.
		place(&mut board, 5, record(100), true);
		assert_eq!(models(&board), vec![(2, 900), (3, 700), (4, 600)]);
	}

	#[test]
	fn a_new_score_replaces_the_models_old_place() {
		let mut board = BoundedVec::<Place<u32>, ConstU32<3>>::new();
		for (model, score) in [(1, 500), (2, 900), (3, 700)] {
			place(&mut board, model, record(score), true);
		}
		place(&mut board, 2, record(400), true);
		assert_eq!(models(&board), vec![(3, 700), (1, 500), (2, 400)]);
		place(&mut board, 1, record(800), true);
		assert_eq!(models(&board), vec![(1, 800), (3, 700), (2, 400)]);
	}

	#[test]
	fn lower_is_better_ranks_low_scores_first_and_ties_keep_their_order() {
		let mut board = BoundedVec::<Place<u32>, ConstU32<3>>::new();
		for (model, score) in [(1, 300), (2, 100), (3, 300)] {
			place(&mut board, model, record(score), false);
		}
		assert_eq!(models(&board), vec![(2, 100), (1, 300), (3, 300)]);
	}
}
