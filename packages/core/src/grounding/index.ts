export { canonicalValue, type CanonicalValue, type ValueKind } from './value-kind.js';
export {
  createContentIndex,
  type ContentFragment,
  type ContentIndex,
  type ContentIndexStats,
  type Grounding,
} from './content-index.js';
export { createSecretScanner, type SecretScanner } from './secret-scanner.js';
