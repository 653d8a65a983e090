//! How claims end: settled by a verified evaluation (rewarded or slashed) or expired, and the
//! stake that unbonds afterwards.

use crate::{pallet::*, BalanceOf, ClaimOf, Outcome, Unbonding, WeightInfo};
use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::*,
	traits::{Currency, ExistenceRequirement, Imbalance, ReservableCurrency},
};
use frame_system::pallet_prelude::BlockNumberFor;
use lazai_primitives::models::ClaimId;
use sp_runtime::{
	traits::{Saturating, Zero},
	Perbill, Rounding, SaturatedConversion,
};

/// Where the slashed part of a stake goes.
enum SlashTo<'a, AccountId> {
	/// Part to the evaluation's submitter, the rest to the pot.
	SubmitterAndPot(&'a AccountId),
	/// All to the pot.
	Pot,
}

impl<T: Config> Pallet<T> {
	/// Settle an open claim by a verified score: accurate if the score is no worse than the claim
	/// by more than the tolerance. A claim past its deadline is left for the expiry hook.
	pub(crate) fn settle_by_evaluation(
		id: ClaimId,
		score: u32,
		higher_is_better: bool,
		submitter: &T::AccountId,
	) {
		let Some(claim) = Claims::<T>::get(id) else { return };
		if frame_system::Pallet::<T>::block_number() > claim.deadline {
			return;
		}
		let tolerance = T::Tolerance::get();
		let accurate = if higher_is_better {
			score.saturating_add(tolerance) >= claim.claimed_score
		} else {
			score <= claim.claimed_score.saturating_add(tolerance)
		};
		if accurate {
			Self::reward(id, claim, score);
		} else {
			let slashed =
				Self::cut_stakes(id, T::SlashFraction::get(), SlashTo::SubmitterAndPot(submitter));
			Self::close(id, claim, Outcome::False, Some(score), Zero::zero(), slashed);
		}
	}

	/// Expire the claims whose deadline passed, oldest first, looking at no more than
	/// `MaxExpiriesPerBlock` claims. Returns the weight used.
	pub(crate) fn expire_claims(now: BlockNumberFor<T>) -> Weight {
		let mut weight = T::WeightInfo::expiry_idle();
		let (start, end) = (ExpiryCursor::<T>::get(), NextClaimId::<T>::get());
		let mut cursor = start;
		for _ in 0..T::MaxExpiriesPerBlock::get() {
			if cursor >= end {
				break;
			}
			match Claims::<T>::get(cursor) {
				// Settled by an evaluation already.
				None => weight.saturating_accrue(T::DbWeight::get().reads(1)),
				Some(claim) if claim.deadline < now => {
					weight.saturating_accrue(T::WeightInfo::expire_claim(claim.stakers));
					let penalty = Self::cut_stakes(cursor, T::ExpiryPenalty::get(), SlashTo::Pot);
					Self::close(cursor, claim, Outcome::Expired, None, Zero::zero(), penalty);
				},
				Some(_) => break,
			}
			cursor = cursor.saturating_add(1);
		}
		if cursor != start {
			ExpiryCursor::<T>::put(cursor);
		}
		weight
	}

	/// Pay every staker of an accurate claim its part of the reward, in proportion to stake,
	/// from what the pot holds.
	fn reward(id: ClaimId, claim: ClaimOf<T>, score: u32) {
		let pot = Self::reward_pot();
		let available =
			T::Currency::free_balance(&pot).saturating_sub(T::Currency::minimum_balance());
		let budget = (T::RewardRate::get() * claim.total_stake).min(available);
		let mut rewarded = BalanceOf::<T>::zero();
		for (who, stake) in Self::take_stakes(id) {
			let share = sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
				budget.saturated_into(),
				stake.saturated_into(),
				claim.total_stake.saturated_into::<u128>().max(1),
				Rounding::Down,
			)
			.unwrap_or_default()
			.saturated_into::<BalanceOf<T>>();
			let keep_alive = ExistenceRequirement::KeepAlive;
			if !share.is_zero() && T::Currency::transfer(&pot, &who, share, keep_alive).is_ok() {
				rewarded.saturating_accrue(share);
			}
			Self::unbond(&who, id, stake);
		}
		Self::close(id, claim, Outcome::Accurate, Some(score), rewarded, Zero::zero());
	}

	/// Slash `fraction` of every stake on a claim to `to`, and unbond the rest. Returns what
	/// was slashed.
	fn cut_stakes(id: ClaimId, fraction: Perbill, to: SlashTo<'_, T::AccountId>) -> BalanceOf<T> {
		let pot = Self::reward_pot();
		let mut slashed = BalanceOf::<T>::zero();
		for (who, stake) in Self::take_stakes(id) {
			let (taken, _) = T::Currency::slash_reserved(&who, fraction * stake);
			let amount = taken.peek();
			slashed.saturating_accrue(amount);
			match to {
				SlashTo::SubmitterAndPot(submitter) => {
					let (to_submitter, to_pot) = taken.split(T::SubmitterShare::get() * amount);
					T::Currency::resolve_creating(submitter, to_submitter);
					T::Currency::resolve_creating(&pot, to_pot);
				},
				SlashTo::Pot => T::Currency::resolve_creating(&pot, taken),
			}
			Self::unbond(&who, id, stake.saturating_sub(amount));
		}
		slashed
	}

	/// Remove and return a claim's stakes (at most `MaxStakers`).
	fn take_stakes(id: ClaimId) -> Vec<(T::AccountId, BalanceOf<T>)> {
		Stakes::<T>::drain_prefix(id).collect()
	}

	/// Start unbonding what is left of `who`'s stake on a claim.
	fn unbond(who: &T::AccountId, id: ClaimId, amount: BalanceOf<T>) {
		if amount.is_zero() {
			return;
		}
		let unlocks_at =
			frame_system::Pallet::<T>::block_number().saturating_add(T::UnbondingPeriod::get());
		Unbondings::<T>::insert(who, id, Unbonding { amount, unlocks_at });
	}

	/// Remove an ended claim and say how it ended.
	fn close(
		id: ClaimId,
		claim: ClaimOf<T>,
		outcome: Outcome,
		verified_score: Option<u32>,
		rewarded: BalanceOf<T>,
		slashed: BalanceOf<T>,
	) {
		Claims::<T>::remove(id);
		OpenClaim::<T>::remove(claim.model, claim.benchmark);
		Models::<T>::mutate(claim.model, |model| {
			if let Some(model) = model {
				model.open_claims = model.open_claims.saturating_sub(1);
			}
		});
		Self::deposit_event(Event::ClaimSettled {
			claim: id,
			outcome,
			verified_score,
			rewarded,
			slashed,
		});
	}
}
