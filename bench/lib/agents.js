// The plan of the agent task flow: how many agents and clients a load of tasks needs, which
// agent each task is opened for, and the order that hands each task to the account that
// signs it next.

/**
 * Agents a flow of `tasks` tasks needs, and as many clients, when an agent and a client may
 * each have at most `maxOpen` open tasks; at least `atLeast`.
 */
export function agentsFor(tasks, maxOpen, atLeast = 1) {
  return Math.max(atLeast, Math.ceil(tasks / maxOpen));
}

/**
 * The agent (0 to agents - 1) task `i` is opened for. Task i is client i % clients's j-th
 * (j = floor(i / clients)) and goes to agent (client + j) % agents: with as many agents as
 * clients, every agent gets as many tasks as every client opens.
 */
export function agentOfTask(i, clients, agents) {
  return ((i % clients) + Math.floor(i / clients)) % agents;
}

/**
 * `tasks` ordered so that the i-th is held by holder i % holders, as `holderOf(task)` tells
 * (each holder holding as many): the i-th extrinsic of a load is signed by signer i % signers.
 */
export function inTurn(tasks, holderOf, holders) {
  const held = Array.from({ length: holders }, () => []);
  for (const task of tasks) held[holderOf(task)].push(task);
  return tasks.map((_, i) => held[i % holders][Math.floor(i / holders)]);
}
