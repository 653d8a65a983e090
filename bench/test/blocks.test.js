// The arithmetic of a kind's blocks and load: capacity, load size, full-block selection, the
// figures over full blocks, the proofs a load affords, the submission order and the agent
// flow's plan. No node and no npm packages: `node --test bench/test/`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FULL_BLOCKS, LOAD_BLOCKS, capacityPerBlock, fullBlocksOf, isFull, loadSize, perFullBlock, ratePerSecond,
} from '../lib/blocks.js';
import { measuredProofsPerSecond, proofLoad, proofsPerSecond } from '../lib/proofs.js';
import { stalledLoadMessage, submissionOrder } from '../lib/load.js';
import { agentOfTask, agentsFor, inTurn } from '../lib/agents.js';

const limits = { weight: 1_500_000, length: 3_000 }; // small numbers, same arithmetic
const cost = { weightBeforeDispatch: 1_000, length: 10 };
const block = (count, weight, length = 100, intervalMs = 6000) => ({ count, weight, length, intervalMs });

test('a block holds as many as its weight or its length allows, whichever is fewer', () => {
  assert.equal(capacityPerBlock(limits, { weight: 300, length: 1 }), 3000); // 1,500,000 / 300 = 5,000 by weight
  assert.equal(capacityPerBlock(limits, { weight: 1_000, length: 1 }), 1500);
  assert.equal(capacityPerBlock(limits, { weight: 1, length: 7 }), 428); // 3,000 / 7 = 428.6 by length
  assert.equal(capacityPerBlock(limits, { weight: 2_000_000, length: 1 }), 1); // never below one
});

test('a load is LOAD_BLOCKS blocks\' worth, for at least FULL_BLOCKS full ones', () => {
  assert.equal(FULL_BLOCKS, 5);
  assert.ok(LOAD_BLOCKS > FULL_BLOCKS);
  assert.equal(loadSize(652), LOAD_BLOCKS * 652);
  assert.equal(loadSize(652, { blocks: 6 }), 3912);
  assert.equal(loadSize(100, { atLeast: 6000 }), 6000);
});

test('a block is full when one more extrinsic would be over its weight or its length', () => {
  assert.equal(isFull(block(1500, 1_499_001), cost, limits), true); // 1,499,001 + 1,000 > 1,500,000
  assert.equal(isFull(block(1500, 1_499_000), cost, limits), false); // exactly fits one more
  assert.equal(isFull(block(200, 10_000, 2_991), cost, limits), true); // 2,991 + 10 bytes > 3,000
  assert.equal(isFull(block(200, 10_000, 2_990), cost, limits), false);
  assert.equal(isFull(block(0, 1_500_000), cost, limits), false); // full of other extrinsics
  // A batch block stops well under the limit when one more batch's weight before dispatch is too much.
  assert.equal(isFull(block(103, 1_320_000), { weightBeforeDispatch: 191_000, length: 10 }, limits), true);
});

test('only full blocks count: a partial first and last block and a gap are left out', () => {
  const blocks = [block(300, 400_000), block(1500, 1_499_500), block(0), block(1490, 1_499_800), block(1500, 1_499_600), block(20, 20_000)];
  const full = fullBlocksOf(blocks, cost, limits);
  assert.deepEqual(full.map((b) => b.count), [1500, 1490, 1500]);
  assert.deepEqual(perFullBlock(full), { max: 1500, mean: 1496.7 });
  assert.deepEqual(perFullBlock([]), { max: null, mean: null });
});

test('the rate over full blocks is their extrinsics over the time they span by timestamps', () => {
  const full = [block(650, 1_499_900, 100, 6000), block(660, 1_499_900, 100, 6000), block(640, 1_499_900, 100, 12000)];
  assert.equal(ratePerSecond(full), (650 + 660 + 640) / 24); // 81.25 per s: a slot was missed
  assert.equal(ratePerSecond([block(600, 1_499_900, 100, null), block(660, 1_499_900, 100, 6000)]), 110); // unknown interval left out
  assert.equal(ratePerSecond([]), null);
});

test('proofs per second: the fullest block over the block time, and the rate measured over full blocks', () => {
  const singles = { perBlockMax: 652, perSecondFullBlocks: 107.5, proofsPerExtrinsic: 1 };
  const batches = { perBlockMax: 103, perSecondFullBlocks: 17.25, proofsPerExtrinsic: 16 };
  assert.equal(proofsPerSecond(singles, 6), 652 / 6);
  assert.equal(measuredProofsPerSecond(singles), 107.5);
  assert.equal(measuredProofsPerSecond(batches), 276);
  assert.equal(proofsPerSecond({ perBlockMax: null, proofsPerExtrinsic: 1 }, 6), null); // no full block
  assert.equal(measuredProofsPerSecond({ perSecondFullBlocks: null, proofsPerExtrinsic: 1 }), null);
  assert.equal(measuredProofsPerSecond({ perSecondFullBlocks: 400 }), null); // not a proof kind
});

test('a short proofs file gives both proof kinds the same share of what they want', () => {
  assert.deepEqual(proofLoad(20_000, 4_564, 721, 16), { singles: 4_564, batches: 721, short: null });
  const short = proofLoad(4_700, 4_564, 721, 16); // 16,100 wanted
  assert.deepEqual(short.short, { needed: 16_100, available: 4_700 });
  assert.equal(short.singles, Math.floor((4_564 * 4_700) / 16_100));
  assert.equal(short.batches, Math.floor((721 * 4_700) / 16_100));
  assert.ok(short.singles + 16 * short.batches <= 4_700);
});

test('each signer\'s first extrinsic goes after the held-back ones, and the rest after the firsts', () => {
  const signed = Array.from({ length: 10 }, (_, i) => i); // signer i % 2, in nonce order
  assert.deepEqual(submissionOrder(signed, 2, 100), [2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
  assert.deepEqual(submissionOrder(signed, 2, 4), [2, 3, 4, 5, 0, 1, 6, 7, 8, 9]);
});

test('a stalled load says how far it got and where the missing extrinsics are', () => {
  const message = stalledLoadMessage({ label: 'dat.anchor', accepted: 2000, included: 1412, finalized: 1300, seconds: 180,
    ready: 0, notReady: 588, best: 40, final: 38 });
  assert.equal(message, 'dat.anchor: 1,412 of 2,000 extrinsics included and 1,300 finalized after 180 s; ' +
    '588 still missing (pool: 0 ready, 588 future or dropped); best block #40, finalized #38');
});

test('the agent flow gives every agent and every client at most MaxOpenTasks tasks', () => {
  for (const [tasksWanted, atLeast] of [[22_400, 16], [300, 16], [1_000, 16]]) {
    const agents = agentsFor(tasksWanted, 32, atLeast);
    assert.ok(agents * 32 >= tasksWanted && agents >= atLeast);
    const count = agents * 32;
    const perAgent = new Array(agents).fill(0);
    const perClient = new Array(agents).fill(0);
    for (let i = 0; i < count; i++) {
      perAgent[agentOfTask(i, agents, agents)]++;
      perClient[i % agents]++;
    }
    assert.ok(perAgent.every((n) => n === 32), `agents ${agents}`);
    assert.ok(perClient.every((n) => n === 32));
  }
});

test('tasks are ordered so that the i-th is held by holder i % holders', () => {
  const tasks = [{ id: 1, agent: 1 }, { id: 2, agent: 0 }, { id: 3, agent: 1 }, { id: 4, agent: 0 }];
  assert.deepEqual(inTurn(tasks, (t) => t.agent, 2).map((t) => t.id), [2, 1, 4, 3]);
});
