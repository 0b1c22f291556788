/** The scenario's own name for a crew role, in the page's language (the role id until the scenario has
 *  loaded): what the lobby, console and crew page show instead of ids like "nozzle". Reads only. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../engine/index';
import { pick } from '../text';
import { scenarioPlan } from './scenarioPlan';

export function useRoleName(scenarioId: string): (role: string) => string {
  const { i18n } = useTranslation();
  const [roles, setRoles] = useState<readonly Role[]>([]);
  useEffect(() => {
    let live = true;
    scenarioPlan(scenarioId).then(
      (s) => live && setRoles(s.roles),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [scenarioId]);
  return (role) => {
    const found = roles.find((r) => r.id === role);
    return found ? pick(found.name, i18n.language) : role;
  };
}
