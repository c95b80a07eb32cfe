// Message catalogues: Dutch first, English second. Every user-facing text of
// the UI is a key in nl.json and en.json; `{name}` placeholders are filled in.
import en from './en.json';
import nl from './nl.json';

export type Lang = 'nl' | 'en';

type Catalog = typeof nl;

/** Dotted paths to every string leaf of a catalogue: "list.title", ... */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Catalog>;
export type Params = Record<string, string | number>;

// Typed as Catalog so that a key missing in en.json fails the type check.
const catalogs: Record<Lang, Catalog> = { nl, en };

export function isLang(value: unknown): value is Lang {
  return value === 'nl' || value === 'en';
}

/** Every dotted key of a nested message object, for completeness checks. */
export function flattenKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => flattenKeys(v, prefix ? `${prefix}.${k}` : k));
}

function lookup(catalog: unknown, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function interpolate(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

/** The text for `key` in `lang`; the key itself if it is missing (visible, never blank). */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return interpolate(lookup(catalogs[lang], key) ?? key, params);
}
