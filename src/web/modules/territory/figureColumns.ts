import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.ts';
import type { Column } from '../../ui/DataTable.tsx';

interface Figures {
  population: number | null;
  areaKm2: number | null;
  density: number | null;
}

/** Population, area and density, as every table of comuni or zones shows them. */
export function useFigureColumns<Row extends Figures>(populationHeader: string): Column<Row>[] {
  const { t } = useTranslation();
  const format = useFormat();
  return [
    { header: populationHeader, numeric: true, cell: (row) => format.integer(row.population) },
    { header: t('comune.areaWithUnit'), numeric: true, cell: (row) => format.decimal(row.areaKm2) },
    {
      header: t('comune.densityWithUnit'),
      numeric: true,
      cell: (row) => format.integer(row.density),
    },
  ];
}
