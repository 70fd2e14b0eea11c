/**
 * The frame's width, which every line of the full-screen wizard is laid out to: one column less
 * than the terminal's. A row as wide as the terminal leaves the cursor past its last column, where
 * some terminals wrap at once and print a blank row, and Ink, which erases only the rows it wrote,
 * leaves that row behind.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { Box, useStdout } from 'ink';

import { frameWidthOf } from '../../term/frame-width';

export { frameWidthOf };

const FrameWidth = createContext<number | undefined>(undefined);

/** The frame's width where a Screen gives it; alone (a component test), the terminal's less one. */
export function useFrameWidth(): number {
  const given = useContext(FrameWidth);
  const { stdout } = useStdout();
  return given ?? frameWidthOf(stdout?.columns || 80);
}

/**
 * The whole frame: the terminal's width less a column on the right, which Ink lays every line out
 * to. The column is padding, not a width of our own: when the terminal narrows, Ink lays the frame
 * out again at once, before the new size reaches React, and a width kept in React's state would be
 * the old one for that frame — rows the terminal wraps, that Ink then never erases.
 */
export function Frame({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <FrameWidth.Provider value={frameWidthOf(columns)}>
      <Box flexDirection="column" paddingRight={1}>
        {children}
      </Box>
    </FrameWidth.Provider>
  );
}
