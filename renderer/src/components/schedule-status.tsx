import { useActions } from '../api/actions-context.js';
import { useDashboard } from '../store/dashboard-store.js';
import { localTime, relativeTime, startOfTomorrow } from '../view/relative-time.js';
import { scheduleText } from '../../../shared/format.js';
import { nextRunText } from '../view/next-run-text.js';
import { MS_PER_HOUR } from '../../../shared/units.js';

/** Next and last automatic cleanup, the pause, and the buttons that pause and resume it. `nowMs` is the render time. */
export function ScheduleStatus({ nowMs }: { nowMs: number }) {
  const schedule = useDashboard((s) => s.snapshot?.schedule);
  const error = useDashboard((s) => s.scheduleError);
  const actions = useActions();
  if (!schedule) return null;
  const paused = schedule.pausedUntil !== null && Date.parse(schedule.pausedUntil) > nowMs;
  // Stopped through the seed API (POST /api/cleanup/schedule/stop): held until started again.
  const stopped = schedule.stopped === true;
  const ownSchedules = (schedule.folders ?? []).filter((f) => f.own);
  const when = (iso: string | null, none: string) =>
    iso ? `${localTime(iso)} (${relativeTime(iso, nowMs)})` : none;
  return (
    <section aria-labelledby="schedule-heading" className="schedule" data-testid="schedule">
      <h2 id="schedule-heading">Schedule</h2>
      <dl>
        <dt>Runs</dt>
        <dd data-testid="schedule-rule">{scheduleText(schedule)}</dd>
        <dt>Next run</dt>
        <dd data-testid="next-run">{nextRunText(schedule, nowMs)}</dd>
        {ownSchedules.length > 0 && (
          <>
            <dt>Folders on their own schedule</dt>
            <dd>
              <ul data-testid="folder-schedules">
                {ownSchedules.map((f) => (
                  <li key={f.name}>
                    {f.name}: {scheduleText(f)}, next{' '}
                    {stopped ? 'when started' : when(f.nextRunAt, 'not scheduled')}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>Last run</dt>
        <dd data-testid="last-run">{when(schedule.lastRunAt, 'never')}</dd>
        {paused && (
          <>
            <dt>Paused until</dt>
            <dd data-testid="paused-until">{when(schedule.pausedUntil, '')}</dd>
          </>
        )}
      </dl>
      {schedule.running && <p role="status">A cleanup is running.</p>}
      <div className="button-row">
        <button
          type="button"
          onClick={() => void actions.pauseSchedule(new Date(Date.now() + MS_PER_HOUR).toISOString())}
        >
          Pause 1 hour
        </button>
        <button
          type="button"
          onClick={() => void actions.pauseSchedule(startOfTomorrow(Date.now()).toISOString())}
        >
          Pause until tomorrow
        </button>
        {paused && (
          <button type="button" onClick={() => void actions.pauseSchedule(null)}>
            Resume
          </button>
        )}
        {stopped ? (
          <button type="button" onClick={() => void actions.stopSchedule(false)}>
            Start schedule
          </button>
        ) : (
          <button type="button" onClick={() => void actions.stopSchedule(true)}>
            Stop schedule
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </section>
  );
}
