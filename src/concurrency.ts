/**
 * Runs `work` on each item in order with at most `limit` in flight, and waits for all of them;
 * once `stop()` says so, no new item is started (those in flight finish). A rejection ends the
 * run with that error, as an unawaited item would otherwise be lost.
 */
export async function forEachConcurrently<T>(
  items: Iterable<T>,
  limit: number,
  work: (item: T) => Promise<void>,
  stop: () => boolean = () => false,
): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  for (const item of items) {
    if (stop()) break;
    const p = work(item).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= limit) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
}
