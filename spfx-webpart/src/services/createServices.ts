/**
 * Wires the services of one page from its `SPFI`: settings are read once and decide whether
 * links go through the tracker. The Report web part adds its ReportService itself, so the
 * permission helpers it needs stay out of the Share and Feed bundles.
 */
import type { SPFI } from '@pnp/sp';
import { ConcernsService } from './ConcernsService';
import { ItemsService } from './ItemsService';
import { SettingsService, type Settings } from './SettingsService';
import { SharesService } from './SharesService';
import { TrackerClient } from './TrackerClient';

/** The services a web part uses. */
export interface Services {
  readonly settings: Settings;
  readonly settingsService: SettingsService;
  readonly items: ItemsService;
  readonly shares: SharesService;
  readonly tracker: TrackerClient;
  readonly concerns: ConcernsService;
}

/**
 * Creates the services, reading settings first.
 * @param sp the page's SPFI
 * @returns the services
 * @example const services = await createServices(initSP(this.context));
 */
export async function createServices(sp: SPFI): Promise<Services> {
  const settingsService = new SettingsService(sp);
  const settings = await settingsService.load();
  const shares = new SharesService(sp);
  const tracker = new TrackerClient(settings.tracker);
  return { settings, settingsService, items: new ItemsService(sp), shares, tracker, concerns: new ConcernsService(sp) };
}
