import { GroupCommit } from './group-commit.js';

describe('GroupCommit', () => {
  it('writes items pushed in the same turn of the event loop as one batch', async () => {
    const batches: number[][] = [];
    const commits = new GroupCommit<number, number>(async (items) => {
      batches.push([...items]);
      return items.map((n) => n * 2);
    });
    const results = await Promise.all([1, 2, 3].map((n) => commits.push(n)));
    expect(results).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('flushes at once when a batch is full, without waiting for the next turn', async () => {
    const batches: number[][] = [];
    const commits = new GroupCommit<number, boolean>(
      async (items) => {
        batches.push([...items]);
        return items.map(() => true);
      },
      { maxBatch: 2 },
    );
    const pending = [1, 2, 3, 4, 5].map((n) => commits.push(n));
    expect(batches).toEqual([[1, 2]]);
    await Promise.all(pending);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('collects items that arrive during a write into the next batch', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const commits = new GroupCommit<number, number>(async (items) => {
      batches.push([...items]);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return [...items];
    });
    const first = commits.push(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [2, 3, 4].map((n) => commits.push(n));
    expect(commits.pending).toBe(3);
    release();
    await Promise.all([first, ...later]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('rejects every item of a failed batch and keeps serving later ones', async () => {
    let fail = true;
    const commits = new GroupCommit<number, number>(async (items) => {
      if (fail) throw new Error('disk full');
      return [...items];
    });
    const failed = Promise.allSettled([commits.push(1), commits.push(2)]);
    expect((await failed).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(commits.push(3)).resolves.toBe(3);
  });

  it('reports each batch size and drains what is pending', async () => {
    const sizes: number[] = [];
    const commits = new GroupCommit<number, number>(async (items) => [...items], { onBatch: (size) => sizes.push(size) });
    const pushed = [1, 2, 3].map((n) => commits.push(n));
    await commits.drain();
    expect(commits.pending).toBe(0);
    await Promise.all(pushed);
    expect(sizes).toEqual([3]);
  });

  it('runs up to `concurrency` batches at once, and no more', async () => {
    let running = 0;
    let peak = 0;
    const commits = new GroupCommit<number, number>(
      async (items) => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        return [...items];
      },
      { maxBatch: 2, concurrency: 3 },
    );
    const results = await Promise.all(Array.from({ length: 20 }, (_, n) => commits.push(n)));
    expect(results).toEqual(Array.from({ length: 20 }, (_, n) => n));
    expect(peak).toBe(3);
  });
});
