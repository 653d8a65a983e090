//! Revenue sharing: what an iDAO earns is split by its revenue split among its members (by
//! weight), the revenue pools of chosen DATs, the DATs of its contribution pool and its
//! treasury.
//!
//! Income is paid to the iDAO's **revenue account** ([`Pallet::revenue_account_of`]), which, like
//! the iDAO's own account, has no key: only this pallet moves funds out of it. Anyone may call
//! `distribute`, which splits what the revenue account holds beyond what members are still owed
//! (and its existential deposit):
//!
//! 1. each DAT of the split gets its share in its revenue pool (a DAT that cannot be paid, such
//!    as a retired one, leaves its share to the treasury);
//! 2. the contribution pool's share is divided equally among the pooled DATs, rounded down, and
//!    paid into their revenue pools the same way (see [`crate::contributions`]);
//! 3. the members' share is credited to each member in proportion to weight, rounded down, and
//!    stays in the revenue account until the member claims it, one storage read and transfer;
//! 4. the rest, rounding included, goes to the treasury, the iDAO's own account. While that
//!    account holds less than the existential deposit a share too small to open it stays in the
//!    revenue account for the next distribution.
//!
//! Every unit of income thus ends in exactly one of: a DAT pool, a member's claim, the treasury,
//! or the revenue account for the next distribution.

use crate::{pallet::*, BalanceOf, RevenueSplitOf};
use frame_support::{
	ensure,
	pallet_prelude::*,
	storage::with_storage_layer,
	traits::{Currency, ExistenceRequirement},
};
use lazai_primitives::dat::{DatId, DatInspect, DatRevenue, IdaoId};
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{AccountIdConversion, Saturating, UniqueSaturatedFrom, UniqueSaturatedInto, Zero},
	DispatchResult, PerThing, Perbill, Rounding,
};

/// Tells an iDAO's revenue account apart from its own account.
const REVENUE: [u8; 4] = *b"rvnu";

/// Where one distribution went.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Distribution<Balance> {
	/// The income split.
	pub income: Balance,
	/// Credited to members, to claim.
	pub to_members: Balance,
	/// Paid into DAT revenue pools: the split's DATs and the contribution pool's.
	pub to_dats: Balance,
	/// Moved to the treasury.
	pub to_treasury: Balance,
}

impl<T: Config> Pallet<T> {
	/// The keyless account an iDAO's income is paid to, to be split by `distribute`.
	pub fn revenue_account_of(idao: IdaoId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating((idao, REVENUE))
	}

	/// What `distribute` would split now: the revenue account's balance beyond what members
	/// are owed and its existential deposit.
	pub fn undistributed(idao: IdaoId) -> BalanceOf<T> {
		T::Currency::free_balance(&Self::revenue_account_of(idao))
			.saturating_sub(OwedTotal::<T>::get(idao))
			.saturating_sub(T::Currency::minimum_balance())
	}

	/// Shares of at most the whole, to distinct existing DATs.
	pub(crate) fn ensure_valid_split(split: &RevenueSplitOf<T>) -> DispatchResult {
		let mut parts = u64::from(split.members.deconstruct())
			.saturating_add(split.contributions.deconstruct().into());
		for (index, (dat, share)) in split.dats.iter().enumerate() {
			ensure!(T::Dat::exists(*dat), Error::<T>::UnknownDat);
			ensure!(
				!split.dats.iter().take(index).any(|(earlier, _)| earlier == dat),
				Error::<T>::DuplicateDat
			);
			parts = parts.saturating_add(share.deconstruct().into());
		}
		ensure!(parts <= u64::from(Perbill::ACCURACY), Error::<T>::SplitOverWhole);
		Ok(())
	}

	pub(crate) fn do_distribute(idao: IdaoId) -> Result<Distribution<BalanceOf<T>>, DispatchError> {
		let info = Idaos::<T>::get(idao).ok_or(Error::<T>::UnknownIdao)?;
		let income = Self::undistributed(idao);
		ensure!(!income.is_zero(), Error::<T>::NothingToDistribute);
		let revenue = Self::revenue_account_of(idao);
		let split = RevenueSplits::<T>::get(idao).unwrap_or_default();
		let mut done = Distribution { income, ..Default::default() };

		// Each payment is all or nothing: a DAT that refuses it leaves no partial change.
		let mut pay_dat = |dat: DatId, part: BalanceOf<T>| {
			if !part.is_zero() && with_storage_layer(|| T::Dat::pay(&revenue, dat, part)).is_ok() {
				done.to_dats.saturating_accrue(part);
			}
		};
		for (dat, share) in &split.dats {
			pay_dat(*dat, share.mul_floor(income));
		}
		let pool = ContributionPools::<T>::get(idao);
		if !pool.is_empty() {
			let each =
				split.contributions.mul_floor(income) / BalanceOf::<T>::from(pool.len() as u32);
			for dat in pool {
				pay_dat(dat, each);
			}
		}

		let members_part = split.members.mul_floor(income);
		if !members_part.is_zero() {
			for (member, weight) in Members::<T>::iter_prefix(idao) {
				let share = Self::share_by_weight(members_part, weight, info.total_weight);
				Owed::<T>::mutate(idao, &member, |owed| owed.saturating_accrue(share));
				done.to_members.saturating_accrue(share);
			}
			OwedTotal::<T>::mutate(idao, |total| total.saturating_accrue(done.to_members));
		}

		let rest = income.saturating_sub(done.to_dats).saturating_sub(done.to_members);
		if !rest.is_zero()
			&& T::Currency::transfer(
				&revenue,
				&Self::account_of(idao),
				rest,
				ExistenceRequirement::KeepAlive,
			)
			.is_ok()
		{
			done.to_treasury = rest;
		}
		Ok(done)
	}

	/// `weight / total` of `amount`, rounded down (nothing for a zero total).
	fn share_by_weight(amount: BalanceOf<T>, weight: u32, total: u64) -> BalanceOf<T> {
		multiply_by_rational_with_rounding(
			amount.unique_saturated_into(),
			weight.into(),
			total.into(),
			Rounding::Down,
		)
		.map(BalanceOf::<T>::unique_saturated_from)
		.unwrap_or_default()
	}

	/// Pays `who` what it is owed by `idao`; returns the amount.
	pub(crate) fn do_claim(
		idao: IdaoId,
		who: &T::AccountId,
	) -> Result<BalanceOf<T>, DispatchError> {
		let amount = Owed::<T>::take(idao, who);
		ensure!(!amount.is_zero(), Error::<T>::NothingOwed);
		T::Currency::transfer(
			&Self::revenue_account_of(idao),
			who,
			amount,
			ExistenceRequirement::KeepAlive,
		)?;
		OwedTotal::<T>::mutate(idao, |total| total.saturating_reduce(amount));
		Ok(amount)
	}
}
