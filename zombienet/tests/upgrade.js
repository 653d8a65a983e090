// A js-script step: Root enacts the runtime upgrade whose WASM is at $LAZAI_UPGRADE_WASM (the
// `upgrade-test` build, one spec version later) with `system.setCode`, through the node the step
// runs on. It then waits until every node of the network runs the new spec version at its
// finalized head and has finalized three more blocks under it. Returns 1.

const fs = require('fs');
const { withApi, sudo, rpc, finalizedHead, sleep } = require('./lib.js');

/** The spec version of the runtime at the finalized head of the node `name`. */
async function finalizedSpec(networkInfo, name) {
  const { hash, number } = await finalizedHead(networkInfo, name);
  return { number, spec: (await rpc(networkInfo, name, 'state_getRuntimeVersion', [hash])).specVersion };
}

async function run(nodeName, networkInfo) {
  const path = process.env.LAZAI_UPGRADE_WASM;
  if (!path) throw new Error('LAZAI_UPGRADE_WASM must name the upgrade-test runtime (scripts/test.sh sets it)');
  const code = `0x${fs.readFileSync(path).toString('hex')}`;
  const before = (await finalizedSpec(networkInfo, nodeName)).spec;

  await withApi(networkInfo, nodeName, async (api) => {
    const events = await sudo(api, api.tx.system.setCode(code));
    if (!events.some((event) => api.events.system.CodeUpdated.is(event))) throw new Error('no system.CodeUpdated event');
  });
  // The upgrade's block is final by now, so at or below this number.
  const enacted = (await finalizedHead(networkInfo, nodeName)).number;

  await Promise.all(Object.keys(networkInfo.nodesByName).map(async (name) => {
    for (;;) {
      const { number, spec } = await finalizedSpec(networkInfo, name);
      if (number >= enacted + 3) {
        if (spec !== before + 1) throw new Error(`${name} runs spec ${spec} at #${number}, expected ${before + 1}`);
        console.log(`${name}: spec ${before} -> ${spec}, finalized #${number}`);
        return;
      }
      await sleep(1_000);
    }
  }));
  return 1;
}

module.exports = { run };
