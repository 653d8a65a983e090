//! The value formula, as pure functions; `docs/podv.md` writes it out with worked examples that
//! the tests below check.
//!
//! Every signal is in parts per million (0 to 1,000,000):
//!
//! - improvement `I`: verified model improvement credited to the DAT (its share of the gain in
//!   parts per million, times `ImprovementScale`), capped at a million;
//! - quality `Q`: the sum of the stake-weighted medians of the three attested marks (0 to 100
//!   each) × 1,000,000 / 300;
//! - usage `U`: `min(1,000,000, 1,000,000 × √(R / S))` for revenue `R` paid by non-holders and
//!   the saturation revenue `S`.
//!
//! `own = w_I·I + w_Q·Q + w_U·U`, each weight a fraction; a parent inherits
//! `lineage · own(child) / parents(child)` from each child; `score = own + inherited`.

use crate::types::{Marks, MAX_MARK};
use alloc::vec::Vec;
use lazai_primitives::verified::SCORE_SCALE;
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{IntegerSquareRoot, Zero},
	Perbill, Rounding,
};

/// The weights of the three signals in a DAT's own value.
#[derive(Clone, Copy, Debug)]
pub struct SignalWeights {
	/// The weight of verified model improvement.
	pub improvement: Perbill,
	/// The weight of attested quality.
	pub quality: Perbill,
	/// The weight of paid usage.
	pub usage: Perbill,
}

/// A DAT's own value from its three signals.
pub fn own_value(weights: SignalWeights, improvement: u32, quality: u32, usage: u32) -> u64 {
	let part = |weight: Perbill, signal: u32| weight.mul_floor(signal as u64);
	part(weights.improvement, improvement)
		.saturating_add(part(weights.quality, quality))
		.saturating_add(part(weights.usage, usage))
}

/// The improvement signal after `gain` (parts per million of a benchmark score) more is
/// credited: `scale` times the gain, capped at a million.
pub fn add_improvement(signal: u32, gain: u32, scale: u32) -> u32 {
	signal.saturating_add(gain.saturating_mul(scale)).min(SCORE_SCALE)
}

/// What a parent inherits from a child of own value `own` derived from `parents` DATs.
pub fn lineage_share(own: u64, parents: usize, share: Perbill) -> u64 {
	if parents == 0 {
		return 0;
	}
	share.mul_floor(own) / parents as u64
}

/// The stake-weighted median of `points` (`(value, stake)`): the lowest value at which the
/// stake on it and below reaches half of all stake. `None` when there is no stake.
///
/// While stake holding more than half of the total marks within `[low, high]`, the median is
/// within `[low, high]`, whatever the rest marks.
pub fn weighted_median(mut points: Vec<(u8, u128)>) -> Option<u8> {
	let total = points.iter().fold(0u128, |sum, (_, stake)| sum.saturating_add(*stake));
	if total.is_zero() {
		return None;
	}
	points.sort_unstable_by_key(|(value, _)| *value);
	let mut below = 0u128;
	for (value, stake) in points {
		below = below.saturating_add(stake);
		if below >= total - below {
			return Some(value);
		}
	}
	None
}

/// The stake-weighted median of each mark over `attestations` (`(marks, stake)`).
pub fn attested_marks(attestations: &[(Marks, u128)]) -> Option<Marks> {
	let median = |mark: usize| {
		weighted_median(attestations.iter().map(|(marks, stake)| (marks[mark], *stake)).collect())
	};
	Some([median(0)?, median(1)?, median(2)?])
}

/// The quality signal of attested medians: their mean, scaled so 100 on every mark is a million.
pub fn quality_signal(attested: Option<Marks>) -> u32 {
	let Some(marks) = attested else { return 0 };
	let sum: u32 = marks.iter().map(|mark| *mark as u32).sum();
	sum * SCORE_SCALE / (3 * MAX_MARK as u32)
}

/// The usage signal of `revenue` paid by non-holders: a million times the square root of its
/// ratio to `saturation`, capped at a million. Four times the revenue doubles the signal.
pub fn usage_signal(revenue: u128, saturation: u128) -> u32 {
	if revenue.is_zero() {
		return 0;
	}
	let scale = SCORE_SCALE as u128;
	multiply_by_rational_with_rounding(revenue, scale * scale, saturation, Rounding::Down)
		.map(|ratio| ratio.integer_sqrt().min(scale) as u32)
		.unwrap_or(SCORE_SCALE)
}

/// Whether `marks` are further than `band` points from the medians on any mark.
pub fn is_outlier(marks: Marks, medians: Marks, band: u8) -> bool {
	marks.iter().zip(medians.iter()).any(|(mark, median)| mark.abs_diff(*median) > band)
}

/// The part of `budget` due to the DATs whose scores sum to `passed` out of `total`, rounded
/// down. Each DAT is paid the growth of this as the payout passes it, so the last one takes
/// the budget to the last unit.
pub fn due(budget: u128, passed: u128, total: u128) -> u128 {
	if total.is_zero() {
		return 0;
	}
	multiply_by_rational_with_rounding(budget, passed.min(total), total, Rounding::Down)
		.unwrap_or(budget)
}

#[cfg(test)]
mod tests {
	use super::*;

	const DEFAULTS: SignalWeights = SignalWeights {
		improvement: Perbill::from_percent(50),
		quality: Perbill::from_percent(30),
		usage: Perbill::from_percent(20),
	};

	#[test]
	fn worked_example_one_a_dataset_with_every_signal() {
		// docs/podv.md, example 1: a model improved by 8 accuracy points (80,000 ppm) with this
		// dataset and one other new dataset, scale 10; attested 80/70/90; 250 LAZ paid by
		// others against a saturation of 1,000 LAZ.
		let improvement = add_improvement(0, 80_000 / 2, 10);
		let quality = quality_signal(Some([80, 70, 90]));
		let usage = usage_signal(250, 1_000);
		assert_eq!((improvement, quality, usage), (400_000, 800_000, 500_000));
		assert_eq!(own_value(DEFAULTS, improvement, quality, usage), 540_000);
	}

	#[test]
	fn worked_example_two_a_derived_dataset_feeds_its_parents() {
		// docs/podv.md, example 2: a cleaned subset with own value 540,000 derived from two
		// parents; 20 % of it is shared between them.
		assert_eq!(lineage_share(540_000, 2, Perbill::from_percent(20)), 54_000);
		assert_eq!(lineage_share(540_000, 0, Perbill::from_percent(20)), 0);
	}

	#[test]
	fn improvement_is_scaled_and_capped() {
		assert_eq!(add_improvement(0, 20_000, 10), 200_000);
		assert_eq!(add_improvement(900_000, 20_000, 10), 1_000_000);
		assert_eq!(add_improvement(0, u32::MAX, 10), 1_000_000);
	}

	#[test]
	fn usage_grows_with_the_square_root_of_revenue_and_saturates() {
		assert_eq!(usage_signal(0, 1_000), 0);
		assert_eq!(usage_signal(10, 1_000), 100_000);
		assert_eq!(usage_signal(40, 1_000), 200_000);
		assert_eq!(usage_signal(1_000, 1_000), 1_000_000);
		assert_eq!(usage_signal(u128::MAX, 1_000), 1_000_000);
		assert_eq!(usage_signal(5, 0), 1_000_000);
	}

	#[test]
	fn quality_is_the_mean_of_the_medians_scaled_to_a_million() {
		assert_eq!(quality_signal(None), 0);
		assert_eq!(quality_signal(Some([0, 0, 0])), 0);
		assert_eq!(quality_signal(Some([100, 100, 100])), 1_000_000);
		assert_eq!(quality_signal(Some([50, 50, 50])), 500_000);
	}

	#[test]
	fn the_weighted_median_follows_stake_not_headcount() {
		assert_eq!(weighted_median(Vec::new()), None);
		assert_eq!(weighted_median(vec![(40, 0)]), None);
		assert_eq!(weighted_median(vec![(10, 1), (50, 1), (90, 1)]), Some(50));
		// One heavy attester outweighs two light ones.
		assert_eq!(weighted_median(vec![(10, 1), (50, 1), (90, 5)]), Some(90));
		// An exact half: the lower value.
		assert_eq!(weighted_median(vec![(20, 3), (80, 3)]), Some(20));
	}

	#[test]
	fn a_stake_minority_cannot_move_the_median_outside_the_honest_range() {
		// Honest stake 300 (70, 72, 74); liars 280 at 100 or at 0.
		for lie in [0, 100] {
			let points = vec![(70, 100), (72, 100), (74, 100), (lie, 140), (lie, 140)];
			let median = weighted_median(points);
			assert!(
				median.is_some_and(|median| (70..=74).contains(&median)),
				"median {median:?} with liars at {lie}"
			);
		}
	}

	#[test]
	fn attested_marks_take_each_marks_median() {
		let attestations = [([80, 10, 90], 10), ([60, 30, 70], 10), ([70, 20, 100], 10)];
		assert_eq!(attested_marks(&attestations), Some([70, 20, 90]));
		assert_eq!(attested_marks(&[]), None);
	}

	#[test]
	fn an_outlier_is_beyond_the_band_on_any_mark() {
		assert!(!is_outlier([70, 20, 90], [70, 20, 90], 0));
		assert!(!is_outlier([80, 10, 100], [70, 20, 90], 10));
		assert!(is_outlier([70, 20, 79], [70, 20, 90], 10));
	}

	#[test]
	fn paying_by_the_growth_of_the_due_part_pays_the_budget_exactly() {
		let scores = [3u128, 7, 1, 1, 5];
		let total: u128 = scores.iter().sum();
		let budget = 1_000u128;
		let (mut passed, mut allotted, mut paid) = (0, 0, Vec::new());
		for score in scores {
			passed += score;
			let now_due = due(budget, passed, total);
			paid.push(now_due - allotted);
			allotted = now_due;
		}
		assert_eq!(paid, vec![176, 412, 59, 58, 295]);
		assert_eq!(paid.iter().sum::<u128>(), budget);
		assert_eq!(due(budget, 5, 0), 0);
		assert_eq!(due(budget, 20, 17), budget);
	}
}
