// A js-script step on the node `eve`, after eve-joins.js: Root removes //Eve from the validator
// set; the step finds the first finalized block whose Aura authorities no longer hold eve's key,
// then follows three rounds of the remaining authorities on eve's own node and fails if eve
// authors any of them. Returns 1.

const { withApi, account, sudo, authorOf, untilFinalized, bestNumber } = require('./lib.js');

async function run(nodeName, networkInfo) {
  const eve = account('//Eve');
  return withApi(networkInfo, nodeName, async (api) => {
    const aura = (await api.query.session.nextKeys(eve.address)).unwrap().aura.toHex();
    const holdsEve = async (hash) =>
      (await (await api.at(hash)).query.aura.authorities()).some((key) => key.toHex() === aura);

    await sudo(api, api.tx.validatorSet.removeValidator(eve.address));
    const removed = await bestNumber(api);
    const left = await untilFinalized(api, removed, async (header) => !(await holdsEve(header.hash)));
    const remaining = (await (await api.at(await api.rpc.chain.getBlockHash(left))).query.aura.authorities()).length;
    const last = left + 3 * remaining;
    await untilFinalized(api, left + 1, async (header) => {
      if ((await authorOf(api, header)) === aura) throw new Error(`eve authored #${header.number} after leaving at #${left}`);
      return header.number.toNumber() >= last;
    });
    console.log(`eve, removed at #${removed}, left the authorities at #${left}; #${left + 1} to #${last} are not hers`);
    return 1;
  });
}

module.exports = { run };
