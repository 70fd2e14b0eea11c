import React, { useState } from 'react';
import { render, Text, Box, useInput } from 'ink';
const rows = Array.from({ length: 5001 }, (_, i) => `edge-${Math.floor(i / 3)}-${i % 3}  fleet-rg  Fleet ${Math.floor(i / 3)}  eastus2`);
function App() {
  const [filter, setFilter] = useState('');
  useInput((input, key) => setFilter((f) => (input === '\u0015' || (key.ctrl && input === 'u') ? '' : f + input)));
  const shown = rows.filter((r) => r.includes(filter));
  return React.createElement(Box, { flexDirection: 'column' },
    React.createElement(Text, null, 'NGINXaaS dataplane API key'),
    React.createElement(Text, null, `Filter: ${filter}`),
    ...shown.slice(0, 34).map((r, i) => React.createElement(Text, { key: i }, `  ${r}`)),
    React.createElement(Text, null, `${shown.length} of 5001 deployments in 1667 subscriptions`));
}
render(React.createElement(App), { maxFps: 1000, exitOnCtrlC: true });
