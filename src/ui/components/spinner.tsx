/** A spinner and what it is waiting for. */
import { useEffect, useState } from 'react';
import { spinnerFrames } from '../../term/style';
import { Said } from './said';

export function Spinner({ label }: { label: string }) {
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setFrame((f) => (f + 1) % spinnerFrames.length), 80);
    return () => clearInterval(timer);
  }, []);
  return <Said mark={spinnerFrames[frame] ?? ' '} role="accent" text={label} plainWords spoken="" />;
}
