// Strings that try a measure of terminal text: what our screens draw, the hard cases of Unicode,
// and strings drawn at random from the ranges where the rules differ most.
export const SAMPLES = [
  '',
  'NGINXaaS dataplane API key',
  '✔ web-01   ✖ expired 3 days ago   ! in 12 days',
  '─'.repeat(40),
  '╭─ Review ─╮ │ ╰──╯',
  '⠋ Finding deployments…',
  '↑↓ move · Enter choose · Esc back · ← → caret',
  'https://web-01-abcd.eastus2.nginxaas.net/nplus',
  '\u001b[32m✔\u001b[39m \u001b[1mbold\u001b[22m',
  '\u009b31mred\u009b0m',
  'tab\there',
  'line\r\nbreak',
  'Über Größe café naïve',
  'e\u0301 combining acute',
  'Ａｂｃ full-width, ｶﾞ half-width with mark',
  '日本語のテキスト',
  '한국어 텍스트',
  '\u1100\u1161\u11a8 \u1100\u1100\u1161 \u1161 \u11a8\uac00',
  '😀 👍🏽 👨‍👩‍👧 🏳️‍🌈 🇩🇪 1️⃣ 1⃣',
  '❤ ❤️ ✔️ ☺ ⌚ ⭐',
  '\u200b\u200c\u200d\u2060\ufeff zero-width',
  '\u00ad soft hyphen',
  '\u3164 hangul filler',
  'ab\ud800cd lone surrogate',
  'مرحبا بالعالم',
  'नमस्ते दुनिया',
  '…×÷±§¶',
];

const RANGES: Array<[number, number]> = [
  [0x20, 0x7e],
  [0x00, 0x1f],
  [0x7f, 0x2ff],
  [0x300, 0x36f],
  [0x600, 0x6ff],
  [0x900, 0x97f],
  [0x1100, 0x11ff],
  [0x2000, 0x206f],
  [0x20d0, 0x20ff],
  [0x2100, 0x2bff],
  [0x2e80, 0x31ff],
  [0x3130, 0x318f],
  [0x4e00, 0x4e80],
  [0xa960, 0xa97f],
  [0xac00, 0xac40],
  [0xd7b0, 0xd7ff],
  [0xfe00, 0xfe0f],
  [0xff00, 0xffef],
  [0x1f1e6, 0x1f1ff],
  [0x1f300, 0x1f6ff],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x20050],
  [0xe0020, 0xe007f],
];

/** A small deterministic generator, so a failure names a string that can be reproduced. */
export function randomStrings(count: number, seed = 7): string[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let text = '';
    const length = 1 + Math.floor(next() * 8);
    for (let i = 0; i < length; i++) {
      const [from, to] = RANGES[Math.floor(next() * RANGES.length)] as [number, number];
      const point = from + Math.floor(next() * (to - from + 1));
      text += point === 0x200d || next() < 0.1 ? String.fromCodePoint(point, 0x200d) : String.fromCodePoint(point);
    }
    out.push(text);
  }
  return out;
}
