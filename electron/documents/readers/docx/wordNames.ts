// Element names of WordprocessingML resolved against a part's root namespaces.
import { MC_NS, Namespaces, WORD_NS } from './xml';

export interface WordNames {
  w: (local: string) => string;
  mc: (local: string) => string;
}

/** Build the name resolver from the root element's attributes (falls back to the usual w:/mc:). */
export function wordNames(rootAttrs: Record<string, string>): WordNames {
  const ns = new Namespaces(rootAttrs);
  const cache = new Map<string, string>();
  const resolve = (uris: string[], fallback: string) => (local: string) => {
    const key = `${fallback}:${local}`;
    let name = cache.get(key);
    if (name === undefined) {
      name = ns.name(uris, local) ?? key;
      cache.set(key, name);
    }
    return name;
  };
  return { w: resolve(WORD_NS, 'w'), mc: resolve(MC_NS, 'mc') };
}
