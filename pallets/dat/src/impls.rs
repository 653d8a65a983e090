//! The logic behind the calls, deposits, the traits other pallets use, and the views the runtime
//! API serves.

use super::*;
use crate::revenue::{Holding, RevenuePool};
use alloc::{string::String, vec::Vec};
use codec::{Encode, MaxEncodedLen};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungible::Mutate, tokens::Preservation, ReservableCurrency},
};
use frame_system::pallet_prelude::BlockNumberFor;
use lazai_primitives::dat::{
	ConsumerUsageView, DatInspect, DatPaidUsage, DatRevenue, DatUsage, DatView, HoldingView,
	PolicyView, ProofView, UsageView,
};
use sp_core::U256;
use sp_runtime::{
	traits::{AccountIdConversion, CheckedMul, Saturating, Zero},
	SaturatedConversion,
};

/// The bytes one lineage link takes in `Children` (two ids and a derivation), for deposits.
const CHILD_LINK_BYTES: usize = 8 + 8 + 1;

/// The most consumers and holdings a view lists.
pub const MAX_VIEW_ENTRIES: usize = 1_000;

impl From<revenue::Overflow> for DispatchError {
	fn from(_: revenue::Overflow) -> Self {
		DispatchError::Arithmetic(sp_runtime::ArithmeticError::Overflow)
	}
}

impl<T: Config> Pallet<T> {
	/// The account that keeps revenue until holders claim it.
	pub fn revenue_account() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// A live, unfrozen DAT.
	pub(crate) fn active_dat(dat: DatId) -> Result<DatInfo<T>, DispatchError> {
		let info = Dats::<T>::get(dat).ok_or(Error::<T>::UnknownDat)?;
		ensure!(!info.frozen, Error::<T>::DatFrozen);
		Ok(info)
	}

	/// A live, unfrozen DAT that `who` controls.
	pub(crate) fn controlled_dat(
		dat: DatId,
		who: &T::AccountId,
	) -> Result<DatInfo<T>, DispatchError> {
		let info = Self::active_dat(dat)?;
		ensure!(info.controller == *who, Error::<T>::NotController);
		Ok(info)
	}

	pub(crate) fn do_anchor(
		creator: T::AccountId,
		content_hash: H256,
		uri: UriOf<T>,
		kind: DataKind,
		parents: ParentsOf<T>,
		policy: PolicyOf<T>,
	) -> Result<DatId, DispatchError> {
		ensure!(!uri.is_empty(), Error::<T>::EmptyUri);
		ensure!(!DatByContentHash::<T>::contains_key(content_hash), Error::<T>::AlreadyAnchored);
		for (i, (parent, _)) in parents.iter().enumerate() {
			ensure!(!parents[..i].iter().any(|(p, _)| p == parent), Error::<T>::DuplicateParent);
		}
		let dat = NextDatId::<T>::get();
		NextDatId::<T>::put(dat.checked_add(1).ok_or(Error::<T>::Overflow)?);
		for (parent, how) in parents.iter() {
			Dats::<T>::try_mutate(parent, |maybe_parent| -> DispatchResult {
				let parent_info = maybe_parent.as_mut().ok_or(Error::<T>::UnknownParent)?;
				ensure!(!parent_info.frozen, Error::<T>::DatFrozen);
				ensure!(parent_info.policy.derivation_allowed, Error::<T>::DerivationNotAllowed);
				parent_info.children = parent_info.children.saturating_add(1);
				Ok(())
			})?;
			Children::<T>::insert(parent, dat, how);
		}

		let mut info = DatInfo::<T> {
			content_hash,
			uri,
			kind,
			creator: creator.clone(),
			controller: creator.clone(),
			anchored_at: frame_system::Pallet::<T>::block_number(),
			parents,
			children: 0,
			policy,
			uses: 0,
			uses_sold: 0,
			frozen: false,
			deposit: (creator.clone(), Zero::zero()),
		};
		// A new DAT has no proofs yet; its pool needs no entry until it is paid (`FreshPool`).
		let deposit = Self::required_deposit(&info, 0);
		Self::reserve_deposit(&creator, deposit)?;
		info.deposit.1 = deposit;
		let parent_count = info.parents.len() as u32;
		Dats::<T>::insert(dat, info);
		DatByContentHash::<T>::insert(content_hash, dat);
		Holdings::<T>::insert(
			&creator,
			dat,
			Holding::new(T::SharesPerDat::get(), U256::zero(), None),
		);
		Self::deposit_event(Event::Anchored {
			dat,
			creator,
			content_hash,
			kind,
			parents: parent_count,
		});
		Ok(dat)
	}

	pub(crate) fn do_transfer_shares(
		dat: DatId,
		from: T::AccountId,
		to: T::AccountId,
		shares: u128,
	) -> DispatchResult {
		ensure!(shares > 0, Error::<T>::ZeroAmount);
		ensure!(from != to, Error::<T>::SelfTransfer);
		Self::active_dat(dat)?;
		let mut pool = RevenuePools::<T>::get(dat);
		let mut sender = Holdings::<T>::get(&from, dat).ok_or(Error::<T>::InsufficientShares)?;
		ensure!(sender.shares >= shares, Error::<T>::InsufficientShares);
		sender.settle(pool.per_share)?;
		sender.set_shares(sender.shares - shares, pool.per_share)?;

		let receiver = match Holdings::<T>::get(&to, dat) {
			Some(mut holding) => {
				holding.settle(pool.per_share)?;
				let total = holding.shares.checked_add(shares).ok_or(Error::<T>::Overflow)?;
				holding.set_shares(total, pool.per_share)?;
				holding
			},
			None => {
				let deposit = T::RecordDeposit::get();
				Self::reserve_deposit(&from, deposit)?;
				pool.holders = pool.holders.saturating_add(1);
				Holding::new(shares, pool.per_share, Some((from.clone(), deposit.saturated_into())))
			},
		};
		Holdings::<T>::insert(&to, dat, receiver);
		Self::store_holding(&from, dat, sender, &mut pool);
		RevenuePools::<T>::insert(dat, pool);
		Self::deposit_event(Event::SharesTransferred { dat, from, to, shares });
		Ok(())
	}

	/// Record a use of `dat` by `consumer`. With `payment`, the use spends a credit of the
	/// consumer or charges the payer the price; without, it is recorded only (for other pallets).
	pub(crate) fn do_use(
		dat: DatId,
		consumer: &Consumer<T::AccountId>,
		payer: &T::AccountId,
		max_price: Option<BalanceOf<T>>,
	) -> Result<Weight, DispatchError> {
		let mut info = Self::active_dat(dat)?;
		let price = Self::price_for(dat, &info, consumer)?;
		let mut record = match ConsumerRecords::<T>::get(dat, consumer) {
			Some(record) => record,
			None => Self::new_record(payer)?,
		};
		let (paid, credit_spent) = match max_price {
			Some(_) if record.credits > 0 => {
				record.credits -= 1;
				(Zero::zero(), true)
			},
			Some(max_price) => {
				ensure!(price <= max_price, Error::<T>::PriceAboveMax);
				Self::sell(&mut info, 1)?;
				Self::collect(dat, &info, payer, price)?;
				(price, false)
			},
			None => {
				Self::sell(&mut info, 1)?;
				(Zero::zero(), false)
			},
		};
		record.uses = record.uses.saturating_add(1);
		info.uses = info.uses.saturating_add(1);
		ConsumerRecords::<T>::insert(dat, consumer, record);
		let parents = Self::parents_paid(&info, paid);
		Dats::<T>::insert(dat, info);
		Self::deposit_event(Event::Used {
			dat,
			consumer: consumer.clone(),
			payer: payer.clone(),
			paid,
			credit_spent,
		});
		let heard = T::OnUse::on_use(dat, payer, 1, paid);
		Ok(T::WeightInfo::use_data(parents).saturating_add(heard))
	}

	pub(crate) fn do_buy_credits(
		dat: DatId,
		buyer: T::AccountId,
		credits: u64,
		max_price: BalanceOf<T>,
	) -> Result<Weight, DispatchError> {
		ensure!(credits > 0, Error::<T>::ZeroAmount);
		let mut info = Self::active_dat(dat)?;
		let consumer = Consumer::Account(buyer.clone());
		// Access may come from a grant, but credits are sold at the policy's price (see
		// `access`).
		Self::price_for(dat, &info, &consumer)?;
		let price = info.policy.price;
		ensure!(price <= max_price, Error::<T>::PriceAboveMax);
		Self::sell(&mut info, credits)?;
		let total = price
			.checked_mul(&credits.saturated_into::<BalanceOf<T>>())
			.ok_or(Error::<T>::Overflow)?;
		Self::collect(dat, &info, &buyer, total)?;
		let mut record = match ConsumerRecords::<T>::get(dat, &consumer) {
			Some(record) => record,
			None => Self::new_record(&buyer)?,
		};
		record.credits = record.credits.checked_add(credits).ok_or(Error::<T>::Overflow)?;
		ConsumerRecords::<T>::insert(dat, &consumer, record);
		let parents = Self::parents_paid(&info, total);
		Dats::<T>::insert(dat, info);
		let heard = T::OnUse::on_use(dat, &buyer, 0, total);
		Self::deposit_event(Event::CreditsBought { dat, buyer, credits, paid: total });
		Ok(T::WeightInfo::buy_credits(parents).saturating_add(heard))
	}

	/// How many parents a payment of `amount` into `info`'s pool reaches: the `p` of the
	/// `use_data` and `buy_credits` weights.
	fn parents_paid(info: &DatInfo<T>, amount: BalanceOf<T>) -> u32 {
		if amount.is_zero() {
			0
		} else {
			info.parents.len() as u32
		}
	}

	pub(crate) fn do_transfer_credits(
		dat: DatId,
		from: T::AccountId,
		to: Consumer<T::AccountId>,
		credits: u64,
	) -> DispatchResult {
		ensure!(credits > 0, Error::<T>::ZeroAmount);
		Self::active_dat(dat)?;
		let source = Consumer::Account(from.clone());
		ensure!(source != to, Error::<T>::SelfTransfer);
		let mut sender =
			ConsumerRecords::<T>::get(dat, &source).ok_or(Error::<T>::InsufficientCredits)?;
		ensure!(sender.credits >= credits, Error::<T>::InsufficientCredits);
		sender.credits -= credits;
		let mut receiver = match ConsumerRecords::<T>::get(dat, &to) {
			Some(record) => record,
			None => Self::new_record(&from)?,
		};
		receiver.credits = receiver.credits.checked_add(credits).ok_or(Error::<T>::Overflow)?;
		ConsumerRecords::<T>::insert(dat, &source, sender);
		ConsumerRecords::<T>::insert(dat, &to, receiver);
		Self::deposit_event(Event::CreditsTransferred { dat, from, to, credits });
		Ok(())
	}

	pub(crate) fn do_attach_proof(
		dat: DatId,
		who: T::AccountId,
		kind: ProofKind,
		reference: H256,
		uri: UriOf<T>,
	) -> DispatchResult {
		let mut info = Self::controlled_dat(dat, &who)?;
		let verified = kind == ProofKind::ZkProof;
		if verified {
			ensure!(
				T::VerifiedStatements::is_verified(&reference),
				Error::<T>::StatementNotVerified
			);
		}
		let attached_at = frame_system::Pallet::<T>::block_number();
		Proofs::<T>::try_mutate(dat, |proofs| {
			proofs
				.try_push(DatProof { kind, reference, uri, verified, attached_at })
				.map_err(|_| Error::<T>::TooManyProofs)
		})?;
		Self::update_deposit(dat, &mut info, &who)?;
		Dats::<T>::insert(dat, info);
		Self::deposit_event(Event::ProofAttached { dat, kind, reference, verified });
		Ok(())
	}

	pub(crate) fn do_claim(dat: DatId, who: T::AccountId) -> DispatchResult {
		let info = Dats::<T>::get(dat).ok_or(Error::<T>::UnknownDat)?;
		Self::forward_royalties(dat, &info)?;
		let mut pool = RevenuePools::<T>::get(dat);
		let mut holding = Holdings::<T>::get(&who, dat).ok_or(Error::<T>::NothingToClaim)?;
		holding.settle(pool.per_share)?;
		let amount = holding.take_owed();
		ensure!(amount > 0, Error::<T>::NothingToClaim);
		let amount: BalanceOf<T> = amount.saturated_into();
		T::Currency::transfer(&Self::revenue_account(), &who, amount, Preservation::Preserve)?;
		Self::store_holding(&who, dat, holding, &mut pool);
		RevenuePools::<T>::insert(dat, pool);
		Self::deposit_event(Event::RevenueClaimed { dat, who, amount });
		Ok(())
	}

	pub(crate) fn do_retire(dat: DatId, who: T::AccountId) -> DispatchResult {
		let info = Self::controlled_dat(dat, &who)?;
		ensure!(info.children == 0, Error::<T>::HasChildren);
		ensure!(GrantCount::<T>::get(dat) == 0, Error::<T>::HasGrants);
		Self::forward_royalties(dat, &info)?;
		let pool = RevenuePools::<T>::get(dat);
		let holding = Holdings::<T>::get(&who, dat).ok_or(Error::<T>::SharesSpread)?;
		ensure!(
			pool.holders == 1 && holding.shares == T::SharesPerDat::get(),
			Error::<T>::SharesSpread
		);
		ensure!(holding.claimable(pool.per_share) == 0, Error::<T>::PendingRevenue);

		Holdings::<T>::remove(&who, dat);
		if let Some((depositor, amount)) = holding.deposit {
			Self::release_deposit(&depositor, amount.saturated_into());
		}
		for (parent, _) in info.parents.iter() {
			Children::<T>::remove(parent, dat);
			Dats::<T>::mutate(parent, |maybe_parent| {
				if let Some(parent_info) = maybe_parent {
					parent_info.children = parent_info.children.saturating_sub(1);
				}
			});
		}
		Dats::<T>::remove(dat);
		DatByContentHash::<T>::remove(info.content_hash);
		Proofs::<T>::remove(dat);
		RevenuePools::<T>::remove(dat);
		let (depositor, amount) = info.deposit;
		Self::release_deposit(&depositor, amount);
		Self::deposit_event(Event::Retired { dat });
		Ok(())
	}

	pub(crate) fn set_frozen(dat: DatId, frozen: bool) -> DispatchResult {
		Dats::<T>::try_mutate(dat, |maybe_info| {
			let info = maybe_info.as_mut().ok_or(Error::<T>::UnknownDat)?;
			match frozen {
				true => ensure!(!info.frozen, Error::<T>::DatFrozen),
				false => ensure!(info.frozen, Error::<T>::NotFrozen),
			}
			info.frozen = frozen;
			Ok(())
		})
	}

	/// Count `uses` more uses sold, within the policy's cap.
	fn sell(info: &mut DatInfo<T>, uses: u64) -> DispatchResult {
		let sold = info.uses_sold.checked_add(uses).ok_or(Error::<T>::Overflow)?;
		if let Some(cap) = info.policy.max_uses {
			ensure!(sold <= cap, Error::<T>::CapReached);
		}
		info.uses_sold = sold;
		Ok(())
	}

	/// Take `amount` from `payer` into the revenue account and credit it to `dat`'s pool; the
	/// DAT's royalty share goes on to its parents at once (one level).
	pub(crate) fn collect(
		dat: DatId,
		info: &DatInfo<T>,
		payer: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::transfer(payer, &Self::revenue_account(), amount, Preservation::Preserve)?;
		Self::credit(dat, info, amount.saturated_into())?;
		Self::forward_royalties(dat, info)
	}

	/// Credit `amount` (already in the revenue account) to `dat`'s pool: the royalty share is
	/// kept for the parents, the rest is shared among the holders.
	fn credit(dat: DatId, info: &DatInfo<T>, amount: u128) -> DispatchResult {
		RevenuePools::<T>::try_mutate(dat, |pool| {
			pool.received = pool.received.checked_add(amount).ok_or(Error::<T>::Overflow)?;
			let royalty =
				if info.parents.is_empty() { 0 } else { info.policy.royalty.mul_floor(amount) };
			pool.upstream = pool.upstream.checked_add(royalty).ok_or(Error::<T>::Overflow)?;
			pool.distribute(amount - royalty, T::SharesPerDat::get())?;
			Ok(())
		})
	}

	/// Pay the royalty `dat` owes into its parents' pools, split equally (the remainder of the
	/// split to the first parent). Each parent keeps its own royalty share for its parents,
	/// forwarded when that parent is next used or claimed from.
	pub(crate) fn forward_royalties(dat: DatId, info: &DatInfo<T>) -> DispatchResult {
		let mut pool = RevenuePools::<T>::get(dat);
		let count = info.parents.len() as u128;
		if pool.upstream == 0 || count == 0 {
			return Ok(());
		}
		let each = pool.upstream / count;
		let mut remainder = pool.upstream % count;
		pool.upstream = 0;
		RevenuePools::<T>::insert(dat, pool);
		for (parent, _) in info.parents.iter() {
			let amount = each + core::mem::take(&mut remainder);
			if amount == 0 {
				continue;
			}
			let parent_info = Dats::<T>::get(parent).ok_or(Error::<T>::UnknownParent)?;
			Self::credit(*parent, &parent_info, amount)?;
			Self::deposit_event(Event::RoyaltyPaid {
				from: dat,
				to: *parent,
				amount: amount.saturated_into(),
			});
		}
		Ok(())
	}

	/// Store a holding, or remove it (returning its deposit) once it holds nothing.
	fn store_holding(
		who: &T::AccountId,
		dat: DatId,
		holding: Holding<T::AccountId>,
		pool: &mut RevenuePool,
	) {
		if !holding.is_empty() {
			Holdings::<T>::insert(who, dat, holding);
			return;
		}
		Holdings::<T>::remove(who, dat);
		pool.holders = pool.holders.saturating_sub(1);
		if let Some((depositor, amount)) = holding.deposit {
			Self::release_deposit(&depositor, amount.saturated_into());
		}
	}

	/// A consumer record with its deposit reserved from `payer`.
	fn new_record(payer: &T::AccountId) -> Result<ConsumerRecord<T>, DispatchError> {
		let deposit = T::RecordDeposit::get();
		Self::reserve_deposit(payer, deposit)?;
		Ok(ConsumerRecord { uses: 0, credits: 0, deposit: (payer.clone(), deposit) })
	}

	/// The deposit a DAT needs for its record, its proofs and its lineage links.
	fn required_deposit(info: &DatInfo<T>, proofs: usize) -> BalanceOf<T> {
		let bytes = info.encoded_size()
			+ proofs.saturating_mul(DatProof::<T>::max_encoded_len())
			+ info.parents.len().saturating_mul(CHILD_LINK_BYTES);
		T::DepositBase::get()
			.saturating_add(T::DepositPerByte::get().saturating_mul(bytes.saturated_into()))
	}

	/// Bring the DAT's deposit to what it stores now, reserved from `payer`. If someone else
	/// reserved it, theirs is returned and `payer` reserves the whole deposit.
	pub(crate) fn update_deposit(
		dat: DatId,
		info: &mut DatInfo<T>,
		payer: &T::AccountId,
	) -> DispatchResult {
		let needed = Self::required_deposit(info, Proofs::<T>::decode_len(dat).unwrap_or(0));
		let (old_payer, old_amount) = info.deposit.clone();
		if old_payer == *payer {
			if needed > old_amount {
				Self::reserve_deposit(payer, needed - old_amount)?;
			} else {
				Self::release_deposit(payer, old_amount - needed);
			}
		} else {
			Self::reserve_deposit(payer, needed)?;
			Self::release_deposit(&old_payer, old_amount);
		}
		info.deposit = (payer.clone(), needed);
		Ok(())
	}

	pub(crate) fn reserve_deposit(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::reserve(who, amount)
	}

	pub(crate) fn release_deposit(who: &T::AccountId, amount: BalanceOf<T>) {
		if amount.is_zero() {
			return;
		}
		// Best effort: never more than `who` has reserved is returned.
		let _ = T::Currency::unreserve(who, amount);
	}
}

/// Views for the runtime API.
impl<T: Config> Pallet<T> {
	/// A DAT as the runtime API shows it.
	pub fn dat_view(dat: DatId) -> Option<DatView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let info = Dats::<T>::get(dat)?;
		let pool = RevenuePools::<T>::get(dat);
		let proofs = Proofs::<T>::get(dat)
			.into_iter()
			.map(|proof| ProofView {
				kind: proof.kind,
				reference: proof.reference,
				uri: text(&proof.uri),
				verified: proof.verified,
				attached_at: proof.attached_at,
			})
			.collect();
		let policy = &info.policy;
		Some(DatView {
			id: dat,
			content_hash: info.content_hash,
			uri: text(&info.uri),
			kind: info.kind,
			creator: info.creator.clone(),
			controller: info.controller.clone(),
			anchored_at: info.anchored_at,
			parents: info.parents.to_vec(),
			children: info.children,
			policy: PolicyView {
				allow_list: match &policy.access {
					Access::Anyone => None,
					Access::AllowList(list) => Some(list.to_vec()),
				},
				price: policy.price,
				max_uses: policy.max_uses,
				expires_at: policy.expires_at,
				derivation_allowed: policy.derivation_allowed,
				royalty: policy.royalty,
			},
			uses: info.uses,
			uses_sold: info.uses_sold,
			revenue: pool.received.saturated_into(),
			frozen: info.frozen,
			proofs,
		})
	}

	/// A DAT's uses, per consumer up to [`MAX_VIEW_ENTRIES`].
	pub fn usage_view(dat: DatId) -> Option<UsageView<T::AccountId, BalanceOf<T>>> {
		let info = Dats::<T>::get(dat)?;
		let mut consumers: Vec<_> = ConsumerRecords::<T>::iter_prefix(dat)
			.take(MAX_VIEW_ENTRIES + 1)
			.map(|(consumer, record)| ConsumerUsageView {
				consumer,
				uses: record.uses,
				credits: record.credits,
			})
			.collect();
		let truncated = consumers.len() > MAX_VIEW_ENTRIES;
		consumers.truncate(MAX_VIEW_ENTRIES);
		Some(UsageView {
			uses: info.uses,
			uses_sold: info.uses_sold,
			revenue: RevenuePools::<T>::get(dat).received.saturated_into(),
			consumers,
			truncated,
		})
	}

	/// The DATs `who` holds shares of (or has revenue to claim from), up to
	/// [`MAX_VIEW_ENTRIES`].
	pub fn holdings_view(who: &T::AccountId) -> Vec<HoldingView<BalanceOf<T>>> {
		Holdings::<T>::iter_prefix(who)
			.take(MAX_VIEW_ENTRIES)
			.map(|(dat, holding)| HoldingView {
				dat,
				shares: holding.shares,
				claimable: holding
					.claimable(RevenuePools::<T>::get(dat).per_share)
					.saturated_into(),
			})
			.collect()
	}

	/// The DAT anchoring `content_hash`, if any.
	pub fn dat_by_content_hash(content_hash: H256) -> Option<DatId> {
		DatByContentHash::<T>::get(content_hash)
	}
}

/// Bytes shown as text (URIs are UTF-8 by convention; other bytes are replaced).
fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

impl<T: Config> DatInspect<T::AccountId> for Pallet<T> {
	fn exists(dat: DatId) -> bool {
		Dats::<T>::contains_key(dat)
	}
	fn controller(dat: DatId) -> Option<T::AccountId> {
		Dats::<T>::get(dat).map(|info| info.controller)
	}
	fn kind(dat: DatId) -> Option<DataKind> {
		Dats::<T>::get(dat).map(|info| info.kind)
	}
	fn parents(dat: DatId) -> Vec<DatId> {
		Dats::<T>::get(dat)
			.map(|info| info.parents.iter().map(|(parent, _)| *parent).collect())
			.unwrap_or_default()
	}
	fn shares_of(dat: DatId, who: &T::AccountId) -> u128 {
		Holdings::<T>::get(who, dat).map(|holding| holding.shares).unwrap_or(0)
	}
	fn total_shares() -> u128 {
		T::SharesPerDat::get()
	}
	fn uses(dat: DatId) -> u64 {
		Dats::<T>::get(dat).map(|info| info.uses).unwrap_or(0)
	}
}

impl<T: Config> DatUsage<T::AccountId> for Pallet<T> {
	fn record_use(
		dat: DatId,
		consumer: &Consumer<T::AccountId>,
		payer: &T::AccountId,
	) -> DispatchResult {
		Self::do_use(dat, consumer, payer, None).map(|_| ())
	}
}

impl<T: Config> DatPaidUsage<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn use_paid(
		dat: DatId,
		consumer: &Consumer<T::AccountId>,
		payer: &T::AccountId,
		max_price: BalanceOf<T>,
	) -> DispatchResult {
		Self::do_use(dat, consumer, payer, Some(max_price)).map(|_| ())
	}
}

impl<T: Config> DatRevenue<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn pay(from: &T::AccountId, dat: DatId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let info = Self::active_dat(dat)?;
		Self::collect(dat, &info, from, amount)?;
		Self::deposit_event(Event::RevenuePaid { dat, from: from.clone(), amount });
		Ok(())
	}
}
