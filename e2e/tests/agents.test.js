// Agent reputation on a real `lazai-node --dev`: Alice registers an agent; Bob hires it; the
// agent answers with an attention trace over two datasets (a third, closed to it, is refused);
// Bob rates the result a success. The payment is split among the two datasets' revenue pools,
// the burned fee and the agent's account; the agent's reputation rises by exactly what
// docs/agents.md works out. The agent, its reputation, the best agents and its open tasks are
// read over the `agent_*` RPC methods, raw and through @polkadot/api.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex } from '@polkadot/util-crypto';
import { startNode, connect, submitFinalized, errorName, rpc } from '../lib/node.js';

const LAZ = 10n ** 12n;
let node;
let api;
let alice;
let bob;
let dave;

before(async () => {
  node = await startNode('agents', ['--dev']);
  api = await connect(node);
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  [alice, bob, dave] = ['//Alice', '//Bob', '//Dave'].map((uri) => keyring.addFromUri(uri));
});

after(async () => {
  await api?.disconnect();
  await node?.stop();
});

/** The `agent_*` RPC methods, described for @polkadot/api as in docs/agents.md. */
const at = { name: 'at', type: 'Hash', isOptional: true };
const id = { name: 'agent', type: 'u64' };
const AGENT_RPC = {
  agent: {
    get: { description: 'An agent', params: [id, at], type: 'Json' },
    reputation: { description: 'How its reputation is made up', params: [id, at], type: 'Json' },
    top: { description: 'The best agents', params: [{ name: 'n', type: 'u32' }, at], type: 'Vec<(u64, u32)>' },
    tasks: { description: 'Its open tasks', params: [id, at], type: 'Json' },
  },
};

const policy = (access) => ({
  access,
  price: 0,
  maxUses: null,
  expiresAt: null,
  derivationAllowed: true,
  royalty: 0,
});

/** Submit `tx` as `who`, require success, and return the finalized block's events. */
async function succeed(tx, who) {
  const { events, dispatchError } = await submitFinalized(api, tx, who);
  assert.equal(dispatchError, null, dispatchError && errorName(api, dispatchError));
  return events.map(({ event }) => event);
}

test('an agent does a paid task over two datasets and earns a reputation and their holders a share', async () => {
  // Alice registers an agent she controls with a 10 LAZ bond; Dave anchors two open datasets
  // and one that only listed consumers may use.
  const anchor = (name, access) =>
    api.tx.dat.anchor(blake2AsHex(name), `ipfs://${name}`, 'Dataset', [], policy(access));
  const [registered, anchored] = await Promise.all([
    succeed(api.tx.agentReputation.registerAgent(alice.address, null, 'ipfs://agent-card', 10n * LAZ), alice),
    succeed(api.tx.utility.batchAll([
      anchor('prompts', 'Anyone'),
      anchor('labels', 'Anyone'),
      anchor('private', { AllowList: [] }),
    ]), dave),
  ]);
  const agent = registered.find((e) => api.events.agentReputation.AgentRegistered.is(e)).data.agent.toNumber();
  const agentAccount = (await rpc(node.rpcPort, 'agent_get', [agent])).account;
  const [prompts, labels, closed] = anchored
    .filter((e) => api.events.dat.Anchored.is(e))
    .map((e) => e.data.dat.toNumber());

  // Bob hires it for 10 LAZ, due in 200 blocks.
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  const opened = await succeed(
    api.tx.agentReputation.openTask(agent, 10n * LAZ, blake2AsHex('summarise the prompts'), best + 200),
    bob,
  );
  const task = opened.find((e) => api.events.agentReputation.TaskOpened.is(e)).data.task.toNumber();
  const [open] = await rpc(node.rpcPort, 'agent_tasks', [agent]);
  assert.equal(open.id, task);
  assert.equal(open.client, bob.address);
  assert.equal(open.status, 'open');

  // A trace naming the closed dataset is refused with the DAT pallet's own error.
  const result = blake2AsHex('the summary');
  const refused = await submitFinalized(
    api,
    api.tx.agentReputation.submitResult(task, result, [prompts, closed], null),
    alice,
  );
  assert.equal(errorName(api, refused.dispatchError), 'dat.NotAllowed');
  const submitted = await succeed(api.tx.agentReputation.submitResult(task, result, [prompts, labels], null), alice);
  assert.ok(submitted.some((e) => api.events.dat.Used.is(e) && e.data.consumer.toJSON().agent === agent));
  for (const dat of [prompts, labels]) {
    const record = (await api.query.dat.consumerRecords(dat, { Agent: agent })).unwrap();
    assert.equal(record.uses.toNumber(), 1, `dataset ${dat} is recorded as used by the agent`);
  }

  // Bob rates it a success, 90 of 100.
  const issuance = (await api.query.balances.totalIssuance()).toBigInt();
  const rated = await succeed(api.tx.agentReputation.rateTask(task, true, 90), bob);
  const released = rated.find((e) => api.events.agentReputation.PaymentReleased.is(e)).data;
  // 10 % to the trace (0.5 LAZ to each dataset), 2 % burned, 88 % to the agent.
  assert.equal(released.toDats.toBigInt(), LAZ);
  assert.equal(released.burned.toBigInt(), LAZ / 5n);
  assert.equal(released.toAgent.toBigInt(), 88n * LAZ / 10n);
  // The fee is burned, as the transaction fee is.
  const txFee = rated.find((e) => api.events.transactionPayment.TransactionFeePaid.is(e)).data.actualFee.toBigInt();
  assert.equal((await api.query.balances.totalIssuance()).toBigInt(), issuance - LAZ / 5n - txFee);
  assert.equal((await api.query.system.account(agentAccount)).data.free.toBigInt(), 88n * LAZ / 10n);
  for (const dat of [prompts, labels]) {
    assert.equal((await api.query.dat.revenuePools(dat)).received.toBigInt(), LAZ / 2n);
  }

  // Bob is a new client (standing 20 %): weight 10 LAZ × 20 % = 2 LAZ, 90 % of it a success:
  // 1,000,000 × 1.8 / (2 + 1,000) = 1,796 parts per million.
  const reputation = await rpc(node.rpcPort, 'agent_reputation', [agent]);
  assert.equal(reputation.score, 1796);
  assert.equal(BigInt(reputation.totalWeight), 2n * LAZ);
  assert.equal(BigInt(reputation.successWeight), 18n * LAZ / 10n);
  const rating = rated.find((e) => api.events.agentReputation.TaskRated.is(e)).data;
  assert.equal(rating.reputation.toNumber(), 1796);

  const view = await rpc(node.rpcPort, 'agent_get', [agent]);
  assert.deepEqual([view.succeeded, view.failed, view.openTasks, view.reputation], [1, 0, 0, 1796]);
  assert.deepEqual(await rpc(node.rpcPort, 'agent_tasks', [agent]), []);
  assert.deepEqual(await rpc(node.rpcPort, 'agent_top', [5]), [[agent, 1796]]);
  assert.equal(await rpc(node.rpcPort, 'agent_get', [agent + 1]), null);
  const { methods } = await rpc(node.rpcPort, 'rpc_methods');
  for (const method of ['agent_get', 'agent_reputation', 'agent_top', 'agent_tasks']) {
    assert.ok(methods.includes(method), `rpc_methods lists ${method}`);
  }
  const described = await connect(node, { rpc: AGENT_RPC });
  try {
    assert.deepEqual((await described.rpc.agent.top(5)).toJSON(), [[agent, 1796]]);
    assert.equal((await described.rpc.agent.get(agent)).toJSON().controller, alice.address);
  } finally {
    await described.disconnect();
  }
});
