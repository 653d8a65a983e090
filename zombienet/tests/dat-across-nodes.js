// A js-script step: through the node the step runs on, //Alice anchors a dataset and a DAT
// derived from it and waits for both to be finalized; then the lineage of the derived DAT is read
// over the JSON-RPC of the node named in the step's argument (the full node) at its finalized
// head. Returns how many DATs that lineage holds: 2 when the full node has both, with the edge.

const { withApi, anchor, rpc, finalizedHead, sleep } = require('./lib.js');

async function run(nodeName, networkInfo, args) {
  const reader = args[0];
  const [dataset, subset] = await withApi(networkInfo, nodeName, async (api) => {
    const dataset = await anchor(api, 'zombienet-dataset');
    return [dataset, await anchor(api, 'zombienet-subset', [[dataset, 'Subset']])];
  });
  // The full node imports and finalizes the blocks in its own time.
  for (;;) {
    const { hash } = await finalizedHead(networkInfo, reader);
    const lineage = await rpc(networkInfo, reader, 'dat_lineage', [subset, 'ancestors', 8, hash]);
    if (lineage) {
      const edge = lineage.edges.find((e) => e.child === subset && e.parent === dataset && e.how === 'subset');
      if (!edge) throw new Error(`the lineage of ${subset} lacks its edge: ${JSON.stringify(lineage)}`);
      return lineage.nodes.length;
    }
    await sleep(1_000);
  }
}

module.exports = { run };
