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

fn runtime_code() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"The runtime's WASM was not built; build without SKIP_WASM_BUILD".to_string()
	})
}

/// `--dev`: Alice is the only validator and holds the sudo key.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(runtime_code()?, None)
		.with_name("LazAI Development")
		.with_id("lazai_dev")
		.with_protocol_id("lazai-dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `--chain local`: Alice and Bob validate.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(runtime_code()?, None)
		.with_name("LazAI Local Testnet")
		.with_id("lazai_local")
		.with_protocol_id("lazai-local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// The chain named by `--chain`: `dev`, `local`, or the path of a chain spec JSON file.
pub fn load(id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
	Ok(match id {
		"dev" => Box::new(development_chain_spec()?),
		"" | "local" => Box::new(local_chain_spec()?),
		path => Box::new(ChainSpec::from_json_file(std::path::PathBuf::from(path))?),
	})
}
