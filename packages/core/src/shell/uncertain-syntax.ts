/**
 * Thrown inside the shell parser and analyser when a command cannot be read with certainty; `analyzeCommand`
 * turns it into `{ type: 'uncertain', reason }`. Internal: it never escapes `analyzeCommand`.
 */
export class UncertainSyntax extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UncertainSyntax';
  }
}

/** Stops the analysis: the command is denied because this part of it cannot be read with certainty. */
export function uncertain(reason: string): never {
  throw new UncertainSyntax(reason);
}
