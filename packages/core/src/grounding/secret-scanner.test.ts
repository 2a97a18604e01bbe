import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSecretScanner } from './secret-scanner.js';
import { secretForms } from './secret-forms.js';

const API_KEY = 'sk-live-4f9a2c7e';
const PASSWORD = 'correct horse battery staple';
const LOREM =
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit. https://example.com/?q=search&page=2 ' +
  'U2VuZCBtZSB0aGUgcmVwb3J0 deadbeef 0xCAFEBABE %20%2F sk-test-0000 correct horse';

function scannerWith(...secrets: string[]) {
  const scanner = createSecretScanner();
  for (const secret of secrets) scanner.add(secret);
  return scanner;
}

describe('createSecretScanner', () => {
  const scanner = scannerWith(API_KEY, PASSWORD);

  describe('encodings', () => {
    const bytes = Buffer.from(API_KEY);
    it.each([
      ['verbatim', `key=${API_KEY}`],
      ['base64', bytes.toString('base64')],
      ['base64url', `https://evil.io/${bytes.toString('base64url')}`],
      ['hex', bytes.toString('hex')],
      ['upper-case hex with colons', bytes.toString('hex').toUpperCase().match(/../g)?.join(':') ?? ''],
      ['hex with spaces', bytes.toString('hex').match(/../g)?.join(' ') ?? ''],
      ['hex with dashes', bytes.toString('hex').match(/../g)?.join('-') ?? ''],
      ['percent-encoding of every byte', bytes.toString('hex').replace(/../g, (pair) => `%${pair}`)],
    ])('should find the secret as %s', (_name, text) => {
      expect(scanner.scan(text)).toEqual([API_KEY]);
    });

    it.each([
      ['encodeURIComponent', `https://evil.io/?d=${encodeURIComponent(PASSWORD)}`],
      ['+ for spaces', `https://evil.io/?d=${encodeURIComponent(PASSWORD).replaceAll('%20', '+')}`],
      ['form encoding', `https://evil.io/?${new URLSearchParams({ d: PASSWORD }).toString()}`],
      ['base64 inside a query', `https://evil.io/?d=${btoa(PASSWORD)}`],
    ])('should find a secret with spaces in a URL query (%s)', (_name, text) => {
      expect(scanner.scan(text)).toEqual([PASSWORD]);
    });

    it.each([0, 1, 2, 3, 4, 5, 6, 7])('should find the secret inside a longer base64 blob at offset %i', (offset) => {
      const blob = Buffer.from(`${'token='.padEnd(offset, '#').slice(0, offset)}${API_KEY}&x=1`);
      expect(scanner.scan(blob.toString('base64'))).toEqual([API_KEY]);
      expect(scanner.scan(blob.toString('base64url').replace(/=+$/, ''))).toEqual([API_KEY]);
    });

    it('should find base64 of "token=" + secret + "&x=1" in a URL', () => {
      expect(scanner.scan(`https://evil.io/c?d=${btoa(`token=${API_KEY}&x=1`)}`)).toEqual([API_KEY]);
    });
  });

  describe('results', () => {
    it('should report every secret found, once, in the order they were added', () => {
      expect(scanner.scan(`${PASSWORD} ${btoa(API_KEY)} ${API_KEY}`)).toEqual([API_KEY, PASSWORD]);
    });

    it('should find nothing in unrelated text', () => {
      expect(scanner.scan(LOREM)).toEqual([]);
      expect(scanner.scan('')).toEqual([]);
    });

    it('should not find a secret from a part of it', () => {
      expect(scanner.scan(API_KEY.slice(0, -1))).toEqual([]);
      expect(scanner.scan(btoa(API_KEY.slice(1)))).toEqual([]);
    });

    it('should match a short secret verbatim only', () => {
      const short = scannerWith('abc');
      expect(short.scan('xxabcxx')).toEqual(['abc']);
      expect(short.scan(btoa('abc'))).toEqual([]);
      expect(short.scan('616263')).toEqual([]);
    });

    it('should ignore empty and repeated secrets', () => {
      const counted = scannerWith('', 'abcd', 'abcd');
      expect(counted.size).toBe(1);
    });

    it('should find a secret added after a scan', () => {
      const growing = scannerWith('first-secret');
      expect(growing.scan('second-secret')).toEqual([]);
      growing.add('second-secret');
      expect(growing.scan('second-secret')).toEqual(['second-secret']);
    });

    it('should refuse a secret or text that is not a string', () => {
      expect(() => createSecretScanner().add(42 as never)).toThrow(TypeError);
      expect(() => scanner.scan(undefined as never)).toThrow(TypeError);
    });
  });

  describe('against a naive reference', () => {
    const secretText = fc.string({ unit: fc.constantFrom('a', 'b', 'Z', '0', '9', ' ', '/', '+', '=', '%', 'é'), minLength: 1, maxLength: 12 });
    const noise = fc.string({ unit: fc.constantFrom('a', 'b', 'Y', 'W', '0', '1', '2', '6', ' ', '%', '=', '-', ':', 'F'), maxLength: 40 });
    const encodings: ((secret: string, prefix: string) => string)[] = [
      (secret) => secret,
      (secret, prefix) => Buffer.from(prefix + secret + prefix).toString('base64'),
      (secret, prefix) => Buffer.from(prefix + secret).toString('base64url'),
      (secret) => Buffer.from(secret).toString('hex').toUpperCase(),
      (secret) => Buffer.from(secret).toString('hex').match(/../g)?.join(':') ?? '',
      (secret) => encodeURIComponent(secret),
      (secret) => new URLSearchParams({ d: secret }).toString(),
      (secret) => secret.slice(1),
    ];

    it('should find exactly the secrets whose forms a naive search finds', () => {
      fc.assert(
        fc.property(
          fc.uniqueArray(secretText, { minLength: 1, maxLength: 4 }),
          fc.array(fc.tuple(noise, fc.nat(), fc.nat(encodings.length - 1), fc.string({ maxLength: 3 })), { maxLength: 4 }),
          noise,
          (secrets, parts, tail) => {
            const text = parts.map(([before, which, encoding, prefix]) => before + (encodings[encoding]?.(secrets[which % secrets.length] ?? '', prefix) ?? '')).join('') + tail;
            const expected = secrets.filter((secret) => {
              const forms = secretForms(secret);
              const folded = text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
              return forms.exact.some((form) => text.includes(form)) || forms.caseless.some((form) => folded.includes(form.toLowerCase()));
            });
            expect(scannerWith(...secrets).scan(text)).toEqual(expected);
            // Every secret that was embedded whole (not the sliced decoy) must be among them.
            parts.forEach(([, which, encoding]) => {
              const secret = secrets[which % secrets.length] ?? '';
              if (encoding !== 7 && (secret.length >= 4 || encoding === 0)) expect(expected).toContain(secret);
            });
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});
