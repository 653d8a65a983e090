//! Attesters, their attestations, the stake-weighted medians and the judging of matured
//! attestations.

use crate::{
	pallet::*, scoring, Attestation, AttestationOf, Attester, Marks, WeightInfo, MAX_MARK,
};
use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::*,
	traits::{BalanceStatus, ReservableCurrency},
};
use lazai_primitives::dat::{DatId, DatInspect};
use sp_runtime::{
	traits::{Saturating, Zero},
	SaturatedConversion,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_bond(who: T::AccountId, amount: crate::BalanceOf<T>) -> DispatchResult {
		let mut attester = Attesters::<T>::get(&who).unwrap_or(Attester {
			bond: Zero::zero(),
			attestations: 0,
			unbonds_at: None,
		});
		ensure!(attester.unbonds_at.is_none(), Error::<T>::AttesterLeaving);
		attester.bond = attester.bond.saturating_add(amount);
		ensure!(attester.bond >= T::MinAttesterBond::get(), Error::<T>::BondTooLow);
		T::Currency::reserve(&who, amount)?;
		let bond = attester.bond;
		Attesters::<T>::insert(&who, attester);
		Self::deposit_event(Event::AttesterBonded { who, amount, bond });
		Ok(())
	}

	pub(crate) fn do_unbond(who: T::AccountId) -> DispatchResult {
		let mut attester = Attesters::<T>::get(&who).ok_or(Error::<T>::NotAttester)?;
		ensure!(attester.unbonds_at.is_none(), Error::<T>::AttesterLeaving);
		ensure!(attester.attestations == 0, Error::<T>::AttestationsStand);
		let unbonds_at =
			frame_system::Pallet::<T>::block_number().saturating_add(T::AttesterUnbonding::get());
		attester.unbonds_at = Some(unbonds_at);
		let bond = attester.bond;
		Attesters::<T>::insert(&who, attester);
		Self::deposit_event(Event::AttesterUnbonding { who, bond, unbonds_at });
		Ok(())
	}

	pub(crate) fn do_withdraw_attester(who: T::AccountId) -> DispatchResult {
		let attester = Attesters::<T>::get(&who).ok_or(Error::<T>::NotAttester)?;
		let unbonds_at = attester.unbonds_at.ok_or(Error::<T>::NotLeaving)?;
		ensure!(
			frame_system::Pallet::<T>::block_number() >= unbonds_at,
			Error::<T>::StillUnbonding
		);
		T::Currency::unreserve(&who, attester.bond);
		Attesters::<T>::remove(&who);
		Self::deposit_event(Event::AttesterWithdrawn { who, amount: attester.bond });
		Ok(())
	}

	pub(crate) fn do_attest(who: T::AccountId, dat: DatId, marks: Marks) -> DispatchResult {
		ensure!(marks.iter().all(|mark| *mark <= MAX_MARK), Error::<T>::MarkOutOfRange);
		ensure!(T::Dat::exists(dat), Error::<T>::UnknownDat);
		let mut attester = Attesters::<T>::get(&who).ok_or(Error::<T>::NotAttester)?;
		ensure!(attester.unbonds_at.is_none(), Error::<T>::AttesterLeaving);
		ensure!(attester.bond >= T::MinAttesterBond::get(), Error::<T>::BondTooLow);
		let mut attestations = Attestations::<T>::get(dat);
		ensure!(
			!attestations.iter().any(|attestation| attestation.attester == who),
			Error::<T>::AlreadyAttested
		);
		let matures_at =
			frame_system::Pallet::<T>::block_number().saturating_add(T::AttestationMaturity::get());
		attestations
			.try_push(Attestation {
				attester: who.clone(),
				marks,
				stake: attester.bond,
				matures_at,
				judged: false,
			})
			.map_err(|_| Error::<T>::TooManyAttestations)?;
		Maturing::<T>::try_mutate(matures_at, |queue| queue.try_push((dat, who.clone())))
			.map_err(|_| Error::<T>::MaturityQueueFull)?;
		T::Currency::reserve(&who, T::AttestationDeposit::get())?;
		attester.attestations = attester.attestations.saturating_add(1);
		Attesters::<T>::insert(&who, attester.clone());
		Self::set_attested(dat, &attestations);
		Attestations::<T>::insert(dat, attestations);
		let [quality, uniqueness, authenticity] = marks;
		Self::deposit_event(Event::Attested {
			dat,
			attester: who,
			quality,
			uniqueness,
			authenticity,
			stake: attester.bond,
		});
		Ok(())
	}

	pub(crate) fn do_withdraw_attestation(who: T::AccountId, dat: DatId) -> DispatchResult {
		let mut attestations = Attestations::<T>::get(dat);
		let at = attestations
			.iter()
			.position(|attestation| attestation.attester == who)
			.ok_or(Error::<T>::NotAttested)?;
		ensure!(attestations[at].judged, Error::<T>::NotJudgedYet);
		attestations.remove(at);
		T::Currency::unreserve(&who, T::AttestationDeposit::get());
		Attesters::<T>::mutate(&who, |attester| {
			if let Some(attester) = attester {
				attester.attestations = attester.attestations.saturating_sub(1);
			}
		});
		Self::set_attested(dat, &attestations);
		if attestations.is_empty() {
			Attestations::<T>::remove(dat);
		} else {
			Attestations::<T>::insert(dat, attestations);
		}
		Self::deposit_event(Event::AttestationWithdrawn { dat, attester: who });
		Ok(())
	}

	/// The DAT's attested medians and quality signal follow its standing attestations.
	fn set_attested(dat: DatId, attestations: &[AttestationOf<T>]) {
		let points: Vec<(Marks, u128)> = attestations
			.iter()
			.map(|attestation| (attestation.marks, attestation.stake.saturated_into()))
			.collect();
		let mut value = Self::value_of(dat);
		value.attested = scoring::attested_marks(&points);
		value.quality = scoring::quality_signal(value.attested);
		Self::revalue(dat, value);
	}

	/// Judge the attestations maturing at `now`.
	pub(crate) fn judge_maturing(now: frame_system::pallet_prelude::BlockNumberFor<T>) -> Weight {
		let queue = Maturing::<T>::take(now);
		let count = queue.len() as u32;
		for (dat, attester) in queue {
			Self::judge(dat, &attester);
		}
		T::WeightInfo::judge(count)
	}

	/// Judge `attester`'s attestation on `dat` against the DAT's medians now: an outlier costs
	/// `AttesterSlash` of the attester's bond, moved to the reward pot.
	fn judge(dat: DatId, who: &T::AccountId) {
		let mut attestations = Attestations::<T>::get(dat);
		let Some(attestation) =
			attestations.iter_mut().find(|attestation| &attestation.attester == who)
		else {
			return;
		};
		if attestation.judged {
			return;
		}
		attestation.judged = true;
		let medians = Values::<T>::get(dat).and_then(|value| value.attested);
		let outlier = medians.is_some_and(|medians| {
			scoring::is_outlier(attestation.marks, medians, T::SlashBand::get())
		});
		Attestations::<T>::insert(dat, attestations);
		let mut slashed = Zero::zero();
		if outlier {
			Attesters::<T>::mutate(who, |attester| {
				let Some(attester) = attester else { return };
				let amount = T::AttesterSlash::get() * attester.bond;
				let unmoved = T::Currency::repatriate_reserved(
					who,
					&Self::reward_pot(),
					amount,
					BalanceStatus::Free,
				)
				.unwrap_or(amount);
				slashed = amount.saturating_sub(unmoved);
				attester.bond = attester.bond.saturating_sub(slashed);
			});
		}
		Self::deposit_event(Event::AttestationJudged {
			dat,
			attester: who.clone(),
			outlier,
			slashed,
		});
	}
}
