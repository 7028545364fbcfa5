import { runPage } from '@/utils/run-page';
import { startVerifyPage } from './app';
import '@/components/card.css';
import '@/components/controls.css';
import './style.css';

async function main() {
  const root = document.getElementById('app');
  if (root === null) return;
  await startVerifyPage(root);
}

void runPage(main);
