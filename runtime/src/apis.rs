//! The runtime APIs: what the node and clients such as polkadot.js can ask the runtime.

use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;

use lazai_primitives::{
	agents::{AgentView, ReputationPpm, ReputationView, TaskView},
	dat::{AgentId, IdaoId},
	dat::{DatId, DatView, HoldingView, Lineage, LineageDirection, ModelId, UsageView},
	idao::{AccountView, IdaoView, ProposalView},
	models::{BenchmarkId, LeaderboardEntry, ModelView, PerformanceView},
	podv::{EpochIndex, EpochView, ValueView},
};

use super::{
	genesis_config_presets, AccountId, AgentReputation, Aura, Balance, Block, BlockNumber, Dat,
	Executive, Grandpa, Idao, InherentDataExt, ModelStaking, Nonce, Podv, Runtime, RuntimeCall,
	RuntimeGenesisConfig, SessionKeys, System, TransactionPayment, VERSION,
};

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			// Equivocation reports need key-ownership proofs, which this chain does not keep.
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			None
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl lazai_primitives::dat::DatApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn get(dat: DatId) -> Option<DatView<AccountId, Balance, BlockNumber>> {
			Dat::dat_view(dat)
		}

		fn lineage(dat: DatId, direction: LineageDirection, max_depth: u32) -> Option<Lineage> {
			pallet_dat::lineage::lineage_of::<Runtime>(dat, direction, max_depth)
		}

		fn by_content_hash(content_hash: sp_core::H256) -> Option<DatId> {
			Dat::dat_by_content_hash(content_hash)
		}

		fn usage(dat: DatId) -> Option<UsageView<AccountId, Balance>> {
			Dat::usage_view(dat)
		}

		fn holdings(who: AccountId) -> Vec<HoldingView<Balance>> {
			Dat::holdings_view(&who)
		}
	}

	impl lazai_primitives::models::ModelStakingApi<Block, AccountId, BlockNumber> for Runtime {
		fn model_get(model: ModelId) -> Option<ModelView<AccountId, BlockNumber>> {
			ModelStaking::model_view(model)
		}

		fn model_performance(model: ModelId) -> Option<PerformanceView<BlockNumber>> {
			ModelStaking::performance(model)
		}

		fn benchmark_leaderboard(benchmark: BenchmarkId, n: u32) -> Vec<LeaderboardEntry<BlockNumber>> {
			ModelStaking::leaderboard(benchmark, n)
		}
	}

	impl lazai_primitives::podv::PodvApi<Block, Balance, BlockNumber> for Runtime {
		fn score(dat: DatId) -> Option<ValueView<Balance>> {
			Podv::value_view(dat)
		}

		fn total_data_value() -> u128 {
			Podv::total_data_value()
		}

		fn top(n: u32) -> Vec<(DatId, u64)> {
			Podv::top(n)
		}

		fn epoch(epoch: EpochIndex) -> Option<EpochView<Balance, BlockNumber>> {
			Podv::epoch_view(epoch)
		}
	}

	impl lazai_primitives::idao::IdaoApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn get(idao: IdaoId) -> Option<IdaoView<AccountId, Balance, BlockNumber>> {
			Idao::idao_view(idao)
		}

		fn proposals(idao: IdaoId) -> Vec<ProposalView<AccountId, BlockNumber>> {
			Idao::proposal_views(idao)
		}

		fn of(account: AccountId) -> AccountView<Balance> {
			Idao::account_view(&account)
		}
	}

	impl lazai_primitives::agents::AgentApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn get(agent: AgentId) -> Option<AgentView<AccountId, Balance, BlockNumber>> {
			AgentReputation::agent_view(agent)
		}

		fn reputation(agent: AgentId) -> Option<ReputationView> {
			AgentReputation::reputation_view(agent)
		}

		fn top(n: u32) -> Vec<(AgentId, ReputationPpm)> {
			AgentReputation::top_agents(n)
		}

		fn tasks(agent: AgentId) -> Vec<TaskView<AccountId, Balance, BlockNumber>> {
			AgentReputation::task_views(agent)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}
		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}
		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			genesis_config_presets::preset_names()
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::BenchmarkList;
			use frame_support::traits::StorageInfoTrait;
			use super::benchmarks::*;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);
			let storage_info = super::AllPalletsWithSystem::storage_info();
			(list, storage_info)
		}

		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::BenchmarkBatch;
			use frame_support::traits::WhitelistedStorageKeys;
			use sp_core::storage::TrackedStorageKey;
			use super::benchmarks::*;

			let whitelist: Vec<TrackedStorageKey> = super::AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			// try-runtime is an off-chain tool: a failed migration check must stop it loudly.
			let weight = Executive::try_runtime_upgrade(checks).unwrap();
			(weight, super::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.expect("try-runtime: execute_block failed")
		}
	}
}
