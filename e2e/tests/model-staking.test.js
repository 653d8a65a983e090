// Model staking on a real `lazai-node --dev`: Bob anchors training data and a test set, Alice
// anchors her model's weights and registers the model trained on Bob's data, Charlie registers
// the circom evaluation circuit, Root makes it a benchmark on the test set, Alice claims a score
// and Bob backs her; a snarkjs proof of the evaluation, submitted by Charlie, settles the claim
// and both stakers are rewarded. The model, its score and the leaderboard read back over RPC.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex } from '@polkadot/util-crypto';
import { hexToU8a, u8aConcat } from '@polkadot/util';
import { startNode, connect, submitFinalized, errorName, rpc } from '../lib/node.js';
import { EvaluationProver } from '../lib/circom.js';

let prover;
let node;
let api;
let alice;
let bob;
let charlie;

before(async () => {
  prover = new EvaluationProver();
  node = await startNode('model-staking', ['--dev']);
  api = await connect(node);
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  [alice, bob, charlie] = ['//Alice', '//Bob', '//Charlie'].map((uri) => keyring.addFromUri(uri));
});

after(async () => {
  await api?.disconnect();
  await node?.stop();
  prover?.cleanup();
});

/** Submit and wait for finality; fail with the dispatch error's name. Returns the events. */
async function send(tx, signer) {
  const { events, dispatchError } = await submitFinalized(api, tx, signer);
  assert.equal(dispatchError, null, dispatchError && errorName(api, dispatchError));
  return events.map(({ event }) => event);
}

const policy = { access: 'Anyone', price: 0, maxUses: null, expiresAt: null, derivationAllowed: true, royalty: 0 };
const anchor = (seed, kind) => api.tx.dat.anchor(blake2AsHex(`model-staking-${seed}`), `ipfs://${seed}`, kind, [], policy);
const anchored = (events) => events.filter((e) => api.events.dat.Anchored.is(e)).map((e) => e.data.dat.toNumber());

test('a claim confirmed by a snarkjs proof rewards its stakers and tops the leaderboard', async () => {
  const [training, testSet] = anchored(await send(
    api.tx.utility.batchAll([anchor('training', 'Dataset'), anchor('test-set', 'Dataset')]), bob));
  const [weights] = anchored(await send(anchor('weights', 'ModelWeights'), alice));
  const registered = await send(api.tx.modelStaking.registerModel(weights, [training], 'ipfs://model-card', 0), alice);
  const model = registered.find((e) => api.events.modelStaking.ModelRegistered.is(e)).data.model.toNumber();

  // Alice's model got 7 of 8 test samples right: 875,000 parts per million.
  const converted = prover.prove(model, testSet, [1, 1, 1, 0, 1, 1, 1, 1]);
  await send(api.tx.verifiedComputing.registerCircuit('Bn254', converted.verifyingKey, 'Evaluation', 'accuracy'), charlie);
  const circuit = blake2AsHex(u8aConcat([0], hexToU8a(converted.verifyingKey)));
  const created = await send(
    api.tx.sudo.sudo(api.tx.modelStaking.createBenchmark(circuit, testSet, true, 'accuracy on 8 samples')), alice);
  const benchmark = created.find((e) => api.events.modelStaking.BenchmarkCreated.is(e)).data.benchmark.toNumber();

  const stake = api.consts.modelStaking.minStake.toBigInt();
  const opened = await send(api.tx.modelStaking.claimPerformance(model, benchmark, 850_000, 3n * stake), alice);
  const claim = opened.find((e) => api.events.modelStaking.ClaimOpened.is(e)).data.claim.toNumber();
  await send(api.tx.modelStaking.backClaim(claim, stake), bob);

  const free = async (who) => (await api.query.system.account(who.address)).data.free.toBigInt();
  const [aliceBefore, bobBefore] = [await free(alice), await free(bob)];
  const settledEvents = await send(
    api.tx.verifiedComputing.submitProof(circuit, { curve: 'Bn254', bytes: converted.proof }, converted.inputs), charlie);
  const settled = settledEvents.find((e) => api.events.modelStaking.ClaimSettled.is(e));
  assert.ok(settled, 'a ClaimSettled event');
  assert.equal(settled.data.outcome.type, 'Accurate');
  assert.equal(settled.data.verifiedScore.unwrap().toNumber(), 875_000);
  // 5 % of the 4 × MinStake on the claim, split 3 : 1.
  const reward = (4n * stake) / 20n;
  assert.equal(settled.data.rewarded.toBigInt(), reward);
  assert.equal((await free(alice)) - aliceBefore, (reward * 3n) / 4n);
  assert.equal((await free(bob)) - bobBefore, reward / 4n);

  const view = await rpc(node.rpcPort, 'model_get', [model]);
  assert.equal(view.weights, weights);
  assert.deepEqual(view.trainingData, [training]);
  assert.equal(view.openClaims, 0);
  const performance = await rpc(node.rpcPort, 'model_performance', [model]);
  assert.deepEqual(performance.latest.map((s) => [s.benchmark, s.score]), [[benchmark, 875_000]]);
  const board = await rpc(node.rpcPort, 'benchmark_leaderboard', [benchmark, 10]);
  assert.deepEqual(board.map((p) => [p.model, p.score]), [[model, 875_000]]);
  // The training data records its use by the model.
  const usage = await rpc(node.rpcPort, 'dat_usage', [training]);
  assert.deepEqual(usage.consumers.map((c) => c.consumer), [{ model }]);
  assert.equal(await rpc(node.rpcPort, 'model_get', [model + 1]), null);
});

test('only the model owner opens claims, and a claim without stake is refused', async () => {
  const events = await send(anchor('weights-2', 'ModelWeights'), alice);
  const [weights] = anchored(events);
  const registered = await send(api.tx.modelStaking.registerModel(weights, [], '', 0), alice);
  const model = registered.find((e) => api.events.modelStaking.ModelRegistered.is(e)).data.model.toNumber();
  const stake = api.consts.modelStaking.minStake.toBigInt();
  const byBob = await submitFinalized(api, api.tx.modelStaking.claimPerformance(model, 0, 500_000, stake), bob);
  assert.equal(errorName(api, byBob.dispatchError), 'modelStaking.NotModelOwner');
  const tooLow = await submitFinalized(api, api.tx.modelStaking.claimPerformance(model, 0, 500_000, stake - 1n), alice);
  assert.equal(errorName(api, tooLow.dispatchError), 'modelStaking.StakeTooLow');
});
