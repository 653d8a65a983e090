// The chain's performance harness: every measurement in one run against one fresh dev node.
// `scripts/bench.sh` starts the node and calls this with its RPC port and process id:
//   node run.js <rpc-port> <node-pid> <out-dir>
// It writes <out-dir>/report.json (raw figures), report.md (the table, each figure with its
// ratio to the baseline of the same run and beside the previous report.json's) and
// per-block.png (extrinsics per block by kind).
//
// Each kind's load is sized from its capacity: one sample extrinsic's charged weight and length
// give how many fit in a block, and the kind submits LOAD_BLOCKS blocks' worth, so that its
// per-block figures are over at least FULL_BLOCKS full blocks (lib/blocks.js). Every wait has
// a deadline (lib/deadline.js): a run that stalls fails with what it waited for.
//
// SIGNERS (default 16) funded dev accounts sign round-robin; COUNT, if set, is the least number
// of each of transfers, anchors and uses. PROOFS is the `square_roots` example's JSON of
// one-input BN254 proofs: 17 of them for the weight figures, the rest for the load of single
// proofs and batches of 16. CRITERION is where `cargo bench -p lazai-groth16` left its estimates.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex } from '@polkadot/util-crypto';
import { blockLimits, latency, measure } from './lib/load.js';
import { watch } from './lib/resources.js';
import { barChart } from './lib/png.js';
import { markdown } from './lib/report.js';
import { FULL_BLOCKS, LOAD_BLOCKS, capacityPerBlock, loadSize } from './lib/blocks.js';
import { DeadlineExceeded, RPC_ANSWER_SECONDS, TRANSACTION_BLOCKS, blocksOfTime, thousands, withDeadline } from './lib/deadline.js';
import { agentOfTask, agentsFor, inTurn } from './lib/agents.js';
import { REPORT_FORMAT, readPrevious } from './lib/compare.js';
import { proofLoad } from './lib/proofs.js';

const [port, pid, out] = process.argv.slice(2);
const COUNT = Number(process.env.COUNT || 0);
const SIGNERS = Number(process.env.SIGNERS || 16);
const BATCH = 16;
const LAZ = 10n ** 12n;
const SIGNER_FUNDS = 10_000n * LAZ;
const AGENT_FUNDS = 100n * LAZ; // an agent's controller pays fees; a client escrows 32 payments of 1 LAZ
const AGENT_BOND = 10n * LAZ;
/** The index of the one extrinsic a kind's capacity is measured on: outside the load's 0 … count - 1. */
const SAMPLE = -1;
/** Seconds to connect to the node bench.sh started, and to disconnect. */
const CONNECT_SECONDS = 60;
const DISCONNECT_SECONDS = 10;

const url = `ws://127.0.0.1:${port}`;
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
const results = { format: REPORT_FORMAT, kinds: [], rpc: {}, groth16: null, node: null, notes: [], startedAt: new Date().toISOString() };
const series = [];
let api;
let alice;
let signers;
let resources;

/** `n` dev accounts derived from `uri`: `${uri}//0` … */
function accounts(uri, n) {
  const base = keyring.addFromUri(uri);
  return Array.from({ length: n }, (_, i) => base.derive(`//${i}`));
}

/** A dispatch error by name (`pallet.Error`), or as the chain gave it. */
function errorName(error) {
  if (!error.isModule) return error.toString();
  const { section, name } = api.registry.findMetaError(error.asModule);
  return `${section}.${name}`;
}

/**
 * Submit `tx` as `who` and wait until it is finalized (or, with `inBlock`, in a block), at most
 * TRANSACTION_BLOCKS blocks' time. Resolves with its events; `what` names it in a failure.
 */
function submitAndWait(what, tx, who, { inBlock = false } = {}) {
  let stage = 'not in a block';
  let unsubscribe = () => {};
  const wait = new Promise((resolve, reject) => {
    tx.signAndSend(who, ({ status, dispatchError, events }) => {
      if (dispatchError) reject(new Error(`${what}: failed with ${errorName(dispatchError)}`));
      else if (status.isFuture) stage = 'in the pool, waiting for an earlier nonce';
      else if (status.isReady) stage = 'ready in the pool, not in a block';
      else if (status.isInBlock) {
        stage = `in block ${status.asInBlock.toHex()}, not finalized`;
        if (inBlock) resolve(events);
      } else if (status.isFinalized) resolve(events);
      else if (status.isDropped || status.isInvalid || status.isUsurped || status.isFinalityTimeout) {
        reject(new Error(`${what}: the pool reported it ${status.type}`));
      }
    }).then((u) => { unsubscribe = u; }, reject);
  });
  return withDeadline(wait, blocksOfTime(TRANSACTION_BLOCKS, results.blockSeconds), (s) => `${what}: ${stage} after ${s} s`)
    .finally(() => unsubscribe());
}

/** The first event of `events` (a transaction's) that `type` (e.g. `api.events.system.ExtrinsicSuccess`) is. */
function eventOf(events, type) {
  return events.map(({ event }) => event).find((event) => type.is(event));
}

/** How many extrinsics like `tx` fit in a block: its charged weight (from its success event) and length. */
function capacityOf(tx, events) {
  const charged = eventOf(events, api.events.system.ExtrinsicSuccess).data.dispatchInfo.weight.refTime.toBigInt();
  return capacityPerBlock(blockLimits(api), { weight: Number(charged), length: tx.encodedLength });
}

/** Submit one sample extrinsic of `label` and measure from it how many fit in a block. */
async function sample(label, tx, who) {
  const events = await submitAndWait(`${label}: the sample extrinsic`, tx, who, { inBlock: true });
  const capacity = capacityOf(tx, events);
  console.log(`${label}: about ${thousands(capacity)} per block, by one extrinsic's charged weight and length`);
  return { capacity, events };
}

/**
 * Submit `calls` from `who` in `utility.batchAll`s of at most half a block's weight each, one
 * after another, each finalized.
 */
async function inBatches(what, calls, who) {
  const weight = Number((await api.tx.utility.batchAll(calls).paymentInfo(who)).weight.refTime.toBigInt());
  const parts = Math.max(1, Math.ceil(weight / (blockLimits(api).weight / 2)));
  const size = Math.ceil(calls.length / parts);
  for (let i = 0; i < calls.length; i += size) {
    await submitAndWait(`${what} (batch ${i / size + 1} of ${parts})`, api.tx.utility.batchAll(calls.slice(i, i + size)), who);
  }
}

/** Fund `to` with `amount` each from Alice. */
function fund(what, to, amount) {
  return inBatches(what, to.map((s) => api.tx.balances.transferKeepAlive(s.address, amount)), alice);
}

/**
 * Measure one kind: `count` extrinsics `make(i, signer)` signed round-robin by `from`, at
 * `capacity` a block (for its deadline).
 */
async function kind(label, make, { capacity, count = loadSize(capacity), from = signers, proofsPerExtrinsic }) {
  const { figures, perBlock } = await measure(api, {
    label, signers: from, count, make, node: resources, capacity, blockSeconds: results.blockSeconds,
  });
  if (proofsPerExtrinsic) figures.proofsPerExtrinsic = proofsPerExtrinsic;
  results.kinds.push(figures);
  series.push({ label, perBlock });
  return figures;
}

/** Measure one kind sized from a sample extrinsic `make(SAMPLE, signer)`, at least COUNT of them. */
async function sampledKind(label, make) {
  const { capacity } = await sample(label, make(SAMPLE, signers[0]), signers[0]);
  return kind(label, make, { capacity, count: loadSize(capacity, { atLeast: COUNT }) });
}

/**
 * The capacities of the three agent kinds, from one sample task of a sample agent and client:
 * opened, answered with `trace` and rated, as the load's tasks are.
 */
async function agentCapacities(trace, deadline) {
  const operator = keyring.addFromUri('//Bench//operator//sample');
  const client = keyring.addFromUri('//Bench//client//sample');
  const agent = (await api.query.agentReputation.nextAgentId()).toNumber();
  await submitAndWait('registering the sample agent', api.tx.utility.batchAll([
    api.tx.balances.transferKeepAlive(operator.address, AGENT_FUNDS),
    api.tx.balances.transferKeepAlive(client.address, AGENT_FUNDS),
    api.tx.agentReputation.registerAgent(operator.address, null, 'ipfs://bench-agent', AGENT_BOND)]), alice);
  const open = await sample('agentReputation.openTask', api.tx.agentReputation.openTask(agent, LAZ,
    blake2AsHex('spec-sample'), deadline), client);
  const task = eventOf(open.events, api.events.agentReputation.TaskOpened).data.task;
  const submit = await sample('agentReputation.submitResult', api.tx.agentReputation.submitResult(task,
    blake2AsHex('result-sample'), trace, null), operator);
  const rate = await sample('agentReputation.rateTask', api.tx.agentReputation.rateTask(task, true, 90), client);
  return { open: open.capacity, submit: submit.capacity, rate: rate.capacity };
}

/** The open tasks of agents `first` … `first + agents - 1`, with their ids; all `count` of them, or the run fails. */
async function openTasks(first, agents, count) {
  const open = (await api.query.agentReputation.tasks.entries())
    .map(([key, task]) => ({ id: key.args[0].toNumber(), ...task.unwrap().toJSON() }))
    .filter((t) => t.agent >= first && t.agent < first + agents);
  if (open.length !== count) throw new Error(`agentReputation.openTask: ${thousands(open.length)} of ${thousands(count)} tasks are open`);
  return open;
}

/**
 * The agent task flow in three measured kinds. As many agents as clients, enough for the kind
 * a block holds most of to fill LOAD_BLOCKS blocks when each may have MaxOpenTasks open: every
 * client opens that many tasks, spread over the agents, each agent's controller answers its
 * tasks with a trace over two DATs, and the clients rate the results.
 */
async function agentFlow(dat) {
  const trace = [dat, dat - 1];
  const deadline = (await api.rpc.chain.getHeader()).number.toNumber() + 1_000;
  const capacity = await agentCapacities(trace, deadline);
  const perAgent = api.consts.agentReputation.maxOpenTasks.toNumber();
  const agents = agentsFor(loadSize(Math.max(capacity.open, capacity.submit, capacity.rate)), perAgent, SIGNERS);
  const count = agents * perAgent;
  const clients = accounts('//Bench', agents); // the signers first
  const operators = accounts('//Bench//operator', agents);
  await fund('funding the agent flow', [...clients.slice(SIGNERS), ...operators], AGENT_FUNDS);
  const first = (await api.query.agentReputation.nextAgentId()).toNumber();
  await inBatches('registering the agents', operators.map((op) =>
    api.tx.agentReputation.registerAgent(op.address, null, 'ipfs://bench-agent', AGENT_BOND)), alice);
  await kind('agentReputation.openTask', (i) => api.tx.agentReputation.openTask(first + agentOfTask(i, agents, agents),
    LAZ, blake2AsHex(`spec-${i}`), deadline), { capacity: capacity.open, count, from: clients });
  const open = await openTasks(first, agents, count);
  const answerOrder = inTurn(open, (t) => t.agent - first, agents);
  await kind('agentReputation.submitResult', (i) => api.tx.agentReputation.submitResult(answerOrder[i].id,
    blake2AsHex(`result-${i}`), trace, null), { capacity: capacity.submit, count, from: operators });
  const clientIndex = new Map(clients.map((c, i) => [c.address, i]));
  const rateOrder = inTurn(open, (t) => clientIndex.get(t.client), agents);
  await kind('agentReputation.rateTask', (i) => api.tx.agentReputation.rateTask(rateOrder[i].id, true, 90),
    { capacity: capacity.rate, count, from: clients });
}

const ms = (refTime) => Number(refTime) / 1e9; // picoseconds of weight to milliseconds

/**
 * The weight of one proof, as the chain charges it: `tx`'s call weight from the benchmark
 * before it runs, and after it ran (a batch is refunded what its fallback did not use).
 * The signed extensions' weight is taken off, so that only the call counts. Also how many
 * extrinsics like `tx` fit in a block.
 */
async function chargedWeight(what, tx, proofs) {
  const call = (await api.call.transactionPaymentCallApi.queryCallInfo(tx.method.toHex(), tx.method.encodedLength))
    .weight.refTime.toBigInt();
  const extensions = (await tx.paymentInfo(alice)).weight.refTime.toBigInt() - call;
  const events = await submitAndWait(what, tx, alice);
  const charged = eventOf(events, api.events.system.ExtrinsicSuccess).data.dispatchInfo.weight.refTime.toBigInt() - extensions;
  return { beforeMs: ms(call) / proofs, chargedMs: ms(charged) / proofs, capacity: capacityOf(tx, events) };
}

/** Criterion's mean time of one bench of `cargo bench -p lazai-groth16`, in ms; null if not run. */
function criterion(id, per = 1) {
  const file = join(process.env.CRITERION ?? '', id, 'new', 'estimates.json');
  if (!process.env.CRITERION || !existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')).mean.point_estimate / 1e6 / per;
}

/** Note in the report that the proofs file was too short for every proof kind to fill its blocks. */
function noteShortProofs({ needed, available }, wanted) {
  results.notes.push(`The proofs file held ${thousands(available)} proofs for the load; ${LOAD_BLOCKS} blocks' worth of ` +
    `each proof kind needs ${thousands(needed)}, so both kinds got the same share of it. ` +
    `Run scripts/bench.sh with SINGLES=${wanted.singles} BATCHES=${wanted.batches} to prove enough.`);
}

/**
 * Verified computing: the weight of one proof alone and in a batch of 16 beside criterion's
 * native figures, then the load of single proofs and of batches, sized from those weights.
 */
async function proofKinds(proven) {
  const registered = eventOf(await submitAndWait('registering the circuit', api.tx.verifiedComputing.registerCircuit('Bn254',
    proven.verifyingKey, 'Opaque', 'bench: square roots'), alice), api.events.verifiedComputing.CircuitRegistered);
  const circuit = registered.data.circuit.toHex();
  const proof = ({ proof: bytes, inputs }) => [{ curve: 'Bn254', bytes }, inputs];
  const [one, ...sixteen] = proven.proofs.slice(0, 1 + BATCH);
  const { capacity: singleCapacity, ...single } = await chargedWeight('verifiedComputing.submitProof: one proof\'s weight',
    api.tx.verifiedComputing.submitProof(circuit, ...proof(one)), 1);
  const { capacity: batchCapacity, ...batch } = await chargedWeight('verifiedComputing.submitProofs: a batch\'s weight',
    api.tx.verifiedComputing.submitProofs(circuit, sixteen.map(proof)), BATCH);
  results.groth16 = {
    single: {
      nativeReferenceMs: criterion('Bn254/ark-groth16 verify_proof/1'),
      nativeFromBytesMs: criterion('Bn254/ark-groth16 from bytes/1'),
      nativeMs: criterion('Bn254/lazai verify/1'),
      ...single,
    },
    batch: { nativeMs: criterion(`Bn254 batch/${BATCH} proofs/1`, BATCH), ...batch },
  };
  const load = proven.proofs.slice(1 + BATCH);
  const wanted = { singles: loadSize(singleCapacity), batches: loadSize(batchCapacity) };
  const { singles, batches, short } = proofLoad(load.length, wanted.singles, wanted.batches, BATCH);
  if (short) noteShortProofs(short, wanted);
  if (singles > 0) {
    await kind('verifiedComputing.submitProof', (i) => api.tx.verifiedComputing.submitProof(circuit, ...proof(load[i])),
      { capacity: singleCapacity, count: singles, proofsPerExtrinsic: 1 });
  }
  if (batches > 0) {
    await kind(`verifiedComputing.submitProofs (${BATCH} each)`, (i) => api.tx.verifiedComputing.submitProofs(circuit,
      load.slice(singles + i * BATCH, singles + (i + 1) * BATCH).map(proof)),
    { capacity: batchCapacity, count: batches, proofsPerExtrinsic: BATCH });
  }
}

/** RPC latencies: `dat_lineage` over a lineage 128 deep, `dat_get`, and `state_getStorage` as the baseline. */
async function rpcLatencies(provider) {
  const policy = { access: 'Anyone', price: 0, maxUses: null, expiresAt: null, derivationAllowed: true, royalty: 0 };
  // A lineage 128 deep, each DAT derived from the one before.
  const root = (await api.query.dat.nextDatId()).toNumber();
  const chain = Array.from({ length: 129 }, (_, i) => api.tx.dat.anchor(blake2AsHex(`lineage-${i}`),
    `ipfs://lineage-${i}`, 'Dataset', i === 0 ? [] : [[root + i - 1, 'Subset']], policy));
  await submitAndWait('anchoring a lineage 128 deep', api.tx.utility.batchAll(chain), alice);
  const rpc = (method, params) => provider.send(method, params);
  for (const depth of [1, 8, 32, 128]) {
    const { nodes } = await rpc('dat_lineage', [root + depth, 'ancestors', depth]);
    if (nodes.length !== depth + 1) throw new Error(`dat_lineage depth ${depth} gave ${nodes.length} DATs`);
    results.rpc[`dat_lineage depth ${depth}`] = await latency(200, () => rpc('dat_lineage', [root + depth, 'ancestors', depth]));
  }
  results.rpc.dat_get = await latency(200, () => rpc('dat_get', [root]));
  const key = api.query.system.account.key(alice.address);
  results.rpc['state_getStorage (baseline)'] = await latency(200, () => rpc('state_getStorage', [key]));
  for (const [name, figures] of Object.entries(results.rpc)) console.log(`${name}: p50 ${figures.p50} ms, p99 ${figures.p99} ms`);
}

/** Every measurement, in the order of docs/performance.md. */
async function measureAll(provider) {
  results.blockSeconds = (await api.call.auraApi.slotDuration()).toNumber() / 1000;
  results.nodeVersion = `lazai-node ${(await api.rpc.system.version()).toString()}, spec ${api.runtimeVersion.specVersion}`;
  results.machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB`;
  results.cores = cpus().length;
  alice = keyring.addFromUri('//Alice');
  signers = accounts('//Bench', SIGNERS);
  await fund('funding the signers', signers, SIGNER_FUNDS);

  // The baseline, then the DAT kinds.
  await sampledKind('balances.transferKeepAlive', () => api.tx.balances.transferKeepAlive(alice.address, LAZ / 1000n));
  const policy = { access: 'Anyone', price: 0, maxUses: null, expiresAt: null, derivationAllowed: true, royalty: 0 };
  const cid = (i) => `ipfs://${blake2AsHex(`cid-${i}`).slice(2, 61)}`;
  await sampledKind('dat.anchor', (i) => api.tx.dat.anchor(blake2AsHex(`load-${i}`), cid(i), 'Dataset', [], policy));
  const used = (await api.query.dat.nextDatId()).toNumber() - 1;
  await sampledKind('dat.useData', (i, who) => api.tx.dat.useData(used, { Account: who.address }, 0));

  await agentFlow(used);
  await proofKinds(JSON.parse(readFileSync(process.env.PROOFS, 'utf8')));
  await rpcLatencies(provider);
}

/** Connect to the node, measure everything, and write the report beside the previous one. */
async function main() {
  const previous = readPrevious(join(out, 'report.json')); // before this run overwrites it
  resources = watch(Number(pid));
  const provider = new WsProvider(url, undefined, {}, RPC_ANSWER_SECONDS * 1000);
  api = await withDeadline(ApiPromise.create({ provider, noInitWarn: true }), CONNECT_SECONDS,
    (s) => `no node answered at ${url} within ${s} s`);
  try {
    await measureAll(provider);
  } finally {
    results.node = resources.stop();
    await withDeadline(api.disconnect(), DISCONNECT_SECONDS, 'disconnecting from the node: no answer')
      .catch((error) => console.error(error.message));
  }
  console.log(`each kind's figures are over its full blocks (${FULL_BLOCKS} or more wanted): ` +
    results.kinds.map((k) => `${k.kind} ${k.fullBlocks}`).join(', '));
  writeFileSync(join(out, 'report.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(out, 'per-block.png'), barChart(series));
  writeFileSync(join(out, 'report.md'), markdown(results, previous));
  console.log(`wrote ${join(out, 'report.md')}`);
}

// Exit either way: a subscription or a reconnecting socket left open must not keep the run alive.
main().then(() => process.exit(0), (error) => {
  console.error(`bench/run.js: ${error instanceof DeadlineExceeded ? error.message : error.stack}`);
  process.exit(1);
});
