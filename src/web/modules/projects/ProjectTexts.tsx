import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { missionName } from '../plan/missionNames.ts';
import { useMoney } from './money.ts';
import type { ComuneRef } from './types.ts';

/** "M4", with the mission's name for whoever does not know the codes. */
export function MissionCode({ code }: { code: string }) {
  const { t } = useTranslation();
  const name = missionName(t, code);
  return (
    <span className="badge mp-badge-neutral" title={name}>
      {code}
      <span className="visually-hidden"> {name}</span>
    </span>
  );
}

const SHOWN = 3;

/** The first comuni of a project, then how many more. */
export function ComuniNames({ comuni, links = false }: { comuni: ComuneRef[]; links?: boolean }) {
  const { t } = useTranslation();
  if (comuni.length === 0) return <>{t('projects.noComuni')}</>;
  const shown = comuni.slice(0, SHOWN);
  const more = comuni.length - shown.length;
  return (
    <>
      {shown.map((comune, index) => (
        <Fragment key={comune.code}>
          {index > 0 ? ', ' : null}
          {links ? <Link to={`/comuni/${comune.code}`}>{comune.name}</Link> : comune.name}
        </Fragment>
      ))}
      {more > 0 ? ` ${t('projects.moreComuni', { count: more })}` : null}
    </>
  );
}

/**
 * An amount from the release: "n.d." (explained to screen readers and on hover) when the release
 * did not state it, which is not the same as zero.
 */
export function Amount({ value }: { value: number | null }) {
  const { t } = useTranslation();
  const money = useMoney();
  if (value === null)
    return (
      <abbr title={t('projects.notStatedLong')} className="mp-not-stated">
        {money.missing}
      </abbr>
    );
  return <>{money.exact(value)}</>;
}
