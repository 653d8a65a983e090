//! Benchmarks of every call and hook in its worst case. Components: `a` attestations on the
//! DAT, `n` attestations judged or DATs paid in a block, `p` parents a changed DAT passes its
//! value to, `d` DATs an improvement is credited to (each with the most parents).

use super::*;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{Currency, Get};
use frame_system::RawOrigin;
use lazai_primitives::dat::DatId;
use sp_runtime::traits::{Saturating, Zero};

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let plenty = T::MinAttesterBond::get()
		.saturating_add(T::AttestationDeposit::get())
		.saturating_add(T::EpochReward::get())
		.saturating_mul(1_000u32.into());
	T::Currency::make_free_balance_be(&who, plenty);
	who
}

/// A bonded attester.
fn attester<T: Config>(index: u32) -> T::AccountId {
	let who = funded::<T>("attester", index);
	Pallet::<T>::do_bond(who.clone(), T::MinAttesterBond::get()).expect("funded above");
	who
}

/// An attester bonded more than `others` attesters of the least bond together, so its marks
/// decide the medians: its attestation, made or withdrawn, always changes the DAT's value.
fn heavy_attester<T: Config>(others: u32) -> T::AccountId {
	let who = attester::<T>(0);
	let more = T::MinAttesterBond::get().saturating_mul(others.into());
	Pallet::<T>::do_bond(who.clone(), more).expect("funded above");
	who
}

/// A DAT derived from the most parents.
fn derived_dat<T: Config>(seed: u32) -> DatId {
	let owner = funded::<T>("owner", 0);
	let parents = (0..T::MaxParents::get())
		.map(|i| T::BenchmarkHelper::anchor(&owner, seed * 100 + i + 1, vec![]))
		.collect();
	T::BenchmarkHelper::anchor(&owner, seed * 100, parents)
}

/// `count` attestations on `dat` by fresh attesters, each in its own block after the current
/// one so the maturity queues stay short; then on to the block after them.
fn attested<T: Config>(dat: DatId, count: u32) {
	let start = frame_system::Pallet::<T>::block_number();
	for i in 0..count {
		frame_system::Pallet::<T>::set_block_number(start.saturating_add((i + 1).into()));
		Pallet::<T>::do_attest(attester::<T>(1_000 + i), dat, [50, 60, 70]).expect("room left");
	}
	frame_system::Pallet::<T>::set_block_number(start.saturating_add((count + 1).into()));
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn bond_attester() {
		let who = funded::<T>("attester", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), T::MinAttesterBond::get());

		assert!(Attesters::<T>::contains_key(&who));
	}

	#[benchmark]
	fn unbond_attester() {
		let who = attester::<T>(0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(Attesters::<T>::get(&who).expect("bonded").unbonds_at.is_some());
	}

	#[benchmark]
	fn withdraw_attester() {
		let who = attester::<T>(0);
		Pallet::<T>::do_unbond(who.clone()).expect("no attestations");
		let later =
			frame_system::Pallet::<T>::block_number().saturating_add(T::AttesterUnbonding::get());
		frame_system::Pallet::<T>::set_block_number(later);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(!Attesters::<T>::contains_key(&who));
	}

	#[benchmark]
	fn attest(a: Linear<1, { T::MaxAttestations::get() }>) {
		let dat = derived_dat::<T>(1);
		// The DAT and its parents have value already, as they do after its earlier
		// attestations, so that every `a` touches the same storage items (the weight analysis
		// needs each item at two values of `a` at least).
		Pallet::<T>::record_use(dat, &funded::<T>("payer", 0), 1, T::UsageSaturation::get());
		attested::<T>(dat, a - 1);
		let who = heavy_attester::<T>(a);

		#[extrinsic_call]
		_(RawOrigin::Signed(who), dat, 90, 90, 90);

		assert_eq!(Attestations::<T>::decode_len(dat), Some(a as usize));
		assert_eq!(Values::<T>::get(dat).and_then(|value| value.attested), Some([90, 90, 90]));
	}

	#[benchmark]
	fn withdraw_attestation(a: Linear<1, { T::MaxAttestations::get() }>) {
		let dat = derived_dat::<T>(1);
		let who = heavy_attester::<T>(a);
		Pallet::<T>::do_attest(who.clone(), dat, [90, 90, 90]).expect("room left");
		attested::<T>(dat, a - 1);
		Attestations::<T>::mutate(dat, |attestations| {
			attestations.iter_mut().for_each(|attestation| attestation.judged = true)
		});

		#[extrinsic_call]
		_(RawOrigin::Signed(who), dat);

		assert_eq!(Attestations::<T>::decode_len(dat).unwrap_or(0), (a - 1) as usize);
	}

	#[benchmark]
	fn judge(n: Linear<0, { T::MaxMaturingPerBlock::get() }>) {
		// Each maturing attestation is an outlier on a DAT carrying the most attestations.
		let now = frame_system::Pallet::<T>::block_number();
		let mut judged = Vec::new();
		for i in 0..n {
			let dat = derived_dat::<T>(10 + i);
			frame_system::Pallet::<T>::set_block_number(now);
			let who = attester::<T>(i);
			Pallet::<T>::do_attest(who.clone(), dat, [100, 100, 100]).expect("room left");
			let matures_at = now.saturating_add(T::AttestationMaturity::get());
			attested::<T>(dat, T::MaxAttestations::get() - 1);
			Values::<T>::mutate(dat, |value| {
				if let Some(value) = value {
					value.attested = Some([0, 0, 0]);
				}
			});
			judged.push((dat, who, matures_at));
		}
		let at = now.saturating_add(T::AttestationMaturity::get());
		frame_system::Pallet::<T>::set_block_number(at);

		#[block]
		{
			Pallet::<T>::judge_maturing(at);
		}

		for (dat, who, _) in judged {
			let attestations = Attestations::<T>::get(dat);
			assert!(attestations.iter().any(|a| a.attester == who && a.judged));
		}
	}

	#[benchmark]
	fn epoch_idle() {
		let now = frame_system::Pallet::<T>::block_number();

		#[block]
		{
			Pallet::<T>::advance_epochs(now);
		}

		assert!(!NextEpochAt::<T>::get().is_zero());
	}

	#[benchmark]
	fn start_epoch() {
		let dat = derived_dat::<T>(1);
		attested::<T>(dat, 1);
		let pot = Pallet::<T>::reward_pot();
		T::Currency::make_free_balance_be(
			&pot,
			T::EpochReward::get().saturating_add(T::Currency::minimum_balance()),
		);
		let now = frame_system::Pallet::<T>::block_number();
		// An old record to prune.
		CurrentEpoch::<T>::put(T::HistoryDepth::get());

		#[block]
		{
			Pallet::<T>::start_epoch(now);
		}

		assert!(CurrentPayout::<T>::exists());
	}

	#[benchmark]
	fn pay_dats(n: Linear<0, { T::MaxPayoutsPerBlock::get() }>) {
		// `n` DATs with value, each derived from the most parents so a payment pays royalties.
		for i in 0..n {
			let dat = derived_dat::<T>(10 + i);
			Values::<T>::insert(dat, DatValue { own: 1_000, ..Default::default() });
		}
		TotalDataValue::<T>::put(1_000 * n as u128);
		let pot = Pallet::<T>::reward_pot();
		T::Currency::make_free_balance_be(
			&pot,
			T::EpochReward::get().saturating_add(T::Currency::minimum_balance()),
		);
		let now = frame_system::Pallet::<T>::block_number();
		Pallet::<T>::start_epoch(now);
		let epoch = CurrentEpoch::<T>::get();
		if n == 0 {
			// No DAT has value, so no payout started: measure passing nothing.
			CurrentPayout::<T>::put(Payout {
				epoch,
				budget: T::EpochReward::get(),
				total_value: 0,
				passed_value: 0,
				allotted: Zero::zero(),
				last: None,
			});
		}

		#[block]
		{
			Pallet::<T>::pay_dats(now);
		}

		assert_eq!(Epochs::<T>::get(epoch).expect("started above").dats_paid, n);
	}

	#[benchmark]
	fn record_use(p: Linear<0, { T::MaxParents::get() }>) {
		let owner = funded::<T>("owner", 0);
		let parents = (0..p).map(|i| T::BenchmarkHelper::anchor(&owner, i + 1, vec![])).collect();
		let dat = T::BenchmarkHelper::anchor(&owner, 0, parents);
		let payer = funded::<T>("payer", 0);
		let paid = T::UsageSaturation::get();

		#[block]
		{
			Pallet::<T>::record_use(dat, &payer, 1, paid);
		}

		assert!(Values::<T>::get(dat).expect("valued").usage > 0);
	}

	#[benchmark]
	fn credit_improvement(d: Linear<0, { T::MaxCreditedDats::get() }>) {
		let evaluation = T::BenchmarkHelper::improved_model(d);

		#[block]
		{
			Pallet::<T>::credit_improvement(&evaluation);
		}

		assert_eq!(Credited::<T>::iter().count(), d.min(1) as usize);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
