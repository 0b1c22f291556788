/** The engine's public surface: everything client/, server/, tests and tools may import. Pure and
 *  deterministic: no DOM, no Node built-ins, no clocks, no unseeded randomness. */

export { ENGINE_VERSION } from './version';
export { contentHash, canonicalJson } from './hash';

export * from './scenario/vocabulary';
export { Scenario, SCENARIO_FORMAT, SCENARIO_VERSION, MAP_LEGEND, type LocalizedText, type Criterion, type Item, type CrewMember, type Zone, type Role, type Debrief, type Victim } from './scenario/format';
export { safeParseScenario, parseScenarioText, type ParseResult } from './scenario/parseScenario';
export { checkScenario } from './scenario/checkScenario';
export { validateScenario, validateScenarioText, loadScenario, type LoadResult } from './scenario/loadScenario';
export { ScenarioError, formatIssues, jsonPath, type ScenarioIssue } from './scenario/ScenarioIssue';
export { scenarioJsonSchema } from './scenario/scenarioJsonSchema';
export { diffScenarios, MAX_LISTED_CELLS, type ScenarioDiff, type CellChange, type ByIdChanges, type TextChange } from './scenario/diffScenarios';

export { TICK_MS, TICKS_PER_SECOND, SECONDS_PER_TICK, CELL_SIZE_M, AMBIENT_DECI_C } from './world/constants';
export { Cell, isWalkable, isDoor, type FloorGrid, type CellKind } from './world/grid';
export { ALPHA, tSquaredHrr, secondsToReach } from './world/fireGrowth';
export { AGENT_MATRIX, type AgentEffect } from './world/agents';
export { findPath } from './world/findPath';
export { HOSE_RANGE_CELLS } from './world/discharge';
export { blocksStream, clearLine, inLineOfFire } from './world/lineOfFire';
export { inHazard, sightM } from './world/crewSafety';
export { visibilityM } from './world/dose';
export { startTag, type TriageTag, type CasualtyFindings } from './world/startTriage';
export type { WorldState, WorldEvent, ItemState, CrewState, ExtinguisherState, OrderState } from './world/WorldState';

export { Intent, INTENT_TYPES, Order, ORDER_KINDS, type IntentType, type OrderKind, type RefusalReason } from './intents/Intent';
export { ORDER_NEEDS } from './orders/orderBehaviours';
export { GUARD_PARAMS, ACTION_PARAMS, InjectAction } from './machine/catalogue';
export { buildMachine } from './machine/buildMachine';
export { scoreRun, type ScoreResult, type CriterionResult } from './scoring/scoreRun';

export { applyIntentNow, createRun, stepRun, submitIntent, submitInject, forkRun, type Run, type EndReason } from './run/Run';
export { RunRecord, LoggedIntent, LoggedInject, MAX_LOGGED_INTENTS } from './run/RunRecord';
export { stateHash } from './run/stateHash';
export { replayRecord, replayToTick, startReplay, toRunRecord, type Replay, type ReplayLog, type ReplayResult, type ReplayError } from './run/replay';

export { expertBot } from './bots/expertBot';
export { noviceBot } from './bots/noviceBot';
export { playWithBot, type Bot } from './bots/playWithBot';
