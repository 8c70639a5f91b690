/** unbzip2-stream ships no types: a function that makes a Duplex from bzip2 bytes to plain bytes. */
declare module 'unbzip2-stream' {
  import type { Duplex } from 'node:stream';
  export default function bunzip(): Duplex;
}
