//! The built-in chains (`dev`, `local`) and loading a chain spec from a file.

use lazai_primitives::{currency, SS58_PREFIX};
use lazai_runtime::WASM_BINARY;
use sc_service::{ChainType, Properties};

/// A LazAI chain spec: the runtime, its genesis and the chain's properties.
pub type ChainSpec = sc_service::GenericChainSpec;

/// What wallets such as polkadot.js show: token symbol, decimals and address format.
pub fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), currency::TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), currency::TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

/// A built-in chain: this node's runtime started from one of its genesis presets.
fn built_in(
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
) -> Result<ChainSpec, String> {
	let code = WASM_BINARY.ok_or_else(|| {
		"The runtime's WASM was not built; build without SKIP_WASM_BUILD".to_string()
	})?;
	Ok(ChainSpec::builder(code, None)
		.with_name(name)
		.with_id(id)
		.with_protocol_id(id)
		.with_chain_type(chain_type)
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build())
}

/// `--dev`: Alice is the only validator and holds the sudo key.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	built_in(
		"LazAI Development",
		"lazai_dev",
		ChainType::Development,
		sp_genesis_builder::DEV_RUNTIME_PRESET,
	)
}

/// `--chain local`: Alice and Bob validate.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	built_in(
		"LazAI Local Testnet",
		"lazai_local",
		ChainType::Local,
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET,
	)
}

/// The chain named by `--chain`: `dev`, `local`, or the path of a chain spec JSON file.
pub fn load(id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
	Ok(match id {
		"dev" => Box::new(development_chain_spec()?),
		"" | "local" => Box::new(local_chain_spec()?),
		path => Box::new(ChainSpec::from_json_file(std::path::PathBuf::from(path))?),
	})
}
