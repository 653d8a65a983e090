//! The pallets the node's `benchmark pallet` command can measure in this runtime.

pub use frame_benchmarking::baseline::Pallet as BaselineBench;
pub use frame_system_benchmarking::{
	extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
};

pub use super::*;
use lazai_primitives::{
	dat::{DatId, DataKind, Derivation, ModelId, UsagePolicy},
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
	[pallet_agent_reputation, AgentReputation]
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

/// The agent benchmarks get their DATs from the DAT pallet, a model from model staking, and a
/// verified statement from the verified computing pallet, proven by the benchmark node's prover.
pub struct AgentHelper;

impl pallet_agent_reputation::BenchmarkHelper<AccountId> for AgentHelper {
	/// The worst case for paying a traced DAT: derived from the most parents, with a royalty,
	/// so each payment also moves the royalty up to every parent.
	fn anchor(owner: &AccountId, seed: u32) -> DatId {
		use sp_runtime::traits::{BlakeTwo256, Hash};
		let parents: Vec<_> = (0..configs::MaxDatParents::get())
			.map(|i| {
				let seed = (b"agents-parent", i);
				let parent =
					pallet_dat::DatByContentHash::<Runtime>::get(BlakeTwo256::hash_of(&seed))
						.unwrap_or_else(|| {
							anchor(
								owner,
								DataKind::Dataset,
								seed,
								Default::default(),
								Default::default(),
							)
						});
				(parent, Derivation::Subset)
			})
			.collect();
		let policy = UsagePolicy { royalty: Perbill::from_percent(50), ..Default::default() };
		let parents = parents.try_into().expect("at most the parent limit");
		anchor(owner, DataKind::Dataset, (b"agents", seed), parents, policy)
	}

	fn verified_statement() -> sp_core::H256 {
		use frame_support::traits::Currency;
		use lazai_groth16::{host::fixtures::groth_16_fixtures, Curve};
		use pallet_verified_computing::{CircuitKind, Groth16Proof, PublicInput};
		let (key, mut proofs) = groth_16_fixtures::square_roots(Curve::Bn254, 1, 1);
		let (proof, inputs) = proofs.pop().expect("one proof was asked for");
		let inputs: Vec<PublicInput> = inputs
			.chunks_exact(32)
			.map(|chunk| chunk.try_into().expect("32-byte chunks"))
			.collect();
		let circuit = VerifiedComputing::circuit_id(Curve::Bn254, &key);
		let owner: AccountId = frame_benchmarking::account("prover", 0, 0);
		Balances::make_free_balance_be(&owner, 1_000_000 * currency::LAZ);
		if !pallet_verified_computing::Circuits::<Runtime>::contains_key(circuit) {
			let registered = VerifiedComputing::register_circuit(
				RuntimeOrigin::signed(owner.clone()),
				Curve::Bn254,
				key.try_into().expect("a one-input key is within the bound"),
				CircuitKind::Opaque,
				Default::default(),
			);
			assert!(registered.is_ok(), "the test key registers: {registered:?}");
		}
		let (statement, _) = VerifiedComputing::statement_id(&circuit, &inputs);
		if !pallet_verified_computing::Statements::<Runtime>::contains_key(statement) {
			let proof = Groth16Proof {
				curve: Curve::Bn254,
				bytes: proof.try_into().expect("a proof is within the bound"),
			};
			let submitted = VerifiedComputing::submit_proof(
				RuntimeOrigin::signed(owner),
				circuit,
				proof,
				inputs.try_into().expect("one input"),
			);
			assert!(submitted.is_ok(), "the test proof verifies: {submitted:?}");
		}
		statement
	}

	fn model(owner: &AccountId) -> ModelId {
		let model = pallet_model_staking::NextModelId::<Runtime>::get();
		let seed = (b"agent-model", model);
		let weights =
			anchor(owner, DataKind::ModelWeights, seed, Default::default(), Default::default());
		let registered = ModelStaking::register_model(
			RuntimeOrigin::signed(owner.clone()),
			weights,
			Default::default(),
			Default::default(),
			0,
		);
		assert!(registered.is_ok(), "a fresh model registers: {registered:?}");
		model
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
