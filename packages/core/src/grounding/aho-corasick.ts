/** A multi-pattern matcher built once from a list of patterns. */
export interface Automaton {
  /** Calls `onPattern` with the index of every pattern occurring in `text`, each index at most once. */
  scan(text: string, onPattern: (pattern: number) => void): void;
}

const ROOT = 0;
const NONE = -1;

/**
 * Builds an Aho–Corasick automaton over `patterns` (empty patterns are ignored). A scan reads the text once,
 * in time linear in its length plus the number of distinct patterns reported, however many patterns there
 * are. With `caseless`, ASCII letters match either case (in patterns and text alike).
 *
 * @example
 * ```ts
 * const automaton = buildAutomaton(['he', 'she', 'hers'], { caseless: false });
 * automaton.scan('ushers', (pattern) => console.log(pattern)); // 1, 0, 2
 * ```
 */
export function buildAutomaton(patterns: readonly string[], { caseless }: { caseless: boolean }): Automaton {
  const fold = caseless ? foldAscii : (code: number) => code;
  // A trie node mostly has one child (patterns are long and share little), so the first edge of each state
  // lives in flat arrays and only branching states get a map; the root's ASCII edges are a dense table,
  // because most characters of a text leave the scan at the root.
  const edgeCode: number[] = [NONE];
  const edgeTarget: number[] = [NONE];
  const branches: (Map<number, number> | undefined)[] = [undefined];
  const outputs: (number[] | undefined)[] = [undefined];
  const byDepth: number[][] = [];

  function child(state: number, code: number): number | undefined {
    if (edgeCode[state] === code) return edgeTarget[state];
    return branches[state]?.get(code);
  }

  patterns.forEach((pattern, index) => {
    let state = ROOT;
    for (let at = 0; at < pattern.length; at += 1) {
      const code = fold(pattern.charCodeAt(at));
      let next = child(state, code);
      if (next === undefined) {
        next = edgeCode.length;
        edgeCode.push(NONE);
        edgeTarget.push(NONE);
        branches.push(undefined);
        outputs.push(undefined);
        if (edgeCode[state] === NONE) {
          edgeCode[state] = code;
          edgeTarget[state] = next;
        } else (branches[state] ??= new Map()).set(code, next);
        (byDepth[at] ??= []).push(next);
      }
      state = next;
    }
    if (state !== ROOT) (outputs[state] ??= []).push(index);
  });
  const states = edgeCode.length;
  const rootAscii = new Int32Array(128).fill(ROOT);
  forEachChild(ROOT, (code, target) => {
    if (code < 128) rootAscii[code] = target;
  });

  function forEachChild(state: number, visit: (code: number, target: number) => void): void {
    const code = edgeCode[state] ?? NONE;
    if (code !== NONE) visit(code, edgeTarget[state] ?? ROOT);
    for (const [other, target] of branches[state] ?? []) visit(other, target);
  }

  function step(state: number, code: number): number {
    let current = state;
    for (;;) {
      if (current === ROOT) return code < 128 ? (rootAscii[code] ?? ROOT) : (child(ROOT, code) ?? ROOT);
      const next = child(current, code);
      if (next !== undefined) return next;
      current = fail[current] ?? ROOT;
    }
  }

  const fail = new Int32Array(states);
  // The nearest proper suffix state that ends a pattern: reporting follows only these links.
  const report = new Int32Array(states).fill(NONE);
  // Breadth first (by depth), so a state's failure target is always computed before its children need it.
  for (const level of byDepth) {
    for (const state of level) {
      forEachChild(state, (code, next) => {
        const target = step(fail[state] ?? ROOT, code);
        fail[next] = target;
        report[next] = outputs[target] !== undefined ? target : (report[target] ?? NONE);
      });
    }
  }

  const seen = new Uint32Array(states);
  let stamp = 0;

  function scan(text: string, onPattern: (pattern: number) => void): void {
    stamp += 1;
    if (stamp === 0xffffffff) {
      seen.fill(0);
      stamp = 1;
    }
    let state = ROOT;
    for (let at = 0; at < text.length; at += 1) {
      state = step(state, fold(text.charCodeAt(at)));
      // A state already reported in this scan has had its whole suffix chain reported too: stop there.
      let node = outputs[state] !== undefined ? state : (report[state] ?? NONE);
      while (node !== NONE && seen[node] !== stamp) {
        seen[node] = stamp;
        for (const pattern of outputs[node] ?? []) onPattern(pattern);
        node = report[node] ?? NONE;
      }
    }
  }

  return { scan };
}

function foldAscii(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}
