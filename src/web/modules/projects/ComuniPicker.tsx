import { ComuniPicker as Picker } from '../../ui/ComuniPicker.tsx';
import { useComuni } from '../territory/hooks.ts';

interface ComuniPickerProps {
  values: string[];
  onChange: (values: string[]) => void;
  error?: string;
}

/** The shared comuni picker, fed with the territory's list. */
export function ComuniPicker({ values, onChange, error }: ComuniPickerProps) {
  const comuni = useComuni({ pageSize: 200, sort: 'name' });
  return (
    <Picker
      comuni={comuni.data?.items ?? []}
      values={values}
      onChange={onChange}
      error={error}
      messages="projects.form"
    />
  );
}
