import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { corpusFile, type CorpusCase } from './corpus-case.js';

/** Where the corpus lives: `test/corpus/`. */
export const CORPUS_DIR = fileURLToPath(new URL('../corpus/', import.meta.url));

/** One loaded case and the file it came from. */
export interface LoadedCase {
  readonly file: string;
  readonly case: CorpusCase;
}

/** One corpus file, validated. */
export interface LoadedFile {
  readonly file: string;
  readonly cases: readonly CorpusCase[];
}

/**
 * Reads one corpus file and validates it with the case schema. Throws an error naming the file and every
 * problem (with its path) when the file is not valid JSON or does not match the schema.
 */
export function loadCorpusFile(file: string): LoadedFile {
  const text = readFileSync(join(CORPUS_DIR, file), 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`test/corpus/${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = corpusFile.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`).join('\n');
    throw new Error(`test/corpus/${file} does not match the corpus case schema:\n${problems}`);
  }
  return { file, cases: parsed.data.cases };
}

/** Every `*.json` file of the corpus, sorted by name, each validated. */
export function loadCorpus(): LoadedFile[] {
  return readdirSync(CORPUS_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map(loadCorpusFile);
}
