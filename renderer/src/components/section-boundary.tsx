/**
 * Keeps one part of the dashboard failing to draw from blanking the whole page: React unmounts the entire
 * tree on an uncaught render error, so a single bad value in one panel would leave the user a white window
 * with the folders, the warnings and Clean now gone. The failed part says so in a sentence, keeps the error
 * for the console, and offers to try again (the next snapshot may well draw).
 */
import { Component, type ReactNode } from 'react';

interface Props {
  /** What the section shows, in words: "The cleanup history could not be drawn". */
  name: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class SectionBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown): void {
    console.error(`Headroom dashboard: ${this.props.name} failed to draw`, error);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <section className="card section-failed" role="alert" data-testid="section-failed">
        <p>
          {this.props.name} could not be drawn: {error.message}
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </section>
    );
  }
}
