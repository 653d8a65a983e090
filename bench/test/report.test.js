// The harness's own arithmetic: percentiles, the target verdicts of the report, and the PNG it
// draws. These need no node and no npm packages: `node --test bench/test/`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { percentiles, quantile } from '../lib/stats.js';
import { markdown, proofsPerSecond, targets } from '../lib/report.js';
import { barChart } from '../lib/png.js';

test('percentiles are taken by nearest rank', () => {
  const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted
  assert.equal(quantile(samples, 0.5), 50);
  assert.equal(quantile(samples, 0.99), 99);
  assert.equal(quantile([7], 0.99), 7);
  assert.equal(quantile([], 0.5), null);
  assert.deepEqual(percentiles([1.234, 2.345], 1), { p50: 1.2, p99: 2.3, n: 2 });
});

/** A run's results with the figures the targets look at, `changes` applied. */
function run({ anchors = 4000, singles = 700, rss = 400, lineageP99 = 2, batchMs = 0.8 } = {}) {
  const kind = (name, perBlockMax, extra = {}) => ({
    kind: name, submitted: 6000, included: 6000, rejected: {}, blocks: 2, perBlockMax, perBlockMean: perBlockMax,
    perSecond: 100, inclusionMs: { p50: 1, p99: 2 }, finalityMs: { p50: 3, p99: 4 }, fullestBlock: null,
    nodeCpuCores: 0.1, nodeCpuMsPerExtrinsic: 0.2, ...extra,
  });
  return {
    startedAt: 'now', nodeVersion: 'test', machine: 'test', cores: 2, blockSeconds: 6,
    kinds: [kind('balances.transferKeepAlive', 5000), kind('dat.anchor', anchors),
      kind('verifiedComputing.submitProof', singles, { proofsPerExtrinsic: 1 }),
      kind('verifiedComputing.submitProofs (16 each)', 100, { proofsPerExtrinsic: 16 })],
    rpc: { 'dat_lineage depth 32': { p50: 1, p99: lineageP99 }, 'state_getStorage (baseline)': { p50: 1, p99: 1 } },
    groth16: { single: { nativeMs: 1.6, nativeReferenceMs: 1.2, nativeFromBytesMs: 1.5, beforeMs: 11, chargedMs: 2.1 },
      batch: { nativeMs: 0.7, beforeMs: 12, chargedMs: batchMs } },
    node: { peakRssMib: rss, peakCores: 1, cpuCores: 0.1, seconds: 100, sampledEveryMs: 500 },
  };
}

const verdicts = (results) => targets(results).map(([, , ok]) => ok);

test('every target is met by a run that meets it', () => {
  assert.deepEqual(verdicts(run()), [true, true, true, true, true]);
});

test('each target is missed exactly at its threshold', () => {
  assert.deepEqual(verdicts(run({ anchors: 3999 })), [false, true, true, true, true]); // 0.7998 x transfers
  assert.deepEqual(verdicts(run({ anchors: 4000 })), [true, true, true, true, true]); // 0.8 x
  assert.deepEqual(verdicts(run({ singles: 599 })), [true, false, true, true, true]); // 99.8 per s
  assert.deepEqual(verdicts(run({ batchMs: 2.1 })), [true, true, false, true, true]);
  assert.deepEqual(verdicts(run({ lineageP99: 50 })), [true, true, true, false, true]);
  assert.deepEqual(verdicts(run({ rss: 1024 })), [true, true, true, true, false]);
});

test('a target with no figure is reported as not measured, not as met', () => {
  const results = run();
  results.kinds = results.kinds.slice(0, 1);
  results.groth16 = null;
  assert.deepEqual(verdicts(results), [null, null, null, true, true]);
  assert.match(markdown(results), /not measured/);
});

test('proofs per second count every proof of a full block', () => {
  const [, , single, batch] = run().kinds;
  assert.equal(proofsPerSecond(single, 6), 700 / 6);
  assert.equal(proofsPerSecond(batch, 6), (100 * 16) / 6);
});

test('the report sets each kind beside the baseline', () => {
  const report = markdown(run());
  assert.match(report, /\| dat\.anchor \| 6000 \/ 6000 \| 4000 \| 4000 \| 0\.80 \|/);
  assert.match(report, /\| one proof \(`submitProof`\) \| 1\.200 \| 1\.500 \| 1\.600 \| 11\.000 \| 2\.100 \| 1\.31 \| 1\.40 \| 1\.75 \|/);
});

test('the chart is a valid PNG with one bar colour per kind', () => {
  const png = barChart([{ label: 'a', perBlock: [10, 5] }, { label: 'b', perBlock: [10] }], { width: 200, height: 100 });
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.readUInt32BE(16), 200);
  assert.equal(png.readUInt32BE(20), 100);
  const idatLength = png.readUInt32BE(33);
  assert.equal(png.subarray(37, 41).toString('ascii'), 'IDAT');
  const rows = inflateSync(png.subarray(41, 41 + idatLength));
  assert.equal(rows.length, (200 * 3 + 1) * 100);
  const pixel = (x, y) => [...rows.subarray(y * 601 + 1 + x * 3, y * 601 + 4 + x * 3)];
  // The first bar (full height) starts at x = 50 and reaches just above the axis.
  const bottom = 100 - 30 - 12;
  assert.deepEqual(pixel(50, bottom - 1), [31, 119, 180]);
  assert.deepEqual(pixel(50, 21), [31, 119, 180]);
});

test('the report gives the measured proof rate beside the capacity, and the kinds short of full blocks', () => {
  const results = run();
  results.kinds[2] = { ...results.kinds[2], fullBlocks: 5, blocks: 7, perSecondFullBlocks: 107.25 };
  results.kinds[3] = { ...results.kinds[3], fullBlocks: 3, blocks: 4, perSecondFullBlocks: 17 };
  const report = markdown(results);
  // Capacity: 700 proofs in the fullest block over 6 s; measured: 107.25 per s over full blocks.
  assert.match(report, /\| verifiedComputing\.submitProof \| 6000 \/ 6000 \| 700 \| 700 \| 0\.14 \| 5 \/ 7 \| 100 \| 107\.3 \| 116\.7 \| 107\.3 \|/);
  assert.match(report, /\| verifiedComputing\.submitProofs \(16 each\) \| .* \| 3 \/ 4 \| 100 \| 17\.0 \| 266\.7 \| 272\.0 \|/);
  assert.match(report, /- verifiedComputing\.submitProofs \(16 each\): 3 full blocks, fewer than 5/);
  assert.doesNotMatch(report, /- verifiedComputing\.submitProof: /);
  assert.match(report, /116\.7 per s \(measured over full blocks: 107\.3 per s\)/);
});
