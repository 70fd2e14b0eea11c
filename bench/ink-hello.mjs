// The floor of the wizard's first frame: an Ink app that draws one line (the wizard's title) and
// nothing else. The bench bundles it as the npm command is bundled (one minified file, the same
// patches) and starts it in the same pty: what React, Ink and its layout engine take to draw.
import React from 'react';
import { render, Text } from 'ink';

render(React.createElement(Text, null, 'NGINXaaS dataplane API key'));
// Held open, as the wizard is, until the bench's Ctrl+C.
setInterval(() => {}, 60_000);
