import { ElMessage } from 'element-plus';
import { call } from '../../api/client';
import { attempt } from '../../utils/errors';

/**
 * One material as a Jingjian exchange file (content, versions, review records), for Jingjian on another computer:
 * a member's draft to the secretary, or a returned material back to its author. Asks where to save it.
 */
export async function exportExchangeFile(materialId: number, t: (key: string, values: Record<string, unknown>) => string): Promise<boolean> {
  const saved = await attempt(() => call('exchange.exportMaterial', { materialId }));
  if (!saved?.saved) return false;
  ElMessage({ type: 'success', message: t('materials.exchange.exported', { path: saved.path }), duration: 6000, showClose: true });
  return true;
}
