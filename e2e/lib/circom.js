// The evaluation circuit of e2e/circuits, compiled with circom2 and set up with snarkjs (a
// small local powers-of-tau ceremony), proving evaluations the way a dapp would, and converting
// snarkjs's files with `lazai-node verified-computing convert-snarkjs`.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBinary } from './node.js';

const here = dirname(fileURLToPath(import.meta.url));
const bin = (name) => join(here, '..', 'node_modules', '.bin', name);

/** The evaluation circuit set up in a temporary directory; `cleanup()` removes it. */
export class EvaluationProver {
  constructor() {
    this.work = mkdtempSync(join(tmpdir(), 'lazai-circom-'));
    const circuit = join(here, '..', 'circuits', 'evaluation.circom');
    this.run(bin('circom2'), [circuit, '--r1cs', '--wasm', '-o', this.work]);
    // 2^8 constraints are plenty for this circuit.
    this.run(bin('snarkjs'), ['powersoftau', 'new', 'bn128', '8', 'pot0.ptau']);
    this.run(bin('snarkjs'), ['powersoftau', 'contribute', 'pot0.ptau', 'pot1.ptau', '--name=e2e', '-e=lazai e2e']);
    this.run(bin('snarkjs'), ['powersoftau', 'prepare', 'phase2', 'pot1.ptau', 'pot.ptau']);
    this.run(bin('snarkjs'), ['groth16', 'setup', 'evaluation.r1cs', 'pot.ptau', 'evaluation.zkey']);
    this.run(bin('snarkjs'), ['zkey', 'export', 'verificationkey', 'evaluation.zkey', 'verification_key.json']);
  }

  /** Run a command in the work directory; its output is only shown when it fails. */
  run(command, args) {
    try {
      return execFileSync(command, args, { cwd: this.work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      throw new Error(`${command} ${args.join(' ')} failed:\n${error.stdout}\n${error.stderr}`);
    }
  }

  /**
   * Prove that `model` got the samples marked 1 in `correct` (8 of them) right on DAT
   * `dataset`, and return the chain's encodings: `{ curve, verifyingKey, proof, inputs }`.
   */
  prove(model, dataset, correct) {
    const score = (1_000_000 / correct.length) * correct.filter((c) => c === 1).length;
    writeFileSync(join(this.work, 'input.json'), JSON.stringify({ model, dataset, score, correct }));
    this.run(bin('snarkjs'), ['groth16', 'fullprove', 'input.json', join('evaluation_js', 'evaluation.wasm'),
      'evaluation.zkey', 'proof.json', 'public.json']);
    return JSON.parse(this.run(nodeBinary(), ['verified-computing', 'convert-snarkjs',
      '--key', 'verification_key.json', '--proof', 'proof.json', '--public', 'public.json']));
  }

  cleanup() {
    rmSync(this.work, { recursive: true, force: true });
  }
}
