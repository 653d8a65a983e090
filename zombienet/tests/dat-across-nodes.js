// A zombienet `js-script` step: through the node the step runs on, //Alice anchors a dataset
// and a DAT derived from it and waits for both to be finalized; then the lineage of the derived
// DAT is read over the JSON-RPC of the node named in the step's argument (the full node).
// Returns how many DATs that lineage holds: 2 when the full node has both, with the edge.

const policy = { access: 'Anyone', price: 0, maxUses: null, expiresAt: null, derivationAllowed: true, royalty: 0 };

/** Sign and send `tx`; resolves to its events once its block is finalized, or rejects. */
function finalized(api, tx, signer) {
  return new Promise((resolve, reject) => {
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (dispatchError) reject(new Error(`dispatch error: ${dispatchError.toString()}`));
      else if (status.isFinalized) resolve(events.map(({ event }) => event));
    }).catch(reject);
  });
}

/** Call a JSON-RPC method of the node whose WebSocket address is `wsUri`, over HTTP. */
async function rpc(wsUri, method, params) {
  const response = await fetch(wsUri.replace(/^ws/, 'http'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = await response.json();
  if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}

async function run(nodeName, networkInfo, args) {
  const { ApiPromise, WsProvider, Keyring, util } = zombie;
  const reader = networkInfo.nodesByName[args[0]];
  const api = await ApiPromise.create({ provider: new WsProvider(networkInfo.nodesByName[nodeName].wsUri) });
  try {
    const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
    const anchor = async (content, parents) => {
      const tx = api.tx.dat.anchor(util.blake2AsHex(content), `ipfs://${content}`, 'Dataset', parents, policy);
      const events = await finalized(api, tx, alice);
      const anchored = events.find((event) => api.events.dat.Anchored.is(event));
      if (!anchored) throw new Error(`no dat.Anchored event for ${content}`);
      return anchored.data.dat.toNumber();
    };
    const dataset = await anchor('zombienet-dataset', []);
    const subset = await anchor('zombienet-subset', [[dataset, 'Subset']]);

    // The full node imports and finalizes the blocks in its own time: read at its finalized head.
    for (;;) {
      const head = await rpc(reader.wsUri, 'chain_getFinalizedHead', []);
      const lineage = await rpc(reader.wsUri, 'dat_lineage', [subset, 'ancestors', 8, head]);
      if (lineage) {
        const edge = lineage.edges.find((e) => e.child === subset && e.parent === dataset && e.how === 'subset');
        if (!edge) throw new Error(`the lineage of ${subset} lacks its edge: ${JSON.stringify(lineage)}`);
        return lineage.nodes.length;
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
