//! The pallets the node's `benchmark pallet` command can measure in this runtime.

pub use frame_benchmarking::baseline::Pallet as BaselineBench;
pub use frame_system_benchmarking::{
	extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
};

pub use super::*;
use lazai_primitives::dat::{DatId, DataKind, UsagePolicy};

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
		use frame_support::traits::Currency;
		Balances::make_free_balance_be(owner, 1_000_000 * currency::LAZ);
		use sp_runtime::traits::{BlakeTwo256, Hash};
		let content = BlakeTwo256::hash_of(&(b"model-staking", seed));
		let id = pallet_dat::NextDatId::<Runtime>::get();
		let anchored = Dat::anchor(
			RuntimeOrigin::signed(owner.clone()),
			content,
			b"ipfs://model-staking-benchmark".to_vec().try_into().expect("a short URI"),
			kind,
			Default::default(),
			UsagePolicy::default(),
		);
		assert!(anchored.is_ok(), "a fresh DAT anchors: {anchored:?}");
		id
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
