import { describe, expect, it } from 'vitest';
import { createBenignModel } from './benign-model.js';
import { buildProtection } from './build-protection.js';
import { createCompromisedModel } from './compromised-model.js';
import { createCoreDriver } from './core-driver.js';
import { bindTools } from './define-tool.js';
import { injectionText } from './injection-text.js';
import { MINI_SUITE } from './mini-suite.js';

const TASK = MINI_SUITE.userTasks[0]!;
const INJECTION = MINI_SUITE.injectionTasks[0]!;
const PLANTED = { mail_body: injectionText(INJECTION.goal, 'Rita') };

describe('createCoreDriver', () => {
  it('should run a benign task through the engine and execute its allowed calls', async () => {
    const env = MINI_SUITE.createEnvironment();
    const result = await createCoreDriver().run({ prompt: TASK.prompt, tools: bindTools(MINI_SUITE.tools, env), protection: buildProtection(MINI_SUITE, TASK, 'P0'), model: createBenignModel(TASK), maxSteps: 10 });
    expect(result.calls.map((call) => call.status)).toEqual(['executed', 'executed']);
    expect(env.sent).toEqual([{ to: 'rita@corp.example', body: 'One mail from ops.' }]);
    expect(result.finalText).toBe('Done.');
  });

  it('should deny the injected recipient with the deciding rule and let the model go on', async () => {
    const env = MINI_SUITE.createEnvironment(PLANTED);
    const result = await createCoreDriver().run({ prompt: TASK.prompt, tools: bindTools(MINI_SUITE.tools, env), protection: buildProtection(MINI_SUITE, TASK, 'P0'), model: createCompromisedModel(TASK, INJECTION), maxSteps: 20 });
    expect(result.calls.filter((call) => call.status === 'denied').map((call) => [call.args['to'], call.ruleIds])).toEqual([
      ['eve@evil.example', ['no-send-to-unknown']],
      ['EVE@evil.example', ['no-send-to-unknown']],
    ]);
    expect(env.sent.map((message) => message.to)).toEqual(['rita@corp.example']);
  });

  it('should execute everything with no middleware (the baseline)', async () => {
    const env = MINI_SUITE.createEnvironment(PLANTED);
    await createCoreDriver().run({ prompt: TASK.prompt, tools: bindTools(MINI_SUITE.tools, env), protection: null, model: createCompromisedModel(TASK, INJECTION), maxSteps: 20 });
    expect(env.sent.map((message) => message.to)).toEqual(['eve@evil.example', 'rita@corp.example']);
    expect(env.files).toEqual(['b2']);
  });

  it('should report a call with invalid arguments as failed, not executed', async () => {
    const env = MINI_SUITE.createEnvironment();
    const broken = { ...TASK, calls: [{ tool: 'send_email', args: { to: 'rita@corp.example' } }] };
    const result = await createCoreDriver().run({ prompt: TASK.prompt, tools: bindTools(MINI_SUITE.tools, env), protection: null, model: createBenignModel(broken), maxSteps: 10 });
    expect(result.calls.map((call) => call.status)).toEqual(['failed']);
  });
});
