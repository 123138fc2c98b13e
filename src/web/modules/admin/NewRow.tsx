import { Button } from 'design-react-kit';
import type { ReactNode } from 'react';

interface HeadingWithNewProps {
  title: string;
  newLabel: string;
  /** The form for a new row is open: the button gives way to it. */
  creating: boolean;
  onNew: () => void;
}

/** An admin page's heading, with the button that opens the form for a new row. */
export function HeadingWithNew({ title, newLabel, creating, onNew }: HeadingWithNewProps) {
  return (
    <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
      <h1>{title}</h1>
      {!creating ? (
        <Button color="primary" onClick={onNew}>
          {newLabel}
        </Button>
      ) : null}
    </div>
  );
}

interface NewRowCardProps {
  titleId: string;
  title: string;
  /** The form. */
  children: ReactNode;
}

/** The form for a new row, in a card named by its heading. */
export function NewRowCard({ titleId, title, children }: NewRowCardProps) {
  return (
    <section aria-labelledby={titleId} className="card card-bg no-after p-4 mb-4">
      <h2 id={titleId} className="h4">
        {title}
      </h2>
      {children}
    </section>
  );
}
