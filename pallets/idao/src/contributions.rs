//! The contribution pool: DATs the members brought to the iDAO, which share part of its income.
//!
//! 1. A member offers a DAT it controls with `propose_contribution`. That opens an ordinary
//!    proposal whose call is `accept_contribution`, so members vote on it like on any other.
//! 2. Once approved, the DAT is in the iDAO's pool (at most `MaxPoolDats`). The DAT stays
//!    where it was: its controller, its holders and its policy do not change.
//! 3. The iDAO's revenue split names the pool's part of its income (`contributions`).
//!    `distribute` splits that part equally among the pooled DATs and pays each share into the
//!    DAT's revenue pool, so each DAT's holders earn by their shares. What cannot be paid (the
//!    rounding, or a DAT that was retired or frozen) goes to the treasury.
//! 4. `remove_contribution`, again through a proposal, takes a DAT out.
//!
//! A proposal may also call `accept_contribution` directly, for a DAT no member controls.
//! That is the members' decision to make; `propose_contribution` is the path for members who
//! bring their own data.

use crate::{pallet::*, Call, Config};
use frame_support::ensure;
use lazai_primitives::dat::{DatId, DatInspect, IdaoId};
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_propose_contribution(
		contributor: T::AccountId,
		idao: IdaoId,
		dat: DatId,
	) -> DispatchResult {
		let controller = T::Dat::controller(dat).ok_or(Error::<T>::UnknownDat)?;
		ensure!(controller == contributor, Error::<T>::NotDatController);
		ensure!(!ContributionPools::<T>::get(idao).contains(&dat), Error::<T>::AlreadyContributed);
		let call = Call::<T>::accept_contribution { idao, dat };
		let (proposal, _) = Self::do_propose(contributor.clone(), idao, call.into())?;
		Self::deposit_event(Event::ContributionProposed { idao, proposal, dat, contributor });
		Ok(())
	}

	pub(crate) fn do_accept_contribution(idao: IdaoId, dat: DatId) -> DispatchResult {
		ensure!(T::Dat::exists(dat), Error::<T>::UnknownDat);
		ContributionPools::<T>::try_mutate(idao, |pool| {
			ensure!(!pool.contains(&dat), Error::<T>::AlreadyContributed);
			pool.try_push(dat).map_err(|_| Error::<T>::PoolFull)
		})?;
		Self::deposit_event(Event::ContributionAccepted { idao, dat });
		Ok(())
	}

	pub(crate) fn do_remove_contribution(idao: IdaoId, dat: DatId) -> DispatchResult {
		ContributionPools::<T>::try_mutate_exists(idao, |maybe_pool| {
			let pool = maybe_pool.as_mut().ok_or(Error::<T>::NotContributed)?;
			let index = pool.iter().position(|d| *d == dat).ok_or(Error::<T>::NotContributed)?;
			pool.remove(index);
			if pool.is_empty() {
				*maybe_pool = None;
			}
			Ok::<_, Error<T>>(())
		})?;
		Self::deposit_event(Event::ContributionRemoved { idao, dat });
		Ok(())
	}
}
