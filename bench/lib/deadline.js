// Deadlines for every wait of the harness: a wait that does not end in time fails the run with
// what it was waiting for and how far it got, instead of hanging on a dropped transaction.
//
// Each deadline is a number of blocks' worth of time, so that it follows the chain's slot:
// - an RPC answer: RPC_ANSWER_SECONDS, enforced by the WebSocket provider on every request;
// - one transaction in a block, or finalized: TRANSACTION_BLOCKS blocks;
// - a kind's load included and finalized: loadDeadlineSeconds(), from the blocks it needs.

/** How long any one RPC request may go unanswered: a local node answers in milliseconds. */
export const RPC_ANSWER_SECONDS = 60;

/**
 * Blocks' worth of time one transaction gets to be finalized (or only included): it is in the
 * next block or the one after, and GRANDPA finalizes a dev node's blocks a block or two later.
 */
export const TRANSACTION_BLOCKS = 10;

/** Blocks added to every load's deadline for its last block to be finalized. */
export const FINALITY_BLOCKS = 10;

/** The error of a wait past its deadline. */
export class DeadlineExceeded extends Error {
  name = 'DeadlineExceeded';
}

/** `n` with thousands separators: 1412 -> "1,412". */
export function thousands(n) {
  return Number(n).toLocaleString('en-US');
}

/** Seconds of `blocks` blocks, one every `blockSeconds`. */
export function blocksOfTime(blocks, blockSeconds) {
  return blocks * blockSeconds;
}

/**
 * Seconds a load of `extrinsics` may take to be included and finalized once submitted, at
 * `perBlock` a block: twice the blocks it needs (for a slot the dev node misses or a block its
 * two cores build short) and FINALITY_BLOCKS more for the last one to be finalized.
 */
export function loadDeadlineSeconds(extrinsics, perBlock, blockSeconds) {
  const blocks = Math.ceil(extrinsics / Math.max(1, perBlock));
  return blocksOfTime(2 * blocks + FINALITY_BLOCKS, blockSeconds);
}

/**
 * Wait for `work` (a promise) at most `seconds`. Past it, reject with a DeadlineExceeded whose
 * message is `progress(seconds)` (a string, or a function of the seconds waited, possibly
 * async): what was awaited and how far it got.
 */
export function withDeadline(work, seconds, progress) {
  let timer;
  const expired = new Promise((_, reject) => {
    timer = setTimeout(async () => {
      reject(new DeadlineExceeded(await describe(progress, seconds)));
    }, seconds * 1000);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

/** The message of a wait past its deadline; a failure to describe the progress is said too. */
async function describe(progress, seconds) {
  if (typeof progress !== 'function') return `${progress} after ${seconds} s`;
  try {
    return await progress(seconds);
  } catch (error) {
    return `gave up after ${seconds} s (and could not tell how far it got: ${error.message})`;
  }
}
