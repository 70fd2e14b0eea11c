/** A spinner and what it is waiting for. */
import { useEffect, useState } from 'react';
import { Text } from 'ink';
import { colors, spinnerFrames } from '../../term/style';

export function Spinner({ label }: { label: string }) {
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setFrame((f) => (f + 1) % spinnerFrames.length), 80);
    return () => clearInterval(timer);
  }, []);
  return (
    <Text>
      <Text color={colors.accent}>{spinnerFrames[frame]}</Text> {label}
    </Text>
  );
}
