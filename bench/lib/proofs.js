// Proofs per second of the proof kinds (`proofsPerExtrinsic` proofs in each extrinsic).

/**
 * Proofs per second the kind's fullest full block verifies at one block every `blockSeconds`:
 * what the chain can verify when proofs keep it busy. Null without a full block.
 */
export function proofsPerSecond(kind, blockSeconds) {
  if (!kind?.proofsPerExtrinsic || typeof kind.perBlockMax !== 'number' || !blockSeconds) return null;
  return (kind.perBlockMax * kind.proofsPerExtrinsic) / blockSeconds;
}

/**
 * Proofs per second measured over the kind's full blocks: the proofs they included over the
 * time they span by their timestamps. Null without a full block.
 */
export function measuredProofsPerSecond(kind) {
  if (!kind?.proofsPerExtrinsic || typeof kind.perSecondFullBlocks !== 'number') return null;
  return kind.perSecondFullBlocks * kind.proofsPerExtrinsic;
}

/**
 * How many single proofs and batches of `batch` a load of `available` proofs affords, for
 * `singles` singles and `batches` batches wanted. Short of proofs, both get the same share of
 * what they want (rounded down), so that each fills as many blocks as the other; `short` then
 * says how many proofs the wanted load needed.
 */
export function proofLoad(available, singles, batches, batch) {
  const needed = singles + batch * batches;
  if (available >= needed) return { singles, batches, short: null };
  const share = available / needed;
  return { singles: Math.floor(singles * share), batches: Math.floor(batches * share), short: { needed, available } };
}
