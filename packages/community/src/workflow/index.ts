export { defineWorkflow, findTransition, type TransitionDefinition, type WorkflowDefinition, type WorkflowRole } from './workflow-definition.js';
export { defaultWorkflow, requestStates, type RequestState } from './default-workflow.js';
