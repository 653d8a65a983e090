//! A runtime with balances, the real DAT and verified computing pallets and this one, wired
//! as in the chain's runtime: verified evaluations reach this pallet through the verified
//! computing pallet's hook, so tests settle claims with real Groth16 proofs.

use crate as pallet_model_staking;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU128, ConstU32, ConstU64},
	BoundedVec, PalletId,
};
use frame_system::{EnsureRoot, RawOrigin};
use lazai_groth16::{
	testing::{Circuit, Evaluation, ProvenStatement},
	Curve,
};
use lazai_primitives::dat::{DatId, DataKind, Derivation, ModelId, UsagePolicy};
use pallet_verified_computing::{CircuitKind, Groth16Proof};
use sp_core::H256;
use sp_runtime::{BuildStorage, Perbill};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u128;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Dat: pallet_dat,
		VerifiedComputing: pallet_verified_computing,
		ModelStaking: pallet_model_staking,
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

parameter_types! {
	pub const DatPalletId: PalletId = PalletId(*b"lazai/dt");
	pub const StakingPalletId: PalletId = PalletId(*b"lazai/ms");
}

impl pallet_dat::Config for Test {
	type Currency = Balances;
	type PalletId = DatPalletId;
	type FreezeOrigin = EnsureRoot<AccountId>;
	type ConsumerAuthority = ModelStaking;
	type VerifiedStatements = VerifiedComputing;
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
	type RecordDeposit = ConstU128<RECORD_DEPOSIT>;
	type WeightInfo = ();
}

impl pallet_verified_computing::Config for Test {
	type Currency = Balances;
	type OnVerifiedEvaluation = ModelStaking;
	type MaxPublicInputs = ConstU32<8>;
	type MaxBatch = ConstU32<4>;
	type MaxMetadataLen = ConstU32<64>;
	type CircuitDepositBase = ConstU128<1_000>;
	type CircuitDepositPerByte = ConstU128<1>;
	type ReferenceDeposit = ConstU128<50>;
	type StatementDeposit = ConstU128<20>;
	type WeightInfo = ();
}

/// What the DAT pallet reserves for a consumer's first use of a DAT.
pub const RECORD_DEPOSIT: Balance = 10;
pub const MODEL_DEPOSIT: Balance = 500;
pub const PER_BYTE: Balance = 1;
pub const MIN_STAKE: Balance = 1_000;
pub const CLAIM_PERIOD: u64 = 20;
pub const UNBONDING: u64 = 10;
/// 2 % (20,000 parts per million).
pub const TOLERANCE: u32 = 20_000;
pub const MAX_STAKERS: u32 = 3;
pub const MAX_HISTORY: u32 = 3;
pub const MAX_EXPIRIES: u32 = 2;

parameter_types! {
	pub const RewardRate: Perbill = Perbill::from_percent(10);
	pub const SlashFraction: Perbill = Perbill::from_percent(50);
	pub const SubmitterShare: Perbill = Perbill::from_percent(20);
	pub const ExpiryPenalty: Perbill = Perbill::from_percent(1);
}

impl pallet_model_staking::Config for Test {
	type Currency = Balances;
	type Dat = Dat;
	type EvaluationCircuits = VerifiedComputing;
	type BenchmarkOrigin = EnsureRoot<AccountId>;
	type PalletId = StakingPalletId;
	type MaxTrainingData = ConstU32<4>;
	type MaxMetadataLen = ConstU32<64>;
	type MaxStakers = ConstU32<MAX_STAKERS>;
	type MaxHistory = ConstU32<MAX_HISTORY>;
	type LeaderboardSize = ConstU32<3>;
	type ModelDepositBase = ConstU128<MODEL_DEPOSIT>;
	type ModelDepositPerByte = ConstU128<PER_BYTE>;
	type MinStake = ConstU128<MIN_STAKE>;
	type ClaimPeriod = ConstU64<CLAIM_PERIOD>;
	type UnbondingPeriod = ConstU64<UNBONDING>;
	type Tolerance = ConstU32<TOLERANCE>;
	type RewardRate = RewardRate;
	type SlashFraction = SlashFraction;
	type SubmitterShare = SubmitterShare;
	type ExpiryPenalty = ExpiryPenalty;
	type MaxExpiriesPerBlock = ConstU32<MAX_EXPIRIES>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockHelper;
	type WeightInfo = ();
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
pub const ENDOWMENT: Balance = 1_000_000;
/// What the reward pot holds at genesis.
pub const POT: Balance = 100_000;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut balances: Vec<_> =
		[ALICE, BOB, CHARLIE, DAVE].into_iter().map(|who| (who, ENDOWMENT)).collect();
	balances.push((ModelStaking::reward_pot(), POT));
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
		ModelStaking::on_initialize(next);
	}
}

/// Anchor a DAT of `kind` owned by `who`, with content made from `seed`, and return its id.
pub fn anchor(who: AccountId, kind: DataKind, seed: u8) -> DatId {
	anchor_with(who, kind, seed, UsagePolicy::default())
}

/// Anchor a DAT under `policy`.
pub fn anchor_with(
	who: AccountId,
	kind: DataKind,
	seed: u8,
	policy: UsagePolicy<AccountId, Balance, u64, ConstU32<4>>,
) -> DatId {
	anchor_derived(who, kind, seed, &[], policy)
}

/// Anchor a DAT derived (as a new version) from `parents`, under `policy`.
pub fn anchor_derived(
	who: AccountId,
	kind: DataKind,
	seed: u8,
	parents: &[DatId],
	policy: UsagePolicy<AccountId, Balance, u64, ConstU32<4>>,
) -> DatId {
	let id = pallet_dat::NextDatId::<Test>::get();
	let parents =
		parents.iter().map(|parent| (*parent, Derivation::NewVersion)).collect::<Vec<_>>();
	pallet_dat::Pallet::<Test>::anchor(
		RuntimeOrigin::signed(who),
		H256::repeat_byte(seed),
		b"ipfs://data".to_vec().try_into().unwrap(),
		kind,
		parents.try_into().unwrap(),
		policy,
	)
	.unwrap();
	id
}

/// Bytes into a bounded vector of the pallet's metadata bound.
pub fn text(s: &str) -> BoundedVec<u8, ConstU32<64>> {
	s.as_bytes().to_vec().try_into().unwrap()
}

/// The evaluation circuit (8 samples, BN254) set up once per test thread.
pub fn evaluation_circuit() -> &'static Circuit {
	thread_local! {
		static CIRCUIT: &'static Circuit = Box::leak(Box::new(Circuit::evaluation(Curve::Bn254, 8, 7)));
	}
	CIRCUIT.with(|circuit| *circuit)
}

/// Register the evaluation circuit (by DAVE, once) and return its id.
pub fn register_evaluation_circuit() -> H256 {
	let key = evaluation_circuit().verifying_key.clone();
	let id = pallet_verified_computing::Pallet::<Test>::circuit_id(Curve::Bn254, &key);
	if pallet_verified_computing::Circuits::<Test>::contains_key(id) {
		return id;
	}
	pallet_verified_computing::Pallet::<Test>::register_circuit(
		RuntimeOrigin::signed(DAVE),
		Curve::Bn254,
		key.clone().try_into().unwrap(),
		CircuitKind::Evaluation,
		text("accuracy"),
	)
	.unwrap();
	id
}

/// Prove that `model` got `correct` of 8 samples right on `dataset`: score `correct` × 125,000.
pub fn prove(model: ModelId, dataset: DatId, correct: usize) -> ProvenStatement {
	let outcomes = (0..8).map(|i| i < correct).collect();
	evaluation_circuit().prove_evaluation(&Evaluation { model, dataset, outcomes }, correct as u64)
}

/// Submit a proof through the verified computing pallet, as `who`.
pub fn submit(who: AccountId, circuit: H256, statement: &ProvenStatement) {
	pallet_verified_computing::Pallet::<Test>::submit_proof(
		RawOrigin::Signed(who).into(),
		circuit,
		Groth16Proof { curve: Curve::Bn254, bytes: statement.proof.clone().try_into().unwrap() },
		statement.inputs.clone().try_into().unwrap(),
	)
	.unwrap();
}

/// DATs through the DAT pallet, the evaluation circuit through the verified computing pallet.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for MockHelper {
	fn anchor(owner: &AccountId, kind: DataKind, seed: u32) -> DatId {
		use frame_support::traits::Currency;
		let _ = Balances::deposit_creating(owner, ENDOWMENT);
		let id = pallet_dat::NextDatId::<Test>::get();
		pallet_dat::Pallet::<Test>::anchor(
			RuntimeOrigin::signed(*owner),
			sp_io::hashing::blake2_256(&seed.to_le_bytes()).into(),
			b"ipfs://data".to_vec().try_into().unwrap(),
			kind,
			BoundedVec::new(),
			UsagePolicy::default(),
		)
		.unwrap();
		id
	}
	fn evaluation_circuit() -> H256 {
		register_evaluation_circuit()
	}
}
