/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same province. */
export class Random {
  #state: number;
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

/** Draws from weighted items in O(log n) via cumulative weights. */
export class Weighted<T> {
  readonly #items: readonly T[];
  readonly #cumulative: Float64Array;
  constructor(entries: readonly (readonly [T, number])[]) {
    this.#items = entries.map(([item]) => item);
    this.#cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, w], i) => {
      sum += w;
      this.#cumulative[i] = sum;
    });
  }
  draw(random: Random): T {
    const total = this.#cumulative[this.#cumulative.length - 1] ?? 0;
    const target = random.next() * total;
    let lo = 0;
    let hi = this.#cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.#cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.#items[lo] as T;
  }
}

const DAY = 86_400_000;
export const toDay = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
// Formatting dates dominates generation otherwise; there are only some 25,000 distinct days.
const formatted = new Map<number, string>();
export const fromDay = (day: number) => {
  let iso = formatted.get(day);
  if (!iso) {
    iso = new Date(day * DAY).toISOString().slice(0, 10);
    formatted.set(day, iso);
  }
  return iso;
};
