import React, {type ReactNode} from 'react';
import styles from './styles.module.css';

interface Props {
  /** What the widget is, for the message ("the failover lab"). */
  name: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * Catches an error thrown while a widget renders and says what went wrong in
 * its place, so one broken widget never blanks the page.
 */
export default class WidgetBoundary extends React.Component<Props, State> {
  override state: State = {error: null};

  static getDerivedStateFromError(error: Error): State {
    return {error};
  }

  override render(): ReactNode {
    const {error} = this.state;
    if (!error) return this.props.children;
    return (
      <div className={styles.error} role="alert">
        <p>
          <strong>Sorry, {this.props.name} stopped working.</strong> The rest of the page is fine.
        </p>
        <p className={styles.message}>{error.message}</p>
        <button type="button" className="button button--sm button--secondary" onClick={() => this.setState({error: null})}>
          Try again
        </button>
      </div>
    );
  }
}
