//! A runtime with balances, the real DAT pallet (so traces are recorded under real policies) and
//! this pallet. Accounts are 32 bytes, as in the runtime, so every derived account is distinct.
//! Numbers are small and round so the tests can check the formulas by hand.

use crate as pallet_agent_reputation;
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU128, ConstU32, ConstU64},
	PalletId,
};
use frame_system::EnsureRoot;
use lazai_primitives::{
	dat::{DatId, ModelId},
	models::{BenchmarkId, ModelRegistry},
	verified::VerifiedStatements,
};
use sp_core::H256;
use sp_runtime::{traits::IdentityLookup, BuildStorage, Perbill};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = sp_core::crypto::AccountId32;
pub type Balance = u128;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Dat: pallet_dat,
		AgentReputation: pallet_agent_reputation,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
	type ExistentialDeposit = ConstU128<1>;
}

parameter_types! {
	pub const DatPalletId: PalletId = PalletId(*b"lazai/dt");
	pub const AgentPalletId: PalletId = PalletId(*b"lazai/ag");
}

impl pallet_dat::Config for Test {
	type Currency = Balances;
	type PalletId = DatPalletId;
	type FreezeOrigin = EnsureRoot<AccountId>;
	type ConsumerAuthority = AgentReputation;
	type VerifiedStatements = ();
	type OnUse = ();
	type SharesPerDat = ConstU128<1_000_000>;
	type MaxUriLen = ConstU32<64>;
	type MaxParents = ConstU32<4>;
	type MaxAllowed = ConstU32<4>;
	type MaxGrants = ConstU32<2>;
	type MaxProofs = ConstU32<2>;
	type MaxLineageNodes = ConstU32<40>;
	type DepositBase = ConstU128<100>;
	type DepositPerByte = ConstU128<1>;
	type RecordDeposit = ConstU128<10>;
	type WeightInfo = ();
}

/// The one registered model in these tests.
pub const MODEL: ModelId = 7;

/// Model [`MODEL`] exists; no other does.
pub struct TestModels;
impl ModelRegistry for TestModels {
	fn training_data(model: ModelId) -> Option<Vec<DatId>> {
		(model == MODEL).then(Vec::new)
	}
	fn base_model(_model: ModelId) -> Option<ModelId> {
		None
	}
	fn benchmark(_circuit: &H256, _dataset: DatId) -> Option<(BenchmarkId, bool)> {
		None
	}
	fn latest_score(_model: ModelId, _benchmark: BenchmarkId) -> Option<u32> {
		None
	}
}

thread_local! {
	static VERIFIED: RefCell<Vec<H256>> = const { RefCell::new(Vec::new()) };
}

/// Mark `statement` as verified by the chain.
pub fn verify_statement(statement: H256) {
	VERIFIED.with(|verified| verified.borrow_mut().push(statement));
}

/// Statements the test marked with [`verify_statement`].
pub struct TestStatements;
impl VerifiedStatements for TestStatements {
	fn is_verified(statement: &H256) -> bool {
		VERIFIED.with(|verified| verified.borrow().contains(statement))
	}
}

pub const MIN_BOND: Balance = 1_000;
pub const TASK_DEPOSIT: Balance = 10;
pub const CLIENT_DEPOSIT: Balance = 5;
pub const MIN_PAYMENT: Balance = 100;
pub const RATING_PERIOD: u64 = 10;
pub const UNBONDING_PERIOD: u64 = 20;
pub const MAX_OPEN_TASKS: u32 = 3;
pub const PRIOR_WEIGHT: Balance = 1_000;
pub const DECAY_PERIOD: u64 = 10;

parameter_types! {
	pub const TraceShare: Perbill = Perbill::from_percent(10);
	pub const ReleaseFee: Perbill = Perbill::from_percent(2);
	pub const DisputeSlash: Perbill = Perbill::from_percent(10);
	pub const DecayPerPeriod: Perbill = Perbill::from_percent(50);
	pub const BaseStanding: Perbill = Perbill::from_percent(50);
}

impl pallet_agent_reputation::Config for Test {
	type Currency = Balances;
	type Dat = Dat;
	type Models = TestModels;
	type VerifiedStatements = TestStatements;
	type ReleaseFeeDestination = ();
	type PalletId = AgentPalletId;
	type MinBond = ConstU128<MIN_BOND>;
	type TaskDeposit = ConstU128<TASK_DEPOSIT>;
	type ClientDeposit = ConstU128<CLIENT_DEPOSIT>;
	type MinPayment = ConstU128<MIN_PAYMENT>;
	type MaxTaskDuration = ConstU64<100>;
	type RatingPeriod = ConstU64<RATING_PERIOD>;
	type UnbondingPeriod = ConstU64<UNBONDING_PERIOD>;
	type MaxOpenTasks = ConstU32<MAX_OPEN_TASKS>;
	type MaxTraceLen = ConstU32<3>;
	type MaxUriLen = ConstU32<32>;
	type TraceShare = TraceShare;
	type ReleaseFee = ReleaseFee;
	type DisputeSlash = DisputeSlash;
	type EvidenceMultiplier = ConstU32<2>;
	type MaxCountedPayment = ConstU128<10_000>;
	type PriorWeight = ConstU128<PRIOR_WEIGHT>;
	type DecayPeriod = ConstU64<DECAY_PERIOD>;
	type DecayPerPeriod = DecayPerPeriod;
	type BaseStanding = BaseStanding;
	type StandingPrior = ConstU128<1_000>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockHelper;
	type WeightInfo = ();
}

/// Anchors DATs through the real DAT pallet and marks statements verified, for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockHelper;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for MockHelper {
	fn anchor(owner: &AccountId, seed: u32) -> DatId {
		use frame_support::traits::Currency;
		let _ = Balances::deposit_creating(owner, ENDOWMENT);
		let dat = pallet_dat::NextDatId::<Test>::get();
		let mut content = [0u8; 32];
		content[..4].copy_from_slice(&seed.to_le_bytes());
		Dat::anchor(
			RuntimeOrigin::signed(owner.clone()),
			content.into(),
			b"ipfs://bench".to_vec().try_into().expect("short"),
			lazai_primitives::dat::DataKind::Dataset,
			Default::default(),
			Default::default(),
		)
		.expect("a fresh DAT anchors");
		dat
	}

	fn verified_statement() -> H256 {
		let statement = H256::repeat_byte(0xbe);
		verify_statement(statement);
		statement
	}

	fn model(_owner: &AccountId) -> ModelId {
		MODEL
	}
}

pub const ALICE: AccountId = AccountId::new([1; 32]);
pub const BOB: AccountId = AccountId::new([2; 32]);
pub const CHARLIE: AccountId = AccountId::new([3; 32]);
pub const DAVE: AccountId = AccountId::new([4; 32]);
pub const EVE: AccountId = AccountId::new([5; 32]);
/// The test account numbered `n` (1 to 5 are Alice to Eve).
pub fn account(n: u8) -> AccountId {
	AccountId::new([n; 32])
}

/// What every test account starts with.
pub const ENDOWMENT: Balance = 1_000_000;

/// Balances for [`ALICE`] to [`EVE`], the escrow account created, at block 1 so events are
/// recorded.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [ALICE, BOB, CHARLIE, DAVE, EVE]
			.into_iter()
			.map(|who| (who, ENDOWMENT))
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_dat::GenesisConfig::<Test>::default().assimilate_storage(&mut storage).unwrap();
	pallet_agent_reputation::GenesisConfig::<Test>::default()
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
