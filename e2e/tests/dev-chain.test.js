// A real `lazai-node --dev`: it finalizes blocks, shows LAZ/12 to wallets, moves balances and
// checks the metadata hash that offline signers sign.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { startNode, connect, waitForFinalized, submitFinalized, errorName, metadataHash } from '../lib/node.js';

const LAZ = 10n ** 12n;
let node;
let api;
let alice;
let bob;
let charlie;

before(async () => {
  node = await startNode('dev-chain', ['--dev']);
  api = await connect(node);
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  alice = keyring.addFromUri('//Alice');
  bob = keyring.addFromUri('//Bob');
  charlie = keyring.addFromUri('//Charlie');
});

after(async () => {
  await api?.disconnect();
  await node?.stop();
});

const freeAt = async (blockHash, who) =>
  (await (await api.at(blockHash)).query.system.account(who)).data.free.toBigInt();

test('the chain is LazAI and wallets see LAZ with 12 decimals and SS58 prefix 42', async () => {
  const properties = await api.rpc.system.properties();
  assert.equal(properties.tokenSymbol.unwrap()[0].toString(), 'LAZ');
  assert.equal(properties.tokenDecimals.unwrap()[0].toNumber(), 12);
  assert.equal(properties.ss58Format.unwrap().toNumber(), 42);
  assert.equal(api.runtimeVersion.specName.toString(), 'lazai');
  assert.equal((await api.rpc.system.chain()).toString(), 'LazAI Development');
});

test('blocks are authored and finalized', async () => {
  const head = await waitForFinalized(api, 2);
  assert.ok(head.number.toNumber() >= 2);
  const validators = await api.query.validatorSet.validators();
  assert.deepEqual(validators.map((v) => v.toString()), [alice.address]);
});

test('transferKeepAlive from Alice to Bob is finalized and moves the balance', async () => {
  const amount = 5n * LAZ;
  const parentHash = await api.rpc.chain.getFinalizedHead();
  const bobBefore = await freeAt(parentHash, bob.address);

  const { blockHash, events, dispatchError } =
    await submitFinalized(api, api.tx.balances.transferKeepAlive(bob.address, amount), alice);

  assert.equal(dispatchError, null);
  const transfer = events.find(({ event }) => api.events.balances.Transfer.is(event));
  assert.ok(transfer, 'a balances.Transfer event');
  assert.equal(transfer.event.data.from.toString(), alice.address);
  assert.equal(transfer.event.data.to.toString(), bob.address);
  assert.equal(transfer.event.data.amount.toBigInt(), amount);
  assert.equal(await freeAt(blockHash, bob.address) - bobBefore, amount);
});

test('a transfer beyond the balance fails with a readable error and moves nothing', async () => {
  const parentHash = await api.rpc.chain.getFinalizedHead();
  const bobBefore = await freeAt(parentHash, bob.address);
  const tooMuch = (await freeAt(parentHash, charlie.address)) * 2n;

  const { blockHash, dispatchError } =
    await submitFinalized(api, api.tx.balances.transferKeepAlive(bob.address, tooMuch), charlie);

  assert.ok(dispatchError, 'the transfer must fail');
  assert.equal(errorName(api, dispatchError), 'Token.FundsUnavailable');
  assert.equal(await freeAt(blockHash, bob.address), bobBefore);
});

test('fees are quoted before sending and runtime APIs are callable', async () => {
  const tx = api.tx.balances.transferKeepAlive(bob.address, LAZ);
  const info = await tx.paymentInfo(alice);
  assert.ok(info.partialFee.toBigInt() > 0n, 'a transfer costs a fee');
  assert.ok(info.weight.refTime.toBigInt() > 0n, 'a transfer has a benchmarked weight');

  const nonce = await api.call.accountNonceApi.accountNonce(alice.address);
  const next = await api.rpc.system.accountNextIndex(alice.address);
  assert.equal(nonce.toNumber(), next.toNumber());
  assert.ok(nonce.toNumber() >= 1, 'Alice has sent a transaction in an earlier test');
});

test('the runtime checks the metadata hash a signer signs (CheckMetadataHash, as a Ledger signs)', async () => {
  // Every transaction of these tests is signed with the hash; a signature over another one is
  // refused, so the hash the node's runtime was built with is the one wallets compute.
  const hash = await metadataHash(api);
  assert.match(hash, /^0x[0-9a-f]{64}$/);
  const { events, dispatchError } =
    await submitFinalized(api, api.tx.balances.transferKeepAlive(bob.address, LAZ), alice, 90_000, { metadataHash: hash });
  assert.equal(dispatchError, null);
  const included = events.find(({ event }) => api.events.system.ExtrinsicSuccess.is(event));
  assert.ok(included, 'the transfer signed with the metadata hash is included');

  const other = `0x${(BigInt(hash) ^ 1n).toString(16).padStart(64, '0')}`;
  await assert.rejects(
    submitFinalized(api, api.tx.balances.transferKeepAlive(bob.address, LAZ), alice, 90_000, { metadataHash: other }),
    /bad signature/i,
    'a signature over another metadata hash is refused',
  );
});
