// Verified computing on a real `lazai-node --dev`, with a real circom circuit proved by snarkjs:
// compile the evaluation circuit, run a (small, local) trusted setup, prove an evaluation,
// convert the snarkjs files with `lazai-node verified-computing convert-snarkjs`, register the
// key, submit the proof and see the statement on chain; the same proof with a changed public
// input is refused.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex } from '@polkadot/util-crypto';
import { hexToU8a, u8aConcat } from '@polkadot/util';
import { startNode, connect, submitFinalized, errorName } from '../lib/node.js';
import { EvaluationProver } from '../lib/circom.js';

let prover;
let node;
let api;
let alice;
let bob;
let converted;

before(async () => {
  prover = new EvaluationProver();
  // Model 7 on dataset DAT 3 got 6 of 8 samples right: 750,000 parts per million.
  converted = prover.prove(7, 3, [1, 1, 0, 1, 1, 1, 0, 1]);
  node = await startNode('verified-computing', ['--dev']);
  api = await connect(node);
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  [alice, bob] = ['//Alice', '//Bob'].map((uri) => keyring.addFromUri(uri));
});

after(async () => {
  await api?.disconnect();
  await node?.stop();
  prover?.cleanup();
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
