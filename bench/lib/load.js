// Submits pre-signed extrinsics of one kind from many signers and measures what the chain does
// with them: how many land per full block, how fast, and how long to inclusion and finality.
// The wait for the load to be included and finalized has a deadline (deadline.js): past it the
// run fails with how many were included and where the missing ones are, instead of hanging on
// a dropped transaction. Every RPC request has the provider's own deadline.

import { percentiles } from './stats.js';
import { isFull, perFullBlock, ratePerSecond } from './blocks.js';
import { loadDeadlineSeconds, thousands, withDeadline } from './deadline.js';

/**
 * The most extrinsics held back behind each signer's first, waiting in the pool as future
 * transactions. scripts/bench.sh starts the node with --pool-limit 200000, and the pool keeps a
 * tenth of its limits, 20,000, for future transactions: the held-back part stays below that.
 */
export const HELD_BACK_AT_MOST = 15_000;

/** Submissions in flight at once. */
const SUBMIT_AT_ONCE = 64;

/** Signing options for immortal transactions, fetched once: nothing is asked of the node per call. */
function offlineOptions(api) {
  return {
    era: 0,
    blockHash: api.genesisHash,
    genesisHash: api.genesisHash,
    runtimeVersion: api.runtimeVersion,
    signedExtensions: api.registry.signedExtensions,
    version: api.extrinsicVersion,
  };
}

/** The runtime's limits for ordinary transactions in a block: weight (ps of ref time) and length (bytes). */
export function blockLimits(api) {
  const normal = api.consts.system.blockWeights.perClass.normal;
  return {
    weight: Number(normal.maxTotal.unwrap().refTime.toBigInt()),
    length: api.consts.system.blockLength.max.normal.toNumber(),
  };
}

/** The weight of the extrinsic base: what the block counts for every extrinsic besides its call. */
function extrinsicBase(api) {
  return Number(api.consts.system.blockWeights.perClass.normal.baseExtrinsic.refTime.toBigInt());
}

/**
 * What one extrinsic of the load costs a block before it runs: its weight before dispatch
 * (call and signed extensions, from `transactionPaymentApi.queryInfo`, and the extrinsic base)
 * and the longest encoded length of the load. A block that cannot take that much more is full.
 */
async function costBeforeDispatch(api, signed) {
  const length = Math.max(...signed.map((x) => x.length));
  // The runtime call by hand: `api.call.transactionPaymentApi.queryInfo` encodes its arguments
  // in a form this runtime cannot decode. The answer starts with the weight.
  // The arguments go as hex (a Uint8Array would be read as SCALE `Bytes`, length prefix
  // first): the signed extrinsic, then its length as a little-endian u32.
  const length32 = Buffer.alloc(4);
  length32.writeUInt32LE(signed[0].length);
  const args = `0x${signed[0].hex.replace(/^0x/, '')}${length32.toString('hex')}`;
  const info = await api.rpc.state.call('TransactionPaymentApi_query_info', args);
  const weight = api.createType('SpWeightsWeightV2Weight', info);
  return { weightBeforeDispatch: Number(weight.refTime.toBigInt()) + extrinsicBase(api), length };
}

/**
 * What `block` holds: the weight its normal class used (`system.blockWeight`, after refunds),
 * its extrinsics' length, and the time from its parent's timestamp to its own.
 */
async function blockUse(api, block) {
  const at = await api.at(block.header.hash);
  const weight = Number((await at.query.system.blockWeight()).normal.refTime.toBigInt());
  const length = block.extrinsics.reduce((sum, x) => sum + x.encodedLength, 0);
  const timestamp = (await at.query.timestamp.now()).toNumber();
  const parent = (await (await api.at(block.header.parentHash)).query.timestamp.now()).toNumber();
  return { weight, length, intervalMs: parent > 0 ? timestamp - parent : null };
}

/**
 * Of this kind's extrinsics in `blocks` ({ hash, indices } each, as the blocks were read), those
 * whose call failed, counted by error (`pallet.Error`). Read after the kind's timing is over.
 */
async function failuresIn(api, blocks) {
  const failed = {};
  for (const { hash, indices } of blocks) {
    const events = await (await api.at(hash)).query.system.events();
    for (const { phase, event } of events) {
      if (!phase.isApplyExtrinsic || !indices.has(phase.asApplyExtrinsic.toNumber())) continue;
      if (!api.events.system.ExtrinsicFailed.is(event)) continue;
      const error = event.data.dispatchError;
      const reason = error.isModule ? (({ section, name }) => `${section}.${name}`)(api.registry.findMetaError(error.asModule))
        : error.type;
      failed[reason] = (failed[reason] ?? 0) + 1;
    }
  }
  return failed;
}

/** Sign `count` extrinsics `make(i, signer)` round-robin over `signers`, consecutive nonces per signer. */
async function signLoad(api, signers, count, make) {
  const options = offlineOptions(api);
  const nonces = await Promise.all(signers.map(async (s) => (await api.rpc.system.accountNextIndex(s.address)).toNumber()));
  const signed = [];
  for (let i = 0; i < count; i++) {
    const k = i % signers.length;
    const tx = make(i, signers[k]).sign(signers[k], { ...options, nonce: nonces[k]++ });
    signed.push({ hex: tx.toHex(), hash: tx.hash.toHex(), length: tx.encodedLength });
  }
  return signed;
}

/**
 * The order to submit `signed` in, signed round-robin by `signers` accounts: each signer's first
 * extrinsic goes after up to `heldBack` of the others. Those wait in the pool for the missing
 * nonces, so once the firsts arrive the next blocks take as many as the runtime allows, however
 * slowly the pool took them in. The rest follow the firsts, ready as they arrive.
 */
export function submissionOrder(signed, signers, heldBack = HELD_BACK_AT_MOST) {
  const firsts = signed.slice(0, signers);
  const held = signed.slice(signers, signers + heldBack);
  return [...held, ...firsts, ...signed.slice(signers + heldBack)];
}

/**
 * The message of a load past its deadline: how many of the accepted extrinsics were included
 * and finalized, and where the missing ones are (`ready` of them in the pool's ready queue,
 * `notReady` not: waiting for an earlier nonce, or dropped).
 */
export function stalledLoadMessage({ label, accepted, included, finalized, seconds, ready, notReady, best, final }) {
  return `${label}: ${thousands(included)} of ${thousands(accepted)} extrinsics included and ${thousands(finalized)} ` +
    `finalized after ${seconds} s; ${thousands(accepted - included)} still missing ` +
    `(pool: ${thousands(ready)} ready, ${thousands(notReady)} future or dropped); ` +
    `best block #${best}, finalized #${final}`;
}

/**
 * Follows the chain while one kind's load is in: reads every block once, in order, notes which
 * of the load's extrinsics each includes and when, and which blocks are finalized. `done`
 * resolves once every accepted extrinsic is finalized, and rejects if reading a block fails.
 */
class LoadFollower {
  blocks = []; // { number, count, weight, length, intervalMs } from the first block with the load on
  ours = []; // the blocks that included some of the load, with those extrinsics' indices
  inclusion = [];
  finality = [];
  rejected = {};
  lastInclusion = null;
  #included = new Map(); // block number -> hashes waiting for finality
  #unsubscribe = [];
  #reading = Promise.resolve();

  constructor(api, signed) {
    this.api = api;
    this.pending = new Map(signed.map(({ hash }) => [hash, {}]));
    this.outstanding = signed.length;
    this.done = new Promise((resolve, reject) => { this.finish = resolve; this.fail = reject; });
    this.done.catch(() => {}); // awaited later; a failure before then is not unhandled
  }

  /** Start following from the current best block. */
  async start() {
    this.best = (await this.api.rpc.chain.getHeader()).number.toNumber();
    this.final = (await this.api.rpc.chain.getFinalizedHead().then((h) => this.api.rpc.chain.getHeader(h))).number.toNumber();
    this.#unsubscribe.push(await this.api.rpc.chain.subscribeNewHeads((header) => this.#head(header.number.toNumber())));
    this.#unsubscribe.push(await this.api.rpc.chain.subscribeFinalizedHeads((header) => this.#finalized(header.number.toNumber())));
  }

  stop() {
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
  }

  /** An extrinsic of the load goes to the pool now. */
  submitted(hash) {
    this.pending.get(hash).submittedAt = Date.now();
  }

  /** The pool refused an extrinsic of the load, for `reason`: it is not waited for. */
  refused(hash, reason) {
    this.rejected[reason] = (this.rejected[reason] ?? 0) + 1;
    this.pending.delete(hash);
    this.#settled(1);
  }

  get accepted() {
    return this.pending.size;
  }

  /** The message of a load that did not finish in `seconds`, with the pool's view of what is missing. */
  async stalled(label, seconds) {
    const missing = [...this.pending].filter(([, entry]) => !entry.includedAt).map(([hash]) => hash);
    const inPool = new Set((await this.api.rpc.author.pendingExtrinsics()).map((x) => x.hash.toHex()));
    const ready = missing.filter((hash) => inPool.has(hash)).length;
    return stalledLoadMessage({ label, accepted: this.accepted, included: this.inclusion.length,
      finalized: this.finality.length, seconds, ready, notReady: missing.length - ready, best: this.best, final: this.final });
  }

  #settled(n) {
    this.outstanding -= n;
    if (this.outstanding <= 0) this.finish();
  }

  // Blocks are read in order, each once, even when several are imported between two heads.
  #head(head) {
    this.#reading = this.#reading.then(async () => {
      while (this.best < head) await this.#read(this.best + 1);
    }).catch((error) => this.fail(new Error(`reading block #${this.best + 1}: ${error.message}`)));
  }

  async #read(number) {
    const { block } = await this.api.rpc.chain.getBlock(await this.api.rpc.chain.getBlockHash(number));
    const now = Date.now();
    const all = block.extrinsics.map((x) => x.hash.toHex());
    const ours = (h) => this.pending.has(h) && !this.pending.get(h).includedAt;
    const indices = new Set(all.flatMap((h, i) => (ours(h) ? [i] : [])));
    const hashes = [...indices].map((i) => all[i]);
    if (hashes.length > 0 || this.blocks.length > 0) {
      this.blocks.push({ number, count: hashes.length, ...(hashes.length > 0 ? await blockUse(this.api, block) : {}) });
    }
    for (const h of hashes) {
      const entry = this.pending.get(h);
      entry.includedAt = now;
      this.inclusion.push(now - entry.submittedAt);
      this.lastInclusion = now;
    }
    if (hashes.length > 0) {
      this.#included.set(number, hashes);
      this.ours.push({ hash: block.header.hash, indices });
    }
    this.best = number;
  }

  async #finalized(final) {
    await this.#reading;
    this.final = final;
    const now = Date.now();
    for (const [number, hashes] of this.#included) {
      if (number > final) continue;
      for (const h of hashes) this.finality.push(now - this.pending.get(h).submittedAt);
      this.#included.delete(number);
      this.#settled(hashes.length);
    }
  }
}

/**
 * Submit `order` through `follower`, SUBMIT_AT_ONCE at a time. A refusal by the pool is counted
 * by reason; any other failure (no answer, a lost connection) fails the run.
 */
async function submitAll(api, label, order, follower) {
  let answered = 0;
  const submitOne = async ({ hex, hash }) => {
    follower.submitted(hash);
    try {
      await api.rpc.author.submitExtrinsic(hex);
    } catch (error) {
      const message = String(error.message ?? error);
      if (!/^\d+: /.test(message)) {
        throw new Error(`${label}: submitting failed after ${thousands(answered)} of ${thousands(order.length)} answers: ${message}`);
      }
      follower.refused(hash, message.replace(/^\d+: /, ''));
    }
    answered++;
  };
  for (let i = 0; i < order.length; i += SUBMIT_AT_ONCE) {
    await Promise.all(order.slice(i, i + SUBMIT_AT_ONCE).map(submitOne));
  }
}

/** The kind's blocks as report.json keeps them: the kind's count, whether full, how full, and the time each took. */
function blockFigures(blocks, cost, limits) {
  const pct = (x, limit) => (x === undefined ? undefined : Number(((100 * x) / limit).toFixed(1)));
  return blocks.map((b) => ({
    number: b.number,
    count: b.count,
    full: isFull(b, cost, limits),
    weightPct: pct(b.weight, limits.weight),
    lengthPct: pct(b.length, limits.length),
    intervalMs: b.intervalMs,
  }));
}

/**
 * Sign `count` extrinsics `make(i, signer)` round-robin over `signers` (consecutive nonces per
 * signer), submit them all, and follow the chain until every accepted one is finalized, at most
 * loadDeadlineSeconds() for `capacity` extrinsics a block (one block every `blockSeconds`).
 * `node` (from `watch` in resources.js) measures the node's CPU from the first submission to
 * the last finality. Returns the figures of the kind and the extrinsics in each block.
 */
export async function measure(api, { label, signers, count, make, node, capacity, blockSeconds }) {
  const signed = await signLoad(api, signers, count, make);
  const limits = blockLimits(api);
  const cost = await costBeforeDispatch(api, signed);
  const follower = new LoadFollower(api, signed);
  await follower.start();
  const firstSubmit = Date.now();
  let cpu;
  try {
    const endSpan = node?.span();
    await submitAll(api, label, submissionOrder(signed, signers.length), follower);
    const seconds = loadDeadlineSeconds(follower.accepted, capacity, blockSeconds);
    await withDeadline(follower.done, seconds, (s) => follower.stalled(label, s));
    cpu = endSpan?.() ?? { cpuSeconds: null, cores: null };
  } finally {
    follower.stop();
  }
  const failed = await failuresIn(api, follower.ours);
  return figuresOf({ label, count, capacity, firstSubmit, follower, failed, cpu, cost, limits });
}

/** The figures of a kind's load, from what `follower` saw. */
function figuresOf({ label, count, capacity, firstSubmit, follower, failed, cpu, cost, limits }) {
  const { inclusion, finality, rejected, lastInclusion } = follower;
  // Trailing blocks without the kind after its last inclusion are not part of its run.
  const blocks = [...follower.blocks];
  while (blocks.length > 0 && blocks[blocks.length - 1].count === 0) blocks.pop();
  const full = blocks.filter((b) => isFull(b, cost, limits));
  const perBlock = blockFigures(blocks, cost, limits);
  const fullest = perBlock.reduce((best, b) => (b.count > (best?.count ?? 0) ? b : best), null);
  const { max, mean } = perFullBlock(full);
  const rate = ratePerSecond(full);
  const landed = inclusion.length;
  const seconds = lastInclusion ? (lastInclusion - firstSubmit) / 1000 : null;
  const figures = {
    kind: label,
    submitted: count,
    included: landed,
    rejected,
    failed,
    capacity,
    blocks: blocks.length,
    fullBlocks: full.length,
    perBlockMax: max,
    perBlockMean: mean,
    perSecond: seconds ? Number((landed / seconds).toFixed(1)) : null,
    perSecondFullBlocks: rate === null ? null : Number(rate.toFixed(2)),
    inclusionMs: percentiles(inclusion, 0),
    finalityMs: percentiles(finality, 0),
    fullestBlock: fullest && { count: fullest.count, weightPct: fullest.weightPct, lengthPct: fullest.lengthPct },
    nodeCpuCores: cpu.cores,
    nodeCpuMsPerExtrinsic: cpu.cpuSeconds !== null && landed > 0 ? Number(((1000 * cpu.cpuSeconds) / landed).toFixed(3)) : null,
    perBlock,
  };
  console.log(`${label}: ${landed}/${count} in ${blocks.length} blocks, ${full.length} full (at most ${max}, mean ${mean} per full block), ` +
    `${figures.perSecond} per s over the run, ${figures.perSecondFullBlocks} per s over full blocks, ` +
    `inclusion p50 ${figures.inclusionMs.p50} ms, finality p50 ${figures.finalityMs.p50} ms, ` +
    `node CPU ${figures.nodeCpuCores} cores, ${figures.nodeCpuMsPerExtrinsic} ms per extrinsic` +
    (Object.keys(rejected).length ? `, rejected ${JSON.stringify(rejected)}` : '') +
    (Object.keys(failed).length ? `, failed ${JSON.stringify(failed)}` : ''));
  return { figures, perBlock: blocks.map((b) => b.count) };
}

/** Time `n` calls of `call()` and return p50/p99 in milliseconds. */
export async function latency(n, call) {
  const samples = [];
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    await call(i);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return percentiles(samples, 2);
}
