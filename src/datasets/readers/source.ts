/**
 * The bytes of a dataset file, compressed or not: users keep logs and exports as `.gz` or `.bz2`
 * (text2sql-data ships WikiSQL so), so every reader opens its file through here and sees the plain
 * text. Compression is told by the file's first bytes (the gzip and bzip2 magics), not by its name.
 */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import { createGunzip, gunzipSync } from 'node:zlib';
// unbzip2-stream: bzip2 in pure JavaScript, as a stream (Node has no bzip2 of its own).
import bunzip from 'unbzip2-stream';

type Compression = 'gzip' | 'bzip2' | null;

/** gzip (1f 8b) or bzip2 (`BZh` and a block size digit), by the first bytes. */
function compressionOfBytes(bytes: Uint8Array): Compression {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip';
  if (bytes[0] === 0x42 && bytes[1] === 0x5a && bytes[2] === 0x68 && (bytes[3] ?? 0) >= 0x31 && (bytes[3] ?? 0) <= 0x39)
    return 'bzip2';
  return null;
}

function compressionOf(file: string): Compression {
  const fd = openSync(file, 'r');
  try {
    const magic = Buffer.alloc(4);
    return compressionOfBytes(magic.subarray(0, readSync(fd, magic, 0, 4, 0)));
  } finally {
    closeSync(fd);
  }
}

export const isGzip = (file: string): boolean => compressionOf(file) === 'gzip';

/** The file's (decompressed) bytes as a stream of large chunks. */
export function byteStream(file: string): Readable {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  const compression = compressionOf(file);
  if (compression === null) return raw;
  if (compression === 'gzip') {
    const gunzip = createGunzip({ chunkSize: 1 << 20 });
    raw.on('error', (err) => gunzip.destroy(err));
    return raw.pipe(gunzip);
  }
  // unbzip2-stream is a classic stream: its output goes through a PassThrough, which reads as a modern one.
  const inflate = bunzip();
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  raw.on('error', (err) => out.destroy(err));
  inflate.on('error', (err: Error) => out.destroy(err));
  return raw.pipe(inflate).pipe(out);
}

/** The file's (decompressed) bytes, whole. */
export async function readBytes(file: string): Promise<Buffer> {
  const bytes = await readFile(file);
  const compression = compressionOfBytes(bytes);
  if (compression === 'gzip') return gunzipSync(bytes);
  if (compression === null) return bytes;
  const chunks: Buffer[] = [];
  for await (const chunk of byteStream(file) as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
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
