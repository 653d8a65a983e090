//! Benchmarks of every call, in its worst case. Components: `p` parents, `u` URI bytes, `a`
//! consumers on an allow-list. No call walks the lineage deeper than one level (royalties move
//! one level per payment), so lineage depth is not a component; the lineage walk is an RPC
//! query, measured by the e2e load script instead.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		EnsureOrigin, Get,
	},
	BoundedVec,
};
use frame_system::RawOrigin;
use lazai_primitives::dat::{AccessTerms, Derivation, UsagePolicy};
use sp_runtime::{Perbill, Saturating};

const SEED: u32 = 0;

/// Give `who` plenty to pay prices and deposits.
fn fund<T: Config>(who: &T::AccountId) {
	let million: BalanceOf<T> = 1_000_000u32.into();
	let plenty = <T::Currency as Inspect<_>>::minimum_balance()
		.saturating_mul(million)
		.saturating_mul(million);
	T::Currency::set_balance(who, plenty);
}

/// A funded account other than the caller.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	fund::<T>(&who);
	who
}

/// The signer of the measured call, funded. Its account is whitelisted: the transaction's fee
/// payment reads and writes it anyway, and the base extrinsic weight pays for that.
fn caller<T: Config>() -> T::AccountId {
	let who: T::AccountId = whitelisted_caller();
	fund::<T>(&who);
	who
}

/// A distinct, non-zero hash for each `n`.
fn content(n: u32) -> H256 {
	let mut bytes = [1u8; 32];
	bytes[..4].copy_from_slice(&n.to_le_bytes());
	H256(bytes)
}

fn full_uri<T: Config>(len: u32) -> UriOf<T> {
	BoundedVec::truncate_from(alloc::vec![b'u'; len as usize])
}

fn allow_list<T: Config>(len: u32) -> PolicyOf<T> {
	let consumers: Vec<_> =
		(0..len).map(|i| Consumer::Account(account("allowed", i, SEED))).collect();
	UsagePolicy {
		access: Access::AllowList(BoundedVec::truncate_from(consumers)),
		..Default::default()
	}
}

/// A price that makes every payment move funds.
fn price<T: Config>() -> BalanceOf<T> {
	<T::Currency as Inspect<_>>::minimum_balance().saturating_mul(1_000u32.into())
}

/// Anchor content `n` as `who`, derived from `parents`, with `policy`.
fn anchor_as<T: Config>(
	who: &T::AccountId,
	n: u32,
	parents: &[DatId],
	policy: PolicyOf<T>,
) -> DatId {
	let parents: Vec<_> = parents.iter().map(|p| (*p, Derivation::Merge)).collect();
	Pallet::<T>::do_anchor(
		who.clone(),
		content(n),
		full_uri::<T>(T::MaxUriLen::get()),
		DataKind::Dataset,
		BoundedVec::truncate_from(parents),
		policy,
	)
	.expect("benchmark setup anchors")
}

/// `count` parent DATs anchored by another account.
fn parents<T: Config>(count: u32) -> Vec<DatId> {
	let owner = funded::<T>("parent-owner", 0);
	(0..count).map(|i| anchor_as::<T>(&owner, 10_000 + i, &[], Default::default())).collect()
}

/// A priced DAT with `p` parents and a royalty, anchored by `owner`.
fn priced_child<T: Config>(owner: &T::AccountId, p: u32) -> DatId {
	let from = parents::<T>(p);
	let policy = UsagePolicy {
		price: price::<T>(),
		royalty: Perbill::from_percent(50),
		..Default::default()
	};
	anchor_as::<T>(owner, 0, &from, policy)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn anchor(
		p: Linear<0, { T::MaxParents::get() }>,
		u: Linear<1, { T::MaxUriLen::get() }>,
		a: Linear<0, { T::MaxAllowed::get() }>,
	) {
		let from: Vec<_> = parents::<T>(p).into_iter().map(|id| (id, Derivation::Merge)).collect();
		let caller = caller::<T>();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(caller),
			content(0),
			full_uri::<T>(u),
			DataKind::Dataset,
			BoundedVec::truncate_from(from),
			allow_list::<T>(a),
		);

		assert!(DatByContentHash::<T>::contains_key(content(0)));
	}

	/// Worst case: the receiver's holding is new.
	#[benchmark]
	fn transfer_shares() {
		let caller = caller::<T>();
		let dat = anchor_as::<T>(&caller, 0, &[], Default::default());
		let to: T::AccountId = account("receiver", 0, SEED);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), dat, to.clone(), 1);

		assert!(Holdings::<T>::contains_key(&to, dat));
	}

	/// Worst case: the deposit moves from the creator to the caller.
	#[benchmark]
	fn set_policy(a: Linear<0, { T::MaxAllowed::get() }>) {
		let creator = funded::<T>("creator", 0);
		let dat = anchor_as::<T>(&creator, 0, &[], Default::default());
		let caller = caller::<T>();
		Pallet::<T>::transfer_control(RawOrigin::Signed(creator).into(), dat, caller.clone())
			.expect("control passes");

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), dat, allow_list::<T>(a));

		assert_eq!(Dats::<T>::get(dat).map(|info| info.deposit.0), Some(caller));
	}

	#[benchmark]
	fn transfer_control() {
		let caller = caller::<T>();
		let dat = anchor_as::<T>(&caller, 0, &[], Default::default());
		let to: T::AccountId = account("controller", 0, SEED);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), dat, to.clone());

		assert_eq!(Dats::<T>::get(dat).map(|info| info.controller), Some(to));
	}

	/// Worst case: a paid first use of a DAT whose royalty goes to `p` parents.
	#[benchmark]
	fn use_data(p: Linear<0, { T::MaxParents::get() }>) {
		let owner = funded::<T>("owner", 0);
		let dat = priced_child::<T>(&owner, p);
		let caller = caller::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), dat, Consumer::Account(caller.clone()), price::<T>());

		assert_eq!(Dats::<T>::get(dat).map(|info| info.uses), Some(1));
	}

	/// Worst case: the first purchase, with the royalty going to `p` parents.
	#[benchmark]
	fn buy_credits(p: Linear<0, { T::MaxParents::get() }>) {
		let owner = funded::<T>("owner", 0);
		let dat = priced_child::<T>(&owner, p);
		let caller = caller::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), dat, 10, price::<T>());

		assert!(ConsumerRecords::<T>::contains_key(dat, Consumer::Account(caller)));
	}

	/// Worst case: the receiver's record is new.
	#[benchmark]
	fn transfer_credits() {
		let owner = funded::<T>("owner", 0);
		let dat = anchor_as::<T>(&owner, 0, &[], Default::default());
		let caller = caller::<T>();
		Pallet::<T>::do_buy_credits(dat, caller.clone(), 2, Default::default())
			.expect("credits bought");
		let to = Consumer::Account(account("receiver", 0, SEED));

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), dat, to.clone(), 1);

		assert!(ConsumerRecords::<T>::contains_key(dat, to));
	}

	/// Worst case: the DAT already carries all but one proof. (A TEE report: the runtime has
	/// no statement verifier yet, so the ZK path cannot be set up here.)
	#[benchmark]
	fn attach_proof(u: Linear<0, { T::MaxUriLen::get() }>) {
		let caller = caller::<T>();
		let dat = anchor_as::<T>(&caller, 0, &[], Default::default());
		for i in 1..T::MaxProofs::get() {
			Pallet::<T>::do_attach_proof(
				dat,
				caller.clone(),
				ProofKind::Attestation,
				content(i),
				full_uri::<T>(T::MaxUriLen::get()),
			)
			.expect("proof attached");
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), dat, ProofKind::TeeReport, H256::zero(), full_uri::<T>(u));

		assert_eq!(Proofs::<T>::decode_len(dat), Some(T::MaxProofs::get() as usize));
	}

	/// Worst case: a royalty (from a child's payment) is owed to `p` parents, and the holder's
	/// holding stays.
	#[benchmark]
	fn claim_revenue(p: Linear<0, { T::MaxParents::get() }>) {
		let caller = caller::<T>();
		let dat = priced_child::<T>(&caller, p);
		let child_owner = funded::<T>("owner", 1);
		let policy = UsagePolicy {
			price: price::<T>(),
			royalty: Perbill::from_percent(50),
			..Default::default()
		};
		let child = anchor_as::<T>(&child_owner, 1, &[dat], policy);
		let user = funded::<T>("user", 0);
		Pallet::<T>::do_buy_credits(child, user, 1, price::<T>()).expect("credits bought");

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), dat);

		assert_eq!(RevenuePools::<T>::get(dat).upstream, 0);
		assert!(Holdings::<T>::contains_key(&caller, dat));
	}

	/// `p`: the parents whose lineage links are removed.
	#[benchmark]
	fn retire(p: Linear<0, { T::MaxParents::get() }>) {
		let caller = caller::<T>();
		let from = parents::<T>(p);
		let dat = anchor_as::<T>(&caller, 0, &from, Default::default());

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), dat);

		assert!(!Dats::<T>::contains_key(dat));
	}

	#[benchmark]
	fn freeze() -> Result<(), BenchmarkError> {
		let owner = funded::<T>("owner", 0);
		let dat = anchor_as::<T>(&owner, 0, &[], Default::default());
		let origin =
			T::FreezeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, dat);

		assert_eq!(Dats::<T>::get(dat).map(|info| info.frozen), Some(true));
		Ok(())
	}

	#[benchmark]
	fn unfreeze() -> Result<(), BenchmarkError> {
		let owner = funded::<T>("owner", 0);
		let dat = anchor_as::<T>(&owner, 0, &[], Default::default());
		Pallet::<T>::set_frozen(dat, true).expect("frozen");
		let origin =
			T::FreezeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, dat);

		assert_eq!(Dats::<T>::get(dat).map(|info| info.frozen), Some(false));
		Ok(())
	}

	#[benchmark]
	fn clear_record() {
		let owner = funded::<T>("owner", 0);
		let dat = anchor_as::<T>(&owner, 0, &[], Default::default());
		let user = funded::<T>("user", 0);
		let consumer = Consumer::Account(user.clone());
		Pallet::<T>::do_use(dat, &consumer, &user, None).expect("used");
		Pallet::<T>::do_retire(dat, owner).expect("retired");

		#[extrinsic_call]
		_(RawOrigin::Signed(user), dat, consumer.clone());

		assert!(!ConsumerRecords::<T>::contains_key(dat, consumer));
	}

	/// Worst case: a new grant, which reserves a deposit and counts.
	#[benchmark]
	fn grant_access() {
		let caller = caller::<T>();
		let dat = anchor_as::<T>(&caller, 0, &[], Default::default());
		let consumer = Consumer::Account(account("grantee", 0, SEED));
		let terms = AccessTerms { price: price::<T>(), expires_at: None };

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), dat, consumer.clone(), terms);

		assert!(Grants::<T>::contains_key(dat, consumer));
	}

	#[benchmark]
	fn revoke_access() {
		let caller = caller::<T>();
		let dat = anchor_as::<T>(&caller, 0, &[], Default::default());
		let consumer = Consumer::Account(account("grantee", 0, SEED));
		let terms = AccessTerms { price: price::<T>(), expires_at: None };
		Pallet::<T>::do_grant(&caller, dat, consumer.clone(), terms).expect("granted");

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), dat, consumer.clone());

		assert!(!Grants::<T>::contains_key(dat, consumer));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
