import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from '../../../ui/classNames.ts';
import { Icon } from '../../../ui/Icon.tsx';

interface FileDropProps {
  disabled: boolean;
  onFiles: (files: File[]) => void;
}

/**
 * A file input (keyboard and screen readers know it), shown as a button, inside an area that also
 * takes files dropped on it.
 */
export function FileDrop({ disabled, onFiles }: FileDropProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    if (!disabled && event.dataTransfer.files.length > 0) onFiles([...event.dataTransfer.files]);
  };
  return (
    <div
      className={cx('mp-drop', over && 'mp-drop-over')}
      data-testid="import-drop"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <Icon name="upload" size="lg" color="primary" />
      <p className="mb-2">{t('projects.import.dropHere')}</p>
      {/* Bootstrap Italia's upload button: the input stays for keyboards and screen readers,
          hidden behind a label in the page's language instead of the browser's own words. */}
      <input
        id={inputId}
        type="file"
        className="upload"
        multiple
        accept=".csv,text/csv"
        disabled={disabled}
        aria-describedby={`${inputId}-hint`}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          // Cleared, so choosing the same file again is noticed.
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
      <label htmlFor={inputId} className={disabled ? 'opacity-50' : undefined}>
        <Icon name="upload" size="sm" color="white" />
        <span>{t('projects.import.fileInput')}</span>
      </label>
      <p id={`${inputId}-hint`} className="form-text small mt-2 mb-0">
        {t('projects.import.fileHint')}
      </p>
    </div>
  );
}
