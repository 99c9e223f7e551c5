// The shared sheet first, so that a screen's own sheet, imported by its page, wins ties.
import './styles.css';
import { render } from 'preact';
import { App } from './app.js';

render(<App />, document.getElementById('app')!);
