// A js-script step on the standby node `eve`: the node rotates its session keys for //Eve,
// //Eve registers them with `session.setKeys`, Root adds //Eve to the validator set, and the step
// waits until a finalized block was authored with eve's new Aura key. Returns 1.

const { withApi, account, finalized, sudo, authorOf, rpc, untilFinalized, bestNumber } = require('./lib.js');

async function run(nodeName, networkInfo) {
  const eve = account('//Eve');
  return withApi(networkInfo, nodeName, async (api) => {
    const owner = `0x${Buffer.from(eve.publicKey).toString('hex')}`;
    const generated = await rpc(networkInfo, nodeName, 'author_rotateKeysWithOwner', [owner]);
    await finalized(api.tx.session.setKeys(generated.keys, generated.proof), eve);
    const aura = (await api.query.session.nextKeys(eve.address)).unwrap().aura.toHex();

    await sudo(api, api.tx.validatorSet.addValidator(eve.address));
    const added = await bestNumber(api);
    const authored = await untilFinalized(api, added, async (header) => (await authorOf(api, header)) === aura);
    const validators = (await api.query.session.validators()).map((v) => v.toString());
    if (!validators.includes(eve.address)) throw new Error('eve authored while not in session.validators');
    console.log(`eve, added at #${added}, authored finalized block #${authored}`);
    return 1;
  });
}

module.exports = { run };
