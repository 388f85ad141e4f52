import { Button, Kbd, Stack, Text } from '@mantine/core';

interface Props {
  id: string;
  label: string;
  /** Why it cannot be done now; null when it can. Shown as text (a disabled button cannot be focused for a tooltip). */
  blocked: string | null;
  shortcut?: string;
  onClick(): void;
}

/** An action that is either available or disabled with its reason written under it, read with the button. */
export function ActionButton({ id, label, blocked, shortcut, onClick }: Props) {
  return (
    <Stack gap={2} align="flex-start">
      <Button
        variant={blocked ? 'default' : 'filled'}
        disabled={!!blocked}
        onClick={onClick}
        aria-describedby={blocked ? `${id}-why` : undefined}
        aria-keyshortcuts={shortcut ? `Alt+${shortcut}` : undefined}
        rightSection={
          shortcut && !blocked ? (
            <Text span size="xs">
              <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">{shortcut}</Kbd>
            </Text>
          ) : undefined
        }
        data-testid={id}
      >
        {label}
      </Button>
      {blocked && (
        <Text id={`${id}-why`} maw={240} size="xs" c="dimmed" data-testid={`${id}-why`}>
          {blocked}
        </Text>
      )}
    </Stack>
  );
}
