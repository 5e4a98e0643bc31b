/**
 * Buyer personas grounded in a shop's segment statistics and catalog, generated through the AI
 * engine (offline without keys), in the shop's language and translated on demand.
 */
export * from "./catalog.js";
export * from "./generate.js";
export {
  personaTask,
  offlinePersona,
  MAX_PROMPT_PRODUCTS,
  type PersonaTaskInput,
  type PromptSegment,
} from "./task.js";
export { ARCHETYPE_OF, type Archetype } from "./archetypes.js";
