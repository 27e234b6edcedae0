/**
 * Parses the generated modules' rows: one JSON object per line inside a template string, so the
 * committed files diff row by row while the type checker sees a single string instead of
 * thousands of object literals (which exceed what it can infer).
 */
export function rows<T>(text: string): readonly T[] {
  const out: T[] = [];
  for (const line of text.split("\n")) if (line !== "") out.push(JSON.parse(line) as T);
  return out;
}
