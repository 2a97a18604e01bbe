import { planModel, type Plan, type PlanModel } from './plan-model.js';
import type { AnyUserTask } from './scenario-types.js';

function* benignPlan(task: AnyUserTask): Plan {
  for (const [index, call] of task.calls.entries()) yield { type: 'call', call, tag: { kind: 'benign', index } };
  yield { type: 'final', text: task.answer };
}

/**
 * A perfectly behaved model: it makes the user task's ground-truth calls in order (a denied call is not
 * retried; there is nothing else a benign model could do) and gives the scripted answer.
 */
export function createBenignModel(task: AnyUserTask): PlanModel {
  return planModel(() => benignPlan(task));
}
