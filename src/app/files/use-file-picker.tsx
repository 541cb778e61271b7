import { useCallback, useRef } from 'react';
import type { ReactElement } from 'react';

interface PickerOptions {
  accept: string;
  multiple?: boolean;
  /** Pick a folder (`webkitdirectory`): every file in it, each with its `webkitRelativePath`. */
  directory?: boolean;
  testId: string;
}

/**
 * A hidden file input and the function that opens its picker (a toolbar button, a shortcut). The input is cleared
 * after each choice, so picking the same file again is a new choice.
 */
export function useFilePicker(onFiles: (files: File[]) => void, { accept, multiple = false, directory = false, testId }: PickerOptions): [() => void, ReactElement] {
  const input = useRef<HTMLInputElement>(null);
  const open = useCallback(() => input.current?.click(), []);
  const element = (
    <input ref={(el) => {
      input.current = el;
      // React has no prop for it: set on the element, which every browser we support reads.
      if (el) el.webkitdirectory = directory;
    }} type="file" accept={accept} multiple={multiple} hidden data-testid={testId}
      onChange={(e) => {
        const files = Array.from(e.target.files ?? []);
        e.target.value = '';
        onFiles(files);
      }} />
  );
  return [open, element];
}
