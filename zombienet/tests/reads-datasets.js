// A js-script step: waits until the node the step runs on knows every dataset whose content is
// one of the step's arguments at its finalized head (by content hash, `dat_byContentHash`), and
// returns how many it knows. The step's `within` bounds the wait.

const { rpc, finalizedHead, sleep } = require('./lib.js');

async function run(nodeName, networkInfo, args) {
  for (;;) {
    const { hash } = await finalizedHead(networkInfo, nodeName);
    let found = 0;
    for (const content of args) {
      const dat = await rpc(networkInfo, nodeName, 'dat_byContentHash', [zombie.util.blake2AsHex(content), hash]);
      if (dat !== null) found += 1;
    }
    if (found === args.length) return found;
    await sleep(1_000);
  }
}

module.exports = { run };
