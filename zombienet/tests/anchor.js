// A js-script step: through the node the step runs on, //Alice anchors a dataset whose content is
// the step's argument and waits until it is finalized. Returns 1.

const { withApi, anchor } = require('./lib.js');

async function run(nodeName, networkInfo, args) {
  await withApi(networkInfo, nodeName, (api) => anchor(api, args[0]));
  return 1;
}

module.exports = { run };
