/**
 * The smallest room a step's cache grows to: a handful of doublings cover a whole tune, and a short room keeps the
 * first steps' inputs small (onnxruntime-web copies every input into its heap at every step).
 */
export const MIN_ROOM = 16;

/**
 * The decoder's self-attention cache, kept on the JavaScript side head-major, (B, H, room, dh) per named tensor,
 * with room for more positions than are filled (docs/model-contract.md). The decoder reads the whole room and is
 * told how much of it is filled, so its graph neither transposes the cache nor joins it with the new positions:
 * both copied the whole cache at every step, which made a step slower the longer the tune.
 */
export class KvCache {
  private buffers: Float32Array[];
  private room = 1;
  private readonly blocks: number;
  private readonly headSize: number;
  /** Positions filled. */
  length = 0;

  /**
   * `row` is (B, H, dh); `capacity` the most positions a session can hold. The room starts at one unfilled position
   * (the decoder needs one to read; a one-call reading never grows it) and doubles, from MIN_ROOM, as steps fill it.
   */
  constructor(
    private readonly names: readonly string[],
    private readonly row: readonly [number, number, number],
    private readonly capacity: number,
  ) {
    [this.blocks, this.headSize] = [row[0] * row[1], row[2]];
    this.buffers = names.map(() => new Float32Array(this.blocks * this.headSize));
  }

  private reserve(positions: number): void {
    if (positions <= this.room) return;
    const room = Math.min(this.capacity, Math.max(positions, 2 * this.room, MIN_ROOM));
    const [old, filled] = [this.room * this.headSize, this.length * this.headSize];
    this.buffers = this.buffers.map((buffer) => {
      const grown = new Float32Array(this.blocks * room * this.headSize);
      for (let b = 0; b < this.blocks; b++)
        grown.set(buffer.subarray(b * old, b * old + filled), b * room * this.headSize);
      return grown;
    });
    this.room = room;
  }

  /** Each tensor's name, its whole room and the room's dims (B, H, room, dh). */
  views(): [string, Float32Array, number[]][] {
    const dims = [this.row[0], this.row[1], this.room, this.headSize];
    return this.names.map((name, i) => [name, this.buffers[i], dims]);
  }

  /** Appends `count` positions; `newData(name)` gives that tensor's new values, (B, H, count, dh). */
  append(count: number, newData: (name: string) => Float32Array): void {
    if (this.length + count > this.capacity)
      throw new RangeError(`the cache holds ${this.capacity} positions; ${this.length + count} asked`);
    this.reserve(this.length + count);
    const [part, room] = [count * this.headSize, this.room * this.headSize];
    this.names.forEach((name, i) => {
      const data = newData(name);
      if (data.length !== this.blocks * part)
        throw new Error(`${name}: ${data.length} values for ${count} positions of ${this.blocks * this.headSize}`);
      for (let b = 0; b < this.blocks; b++)
        this.buffers[i].set(data.subarray(b * part, (b + 1) * part), b * room + this.length * this.headSize);
    });
    this.length += count;
  }
}
