import { Box, Text } from 'ink';
import type { Seg } from '../text.js';
import { paint, type Palette } from '../palette.js';

/** One pre-wrapped line; truncation is only a guard, the lines are already cut to the pane width. */
export function SegLine({ line, palette = 'colour' }: { line: readonly Seg[]; palette?: Palette }) {
  if (line.length === 0) return <Text> </Text>;
  return (
    <Text wrap="truncate-end">
      {line.map((s, i) => {
        const style = paint(s.style, palette);
        return (
          <Text key={i} color={style?.color} bold={style?.bold} dimColor={style?.dim} underline={style?.underline} inverse={style?.inverse} strikethrough={style?.strikethrough}>
            {s.text}
          </Text>
        );
      })}
    </Text>
  );
}

/** A fixed-size block of lines: extra lines are cut, missing ones left blank, so the layout never jumps. */
export function Lines({ lines, width, height, palette }: { lines: readonly (readonly Seg[])[]; width: number; height: number; palette?: Palette }) {
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {lines.slice(0, height).map((line, i) => (
        <SegLine key={i} line={line} palette={palette} />
      ))}
    </Box>
  );
}
