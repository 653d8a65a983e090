//! How an agent's reputation is computed.
//!
//! Each rated or timed-out task adds evidence of weight
//!
//! ```text
//! w = min(payment, MaxCountedPayment) × standing(client) × m
//! ```
//!
//! where `m` is `EvidenceMultiplier` for a success backed by a statement the chain verified,
//! and 1 otherwise. A success with `rating` (0 to 100) adds `w × rating / 100` to the
//! agent's success weight. Every task, success or not, adds `w` to its total weight.
//!
//! Both weights decay: every `DecayPeriod` blocks they keep `DecayPerPeriod` of their value,
//! so old work counts for less and a reputation must be kept up. Decay is applied when evidence
//! is added and when the score is read, to whole periods since the last update. The score, in
//! parts per million, is
//!
//! ```text
//! reputation = 1,000,000 × success / (total + PriorWeight)
//! ```
//!
//! An agent with no evidence has reputation 0. `PriorWeight` is the evidence it takes to earn
//! half of the best score.
//!
//! The client's **standing** is what its ratings count for:
//!
//! ```text
//! standing = BaseStanding + (1 − BaseStanding) × paid / (paid + StandingPrior)
//! ```
//!
//! Here `paid` is what the client's tasks have paid to agents so far. A new account's
//! ratings count for `BaseStanding`. An agent's own controller, its bonder and its account
//! cannot hire it at all.
//!
//! **The anti-pumping bound.**
//! - Weight is linear in payment. Splitting one payment into many tiny tasks from fresh
//!   accounts adds nothing. Repeated tasks from one client gain only what its growing standing
//!   adds, never more than full standing.
//! - Every released payment burns `ReleaseFee` of it, rounded up.
//! - So whoever pays for tasks, from however many accounts, burns at least
//!   `ReleaseFee × w / m` for each unit of weight `w` a success adds. To raise an agent with no
//!   evidence to a reputation `s` (in parts of one), the total weight must reach
//!   `PriorWeight × s / (1 − s)`. That costs at least
//!
//!   ```text
//!   burned ≥ ReleaseFee × PriorWeight × s / ((1 − s) × EvidenceMultiplier)
//!   ```
//!
//!   Decay only raises the cost. `docs/agents.md` gives the chain's figures, and a unit test
//!   checks the bound on a swarm of tiny self-paid tasks.

use crate::{pallet::*, Agent, BalanceOf, Evidence};
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use lazai_primitives::agents::ReputationPpm;
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{Saturating, UniqueSaturatedInto, Zero},
	PerThing, Perbill, Rounding,
};

/// The best reputation: one million parts per million.
pub const BEST: u128 = 1_000_000;

impl<T: Config> Pallet<T> {
	/// `evidence` decayed to `now`, by whole decay periods.
	pub fn decayed(
		evidence: Evidence<BlockNumberFor<T>>,
		now: BlockNumberFor<T>,
	) -> Evidence<BlockNumberFor<T>> {
		let period = T::DecayPeriod::get();
		if period.is_zero() || now <= evidence.at {
			return evidence;
		}
		let periods: u32 = ((now - evidence.at) / period).unique_saturated_into();
		if periods == 0 {
			return evidence;
		}
		let kept = T::DecayPerPeriod::get().saturating_pow(periods as usize);
		Evidence {
			success: kept.mul_floor(evidence.success),
			total: kept.mul_floor(evidence.total),
			at: evidence.at.saturating_add(period.saturating_mul(periods.into())),
		}
	}

	/// The reputation `evidence` earns, in parts per million.
	pub fn score_of(evidence: &Evidence<BlockNumberFor<T>>) -> ReputationPpm {
		let prior: u128 = T::PriorWeight::get().unique_saturated_into();
		let denominator = evidence.total.saturating_add(prior);
		if denominator == 0 {
			return 0;
		}
		multiply_by_rational_with_rounding(evidence.success, BEST, denominator, Rounding::Down)
			.map(|score| score.min(BEST) as ReputationPpm)
			.unwrap_or(0)
	}

	/// An agent's reputation now.
	pub fn reputation_now(agent: &Agent<T>) -> ReputationPpm {
		let now = frame_system::Pallet::<T>::block_number();
		Self::score_of(&Self::decayed(agent.evidence, now))
	}

	/// What a rating by a client who has had `paid` released to agents counts for.
	pub fn standing(paid: BalanceOf<T>) -> Perbill {
		let base = T::BaseStanding::get();
		let paid: u128 = paid.unique_saturated_into();
		let prior: u128 = T::StandingPrior::get().unique_saturated_into();
		let earned = Perbill::from_rational(paid, paid.saturating_add(prior));
		base.saturating_add(base.left_from_one() * earned)
	}

	/// The weight of a task paid `payment` and rated by a client of `standing`; `verified` for
	/// a success backed by a verified statement.
	pub fn task_weight(payment: BalanceOf<T>, standing: Perbill, verified: bool) -> u128 {
		let counted: u128 = payment.min(T::MaxCountedPayment::get()).unique_saturated_into();
		let multiplier = if verified { T::EvidenceMultiplier::get().max(1) } else { 1 };
		standing.mul_floor(counted).saturating_mul(multiplier.into())
	}

	/// Add a task of `weight` to `agent`'s evidence: all of it to the total, `success` of it
	/// (zero for a failure) to the successes.
	pub(crate) fn add_evidence(agent: &mut Agent<T>, weight: u128, success: Perbill) {
		let now = frame_system::Pallet::<T>::block_number();
		let mut evidence = Self::decayed(agent.evidence, now);
		evidence.success = evidence.success.saturating_add(success.mul_floor(weight));
		evidence.total = evidence.total.saturating_add(weight);
		agent.evidence = evidence;
	}
}
