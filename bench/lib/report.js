// The report of one run as Markdown: the targets, then every figure beside its baseline of the
// same run (transfers for extrinsics, `state_getStorage` for RPC, native verification for proof
// weights), and last every figure beside the previous run's.

import { FULL_BLOCKS, LOAD_BLOCKS } from './blocks.js';
import { REPORT_FORMAT, comparison } from './compare.js';
import { measuredProofsPerSecond, proofsPerSecond } from './proofs.js';

export { proofsPerSecond, measuredProofsPerSecond };

const fixed = (x, digits = 2) => (x === null || x === undefined ? '–' : Number(x).toFixed(digits));
const show = (x) => (x === null || x === undefined ? '–' : x);
const ratio = (x, base) => (x && base ? fixed(x / base) : '–');
const met = (ok) => (ok === null ? 'not measured' : ok ? 'met' : '**missed**');
const signed = (x, digits) => (x === null ? '–' : `${x > 0 ? '+' : ''}${fixed(x, digits)}`);

/** The targets of docs/performance.md against this run's figures. */
export function targets(results) {
  const kinds = Object.fromEntries(results.kinds.map((k) => [k.kind, k]));
  const transfers = kinds['balances.transferKeepAlive'];
  const anchors = kinds['dat.anchor'];
  const singles = results.kinds.find((k) => k.kind === 'verifiedComputing.submitProof');
  const lineage = results.rpc['dat_lineage depth 32'];
  const anchorRatio = anchors?.perBlockMax && transfers?.perBlockMax ? anchors.perBlockMax / transfers.perBlockMax : null;
  const perSecond = proofsPerSecond(singles, results.blockSeconds);
  const measured = measuredProofsPerSecond(singles);
  const { single, batch } = results.groth16 ?? {};
  const rss = results.node?.peakRssMib ?? null;
  return [
    ['`dat.anchor` per block ≥ 0.8 × `transferKeepAlive` per block', `${fixed(anchorRatio)} ×`,
      anchorRatio === null ? null : anchorRatio >= 0.8],
    ['≥ 100 BN254 proofs verified per second, one per extrinsic',
      `${fixed(perSecond, 1)} per s (measured over full blocks: ${fixed(measured, 1)} per s)`,
      perSecond === null ? null : perSecond >= 100],
    ['a batch is cheaper per proof than a single proof (charged weight)',
      `${fixed(batch?.chargedMs, 3)} ms vs ${fixed(single?.chargedMs, 3)} ms`,
      batch && single ? batch.chargedMs < single.chargedMs : null],
    ['`dat_lineage` depth 32 p99 < 50 ms', `${fixed(lineage?.p99)} ms`, lineage ? lineage.p99 < 50 : null],
    ['node peak RSS under load < 1 GiB', `${fixed(rss, 0)} MiB`, rss === null ? null : rss < 1024],
  ];
}

/** A kind's row of the extrinsics table; `base` is the baseline kind (transfers). */
function kindRow(k, base, blockSeconds) {
  const proofs = k.proofsPerExtrinsic ? fixed(proofsPerSecond(k, blockSeconds), 1) : '';
  const measured = k.proofsPerExtrinsic ? fixed(measuredProofsPerSecond(k), 1) : '';
  const rejected = Object.values(k.rejected ?? {}).reduce((a, b) => a + b, 0);
  const failed = Object.values(k.failed ?? {}).reduce((a, b) => a + b, 0);
  return `| ${k.kind} | ${k.included} / ${k.submitted} | ${show(k.perBlockMax)} | ${show(k.perBlockMean)} | ` +
    `${ratio(k.perBlockMax, base.perBlockMax)} | ${show(k.fullBlocks)} / ${show(k.blocks)} | ${show(k.perSecond)} | ` +
    `${fixed(k.perSecondFullBlocks, 1)} | ${proofs} | ${measured} | ` +
    `${k.inclusionMs.p50} / ${k.inclusionMs.p99} | ${k.finalityMs.p50} / ${k.finalityMs.p99} | ` +
    `${fixed(k.fullestBlock?.weightPct, 1)} % / ${fixed(k.fullestBlock?.lengthPct, 1)} % | ` +
    `${fixed(k.nodeCpuCores)} | ${fixed(k.nodeCpuMsPerExtrinsic, 3)} | ${rejected} | ${failed} |`;
}

/** The lines under the extrinsics table: kinds short of full blocks, and the run's notes. */
function shortfalls(results) {
  const short = results.kinds.filter((k) => !(k.fullBlocks >= FULL_BLOCKS)).map((k) =>
    `- ${k.kind}: ${show(k.fullBlocks)} full blocks, fewer than ${FULL_BLOCKS}; its per-block figures are over those.`);
  return [...short, ...(results.notes ?? []).map((note) => `- ${note}`)];
}

/** The targets with this run's figure, its verdict, and the previous run's figure. */
function targetRows(results, previous) {
  let before = [];
  try {
    before = previous ? targets(previous) : [];
  } catch {
    before = []; // a previous report of another shape
  }
  return targets(results).map(([what, figure, ok], i) => {
    const earlier = before[i] && before[i][2] !== null ? before[i][1] : 'not measured before';
    return `| ${what} | ${figure} | ${met(ok)} | ${earlier} |`;
  });
}

/** The section setting every figure beside the previous run's. */
function previousSection(results, previous) {
  const rows = comparison(results, previous).map((row) => {
    const before = row.previous === null ? 'not measured before' : fixed(row.previous, row.digits);
    const now = row.current === null ? 'not measured' : fixed(row.current, row.digits);
    return `| ${row.name} | ${before} | ${now} | ${signed(row.delta, row.digits)} | ${fixed(row.ratio)} |`;
  });
  const which = previous
    ? `The previous run: ${show(previous.startedAt)} · ${show(previous.nodeVersion)}.`
    : 'There was no previous bench/report.json to compare with.';
  const older = previous && !(previous.format >= REPORT_FORMAT)
    ? ' That report took the mean per block over every block with the kind, not over full blocks: its means are not compared.'
    : '';
  return `## Against the previous run

${which}${older} Change is this run's figure less the previous one; ratio is this run's over
the previous one's (– where the previous figure is zero or missing).

| figure | previous run | this run | change | ratio |
| --- | --- | --- | --- | --- |
${rows.join('\n')}
`;
}

/** The report of `results` as Markdown, each figure beside the `previous` run's (a parsed report.json, or null). */
export function markdown(results, previous = null) {
  const base = results.kinds[0];
  const blockSeconds = results.blockSeconds;
  const kindRows = results.kinds.map((k) => kindRow(k, base, blockSeconds));
  const rpcBase = results.rpc['state_getStorage (baseline)'];
  const rpcRows = Object.entries(results.rpc).map(([name, f]) =>
    `| ${name} | ${f.p50} | ${f.p99} | ${ratio(f.p99, rpcBase?.p99)} |`);
  const { single, batch } = results.groth16 ?? {};
  const groth16Rows = single ? [
    `| one proof (\`submitProof\`) | ${fixed(single.nativeReferenceMs, 3)} | ${fixed(single.nativeFromBytesMs, 3)} | ` +
      `${fixed(single.nativeMs, 3)} | ${fixed(single.beforeMs, 3)} | ${fixed(single.chargedMs, 3)} | ` +
      `${ratio(single.chargedMs, single.nativeMs)} | ${ratio(single.chargedMs, single.nativeFromBytesMs)} | ` +
      `${ratio(single.chargedMs, single.nativeReferenceMs)} |`,
    `| in a batch of 16 (\`submitProofs\`), per proof | – | – | ${fixed(batch.nativeMs, 3)} | ` +
      `${fixed(batch.beforeMs, 3)} | ${fixed(batch.chargedMs, 3)} | ${ratio(batch.chargedMs, batch.nativeMs)} | ` +
      `${ratio(batch.chargedMs, single.nativeFromBytesMs)} | ${ratio(batch.chargedMs, single.nativeReferenceMs)} |`,
  ] : ['| not measured | | | | | | | | |'];
  const rejections = results.kinds.flatMap((k) => [
    ...Object.entries(k.rejected ?? {}).map(([reason, n]) => `- ${k.kind}: ${n} rejected by the pool: ${reason}`),
    ...Object.entries(k.failed ?? {}).map(([reason, n]) => `- ${k.kind}: ${n} failed in the block: ${reason}`),
  ]);
  const node = results.node;
  return `# Performance report

${results.startedAt} · ${results.nodeVersion} · ${results.machine} · blocks every ${blockSeconds} s ·
\`scripts/bench.sh\` (docs/performance.md says what each figure means and what limits it).

## Targets

| target | this run | | previous run |
| --- | --- | --- | --- |
${targetRows(results, previous).join('\n')}

## Extrinsics (ratio: most per full block against \`transferKeepAlive\`'s)

Per-block figures are over each kind's full blocks: blocks that would not have taken one more
of the kind, because its weight before dispatch or its length was over what the block had left
for ordinary transactions. Each kind submits ${LOAD_BLOCKS} blocks' worth, for at least ${FULL_BLOCKS} full ones.

| kind | included | per block (max) | per block (mean) | vs transfers | full blocks / blocks with the kind | per second over the run | per second over full blocks | proofs per second: fullest block ÷ block time | proofs per second: measured over full blocks | inclusion ms p50 / p99 | finality ms p50 / p99 | fullest block: weight / length used | node CPU (cores) | node CPU ms per extrinsic | rejected by the pool | failed in the block |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${kindRows.join('\n')}

${[rejections.length ? rejections.join('\n') : 'No submission was rejected and no included call failed.',
    ...(shortfalls(results).length ? [shortfalls(results).join('\n')] : [])].join('\n\n')}

## Groth16 verification, BN254, one public input (ms per proof)

| | native \`ark-groth16\` \`verify_proof\`, decoded proof | native \`ark-groth16\`, from proof bytes | native \`lazai-groth16\` | weight before dispatch | weight charged | charged vs \`lazai-groth16\` | charged vs \`ark-groth16\` from bytes | charged vs \`verify_proof\` |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${groth16Rows.join('\n')}

## RPC latency (200 calls each)

| RPC | p50 ms | p99 ms | p99 vs \`state_getStorage\` |
| --- | --- | --- | --- |
${rpcRows.join('\n')}

## Node

Peak RSS ${node.peakRssMib} MiB. CPU: ${fixed(node.peakCores)} cores in the busiest
${node.sampledEveryMs} ms, ${fixed(node.cpuCores)} on average over the whole run of ${node.seconds} s.
The machine has ${results.cores} cores, shared with this client, which signs every extrinsic and
reads every block.

${previousSection(results, previous)}`;
}
