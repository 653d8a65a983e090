//! How votes are counted and what they decide.
//!
//! Votes are weighed at the members' current weights when a proposal is closed, so a member
//! removed by another proposal no longer counts, and no vote ever counts twice.

use crate::{Config, Members, Pallet, Votes};
use lazai_primitives::dat::IdaoId;
use sp_runtime::{PerThing, Perbill};

pub use crate::types::{Outcome, ProposalIndex, Rules, Tally};

/// Whether `part` is at least `fraction` of `whole`, exactly.
fn at_least(part: u64, fraction: Perbill, whole: u64) -> bool {
	u128::from(part) * u128::from(Perbill::ACCURACY)
		>= u128::from(fraction.deconstruct()) * u128::from(whole)
}

impl Tally {
	/// What the tally decides under `rules`, before the voting period ends (`expired` false:
	/// only outcomes no remaining vote can change) or after it (every proposal is decided).
	///
	/// - Before: approved once the ayes reach both the threshold and the quorum of all weight;
	///   rejected once the nays leave too little weight for the threshold even if every other
	///   member voted aye.
	/// - After: approved if the votes cast reach the quorum and the ayes reach the threshold of
	///   the votes cast.
	pub fn outcome<BlockNumber>(&self, rules: &Rules<BlockNumber>, expired: bool) -> Outcome {
		let Tally { ayes, nays, total } = *self;
		if expired {
			let cast = ayes.saturating_add(nays);
			let passes = ayes > 0
				&& at_least(cast, rules.quorum, total)
				&& at_least(ayes, rules.approval_threshold, cast);
			return if passes { Outcome::Approved } else { Outcome::Rejected };
		}
		let needed = rules.approval_threshold.max(rules.quorum);
		if ayes > 0 && at_least(ayes, needed, total) {
			Outcome::Approved
		} else if !at_least(total.saturating_sub(nays), rules.approval_threshold, total) {
			Outcome::Rejected
		} else {
			Outcome::Undecided
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The votes on `proposal` of `idao`, weighed at the members' current weights.
	pub fn tally(idao: IdaoId, proposal: ProposalIndex, total: u64) -> Tally {
		let mut tally = Tally { total, ..Default::default() };
		for (voter, aye) in Votes::<T>::iter_prefix((idao, proposal)) {
			let weight = u64::from(Members::<T>::get(idao, &voter).unwrap_or_default());
			if aye {
				tally.ayes = tally.ayes.saturating_add(weight);
			} else {
				tally.nays = tally.nays.saturating_add(weight);
			}
		}
		tally
	}
}
