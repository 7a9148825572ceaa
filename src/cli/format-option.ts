import { InvalidArgumentError, Option } from 'commander';

/**
 * `-f, --format` for any command: case-insensitive (`-f JSON` works), and anything else is refused with one
 * line naming the formats this command has (exit 3), never silently printed as the default.
 */
export function formatOption<T extends string>(formats: readonly T[], fallback: T, what: string): Option {
  const list = formats.length > 1 ? `${formats.slice(0, -1).join(', ')} or ${formats.at(-1)}` : formats[0]!;
  return new Option('-f, --format <format>', `${what} (${formats.join(', ')})`)
    .default(fallback)
    .argParser((value: string): T => {
      const v = value.trim().toLowerCase() as T;
      if (!formats.includes(v)) throw new InvalidArgumentError(`unknown format '${value}': use ${list}`);
      return v;
    });
}
