/** Key numbers as a row of cards: label first, so it is read before the value. */
export function Figures({ items }: { items: { label: string; value: string }[] }) {
  return (
    <ul className="row g-3 list-unstyled mp-figures">
      {items.map((figure) => (
        <li key={figure.label} className="col-6 col-lg-3">
          <div className="card card-bg no-after h-100 mp-figure">
            <div className="card-body">
              <span className="d-block text-uppercase small mp-figure-label">{figure.label}</span>
              <span className="d-block mp-figure-value">{figure.value}</span>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
