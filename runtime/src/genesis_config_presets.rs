//! Genesis presets: the starting state of the `development` and `local_testnet` chains.
//!
//! `lazai-node --dev` and `--chain local` build their chain specs from these, and
//! `lazai-node build-spec` / `export-chain-spec` print them for custom networks.

use crate::{
	currency::LAZ, AccountId, BalancesConfig, BlockNumber, ModelStaking, Podv, PodvConfig,
	RuntimeGenesisConfig, SessionConfig, SessionKeys, SudoConfig, ValidatorSetConfig,
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

/// What the PoDV reward pot starts with: a hundred epochs of rewards.
pub const PODV_REWARD_POT: u128 = 100_000 * LAZ;

/// The length of a PoDV epoch on a development chain: a minute, so rewards can be watched.
pub const DEV_PODV_EPOCH: BlockNumber = 10;

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
/// the model staking reward pot [`MODEL_REWARD_POT`] and the PoDV pot [`PODV_REWARD_POT`],
/// `root` holds the sudo key; PoDV epochs last `podv_epoch` blocks, or the runtime's default.
pub fn genesis(
	validators: Vec<GenesisValidator>,
	endowed: Vec<AccountId>,
	root: AccountId,
	podv_epoch: Option<BlockNumber>,
) -> Value {
	let mut balances: Vec<_> = endowed.into_iter().map(|account| (account, ENDOWMENT)).collect();
	balances.push((ModelStaking::reward_pot(), MODEL_REWARD_POT));
	balances.push((Podv::reward_pot(), PODV_REWARD_POT));
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
		podv: PodvConfig { epoch_length: podv_epoch },
	})
}

/// The well-known development accounts, all endowed.
fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::iter().map(|k| k.to_account_id()).collect()
}

/// `--dev`: Alice validates alone and holds the sudo key; PoDV epochs last a minute.
pub fn development() -> Value {
	genesis(
		vec![GenesisValidator::dev(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
		Some(DEV_PODV_EPOCH),
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
		None,
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
