// Verified computing on a real `lazai-node --dev`, with a real circom circuit proved by snarkjs:
// compile the evaluation circuit, run a (small, local) trusted setup, prove an evaluation,
// convert the snarkjs files with `lazai-node verified-computing convert-snarkjs`, register the
// key, submit the proof and see the statement on chain; the same proof with a changed public
// input is refused.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex } from '@polkadot/util-crypto';
import { hexToU8a, u8aConcat } from '@polkadot/util';
import { startNode, connect, submitFinalized, errorName, nodeBinary } from '../lib/node.js';

const here = dirname(fileURLToPath(import.meta.url));
const bin = (name) => join(here, '..', 'node_modules', '.bin', name);
let work;
let node;
let api;
let alice;
let bob;
let converted;

/** Run a command in the work directory; its output is only shown when it fails. */
function run(command, args) {
  try {
    return execFileSync(command, args, { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${error.stdout}\n${error.stderr}`);
  }
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'lazai-circom-'));
  const circuit = join(here, '..', 'circuits', 'evaluation.circom');
  run(bin('circom2'), [circuit, '--r1cs', '--wasm', '-o', work]);
  // A local powers-of-tau ceremony: 2^8 constraints are plenty for this circuit.
  run(bin('snarkjs'), ['powersoftau', 'new', 'bn128', '8', 'pot0.ptau']);
  run(bin('snarkjs'), ['powersoftau', 'contribute', 'pot0.ptau', 'pot1.ptau', '--name=e2e', '-e=lazai e2e']);
  run(bin('snarkjs'), ['powersoftau', 'prepare', 'phase2', 'pot1.ptau', 'pot.ptau']);
  run(bin('snarkjs'), ['groth16', 'setup', 'evaluation.r1cs', 'pot.ptau', 'evaluation.zkey']);
  run(bin('snarkjs'), ['zkey', 'export', 'verificationkey', 'evaluation.zkey', 'verification_key.json']);
  // Model 7 on dataset DAT 3 got 6 of 8 samples right: 750,000 parts per million.
  const input = { model: 7, dataset: 3, score: 750000, correct: [1, 1, 0, 1, 1, 1, 0, 1] };
  writeFileSync(join(work, 'input.json'), JSON.stringify(input));
  run(bin('snarkjs'), ['groth16', 'fullprove', 'input.json', join('evaluation_js', 'evaluation.wasm'),
    'evaluation.zkey', 'proof.json', 'public.json']);
  converted = JSON.parse(run(nodeBinary(), ['verified-computing', 'convert-snarkjs',
    '--key', 'verification_key.json', '--proof', 'proof.json', '--public', 'public.json']));

  node = await startNode('verified-computing', ['--dev']);
  api = await connect(node);
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  [alice, bob] = ['//Alice', '//Bob'].map((uri) => keyring.addFromUri(uri));
});

after(async () => {
  await api?.disconnect();
  await node?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

const circuitId = () => blake2AsHex(u8aConcat([0], hexToU8a(converted.verifyingKey)));

test('convert-snarkjs gives a BN254 key, a 128-byte proof and the three public inputs', () => {
  assert.equal(converted.curve, 'Bn254');
  assert.equal(hexToU8a(converted.proof).length, 128);
  // alpha, beta, gamma, delta, a count, and four input bases (one more than the inputs).
  assert.equal(hexToU8a(converted.verifyingKey).length, 32 + 3 * 64 + 8 + 4 * 32);
  assert.deepEqual(converted.inputs.map((x) => BigInt(`0x${Buffer.from(hexToU8a(x)).reverse().toString('hex')}`)),
    [7n, 3n, 750000n]);
});

test('a circom evaluation circuit registers and its snarkjs proof is verified on chain', async () => {
  const register = api.tx.verifiedComputing.registerCircuit('Bn254', converted.verifyingKey, 'Evaluation',
    'e2e: 8-sample accuracy');
  const registered = await submitFinalized(api, register, alice);
  assert.equal(registered.dispatchError, null, registered.dispatchError && errorName(api, registered.dispatchError));
  const event = registered.events.find(({ event }) => api.events.verifiedComputing.CircuitRegistered.is(event));
  assert.ok(event, 'a CircuitRegistered event');
  assert.equal(event.event.data.circuit.toHex(), circuitId());
  assert.equal(event.event.data.inputs.toNumber(), 3);

  const proof = { curve: 'Bn254', bytes: converted.proof };
  const submitted = await submitFinalized(api,
    api.tx.verifiedComputing.submitProof(circuitId(), proof, converted.inputs), bob);
  assert.equal(submitted.dispatchError, null, submitted.dispatchError && errorName(api, submitted.dispatchError));
  const verified = submitted.events.find(({ event }) => api.events.verifiedComputing.StatementVerified.is(event));
  assert.ok(verified, 'a StatementVerified event');
  const statement = verified.event.data.statement.toHex();
  const inputsHash = blake2AsHex(u8aConcat(...converted.inputs.map((x) => hexToU8a(x))));
  assert.equal(statement, blake2AsHex(u8aConcat(hexToU8a(circuitId()), hexToU8a(inputsHash))));

  const record = (await api.query.verifiedComputing.statements(statement)).unwrap();
  assert.equal(record.circuit.toHex(), circuitId());
  assert.equal(record.inputsHash.toHex(), inputsHash);
  assert.equal(record.submitter.toString(), bob.address);
});

test('the same proof with a changed public input is refused', async () => {
  const changed = [...converted.inputs];
  changed[2] = `0x${(800000).toString(16).padStart(6, '0').match(/../g).reverse().join('')}${'00'.repeat(29)}`;
  const proof = { curve: 'Bn254', bytes: converted.proof };
  const { dispatchError } = await submitFinalized(api,
    api.tx.verifiedComputing.submitProof(circuitId(), proof, changed), bob);
  assert.ok(dispatchError, 'the proof must be refused');
  assert.equal(errorName(api, dispatchError), 'verifiedComputing.InvalidProof');
});
