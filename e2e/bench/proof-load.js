// Load figures for verified computing against a real `lazai-node --dev`: how many BN254 Groth16
// proofs the chain verifies per second, submitted one by one (`submitProof`) and in batches of
// 16 (`submitProofs`).
// Run: `npm run bench:proofs` (uses the node in $CARGO_TARGET_DIR/release; proves with the
// `square_roots` example of lazai-groth16, which cargo builds on the first run).
// SINGLES (default 1500) single proofs and BATCHES (default 200) batches of 16 are signed up
// front and released at once, so blocks are filled by the runtime's limits. Every proof has
// fresh public inputs: each is a new statement.

import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex } from '@polkadot/util-crypto';
import { hexToU8a, u8aConcat } from '@polkadot/util';
import { startNode, connect, submitFinalized } from '../lib/node.js';
import { fill } from '../lib/load.js';

const SINGLES = Number(process.env.SINGLES || 1500);
const BATCHES = Number(process.env.BATCHES || 200);
const BATCH = 16;
const INPUTS = 1;

const here = dirname(fileURLToPath(import.meta.url));
console.log(`proving ${SINGLES + BATCHES * BATCH} BN254 statements with arkworks…`);
const proven = JSON.parse(execFileSync('cargo', ['run', '--release', '--locked', '--quiet', '-p', 'lazai-groth16',
  '--features', 'testing', '--example', 'square_roots', '--', 'bn254', String(INPUTS),
  String(SINGLES + BATCHES * BATCH)], { cwd: join(here, '..', '..'), encoding: 'utf8', maxBuffer: 1 << 30,
  stdio: ['ignore', 'pipe', 'inherit'] }));
const singles = proven.proofs.slice(0, SINGLES);
const batched = proven.proofs.slice(SINGLES);

const node = await startNode('bench-proofs', ['--dev', '--pool-limit', '200000', '--pool-kbytes', '1000000']);
const api = await connect(node);
const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');

try {
  const blockSeconds = (await api.call.auraApi.slotDuration()).toNumber() / 1000;
  await submitFinalized(api, api.tx.verifiedComputing.registerCircuit('Bn254', proven.verifyingKey, 'Opaque',
    'load test: square roots'), alice);
  const circuit = blake2AsHex(u8aConcat([0], hexToU8a(proven.verifyingKey)));
  const proof = ({ proof: bytes, inputs }) => [{ curve: 'Bn254', bytes }, inputs];

  const { full: perBlock } = await fill(api, alice, 'verifiedComputing.submitProof', SINGLES, (i) =>
    api.tx.verifiedComputing.submitProof(circuit, ...proof(singles[i])));
  const { full: batchesPerBlock } = await fill(api, alice, `verifiedComputing.submitProofs (${BATCH} each)`, BATCHES,
    (i) => api.tx.verifiedComputing.submitProofs(circuit, batched.slice(i * BATCH, (i + 1) * BATCH).map(proof)));
  const verified = (await api.query.verifiedComputing.statements.keys()).length;
  if (verified !== SINGLES + BATCHES * BATCH) throw new Error(`${verified} statements recorded`);
  console.log(`${verified} statements recorded; blocks every ${blockSeconds} s`);
  console.log(`single proofs: ${perBlock} per block, ${(perBlock / blockSeconds).toFixed(1)} verified per second`);
  const batchedPerBlock = batchesPerBlock * BATCH;
  console.log(`batches of ${BATCH}: ${batchedPerBlock} proofs per block, ${(batchedPerBlock / blockSeconds).toFixed(1)} verified per second`);
} finally {
  await api.disconnect();
  await node.stop();
}
