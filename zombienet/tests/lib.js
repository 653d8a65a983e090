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

/** The dev account `uri` (//Alice, //Eve, ...): every `local` chain funds them; //Alice holds sudo. */
function account(uri) {
  return new zombie.Keyring({ type: 'sr25519' }).addFromUri(uri);
}

const alice = () => account('//Alice');

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

/** //Alice dispatches `call` as Root through sudo; resolves once final, rejects if the call failed. */
async function sudo(api, call) {
  const events = await finalized(api.tx.sudo.sudo(call), alice());
  const sudid = events.find((event) => api.events.sudo.Sudid.is(event));
  if (!sudid) throw new Error('no sudo.Sudid event');
  const result = sudid.data.sudoResult;
  if (result.isErr) throw new Error(`the call failed as Root: ${result.asErr.toString()}`);
  return events;
}

/** The Aura key (hex) that authored the block with `header`: its slot modulo the authorities
 * of its parent's state, the set the block was authored under. */
async function authorOf(api, header) {
  const preRuntime = header.digest.logs.find((log) => log.isPreRuntime && log.asPreRuntime[0].toString() === 'aura');
  if (!preRuntime) throw new Error(`block #${header.number} has no Aura pre-runtime digest`);
  const slot = api.createType('u64', preRuntime.asPreRuntime[1]).toBigInt();
  const authorities = await (await api.at(header.parentHash)).query.aura.authorities();
  return authorities[Number(slot % BigInt(authorities.length))].toHex();
}

/**
 * Call a JSON-RPC method of the node named `name`, over HTTP. A request the connection drops
 * (`fetch failed`: a kept-alive socket the node closed, or a node busy compiling a new runtime)
 * is sent again, three times at most; an error the node answers is thrown at once.
 */
async function rpc(networkInfo, name, method, params = []) {
  for (let attempt = 1; ; attempt += 1) {
    let response;
    try {
      response = await fetch(networkInfo.nodesByName[name].wsUri.replace(/^ws/, 'http'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
      });
    } catch (error) {
      if (attempt >= 3) throw new Error(`${method} to ${name}: ${error.message} (${attempt} attempts)`);
      await sleep(1_000);
      continue;
    }
    const body = await response.json();
    if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
    return body.result;
  }
}

/** The hash and number of the finalized head of the node named `name`. */
async function finalizedHead(networkInfo, name) {
  const hash = await rpc(networkInfo, name, 'chain_getFinalizedHead');
  const header = await rpc(networkInfo, name, 'chain_getHeader', [hash]);
  return { hash, number: parseInt(header.number, 16) };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Visit the headers of finalized blocks in order from block `from`, waiting for new ones, until
 * `visit` returns true; returns that block's number. The step's `within` bounds the wait. */
async function untilFinalized(api, from, visit) {
  for (let number = from; ; await sleep(1_000)) {
    const head = await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead());
    for (; number <= head.number.toNumber(); number += 1) {
      const header = await api.rpc.chain.getHeader(await api.rpc.chain.getBlockHash(number));
      if (await visit(header)) return number;
    }
  }
}

/** The best block number of the node `api` is connected to. */
async function bestNumber(api) {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}

module.exports = {
  withApi, account, finalized, anchor, sudo, authorOf, rpc, finalizedHead, sleep, untilFinalized, bestNumber,
};
