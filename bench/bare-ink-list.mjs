// The floor of the filter benchmark: a bare Ink app that draws a list of 5,001 rows as the wizard
// does (a header, the filter, as many rows as fit, the count line) and filters it on every key,
// with nothing else to do. Its field is drawn as the wizard's (`❯ text` and a reverse-video caret),
// so that the benchmark knows the frame that answers a key in both by the same text. What it takes is what Ink itself takes in this terminal on this machine.
// Its rows leave the frame shorter than the terminal (34 at 40 rows), as the wizard's do: a frame
// as tall as the terminal sends Ink down its clear-the-screen path.
import React, { useState } from 'react';
import { Box, render, Text, useInput } from 'ink';

const rows = Array.from(
  { length: 5001 },
  (_, i) => `edge-${Math.floor(i / 3)}-${i % 3}  fleet-rg  Fleet ${Math.floor(i / 3)}  eastus2`,
);
const shownRows = Math.max(1, (process.stdout.rows || 40) - 6);
const line = (text, key) => React.createElement(Text, key === undefined ? null : { key }, text);

function List() {
  const [filter, setFilter] = useState('');
  useInput((input, key) => setFilter((typed) => (key.ctrl && input === 'u' ? '' : typed + input)));
  const shown = rows.filter((row) => row.includes(filter));
  return React.createElement(
    Box,
    { flexDirection: 'column' },
    line('NGINXaaS dataplane API key'),
    line(`❯ ${filter}\u001b[7m \u001b[27m`),
    ...shown.slice(0, shownRows).map((row, i) => line(`  ${row}`, i)),
    line(`${shown.length} of 5001 deployments in 1667 subscriptions`),
  );
}

render(React.createElement(List), { maxFps: 1000, exitOnCtrlC: true });
