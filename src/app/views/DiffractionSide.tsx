import type { ModelDims } from '../../explain/interpreter';
import { sideSpec, type SideSettings } from '../../journal/journalViews';
import type { BarItem } from '../../vis/barChart';
import { BarChart } from './BarChart';
import { SettingsForm } from './SettingsForm';

interface Props {
  readonly name: 'a' | 'b';
  readonly dims: ModelDims | null;
  readonly settings: SideSettings;
  readonly onChange: (patch: Partial<SideSettings>) => void;
  /** What the side measures under its settings. */
  readonly label: string | undefined;
  readonly items: readonly BarItem[] | undefined;
}

const fmt = (v: number) => v.toPrecision(3);

/** One side of the diffraction view: its method and settings, and the words scored by it. */
export function DiffractionSide({ name, dims, settings, onChange, label, items }: Props) {
  const title = `Side ${name.toUpperCase()}`;
  return (
    <div className="diffraction-side" data-testid={`diffraction-side-${name}`}>
      <h4>{title}</h4>
      {dims && <SettingsForm label={`${title} settings`} spec={sideSpec(dims)} value={settings} onChange={onChange} />}
      {label && <p className="measure-label">{label}</p>}
      {items && <BarChart title={label ?? title} format={fmt} items={items} />}
    </div>
  );
}
