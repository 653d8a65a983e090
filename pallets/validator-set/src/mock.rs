//! A runtime with only `frame_system` and this pallet, for its unit tests and benchmarks.

use crate as pallet_validator_set;
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		ValidatorSet: pallet_validator_set,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type DbWeight = frame_support::weights::constants::ParityDbWeight;
}

parameter_types! {
	pub const MinValidators: u32 = 2;
	pub const DefaultSessionLength: u64 = 10;
	pub const MinSessionLength: u64 = 3;
}

impl pallet_validator_set::Config for Test {
	type ValidatorOrigin = EnsureRoot<u64>;
	type MaxValidators = ConstU32<4>;
	type MinValidators = MinValidators;
	type DefaultSessionLength = DefaultSessionLength;
	type MinSessionLength = MinSessionLength;
	type WeightInfo = ();
}

/// The validators the test chain starts with.
pub const GENESIS_VALIDATORS: [u64; 2] = [1, 2];

/// State with [`GENESIS_VALIDATORS`] as the set, at block 1 so events are recorded.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_validator_set::GenesisConfig::<Test> {
		initial_validators: GENESIS_VALIDATORS.to_vec(),
		session_length: None,
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
