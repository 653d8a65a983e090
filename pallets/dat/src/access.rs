//! Who may use a DAT, and at what price.
//!
//! A DAT's usage policy sets one access list, one price and one expiry for every consumer. Its
//! controller may also **grant** one consumer access on its own terms (an iDAO sharing its data
//! with another at an agreed price, say). For a consumer with a grant that has not expired:
//!
//! - the grant replaces the policy's access list: the consumer may use the data even when the
//!   list does not name it;
//! - the grant's price replaces the policy's for each use paid one at a time (`use_data`);
//! - the grant's expiry replaces the policy's.
//!
//! What a grant does not change:
//!
//! - the policy's cap on uses sold still counts the grantee's uses;
//! - a frozen DAT is refused to everyone;
//! - credits are always bought at the policy's price. Credits can be given to other
//!   consumers, so a grant's price must not reach consumers the grant does not name.
//!
//! Once a grant expires the policy applies to the consumer again. Each grant holds a record
//! deposit from the controller who made it; revoking returns it to them. A DAT with grants
//! cannot be retired, so no grant outlives its DAT.

use crate::{pallet::*, AccessTermsOf, BalanceOf, DatInfo, Grant};
use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::BlockNumberFor;
use lazai_primitives::dat::{Access, Consumer, DatAccess, DatId};

impl<T: Config> Pallet<T> {
	/// The price per use `consumer` pays for `dat`: the grant's, if it has one that has not
	/// expired, or else the policy's. Refuses a consumer neither of them allows.
	pub(crate) fn price_for(
		dat: DatId,
		info: &DatInfo<T>,
		consumer: &Consumer<T::AccountId>,
	) -> Result<BalanceOf<T>, DispatchError> {
		if let Some(grant) = Grants::<T>::get(dat, consumer) {
			if Self::in_force(grant.terms.expires_at) {
				return Ok(grant.terms.price);
			}
		}
		ensure!(Self::in_force(info.policy.expires_at), Error::<T>::Expired);
		match &info.policy.access {
			Access::Anyone => Ok(info.policy.price),
			Access::AllowList(allowed) if allowed.contains(consumer) => Ok(info.policy.price),
			Access::AllowList(_) => Err(Error::<T>::NotAllowed.into()),
		}
	}

	/// Whether something that ends at `expires_at` (if ever) still holds in this block.
	fn in_force(expires_at: Option<BlockNumberFor<T>>) -> bool {
		expires_at.is_none_or(|last| frame_system::Pallet::<T>::block_number() <= last)
	}

	pub(crate) fn do_grant(
		controller: &T::AccountId,
		dat: DatId,
		consumer: Consumer<T::AccountId>,
		terms: AccessTermsOf<T>,
	) -> DispatchResult {
		Self::controlled_dat(dat, controller)?;
		ensure!(Self::in_force(terms.expires_at), Error::<T>::Expired);
		let deposit = match Grants::<T>::get(dat, &consumer) {
			Some(earlier) => earlier.deposit,
			None => {
				let count = GrantCount::<T>::get(dat);
				ensure!(count < T::MaxGrants::get(), Error::<T>::TooManyGrants);
				let amount = T::RecordDeposit::get();
				Self::reserve_deposit(controller, amount)?;
				GrantCount::<T>::insert(dat, count.saturating_add(1));
				(controller.clone(), amount)
			},
		};
		Grants::<T>::insert(dat, &consumer, Grant { terms, deposit });
		Self::deposit_event(Event::AccessGranted { dat, consumer, terms });
		Ok(())
	}

	pub(crate) fn do_revoke(
		controller: &T::AccountId,
		dat: DatId,
		consumer: &Consumer<T::AccountId>,
	) -> DispatchResult {
		Self::controlled_dat(dat, controller)?;
		let grant = Grants::<T>::take(dat, consumer).ok_or(Error::<T>::UnknownGrant)?;
		GrantCount::<T>::mutate_exists(dat, |count| {
			*count = count.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0);
		});
		let (depositor, amount) = grant.deposit;
		Self::release_deposit(&depositor, amount);
		Self::deposit_event(Event::AccessRevoked { dat, consumer: consumer.clone() });
		Ok(())
	}
}

impl<T: Config> DatAccess<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> for Pallet<T> {
	fn grant(
		controller: &T::AccountId,
		dat: DatId,
		consumer: Consumer<T::AccountId>,
		terms: AccessTermsOf<T>,
	) -> DispatchResult {
		Self::do_grant(controller, dat, consumer, terms)
	}

	fn revoke(
		controller: &T::AccountId,
		dat: DatId,
		consumer: &Consumer<T::AccountId>,
	) -> DispatchResult {
		Self::do_revoke(controller, dat, consumer)
	}

	fn grant_of(dat: DatId, consumer: &Consumer<T::AccountId>) -> Option<AccessTermsOf<T>> {
		Grants::<T>::get(dat, consumer).map(|grant| grant.terms)
	}
}
