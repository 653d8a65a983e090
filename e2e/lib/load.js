// Fills blocks with pre-signed extrinsics and counts how many land in each: the load scripts'
// common part.

/**
 * Sign `count` extrinsics made by `make(i)` from `signer` with consecutive nonces, submit them
 * all, and count how many land in each block until all have. Returns the counts per block and
 * the most that landed in one block.
 *
 * All but the first are submitted first: waiting for the missing nonce, none can be included
 * until the first arrives, and then the next block takes as many as the runtime allows, however
 * slowly the pool took them in.
 */
export async function fill(api, signer, label, count, make) {
  const first = (await api.rpc.system.accountNextIndex(signer.address)).toNumber();
  let nonce = first;
  // Immortal transactions signed offline: everything the signer would otherwise fetch per call.
  const options = {
    era: 0,
    blockHash: api.genesisHash,
    genesisHash: api.genesisHash,
    runtimeVersion: api.runtimeVersion,
    signedExtensions: api.registry.signedExtensions,
    version: api.extrinsicVersion,
  };
  const signed = [];
  for (let i = 0; i < count; i++) {
    signed.push(make(i).sign(signer, { ...options, nonce: nonce++ }).toHex());
  }
  const perBlock = [];
  let landed = 0;
  let submitted = false;
  const done = new Promise((resolve, reject) => {
    const unsubscribe = api.rpc.chain.subscribeNewHeads(async (header) => {
      const block = await api.rpc.chain.getBlock(header.hash);
      const n = block.block.extrinsics.filter((x) => x.isSigned && x.signer.toString() === signer.address &&
        x.nonce.toNumber() >= first && x.nonce.toNumber() < first + count).length;
      if (n > 0 || landed > 0) perBlock.push(n);
      landed += n;
      const stalled = submitted && landed < count && (await api.rpc.author.pendingExtrinsics()).length === 0;
      if (landed >= count || stalled) {
        (await unsubscribe)();
        if (stalled) reject(new Error(`${label}: the pool dropped ${count - landed} of ${count} extrinsics`));
        else resolve();
      }
    });
  });
  const started = Date.now();
  for (let i = 1; i < signed.length; i += 64) {
    await Promise.all(signed.slice(i, i + 64).map((hex) => api.rpc.author.submitExtrinsic(hex)));
  }
  await api.rpc.author.submitExtrinsic(signed[0]);
  submitted = true;
  await done;
  const full = Math.max(...perBlock);
  console.log(`${label}: ${count} in ${perBlock.length} blocks (${perBlock.join(', ')}), most in one block ${full}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { full, perBlock };
}
