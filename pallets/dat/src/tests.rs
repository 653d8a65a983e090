//! Unit tests of every call, error and event, the traits other pallets use, the views, and a
//! property test that revenue is never created or lost.

use crate::{mock::*, *};
use codec::{Decode, Encode};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::{DispatchResultWithPostInfo, GetDispatchInfo},
	traits::{fungible::Inspect, Currency},
	BoundedVec,
};
use lazai_primitives::dat::{
	Access, AccessTerms, Consumer, DatAccess, DatInspect, DatPaidUsage, DatRevenue, DatUsage,
	Derivation, LineageDirection, ProofKind, UsagePolicy,
};
use sp_runtime::{DispatchError, Perbill};

type DatEvent = crate::Event<Test>;

fn content(n: u32) -> H256 {
	H256::from_low_u64_be(n as u64 + 1)
}

fn uri(text: &str) -> UriOf<Test> {
	BoundedVec::try_from(text.as_bytes().to_vec()).unwrap()
}

fn parents(list: &[(DatId, Derivation)]) -> ParentsOf<Test> {
	BoundedVec::try_from(list.to_vec()).unwrap()
}

fn priced(price: Balance) -> PolicyOf<Test> {
	UsagePolicy { price, ..Default::default() }
}

fn with_royalty(price: Balance, percent: u32) -> PolicyOf<Test> {
	UsagePolicy { price, royalty: Perbill::from_percent(percent), ..Default::default() }
}

fn allow(consumers: &[Consumer<AccountId>]) -> PolicyOf<Test> {
	UsagePolicy {
		access: Access::AllowList(BoundedVec::try_from(consumers.to_vec()).unwrap()),
		..Default::default()
	}
}

/// Anchor content `n` as `who` with the given parents and policy; returns the new id.
fn anchor_with(
	who: AccountId,
	n: u32,
	from: &[(DatId, Derivation)],
	policy: PolicyOf<Test>,
) -> DatId {
	let id = NextDatId::<Test>::get();
	assert_ok!(Dat::anchor(
		RuntimeOrigin::signed(who),
		content(n),
		uri("ipfs://bafy"),
		DataKind::Dataset,
		parents(from),
		policy,
	));
	id
}

fn anchor(who: AccountId, n: u32) -> DatId {
	anchor_with(who, n, &[], Default::default())
}

fn reserved(who: AccountId) -> Balance {
	Balances::reserved_balance(who)
}

fn pot() -> Balance {
	Balances::balance(&Dat::revenue_account())
}

fn account(who: AccountId) -> Consumer<AccountId> {
	Consumer::Account(who)
}

fn claimable(who: AccountId, dat: DatId) -> Balance {
	Holdings::<Test>::get(who, dat)
		.map(|h| h.claimable(RevenuePools::<Test>::get(dat).per_share))
		.unwrap_or(0)
}

fn last_event() -> DatEvent {
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::Dat(event) => Some(event),
			_ => None,
		})
		.expect("an event of this pallet")
}

fn dat_events() -> Vec<DatEvent> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Dat(event) => Some(event),
			_ => None,
		})
		.collect()
}

// ---- anchor ----

#[test]
fn anchor_creates_a_dat_owned_by_the_creator_with_a_deposit() {
	new_test_ext().execute_with(|| {
		let dat = anchor(ALICE, 0);
		assert_eq!(dat, 0);
		assert_eq!(NextDatId::<Test>::get(), 1);
		let info = Dats::<Test>::get(dat).unwrap();
		assert_eq!(info.creator, ALICE);
		assert_eq!(info.controller, ALICE);
		assert_eq!(info.content_hash, content(0));
		assert_eq!(DatByContentHash::<Test>::get(content(0)), Some(dat));
		assert_eq!(Dat::shares_of(dat, &ALICE), SHARES);
		let expected = DEPOSIT_BASE + DEPOSIT_PER_BYTE * info.encoded_size() as Balance;
		assert_eq!(info.deposit, (ALICE, expected));
		assert_eq!(reserved(ALICE), expected);
		assert_eq!(
			last_event(),
			DatEvent::Anchored {
				dat,
				creator: ALICE,
				content_hash: content(0),
				kind: DataKind::Dataset,
				parents: 0
			}
		);
	});
}

#[test]
fn anchoring_the_same_content_twice_is_refused() {
	new_test_ext().execute_with(|| {
		let dat = anchor(ALICE, 0);
		assert_noop!(
			Dat::anchor(
				RuntimeOrigin::signed(BOB),
				content(0),
				uri("ar://other"),
				DataKind::Feedback,
				parents(&[]),
				Default::default()
			),
			Error::<Test>::AlreadyAnchored
		);
		assert_eq!(Dat::dat_by_content_hash(content(0)), Some(dat));
	});
}

#[test]
fn anchor_needs_a_uri_a_signer_and_the_deposit() {
	new_test_ext().execute_with(|| {
		let call = |origin, uri| {
			Dat::anchor(
				origin,
				content(0),
				uri,
				DataKind::Dataset,
				parents(&[]),
				Default::default(),
			)
		};
		assert_noop!(call(RuntimeOrigin::signed(ALICE), uri("")), Error::<Test>::EmptyUri);
		assert_noop!(call(RuntimeOrigin::root(), uri("ipfs://x")), DispatchError::BadOrigin);
		let poor = 99;
		let _ = Balances::deposit_creating(&poor, 50);
		assert_noop!(
			call(RuntimeOrigin::signed(poor), uri("ipfs://x")),
			pallet_balances::Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn derived_data_records_its_parents_and_their_children() {
	new_test_ext().execute_with(|| {
		let base = anchor(ALICE, 0);
		let labels = anchor(BOB, 1);
		let merged = anchor_with(
			CHARLIE,
			2,
			&[(base, Derivation::Merge), (labels, Derivation::Annotation)],
			Default::default(),
		);
		let info = Dats::<Test>::get(merged).unwrap();
		assert_eq!(
			info.parents.to_vec(),
			vec![(base, Derivation::Merge), (labels, Derivation::Annotation)]
		);
		assert_eq!(Children::<Test>::get(base, merged), Some(Derivation::Merge));
		assert_eq!(Dats::<Test>::get(base).unwrap().children, 1);
		assert_eq!(Dats::<Test>::get(labels).unwrap().children, 1);
		// The lineage links are paid for.
		let expected = DEPOSIT_BASE + info.encoded_size() as Balance + 2 * 17;
		assert_eq!(reserved(CHARLIE), expected);
		assert_eq!(Dat::parents(merged), vec![base, labels]);
	});
}

#[test]
fn parents_must_exist_be_distinct_allow_derivation_and_not_be_frozen() {
	new_test_ext().execute_with(|| {
		let open = anchor(ALICE, 0);
		let closed = anchor_with(
			ALICE,
			1,
			&[],
			UsagePolicy { derivation_allowed: false, ..Default::default() },
		);
		let try_derive = |from: &[(DatId, Derivation)]| {
			Dat::anchor(
				RuntimeOrigin::signed(BOB),
				content(9),
				uri("ipfs://d"),
				DataKind::Dataset,
				parents(from),
				Default::default(),
			)
		};
		assert_noop!(try_derive(&[(42, Derivation::Subset)]), Error::<Test>::UnknownParent);
		assert_noop!(
			try_derive(&[(open, Derivation::Subset), (open, Derivation::Merge)]),
			Error::<Test>::DuplicateParent
		);
		assert_noop!(
			try_derive(&[(closed, Derivation::Subset)]),
			Error::<Test>::DerivationNotAllowed
		);
		assert_ok!(Dat::freeze(RuntimeOrigin::root(), open));
		assert_noop!(try_derive(&[(open, Derivation::Subset)]), Error::<Test>::DatFrozen);
	});
}

#[test]
fn too_many_parents_or_too_long_a_uri_do_not_decode() {
	new_test_ext().execute_with(|| {
		// A call is built from raw bytes by the chain; the bounds are checked while decoding.
		let long_uri = vec![b'a'; 65];
		let encoded = (content(0), long_uri).encode();
		assert!(<(H256, UriOf<Test>)>::decode(&mut &encoded[..]).is_err());
		let five: Vec<(DatId, Derivation)> =
			(0..=MAX_PARENTS as u64).map(|i| (i, Derivation::Subset)).collect();
		assert!(ParentsOf::<Test>::decode(&mut &five.encode()[..]).is_err());
	});
}

// ---- shares ----

#[test]
fn shares_move_and_the_new_holding_is_paid_for_by_the_sender() {
	new_test_ext().execute_with(|| {
		let dat = anchor(ALICE, 0);
		let before = reserved(ALICE);
		assert_ok!(Dat::transfer_shares(RuntimeOrigin::signed(ALICE), dat, BOB, 250_000));
		assert_eq!(Dat::shares_of(dat, &ALICE), 750_000);
		assert_eq!(Dat::shares_of(dat, &BOB), 250_000);
		assert_eq!(reserved(ALICE), before + RECORD_DEPOSIT);
		assert_eq!(RevenuePools::<Test>::get(dat).holders, 2);
		assert_eq!(
			last_event(),
			DatEvent::SharesTransferred { dat, from: ALICE, to: BOB, shares: 250_000 }
		);
		// Bob gives everything back: his holding goes, Alice's record deposit returns.
		assert_ok!(Dat::transfer_shares(RuntimeOrigin::signed(BOB), dat, ALICE, 250_000));
		assert!(Holdings::<Test>::get(BOB, dat).is_none());
		assert_eq!(reserved(ALICE), before);
		assert_eq!(RevenuePools::<Test>::get(dat).holders, 1);
	});
}

#[test]
fn share_transfers_are_checked() {
	new_test_ext().execute_with(|| {
		let dat = anchor(ALICE, 0);
		let send =
			|from, to, shares| Dat::transfer_shares(RuntimeOrigin::signed(from), dat, to, shares);
		assert_noop!(send(ALICE, BOB, 0), Error::<Test>::ZeroAmount);
		assert_noop!(send(ALICE, ALICE, 1), Error::<Test>::SelfTransfer);
		assert_noop!(send(ALICE, BOB, SHARES + 1), Error::<Test>::InsufficientShares);
		assert_noop!(send(BOB, ALICE, 1), Error::<Test>::InsufficientShares);
		assert_noop!(
			Dat::transfer_shares(RuntimeOrigin::signed(ALICE), 7, BOB, 1),
			Error::<Test>::UnknownDat
		);
		assert_ok!(Dat::freeze(RuntimeOrigin::root(), dat));
		assert_noop!(send(ALICE, BOB, 1), Error::<Test>::DatFrozen);
	});
}

// ---- policy and control ----

#[test]
fn the_controller_sets_the_policy_and_the_deposit_follows_its_size() {
	new_test_ext().execute_with(|| {
		let dat = anchor(ALICE, 0);
		let before = reserved(ALICE);
		let policy = allow(&[account(BOB), account(CHARLIE)]);
		assert_ok!(Dat::set_policy(RuntimeOrigin::signed(ALICE), dat, policy.clone()));
		assert_eq!(Dats::<Test>::get(dat).unwrap().policy, policy);
		assert_eq!(reserved(ALICE), before + 2 * account(BOB).encoded_size() as Balance + 1);
		assert_eq!(last_event(), DatEvent::PolicySet { dat });
		assert_ok!(Dat::set_policy(RuntimeOrigin::signed(ALICE), dat, Default::default()));
		assert_eq!(reserved(ALICE), before);
		assert_noop!(
			Dat::set_policy(RuntimeOrigin::signed(BOB), dat, Default::default()),
			Error::<Test>::NotController
		);
		assert_noop!(
			Dat::set_policy(RuntimeOrigin::signed(ALICE), 9, Default::default()),
			Error::<Test>::UnknownDat
		);
	});
}

#[test]
fn control_moves_and_the_next_change_moves_the_deposit_too() {
	new_test_ext().execute_with(|| {
		let dat = anchor(ALICE, 0);
		let deposit = reserved(ALICE);
		assert_noop!(
			Dat::transfer_control(RuntimeOrigin::signed(BOB), dat, BOB),
			Error::<Test>::NotController
		);
		assert_ok!(Dat::transfer_control(RuntimeOrigin::signed(ALICE), dat, BOB));
		assert_eq!(last_event(), DatEvent::ControlTransferred { dat, from: ALICE, to: BOB });
		assert_eq!(Dat::controller(dat), Some(BOB));
		assert_noop!(
			Dat::set_policy(RuntimeOrigin::signed(ALICE), dat, priced(5)),
			Error::<Test>::NotController
		);
		assert_ok!(Dat::set_policy(RuntimeOrigin::signed(BOB), dat, priced(5)));
		assert_eq!(reserved(ALICE), 0);
		assert_eq!(reserved(BOB), deposit);
		assert_eq!(Dats::<Test>::get(dat).unwrap().deposit, (BOB, deposit));
	});
}

// ---- use ----

#[test]
fn a_paid_use_pays_the_holders_and_is_recorded() {
	new_test_ext().execute_with(|| {
		let dat = anchor_with(ALICE, 0, &[], priced(100));
		let bob_free = Balances::balance(&BOB);
		assert_ok!(Dat::use_data(RuntimeOrigin::signed(BOB), dat, account(BOB), 100));
		assert_eq!(Balances::balance(&BOB), bob_free - 100 - RECORD_DEPOSIT);
		assert_eq!(reserved(BOB), RECORD_DEPOSIT);
		assert_eq!(
			last_event(),
			DatEvent::Used {
				dat,
				consumer: account(BOB),
				payer: BOB,
				paid: 100,
				credit_spent: false
			}
		);
		assert_ok!(Dat::use_data(RuntimeOrigin::signed(BOB), dat, account(BOB), 150));
		// Only the first use reserves a record deposit.
		assert_eq!(reserved(BOB), RECORD_DEPOSIT);
		let record = ConsumerRecords::<Test>::get(dat, account(BOB)).unwrap();
		assert_eq!((record.uses, record.credits), (2, 0));
		assert_eq!(Dat::uses(dat), 2);
		assert_eq!(RevenuePools::<Test>::get(dat).received, 200);
		assert_eq!(claimable(ALICE, dat), 200);
	});
}

#[test]
fn uses_follow_the_policy() {
	new_test_ext().execute_with(|| {
		let dat = anchor_with(ALICE, 0, &[], priced(100));
		let use_as = |who, max| Dat::use_data(RuntimeOrigin::signed(who), dat, account(who), max);
		assert_noop!(use_as(BOB, 99), Error::<Test>::PriceAboveMax);
		assert_noop!(
			Dat::use_data(RuntimeOrigin::signed(BOB), dat, account(CHARLIE), 100),
			Error::<Test>::NotConsumer
		);
		assert_noop!(
			Dat::use_data(RuntimeOrigin::signed(BOB), 5, account(BOB), 100),
			Error::<Test>::UnknownDat
		);

		let listed = anchor_with(ALICE, 1, &[], allow(&[account(BOB)]));
		assert_ok!(Dat::use_data(RuntimeOrigin::signed(BOB), listed, account(BOB), 0));
		assert_noop!(
			Dat::use_data(RuntimeOrigin::signed(CHARLIE), listed, account(CHARLIE), 0),
			Error::<Test>::NotAllowed
		);

		let capped =
			anchor_with(ALICE, 2, &[], UsagePolicy { max_uses: Some(1), ..Default::default() });
		assert_ok!(Dat::use_data(RuntimeOrigin::signed(BOB), capped, account(BOB), 0));
		assert_noop!(
			Dat::use_data(RuntimeOrigin::signed(BOB), capped, account(BOB), 0),
			Error::<Test>::CapReached
		);

		let expiring =
			anchor_with(ALICE, 3, &[], UsagePolicy { expires_at: Some(5), ..Default::default() });
		System::set_block_number(5);
		assert_ok!(Dat::use_data(RuntimeOrigin::signed(BOB), expiring, account(BOB), 0));
		System::set_block_number(6);
		assert_noop!(
			Dat::use_data(RuntimeOrigin::signed(BOB), expiring, account(BOB), 0),
			Error::<Test>::Expired
		);
	});
}

fn terms(price: Balance, expires_at: Option<u64>) -> AccessTermsOf<Test> {
	AccessTerms { price, expires_at }
}

#[test]
fn a_grant_lets_one_consumer_in_on_its_own_price_and_expiry() {
	new_test_ext().execute_with(|| {
		let policy = UsagePolicy { price: 100, expires_at: Some(5), ..allow(&[account(CHARLIE)]) };
		let dat = anchor_with(ALICE, 0, &[], policy);
		assert_noop!(
			Dat::use_data(RuntimeOrigin::signed(BOB), dat, account(BOB), 100),
			Error::<Test>::NotAllowed
		);
		let before = reserved(ALICE);
		assert_ok!(Dat::grant_access(
			RuntimeOrigin::signed(ALICE),
			dat,
			account(BOB),
			terms(7, Some(8))
		));
		assert_eq!(
			last_event(),
			DatEvent::AccessGranted { dat, consumer: account(BOB), terms: terms(7, Some(8)) }
		);
		assert_eq!(reserved(ALICE), before + RECORD_DEPOSIT);
		assert_eq!(GrantCount::<Test>::get(dat), 1);

		// The grant's price, not the policy's; the listed consumer still pays the policy's.
		assert_noop!(
			Dat::use_data(RuntimeOrigin::signed(BOB), dat, account(BOB), 6),
			Error::<Test>::PriceAboveMax
		);
		assert_ok!(Dat::use_data(RuntimeOrigin::signed(BOB), dat, account(BOB), 7));
		assert_eq!(
			last_event(),
			DatEvent::Used {
				dat,
				consumer: account(BOB),
				payer: BOB,
				paid: 7,
				credit_spent: false
			}
		);
		assert_ok!(Dat::use_data(RuntimeOrigin::signed(CHARLIE), dat, account(CHARLIE), 100));
		assert_eq!(claimable(ALICE, dat), 107);

		// Past the policy's expiry the grant still holds, to its own last block.
		System::set_block_number(8);
		assert_noop!(
			Dat::use_data(RuntimeOrigin::signed(CHARLIE), dat, account(CHARLIE), 100),
			Error::<Test>::Expired
		);
		assert_ok!(Dat::use_data(RuntimeOrigin::signed(BOB), dat, account(BOB), 7));
		System::set_block_number(9);
		assert_noop!(
			Dat::use_data(RuntimeOrigin::signed(BOB), dat, account(BOB), 7),
			Error::<Test>::Expired
		);
	});
}

#[test]
fn a_grant_counts_against_the_cap_and_credits_keep_the_policy_price() {
	new_test_ext().execute_with(|| {
		let policy = UsagePolicy { price: 50, max_uses: Some(3), ..allow(&[]) };
		let dat = anchor_with(ALICE, 0, &[], policy);
		assert_noop!(
			Dat::buy_credits(RuntimeOrigin::signed(BOB), dat, 1, 50),
			Error::<Test>::NotAllowed
		);
		assert_ok!(Dat::grant_access(
			RuntimeOrigin::signed(ALICE),
			dat,
			account(BOB),
			terms(5, None)
		));
		assert_noop!(
			Dat::buy_credits(RuntimeOrigin::signed(BOB), dat, 1, 5),
			Error::<Test>::PriceAboveMax
		);
		assert_ok!(Dat::buy_credits(RuntimeOrigin::signed(BOB), dat, 2, 50));
		assert_eq!(
			last_event(),
			DatEvent::CreditsBought { dat, buyer: BOB, credits: 2, paid: 100 }
		);
		assert_ok!(Dat::use_data(RuntimeOrigin::signed(BOB), dat, account(BOB), 0));
		assert_ok!(Dat::use_data(RuntimeOrigin::signed(BOB), dat, account(BOB), 0));
		assert_ok!(Dat::use_data(RuntimeOrigin::signed(BOB), dat, account(BOB), 5));
		assert_noop!(
			Dat::use_data(RuntimeOrigin::signed(BOB), dat, account(BOB), 5),
			Error::<Test>::CapReached
		);
	});
}

#[test]
fn grants_are_the_controllers_bounded_and_replaced_in_place() {
	new_test_ext().execute_with(|| {
		let dat = anchor(ALICE, 0);
		assert_noop!(
			Dat::grant_access(RuntimeOrigin::signed(BOB), dat, account(BOB), terms(1, None)),
			Error::<Test>::NotController
		);
		assert_noop!(
			Dat::grant_access(RuntimeOrigin::signed(ALICE), 9, account(BOB), terms(1, None)),
			Error::<Test>::UnknownDat
		);
		assert_noop!(
			Dat::grant_access(RuntimeOrigin::none(), dat, account(BOB), terms(1, None)),
			DispatchError::BadOrigin
		);
		System::set_block_number(4);
		assert_noop!(
			Dat::grant_access(RuntimeOrigin::signed(ALICE), dat, account(BOB), terms(1, Some(3))),
			Error::<Test>::Expired
		);

		let base = reserved(ALICE);
		assert_ok!(Dat::grant_access(
			RuntimeOrigin::signed(ALICE),
			dat,
			account(BOB),
			terms(1, None)
		));
		assert_ok!(Dat::grant_access(
			RuntimeOrigin::signed(ALICE),
			dat,
			account(BOB),
			terms(2, None)
		));
		assert_eq!(Grants::<Test>::get(dat, account(BOB)).unwrap().terms, terms(2, None));
		assert_eq!((GrantCount::<Test>::get(dat), reserved(ALICE)), (1, base + RECORD_DEPOSIT));
		assert_ok!(Dat::grant_access(
			RuntimeOrigin::signed(ALICE),
			dat,
			account(CHARLIE),
			terms(1, None)
		));
		assert_noop!(
			Dat::grant_access(RuntimeOrigin::signed(ALICE), dat, account(DAVE), terms(1, None)),
			Error::<Test>::TooManyGrants
		);

		assert_ok!(Dat::freeze(RuntimeOrigin::root(), dat));
		assert_noop!(
			Dat::revoke_access(RuntimeOrigin::signed(ALICE), dat, account(BOB)),
			Error::<Test>::DatFrozen
		);
		assert_ok!(Dat::unfreeze(RuntimeOrigin::root(), dat));
		assert_noop!(
			Dat::revoke_access(RuntimeOrigin::signed(BOB), dat, account(BOB)),
			Error::<Test>::NotController
		);
		assert_noop!(
			Dat::revoke_access(RuntimeOrigin::signed(ALICE), dat, account(DAVE)),
			Error::<Test>::UnknownGrant
		);
	});
}

#[test]
fn revoking_returns_the_deposit_to_who_paid_it_and_a_dat_with_grants_cannot_retire() {
	new_test_ext().execute_with(|| {
		let dat = anchor_with(ALICE, 0, &[], allow(&[]));
		let base = reserved(ALICE);
		assert_ok!(Dat::grant_access(
			RuntimeOrigin::signed(ALICE),
			dat,
			account(BOB),
			terms(0, None)
		));
		assert_noop!(Dat::retire(RuntimeOrigin::signed(ALICE), dat), Error::<Test>::HasGrants);

		// Control moves; the new controller revokes, and the deposit goes back to Alice.
		assert_ok!(Dat::transfer_control(RuntimeOrigin::signed(ALICE), dat, CHARLIE));
		let alice_after_transfer = reserved(ALICE);
		assert_ok!(Dat::revoke_access(RuntimeOrigin::signed(CHARLIE), dat, account(BOB)));
		assert_eq!(last_event(), DatEvent::AccessRevoked { dat, consumer: account(BOB) });
		assert_eq!(reserved(ALICE), alice_after_transfer - RECORD_DEPOSIT);
		assert!(alice_after_transfer >= base);
		assert_eq!(GrantCount::<Test>::get(dat), 0);
		assert!(!GrantCount::<Test>::contains_key(dat));
		assert_noop!(
			Dat::use_data(RuntimeOrigin::signed(BOB), dat, account(BOB), 0),
			Error::<Test>::NotAllowed
		);
		let all = <<Test as Config>::SharesPerDat as frame_support::traits::Get<u128>>::get();
		assert_ok!(Dat::transfer_shares(RuntimeOrigin::signed(ALICE), dat, CHARLIE, all));
		assert_ok!(Dat::retire(RuntimeOrigin::signed(CHARLIE), dat));
	});
}

#[test]
fn other_pallets_grant_and_revoke_through_the_trait() {
	new_test_ext().execute_with(|| {
		let dat = anchor_with(ALICE, 0, &[], allow(&[]));
		let idao = Consumer::Idao(3);
		assert_noop!(
			<Dat as DatAccess<_, _, _>>::grant(&BOB, dat, idao.clone(), terms(4, None)),
			Error::<Test>::NotController
		);
		assert_ok!(<Dat as DatAccess<_, _, _>>::grant(&ALICE, dat, idao.clone(), terms(4, None)));
		assert_ok!(Dat::use_paid(dat, &idao, &BOB, 4));
		assert_eq!(claimable(ALICE, dat), 4);
		assert_ok!(<Dat as DatAccess<_, _, _>>::revoke(&ALICE, dat, &idao));
		assert_noop!(Dat::use_paid(dat, &idao, &BOB, 4), Error::<Test>::NotAllowed);
	});
}

#[test]
fn a_model_uses_data_through_the_account_allowed_to_act_for_it() {
	new_test_ext().execute_with(|| {
		let model = Consumer::Model(MODEL);
		let dat = anchor_with(ALICE, 0, &[], allow(std::slice::from_ref(&model)));
		assert_noop!(
			Dat::use_data(RuntimeOrigin::signed(BOB), dat, model.clone(), 0),
			Error::<Test>::NotConsumer
		);
		assert_ok!(Dat::use_data(RuntimeOrigin::signed(MODEL_OPERATOR), dat, model.clone(), 0));
		assert_eq!(ConsumerRecords::<Test>::get(dat, &model).unwrap().uses, 1);
	});
}

#[test]
fn a_frozen_dat_cannot_be_used_but_its_holders_still_claim() {
	new_test_ext().execute_with(|| {
		let dat = anchor_with(ALICE, 0, &[], priced(40));
		assert_ok!(Dat::use_data(RuntimeOrigin::signed(BOB), dat, account(BOB), 40));
		assert_ok!(Dat::freeze(RuntimeOrigin::root(), dat));
		assert_eq!(last_event(), DatEvent::Frozen { dat });
		assert_noop!(
			Dat::use_data(RuntimeOrigin::signed(BOB), dat, account(BOB), 40),
			Error::<Test>::DatFrozen
		);
		assert_noop!(
			Dat::buy_credits(RuntimeOrigin::signed(BOB), dat, 1, 40),
			Error::<Test>::DatFrozen
		);
		assert_ok!(Dat::claim_revenue(RuntimeOrigin::signed(ALICE), dat));
		assert_ok!(Dat::unfreeze(RuntimeOrigin::root(), dat));
		assert_eq!(last_event(), DatEvent::Unfrozen { dat });
		assert_ok!(Dat::use_data(RuntimeOrigin::signed(BOB), dat, account(BOB), 40));
	});
}

#[test]
fn freezing_is_for_the_freeze_origin_and_flips_once() {
	new_test_ext().execute_with(|| {
		let dat = anchor(ALICE, 0);
		assert_noop!(Dat::freeze(RuntimeOrigin::signed(ALICE), dat), DispatchError::BadOrigin);
		assert_noop!(Dat::unfreeze(RuntimeOrigin::root(), dat), Error::<Test>::NotFrozen);
		assert_ok!(Dat::freeze(RuntimeOrigin::root(), dat));
		assert_noop!(Dat::freeze(RuntimeOrigin::root(), dat), Error::<Test>::DatFrozen);
		assert_noop!(Dat::unfreeze(RuntimeOrigin::signed(ALICE), dat), DispatchError::BadOrigin);
		assert_noop!(Dat::freeze(RuntimeOrigin::root(), 9), Error::<Test>::UnknownDat);
		assert_noop!(
			Dat::set_policy(RuntimeOrigin::signed(ALICE), dat, Default::default()),
			Error::<Test>::DatFrozen
		);
	});
}

// ---- royalties ----

#[test]
fn royalties_go_to_the_parents_one_level_per_payment() {
	new_test_ext().execute_with(|| {
		let root = anchor(DAVE, 0);
		let base = anchor_with(ALICE, 1, &[(root, Derivation::Transform)], with_royalty(0, 20));
		let labels = anchor(BOB, 2);
		let child = anchor_with(
			CHARLIE,
			3,
			&[(base, Derivation::Subset), (labels, Derivation::Annotation)],
			with_royalty(1_000, 10),
		);
		assert_ok!(Dat::use_data(RuntimeOrigin::signed(DAVE), child, account(DAVE), 1_000));
		// 10% of 1000 to the two parents, 50 each; the child's holders keep 900.
		assert_eq!(claimable(CHARLIE, child), 900);
		assert_eq!(claimable(BOB, labels), 50);
		// `base` keeps 20% of its 50 for its own parent until it is next paid out.
		assert_eq!(claimable(ALICE, base), 40);
		assert_eq!(RevenuePools::<Test>::get(base).upstream, 10);
		assert_eq!(claimable(DAVE, root), 0);
		assert!(dat_events().contains(&DatEvent::RoyaltyPaid {
			from: child,
			to: base,
			amount: 50
		}));

		assert_ok!(Dat::claim_revenue(RuntimeOrigin::signed(ALICE), base));
		assert_eq!(last_event(), DatEvent::RevenueClaimed { dat: base, who: ALICE, amount: 40 });
		assert!(dat_events().contains(&DatEvent::RoyaltyPaid { from: base, to: root, amount: 10 }));
		assert_eq!(claimable(DAVE, root), 10);
		assert_eq!(RevenuePools::<Test>::get(base).upstream, 0);
	});
}

#[test]
fn royalty_split_remainders_are_not_lost() {
	new_test_ext().execute_with(|| {
		let a = anchor(ALICE, 0);
		let b = anchor(BOB, 1);
		let c = anchor(CHARLIE, 2);
		let from = [(a, Derivation::Merge), (b, Derivation::Merge), (c, Derivation::Merge)];
		let child = anchor_with(DAVE, 3, &from, with_royalty(100, 50));
		assert_ok!(Dat::use_data(RuntimeOrigin::signed(DAVE), child, account(DAVE), 100));
		assert_eq!(claimable(ALICE, a) + claimable(BOB, b) + claimable(CHARLIE, c), 50);
		// 50 split three ways: 16 each, and the remainder of 2 to the first parent.
		assert_eq!((claimable(ALICE, a), claimable(BOB, b)), (18, 16));
	});
}

#[test]
fn uses_and_purchases_are_charged_for_the_parents_they_pay_and_what_the_hook_took() {
	new_test_ext().execute_with(|| {
		let from = [(anchor(ALICE, 0), Derivation::Merge), (anchor(BOB, 1), Derivation::Merge)];
		let paid = anchor_with(DAVE, 2, &from, with_royalty(100, 50));
		let free = anchor_with(DAVE, 3, &from, Default::default());
		let use_weight = |parents, hook| <() as WeightInfo>::use_data(parents).saturating_add(hook);
		let purchase_weight =
			|parents, hook| <() as WeightInfo>::buy_credits(parents).saturating_add(hook);
		let used = |result: DispatchResultWithPostInfo| result.unwrap().actual_weight.unwrap();
		let signed = RuntimeOrigin::signed;

		// Charged up front for every parent a DAT may have and the most the use hook may take.
		let call = Call::<Test>::use_data { dat: paid, consumer: account(BOB), max_price: 100 };
		assert_eq!(call.get_dispatch_info().call_weight, use_weight(MAX_PARENTS, HOOK_MOST));
		let call = Call::<Test>::buy_credits { dat: paid, credits: 2, max_price: 100 };
		assert_eq!(call.get_dispatch_info().call_weight, purchase_weight(MAX_PARENTS, HOOK_MOST));
		// A paid use and a purchase pay both parents; a free use and a spent credit pay none.
		let paid_use = used(Dat::use_data(signed(BOB), paid, account(BOB), 100));
		assert_eq!(paid_use, use_weight(2, HOOK_USED));
		assert_eq!(
			used(Dat::use_data(signed(BOB), free, account(BOB), 0)),
			use_weight(0, HOOK_USED)
		);
		let purchase = used(Dat::buy_credits(signed(CHARLIE), paid, 2, 100));
		assert_eq!(purchase, purchase_weight(2, HOOK_USED));
		let spent = used(Dat::use_data(signed(CHARLIE), paid, account(CHARLIE), 0));
		assert_eq!(spent, use_weight(0, HOOK_USED));
		assert!(paid_use.all_lt(use_weight(MAX_PARENTS, HOOK_MOST)));
	});
}

// ---- credits ----

#[test]
fn credits_are_bought_at_the_price_and_spent_before_paying() {
	new_test_ext().execute_with(|| {
		let dat = anchor_with(ALICE, 0, &[], priced(30));
		assert_ok!(Dat::buy_credits(RuntimeOrigin::signed(BOB), dat, 3, 30));
		assert_eq!(last_event(), DatEvent::CreditsBought { dat, buyer: BOB, credits: 3, paid: 90 });
		assert_eq!(claimable(ALICE, dat), 90);
		let free = Balances::balance(&BOB);
		assert_ok!(Dat::use_data(RuntimeOrigin::signed(BOB), dat, account(BOB), 0));
		assert_eq!(
			last_event(),
			DatEvent::Used { dat, consumer: account(BOB), payer: BOB, paid: 0, credit_spent: true }
		);
		assert_eq!(Balances::balance(&BOB), free);
		let record = ConsumerRecords::<Test>::get(dat, account(BOB)).unwrap();
		assert_eq!((record.uses, record.credits), (1, 2));
		assert_eq!(Dats::<Test>::get(dat).unwrap().uses_sold, 3);
	});
}

#[test]
fn the_use_hook_hears_every_use_and_credit_purchase_with_what_was_paid() {
	new_test_ext().execute_with(|| {
		let dat = anchor_with(ALICE, 0, &[], priced(30));
		assert_ok!(Dat::buy_credits(RuntimeOrigin::signed(BOB), dat, 2, 30));
		assert_ok!(Dat::use_data(RuntimeOrigin::signed(BOB), dat, account(BOB), 0));
		assert_ok!(Dat::use_data(RuntimeOrigin::signed(CHARLIE), dat, account(CHARLIE), 30));
		assert_ok!(<Dat as DatUsage<_>>::record_use(dat, &account(DAVE), &DAVE));
		assert_eq!(
			heard_uses(),
			vec![(dat, BOB, 0, 60), (dat, BOB, 1, 0), (dat, CHARLIE, 1, 30), (dat, DAVE, 1, 0)]
		);
		// A refused use is not heard.
		assert!(Dat::use_data(RuntimeOrigin::signed(DAVE), dat, account(DAVE), 29).is_err());
		assert_eq!(heard_uses().len(), 4);
	});
}

#[test]
fn credit_purchases_are_checked() {
	new_test_ext().execute_with(|| {
		let dat = anchor_with(
			ALICE,
			0,
			&[],
			UsagePolicy { price: 10, max_uses: Some(2), ..Default::default() },
		);
		let buy =
			|who, credits, max| Dat::buy_credits(RuntimeOrigin::signed(who), dat, credits, max);
		assert_noop!(buy(BOB, 0, 10), Error::<Test>::ZeroAmount);
		assert_noop!(buy(BOB, 1, 9), Error::<Test>::PriceAboveMax);
		assert_noop!(buy(BOB, 3, 10), Error::<Test>::CapReached);
		assert_noop!(buy(BOB, u64::MAX, 10), Error::<Test>::CapReached);
		let listed = anchor_with(ALICE, 1, &[], allow(&[account(BOB)]));
		assert_noop!(
			Dat::buy_credits(RuntimeOrigin::signed(CHARLIE), listed, 1, 0),
			Error::<Test>::NotAllowed
		);
		assert_noop!(
			Dat::buy_credits(RuntimeOrigin::signed(BOB), 9, 1, 0),
			Error::<Test>::UnknownDat
		);
	});
}

#[test]
fn credits_can_be_given_to_another_consumer() {
	new_test_ext().execute_with(|| {
		let model = Consumer::Model(MODEL);
		let dat = anchor_with(ALICE, 0, &[], priced(10));
		assert_ok!(Dat::buy_credits(RuntimeOrigin::signed(BOB), dat, 2, 10));
		let before = reserved(BOB);
		assert_ok!(Dat::transfer_credits(RuntimeOrigin::signed(BOB), dat, model.clone(), 2));
		assert_eq!(
			last_event(),
			DatEvent::CreditsTransferred { dat, from: BOB, to: model.clone(), credits: 2 }
		);
		assert_eq!(reserved(BOB), before + RECORD_DEPOSIT);
		assert_ok!(Dat::use_data(RuntimeOrigin::signed(MODEL_OPERATOR), dat, model.clone(), 0));
		assert_eq!(ConsumerRecords::<Test>::get(dat, &model).unwrap().credits, 1);

		let give = |from, to, credits| {
			Dat::transfer_credits(RuntimeOrigin::signed(from), dat, to, credits)
		};
		assert_noop!(give(BOB, account(CHARLIE), 1), Error::<Test>::InsufficientCredits);
		assert_noop!(give(CHARLIE, account(BOB), 1), Error::<Test>::InsufficientCredits);
		assert_noop!(give(BOB, account(BOB), 1), Error::<Test>::SelfTransfer);
		assert_noop!(give(BOB, account(CHARLIE), 0), Error::<Test>::ZeroAmount);
	});
}

// ---- proofs ----

#[test]
fn zk_proofs_need_a_verified_statement_and_reports_are_stored_unverified() {
	new_test_ext().execute_with(|| {
		let dat = anchor(ALICE, 0);
		let statement = H256::repeat_byte(7);
		let attach = |who, kind, reference| {
			Dat::attach_proof(RuntimeOrigin::signed(who), dat, kind, reference, uri("https://r"))
		};
		assert_noop!(
			attach(ALICE, ProofKind::ZkProof, statement),
			Error::<Test>::StatementNotVerified
		);
		verify_statement(statement);
		assert_noop!(attach(BOB, ProofKind::ZkProof, statement), Error::<Test>::NotController);
		let before = reserved(ALICE);
		assert_ok!(attach(ALICE, ProofKind::ZkProof, statement));
		assert_eq!(
			last_event(),
			DatEvent::ProofAttached {
				dat,
				kind: ProofKind::ZkProof,
				reference: statement,
				verified: true
			}
		);
		assert!(reserved(ALICE) > before);
		assert_ok!(attach(ALICE, ProofKind::TeeReport, H256::repeat_byte(1)));
		let proofs = Proofs::<Test>::get(dat);
		assert_eq!(proofs.iter().map(|p| p.verified).collect::<Vec<_>>(), vec![true, false]);
		assert_noop!(
			attach(ALICE, ProofKind::Attestation, H256::zero()),
			Error::<Test>::TooManyProofs
		);
		let view = Dat::dat_view(dat).unwrap();
		assert_eq!(view.proofs.len(), 2);
		assert_eq!(view.proofs[1].uri, "https://r");
	});
}

// ---- claims ----

#[test]
fn holders_claim_pro_rata_and_moving_shares_keeps_what_was_earned() {
	new_test_ext().execute_with(|| {
		let dat = anchor_with(ALICE, 0, &[], priced(1_000));
		assert_ok!(Dat::use_data(RuntimeOrigin::signed(CHARLIE), dat, account(CHARLIE), 1_000));
		assert_ok!(Dat::transfer_shares(RuntimeOrigin::signed(ALICE), dat, BOB, SHARES / 4));
		assert_ok!(Dat::use_data(RuntimeOrigin::signed(CHARLIE), dat, account(CHARLIE), 1_000));
		assert_eq!(claimable(ALICE, dat), 1_750);
		assert_eq!(claimable(BOB, dat), 250);
		let alice = Balances::balance(&ALICE);
		assert_ok!(Dat::claim_revenue(RuntimeOrigin::signed(ALICE), dat));
		assert_eq!(Balances::balance(&ALICE), alice + 1_750);
		assert_noop!(
			Dat::claim_revenue(RuntimeOrigin::signed(ALICE), dat),
			Error::<Test>::NothingToClaim
		);
		assert_noop!(
			Dat::claim_revenue(RuntimeOrigin::signed(DAVE), dat),
			Error::<Test>::NothingToClaim
		);
		assert_noop!(
			Dat::claim_revenue(RuntimeOrigin::signed(ALICE), 9),
			Error::<Test>::UnknownDat
		);
		// Bob sells out but keeps what he earned until he claims it.
		assert_ok!(Dat::transfer_shares(RuntimeOrigin::signed(BOB), dat, DAVE, SHARES / 4));
		assert_eq!(claimable(BOB, dat), 250);
		assert_ok!(Dat::claim_revenue(RuntimeOrigin::signed(BOB), dat));
		assert!(Holdings::<Test>::get(BOB, dat).is_none());
	});
}

// ---- retire and records ----

#[test]
fn retiring_returns_the_deposit_and_frees_the_content_hash() {
	new_test_ext().execute_with(|| {
		let parent = anchor(ALICE, 0);
		let child = anchor_with(BOB, 1, &[(parent, Derivation::Subset)], Default::default());
		assert_noop!(Dat::retire(RuntimeOrigin::signed(ALICE), parent), Error::<Test>::HasChildren);
		assert_noop!(
			Dat::retire(RuntimeOrigin::signed(ALICE), child),
			Error::<Test>::NotController
		);
		assert_ok!(Dat::retire(RuntimeOrigin::signed(BOB), child));
		assert_eq!(last_event(), DatEvent::Retired { dat: child });
		assert_eq!(reserved(BOB), 0);
		assert!(!Dat::exists(child));
		assert_eq!(Children::<Test>::get(parent, child), None);
		assert_eq!(Dats::<Test>::get(parent).unwrap().children, 0);
		assert_ok!(Dat::retire(RuntimeOrigin::signed(ALICE), parent));
		assert_eq!(reserved(ALICE), 0);
		assert_eq!(Dat::dat_by_content_hash(content(0)), None);
		anchor(CHARLIE, 0);
	});
}

#[test]
fn retiring_needs_every_share_and_nothing_left_to_claim() {
	new_test_ext().execute_with(|| {
		let dat = anchor_with(ALICE, 0, &[], priced(10));
		assert_ok!(Dat::transfer_shares(RuntimeOrigin::signed(ALICE), dat, BOB, 1));
		assert_noop!(Dat::retire(RuntimeOrigin::signed(ALICE), dat), Error::<Test>::SharesSpread);
		assert_ok!(Dat::transfer_shares(RuntimeOrigin::signed(BOB), dat, ALICE, 1));
		assert_ok!(Dat::use_data(RuntimeOrigin::signed(CHARLIE), dat, account(CHARLIE), 10));
		assert_noop!(Dat::retire(RuntimeOrigin::signed(ALICE), dat), Error::<Test>::PendingRevenue);
		assert_ok!(Dat::claim_revenue(RuntimeOrigin::signed(ALICE), dat));
		assert_ok!(Dat::freeze(RuntimeOrigin::root(), dat));
		assert_noop!(Dat::retire(RuntimeOrigin::signed(ALICE), dat), Error::<Test>::DatFrozen);
		assert_ok!(Dat::unfreeze(RuntimeOrigin::root(), dat));
		assert_ok!(Dat::retire(RuntimeOrigin::signed(ALICE), dat));
	});
}

#[test]
fn consumer_records_of_a_retired_dat_can_be_cleared() {
	new_test_ext().execute_with(|| {
		let dat = anchor(ALICE, 0);
		assert_ok!(Dat::use_data(RuntimeOrigin::signed(BOB), dat, account(BOB), 0));
		assert_noop!(
			Dat::clear_record(RuntimeOrigin::signed(CHARLIE), dat, account(BOB)),
			Error::<Test>::NotRetired
		);
		assert_ok!(Dat::retire(RuntimeOrigin::signed(ALICE), dat));
		assert_eq!(reserved(BOB), RECORD_DEPOSIT);
		assert_ok!(Dat::clear_record(RuntimeOrigin::signed(CHARLIE), dat, account(BOB)));
		assert_eq!(last_event(), DatEvent::RecordCleared { dat, consumer: account(BOB) });
		assert_eq!(reserved(BOB), 0);
		assert_noop!(
			Dat::clear_record(RuntimeOrigin::signed(CHARLIE), dat, account(BOB)),
			Error::<Test>::UnknownRecord
		);
	});
}

// ---- lineage ----

/// A chain `0 ← 1 ← … ← len-1`, each derived from the one before.
fn chain(len: u32) -> Vec<DatId> {
	let mut ids = vec![anchor(ALICE, 0)];
	for n in 1..len {
		let prev = *ids.last().unwrap();
		ids.push(anchor_with(ALICE, n, &[(prev, Derivation::NewVersion)], Default::default()));
	}
	ids
}

#[test]
fn lineage_walks_both_ways_with_derivation_kinds() {
	new_test_ext().execute_with(|| {
		let base = anchor(ALICE, 0);
		let a = anchor_with(BOB, 1, &[(base, Derivation::Subset)], Default::default());
		let b = anchor_with(BOB, 2, &[(base, Derivation::Transform)], Default::default());
		let merged = anchor_with(
			BOB,
			3,
			&[(a, Derivation::Merge), (b, Derivation::Merge)],
			Default::default(),
		);

		let down = lineage::lineage_of::<Test>(base, LineageDirection::Descendants, 10).unwrap();
		assert_eq!(down.nodes, vec![(base, 0), (a, 1), (b, 1), (merged, 2)]);
		assert_eq!(down.edges.len(), 4);
		assert!(!down.truncated);

		let up = lineage::lineage_of::<Test>(merged, LineageDirection::Ancestors, 10).unwrap();
		assert_eq!(up.nodes, vec![(merged, 0), (a, 1), (b, 1), (base, 2)]);
		assert!(up
			.edges
			.iter()
			.any(|e| e.child == b && e.parent == base && e.how == Derivation::Transform));
		assert!(!up.truncated);
		assert_eq!(lineage::lineage_of::<Test>(99, LineageDirection::Ancestors, 10), None);
	});
}

#[test]
fn lineage_walks_say_when_a_limit_cut_them() {
	new_test_ext().execute_with(|| {
		let ids = chain(MAX_LINEAGE_NODES + 5);
		let last = *ids.last().unwrap();
		let shallow = lineage::lineage_of::<Test>(last, LineageDirection::Ancestors, 3).unwrap();
		assert_eq!(shallow.nodes.len(), 4);
		assert!(shallow.truncated);
		let deep =
			lineage::lineage_of::<Test>(last, LineageDirection::Ancestors, u32::MAX).unwrap();
		assert_eq!(deep.nodes.len(), MAX_LINEAGE_NODES as usize);
		assert!(deep.truncated);
		let exact = lineage::lineage_of::<Test>(ids[0], LineageDirection::Descendants, 5).unwrap();
		assert_eq!(exact.nodes.len(), 6);
	});
}

// ---- traits and views ----

#[test]
fn other_pallets_record_uses_and_pay_revenue_through_the_traits() {
	new_test_ext().execute_with(|| {
		let dat = anchor_with(ALICE, 0, &[], UsagePolicy { max_uses: Some(1), ..priced(50) });
		assert_ok!(<Dat as DatUsage<_>>::record_use(dat, &Consumer::Agent(3), &BOB));
		assert_eq!(Dat::uses(dat), 1);
		assert_eq!(reserved(BOB), RECORD_DEPOSIT);
		assert_noop!(
			<Dat as DatUsage<_>>::record_use(dat, &Consumer::Agent(3), &BOB),
			Error::<Test>::CapReached
		);
		assert_ok!(<Dat as DatRevenue<_, _>>::pay(&CHARLIE, dat, 70));
		assert_eq!(last_event(), DatEvent::RevenuePaid { dat, from: CHARLIE, amount: 70 });
		assert_eq!(claimable(ALICE, dat), 70);
		assert_noop!(<Dat as DatRevenue<_, _>>::pay(&CHARLIE, dat, 0), Error::<Test>::ZeroAmount);
		assert_noop!(<Dat as DatRevenue<_, _>>::pay(&CHARLIE, 8, 1), Error::<Test>::UnknownDat);
		assert_eq!(<Dat as DatInspect<_>>::kind(dat), Some(DataKind::Dataset));
		assert_eq!(<Dat as DatInspect<_>>::total_shares(), SHARES);
	});
}

#[test]
fn views_show_a_dat_its_usage_and_an_accounts_holdings() {
	new_test_ext().execute_with(|| {
		let dat = anchor_with(ALICE, 0, &[], priced(20));
		assert_ok!(Dat::buy_credits(RuntimeOrigin::signed(BOB), dat, 2, 20));
		assert_ok!(Dat::use_data(RuntimeOrigin::signed(BOB), dat, account(BOB), 20));
		assert_ok!(Dat::transfer_shares(RuntimeOrigin::signed(ALICE), dat, CHARLIE, SHARES / 2));
		let view = Dat::dat_view(dat).unwrap();
		assert_eq!(view.uri, "ipfs://bafy");
		assert_eq!((view.uses, view.uses_sold, view.revenue), (1, 2, 40));
		assert_eq!(view.policy.price, 20);
		assert_eq!(view.policy.allow_list, None);
		let usage = Dat::usage_view(dat).unwrap();
		assert_eq!(usage.consumers.len(), 1);
		assert_eq!((usage.consumers[0].uses, usage.consumers[0].credits), (1, 1));
		assert!(!usage.truncated);
		let holdings = Dat::holdings_view(&ALICE);
		assert_eq!(holdings.len(), 1);
		assert_eq!((holdings[0].shares, holdings[0].claimable), (SHARES / 2, 40));
		assert_eq!(Dat::holdings_view(&CHARLIE)[0].claimable, 0);
		assert!(Dat::dat_view(9).is_none());
	});
}

// ---- property: revenue is never created or lost ----

/// A small deterministic generator, so a failing sequence can be replayed from its seed.
struct Rng(u64);
impl Rng {
	fn next(&mut self, below: u64) -> u64 {
		self.0 ^= self.0 << 13;
		self.0 ^= self.0 >> 7;
		self.0 ^= self.0 << 17;
		self.0 % below.max(1)
	}
}

#[test]
fn random_anchor_transfer_use_claim_sequences_conserve_revenue() {
	const ACTORS: [AccountId; 4] = [ALICE, BOB, CHARLIE, DAVE];
	for seed in 1..=60u64 {
		new_test_ext().execute_with(|| {
			let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
			let issuance = Balances::total_issuance();
			let pot_at_start = pot();
			let (mut paid, mut claimed) = (0u128, 0u128);
			let mut live: Vec<DatId> = Vec::new();
			for step in 0..80u32 {
				let who = ACTORS[rng.next(4) as usize];
				let pick = |rng: &mut Rng| live[rng.next(live.len() as u64) as usize];
				match rng.next(6) {
					0 => {
						let count = rng.next(live.len().min(MAX_PARENTS as usize) as u64 + 1);
						let mut from: Vec<(DatId, Derivation)> = Vec::new();
						for _ in 0..count {
							let parent = pick(&mut rng);
							if !from.iter().any(|(p, _)| *p == parent) {
								from.push((parent, Derivation::Merge));
							}
						}
						let policy = with_royalty(rng.next(1_000) as Balance, rng.next(101) as u32);
						live.push(anchor_with(who, seed as u32 * 1_000 + step, &from, policy));
					},
					1 if !live.is_empty() => {
						let dat = pick(&mut rng);
						let shares = Dat::shares_of(dat, &who);
						let to = ACTORS[rng.next(4) as usize];
						if shares > 0 && to != who {
							let amount = rng.next(shares as u64) as u128 + 1;
							assert_ok!(Dat::transfer_shares(
								RuntimeOrigin::signed(who),
								dat,
								to,
								amount
							));
						}
					},
					2 | 3 if !live.is_empty() => {
						let dat = pick(&mut rng);
						let before = Balances::balance(&who);
						let record_before =
							ConsumerRecords::<Test>::contains_key(dat, account(who));
						assert_ok!(Dat::use_data(
							RuntimeOrigin::signed(who),
							dat,
							account(who),
							Balance::MAX
						));
						let deposit = if record_before { 0 } else { RECORD_DEPOSIT };
						paid += before - Balances::balance(&who) - deposit;
					},
					4 if !live.is_empty() => {
						let dat = pick(&mut rng);
						let credits = rng.next(3) + 1;
						let price = Dats::<Test>::get(dat).unwrap().policy.price;
						assert_ok!(Dat::buy_credits(
							RuntimeOrigin::signed(who),
							dat,
							credits,
							price
						));
						paid += price * credits as u128;
					},
					_ if !live.is_empty() => {
						let dat = pick(&mut rng);
						let before = Balances::balance(&who);
						if Dat::claim_revenue(RuntimeOrigin::signed(who), dat).is_ok() {
							claimed += Balances::balance(&who) - before;
						}
					},
					_ => {},
				}
				// What consumers paid is in the revenue account or was claimed; none was minted.
				assert_eq!(pot(), pot_at_start + paid - claimed, "seed {seed} step {step}");
				assert_eq!(Balances::total_issuance(), issuance, "seed {seed} step {step}");
				// The pools never promise more than the revenue account holds.
				let promised: u128 = Holdings::<Test>::iter()
					.map(|(holder, dat, _)| claimable(holder, dat))
					.sum::<u128>() + RevenuePools::<Test>::iter()
					.map(|(_, p)| p.upstream)
					.sum::<u128>();
				assert!(promised <= paid - claimed, "seed {seed} step {step}");
				// And what they hold back is rounding dust only: under one unit per pool and
				// per holding, live or emptied (at most one emptied per step).
				let entries =
					Holdings::<Test>::iter().count() + RevenuePools::<Test>::iter().count();
				let bound = (entries + step as usize + 1) as u128;
				assert!(paid - claimed - promised <= bound, "seed {seed} step {step}");
			}
		});
	}
}
