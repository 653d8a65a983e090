//! Genesis presets: the starting state of the `development` and `local_testnet` chains.
//!
//! `lazai-node --dev` and `--chain local` build their chain specs from these, and
//! `lazai-node build-spec` / `export-chain-spec` print them for custom networks.

use crate::{
	currency::LAZ, AccountId, BalancesConfig, ModelStaking, RuntimeGenesisConfig, SessionConfig,
	SessionKeys, SudoConfig, ValidatorSetConfig,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// What each development account starts with.
pub const ENDOWMENT: u128 = 1_000_000 * LAZ;

/// What model staking's reward pot starts with, so accurate claims are paid from the start.
pub const MODEL_REWARD_POT: u128 = 10_000 * LAZ;

/// A validator's account and the session keys it starts with.
pub struct GenesisValidator {
	pub account: AccountId,
	pub aura: AuraId,
	pub grandpa: GrandpaId,
}

impl GenesisValidator {
	/// The well-known development validator for a keyring name (Alice, Bob, ...).
	fn dev(sr: Sr25519Keyring, ed: Ed25519Keyring) -> Self {
		Self { account: sr.to_account_id(), aura: sr.public().into(), grandpa: ed.public().into() }
	}
}

/// A genesis state: `validators` start the chain, `endowed` accounts hold [`ENDOWMENT`] each,
/// the model staking reward pot [`MODEL_REWARD_POT`], `root` holds the sudo key.
pub fn genesis(
	validators: Vec<GenesisValidator>,
	endowed: Vec<AccountId>,
	root: AccountId,
) -> Value {
	let mut balances: Vec<_> = endowed.into_iter().map(|account| (account, ENDOWMENT)).collect();
	balances.push((ModelStaking::reward_pot(), MODEL_REWARD_POT));
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances },
		validator_set: ValidatorSetConfig {
			initial_validators: validators.iter().map(|v| v.account.clone()).collect::<Vec<_>>(),
		},
		session: SessionConfig {
			keys: validators
				.into_iter()
				.map(|v| {
					let keys = SessionKeys { aura: v.aura, grandpa: v.grandpa };
					(v.account.clone(), v.account, keys)
				})
				.collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: Some(root) },
	})
}

/// The well-known development accounts, all endowed.
fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::iter().map(|k| k.to_account_id()).collect()
}

/// `--dev`: Alice validates alone and holds the sudo key.
pub fn development() -> Value {
	genesis(
		vec![GenesisValidator::dev(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// `--chain local`: Alice and Bob validate; Alice holds the sudo key.
pub fn local_testnet() -> Value {
	genesis(
		vec![
			GenesisValidator::dev(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			GenesisValidator::dev(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// The JSON of the named preset, if it exists.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_str() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet(),
		_ => return None,
	};
	serde_json::to_vec(&patch).ok()
}

/// The names of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
