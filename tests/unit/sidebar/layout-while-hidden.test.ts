import { keepLaidOut } from '@/lib/sidebar/layout-while-hidden';

/** Mutation observers report in a microtask; this lets them. */
const observed = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup() {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  const tasks: (() => void)[] = [];
  const measure = vi.spyOn(root, 'getBoundingClientRect');
  const stop = keepLaidOut(root, (task) => tasks.push(task));
  const runIdle = () => tasks.splice(0).forEach((task) => task());
  return { root, tasks, measure, stop, runIdle };
}

describe('keeping the hidden sidebar laid out', () => {
  it('lays the page out once at idle time after a burst of changes', async () => {
    const { root, tasks, measure, runIdle, stop } = setup();
    root.append(document.createElement('main'));
    root.firstElementChild?.setAttribute('aria-busy', 'false');
    root.firstElementChild?.append('Ada Quill');
    await observed();
    expect(tasks).toHaveLength(1);
    expect(measure).not.toHaveBeenCalled();

    runIdle();
    expect(measure).toHaveBeenCalledTimes(1);

    (root.firstElementChild?.firstChild as Text).data = 'Ada Quill-Byron';
    await observed();
    expect(tasks).toHaveLength(1);
    runIdle();
    expect(measure).toHaveBeenCalledTimes(2);
    stop();
  });

  it('asks for nothing while nothing changes, nor once stopped', async () => {
    const { root, tasks, stop } = setup();
    await observed();
    expect(tasks).toHaveLength(0);
    stop();
    root.append('later');
    await observed();
    expect(tasks).toHaveLength(0);
  });
});
