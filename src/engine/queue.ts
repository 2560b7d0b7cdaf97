/**
 * A binary min-heap of timed items ordered by (t, seq). `seq` is the push
 * order, so items at the same time run in the order they were scheduled and
 * every run is reproducible.
 */

/** Anything the queue can hold: a time and a push-order number. */
export interface Timed {
  t: number;
  seq: number;
}

/** A small priority queue; internal to the engine. */
export class EventQueue<T extends Timed> {
  private readonly heap: T[] = [];

  /** Number of queued items. */
  get size(): number {
    return this.heap.length;
  }

  /** The earliest item, without removing it. */
  peek(): T | undefined {
    return this.heap[0];
  }

  /** Adds an item. */
  push(item: T): void {
    const h = this.heap;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(h[i]!, h[p]!)) break;
      swap(h, i, p);
      i = p;
    }
  }

  /** Removes and returns the earliest item. */
  pop(): T | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last !== undefined) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && less(h[l]!, h[m]!)) m = l;
        if (r < h.length && less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        swap(h, i, m);
        i = m;
      }
    }
    return top;
  }
}

function less(a: Timed, b: Timed): boolean {
  return a.t < b.t || (a.t === b.t && a.seq < b.seq);
}

/** Swaps two entries of the heap (with a temporary: a destructuring swap makes an array each time). */
function swap<T>(h: T[], i: number, j: number): void {
  const x = h[i]!;
  h[i] = h[j]!;
  h[j] = x;
}
