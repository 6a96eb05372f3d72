// @vitest-environment jsdom
/**
 * One part of the dashboard that fails to draw must not blank the page. The failing child here is a test
 * component (what a bad value in a panel does), not a fake of anything the dashboard talks to.
 */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SectionBoundary } from '../../renderer/src/components/section-boundary.js';

afterEach(cleanup);

let broken = true;
function Panel() {
  if (broken) throw new Error('a value this panel cannot show');
  return <p>the panel drew</p>;
}

describe('SectionBoundary', () => {
  it('shows a failed section in a sentence while its neighbours draw, and draws it again on Try again', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <>
        <SectionBoundary name="The usage charts">
          <Panel />
        </SectionBoundary>
        <SectionBoundary name="The folders">
          <p>the folders drew</p>
        </SectionBoundary>
      </>,
    );
    expect(screen.getByText('the folders drew')).toBeTruthy();
    const failed = screen.getByRole('alert');
    expect(failed.textContent).toContain(
      'The usage charts could not be drawn: a value this panel cannot show',
    );
    broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('the panel drew')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    quiet.mockRestore();
  });
});
