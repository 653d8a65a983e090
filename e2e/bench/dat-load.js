// Load figures for DAT anchoring against a real `lazai-node --dev`:
//  1. how many `dat.anchor` extrinsics fit in a block, against `balances.transferKeepAlive`;
//  2. how fast `dat_lineage` answers for a lineage 32 deep.
// Run: `npm run bench:dat` (builds nothing; uses the node in $CARGO_TARGET_DIR/release);
// with BASE_PATH=<dir> the dev chain's database is kept in <dir>.
// COUNT (default 8000) extrinsics of each kind are signed up front and released at once, so
// blocks are filled by the runtime's limits, not by the client's or the pool's speed.

import { Keyring } from '@polkadot/keyring';
import { blake2AsHex } from '@polkadot/util-crypto';
import { startNode, connect, rpc } from '../lib/node.js';
import { fill } from '../lib/load.js';

const COUNT = Number(process.env.COUNT || 8000);
const LINEAGE_DEPTH = 32;
const LINEAGE_QUERIES = 200;

// The pool keeps included transactions until they are final, and waiting (future) ones count
// against a tenth of its limits; make room for a whole round waiting. BASE_PATH keeps the
// chain's database there (scripts/benchmark.sh storage measures it).
const node = await startNode('bench-dat', ['--dev', '--pool-limit', '200000', '--pool-kbytes', '1000000'],
  { basePath: process.env.BASE_PATH });
const api = await connect(node);
const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
const bob = new Keyring({ type: 'sr25519' }).addFromUri('//Bob');

try {
  const { full: transfers } = await fill(api, alice, 'balances.transferKeepAlive', COUNT, () =>
    api.tx.balances.transferKeepAlive(bob.address, 1_000_000_000n));
  const policy = { access: 'Anyone', price: 0, maxUses: null, expiresAt: null, derivationAllowed: true, royalty: 0 };
  // A 66-byte URI, as long as an ipfs:// link to a CIDv1.
  const cid = (i) => `ipfs://${blake2AsHex(`cid-${i}`).slice(2, 61)}`;
  const { full: anchors } = await fill(api, alice, 'dat.anchor', COUNT, (i) =>
    api.tx.dat.anchor(blake2AsHex(`load-${i}`), cid(i), 'Dataset', [], policy));
  console.log(`anchors per block / transfers per block: ${(100 * anchors / transfers).toFixed(1)} %`);

  // A lineage LINEAGE_DEPTH deep: each DAT derived from the one before.
  const first = (await api.query.dat.nextDatId()).toNumber();
  await fill(api, alice, `lineage of depth ${LINEAGE_DEPTH}`, LINEAGE_DEPTH + 1, (i) =>
    api.tx.dat.anchor(blake2AsHex(`lineage-${i}`), `ipfs://lineage-${i}`, 'Dataset',
      i === 0 ? [] : [[first + i - 1, 'NewVersion']], policy));
  const last = first + LINEAGE_DEPTH;
  const times = [];
  for (let i = 0; i < LINEAGE_QUERIES; i++) {
    const t0 = process.hrtime.bigint();
    const lineage = await rpc(node.rpcPort, 'dat_lineage', [last, 'ancestors', LINEAGE_DEPTH]);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (lineage.nodes.length !== LINEAGE_DEPTH + 1) throw new Error(`lineage has ${lineage.nodes.length} nodes`);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(2);
  console.log(`dat_lineage depth ${LINEAGE_DEPTH} over HTTP RPC, ${LINEAGE_QUERIES} queries: median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
} finally {
  await api.disconnect();
  await node.stop();
}
