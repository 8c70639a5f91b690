/**
 * Progress on stderr: a bar with counts and rate, redrawn in place, only when stderr is
 * a terminal and the output is not --json. Otherwise every call is a no-op.
 */
export interface Progress {
  update(label: string, done: number, total?: number): void;
  done(): void;
}

const QUIET: Progress = { update() {}, done() {} };

export function createProgress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!enabled || !stream.isTTY) return QUIET;
  const started = Date.now();
  let lastDraw = 0;
  let drawn = false;
  return {
    update(label, done, total) {
      const now = Date.now();
      if (now - lastDraw < 100 && (total === undefined || done < total)) return;
      lastDraw = now;
      const seconds = Math.max(0.001, (now - started) / 1000);
      const rate = `${Math.round(done / seconds).toLocaleString('en-US')}/s`;
      let bar = '';
      if (total !== undefined && total > 0) {
        const filled = Math.round((20 * Math.min(done, total)) / total);
        const remaining = done > 0 ? ((total - done) * seconds) / done : Number.NaN;
        const eta = Number.isFinite(remaining) ? ` ETA ${formatSeconds(remaining)}` : '';
        bar = `[${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}${eta}`;
      } else bar = `${done.toLocaleString('en-US')} queries`;
      const width = stream.columns ?? 80;
      stream.write(`\r${`${label} ${bar} ${rate}`.slice(0, width - 1)}\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)}s`;
  const m = Math.floor(s / 60);
  return m < 60
    ? `${m}m${String(Math.ceil(s % 60)).padStart(2, '0')}s`
    : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
