import { useTranslation } from 'react-i18next';
import type { ZoneConfidence } from './types.ts';

const colours: Record<ZoneConfidence, string> = {
  confirmed: 'mp-badge-confirmed',
  inferred: 'mp-badge-inferred',
  assigned: 'mp-badge-assigned',
};

interface ZoneConfidenceBadgeProps {
  confidence: ZoneConfidence | null;
  /** 'comune': one comune's assignment; 'zone': the zone's whole membership list. */
  subject: 'comune' | 'zone';
  explain?: boolean;
}

/** Shows how sure we are of a zone assignment: inferred data stays visibly marked as such. */
export function ZoneConfidenceBadge({ confidence, subject, explain }: ZoneConfidenceBadgeProps) {
  const { t } = useTranslation();
  if (!confidence) return null;
  return (
    <>
      <span className={`badge ${colours[confidence]}`}>
        {t(`confidence.${subject}.${confidence}`)}
      </span>
      {explain ? (
        <span className="d-block small mt-1">
          {t(`confidence.${subject}.${confidence}Explained`)}
        </span>
      ) : null}
    </>
  );
}
