//! # LazAI runtime
//!
//! The state transition function of LazAI Chain. It is compiled twice: natively for tests and
//! tooling, and to WASM, the form the chain actually runs and upgrades through `system.setCode`.
//!
//! - `configs`: how each pallet is configured.
//! - `apis`: the runtime APIs the node and clients (polkadot.js) call.
//! - `genesis_config_presets`: the `development` and `local_testnet` genesis states.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` needs a larger recursion limit.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;
#[cfg(test)]
mod tests;
pub mod weights;

use alloc::{borrow::Cow, vec::Vec};
use sp_runtime::{generic, impl_opaque_keys, traits::BlakeTwo256};
use sp_version::{runtime_version, RuntimeVersion};

pub use lazai_primitives::{
	currency, time, AccountId, Balance, BlockNumber, Hash, Nonce, Signature,
};

/// Opaque types: the node uses them to handle blocks and extrinsics without knowing the
/// runtime's exact types, so it keeps syncing through runtime upgrades.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier.
	pub type BlockId = generic::BlockId<Block>;
}

impl_opaque_keys! {
	/// The keys a validator registers with `session.setKeys`: Aura to author blocks, GRANDPA to
	/// vote on finality.
	pub struct SessionKeys {
		pub aura: Aura,
		pub grandpa: Grandpa,
	}
}

/// Declares [`VERSION`] with the given `spec_version`. `#[runtime_version]` needs the number as a
/// literal, so the two builds below pass theirs in.
macro_rules! lazai_version {
	($spec_version:tt) => {
		/// The runtime's version. Bump `spec_version` on every change of logic,
		/// `transaction_version` when the encoding of calls or transaction extensions changes.
		#[runtime_version]
		pub const VERSION: RuntimeVersion = RuntimeVersion {
			spec_name: Cow::Borrowed("lazai"),
			impl_name: Cow::Borrowed("lazai-node"),
			authoring_version: 1,
			spec_version: $spec_version,
			impl_version: 1,
			apis: apis::RUNTIME_API_VERSIONS,
			transaction_version: 1,
			system_version: 1,
		};
	};
}

// Keep the two numbers together: the `upgrade-test` build is the same runtime one spec version
// later, which the runtime-upgrade zombienet test enacts with `system.setCode`.
#[cfg(not(feature = "upgrade-test"))]
lazai_version!(108);
#[cfg(feature = "upgrade-test")]
lazai_version!(109);

/// The address format of the chain: accounts, by id or index.
pub type Address = sp_runtime::MultiAddress<AccountId, ()>;
/// The block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// A block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// A signed block with its justifications.
pub type SignedBlock = generic::SignedBlock<Block>;
/// Identifies a block by hash or number.
pub type BlockId = generic::BlockId<Block>;

/// The checks and payments every transaction goes through, in order.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// An extrinsic as it arrives in a block.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload a transaction's signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Migrations run at the next runtime upgrade, beyond the pallets' own.
#[allow(unused_parens)]
type Migrations = ();

/// Dispatches blocks and extrinsics to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(3)]
	pub type TransactionPayment = pallet_transaction_payment;

	// Consensus. The validator set comes before Session: its genesis must exist when Session
	// asks it for the first validators.
	#[runtime::pallet_index(10)]
	pub type ValidatorSet = pallet_validator_set;
	#[runtime::pallet_index(11)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(12)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(13)]
	pub type Grandpa = pallet_grandpa;

	// Utilities and governance.
	#[runtime::pallet_index(20)]
	pub type Utility = pallet_utility;
	#[runtime::pallet_index(21)]
	pub type Sudo = pallet_sudo;

	// LazAI: the data economy
	#[runtime::pallet_index(30)]
	pub type Dat = pallet_dat;
	#[runtime::pallet_index(31)]
	pub type VerifiedComputing = pallet_verified_computing;
	#[runtime::pallet_index(32)]
	pub type ModelStaking = pallet_model_staking;
	#[runtime::pallet_index(33)]
	pub type Podv = pallet_podv;
	#[runtime::pallet_index(34)]
	pub type Idao = pallet_idao;

	#[runtime::pallet_index(35)]
	pub type AgentReputation = pallet_agent_reputation;
}
