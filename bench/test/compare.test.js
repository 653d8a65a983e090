// Each figure beside the previous run's report.json: the change, the ratio, a figure the previous
// run did not measure, a previous zero, and a previous report of another shape.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REPORT_FORMAT, change, comparison, figuresOf } from '../lib/compare.js';
import { markdown } from '../lib/report.js';

/** A run with one kind of transfers and one of single proofs, `changes` applied to the proofs. */
function run({ perBlockMax = 650, fullBlocks = 5, rejected = {}, format = REPORT_FORMAT, extra = {} } = {}) {
  const kind = (name, figures) => ({
    kind: name, submitted: 4000, included: 4000, rejected: {}, failed: {}, blocks: 7, fullBlocks: 5,
    perBlockMax: 4900, perBlockMean: 4890, perSecond: 300, perSecondFullBlocks: 816.5,
    inclusionMs: { p50: 1, p99: 2 }, finalityMs: { p50: 3, p99: 4 }, fullestBlock: { count: 4900, weightPct: 100, lengthPct: 18 },
    nodeCpuCores: 0.2, nodeCpuMsPerExtrinsic: 0.8, ...figures,
  });
  return {
    format, startedAt: 'then', nodeVersion: 'test', machine: 'test', cores: 2, blockSeconds: 6,
    kinds: [kind('balances.transferKeepAlive'),
      kind('verifiedComputing.submitProof', { perBlockMax, perBlockMean: 640, fullBlocks, rejected, perSecondFullBlocks: 107.5, proofsPerExtrinsic: 1 })],
    rpc: { 'state_getStorage (baseline)': { p50: 0.2, p99: 1.5 } },
    groth16: null,
    node: { peakRssMib: 340, peakCores: 1, cpuCores: 0.1, seconds: 300, sampledEveryMs: 500 },
    notes: [],
    ...extra,
  };
}

const row = (rows, name) => rows.find((r) => r.name === name);

test('the change is this run less the previous, and the ratio this run over the previous', () => {
  assert.deepEqual(change(600, 650), { delta: -50, ratio: 600 / 650 });
  assert.deepEqual(change(5, 0), { delta: 5, ratio: null }); // a previous zero has no ratio
  assert.deepEqual(change(0, 0), { delta: 0, ratio: null });
  assert.deepEqual(change(5, null), { delta: null, ratio: null }); // not measured before
  assert.deepEqual(change(null, 5), { delta: null, ratio: null }); // not measured now
});

test('every figure is set beside the previous run\'s', () => {
  const rows = comparison(run({ perBlockMax: 600 }), run());
  assert.deepEqual(row(rows, 'verifiedComputing.submitProof · per block (max)'),
    { name: 'verifiedComputing.submitProof · per block (max)', current: 600, previous: 650, digits: 0, delta: -50, ratio: 600 / 650 });
  assert.equal(row(rows, 'verifiedComputing.submitProof · proofs per second (fullest block ÷ block time)').previous, 650 / 6);
  assert.equal(row(rows, 'verifiedComputing.submitProof · proofs per second (measured over full blocks)').current, 107.5);
  assert.equal(row(rows, 'state_getStorage (baseline) p99 ms').delta, 0);
  assert.equal(row(rows, 'node peak RSS (MiB)').ratio, 1);
});

test('a previous zero gives a change but no ratio', () => {
  const rows = comparison(run({ rejected: { 'Priority is too low': 3 } }), run());
  assert.deepEqual(row(rows, 'verifiedComputing.submitProof · rejected by the pool'),
    { name: 'verifiedComputing.submitProof · rejected by the pool', current: 3, previous: 0, digits: 0, delta: 3, ratio: null });
});

test('a figure the previous run did not measure is not measured before', () => {
  const previous = run();
  delete previous.kinds[1].fullBlocks;
  previous.kinds[1].perSecondFullBlocks = null;
  const rows = comparison(run(), previous);
  assert.equal(row(rows, 'verifiedComputing.submitProof · full blocks').previous, null);
  assert.equal(row(rows, 'verifiedComputing.submitProof · proofs per second (measured over full blocks)').previous, null);
  const report = markdown(run(), previous);
  assert.match(report, /\| verifiedComputing\.submitProof · full blocks \| not measured before \| 5 \| – \| – \|/);
  assert.match(report, /\| verifiedComputing\.submitProof · per block \(max\) \| 650 \| 650 \| 0 \| 1\.00 \|/);
});

test('a format 1 report\'s mean over every block is not compared with the mean over full blocks', () => {
  const rows = comparison(run(), run({ format: 1 }));
  assert.equal(row(rows, 'verifiedComputing.submitProof · per block (mean)').previous, null);
  assert.equal(row(rows, 'verifiedComputing.submitProof · per block (max)').previous, 650);
  assert.equal(rows.filter((r) => r.name.endsWith('per block (mean)')).length, 2); // not listed again as dropped
});

test('a kind only the previous run had is listed as not measured now', () => {
  const previous = run();
  previous.kinds.push({ ...previous.kinds[0], kind: 'dat.anchor' });
  const rows = comparison(run(), previous);
  assert.deepEqual(row(rows, 'dat.anchor · included'),
    { name: 'dat.anchor · included', current: null, previous: 4000, digits: 0, delta: null, ratio: null });
  assert.match(markdown(run(), previous), /\| dat\.anchor · included \| 4000 \| not measured \| – \| – \|/);
});

test('a previous report of another shape, or none, never breaks the report', () => {
  for (const previous of [null, {}, [], 'text', 42, { kinds: 'none', rpc: 7, node: [] }, { kinds: [null, { kind: 3 }, { kind: 'x', included: '12' }] }]) {
    const rows = comparison(run(), previous);
    assert.ok(rows.filter((r) => r.current !== null).every((r) => r.previous === null || r.name.startsWith('x')));
    const report = markdown(run(), previous);
    assert.match(report, /## Against the previous run/);
    assert.match(report, /not measured before/);
  }
  assert.deepEqual(figuresOf({ kinds: [{ kind: 'x', included: '12' }] }).find((f) => f.name === 'x · included').value, null);
});

test('the report sets the previous target figures beside this run\'s', () => {
  const report = markdown(run({ perBlockMax: 600 }), run());
  assert.match(report, /\| ≥ 100 BN254 proofs verified per second, one per extrinsic \| 100\.0 per s \(measured over full blocks: 107\.5 per s\) \| met \| 108\.3 per s/);
  assert.match(markdown(run(), null), /There was no previous bench\/report\.json/);
});
