// Helpers shared by the js-script steps. zombienet loads each script with `require` and sets the
// global `zombie` (its @polkadot/api and @polkadot/util-crypto) while the step runs.

/** A free, open usage policy. */
const policy = { access: 'Anyone', price: 0, maxUses: null, expiresAt: null, derivationAllowed: true, royalty: 0 };

/** Run `use(api)` with an @polkadot/api connection to the node named `name`, then disconnect. */
async function withApi(networkInfo, name, use) {
  const { ApiPromise, WsProvider } = zombie;
  const api = await ApiPromise.create({ provider: new WsProvider(networkInfo.nodesByName[name].wsUri) });
  try {
    return await use(api);
  } finally {
    await api.disconnect();
  }
}

/** //Alice, who holds funds on every `local` chain. */
function alice() {
  return new zombie.Keyring({ type: 'sr25519' }).addFromUri('//Alice');
}

/** Sign and send `tx`; resolves to its events once its block is finalized, or rejects. */
function finalized(tx, signer) {
  return new Promise((resolve, reject) => {
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (dispatchError) reject(new Error(`dispatch error: ${dispatchError.toString()}`));
      else if (status.isFinalized) resolve(events.map(({ event }) => event));
    }).catch(reject);
  });
}

/** //Alice anchors `content` as a dataset derived from `parents`; resolves to the DAT's id once final. */
async function anchor(api, content, parents = []) {
  const tx = api.tx.dat.anchor(zombie.util.blake2AsHex(content), `ipfs://${content}`, 'Dataset', parents, policy);
  const events = await finalized(tx, alice());
  const anchored = events.find((event) => api.events.dat.Anchored.is(event));
  if (!anchored) throw new Error(`no dat.Anchored event for ${content}`);
  return anchored.data.dat.toNumber();
}

/** Call a JSON-RPC method of the node named `name`, over HTTP. */
async function rpc(networkInfo, name, method, params = []) {
  const response = await fetch(networkInfo.nodesByName[name].wsUri.replace(/^ws/, 'http'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = await response.json();
  if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}

/** The hash and number of the finalized head of the node named `name`. */
async function finalizedHead(networkInfo, name) {
  const hash = await rpc(networkInfo, name, 'chain_getFinalizedHead');
  const header = await rpc(networkInfo, name, 'chain_getHeader', [hash]);
  return { hash, number: parseInt(header.number, 16) };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = { withApi, anchor, rpc, finalizedHead, sleep };
