// The deadline every wait of the harness has. No node and no npm packages.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DeadlineExceeded, FINALITY_BLOCKS, blocksOfTime, loadDeadlineSeconds, thousands, withDeadline,
} from '../lib/deadline.js';

const never = () => new Promise(() => {});

test('a wait that never completes rejects with what it waited for and how far it got', async () => {
  let included = 1412;
  const wait = withDeadline(never(), 0.05, (s) => `dat.anchor: ${thousands(included)} of 2,000 included after ${s} s`);
  included = 1413; // the message is made when the deadline passes, with the progress by then
  await assert.rejects(wait, (error) => {
    assert.ok(error instanceof DeadlineExceeded);
    assert.equal(error.message, 'dat.anchor: 1,413 of 2,000 included after 0.05 s');
    return true;
  });
});

test('a fixed message is given with the time waited', async () => {
  await assert.rejects(withDeadline(never(), 0.01, 'connecting to the node'), { message: 'connecting to the node after 0.01 s' });
});

test('a progress that cannot be told still fails the wait, saying so', async () => {
  const progress = async () => { throw new Error('socket closed'); };
  await assert.rejects(withDeadline(never(), 0.01, progress),
    { message: 'gave up after 0.01 s (and could not tell how far it got: socket closed)' });
});

test('a wait that completes in time resolves, and its own failure is kept', async () => {
  const done = new Promise((resolve) => setTimeout(() => resolve('finalized'), 10));
  assert.equal(await withDeadline(done, 5, 'never said'), 'finalized');
  await assert.rejects(withDeadline(Promise.reject(new Error('Invalid Transaction')), 5, 'never said'),
    { message: 'Invalid Transaction' });
  // The 5 s timers are cleared: this test ends at once rather than holding the run for 5 s.
});

test('a load\'s deadline is twice its blocks and the blocks finality takes', () => {
  assert.equal(blocksOfTime(10, 6), 60);
  assert.equal(loadDeadlineSeconds(34_300, 4_900, 6), (2 * 7 + FINALITY_BLOCKS) * 6); // 7 blocks: 144 s
  assert.equal(loadDeadlineSeconds(34_301, 4_900, 6), (2 * 8 + FINALITY_BLOCKS) * 6); // a partial 8th block
  assert.equal(loadDeadlineSeconds(10, 0, 6), (2 * 10 + FINALITY_BLOCKS) * 6); // no capacity: one a block
});
