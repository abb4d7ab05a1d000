// Finds listed words and phrases in text on word boundaries, ignoring case and how the words are spaced, in time
// linear in the text (whatever the list holds): the text is cut into words once, and an Aho-Corasick automaton over
// words (not characters) walks them, so a word boundary is where a match may start or end by construction, and no
// list entry is ever a regular expression. A policy author's list cannot make a request slow.

/** Letters (with their combining marks) and digits; everything else separates words. */
const NON_ASCII_WORD = /^[\p{L}\p{M}\p{N}]$/u;

/** What the Basic Multilingual Plane's characters were found to be (0 not yet, 1 word, 2 not), filled as met. */
const BMP_CLASS = new Uint8Array(0x10000);

function isWordChar(text: string, at: number, code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  if (code < 0xd800 || code > 0xdfff) {
    if (BMP_CLASS[code] === 0) BMP_CLASS[code] = NON_ASCII_WORD.test(String.fromCharCode(code)) ? 1 : 2;
    return BMP_CLASS[code] === 1;
  }
  // A lone surrogate half is not a letter; a pair is tested as the one character it encodes.
  return NON_ASCII_WORD.test(String.fromCodePoint(text.codePointAt(at)!));
}

/** The word as compared: NFKC-folded and lower-cased, so "ＣＡＳＨ" and "Cash" are the same word. */
function fold(word: string, ascii: boolean, upper: boolean): string {
  if (ascii) return upper ? word.toLowerCase() : word;
  return word.normalize("NFKC").toLowerCase();
}

/** Calls `visit` with each word of the text, its folded form and UTF-16 offsets; one pass, no regular expression over the text. */
export function forEachWord(text: string, visit: (key: string, start: number, end: number) => void): void {
  let start = -1;
  let ascii = true;
  let upper = false;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : -1;
    const inWord = code >= 0 && isWordChar(text, i, code);
    if (inWord) {
      if (start < 0) {
        start = i;
        ascii = true;
        upper = false;
      }
      if (code >= 128) ascii = false;
      else if (code <= 90 && code >= 65) upper = true;
      // The low half of a surrogate pair belongs to the character tested at its high half.
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) i++;
    } else if (start >= 0) {
      visit(fold(text.slice(start, i), ascii, upper), start, i);
      start = -1;
    }
  }
}

/** The words of a text (folded) with their UTF-16 offsets. */
export function words(text: string): { key: string; start: number; end: number }[] {
  const found: { key: string; start: number; end: number }[] = [];
  forEachWord(text, (key, start, end) => found.push({ key, start, end }));
  return found;
}

/** A match: the text from `start` to `end` (UTF-16 offsets, end exclusive) is a listed phrase. */
export interface PhraseMatch {
  start: number;
  end: number;
}

/** A text's words, folded, without offsets: what checks that need no positions walk (cut once, tested by several matchers). */
export function wordKeys(text: string): string[] {
  const keys: string[] = [];
  forEachWord(text, (key) => keys.push(key));
  return keys;
}

export interface PhraseMatcher {
  /** Whether any listed phrase occurs in the text. */
  test(text: string): boolean;
  /** Whether any listed phrase occurs in a text already cut into words (wordKeys). */
  testKeys(keys: readonly string[]): boolean;
  /** Every occurrence, longest at each end position, left to right (overlaps possible). */
  find(text: string): PhraseMatch[];
}

interface Node {
  next: Map<number, number>;
  fail: number;
  /** Words in the longest listed phrase ending at this node (itself or a suffix of it); 0 when none. */
  match: number;
  depth: number;
}

/** Compiles a list of phrases; entries without a word (punctuation only) can never match and are dropped. */
export function compilePhrases(phrases: readonly string[]): PhraseMatcher {
  const ids = new Map<string, number>();
  const nodes: Node[] = [{ next: new Map(), fail: 0, match: 0, depth: 0 }];
  for (const phrase of phrases) {
    const keys = words(phrase).map((w) => w.key);
    if (keys.length === 0) continue;
    let at = 0;
    for (const key of keys) {
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      let child = nodes[at]!.next.get(id);
      if (child === undefined) {
        child = nodes.length;
        nodes.push({ next: new Map(), fail: 0, match: 0, depth: nodes[at]!.depth + 1 });
        nodes[at]!.next.set(id, child);
      }
      at = child;
    }
    nodes[at]!.match = nodes[at]!.depth;
  }
  // Failure links breadth first: each node's points at the longest proper suffix of its path that is also a path.
  const queue: number[] = [...nodes[0]!.next.values()];
  for (let head = 0; head < queue.length; head++) {
    const parent = nodes[queue[head]!]!;
    for (const [id, child] of parent.next) {
      let fail = parent.fail;
      while (fail !== 0 && !nodes[fail]!.next.has(id)) fail = nodes[fail]!.fail;
      const target = nodes[fail]!.next.get(id);
      const node = nodes[child]!;
      node.fail = target !== undefined && target !== child ? target : 0;
      if (node.match === 0) node.match = nodes[node.fail]!.match;
      queue.push(child);
    }
  }

  const longest = nodes.reduce((most, node) => Math.max(most, node.depth), 1);
  const step = (state: number, key: string): number => {
    const id = ids.get(key);
    if (id === undefined) return 0;
    let at = state;
    while (at !== 0 && !nodes[at]!.next.has(id)) at = nodes[at]!.fail;
    return nodes[at]!.next.get(id) ?? 0;
  };

  /** Walks the text's words; `onMatch` gets the end offset of the word that completed a match, and the match's length in words. */
  const scan = (text: string, onMatch: (starts: number[], wordIndex: number, end: number, length: number) => void) => {
    if (nodes.length === 1) return;
    // Where each word started, kept only as far back as the longest phrase can reach.
    const starts: number[] = [];
    let state = 0;
    let index = 0;
    forEachWord(text, (key, start, end) => {
      starts[index % longest] = start;
      state = step(state, key);
      const length = nodes[state]!.match;
      if (length > 0) onMatch(starts, index, end, length);
      index++;
    });
  };

  return {
    test(text) {
      let found = false;
      scan(text, () => (found = true));
      return found;
    },
    testKeys(keys) {
      if (nodes.length === 1) return false;
      let state = 0;
      for (const key of keys) {
        state = step(state, key);
        if (nodes[state]!.match > 0) return true;
      }
      return false;
    },
    find(text) {
      const found: PhraseMatch[] = [];
      scan(text, (starts, index, end, length) => found.push({ start: starts[(index - length + 1) % longest]!, end }));
      return found;
    },
  };
}
