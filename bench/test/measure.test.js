// One kind's load against a fake chain in this process (no node, no npm packages): the figures
// over full blocks, a refusal by the pool, and a dropped transaction, which fails the load at
// its deadline with how far it got instead of hanging.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measure } from '../lib/load.js';
import { DeadlineExceeded } from '../lib/deadline.js';

const WEIGHT = 100; // each extrinsic's weight, before dispatch and as charged
const LIMIT = 1_000; // the normal class's weight: ten extrinsics a block
const LENGTH = 50;
const BLOCK_MS = 6_000; // the timestamps' slot, whatever the fake's real pace

const big = (n) => ({ toBigInt: () => BigInt(n) });
const num = (n) => ({ toNumber: () => n });
const hashOf = (h) => ({ toHex: () => h, toString: () => h });

/**
 * A chain that authors a block every `everyMs` with the ready extrinsics of its pool, in nonce
 * order, as many as its weight limit takes, and finalizes two blocks behind. `drop` (hashes) are
 * accepted and never included; `refuse` (hash -> message) are refused at submission.
 */
function fakeChain({ everyMs = 5, drop = [], refuse = {} } = {}) {
  const blocks = [{ number: 0, hash: 'b0', extrinsics: [], weight: 0, timestamp: 0 }];
  const pool = new Map(); // hash -> { who, nonce }
  const nonces = new Map(); // who -> next nonce on chain
  const heads = [];
  const finals = [];
  const ready = () => {
    const next = new Map(nonces);
    const picked = [];
    let progressed = true;
    while (progressed && picked.length < LIMIT / WEIGHT) {
      progressed = false;
      for (const [hash, tx] of pool) {
        if (picked.length >= LIMIT / WEIGHT || drop.includes(hash)) continue;
        if (tx.nonce === (next.get(tx.who) ?? 0)) {
          picked.push(hash);
          next.set(tx.who, tx.nonce + 1);
          progressed = true;
        }
      }
    }
    return picked;
  };
  const author = () => {
    const picked = ready();
    for (const hash of picked) {
      const { who, nonce } = pool.get(hash);
      nonces.set(who, nonce + 1);
      pool.delete(hash);
    }
    const number = blocks.length;
    blocks.push({ number, hash: `b${number}`, extrinsics: picked, weight: picked.length * WEIGHT, timestamp: number * BLOCK_MS });
    for (const cb of heads) cb({ number: num(number) });
    if (number > 2) for (const cb of finals) cb({ number: num(number - 2) });
  };
  const timer = setInterval(author, everyMs);
  const byHash = (hash) => blocks.find((b) => b.hash === String(hash));
  const header = (b) => ({ number: num(b.number), hash: hashOf(b.hash), parentHash: hashOf(`b${b.number - 1}`) });
  const api = {
    genesisHash: 'b0',
    runtimeVersion: {},
    extrinsicVersion: 4,
    registry: { signedExtensions: [] },
    consts: {
      system: {
        blockWeights: { perClass: { normal: { maxTotal: { unwrap: () => ({ refTime: big(LIMIT) }) }, baseExtrinsic: { refTime: big(0) } } } },
        blockLength: { max: { normal: num(1_000_000) } },
      },
    },
    events: { system: { ExtrinsicFailed: { is: () => false } } },
    createType: (type, value) => {
      assert.equal(type, 'SpWeightsWeightV2Weight');
      assert.equal(value, 'dispatch info');
      return { refTime: big(WEIGHT) };
    },
    rpc: {
      system: { accountNextIndex: async (who) => num(nonces.get(who) ?? 0) },
      state: {
        call: async (method, args) => {
          assert.equal(method, 'TransactionPaymentApi_query_info');
          assert.ok(args.startsWith('0x') && args.length > 10);
          return 'dispatch info';
        },
      },
      author: {
        submitExtrinsic: async (hex) => {
          const tx = JSON.parse(hex);
          if (refuse[tx.hash]) throw new Error(refuse[tx.hash]);
          pool.set(tx.hash, tx);
        },
        pendingExtrinsics: async () => ready().map((h) => ({ hash: hashOf(h) })),
      },
      chain: {
        getHeader: async (hash) => header(hash ? byHash(hash) : blocks[blocks.length - 1]),
        getFinalizedHead: async () => `b${Math.max(0, blocks.length - 3)}`,
        getBlockHash: async (n) => `b${n}`,
        getBlock: async (hash) => {
          const b = byHash(hash);
          const extrinsics = b.extrinsics.map((h) => ({ hash: hashOf(h), encodedLength: LENGTH }));
          return { block: { header: header(b), extrinsics } };
        },
        subscribeNewHeads: async (cb) => { heads.push(cb); return () => heads.splice(heads.indexOf(cb), 1); },
        subscribeFinalizedHeads: async (cb) => { finals.push(cb); return () => finals.splice(finals.indexOf(cb), 1); },
      },
    },
    at: async (hash) => ({
      query: {
        system: { blockWeight: async () => ({ normal: { refTime: big(byHash(hash).weight) } }), events: async () => [] },
        timestamp: { now: async () => num(byHash(hash).timestamp) },
      },
    }),
  };
  return { api, stop: () => clearInterval(timer) };
}

/** An extrinsic `i` of the load as the fake signs it. */
const make = (i) => ({
  sign: (who, { nonce }) => {
    const tx = { who: who.address, nonce, hash: `x-${who.address}-${nonce}` };
    return { toHex: () => JSON.stringify(tx), hash: hashOf(tx.hash), encodedLength: LENGTH };
  },
});
const signers = [{ address: 'a' }, { address: 'b' }];
const load = (api, count) => measure(api, { label: 'dat.anchor', signers, count, make, capacity: 10, blockSeconds: 0.05 });

test('a load of 5.5 blocks\' worth gives five full blocks and a partial last one', async () => {
  const chain = fakeChain();
  try {
    const { figures, perBlock } = await load(chain.api, 55);
    assert.deepEqual(perBlock, [10, 10, 10, 10, 10, 5]);
    assert.equal(figures.included, 55);
    assert.equal(figures.fullBlocks, 5);
    assert.equal(figures.perBlockMax, 10);
    assert.equal(figures.perBlockMean, 10);
    assert.equal(figures.perSecondFullBlocks, Number((50 / 30).toFixed(2))); // 50 in five 6 s blocks
    assert.deepEqual(figures.perBlock.map((b) => b.full), [true, true, true, true, true, false]);
    assert.equal(figures.finalityMs.n, 55);
  } finally {
    chain.stop();
  }
});

test('an extrinsic the pool refuses is counted by reason and not waited for', async () => {
  const chain = fakeChain({ refuse: { 'x-b-4': '1010: Invalid Transaction: Inability to pay some fees' } });
  try {
    const { figures } = await load(chain.api, 10); // b signs nonces 0 to 4: its last is refused
    assert.deepEqual(figures.rejected, { 'Invalid Transaction: Inability to pay some fees': 1 });
    assert.equal(figures.included, 9);
  } finally {
    chain.stop();
  }
});

test('a dropped extrinsic fails the load at its deadline, saying how far it got', async () => {
  const chain = fakeChain({ drop: ['x-a-2'] }); // a's nonces 3 to 9 wait for it forever
  try {
    await assert.rejects(load(chain.api, 20), (error) => {
      assert.ok(error instanceof DeadlineExceeded, error.message);
      assert.match(error.message, /^dat\.anchor: 12 of 20 extrinsics included and \d+ finalized after 0\.\d+ s; 8 still missing \(pool: 0 ready, 8 future or dropped\); best block #\d+, finalized #\d+$/);
      return true;
    });
  } finally {
    chain.stop();
  }
});
