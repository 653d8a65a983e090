//! `lazai-node`: the LazAI Chain node. Aura authors blocks, GRANDPA finalizes them, ParityDB
//! stores the chain.

#![warn(missing_docs)]
// `sc_cli::Error`, which every command and the service return, is large; it is returned once, at
// the end of a command, so boxing it would buy nothing.
#![allow(clippy::result_large_err)]

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;
mod verified_computing;

fn main() -> sc_cli::Result<()> {
	command::run()
}
