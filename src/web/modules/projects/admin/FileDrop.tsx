import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from '../../../ui/classNames.ts';
import { Icon } from '../../../ui/Icon.tsx';

interface FileDropProps {
  disabled: boolean;
  onFiles: (files: File[]) => void;
}

/**
 * A plain file input (keyboard and screen readers know it) inside an area that also takes files
 * dropped on it.
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
      <div className="form-group mb-0">
        <label htmlFor={inputId} className="active">
          {t('projects.import.fileInput')}
        </label>
        <input
          id={inputId}
          type="file"
          className="form-control"
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
        <small id={`${inputId}-hint`} className="form-text">
          {t('projects.import.fileHint')}
        </small>
      </div>
    </div>
  );
}
