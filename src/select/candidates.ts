/** Pool items grouped by template: selection works on templates, then picks items of each. */
import { forEachNgram } from '../features/ngrams.js';

export interface PoolItem {
  /** Which pool (its label) and the item's position in it. */
  readonly pool: string;
  readonly i: number;
  readonly template: string;
}

export interface TemplateGroup {
  readonly template: string;
  /** n-gram ids (into the shared vocabulary) with their counts in one occurrence of the template. */
  readonly ngrams: readonly (readonly [number, number])[];
  readonly length: number;
  readonly items: PoolItem[];
}

export class Vocabulary {
  readonly ids = new Map<string, number>();
  id(g: string): number {
    let id = this.ids.get(g);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(g, id);
    }
    return id;
  }
}

export function groupByTemplate(items: readonly PoolItem[], vocabulary: Vocabulary, lmax: number): TemplateGroup[] {
  const groups = new Map<string, TemplateGroup>();
  for (const item of items) {
    let group = groups.get(item.template);
    if (!group) {
      const counts = new Map<number, number>();
      let length = 0;
      if (item.template !== '') {
        forEachNgram(item.template.split(' '), lmax, (g) => {
          const id = vocabulary.id(g);
          counts.set(id, (counts.get(id) ?? 0) + 1);
          length++;
        });
      }
      group = { template: item.template, ngrams: [...counts], length, items: [] };
      groups.set(item.template, group);
    }
    group.items.push(item);
  }
  return [...groups.values()];
}

/** n-gram counts of a multiset of templates, as a dense array over the vocabulary. */
export function denseCounts(templates: readonly string[], vocabulary: Vocabulary, lmax: number): Float64Array {
  const ids: number[] = [];
  for (const t of templates) if (t !== '') forEachNgram(t.split(' '), lmax, (g) => ids.push(vocabulary.id(g)));
  const counts = new Float64Array(vocabulary.ids.size);
  for (const id of ids) counts[id] = (counts[id] as number) + 1;
  return counts;
}
