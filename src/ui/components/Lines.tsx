import { Box, Text } from 'ink';
import type { Seg } from '../text.js';

/** One pre-wrapped line; truncation is only a guard, the lines are already cut to the pane width. */
export function SegLine({ line }: { line: readonly Seg[] }) {
  if (line.length === 0) return <Text> </Text>;
  return (
    <Text wrap="truncate-end">
      {line.map((s, i) => (
        <Text
          key={i}
          color={s.style?.color}
          bold={s.style?.bold}
          dimColor={s.style?.dim}
          underline={s.style?.underline}
          inverse={s.style?.inverse}
          strikethrough={s.style?.strikethrough}
        >
          {s.text}
        </Text>
      ))}
    </Text>
  );
}

/** A fixed-size block of lines: extra lines are cut, missing ones left blank, so the layout never jumps. */
export function Lines({ lines, width, height }: { lines: readonly (readonly Seg[])[]; width: number; height: number }) {
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {lines.slice(0, height).map((line, i) => (
        <SegLine key={i} line={line} />
      ))}
    </Box>
  );
}
