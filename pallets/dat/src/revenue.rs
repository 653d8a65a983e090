//! Revenue accounting: O(1) per payment and per claim.
//!
//! Each DAT's pool keeps the revenue earned per share so far (`per_share`, scaled by [`SCALE`]).
//! A holding remembers `shares × per_share` at its last settlement (`debt`); what it earned since
//! is `shares × per_share − debt`. Moving shares settles both sides first, so nothing earned is
//! lost or paid twice. Amounts are kept scaled and exact; only whole units are paid out, and the
//! division remainder of each payment is carried into the next, so the sum of all claims never
//! exceeds what was paid in.

use codec::{Decode, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::{Get, U256};

/// The fixed-point scale of `per_share`.
pub const SCALE: u128 = 1_000_000_000_000;

/// The revenue pool of one DAT. Balances are in the currency's smallest unit.
#[derive(Clone, PartialEq, Eq, Default, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct RevenuePool {
	/// Revenue earned per share since anchoring, times [`SCALE`].
	pub per_share: U256,
	/// The remainder of the last division into `per_share`, carried into the next payment.
	pub carry: U256,
	/// Everything paid into the pool, royalties from children included.
	pub received: u128,
	/// The parents' royalty share of payments, not yet forwarded to them.
	pub upstream: u128,
	/// Holdings that exist for this DAT (with shares, or with revenue left to claim).
	pub holders: u32,
}

/// The pool of a DAT nobody has paid or traded yet: its creator is the only holder.
pub struct FreshPool;

impl Get<RevenuePool> for FreshPool {
	fn get() -> RevenuePool {
		RevenuePool { holders: 1, ..Default::default() }
	}
}

/// One account's holding of one DAT.
#[derive(Clone, PartialEq, Eq, Default, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Holding<AccountId> {
	/// Shares held.
	pub shares: u128,
	/// `shares × per_share` at the last settlement.
	pub debt: U256,
	/// Earned and settled, not yet claimed, times [`SCALE`].
	pub owed: U256,
	/// Who paid the deposit for this entry and how much (`None` for the creator's holding, which
	/// the DAT's own deposit covers).
	pub deposit: Option<(AccountId, u128)>,
}

/// An arithmetic limit was passed; the payment is refused.
#[derive(PartialEq, Eq, Debug)]
pub struct Overflow;

impl RevenuePool {
	/// Share `amount` among `total_shares` shares.
	pub fn distribute(&mut self, amount: u128, total_shares: u128) -> Result<(), Overflow> {
		if total_shares == 0 {
			return Err(Overflow);
		}
		let scaled = U256::from(amount)
			.checked_mul(U256::from(SCALE))
			.and_then(|a| a.checked_add(self.carry))
			.ok_or(Overflow)?;
		let total = U256::from(total_shares);
		self.per_share = self.per_share.checked_add(scaled / total).ok_or(Overflow)?;
		self.carry = scaled % total;
		Ok(())
	}
}

impl<AccountId> Holding<AccountId> {
	/// A holding of `shares`, earning from `per_share` on.
	pub fn new(shares: u128, per_share: U256, deposit: Option<(AccountId, u128)>) -> Self {
		Self {
			shares,
			debt: U256::from(shares).saturating_mul(per_share),
			owed: U256::zero(),
			deposit,
		}
	}

	/// Move what was earned since the last settlement into `owed`.
	pub fn settle(&mut self, per_share: U256) -> Result<(), Overflow> {
		let accrued = U256::from(self.shares).checked_mul(per_share).ok_or(Overflow)?;
		let earned = accrued.checked_sub(self.debt).ok_or(Overflow)?;
		self.owed = self.owed.checked_add(earned).ok_or(Overflow)?;
		self.debt = accrued;
		Ok(())
	}

	/// Change the shares held; call [`Holding::settle`] first.
	pub fn set_shares(&mut self, shares: u128, per_share: U256) -> Result<(), Overflow> {
		self.shares = shares;
		self.debt = U256::from(shares).checked_mul(per_share).ok_or(Overflow)?;
		Ok(())
	}

	/// What can be claimed now, in whole units, without changing the holding.
	pub fn claimable(&self, per_share: U256) -> u128 {
		let accrued = U256::from(self.shares).saturating_mul(per_share);
		let owed = self.owed.saturating_add(accrued.saturating_sub(self.debt));
		(owed / U256::from(SCALE)).try_into().unwrap_or(u128::MAX)
	}

	/// Take the whole units owed (after [`Holding::settle`]); the fraction stays.
	pub fn take_owed(&mut self) -> u128 {
		let units = self.owed / U256::from(SCALE);
		self.owed %= U256::from(SCALE);
		units.try_into().unwrap_or(u128::MAX)
	}

	/// Whether the entry holds nothing: no shares and no whole unit to claim.
	pub fn is_empty(&self) -> bool {
		self.shares == 0 && self.owed < U256::from(SCALE)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	const SHARES: u128 = 1_000_000;

	#[test]
	fn a_sole_holder_earns_every_unit() {
		let mut pool = RevenuePool::default();
		let mut holding = Holding::<u64>::new(SHARES, pool.per_share, None);
		assert_eq!(pool.distribute(1_000, SHARES), Ok(()));
		assert_eq!(pool.distribute(7, SHARES), Ok(()));
		assert_eq!(holding.settle(pool.per_share), Ok(()));
		assert_eq!(holding.take_owed(), 1_007);
		assert_eq!(holding.take_owed(), 0);
	}

	#[test]
	fn holders_earn_pro_rata_and_remainders_carry_over() {
		let mut pool = RevenuePool::default();
		let mut a = Holding::<u64>::new(SHARES / 3, pool.per_share, None);
		let mut b = Holding::<u64>::new(SHARES - SHARES / 3, pool.per_share, None);
		for _ in 0..10 {
			assert_eq!(pool.distribute(10, SHARES), Ok(()));
		}
		assert_eq!(a.claimable(pool.per_share), 33);
		assert_eq!(b.claimable(pool.per_share), 66);
		assert_eq!(a.settle(pool.per_share), Ok(()));
		assert_eq!(b.settle(pool.per_share), Ok(()));
		let paid = a.take_owed() + b.take_owed();
		assert!((99..=100).contains(&paid), "paid {paid}");
	}

	#[test]
	fn shares_moved_after_a_payment_do_not_earn_it() {
		let mut pool = RevenuePool::default();
		let mut seller = Holding::<u64>::new(SHARES, pool.per_share, None);
		assert_eq!(pool.distribute(500, SHARES), Ok(()));
		assert_eq!(seller.settle(pool.per_share), Ok(()));
		assert_eq!(seller.set_shares(SHARES / 2, pool.per_share), Ok(()));
		let mut buyer = Holding::<u64>::new(SHARES / 2, pool.per_share, None);
		assert_eq!(pool.distribute(100, SHARES), Ok(()));
		assert_eq!(buyer.claimable(pool.per_share), 50);
		assert_eq!(seller.settle(pool.per_share), Ok(()));
		assert_eq!(seller.take_owed(), 550);
		assert_eq!(buyer.settle(pool.per_share), Ok(()));
		assert_eq!(buyer.take_owed(), 50);
	}

	#[test]
	fn no_shares_cannot_receive() {
		let mut pool = RevenuePool::default();
		assert_eq!(pool.distribute(1, 0), Err(Overflow));
	}
}
