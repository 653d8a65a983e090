// Proof of Data Value on a real `lazai-node --dev` (epochs of ten blocks): Bob and Charlie
// anchor a dataset each, Eve bonds as an attester and marks both, the scores and the Total Data
// Value read back over RPC, and the next epoch pays its budget into the two datasets' revenue
// pools by score, where their holders claim it.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex } from '@polkadot/util-crypto';
import { startNode, connect, submitFinalized, errorName, rpc } from '../lib/node.js';

let node;
let api;
let bob;
let charlie;
let eve;

before(async () => {
  node = await startNode('podv', ['--dev']);
  api = await connect(node);
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  [bob, charlie, eve] = ['//Bob', '//Charlie', '//Eve'].map((uri) => keyring.addFromUri(uri));
});

after(async () => {
  await api?.disconnect();
  await node?.stop();
});

/** Submit and wait for finality; fail with the dispatch error's name. Returns the events. */
async function send(tx, signer) {
  const { events, dispatchError } = await submitFinalized(api, tx, signer);
  assert.equal(dispatchError, null, dispatchError && errorName(api, dispatchError));
  return events.map(({ event }) => event);
}

const policy = { access: 'Anyone', price: 0, maxUses: null, expiresAt: null, derivationAllowed: true, royalty: 0 };

async function anchorDataset(seed, owner) {
  const events = await send(api.tx.dat.anchor(blake2AsHex(`podv-${seed}`), `ipfs://${seed}`, 'Dataset', [], policy), owner);
  return events.find((e) => api.events.dat.Anchored.is(e)).data.dat.toNumber();
}

/** The `podv_*` RPC methods, described for @polkadot/api as in docs/dapp-developer.md. */
const at = { name: 'at', type: 'Hash', isOptional: true };
const PODV_RPC = {
  podv: {
    score: { description: 'A DAT\'s value score', params: [{ name: 'dat', type: 'u64' }, at], type: 'Json' },
    totalDataValue: { description: 'The Total Data Value', params: [at], type: 'u128' },
    top: { description: 'The DATs of highest score', params: [{ name: 'n', type: 'u32' }, at], type: 'Vec<(u64, u64)>' },
    epoch: { description: 'A reward epoch', params: [{ name: 'epoch', type: 'u32' }, at], type: 'Json' },
  },
};

/** Wait until `check` returns a value other than null or undefined, polling each second. */
async function waitFor(check, what, timeoutMs = 150_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

test('attested datasets are scored and the next epoch pays their holders by score', async () => {
  const good = await anchorDataset('good', bob);
  const poor = await anchorDataset('poor', charlie);
  const bond = api.consts.podv.minAttesterBond.toBigInt();
  await send(api.tx.podv.bondAttester(bond), eve);
  const attested = await submitFinalized(api, api.tx.utility.batchAll([
    api.tx.podv.attest(good, 90, 80, 85),
    api.tx.podv.attest(poor, 40, 50, 45),
  ]), eve);
  assert.equal(attested.dispatchError, null);
  assert.equal(attested.events.filter(({ event }) => api.events.podv.Attested.is(event)).length, 2);

  // Quality: (90 + 80 + 85) × 1,000,000 / 300 = 850,000; 30 % of it is the score.
  const goodView = await rpc(node.rpcPort, 'podv_score', [good]);
  assert.deepEqual(goodView.attested, [90, 80, 85]);
  assert.equal(goodView.quality, 850_000);
  assert.equal(goodView.score, 255_000);
  const poorView = await rpc(node.rpcPort, 'podv_score', [poor]);
  assert.equal(poorView.score, 135_000);
  assert.equal(await rpc(node.rpcPort, 'podv_totalDataValue', []), 255_000 + 135_000);
  assert.deepEqual(await rpc(node.rpcPort, 'podv_top', [2]), [[good, 255_000], [poor, 135_000]]);
  assert.equal(await rpc(node.rpcPort, 'podv_score', [poor + 1]), null);
  const { methods } = await rpc(node.rpcPort, 'rpc_methods');
  for (const method of ['podv_score', 'podv_totalDataValue', 'podv_top', 'podv_epoch']) {
    assert.ok(methods.includes(method), `rpc_methods lists ${method}`);
  }
  // The same through @polkadot/api, given the methods' definitions.
  const described = await connect(node, { rpc: PODV_RPC });
  try {
    assert.equal((await described.rpc.podv.totalDataValue()).toNumber(), 390_000);
    assert.equal((await described.rpc.podv.score(good)).toJSON().score, 255_000);
    assert.deepEqual((await described.rpc.podv.top(1)).toJSON(), [[good, 255_000]]);
  } finally {
    await described.disconnect();
  }

  // The first epoch that starts after the attestations' block shares its budget by these scores.
  const epoch = (await (await api.at(attested.blockHash)).query.podv.currentEpoch()).toNumber() + 1;
  const paid = await waitFor(async () => {
    const view = await rpc(node.rpcPort, 'podv_epoch', [epoch]);
    return view?.completedAt == null ? null : view;
  }, `epoch ${epoch} to be paid`);
  const budget = api.consts.podv.epochReward.toBigInt();
  assert.equal(paid.totalValue, 390_000);
  assert.equal(BigInt(paid.budget), budget);
  assert.equal(BigInt(paid.paid), budget);
  assert.equal(paid.datsPaid, 2);

  // Each holder can claim its dataset's share, to the unit.
  const claimable = async (who, dat) => {
    const holdings = await rpc(node.rpcPort, 'dat_holdings', [who.address]);
    return BigInt(holdings.find((h) => h.dat === dat).claimable);
  };
  const [goodShare, poorShare] = [await claimable(bob, good), await claimable(charlie, poor)];
  assert.equal(goodShare + poorShare, budget);
  const exact = (budget * 255_000n) / 390_000n;
  assert.ok(goodShare >= exact - 1n && goodShare <= exact + 1n, `${goodShare} against ${exact}`);
  const claimed = await send(api.tx.dat.claimRevenue(good), bob);
  const event = claimed.find((e) => api.events.dat.RevenueClaimed.is(e));
  assert.equal(event.data.amount.toBigInt(), goodShare);
});

test('attesting needs a bond, and marks above 100 are refused', async () => {
  const dat = await anchorDataset('unbonded', bob);
  const unbonded = await submitFinalized(api, api.tx.podv.attest(dat, 50, 50, 50), charlie);
  assert.equal(errorName(api, unbonded.dispatchError), 'podv.NotAttester');
  const tooHigh = await submitFinalized(api, api.tx.podv.attest(dat, 50, 101, 50), eve);
  assert.equal(errorName(api, tooHigh.dispatchError), 'podv.MarkOutOfRange');
});
