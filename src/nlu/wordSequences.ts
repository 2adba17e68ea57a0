interface Node<V> {
  next?: Map<string, Node<V>>;
  value?: V;
}

/**
 * Word sequences (phrases) with a value each, found in a list of words by walking a tree of words from each
 * position: a message's word that starts no sequence costs one lookup, and no span of words is ever joined into a
 * string to be looked up. Matches come in the order of a scan over every span (by start, then by end).
 */
export class WordSequences<V = true> {
  private readonly root: Node<V> = {};

  /** Adds a sequence (a later value for the same words replaces the earlier one); an empty one is ignored. */
  set(words: readonly string[], value: V): this {
    if (words.length === 0) return this;
    let node = this.root;
    for (const word of words) {
      node.next ??= new Map();
      let child = node.next.get(word);
      if (!child) node.next.set(word, (child = {}));
      node = child;
    }
    node.value = value;
    return this;
  }

  /** Calls back for every occurrence of a sequence of at most `maxWords` words, as [start, end) with its value. */
  forEach(
    words: readonly string[],
    visit: (start: number, end: number, value: V) => void,
    maxWords = Number.POSITIVE_INFINITY,
  ): void {
    for (let start = 0; start < words.length; start++) {
      let node: Node<V> | undefined = this.root;
      for (let end = start + 1; end <= words.length && end - start <= maxWords; end++) {
        node = node.next?.get(words[end - 1]);
        if (!node) break;
        if (node.value !== undefined) visit(start, end, node.value);
      }
    }
  }

  /** Whether any sequence occurs. */
  occursIn(words: readonly string[], maxWords?: number): boolean {
    let found = false;
    this.forEach(words, () => (found = true), maxWords);
    return found;
  }
}
