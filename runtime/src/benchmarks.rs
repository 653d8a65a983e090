//! The pallets the node's `benchmark pallet` command can measure in this runtime.

pub use frame_benchmarking::baseline::Pallet as BaselineBench;
pub use frame_system_benchmarking::{
	extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
};

pub use super::*;
use lazai_primitives::{
	dat::{DatId, DataKind, Derivation, UsagePolicy},
	verified::{OnVerifiedEvaluation, VerifiedEvaluation, SCORE_SCALE},
};
use sp_runtime::Perbill;

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_sudo, Sudo]
	[pallet_utility, Utility]
	[pallet_validator_set, ValidatorSet]
	[pallet_dat, Dat]
	[pallet_verified_computing, VerifiedComputing]
	[pallet_model_staking, ModelStaking]
	[pallet_podv, Podv]
	[pallet_idao, Idao]
);

impl frame_system_benchmarking::Config for Runtime {}
impl frame_benchmarking::baseline::Config for Runtime {}

/// Fees are burned, not paid to a block author, so the fee benchmarks need no setup.
impl pallet_transaction_payment::BenchmarkConfig for Runtime {}

/// Model staking's benchmarks get their DATs from the DAT pallet and their evaluation circuit
/// from the verified computing pallet, with a real key from the benchmark node's prover.
pub struct ModelStakingHelper;

impl pallet_model_staking::BenchmarkHelper<AccountId> for ModelStakingHelper {
	fn anchor(owner: &AccountId, kind: DataKind, seed: u32) -> DatId {
		anchor(owner, kind, (b"model-staking", seed), Default::default(), UsagePolicy::default())
	}

	fn evaluation_circuit() -> sp_core::H256 {
		use frame_support::traits::Currency;
		use lazai_groth16::{host::fixtures::groth_16_fixtures, Curve};
		let (key, _) = groth_16_fixtures::square_roots(Curve::Bn254, 3, 0);
		let circuit = VerifiedComputing::circuit_id(Curve::Bn254, &key);
		if !pallet_verified_computing::Circuits::<Runtime>::contains_key(circuit) {
			let owner: AccountId = frame_benchmarking::account("circuit owner", 0, 0);
			Balances::make_free_balance_be(&owner, 1_000_000 * currency::LAZ);
			let registered = VerifiedComputing::register_circuit(
				RuntimeOrigin::signed(owner),
				Curve::Bn254,
				key.try_into().expect("a three-input key is within the bound"),
				pallet_verified_computing::CircuitKind::Evaluation,
				Default::default(),
			);
			assert!(registered.is_ok(), "the test key registers: {registered:?}");
		}
		circuit
	}
}

/// The iDAO benchmarks pay revenue splits into DATs anchored through the DAT pallet.
pub struct IdaoHelper;

impl pallet_idao::BenchmarkHelper<AccountId> for IdaoHelper {
	fn anchor(owner: &AccountId, seed: u32) -> DatId {
		anchor(
			owner,
			DataKind::Dataset,
			(b"idao", seed),
			Default::default(),
			UsagePolicy::default(),
		)
	}
}

/// Anchor a DAT of `owner` (funded first) whose content hash comes from `seed`.
fn anchor(
	owner: &AccountId,
	kind: DataKind,
	seed: impl codec::Encode,
	parents: pallet_dat::ParentsOf<Runtime>,
	policy: pallet_dat::PolicyOf<Runtime>,
) -> DatId {
	use frame_support::traits::Currency;
	use sp_runtime::traits::{BlakeTwo256, Hash};
	Balances::make_free_balance_be(owner, 1_000_000 * currency::LAZ);
	let id = pallet_dat::NextDatId::<Runtime>::get();
	let anchored = Dat::anchor(
		RuntimeOrigin::signed(owner.clone()),
		BlakeTwo256::hash_of(&seed),
		b"ipfs://benchmark".to_vec().try_into().expect("a short URI"),
		kind,
		parents,
		policy,
	);
	assert!(anchored.is_ok(), "a fresh DAT anchors: {anchored:?}");
	id
}

/// PoDV's benchmarks get their DATs from the DAT pallet and their models, benchmark and scores
/// from model staking, with the evaluation circuit of the verified computing pallet.
pub struct PodvHelper;

impl pallet_podv::BenchmarkHelper<AccountId> for PodvHelper {
	fn anchor(owner: &AccountId, seed: u32, parents: Vec<DatId>) -> DatId {
		let parents: Vec<_> =
			parents.into_iter().map(|parent| (parent, Derivation::Subset)).collect();
		let policy = UsagePolicy { royalty: Perbill::from_percent(10), ..Default::default() };
		let parents = parents.try_into().expect("at most the parent limit");
		anchor(owner, DataKind::Dataset, (b"podv", seed), parents, policy)
	}

	fn improved_model(new_data: u32) -> VerifiedEvaluation<AccountId> {
		use pallet_model_staking::BenchmarkHelper as _;
		let owner: AccountId = frame_benchmarking::account("model owner", 0, 0);
		let parents: Vec<DatId> = (0..configs::MaxDatParents::get())
			.map(|i| {
				<Self as pallet_podv::BenchmarkHelper<_>>::anchor(&owner, 10_000 + i, Vec::new())
			})
			.collect();
		let training: Vec<DatId> = (0..new_data)
			.map(|i| {
				<Self as pallet_podv::BenchmarkHelper<_>>::anchor(
					&owner,
					20_000 + i,
					parents.clone(),
				)
			})
			.collect();
		let dataset = anchor(
			&owner,
			DataKind::Dataset,
			b"podv-test-set",
			Default::default(),
			UsagePolicy::default(),
		);
		let circuit = ModelStakingHelper::evaluation_circuit();
		let benchmark = pallet_model_staking::NextBenchmarkId::<Runtime>::get();
		let created = ModelStaking::create_benchmark(
			RuntimeOrigin::root(),
			circuit,
			dataset,
			true,
			Default::default(),
		);
		assert!(created.is_ok(), "a fresh benchmark: {created:?}");
		let register = |weights: DatId, training: Vec<DatId>| {
			let model = pallet_model_staking::NextModelId::<Runtime>::get();
			let registered = ModelStaking::register_model(
				RuntimeOrigin::signed(owner.clone()),
				weights,
				training.try_into().expect("at most the training limit"),
				Default::default(),
				0,
			);
			assert!(registered.is_ok(), "a fresh model registers: {registered:?}");
			model
		};
		let base_weights = anchor(
			&owner,
			DataKind::ModelWeights,
			b"podv-base",
			Default::default(),
			UsagePolicy::default(),
		);
		let base = register(base_weights, Vec::new());
		let weights = anchor(
			&owner,
			DataKind::ModelWeights,
			b"podv-improved",
			alloc::vec![(base_weights, Derivation::NewVersion)].try_into().expect("one parent"),
			UsagePolicy::default(),
		);
		let model = register(weights, training);
		let evaluation = |model, score| VerifiedEvaluation {
			statement: sp_core::H256::repeat_byte(model as u8),
			circuit,
			model,
			dataset,
			score,
			submitter: owner.clone(),
		};
		// Model staking records the base model's score, as a verified proof would.
		ModelStaking::on_verified_evaluation(&evaluation(base, SCORE_SCALE / 2));
		assert!(pallet_model_staking::Scores::<Runtime>::contains_key(base, benchmark));
		evaluation(model, SCORE_SCALE * 9 / 10)
	}
}
