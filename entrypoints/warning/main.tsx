import { runPage } from '@/utils/run-page';
import { startWarningPage } from './app';
import '@/components/card.css';
import '@/components/controls.css';
import './style.css';

async function main() {
  const root = document.getElementById('app');
  if (root === null) return;
  await startWarningPage(root, new URLSearchParams(location.search).get('url') ?? '');
}

void runPage(main);
