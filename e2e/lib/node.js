// Starts and stops a real lazai-node for a test, and connects @polkadot/api to it.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, openSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { u8aToHex } from '@polkadot/util';
import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';

const here = dirname(fileURLToPath(import.meta.url));

/** The node binary under test: $LAZAI_NODE, or the release build in the cargo target dir. */
export function nodeBinary() {
  if (process.env.LAZAI_NODE) return process.env.LAZAI_NODE;
  const target = process.env.CARGO_TARGET_DIR || join(homedir(), '.cache', 'lazai-target');
  return join(target, 'release', 'lazai-node');
}

/** A TCP port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Call a JSON-RPC method over HTTP; resolves to the result or throws. A request the connection
 * drops (`fetch failed`, as when the node closed a kept-alive socket) is sent again, three times
 * at most; an error the node answers is thrown at once.
 */
export async function rpc(port, method, params = [], attempts = 3) {
  let response;
  try {
    response = await fetch(`http://127.0.0.1:${port}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    });
  } catch (error) {
    if (attempts <= 1) throw error;
    await sleep(1_000);
    return rpc(port, method, params, attempts - 1);
  }
  const body = await response.json();
  if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}

/**
 * Start `lazai-node` with `args` (for example `['--dev']`) on free ports, in a temporary
 * database (or in `basePath`, kept), and wait until its RPC answers. Its output goes to
 * e2e/logs/<name>.log. The test suite starts some twenty nodes at once (these files, the CLI test
 * and three zombienet networks), each compiling the runtime before it answers, on two cores: the
 * start may take minutes.
 */
export async function startNode(name, args, { timeoutMs = 240_000, basePath } = {}) {
  const rpcPort = await freePort();
  const p2pPort = await freePort();
  const logDir = join(here, '..', 'logs');
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${name}.log`);
  const log = openSync(logFile, 'w');
  const child = spawn(
    nodeBinary(),
    [...args, ...(basePath ? ['--base-path', basePath] : ['--tmp']), '--rpc-port', `${rpcPort}`,
      '--port', `${p2pPort}`, '--no-prometheus', '--no-telemetry', '--no-mdns', '--rpc-cors', 'all'],
    { stdio: ['ignore', log, log] },
  );
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let gone = null;
  exited.then((status) => { gone = status; });

  const node = {
    rpcPort,
    p2pPort,
    logFile,
    async stop() {
      if (gone) return;
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (gone) throw new Error(`lazai-node exited early (${JSON.stringify(gone)}); see ${logFile}`);
    try {
      await rpc(rpcPort, 'system_health');
      return node;
    } catch {
      if (Date.now() > deadline) {
        await node.stop();
        throw new Error(`lazai-node RPC did not answer within ${timeoutMs} ms; see ${logFile}`);
      }
      await sleep(250);
    }
  }
}

/** An @polkadot/api connection to a started node; `options` go to `ApiPromise.create`. */
export async function connect(node, options = {}) {
  return ApiPromise.create({ provider: new WsProvider(`ws://127.0.0.1:${node.rpcPort}`), noInitWarn: true, ...options });
}

/** Wait until the finalized head reaches `height`. */
export async function waitForFinalized(api, height, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const head = await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead());
    if (head.number.toNumber() >= height) return head;
    if (Date.now() > deadline) {
      throw new Error(`finalized head stuck at ${head.number.toNumber()}, wanted ${height}`);
    }
    await sleep(1_000);
  }
}

/** A dispatch error as `section.Name` (module errors) or `Kind.Name` (token, arithmetic …). */
export function errorName(api, dispatchError) {
  if (dispatchError.isModule) {
    const meta = api.registry.findMetaError(dispatchError.asModule);
    return `${meta.section}.${meta.name}`;
  }
  const kind = dispatchError.type;
  const inner = dispatchError[`as${kind}`];
  return inner && inner.type ? `${kind}.${inner.type}` : kind;
}

/**
 * The runtime's metadata hash, as an offline signer computes it (RFC-0078): the merkleized
 * metadata of the runtime at the best block, with the chain's token symbol and decimals.
 */
export async function metadataHash(api) {
  const metadata = await api.call.metadata.metadataAtVersion(15);
  const { tokenSymbol, tokenDecimals } = await api.rpc.system.properties();
  return u8aToHex(merkleizeMetadata(metadata.unwrap().toU8a(true), {
    tokenSymbol: tokenSymbol.unwrap()[0].toString(),
    decimals: tokenDecimals.unwrap()[0].toNumber(),
  }).digest());
}

const hashes = new WeakMap();

/**
 * Sign and submit `tx` as `signer`, with the metadata hash in the signed payload (the
 * `CheckMetadataHash` extension's mode 1, as a Ledger signs); resolve once its block is
 * finalized, with the block hash, the extrinsic's events and its dispatch error (null on success).
 * `options` go to `signAndSend` (a different `metadataHash`, say).
 */
export async function submitFinalized(api, tx, signer, timeoutMs = 90_000, options = {}) {
  if (!hashes.has(api)) hashes.set(api, await metadataHash(api));
  const signing = { mode: 1, metadataHash: hashes.get(api), ...options };
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error('transaction not finalized in time'));
    }, timeoutMs);
    tx.signAndSend(signer, signing, ({ status, events, dispatchError }) => {
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        clearTimeout(timer);
        unsubscribe();
        reject(new Error(`transaction ${status.type}`));
      } else if (status.isFinalized) {
        clearTimeout(timer);
        unsubscribe();
        resolve({ blockHash: status.asFinalized, events, dispatchError: dispatchError || null });
      }
    }).then((unsub) => { unsubscribe = unsub; }, (error) => { clearTimeout(timer); reject(error); });
  });
}
