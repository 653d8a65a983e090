//! A runtime with balances, the real DAT pallet (which reports uses to this pallet) and this
//! one. Models come from a registry the tests fill in; the runtime's integration test runs the
//! real model staking and verified computing pallets instead.

use crate as pallet_podv;
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU128, ConstU32, ConstU64, ConstU8},
	BoundedVec, PalletId,
};
use frame_system::EnsureRoot;
use lazai_primitives::{
	dat::{DatId, DataKind, Derivation, ModelId, UsagePolicy},
	models::{BenchmarkId, ModelRegistry},
	verified::VerifiedEvaluation,
};
use sp_core::H256;
use sp_runtime::{BuildStorage, Perbill};
use std::collections::BTreeMap;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u128;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Dat: pallet_dat,
		Podv: pallet_podv,
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

pub const MAX_PARENTS: u32 = 4;

parameter_types! {
	pub const DatPalletId: PalletId = PalletId(*b"lazai/dt");
	// Not `lazai/…`: a u64 account keeps only the id's first four bytes.
	pub const PodvPalletId: PalletId = PalletId(*b"podv/pot");
}

impl pallet_dat::Config for Test {
	type Currency = Balances;
	type PalletId = DatPalletId;
	type FreezeOrigin = EnsureRoot<AccountId>;
	type ConsumerAuthority = ();
	type VerifiedStatements = ();
	type OnUse = Podv;
	type SharesPerDat = ConstU128<1_000_000>;
	type MaxUriLen = ConstU32<64>;
	type MaxParents = ConstU32<MAX_PARENTS>;
	type MaxAllowed = ConstU32<4>;
	type MaxGrants = ConstU32<2>;
	type MaxProofs = ConstU32<2>;
	type MaxLineageNodes = ConstU32<40>;
	type DepositBase = ConstU128<100>;
	type DepositPerByte = ConstU128<1>;
	type RecordDeposit = ConstU128<10>;
	type WeightInfo = ();
}

pub const EPOCH: u64 = 10;
pub const EPOCH_REWARD: Balance = 1_000;
pub const HISTORY: u32 = 3;
pub const SATURATION: Balance = 1_000;
pub const MIN_BOND: Balance = 100;
pub const ATTESTATION_DEPOSIT: Balance = 5;
pub const MATURITY: u64 = 5;
pub const UNBONDING: u64 = 10;
pub const BAND: u8 = 10;
pub const MAX_ATTESTATIONS: u32 = 5;
pub const MAX_MATURING: u32 = 3;
pub const MAX_PAYOUTS: u32 = 2;
pub const MAX_CREDITED: u32 = 3;
pub const TOP: u32 = 3;

parameter_types! {
	pub const ImprovementWeight: Perbill = Perbill::from_percent(50);
	pub const QualityWeight: Perbill = Perbill::from_percent(30);
	pub const UsageWeight: Perbill = Perbill::from_percent(20);
	pub const LineageShare: Perbill = Perbill::from_percent(20);
	pub const AttesterSlash: Perbill = Perbill::from_percent(10);
}

impl pallet_podv::Config for Test {
	type Currency = Balances;
	type Dat = Dat;
	type Models = TestModels;
	type PalletId = PodvPalletId;
	type DefaultEpochLength = ConstU64<EPOCH>;
	type EpochReward = ConstU128<EPOCH_REWARD>;
	type HistoryDepth = ConstU32<HISTORY>;
	type ImprovementWeight = ImprovementWeight;
	type ImprovementScale = ConstU32<10>;
	type QualityWeight = QualityWeight;
	type UsageWeight = UsageWeight;
	type LineageShare = LineageShare;
	type UsageSaturation = ConstU128<SATURATION>;
	type MinAttesterBond = ConstU128<MIN_BOND>;
	type AttestationDeposit = ConstU128<ATTESTATION_DEPOSIT>;
	type AttestationMaturity = ConstU64<MATURITY>;
	type AttesterUnbonding = ConstU64<UNBONDING>;
	type SlashBand = ConstU8<BAND>;
	type AttesterSlash = AttesterSlash;
	type MaxAttestations = ConstU32<MAX_ATTESTATIONS>;
	type MaxMaturingPerBlock = ConstU32<MAX_MATURING>;
	type MaxPayoutsPerBlock = ConstU32<MAX_PAYOUTS>;
	type MaxCreditedDats = ConstU32<MAX_CREDITED>;
	type MaxParents = ConstU32<MAX_PARENTS>;
	type TopSize = ConstU32<TOP>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockHelper;
	type WeightInfo = ();
}

/// The models, benchmarks and scores [`TestModels`] knows.
#[derive(Default)]
struct Registry {
	models: BTreeMap<ModelId, (Vec<DatId>, Option<ModelId>)>,
	benchmarks: BTreeMap<(H256, DatId), (BenchmarkId, bool)>,
	scores: BTreeMap<(ModelId, BenchmarkId), u32>,
}

thread_local! {
	static REGISTRY: RefCell<Registry> = RefCell::new(Registry::default());
}

/// A model registry the tests fill in with [`register_model`], [`create_benchmark`] and
/// [`record_score`].
pub struct TestModels;
impl ModelRegistry for TestModels {
	fn training_data(model: ModelId) -> Option<Vec<DatId>> {
		REGISTRY.with(|r| r.borrow().models.get(&model).map(|(data, _)| data.clone()))
	}
	fn base_model(model: ModelId) -> Option<ModelId> {
		REGISTRY.with(|r| r.borrow().models.get(&model).and_then(|(_, base)| *base))
	}
	fn benchmark(circuit: &H256, dataset: DatId) -> Option<(BenchmarkId, bool)> {
		REGISTRY.with(|r| r.borrow().benchmarks.get(&(*circuit, dataset)).copied())
	}
	fn latest_score(model: ModelId, benchmark: BenchmarkId) -> Option<u32> {
		REGISTRY.with(|r| r.borrow().scores.get(&(model, benchmark)).copied())
	}
}

/// Register `model`, trained on `training` and, if given, from `base`.
pub fn register_model(model: ModelId, training: &[DatId], base: Option<ModelId>) {
	REGISTRY.with(|r| r.borrow_mut().models.insert(model, (training.to_vec(), base)));
}

/// The circuit every test benchmark uses.
pub const CIRCUIT: H256 = H256::repeat_byte(0xee);

/// Create benchmark `id` on `dataset`.
pub fn create_benchmark(id: BenchmarkId, dataset: DatId, higher_is_better: bool) {
	REGISTRY.with(|r| r.borrow_mut().benchmarks.insert((CIRCUIT, dataset), (id, higher_is_better)));
}

/// Record `model`'s latest score on `benchmark`, as model staking would.
pub fn record_score(model: ModelId, benchmark: BenchmarkId, score: u32) {
	REGISTRY.with(|r| r.borrow_mut().scores.insert((model, benchmark), score));
}

/// A verified evaluation of `model` on `dataset`, as the verified computing pallet hands it on.
pub fn evaluation(model: ModelId, dataset: DatId, score: u32) -> VerifiedEvaluation<AccountId> {
	VerifiedEvaluation {
		statement: H256::from_low_u64_be(model * 1_000_000 + score as u64),
		circuit: CIRCUIT,
		model,
		dataset,
		score,
		submitter: DAVE,
	}
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
pub const EVE: AccountId = 5;
pub const FERDIE: AccountId = 6;
pub const ENDOWMENT: Balance = 1_000_000;
/// What the reward pot holds at genesis.
pub const POT: Balance = 10_000;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut balances: Vec<_> =
		[ALICE, BOB, CHARLIE, DAVE, EVE, FERDIE].into_iter().map(|who| (who, ENDOWMENT)).collect();
	balances.push((Podv::reward_pot(), POT));
	pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	pallet_dat::GenesisConfig::<Test>::default().assimilate_storage(&mut storage).unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Run blocks up to `n`, with this pallet's `on_initialize` in each.
pub fn run_to_block(n: u64) {
	use frame_support::traits::Hooks;
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Podv::on_initialize(next);
	}
}

/// Anchor a dataset owned by `who`, free for anyone, with content made from `seed`.
pub fn anchor(who: AccountId, seed: u32) -> DatId {
	anchor_with(who, seed, &[], UsagePolicy::default())
}

/// Anchor a dataset derived from `parents` under `policy`.
pub fn anchor_with(
	who: AccountId,
	seed: u32,
	parents: &[DatId],
	policy: UsagePolicy<AccountId, Balance, u64, ConstU32<4>>,
) -> DatId {
	let id = pallet_dat::NextDatId::<Test>::get();
	let parents: Vec<_> = parents.iter().map(|parent| (*parent, Derivation::Subset)).collect();
	pallet_dat::Pallet::<Test>::anchor(
		RuntimeOrigin::signed(who),
		H256::from_low_u64_be(seed as u64 + 1),
		b"ipfs://data".to_vec().try_into().unwrap(),
		DataKind::Dataset,
		BoundedVec::try_from(parents).unwrap(),
		policy,
	)
	.unwrap();
	id
}

/// A policy charging `price` a use.
pub fn priced(price: Balance) -> UsagePolicy<AccountId, Balance, u64, ConstU32<4>> {
	UsagePolicy { price, ..Default::default() }
}

/// DATs through the DAT pallet, models in the test registry.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for MockHelper {
	fn anchor(owner: &AccountId, seed: u32, parents: Vec<DatId>) -> DatId {
		use frame_support::traits::Currency;
		let _ = Balances::deposit_creating(owner, ENDOWMENT);
		let policy = UsagePolicy { royalty: Perbill::from_percent(10), ..Default::default() };
		anchor_with(*owner, seed, &parents, policy)
	}
	fn improved_model(new_data: u32) -> VerifiedEvaluation<AccountId> {
		let parents: Vec<DatId> = (0..MAX_PARENTS)
			.map(|i| <Self as crate::BenchmarkHelper<_>>::anchor(&ALICE, 900 + i, Vec::new()))
			.collect();
		let training: Vec<DatId> = (0..new_data)
			.map(|i| {
				<Self as crate::BenchmarkHelper<_>>::anchor(&ALICE, 1_000 + i, parents.clone())
			})
			.collect();
		let dataset = anchor(ALICE, 2_000);
		register_model(0, &[], None);
		register_model(1, &training, Some(0));
		create_benchmark(0, dataset, true);
		record_score(0, 0, 500_000);
		evaluation(1, dataset, 900_000)
	}
}
