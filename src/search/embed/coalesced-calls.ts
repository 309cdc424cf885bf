/** Captured at load, so a test's fake timers cannot leave requests waiting for a turn that never comes. */
const nextTurn = setImmediate;

/** A request waiting for the next call: its items and where its results go. */
interface Waiting<T, R> {
  items: readonly T[];
  resolve(results: R[]): void;
  reject(error: unknown): void;
}

/**
 * Wraps a batch function so that requests made in the same turn of the event loop, or while a call is running, are
 * served by one call over all their items (in request order), one call at a time. A model call has a fixed cost of
 * its own (the sentence encoder's graph runs hundreds of operations per call, whatever the batch size), so the
 * classifier's and the retriever's vectors of one question cost about one call instead of two. Each request gets
 * exactly its own results, in order; a failed call fails every request it served.
 */
export function coalescedCalls<T, R>(
  run: (items: readonly T[]) => Promise<R[]>,
): (items: readonly T[]) => Promise<R[]> {
  let waiting: Waiting<T, R>[] = [];
  let scheduled = false;

  const drain = async () => {
    while (waiting.length > 0) {
      const requests = waiting;
      waiting = [];
      try {
        const results = await run(requests.flatMap((request) => request.items));
        let start = 0;
        for (const request of requests) {
          request.resolve(results.slice(start, start + request.items.length));
          start += request.items.length;
        }
      } catch (error) {
        for (const request of requests) request.reject(error);
      }
    }
    scheduled = false;
  };

  return (items) =>
    new Promise<R[]>((resolve, reject) => {
      waiting.push({ items, resolve, reject });
      if (scheduled) return;
      scheduled = true;
      // After the current turn's promise callbacks, so requests issued together (Promise.all) share the call.
      nextTurn(() => void drain());
    });
}
