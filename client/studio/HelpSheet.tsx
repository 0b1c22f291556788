/** The keyboard help sheet: every shortcut from the one table, in a dialog that Esc closes. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from './shortcuts';

export function HelpSheet({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="help-sheet" aria-labelledby="help-title" onClose={onClose} onCancel={onClose}>
      <h2 id="help-title">{t('studio.keys.title')}</h2>
      <table>
        <tbody>
          {SHORTCUTS.map((k) => (
            <tr key={k.keys}>
              <th scope="row">
                <kbd>{k.keys}</kbd>
              </th>
              <td>{t(k.what)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">
              <kbd>{t('studio.keys.wheel')}</kbd>
            </th>
            <td>{t('studio.keys.zoom')}</td>
          </tr>
          <tr>
            <th scope="row">
              <kbd>{t('studio.keys.spaceDrag')}</kbd>
            </th>
            <td>{t('studio.keys.pan')}</td>
          </tr>
        </tbody>
      </table>
      <button type="button" className="button primary" onClick={() => ref.current?.close()}>
        {t('studio.keys.close')}
      </button>
    </dialog>
  );
}
