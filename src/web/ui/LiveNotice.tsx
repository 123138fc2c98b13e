/** Says, politely, that something worked: e.g. "Zone created." once the form has closed. */
export function LiveNotice({ message }: { message: string | null }) {
  return (
    <div aria-live="polite">
      {message ? <p className="text-success fw-semibold">{message}</p> : null}
    </div>
  );
}
