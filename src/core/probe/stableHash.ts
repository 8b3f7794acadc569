// A small, pure, order-independent fingerprint of an environment; the cache key needs equality, not secrecy.

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/** 64-bit FNV-1a over the UTF-16 code units of `text`, as 16 hex digits. */
export function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * FNV_PRIME) & MASK;
  }
  return hash.toString(16).padStart(16, '0');
}

/** The same hash for the same variables in any order; length prefixes keep {"A": "b=c"} apart from {"A=b": "c"}. */
export function stableHash(vars: Readonly<Record<string, string>>): string {
  const pairs = Object.keys(vars)
    .sort()
    .map((key) => {
      const value = vars[key] ?? '';
      return `${key.length}:${key}${value.length}:${value}`;
    });
  return fnv1a64(pairs.join(''));
}
