import sprite from 'bootstrap-italia/dist/svg/sprites.svg?url';
import { cx } from './classNames.ts';

interface IconProps {
  /** Name in Bootstrap Italia's sprite without the `it-` prefix, e.g. `user`. */
  name: string;
  size?: 'xs' | 'sm' | 'lg' | 'xl';
  color?: 'primary' | 'secondary' | 'white' | 'success' | 'warning' | 'danger' | 'light';
  className?: string;
  /** Text for screen readers; without it the icon is decorative. */
  title?: string;
}

/** An icon from the locally served Bootstrap Italia sprite. */
export function Icon({ name, size, color, className, title }: IconProps) {
  return (
    <svg
      className={cx('icon', size && `icon-${size}`, color && `icon-${color}`, className)}
      aria-hidden={title ? undefined : true}
      role={title ? 'img' : undefined}
      aria-label={title}
      focusable="false"
    >
      <use href={`${sprite}#it-${name}`} />
    </svg>
  );
}
