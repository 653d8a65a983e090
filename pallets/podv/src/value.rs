//! A DAT's value: applying a changed signal, recomputing the own value, passing the change on
//! to the parents, and keeping the Total Data Value, the ranking and the payout's snapshot right.

use crate::{pallet::*, scoring, BalanceOf, DatValue};
use frame_support::traits::Get;
use lazai_primitives::dat::{DatId, DatInspect};

impl<T: Config> Pallet<T> {
	/// The DAT's value; a DAT with none yet starts from nothing and joins the next epoch.
	pub(crate) fn value_of(dat: DatId) -> DatValue<BalanceOf<T>> {
		Values::<T>::get(dat)
			.unwrap_or_else(|| DatValue { paid_in: CurrentEpoch::<T>::get(), ..Default::default() })
	}

	/// Store `value` (whose signals changed) with its own value recomputed, and pass the change
	/// of its own value on to its parents. Returns how many parents it revalued.
	pub(crate) fn revalue(dat: DatId, mut value: DatValue<BalanceOf<T>>) -> u32 {
		let old_own = value.own;
		let old_score = value.score();
		value.own = scoring::own_value(
			scoring::SignalWeights {
				improvement: T::ImprovementWeight::get(),
				quality: T::QualityWeight::get(),
				usage: T::UsageWeight::get(),
			},
			value.improvement,
			value.quality,
			value.usage,
		);
		let reached =
			if value.own != old_own { Self::pass_to_parents(dat, old_own, value.own) } else { 0 };
		Self::store(dat, old_score, value);
		reached
	}

	/// Each parent's inherited value follows the child's own value going from `old` to `new`.
	/// Returns how many parents it changed.
	fn pass_to_parents(child: DatId, old: u64, new: u64) -> u32 {
		let parents = T::Dat::parents(child);
		let share = T::LineageShare::get();
		let before = scoring::lineage_share(old, parents.len(), share);
		let after = scoring::lineage_share(new, parents.len(), share);
		if before == after {
			return 0;
		}
		let count = parents.len() as u32;
		for parent in parents {
			let mut value = Self::value_of(parent);
			let old_score = value.score();
			value.inherited = value.inherited.saturating_sub(before).saturating_add(after);
			Self::store(parent, old_score, value);
		}
		count
	}

	/// Store a DAT's value whose score was `old_score`: the Total Data Value and the ranking
	/// follow, and a payout under way that has not reached the DAT keeps its old score.
	fn store(dat: DatId, old_score: u64, value: DatValue<BalanceOf<T>>) {
		let score = value.score();
		if score != old_score {
			if let Some(payout) = CurrentPayout::<T>::get() {
				if value.paid_in < payout.epoch && !ScoreAtEpochStart::<T>::contains_key(dat) {
					ScoreAtEpochStart::<T>::insert(dat, old_score);
				}
			}
			TotalDataValue::<T>::mutate(|total| {
				*total = total.saturating_sub(old_score as u128).saturating_add(score as u128)
			});
			Self::rank(dat, score);
		}
		Values::<T>::insert(dat, value);
	}

	/// Drop a retired DAT's value: its score leaves the Total Data Value and the ranking. What
	/// its parents inherited from it stays with them.
	pub(crate) fn forget(dat: DatId) {
		let Some(value) = Values::<T>::take(dat) else { return };
		TotalDataValue::<T>::mutate(|total| *total = total.saturating_sub(value.score() as u128));
		Self::rank(dat, 0);
	}

	/// Put `dat` with its new score in the ranking: after every DAT at least as high, off the
	/// ranking if below the last of a full one or at zero.
	fn rank(dat: DatId, score: u64) {
		Top::<T>::mutate(|top| {
			top.retain(|(ranked, _)| *ranked != dat);
			if score == 0 {
				return;
			}
			let at = top.iter().position(|(_, ranked)| score > *ranked).unwrap_or(top.len());
			if at >= T::TopSize::get() as usize {
				return;
			}
			if top.is_full() {
				top.pop();
			}
			// Room was made above, and `at` is at most the length.
			let _ = top.try_insert(at, (dat, score));
		});
	}
}
