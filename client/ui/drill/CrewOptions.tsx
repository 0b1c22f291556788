/** The options naming each crew member with its scenario role ("ff-1 (Chiến sĩ chữa cháy)"), for the
 *  lobby's role picker and the console's follow picker. Renders options only; the select is the caller's. */
import { useTranslation } from 'react-i18next';

export function CrewOptions({ crew, roleName }: { crew: readonly { id: string; role: string }[]; roleName: (role: string) => string }) {
  const { t } = useTranslation();
  return (
    <>
      {crew.map((c) => (
        <option key={c.id} value={c.id}>
          {t('drill.crewLine', { id: c.id, role: roleName(c.role) })}
        </option>
      ))}
    </>
  );
}
