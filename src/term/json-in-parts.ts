/**
 * A JSON document written as `JSON.stringify(document, null, 2)` writes it, byte for byte, but its
 * one long list a part at a time: a fleet's `list --all -o json` is megabytes, and as one string
 * it was held three times over at the end of a sweep (the text, its flattened copy, the bytes
 * written), the sweep's peak memory. The list's items are made only as their part is written.
 */
/**
 * Items a write. A part is alive while it is made, and what is alive when the young generation is
 * swept is moved to the old one, which no full collection empties before the run ends: 200 items
 * a part left ~4 MB there at the end of a 3,000-key sweep (its peak on Node 24), 50 under 1 MB.
 */
export const PART = 50;

export function jsonInParts<T>(
  head: Record<string, unknown>,
  listName: string,
  items: readonly T[],
  itemJson: (item: T) => unknown,
  write: (text: string) => void,
): void {
  const headText = JSON.stringify(head, null, 2);
  // `{}` alone, or `{\n  "a": 1\n}` opened again for one more member.
  const opening = headText === '{}' ? '{\n' : `${headText.slice(0, -2)},\n`;
  const name = JSON.stringify(listName);
  if (items.length === 0) {
    write(`${opening}  ${name}: []\n}\n`);
    return;
  }
  write(`${opening}  ${name}: [\n`);
  for (let start = 0; start < items.length; start += PART) {
    const part = items
      .slice(start, start + PART)
      .map((item) => `    ${JSON.stringify(itemJson(item), null, 2).replaceAll('\n', '\n    ')}`)
      .join(',\n');
    write(start + PART < items.length ? `${part},\n` : `${part}\n`);
  }
  write('  ]\n}\n');
}
