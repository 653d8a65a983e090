//! Reward epochs: starting one with its budget and the Total Data Value, and paying the budget
//! into DATs' revenue pools by score, a bounded number of DATs a block.

use crate::{pallet::*, scoring, BalanceOf, EpochRecord, Payout, WeightInfo};
use frame_support::{
	pallet_prelude::*,
	storage::with_storage_layer,
	traits::{Currency, Get},
};
use frame_system::pallet_prelude::BlockNumberFor;
use lazai_primitives::dat::{DatInspect, DatRevenue};
use sp_runtime::{
	traits::{Saturating, Zero},
	SaturatedConversion,
};

impl<T: Config> Pallet<T> {
	/// Pay the epoch under way, or start the next one when it is due.
	pub(crate) fn advance_epochs(now: BlockNumberFor<T>) -> Weight {
		if CurrentPayout::<T>::exists() {
			return Self::pay_dats(now);
		}
		let next = NextEpochAt::<T>::get();
		if next.is_zero() {
			NextEpochAt::<T>::put(now.saturating_add(EpochLength::<T>::get()));
			return T::WeightInfo::epoch_idle();
		}
		if now < next {
			return T::WeightInfo::epoch_idle();
		}
		Self::start_epoch(now);
		T::WeightInfo::start_epoch()
	}

	/// Start an epoch: its budget is `EpochReward`, as far as the pot holds it above its
	/// existential deposit, and nothing when no DAT has value.
	pub(crate) fn start_epoch(now: BlockNumberFor<T>) {
		let epoch = CurrentEpoch::<T>::get().saturating_add(1);
		CurrentEpoch::<T>::put(epoch);
		NextEpochAt::<T>::put(now.saturating_add(EpochLength::<T>::get()));
		let total_value = TotalDataValue::<T>::get();
		let available = T::Currency::free_balance(&Self::reward_pot())
			.saturating_sub(T::Currency::minimum_balance());
		let budget =
			if total_value == 0 { Zero::zero() } else { T::EpochReward::get().min(available) };
		let paid_out = budget.is_zero();
		Epochs::<T>::insert(
			epoch,
			EpochRecord {
				started_at: now,
				completed_at: paid_out.then_some(now),
				total_value,
				budget,
				paid: Zero::zero(),
				unpaid: Zero::zero(),
				dats_paid: 0,
			},
		);
		Epochs::<T>::remove(epoch.saturating_sub(T::HistoryDepth::get()));
		Self::deposit_event(Event::EpochStarted { epoch, budget, total_value });
		if paid_out {
			Self::deposit_event(Event::EpochPaid {
				epoch,
				paid: Zero::zero(),
				unpaid: Zero::zero(),
				dats: 0,
			});
		} else {
			CurrentPayout::<T>::put(Payout {
				epoch,
				budget,
				total_value,
				passed_value: 0,
				allotted: Zero::zero(),
				last: None,
			});
		}
	}

	/// Pass at most `MaxPayoutsPerBlock` more DATs of the payout under way, paying each the
	/// growth of the budget's part due to the scores passed so far; finish it after the last.
	pub(crate) fn pay_dats(now: BlockNumberFor<T>) -> Weight {
		let Some(mut payout) = CurrentPayout::<T>::get() else { return Weight::zero() };
		let Some(mut record) = Epochs::<T>::get(payout.epoch) else {
			CurrentPayout::<T>::kill();
			return T::WeightInfo::pay_dats(0);
		};
		let mut values = match payout.last {
			Some(last) => Values::<T>::iter_from(Values::<T>::hashed_key_for(last)),
			None => Values::<T>::iter(),
		};
		let pot = Self::reward_pot();
		let budget: u128 = payout.budget.saturated_into();
		let mut passed = 0u32;
		let finished = loop {
			if passed >= T::MaxPayoutsPerBlock::get() {
				break false;
			}
			let Some((dat, mut value)) = values.next() else { break true };
			passed += 1;
			payout.last = Some(dat);
			if value.paid_in >= payout.epoch {
				// It got its first signal during this payout: not part of this epoch's total.
				continue;
			}
			let score = ScoreAtEpochStart::<T>::take(dat).unwrap_or(value.score());
			value.paid_in = payout.epoch;
			Values::<T>::insert(dat, value);
			payout.passed_value = payout.passed_value.saturating_add(score as u128);
			let due: BalanceOf<T> =
				scoring::due(budget, payout.passed_value, payout.total_value).saturated_into();
			let amount = due.saturating_sub(payout.allotted);
			payout.allotted = due;
			if amount.is_zero() {
				continue;
			}
			match with_storage_layer(|| T::Dat::pay(&pot, dat, amount)) {
				Ok(()) => {
					record.paid = record.paid.saturating_add(amount);
					record.dats_paid = record.dats_paid.saturating_add(1);
				},
				Err(_) => {
					record.unpaid = record.unpaid.saturating_add(amount);
					if !T::Dat::exists(dat) {
						Self::forget(dat);
					}
				},
			}
		};
		if finished {
			record.unpaid =
				record.unpaid.saturating_add(payout.budget.saturating_sub(payout.allotted));
			record.completed_at = Some(now);
			CurrentPayout::<T>::kill();
			Self::deposit_event(Event::EpochPaid {
				epoch: payout.epoch,
				paid: record.paid,
				unpaid: record.unpaid,
				dats: record.dats_paid,
			});
		} else {
			CurrentPayout::<T>::put(payout.clone());
		}
		Epochs::<T>::insert(payout.epoch, record);
		T::WeightInfo::pay_dats(passed)
	}
}
