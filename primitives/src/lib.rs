//! # LazAI primitives
//!
//! The basic types every LazAI Chain crate agrees on (accounts, balances, block numbers, hashes),
//! the `LAZ` token's constants, and block-time constants. The traits through which the chain's
//! pallets talk to each other (DAT access, verified statements, reputation) live here too, so that
//! no pallet ever reaches into another pallet's storage.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod agents;
pub mod dat;
pub mod idao;
pub mod models;
pub mod podv;
pub mod verified;

use sp_runtime::{
	traits::{IdentifyAccount, Verify},
	MultiSignature,
};

/// An index to a block.
pub type BlockNumber = u32;

/// The signature type a LazAI transaction is signed with (sr25519, ed25519 or ecdsa).
pub type Signature = MultiSignature;

/// An account on the chain: the public key of the signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// A balance of `LAZ`, in its smallest unit (`10^-12 LAZ`).
pub type Balance = u128;

/// The number of transactions an account has sent.
pub type Nonce = u32;

/// A hash of some data, as used for blocks and the state trie.
pub type Hash = sp_core::H256;

/// Token constants of `LAZ`, the chain's native currency.
pub mod currency {
	use super::Balance;

	/// The symbol wallets show for the native token.
	pub const TOKEN_SYMBOL: &str = "LAZ";
	/// The number of decimals of one `LAZ`.
	pub const TOKEN_DECIMALS: u8 = 12;
	/// One whole `LAZ` in its smallest unit.
	pub const LAZ: Balance = 1_000_000_000_000;
	/// A thousandth of a `LAZ`.
	pub const MILLI_LAZ: Balance = LAZ / 1_000;
	/// A millionth of a `LAZ`.
	pub const MICRO_LAZ: Balance = LAZ / 1_000_000;
	/// The least balance an account must hold to exist.
	pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_LAZ;

	/// The deposit for storing `items` entries taking `bytes` bytes in total.
	pub const fn deposit(items: u32, bytes: u32) -> Balance {
		items as Balance * 100 * MILLI_LAZ + bytes as Balance * 100 * MICRO_LAZ
	}
}

/// The SS58 address prefix of the chain (the generic Substrate prefix).
pub const SS58_PREFIX: u16 = 42;

/// Block-time constants.
pub mod time {
	use super::BlockNumber;

	/// The target time between two blocks; Aura slots have this length.
	pub const MILLISECS_PER_BLOCK: u64 = 6_000;
	/// The length of an Aura slot. Changing it on a running chain stops block production.
	pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;

	/// Blocks in a minute.
	pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);
	/// Blocks in an hour.
	pub const HOURS: BlockNumber = MINUTES * 60;
	/// Blocks in a day.
	pub const DAYS: BlockNumber = HOURS * 24;
}

#[cfg(test)]
mod tests {
	use super::currency::*;

	#[test]
	fn deposit_grows_with_items_and_bytes() {
		assert_eq!(deposit(0, 0), 0);
		assert_eq!(deposit(1, 0), 100 * MILLI_LAZ);
		assert_eq!(deposit(1, 10), 100 * MILLI_LAZ + 1_000 * MICRO_LAZ);
		assert!(deposit(2, 10) > deposit(1, 10));
	}

	#[test]
	fn token_units_are_consistent() {
		assert_eq!(LAZ, 10u128.pow(TOKEN_DECIMALS as u32));
		assert_eq!(MILLI_LAZ * 1_000, LAZ);
		const { assert!(EXISTENTIAL_DEPOSIT > 0) };
	}
}
