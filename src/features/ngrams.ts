/**
 * n-gram features of a template (docs/spec.md §2): every contiguous n-gram, 1 ≤ n ≤ l_max, that
 * (1) holds a word token, (2) neither starts nor ends with `,`, (3) has balanced parentheses.
 */

/** A word starts with a letter or `_`: keywords and function names, not operators. */
export const isWordToken = (token: string): boolean => /^[A-Za-z_]/.test(token);

/** Calls `visit` once per kept n-gram occurrence of `tokens`, in order of start then length. */
export function forEachNgram(tokens: readonly string[], lmax: number, visit: (ngram: string) => void): void {
  const words = tokens.map(isWordToken);
  for (let start = 0; start < tokens.length; start++) {
    if (tokens[start] === ',') continue;
    let depth = 0;
    let hasWord = false;
    let key = '';
    const last = Math.min(tokens.length, start + lmax);
    for (let end = start; end < last; end++) {
      const token = tokens[end] as string;
      if (token === '(') depth++;
      else if (token === ')' && --depth < 0) break; // every longer n-gram from here dips below zero too
      if (words[end]) hasWord = true;
      key = end === start ? token : `${key} ${token}`;
      if (hasWord && depth === 0 && token !== ',') visit(key);
    }
  }
}

/** The kept n-grams of one template, in order (for explanations and tests). */
export function ngramsOf(template: string, lmax: number): string[] {
  const out: string[] = [];
  if (template !== '') forEachNgram(template.split(' '), lmax, (g) => out.push(g));
  return out;
}

/**
 * Every n-gram of a run's templates numbered once: a template is expanded the first time it is
 * asked for. N-grams are nodes of a trie over token ids (an n-gram is its prefix plus one token),
 * kept in an open-addressing table of integers, so expanding a template costs one integer probe
 * per occurrence, and an n-gram's string is built only when asked for. Distributions,
 * size-matched draws and cuts to a shorter l_max then work on integer ids.
 */
export class NgramIndex {
  private readonly tokens: string[] = [];
  private readonly tokenIds = new Map<string, number>();
  private readonly tokenIsWord: boolean[] = [];
  /** Per node: its prefix's id (-1 for a single token), its last token's id, its length. */
  private parents = new Int32Array(4096);
  private lastTokens = new Int32Array(4096);
  private lengthOf = new Int32Array(4096);
  private nodes = 0;
  /** The trie's edges: slot → (prefix id + 1, token id) and the child's id + 1 (0: empty). */
  private slotParent = new Int32Array(8192);
  private slotToken = new Int32Array(8192);
  private slotChild = new Int32Array(8192);
  private readonly strings: (string | undefined)[] = [];
  private readonly byTemplate = new Map<string, Int32Array>();

  constructor(readonly lmax: number) {}

  /** The ids of a template's kept n-gram occurrences, in forEachNgram's order. */
  of(template: string): Int32Array {
    let found = this.byTemplate.get(template);
    if (found === undefined) {
      found = template === '' ? new Int32Array(0) : this.expand(template.split(' '));
      this.byTemplate.set(template, found);
    }
    return found;
  }

  /** The id of an n-gram (its tokens joined by single spaces), numbering it if new. */
  intern(gram: string): number {
    let node = -1;
    for (const token of gram.split(' ')) node = this.child(node, this.tokenId(token));
    return node;
  }

  /** The n-gram of an id. */
  gram(id: number): string {
    let text = this.strings[id];
    if (text === undefined) {
      const parent = this.parents[id] as number;
      const token = this.tokens[this.lastTokens[id] as number] as string;
      text = parent < 0 ? token : `${this.gram(parent)} ${token}`;
      this.strings[id] = text;
    }
    return text;
  }

  /** The number of tokens of an id's n-gram. */
  length(id: number): number {
    return this.lengthOf[id] as number;
  }

  get size(): number {
    return this.nodes;
  }

  /** forEachNgram's rules, on token ids. */
  private expand(tokens: readonly string[]): Int32Array {
    const ids = tokens.map((t) => this.tokenId(t));
    const out: number[] = [];
    for (let start = 0; start < tokens.length; start++) {
      if (tokens[start] === ',') continue;
      let depth = 0;
      let hasWord = false;
      let node = -1;
      const last = Math.min(tokens.length, start + this.lmax);
      for (let end = start; end < last; end++) {
        const token = tokens[end] as string;
        if (token === '(') depth++;
        else if (token === ')' && --depth < 0) break;
        const id = ids[end] as number;
        if (this.tokenIsWord[id]) hasWord = true;
        node = this.child(node, id);
        if (hasWord && depth === 0 && token !== ',') out.push(node);
      }
    }
    return Int32Array.from(out);
  }

  private tokenId(token: string): number {
    let id = this.tokenIds.get(token);
    if (id === undefined) {
      id = this.tokens.length;
      this.tokenIds.set(token, id);
      this.tokens.push(token);
      this.tokenIsWord.push(isWordToken(token));
    }
    return id;
  }

  private child(parent: number, token: number): number {
    const mask = this.slotChild.length - 1;
    let slot = edgeHash(parent + 1, token) & mask;
    for (;;) {
      const child = this.slotChild[slot] as number;
      if (child === 0) break;
      if (this.slotParent[slot] === parent + 1 && this.slotToken[slot] === token) return child - 1;
      slot = (slot + 1) & mask;
    }
    const node = this.nodes++;
    if (node === this.parents.length) this.growNodes();
    this.parents[node] = parent;
    this.lastTokens[node] = token;
    this.lengthOf[node] = parent < 0 ? 1 : (this.lengthOf[parent] as number) + 1;
    this.slotParent[slot] = parent + 1;
    this.slotToken[slot] = token;
    this.slotChild[slot] = node + 1;
    if (this.nodes * 2 > this.slotChild.length) this.growSlots();
    return node;
  }

  private growNodes(): void {
    const larger = (a: Int32Array) => {
      const out = new Int32Array(a.length * 2);
      out.set(a);
      return out;
    };
    this.parents = larger(this.parents);
    this.lastTokens = larger(this.lastTokens);
    this.lengthOf = larger(this.lengthOf);
  }

  /** Doubles the edge table at half full, re-placing every edge. */
  private growSlots(): void {
    const size = this.slotChild.length * 2;
    this.slotParent = new Int32Array(size);
    this.slotToken = new Int32Array(size);
    this.slotChild = new Int32Array(size);
    const mask = size - 1;
    for (let node = 0; node < this.nodes; node++) {
      const parent = (this.parents[node] as number) + 1;
      const token = this.lastTokens[node] as number;
      let slot = edgeHash(parent, token) & mask;
      while (this.slotChild[slot] !== 0) slot = (slot + 1) & mask;
      this.slotParent[slot] = parent;
      this.slotToken[slot] = token;
      this.slotChild[slot] = node + 1;
    }
  }
}

/** A well-mixed 32-bit hash of an edge (murmur3's finaliser over both ids). */
function edgeHash(parent: number, token: number): number {
  let h = Math.imul(parent, 0x9e3779b1) ^ token;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
