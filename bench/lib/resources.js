// Samples a process's resident memory and CPU time from /proc while a measurement runs.

import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function sample(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  // Fields 14 and 15 of /proc/<pid>/stat (after the command name in parentheses): utime, stime.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpuTicks = Number(fields[11]) + Number(fields[12]);
  return { rssKb, cpuSeconds: cpuTicks / TICKS_PER_SECOND, at: Date.now() };
}

/**
 * Start sampling `pid` every `everyMs`; `stop()` returns the peak RSS (MiB) and the CPU used
 * (in cores: 1.0 is one core busy all along) over the sampled time.
 */
export function watch(pid, everyMs = 500) {
  const first = sample(pid);
  let peakKb = first.rssKb;
  let last = first;
  const timer = setInterval(() => {
    try {
      last = sample(pid);
      peakKb = Math.max(peakKb, last.rssKb);
    } catch {
      clearInterval(timer);
    }
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const seconds = (last.at - first.at) / 1000;
      return {
        peakRssMib: Number((peakKb / 1024).toFixed(1)),
        cpuCores: seconds > 0 ? Number(((last.cpuSeconds - first.cpuSeconds) / seconds).toFixed(2)) : null,
        seconds: Number(seconds.toFixed(1)),
      };
    },
  };
}
