// iDAO governance on a real `lazai-node --dev`: Alice creates an iDAO with Bob, hands it a
// dataset, and the two pass a proposal that changes the dataset's usage policy; the change is
// made by the iDAO's account, which Alice alone can no longer override. A second vote by the same
// member and a vote by an outsider are refused. The iDAO, its open proposal and its members'
// memberships are read over the `idao_*` RPC methods, raw and through @polkadot/api.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex } from '@polkadot/util-crypto';
import { startNode, connect, submitFinalized, errorName, rpc } from '../lib/node.js';

const LAZ = 10n ** 12n;
const PERCENT = 10_000_000; // of a Perbill
let node;
let api;
let alice;
let bob;
let charlie;

before(async () => {
  node = await startNode('idao', ['--dev']);
  api = await connect(node);
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  [alice, bob, charlie] = ['//Alice', '//Bob', '//Charlie'].map((uri) => keyring.addFromUri(uri));
});

after(async () => {
  await api?.disconnect();
  await node?.stop();
});

const policy = (price) => ({
  access: 'Anyone',
  price,
  maxUses: null,
  expiresAt: null,
  derivationAllowed: true,
  royalty: 0,
});

/** The `idao_*` RPC methods, described for @polkadot/api as in docs/idao.md. */
const at = { name: 'at', type: 'Hash', isOptional: true };
const IDAO_RPC = {
  idao: {
    get: { description: 'An iDAO', params: [{ name: 'idao', type: 'u32' }, at], type: 'Json' },
    proposals: { description: 'The open proposals of an iDAO', params: [{ name: 'idao', type: 'u32' }, at], type: 'Json' },
    of: { description: 'What an account is to the iDAOs', params: [{ name: 'account', type: 'AccountId' }, at], type: 'Json' },
  },
};

/** Submit `tx` as `who`, require success, and return the finalized block's events. */
async function succeed(tx, who) {
  const { events, dispatchError } = await submitFinalized(api, tx, who);
  assert.equal(dispatchError, null, dispatchError && errorName(api, dispatchError));
  return events.map(({ event }) => event);
}

/** Submit `tx` as `who` and return the name of the error it fails with. */
async function failure(tx, who) {
  const { dispatchError } = await submitFinalized(api, tx, who);
  assert.ok(dispatchError, 'the call fails');
  return errorName(api, dispatchError);
}

test('two members pass a proposal that changes the policy of a DAT their iDAO controls', async () => {
  // Alice founds the iDAO with Bob: each has weight 1; more than half the votes cast must be
  // ayes and half of all weight must vote; votes last 100 blocks, and close early once decided.
  const rules = { approvalThreshold: 51 * PERCENT, quorum: 50 * PERCENT, votingPeriod: 100 };
  const created = await succeed(api.tx.idao.createIdao('ipfs://our-charter', [[bob.address, 1]], rules), alice);
  const event = created.find((e) => api.events.idao.IdaoCreated.is(e));
  assert.ok(event, 'an idao.IdaoCreated event');
  const idao = event.data.idao.toNumber();
  const account = event.data.account.toString();
  const info = (await api.query.idao.idaos(idao)).unwrap();
  assert.equal(info.members.toNumber(), 2);
  assert.equal(info.totalWeight.toNumber(), 2);

  // Alice anchors a free dataset and hands its control to the iDAO, which pays its deposit.
  const anchored = await succeed(
    api.tx.dat.anchor(blake2AsHex('idao-dataset'), 'ipfs://idao-dataset', 'Dataset', [], policy(0)),
    alice,
  );
  const dat = anchored.find((e) => api.events.dat.Anchored.is(e)).data.dat.toNumber();
  await succeed(api.tx.utility.batchAll([
    api.tx.dat.transferControl(dat, account),
    api.tx.balances.transferKeepAlive(account, 100n * LAZ),
  ]), alice);
  assert.equal(await failure(api.tx.dat.setPolicy(dat, policy(5n * LAZ)), alice), 'dat.NotController');

  // The proposal: the dataset costs 5 LAZ a use from now on.
  const change = api.tx.dat.setPolicy(dat, policy(5n * LAZ));
  const proposed = await succeed(api.tx.idao.propose(idao, change), alice);
  const proposal = proposed.find((e) => api.events.idao.Proposed.is(e)).data.proposal.toNumber();
  const stored = (await api.query.idao.proposals(idao, proposal)).unwrap();
  assert.equal(stored.call.toHex(), change.method.toHex(), 'the call is stored as proposed');

  await succeed(api.tx.idao.vote(idao, proposal, true), alice);

  // What the RPC shows while the vote is open.
  const view = await rpc(node.rpcPort, 'idao_get', [idao]);
  assert.equal(view.account, account);
  assert.equal(view.totalWeight, 2);
  assert.equal(view.openProposals, 1);
  assert.deepEqual(view.members.map(([who]) => who).sort(), [alice.address, bob.address].sort());
  assert.equal(await rpc(node.rpcPort, 'idao_get', [idao + 1]), null);
  const [open] = await rpc(node.rpcPort, 'idao_proposals', [idao]);
  assert.equal(open.index, proposal);
  assert.equal(open.call, change.method.toHex());
  assert.equal(open.ayes, 1);
  assert.deepEqual(open.votes, [[alice.address, true]]);
  const { methods } = await rpc(node.rpcPort, 'rpc_methods');
  for (const method of ['idao_get', 'idao_proposals', 'idao_of']) {
    assert.ok(methods.includes(method), `rpc_methods lists ${method}`);
  }
  const described = await connect(node, { rpc: IDAO_RPC });
  try {
    assert.deepEqual((await described.rpc.idao.of(bob.address)).toJSON(), { idao: null, memberOf: [[idao, 0]] });
    assert.equal((await described.rpc.idao.of(account)).toJSON().idao, idao);
  } finally {
    await described.disconnect();
  }

  assert.equal(await failure(api.tx.idao.vote(idao, proposal, false), alice), 'idao.AlreadyVoted');
  assert.equal(await failure(api.tx.idao.vote(idao, proposal, true), charlie), 'idao.NotMember');
  // One aye of two is not above half of all weight: the vote is still open.
  assert.equal(await failure(api.tx.idao.close(idao, proposal, stored.callWeight), charlie), 'idao.NotDecided');
  await succeed(api.tx.idao.vote(idao, proposal, true), bob);

  // Anyone closes it; the iDAO's account makes the call.
  const closed = await succeed(api.tx.idao.close(idao, proposal, stored.callWeight), charlie);
  const executed = closed.find((e) => api.events.idao.Executed.is(e));
  assert.ok(executed, 'an idao.Executed event');
  assert.ok(executed.data.result.isOk, `the call succeeded: ${executed.data.result.toString()}`);
  assert.equal(executed.data.tally.ayes.toNumber(), 2);
  assert.ok(closed.some((e) => api.events.dat.PolicySet.is(e) && e.data.dat.toNumber() === dat));

  const after = (await api.query.dat.dats(dat)).unwrap();
  assert.equal(after.policy.price.toBigInt(), 5n * LAZ, 'the new price is in force');
  assert.equal(after.controller.toString(), account);
  assert.ok((await api.query.idao.proposals(idao, proposal)).isNone, 'the proposal is closed');
  assert.deepEqual(await rpc(node.rpcPort, 'idao_proposals', [idao]), []);
});
