/**
 * A bounded set of recently seen ids (Slack `event_id`s): remembers the newest `capacity` ids and forgets the
 * oldest first, so a retried or duplicated delivery is recognised without memory growing forever. The case store
 * dedupes escalations across restarts; this catches every reply within one process.
 */
export class RecentIds {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity = 10_000) {}

  /** Records `id`; returns false when it was already seen (the caller must not act on it again). */
  firstSighting(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    if (this.seen.size > this.capacity) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }
}
