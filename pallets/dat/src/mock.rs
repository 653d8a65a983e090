//! A runtime with `frame_system`, `pallet_balances` and this pallet, for its unit tests and
//! benchmarks.

use crate as pallet_dat;
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU128, ConstU32},
	weights::Weight,
	PalletId,
};
use frame_system::EnsureRoot;
use lazai_primitives::{
	dat::{Consumer, ConsumerAuthority, DatId, OnDatUse},
	verified::VerifiedStatements,
};
use sp_core::H256;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u128;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Dat: pallet_dat,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type RuntimeHoldReason = RuntimeHoldReason;
}

/// The account that may act as model [`MODEL`] in these tests.
pub const MODEL_OPERATOR: AccountId = 7;
/// The model [`MODEL_OPERATOR`] acts for.
pub const MODEL: u64 = 1;

/// Accounts act as themselves; [`MODEL_OPERATOR`] also acts as model [`MODEL`].
pub struct TestConsumerAuthority;
impl ConsumerAuthority<AccountId> for TestConsumerAuthority {
	fn may_act_as(who: &AccountId, consumer: &Consumer<AccountId>) -> bool {
		match consumer {
			Consumer::Account(account) => account == who,
			Consumer::Model(model) => *who == MODEL_OPERATOR && *model == MODEL,
			_ => false,
		}
	}
}

thread_local! {
	static VERIFIED: RefCell<Vec<H256>> = const { RefCell::new(Vec::new()) };
}

/// Statements the test marks verified with [`verify_statement`].
pub struct TestStatements;
impl VerifiedStatements for TestStatements {
	fn is_verified(statement: &H256) -> bool {
		VERIFIED.with(|verified| verified.borrow().contains(statement))
	}
}

thread_local! {
	static USES: RefCell<Vec<(DatId, AccountId, u64, Balance)>> = const { RefCell::new(Vec::new()) };
}

/// What the use hook says it took, and the most it may take.
pub const HOOK_USED: Weight = Weight::from_parts(1_000_000, 0);
pub const HOOK_MOST: Weight = Weight::from_parts(5_000_000, 0);

/// Keeps what the use hook heard, for [`heard_uses`].
pub struct HeardUses;
impl OnDatUse<AccountId, Balance> for HeardUses {
	fn on_use(dat: DatId, payer: &AccountId, uses: u64, paid: Balance) -> Weight {
		USES.with(|heard| heard.borrow_mut().push((dat, *payer, uses, paid)));
		HOOK_USED
	}
	fn weight() -> Weight {
		HOOK_MOST
	}
}

/// What the use hook heard so far: `(dat, payer, uses, paid)`, oldest first.
pub fn heard_uses() -> Vec<(DatId, AccountId, u64, Balance)> {
	USES.with(|heard| heard.borrow().clone())
}

/// Mark `statement` as verified, as the verified computing pallet would.
pub fn verify_statement(statement: H256) {
	VERIFIED.with(|verified| verified.borrow_mut().push(statement));
}

pub const EXISTENTIAL_DEPOSIT: Balance = 1;
pub const SHARES: u128 = 1_000_000;
pub const DEPOSIT_BASE: Balance = 100;
pub const DEPOSIT_PER_BYTE: Balance = 1;
pub const RECORD_DEPOSIT: Balance = 10;
pub const MAX_PARENTS: u32 = 4;
pub const MAX_LINEAGE_NODES: u32 = 40;

parameter_types! {
	pub const DatPalletId: PalletId = PalletId(*b"lazai/dt");
}

impl pallet_dat::Config for Test {
	type Currency = Balances;
	type PalletId = DatPalletId;
	type FreezeOrigin = EnsureRoot<AccountId>;
	type ConsumerAuthority = TestConsumerAuthority;
	type VerifiedStatements = TestStatements;
	type OnUse = HeardUses;
	type SharesPerDat = ConstU128<SHARES>;
	type MaxUriLen = ConstU32<64>;
	type MaxParents = ConstU32<MAX_PARENTS>;
	type MaxAllowed = ConstU32<4>;
	type MaxGrants = ConstU32<2>;
	type MaxProofs = ConstU32<2>;
	type MaxLineageNodes = ConstU32<MAX_LINEAGE_NODES>;
	type DepositBase = ConstU128<DEPOSIT_BASE>;
	type DepositPerByte = ConstU128<DEPOSIT_PER_BYTE>;
	type RecordDeposit = ConstU128<RECORD_DEPOSIT>;
	type WeightInfo = ();
}

/// Every account in these tests starts with this much.
pub const ENDOWMENT: Balance = 1_000_000;
/// The accounts the tests use.
pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;

/// Funded accounts, the revenue account created, at block 1 so events are recorded.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [ALICE, BOB, CHARLIE, DAVE, MODEL_OPERATOR]
			.into_iter()
			.map(|who| (who, ENDOWMENT))
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_dat::GenesisConfig::<Test>::default().assimilate_storage(&mut storage).unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
