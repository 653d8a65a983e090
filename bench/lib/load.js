// Submits pre-signed extrinsics of one kind from many signers and measures what the chain does
// with them: how many land per block, how fast, and how long to inclusion and to finality.

import { mean, percentiles } from './stats.js';

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

/**
 * How full `block` is against the limits for ordinary transactions: the weight its normal
 * class used (`system.blockWeight` at the block, after refunds) and the length of its
 * extrinsics, each as a percentage of the runtime's limit.
 */
async function fullnessOf(api, block) {
  const normal = api.consts.system.blockWeights.perClass.normal;
  const weightLimit = Number(normal.maxTotal.unwrap().refTime.toBigInt());
  const lengthLimit = api.consts.system.blockLength.max.normal.toNumber();
  const used = Number((await (await api.at(block.header.hash)).query.system.blockWeight()).normal.refTime.toBigInt());
  const length = block.extrinsics.reduce((sum, x) => sum + x.encodedLength, 0);
  return {
    weightPct: Number(((100 * used) / weightLimit).toFixed(1)),
    lengthPct: Number(((100 * length) / lengthLimit).toFixed(1)),
  };
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

/**
 * Sign `count` extrinsics `make(i, signer)` round-robin over `signers` (consecutive nonces per
 * signer), submit them all, and follow the chain until every accepted one is finalized.
 * `node` (from `watch` in resources.js) measures the node's CPU from the first submission to
 * the last finality. Returns the figures of the kind and the raw samples.
 */
export async function measure(api, label, signers, count, make, node) {
  const options = offlineOptions(api);
  const nonces = await Promise.all(signers.map(async (s) => (await api.rpc.system.accountNextIndex(s.address)).toNumber()));
  const signed = [];
  for (let i = 0; i < count; i++) {
    const k = i % signers.length;
    const tx = make(i, signers[k]).sign(signers[k], { ...options, nonce: nonces[k]++ });
    signed.push({ hex: tx.toHex(), hash: tx.hash.toHex() });
  }
  const pending = new Map(signed.map(({ hash }) => [hash, {}]));
  const perBlock = [];
  const fullness = [];
  const ours = []; // the blocks that included some of this kind, with those extrinsics' indices
  const inclusion = [];
  const finality = [];
  const included = new Map(); // block number -> hashes waiting for finality
  const rejected = {};
  let outstanding = count;
  let firstSubmit = null;
  let lastInclusion = null;

  let resolveDone;
  const done = new Promise((resolve) => { resolveDone = resolve; });
  // Blocks are read in order, each once, even when several are imported between two heads.
  let seen = (await api.rpc.chain.getHeader()).number.toNumber();
  let reading = Promise.resolve();
  const readBlock = async (number) => {
    const block = await api.rpc.chain.getBlock(await api.rpc.chain.getBlockHash(number));
    const now = Date.now();
    const all = block.block.extrinsics.map((x) => x.hash.toHex());
    const indices = new Set(all.flatMap((h, i) => (pending.has(h) && !pending.get(h).includedAt ? [i] : [])));
    const hashes = [...indices].map((i) => all[i]);
    if (hashes.length > 0 || perBlock.length > 0) perBlock.push(hashes.length);
    if (hashes.length > 0) fullness.push({ count: hashes.length, ...(await fullnessOf(api, block.block)) });
    for (const h of hashes) {
      const entry = pending.get(h);
      entry.includedAt = now;
      inclusion.push(now - entry.submittedAt);
      lastInclusion = now;
    }
    included.set(number, hashes);
    if (hashes.length > 0) ours.push({ hash: block.block.header.hash, indices });
  };
  const unsubscribeHeads = await api.rpc.chain.subscribeNewHeads((header) => {
    const head = header.number.toNumber();
    reading = reading.then(async () => {
      while (seen < head) await readBlock(++seen);
    });
  });
  const unsubscribeFinal = await api.rpc.chain.subscribeFinalizedHeads(async (header) => {
    const final = header.number.toNumber();
    await reading;
    const now = Date.now();
    for (const [number, hashes] of included) {
      if (number > final) continue;
      for (const h of hashes) {
        finality.push(now - pending.get(h).submittedAt);
        outstanding--;
      }
      included.delete(number);
    }
    if (outstanding <= 0) resolveDone();
  });

  // Each signer's first extrinsic goes last: the others wait in the pool for the missing nonce,
  // so once the firsts arrive the next blocks take as many as the runtime allows, however
  // slowly the pool took them in.
  const firsts = signed.slice(0, signers.length);
  const order = [...signed.slice(signers.length), ...firsts];
  firstSubmit = Date.now();
  const endSpan = node?.span();
  for (let i = 0; i < order.length; i += 64) {
    await Promise.all(order.slice(i, i + 64).map(async ({ hex, hash }) => {
      pending.get(hash).submittedAt = Date.now();
      try {
        await api.rpc.author.submitExtrinsic(hex);
      } catch (error) {
        const reason = String(error.message ?? error).replace(/^\d+: /, '');
        rejected[reason] = (rejected[reason] ?? 0) + 1;
        pending.delete(hash);
        outstanding--;
      }
    }));
  }
  if (outstanding <= 0) resolveDone();
  await done;
  const cpu = endSpan?.() ?? { cpuSeconds: null, cores: null };
  unsubscribeHeads();
  unsubscribeFinal();
  const failed = await failuresIn(api, ours);
  // Trailing empty blocks after the last inclusion are not part of the kind's run.
  while (perBlock.length > 0 && perBlock[perBlock.length - 1] === 0) perBlock.pop();

  const landed = inclusion.length;
  const fullest = fullness.reduce((best, b) => (b.count > (best?.count ?? -1) ? b : best), null);
  const seconds = lastInclusion ? (lastInclusion - firstSubmit) / 1000 : null;
  const figures = {
    kind: label,
    submitted: count,
    included: landed,
    rejected,
    failed,
    blocks: perBlock.length,
    perBlockMax: Math.max(0, ...perBlock),
    perBlockMean: Number((mean(perBlock.filter((n) => n > 0)) ?? 0).toFixed(1)),
    perSecond: seconds ? Number((landed / seconds).toFixed(1)) : null,
    inclusionMs: percentiles(inclusion, 0),
    finalityMs: percentiles(finality, 0),
    fullestBlock: fullest,
    nodeCpuCores: cpu.cores,
    nodeCpuMsPerExtrinsic: cpu.cpuSeconds !== null && landed > 0 ? Number(((1000 * cpu.cpuSeconds) / landed).toFixed(3)) : null,
  };
  console.log(`${label}: ${landed}/${count} in ${perBlock.length} blocks, at most ${figures.perBlockMax} per block, ` +
    `${figures.perSecond} per s, inclusion p50 ${figures.inclusionMs.p50} ms, finality p50 ${figures.finalityMs.p50} ms, node CPU ${figures.nodeCpuCores} cores, ${figures.nodeCpuMsPerExtrinsic} ms per extrinsic` +
    (Object.keys(rejected).length ? `, rejected ${JSON.stringify(rejected)}` : '') +
    (Object.keys(failed).length ? `, failed ${JSON.stringify(failed)}` : ''));
  return { figures, perBlock };
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
