//! A runtime with `frame_system`, `pallet_balances` and this pallet, for its unit tests and
//! benchmarks. Evaluation results are collected so tests can see what consumers receive.

use crate as pallet_verified_computing;
use core::cell::RefCell;
use frame_support::{
	derive_impl,
	traits::{ConstU128, ConstU32},
	weights::Weight,
};
use lazai_primitives::verified::{OnVerifiedEvaluation, VerifiedEvaluation};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u128;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		VerifiedComputing: pallet_verified_computing,
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
	type ExistentialDeposit = ConstU128<1>;
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const POOR: AccountId = 3;
pub const CIRCUIT_BASE: Balance = 1_000;
pub const PER_BYTE: Balance = 1;
pub const REFERENCE: Balance = 50;
pub const STATEMENT: Balance = 20;
pub const MAX_INPUTS: u32 = 64;
pub const MAX_BATCH: u32 = 16;

thread_local! {
	/// The evaluations handed to the consumers, in order.
	pub static EVALUATIONS: RefCell<Vec<VerifiedEvaluation<AccountId>>> = const { RefCell::new(Vec::new()) };
}

/// What [`RecordEvaluations`] uses of the [`RecordEvaluations::weight`] it declares.
pub const CONSUMER_USES: Weight = Weight::from_parts(400, 0);

/// Keeps every evaluation it is given.
pub struct RecordEvaluations;
impl OnVerifiedEvaluation<AccountId> for RecordEvaluations {
	fn on_verified_evaluation(evaluation: &VerifiedEvaluation<AccountId>) -> Weight {
		EVALUATIONS.with(|seen| seen.borrow_mut().push(evaluation.clone()));
		CONSUMER_USES
	}
	fn weight() -> Weight {
		Weight::from_parts(1_000, 0)
	}
}

impl pallet_verified_computing::Config for Test {
	type Currency = Balances;
	type OnVerifiedEvaluation = RecordEvaluations;
	type MaxPublicInputs = ConstU32<MAX_INPUTS>;
	type MaxBatch = ConstU32<MAX_BATCH>;
	type MaxMetadataLen = ConstU32<64>;
	type CircuitDepositBase = ConstU128<CIRCUIT_BASE>;
	type CircuitDepositPerByte = ConstU128<PER_BYTE>;
	type ReferenceDeposit = ConstU128<REFERENCE>;
	type StatementDeposit = ConstU128<STATEMENT>;
	type WeightInfo = ();
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(ALICE, 1_000_000), (BOB, 1_000_000), (POOR, 10)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		EVALUATIONS.with(|seen| seen.borrow_mut().clear());
	});
	ext
}
