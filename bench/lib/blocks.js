// A kind's blocks: how many of its extrinsics a block holds, how big a load fills enough of
// them, which blocks were full, and the per-block figures taken over the full ones.
//
// A block is full when the runtime would not have taken one more extrinsic of the kind: the
// weight its normal class used plus one more extrinsic's weight before dispatch is over the
// class's limit, or the length of its extrinsics plus one more is over the length limit. A
// block the pool ran dry in (the last of a load, usually) or that the block builder cut short
// is not full, and its figures are left out.

import { mean } from './stats.js';

/** The least number of full blocks each kind's per-block figures are to be taken over. */
export const FULL_BLOCKS = 5;

/**
 * Blocks' worth of extrinsics each kind submits: FULL_BLOCKS, one more for a first block the
 * load only partly fills (it may be built before the pool has taken every extrinsic in), and
 * one for the last block, which takes what is left.
 */
export const LOAD_BLOCKS = FULL_BLOCKS + 2;

/**
 * How many extrinsics of a kind fit in one block: the normal class's `limits` ({ weight,
 * length }) over one extrinsic's `cost` ({ weight, length }), its weight as charged (after
 * refunds, with the extrinsic base) and its encoded length. At least one.
 */
export function capacityPerBlock(limits, cost) {
  const byWeight = limits.weight / cost.weight;
  const byLength = limits.length / cost.length;
  return Math.max(1, Math.floor(Math.min(byWeight, byLength)));
}

/** How many extrinsics fill `blocks` blocks of `capacity` each, and at least `atLeast`. */
export function loadSize(capacity, { blocks = LOAD_BLOCKS, atLeast = 0 } = {}) {
  return Math.max(atLeast, blocks * capacity);
}

/**
 * Whether `block` ({ count, weight, length }: the kind's extrinsics in it, the normal class's
 * weight used and its extrinsics' length) was full for a kind whose extrinsics weigh
 * `cost.weightBeforeDispatch` before dispatch (with the extrinsic base) and are `cost.length`
 * bytes long, against `limits` ({ weight, length }).
 */
export function isFull(block, cost, limits) {
  if (!(block.count > 0)) return false;
  return block.weight + cost.weightBeforeDispatch > limits.weight || block.length + cost.length > limits.length;
}

/** The full ones of a kind's `blocks`, as `isFull` tells them. */
export function fullBlocksOf(blocks, cost, limits) {
  return blocks.filter((block) => isFull(block, cost, limits));
}

/** The most and the mean of the kind's extrinsics per full block; nulls without a full block. */
export function perFullBlock(full) {
  if (full.length === 0) return { max: null, mean: null };
  const counts = full.map((block) => block.count);
  return { max: Math.max(...counts), mean: Number(mean(counts).toFixed(1)) };
}

/**
 * Extrinsics per second over the full blocks: what they included over the time they span, by
 * block timestamps, each block from its parent's timestamp to its own (`intervalMs`). Full
 * blocks need not follow one another. Null without a full block with a known interval.
 */
export function ratePerSecond(full) {
  const timed = full.filter((block) => block.intervalMs > 0);
  const ms = timed.reduce((sum, block) => sum + block.intervalMs, 0);
  if (ms === 0) return null;
  const included = timed.reduce((sum, block) => sum + block.count, 0);
  return (1000 * included) / ms;
}
