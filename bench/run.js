// The chain's performance harness: every measurement in one run against one fresh dev node.
// `scripts/bench.sh` starts the node and calls this with its RPC port and process id:
//   node run.js <rpc-port> <node-pid> <out-dir>
// It writes <out-dir>/report.json (raw figures), report.md (the table, each figure with its
// ratio to the baseline of the same run) and per-block.png (extrinsics per block by kind).
// COUNT (default 6000) extrinsics of each kind; SIGNERS (default 16) funded dev accounts.
// PROOFS is the `square_roots` example's JSON (one-input BN254 proofs: SINGLES + 16 x BATCHES
// + 17 of them); CRITERION the folder where `cargo bench -p lazai-groth16` left its estimates.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex } from '@polkadot/util-crypto';
import { measure, latency } from './lib/load.js';
import { watch } from './lib/resources.js';
import { barChart } from './lib/png.js';
import { markdown } from './lib/report.js';

const [port, pid, out] = process.argv.slice(2);
const COUNT = Number(process.env.COUNT || 6000);
const SIGNERS = Number(process.env.SIGNERS || 16);
const SINGLES = Number(process.env.SINGLES || 1500);
const BATCHES = Number(process.env.BATCHES || 200);
const BATCH = 16;
const LAZ = 10n ** 12n;

const provider = new WsProvider(`ws://127.0.0.1:${port}`);
const api = await ApiPromise.create({ provider, noInitWarn: true });
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
const alice = keyring.addFromUri('//Alice');
const signers = Array.from({ length: SIGNERS }, (_, i) => keyring.addFromUri(`//Bench//${i}`));
// The agents' controllers: one agent each, so each agent's results come from its own signer.
const operators = Array.from({ length: SIGNERS }, (_, i) => keyring.addFromUri(`//Bench//operator//${i}`));
const resources = watch(Number(pid));
const results = { kinds: [], rpc: {}, groth16: null, node: null, startedAt: new Date().toISOString() };
const series = [];

/** Submit one extrinsic as `who` and wait for it to be finalized. */
function finalize(tx, who) {
  return new Promise((resolve, reject) => {
    tx.signAndSend(who, ({ status, dispatchError, events }) => {
      if (dispatchError) reject(new Error(dispatchError.toString()));
      else if (status.isFinalized) resolve(events);
    }).catch(reject);
  });
}

async function kind(label, make, count = COUNT, from = signers) {
  const { figures, perBlock } = await measure(api, label, from, count, make, resources);
  results.kinds.push(figures);
  series.push({ label, perBlock });
  return figures;
}

/**
 * The agent task flow in three measured kinds: every signer opens tasks for every agent (as
 * many as the per-agent and per-client limits allow open at once), each agent's controller
 * answers with a trace over two DATs, and the clients rate the results.
 */
async function agentFlow(dat) {
  const agents = operators.length;
  const first = (await api.query.agentReputation.nextAgentId()).toNumber();
  await finalize(api.tx.utility.batchAll(operators.map((op) =>
    api.tx.agentReputation.registerAgent(op.address, null, 'ipfs://bench-agent', 10n * LAZ))), alice);
  const perAgent = api.consts.agentReputation.maxOpenTasks.toNumber();
  const count = agents * Math.min(perAgent, Math.floor((signers.length * perAgent) / agents));
  const deadline = (await api.rpc.chain.getHeader()).number.toNumber() + 1_000;
  // Task i is opened by signer i % signers and is for agent floor(i / signers) % agents.
  await kind('agentReputation.openTask', (i) => api.tx.agentReputation.openTask(
    first + (Math.floor(i / signers.length) % agents), LAZ, blake2AsHex(`spec-${i}`), deadline), count);
  const open = (await api.query.agentReputation.tasks.entries())
    .map(([key, task]) => ({ id: key.args[0].toNumber(), ...task.unwrap().toJSON() }));
  // Order the tasks so that the i-th is answered by operator i % agents and rated by its client.
  const byAgent = Array.from({ length: agents }, (_, a) => open.filter((t) => t.agent === first + a));
  const answerOrder = Array.from({ length: count }, (_, i) => byAgent[i % agents][Math.floor(i / agents)]);
  const trace = [dat, dat - 1];
  await kind('agentReputation.submitResult', (i) =>
    api.tx.agentReputation.submitResult(answerOrder[i].id, blake2AsHex(`result-${i}`), trace, null), count, operators);
  const byClient = signers.map((s) => open.filter((t) => t.client === s.address));
  const rateOrder = Array.from({ length: count }, (_, i) => byClient[i % signers.length][Math.floor(i / signers.length)]);
  await kind('agentReputation.rateTask', (i) => api.tx.agentReputation.rateTask(rateOrder[i].id, true, 90), count);
}

const ms = (refTime) => Number(refTime) / 1e9; // picoseconds of weight to milliseconds

/**
 * The weight of one proof, as the chain charges it: `tx`'s call weight from the benchmark
 * before it runs, and after it ran (a batch is refunded what its fallback did not use).
 * The signed extensions' weight is taken off, so that only the call counts.
 */
async function chargedWeight(tx, proofs) {
  const call = (await api.call.transactionPaymentCallApi.queryCallInfo(tx.method.toHex(), tx.method.encodedLength))
    .weight.refTime.toBigInt();
  const extensions = (await tx.paymentInfo(alice)).weight.refTime.toBigInt() - call;
  const success = (await finalize(tx, alice)).map(({ event }) => event)
    .find((event) => api.events.system.ExtrinsicSuccess.is(event));
  const charged = success.data.dispatchInfo.weight.refTime.toBigInt() - extensions;
  return { beforeMs: ms(call) / proofs, chargedMs: ms(charged) / proofs };
}

/** Criterion's mean time of one bench of `cargo bench -p lazai-groth16`, in ms; null if not run. */
function criterion(id, per = 1) {
  const file = join(process.env.CRITERION ?? '', id, 'new', 'estimates.json');
  if (!process.env.CRITERION || !existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')).mean.point_estimate / 1e6 / per;
}

/**
 * Verified computing: the weight of one proof alone and in a batch of 16 beside criterion's
 * native figures, then the load of single proofs and of batches.
 */
async function proofKinds(proven) {
  const registered = (await finalize(api.tx.verifiedComputing.registerCircuit('Bn254', proven.verifyingKey,
    'Opaque', 'bench: square roots'), alice)).map(({ event }) => event)
    .find((event) => api.events.verifiedComputing.CircuitRegistered.is(event));
  const circuit = registered.data.circuit.toHex();
  const proof = ({ proof: bytes, inputs }) => [{ curve: 'Bn254', bytes }, inputs];
  const [one, ...sixteen] = proven.proofs.slice(SINGLES + BATCH * BATCHES);
  results.groth16 = {
    single: {
      nativeReferenceMs: criterion('Bn254/ark-groth16 verify_proof/1'),
      nativeFromBytesMs: criterion('Bn254/ark-groth16 from bytes/1'),
      nativeMs: criterion('Bn254/lazai verify/1'),
      ...(await chargedWeight(api.tx.verifiedComputing.submitProof(circuit, ...proof(one)), 1)),
    },
    batch: {
      nativeMs: criterion(`Bn254 batch/${BATCH} proofs/1`, BATCH),
      ...(await chargedWeight(api.tx.verifiedComputing.submitProofs(circuit, sixteen.map(proof)), BATCH)),
    },
  };
  const singles = await kind('verifiedComputing.submitProof', (i) =>
    api.tx.verifiedComputing.submitProof(circuit, ...proof(proven.proofs[i])), SINGLES);
  singles.proofsPerExtrinsic = 1;
  const batches = await kind(`verifiedComputing.submitProofs (${BATCH} each)`, (i) =>
    api.tx.verifiedComputing.submitProofs(circuit,
      proven.proofs.slice(SINGLES + i * BATCH, SINGLES + (i + 1) * BATCH).map(proof)), BATCHES);
  batches.proofsPerExtrinsic = BATCH;
}

try {
  results.blockSeconds = (await api.call.auraApi.slotDuration()).toNumber() / 1000;
  results.nodeVersion = `lazai-node ${(await api.rpc.system.version()).toString()}, spec ${api.runtimeVersion.specVersion}`;
  results.machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB`;
  results.cores = cpus().length;
  // Fund the signers from Alice in one batch.
  await finalize(api.tx.utility.batchAll([...signers, ...operators].map((s) =>
    api.tx.balances.transferKeepAlive(s.address, 10_000n * LAZ))), alice);

  // The baseline, then the DAT kinds.
  await kind('balances.transferKeepAlive', () => api.tx.balances.transferKeepAlive(alice.address, LAZ / 1000n));
  const policy = { access: 'Anyone', price: 0, maxUses: null, expiresAt: null, derivationAllowed: true, royalty: 0 };
  const cid = (i) => `ipfs://${blake2AsHex(`cid-${i}`).slice(2, 61)}`;
  await kind('dat.anchor', (i) => api.tx.dat.anchor(blake2AsHex(`load-${i}`), cid(i), 'Dataset', [], policy));
  const used = (await api.query.dat.nextDatId()).toNumber() - 1;
  await kind('dat.useData', (i, who) => api.tx.dat.useData(used, { Account: who.address }, 0));

  await agentFlow(used);
  await proofKinds(JSON.parse(readFileSync(process.env.PROOFS, 'utf8')));

  // A lineage 128 deep, each DAT derived from the one before, for the RPC latencies.
  const root = (await api.query.dat.nextDatId()).toNumber();
  const chain = Array.from({ length: 129 }, (_, i) => api.tx.dat.anchor(blake2AsHex(`lineage-${i}`),
    `ipfs://lineage-${i}`, 'Dataset', i === 0 ? [] : [[root + i - 1, 'Subset']], policy));
  await finalize(api.tx.utility.batchAll(chain), alice);
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
} finally {
  results.node = resources.stop();
  await api.disconnect();
}

writeFileSync(join(out, 'report.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(out, 'per-block.png'), barChart(series));
writeFileSync(join(out, 'report.md'), markdown(results));
console.log(`wrote ${join(out, 'report.md')}`);
