/**
 * The decoder's self-attention cache, kept on the JavaScript side in position-major layout (P, ...row) per
 * named tensor, so a step's new keys and values append with one copy each, and each step's input is a view of
 * the filled part, not a fresh array (docs/model-contract.md).
 */
export class KvCache {
  private buffers: Float32Array[];
  private readonly stride: number;
  length = 0;

  /**
   * `row` is the shape of one position, (B, H, dh); `capacity` the most positions a session can hold. Buffers
   * start small and double, so a one-call reading of a wide batch does not reserve a whole tune's cache.
   */
  constructor(
    private readonly names: readonly string[],
    private readonly row: readonly number[],
    private readonly capacity: number,
  ) {
    this.stride = row.reduce((a, b) => a * b, 1);
    this.buffers = names.map(() => new Float32Array(0));
  }

  private reserve(positions: number): void {
    const have = this.buffers[0].length / this.stride;
    if (positions <= have) return;
    const size = Math.min(this.capacity, Math.max(positions, 2 * have, 64)) * this.stride;
    this.buffers = this.buffers.map((old) => {
      const grown = new Float32Array(size);
      grown.set(old.subarray(0, this.length * this.stride));
      return grown;
    });
  }

  /** Each tensor's name, the filled part of its buffer, and its dims (P, ...row). */
  views(): [string, Float32Array, number[]][] {
    const used = this.length * this.stride;
    return this.names.map((name, i) => [name, this.buffers[i].subarray(0, used), [this.length, ...this.row]]);
  }

  /** Appends `count` positions; `newData(name)` gives that tensor's (count, ...row) new values. */
  append(count: number, newData: (name: string) => Float32Array): void {
    if (this.length + count > this.capacity)
      throw new RangeError(`the cache holds ${this.capacity} positions; ${this.length + count} asked`);
    this.reserve(this.length + count);
    this.names.forEach((name, i) => {
      const data = newData(name);
      if (data.length !== count * this.stride)
        throw new Error(`${name}: ${data.length} values for ${count} positions of ${this.stride}`);
      this.buffers[i].set(data, this.length * this.stride);
    });
    this.length += count;
  }
}
