import { useState } from 'react';

/** Copies text to the clipboard and says so; says plainly when the browser refuses. */
export function CopyButton({ text, label = 'Copy', testId }: { text: string; label?: string; testId?: string }) {
  const [state, setState] = useState<'idle' | 'done' | 'failed'>('idle');
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setState('done'),
      () => setState('failed'),
    );
    setTimeout(() => setState('idle'), 2000);
  };
  return (
    <button type="button" className="btn btn--small" onClick={copy} data-testid={testId}
      title={state === 'failed' ? 'The browser refused clipboard access: select the text and copy it' : 'Copy to the clipboard'}>
      {state === 'done' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}
    </button>
  );
}
