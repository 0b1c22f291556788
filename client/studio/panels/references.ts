/** Fields that name another thing of the scenario by id (a floor, a role, a zone in a guard's params,
 *  an item in a criterion's filter), and the ids the draft offers for each. */
import type { Scenario } from '../../../engine/index';
import { asText } from '../model/paths';

const ids = (list: unknown): string[] => (Array.isArray(list) ? list.map((t: unknown) => asText((t as { id?: unknown } | null)?.id)).filter((id) => id !== '') : []);

export function referenceOptions(s: Scenario, key: string): string[] | null {
  switch (key) {
    case 'floor':
      return ids(s.world.floors);
    case 'role':
      return s.roles.length > 0 ? ids(s.roles) : null;
    case 'zone':
    case 'zoneId':
      return ids(s.world.zones);
    case 'item':
    case 'itemId':
      return ids(s.world.items);
    case 'hydrant':
      return ids(s.world.hydrants);
    case 'hazard':
      return ids(s.world.hazards);
    case 'victim':
    case 'victimId':
      return ids(s.world.victims);
    case 'crewId':
      return ids(s.crew);
    default:
      return null;
  }
}
