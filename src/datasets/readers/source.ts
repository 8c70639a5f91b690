/**
 * The bytes of a dataset file, gzip-compressed or not: users keep logs and exports as `.gz`,
 * so every reader opens its file through here and sees the plain text. Compression is told by
 * the file's first two bytes (the gzip magic), not by its name.
 */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip, gunzipSync } from 'node:zlib';

export function isGzip(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const magic = Buffer.alloc(2);
    return readSync(fd, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** The file's (decompressed) bytes as a stream of large chunks. */
export function byteStream(file: string): Readable {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  if (!isGzip(file)) return raw;
  const gunzip = createGunzip({ chunkSize: 1 << 20 });
  raw.on('error', (err) => gunzip.destroy(err));
  return raw.pipe(gunzip);
}

/** The file's (decompressed) bytes, whole. */
export async function readBytes(file: string): Promise<Buffer> {
  const bytes = await readFile(file);
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
}

/** The file's (decompressed) text, whole, without a byte-order mark. */
export async function readText(file: string): Promise<string> {
  return (await readBytes(file)).toString('utf8').replace(/^\uFEFF/, '');
}

/** The first `size` (decompressed) bytes, for telling the format. */
export async function readHead(file: string, size = 8192): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  const stream = byteStream(file);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= size) break;
    }
  } catch {
    // A truncated or corrupt gzip file: what was read so far tells the format; the reader reports the damage.
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, size);
}
