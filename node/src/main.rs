//! `lazai-node`: the LazAI Chain node. Aura authors blocks, GRANDPA finalizes them, ParityDB
//! stores the chain.

#![warn(missing_docs)]

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;
mod verified_computing;

fn main() -> sc_cli::Result<()> {
	command::run()
}
