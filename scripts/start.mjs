// `npm start`: the doctor on the bundled example workspace with the python3 on PATH.
// Finding errors is what the example is for, so exit status 1 is reported in words instead of failing npm;
// a real failure (status 2) still fails.
import { spawnSync } from 'node:child_process';

const args = ['dist/cli.js', 'examples/catkin_ws', ...process.argv.slice(2)];
const { status, error } = spawnSync(process.execPath, args, { stdio: 'inherit' });
if (error) throw error;
if (status === 1) {
  process.stdout.write(
    '\n(ros-env-doctor exited with status 1: it found errors in the example, which is what the example shows.\n Try another interpreter: npm start -- --python /usr/bin/python3, or all of them: npm start -- --all)\n',
  );
  process.exit(0);
}
process.exit(status ?? 2);
