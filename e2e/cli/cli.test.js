// lazai-node's command line, as an operator uses it: every subcommand's --help, the version, key
// generation and inspection, and a two-validator `local` chain booted from exported chain spec
// files (one plain, one raw) that authors and finalizes blocks.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeBinary, startNode, rpc } from '../lib/node.js';

const work = mkdtempSync(join(tmpdir(), 'lazai-cli-'));
const nodes = [];

after(async () => {
  await Promise.all(nodes.map((node) => node.stop()));
  rmSync(work, { recursive: true, force: true });
});

/** Run lazai-node with `args`; its exit status, stdout and stderr. */
function lazaiNode(args) {
  const { status, stdout, stderr } = spawnSync(nodeBinary(), args, { encoding: 'utf8', timeout: 60_000 });
  return { status, stdout, stderr };
}

/** The subcommands a --help text lists under `Commands:` (less `help`). */
function subcommands(help) {
  const section = help.split(/^Commands:$/m)[1];
  if (!section) return [];
  return section.split(/\n\s*\n/)[0].split('\n')
    .map((line) => line.match(/^ {2}([a-z][a-z0-9-]*)(\s|$)/)?.[1])
    .filter((name) => name && name !== 'help');
}

test('--help and every subcommand\'s --help, nested ones included, exit 0', () => {
  const top = lazaiNode(['--help']);
  assert.equal(top.status, 0, top.stderr);
  const commands = subcommands(top.stdout);
  for (const expected of ['key', 'build-spec', 'export-chain-spec', 'check-block', 'export-blocks', 'export-state',
    'import-blocks', 'purge-chain', 'revert', 'benchmark', 'chain-info', 'verified-computing']) {
    assert.ok(commands.includes(expected), `lazai-node --help lists ${expected}`);
  }
  const seen = [];
  const visit = (path) => {
    const help = lazaiNode([...path, '--help']);
    assert.equal(help.status, 0, `lazai-node ${path.join(' ')} --help: ${help.stderr}`);
    assert.match(help.stdout, /Usage:/, `lazai-node ${path.join(' ')} --help prints a usage`);
    seen.push(path.join(' '));
    for (const sub of subcommands(help.stdout)) visit([...path, sub]);
  };
  for (const command of commands) visit([command]);
  // key, benchmark and verified-computing have subcommands of their own.
  for (const nested of ['key generate', 'key inspect', 'benchmark pallet', 'verified-computing convert-snarkjs']) {
    assert.ok(seen.includes(nested), `lazai-node ${nested} --help was checked`);
  }
});

test('--version names the crate version and the commit it was built from', () => {
  const { status, stdout } = lazaiNode(['--version']);
  assert.equal(status, 0);
  const commit = spawnSync('git', ['rev-parse', '--short=11', 'HEAD'], { encoding: 'utf8' });
  assert.match(stdout.trim(), /^lazai-node \d+\.\d+\.\d+-[0-9a-f]{11}$/);
  if (commit.status === 0) assert.ok(stdout.includes(commit.stdout.trim()), `${stdout} names ${commit.stdout}`);
});

test('key generate and key inspect agree on the account, for sr25519 and ed25519', () => {
  for (const scheme of ['sr25519', 'ed25519']) {
    const generated = JSON.parse(execFileSync(nodeBinary(),
      ['key', 'generate', '--scheme', scheme, '--words', '12', '--output-type', 'json'], { encoding: 'utf8' }));
    assert.equal(generated.secretPhrase.split(' ').length, 12);
    const inspected = JSON.parse(execFileSync(nodeBinary(),
      ['key', 'inspect', '--scheme', scheme, '--output-type', 'json', generated.secretPhrase], { encoding: 'utf8' }));
    assert.equal(inspected.ss58Address, generated.ss58Address);
    assert.equal(inspected.publicKey, generated.publicKey);
    assert.equal(inspected.accountId, generated.accountId);
  }
  // A well-known development key reads back as the address every wallet shows for it.
  const alice = JSON.parse(execFileSync(nodeBinary(), ['key', 'inspect', '--output-type', 'json', '//Alice'],
    { encoding: 'utf8' }));
  assert.equal(alice.ss58Address, '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');
});

test('a local chain booted from exported chain spec files authors and finalizes blocks', async () => {
  const plain = join(work, 'local.json');
  const raw = join(work, 'local-raw.json');
  let run = lazaiNode(['export-chain-spec', '--chain', 'local', '--output', plain]);
  assert.equal(run.status, 0, run.stderr);
  run = lazaiNode(['export-chain-spec', '--chain', 'local', '--raw', '--output', raw]);
  assert.equal(run.status, 0, run.stderr);

  const spec = JSON.parse(readFileSync(plain, 'utf8'));
  assert.equal(spec.properties.tokenSymbol, 'LAZ');
  // The runtime's WASM, zstd-compressed behind Substrate's 8-byte prefix.
  assert.ok(spec.genesis.runtimeGenesis.code.startsWith('0x52bc537646db8e05'), 'the runtime WASM is in the spec');
  const rawSpec = JSON.parse(readFileSync(raw, 'utf8'));
  assert.ok(rawSpec.genesis.raw.top['0x3a636f6465'], 'the raw spec holds :code');

  // A validator needs a node key of its own: each gets one made by the CLI. Alice boots from the
  // plain file, Bob from the raw file with Alice as his boot node.
  const keys = {};
  for (const name of ['alice', 'bob']) {
    const file = join(work, `${name}.key`);
    run = lazaiNode(['key', 'generate-node-key', '--file', file]);
    assert.equal(run.status, 0, run.stderr);
    const peerId = lazaiNode(['key', 'inspect-node-key', '--file', file]).stdout.trim();
    assert.equal(peerId, run.stderr.trim(), 'inspect-node-key names the peer generate-node-key made');
    keys[name] = { file, peerId };
  }

  const alice = await startNode('cli-alice', ['--chain', plain, '--alice', '--node-key-file', keys.alice.file]);
  nodes.push(alice);
  const bob = await startNode('cli-bob', ['--chain', raw, '--bob', '--node-key-file', keys.bob.file,
    '--bootnodes', `/ip4/127.0.0.1/tcp/${alice.p2pPort}/p2p/${keys.alice.peerId}`]);
  nodes.push(bob);

  assert.equal(await rpc(alice.rpcPort, 'chain_getBlockHash', [0]), await rpc(bob.rpcPort, 'chain_getBlockHash', [0]),
    'both spec files give the same genesis');
  const deadline = Date.now() + 120_000;
  for (;;) {
    const heights = await Promise.all([alice, bob].map(async ({ rpcPort }) => {
      const hash = await rpc(rpcPort, 'chain_getFinalizedHead');
      return parseInt((await rpc(rpcPort, 'chain_getHeader', [hash])).number, 16);
    }));
    if (heights.every((height) => height >= 2)) break;
    assert.ok(Date.now() < deadline, `finalized heights stuck at ${heights}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
});
