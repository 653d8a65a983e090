// Data Anchoring Tokens on a real `lazai-node --dev`: anchor a dataset, derive two DATs from it,
// pay for a use, claim the revenue (with the royalty reaching the parent), and read the lineage
// both ways over RPC. The paid use gives the DATs a PoDV value, and a dev chain's PoDV epoch pays
// every ten blocks into the same revenue pools; this file checks the DAT pallet's revenue alone,
// so it empties the PoDV reward pot first (podv.test.js tests the epoch rewards).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { stringToU8a, u8aConcat } from '@polkadot/util';
import { blake2AsHex, encodeAddress } from '@polkadot/util-crypto';
import { startNode, connect, submitFinalized, errorName, rpc } from '../lib/node.js';

const LAZ = 10n ** 12n;
const PERCENT = 10_000_000; // of a Perbill
let node;
let api;
let alice;
let bob;
let charlie;
let dave;

before(async () => {
  node = await startNode('dat', ['--dev']);
  api = await connect(node);
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  [alice, bob, charlie, dave] = ['//Alice', '//Bob', '//Charlie', '//Dave'].map((uri) => keyring.addFromUri(uri));
  // The PoDV pot is the account of its pallet id `lazai/pv`; with nothing in it, epochs pay nothing.
  const podvPot = encodeAddress(u8aConcat(stringToU8a('modl'), stringToU8a('lazai/pv'), new Uint8Array(20)), 42);
  const emptied = await submitFinalized(api, api.tx.sudo.sudo(api.tx.balances.forceSetBalance(podvPot, 0)), alice);
  const sudid = emptied.events.find(({ event }) => api.events.sudo.Sudid.is(event));
  assert.ok(sudid?.event.data.sudoResult.isOk, 'the PoDV pot is emptied');
  assert.equal((await api.query.system.account(podvPot)).data.free.toBigInt(), 0n);
});

after(async () => {
  await api?.disconnect();
  await node?.stop();
});

const policy = (price, royaltyPercent) => ({
  access: 'Anyone',
  price,
  maxUses: null,
  expiresAt: null,
  derivationAllowed: true,
  royalty: royaltyPercent * PERCENT,
});

/** Anchor `content` as `who`; resolves to the new DAT's id. */
async function anchor(who, content, parents, usagePolicy) {
  const tx = api.tx.dat.anchor(blake2AsHex(content), `ipfs://${content}`, 'Dataset', parents, usagePolicy);
  const { events, dispatchError } = await submitFinalized(api, tx, who);
  assert.equal(dispatchError, null, dispatchError && errorName(api, dispatchError));
  const anchored = events.find(({ event }) => api.events.dat.Anchored.is(event));
  assert.ok(anchored, 'a dat.Anchored event');
  assert.equal(anchored.event.data.creator.toString(), who.address);
  return anchored.event.data.dat.toNumber();
}

const eventOf = (events, kind) => events.find(({ event }) => kind.is(event))?.event;

/** Call one of the node's `dat_*` JSON-RPC methods; resolves to its plain JSON result. */
const datRpc = (method, ...params) => rpc(node.rpcPort, `dat_${method}`, params);

let dataset;
let subset;
let cleaned;

test('a dataset is anchored and two DATs are derived from it', async () => {
  dataset = await anchor(alice, 'reviews-2026', [], policy(0, 0));
  [subset, cleaned] = await Promise.all([
    anchor(bob, 'reviews-2026-en', [[dataset, 'Subset']], policy(LAZ, 10)),
    anchor(charlie, 'reviews-2026-clean', [[dataset, 'Transform']], policy(0, 0)),
  ]);
  assert.equal(await datRpc('byContentHash', blake2AsHex('reviews-2026-en')), subset);

  const view = await api.call.datApi.get(dataset);
  assert.equal(view.unwrap().children.toNumber(), 2);
  const json = await datRpc('get', subset);
  assert.equal(json.uri, 'ipfs://reviews-2026-en');
  assert.deepEqual(json.parents, [[dataset, 'subset']]);
});

test('the same content cannot be anchored twice', async () => {
  const tx = api.tx.dat.anchor(blake2AsHex('reviews-2026'), 'ar://copy', 'Dataset', [], policy(0, 0));
  const { dispatchError } = await submitFinalized(api, tx, dave);
  assert.equal(errorName(api, dispatchError), 'dat.AlreadyAnchored');
});

test('a paid use pays the holders, and the royalty reaches the parent', async () => {
  const { events, dispatchError } =
    await submitFinalized(api, api.tx.dat.useData(subset, { Account: dave.address }, LAZ), dave);
  assert.equal(dispatchError, null, dispatchError && errorName(api, dispatchError));
  const used = eventOf(events, api.events.dat.Used);
  assert.equal(used.data.paid.toBigInt(), LAZ);
  const royalty = eventOf(events, api.events.dat.RoyaltyPaid);
  assert.equal(royalty.data.to.toNumber(), dataset);
  assert.equal(royalty.data.amount.toBigInt(), LAZ / 10n);

  const usage = await datRpc('usage', subset);
  assert.equal(usage.uses, 1);
  assert.deepEqual(usage.consumers.map((c) => [c.consumer.account, c.uses]), [[dave.address, 1]]);

  const bobClaim = await submitFinalized(api, api.tx.dat.claimRevenue(subset), bob);
  assert.equal(eventOf(bobClaim.events, api.events.dat.RevenueClaimed).data.amount.toBigInt(), (LAZ * 9n) / 10n);

  const holdings = await datRpc('holdings', alice.address);
  const held = holdings.find((h) => h.dat === dataset);
  assert.equal(BigInt(held.claimable), LAZ / 10n);
  const aliceClaim = await submitFinalized(api, api.tx.dat.claimRevenue(dataset), alice);
  assert.equal(eventOf(aliceClaim.events, api.events.dat.RevenueClaimed).data.amount.toBigInt(), LAZ / 10n);
});

test('the lineage reads both ways over RPC', async () => {
  const down = await datRpc('lineage', dataset, 'descendants', 8);
  assert.deepEqual(down.nodes, [[dataset, 0], [subset, 1], [cleaned, 1]]);
  assert.deepEqual(
    down.edges.map((e) => [e.child, e.parent, e.how]).sort(),
    [[subset, dataset, 'subset'], [cleaned, dataset, 'transform']].sort(),
  );
  assert.equal(down.truncated, false);

  const up = await datRpc('lineage', cleaned, 'ancestors', null);
  assert.deepEqual(up.nodes, [[cleaned, 0], [dataset, 1]]);
  assert.deepEqual(up.edges, [{ child: cleaned, parent: dataset, how: 'transform' }]);

  const fromApi = await api.call.datApi.lineage(dataset, 'Descendants', 8);
  assert.equal(fromApi.unwrap().nodes.length, 3);
  assert.equal(await datRpc('lineage', 999, 'ancestors', 4), null);
});
