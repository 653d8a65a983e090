//! Benchmarks of the iDAO calls, with the number of members and the length of the proposed call
//! as components.

use super::*;
use crate::{
	pallet::{
		Config, ContributionPools, GovernanceIdao, Idaos, Members, OwedTotal, Pallet, Proposals,
		RevenueSplits,
	},
	BenchmarkHelper,
};
use alloc::{boxed::Box, vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{Currency, EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use lazai_primitives::dat::{AccessTerms, Consumer, DatAccess, DatId, IdaoId};
use sp_runtime::{
	traits::{Saturating, Zero},
	Perbill,
};

const SEED: u32 = 0;

/// An account with enough to pay every deposit a benchmark asks of it.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	fund::<T>(&who);
	who
}

/// Gives `who` enough to pay every deposit a benchmark asks of it.
fn fund<T: Config>(who: &T::AccountId) {
	let enough = T::IdaoDeposit::get()
		.saturating_add(T::ProposalDeposit::get())
		.saturating_mul(100u32.into())
		.saturating_add(T::Currency::minimum_balance());
	T::Currency::make_free_balance_be(who, enough);
}

/// Rules under which one aye of equal members never decides alone.
fn rules<T: Config>() -> RulesOf<T> {
	Rules {
		approval_threshold: Perbill::from_percent(51),
		quorum: Perbill::zero(),
		voting_period: T::MinVotingPeriod::get(),
	}
}

/// An iDAO of `members` members of weight 1, the first of them its creator; returns its id
/// and the members.
fn idao_with<T: Config>(members: u32) -> (IdaoId, Vec<T::AccountId>) {
	let accounts: Vec<T::AccountId> =
		(0..members.max(1)).map(|i| funded::<T>("member", i)).collect();
	let idao = NextIdaoId::<T>::get();
	let listed = accounts.iter().map(|who| (who.clone(), 1)).collect();
	Pallet::<T>::do_create(accounts[0].clone(), BoundedVec::default(), listed, rules::<T>())
		.expect("the benchmark's iDAO is valid");
	(idao, accounts)
}

/// A cheap call: a remark of `len` bytes.
fn remark<T: Config>(len: u32) -> <T as Config>::RuntimeCall {
	frame_system::Call::<T>::remark { remark: vec![1; len as usize] }.into()
}

/// The remark length whose encoded call is `MaxCallLen` bytes at most.
fn longest_remark<T: Config>() -> u32 {
	T::MaxCallLen::get().saturating_sub(8)
}

/// 40 % to the members, 30 % to `dats` DATs anchored by `owner` and 30 % to the contribution
/// pool.
fn full_split<T: Config>(owner: &T::AccountId, dats: u32) -> RevenueSplitOf<T> {
	let each = if dats == 0 { Perbill::zero() } else { Perbill::from_rational(3, 10 * dats) };
	let dats: Vec<_> = (0..dats).map(|i| (T::BenchmarkHelper::anchor(owner, i), each)).collect();
	RevenueSplit {
		members: Perbill::from_percent(40),
		dats: dats.try_into().expect("at most MaxSplitDats"),
		contributions: Perbill::from_percent(30),
	}
}

/// Puts `count` DATs anchored by `owner` in the iDAO's contribution pool.
fn pool_of<T: Config>(idao: IdaoId, owner: &T::AccountId, count: u32) {
	let dats: Vec<DatId> =
		(0..count).map(|i| T::BenchmarkHelper::anchor(owner, 1_000 + i)).collect();
	ContributionPools::<T>::insert(idao, BoundedVec::truncate_from(dats));
}

/// A DAT controlled by the iDAO's account, and a second iDAO to grant access to.
fn dat_of_idao<T: Config>() -> (IdaoId, IdaoId, DatId) {
	let (idao, _) = idao_with::<T>(1);
	let (grantee, _) = idao_with::<T>(1);
	let account = Pallet::<T>::account_of(idao);
	fund::<T>(&account);
	(idao, grantee, T::BenchmarkHelper::anchor(&account, 0))
}

fn terms<T: Config>() -> AccessTermsOf<T> {
	AccessTerms { price: T::Currency::minimum_balance(), expires_at: None }
}

/// Pays the iDAO's revenue account an income large enough for every share to be non-zero.
fn earn<T: Config>(idao: IdaoId) {
	let income = T::Currency::minimum_balance()
		.saturating_add(T::IdaoDeposit::get())
		.saturating_mul(1_000u32.into());
	T::Currency::make_free_balance_be(&Pallet::<T>::revenue_account_of(idao), income);
}

fn idao_origin<T: Config>(idao: IdaoId) -> RawOrigin<T::AccountId> {
	RawOrigin::Signed(Pallet::<T>::account_of(idao))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// `m`: the members listed, the creator among them.
	#[benchmark]
	fn create_idao(m: Linear<1, { T::MaxMembers::get() }>) {
		let creator = funded::<T>("member", 0);
		let members: Vec<_> = core::iter::once(creator.clone())
			.chain((1..m).map(|i| account("member", i, SEED)))
			.map(|who| (who, 1))
			.collect();
		let members: BoundedVec<_, T::MaxMembers> = members.try_into().expect("at most MaxMembers");
		let metadata = vec![0u8; T::MaxMetadataLen::get() as usize].try_into().expect("fits");

		#[extrinsic_call]
		_(RawOrigin::Signed(creator), metadata, members, rules::<T>());

		assert_eq!(Idaos::<T>::get(0).map(|info| info.members), Some(m));
	}

	/// `l`: the bytes of the remark proposed.
	#[benchmark]
	fn propose(l: Linear<0, { longest_remark::<T>() }>) {
		let (idao, members) = idao_with::<T>(T::MaxMembers::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(members[0].clone()), idao, Box::new(remark::<T>(l)));

		assert!(Proposals::<T>::contains_key(idao, 0));
	}

	#[benchmark]
	fn vote() {
		let (idao, members) = idao_with::<T>(T::MaxMembers::get());
		Pallet::<T>::do_propose(members[0].clone(), idao, remark::<T>(0)).expect("member");

		#[extrinsic_call]
		_(RawOrigin::Signed(members[1 % members.len()].clone()), idao, 0, true);

		assert_eq!(crate::Votes::<T>::iter_prefix((idao, 0)).count(), 1);
	}

	/// `m`: the members, every one of whom voted aye; the approved remark is dispatched.
	#[benchmark]
	fn close(m: Linear<1, { T::MaxMembers::get() }>) {
		let (idao, members) = idao_with::<T>(m);
		Pallet::<T>::do_propose(members[0].clone(), idao, remark::<T>(0)).expect("member");
		for member in &members {
			Pallet::<T>::do_vote(member.clone(), idao, 0, true).expect("open");
		}
		let closer = funded::<T>("closer", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(closer), idao, 0, T::MaxCallWeight::get());

		assert!(!Proposals::<T>::contains_key(idao, 0));
	}

	#[benchmark]
	fn add_member() {
		let (idao, _) = idao_with::<T>(T::MaxMembers::get().saturating_sub(1));
		let newcomer: T::AccountId = account("newcomer", 0, SEED);

		#[extrinsic_call]
		_(idao_origin::<T>(idao), idao, newcomer.clone(), 2);

		assert_eq!(Members::<T>::get(idao, &newcomer), Some(2));
	}

	/// The member leaving voted on `MaxOpenProposals` open proposals, whose votes go too.
	#[benchmark]
	fn remove_member() {
		let (idao, members) = idao_with::<T>(T::MaxMembers::get().max(2));
		let leaving = members[1].clone();
		for proposal in 0..T::MaxOpenProposals::get() {
			Pallet::<T>::do_propose(members[0].clone(), idao, remark::<T>(0)).expect("room");
			Pallet::<T>::do_vote(leaving.clone(), idao, proposal, true).expect("open");
		}

		#[extrinsic_call]
		_(idao_origin::<T>(idao), idao, leaving.clone());

		assert_eq!(Members::<T>::get(idao, &leaving), None);
	}

	#[benchmark]
	fn set_member_weight() {
		let (idao, members) = idao_with::<T>(T::MaxMembers::get());

		#[extrinsic_call]
		_(idao_origin::<T>(idao), idao, members[0].clone(), 5);

		assert_eq!(Members::<T>::get(idao, &members[0]), Some(5));
	}

	#[benchmark]
	fn set_rules() {
		let (idao, _) = idao_with::<T>(1);
		GovernanceIdao::<T>::put(idao);
		let slower = Rules { voting_period: T::MaxVotingPeriod::get(), ..rules::<T>() };

		#[extrinsic_call]
		_(idao_origin::<T>(idao), idao, slower);

		assert_eq!(Idaos::<T>::get(idao).map(|info| info.rules), Some(slower));
	}

	#[benchmark]
	fn set_governance_idao() -> Result<(), BenchmarkError> {
		let (idao, _) = idao_with::<T>(1);
		let origin = T::GovernanceAdminOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Some(idao));

		assert_eq!(GovernanceIdao::<T>::get(), Some(idao));
		Ok(())
	}

	/// `d`: the DATs the split pays.
	#[benchmark]
	fn set_revenue_split(d: Linear<0, { T::MaxSplitDats::get() }>) {
		let (idao, members) = idao_with::<T>(1);
		let split = full_split::<T>(&members[0], d);

		#[extrinsic_call]
		_(idao_origin::<T>(idao), idao, split.clone());

		assert_eq!(RevenueSplits::<T>::get(idao), Some(split));
	}

	/// `m` members, `d` DATs of the split and `p` DATs of the contribution pool share the
	/// income.
	#[benchmark]
	fn distribute(
		m: Linear<1, { T::MaxMembers::get() }>,
		d: Linear<0, { T::MaxSplitDats::get() }>,
		p: Linear<0, { T::MaxPoolDats::get() }>,
	) {
		let (idao, members) = idao_with::<T>(m);
		let split = full_split::<T>(&members[0], d);
		RevenueSplits::<T>::insert(idao, split);
		pool_of::<T>(idao, &members[0], p);
		earn::<T>(idao);

		#[extrinsic_call]
		_(RawOrigin::Signed(members[0].clone()), idao);

		assert!(OwedTotal::<T>::get(idao) > Zero::zero());
	}

	#[benchmark]
	fn claim() {
		let (idao, members) = idao_with::<T>(1);
		RevenueSplits::<T>::insert(idao, full_split::<T>(&members[0], 0));
		earn::<T>(idao);
		Pallet::<T>::do_distribute(idao).expect("income");

		#[extrinsic_call]
		_(RawOrigin::Signed(members[0].clone()), idao);

		assert!(OwedTotal::<T>::get(idao).is_zero());
	}

	#[benchmark]
	fn grant_access() {
		let (idao, grantee, dat) = dat_of_idao::<T>();

		#[extrinsic_call]
		_(idao_origin::<T>(idao), idao, grantee, dat, terms::<T>());

		assert!(T::Dat::grant_of(dat, &Consumer::Idao(grantee)).is_some());
	}

	#[benchmark]
	fn revoke_access() {
		let (idao, grantee, dat) = dat_of_idao::<T>();
		let account = Pallet::<T>::account_of(idao);
		T::Dat::grant(&account, dat, Consumer::Idao(grantee), terms::<T>()).expect("granted");

		#[extrinsic_call]
		_(idao_origin::<T>(idao), idao, grantee, dat);

		assert!(T::Dat::grant_of(dat, &Consumer::Idao(grantee)).is_none());
	}

	/// Worst case: the pool is one short of full, so the check reads every DAT in it.
	#[benchmark]
	fn propose_contribution() {
		let (idao, members) = idao_with::<T>(1);
		pool_of::<T>(idao, &members[0], T::MaxPoolDats::get().saturating_sub(1));
		let dat = T::BenchmarkHelper::anchor(&members[0], 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(members[0].clone()), idao, dat);

		assert!(Proposals::<T>::contains_key(idao, 0));
	}

	#[benchmark]
	fn accept_contribution() {
		let (idao, members) = idao_with::<T>(1);
		pool_of::<T>(idao, &members[0], T::MaxPoolDats::get().saturating_sub(1));
		let dat = T::BenchmarkHelper::anchor(&members[0], 0);

		#[extrinsic_call]
		_(idao_origin::<T>(idao), idao, dat);

		assert!(ContributionPools::<T>::get(idao).contains(&dat));
	}

	/// Worst case: the DAT is the last of a full pool.
	#[benchmark]
	fn remove_contribution() {
		let (idao, members) = idao_with::<T>(1);
		pool_of::<T>(idao, &members[0], T::MaxPoolDats::get());
		let dat = *ContributionPools::<T>::get(idao).last().expect("a full pool");

		#[extrinsic_call]
		_(idao_origin::<T>(idao), idao, dat);

		assert!(!ContributionPools::<T>::get(idao).contains(&dat));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
