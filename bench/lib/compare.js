// Every figure of a run by name, and each beside the previous run's (the bench/report.json this
// run replaces): the previous value, the change and the ratio, so that regressions show. A
// previous report of another shape, or without a figure, gives "not measured before".

import { readFileSync } from 'node:fs';
import { measuredProofsPerSecond, proofsPerSecond } from './proofs.js';

/**
 * The shape of report.json this harness writes. Format 2 takes the per-block mean over full
 * blocks only (format 1 took it over every block with the kind), so a format 1 mean is not
 * compared with it.
 */
export const REPORT_FORMAT = 2;

const number = (x) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const total = (counts) => (counts && typeof counts === 'object'
  ? Object.values(counts).reduce((sum, n) => sum + (number(n) ?? 0), 0) : null);

/** One named figure: its value (null if not measured), decimals, and the format it dates from. */
const figure = (name, value, digits, since = 1) => ({ name, value: number(value), digits, since });

/** A kind's figures: [name, value of the kind, decimals, since which format]. */
const KIND_FIGURES = [
  ['included', (k) => k.included, 0],
  ['full blocks', (k) => k.fullBlocks, 0],
  ['per block (max)', (k) => k.perBlockMax, 0],
  ['per block (mean)', (k) => k.perBlockMean, 1, 2],
  ['per second over the run', (k) => k.perSecond, 1],
  ['per second over full blocks', (k) => k.perSecondFullBlocks, 1],
  ['inclusion ms p50', (k) => k.inclusionMs?.p50, 0],
  ['inclusion ms p99', (k) => k.inclusionMs?.p99, 0],
  ['finality ms p50', (k) => k.finalityMs?.p50, 0],
  ['finality ms p99', (k) => k.finalityMs?.p99, 0],
  ['fullest block weight %', (k) => k.fullestBlock?.weightPct, 1],
  ['fullest block length %', (k) => k.fullestBlock?.lengthPct, 1],
  ['node CPU (cores)', (k) => k.nodeCpuCores, 2],
  ['node CPU ms per extrinsic', (k) => k.nodeCpuMsPerExtrinsic, 3],
  ['rejected by the pool', (k) => total(k.rejected), 0],
  ['failed in the block', (k) => total(k.failed), 0],
];

function kindFigures(kind, blockSeconds) {
  const figures = KIND_FIGURES.map(([name, value, digits, since]) =>
    figure(`${kind.kind} · ${name}`, value(kind), digits, since));
  if (!kind.proofsPerExtrinsic) return figures;
  return [...figures,
    figure(`${kind.kind} · proofs per second (fullest block ÷ block time)`, proofsPerSecond(kind, blockSeconds), 1),
    figure(`${kind.kind} · proofs per second (measured over full blocks)`, measuredProofsPerSecond(kind), 1)];
}

function groth16Figures({ single, batch } = {}) {
  return [
    ['one proof · native ark-groth16 verify_proof ms', single?.nativeReferenceMs],
    ['one proof · native ark-groth16 from bytes ms', single?.nativeFromBytesMs],
    ['one proof · native lazai-groth16 ms', single?.nativeMs],
    ['one proof · weight before dispatch ms', single?.beforeMs],
    ['one proof · weight charged ms', single?.chargedMs],
    ['batch of 16, per proof · native lazai-groth16 ms', batch?.nativeMs],
    ['batch of 16, per proof · weight before dispatch ms', batch?.beforeMs],
    ['batch of 16, per proof · weight charged ms', batch?.chargedMs],
  ].map(([name, value]) => figure(`Groth16 ${name}`, value, 3));
}

function rpcFigures(rpc) {
  return Object.entries(rpc).filter(([, f]) => f && typeof f === 'object')
    .flatMap(([name, f]) => [figure(`${name} p50 ms`, f.p50, 2), figure(`${name} p99 ms`, f.p99, 2)]);
}

function nodeFigures(node = {}) {
  return [
    figure('node peak RSS (MiB)', node.peakRssMib, 1),
    figure('node CPU, busiest interval (cores)', node.peakCores, 2),
    figure('node CPU, mean over the run (cores)', node.cpuCores, 2),
    figure('run length (s)', node.seconds, 1),
  ];
}

/** Every figure of `results` (a report.json of any shape), in the report's order. */
export function figuresOf(results) {
  const object = (x) => (x && typeof x === 'object' ? x : undefined);
  const kinds = Array.isArray(results?.kinds) ? results.kinds.filter((k) => typeof k?.kind === 'string') : [];
  return [
    ...kinds.flatMap((kind) => kindFigures(kind, number(results.blockSeconds))),
    ...groth16Figures(object(results?.groth16)),
    ...rpcFigures(object(results?.rpc) ?? {}),
    ...nodeFigures(object(results?.node)),
  ];
}

/**
 * The change from `previous` to `current`: the difference and the ratio. Null where either is
 * not measured; the ratio is null too when the previous figure is zero.
 */
export function change(current, previous) {
  if (current === null || previous === null) return { delta: null, ratio: null };
  return { delta: current - previous, ratio: previous === 0 ? null : current / previous };
}

/** The measured figures of a previous report.json, by name; none if it has another shape. */
function previousFigures(previous) {
  try {
    return new Map(figuresOf(previous).filter((f) => f.value !== null).map((f) => [f.name, f]));
  } catch {
    return new Map();
  }
}

/**
 * Every figure of `results` beside `previous`'s (a parsed report.json, or null): rows of
 * { name, current, previous, delta, ratio, digits }. A figure the previous run did not measure
 * (or measured under an older definition) has previous null; one only the previous run had is
 * listed last, with current null.
 */
export function comparison(results, previous) {
  const before = previousFigures(previous);
  const format = number(previous?.format) ?? 1;
  const rows = figuresOf(results).map(({ name, value, digits, since }) => {
    const old = since > format ? null : before.get(name)?.value ?? null;
    before.delete(name);
    return { name, current: value, previous: old, digits, ...change(value, old) };
  });
  const dropped = [...before.values()].map(({ name, value, digits }) =>
    ({ name, current: null, previous: value, digits, delta: null, ratio: null }));
  return [...rows, ...dropped];
}

/** The report.json at `path` as it was before this run, or null if there is none or it does not parse. */
export function readPrevious(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}
