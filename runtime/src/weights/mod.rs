//! Weights measured on the chain's reference machine by `scripts/benchmark.sh`: the SDK pallets'
//! calls, the transaction extensions, the block and extrinsic overhead and the database. Our own
//! pallets keep theirs in `pallets/<name>/src/weights.rs`. Do not edit these files; regenerate.

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_balances;
pub mod pallet_sudo;
pub mod pallet_timestamp;
pub mod pallet_transaction_payment;
pub mod pallet_utility;
// The generated constants document the struct's fields with doc comments rustc cannot attach.
#[allow(unused_doc_comments)]
pub mod paritydb_weights;

pub use block_weights::BlockExecutionWeight;
pub use extrinsic_weights::ExtrinsicBaseWeight;
pub use paritydb_weights::constants::ParityDbWeight;
