// A look inside the page's code-action machinery (VS Code's CodeActionModel and CodeActionController), for a
// Ctrl+. that opens no menu: the extension host's log (src/editor/codeActions.ts) shows which requests reached
// our provider and when; this shows what the workbench did with them. Opt in with
// ROS_ENV_DOCTOR_E2E_TRACE_CODE_ACTIONS=1: the workbench bundle is served with console.log lines added at a few
// places of its minified code (code-server 4.139 / VS Code 1.139), which the browser log then carries as
// "[browser log] [code actions] …". A place not found is reported, and the bundle is served unchanged there.
import type { Page } from 'playwright-core';

export const TRACE_CODE_ACTIONS_ENV = 'ROS_ENV_DOCTOR_E2E_TRACE_CODE_ACTIONS';

/** A statement (or, with `;` replaced by `,`, an expression) that logs with the time. */
const log = (what: string, end = ';'): string => `console.log("[code actions] "+new Date().toISOString()+" "+${what})${end}`;

/** [where, text inserted before it]: each where must occur exactly once in the bundle. */
const PROBES: readonly (readonly [string, string])[] = [
  // The oracle: a trigger (1 = invoked, 2 = automatic) becomes a request to every provider.
  [
    'let t=this._getRangeOfSelectionUnlessWhitespaceEnclosed(e);this._signalChange(',
    log('"trigger type="+e.type+" action="+e.triggerAction+" "+new Error().stack.split("\\n").slice(2,6).join(" < ")'),
  ],
  // The lightbulb's state got its first observer: an automatic trigger at once.
  [
    'if(this._ignoreLightbulbOff===e)return;this._ignoreLightbulbOff=e;',
    log('"ignoreLightbulbOff="+e+" "+new Error().stack.split("\\n").slice(2,7).join(" < ")'),
  ],
  // An automatic trigger 250 ms after a cursor move or a marker change of the model.
  [
    'this._autoTriggerTimer.cancelAndSet(',
    log('"auto trigger scheduled (cursor or marker change) "+new Error().stack.split("\\n").slice(2,5).join(" < ")'),
  ],
  ['let t=this._editor.getModel();t&&e.some(i=>De(i,t.uri))&&this._tryAutoTrigger()', log('"markers changed: "+e.map(String).join(", ")')],
  // A new state: the one before is cancelled (a pending Ctrl+. request included).
  [
    'e!==this._state&&(this._state.type===1&&this._state.cancel()',
    log(
      '"state "+(this._state.type===1?"triggered("+this._state.trigger.type+")":"empty")+" -> "+(e.type===1?"triggered("+e.trigger.type+")":"empty")',
    ),
  ],
  // An automatic request after a pending Ctrl+. takes over 500 ms later.
  ['l?setTimeout(()=>{this.setState(c)},500):this.setState(c)', log('"new state delayed 500 ms (invoked then automatic): "+l', ',')],
  // Everything is reset: the model, its language, the set of code-action providers or the lightbulb setting changed.
  [
    'this._codeActionOracle.value=void 0,this.setState(voe.Empty)',
    log('"model reset (_update) "+new Error().stack.split("\\n").slice(2,6).join(" < ")'),
  ],
  // The controller takes the answer of the state it was told about; another answer set meanwhile makes it drop it.
  [
    'if(!t)return;if(this._disposed){t.dispose();return}',
    log('"controller: answer of trigger "+e.trigger.type+(t?" taken ("+t.validActions.length+" valid)":" NOT taken: superseded")'),
  ],
  ['this._activeCodeActions.value=t,this.showCodeActionList(t,this.toCoords(e.position)', log('"controller: shows the menu"')],
];

export function patchWorkbench(source: string): { readonly source: string; readonly missing: readonly string[] } {
  let patched = source;
  const missing: string[] = [];
  for (const [where, insert] of PROBES) {
    const at = patched.indexOf(where);
    if (at < 0 || patched.indexOf(where, at + 1) >= 0) {
      missing.push(where);
      continue;
    }
    patched = `${patched.slice(0, at)}${insert}${patched.slice(at)}`;
  }
  return { source: patched, missing };
}

/** Serves the workbench bundle with the probes; call before the page opens the workbench. */
export async function traceCodeActions(page: Page, log: (line: string) => void): Promise<void> {
  await page.route('**/workbench.js', async (route) => {
    const response = await route.fetch();
    const { source, missing } = patchWorkbench(await response.text());
    for (const where of missing) log(`[harness] code-action trace: not found once in workbench.js: ${where}`);
    await route.fulfill({ response, body: source });
  });
}
