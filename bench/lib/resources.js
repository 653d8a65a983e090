// Samples a process's resident memory and CPU time from /proc while a measurement runs.

import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** The process's resident memory now, and the CPU time of all its threads so far. */
function sample(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  // Fields 14 and 15 of /proc/<pid>/stat (after the command name in parentheses): utime and
  // stime, summed over the process's threads.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpuTicks = Number(fields[11]) + Number(fields[12]);
  return { rssKb, cpuSeconds: cpuTicks / TICKS_PER_SECOND, at: Date.now() };
}

/** CPU used between two samples, in cores: 1.0 is one core busy all along. */
function cores(from, to) {
  const seconds = (to.at - from.at) / 1000;
  return seconds > 0 ? Number(((to.cpuSeconds - from.cpuSeconds) / seconds).toFixed(2)) : null;
}

/**
 * Start sampling `pid` every `everyMs`. `span()` starts a measured stretch (one kind's load)
 * and returns its `end()`: the CPU seconds used over the stretch and the mean cores. `stop()`
 * returns the peak RSS (MiB), the busiest sampling interval's cores, and the mean cores over
 * the whole run.
 */
export function watch(pid, everyMs = 500) {
  const first = sample(pid);
  let peakKb = first.rssKb;
  let peakCores = 0;
  let last = first;
  const timer = setInterval(() => {
    try {
      const now = sample(pid);
      peakKb = Math.max(peakKb, now.rssKb);
      peakCores = Math.max(peakCores, cores(last, now) ?? 0);
      last = now;
    } catch {
      clearInterval(timer);
    }
  }, everyMs);
  return {
    span() {
      const start = sample(pid);
      return () => {
        const end = sample(pid);
        return { cpuSeconds: Number((end.cpuSeconds - start.cpuSeconds).toFixed(2)), cores: cores(start, end) };
      };
    },
    stop() {
      clearInterval(timer);
      return {
        peakRssMib: Number((peakKb / 1024).toFixed(1)),
        peakCores,
        cpuCores: cores(first, last),
        seconds: Number(((last.at - first.at) / 1000).toFixed(1)),
        sampledEveryMs: everyMs,
      };
    },
  };
}
