/**
 * Wakes the projection daemons when events are committed: a statement trigger on `events` sends one NOTIFY per
 * appending statement, delivered by PostgreSQL at commit (never for a rolled-back append), to every process
 * that LISTENs, so a projector in another process catches up at once instead of at its next poll.
 */
export const EVENTS_CHANNEL = 'registro_events';

export const EVENTS_NOTIFY_UP = `
CREATE FUNCTION notify_events_appended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('${EVENTS_CHANNEL}', '');
  RETURN NULL;
END $$;
CREATE TRIGGER events_appended_notify AFTER INSERT ON events FOR EACH STATEMENT EXECUTE FUNCTION notify_events_appended();
`;

export const EVENTS_NOTIFY_DOWN = `
DROP TRIGGER events_appended_notify ON events;
DROP FUNCTION notify_events_appended();
`;
