import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ZipWriter } from '../engine';
import type { PackedFile, PreparedExport, ZipCodec } from '../engine';

/**
 * The compressing thread, as source: a fixed text (nothing of the design reaches it but file bytes), run with
 * `eval` so the bundled CLI and the tests need no separate file. Each message is a batch of files' bytes; the
 * reply gives each file as the zip stores it (deflated where that made it smaller: see packedFile).
 */
const DEFLATE_THREAD = `
const { parentPort } = require('node:worker_threads');
const { crc32, deflateRawSync } = require('node:zlib');
parentPort.on('message', ({ id, raws, level }) => {
  const files = raws.map((raw) => {
    const packed = deflateRawSync(raw, { level });
    const deflated = packed.length < raw.length;
    // zlib's output is a view into a larger buffer: a copy of its own, so only its bytes travel back.
    return { size: raw.length, crc: crc32(raw), data: deflated ? Uint8Array.prototype.slice.call(packed) : raw, deflated };
  });
  parentPort.postMessage({ id, files }, files.map((f) => f.data.buffer));
});
`;

/** Files' text per batch: large enough that a message costs little against its compression, small enough to spread. */
const BATCH_BYTES = 256 * 1024;
/** Batches in flight per thread: the threads never wait for the renderer, and memory holds a few MB at most. */
const AHEAD = 2;

interface Batch {
  paths: string[];
  modes: number[];
  raws: Uint8Array[];
  bytes: number;
}

/**
 * writeBundleZip with the compression on worker threads (one per core but the main thread's, at least 1, at most
 * 8): the main thread renders the files in order and the threads deflate them in batches, so rendering and
 * compressing overlap. The same bytes as writeBundleZip with Node's zlib at `level` (test). Threads are stopped
 * when it returns or throws.
 */
export async function writeZipOnThreads(
  prepared: PreparedExport, emit: (chunk: Uint8Array) => void, level: number, threads = Math.min(8, availableParallelism() - 1),
): Promise<{ files: number; bytes: number }> {
  const pool = Array.from({ length: Math.max(1, threads) }, () => new Worker(DEFLATE_THREAD, { eval: true }));
  const waiting = new Map<number, { resolve: (files: PackedFile[]) => void; reject: (e: Error) => void }>();
  const fail = (e: Error) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  for (const w of pool) {
    w.on('message', ({ id, files }: { id: number; files: PackedFile[] }) => {
      waiting.get(id)?.resolve(files);
      waiting.delete(id);
    });
    w.on('error', fail);
  }
  // The writer's own codec is never called: every file arrives compressed.
  const unused: ZipCodec = { deflateRaw: () => { throw new Error('compressed on threads'); }, crc32: () => 0 };
  const writer = new ZipWriter(unused, emit);
  const queue: Array<{ batch: Batch; files: Promise<PackedFile[]> }> = [];
  const encoder = new TextEncoder();
  let batch: Batch = { paths: [], modes: [], raws: [], bytes: 0 };
  let next = 0;
  const send = () => {
    if (batch.raws.length === 0) return;
    const id = next++;
    const sent = batch;
    const files = new Promise<PackedFile[]>((resolve, reject) => waiting.set(id, { resolve, reject }));
    // Each raw is a fresh buffer of its own (TextEncoder), so it can be moved rather than copied.
    pool[id % pool.length]?.postMessage({ id, raws: sent.raws, level }, sent.raws.map((r) => r.buffer as ArrayBuffer));
    queue.push({ batch: sent, files });
    batch = { paths: [], modes: [], raws: [], bytes: 0 };
  };
  const writeUntil = async (left: number) => {
    while (queue.length > left) {
      const { batch: done, files } = queue.shift() as (typeof queue)[number];
      const packed = await files;
      packed.forEach((f, i) => writer.addPacked(done.paths[i] as string, f, done.modes[i] as number));
    }
  };
  try {
    for (const f of prepared.files()) {
      const raw = encoder.encode(f.content);
      batch.paths.push(`${prepared.folder}/${f.path}`);
      batch.modes.push(f.mode);
      batch.raws.push(raw);
      batch.bytes += raw.length;
      if (batch.bytes >= BATCH_BYTES) {
        send();
        await writeUntil(AHEAD * pool.length);
      }
    }
    send();
    await writeUntil(0);
    writer.finish();
    return { files: writer.count, bytes: writer.size };
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
