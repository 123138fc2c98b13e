import { Button, Table } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { differingFields, fieldsOf, type ItemFormValues } from './itemFormValues.ts';
import { fieldValueText } from './diffValues.ts';
import type { PlanLabels } from './labels.ts';

interface ConflictCompareProps {
  mine: ItemFormValues;
  theirs: ItemFormValues;
  labels: PlanLabels;
  names: Map<string, string>;
  onReload: () => void;
  onKeepMine: () => void;
}

/** Which API field a form field feeds, so both sides are written the same way. */
const apiField: Partial<Record<keyof ItemFormValues, string>> = {
  scopeKind: 'scope',
  zones: 'scope',
  comuni: 'scope',
};

/**
 * After a 409 on save: what this form holds next to what the server holds now, so the user can
 * reload the current values or keep theirs (and save again over the new version).
 */
export function ConflictCompare({
  mine,
  theirs,
  labels,
  names,
  onReload,
  onKeepMine,
}: ConflictCompareProps) {
  const { t } = useTranslation();
  const mineFields = fieldsOf(mine) as Record<string, unknown>;
  const theirFields = fieldsOf(theirs) as Record<string, unknown>;
  const fields = [
    ...new Set(differingFields(mine, theirs).map((field) => apiField[field] ?? field)),
  ];
  return (
    <div className="mt-3" data-testid="conflict-compare">
      {fields.length === 0 ? (
        <p>{t('plan.conflict.same')}</p>
      ) : (
        <Table responsive size="sm" className="mp-diff-table bg-white">
          <caption>{t('plan.conflict.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plan.diff.field')}</th>
              <th scope="col">{t('plan.conflict.mine')}</th>
              <th scope="col">{t('plan.conflict.theirs')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <tr key={field}>
                <th scope="row">{t(`plan.fields.${field}`, field)}</th>
                <td className="mp-diff-new">
                  {fieldValueText(field, mineFields[field], labels, names, t)}
                </td>
                <td className="mp-diff-old">
                  {fieldValueText(field, theirFields[field], labels, names, t)}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <div className="d-flex flex-wrap gap-2">
        <Button color="primary" size="sm" onClick={onReload}>
          {t('common.reload')}
        </Button>
        <Button color="primary" outline size="sm" onClick={onKeepMine}>
          {t('plan.conflict.keepMine')}
        </Button>
      </div>
    </div>
  );
}
