import { runPage } from '@/utils/run-page';
import { startGuidePage } from './app';
import '@/components/card.css';
import '@/components/controls.css';
import './style.css';

async function main() {
  const root = document.getElementById('app');
  if (root !== null) await startGuidePage(root, location.search);
}

void runPage(main);
