// A js-script step: waits until the finalized head of the node the step runs on has moved the
// number of blocks given as the step's argument. Returns 1.

const { finalizedHead, sleep } = require('./lib.js');

async function run(nodeName, networkInfo, args) {
  const start = (await finalizedHead(networkInfo, nodeName)).number;
  while ((await finalizedHead(networkInfo, nodeName)).number < start + Number(args[0])) await sleep(1_000);
  return 1;
}

module.exports = { run };
