//! The configuration of every pallet in the runtime.

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstBool, ConstU128, ConstU32, ConstU64, ConstU8, EitherOfDiverse, VariantCountOf},
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, ConstantMultiplier, IdentityFee, Weight},
	PalletId,
};
use frame_system::{
	limits::{BlockLength, BlockWeights},
	EnsureRoot,
};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{
	traits::{ConvertInto, One, OpaqueKeys},
	Perbill,
};
use sp_version::RuntimeVersion;

use super::{
	currency::{deposit, EXISTENTIAL_DEPOSIT, LAZ, MICRO_LAZ, MILLI_LAZ},
	time::{DAYS, HOURS, MINUTES, SLOT_DURATION},
	weights::{self, BlockExecutionWeight, ExtrinsicBaseWeight, ParityDbWeight},
	AccountId, AgentReputation, Aura, Balance, Balances, Block, BlockNumber, Dat, Hash, Idao,
	ModelStaking, Nonce, OriginCaller, PalletInfo, Podv, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeFreezeReason, RuntimeHoldReason, RuntimeOrigin, RuntimeTask, SessionKeys, System,
	ValidatorSet, VerifiedComputing, VERSION,
};

/// Share of a block that ordinary (non-operational) transactions may fill.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// Root, or the governance iDAO once Root designates one (`idao.setGovernanceIdao`): the origin
/// of every privileged call but runtime upgrades and sudo itself.
pub type EnsureRootOrGovernance =
	EitherOfDiverse<EnsureRoot<AccountId>, pallet_idao::EnsureGovernanceIdao<Runtime>>;

/// The most validators the chain supports; Aura and GRANDPA are sized for it.
pub const MAX_VALIDATORS: u32 = 100;

/// Blocks in a session unless the chain spec or the validator origin sets another length:
/// validator set changes take effect at session boundaries.
pub const SESSION_PERIOD: BlockNumber = 10 * MINUTES;

/// The shortest session the validator origin may set: a minute.
pub const MIN_SESSION_PERIOD: BlockNumber = MINUTES;

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;
	/// Two seconds of compute in a six-second block, with the block and extrinsic overhead
	/// measured on the reference machine.
	pub RuntimeBlockWeights: BlockWeights = block_weights();
	/// Five MiB of block space.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |max| *max = NORMAL_DISPATCH_RATIO * *max)
		.build();
	pub const SS58Prefix: u16 = lazai_primitives::SS58_PREFIX;
}

/// The block's weight limits: `NORMAL_DISPATCH_RATIO` of two seconds for ordinary transactions,
/// the rest kept for operational ones, and the measured overhead of a block and of an extrinsic.
fn block_weights() -> BlockWeights {
	let max = Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX);
	let normal = NORMAL_DISPATCH_RATIO * max;
	BlockWeights::builder()
		.base_block(BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |class| class.base_extrinsic = ExtrinsicBaseWeight::get())
		.for_class(DispatchClass::Normal, |class| class.max_total = Some(normal))
		.for_class(DispatchClass::Operational, |class| {
			class.max_total = Some(max);
			class.reserved = Some(max - normal);
		})
		.avg_block_initialization(Perbill::from_percent(10))
		.build_or_panic()
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The node stores its state in ParityDB; read and write costs measured on the reference
	/// machine.
	type DbWeight = ParityDbWeight;
	type SystemWeightInfo = weights::frame_system::WeightInfo<Runtime>;
	type ExtensionsWeightInfo = weights::frame_system_extensions::WeightInfo<Runtime>;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = weights::pallet_timestamp::WeightInfo<Runtime>;
}

parameter_types! {
	pub const ExistentialDeposit: Balance = EXISTENTIAL_DEPOSIT;
}

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = weights::pallet_balances::WeightInfo<Runtime>;
	type Balance = Balance;
	type DustRemoval = ();
	type ExistentialDeposit = ExistentialDeposit;
	type AccountStore = System;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}

parameter_types! {
	pub FeeMultiplier: Multiplier = Multiplier::one();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Fees are burned.
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	/// One unit of fee per picosecond of weight.
	type WeightToFee = IdentityFee<Balance>;
	/// One micro-LAZ per byte.
	type LengthToFee = ConstantMultiplier<Balance, ConstU128<MICRO_LAZ>>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightInfo = weights::pallet_transaction_payment::WeightInfo<Runtime>;
}

parameter_types! {
	pub const MinValidators: u32 = 1;
}

impl pallet_validator_set::Config for Runtime {
	type ValidatorOrigin = EnsureRootOrGovernance;
	type MaxValidators = ConstU32<MAX_VALIDATORS>;
	type MinValidators = MinValidators;
	type DefaultSessionLength = ConstU32<SESSION_PERIOD>;
	type MinSessionLength = ConstU32<MIN_SESSION_PERIOD>;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Held from an account while it has session keys registered.
	pub const SessionKeyDeposit: Balance = deposit(1, 64);
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	/// Any account may register keys; only accounts in the validator set use them.
	type ValidatorIdOf = ConvertInto;
	/// Sessions end every `ValidatorSet::SessionLength` blocks.
	type ShouldEndSession = ValidatorSet;
	type NextSessionRotation = ValidatorSet;
	type SessionManager = ValidatorSet;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type MaxAuthorities = ConstU32<MAX_VALIDATORS>;
	type DisabledValidators = ();
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<MAX_VALIDATORS>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = weights::pallet_utility::WeightInfo<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = weights::pallet_sudo::WeightInfo<Runtime>;
}

parameter_types! {
	/// The revenue account of the DAT pallet is derived from this id.
	pub const DatPalletId: PalletId = PalletId(*b"lazai/dt");
	/// Every DAT has a million ownership shares.
	pub const SharesPerDat: u128 = 1_000_000;
	/// A DAT's deposit: one storage item plus the bytes it stores.
	pub const DatDepositBase: Balance = deposit(1, 0);
	pub const DatDepositPerByte: Balance = deposit(0, 1);
	/// A holding or consumer record: one item of about 100 bytes.
	pub const DatRecordDeposit: Balance = deposit(1, 100);
	/// The most parents a DAT is derived from.
	pub const MaxDatParents: u32 = 16;
}

impl pallet_dat::Config for Runtime {
	type Currency = Balances;
	type PalletId = DatPalletId;
	/// Root or the governance iDAO freezes illegal content.
	type FreezeOrigin = EnsureRootOrGovernance;
	/// Accounts act as themselves, a model's owner for the model, an iDAO's account for the
	/// iDAO and an agent's controller for the agent.
	type ConsumerAuthority = ((ModelStaking, Idao), AgentReputation);
	/// A ZK proof attached to a DAT must name a statement the chain verified.
	type VerifiedStatements = VerifiedComputing;
	/// PoDV scores DATs by their paid usage.
	type OnUse = Podv;
	type SharesPerDat = SharesPerDat;
	type MaxUriLen = ConstU32<256>;
	type MaxParents = MaxDatParents;
	type MaxAllowed = ConstU32<32>;
	type MaxGrants = ConstU32<64>;
	type MaxProofs = ConstU32<16>;
	type MaxLineageNodes = ConstU32<1_024>;
	type DepositBase = DatDepositBase;
	type DepositPerByte = DatDepositPerByte;
	type RecordDeposit = DatRecordDeposit;
	type WeightInfo = pallet_dat::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// A circuit: its record, its prepared key and its first registration, plus the bytes.
	pub const CircuitDepositBase: Balance = deposit(3, 0);
	pub const CircuitDepositPerByte: Balance = deposit(0, 1);
	/// One more registration of a circuit: one item of about 80 bytes.
	pub const CircuitReferenceDeposit: Balance = deposit(1, 80);
	/// A verified statement's record: one item of about 150 bytes, kept for good.
	pub const StatementDeposit: Balance = deposit(1, 150);
}

impl pallet_verified_computing::Config for Runtime {
	type Currency = Balances;
	/// Model staking settles claims by evaluation results and PoDV credits the data that
	/// improved a model; agents will join them here.
	type OnVerifiedEvaluation = (ModelStaking, Podv);
	type MaxPublicInputs = ConstU32<{ lazai_groth16::MAX_INPUTS }>;
	type MaxBatch = ConstU32<16>;
	type MaxMetadataLen = ConstU32<256>;
	type CircuitDepositBase = CircuitDepositBase;
	type CircuitDepositPerByte = CircuitDepositPerByte;
	type ReferenceDeposit = CircuitReferenceDeposit;
	type StatementDeposit = StatementDeposit;
	type WeightInfo = pallet_verified_computing::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// The reward pot of model staking is derived from this id.
	pub const ModelStakingPalletId: PalletId = PalletId(*b"lazai/ms");
	/// A model: its record and its weights index, plus the bytes.
	pub const ModelDepositBase: Balance = deposit(2, 0);
	pub const ModelDepositPerByte: Balance = deposit(0, 1);
	/// The most DATs a model is trained on.
	pub const MaxTrainingData: u32 = 32;
	/// The least stake on a claim, and the least backing.
	pub const MinClaimStake: Balance = 10 * LAZ;
	/// A claim waits a week for its evaluation; stake unbonds for a week after.
	pub const ClaimPeriod: BlockNumber = 7 * DAYS;
	pub const StakeUnbondingPeriod: BlockNumber = 7 * DAYS;
	/// An accurate claim earns 5 % of its stake; a false one loses half, a fifth of which goes to
	/// whoever proved it false; an expired one loses 1 %.
	pub const ClaimRewardRate: Perbill = Perbill::from_percent(5);
	pub const ClaimSlashFraction: Perbill = Perbill::from_percent(50);
	pub const EvaluationSubmitterShare: Perbill = Perbill::from_percent(20);
	pub const ClaimExpiryPenalty: Perbill = Perbill::from_percent(1);
}

impl pallet_model_staking::Config for Runtime {
	type Currency = Balances;
	type Dat = Dat;
	type EvaluationCircuits = VerifiedComputing;
	/// Root or the governance iDAO creates benchmarks.
	type BenchmarkOrigin = EnsureRootOrGovernance;
	type PalletId = ModelStakingPalletId;
	type MaxTrainingData = MaxTrainingData;
	type MaxMetadataLen = ConstU32<256>;
	type MaxStakers = ConstU32<32>;
	type MaxHistory = ConstU32<32>;
	type LeaderboardSize = ConstU32<100>;
	type ModelDepositBase = ModelDepositBase;
	type ModelDepositPerByte = ModelDepositPerByte;
	type MinStake = MinClaimStake;
	type ClaimPeriod = ClaimPeriod;
	type UnbondingPeriod = StakeUnbondingPeriod;
	/// A score may fall 1 point in 100 short of the claim.
	type Tolerance = ConstU32<10_000>;
	type RewardRate = ClaimRewardRate;
	type SlashFraction = ClaimSlashFraction;
	type SubmitterShare = EvaluationSubmitterShare;
	type ExpiryPenalty = ClaimExpiryPenalty;
	type MaxExpiriesPerBlock = ConstU32<16>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::ModelStakingHelper;
	type WeightInfo = pallet_model_staking::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// The PoDV reward pot is derived from this id.
	pub const PodvPalletId: PalletId = PalletId(*b"lazai/pv");
	/// A daily epoch pays 1,000 LAZ to DAT holders by value.
	pub const PodvEpochLength: BlockNumber = DAYS;
	pub const PodvEpochReward: Balance = 1_000 * LAZ;
	/// Half of a DAT's own value from verified model improvement, 30 % from attested quality,
	/// 20 % from paid usage; parents inherit 20 % of a child's own value.
	pub const ImprovementWeight: Perbill = Perbill::from_percent(50);
	pub const QualityWeight: Perbill = Perbill::from_percent(30);
	pub const UsageWeight: Perbill = Perbill::from_percent(20);
	pub const LineageShare: Perbill = Perbill::from_percent(20);
	/// 10,000 LAZ of revenue from others fills the usage signal.
	pub const UsageSaturation: Balance = 10_000 * LAZ;
	pub const MinAttesterBond: Balance = 100 * LAZ;
	/// A standing attestation: about 60 bytes in its DAT's list.
	pub const AttestationDeposit: Balance = deposit(0, 60);
	/// Attestations are judged a day after they are made; a leaving attester waits a week.
	pub const AttestationMaturity: BlockNumber = DAYS;
	pub const AttesterUnbonding: BlockNumber = 7 * DAYS;
	/// An attestation more than 15 points from a median costs 10 % of its attester's bond.
	pub const AttesterSlash: Perbill = Perbill::from_percent(10);
}

impl pallet_podv::Config for Runtime {
	type Currency = Balances;
	type Dat = Dat;
	type Models = ModelStaking;
	type PalletId = PodvPalletId;
	type DefaultEpochLength = PodvEpochLength;
	type EpochReward = PodvEpochReward;
	/// A year of daily epochs.
	type HistoryDepth = ConstU32<366>;
	type ImprovementWeight = ImprovementWeight;
	/// A gain of 10 points on a benchmark (100,000 parts per million) fills the signal.
	type ImprovementScale = ConstU32<10>;
	type QualityWeight = QualityWeight;
	type UsageWeight = UsageWeight;
	type LineageShare = LineageShare;
	type UsageSaturation = UsageSaturation;
	type MinAttesterBond = MinAttesterBond;
	type AttestationDeposit = AttestationDeposit;
	type AttestationMaturity = AttestationMaturity;
	type AttesterUnbonding = AttesterUnbonding;
	type SlashBand = ConstU8<15>;
	type AttesterSlash = AttesterSlash;
	type MaxAttestations = ConstU32<32>;
	type MaxMaturingPerBlock = ConstU32<64>;
	type MaxPayoutsPerBlock = ConstU32<128>;
	type MaxCreditedDats = MaxTrainingData;
	type MaxParents = MaxDatParents;
	type TopSize = ConstU32<100>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::PodvHelper;
	type WeightInfo = pallet_podv::weights::SubstrateWeight<Runtime>;
}

/// The most members an iDAO may have.
pub const MAX_IDAO_MEMBERS: u32 = 64;
/// The most DATs an iDAO's contribution pool may hold.
pub const MAX_IDAO_POOL_DATS: u32 = 64;
/// The longest call an iDAO may propose, encoded.
pub const MAX_PROPOSAL_LEN: u32 = 4 * 1024;

parameter_types! {
	/// The iDAOs' accounts are derived from this id.
	pub const IdaoPalletId: PalletId = PalletId(*b"lazai/id");
	/// An iDAO: its record, its contribution pool (8 bytes a DAT), and for each of up to 64
	/// members its weight, its membership and what it is owed (about 200 bytes).
	pub const IdaoDeposit: Balance = deposit(
		2 + 3 * MAX_IDAO_MEMBERS,
		300 + 200 * MAX_IDAO_MEMBERS + 8 * MAX_IDAO_POOL_DATS,
	);
	/// A proposal: its record with the call, and up to 64 votes (about 80 bytes each).
	pub const ProposalDeposit: Balance =
		deposit(1 + MAX_IDAO_MEMBERS, MAX_PROPOSAL_LEN + 100 + 80 * MAX_IDAO_MEMBERS);
	/// A proposed call may use a quarter of a block's compute.
	pub MaxProposalWeight: Weight = Perbill::from_percent(25) * RuntimeBlockWeights::get().max_block;
	/// Votes last at least a minute and at most 30 days.
	pub const MinVotingPeriod: BlockNumber = MINUTES;
	pub const MaxVotingPeriod: BlockNumber = 30 * DAYS;
}

impl pallet_idao::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type Dat = Dat;
	type PalletId = IdaoPalletId;
	type IdaoDeposit = IdaoDeposit;
	type ProposalDeposit = ProposalDeposit;
	type MaxMembers = ConstU32<MAX_IDAO_MEMBERS>;
	type MaxMetadataLen = ConstU32<256>;
	type MaxCallLen = ConstU32<MAX_PROPOSAL_LEN>;
	type MaxCallWeight = MaxProposalWeight;
	type MaxSplitDats = ConstU32<16>;
	type MaxPoolDats = ConstU32<MAX_IDAO_POOL_DATS>;
	type MaxOpenProposals = ConstU32<16>;
	type MinVotingPeriod = MinVotingPeriod;
	type MaxVotingPeriod = MaxVotingPeriod;
	/// Root designates the governance iDAO; once designated, that iDAO may hand the role on.
	type GovernanceAdminOrigin = EnsureRootOrGovernance;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::IdaoHelper;
	type WeightInfo = pallet_idao::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// The escrow account and the agents' accounts are derived from this id.
	pub const AgentPalletId: PalletId = PalletId(*b"lazai/ag");
	/// A task's record with a full trace, and its entry in the agent's list.
	pub const AgentTaskDeposit: Balance = deposit(2, 400);
	/// A client's record.
	pub const AgentClientDeposit: Balance = deposit(1, 80);
	/// A tenth of every released payment goes to the DATs its trace names.
	pub const AgentTraceShare: Perbill = Perbill::from_percent(10);
	/// 2 % of every released payment is burned: what bounds self-paid reputation.
	pub const AgentReleaseFee: Perbill = Perbill::from_percent(2);
	/// A failed task costs the agent a tenth of its bond, paid to the client.
	pub const AgentDisputeSlash: Perbill = Perbill::from_percent(10);
	/// Evidence keeps 0.5^(1/720) of itself every hour: a half-life of 30 days.
	pub const AgentDecayPerHour: Perbill = Perbill::from_parts(999_037_759);
	/// A new client's ratings count for a fifth.
	pub const AgentBaseStanding: Perbill = Perbill::from_percent(20);
}

impl pallet_agent_reputation::Config for Runtime {
	type Currency = Balances;
	type Dat = Dat;
	type Models = ModelStaking;
	type VerifiedStatements = VerifiedComputing;
	/// The release fee is burned.
	type ReleaseFeeDestination = ();
	type PalletId = AgentPalletId;
	/// The bond also pays for the agent's record (about 450 bytes, well under 1 LAZ).
	type MinBond = ConstU128<{ 10 * LAZ }>;
	type TaskDeposit = AgentTaskDeposit;
	type ClientDeposit = AgentClientDeposit;
	type MinPayment = ConstU128<{ 100 * MILLI_LAZ }>;
	type MaxTaskDuration = ConstU32<{ 30 * DAYS }>;
	type RatingPeriod = ConstU32<DAYS>;
	type UnbondingPeriod = ConstU32<{ 7 * DAYS }>;
	type MaxOpenTasks = ConstU32<32>;
	type MaxTraceLen = ConstU32<16>;
	type MaxUriLen = ConstU32<256>;
	type TraceShare = AgentTraceShare;
	type ReleaseFee = AgentReleaseFee;
	type DisputeSlash = AgentDisputeSlash;
	type EvidenceMultiplier = ConstU32<2>;
	type MaxCountedPayment = ConstU128<{ 1_000 * LAZ }>;
	type PriorWeight = ConstU128<{ 1_000 * LAZ }>;
	type DecayPeriod = ConstU32<HOURS>;
	type DecayPerPeriod = AgentDecayPerHour;
	type BaseStanding = AgentBaseStanding;
	type StandingPrior = ConstU128<{ 100 * LAZ }>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::AgentHelper;
	type WeightInfo = pallet_agent_reputation::weights::SubstrateWeight<Runtime>;
}
