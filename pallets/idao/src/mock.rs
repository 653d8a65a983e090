//! A runtime with balances, the real DAT pallet (so proposals can govern DATs) and this pallet.
//! Accounts are 32 bytes, as in the runtime, so every derived account is distinct.

use crate as pallet_idao;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU128, ConstU32, ConstU64},
	weights::Weight,
	PalletId,
};
use frame_system::EnsureRoot;
use sp_runtime::{traits::IdentityLookup, BuildStorage, Perbill};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = sp_core::crypto::AccountId32;
pub type Balance = u128;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Dat: pallet_dat,
		Idao: pallet_idao,
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
	pub const IdaoPalletId: PalletId = PalletId(*b"lazai/id");
}

parameter_types! {
	/// A test may lower it to see a heavy call refused.
	pub static MaxCallWeight: Weight = Weight::from_parts(1_000_000_000_000, 1024 * 1024);
}

impl pallet_dat::Config for Test {
	type Currency = Balances;
	type PalletId = DatPalletId;
	type FreezeOrigin = EnsureRoot<AccountId>;
	type ConsumerAuthority = Idao;
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

pub const IDAO_DEPOSIT: Balance = 500;
pub const PROPOSAL_DEPOSIT: Balance = 50;
pub const MAX_MEMBERS: u32 = 5;
pub const MAX_OPEN_PROPOSALS: u32 = 3;
pub const MIN_VOTING_PERIOD: u64 = 5;
pub const MAX_VOTING_PERIOD: u64 = 100;
pub const MAX_CALL_LEN: u32 = 256;

impl pallet_idao::Config for Test {
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type Dat = Dat;
	type PalletId = IdaoPalletId;
	type IdaoDeposit = ConstU128<IDAO_DEPOSIT>;
	type ProposalDeposit = ConstU128<PROPOSAL_DEPOSIT>;
	type MaxMembers = ConstU32<MAX_MEMBERS>;
	type MaxMetadataLen = ConstU32<32>;
	type MaxCallLen = ConstU32<MAX_CALL_LEN>;
	type MaxCallWeight = MaxCallWeight;
	type MaxSplitDats = ConstU32<3>;
	type MaxPoolDats = ConstU32<3>;
	type MaxOpenProposals = ConstU32<MAX_OPEN_PROPOSALS>;
	type MinVotingPeriod = ConstU64<MIN_VOTING_PERIOD>;
	type MaxVotingPeriod = ConstU64<MAX_VOTING_PERIOD>;
	type GovernanceAdminOrigin = EnsureRoot<AccountId>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockHelper;
	type WeightInfo = ();
}

/// Anchors DATs through the real DAT pallet for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockHelper;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for MockHelper {
	fn anchor(owner: &AccountId, seed: u32) -> lazai_primitives::dat::DatId {
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
pub const ENDOWMENT: Balance = 10_000;

/// Votes pass with more than half the votes cast, a third of all weight voting, in 10 blocks.
pub fn majority() -> crate::RulesOf<Test> {
	crate::Rules {
		approval_threshold: Perbill::from_rational(501u32, 1000u32),
		quorum: Perbill::from_rational(1u32, 3u32),
		voting_period: 10,
	}
}

/// Balances for [`ALICE`] to [`EVE`], at block 1 so events are recorded.
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
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
