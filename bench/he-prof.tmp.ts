import { parseOutline } from '../electron/common/materials';
import { materialOfLength } from '../seeds/large';
const text = materialOfLength(1_000_000);
parseOutline(text);
const c0 = process.cpuUsage();
for (let i = 0; i < 3; i++) { const t = performance.now(); parseOutline(text); console.log('ms', (performance.now() - t).toFixed(0)); }
const c = process.cpuUsage(c0); console.log('cpu per run ms', ((c.user + c.system) / 3000).toFixed(0));
