/**
 * Help on what is no command: `help accessibility` (alias `a11y`), as gh has `gh a11y`. Laid out
 * as the commands' help is: headings, then lines wrapped to the terminal's width under their start.
 */
import { COMMAND_NAME } from '../domain/started-as';
import { messageLines } from '../term/text-width';

export const HELP_TOPICS = { accessibility: ['a11y'] } as const;
export type HelpTopic = keyof typeof HELP_TOPICS;

export function helpTopicNamed(word: string): HelpTopic | undefined {
  for (const [topic, aliases] of Object.entries(HELP_TOPICS) as [HelpTopic, readonly string[]][])
    if (word === topic || aliases.includes(word)) return topic;
  return undefined;
}

type Part = { heading: string; lines: string[] };

const ACCESSIBILITY: { about: string; parts: Part[] } = {
  about:
    'The wizard has two faces. The full-screen one redraws its frame on every key; the line face asks one question at a time and says everything as lines that stay where they are, for screen readers, braille displays, and terminals that cannot redraw.',
  parts: [
    {
      heading: 'THE LINE FACE',
      lines: [
        'Each step is said as lines, then one question; the answer is a whole line. A list is numbered: a number chooses, words narrow it, + and - turn its pages.',
        "The deployment list says in words, on each deployment's line, what the full-screen list shows as marks: how many keys it has, how many expired or expiring within 30 days, or why it cannot take a key.",
        'A question asked again and again (the list, the key console, the key panel) says its choices the first time only; ? says them again. < goes back a step; Ctrl+C leaves, asking first when a key would be lost.',
      ],
    },
    {
      heading: 'CHOOSING IT',
      lines: [
        '--plain, or ACCESSIBLE set to anything but 0, false, no or empty (as clack and charmbracelet/huh read it), or INK_SCREEN_READER=true (Ink’s own), or TERM=dumb, or the saved setting accessible.',
        'The first that says something wins: the flag, then ACCESSIBLE, then INK_SCREEN_READER, then the saved setting. ACCESSIBLE=0 keeps the full-screen wizard even over a saved setting; with INK_SCREEN_READER=true as well, it is drawn in Ink’s screen-reader mode, where its lists, policy checklist and key panel carry labels and roles and its decoration is left out.',
      ],
    },
    {
      heading: 'MAKING IT STICK',
      lines: [
        'nginxaas-keys config set accessible true (add --profile <name> for one profile only); or export ACCESSIBLE=1 in your shell’s start-up file. nginxaas-keys config unset accessible undoes it.',
      ],
    },
    {
      heading: 'COLOURS',
      lines: [
        'Nothing is said by colour alone: every state has a mark and words too. NO_COLOR (any value but empty), --no-color or TERM=dumb turn colours off; the line face on TERM=dumb prints no escape sequence at all.',
      ],
    },
    {
      heading: 'SPINNERS AND THE STATUS LINE',
      lines: [
        'The full-screen wizard shows a spinner while it waits. The line face says what it waits for once, in a line, and draws nothing again. Commands draw their one-line status on stderr only when it is a terminal that can redraw (not TERM=dumb), never into a file or a pipe.',
      ],
    },
  ],
};

const TOPIC_TEXT: Record<HelpTopic, typeof ACCESSIBILITY> = { accessibility: ACCESSIBILITY };

/** `width` columns: the terminal's (80 when not a terminal), 60 to 120; commands named as the program was started. */
export function helpTopicText(topic: HelpTopic, columns = 80, program = COMMAND_NAME): string {
  const width = Math.max(60, Math.min(columns, 120)) - 1;
  const asStarted = (line: string) => line.replaceAll(`${COMMAND_NAME} `, `${program} `);
  const topicText = TOPIC_TEXT[topic];
  const text = {
    about: topicText.about,
    parts: topicText.parts.map((part) => ({ ...part, lines: part.lines.map(asStarted) })),
  };
  const out = [...messageLines(text.about, width, 'whole'), ''];
  for (const part of text.parts) {
    out.push(part.heading);
    for (const line of part.lines) out.push(...messageLines(line, width - 2, 'whole').map((l) => `  ${l}`));
    out.push('');
  }
  out.push('ALIASES', `  ${HELP_TOPICS[topic].join(', ')}`);
  return out.join('\n');
}
